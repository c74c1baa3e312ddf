#include "component_rules.hpp"

#include "digital_address.hpp"
#include "form.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace commprefs {
namespace {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool is_required(const boost::json::object& component) {
  const auto* validate = component.if_contains("validate");
  if (validate == nullptr || !validate->is_object()) return false;
  const auto* required = validate->get_object().if_contains("required");
  return required != nullptr && required->is_bool() && required->get_bool();
}

class ErrorList {
 public:
  explicit ErrorList(Language language) : language_(language) {}

  void add(boost::json::value index, std::string_view type, std::string_view field, Message message,
           std::string_view code, std::string_view subject = {}) {
    const std::size_t position = index.is_int64() ? static_cast<std::size_t>(index.get_int64()) : 0;
    std::string sentence = text(message, language_, subject);
    if (!index.is_null()) sentence = entry_label(type, position, language_) + ": " + sentence;
    errors_.push_back({{"index", index}, {"field", field}, {"code", code}, {"message", sentence}});
  }

  boost::json::array take() { return std::move(errors_); }

 private:
  Language language_;
  boost::json::array errors_;
};

Message phone_message(PhoneProblem problem) {
  switch (problem) {
    case PhoneProblem::invalid_characters: return Message::phone_invalid_characters;
    case PhoneProblem::service_number: return Message::phone_service_number;
    case PhoneProblem::national_length: return Message::phone_national_length;
    case PhoneProblem::international_length: return Message::phone_international_length;
    case PhoneProblem::invalid_start:
    case PhoneProblem::none: break;
  }
  return Message::phone_invalid_start;
}

std::string_view phone_code(PhoneProblem problem) {
  switch (problem) {
    case PhoneProblem::invalid_characters: return "phone_invalid_characters";
    case PhoneProblem::service_number: return "phone_service_number";
    case PhoneProblem::national_length: return "phone_invalid_length";
    case PhoneProblem::international_length: return "phone_invalid_length";
    case PhoneProblem::invalid_start:
    case PhoneProblem::none: break;
  }
  return "phone_invalid_start";
}

// Checks and normalises one address; returns the normalised form.
std::string check_address(Channel channel, std::string_view typed, std::int64_t index, std::string_view type,
                          ErrorList& errors) {
  std::string address = channel == Channel::phone_number ? normalise_phone_number(trim(typed)) : trim(typed);
  if (address.size() > max_adres_length) {
    errors.add(index, type, "address", Message::address_too_long, "address_too_long");
    return address;
  }
  if (channel == Channel::email) {
    if (!is_valid_email(address)) errors.add(index, type, "address", Message::email_invalid, "email_invalid", address);
    return address;
  }
  const PhoneProblem problem = check_phone_number(address);
  if (problem != PhoneProblem::none) {
    errors.add(index, type, "address", phone_message(problem), phone_code(problem));
  }
  return address;
}

}  // namespace

boost::json::array profile_empty_value(const boost::json::object& component) {
  boost::json::array value;
  for (const auto& type : digital_address_types(component)) {
    value.push_back({{"address", ""}, {"type", type}, {"preferenceUpdate", "useOnlyOnce"}});
  }
  return value;
}

boost::json::object profile_value_schema(const boost::json::object& component) {
  boost::json::array types;
  for (const auto& type : digital_address_types(component)) types.emplace_back(type);
  const std::size_t type_count = types.size();

  boost::json::object entry = {
      {"type", "object"},
      {"required", boost::json::array{"address", "type"}},
      {"properties",
       {{"address", {{"type", "string"}, {"maxLength", max_adres_length}}},
        {"type", {{"enum", std::move(types)}}},
        {"preferenceUpdate", {{"enum", boost::json::array{"useOnlyOnce", "isNewPreferred"}}}}}},
  };
  return {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"type", "array"},
      {"maxItems", type_count},
      {"items", std::move(entry)},
  };
}

ProfileValidation validate_profile_value(const boost::json::object& component, const boost::json::value& value,
                                         Language language) {
  ProfileValidation result;
  ErrorList errors(language);
  if (!value.is_array()) {
    errors.add(nullptr, {}, "value", Message::value_not_a_list, "not_a_list");
    result.errors = errors.take();
    return result;
  }

  const std::vector<std::string> configured = digital_address_types(component);
  const bool required = is_required(component);
  std::set<std::string> seen_types;

  for (std::size_t i = 0; i < value.get_array().size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    const auto& item = value.get_array()[i];
    if (!item.is_object()) {
      errors.add(index, {}, "value", Message::entry_not_an_object, "entry_not_an_object");
      continue;
    }
    const auto& entry = item.get_object();

    // The type: known to the plugin, configured on the component, given once.
    const auto* type_member = entry.if_contains("type");
    const std::string type = type_member != nullptr && type_member->is_string()
                                 ? std::string(type_member->get_string()) : std::string();
    const std::optional<Channel> channel = channel_from_type(type);
    if (!channel) {
      errors.add(index, {}, "type", Message::type_unknown, "type_unknown", type);
      continue;
    }
    if (std::find(configured.begin(), configured.end(), type) == configured.end()) {
      errors.add(index, type, "type", Message::type_not_configured, "type_not_configured", type);
      continue;
    }
    if (!seen_types.insert(type).second) {
      errors.add(index, type, "type", Message::type_twice, "type_twice");
      continue;
    }

    // The preference choice, "useOnlyOnce" when absent.
    std::string preference = "useOnlyOnce";
    if (const auto* update = entry.if_contains("preferenceUpdate"); update != nullptr && !update->is_null()) {
      if (!update->is_string() || (update->get_string() != "useOnlyOnce" && update->get_string() != "isNewPreferred")) {
        errors.add(index, type, "preferenceUpdate", Message::preference_update_unknown, "preference_update_unknown");
        continue;
      }
      preference = std::string(update->get_string());
    }

    // The address: blank is allowed unless the component is required.
    const auto* address_member = entry.if_contains("address");
    if (address_member != nullptr && !address_member->is_null() && !address_member->is_string()) {
      errors.add(index, type, "address", Message::address_not_a_string, "address_not_a_string");
      continue;
    }
    const std::string typed = address_member != nullptr && address_member->is_string()
                                  ? std::string(address_member->get_string()) : std::string();
    std::string address;
    if (is_blank(typed)) {
      if (required) errors.add(index, type, "address", Message::address_required, "required");
    } else {
      address = check_address(*channel, typed, index, type, errors);
    }
    result.value.push_back({{"address", address}, {"type", type}, {"preferenceUpdate", preference}});
  }

  result.errors = errors.take();
  if (!result.errors.empty()) result.value.clear();
  return result;
}

}  // namespace commprefs
