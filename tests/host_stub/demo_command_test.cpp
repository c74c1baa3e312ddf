// host_stub demo against the real communication_preferences plugin and the
// Open Klant emulator. Needs the plugin in the build tree's plugin folder.
#include "host_stub_runner.hpp"

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(host_stub_demo_command)

BOOST_AUTO_TEST_CASE(demo_passes_every_case, *boost::unit_test::label("needs_plugin")) {
  const host_stub_tests::TemporaryFolder folder;
  const auto result = host_stub_tests::run_host_stub({"demo"}, folder.path(),
                                                     {{"FORMPLUGIN_PLUGIN_DIR", ""}, {"FORMPLUGIN_DATA_DIR", ""}});
  BOOST_TEST_INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("\n3 of 3 cases passed.\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(demo_marks_the_preferred_address, *boost::unit_test::label("needs_plugin")) {
  const host_stub_tests::TemporaryFolder folder;
  const auto result = host_stub_tests::run_host_stub({"demo"}, folder.path(),
                                                     {{"FORMPLUGIN_PLUGIN_DIR", ""}, {"FORMPLUGIN_DATA_DIR", ""}});
  BOOST_TEST(result.out.find("== Resident logged in with DigiD (BSN 725763863) ==\n"
                             "  Offered by prefill:\n"
                             "    email:\n"
                             "      * femke.vandijkhuizen@example.nl (preferred)\n"
                             "        femke.werk@example.com\n"
                             "    phoneNumber:\n"
                             "        0334560002\n"
                             "      * 0612340001 (preferred)\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_plugin_folder_is_named) {
  const host_stub_tests::TemporaryFolder folder;
  const auto result =
      host_stub_tests::run_host_stub({"demo"}, folder.path(), {{"FORMPLUGIN_PLUGIN_DIR", "/nonexistent/plugins"}});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err.find("host_stub: plugin folder /nonexistent/plugins does not exist\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
