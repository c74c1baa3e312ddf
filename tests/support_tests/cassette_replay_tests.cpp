// The cassette replay server, driven by a client that repeats recorded requests.
#include "cassette_replay/cassette_replay.hpp"
#include "support_test_helpers.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/test/unit_test.hpp>

namespace json = boost::json;
using namespace support_tests;

namespace {

const std::string bsn_prefill_cassette = "test_plugin__test_prefill_values_authenticated_with_bsn_found.json";
const std::string bsn_prefill_query =
    "digitaleadressen?verstrektDoorPartij__partijIdentificator__codeSoortObjectId=bsn"
    "&verstrektDoorPartij__partijIdentificator__codeRegister=brp"
    "&verstrektDoorPartij__partijIdentificator__codeObjecttype=natuurlijk_persoon"
    "&verstrektDoorPartij__partijIdentificator__objectId=123456782";

// Sends every recorded request of the cassette's first `count` interactions, with
// the recorded root replaced by the server's, and returns the responses.
std::vector<HttpResult> replay_requests(const cassette_replay::ReplayServer& server, const std::string& cassette,
                                        std::size_t count) {
  const auto interactions = parse_json(read_file(cassette_path(cassette))).at("interactions").as_array();
  std::vector<HttpResult> results;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& request = interactions.at(i).at("request");
    const auto body = request.at("body").is_null()
                          ? std::string()
                          : json::serialize(with_replaced(request.at("body"), recorded_root, server.api_root()));
    results.push_back(http_request(std::string(request.at("method").as_string()),
                                   server.api_root() + recorded_target(interactions.at(i).as_object()), token_header, body));
  }
  return results;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cassette_replay_server)

BOOST_AUTO_TEST_CASE(serves_recorded_body_with_root_rewritten) {
  cassette_replay::ReplayServer server(cassette_path(bsn_prefill_cassette));
  server.start();

  // The same parameters in another order match the recorded request.
  const auto result = http_request(
      "GET",
      server.api_root() +
          "digitaleadressen?verstrektDoorPartij__partijIdentificator__objectId=123456782"
          "&verstrektDoorPartij__partijIdentificator__codeObjecttype=natuurlijk_persoon"
          "&verstrektDoorPartij__partijIdentificator__codeRegister=brp"
          "&verstrektDoorPartij__partijIdentificator__codeSoortObjectId=bsn",
      token_header);

  BOOST_TEST(result.status == 200);
  BOOST_TEST(result.content_type == "application/json");
  const auto recorded = recorded_interaction(bsn_prefill_cassette, 0).at("response").at("body");
  BOOST_TEST(parse_json(result.body) == with_replaced(recorded, recorded_root, server.api_root()));
  BOOST_TEST(result.body.find("localhost:8005") == std::string::npos);
  BOOST_TEST(server.served_count() == 1u);
  BOOST_TEST(server.expected_count() == 1u);
  BOOST_TEST(server.mismatches().empty());
}

BOOST_AUTO_TEST_CASE(replays_write_back_cassette_without_check_request) {
  const std::string cassette = "test_update_customer_interaction_data__test_auth_with_bsn_user_not_known_in_openklant.json";
  cassette_replay::ReplayServer server(cassette_path(cassette), 1);
  server.start();

  const auto results = replay_requests(server, cassette, 5);

  BOOST_TEST(server.expected_count() == 5u);
  BOOST_TEST(server.served_count() == 5u);
  BOOST_TEST(server.mismatches().empty());
  BOOST_TEST(results.at(1).status == 201);
  BOOST_TEST(parse_json(results.at(1).body).at("url").as_string() ==
             server.api_root() + "partijen/f9a4a395-3a3d-4a83-a7d3-7fc36bf37825");
  BOOST_TEST(server.received().size() == 5u);
}

BOOST_AUTO_TEST_CASE(serves_html_body_as_recorded) {
  cassette_replay::ReplayServer server(cassette_path("test_config__test_config_invalid.json"));
  server.start();

  const auto result = http_request("GET", server.api_root() + "invalid/", "Token INVALID");

  BOOST_TEST(result.status == 404);
  BOOST_TEST(result.content_type == "text/html; charset=utf-8");
  BOOST_TEST(result.body.find("the requested page could not be found") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(encoded_and_plain_query_values_match) {
  const std::string cassette =
      "test_update_customer_interaction_data__test_auth_with_bsn_user_known_in_openklant_known_addresses_with_different_"
      "preference.json";
  cassette_replay::ReplayServer server(cassette_path(cassette));
  server.start();
  replay_requests(server, cassette, 3);

  // The recording has adres=devilkiller%40example.org.
  const auto result = http_request(
      "GET", server.api_root() + "digitaleadressen?verstrektDoorPartij__uuid=" + bsn_partij_uuid + "&adres=devilkiller@example.org",
      token_header);

  BOOST_TEST(result.status == 200);
  BOOST_TEST(server.served_count() == 4u);
}

BOOST_AUTO_TEST_CASE(wrong_query_is_reported_as_mismatch) {
  cassette_replay::ReplayServer server(cassette_path(bsn_prefill_cassette));
  server.start();

  const auto result = http_request("GET", server.api_root() + replace_all(bsn_prefill_query, "123456782", "999999990"), token_header);

  BOOST_TEST(result.status == 500);
  const std::string detail(parse_json(result.body).at("detail").as_string());
  BOOST_TEST(detail.rfind("replay mismatch: ", 0) == 0u);
  BOOST_TEST(detail.find("verstrektDoorPartij__partijIdentificator__objectId=999999990") != std::string::npos);

  const auto mismatches = server.mismatches();
  BOOST_TEST_REQUIRE(mismatches.size() == 2u);
  BOOST_TEST(mismatches[0].find("the query differs") != std::string::npos);
  BOOST_TEST(mismatches[1].find("was never received") != std::string::npos);
  BOOST_TEST(server.served_count() == 0u);
}

BOOST_AUTO_TEST_CASE(wrong_body_is_reported_as_mismatch) {
  const std::string cassette = "test_update_customer_interaction_data__test_empty_address.json";
  cassette_replay::ReplayServer server(cassette_path(cassette));
  server.start();
  auto body = recorded_interaction(cassette, 0).at("request").at("body").as_object();
  body["klantcontact"].as_object()["onderwerp"] = "Another form";

  const auto result = http_request("POST", server.api_root() + "maak-klantcontact", token_header, json::serialize(body));

  BOOST_TEST(result.status == 500);
  const auto mismatches = server.mismatches();
  BOOST_TEST_REQUIRE(mismatches.size() == 3u);
  BOOST_TEST(mismatches[0].find("the body differs") != std::string::npos);
  BOOST_TEST(mismatches[0].find("Another form") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_method_or_path_is_reported_as_mismatch) {
  cassette_replay::ReplayServer server(cassette_path(bsn_prefill_cassette));
  server.start();

  http_request("POST", server.api_root() + bsn_prefill_query, token_header, "{}");
  http_request("GET", server.api_root() + replace_all(bsn_prefill_query, "digitaleadressen", "partijen"), token_header);

  const auto mismatches = server.mismatches();
  BOOST_TEST_REQUIRE(mismatches.size() == 3u);
  BOOST_TEST(mismatches[0].find("the method differs") != std::string::npos);
  BOOST_TEST(mismatches[1].find("the path differs") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(requests_after_the_last_recorded_one_are_mismatches) {
  cassette_replay::ReplayServer server(cassette_path(bsn_prefill_cassette));
  server.start();
  http_request("GET", server.api_root() + bsn_prefill_query, token_header);

  const auto extra = http_request("GET", server.api_root() + bsn_prefill_query, token_header);

  BOOST_TEST(extra.status == 500);
  const auto mismatches = server.mismatches();
  BOOST_TEST_REQUIRE(mismatches.size() == 1u);
  BOOST_TEST(mismatches[0].find("no recorded request is left") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(extra_requests_go_to_the_fallback) {
  openklant_emulator::Emulator emulator;
  emulator.load_fixture_file(fixture_path);
  cassette_replay::ReplayServer server(cassette_path(bsn_prefill_cassette));
  server.set_fallback(&emulator);
  server.start();

  const auto extra = http_request("GET", server.api_root() + "partijen/" + bsn_partij_uuid, token_header);
  const auto recorded = http_request("GET", server.api_root() + bsn_prefill_query, token_header);

  BOOST_TEST(extra.status == 200);
  BOOST_TEST(parse_json(extra.body).at("url").as_string() == server.api_root() + "partijen/" + bsn_partij_uuid);
  BOOST_TEST(recorded.status == 200);
  BOOST_TEST(server.served_count() == 1u);
  BOOST_TEST(server.mismatches().empty());
  const auto extras = server.extra_requests();
  BOOST_TEST_REQUIRE(extras.size() == 1u);
  BOOST_TEST(extras[0].method == "GET");
  BOOST_TEST(extras[0].target == "partijen/" + bsn_partij_uuid);
  BOOST_TEST(emulator.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(unreadable_cassette_is_rejected) {
  BOOST_CHECK_THROW(cassette_replay::ReplayServer(cassette_path("missing.json")), std::runtime_error);
  BOOST_CHECK_THROW(cassette_replay::ReplayServer(cassette_path(bsn_prefill_cassette), 2), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
