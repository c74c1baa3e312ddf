// POST and PATCH digitaleadressen on the emulator: validation, the default
// address rule and referentie uniqueness, over HTTP.
#include "support_test_helpers.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/test/unit_test.hpp>

namespace json = boost::json;
using namespace support_tests;

namespace {

const std::string kvk_partij_uuid = "3411535c-7c5e-4c05-b34d-52a60607dd8c";

std::string adres_body(const std::string& adres, const std::string& soort, const std::string& extra = "") {
  json::object body;
  body["adres"] = adres;
  body["soortDigitaalAdres"] = soort;
  std::string text = json::serialize(body);
  if (!extra.empty()) text = text.substr(0, text.size() - 1) + "," + extra + "}";
  return text;
}

std::string partij_field(const std::string& uuid) { return R"("verstrektDoorPartij": {"uuid": ")" + uuid + R"("})"; }

// The single invalidParams entry of a 400 response, after checking the error body shape.
json::object single_invalid_param(const HttpResult& result) {
  BOOST_TEST_REQUIRE(result.status == 400);
  const auto body = parse_json(result.body).as_object();
  BOOST_TEST(body.at("code").as_string() == "invalid");
  BOOST_TEST(body.at("status").to_number<int>() == 400);
  BOOST_TEST(body.contains("type"));
  BOOST_TEST(body.contains("title"));
  BOOST_TEST(body.contains("detail"));
  BOOST_TEST(body.contains("instance"));
  const auto& params = body.at("invalidParams").as_array();
  BOOST_TEST_REQUIRE(params.size() == 1u);
  return params[0].as_object();
}

bool is_standaard(SeededEmulator& seeded, const std::string& uuid) {
  return parse_json(seeded.get("digitaleadressen/" + uuid).body).at("isStandaardAdres").as_bool();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(open_klant_emulator_digitaleadressen)

BOOST_AUTO_TEST_CASE(post_answers_recorded_shape) {
  SeededEmulator seeded;
  const auto recorded = recorded_interaction(
      "test_update_customer_interaction_data__test_auth_with_bsn_user_known_in_openklant_new_address.json", 4);
  auto request_body = recorded.at("request").at("body").as_object();
  request_body["verstrektDoorBetrokkene"] = nullptr;  // the recorded betrokkene does not exist here

  const auto result = seeded.post("digitaleadressen", json::serialize(request_body));

  BOOST_TEST(result.status == 201);
  auto expected = seeded.as_served_here(recorded.at("response").at("body")).as_object();
  const auto answer = parse_json(result.body).as_object();
  expected["uuid"] = answer.at("uuid");
  expected["url"] = seeded.emulator.api_root() + "digitaleadressen/" + std::string(answer.at("uuid").as_string());
  expected["verstrektDoorBetrokkene"] = nullptr;
  BOOST_TEST(json::value(answer) == json::value(expected));
}

BOOST_AUTO_TEST_CASE(post_validation_rules) {
  struct Case {
    std::string rule;
    std::string body;
    std::string name;
    std::string code;
    std::string reason;  // empty: not checked
  };
  const std::string unknown_uuid = "00000000-0000-4000-8000-000000000000";
  const std::vector<Case> cases{
      {"adres is required", R"({"soortDigitaalAdres": "email"})", "adres", "required", ""},
      {"adres is at most 80 characters", adres_body(std::string(81, 'x'), "overig"), "adres", "max_length", ""},
      {"soortDigitaalAdres is a known soort", adres_body("x@example.org", "fax"), "soortDigitaalAdres", "invalid_choice", ""},
      {"email must be valid", adres_body("invalid", "email"), "adres", "invalid", "Voer een geldig e-mailadres in."},
      {"phone has no dashes", adres_body("06-12345678", "telefoonnummer"), "adres", "invalid",
       "Het opgegeven telefoonnummer is ongeldig."},
      {"phone has no spaces", adres_body("06 1234 5678", "telefoonnummer"), "adres", "invalid", ""},
      {"0800 numbers are refused", adres_body("0800123456", "telefoonnummer"), "adres", "invalid", ""},
      {"0900 numbers are refused", adres_body("0900123456", "telefoonnummer"), "adres", "invalid", ""},
      {"0906 numbers are refused", adres_body("0906123456", "telefoonnummer"), "adres", "invalid", ""},
      {"0909 numbers are refused", adres_body("0909123456", "telefoonnummer"), "adres", "invalid", ""},
      {"isStandaardAdres needs a partij", adres_body("x@example.org", "email", R"("isStandaardAdres": true)"),
       "isStandaardAdres", "invalid",
       "`is_standaard_adres` kan alleen gezet worden als `verstrekt_door_partij` niet leeg is."},
      {"omschrijving is at most 40 characters",
       adres_body("x@example.org", "email", R"("omschrijving": ")" + std::string(41, 'o') + "\""), "omschrijving",
       "max_length", ""},
      {"referentie is a slug", adres_body("x@example.org", "email", R"("referentie": "not a slug")"), "referentie",
       "invalid", ""},
      {"referentie is at most 50 characters",
       adres_body("x@example.org", "email", R"("referentie": ")" + std::string(51, 'r') + "\""), "referentie",
       "max_length", ""},
      {"verstrektDoorPartij must exist", adres_body("x@example.org", "email", partij_field(unknown_uuid)),
       "verstrektDoorPartij.uuid", "invalid", "Partij object bestaat niet."},
      {"verstrektDoorPartij needs a uuid", adres_body("x@example.org", "email", partij_field("abc")),
       "verstrektDoorPartij.uuid", "invalid", ""},
      {"verstrektDoorBetrokkene must exist",
       adres_body("x@example.org", "email", R"("verstrektDoorBetrokkene": {"uuid": ")" + unknown_uuid + "\"}"),
       "verstrektDoorBetrokkene.uuid", "invalid", "Betrokkene object bestaat niet."},
  };

  SeededEmulator seeded;
  for (const auto& test : cases) {
    BOOST_TEST_CONTEXT("rule: " << test.rule) {
      const auto param = single_invalid_param(seeded.post("digitaleadressen", test.body));
      BOOST_TEST(param.at("name").as_string() == test.name);
      BOOST_TEST(param.at("code").as_string() == test.code);
      if (!test.reason.empty()) BOOST_TEST(param.at("reason").as_string() == test.reason);
    }
  }
  BOOST_TEST(seeded.emulator.snapshot().at("digitaleadressen").as_array().size() == 9u);
}

BOOST_AUTO_TEST_CASE(email_validation_follows_django) {
  const char* const valid[] = {"john.smith@gmail.com", "\"quoted@user\"@example.org", "user@localhost",
                               "user@[127.0.0.1]",     "user@[::1]",                  "a+tag@sub.example.co",
                               "x@example.xn--p1ai"};
  const char* const invalid[] = {"a@b", "a@b.c", "a..b@example.org", ".a@example.org", "a@-b.org", "a@b-.org",
                                 "a b@example.org", "@example.org", "a@example.org-", "a@[999.1.1.1]"};
  SeededEmulator seeded;
  for (const char* adres : valid) {
    BOOST_TEST_CONTEXT("adres " << adres) { BOOST_TEST(seeded.post("digitaleadressen", adres_body(adres, "email")).status == 201); }
  }
  for (const char* adres : invalid) {
    BOOST_TEST_CONTEXT("adres " << adres) { BOOST_TEST(seeded.post("digitaleadressen", adres_body(adres, "email")).status == 400); }
  }
}

BOOST_AUTO_TEST_CASE(phone_validation_accepts_open_klant_formats) {
  SeededEmulator seeded;
  for (const char* adres : {"0612345678", "0201234567", "+31612345678", "0031612345678"}) {
    BOOST_TEST_CONTEXT("adres " << adres) {
      BOOST_TEST(seeded.post("digitaleadressen", adres_body(adres, "telefoonnummer")).status == 201);
    }
  }
}

BOOST_AUTO_TEST_CASE(overig_is_not_validated) {
  SeededEmulator seeded;
  BOOST_TEST(seeded.post("digitaleadressen", adres_body("any text at all", "overig")).status == 201);
}

BOOST_AUTO_TEST_CASE(invalid_json_body_is_parse_error) {
  SeededEmulator seeded;
  const auto result = seeded.post("digitaleadressen", "{not json");

  BOOST_TEST(result.status == 400);
  BOOST_TEST(parse_json(result.body).at("code").as_string() == "parse_error");
}

BOOST_AUTO_TEST_CASE(new_default_clears_other_default_of_same_soort) {
  SeededEmulator seeded;
  const auto result = seeded.post(
      "digitaleadressen", adres_body("new@example.org", "email", R"("isStandaardAdres": true,)" + partij_field(bsn_partij_uuid)));

  BOOST_TEST_REQUIRE(result.status == 201);
  const std::string new_uuid(parse_json(result.body).at("uuid").as_string());
  BOOST_TEST(is_standaard(seeded, new_uuid));
  BOOST_TEST(!is_standaard(seeded, "e5455329-526c-4614-9687-ad3f87d156f3"));  // the old email default
  BOOST_TEST(is_standaard(seeded, "9cc8ef7a-ceea-4e92-adc4-4486958d38ca"));   // the phone default stays
  BOOST_TEST(is_standaard(seeded, "6b0099b5-85ac-4f13-b138-26e123debe51"));   // another partij's default stays

  // As recorded from Open Klant, voorkeursDigitaalAdres does not follow the default.
  const auto partij = parse_json(seeded.get("partijen/" + bsn_partij_uuid).body);
  BOOST_TEST(partij.at("voorkeursDigitaalAdres").at("uuid").as_string() == "e5455329-526c-4614-9687-ad3f87d156f3");
}

BOOST_AUTO_TEST_CASE(option_makes_default_the_voorkeurs_digitaal_adres) {
  openklant_emulator::Options options;
  options.default_sets_voorkeurs_digitaal_adres = true;
  SeededEmulator seeded(options);
  const auto result = seeded.post(
      "digitaleadressen", adres_body("new@example.org", "email", R"("isStandaardAdres": true,)" + partij_field(bsn_partij_uuid)));

  const auto partij = parse_json(seeded.get("partijen/" + bsn_partij_uuid).body);
  BOOST_TEST(partij.at("voorkeursDigitaalAdres").at("uuid") == parse_json(result.body).at("uuid"));
}

BOOST_AUTO_TEST_CASE(patch_answers_recorded_shape_and_clears_old_default) {
  SeededEmulator seeded;
  const auto recorded = recorded_interaction(
      "test_update_customer_interaction_data__test_auth_with_bsn_user_known_in_openklant_known_addresses_with_different_"
      "preference.json",
      4);

  const auto result = seeded.patch(recorded_target(recorded), json::serialize(recorded.at("request").at("body")));

  BOOST_TEST(result.status == 200);
  BOOST_TEST(parse_json(result.body) == seeded.as_served_here(recorded.at("response").at("body")));
  BOOST_TEST(!is_standaard(seeded, "e5455329-526c-4614-9687-ad3f87d156f3"));
}

BOOST_AUTO_TEST_CASE(patch_validates_the_merged_record) {
  SeededEmulator seeded;
  // A telefoonnummer address whose soort becomes email fails the email check.
  const auto param = single_invalid_param(
      seeded.patch("digitaleadressen/9cc8ef7a-ceea-4e92-adc4-4486958d38ca", R"({"soortDigitaalAdres": "email"})"));
  BOOST_TEST(param.at("name").as_string() == "adres");

  // Unlinking the partij of a default address breaks the isStandaardAdres rule.
  const auto unlinked = single_invalid_param(
      seeded.patch("digitaleadressen/9cc8ef7a-ceea-4e92-adc4-4486958d38ca", R"({"verstrektDoorPartij": null})"));
  BOOST_TEST(unlinked.at("name").as_string() == "isStandaardAdres");
}

BOOST_AUTO_TEST_CASE(patch_changes_only_given_fields) {
  SeededEmulator seeded;
  const auto result = seeded.patch("digitaleadressen/1a7308a4-f52b-4e3c-9bcf-2f402617422c",
                                   R"({"omschrijving": "werk", "referentie": "portaalvoorkeur"})");

  BOOST_TEST_REQUIRE(result.status == 200);
  const auto body = parse_json(result.body);
  BOOST_TEST(body.at("omschrijving").as_string() == "werk");
  BOOST_TEST(body.at("referentie").as_string() == "portaalvoorkeur");
  BOOST_TEST(body.at("adres").as_string() == "devilkiller@example.org");
  BOOST_TEST(body.at("verstrektDoorPartij").at("uuid").as_string() == bsn_partij_uuid);
}

BOOST_AUTO_TEST_CASE(referentie_is_unique_per_partij_and_soort) {
  SeededEmulator seeded;
  const std::string tag = R"("referentie": "portaalvoorkeur",)";

  BOOST_TEST(seeded.post("digitaleadressen", adres_body("a@example.org", "email", tag + partij_field(bsn_partij_uuid))).status == 201);

  const auto param =
      single_invalid_param(seeded.post("digitaleadressen", adres_body("b@example.org", "email", tag + partij_field(bsn_partij_uuid))));
  BOOST_TEST(param.at("name").as_string() == "referentie");
  BOOST_TEST(param.at("code").as_string() == "unique");

  BOOST_TEST(seeded.post("digitaleadressen", adres_body("0611111111", "telefoonnummer", tag + partij_field(bsn_partij_uuid))).status == 201);
  BOOST_TEST(seeded.post("digitaleadressen", adres_body("b@example.org", "email", tag + partij_field(kvk_partij_uuid))).status == 201);
}

BOOST_AUTO_TEST_CASE(detail_get_carries_expand) {
  SeededEmulator seeded;
  const auto body = parse_json(seeded.get("digitaleadressen/e5455329-526c-4614-9687-ad3f87d156f3").body).as_object();

  BOOST_TEST(body.at("_expand").as_object().empty());
  BOOST_TEST(body.at("adres").as_string() == "john.smith@gmail.com");
}

BOOST_AUTO_TEST_SUITE_END()
