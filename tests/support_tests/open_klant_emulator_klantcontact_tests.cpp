// POST partijen, POST maak-klantcontact and the klantcontact lookups on the
// emulator, over HTTP.
#include "support_test_helpers.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/test/unit_test.hpp>

namespace json = boost::json;
using namespace support_tests;

namespace {

const std::string different_preference_cassette =
    "test_update_customer_interaction_data__test_auth_with_bsn_user_known_in_openklant_known_addresses_with_different_"
    "preference.json";

std::string uuid_of(const json::value& object) { return std::string(object.at("uuid").as_string()); }

// The recorded maak-klantcontact request body of the different-preference scenario.
json::object recorded_maak_klantcontact_body() {
  return recorded_interaction(different_preference_cassette, 2).at("request").at("body").as_object();
}

// POSTs a maak-klantcontact body and returns the invalidParams names of the 400 response.
std::vector<std::string> rejected_names(SeededEmulator& seeded, const json::object& body) {
  const auto result = seeded.post("maak-klantcontact", json::serialize(body));
  BOOST_TEST(result.status == 400);
  std::vector<std::string> names;
  const auto answer = parse_json(result.body);
  for (const auto& param : answer.at("invalidParams").as_array()) {
    names.emplace_back(param.at("name").as_string());
  }
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(open_klant_emulator_klantcontact)

BOOST_AUTO_TEST_CASE(post_partijen_answers_recorded_shape) {
  SeededEmulator seeded;
  const auto recorded = recorded_interaction(
      "test_update_customer_interaction_data__test_auth_with_bsn_user_not_known_in_openklant.json", 1);

  const auto result = seeded.post("partijen", json::serialize(recorded.at("request").at("body")));

  BOOST_TEST_REQUIRE(result.status == 201);
  const auto answer = parse_json(result.body);
  const auto& recorded_answer = recorded.at("response").at("body");
  auto expected = seeded.as_served_here(recorded_answer);
  expected = with_replaced(expected, uuid_of(recorded_answer), uuid_of(answer));
  expected = with_replaced(expected, uuid_of(recorded_answer.at("partijIdentificatoren").at(0)),
                           uuid_of(answer.at("partijIdentificatoren").at(0)));
  BOOST_TEST(answer == expected);
}

BOOST_AUTO_TEST_CASE(post_partijen_for_organisatie_stores_naam) {
  SeededEmulator seeded;
  const auto recorded = recorded_interaction(
      "test_update_customer_interaction_data__test_auth_with_kvk_organization_not_known_in_openklant.json", 1);

  const auto result = seeded.post("partijen", json::serialize(recorded.at("request").at("body")));

  BOOST_TEST_REQUIRE(result.status == 201);
  const auto answer = parse_json(result.body);
  BOOST_TEST(answer.at("soortPartij").as_string() == "organisatie");
  BOOST_TEST(answer.at("partijIdentificatie") == parse_json(R"({"naam": ""})"));
  BOOST_TEST(answer.at("nummer").as_string() == "0000000004");

  const auto found = parse_json(seeded.get(recorded_target(recorded_interaction(
                                    "test_update_customer_interaction_data__test_auth_with_kvk_organization_not_known_in_"
                                    "openklant.json",
                                    0)))
                                    .body);
  BOOST_TEST(found.at("count").to_number<int>() == 1);
  BOOST_TEST(uuid_of(found.at("results").at(0)) == uuid_of(answer));
}

BOOST_AUTO_TEST_CASE(post_partijen_rejects_taken_identificator) {
  SeededEmulator seeded;
  const auto result = seeded.post("partijen", R"({
    "soortPartij": "persoon", "indicatieActief": true,
    "partijIdentificatoren": [{"partijIdentificator": {"codeSoortObjectId": "bsn", "codeRegister": "brp",
                               "codeObjecttype": "natuurlijk_persoon", "objectId": "123456782"}}]})");

  BOOST_TEST_REQUIRE(result.status == 400);
  const auto body = parse_json(result.body);
  const auto& param = body.at("invalidParams").at(0);
  BOOST_TEST(param.at("name").as_string() == "partijIdentificatoren.0.partijIdentificator");
  BOOST_TEST(param.at("code").as_string() == "unique");
}

BOOST_AUTO_TEST_CASE(post_partijen_checks_identificator_values) {
  struct Case {
    const char* codes;
    const char* name;
  };
  const Case cases[] = {
      {R"("codeSoortObjectId": "bsn", "codeRegister": "brp", "codeObjecttype": "natuurlijk_persoon", "objectId": "123456789")",
       "partijIdentificatoren.0.partijIdentificator.objectId"},
      {R"("codeSoortObjectId": "kvk_nummer", "codeRegister": "hr", "codeObjecttype": "niet_natuurlijk_persoon", "objectId": "1234")",
       "partijIdentificatoren.0.partijIdentificator.objectId"},
      {R"("codeSoortObjectId": "bsn", "codeRegister": "hr", "codeObjecttype": "natuurlijk_persoon", "objectId": "123456782")",
       "partijIdentificatoren.0.partijIdentificator"},
      {R"("codeSoortObjectId": "vestigingsnummer", "codeRegister": "hr", "codeObjecttype": "vestiging", "objectId": "000012345678")",
       "partijIdentificatoren.0.subIdentificatorVan"},
  };
  SeededEmulator seeded;
  for (const auto& test : cases) {
    BOOST_TEST_CONTEXT("codes " << test.codes) {
      const auto result = seeded.post("partijen", std::string(R"({"soortPartij": "organisatie", "indicatieActief": true,
          "partijIdentificatoren": [{"partijIdentificator": {)") + test.codes + "}}]}");
      BOOST_TEST_REQUIRE(result.status == 400);
      BOOST_TEST(parse_json(result.body).at("invalidParams").at(0).at("name").as_string() == test.name);
    }
  }
}

BOOST_AUTO_TEST_CASE(maak_klantcontact_answers_recorded_shape) {
  SeededEmulator seeded;
  const auto recorded = recorded_interaction(different_preference_cassette, 2);

  const auto result = seeded.post("maak-klantcontact", json::serialize(recorded.at("request").at("body")));

  BOOST_TEST_REQUIRE(result.status == 201);
  const auto answer = parse_json(result.body);
  const auto& recorded_answer = recorded.at("response").at("body");
  auto expected = seeded.as_served_here(recorded_answer);
  for (const char* part : {"klantcontact", "betrokkene", "onderwerpobject"}) {
    expected = with_replaced(expected, uuid_of(recorded_answer.at(part)), uuid_of(answer.at(part)));
  }
  auto& expected_klantcontact = expected.at("klantcontact").as_object();
  BOOST_TEST(answer.at("klantcontact").at("nummer").as_string() == "0000000001");
  expected_klantcontact["nummer"] = "0000000001";
  expected_klantcontact["plaatsgevondenOp"] = answer.at("klantcontact").at("plaatsgevondenOp");
  BOOST_TEST(answer == expected);
}

BOOST_AUTO_TEST_CASE(maak_klantcontact_without_partij_has_null_was_partij) {
  SeededEmulator seeded;
  const auto recorded = recorded_interaction("test_update_customer_interaction_data__test_non_auth_user.json", 0);

  const auto result = seeded.post("maak-klantcontact", json::serialize(recorded.at("request").at("body")));

  BOOST_TEST_REQUIRE(result.status == 201);
  BOOST_TEST(parse_json(result.body).at("betrokkene").at("wasPartij").is_null());
}

BOOST_AUTO_TEST_CASE(maak_klantcontact_validation_names_nested_fields) {
  SeededEmulator seeded;

  auto two_letter_taal = recorded_maak_klantcontact_body();
  two_letter_taal["klantcontact"].as_object()["taal"] = "nl";
  BOOST_TEST(rejected_names(seeded, two_letter_taal) == std::vector<std::string>{"klantcontact.taal"});

  auto long_onderwerp = recorded_maak_klantcontact_body();
  long_onderwerp["klantcontact"].as_object()["onderwerp"] = std::string(201, 'o');
  BOOST_TEST(rejected_names(seeded, long_onderwerp) == std::vector<std::string>{"klantcontact.onderwerp"});

  auto missing_kanaal = recorded_maak_klantcontact_body();
  missing_kanaal["klantcontact"].as_object().erase("kanaal");
  BOOST_TEST(rejected_names(seeded, missing_kanaal) == std::vector<std::string>{"klantcontact.kanaal"});

  auto missing_vertrouwelijk = recorded_maak_klantcontact_body();
  missing_vertrouwelijk["klantcontact"].as_object().erase("vertrouwelijk");
  BOOST_TEST(rejected_names(seeded, missing_vertrouwelijk) == std::vector<std::string>{"klantcontact.vertrouwelijk"});

  auto unknown_partij = recorded_maak_klantcontact_body();
  unknown_partij["betrokkene"].as_object()["wasPartij"] = parse_json(R"({"uuid": "00000000-0000-4000-8000-000000000000"})");
  BOOST_TEST(rejected_names(seeded, unknown_partij) == std::vector<std::string>{"betrokkene.wasPartij.uuid"});

  auto unknown_rol = recorded_maak_klantcontact_body();
  unknown_rol["betrokkene"].as_object()["rol"] = "bezoeker";
  BOOST_TEST(rejected_names(seeded, unknown_rol) == std::vector<std::string>{"betrokkene.rol"});

  auto no_klantcontact = recorded_maak_klantcontact_body();
  no_klantcontact.erase("klantcontact");
  BOOST_TEST(rejected_names(seeded, no_klantcontact) == std::vector<std::string>{"klantcontact"});

  BOOST_TEST(seeded.emulator.snapshot().at("klantcontacten").as_array().empty());
}

BOOST_AUTO_TEST_CASE(klantcontact_found_by_onderwerpobject_identificator) {
  SeededEmulator seeded;
  const auto created = parse_json(seeded.post("maak-klantcontact", json::serialize(recorded_maak_klantcontact_body())).body);

  const auto klantcontacten = parse_json(
      seeded.get("klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId=OF-12346"
                 "&onderwerpobject__onderwerpobjectidentificatorCodeRegister=Open+Formulieren")
          .body);
  BOOST_TEST(klantcontacten.at("count").to_number<int>() == 1);
  BOOST_TEST(uuid_of(klantcontacten.at("results").at(0)) == uuid_of(created.at("klantcontact")));
  BOOST_TEST(klantcontacten.at("results").at(0).as_object().contains("_expand"));

  const auto onderwerpobjecten =
      parse_json(seeded.get("onderwerpobjecten?onderwerpobjectidentificatorObjectId=OF-12346").body);
  BOOST_TEST(onderwerpobjecten.at("count").to_number<int>() == 1);
  BOOST_TEST(uuid_of(onderwerpobjecten.at("results").at(0)) == uuid_of(created.at("onderwerpobject")));

  const auto by_klantcontact =
      parse_json(seeded.get("onderwerpobjecten?klantcontact__uuid=" + uuid_of(created.at("klantcontact"))).body);
  BOOST_TEST(by_klantcontact.at("count").to_number<int>() == 1);

  const auto other = parse_json(seeded.get("klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId=OF-99999").body);
  BOOST_TEST(other.at("count").to_number<int>() == 0);
}

BOOST_AUTO_TEST_CASE(betrokkene_lists_addresses_it_provided) {
  SeededEmulator seeded;
  const auto created = parse_json(seeded.post("maak-klantcontact", json::serialize(recorded_maak_klantcontact_body())).body);
  const auto betrokkene_uuid = uuid_of(created.at("betrokkene"));

  const auto adres = parse_json(seeded.post("digitaleadressen", R"({"adres": "some@email.com", "soortDigitaalAdres": "email",
      "verstrektDoorBetrokkene": {"uuid": ")" + betrokkene_uuid + R"("}})").body);

  const auto betrokkene = parse_json(seeded.get("betrokkenen/" + betrokkene_uuid).body);
  BOOST_TEST(betrokkene.at("digitaleAdressen").as_array().size() == 1u);
  BOOST_TEST(uuid_of(betrokkene.at("digitaleAdressen").at(0)) == uuid_of(adres));
  BOOST_TEST(uuid_of(betrokkene.at("wasPartij")) == bsn_partij_uuid);

  const auto by_klantcontact =
      parse_json(seeded.get("betrokkenen?hadKlantcontact__uuid=" + uuid_of(created.at("klantcontact"))).body);
  BOOST_TEST(by_klantcontact.at("count").to_number<int>() == 1);

  const auto partij = parse_json(seeded.get("partijen/" + bsn_partij_uuid).body);
  BOOST_TEST(partij.at("betrokkenen").as_array().size() == 1u);
  BOOST_TEST(uuid_of(partij.at("betrokkenen").at(0)) == betrokkene_uuid);
}

BOOST_AUTO_TEST_CASE(snapshot_lists_state_in_creation_order) {
  SeededEmulator seeded;
  seeded.post("maak-klantcontact", json::serialize(recorded_maak_klantcontact_body()));

  const auto state = seeded.emulator.snapshot();
  BOOST_TEST(state.at("partijen").as_array().size() == 3u);
  BOOST_TEST(state.at("partij-identificatoren").as_array().size() == 3u);
  BOOST_TEST(state.at("digitaleadressen").as_array().size() == 9u);
  BOOST_TEST(state.at("klantcontacten").as_array().size() == 1u);
  BOOST_TEST(state.at("betrokkenen").as_array().size() == 1u);
  BOOST_TEST(state.at("onderwerpobjecten").as_array().size() == 1u);
  BOOST_TEST(uuid_of(state.at("digitaleadressen").at(0)) == "e5455329-526c-4614-9687-ad3f87d156f3");
}

BOOST_AUTO_TEST_SUITE_END()
