#include "variables.hpp"

#include "logging.hpp"
#include "plugin_registry.hpp"

namespace host_stub {
namespace {

boost::json::value plain_component_default(const DataComponent& component) {
  if (const auto* default_value = component.definition.if_contains("defaultValue")) return *default_value;
  return boost::json::string();
}

// A failing component_empty_value is logged and the plain default used, so one
// broken plugin hook does not stop the form from being shown.
boost::json::value component_default(const DataComponent& component, const PluginRegistry& plugins) {
  const RegisteredPlugin* plugin = plugins.for_component_type(component.type);
  if (plugin == nullptr) return plain_component_default(component);

  const boost::json::object request{{"component", component.definition}};
  const HookAnswer answer = plugin->call(formplugin::host::Hook::component_empty_value, request);
  const boost::json::value* value = answer.result_member("value");
  if (answer.done() && value != nullptr) return *value;
  if (answer.status == FP_STATUS_NOT_SUPPORTED) return plain_component_default(component);

  const std::string message = answer.done() ? "the result has no \"value\"" : answer.message;
  log_event(FP_LOG_WARNING, "component_empty_value_failed",
            {{"plugin", plugin->identifier()},
             {"component", component.key},
             {"status", formplugin::host::status_name(answer.status)},
             {"message", message}});
  return plain_component_default(component);
}

}  // namespace

boost::json::value* VariableSet::find(std::string_view key) {
  for (auto& variable : entries_) {
    if (variable.key == key) return &variable.value;
  }
  return nullptr;
}

const boost::json::value* VariableSet::find(std::string_view key) const {
  for (const auto& variable : entries_) {
    if (variable.key == key) return &variable.value;
  }
  return nullptr;
}

boost::json::object VariableSet::values() const {
  boost::json::object values;
  for (const auto& variable : entries_) values[variable.key] = variable.value;
  return values;
}

boost::json::value default_for_data_type(std::string_view data_type) {
  if (data_type == "array") return boost::json::array();
  if (data_type == "object") return boost::json::object();
  if (data_type == "boolean") return false;
  if (data_type == "int" || data_type == "float") return nullptr;
  return boost::json::string();
}

VariableSet initial_variables(const Form& form, const PluginRegistry& plugins) {
  VariableSet variables;
  for (const auto& component : form.components) {
    variables.add(Variable{component.key, false, component_default(component, plugins)});
  }
  for (const auto& definition : form.variables) {
    if (!definition.user_defined) continue;
    boost::json::value value =
        definition.initial_value ? *definition.initial_value : default_for_data_type(definition.data_type);
    variables.add(Variable{definition.key, true, std::move(value)});
  }
  return variables;
}

}  // namespace host_stub
