#include "command_line.hpp"

#include "errors.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace host_stub {
namespace {

struct OptionRule {
  std::string_view name;
  bool prefill_submit;  // taken (and required) by prefill and submit
  bool check;           // taken by check
  bool check_required;  // required by check
};

constexpr std::array<OptionRule, 4> option_rules{{
    {"--plugins", true, true, true},
    {"--config", true, true, true},
    {"--form", true, true, false},
    {"--submission", true, false, false},
}};

std::optional<Command> command_named(std::string_view name) {
  if (name == "prefill") return Command::prefill;
  if (name == "check") return Command::check;
  if (name == "submit") return Command::submit;
  if (name == "demo") return Command::demo;
  return std::nullopt;
}

bool is_help_flag(std::string_view argument) { return argument == "--help" || argument == "-h"; }

const OptionRule* rule_for(std::string_view name) {
  for (const auto& rule : option_rules) {
    if (rule.name == name) return &rule;
  }
  return nullptr;
}

bool command_takes(Command command, const OptionRule& rule) {
  if (command == Command::prefill || command == Command::submit) return rule.prefill_submit;
  if (command == Command::check) return rule.check;
  return false;
}

bool command_requires(Command command, const OptionRule& rule) {
  if (command == Command::prefill || command == Command::submit) return rule.prefill_submit;
  if (command == Command::check) return rule.check_required;
  return false;
}

void store_option(CommandLine& line, std::string_view name, std::string value) {
  if (name == "--plugins") line.plugin_dir = value;
  if (name == "--config") line.config_file = value;
  if (name == "--form") line.form_file = value;
  if (name == "--submission") line.submission_file = value;
}

// Stores the options after the command in line; returns the option names seen.
std::vector<std::string_view> read_options(CommandLine& line, const std::string& command_name,
                                           const std::vector<std::string_view>& arguments) {
  std::vector<std::string_view> seen;
  for (std::size_t index = 1; index < arguments.size(); ++index) {
    // Both "--form FILE" and "--form=FILE" are accepted.
    std::string_view name = arguments[index];
    std::optional<std::string> value;
    if (const auto equals = name.find('='); equals != std::string_view::npos) {
      value = std::string(name.substr(equals + 1));
      name = name.substr(0, equals);
    }

    const OptionRule* rule = rule_for(name);
    if (rule == nullptr || !command_takes(line.command, *rule)) {
      throw UsageError("the " + command_name + " command does not take \"" + std::string(arguments[index]) + "\"");
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      throw UsageError("option " + std::string(name) + " is given twice");
    }
    seen.push_back(name);

    if (!value) {
      if (index + 1 >= arguments.size()) throw UsageError("option " + std::string(name) + " needs a value");
      value = std::string(arguments[++index]);
    }
    if (value->empty()) throw UsageError("option " + std::string(name) + " has an empty value");
    store_option(line, name, std::move(*value));
  }
  return seen;
}

void check_required_options(Command command, const std::string& command_name,
                            const std::vector<std::string_view>& seen) {
  for (const auto& rule : option_rules) {
    const bool present = std::find(seen.begin(), seen.end(), rule.name) != seen.end();
    if (!present && command_requires(command, rule)) {
      throw UsageError("the " + command_name + " command needs " + std::string(rule.name));
    }
  }
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv) {
  const std::vector<std::string_view> arguments(argv + 1, argv + argc);
  for (const auto argument : arguments) {
    if (is_help_flag(argument)) return CommandLine{};
  }
  if (arguments.empty()) throw UsageError("no command given");

  const auto command = command_named(arguments.front());
  if (!command) throw UsageError("unknown command \"" + std::string(arguments.front()) + "\"");

  CommandLine line;
  line.command = *command;
  const std::string command_name(arguments.front());
  const std::vector<std::string_view> seen = read_options(line, command_name, arguments);
  check_required_options(line.command, command_name, seen);
  return line;
}

std::string usage_text() {
  return "usage: host_stub prefill --plugins DIR --config FILE --form FILE --submission FILE\n"
         "       host_stub check --plugins DIR --config FILE [--form FILE]\n"
         "       host_stub submit --plugins DIR --config FILE --form FILE --submission FILE\n"
         "       host_stub demo\n"
         "       host_stub --help\n";
}

std::string help_text() {
  return usage_text() +
         "\n"
         "Runs form plugins (every *.so in the --plugins folder) the way a form server does.\n"
         "\n"
         "commands:\n"
         "  prefill  configure the plugins, fill every variable that names a prefill plugin,\n"
         "           and print all form variables as JSON\n"
         "  check    configure the plugins, check each plugin's configuration and, with\n"
         "           --form, the form's configuration; print one line per result\n"
         "  submit   prefill, apply the submission's data, validate the plugins' components,\n"
         "           run their write-back, and print the variables and what was registered\n"
         "  demo     run the plugins against a local Open Klant emulator with demo data\n"
         "\n"
         "files:\n"
         "  --config      {\"services\": [...], \"customer_interactions_api_groups\": [...]}\n"
         "  --form        {\"name\", \"components\": [Form.io components], \"variables\": [...]}\n"
         "  --submission  {\"uuid\", \"language_code\", \"public_registration_reference\",\n"
         "                 \"auth_info\": {...} or null, \"data\": {...}}\n"
         "\n"
         "exit codes:\n"
         "  0  success\n"
         "  1  check found a problem, submit found invalid input, or a demo case failed\n"
         "  2  usage error, unreadable or invalid input file, or plugin set-up failed\n"
         "  3  submit: a write-back (pre_registration) did not finish\n"
         "\n"
         "environment (demo only):\n"
         "  FORMPLUGIN_PLUGIN_DIR  plugin folder (default: ../lib/formplugin/plugins next to host_stub)\n"
         "  FORMPLUGIN_DATA_DIR    demo data folder (default: ../share/formplugin/demo next to host_stub)\n";
}

}  // namespace host_stub
