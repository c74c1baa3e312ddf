// open_klant_emulator --seed FILE [--port N] [--token T ...]
// Serves the Open Klant emulator on 127.0.0.1 until SIGINT or SIGTERM.
#include "open_klant_emulator/open_klant_emulator.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int usage_error = 2;

const char* const usage =
    "usage: open_klant_emulator --seed FILE [--port N] [--token T ...]\n"
    "  --seed FILE   Django fixture with the klantinteracties records to start with\n"
    "  --port N      TCP port on 127.0.0.1 (default 0: a free port)\n"
    "  --token T     accepted API key for 'Authorization: Token T'; repeat for more\n"
    "                (default: demo-token)\n"
    "Prints 'listening <api root>' once ready and serves until SIGINT or SIGTERM.\n";

struct Arguments {
  std::string seed_path;
  openklant_emulator::Options options;
};

unsigned short parse_port(const std::string& text) {
  std::size_t parsed = 0;
  unsigned long port = 0;
  try {
    port = std::stoul(text, &parsed);
  } catch (const std::exception&) {
    parsed = 0;
  }
  if (parsed != text.size() || port > 65535) throw std::invalid_argument("--port must be a number from 0 to 65535, not '" + text + "'");
  return static_cast<unsigned short>(port);
}

Arguments parse_arguments(int argc, char** argv) {
  Arguments arguments;
  std::vector<std::string> tokens;
  for (int i = 1; i < argc; ++i) {
    const std::string option = argv[i];
    if (option == "--help" || option == "-h") {
      std::cout << usage;
      std::exit(0);
    }
    if (i + 1 >= argc) throw std::invalid_argument(option == "--seed" || option == "--port" || option == "--token"
                                                       ? option + " needs a value"
                                                       : "unknown argument '" + option + "'");
    const std::string value = argv[++i];
    if (option == "--seed") {
      arguments.seed_path = value;
    } else if (option == "--port") {
      arguments.options.port = parse_port(value);
    } else if (option == "--token") {
      if (value.empty()) throw std::invalid_argument("--token needs a non-empty key");
      tokens.push_back(value);
    } else {
      throw std::invalid_argument("unknown argument '" + option + "'");
    }
  }
  if (arguments.seed_path.empty()) throw std::invalid_argument("--seed FILE is required");
  if (!tokens.empty()) arguments.options.tokens = tokens;
  return arguments;
}

}  // namespace

int main(int argc, char** argv) {
  Arguments arguments;
  try {
    arguments = parse_arguments(argc, argv);
  } catch (const std::invalid_argument& problem) {
    std::cerr << "open_klant_emulator: " << problem.what() << "\n" << usage;
    return usage_error;
  }

  // Block the stop signals before any server thread exists, so every thread
  // inherits the mask and only sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  openklant_emulator::Emulator emulator(arguments.options);
  try {
    emulator.load_fixture_file(arguments.seed_path);
    emulator.start();
  } catch (const std::runtime_error& failure) {
    std::cerr << "open_klant_emulator: " << failure.what() << "\n";
    return usage_error;
  }

  std::cout << "listening " << emulator.api_root() << std::endl;

  int received = 0;
  sigwait(&stop_signals, &received);
  emulator.stop();
  std::cerr << "open_klant_emulator: stopped on signal " << received << "\n";
  return 0;
}
