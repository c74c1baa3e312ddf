// What the plugin does when Open Klant fails: every failure is an upstream
// error with a message, never a crash or a hang.
#include "open_klant_emulator/open_klant_emulator.hpp"
#include "plugin_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

using formplugin::host::Hook;
using openklant_emulator::Fault;
using openklant_emulator::FaultKind;
using plugin_tests::PluginFixture;

namespace {

plugin_tests::HookAnswer prefill_with_fault(Fault fault, double timeout_s = 5) {
  openklant_emulator::Emulator emulator;
  emulator.start();
  emulator.inject_fault(std::move(fault));

  PluginFixture plugin;
  const boost::json::object configuration = {
      {"services", boost::json::array{{{"identifier", "open-klant-service"}, {"label", "Open Klant"},
                                       {"api_root", emulator.api_root()}, {"auth_type", "api_key"},
                                       {"header_key", "Authorization"}, {"header_value", "Token demo-token"},
                                       {"timeout_s", timeout_s}, {"allow_plain_http", true}}}},
      {"customer_interactions_api_groups",
       boost::json::array{{{"identifier", "open-klant"}, {"name", "Open Klant"}, {"service", "open-klant-service"}}}}};
  BOOST_REQUIRE_EQUAL(plugin.call(Hook::configure, configuration).status, FP_STATUS_DONE);

  const auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  return plugin.call(Hook::prefill,
                     plugin_tests::prefill_request(form, plugin_tests::submission(plugin_tests::bsn_login("111222333"))));
}

Fault fault(FaultKind kind, int status = 500, std::string body = "") {
  Fault result;
  result.method = "GET";
  result.path_suffix = "digitaleadressen";
  result.kind = kind;
  result.status = status;
  result.body = std::move(body);
  return result;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(api_failures)

BOOST_AUTO_TEST_CASE(error_status_is_upstream_error) {
  const auto answer = prefill_with_fault(fault(FaultKind::status, 500));
  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(contains(answer.message, "returned status 500 for GET "), answer.message);
}

BOOST_AUTO_TEST_CASE(closed_connection_is_upstream_error) {
  const auto answer = prefill_with_fault(fault(FaultKind::close_connection));
  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(contains(answer.message, "could not be reached for GET "), answer.message);
  BOOST_TEST(answer.json.at("status").is_null());
}

BOOST_AUTO_TEST_CASE(truncated_body_is_upstream_error) {
  const auto answer = prefill_with_fault(fault(FaultKind::truncated_body));
  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(contains(answer.message, "digitaleadressen"), answer.message);
}

BOOST_AUTO_TEST_CASE(malformed_json_is_upstream_error) {
  const auto answer = prefill_with_fault(fault(FaultKind::malformed_json));
  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(contains(answer.message, "that is not valid JSON"), answer.message);
}

BOOST_AUTO_TEST_CASE(list_without_results_is_upstream_error) {
  const auto answer = prefill_with_fault(fault(FaultKind::status, 200, R"({"count": 1, "next": null})"));
  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(contains(answer.message, "is a list without a \"results\" array"), answer.message);
}

BOOST_AUTO_TEST_CASE(next_page_outside_api_root_is_not_followed) {
  const auto answer = prefill_with_fault(
      fault(FaultKind::status, 200, R"({"count": 2, "next": "http://127.0.0.1:9/elsewhere/?page=2", "results": []})"));
  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(contains(answer.message, "points to a next page outside the API root"), answer.message);
}

BOOST_AUTO_TEST_CASE(slow_answer_times_out) {
  Fault slow = fault(FaultKind::delay);
  slow.delay_ms = 3000;
  const auto answer = prefill_with_fault(slow, 0.3);
  BOOST_TEST(answer.status == FP_STATUS_UPSTREAM_ERROR);
  BOOST_TEST(contains(answer.message, "could not be reached"), answer.message);
  BOOST_TEST(contains(answer.message, "timed out"), answer.message);
}

BOOST_AUTO_TEST_SUITE_END()
