// The command line of host_stub: usage errors exit 2 with the usage lines on
// stderr, --help prints the help on stdout and exits 0.
#include "host_stub_fixture.hpp"

#include <boost/test/unit_test.hpp>

using host_stub_tests::HostStubFixture;
using host_stub_tests::usage_lines;

BOOST_FIXTURE_TEST_SUITE(host_stub_command_line, HostStubFixture)

BOOST_AUTO_TEST_CASE(no_command_is_a_usage_error) {
  const auto result = run({});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err == "host_stub: no command given\n" + usage_lines);
}

BOOST_AUTO_TEST_CASE(unknown_command_is_named) {
  const auto result = run({"serve"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err == "host_stub: unknown command \"serve\"\n" + usage_lines);
}

BOOST_AUTO_TEST_CASE(missing_required_option_is_named) {
  const auto result = run({"prefill", "--plugins", "plugins", "--config", "config.json", "--form", "form.json"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "host_stub: the prefill command needs --submission\n" + usage_lines);
}

BOOST_AUTO_TEST_CASE(option_without_value_is_a_usage_error) {
  const auto result = run({"check", "--plugins", "plugins", "--config"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "host_stub: option --config needs a value\n" + usage_lines);
}

BOOST_AUTO_TEST_CASE(repeated_option_is_a_usage_error) {
  const auto result = run({"check", "--plugins", "plugins", "--plugins", "other", "--config", "config.json"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "host_stub: option --plugins is given twice\n" + usage_lines);
}

BOOST_AUTO_TEST_CASE(check_does_not_take_a_submission) {
  const auto result =
      run({"check", "--plugins", "plugins", "--config", "config.json", "--submission", "submission.json"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "host_stub: the check command does not take \"--submission\"\n" + usage_lines);
}

BOOST_AUTO_TEST_CASE(demo_takes_no_arguments) {
  const auto result = run({"demo", "--plugins", "plugins"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "host_stub: the demo command does not take \"--plugins\"\n" + usage_lines);
}

BOOST_AUTO_TEST_CASE(option_with_equals_sign_is_accepted) {
  const auto result = run({"check", "--plugins=plugins", "--config=config.json"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == "");
}

BOOST_AUTO_TEST_CASE(help_prints_usage_and_exits_0) {
  const auto result = run({"--help"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.compare(0, usage_lines.size(), usage_lines) == 0);
  BOOST_TEST(result.out.find("exit codes:") != std::string::npos);
  BOOST_TEST(result.err == "");
}

BOOST_AUTO_TEST_CASE(help_after_a_command_prints_usage) {
  const auto result = run({"submit", "--help"});
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.compare(0, usage_lines.size(), usage_lines) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
