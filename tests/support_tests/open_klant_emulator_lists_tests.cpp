// The emulator's lists, pagination, authentication and routing, over HTTP.
#include "support_test_helpers.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/test/unit_test.hpp>

namespace json = boost::json;
using namespace support_tests;

BOOST_AUTO_TEST_SUITE(open_klant_emulator_lists)

// Every cassette whose only exchange is one digitaleadressen lookup: the seeded
// emulator must return the recorded response, compared as JSON values.
BOOST_AUTO_TEST_CASE(digitaleadressen_lists_equal_recorded_answers) {
  const char* const cassettes[] = {
      "test_plugin__test_prefill_values_authenticated_with_bsn_found.json",
      "test_plugin__test_prefill_values_authenticated_with_bsn_not_found.json",
      "test_plugin__test_prefill_values_authenticated_with_kvk_found.json",
      "test_plugin__test_prefill_values_authenticated_with_kvk_not_found.json",
      "test_plugin__test_prefill_values_for_email.json",
      "test_plugin__test_prefill_values_for_phone_number.json",
      "test_client__test_list_digital_addresses_for_bsn.json",
      "test_client__test_list_digital_addresses_for_kvk.json",
      "test_client__test_list_digital_addresses_empty_for_bsn.json",
      "test_client__test_list_digital_addresses_empty_for_kvk.json",
      "test_api_endpoint__test_api_endpoint_authenticated_with_vestigingsnummer_prefill_found.json",
  };
  SeededEmulator seeded;
  for (const char* cassette : cassettes) {
    BOOST_TEST_CONTEXT("cassette " << cassette) {
      const auto interaction = recorded_interaction(cassette, 0);
      const auto result = seeded.get(recorded_target(interaction));

      BOOST_TEST(result.status == 200);
      BOOST_TEST(result.content_type == "application/json");
      BOOST_TEST(parse_json(result.body) == seeded.as_served_here(interaction.at("response").at("body")));
    }
  }
}

BOOST_AUTO_TEST_CASE(lists_digitaleadressen_for_bsn_newest_first) {
  SeededEmulator seeded;
  const auto result = seeded.get(
      "digitaleadressen?verstrektDoorPartij__partijIdentificator__codeSoortObjectId=bsn"
      "&verstrektDoorPartij__partijIdentificator__objectId=123456782");

  const auto results = parse_json(result.body).at("results").as_array();
  BOOST_TEST_REQUIRE(results.size() == 5u);
  BOOST_TEST(results[0].at("uuid").as_string() == "1817f1d5-2e3f-4569-9a8c-8b224a7f388c");
  BOOST_TEST(results[1].at("uuid").as_string() == "9cc8ef7a-ceea-4e92-adc4-4486958d38ca");
  BOOST_TEST(results[2].at("uuid").as_string() == "3d8d396f-7af5-4ab4-b414-60b1a1bcd341");
  BOOST_TEST(results[3].at("uuid").as_string() == "1a7308a4-f52b-4e3c-9bcf-2f402617422c");
  BOOST_TEST(results[4].at("uuid").as_string() == "e5455329-526c-4614-9687-ad3f87d156f3");
}

BOOST_AUTO_TEST_CASE(paginates_with_page_size_two) {
  SeededEmulator seeded;
  const std::string filter = "verstrektDoorPartij__partijIdentificator__objectId=123456782";
  const std::string list_url = seeded.emulator.api_root() + "digitaleadressen";

  const auto first = parse_json(seeded.get("digitaleadressen?" + filter + "&pageSize=2").body);
  BOOST_TEST(first.at("count").to_number<int>() == 5);
  BOOST_TEST(first.at("results").as_array().size() == 2u);
  BOOST_TEST(first.at("previous").is_null());
  BOOST_TEST(first.at("next").as_string() == list_url + "?page=2&pageSize=2&" + filter);

  const auto second = parse_json(seeded.get("digitaleadressen?" + filter + "&pageSize=2&page=2").body);
  BOOST_TEST(second.at("results").as_array().size() == 2u);
  BOOST_TEST(second.at("results").as_array()[0].at("uuid").as_string() == "3d8d396f-7af5-4ab4-b414-60b1a1bcd341");
  BOOST_TEST(second.at("previous").as_string() == list_url + "?pageSize=2&" + filter);
  BOOST_TEST(second.at("next").as_string() == list_url + "?page=3&pageSize=2&" + filter);

  const auto third = parse_json(seeded.get("digitaleadressen?" + filter + "&pageSize=2&page=3").body);
  BOOST_TEST(third.at("results").as_array().size() == 1u);
  BOOST_TEST(third.at("previous").as_string() == list_url + "?page=2&pageSize=2&" + filter);
  BOOST_TEST(third.at("next").is_null());
}

BOOST_AUTO_TEST_CASE(page_links_keep_encoded_filter_values) {
  SeededEmulator seeded;
  const auto body = parse_json(seeded.get("digitaleadressen?adres=john.smith%40gmail.com&pageSize=1&page=1").body);

  BOOST_TEST(body.at("count").to_number<int>() == 1);
  BOOST_TEST(body.at("next").is_null());
  BOOST_TEST(body.at("results").as_array()[0].at("adres").as_string() == "john.smith@gmail.com");
}

BOOST_AUTO_TEST_CASE(page_out_of_range_is_not_found) {
  SeededEmulator seeded;
  for (const char* page : {"4", "0", "abc"}) {
    BOOST_TEST_CONTEXT("page " << page) {
      const auto result = seeded.get(
          std::string("digitaleadressen?verstrektDoorPartij__partijIdentificator__objectId=123456782&pageSize=2&page=") + page);
      BOOST_TEST(result.status == 404);
      const auto body = parse_json(result.body);
      BOOST_TEST(body.at("code").as_string() == "not_found");
      BOOST_TEST(body.at("detail").as_string() == "Ongeldige pagina.");
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_query_parameter_is_rejected) {
  SeededEmulator seeded;
  const auto result = seeded.get("digitaleadressen?verstrektDoorPartij__partijIdentificator__objectid=123456782");

  BOOST_TEST(result.status == 400);
  const auto body = parse_json(result.body);
  BOOST_TEST(body.at("code").as_string() == "invalid");
  const auto& params = body.at("invalidParams").as_array();
  BOOST_TEST_REQUIRE(params.size() == 1u);
  BOOST_TEST(params[0].at("name").as_string() == "verstrektDoorPartij__partijIdentificator__objectid");
  BOOST_TEST(params[0].at("code").as_string() == "unknown_parameter");
}

BOOST_AUTO_TEST_CASE(invalid_filter_values_are_rejected) {
  struct Case {
    const char* query;
    const char* name;
    const char* code;
  };
  const Case cases[] = {
      {"isStandaardAdres=maybe", "isStandaardAdres", "invalid"},
      {"verstrektDoorPartij__uuid=not-a-uuid", "verstrektDoorPartij__uuid", "invalid"},
      {"soortDigitaalAdres=fax", "soortDigitaalAdres", "invalid_choice"},
  };
  SeededEmulator seeded;
  for (const auto& test : cases) {
    BOOST_TEST_CONTEXT("query " << test.query) {
      const auto result = seeded.get(std::string("digitaleadressen?") + test.query);
      BOOST_TEST(result.status == 400);
      const auto body = parse_json(result.body);
      const auto& params = body.at("invalidParams").as_array();
      BOOST_TEST_REQUIRE(params.size() == 1u);
      BOOST_TEST(params[0].at("name").as_string() == test.name);
      BOOST_TEST(params[0].at("code").as_string() == test.code);
    }
  }
}

BOOST_AUTO_TEST_CASE(filters_digitaleadressen_by_partij_uuid_and_adres) {
  SeededEmulator seeded;
  const auto interaction = recorded_interaction(
      "test_update_customer_interaction_data__test_auth_with_bsn_user_known_in_openklant_known_addresses_with_different_"
      "preference.json",
      3);
  const auto result = seeded.get(recorded_target(interaction));

  BOOST_TEST(result.status == 200);
  BOOST_TEST(parse_json(result.body) == seeded.as_served_here(interaction.at("response").at("body")));
}

BOOST_AUTO_TEST_CASE(filters_digitaleadressen_by_soort_and_default_flag) {
  SeededEmulator seeded;
  const auto body = parse_json(
      seeded.get("digitaleadressen?verstrektDoorPartij__uuid=" + bsn_partij_uuid + "&soortDigitaalAdres=email&isStandaardAdres=true")
          .body);

  const auto& results = body.at("results").as_array();
  BOOST_TEST_REQUIRE(results.size() == 1u);
  BOOST_TEST(results[0].at("adres").as_string() == "john.smith@gmail.com");
}

BOOST_AUTO_TEST_CASE(partijen_list_equals_recorded_answers) {
  const std::pair<const char*, std::size_t> recordings[] = {
      {"test_update_customer_interaction_data__test_auth_with_bsn_user_known_in_openklant_known_addresses.json", 1},
      {"test_update_customer_interaction_data__test_auth_with_kvk_organization_known_in_openklant_new_address.json", 1},
      {"test_update_customer_interaction_data__test_auth_with_kvk_organization_not_known_in_openklant.json", 0},
  };
  SeededEmulator seeded;
  for (const auto& [cassette, index] : recordings) {
    BOOST_TEST_CONTEXT("cassette " << cassette) {
      const auto interaction = recorded_interaction(cassette, index);
      const auto result = seeded.get(recorded_target(interaction));
      BOOST_TEST(result.status == 200);
      BOOST_TEST(parse_json(result.body) == seeded.as_served_here(interaction.at("response").at("body")));
    }
  }
}

BOOST_AUTO_TEST_CASE(partij_identificatoren_filter_and_detail) {
  SeededEmulator seeded;
  const auto list = parse_json(seeded.get("partij-identificatoren?partijIdentificatorCodeSoortObjectId=vestigingsnummer").body);

  const auto& results = list.at("results").as_array();
  BOOST_TEST_REQUIRE(results.size() == 1u);
  BOOST_TEST(results[0].at("uuid").as_string() == "7e951874-82fa-4ce4-954a-212aeb81ffd9");
  BOOST_TEST(results[0].at("partijIdentificator").at("objectId").as_string() == "123456791201");
  BOOST_TEST(results[0].at("subIdentificatorVan").is_null());
  BOOST_TEST(!results[0].as_object().contains("_expand"));

  const auto detail = seeded.get("partij-identificatoren/7e951874-82fa-4ce4-954a-212aeb81ffd9");
  BOOST_TEST(detail.status == 200);
  BOOST_TEST(parse_json(detail.body).at("identificeerdePartij").at("uuid").as_string() ==
             "2ea9b4fc-3c66-45dc-8adc-4737bbda7782");
}

BOOST_AUTO_TEST_CASE(sub_identificator_van_points_at_kvk_identificator) {
  openklant_emulator::Emulator emulator;
  emulator.load_fixture(R"([
    {"model": "klantinteracties.partij", "pk": 1, "fields": {"uuid": "11111111-1111-4111-8111-111111111111", "soort_partij": "organisatie"}},
    {"model": "klantinteracties.partij", "pk": 2, "fields": {"uuid": "22222222-2222-4222-8222-222222222222", "soort_partij": "organisatie"}},
    {"model": "klantinteracties.partijidentificator", "pk": 1, "fields": {"uuid": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "partij": 1,
      "partij_identificator_code_objecttype": "niet_natuurlijk_persoon", "partij_identificator_code_soort_object_id": "kvk_nummer",
      "partij_identificator_object_id": "12345678", "partij_identificator_code_register": "hr"}},
    {"model": "klantinteracties.partijidentificator", "pk": 2, "fields": {"uuid": "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "partij": 2,
      "sub_identificator_van": 1, "partij_identificator_code_objecttype": "vestiging",
      "partij_identificator_code_soort_object_id": "vestigingsnummer", "partij_identificator_object_id": "000012345678",
      "partij_identificator_code_register": "hr"}}
  ])");
  emulator.start();

  const auto result = http_request("GET", emulator.api_root() + "partijen/22222222-2222-4222-8222-222222222222", token_header);

  BOOST_TEST(result.status == 200);
  const auto partij = parse_json(result.body);
  const auto& identificator = partij.at("partijIdentificatoren").as_array().at(0);
  BOOST_TEST(identificator.at("subIdentificatorVan").at("uuid").as_string() == "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
  BOOST_TEST(identificator.at("subIdentificatorVan").at("url").as_string() ==
             emulator.api_root() + "partij-identificatoren/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
}

BOOST_AUTO_TEST_CASE(root_lists_resources_as_recorded) {
  SeededEmulator seeded;
  const auto interaction = recorded_interaction("test_config__test_config_valid.json", 0);
  const auto result = seeded.get("");

  BOOST_TEST(result.status == 200);
  BOOST_TEST(parse_json(result.body) == seeded.as_served_here(interaction.at("response").at("body")));
}

BOOST_AUTO_TEST_CASE(unknown_path_is_html_not_found) {
  SeededEmulator seeded;
  for (const std::string& url : {seeded.emulator.api_root() + "invalid/", seeded.emulator.api_root() + "digitaleadressen/",
                                "http://127.0.0.1:" + std::to_string(seeded.emulator.port()) + "/elsewhere"}) {
    BOOST_TEST_CONTEXT("url " << url) {
      const auto result = http_request("GET", url, "Token INVALID");
      BOOST_TEST(result.status == 404);
      BOOST_TEST(result.content_type == "text/html; charset=utf-8");
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_uuid_is_json_not_found) {
  SeededEmulator seeded;
  const auto result = seeded.get("digitaleadressen/00000000-0000-4000-8000-000000000000");

  BOOST_TEST(result.status == 404);
  BOOST_TEST(result.content_type == "application/json");
  BOOST_TEST(parse_json(result.body).at("code").as_string() == "not_found");
}

BOOST_AUTO_TEST_CASE(missing_token_is_unauthorized) {
  SeededEmulator seeded;
  for (const char* authorization : {"", "Bearer demo-token", "demo-token"}) {
    BOOST_TEST_CONTEXT("Authorization '" << authorization << "'") {
      const auto result = http_request("GET", seeded.emulator.api_root() + "partijen", authorization);
      BOOST_TEST(result.status == 401);
      BOOST_TEST(result.content_type == "application/json");
      const auto body = parse_json(result.body).as_object();
      BOOST_TEST(body.at("code").as_string() == "not_authenticated");
      BOOST_TEST(body.at("status").to_number<int>() == 401);
      BOOST_TEST(body.at("title").is_string());
      BOOST_TEST(body.at("detail").is_string());
      BOOST_TEST(body.at("type").as_string() ==
                 "http://127.0.0.1:" + std::to_string(seeded.emulator.port()) + "/ref/fouten/NotAuthenticated/");
      BOOST_TEST(std::string(body.at("instance").as_string()).rfind("urn:uuid:", 0) == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_token_is_forbidden) {
  SeededEmulator seeded;
  const auto result = http_request("GET", seeded.emulator.api_root(), "Token wrong-token");

  BOOST_TEST(result.status == 403);
  const auto body = parse_json(result.body);
  BOOST_TEST(body.at("code").as_string() == "authentication_failed");
  BOOST_TEST(body.at("status").to_number<int>() == 403);
}

BOOST_AUTO_TEST_CASE(configured_tokens_replace_the_default) {
  openklant_emulator::Options options;
  options.tokens = {"first", "second"};
  SeededEmulator seeded(options);

  BOOST_TEST(http_request("GET", seeded.emulator.api_root(), "Token second").status == 200);
  BOOST_TEST(http_request("GET", seeded.emulator.api_root(), "Token demo-token").status == 403);
}

BOOST_AUTO_TEST_CASE(unsupported_method_is_not_allowed) {
  SeededEmulator seeded;
  const auto result = http_request("DELETE", seeded.emulator.api_root() + "partijen", token_header);

  BOOST_TEST(result.status == 405);
  BOOST_TEST(parse_json(result.body).at("code").as_string() == "method_not_allowed");
}

BOOST_AUTO_TEST_CASE(keeps_connection_alive_between_requests) {
  SeededEmulator seeded;
  HttpSession session(seeded.emulator.api_root());

  const auto first = session.request("GET", "/klantinteracties/api/v1/partijen", token_header);
  const auto second = session.request("GET", "/klantinteracties/api/v1/digitaleadressen", token_header);

  BOOST_TEST(first.status == 200);
  BOOST_TEST(second.status == 200);
  BOOST_TEST(parse_json(second.body).at("count").to_number<int>() == 9);
}

BOOST_AUTO_TEST_CASE(records_requests_as_received) {
  SeededEmulator seeded;
  seeded.get("partijen?partijIdentificator__objectId=123456782");
  seeded.post("digitaleadressen", R"({"adres": "x@example.org", "soortDigitaalAdres": "email"})");

  const auto requests = seeded.emulator.requests();
  BOOST_TEST_REQUIRE(requests.size() == 2u);
  BOOST_TEST(requests[0].method == "GET");
  BOOST_TEST(requests[0].target == "/klantinteracties/api/v1/partijen?partijIdentificator__objectId=123456782");
  BOOST_TEST(requests[0].authorization == token_header);
  BOOST_TEST(requests[1].method == "POST");
  BOOST_TEST(requests[1].body == R"({"adres": "x@example.org", "soortDigitaalAdres": "email"})");

  seeded.emulator.clear_requests();
  BOOST_TEST(seeded.emulator.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
