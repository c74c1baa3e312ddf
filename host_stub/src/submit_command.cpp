// host_stub submit: completes a submission and prints what was registered.
#include "commands.hpp"
#include "errors.hpp"
#include "input_files.hpp"
#include "json_text.hpp"
#include "plugin_registry.hpp"
#include "submission_flow.hpp"

#include <iostream>

namespace host_stub {

int run_submit_command(const CommandLine& line) {
  const ConfigurationFile configuration = load_configuration(line.config_file);
  const Form form = load_form(*line.form_file);
  const boost::json::object submission = load_submission(*line.submission_file);

  const PluginRegistry plugins = PluginRegistry::load(line.plugin_dir);
  plugins.configure_all(configuration);

  const SubmissionOutcome outcome = complete_submission(plugins, form, submission);

  if (outcome.validation_failed()) {
    boost::json::object output{{"errors", outcome.validation_errors}};
    outcome.prefill.add_to(output);
    std::cout << to_pretty_json(output) << '\n';
    return exit_check_failed;
  }

  boost::json::object output{{"variables", outcome.variables.values()}, {"registration", outcome.registration}};
  outcome.prefill.add_to(output);
  std::cout << to_pretty_json(output) << '\n';
  return outcome.registration_failed ? exit_registration_failed : exit_success;
}

}  // namespace host_stub
