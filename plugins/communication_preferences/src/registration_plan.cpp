#include "registration_plan.hpp"

#include "errors.hpp"

#include <algorithm>

namespace commprefs {
namespace {

[[noreturn]] void invalid_prefill_value(const std::string& problem) {
  throw InvalidInput("The prefill variable's value is not what prefill produced: " + problem +
                     ". Run the prefill again before completing the submission.");
}

std::string string_of(const boost::json::object& object, std::string_view key) {
  const auto* member = object.if_contains(key);
  return member != nullptr && member->is_string() ? std::string(member->get_string()) : std::string();
}

const OfferedChannel* offered_for(const std::vector<OfferedChannel>& offered, Channel channel) {
  auto found = std::find_if(offered.begin(), offered.end(),
                            [&](const OfferedChannel& entry) { return entry.channel == channel; });
  return found == offered.end() ? nullptr : &*found;
}

bool same_address(Channel channel, std::string_view left, std::string_view right) {
  return comparison_key(channel, left) == comparison_key(channel, right);
}

}  // namespace

std::vector<OfferedChannel> parse_offered(const boost::json::value& prefill_value) {
  std::vector<OfferedChannel> offered;
  if (prefill_value.is_null()) return offered;
  if (!prefill_value.is_array()) invalid_prefill_value("it is not a list");

  for (const auto& item : prefill_value.get_array()) {
    if (!item.is_object()) invalid_prefill_value("an entry is not an object");
    const auto& entry = item.get_object();
    const auto channel = channel_from_type(string_of(entry, "type"));
    if (!channel) invalid_prefill_value("an entry has an unknown type");

    OfferedChannel channel_options{*channel, {}, string_of(entry, "preferred")};
    const auto* options = entry.if_contains("options");
    if (options == nullptr || !options->is_array()) invalid_prefill_value("an entry has no options list");
    for (const auto& option : options->get_array()) {
      if (!option.is_string()) invalid_prefill_value("an option is not text");
      channel_options.options.emplace_back(option.get_string());
    }
    offered.push_back(std::move(channel_options));
  }
  return offered;
}

std::vector<PlannedAddress> plan_addresses(const boost::json::array& submitted,
                                           const std::vector<OfferedChannel>& offered, bool has_partij) {
  std::vector<PlannedAddress> plan;
  for (const auto& item : submitted) {
    const auto& entry = item.as_object();
    const std::string address = string_of(entry, "address");
    if (is_blank(address)) continue;
    const Channel channel = *channel_from_type(string_of(entry, "type"));
    const bool wants_preferred = string_of(entry, "preferenceUpdate") == "isNewPreferred";

    PlannedAddress planned{channel, address, AddressAction::create};
    planned.preference_dropped = wants_preferred && !has_partij;

    const OfferedChannel* known = offered_for(offered, channel);
    const bool is_preferred = known != nullptr && !known->preferred.empty() &&
                              same_address(channel, known->preferred, address);
    const bool is_known = known != nullptr &&
                          std::any_of(known->options.begin(), known->options.end(),
                                      [&](const std::string& option) { return same_address(channel, option, address); });

    if (is_preferred && has_partij) {
      planned.action = AddressAction::keep_preferred;
    } else if (is_known && has_partij) {
      planned.action = wants_preferred ? AddressAction::make_preferred : AddressAction::record_for_contact;
    } else {
      planned.action = AddressAction::create;
      planned.preferred = wants_preferred && has_partij;
    }
    plan.push_back(std::move(planned));
  }
  return plan;
}

}  // namespace commprefs
