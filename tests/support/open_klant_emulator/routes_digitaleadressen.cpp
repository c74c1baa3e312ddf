// digitaleadressen: list (newest first), GET, POST and PATCH, with Open Klant's
// validation rules.
#include "open_klant_emulator/api_errors.hpp"
#include "open_klant_emulator/routes.hpp"
#include "open_klant_emulator/validation.hpp"

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

const std::vector<std::string> soorten_digitaal_adres{"email", "telefoonnummer", "overig"};
const std::string partij_identificator_prefix = "verstrektDoorPartij__partijIdentificator__";

std::vector<FilterSpec> list_filters() {
  auto filters = identificator_filter_specs(partij_identificator_prefix);
  filters.push_back({"verstrektDoorPartij__uuid", FilterKind::uuid});
  filters.push_back({"verstrektDoorBetrokkene__uuid", FilterKind::uuid});
  filters.push_back({"adres"});
  filters.push_back({"soortDigitaalAdres", FilterKind::choice, soorten_digitaal_adres});
  filters.push_back({"isStandaardAdres", FilterKind::boolean});
  filters.push_back({"referentie"});
  return filters;
}

bool matches_filters(const Store& store, const DigitaalAdres& adres, const ListParameters& parameters) {
  const auto identificator_filter = read_identificator_filter(parameters, partij_identificator_prefix);
  if (identificator_filter.active() && !partij_matches(store, adres.partij, identificator_filter)) return false;

  if (const auto* uuid = filter_value(parameters, "verstrektDoorPartij__uuid")) {
    const auto* partij = find_by_pk(store.partijen, adres.partij);
    if (!partij || partij->uuid != *uuid) return false;
  }
  if (const auto* uuid = filter_value(parameters, "verstrektDoorBetrokkene__uuid")) {
    const auto* betrokkene = find_by_pk(store.betrokkenen, adres.betrokkene);
    if (!betrokkene || betrokkene->uuid != *uuid) return false;
  }
  if (const auto* value = filter_value(parameters, "adres"); value && adres.adres != *value) return false;
  if (const auto* value = filter_value(parameters, "soortDigitaalAdres"); value && adres.soort_digitaal_adres != *value) {
    return false;
  }
  if (const auto* value = filter_value(parameters, "isStandaardAdres");
      value && adres.is_standaard_adres != (*value == "true")) {
    return false;
  }
  if (const auto* value = filter_value(parameters, "referentie"); value && adres.referentie != *value) return false;
  return true;
}

Response list(Call& call) {
  auto parameters = read_list_parameters(call.api_root, call.query, list_filters());
  if (auto* error = std::get_if<Response>(&parameters)) return *error;
  const auto& list_parameters = std::get<ListParameters>(parameters);

  // Open Klant returns digitaleadressen newest first.
  const auto serializer = call.serializer();
  json::array items;
  for (auto adres = call.store.digitale_adressen.rbegin(); adres != call.store.digitale_adressen.rend(); ++adres) {
    if (matches_filters(call.store, *adres, list_parameters)) items.push_back(with_expand(serializer.digitaal_adres(*adres)));
  }
  return paginate(call.api_root, call.collection_url(), list_parameters, std::move(items));
}

// Applies the fields present in `body` to `adres`; every problem goes to `errors`.
void read_fields(Call& call, const json::object& body, Requirement adres_requirement, DigitaalAdres& adres,
                 std::vector<InvalidParam>& errors) {
  FieldReader reader(body, "", errors);

  if (auto value = reader.string("adres", adres_requirement, 80, false)) adres.adres = *value;
  if (auto value = reader.choice("soortDigitaalAdres", adres_requirement, soorten_digitaal_adres)) {
    adres.soort_digitaal_adres = *value;
  }
  if (auto value = reader.boolean("isStandaardAdres", Requirement::optional)) adres.is_standaard_adres = *value;
  if (auto value = reader.string("omschrijving", Requirement::optional, 40)) adres.omschrijving = *value;
  if (auto value = reader.string("referentie", Requirement::optional, 50)) {
    if (!value->empty() && !is_slug(*value)) {
      reader.add_error("referentie", "invalid", "Enter a valid value: only letters, digits, '-' and '_' are allowed.");
    } else {
      adres.referentie = *value;
    }
  }

  const auto partij = reader.foreign_key("verstrektDoorPartij");
  if (partij.state == ForeignKeyField::State::null) adres.partij.reset();
  if (partij.state == ForeignKeyField::State::given) {
    if (const auto* found = find_by_uuid(call.store.partijen, partij.uuid)) {
      adres.partij = found->pk;
    } else {
      reader.add_error("verstrektDoorPartij.uuid", "invalid", "Partij object bestaat niet.");
    }
  }

  const auto betrokkene = reader.foreign_key("verstrektDoorBetrokkene");
  if (betrokkene.state == ForeignKeyField::State::null) adres.betrokkene.reset();
  if (betrokkene.state == ForeignKeyField::State::given) {
    if (const auto* found = find_by_uuid(call.store.betrokkenen, betrokkene.uuid)) {
      adres.betrokkene = found->pk;
    } else {
      reader.add_error("verstrektDoorBetrokkene.uuid", "invalid", "Betrokkene object bestaat niet.");
    }
  }
}

// The checks that need the whole record; like Django REST framework, they run
// only when every field on its own is valid.
void check_record(const Store& store, const DigitaalAdres& adres, std::vector<InvalidParam>& errors) {
  if (adres.soort_digitaal_adres == "email" && !is_valid_email(adres.adres)) {
    errors.push_back({"adres", "invalid", "Voer een geldig e-mailadres in."});
  }
  if (adres.soort_digitaal_adres == "telefoonnummer" && !is_valid_telefoonnummer(adres.adres)) {
    errors.push_back({"adres", "invalid", "Het opgegeven telefoonnummer is ongeldig."});
  }
  if (adres.is_standaard_adres && !adres.partij) {
    errors.push_back({"isStandaardAdres", "invalid",
                      "`is_standaard_adres` kan alleen gezet worden als `verstrekt_door_partij` niet leeg is."});
  }
  if (adres.referentie.empty() || !adres.partij) return;
  for (const auto& other : store.digitale_adressen) {
    if (other.pk != adres.pk && other.partij == adres.partij && other.soort_digitaal_adres == adres.soort_digitaal_adres &&
        other.referentie == adres.referentie) {
      errors.push_back({"referentie", "unique",
                        "The partij already has a " + adres.soort_digitaal_adres + " digitaal adres with referentie \"" +
                            adres.referentie + "\"."});
      return;
    }
  }
}

// Stores `adres` (new or changed) and applies the default-address rule.
void save(Call& call, const DigitaalAdres& adres) {
  auto& records = call.store.digitale_adressen;
  auto* existing = find_by_uuid(records, adres.uuid);
  if (existing) {
    *existing = adres;
  } else {
    records.push_back(adres);
  }
  if (!adres.is_standaard_adres) return;

  call.store.clear_other_defaults(adres);
  if (!call.options.default_sets_voorkeurs_digitaal_adres) return;
  for (auto& partij : call.store.partijen) {
    if (adres.partij == partij.pk) partij.voorkeurs_digitaal_adres = adres.pk;
  }
}

Response write(Call& call, DigitaalAdres adres, Requirement adres_requirement, int success_status) {
  auto body = parse_body(call.api_root, call.body);
  if (body.error) return *body.error;

  std::vector<InvalidParam> errors;
  read_fields(call, body.object, adres_requirement, adres, errors);
  if (errors.empty()) check_record(call.store, adres, errors);
  if (!errors.empty()) return validation_error(call.api_root, std::move(errors));

  save(call, adres);
  return json_response(success_status, call.serializer().digitaal_adres(adres));
}

Response create(Call& call) {
  DigitaalAdres adres;
  adres.pk = next_pk(call.store.digitale_adressen);
  adres.uuid = call.store.new_uuid();
  return write(call, std::move(adres), Requirement::required, 201);
}

}  // namespace

Response route_digitaleadressen(Call& call) {
  if (!call.id) {
    if (call.method == "GET") return list(call);
    if (call.method == "POST") return create(call);
    return method_not_allowed(call.api_root, call.method);
  }

  const auto* adres = find_by_uuid(call.store.digitale_adressen, normalized_uuid(*call.id));
  if (!adres) return not_found(call.api_root, "No DigitaalAdres matches the given query.");
  if (call.method == "GET") return json_response(200, with_expand(call.serializer().digitaal_adres(*adres)));
  // NOTE: PUT and DELETE exist in Open Klant but the plugin does not use them, so the emulator responds with 405.
  if (call.method == "PATCH") return write(call, *adres, Requirement::optional, 200);
  return method_not_allowed(call.api_root, call.method);
}

}  // namespace openklant_emulator::detail
