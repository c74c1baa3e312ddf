// Write-back through the C ABI against the Open Klant emulator.
#include "fixture_builder.hpp"
#include "submission_setup.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

using formplugin::host::Hook;
using openklant_emulator::Fault;
using openklant_emulator::FaultKind;
using plugin_tests::FixtureBuilder;
using plugin_tests::SubmissionOptions;
using plugin_tests::SubmissionSetup;

namespace {

std::string resident() {
  FixtureBuilder fixture;
  const int partij = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  fixture.adres(partij, "email", "old@example.nl");
  fixture.adres(partij, "email", "main@example.nl", true);
  fixture.adres(partij, "telefoonnummer", "0612345678", true);
  return fixture.json();
}

const auto resident_login = plugin_tests::bsn_login("111222333");

}  // namespace

BOOST_AUTO_TEST_SUITE(write_back_system)

BOOST_AUTO_TEST_CASE(refused_second_address_reports_first_as_created) {
  SubmissionSetup setup(resident());
  Fault refuse;
  refuse.method = "POST";
  refuse.path_suffix = "digitaleadressen";
  refuse.occurrence = 2;
  refuse.status = 400;
  refuse.body = R"({"type":"https://example.org/validation","code":"invalid","title":"Invalid input.","status":400,)"
                R"("detail":"","instance":"urn:uuid:1","invalidParams":[{"name":"adres","code":"invalid","reason":"Ongeldig."}]})";
  setup.emulator.inject_fault(refuse);

  const auto answer = setup.submit(resident_login, R"([{"address":"new@example.nl","type":"email"},)"
                                                   R"({"address":"0687654321","type":"phoneNumber"}])");

  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  const auto& result = answer.json.as_object();
  const auto& created = result.at("digital_addresses").at("created").as_array();
  BOOST_REQUIRE_EQUAL(created.size(), 1u);
  BOOST_TEST(created[0].at("adres").as_string() == "new@example.nl");
  BOOST_TEST(result.at("klantcontact").at("uuid").is_string());
  const auto& failure = result.at("failure").as_object();
  BOOST_TEST(failure.at("step").as_string() == "create_digitaal_adres");
  BOOST_TEST(failure.at("status").as_int64() == 400);
  BOOST_TEST(boost::json::serialize(failure.at("invalid_params")) ==
             R"([{"name":"adres","code":"invalid","reason":"Ongeldig."}])");
  BOOST_TEST(boost::json::serialize(failure.at("entry")) == R"({"type":"phoneNumber","address":"0687654321"})");
  BOOST_TEST(answer.message.find("Written before the failure: klantcontact ") != std::string::npos, answer.message);
  BOOST_TEST(answer.message.find("1 new digitaal adres(sen)") != std::string::npos, answer.message);
}

BOOST_AUTO_TEST_CASE(unknown_language_is_rejected_before_any_request) {
  SubmissionSetup setup(resident());
  const auto component = plugin_tests::profile_component();
  const boost::json::array value = {{{"address", "a@example.nl"}, {"type", "email"}, {"preferenceUpdate", "useOnlyOnce"}}};
  SubmissionOptions options;
  options.language = "xx";
  const auto answer = setup.register_with(nullptr, value, boost::json::array(), options);

  BOOST_TEST(answer.status == FP_STATUS_INVALID_INPUT);
  BOOST_TEST(answer.message ==
             "submission.language_code \"xx\" is not a language this plugin can record; use a two-letter code such as "
             "nl or en.");
  BOOST_TEST(setup.emulator.requests().empty());
}

BOOST_AUTO_TEST_CASE(english_submission_records_taal_eng) {
  SubmissionSetup setup(resident());
  SubmissionOptions options;
  options.language = "en";
  const auto answer = setup.submit(nullptr, R"([{"address":"a@example.nl","type":"email"}])", options);
  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  BOOST_TEST(answer.json.at("klantcontact").at("taal").as_string() == "eng");
}

BOOST_AUTO_TEST_CASE(several_partijen_for_one_bsn_write_nothing) {
  SubmissionSetup setup(resident());
  Fault twice;
  twice.method = "GET";
  twice.path_suffix = "partijen";
  twice.status = 200;
  twice.body = R"({"count":2,"next":null,"previous":null,"results":[{"uuid":")" + FixtureBuilder::uuid(1) +
               R"("},{"uuid":")" + FixtureBuilder::uuid(2) + R"("}]})";
  setup.emulator.inject_fault(twice);
  const auto klantcontacten_before = setup.stored("klantcontacten").size();

  const auto answer = setup.submit(resident_login, R"([{"address":"new@example.nl","type":"email"}])");

  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(answer.message ==
             "Open Klant contains 2 partijen with bsn *****2333, but these identificator codes must identify one "
             "partij. Nothing was written; merge the partijen in Open Klant and retry the registration.");
  BOOST_TEST(answer.json.at("failure").at("step").as_string() == "find_partij");
  BOOST_TEST(setup.stored("klantcontacten").size() == klantcontacten_before);
}

BOOST_AUTO_TEST_CASE(component_without_write_back_is_skipped) {
  SubmissionSetup setup(resident());
  SubmissionOptions options;
  options.component["shouldUpdateCustomerData"] = false;
  const auto answer = setup.submit(resident_login, R"([{"address":"new@example.nl","type":"email"}])", options);
  BOOST_TEST(answer.status == FP_STATUS_SKIPPED);
  BOOST_TEST(answer.message == "The component \"profile\" does not update customer data.");
  BOOST_TEST(setup.stored("klantcontacten").empty());
}

BOOST_AUTO_TEST_CASE(invalid_submitted_value_is_rejected_again) {
  SubmissionSetup setup(resident());
  const boost::json::array value = {{{"address", "not an address"}, {"type", "email"}}};
  const auto answer = setup.register_with(resident_login, value, boost::json::array());
  BOOST_TEST(answer.status == FP_STATUS_INVALID_INPUT);
  BOOST_TEST(answer.json.at("errors").at(0).at("code").as_string() == "email_invalid");
  BOOST_TEST(setup.emulator.requests().empty());
}

BOOST_AUTO_TEST_CASE(check_form_lists_profile_without_prefill_variable) {
  SubmissionSetup setup("");
  const auto form = plugin_tests::profile_form(plugin_tests::profile_component(), false);
  const auto answer = setup.plugin.call(Hook::check_form, boost::json::object{{"form", form}});
  BOOST_TEST(answer.status == FP_STATUS_DONE);
  const auto& problems = answer.json.at("problems").as_array();
  BOOST_REQUIRE_EQUAL(problems.size(), 1u);
  BOOST_TEST(problems[0].at("component_key").as_string() == "profile");
  BOOST_TEST(problems[0].at("code").as_string() == "missing_prefill_variable");

  const auto complete = plugin_tests::profile_form(plugin_tests::profile_component());
  BOOST_TEST(setup.plugin.call(Hook::check_form, boost::json::object{{"form", complete}}).json.at("problems").as_array().empty());
}

BOOST_AUTO_TEST_CASE(check_form_lists_invalid_prefill_options) {
  SubmissionSetup setup("");
  auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  auto& options = form["variables"].as_array()[0].as_object()["prefill_options"].as_object();
  options["customer_interactions_api_group"] = "missing-group";
  options["profile_form_variable"] = "contacts";

  const auto answer = setup.plugin.call(Hook::check_form, boost::json::object{{"form", form}});

  BOOST_TEST(boost::json::serialize(answer.json.at("problems")) ==
             R"([{"variable_key":"communication_preferences","code":"invalid_prefill_options",)"
             R"("option":"customer_interactions_api_group",)"
             R"("message":"Prefill variable \"communication_preferences\": The API group \"missing-group\" does not exist."},)"
             R"({"variable_key":"communication_preferences","code":"invalid_prefill_options","option":"profile_form_variable",)"
             R"("message":"Prefill variable \"communication_preferences\": The form has no customerProfile component \"contacts\"."},)"
             R"({"component_key":"profile","code":"missing_prefill_variable",)"
             R"("message":"The customerProfile component \"profile\" updates customer data, but no prefill variable with )"
             R"(plugin communication_preferences points at it, so nothing will be written after a submission. Add such a )"
             R"(variable."}])");
}

BOOST_AUTO_TEST_CASE(missing_variable_message_names_dangling_variable) {
  SubmissionSetup setup("");
  auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  form["variables"].as_array()[0].as_object()["prefill_options"].as_object()["profile_form_variable"] = "contacts";
  const boost::json::object data = {{"profile", boost::json::array{{{"address", "a@example.nl"}, {"type", "email"}}}}};

  const auto answer = setup.plugin.call(
      Hook::pre_registration, plugin_tests::registration_request(form, plugin_tests::submission(nullptr, data)));

  BOOST_TEST(answer.status == FP_STATUS_CONFIGURATION_ERROR);
  BOOST_TEST(answer.message ==
             "Nothing was written for component \"profile\": no prefill variable with plugin communication_preferences "
             "points at it. Add one in the form's variables. Prefill variable \"communication_preferences\" points at "
             "\"contacts\", which is not a customerProfile component of this form.");
  BOOST_TEST(setup.emulator.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
