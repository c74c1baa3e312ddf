// The host_stub commands. Each returns the process exit code (see ExitCode)
// and may throw SetupError before it starts its work.
#ifndef HOST_STUB_COMMANDS_HPP
#define HOST_STUB_COMMANDS_HPP

#include "command_line.hpp"

namespace host_stub {

int run_prefill_command(const CommandLine& line);
int run_check_command(const CommandLine& line);
int run_submit_command(const CommandLine& line);
int run_demo_command();

}  // namespace host_stub

#endif  // HOST_STUB_COMMANDS_HPP
