// Test helpers: a temporary folder for input files, and running the host_stub
// executable (HOST_STUB_PATH) as a child process with its output captured.
#ifndef HOST_STUB_TESTS_HOST_STUB_RUNNER_HPP
#define HOST_STUB_TESTS_HOST_STUB_RUNNER_HPP

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace host_stub_tests {

// A fresh folder under the system's temporary folder, removed with its content.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "host_stub_test_XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  ~TemporaryFolder() {
    std::error_code ignored;  // a leftover folder in /tmp is no reason to fail a test
    std::filesystem::remove_all(path_, ignored);
  }

  const std::filesystem::path& path() const { return path_; }

  // Writes text to a file inside the folder, creating parent folders, and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  std::filesystem::path make_folder(const std::string& name) const {
    std::filesystem::create_directories(path_ / name);
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;  // 128 + signal number when the process was killed by a signal
  std::string out;
  std::string err;
};

// Runs HOST_STUB_PATH with the arguments in working_folder; extra_environment
// entries are set in the child, entries with an empty value are removed.
inline RunResult run_host_stub(const std::vector<std::string>& arguments,
                               const std::filesystem::path& working_folder,
                               const std::vector<std::pair<std::string, std::string>>& extra_environment = {}) {
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe2 failed");
  }

  std::vector<std::string> argv_text{HOST_STUB_PATH};
  argv_text.insert(argv_text.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& argument : argv_text) argv.push_back(argument.data());
  argv.push_back(nullptr);

  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    if (::chdir(working_folder.c_str()) != 0) ::_exit(126);
    for (const auto& [name, value] : extra_environment) {
      if (value.empty()) {
        ::unsetenv(name.c_str());
      } else {
        ::setenv(name.c_str(), value.c_str(), 1);
      }
    }
    ::execv(HOST_STUB_PATH, argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);

  // Read both pipes until the child closes them, so neither can fill up and block it.
  RunResult result;
  pollfd streams[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* targets[2] = {&result.out, &result.err};
  int open_streams = 2;
  while (open_streams > 0) {
    if (::poll(streams, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("poll failed");
    }
    for (int index = 0; index < 2; ++index) {
      if (streams[index].fd < 0 || streams[index].revents == 0) continue;
      char buffer[4096];
      const ssize_t count = ::read(streams[index].fd, buffer, sizeof buffer);
      if (count > 0) {
        targets[index]->append(buffer, static_cast<std::size_t>(count));
      } else if (count == 0 || errno != EINTR) {
        ::close(streams[index].fd);
        streams[index].fd = -1;
        --open_streams;
      }
    }
  }

  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace host_stub_tests

#endif  // HOST_STUB_TESTS_HOST_STUB_RUNNER_HPP
