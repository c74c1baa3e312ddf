// Reading the host's form: the Form.io component tree and the form variables.
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace commprefs {

inline constexpr std::string_view plugin_identifier = "communication_preferences";
inline constexpr std::string_view profile_component_type = "customerProfile";

// A prefill variable's options for this plugin.
struct ProfilePrefillOptions {
  std::string api_group;            // customer_interactions_api_group
  std::string profile_component;    // profile_form_variable: the customerProfile component's key
};

// Every component in the tree (fieldsets, columns, tables and other layout
// components included), depth first in form order.
std::vector<const boost::json::object*> all_components(const boost::json::object& form);

// The component with this key anywhere in the tree, or nullptr.
const boost::json::object* find_component(const boost::json::object& form, std::string_view key);

// Reads a variable's prefill_options; throws InvalidInput naming the option at fault.
ProfilePrefillOptions parse_prefill_options(const boost::json::object& options);

// The form's user-defined variable whose prefill with this plugin points at
// the component, or nullptr. Variables with unreadable options are passed over.
const boost::json::object* find_prefill_variable(const boost::json::object& form, std::string_view component_key);

// A prefill variable of this plugin whose profile_form_variable names no
// customerProfile component of the form.
struct DanglingPrefillVariable {
  std::string variable_key;
  std::string component_key;  // as written in the options; may be empty
};
std::vector<DanglingPrefillVariable> dangling_prefill_variables(const boost::json::object& form);

// The component's digitalAddressTypes, in the order configured.
std::vector<std::string> digital_address_types(const boost::json::object& component);

}  // namespace commprefs
