// host_stub prefill: prints every form variable after the prefill step.
#include "commands.hpp"
#include "errors.hpp"
#include "input_files.hpp"
#include "json_text.hpp"
#include "plugin_registry.hpp"
#include "prefill_step.hpp"
#include "variables.hpp"

#include <iostream>

namespace host_stub {

int run_prefill_command(const CommandLine& line) {
  const ConfigurationFile configuration = load_configuration(line.config_file);
  const Form form = load_form(*line.form_file);
  const boost::json::object submission = load_submission(*line.submission_file);

  const PluginRegistry plugins = PluginRegistry::load(line.plugin_dir);
  plugins.configure_all(configuration);

  VariableSet variables = initial_variables(form, plugins);
  const PrefillReport report = run_prefill(plugins, form, submission, variables);

  boost::json::object output{{"variables", variables.values()}};
  report.add_to(output);
  std::cout << to_pretty_json(output) << '\n';
  return exit_success;
}

}  // namespace host_stub
