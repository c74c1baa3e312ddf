// partijen (list, GET, POST) and partij-identificatoren (list, GET).
#include "open_klant_emulator/api_errors.hpp"
#include "open_klant_emulator/routes.hpp"
#include "open_klant_emulator/validation.hpp"

#include <boost/json/array.hpp>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

const std::vector<std::string> code_objecttypes{"natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", ""};
const std::vector<std::string> code_registers{"brp", "hr", ""};
const std::vector<std::string> code_soort_object_ids{"bsn", "vestigingsnummer", "kvk_nummer", "rsin", ""};
const std::string unique_identificator_reason =
    "`PartijIdentificator` moet uniek zijn, er bestaat er al een met deze gegevenscombinatie.";

// Which codeObjecttype belongs to which codeRegister, and which codeSoortObjectId
// to which codeObjecttype, as Open Klant checks them; blank codes are not checked.
std::optional<std::string> code_hierarchy_problem(const PartijIdentificator& identificator) {
  const auto& objecttype = identificator.code_objecttype;
  const auto& soort = identificator.code_soort_object_id;
  if (identificator.code_register == "brp" && !objecttype.empty() && objecttype != "natuurlijk_persoon") {
    return "codeRegister brp allows codeObjecttype natuurlijk_persoon only.";
  }
  if (identificator.code_register == "hr" && !objecttype.empty() && objecttype != "niet_natuurlijk_persoon" &&
      objecttype != "vestiging") {
    return "codeRegister hr allows codeObjecttype niet_natuurlijk_persoon or vestiging only.";
  }
  if (soort.empty()) return std::nullopt;
  if (objecttype == "natuurlijk_persoon" && soort != "bsn") return "codeObjecttype natuurlijk_persoon allows codeSoortObjectId bsn only.";
  if (objecttype == "vestiging" && soort != "vestigingsnummer") {
    return "codeObjecttype vestiging allows codeSoortObjectId vestigingsnummer only.";
  }
  if (objecttype == "niet_natuurlijk_persoon" && soort != "rsin" && soort != "kvk_nummer") {
    return "codeObjecttype niet_natuurlijk_persoon allows codeSoortObjectId rsin or kvk_nummer only.";
  }
  return std::nullopt;
}

bool same_identificator(const PartijIdentificator& left, const PartijIdentificator& right) {
  return left.code_objecttype == right.code_objecttype && left.code_soort_object_id == right.code_soort_object_id &&
         left.object_id == right.object_id && left.code_register == right.code_register &&
         left.sub_identificator_van == right.sub_identificator_van;
}

// Reads one partijIdentificatoren entry; `accepted` contains the entries read
// before it, which count for uniqueness too.
std::optional<PartijIdentificator> read_identificator(const Store& store, const json::value& entry, const std::string& prefix,
                                                      const std::vector<PartijIdentificator>& accepted,
                                                      std::vector<InvalidParam>& errors) {
  if (!entry.is_object()) {
    errors.push_back({prefix + "nonFieldErrors", "invalid", "Invalid data. Expected a dictionary."});
    return std::nullopt;
  }
  const auto errors_before = errors.size();
  FieldReader reader(entry.get_object(), prefix, errors);
  PartijIdentificator identificator;

  if (const auto* codes = reader.object("partijIdentificator", Requirement::required, false)) {
    FieldReader code_reader(*codes, prefix + "partijIdentificator.", errors);
    identificator.code_objecttype = code_reader.choice("codeObjecttype", Requirement::required, code_objecttypes).value_or("");
    identificator.code_soort_object_id =
        code_reader.choice("codeSoortObjectId", Requirement::required, code_soort_object_ids).value_or("");
    identificator.object_id = code_reader.string("objectId", Requirement::required, 200).value_or("");
    identificator.code_register = code_reader.choice("codeRegister", Requirement::required, code_registers).value_or("");
  }
  identificator.andere_partij_identificator = reader.string("anderePartijIdentificator", Requirement::optional, 200).value_or("");

  const auto parent = reader.foreign_key("subIdentificatorVan");
  if (parent.state == ForeignKeyField::State::given) {
    const auto* found = find_by_uuid(store.partij_identificatoren, parent.uuid);
    if (!found) {
      reader.add_error("subIdentificatorVan.uuid", "invalid", "PartijIdentificator object bestaat niet.");
    } else if (found->code_soort_object_id != "kvk_nummer") {
      reader.add_error("subIdentificatorVan", "invalid", "A subIdentificatorVan must be a kvk_nummer identificator.");
    } else {
      identificator.sub_identificator_van = found->pk;
    }
  }
  if (errors.size() != errors_before) return std::nullopt;

  const std::string codes_name = prefix + "partijIdentificator";
  if (const auto problem = code_hierarchy_problem(identificator)) {
    errors.push_back({codes_name, "invalid", *problem});
  }
  if (const auto problem = partij_identificator_object_id_problem(identificator.code_soort_object_id, identificator.object_id)) {
    errors.push_back({codes_name + ".objectId", "invalid", *problem});
  }
  if (identificator.code_soort_object_id == "vestigingsnummer" && !identificator.sub_identificator_van) {
    errors.push_back({prefix + "subIdentificatorVan", "invalid",
                      "An identificator with codeSoortObjectId vestigingsnummer needs a subIdentificatorVan that is a "
                      "kvk_nummer identificator."});
  }
  const auto duplicate = [&](const PartijIdentificator& other) { return same_identificator(other, identificator); };
  if (std::any_of(store.partij_identificatoren.begin(), store.partij_identificatoren.end(), duplicate) ||
      std::any_of(accepted.begin(), accepted.end(), duplicate)) {
    errors.push_back({codes_name, "unique", unique_identificator_reason});
  }
  if (errors.size() != errors_before) return std::nullopt;
  return identificator;
}

std::vector<PartijIdentificator> read_identificatoren(const Store& store, const json::object& body,
                                                      std::vector<InvalidParam>& errors) {
  std::vector<PartijIdentificator> identificatoren;
  const auto* value = body.if_contains("partijIdentificatoren");
  if (!value || value->is_null()) return identificatoren;
  if (!value->is_array()) {
    errors.push_back({"partijIdentificatoren", "not_a_list", "Expected a list of items."});
    return identificatoren;
  }
  const auto& entries = value->get_array();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto prefix = "partijIdentificatoren." + std::to_string(i) + ".";
    if (auto identificator = read_identificator(store, entries[i], prefix, identificatoren, errors)) {
      identificatoren.push_back(std::move(*identificator));
    }
  }
  return identificatoren;
}

void read_partij_identificatie(const json::object& body, Partij& partij, std::vector<InvalidParam>& errors) {
  FieldReader reader(body, "", errors);
  const auto* identificatie = reader.object("partijIdentificatie", Requirement::optional, true);
  if (!identificatie) return;

  FieldReader identificatie_reader(*identificatie, "partijIdentificatie.", errors);
  if (partij.soort_partij == "organisatie") {
    partij.organisatie_naam = identificatie_reader.string("naam", Requirement::optional, 200).value_or("");
    return;
  }
  // A null contactnaam stores an empty one, which Open Klant returns with empty strings.
  const auto* contactnaam = identificatie_reader.object("contactnaam", Requirement::optional, true);
  if (!contactnaam) return;
  FieldReader naam_reader(*contactnaam, "partijIdentificatie.contactnaam.", errors);
  partij.contactnaam.voorletters = naam_reader.string("voorletters", Requirement::optional, 10).value_or("");
  partij.contactnaam.voornaam = naam_reader.string("voornaam", Requirement::optional, 200).value_or("");
  partij.contactnaam.voorvoegsel_achternaam = naam_reader.string("voorvoegselAchternaam", Requirement::optional, 10).value_or("");
  partij.contactnaam.achternaam = naam_reader.string("achternaam", Requirement::optional, 200).value_or("");
}

// digitaleAdressen and voorkeursDigitaalAdres: existing addresses the new partij takes over.
std::vector<int> read_digitale_adressen(const Store& store, const json::object& body, Partij& partij,
                                        std::vector<InvalidParam>& errors) {
  std::vector<int> adres_pks;
  const auto* value = body.if_contains("digitaleAdressen");
  if (value && value->is_array()) {
    const auto& entries = value->get_array();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto name = "digitaleAdressen." + std::to_string(i) + ".uuid";
      const auto* uuid = entries[i].is_object() ? entries[i].get_object().if_contains("uuid") : nullptr;
      const auto* adres = uuid && uuid->is_string() ? find_by_uuid(store.digitale_adressen, normalized_uuid(uuid->get_string())) : nullptr;
      if (!adres) {
        errors.push_back({name, "invalid", "DigitaalAdres object bestaat niet."});
        continue;
      }
      adres_pks.push_back(adres->pk);
    }
  } else if (value && !value->is_null()) {
    errors.push_back({"digitaleAdressen", "not_a_list", "Expected a list of items."});
  }

  FieldReader reader(body, "", errors);
  const auto voorkeur = reader.foreign_key("voorkeursDigitaalAdres");
  if (voorkeur.state == ForeignKeyField::State::given) {
    const auto* adres = find_by_uuid(store.digitale_adressen, voorkeur.uuid);
    if (!adres || std::find(adres_pks.begin(), adres_pks.end(), adres->pk) == adres_pks.end()) {
      reader.add_error("voorkeursDigitaalAdres", "invalid", "The voorkeursDigitaalAdres must be one of the partij's digitaleAdressen.");
    } else {
      partij.voorkeurs_digitaal_adres = adres->pk;
    }
  }
  return adres_pks;
}

void reject_rekeningnummers(const json::object& body, std::vector<InvalidParam>& errors) {
  const auto* rekeningnummers = body.if_contains("rekeningnummers");
  if (rekeningnummers && !rekeningnummers->is_null() && !(rekeningnummers->is_array() && rekeningnummers->get_array().empty())) {
    errors.push_back({"rekeningnummers", "invalid", "The emulator does not support rekeningnummers; send null or []."});
  }
  const auto* voorkeur = body.if_contains("voorkeursRekeningnummer");
  if (voorkeur && !voorkeur->is_null()) {
    errors.push_back({"voorkeursRekeningnummer", "invalid", "The emulator does not support rekeningnummers; send null."});
  }
}

Response create_partij(Call& call) {
  auto body = parse_body(call.api_root, call.body);
  if (body.error) return *body.error;

  std::vector<InvalidParam> errors;
  FieldReader reader(body.object, "", errors);
  Partij partij;
  partij.soort_partij = reader.choice("soortPartij", Requirement::required, {"persoon", "organisatie", "contactpersoon"}).value_or("");
  if (partij.soort_partij == "contactpersoon") {
    reader.add_error("soortPartij", "invalid", "The emulator supports soortPartij persoon and organisatie only.");
  }
  partij.voorkeurstaal = reader.string("voorkeurstaal", Requirement::optional, 3).value_or("");
  partij.indicatie_actief = reader.boolean("indicatieActief", Requirement::required).value_or(true);
  if (auto geheimhouding = reader.nullable_boolean("indicatieGeheimhouding")) partij.indicatie_geheimhouding = *geheimhouding;
  partij.interne_notitie = reader.string("interneNotitie", Requirement::optional, 1000).value_or("");
  read_partij_identificatie(body.object, partij, errors);
  const auto adres_pks = read_digitale_adressen(call.store, body.object, partij, errors);
  reject_rekeningnummers(body.object, errors);
  auto identificatoren = read_identificatoren(call.store, body.object, errors);
  if (!errors.empty()) return validation_error(call.api_root, std::move(errors));

  partij.pk = next_pk(call.store.partijen);
  partij.uuid = call.store.new_uuid();
  partij.nummer = call.store.next_partij_nummer();
  call.store.partijen.push_back(partij);
  for (auto& identificator : identificatoren) {
    identificator.pk = next_pk(call.store.partij_identificatoren);
    identificator.uuid = call.store.new_uuid();
    identificator.partij = partij.pk;
    call.store.partij_identificatoren.push_back(std::move(identificator));
  }
  for (auto& adres : call.store.digitale_adressen) {
    if (std::find(adres_pks.begin(), adres_pks.end(), adres.pk) != adres_pks.end()) adres.partij = partij.pk;
  }
  return json_response(201, call.serializer().partij(partij));
}

Response list_partijen(Call& call) {
  const std::string prefix = "partijIdentificator__";
  auto filters = identificator_filter_specs(prefix);
  filters.push_back({"soortPartij", FilterKind::choice, {"persoon", "organisatie", "contactpersoon"}});
  auto parameters = read_list_parameters(call.api_root, call.query, filters);
  if (auto* error = std::get_if<Response>(&parameters)) return *error;
  const auto& list_parameters = std::get<ListParameters>(parameters);

  const auto identificator_filter = read_identificator_filter(list_parameters, prefix);
  const auto* soort = filter_value(list_parameters, "soortPartij");
  const auto serializer = call.serializer();
  json::array items;
  for (const auto& partij : call.store.partijen) {
    if (identificator_filter.active() && !partij_matches(call.store, partij.pk, identificator_filter)) continue;
    if (soort && partij.soort_partij != *soort) continue;
    items.push_back(with_expand(serializer.partij(partij)));
  }
  return paginate(call.api_root, call.collection_url(), list_parameters, std::move(items));
}

Response list_partij_identificatoren(Call& call) {
  const std::vector<FilterSpec> filters{
      {"partijIdentificatorCodeObjecttype", FilterKind::choice, {"natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging"}},
      {"partijIdentificatorCodeRegister", FilterKind::choice, {"brp", "hr"}},
      {"partijIdentificatorCodeSoortObjectId", FilterKind::choice, {"bsn", "kvk_nummer", "rsin", "vestigingsnummer"}},
      {"partijIdentificatorObjectId"},
  };
  auto parameters = read_list_parameters(call.api_root, call.query, filters);
  if (auto* error = std::get_if<Response>(&parameters)) return *error;
  const auto& list_parameters = std::get<ListParameters>(parameters);

  const auto matches = [&](const char* name, const std::string& actual) {
    const auto* expected = filter_value(list_parameters, name);
    return !expected || *expected == actual;
  };
  const auto serializer = call.serializer();
  json::array items;
  for (const auto& identificator : call.store.partij_identificatoren) {
    if (matches("partijIdentificatorCodeObjecttype", identificator.code_objecttype) &&
        matches("partijIdentificatorCodeRegister", identificator.code_register) &&
        matches("partijIdentificatorCodeSoortObjectId", identificator.code_soort_object_id) &&
        matches("partijIdentificatorObjectId", identificator.object_id)) {
      items.push_back(serializer.partij_identificator(identificator));
    }
  }
  return paginate(call.api_root, call.collection_url(), list_parameters, std::move(items));
}

}  // namespace

Response route_partijen(Call& call) {
  if (!call.id) {
    if (call.method == "GET") return list_partijen(call);
    if (call.method == "POST") return create_partij(call);
    return method_not_allowed(call.api_root, call.method);
  }
  const auto* partij = find_by_uuid(call.store.partijen, normalized_uuid(*call.id));
  if (!partij) return not_found(call.api_root, "No Partij matches the given query.");
  if (call.method == "GET") return json_response(200, with_expand(call.serializer().partij(*partij)));
  return method_not_allowed(call.api_root, call.method);
}

Response route_partij_identificatoren(Call& call) {
  if (!call.id) {
    if (call.method == "GET") return list_partij_identificatoren(call);
    return method_not_allowed(call.api_root, call.method);
  }
  const auto* identificator = find_by_uuid(call.store.partij_identificatoren, normalized_uuid(*call.id));
  if (!identificator) return not_found(call.api_root, "No PartijIdentificator matches the given query.");
  if (call.method == "GET") return json_response(200, call.serializer().partij_identificator(*identificator));
  return method_not_allowed(call.api_root, call.method);
}

}  // namespace openklant_emulator::detail
