// host_stub demo: runs the plugins against the Open Klant emulator, seeded
// with the demo data, for a resident, a company and a company branch.
#include "commands.hpp"
#include "demo_locations.hpp"
#include "demo_report.hpp"
#include "demo_submissions.hpp"
#include "errors.hpp"
#include "input_files.hpp"
#include "plugin_registry.hpp"
#include "prefill_step.hpp"
#include "submission_flow.hpp"

#include "open_klant_emulator/open_klant_emulator.hpp"

#include <boost/json/serialize.hpp>

#include <iostream>

namespace host_stub {
namespace {

constexpr std::string_view profile_plugin = "communication_preferences";

// Stops the emulator on every way out of the demo.
class RunningEmulator {
 public:
  explicit RunningEmulator(const std::filesystem::path& fixture_file) : emulator_(options()) {
    emulator_.load_fixture_file(fixture_file.string());
    emulator_.start();
  }
  RunningEmulator(const RunningEmulator&) = delete;
  RunningEmulator& operator=(const RunningEmulator&) = delete;
  ~RunningEmulator() {
    try {
      emulator_.stop();
    } catch (const std::exception& error) {
      // The process ends right after the demo, which frees what stop() could not.
      std::cerr << "host_stub: the Open Klant emulator did not stop cleanly: " << error.what() << '\n';
    }
  }

  openklant_emulator::Emulator& operator*() { return emulator_; }

 private:
  static openklant_emulator::Options options() {
    openklant_emulator::Options options;
    options.tokens = {std::string(demo_token)};
    options.port = 0;
    return options;
  }

  openklant_emulator::Emulator emulator_;
};

// The key of the variable that the communication_preferences plugin prefills.
std::string prefill_variable_key(const Form& form) {
  for (const auto& variable : form.variables) {
    if (variable.prefill_plugin == profile_plugin) return variable.key;
  }
  throw SetupError("the demo form " + form.name + " has no variable prefilled by " + std::string(profile_plugin));
}

bool print_prefill(const PluginRegistry& plugins, const Form& form, const DemoCase& demo_case) {
  std::cout << "  Offered by prefill:\n";
  VariableSet variables = initial_variables(form, plugins);
  const PrefillReport report = run_prefill(plugins, form, demo_case.submission, variables);

  for (const auto& skipped : report.skipped) {
    std::cout << "    skipped: " << std::string(skipped.at("reason").get_string()) << '\n';
  }
  for (const auto& error : report.errors) {
    std::cout << "    failed (" << std::string(error.at("status").get_string())
              << "): " << std::string(error.at("message").get_string()) << '\n';
  }
  if (!report.errors.empty() || !report.skipped.empty()) return false;

  const boost::json::value& offered = *variables.find(prefill_variable_key(form));
  print_offered_addresses(std::cout, offered);
  return offered.is_array() && !offered.get_array().empty();
}

void print_validation_errors(const boost::json::object& errors) {
  std::cout << "  The submitted data is invalid; nothing was registered:\n";
  for (const auto& component : errors) {
    for (const auto& error : component.value().get_array()) {
      const auto* message = error.is_object() ? error.get_object().if_contains("message") : nullptr;
      std::cout << "    " << component.key() << ": "
                << (message != nullptr && message->is_string() ? std::string(message->get_string())
                                                                : boost::json::serialize(error))
                << '\n';
    }
  }
}

void print_registration(const boost::json::object& registration) {
  for (const auto& component : registration) {
    const auto& entry = component.value().get_object();
    std::cout << "  Write-back of " << component.key() << ": " << std::string(entry.at("status").get_string());
    if (const auto* message = entry.if_contains("message")) std::cout << ": " << std::string(message->get_string());
    std::cout << '\n';
  }
}

bool submit_and_read_back(const PluginRegistry& plugins, const Form& form, const DemoCase& demo_case,
                          openklant_emulator::Emulator& emulator) {
  std::cout << "  Submitted:\n";
  print_submitted_profile(std::cout, demo_case.submission.at("data").at("profile"));

  const boost::json::object before = emulator.snapshot();
  const SubmissionOutcome outcome = complete_submission(plugins, form, demo_case.submission);
  if (outcome.validation_failed()) {
    print_validation_errors(outcome.validation_errors);
    return false;
  }
  print_registration(outcome.registration);

  std::cout << "  Written to Open Klant:\n";
  const std::size_t klantcontacten = print_written_records(std::cout, before, emulator.snapshot());
  return !outcome.registration_failed && !outcome.registration.empty() && klantcontacten == 1;
}

// Runs one case; a step that fails prints why and ends the case, not the demo.
bool run_case(const PluginRegistry& plugins, const Form& form, const DemoCase& demo_case,
              openklant_emulator::Emulator& emulator) {
  std::cout << "\n== " << demo_case.title << " ==\n";
  bool passed = false;
  try {
    passed = print_prefill(plugins, form, demo_case) && submit_and_read_back(plugins, form, demo_case, emulator);
  } catch (const std::exception& error) {
    std::cout << "  failed: " << error.what() << '\n';
  }
  std::cout << "  Case " << (passed ? "passed" : "FAILED") << '\n';
  return passed;
}

}  // namespace

int run_demo_command() {
  const std::filesystem::path data_dir = find_demo_data_dir();
  const std::filesystem::path plugin_dir = find_demo_plugin_dir();
  const Form form = load_form(data_dir / "demo_form.json");

  std::optional<RunningEmulator> emulator;
  try {
    emulator.emplace(data_dir / "open_klant_demo.json");
  } catch (const std::exception& error) {
    throw SetupError("the Open Klant emulator could not start with " + (data_dir / "open_klant_demo.json").string() +
                     ": " + error.what());
  }
  const std::string api_root((**emulator).api_root());
  std::cout << "Open Klant emulator: " << api_root << "\nPlugins: " << plugin_dir.string()
            << "\nDemo data: " << data_dir.string() << '\n';

  const boost::json::object configuration = demo_configuration(api_root);
  const PluginRegistry plugins = PluginRegistry::load(plugin_dir);
  plugins.configure_all(ConfigurationFile{"(demo configuration)", boost::json::serialize(configuration), configuration});
  if (plugins.find(profile_plugin) == nullptr) {
    throw SetupError("the plugin folder " + plugin_dir.string() + " has no " + std::string(profile_plugin) +
                     " plugin; build it or set FORMPLUGIN_PLUGIN_DIR");
  }

  const std::vector<DemoCase> cases = demo_cases();
  std::size_t passed = 0;
  for (const auto& demo_case : cases) {
    if (run_case(plugins, form, demo_case, **emulator)) ++passed;
  }
  std::cout << "\n" << passed << " of " << cases.size() << " cases passed.\n";
  return passed == cases.size() ? exit_success : exit_check_failed;
}

}  // namespace host_stub
