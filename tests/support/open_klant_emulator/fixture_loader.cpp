// Reads Django fixtures (`manage.py dumpdata` format: a list of {"model", "pk",
// "fields"}) of the klantinteracties models into the Store.
#include "open_klant_emulator/store.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <stdexcept>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

[[noreturn]] void fail(const std::string& context, const std::string& problem) {
  throw std::runtime_error("invalid fixture: " + context + ": " + problem);
}

// Typed access to the "fields" of one fixture record; every error names the record.
class FixtureRecord {
 public:
  FixtureRecord(const json::object& fields, std::string context) : fields_(fields), context_(std::move(context)) {}

  const std::string& context() const { return context_; }

  std::string text(std::string_view name) const {
    const auto* value = fields_.if_contains(name);
    if (!value || value->is_null()) return {};
    if (!value->is_string()) fail(context_, "field '" + std::string(name) + "' must be a string");
    return std::string(value->get_string());
  }

  bool boolean(std::string_view name, bool fallback) const {
    const auto value = optional_boolean(name);
    return value ? *value : fallback;
  }

  std::optional<bool> optional_boolean(std::string_view name) const {
    const auto* value = fields_.if_contains(name);
    if (!value || value->is_null()) return std::nullopt;
    if (!value->is_bool()) fail(context_, "field '" + std::string(name) + "' must be true, false or null");
    return value->get_bool();
  }

  std::optional<long long> optional_integer(std::string_view name) const {
    const auto* value = fields_.if_contains(name);
    if (!value || value->is_null()) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    if (value->is_uint64()) return static_cast<long long>(value->get_uint64());
    fail(context_, "field '" + std::string(name) + "' must be an integer or null");
  }

  std::optional<int> foreign_key(std::string_view name) const {
    const auto value = optional_integer(name);
    if (!value) return std::nullopt;
    return static_cast<int>(*value);
  }

  std::optional<std::string> optional_text(std::string_view name) const {
    const auto* value = fields_.if_contains(name);
    if (!value || value->is_null()) return std::nullopt;
    return text(name);
  }

  Contactnaam contactnaam() const {
    return {text("contactnaam_voorletters"), text("contactnaam_voornaam"),
            text("contactnaam_voorvoegsel_achternaam"), text("contactnaam_achternaam")};
  }

  Adres adres(const std::string& prefix) const {
    Adres adres;
    adres.nummeraanduiding_id = text(prefix + "_nummeraanduiding_id");
    adres.straatnaam = text(prefix + "_straatnaam");
    adres.huisnummer = optional_integer(prefix + "_huisnummer");
    adres.huisnummertoevoeging = text(prefix + "_huisnummertoevoeging");
    adres.postcode = text(prefix + "_postcode");
    adres.stad = text(prefix + "_stad");
    adres.adresregel1 = text(prefix + "_adresregel1");
    adres.adresregel2 = text(prefix + "_adresregel2");
    adres.adresregel3 = text(prefix + "_adresregel3");
    adres.land = text(prefix + "_land");
    return adres;
  }

 private:
  const json::object& fields_;
  std::string context_;
};

Partij read_partij(const FixtureRecord& record) {
  Partij partij;
  partij.uuid = record.text("uuid");
  partij.nummer = record.text("nummer");
  partij.interne_notitie = record.text("interne_notitie");
  partij.soort_partij = record.text("soort_partij");
  partij.indicatie_geheimhouding = record.optional_boolean("indicatie_geheimhouding");
  partij.voorkeurstaal = record.text("voorkeurstaal");
  partij.indicatie_actief = record.boolean("indicatie_actief", true);
  partij.voorkeurs_digitaal_adres = record.foreign_key("voorkeurs_digitaal_adres");
  partij.bezoekadres = record.adres("bezoekadres");
  partij.correspondentieadres = record.adres("correspondentieadres");
  if (partij.soort_partij != "persoon" && partij.soort_partij != "organisatie") {
    fail(record.context(), "soort_partij must be \"persoon\" or \"organisatie\", not \"" + partij.soort_partij + "\"");
  }
  return partij;
}

PartijIdentificator read_partij_identificator(const FixtureRecord& record) {
  PartijIdentificator identificator;
  identificator.uuid = record.text("uuid");
  identificator.partij = record.foreign_key("partij");
  identificator.sub_identificator_van = record.foreign_key("sub_identificator_van");
  identificator.andere_partij_identificator = record.text("andere_partij_identificator");
  identificator.code_objecttype = record.text("partij_identificator_code_objecttype");
  identificator.code_soort_object_id = record.text("partij_identificator_code_soort_object_id");
  identificator.object_id = record.text("partij_identificator_object_id");
  identificator.code_register = record.text("partij_identificator_code_register");
  return identificator;
}

DigitaalAdres read_digitaal_adres(const FixtureRecord& record) {
  DigitaalAdres adres;
  adres.uuid = record.text("uuid");
  adres.partij = record.foreign_key("partij");
  adres.betrokkene = record.foreign_key("betrokkene");
  adres.soort_digitaal_adres = record.text("soort_digitaal_adres");
  adres.is_standaard_adres = record.boolean("is_standaard_adres", false);
  adres.adres = record.text("adres");
  adres.omschrijving = record.text("omschrijving");
  adres.referentie = record.text("referentie");
  adres.verificatie_datum = record.optional_text("verificatie_datum");
  return adres;
}

Klantcontact read_klantcontact(const FixtureRecord& record) {
  Klantcontact klantcontact;
  klantcontact.uuid = record.text("uuid");
  klantcontact.nummer = record.text("nummer");
  klantcontact.kanaal = record.text("kanaal");
  klantcontact.onderwerp = record.text("onderwerp");
  klantcontact.inhoud = record.text("inhoud");
  klantcontact.indicatie_contact_gelukt = record.optional_boolean("indicatie_contact_gelukt");
  klantcontact.taal = record.text("taal");
  klantcontact.vertrouwelijk = record.boolean("vertrouwelijk", false);
  klantcontact.plaatsgevonden_op = record.text("plaatsgevonden_op");
  return klantcontact;
}

Betrokkene read_betrokkene(const FixtureRecord& record) {
  Betrokkene betrokkene;
  betrokkene.uuid = record.text("uuid");
  betrokkene.partij = record.foreign_key("partij");
  const auto klantcontact = record.foreign_key("klantcontact");
  if (!klantcontact) fail(record.context(), "field 'klantcontact' is required");
  betrokkene.klantcontact = *klantcontact;
  betrokkene.rol = record.text("rol");
  betrokkene.organisatienaam = record.text("organisatienaam");
  betrokkene.initiator = record.boolean("initiator", false);
  betrokkene.contactnaam = record.contactnaam();
  betrokkene.bezoekadres = record.adres("bezoekadres");
  betrokkene.correspondentieadres = record.adres("correspondentieadres");
  return betrokkene;
}

Onderwerpobject read_onderwerpobject(const FixtureRecord& record) {
  Onderwerpobject onderwerpobject;
  onderwerpobject.uuid = record.text("uuid");
  onderwerpobject.klantcontact = record.foreign_key("klantcontact");
  onderwerpobject.was_klantcontact = record.foreign_key("was_klantcontact");
  onderwerpobject.object_id = record.text("onderwerpobjectidentificator_object_id");
  onderwerpobject.code_objecttype = record.text("onderwerpobjectidentificator_code_objecttype");
  onderwerpobject.code_register = record.text("onderwerpobjectidentificator_code_register");
  onderwerpobject.code_soort_object_id = record.text("onderwerpobjectidentificator_code_soort_object_id");
  return onderwerpobject;
}

// Gives the record its pk (or the next free one) and a uuid, then appends it.
template <typename Record>
void add_record(std::vector<Record>& records, Record record, std::optional<int> pk, Store& store,
                const std::string& context) {
  record.pk = pk ? *pk : next_pk(records);
  if (find_by_pk(records, record.pk)) fail(context, "pk " + std::to_string(record.pk) + " is used twice");
  if (record.uuid.empty()) record.uuid = store.new_uuid();
  if (find_by_uuid(records, record.uuid)) fail(context, "uuid " + record.uuid + " is used twice");
  records.push_back(std::move(record));
}

struct PartijDetails {
  std::string context;
  int partij_pk = 0;
  std::function<void(Partij&)> apply;
};

template <typename Record, typename Target>
void check_reference(const std::vector<Target>& targets, std::optional<int> pk, const Record& record,
                     const char* model, const char* field) {
  if (pk && !find_by_pk(targets, pk)) {
    fail(std::string(model) + " pk " + std::to_string(record.pk),
         std::string("field '") + field + "' points at pk " + std::to_string(*pk) + ", which the fixture does not contain");
  }
}

void check_references(const Store& store) {
  for (const auto& partij : store.partijen) {
    check_reference(store.digitale_adressen, partij.voorkeurs_digitaal_adres, partij, "klantinteracties.partij",
                    "voorkeurs_digitaal_adres");
  }
  for (const auto& identificator : store.partij_identificatoren) {
    check_reference(store.partijen, identificator.partij, identificator, "klantinteracties.partijidentificator", "partij");
    check_reference(store.partij_identificatoren, identificator.sub_identificator_van, identificator,
                    "klantinteracties.partijidentificator", "sub_identificator_van");
  }
  for (const auto& adres : store.digitale_adressen) {
    check_reference(store.partijen, adres.partij, adres, "klantinteracties.digitaaladres", "partij");
    check_reference(store.betrokkenen, adres.betrokkene, adres, "klantinteracties.digitaaladres", "betrokkene");
  }
  for (const auto& betrokkene : store.betrokkenen) {
    check_reference(store.partijen, betrokkene.partij, betrokkene, "klantinteracties.betrokkene", "partij");
    check_reference(store.klantcontacten, std::optional<int>(betrokkene.klantcontact), betrokkene,
                    "klantinteracties.betrokkene", "klantcontact");
  }
  for (const auto& onderwerpobject : store.onderwerpobjecten) {
    check_reference(store.klantcontacten, onderwerpobject.klantcontact, onderwerpobject,
                    "klantinteracties.onderwerpobject", "klantcontact");
    check_reference(store.klantcontacten, onderwerpobject.was_klantcontact, onderwerpobject,
                    "klantinteracties.onderwerpobject", "was_klantcontact");
  }
}

json::value parse_fixture(std::string_view fixture_json) {
  boost::system::error_code error;
  auto document = json::parse(fixture_json, error);
  if (error) throw std::runtime_error("invalid fixture: not valid JSON: " + error.message());
  if (!document.is_array()) throw std::runtime_error("invalid fixture: the top level must be a JSON array of records");
  return document;
}

}  // namespace

void load_django_fixture(Store& store, std::string_view fixture_json) {
  const auto document = parse_fixture(fixture_json);
  std::vector<PartijDetails> partij_details;  // persoon and organisatie records, applied once all partijen exist

  std::size_t index = 0;
  for (const auto& element : document.get_array()) {
    const std::string position = "record " + std::to_string(index++);
    if (!element.is_object()) fail(position, "must be an object with \"model\", \"pk\" and \"fields\"");
    const auto& entry = element.get_object();

    const auto* model_value = entry.if_contains("model");
    if (!model_value || !model_value->is_string()) fail(position, "\"model\" is missing or not a string");
    const std::string model(model_value->get_string());

    std::optional<int> pk;
    if (const auto* pk_value = entry.if_contains("pk"); pk_value && !pk_value->is_null()) {
      if (!pk_value->is_int64()) fail(position + " (" + model + ")", "\"pk\" must be an integer");
      pk = static_cast<int>(pk_value->get_int64());
    }
    const std::string context = position + " (" + model + (pk ? ", pk " + std::to_string(*pk) : std::string()) + ")";

    const auto* fields_value = entry.if_contains("fields");
    if (!fields_value || !fields_value->is_object()) fail(context, "\"fields\" is missing or not an object");
    const FixtureRecord record(fields_value->get_object(), context);

    if (model == "klantinteracties.partij") {
      add_record(store.partijen, read_partij(record), pk, store, context);
    } else if (model == "klantinteracties.partijidentificator") {
      add_record(store.partij_identificatoren, read_partij_identificator(record), pk, store, context);
    } else if (model == "klantinteracties.digitaaladres") {
      add_record(store.digitale_adressen, read_digitaal_adres(record), pk, store, context);
    } else if (model == "klantinteracties.klantcontact") {
      add_record(store.klantcontacten, read_klantcontact(record), pk, store, context);
    } else if (model == "klantinteracties.betrokkene") {
      add_record(store.betrokkenen, read_betrokkene(record), pk, store, context);
    } else if (model == "klantinteracties.onderwerpobject") {
      add_record(store.onderwerpobjecten, read_onderwerpobject(record), pk, store, context);
    } else if (model == "klantinteracties.persoon") {
      const auto partij = record.foreign_key("partij");
      if (!partij) fail(context, "field 'partij' is required");
      partij_details.push_back({context, *partij, [contactnaam = record.contactnaam()](Partij& target) {
                                  target.contactnaam = contactnaam;
                                }});
    } else if (model == "klantinteracties.organisatie") {
      const auto partij = record.foreign_key("partij");
      if (!partij) fail(context, "field 'partij' is required");
      partij_details.push_back({context, *partij, [naam = record.text("naam")](Partij& target) {
                                  target.organisatie_naam = naam;
                                }});
    } else {
      fail(context,
           "model is not supported; supported are klantinteracties.partij, persoon, organisatie, partijidentificator, "
           "digitaaladres, klantcontact, betrokkene and onderwerpobject");
    }
  }

  for (const auto& details : partij_details) {
    auto partij = std::find_if(store.partijen.begin(), store.partijen.end(),
                               [&](const Partij& candidate) { return candidate.pk == details.partij_pk; });
    if (partij == store.partijen.end()) {
      fail(details.context, "field 'partij' points at pk " + std::to_string(details.partij_pk) +
                                ", which the fixture does not contain");
    }
    details.apply(*partij);
  }

  for (auto& partij : store.partijen) {
    if (partij.nummer.empty()) partij.nummer = store.next_partij_nummer();
  }
  for (auto& klantcontact : store.klantcontacten) {
    if (klantcontact.nummer.empty()) klantcontact.nummer = store.next_klantcontact_nummer();
  }
  check_references(store);
}

}  // namespace openklant_emulator::detail
