#include "scenarios.hpp"

#include "cassette_replay/cassette_replay.hpp"
#include "open_klant_emulator/open_klant_emulator.hpp"
#include "plugin_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace conformance {
namespace {

using formplugin::host::Hook;
using plugin_tests::PluginFixture;

const std::string recorded_root = "http://localhost:8005/klantinteracties/api/v1/";

std::string read_file(const std::string& path) {
  std::ifstream stream(path);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

std::string cassette_path(const boost::json::object& scenario) {
  return std::string(FORMPLUGIN_REFERENCE_DIR) + "/open-forms-cassettes/" + std::string(scenario.at("cassette").as_string());
}

std::string string_of(const boost::json::object& object, std::string_view key, std::string fallback = "") {
  const auto* member = object.if_contains(key);
  return member != nullptr && member->is_string() ? std::string(member->get_string()) : fallback;
}

void check_same(const boost::json::value& actual, const boost::json::value& expected, const std::string& what) {
  BOOST_CHECK_MESSAGE(actual == expected, what << ": got " << boost::json::serialize(actual) << ", expected "
                                               << boost::json::serialize(expected));
}

void check_replay_complete(const cassette_replay::ReplayServer& replay) {
  for (const auto& mismatch : replay.mismatches()) BOOST_ERROR("replay mismatch: " << mismatch);
  BOOST_TEST(replay.served_count() == replay.expected_count());
}

// The form a scenario describes, with the prefill variable pointing at its component.
boost::json::object form_of(const boost::json::object& scenario) {
  return plugin_tests::profile_form(scenario.at("component").as_object());
}

boost::json::object submission_of(const boost::json::object& scenario, const boost::json::object& data = {}) {
  return plugin_tests::submission(scenario.at("auth_info"), data,
                                  string_of(scenario, "public_registration_reference", "OF-12345"),
                                  string_of(scenario, "language_code", "nl"));
}

// Runs prefill as a host does: a skip keeps the variable's default, [].
boost::json::value prefill_value(const PluginFixture& plugin, const boost::json::object& form,
                                 const boost::json::object& submission) {
  const auto answer = plugin.call(Hook::prefill, plugin_tests::prefill_request(form, submission));
  BOOST_TEST_INFO("prefill message: " << answer.message);
  BOOST_TEST((answer.status == FP_STATUS_DONE || answer.status == FP_STATUS_SKIPPED));
  if (answer.status != FP_STATUS_DONE) return boost::json::array();
  return answer.json.at("value");
}

// Prefill scenarios ---------------------------------------------------------

void run_prefill_against_replay(const boost::json::object& scenario) {
  openklant_emulator::Emulator fallback;
  fallback.load_fixture_file(fixture_path());
  cassette_replay::ReplayServer replay(cassette_path(scenario));
  replay.set_fallback(&fallback);
  replay.start();

  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(replay.api_root()).status, FP_STATUS_DONE);
  const auto value = prefill_value(plugin, form_of(scenario), submission_of(scenario));

  check_same(value, scenario.at("expected_prefill_value"), "prefill value");
  check_replay_complete(replay);

  // A branch login checks each party's KVK number: one GET per distinct party,
  // served by the emulator because the reference implementation did not make it.
  std::vector<std::string> expected_extra;
  const auto& auth = scenario.at("auth_info").as_object();
  if (!string_of(auth, "legal_subject_service_restriction").empty()) {
    expected_extra.push_back("GET partijen/2ea9b4fc-3c66-45dc-8adc-4737bbda7782");
  }
  std::vector<std::string> extra;
  for (const auto& exchange : replay.extra_requests()) extra.push_back(exchange.method + " " + exchange.target);
  BOOST_TEST(extra == expected_extra, boost::test_tools::per_element());
}

void run_prefill_without_requests(const boost::json::object& scenario) {
  openklant_emulator::Emulator emulator;
  emulator.load_fixture_file(fixture_path());
  emulator.start();

  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(emulator.api_root()).status, FP_STATUS_DONE);
  const auto value = prefill_value(plugin, form_of(scenario), submission_of(scenario));

  check_same(value, scenario.at("expected_prefill_value"), "prefill value");
  BOOST_TEST(emulator.requests().empty());
  BOOST_TEST(plugin.logged("prefill_skipped"));
}

// Configuration check scenarios ---------------------------------------------

void run_check_config(const boost::json::object& scenario) {
  cassette_replay::ReplayServer replay(cassette_path(scenario));
  replay.start();
  std::string api_root = string_of(scenario, "api_root");
  api_root.replace(0, recorded_root.size(), replay.api_root());

  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(api_root, string_of(scenario, "header_value", "Token demo-token")).status,
                      FP_STATUS_DONE);
  const auto answer = plugin.call(Hook::check_configuration, boost::json::object());

  if (string_of(scenario, "expected") == "ok") {
    BOOST_TEST(answer.status == FP_STATUS_DONE);
    BOOST_TEST(answer.json.at("groups").at(0).at("ok").as_bool());
  } else {
    BOOST_TEST(answer.status == FP_STATUS_CONFIGURATION_ERROR);
    BOOST_TEST(answer.message ==
               "Invalid configuration. API group \"open-klant\" (" + api_root +
                   "): Open Klant (service \"open-klant-service\") returned status 404 for GET " + api_root +
                   ". Check the api_root of service \"open-klant-service\".");
    BOOST_TEST(answer.json.at("groups").at(0).at("status").as_int64() == 404);
  }
  check_replay_complete(replay);
}

// Submit scenarios ------------------------------------------------------------

// Validates the submitted value and runs the pre-registration hook.
plugin_tests::HookAnswer complete_submission(const PluginFixture& plugin, const boost::json::object& scenario,
                                             const boost::json::value& offered) {
  const auto& component = scenario.at("component").as_object();
  const auto validated = plugin.call(Hook::component_validate,
                                     boost::json::object{{"component", component},
                                                         {"value", scenario.at("submitted_profile")},
                                                         {"language_code", scenario.at("language_code")}});
  BOOST_REQUIRE_MESSAGE(validated.status == FP_STATUS_DONE, validated.message);

  const boost::json::object data = {{"profile", validated.json.at("value")},
                                    {plugin_tests::prefill_variable_key, offered}};
  return plugin.call(Hook::pre_registration,
                     plugin_tests::registration_request(form_of(scenario), submission_of(scenario, data)));
}

void check_written_addresses(const boost::json::object& result, const boost::json::object& expected) {
  const auto& written = result.at("digital_addresses").as_object();
  const auto& created = written.at("created").as_array();
  const auto& expected_created = expected.at("created").as_array();
  BOOST_REQUIRE_EQUAL(created.size(), expected_created.size());
  for (std::size_t i = 0; i < created.size(); ++i) {
    const auto& actual = created[i].as_object();
    const auto& wanted = expected_created[i].as_object();
    BOOST_TEST_CONTEXT("created address " << i) {
      BOOST_TEST(actual.at("adres") == wanted.at("adres"));
      BOOST_TEST(actual.at("soortDigitaalAdres") == wanted.at("soortDigitaalAdres"));
      BOOST_TEST(actual.at("isStandaardAdres") == wanted.at("isStandaardAdres"));
      BOOST_TEST(!actual.at("verstrektDoorPartij").is_null() == wanted.at("linked_to_partij").as_bool());
      BOOST_TEST(actual.at("verstrektDoorBetrokkene").at("uuid") == result.at("betrokkene").at("uuid"));
    }
  }

  const auto& updated = written.at("updated").as_array();
  const auto& expected_updated = expected.at("updated").as_array();
  BOOST_REQUIRE_EQUAL(updated.size(), expected_updated.size());
  for (std::size_t i = 0; i < updated.size(); ++i) {
    BOOST_TEST_CONTEXT("updated address " << i) {
      BOOST_TEST(updated[i].at("adres") == expected_updated[i].at("adres"));
      BOOST_TEST(updated[i].at("soortDigitaalAdres") == expected_updated[i].at("soortDigitaalAdres"));
      BOOST_TEST(updated[i].at("isStandaardAdres") == expected_updated[i].at("isStandaardAdres"));
    }
  }
}

void check_partij(const boost::json::object& result, const boost::json::object& expected) {
  const std::string partij = string_of(expected, "partij");
  if (expected.contains("partij_uuid")) {
    BOOST_TEST(result.at("partij_uuid").as_string() == expected.at("partij_uuid").as_string());
  }
  if (partij.rfind("found 4bf35628", 0) == 0) {
    BOOST_TEST(result.at("partij_uuid").as_string() == "4bf35628-d6fd-4815-9a76-e55c275986b9");
  }
  BOOST_TEST(result.at("partij_created").as_bool() == (partij.rfind("created", 0) == 0));
  if (expected.contains("betrokkene_wasPartij")) {
    BOOST_TEST(result.at("betrokkene").at("wasPartij") == expected.at("betrokkene_wasPartij"));
  }
}

void run_submit_against_replay(const boost::json::object& scenario) {
  const auto* dropped = scenario.if_contains("recorded_after_the_hook");
  cassette_replay::ReplayServer replay(cassette_path(scenario),
                                       dropped == nullptr ? 0 : static_cast<std::size_t>(dropped->as_int64()));
  replay.start();

  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(replay.api_root()).status, FP_STATUS_DONE);
  boost::json::value offered = boost::json::array();
  if (scenario.at("prefill_runs_first").as_bool()) {
    offered = prefill_value(plugin, form_of(scenario), submission_of(scenario));
  }

  const auto answer = complete_submission(plugin, scenario, offered);
  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  check_written_addresses(answer.json.as_object(), scenario.at("expected").as_object());
  check_partij(answer.json.as_object(), scenario.at("expected").as_object());
  check_replay_complete(replay);
  BOOST_TEST(replay.extra_requests().empty());
}

const boost::json::object* find_by(const boost::json::array& objects, std::string_view key, std::string_view value) {
  for (const auto& object : objects) {
    if (object.as_object().at(key).as_string() == value) return &object.as_object();
  }
  return nullptr;
}

void run_submit_against_emulator(const boost::json::object& scenario) {
  openklant_emulator::Emulator emulator;
  emulator.load_fixture_file(fixture_path());
  emulator.start();
  const auto before = emulator.snapshot();

  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(emulator.api_root()).status, FP_STATUS_DONE);
  const auto offered = prefill_value(plugin, form_of(scenario), submission_of(scenario));
  const auto answer = complete_submission(plugin, scenario, offered);
  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  const auto& result = answer.json.as_object();
  const auto& expected = scenario.at("expected").as_object();
  check_written_addresses(result, expected);
  check_partij(result, expected);

  // The emulator's state afterwards: one more klantcontact, the written
  // addresses as stored, and the partij's preferred addresses.
  const auto after = emulator.snapshot();
  BOOST_TEST(after.at("klantcontacten").as_array().size() == before.at("klantcontacten").as_array().size() + 1);
  const auto* onderwerpobject = find_by(after.at("onderwerpobjecten").as_array(), "uuid",
                                        result.at("onderwerpobject").at("uuid").as_string());
  BOOST_REQUIRE(onderwerpobject != nullptr);
  BOOST_TEST(onderwerpobject->at("onderwerpobjectidentificator").at("objectId") == scenario.at("public_registration_reference"));

  const auto& stored = after.at("digitaleadressen").as_array();
  for (const auto& written : result.at("digital_addresses").at("created").as_array()) {
    const auto* adres = find_by(stored, "uuid", written.at("uuid").as_string());
    BOOST_REQUIRE(adres != nullptr);
    BOOST_TEST(adres->at("adres") == written.at("adres"));
    BOOST_TEST(adres->at("isStandaardAdres") == written.at("isStandaardAdres"));
  }
  for (const auto& written : result.at("digital_addresses").at("updated").as_array()) {
    const auto* adres = find_by(stored, "uuid", written.at("uuid").as_string());
    BOOST_REQUIRE(adres != nullptr);
    BOOST_TEST(adres->at("isStandaardAdres").as_bool());
    // The partij has exactly one preferred address of this soort now.
    int preferred = 0;
    for (const auto& other : stored) {
      const auto& object = other.as_object();
      if (object.at("verstrektDoorPartij").is_object() &&
          object.at("verstrektDoorPartij").at("uuid") == result.at("partij_uuid") &&
          object.at("soortDigitaalAdres") == adres->at("soortDigitaalAdres") && object.at("isStandaardAdres").as_bool()) {
        ++preferred;
      }
    }
    BOOST_TEST(preferred == 1);
  }

  if (result.at("partij_created").as_bool()) {
    const auto* partij = find_by(after.at("partijen").as_array(), "uuid", result.at("partij_uuid").as_string());
    BOOST_REQUIRE(partij != nullptr);
    const bool persoon = scenario.at("auth_info").at("attribute").as_string() == "bsn";
    BOOST_TEST(partij->at("soortPartij").as_string() == (persoon ? "persoon" : "organisatie"));
    BOOST_TEST(partij->at("partijIdentificatoren").at(0).at("partijIdentificator").at("objectId") ==
               scenario.at("auth_info").at("value"));
  }
}

void run_submit_without_prefill_variable() {
  openklant_emulator::Emulator emulator;
  emulator.load_fixture_file(fixture_path());
  emulator.start();

  PluginFixture plugin;
  BOOST_REQUIRE_EQUAL(plugin.configure(emulator.api_root()).status, FP_STATUS_DONE);
  const auto form = plugin_tests::profile_form(plugin_tests::profile_component(), false);
  const boost::json::object data = {{"profile", boost::json::array{{{"address", "a@example.org"}, {"type", "email"}}}}};
  const auto answer = plugin.call(Hook::pre_registration,
                                  plugin_tests::registration_request(form, plugin_tests::submission(nullptr, data)));

  BOOST_TEST(answer.status == FP_STATUS_CONFIGURATION_ERROR);
  BOOST_TEST(answer.json.at("reason").as_string() == "missing_prefill_variable");
  BOOST_TEST(emulator.requests().empty());
}

// The recorded test's name for a scenario with a cassette; a name from its
// inputs for the others.
std::string test_name(const boost::json::object& scenario) {
  const std::string kind = string_of(scenario, "kind");
  std::string name = string_of(scenario, "cassette");
  if (!name.empty()) {
    name = name.substr(name.find("__test_") + 7);
    return name.substr(0, name.size() - 5);
  }
  if (kind == "submit") return "without_prefill_variable_writes_nothing";
  if (scenario.at("auth_info").is_null()) return "not_authenticated_makes_no_request";
  return "without_address_types_makes_no_request";
}

}  // namespace

std::string scenarios_path() { return std::string(FORMPLUGIN_REFERENCE_DIR) + "/open-forms-cassettes/SCENARIOS.json"; }

std::string fixture_path() { return std::string(FORMPLUGIN_REFERENCE_DIR) + "/open-klant/open-forms-docker-fixtures.json"; }

std::vector<ScenarioTest> scenario_tests() {
  const auto document = boost::json::parse(read_file(scenarios_path()));
  std::vector<ScenarioTest> tests;
  for (const auto& item : document.at("scenarios").as_array()) {
    const auto scenario = item.as_object();
    const std::string kind = string_of(scenario, "kind");
    const bool recorded = !string_of(scenario, "cassette").empty();
    const std::string name = test_name(scenario);

    if (kind == "prefill") {
      tests.push_back({name.rfind("prefill_", 0) == 0 ? name : "prefill_" + name, [scenario, recorded] {
                         recorded ? run_prefill_against_replay(scenario) : run_prefill_without_requests(scenario);
                       }});
    } else if (kind == "check_config") {
      tests.push_back({"check_" + name, [scenario] { run_check_config(scenario); }});
    } else if (kind == "submit" && recorded) {
      tests.push_back({"submit_replay_" + name, [scenario] { run_submit_against_replay(scenario); }});
      tests.push_back({"submit_emulator_" + name, [scenario] { run_submit_against_emulator(scenario); }});
    } else if (kind == "submit") {
      tests.push_back({"submit_" + name, [] { run_submit_without_prefill_variable(); }});
    } else {
      tests.push_back({"unknown_kind_" + name, [kind] { BOOST_ERROR("scenario kind \"" << kind << "\" is not tested"); }});
    }
  }
  return tests;
}

}  // namespace conformance
