#include "prefill.hpp"

#include "branch_filter.hpp"
#include "digital_address.hpp"
#include "errors.hpp"
#include "form.hpp"
#include "json_util.hpp"
#include "submitter.hpp"

#include <algorithm>
#include <map>

namespace commprefs {
namespace {

struct ChannelOptions {
  std::vector<std::string> options;
  std::vector<std::string> keys;  // comparison keys, parallel to options
  std::vector<bool> marked;       // any copy carries the preference marker
};

PrefillOutcome skip(std::string reason, std::string message) {
  PrefillOutcome outcome;
  outcome.skipped = true;
  outcome.skip_reason = std::move(reason);
  outcome.skip_message = std::move(message);
  return outcome;
}

void log_ignored_soorten(const std::map<std::string, int>& ignored, const Logger& logger) {
  for (const auto& [soort, count] : ignored) {
    logger.info("digitaal_adres_ignored", {{"reason", "unknown_soort_digitaal_adres"},
                                           {"soort_digitaal_adres", soort},
                                           {"count", std::to_string(count)}});
  }
}

}  // namespace

bool is_marked_preferred(const boost::json::object& adres, const PreferenceMarker& marker) {
  if (marker.kind == PreferenceMarker::Kind::referentie) {
    const auto* referentie = adres.if_contains("referentie");
    return referentie != nullptr && referentie->is_string() && referentie->get_string() == marker.referentie;
  }
  const auto* flag = adres.if_contains("isStandaardAdres");
  return flag != nullptr && flag->is_bool() && flag->get_bool();
}

boost::json::array build_prefill_value(const std::vector<boost::json::object>& adressen,
                                       const std::vector<std::string>& configured_types,
                                       const PreferenceMarker& marker, const Logger& logger) {
  std::map<Channel, ChannelOptions> channels;
  std::map<std::string, int> ignored;

  for (const auto& adres : adressen) {
    const auto* soort = adres.if_contains("soortDigitaalAdres");
    const auto* text = adres.if_contains("adres");
    const std::string soort_text = soort != nullptr && soort->is_string() ? std::string(soort->get_string()) : "";
    const std::optional<Channel> channel = channel_from_soort(soort_text);
    if (!channel || text == nullptr || !text->is_string() || is_blank(text->get_string())) {
      ++ignored[soort_text.empty() ? "(missing)" : soort_text];
      continue;
    }

    // One option per address: later copies only add their marker.
    ChannelOptions& options = channels[*channel];
    const std::string address(text->get_string());
    const std::string key = comparison_key(*channel, address);
    const auto found = std::find(options.keys.begin(), options.keys.end(), key);
    const bool marked = is_marked_preferred(adres, marker);
    if (found == options.keys.end()) {
      options.options.push_back(address);
      options.keys.push_back(key);
      options.marked.push_back(marked);
    } else if (marked) {
      options.marked[static_cast<std::size_t>(found - options.keys.begin())] = true;
    }
  }
  log_ignored_soorten(ignored, logger);

  boost::json::array value;
  for (Channel channel : {Channel::email, Channel::phone_number}) {
    const std::string type(type_name(channel));
    if (std::find(configured_types.begin(), configured_types.end(), type) == configured_types.end()) continue;
    auto found = channels.find(channel);
    if (found == channels.end()) continue;

    const ChannelOptions& options = found->second;
    boost::json::array list;
    for (const auto& option : options.options) list.emplace_back(option);
    const auto preferred = std::find(options.marked.begin(), options.marked.end(), true);
    boost::json::value preferred_value = nullptr;
    if (preferred != options.marked.end()) {
      preferred_value = boost::json::string(options.options[static_cast<std::size_t>(preferred - options.marked.begin())]);
    }
    value.push_back({{"type", type}, {"options", std::move(list)}, {"preferred", std::move(preferred_value)}});
  }
  return value;
}

PrefillOutcome run_prefill(const Runtime& runtime, const boost::json::object& request, const Logger& logger) {
  const auto& variable = json::require_object(request, "variable", "request");
  const auto& form = json::require_object(request, "form", "request");
  const auto& submission = json::require_object(request, "submission", "request");
  const std::string variable_key = json::find_string(variable, "key", "variable").value_or("");

  // Only BSN and KVK logins have addresses to look up.
  const Submitter submitter = parse_submitter(submission);
  if (!submitter.has_partij_login()) {
    const std::string reason = submitter.login == Submitter::Login::anonymous ? "not_authenticated"
                                                                               : "unsupported_auth_attribute";
    logger.info("prefill_skipped", {{"reason", reason}, {"variable", variable_key}, {"auth_attribute", submitter.attribute}});
    return skip(reason, submitter.login == Submitter::Login::anonymous
                            ? "The submitter is not logged in, so there are no addresses to look up."
                            : "Logins with \"" + submitter.attribute + "\" are not served; only bsn and kvk are.");
  }

  // The options must name a group and a customerProfile component with channels.
  const auto* options_object = json::find_object(variable, "prefill_options", "variable");
  if (options_object == nullptr) throw InvalidInput("variable.prefill_options is missing.");
  const ProfilePrefillOptions options = parse_prefill_options(*options_object);
  const ApiGroup& group = runtime.group(options.api_group);

  const boost::json::object* component = find_component(form, options.profile_component);
  if (component == nullptr || json::find_string(*component, "type", "component").value_or("") != profile_component_type) {
    logger.warning("prefill_skipped", {{"reason", "profile_component_missing"}, {"component", options.profile_component}});
    return skip("profile_component_missing", "The form has no customerProfile component \"" +
                                                 options.profile_component + "\".");
  }
  const std::vector<std::string> types = digital_address_types(*component);
  if (types.empty()) {
    logger.warning("prefill_skipped", {{"reason", "no_digital_address_types"}, {"component", options.profile_component}});
    return skip("no_digital_address_types", "The customerProfile component \"" + options.profile_component +
                                                "\" has no digitalAddressTypes configured.");
  }

  // Look the addresses up by the login's identificator.
  const OpenKlantClient client = runtime.client_for(group, logger);
  const PartijIdentificator identificator = prefill_identificator(submitter);
  std::vector<boost::json::object> adressen =
      client.list_all("digitaleadressen", identificator_filter(identificator, "verstrektDoorPartij__partijIdentificator__"));
  if (submitter.is_branch_login() && !adressen.empty()) {
    adressen = keep_addresses_of_login(std::move(adressen), submitter, client, logger);
  }

  PrefillOutcome outcome;
  outcome.value = build_prefill_value(adressen, types, group.preference_marker, logger);
  logger.info("prefill_done", {{"variable", variable_key},
                               {"identificator", identificator.code_soort_object_id},
                               {"object_id", mask_identifier(identificator.object_id)},
                               {"addresses", std::to_string(adressen.size())}});
  return outcome;
}

}  // namespace commprefs
