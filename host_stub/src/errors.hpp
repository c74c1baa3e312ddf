// Errors that end a host_stub run, and the exit codes of the commands.
#ifndef HOST_STUB_ERRORS_HPP
#define HOST_STUB_ERRORS_HPP

#include <stdexcept>

namespace host_stub {

// Exit codes shared by all commands.
enum ExitCode : int {
  exit_success = 0,
  exit_check_failed = 1,         // check found a problem, submit found invalid input, a demo case failed
  exit_usage_or_setup = 2,       // bad command line, unreadable input file, plugin set-up failed
  exit_registration_failed = 3,  // submit: a pre_registration hook did not finish with done
};

// A command line that host_stub cannot run. main() prints the message and the usage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An input file, the plugin folder or a plugin's set-up that keeps a command from
// starting. The message names the file or plugin and the problem.
class SetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace host_stub

#endif  // HOST_STUB_ERRORS_HPP
