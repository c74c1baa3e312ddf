// host_stub: a command-line stand-in for a form server, for running form plugins.
#include "command_line.hpp"
#include "commands.hpp"
#include "errors.hpp"

#include <exception>
#include <iostream>

namespace {

int run(const host_stub::CommandLine& line) {
  switch (line.command) {
    case host_stub::Command::help:
      std::cout << host_stub::help_text();
      return host_stub::exit_success;
    case host_stub::Command::prefill: return host_stub::run_prefill_command(line);
    case host_stub::Command::check: return host_stub::run_check_command(line);
    case host_stub::Command::submit: return host_stub::run_submit_command(line);
    case host_stub::Command::demo: return host_stub::run_demo_command();
  }
  return host_stub::exit_usage_or_setup;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(host_stub::parse_command_line(argc, argv));
  } catch (const host_stub::UsageError& error) {
    std::cerr << "host_stub: " << error.what() << '\n' << host_stub::usage_text();
  } catch (const host_stub::SetupError& error) {
    std::cerr << "host_stub: " << error.what() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "host_stub: unexpected error: " << error.what() << '\n';
  }
  return host_stub::exit_usage_or_setup;
}
