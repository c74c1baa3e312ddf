// host_stub check: checks each plugin's configuration and, with --form, the form.
#include "commands.hpp"
#include "errors.hpp"
#include "input_files.hpp"
#include "plugin_registry.hpp"

#include <iostream>

namespace host_stub {
namespace {

using formplugin::host::Hook;
using formplugin::host::status_name;

std::string string_member(const boost::json::value& value, std::string_view name) {
  if (!value.is_object()) return "?";
  const auto* member = value.get_object().if_contains(name);
  return member != nullptr && member->is_string() ? std::string(member->get_string()) : "?";
}

// Prints the plugin's line; returns false when the check failed.
bool check_configuration(const RegisteredPlugin& plugin) {
  const HookAnswer answer = plugin.call(Hook::check_configuration, boost::json::object());
  if (answer.done()) {
    std::cout << plugin.identifier() << ": ok\n";
    return true;
  }
  if (answer.status == FP_STATUS_NOT_SUPPORTED) {
    std::cout << plugin.identifier() << ": configuration check not supported: " << answer.message << '\n';
    return true;
  }
  std::cout << plugin.identifier() << ": " << answer.message << '\n';
  return false;
}

// Prints one line per problem, or one line saying there are none; returns
// false when a problem was found or the check failed.
bool check_form(const RegisteredPlugin& plugin, const Form& form) {
  const std::string prefix = plugin.identifier() + ": form \"" + form.name + "\": ";
  const HookAnswer answer = plugin.call(Hook::check_form, boost::json::object{{"form", form.document}});
  if (answer.status == FP_STATUS_NOT_SUPPORTED) {
    std::cout << prefix << "form check not supported: " << answer.message << '\n';
    return true;
  }
  if (!answer.done()) {
    std::cout << prefix << "form check failed (" << status_name(answer.status) << "): " << answer.message << '\n';
    return false;
  }

  const auto* problems = answer.result_member("problems");
  if (problems == nullptr || !problems->is_array()) {
    std::cout << prefix << "form check failed: the result has no \"problems\" array\n";
    return false;
  }
  if (problems->get_array().empty()) {
    std::cout << prefix << "no problems\n";
    return true;
  }
  // A problem names the component or the prefill variable it is about.
  for (const auto& problem : problems->get_array()) {
    const bool about_variable = problem.is_object() && problem.get_object().contains("variable_key");
    const std::string subject = about_variable ? "variable \"" + string_member(problem, "variable_key") + "\""
                                               : "component \"" + string_member(problem, "component_key") + "\"";
    std::cout << prefix << subject << ": " << string_member(problem, "message") << " ("
              << string_member(problem, "code") << ")\n";
  }
  return false;
}

}  // namespace

int run_check_command(const CommandLine& line) {
  const ConfigurationFile configuration = load_configuration(line.config_file);
  std::optional<Form> form;
  if (line.form_file) form = load_form(*line.form_file);

  const PluginRegistry plugins = PluginRegistry::load(line.plugin_dir);
  plugins.configure_all(configuration);

  bool all_passed = true;
  for (const auto& plugin : plugins.plugins()) {
    all_passed = check_configuration(*plugin) && all_passed;
  }
  if (form) {
    for (const auto& plugin : plugins.plugins()) {
      all_passed = check_form(*plugin, *form) && all_passed;
    }
  }
  return all_passed ? exit_success : exit_check_failed;
}

}  // namespace host_stub
