// A working folder with the input files of one host_stub run, an empty plugin
// folder "plugins", and helpers to run the commands on them.
#ifndef HOST_STUB_TESTS_HOST_STUB_FIXTURE_HPP
#define HOST_STUB_TESTS_HOST_STUB_FIXTURE_HPP

#include "host_stub_runner.hpp"

#include <string>
#include <vector>

namespace host_stub_tests {

inline const std::string usage_lines =
    "usage: host_stub prefill --plugins DIR --config FILE --form FILE --submission FILE\n"
    "       host_stub check --plugins DIR --config FILE [--form FILE]\n"
    "       host_stub submit --plugins DIR --config FILE --form FILE --submission FILE\n"
    "       host_stub demo\n"
    "       host_stub --help\n";

inline const std::string empty_configuration = R"({"services": [], "customer_interactions_api_groups": []})";

inline const std::string anonymous_submission = R"({
  "uuid": "0b7e4c52-3a1f-4d2e-9c8b-5f6a7e8d9c01",
  "language_code": "nl",
  "public_registration_reference": "OF-TEST-1",
  "auth_info": null,
  "data": {}
})";

struct HostStubFixture {
  TemporaryFolder folder;

  HostStubFixture() {
    folder.make_folder("plugins");
    folder.write("config.json", empty_configuration);
    folder.write("form.json", R"({"name": "Empty", "components": [], "variables": []})");
    folder.write("submission.json", anonymous_submission);
  }

  RunResult run(const std::vector<std::string>& arguments) const { return run_host_stub(arguments, folder.path()); }

  RunResult prefill() const {
    return run({"prefill", "--plugins", "plugins", "--config", "config.json", "--form", "form.json", "--submission",
                "submission.json"});
  }

  RunResult submit() const {
    return run({"submit", "--plugins", "plugins", "--config", "config.json", "--form", "form.json", "--submission",
                "submission.json"});
  }

  // Copies the echo test plugin into the plugin folder under the given file name.
  void install_echo_plugin(const std::string& file_name = "echo_plugin.so") const {
    std::filesystem::copy_file(HOST_STUB_TEST_PLUGIN_PATH, folder.path() / "plugins" / file_name,
                               std::filesystem::copy_options::overwrite_existing);
  }
};

}  // namespace host_stub_tests

#endif  // HOST_STUB_TESTS_HOST_STUB_FIXTURE_HPP
