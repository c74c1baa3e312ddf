#include "form.hpp"

#include "errors.hpp"
#include "json_util.hpp"

namespace commprefs {
namespace {

void collect(const boost::json::array& components, std::vector<const boost::json::object*>& found);

// Layout components keep their children in "components", columns in
// "columns[].components" and tables in "rows[][].components".
void collect_children(const boost::json::object& component, std::vector<const boost::json::object*>& found) {
  if (const auto* children = component.if_contains("components"); children != nullptr && children->is_array()) {
    collect(children->get_array(), found);
  }
  if (const auto* columns = component.if_contains("columns"); columns != nullptr && columns->is_array()) {
    for (const auto& column : columns->get_array()) {
      if (column.is_object()) collect_children(column.get_object(), found);
    }
  }
  if (const auto* rows = component.if_contains("rows"); rows != nullptr && rows->is_array()) {
    for (const auto& row : rows->get_array()) {
      if (!row.is_array()) continue;
      for (const auto& cell : row.get_array()) {
        if (cell.is_object()) collect_children(cell.get_object(), found);
      }
    }
  }
}

void collect(const boost::json::array& components, std::vector<const boost::json::object*>& found) {
  for (const auto& item : components) {
    if (!item.is_object()) continue;
    found.push_back(&item.get_object());
    collect_children(item.get_object(), found);
  }
}

std::string string_member(const boost::json::object& object, std::string_view key) {
  const auto* member = object.if_contains(key);
  return member != nullptr && member->is_string() ? std::string(member->get_string()) : std::string();
}

}  // namespace

std::vector<const boost::json::object*> all_components(const boost::json::object& form) {
  std::vector<const boost::json::object*> found;
  collect_children(form, found);
  return found;
}

const boost::json::object* find_component(const boost::json::object& form, std::string_view key) {
  for (const auto* component : all_components(form)) {
    if (string_member(*component, "key") == key) return component;
  }
  return nullptr;
}

ProfilePrefillOptions parse_prefill_options(const boost::json::object& options) {
  ProfilePrefillOptions parsed;
  parsed.api_group = json::find_string(options, "customer_interactions_api_group", "prefill_options").value_or("");
  parsed.profile_component = json::find_string(options, "profile_form_variable", "prefill_options").value_or("");
  if (parsed.api_group.empty()) {
    throw InvalidInput("prefill_options.customer_interactions_api_group is missing.");
  }
  if (parsed.profile_component.empty()) {
    throw InvalidInput("prefill_options.profile_form_variable is missing.");
  }
  return parsed;
}

const boost::json::object* find_prefill_variable(const boost::json::object& form, std::string_view component_key) {
  const auto* variables = form.if_contains("variables");
  if (variables == nullptr || !variables->is_array()) return nullptr;

  for (const auto& item : variables->get_array()) {
    if (!item.is_object()) continue;
    const auto& variable = item.get_object();
    if (string_member(variable, "prefill_plugin") != plugin_identifier) continue;
    const auto* options = variable.if_contains("prefill_options");
    if (options == nullptr || !options->is_object()) continue;
    if (string_member(options->get_object(), "profile_form_variable") == component_key) return &variable;
  }
  return nullptr;
}

std::vector<DanglingPrefillVariable> dangling_prefill_variables(const boost::json::object& form) {
  std::vector<DanglingPrefillVariable> dangling;
  const auto* variables = form.if_contains("variables");
  if (variables == nullptr || !variables->is_array()) return dangling;

  for (const auto& item : variables->get_array()) {
    if (!item.is_object()) continue;
    const auto& variable = item.get_object();
    if (string_member(variable, "prefill_plugin") != plugin_identifier) continue;
    const auto* options = variable.if_contains("prefill_options");
    const std::string target =
        options != nullptr && options->is_object() ? string_member(options->get_object(), "profile_form_variable") : "";
    const boost::json::object* component = target.empty() ? nullptr : find_component(form, target);
    if (component == nullptr || string_member(*component, "type") != profile_component_type) {
      dangling.push_back({string_member(variable, "key"), target});
    }
  }
  return dangling;
}

std::vector<std::string> digital_address_types(const boost::json::object& component) {
  std::vector<std::string> types;
  const auto* configured = component.if_contains("digitalAddressTypes");
  if (configured == nullptr || !configured->is_array()) return types;
  for (const auto& type : configured->get_array()) {
    if (type.is_string()) types.emplace_back(type.get_string());
  }
  return types;
}

}  // namespace commprefs
