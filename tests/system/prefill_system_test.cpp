// Prefill through the C ABI against the Open Klant emulator over loopback HTTP.
#include "fixture_builder.hpp"
#include "open_klant_emulator/open_klant_emulator.hpp"
#include "plugin_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

using formplugin::host::Hook;
using plugin_tests::FixtureBuilder;
using plugin_tests::PluginFixture;

namespace {

struct PrefillSetup {
  openklant_emulator::Emulator emulator;
  PluginFixture plugin;

  explicit PrefillSetup(const std::string& fixture) {
    if (!fixture.empty()) emulator.load_fixture(fixture);
    emulator.start();
    BOOST_REQUIRE_EQUAL(plugin.configure(emulator.api_root()).status, FP_STATUS_DONE);
  }

  plugin_tests::HookAnswer prefill(const boost::json::value& login,
                                   const boost::json::object& component = plugin_tests::profile_component()) {
    const auto form = plugin_tests::profile_form(component);
    return plugin.call(Hook::prefill, plugin_tests::prefill_request(form, plugin_tests::submission(login)));
  }
};

std::string person_with_many_addresses(int count) {
  FixtureBuilder fixture;
  const int partij = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  for (int i = 0; i < count; ++i) fixture.adres(partij, "email", "user" + std::to_string(i) + "@example.nl", i == 0);
  return fixture.json();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(prefill_system)

BOOST_AUTO_TEST_CASE(prefill_follows_every_page) {
  PrefillSetup setup(person_with_many_addresses(230));
  const auto answer = setup.prefill(plugin_tests::bsn_login("111222333"));

  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  const auto& options = answer.json.at("value").at(0).at("options").as_array();
  BOOST_TEST(options.size() == 230u);
  BOOST_TEST(options.front().as_string() == "user229@example.nl");
  BOOST_TEST(options.back().as_string() == "user0@example.nl");
  BOOST_TEST(answer.json.at("value").at(0).at("preferred").as_string() == "user0@example.nl");
  BOOST_TEST(setup.emulator.requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(prefill_sends_token_on_every_request) {
  PrefillSetup setup(person_with_many_addresses(150));
  setup.prefill(plugin_tests::bsn_login("111222333"));

  const auto requests = setup.emulator.requests();
  BOOST_TEST(requests.size() == 2u);
  for (const auto& request : requests) BOOST_TEST(request.authorization == "Token demo-token");
}

BOOST_AUTO_TEST_CASE(prefill_queries_by_kvk_number) {
  PrefillSetup setup("");
  setup.prefill(plugin_tests::kvk_login("12345678"));
  BOOST_TEST(setup.emulator.requests().at(0).target ==
             "/klantinteracties/api/v1/digitaleadressen?"
             "verstrektDoorPartij__partijIdentificator__codeSoortObjectId=kvk_nummer&"
             "verstrektDoorPartij__partijIdentificator__codeRegister=hr&"
             "verstrektDoorPartij__partijIdentificator__codeObjecttype=niet_natuurlijk_persoon&"
             "verstrektDoorPartij__partijIdentificator__objectId=12345678");
}

BOOST_AUTO_TEST_CASE(prefill_skips_other_login_attributes) {
  PrefillSetup setup("");
  const auto answer = setup.prefill(boost::json::object{{"attribute", "pseudo"}, {"value", "abc"}});
  BOOST_TEST(answer.status == FP_STATUS_SKIPPED);
  BOOST_TEST(answer.message == "Logins with \"pseudo\" are not served; only bsn and kvk are.");
  BOOST_TEST(answer.json.at("reason").as_string() == "unsupported_auth_attribute");
  BOOST_TEST(setup.emulator.requests().empty());
}

BOOST_AUTO_TEST_CASE(prefill_skips_missing_profile_component) {
  PrefillSetup setup("");
  auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  form["components"] = boost::json::array();
  const auto answer = setup.plugin.call(
      Hook::prefill, plugin_tests::prefill_request(form, plugin_tests::submission(plugin_tests::bsn_login("111222333"))));
  BOOST_TEST(answer.status == FP_STATUS_SKIPPED);
  BOOST_TEST(answer.message == "The form has no customerProfile component \"profile\".");
  BOOST_TEST(setup.emulator.requests().empty());
  BOOST_TEST(setup.plugin.logged("prefill_skipped"));
}

BOOST_AUTO_TEST_CASE(prefill_rejects_malformed_bsn) {
  PrefillSetup setup("");
  const auto answer = setup.prefill(plugin_tests::bsn_login("12345"));
  BOOST_TEST(answer.status == FP_STATUS_INVALID_INPUT);
  BOOST_TEST(answer.message == "submission.auth_info: a BSN must consist of exactly 9 digits.");
  BOOST_TEST(setup.emulator.requests().empty());
}

BOOST_AUTO_TEST_CASE(prefill_with_unknown_group_is_configuration_error) {
  PrefillSetup setup("");
  auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  form["variables"].as_array()[0].as_object()["prefill_options"].as_object()["customer_interactions_api_group"] = "gone";
  const auto answer = setup.plugin.call(
      Hook::prefill, plugin_tests::prefill_request(form, plugin_tests::submission(plugin_tests::bsn_login("111222333"))));
  BOOST_TEST(answer.status == FP_STATUS_CONFIGURATION_ERROR);
  BOOST_TEST(answer.message ==
             "The customer interactions API group \"gone\" is not configured. Choose an existing group in the prefill "
             "options.");
}

BOOST_AUTO_TEST_CASE(prefill_reports_refused_token) {
  openklant_emulator::Emulator emulator;
  emulator.start();
  PluginFixture plugin;
  plugin.configure(emulator.api_root(), "Token wrong");
  const auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  const auto answer = plugin.call(
      Hook::prefill, plugin_tests::prefill_request(form, plugin_tests::submission(plugin_tests::bsn_login("111222333"))));

  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(answer.message.find("returned status 403 for GET " + emulator.api_root() + "digitaleadressen?") != std::string::npos);
  BOOST_TEST(answer.message.find("Check the API key (header_value) of service \"open-klant-service\".") != std::string::npos);
  BOOST_TEST(answer.message.find("wrong") == std::string::npos);
  BOOST_TEST(answer.message.find("111222333") == std::string::npos);
  BOOST_TEST(answer.message.find("objectId=*****2333") != std::string::npos);
  BOOST_TEST(answer.json.at("url").as_string().find("111222333") == std::string::npos);
  BOOST_TEST(answer.json.at("status").as_int64() == 403);
}

BOOST_AUTO_TEST_CASE(validate_prefill_options_names_each_problem) {
  PrefillSetup setup("");
  const auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  const auto answer = setup.plugin.call(
      Hook::validate_prefill_options,
      boost::json::object{{"options", {{"customer_interactions_api_group", "gone"}, {"profile_form_variable", "details"}}},
                          {"form", form}});
  BOOST_TEST(answer.status == FP_STATUS_INVALID_INPUT);
  BOOST_TEST(boost::json::serialize(answer.json) ==
             R"({"errors":{"customer_interactions_api_group":"The API group \"gone\" does not exist.",)"
             R"("profile_form_variable":"The form has no customerProfile component \"details\"."}})");
}

BOOST_AUTO_TEST_CASE(configuration_context_lists_groups) {
  PrefillSetup setup("");
  const auto answer = setup.plugin.call(Hook::configuration_context, boost::json::object());
  BOOST_TEST(boost::json::serialize(answer.json) == R"({"api_groups":[["open-klant","Open Klant"]]})");
}

BOOST_AUTO_TEST_SUITE_END()
