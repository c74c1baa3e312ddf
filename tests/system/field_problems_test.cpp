// The problems municipalities met with the reference implementation, each
// reproduced against the emulator. Test names state the rule that fixes them.
#include "fixture_builder.hpp"
#include "submission_setup.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>

using formplugin::host::Hook;
using openklant_emulator::Fault;
using plugin_tests::FixtureBuilder;
using plugin_tests::SubmissionOptions;
using plugin_tests::SubmissionSetup;

namespace {

std::string text_of(const boost::json::value& value) { return boost::json::serialize(value); }

std::size_t count_requests(const openklant_emulator::Emulator& emulator, const std::string& prefix) {
  std::size_t count = 0;
  for (const auto& request : emulator.requests()) {
    if (request.target.rfind("/klantinteracties/api/v1/" + prefix, 0) == 0) ++count;
  }
  return count;
}

const boost::json::object* find_adres(const boost::json::array& adressen, const std::string& adres) {
  for (const auto& item : adressen) {
    if (item.at("adres").as_string() == adres) return &item.as_object();
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(field_problems)

// 1. Branch numbers ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(branch_login_never_sees_other_kvk_addresses) {
  FixtureBuilder fixture;
  const int own = fixture.partij(FixtureBuilder::uuid(1));
  const int own_branch_parent = fixture.kvk_nummer(own, "11111111");
  fixture.vestigingsnummer(own, "000011112222", own_branch_parent);
  fixture.adres(own, "email", "own@example.nl", true);
  fixture.adres(own, "telefoonnummer", "0611111111", true);
  const int other = fixture.partij(FixtureBuilder::uuid(2));
  const int other_parent = fixture.kvk_nummer(other, "22222222");
  fixture.vestigingsnummer(other, "000011112222", other_parent);
  fixture.adres(other, "email", "other@example.nl", true);
  fixture.adres(other, "telefoonnummer", "0622222222", true);
  SubmissionSetup setup(fixture.json());

  const auto value = setup.prefill(plugin_tests::kvk_login("11111111", "000011112222"));

  BOOST_TEST(text_of(value) == R"([{"type":"email","options":["own@example.nl"],"preferred":"own@example.nl"},)"
                                 R"({"type":"phoneNumber","options":["0611111111"],"preferred":"0611111111"}])");
  // One lookup of the addresses and one per distinct party, not one per address.
  BOOST_TEST(setup.emulator.requests().size() == 3u);
  BOOST_TEST(count_requests(setup.emulator, "partijen/") == 2u);
}

BOOST_AUTO_TEST_CASE(branch_shared_with_party_without_kvk_keeps_login_kvk_only) {
  FixtureBuilder fixture;
  const int own = fixture.partij(FixtureBuilder::uuid(1));
  fixture.vestigingsnummer(own, "000011112222", fixture.kvk_nummer(own, "11111111"));
  fixture.adres(own, "email", "own@example.nl", true);
  const int old = fixture.partij(FixtureBuilder::uuid(2));
  fixture.vestigingsnummer(old, "000011112222", 0);
  fixture.adres(old, "email", "old-data@example.nl", true);
  SubmissionSetup setup(fixture.json());

  const auto value = setup.prefill(plugin_tests::kvk_login("11111111", "000011112222"));

  BOOST_TEST(text_of(value) == R"([{"type":"email","options":["own@example.nl"],"preferred":"own@example.nl"}])");
  BOOST_TEST(setup.plugin.logged("partij_excluded"));
}

BOOST_AUTO_TEST_CASE(branch_under_kvk_of_another_party_is_resolved) {
  // The vestigingsnummer hangs under a kvk_nummer identificator that belongs
  // to another partij: its number decides, at one extra request.
  FixtureBuilder fixture;
  const int holding = fixture.partij(FixtureBuilder::uuid(1));
  const int holding_kvk = fixture.kvk_nummer(holding, "33333333");
  const int branch = fixture.partij(FixtureBuilder::uuid(2));
  fixture.vestigingsnummer(branch, "000033334444", holding_kvk);
  fixture.adres(branch, "email", "branch@example.nl", true);
  SubmissionSetup setup(fixture.json());

  BOOST_TEST(text_of(setup.prefill(plugin_tests::kvk_login("33333333", "000033334444"))) ==
             R"([{"type":"email","options":["branch@example.nl"],"preferred":"branch@example.nl"}])");
  BOOST_TEST(count_requests(setup.emulator, "partij-identificatoren/") == 1u);

  BOOST_TEST(text_of(setup.prefill(plugin_tests::kvk_login("44444444", "000033334444"))) == "[]");
}

BOOST_AUTO_TEST_CASE(single_branch_party_without_kvk_is_shown) {
  FixtureBuilder fixture;
  const int old = fixture.partij(FixtureBuilder::uuid(1));
  fixture.vestigingsnummer(old, "000011112222", 0);
  fixture.adres(old, "email", "old-data@example.nl", true);
  SubmissionSetup setup(fixture.json());

  BOOST_TEST(text_of(setup.prefill(plugin_tests::kvk_login("11111111", "000011112222"))) ==
             R"([{"type":"email","options":["old-data@example.nl"],"preferred":"old-data@example.nl"}])");
}

// 2. Duplicate addresses --------------------------------------------------------

BOOST_AUTO_TEST_CASE(address_stored_twice_is_offered_once) {
  FixtureBuilder fixture;
  const int partij = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  fixture.adres(partij, "email", "same@example.nl", true);
  fixture.adres(partij, "email", "other@example.nl");
  fixture.adres(partij, "email", "Same@Example.nl");
  fixture.adres(partij, "telefoonnummer", "0612345678");
  fixture.adres(partij, "telefoonnummer", "0612345678");
  SubmissionSetup setup(fixture.json());

  BOOST_TEST(text_of(setup.prefill(plugin_tests::bsn_login("111222333"))) ==
             R"([{"type":"email","options":["Same@Example.nl","other@example.nl"],"preferred":"Same@Example.nl"},)"
             R"({"type":"phoneNumber","options":["0612345678"],"preferred":null}])");
}

// 3. Unknown address types ------------------------------------------------------

BOOST_AUTO_TEST_CASE(unknown_address_type_is_ignored_and_logged) {
  FixtureBuilder fixture;
  const int partij = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  fixture.adres(partij, "overig", "https://chat.example.nl/u/1", true);
  fixture.adres(partij, "email", "main@example.nl", true);
  SubmissionSetup setup(fixture.json());

  const auto answer = setup.submit(plugin_tests::bsn_login("111222333"),
                                   R"([{"address":"main@example.nl","type":"email"}])");

  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  BOOST_TEST(text_of(setup.prefill(plugin_tests::bsn_login("111222333"))) ==
             R"([{"type":"email","options":["main@example.nl"],"preferred":"main@example.nl"}])");
  BOOST_TEST(setup.plugin.logged("digitaal_adres_ignored"));
}

// 4. Phone numbers the API refuses ---------------------------------------------

BOOST_AUTO_TEST_CASE(phone_number_is_normalised_before_write_back) {
  SubmissionSetup setup("");
  const auto answer = setup.submit(nullptr, R"([{"address":"06-1234 5678","type":"phoneNumber"}])");

  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  BOOST_TEST(answer.json.at("digital_addresses").at("created").at(0).at("adres").as_string() == "0612345678");
}

BOOST_AUTO_TEST_CASE(emulator_refuses_unnormalised_phone_number) {
  // What the reference implementation sent, refused by the API's rule.
  SubmissionSetup setup("");
  const auto response = setup.emulator.handle("POST", "/klantinteracties/api/v1/digitaleadressen", "Token demo-token",
                                              R"({"adres":"06-12345678","soortDigitaalAdres":"telefoonnummer",)"
                                              R"("isStandaardAdres":false,"verstrektDoorBetrokkene":null,)"
                                              R"("verstrektDoorPartij":null,"omschrijving":""})");
  BOOST_TEST(response.status == 400);
}

BOOST_AUTO_TEST_CASE(service_number_is_rejected_at_validation_in_submitters_language) {
  SubmissionSetup setup("");
  SubmissionOptions options;
  options.language = "en";
  const auto answer = setup.submit(nullptr, R"([{"address":"0900-1234567","type":"phoneNumber"}])", options);

  BOOST_TEST(answer.status == FP_STATUS_INVALID_INPUT);
  BOOST_TEST(answer.json.at("errors").at(0).at("message").as_string() ==
             "Phone number: Service numbers and 088 numbers (0800, 0900, 0906, 0909, 088) cannot be stored. Please "
             "enter a personal phone number.");
  BOOST_TEST(setup.stored("klantcontacten").empty());
}

BOOST_AUTO_TEST_CASE(every_validated_phone_number_is_accepted_by_the_api) {
  // The validation and the API agree: each number the plugin lets through is
  // stored without a 400.
  SubmissionSetup setup("");
  for (const char* typed : {"06 12 34 56 78", "(020) 123 45 67", "+31 (0)6 1234 5678", "0031 6 1234 5678", "+44 20 7946 0958"}) {
    SubmissionOptions options;
    options.reference = std::string("OF-") + typed;
    const auto answer = setup.submit(nullptr, std::string(R"([{"address":")") + typed + R"(","type":"phoneNumber"}])", options);
    BOOST_TEST(answer.status == FP_STATUS_DONE, typed << ": " << answer.message);
  }
}

BOOST_AUTO_TEST_CASE(every_validated_email_is_accepted_by_the_api) {
  SubmissionSetup setup("");
  for (const char* typed : {"john.smith@gmail.com", "a+tag@example.org", "\"quoted..dots\"@example.org",
                            "user@[127.0.0.1]", "o'brien@example.ie", "user@b\xc3\xbc" "cher.de", " padded@example.nl "}) {
    SubmissionOptions options;
    options.reference = std::string("OF-") + std::to_string(std::hash<std::string>{}(typed) % 100000);
    boost::json::array value = {{{"address", typed}, {"type", "email"}}};
    const auto answer = setup.submit(nullptr, boost::json::serialize(value), options);
    BOOST_TEST(answer.status == FP_STATUS_DONE, typed << ": " << answer.message);
  }
}

// 5. Preference marker ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(referentie_marker_is_read_set_and_moved) {
  FixtureBuilder fixture;
  const int partij = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  fixture.adres(partij, "email", "portal@example.nl", false, "portaalvoorkeur");
  fixture.adres(partij, "email", "flagged@example.nl", true);
  const boost::json::object marker = {{"preference_marker", {{"type", "referentie"}, {"value", "portaalvoorkeur"}}}};
  SubmissionSetup setup(fixture.json(), marker);

  // Prefill reads the referentie, not isStandaardAdres.
  BOOST_TEST(setup.prefill(plugin_tests::bsn_login("111222333")).at(0).at("preferred").as_string() == "portal@example.nl");

  // A known address made preferred takes the tag; the old holder gives it up.
  const auto answer = setup.submit(plugin_tests::bsn_login("111222333"),
                                   R"([{"address":"flagged@example.nl","type":"email","preferenceUpdate":"isNewPreferred"}])");
  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  const auto adressen = setup.stored("digitaleadressen");
  BOOST_TEST(find_adres(adressen, "portal@example.nl")->at("referentie").as_string() == "");
  BOOST_TEST(find_adres(adressen, "flagged@example.nl")->at("referentie").as_string() == "portaalvoorkeur");
  BOOST_TEST(setup.prefill(plugin_tests::bsn_login("111222333")).at(0).at("preferred").as_string() == "flagged@example.nl");
}

BOOST_AUTO_TEST_CASE(referentie_marker_on_new_address) {
  FixtureBuilder fixture;
  const int partij = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  fixture.adres(partij, "email", "portal@example.nl", false, "portaalvoorkeur");
  const boost::json::object marker = {{"preference_marker", {{"type", "referentie"}, {"value", "portaalvoorkeur"}}}};
  SubmissionSetup setup(fixture.json(), marker);

  const auto answer = setup.submit(plugin_tests::bsn_login("111222333"),
                                   R"([{"address":"new@example.nl","type":"email","preferenceUpdate":"isNewPreferred"}])");

  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  const auto& created = answer.json.at("digital_addresses").at("created").at(0);
  BOOST_TEST(created.at("referentie").as_string() == "portaalvoorkeur");
  BOOST_TEST(created.at("isStandaardAdres").as_bool() == false);
  BOOST_TEST(find_adres(setup.stored("digitaleadressen"), "portal@example.nl")->at("referentie").as_string() == "");
}

// 6. Anonymous "save as preferred" -------------------------------------------------

BOOST_AUTO_TEST_CASE(anonymous_preference_is_recorded_for_contact_only) {
  SubmissionSetup setup("");
  const auto answer = setup.submit(nullptr, R"([{"address":"anon@example.nl","type":"email","preferenceUpdate":"isNewPreferred"}])");

  BOOST_TEST_REQUIRE(answer.status == FP_STATUS_DONE, answer.message);
  const auto& created = answer.json.at("digital_addresses").at("created").at(0);
  BOOST_TEST(created.at("isStandaardAdres").as_bool() == false);
  BOOST_TEST(created.at("verstrektDoorPartij").is_null());
  const auto& note = answer.json.at("notes").at(0);
  BOOST_TEST(note.at("code").as_string() == "preference_not_stored");
  BOOST_TEST(note.at("address").as_string() == "anon@example.nl");
}

// 7. Retried registration ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(retried_registration_creates_no_second_klantcontact) {
  FixtureBuilder fixture;
  const int partij = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(partij, "111222333");
  SubmissionSetup setup(fixture.json());
  Fault drop;
  drop.method = "POST";
  drop.path_suffix = "digitaleadressen";
  drop.occurrence = 2;
  drop.kind = openklant_emulator::FaultKind::close_connection;
  setup.emulator.inject_fault(drop);
  const std::string submitted = R"([{"address":"a@example.nl","type":"email"},)"
                                R"({"address":"0687654321","type":"phoneNumber","preferenceUpdate":"isNewPreferred"}])";

  const auto first = setup.submit(plugin_tests::bsn_login("111222333"), submitted);
  BOOST_TEST_REQUIRE(first.status == FP_STATUS_UPSTREAM_ERROR);

  SubmissionOptions retry;
  retry.attempt = 2;
  const auto second = setup.submit(plugin_tests::bsn_login("111222333"), submitted, retry);

  BOOST_TEST_REQUIRE(second.status == FP_STATUS_DONE, second.message);
  BOOST_TEST(second.json.at("resumed").as_bool());
  BOOST_TEST(setup.stored("klantcontacten").size() == 1u);
  BOOST_TEST(second.json.at("klantcontact").at("uuid") == first.json.at("klantcontact").at("uuid"));
  const auto& written = second.json.at("digital_addresses");
  BOOST_TEST(written.at("found_from_earlier_attempt").at(0).at("adres").as_string() == "a@example.nl");
  BOOST_TEST(written.at("created").as_array().size() == 1u);
  BOOST_TEST(written.at("created").at(0).at("adres").as_string() == "0687654321");
  BOOST_TEST(setup.stored("digitaleadressen").size() == 2u);

  // A third run after success writes nothing new.
  retry.attempt = 3;
  const auto third = setup.submit(plugin_tests::bsn_login("111222333"), submitted, retry);
  BOOST_TEST_REQUIRE(third.status == FP_STATUS_DONE, third.message);
  BOOST_TEST(third.json.at("digital_addresses").at("created").as_array().empty());
  BOOST_TEST(setup.stored("digitaleadressen").size() == 2u);
  BOOST_TEST(setup.stored("klantcontacten").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
