// The C ABI seen from a host: version checks, older tables, bad documents and
// calls from many threads at once.
#include "fixture_builder.hpp"
#include "open_klant_emulator/open_klant_emulator.hpp"
#include "plugin_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using formplugin::host::Hook;
using formplugin::host::LoadedPlugin;
using formplugin::host::LoadError;
using plugin_tests::PluginFixture;

namespace {

std::string load_error_of(const std::string& path) {
  try {
    LoadedPlugin::load(path);
  } catch (const LoadError& error) {
    return error.what();
  }
  return "loaded";
}

std::string resident_fixture() {
  plugin_tests::FixtureBuilder fixture;
  const int partij = fixture.partij(plugin_tests::FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  fixture.adres(partij, "email", "old@example.nl");
  fixture.adres(partij, "email", "main@example.nl", true);
  fixture.adres(partij, "telefoonnummer", "0612345678", true);
  return fixture.json();
}

const char* resident_value =
    R"([{"type":"email","options":["main@example.nl","old@example.nl"],"preferred":"main@example.nl"},)"
    R"({"type":"phoneNumber","options":["0612345678"],"preferred":"0612345678"}])";

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_abi)

BOOST_AUTO_TEST_CASE(refuses_plugin_for_other_abi_version) {
  const std::string path = std::string(ABI_TEST_PLUGIN_DIR) + "/future_abi_plugin.so";
  BOOST_TEST(load_error_of(path) == "Plugin " + path +
                                        " was built for plugin ABI version 2, but this host supports version 1. "
                                        "Install a build of the plugin for ABI version 1.");
}

BOOST_AUTO_TEST_CASE(refuses_library_without_entry_point) {
  const std::string path = std::string(ABI_TEST_PLUGIN_DIR) + "/missing.so";
  BOOST_TEST(load_error_of(path).rfind("Cannot load plugin " + path + ": ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(older_table_keeps_loading) {
  const auto plugin = LoadedPlugin::load(std::string(ABI_TEST_PLUGIN_DIR) + "/older_table_plugin.so");
  const auto instance = plugin.create_instance(nullptr, nullptr);

  BOOST_TEST(plugin.supports(Hook::prefill));
  BOOST_TEST(!plugin.supports(Hook::configuration_context));
  BOOST_TEST(!plugin.supports(Hook::check_form));

  const auto prefilled = instance.call(Hook::prefill, "{}");
  BOOST_TEST(prefilled.status() == FP_STATUS_DONE);
  BOOST_TEST(prefilled.json() == R"({"value":["from the older table"]})");

  const auto beyond = instance.call(Hook::check_form, "{}");
  BOOST_TEST(beyond.status() == FP_STATUS_NOT_SUPPORTED);
  BOOST_TEST(beyond.message() == "Plugin older_table_plugin.so does not support the check_form hook.");
}

BOOST_AUTO_TEST_CASE(describe_names_plugin_and_logins) {
  const auto plugin = LoadedPlugin::load(PLUGIN_PATH);
  const auto described = boost::json::parse(plugin.describe().json());
  BOOST_TEST(described.at("identifier").as_string() == "communication_preferences");
  BOOST_TEST(boost::json::serialize(described.at("required_auth_attributes")) == R"(["bsn","kvk"])");
  BOOST_TEST(boost::json::serialize(described.at("component_types")) == R"(["customerProfile"])");
  BOOST_TEST(described.at("options_schema").at("required").as_array().size() == 2u);
}

BOOST_AUTO_TEST_CASE(hooks_before_configure_report_configuration_error) {
  PluginFixture plugin;
  for (Hook hook : {Hook::configuration_context, Hook::check_configuration, Hook::prefill}) {
    const auto answer = plugin.call(hook, boost::json::object());
    BOOST_TEST(answer.status == FP_STATUS_CONFIGURATION_ERROR, formplugin::host::hook_name(hook));
    BOOST_TEST(answer.message ==
               "The plugin is not configured yet: the host must call configure with its services and customer "
               "interactions API groups first.");
  }
}

BOOST_AUTO_TEST_CASE(malformed_documents_are_invalid_input) {
  openklant_emulator::Emulator emulator;
  emulator.start();
  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(emulator.api_root()).status, FP_STATUS_DONE);

  // Truncated, trailing garbage, not an object, invalid UTF-8, nesting deeper than any form needs.
  const std::vector<std::string> documents = {
      "{", "{\"form\": [1, 2", "null", "\"text\"", "[]", "{\"a\":1}x", "{\"form\": \"\xff\xfe\"}",
      std::string(100000, '['), "{\"form\":" + std::string(70, '[') + std::string(70, ']') + "}"};

  for (Hook hook : {Hook::configure, Hook::validate_prefill_options, Hook::prefill, Hook::pre_registration,
                    Hook::component_empty_value, Hook::component_value_schema, Hook::component_validate,
                    Hook::check_form}) {
    for (const auto& text : documents) {
      BOOST_TEST_CONTEXT(formplugin::host::hook_name(hook) << " with " << text.substr(0, 20)) {
        const auto answer = plugin.call_text(hook, text);
        BOOST_TEST(answer.status == FP_STATUS_INVALID_INPUT);
        BOOST_TEST(!answer.message.empty());
      }
    }
  }
  BOOST_TEST(emulator.requests().empty());
}

BOOST_AUTO_TEST_CASE(concurrent_calls_on_one_instance) {
  openklant_emulator::Emulator emulator;
  emulator.load_fixture(resident_fixture());
  emulator.start();
  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(emulator.api_root()).status, FP_STATUS_DONE);

  const auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  const auto request = plugin_tests::prefill_request(form, plugin_tests::submission(plugin_tests::bsn_login("111222333")));
  const boost::json::object validate = {
      {"component", plugin_tests::profile_component()},
      {"value", boost::json::parse(R"([{"address":"06 1234 5678","type":"phoneNumber"}])")},
      {"language_code", "nl"}};

  // 16 threads call prefill, component_validate and configure at once; every
  // result must equal the single-threaded result.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const auto prefilled = plugin.call(Hook::prefill, request);
        if (prefilled.status != FP_STATUS_DONE || boost::json::serialize(prefilled.json.at("value")) != resident_value) ++wrong;
        const auto validated = plugin.call(Hook::component_validate, validate);
        if (validated.json.at("value").at(0).at("address").as_string() != "0612345678") ++wrong;
        if (t == 0 && plugin.configure(emulator.api_root()).status != FP_STATUS_DONE) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();

  BOOST_TEST(wrong.load() == 0);
  BOOST_TEST(emulator.requests().size() == 160u);
}

BOOST_AUTO_TEST_SUITE_END()
