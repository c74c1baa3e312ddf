// Fault injection and fixture loading of the emulator.
#include "support_test_helpers.hpp"

#include <boost/json/array.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <stdexcept>

namespace json = boost::json;
using namespace support_tests;
using openklant_emulator::Fault;
using openklant_emulator::FaultKind;

namespace {

const std::string new_adres_body = R"({"adres": "fault@example.org", "soortDigitaalAdres": "email"})";

std::size_t adres_count(const SeededEmulator& seeded) {
  return seeded.emulator.snapshot().at("digitaleadressen").as_array().size();
}

Fault fault_of(FaultKind kind, const std::string& method, const std::string& path_suffix) {
  Fault fault;
  fault.kind = kind;
  fault.method = method;
  fault.path_suffix = path_suffix;
  return fault;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(open_klant_emulator_faults)

BOOST_AUTO_TEST_CASE(status_fault_answers_once_without_touching_data) {
  SeededEmulator seeded;
  auto fault = fault_of(FaultKind::status, "POST", "digitaleadressen");
  fault.status = 503;
  seeded.emulator.inject_fault(fault);

  const auto failed = seeded.post("digitaleadressen", new_adres_body);
  BOOST_TEST(failed.status == 503);
  BOOST_TEST(failed.content_type == "application/json");
  BOOST_TEST(parse_json(failed.body).at("status").to_number<int>() == 503);
  BOOST_TEST(adres_count(seeded) == 9u);

  BOOST_TEST(seeded.post("digitaleadressen", new_adres_body).status == 201);
  BOOST_TEST(adres_count(seeded) == 10u);
}

BOOST_AUTO_TEST_CASE(status_fault_with_custom_body) {
  SeededEmulator seeded;
  auto fault = fault_of(FaultKind::status, "GET", "partijen");
  fault.status = 502;
  fault.body = R"({"detail": "bad gateway"})";
  seeded.emulator.inject_fault(fault);

  const auto result = seeded.get("partijen?partijIdentificator__objectId=123456782");

  BOOST_TEST(result.status == 502);
  BOOST_TEST(result.body == R"({"detail": "bad gateway"})");
}

BOOST_AUTO_TEST_CASE(fault_hits_the_nth_matching_request) {
  SeededEmulator seeded;
  auto fault = fault_of(FaultKind::status, "GET", "digitaleadressen");
  fault.occurrence = 2;
  seeded.emulator.inject_fault(fault);

  BOOST_TEST(seeded.get("partijen").status == 200);  // does not match, does not count
  BOOST_TEST(seeded.get("digitaleadressen").status == 200);
  BOOST_TEST(seeded.get("digitaleadressen").status == 500);
  BOOST_TEST(seeded.get("digitaleadressen").status == 200);
}

BOOST_AUTO_TEST_CASE(close_connection_fault_leaves_data_unchanged) {
  SeededEmulator seeded;
  seeded.emulator.inject_fault(fault_of(FaultKind::close_connection, "POST", "digitaleadressen"));

  BOOST_CHECK_THROW(seeded.post("digitaleadressen", new_adres_body), std::runtime_error);
  BOOST_TEST(adres_count(seeded) == 9u);
}

BOOST_AUTO_TEST_CASE(truncated_body_fault_after_processing) {
  SeededEmulator seeded;
  seeded.emulator.inject_fault(fault_of(FaultKind::truncated_body, "POST", "digitaleadressen"));

  BOOST_CHECK_THROW(seeded.post("digitaleadressen", new_adres_body), std::runtime_error);
  BOOST_TEST(adres_count(seeded) == 10u);
}

BOOST_AUTO_TEST_CASE(malformed_json_fault_keeps_status) {
  SeededEmulator seeded;
  seeded.emulator.inject_fault(fault_of(FaultKind::malformed_json, "GET", "digitaleadressen"));

  const auto result = seeded.get("digitaleadressen");

  BOOST_TEST(result.status == 200);
  BOOST_CHECK_THROW(parse_json(result.body), std::exception);
}

BOOST_AUTO_TEST_CASE(delay_fault_holds_the_answer) {
  SeededEmulator seeded;
  auto fault = fault_of(FaultKind::delay, "", "partijen");
  fault.delay_ms = 300;
  seeded.emulator.inject_fault(fault);

  const auto started = std::chrono::steady_clock::now();
  const auto result = seeded.get("partijen");
  const auto elapsed = std::chrono::steady_clock::now() - started;

  BOOST_TEST(result.status == 200);
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() >= 300);
}

BOOST_AUTO_TEST_CASE(handle_applies_status_faults_only) {
  openklant_emulator::Emulator emulator;
  emulator.load_fixture_file(fixture_path);
  emulator.inject_fault(fault_of(FaultKind::close_connection, "GET", "partijen"));
  auto status_fault = fault_of(FaultKind::status, "GET", "partijen");
  status_fault.status = 504;
  emulator.inject_fault(status_fault);

  const auto target = "/klantinteracties/api/v1/partijen";
  BOOST_TEST(emulator.handle("GET", target, token_header, "").status == 504);
  BOOST_TEST(emulator.handle("GET", target, token_header, "").status == 200);

  // The close_connection fault is still armed for the first request over HTTP.
  emulator.start();
  BOOST_CHECK_THROW(http_request("GET", emulator.api_root() + "partijen", token_header), std::runtime_error);
  BOOST_TEST(http_request("GET", emulator.api_root() + "partijen", token_header).status == 200);
}

BOOST_AUTO_TEST_CASE(handle_builds_urls_on_api_root) {
  openklant_emulator::Options options;
  options.port = 8123;
  openklant_emulator::Emulator emulator(options);
  emulator.load_fixture_file(fixture_path);

  const auto response = emulator.handle("GET", "/klantinteracties/api/v1/partijen/" + bsn_partij_uuid, token_header, "");

  BOOST_TEST(response.status == 200);
  BOOST_TEST(parse_json(response.body).at("url").as_string() ==
             "http://127.0.0.1:8123/klantinteracties/api/v1/partijen/" + bsn_partij_uuid);
}

BOOST_AUTO_TEST_CASE(bad_fixture_is_rejected_with_reason) {
  struct Case {
    const char* fixture;
    const char* expected_text;
  };
  const Case cases[] = {
      {"not json", "not valid JSON"},
      {R"({"model": "klantinteracties.partij"})", "JSON array"},
      {R"([{"model": "klantinteracties.rekeningnummer", "pk": 1, "fields": {}}])", "klantinteracties.rekeningnummer"},
      {R"([{"model": "klantinteracties.digitaaladres", "pk": 100, "fields": {"partij": 7, "adres": "a@b.nl"}}])",
       "points at pk 7"},
      {R"([{"model": "klantinteracties.partij", "pk": 1, "fields": {"soort_partij": "persoon", "indicatie_actief": "yes"}}])",
       "indicatie_actief"},
  };
  for (const auto& test : cases) {
    BOOST_TEST_CONTEXT("fixture " << test.fixture) {
      openklant_emulator::Emulator emulator;
      emulator.load_fixture_file(fixture_path);
      try {
        emulator.load_fixture(test.fixture);
        BOOST_ERROR("the fixture was accepted");
      } catch (const std::runtime_error& failure) {
        BOOST_TEST(std::string(failure.what()).find(test.expected_text) != std::string::npos, "message: " << failure.what());
      }
      BOOST_TEST(emulator.snapshot().at("partijen").as_array().size() == 3u);
    }
  }
}

BOOST_AUTO_TEST_CASE(missing_fixture_file_names_the_path) {
  openklant_emulator::Emulator emulator;
  try {
    emulator.load_fixture_file("/nonexistent/fixture.json");
    BOOST_ERROR("the missing file was accepted");
  } catch (const std::runtime_error& failure) {
    BOOST_TEST(std::string(failure.what()).find("/nonexistent/fixture.json") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(stop_and_start_again) {
  SeededEmulator seeded;
  seeded.emulator.stop();
  seeded.emulator.stop();

  seeded.emulator.start();

  BOOST_TEST(seeded.get("partijen").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
