#include "prefill_step.hpp"

#include "plugin_registry.hpp"

namespace host_stub {
namespace {

using formplugin::host::Hook;
using formplugin::host::status_name;

std::string loaded_identifiers(const PluginRegistry& plugins) {
  std::string list;
  for (const auto& plugin : plugins.plugins()) {
    if (!list.empty()) list += ", ";
    list += plugin->identifier();
  }
  return list.empty() ? "none" : list;
}

boost::json::object error_entry(const VariableDefinition& variable, int32_t status, const std::string& message) {
  return {{"variable", variable.key},
          {"plugin", variable.prefill_plugin},
          {"status", status_name(status)},
          {"message", message}};
}

// Returns false after adding an error to the report when the options are invalid.
bool validate_options(const RegisteredPlugin& plugin, const Form& form, const VariableDefinition& variable,
                      PrefillReport& report) {
  const boost::json::object request{{"options", variable.prefill_options}, {"form", form.document}};
  const HookAnswer answer = plugin.call(Hook::validate_prefill_options, request);
  if (answer.done() || answer.status == FP_STATUS_NOT_SUPPORTED) return true;

  boost::json::object entry = error_entry(variable, answer.status, answer.message);
  if (const auto* errors = answer.result_member("errors")) entry["errors"] = *errors;
  report.errors.push_back(std::move(entry));
  return false;
}

void prefill_variable(const RegisteredPlugin& plugin, const Form& form, const boost::json::object& submission,
                      const VariableDefinition& variable, VariableSet& variables, PrefillReport& report) {
  const boost::json::object request{
      {"variable", variable.definition}, {"form", form.document}, {"submission", submission}};
  const HookAnswer answer = plugin.call(Hook::prefill, request);

  if (answer.status == FP_STATUS_SKIPPED) {
    report.skipped.push_back(
        boost::json::object{{"variable", variable.key}, {"plugin", variable.prefill_plugin}, {"reason", answer.message}});
    return;
  }
  if (!answer.done()) {
    report.errors.push_back(error_entry(variable, answer.status, answer.message));
    return;
  }

  const boost::json::value* value = answer.result_member("value");
  if (value == nullptr) {
    report.errors.push_back(error_entry(variable, FP_STATUS_INTERNAL_ERROR,
                                        "Plugin " + plugin.identifier() +
                                            " returned done from prefill without a \"value\" in its result."));
    return;
  }
  *variables.find(variable.key) = *value;
}

}  // namespace

void PrefillReport::add_to(boost::json::object& output) const {
  if (!errors.empty()) output["prefill_errors"] = errors;
  if (!skipped.empty()) output["prefill_skipped"] = skipped;
}

PrefillReport run_prefill(const PluginRegistry& plugins, const Form& form, const boost::json::object& submission,
                          VariableSet& variables) {
  PrefillReport report;
  for (const auto& variable : form.variables) {
    if (variable.prefill_plugin.empty()) continue;

    const RegisteredPlugin* plugin = plugins.find(variable.prefill_plugin);
    if (plugin == nullptr) {
      report.errors.push_back(error_entry(variable, FP_STATUS_CONFIGURATION_ERROR,
                                          "No plugin with the identifier \"" + variable.prefill_plugin +
                                              "\" is loaded (loaded plugins: " + loaded_identifiers(plugins) + ")."));
      continue;
    }
    if (!validate_options(*plugin, form, variable, report)) continue;
    prefill_variable(*plugin, form, submission, variable, variables, report);
  }
  return report;
}

}  // namespace host_stub
