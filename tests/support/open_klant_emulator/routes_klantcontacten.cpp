// maak-klantcontact (POST) and the read-only klantcontacten, betrokkenen and
// onderwerpobjecten lists and details.
#include "open_klant_emulator/api_errors.hpp"
#include "open_klant_emulator/routes.hpp"
#include "open_klant_emulator/validation.hpp"

#include <boost/json/array.hpp>

#include <chrono>
#include <ctime>
#include <regex>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

const std::string onderwerpobject_prefix = "onderwerpobjectidentificator";

// The current UTC time as Open Klant writes it: 2026-08-20T07:47:28.726609Z.
std::string current_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto seconds = std::chrono::system_clock::to_time_t(now);
  const auto microseconds =
      std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<long long>(microseconds));
  return text;
}

bool is_timestamp(const std::string& text) {
  static const std::regex pattern(
      R"(^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$)");
  return std::regex_match(text, pattern);
}

std::optional<Klantcontact> read_klantcontact(const json::object& body, std::vector<InvalidParam>& errors) {
  FieldReader reader(body, "", errors);
  const auto* object = reader.object("klantcontact", Requirement::required, false);
  if (!object) return std::nullopt;

  FieldReader fields(*object, "klantcontact.", errors);
  Klantcontact klantcontact;
  klantcontact.kanaal = fields.string("kanaal", Requirement::required, 50, false).value_or("");
  klantcontact.onderwerp = fields.string("onderwerp", Requirement::required, 200).value_or("");
  klantcontact.inhoud = fields.string("inhoud", Requirement::optional, 1000).value_or("");
  klantcontact.vertrouwelijk = fields.boolean("vertrouwelijk", Requirement::required).value_or(false);
  if (auto gelukt = fields.nullable_boolean("indicatieContactGelukt")) klantcontact.indicatie_contact_gelukt = *gelukt;

  // Open Klant only limits taal to 3 characters. The emulator also requires three
  // lowercase letters (ISO 639-2/B, such as "nld"), so a client that sends "nl" fails.
  if (auto taal = fields.string("taal", Requirement::required, 3)) {
    if (!std::regex_match(*taal, std::regex("^[a-z]{3}$"))) {
      fields.add_error("taal", "invalid", "Enter a 3-letter ISO 639-2/B language code, such as \"nld\".");
    }
    klantcontact.taal = *taal;
  }
  if (auto plaatsgevonden_op = fields.string("plaatsgevondenOp", Requirement::optional, 40)) {
    if (!is_timestamp(*plaatsgevonden_op)) {
      fields.add_error("plaatsgevondenOp", "invalid", "Datetime has wrong format; use ISO 8601, such as 2024-05-01T10:00:00Z.");
    }
    klantcontact.plaatsgevonden_op = *plaatsgevonden_op;
  }
  return klantcontact;
}

std::optional<Betrokkene> read_betrokkene(const Store& store, const json::object& body, std::vector<InvalidParam>& errors) {
  FieldReader reader(body, "", errors);
  const auto* object = reader.object("betrokkene", Requirement::optional, true);
  if (!object) return std::nullopt;

  FieldReader fields(*object, "betrokkene.", errors);
  Betrokkene betrokkene;
  betrokkene.rol = fields.choice("rol", Requirement::required, {"vertegenwoordiger", "klant"}).value_or("");
  betrokkene.initiator = fields.boolean("initiator", Requirement::required).value_or(false);
  betrokkene.organisatienaam = fields.string("organisatienaam", Requirement::optional, 200).value_or("");

  const auto partij = fields.foreign_key("wasPartij");
  if (partij.state == ForeignKeyField::State::given) {
    if (const auto* found = find_by_uuid(store.partijen, partij.uuid)) {
      betrokkene.partij = found->pk;
    } else {
      fields.add_error("wasPartij.uuid", "invalid", "Partij object bestaat niet.");
    }
  }

  if (const auto* contactnaam = fields.object("contactnaam", Requirement::optional, true)) {
    FieldReader naam(*contactnaam, "betrokkene.contactnaam.", errors);
    betrokkene.contactnaam.voorletters = naam.string("voorletters", Requirement::optional, 10).value_or("");
    betrokkene.contactnaam.voornaam = naam.string("voornaam", Requirement::optional, 200).value_or("");
    betrokkene.contactnaam.voorvoegsel_achternaam = naam.string("voorvoegselAchternaam", Requirement::optional, 10).value_or("");
    betrokkene.contactnaam.achternaam = naam.string("achternaam", Requirement::optional, 200).value_or("");
  }
  return betrokkene;
}

std::optional<Onderwerpobject> read_onderwerpobject(const Store& store, const json::object& body,
                                                    std::vector<InvalidParam>& errors) {
  FieldReader reader(body, "", errors);
  const auto* object = reader.object("onderwerpobject", Requirement::optional, true);
  if (!object) return std::nullopt;

  FieldReader fields(*object, "onderwerpobject.", errors);
  Onderwerpobject onderwerpobject;
  if (const auto* identificator = fields.object("onderwerpobjectidentificator", Requirement::optional, true)) {
    FieldReader codes(*identificator, "onderwerpobject.onderwerpobjectidentificator.", errors);
    onderwerpobject.object_id = codes.string("objectId", Requirement::optional, 200).value_or("");
    onderwerpobject.code_objecttype = codes.string("codeObjecttype", Requirement::optional, 200).value_or("");
    onderwerpobject.code_register = codes.string("codeRegister", Requirement::optional, 200).value_or("");
    onderwerpobject.code_soort_object_id = codes.string("codeSoortObjectId", Requirement::optional, 200).value_or("");
  }

  const auto was_klantcontact = fields.foreign_key("wasKlantcontact");
  if (was_klantcontact.state == ForeignKeyField::State::given) {
    if (const auto* found = find_by_uuid(store.klantcontacten, was_klantcontact.uuid)) {
      onderwerpobject.was_klantcontact = found->pk;
    } else {
      fields.add_error("wasKlantcontact.uuid", "invalid", "Klantcontact object bestaat niet.");
    }
  }
  return onderwerpobject;
}

Response maak_klantcontact(Call& call) {
  auto body = parse_body(call.api_root, call.body);
  if (body.error) return *body.error;

  std::vector<InvalidParam> errors;
  auto klantcontact = read_klantcontact(body.object, errors);
  auto betrokkene = read_betrokkene(call.store, body.object, errors);
  auto onderwerpobject = read_onderwerpobject(call.store, body.object, errors);
  if (!errors.empty()) return validation_error(call.api_root, std::move(errors));

  auto& store = call.store;
  klantcontact->pk = next_pk(store.klantcontacten);
  klantcontact->uuid = store.new_uuid();
  klantcontact->nummer = store.next_klantcontact_nummer();
  if (klantcontact->plaatsgevonden_op.empty()) klantcontact->plaatsgevonden_op = current_timestamp();
  store.klantcontacten.push_back(*klantcontact);

  if (betrokkene) {
    betrokkene->pk = next_pk(store.betrokkenen);
    betrokkene->uuid = store.new_uuid();
    betrokkene->klantcontact = klantcontact->pk;
    store.betrokkenen.push_back(*betrokkene);
  }
  if (onderwerpobject) {
    onderwerpobject->pk = next_pk(store.onderwerpobjecten);
    onderwerpobject->uuid = store.new_uuid();
    onderwerpobject->klantcontact = klantcontact->pk;
    store.onderwerpobjecten.push_back(*onderwerpobject);
  }

  // Serialize after all three exist, so the klantcontact lists its betrokkene and onderwerpobject.
  const auto serializer = call.serializer();
  json::object created;
  created["klantcontact"] = serializer.klantcontact(store.klantcontacten.back());
  created["betrokkene"] = betrokkene ? json::value(serializer.betrokkene(store.betrokkenen.back())) : json::value(nullptr);
  created["onderwerpobject"] =
      onderwerpobject ? json::value(serializer.onderwerpobject(store.onderwerpobjecten.back())) : json::value(nullptr);
  return json_response(201, created);
}

bool onderwerpobject_matches(const Onderwerpobject& onderwerpobject, const ListParameters& parameters,
                             const std::string& prefix) {
  const auto matches = [&](const char* code, const std::string& actual) {
    const auto* expected = filter_value(parameters, prefix + code);
    return !expected || *expected == actual;
  };
  return matches("ObjectId", onderwerpobject.object_id) && matches("CodeObjecttype", onderwerpobject.code_objecttype) &&
         matches("CodeRegister", onderwerpobject.code_register) &&
         matches("CodeSoortObjectId", onderwerpobject.code_soort_object_id);
}

std::vector<FilterSpec> onderwerpobject_filter_specs(const std::string& prefix) {
  return {{prefix + "ObjectId"}, {prefix + "CodeObjecttype"}, {prefix + "CodeRegister"}, {prefix + "CodeSoortObjectId"}};
}

bool uses_any_filter(const ListParameters& parameters, const std::vector<FilterSpec>& specs) {
  return std::any_of(specs.begin(), specs.end(), [&](const FilterSpec& spec) { return filter_value(parameters, spec.name); });
}

Response list_klantcontacten(Call& call) {
  const std::string prefix = "onderwerpobject__" + onderwerpobject_prefix;
  const auto onderwerpobject_filters = onderwerpobject_filter_specs(prefix);
  auto filters = onderwerpobject_filters;
  filters.push_back({"hadBetrokkene__wasPartij__uuid", FilterKind::uuid});
  auto parameters = read_list_parameters(call.api_root, call.query, filters);
  if (auto* error = std::get_if<Response>(&parameters)) return *error;
  const auto& list_parameters = std::get<ListParameters>(parameters);

  const bool filter_on_onderwerpobject = uses_any_filter(list_parameters, onderwerpobject_filters);
  const auto* partij_uuid = filter_value(list_parameters, "hadBetrokkene__wasPartij__uuid");
  const auto& store = call.store;
  const auto serializer = call.serializer();
  json::array items;
  for (const auto& klantcontact : store.klantcontacten) {
    if (filter_on_onderwerpobject &&
        std::none_of(store.onderwerpobjecten.begin(), store.onderwerpobjecten.end(), [&](const Onderwerpobject& candidate) {
          return candidate.klantcontact == klantcontact.pk && onderwerpobject_matches(candidate, list_parameters, prefix);
        })) {
      continue;
    }
    if (partij_uuid &&
        std::none_of(store.betrokkenen.begin(), store.betrokkenen.end(), [&](const Betrokkene& candidate) {
          const auto* partij = find_by_pk(store.partijen, candidate.partij);
          return candidate.klantcontact == klantcontact.pk && partij && partij->uuid == *partij_uuid;
        })) {
      continue;
    }
    items.push_back(with_expand(serializer.klantcontact(klantcontact)));
  }
  return paginate(call.api_root, call.collection_url(), list_parameters, std::move(items));
}

Response list_onderwerpobjecten(Call& call) {
  auto filters = onderwerpobject_filter_specs(onderwerpobject_prefix);
  filters.push_back({"klantcontact__uuid", FilterKind::uuid});
  auto parameters = read_list_parameters(call.api_root, call.query, filters);
  if (auto* error = std::get_if<Response>(&parameters)) return *error;
  const auto& list_parameters = std::get<ListParameters>(parameters);

  const auto* klantcontact_uuid = filter_value(list_parameters, "klantcontact__uuid");
  const auto serializer = call.serializer();
  json::array items;
  for (const auto& onderwerpobject : call.store.onderwerpobjecten) {
    if (!onderwerpobject_matches(onderwerpobject, list_parameters, onderwerpobject_prefix)) continue;
    if (klantcontact_uuid) {
      const auto* klantcontact = find_by_pk(call.store.klantcontacten, onderwerpobject.klantcontact);
      if (!klantcontact || klantcontact->uuid != *klantcontact_uuid) continue;
    }
    items.push_back(serializer.onderwerpobject(onderwerpobject));
  }
  return paginate(call.api_root, call.collection_url(), list_parameters, std::move(items));
}

Response list_betrokkenen(Call& call) {
  const std::vector<FilterSpec> filters{{"hadKlantcontact__uuid", FilterKind::uuid}, {"wasPartij__uuid", FilterKind::uuid}};
  auto parameters = read_list_parameters(call.api_root, call.query, filters);
  if (auto* error = std::get_if<Response>(&parameters)) return *error;
  const auto& list_parameters = std::get<ListParameters>(parameters);

  const auto* klantcontact_uuid = filter_value(list_parameters, "hadKlantcontact__uuid");
  const auto* partij_uuid = filter_value(list_parameters, "wasPartij__uuid");
  const auto serializer = call.serializer();
  json::array items;
  for (const auto& betrokkene : call.store.betrokkenen) {
    if (klantcontact_uuid) {
      const auto* klantcontact = find_by_pk(call.store.klantcontacten, std::optional<int>(betrokkene.klantcontact));
      if (!klantcontact || klantcontact->uuid != *klantcontact_uuid) continue;
    }
    if (partij_uuid) {
      const auto* partij = find_by_pk(call.store.partijen, betrokkene.partij);
      if (!partij || partij->uuid != *partij_uuid) continue;
    }
    items.push_back(with_expand(serializer.betrokkene(betrokkene)));
  }
  return paginate(call.api_root, call.collection_url(), list_parameters, std::move(items));
}

}  // namespace

Response route_maak_klantcontact(Call& call) {
  if (call.id) return unknown_path_page();
  if (call.method == "POST") return maak_klantcontact(call);
  return method_not_allowed(call.api_root, call.method);
}

Response route_klantcontacten(Call& call) {
  if (!call.id) {
    if (call.method == "GET") return list_klantcontacten(call);
    return method_not_allowed(call.api_root, call.method);
  }
  const auto* klantcontact = find_by_uuid(call.store.klantcontacten, normalized_uuid(*call.id));
  if (!klantcontact) return not_found(call.api_root, "No Klantcontact matches the given query.");
  if (call.method == "GET") return json_response(200, with_expand(call.serializer().klantcontact(*klantcontact)));
  return method_not_allowed(call.api_root, call.method);
}

Response route_betrokkenen(Call& call) {
  if (!call.id) {
    if (call.method == "GET") return list_betrokkenen(call);
    return method_not_allowed(call.api_root, call.method);
  }
  const auto* betrokkene = find_by_uuid(call.store.betrokkenen, normalized_uuid(*call.id));
  if (!betrokkene) return not_found(call.api_root, "No Betrokkene matches the given query.");
  if (call.method == "GET") return json_response(200, with_expand(call.serializer().betrokkene(*betrokkene)));
  return method_not_allowed(call.api_root, call.method);
}

Response route_onderwerpobjecten(Call& call) {
  if (!call.id) {
    if (call.method == "GET") return list_onderwerpobjecten(call);
    return method_not_allowed(call.api_root, call.method);
  }
  const auto* onderwerpobject = find_by_uuid(call.store.onderwerpobjecten, normalized_uuid(*call.id));
  if (!onderwerpobject) return not_found(call.api_root, "No Onderwerpobject matches the given query.");
  if (call.method == "GET") return json_response(200, call.serializer().onderwerpobject(*onderwerpobject));
  return method_not_allowed(call.api_root, call.method);
}

}  // namespace openklant_emulator::detail
