// host_stub, the real plugin and the emulator seeded with the reference
// fixture give the recorded expected value of the first prefill scenario.
#include "../host_stub/host_stub_runner.hpp"
#include "open_klant_emulator/open_klant_emulator.hpp"
#include "scenarios.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

boost::json::value read_json(const std::string& path) {
  std::ifstream stream(path);
  std::stringstream text;
  text << stream.rdbuf();
  return boost::json::parse(text.str());
}

}  // namespace

BOOST_AUTO_TEST_CASE(host_stub_prefill_matches_first_scenario) {
  const auto scenarios = read_json(conformance::scenarios_path()).at("scenarios").as_array();
  const auto& scenario = scenarios.at(0).as_object();
  BOOST_REQUIRE(scenario.at("auth_info").at("value").as_string() == "123456782");

  openklant_emulator::Emulator emulator;
  emulator.load_fixture_file(conformance::fixture_path());
  emulator.start();

  host_stub_tests::TemporaryFolder folder;
  folder.make_folder("plugins");
  std::filesystem::copy_file(PLUGIN_PATH, folder.path() / "plugins" / "communication_preferences.so");
  const boost::json::object configuration = {
      {"services", boost::json::array{{{"identifier", "open-klant"}, {"label", "Open Klant"},
                                       {"api_root", emulator.api_root()}, {"auth_type", "api_key"},
                                       {"header_key", "Authorization"}, {"header_value", "Token demo-token"},
                                       {"allow_plain_http", true}}}},
      {"customer_interactions_api_groups",
       boost::json::array{{{"identifier", "open-klant"}, {"name", "Open Klant"}, {"service", "open-klant"}}}}};
  const boost::json::object form = {
      {"name", "With profile"},
      {"components", boost::json::array{scenario.at("component")}},
      {"variables", boost::json::array{{{"key", "communication_preferences"},
                                        {"source", "user_defined"},
                                        {"data_type", "array"},
                                        {"prefill_plugin", "communication_preferences"},
                                        {"prefill_options",
                                         {{"customer_interactions_api_group", "open-klant"},
                                          {"profile_form_variable", scenario.at("component").at("key")}}}}}}};
  const boost::json::object submission = {{"uuid", "0b8c3e55-3f7e-4a3b-9d1e-2c5f6a7b8c9d"},
                                          {"language_code", "nl"},
                                          {"public_registration_reference", "OF-12345"},
                                          {"auth_info", scenario.at("auth_info")},
                                          {"data", boost::json::object()}};
  const auto config_file = folder.write("config.json", boost::json::serialize(configuration));
  const auto form_file = folder.write("form.json", boost::json::serialize(form));
  const auto submission_file = folder.write("submission.json", boost::json::serialize(submission));

  const auto result = host_stub_tests::run_host_stub(
      {"prefill", "--plugins", (folder.path() / "plugins").string(), "--config", config_file.string(), "--form",
       form_file.string(), "--submission", submission_file.string()},
      folder.path());

  BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
  const auto output = boost::json::parse(result.out);
  BOOST_TEST(output.at("variables").at("communication_preferences") == scenario.at("expected_prefill_value"),
             boost::json::serialize(output.at("variables").at("communication_preferences")));
  BOOST_TEST(!output.as_object().contains("prefill_errors"));
}
