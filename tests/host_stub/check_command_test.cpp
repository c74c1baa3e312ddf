// host_stub check prints one line per plugin for its configuration and, with
// --form, one per form problem. It exits 1 when a check failed or a problem was found.
#include "host_stub_fixture.hpp"

#include <boost/test/unit_test.hpp>

using host_stub_tests::HostStubFixture;

BOOST_FIXTURE_TEST_SUITE(host_stub_check_command, HostStubFixture)

BOOST_AUTO_TEST_CASE(no_plugins_means_nothing_to_report) {
  const auto result = run({"check", "--plugins", "plugins", "--config", "config.json", "--form", "form.json"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == "");
}

BOOST_AUTO_TEST_CASE(check_reads_the_form_file) {
  folder.write("form.json", "{");
  const auto result = run({"check", "--plugins", "plugins", "--config", "config.json", "--form", "form.json"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err ==
             "host_stub: form file form.json: invalid JSON at line 1, column 2: the document ends too early (is the "
             "file truncated?)\n");
}


BOOST_AUTO_TEST_CASE(passing_configuration_prints_ok) {
  install_echo_plugin();
  const auto result = run({"check", "--plugins", "plugins", "--config", "config.json"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == "test_echo: ok\n");
}

BOOST_AUTO_TEST_CASE(failing_configuration_prints_message_and_exits_1) {
  install_echo_plugin();
  folder.write("config.json", R"({"services": [], "customer_interactions_api_groups": [{"identifier": "broken"}]})");
  const auto result = run({"check", "--plugins", "plugins", "--config", "config.json"});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.out == "test_echo: API group broken: GET http://127.0.0.1:9/ failed.\n");
}

BOOST_AUTO_TEST_CASE(form_without_problems_is_reported) {
  install_echo_plugin();
  folder.write("form.json", R"({"name": "Echo form", "components": [
    {"type": "echoProfile", "key": "profile", "label": "Profile"}]})");
  const auto result = run({"check", "--plugins", "plugins", "--config", "config.json", "--form", "form.json"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == "test_echo: ok\ntest_echo: form \"Echo form\": no problems\n");
}

BOOST_AUTO_TEST_CASE(form_problem_is_printed_and_exits_1) {
  install_echo_plugin();
  folder.write("form.json", R"({"name": "Echo form", "components": [{"type": "echoProfile", "key": "profile"}]})");
  const auto result = run({"check", "--plugins", "plugins", "--config", "config.json", "--form", "form.json"});
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.out ==
             "test_echo: ok\n"
             "test_echo: form \"Echo form\": component \"profile\": The component has no label. (missing_label)\n");
}


BOOST_AUTO_TEST_SUITE_END()
