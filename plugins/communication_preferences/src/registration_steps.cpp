#include "registration_steps.hpp"

#include "branch_filter.hpp"
#include "errors.hpp"
#include "prefill.hpp"

#include <algorithm>

namespace commprefs {
namespace {

// Open Klant stores a klantcontact's onderwerp in at most 200 characters.
constexpr std::size_t max_onderwerp_length = 200;

// More than one partij for one identificator: the four codes should identify one.
class BrokenStandard : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string string_at(const boost::json::object& object, std::string_view key) {
  const auto* member = object.if_contains(key);
  return member != nullptr && member->is_string() ? std::string(member->get_string()) : std::string();
}

std::string reference_uuid(const boost::json::object& object, std::string_view key) {
  const auto* member = object.if_contains(key);
  return member != nullptr && member->is_object() ? string_at(member->get_object(), "uuid") : std::string();
}

// The uuid of an object the API returned. A value that is not a UUID would
// end up in a URL path, so it stops the write-back.
std::string checked_uuid(const boost::json::object& object, std::string_view what) {
  std::string uuid = string_at(object, "uuid");
  if (!is_uuid(uuid)) {
    throw ApiError("Open Klant returned a " + std::string(what) + " without a valid uuid.", 0, "", "", nullptr);
  }
  return uuid;
}

// Cuts text to at most `limit` characters without splitting a UTF-8 sequence.
std::string truncate_utf8(const std::string& text, std::size_t limit) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (characters == limit) return text.substr(0, i);
      ++characters;
    }
  }
  return text;
}

boost::json::object reference(const std::string& uuid) { return {{"uuid", uuid}}; }

}  // namespace

RegistrationSteps::RegistrationSteps(const OpenKlantClient& client, const PreferenceMarker& marker,
                                     const Logger& logger)
    : client_(client), marker_(marker), logger_(logger) {}

WriteBackOutcome RegistrationSteps::run(const RegistrationInputs& inputs) {
  WriteBackOutcome outcome;
  try {
    if (inputs.submitter.has_partij_login()) find_or_create_partij(inputs.submitter);
    if (inputs.attempt > 1) find_earlier_klantcontact(inputs.reference);
    if (resumed_) {
      load_earlier_adressen();
    } else {
      create_klantcontact(inputs);
    }

    for (const PlannedAddress& planned : plan_addresses(inputs.submitted, inputs.offered, !partij_uuid_.empty())) {
      write_address(planned);
    }
    failed_entry_ = {};
    outcome.result = build_result();
    logger_.info("write_back_done", {{"reference", inputs.reference},
                                     {"created", std::to_string(created_.size())},
                                     {"updated", std::to_string(updated_.size())},
                                     {"resumed", resumed_ ? "true" : "false"}});
    return outcome;
  } catch (const BrokenStandard& error) {
    outcome.status = FP_STATUS_UPSTREAM_ERROR;
    outcome.message = error.what();
    outcome.result = build_result();
    outcome.result["failure"] = {{"step", step_}, {"status", nullptr}, {"message", error.what()},
                                 {"invalid_params", boost::json::array()}};
  } catch (const ApiError& error) {
    outcome.status = FP_STATUS_UPSTREAM_ERROR;
    outcome.message = "Write-back for submission " + inputs.reference + " stopped at step " + step_ + ": " +
                      error.what() + " " + describe_written();
    outcome.result = build_result();
    boost::json::object failure = {{"step", step_},
                                   {"status", error.status() == 0 ? boost::json::value(nullptr) : error.status()},
                                   {"message", error.what()},
                                   {"invalid_params", invalid_params_of(error.body())}};
    if (!failed_entry_.empty()) failure["entry"] = failed_entry_;
    outcome.result["failure"] = std::move(failure);
  }
  logger_.error("write_back_failed", {{"reference", inputs.reference}, {"step", step_},
                                      {"created", std::to_string(created_.size())},
                                      {"updated", std::to_string(updated_.size())}});
  return outcome;
}

void RegistrationSteps::find_or_create_partij(const Submitter& submitter) {
  const PartijIdentificator identificator = partij_identificator(submitter);

  step_ = "find_partij";
  const auto partijen = client_.list_all("partijen", identificator_filter(identificator, "partijIdentificator__"));
  if (partijen.size() > 1) {
    throw BrokenStandard("Open Klant contains " + std::to_string(partijen.size()) + " partijen with " +
                         identificator.code_soort_object_id + " " + mask_identifier(identificator.object_id) +
                         ", but these identificator codes must identify one partij. Nothing was written; merge the "
                         "partijen in Open Klant and retry the registration.");
  }
  if (partijen.size() == 1) {
    partij_uuid_ = checked_uuid(partijen.front(), "partij");
    return;
  }

  // An authenticated submitter Open Klant does not know yet becomes a partij.
  step_ = "create_partij";
  const bool persoon = submitter.login == Submitter::Login::bsn;
  boost::json::object body = {
      {"soortPartij", persoon ? "persoon" : "organisatie"},
      {"voorkeurstaal", "nld"},
      {"indicatieActief", true},
      {"digitaleAdressen", nullptr},
      {"voorkeursDigitaalAdres", nullptr},
      {"rekeningnummers", nullptr},
      {"voorkeursRekeningnummer", nullptr},
      {"indicatieGeheimhouding", false},
      {"partijIdentificatoren",
       boost::json::array{{{"partijIdentificator",
                            {{"codeSoortObjectId", identificator.code_soort_object_id},
                             {"codeRegister", identificator.code_register},
                             {"codeObjecttype", identificator.code_objecttype},
                             {"objectId", identificator.object_id}}}}}},
  };
  if (persoon) {
    body["partijIdentificatie"] = {{"contactnaam", nullptr}};
  } else {
    body["partijIdentificatie"] = {{"naam", ""}};
  }
  const auto created = client_.post("partijen", body);
  partij_uuid_ = checked_uuid(created, "partij");
  partij_created_ = true;
  logger_.info("partij_created", {{"partij", partij_uuid_}, {"soort_partij", persoon ? "persoon" : "organisatie"}});
}

void RegistrationSteps::find_earlier_klantcontact(const std::string& registration_reference) {
  // A retried registration finds the klantcontact of an earlier attempt
  // through its onderwerpobject, which carries the submission's reference.
  // NOTE: two customerProfile components of one form write two klantcontacten
  // with the same reference and partij; a retry resumes the first one found.
  step_ = "find_earlier_klantcontact";
  const auto onderwerpobjecten = client_.list_all(
      "onderwerpobjecten", {{"onderwerpobjectidentificatorObjectId", registration_reference},
                            {"onderwerpobjectidentificatorCodeObjecttype", "formulierinzending"},
                            {"onderwerpobjectidentificatorCodeRegister", "Open Formulieren"},
                            {"onderwerpobjectidentificatorCodeSoortObjectId", "public_registration_reference"}});

  for (const auto& onderwerpobject : onderwerpobjecten) {
    const std::string klantcontact_uuid = reference_uuid(onderwerpobject, "klantcontact");
    if (!is_uuid(klantcontact_uuid)) continue;
    const auto klantcontact = client_.get_object("klantcontacten/" + klantcontact_uuid);

    const auto* betrokkenen = klantcontact.if_contains("hadBetrokkenen");
    if (betrokkenen == nullptr || !betrokkenen->is_array()) continue;
    for (const auto& item : betrokkenen->get_array()) {
      if (!item.is_object() || !is_uuid(string_at(item.get_object(), "uuid"))) continue;
      const auto betrokkene = client_.get_object("betrokkenen/" + string_at(item.get_object(), "uuid"));
      // The betrokkene of this submitter: the same partij, or none for an anonymous one.
      if (reference_uuid(betrokkene, "wasPartij") != partij_uuid_) continue;

      klantcontact_ = klantcontact;
      betrokkene_ = betrokkene;
      onderwerpobject_ = onderwerpobject;
      resumed_ = true;
      logger_.info("write_back_resumed", {{"reference", registration_reference}, {"klantcontact", klantcontact_uuid}});
      return;
    }
  }
}

void RegistrationSteps::create_klantcontact(const RegistrationInputs& inputs) {
  step_ = "create_klantcontact";
  boost::json::object betrokkene = {{"rol", "klant"}, {"initiator", true}, {"organisatienaam", ""}};
  if (!partij_uuid_.empty()) betrokkene["wasPartij"] = reference(partij_uuid_);

  const boost::json::object body = {
      {"klantcontact",
       {{"kanaal", "Webformulier"},
        {"onderwerp", truncate_utf8(inputs.form_name, max_onderwerp_length)},
        {"taal", inputs.taal},
        {"vertrouwelijk", true}}},
      {"betrokkene", std::move(betrokkene)},
      {"onderwerpobject",
       {{"onderwerpobjectidentificator",
         {{"objectId", inputs.reference},
          {"codeObjecttype", "formulierinzending"},
          {"codeRegister", "Open Formulieren"},
          {"codeSoortObjectId", "public_registration_reference"}}}}},
  };
  auto created = client_.post("maak-klantcontact", body);

  for (const char* part : {"klantcontact", "betrokkene", "onderwerpobject"}) {
    const auto* object = created.if_contains(part);
    if (object == nullptr || !object->is_object()) {
      throw ApiError(std::string("Open Klant's response to maak-klantcontact has no ") + part + ".", 201, "POST", "",
                     nullptr);
    }
    checked_uuid(object->get_object(), part);
  }
  klantcontact_ = created["klantcontact"];
  betrokkene_ = created["betrokkene"];
  onderwerpobject_ = created["onderwerpobject"];
}

void RegistrationSteps::load_earlier_adressen() {
  step_ = "find_earlier_digitale_adressen";
  const std::string betrokkene_uuid = checked_uuid(betrokkene_.as_object(), "betrokkene");
  earlier_adressen_ = client_.list_all("digitaleadressen", {{"verstrektDoorBetrokkene__uuid", betrokkene_uuid}});
}

const boost::json::object* RegistrationSteps::earlier_copy(const PlannedAddress& planned) const {
  const std::string key = comparison_key(planned.channel, planned.address);
  for (const auto& adres : earlier_adressen_) {
    if (string_at(adres, "soortDigitaalAdres") != soort_name(planned.channel)) continue;
    if (comparison_key(planned.channel, string_at(adres, "adres")) == key) return &adres;
  }
  return nullptr;
}

void RegistrationSteps::write_address(const PlannedAddress& planned) {
  failed_entry_ = {{"type", type_name(planned.channel)}, {"address", planned.address}};
  if (planned.preference_dropped) {
    notes_.push_back({{"code", "preference_not_stored"},
                      {"type", type_name(planned.channel)},
                      {"address", planned.address},
                      {"reason", "The submitter is not logged in, so there is no partij to store a preferred address "
                                 "on; the address was recorded for this contact only."}});
    logger_.info("preference_not_stored", {{"reason", "no_partij"}, {"type", type_name(planned.channel)}});
  }

  // A retry does not write again what an earlier attempt stored for this betrokkene.
  if (resumed_ && planned.action != AddressAction::make_preferred && planned.action != AddressAction::keep_preferred) {
    if (const boost::json::object* copy = earlier_copy(planned)) {
      found_.push_back(*copy);
      if (planned.preferred && !is_marked_preferred(*copy, marker_)) mark_preferred(*copy, planned.channel);
      return;
    }
  }

  switch (planned.action) {
    case AddressAction::keep_preferred:
      logger_.info("digitaal_adres_unchanged", {{"reason", "already_preferred"}, {"type", type_name(planned.channel)}});
      return;
    case AddressAction::record_for_contact:
      create_address(planned, false);
      return;
    case AddressAction::make_preferred:
      make_known_address_preferred(planned);
      return;
    case AddressAction::create:
      create_address(planned, planned.preferred);
      return;
  }
}

void RegistrationSteps::make_known_address_preferred(const PlannedAddress& planned) {
  step_ = "find_digitaal_adres";
  const auto matches = client_.list_all("digitaleadressen", {{"verstrektDoorPartij__uuid", partij_uuid_},
                                                             {"adres", planned.address}});
  const auto found = std::find_if(matches.begin(), matches.end(), [&](const boost::json::object& adres) {
    return string_at(adres, "soortDigitaalAdres") == soort_name(planned.channel);
  });

  // The address was offered at prefill time but is gone now: store it anew.
  if (found == matches.end()) {
    logger_.warning("digitaal_adres_not_found", {{"reason", "removed_since_prefill"},
                                                 {"type", type_name(planned.channel)},
                                                 {"adres", mask_address(planned.address)}});
    create_address(planned, true);
    return;
  }
  if (is_marked_preferred(*found, marker_)) return;
  mark_preferred(*found, planned.channel);
}

void RegistrationSteps::create_address(const PlannedAddress& planned, bool for_partij) {
  const bool by_referentie = for_partij && marker_.kind == PreferenceMarker::Kind::referentie;
  if (by_referentie) clear_previous_referentie(planned.channel, "");

  step_ = "create_digitaal_adres";
  boost::json::object body = {
      {"adres", planned.address},
      {"soortDigitaalAdres", soort_name(planned.channel)},
      {"isStandaardAdres", for_partij && !by_referentie},
      {"verstrektDoorBetrokkene", reference(checked_uuid(betrokkene_.as_object(), "betrokkene"))},
      {"verstrektDoorPartij", for_partij ? boost::json::value(reference(partij_uuid_)) : boost::json::value(nullptr)},
      {"omschrijving", ""},
  };
  if (by_referentie) body["referentie"] = marker_.referentie;
  created_.push_back(client_.post("digitaleadressen", body));
}

void RegistrationSteps::mark_preferred(const boost::json::object& adres, Channel channel) {
  const std::string uuid = checked_uuid(adres, "digitaal adres");
  if (marker_.kind == PreferenceMarker::Kind::referentie) {
    // Open Klant keeps a referentie unique per partij and type, and does not
    // move it itself: the old holder gives it up first.
    clear_previous_referentie(channel, uuid);
    step_ = "update_digitaal_adres";
    updated_.push_back(client_.patch("digitaleadressen/" + uuid, {{"referentie", marker_.referentie}}));
    return;
  }
  step_ = "update_digitaal_adres";
  updated_.push_back(client_.patch("digitaleadressen/" + uuid, {{"isStandaardAdres", true}}));
}

void RegistrationSteps::clear_previous_referentie(Channel channel, const std::string& keep_uuid) {
  step_ = "find_previous_preference";
  const auto previous = client_.list_all("digitaleadressen", {{"verstrektDoorPartij__uuid", partij_uuid_},
                                                              {"soortDigitaalAdres", std::string(soort_name(channel))},
                                                              {"referentie", marker_.referentie}});
  for (const auto& adres : previous) {
    const std::string uuid = checked_uuid(adres, "digitaal adres");
    if (uuid == keep_uuid) continue;
    step_ = "clear_previous_preference";
    updated_.push_back(client_.patch("digitaleadressen/" + uuid, {{"referentie", ""}}));
  }
}

boost::json::object RegistrationSteps::build_result() const {
  return {
      {"partij_uuid", partij_uuid_},
      {"partij_created", partij_created_},
      {"resumed", resumed_},
      {"klantcontact", klantcontact_},
      {"betrokkene", betrokkene_},
      {"onderwerpobject", onderwerpobject_},
      {"digital_addresses", {{"created", created_}, {"updated", updated_}, {"found_from_earlier_attempt", found_}}},
      {"notes", notes_},
      {"failure", nullptr},
  };
}

std::string RegistrationSteps::describe_written() const {
  std::string text = "Written before the failure: ";
  std::vector<std::string> parts;
  if (partij_created_) parts.push_back("partij " + partij_uuid_);
  if (klantcontact_.is_object() && !resumed_) {
    parts.push_back("klantcontact " + string_at(klantcontact_.get_object(), "uuid"));
  }
  if (!created_.empty()) parts.push_back(std::to_string(created_.size()) + " new digitaal adres(sen)");
  if (!updated_.empty()) parts.push_back(std::to_string(updated_.size()) + " updated digitaal adres(sen)");
  if (parts.empty()) return "Nothing was written.";
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : ", ") + parts[i];
  return text + ". Retrying the registration completes only what is missing.";
}

}  // namespace commprefs
