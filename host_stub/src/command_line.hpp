// The command line of host_stub: which command runs and with which files.
#ifndef HOST_STUB_COMMAND_LINE_HPP
#define HOST_STUB_COMMAND_LINE_HPP

#include <filesystem>
#include <optional>
#include <string>

namespace host_stub {

enum class Command { help, prefill, check, submit, demo };

struct CommandLine {
  Command command = Command::help;
  std::filesystem::path plugin_dir;
  std::filesystem::path config_file;
  std::optional<std::filesystem::path> form_file;
  std::optional<std::filesystem::path> submission_file;
};

// Parses argv. Throws UsageError for an unknown command or option, a missing
// value, a repeated option, or an option the command does not take or needs.
CommandLine parse_command_line(int argc, const char* const* argv);

// The usage lines, one per command.
std::string usage_text();

// The usage lines followed by what each command does and its exit codes.
std::string help_text();

}  // namespace host_stub

#endif  // HOST_STUB_COMMAND_LINE_HPP
