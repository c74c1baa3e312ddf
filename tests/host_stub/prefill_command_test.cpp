// host_stub prefill: every variable with its default or prefilled value, and
// the prefill problems, as indented JSON on stdout.
#include "host_stub_fixture.hpp"

#include <boost/test/unit_test.hpp>

using host_stub_tests::HostStubFixture;

namespace {

const std::string form_with_defaults = R"({
  "name": "Defaults",
  "components": [
    {"type": "fieldset", "key": "personal", "label": "Personal", "components": [
      {"type": "textfield", "key": "name", "defaultValue": "Jan"},
      {"type": "content", "key": "intro", "html": "<p>Hello</p>"},
      {"type": "columns", "key": "columns", "columns": [
        {"components": [{"type": "email", "key": "contact.email"}]},
        {"components": [{"type": "checkbox", "key": "agree", "defaultValue": false}]}
      ]}
    ]},
    {"type": "table", "key": "table", "rows": [[{"components": [{"type": "number", "key": "age"}]}, {"components": []}]]},
    {"type": "panel", "key": "panel", "components": [{"type": "htmlelement", "key": "note", "content": "x"}]},
    {"type": "customerProfile", "key": "profile", "digitalAddressTypes": ["email"]}
  ],
  "variables": [
    {"key": "profile", "source": "component", "data_type": "array", "prefill_plugin": "", "prefill_options": {}},
    {"key": "texts", "source": "user_defined", "data_type": "array", "prefill_plugin": "", "prefill_options": {}},
    {"key": "settings", "source": "user_defined", "data_type": "object", "prefill_plugin": "", "prefill_options": {}},
    {"key": "label", "source": "user_defined", "data_type": "string", "prefill_plugin": "", "prefill_options": {}},
    {"key": "flag", "source": "user_defined", "data_type": "boolean", "prefill_plugin": "", "prefill_options": {}},
    {"key": "count", "source": "user_defined", "data_type": "int", "prefill_plugin": "", "prefill_options": {}},
    {"key": "ratio", "source": "user_defined", "data_type": "float", "prefill_plugin": null},
    {"key": "day", "source": "user_defined", "data_type": "date", "prefill_plugin": ""},
    {"key": "start", "source": "user_defined", "data_type": "int", "initial_value": 7}
  ]
})";

const std::string defaults_output = R"({
  "variables": {
    "name": "Jan",
    "contact.email": "",
    "agree": false,
    "age": "",
    "profile": "",
    "texts": [],
    "settings": {},
    "label": "",
    "flag": false,
    "count": null,
    "ratio": null,
    "day": "",
    "start": 7
  }
}
)";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(host_stub_prefill_command, HostStubFixture)

BOOST_AUTO_TEST_CASE(empty_plugin_folder_prints_defaults) {
  folder.write("form.json", form_with_defaults);
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == defaults_output);
}

BOOST_AUTO_TEST_CASE(missing_prefill_plugin_is_a_prefill_error) {
  folder.write("form.json", R"({"name": "Prefill", "components": [], "variables": [
    {"key": "known", "source": "user_defined", "data_type": "array", "prefill_plugin": "communication_preferences",
     "prefill_options": {"customer_interactions_api_group": "g", "profile_form_variable": "profile"}}
  ]})");
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "known": []
  },
  "prefill_errors": [
    {
      "variable": "known",
      "plugin": "communication_preferences",
      "status": "configuration_error",
      "message": "No plugin with the identifier \"communication_preferences\" is loaded (loaded plugins: none)."
    }
  ]
}
)");
}

BOOST_AUTO_TEST_CASE(library_that_fails_to_load_is_skipped) {
  folder.write("plugins/broken.so", "not a shared library");
  folder.write("form.json", form_with_defaults);
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == defaults_output);
  BOOST_TEST(result.err.find("warning plugin_skipped path=plugins/broken.so reason=\"Cannot load plugin "
                             "plugins/broken.so: plugins/broken.so: file too short\"\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(files_without_so_suffix_are_ignored) {
  folder.write("plugins/README.txt", "not a plugin");
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.err.find("plugin_skipped") == std::string::npos);
}


namespace {

// A form with one echoProfile component and one prefilled variable whose
// prefill_options are given.
std::string echo_form(const std::string& prefill_options) {
  return R"({"name": "Echo form", "components": [
    {"type": "fieldset", "key": "details", "components": [
      {"type": "echoProfile", "key": "customer.profile", "label": "Profile", "shouldUpdateCustomerData": true}
    ]}
  ], "variables": [
    {"key": "profilePrefill", "source": "user_defined", "data_type": "array", "prefill_plugin": "test_echo",
     "prefill_options": )" +
         prefill_options + R"(}
  ]})";
}

}  // namespace

BOOST_AUTO_TEST_CASE(done_prefill_sets_the_value) {
  install_echo_plugin();
  folder.write("form.json", echo_form(R"({"mode": "value", "value": ["a@example.nl"]})"));
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "customer.profile": {
      "empty": "customer.profile"
    },
    "profilePrefill": [
      "a@example.nl"
    ]
  }
}
)");
}

BOOST_AUTO_TEST_CASE(prefill_receives_the_submission) {
  install_echo_plugin();
  folder.write("form.json", echo_form(R"({"mode": "auth"})"));
  folder.write("submission.json", R"({"uuid": "u", "language_code": "nl", "public_registration_reference": "OF-1",
    "auth_info": {"attribute": "kvk", "value": "90004521"}, "data": {}})");
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "customer.profile": {
      "empty": "customer.profile"
    },
    "profilePrefill": {
      "attribute": "kvk",
      "value": "90004521"
    }
  }
}
)");
}

BOOST_AUTO_TEST_CASE(skipped_prefill_keeps_default_and_is_listed) {
  install_echo_plugin();
  folder.write("form.json", echo_form(R"({"mode": "skip"})"));
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "customer.profile": {
      "empty": "customer.profile"
    },
    "profilePrefill": []
  },
  "prefill_skipped": [
    {
      "variable": "profilePrefill",
      "plugin": "test_echo",
      "reason": "Nothing to look up."
    }
  ]
}
)");
}

BOOST_AUTO_TEST_CASE(failed_prefill_keeps_default_and_is_listed) {
  install_echo_plugin();
  folder.write("form.json", echo_form(R"({"mode": "fail"})"));
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "customer.profile": {
      "empty": "customer.profile"
    },
    "profilePrefill": []
  },
  "prefill_errors": [
    {
      "variable": "profilePrefill",
      "plugin": "test_echo",
      "status": "upstream_error",
      "message": "The API is down."
    }
  ]
}
)");
}

BOOST_AUTO_TEST_CASE(invalid_prefill_options_are_a_prefill_error) {
  install_echo_plugin();
  folder.write("form.json", echo_form(R"({"group": "g"})"));
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "customer.profile": {
      "empty": "customer.profile"
    },
    "profilePrefill": []
  },
  "prefill_errors": [
    {
      "variable": "profilePrefill",
      "plugin": "test_echo",
      "status": "invalid_input",
      "message": "The prefill options are invalid.",
      "errors": {
        "mode": "This field is required."
      }
    }
  ]
}
)");
}

BOOST_AUTO_TEST_CASE(configure_rejection_exits_2_with_plugin_message) {
  install_echo_plugin();
  folder.write("config.json", R"({"services": [{"identifier": "reject-me"}], "customer_interactions_api_groups": []})");
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err.find("host_stub: plugin test_echo rejected the configuration file config.json "
                             "(configuration_error): Service reject-me is rejected by the test plugin.\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_plugins_with_one_identifier_exit_2) {
  install_echo_plugin("a_echo.so");
  install_echo_plugin("b_echo.so");
  const auto result = prefill();
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err.find("host_stub: plugins plugins/a_echo.so and plugins/b_echo.so both have the identifier "
                             "\"test_echo\"; keep only one of them in plugins\n") != std::string::npos);
}


BOOST_AUTO_TEST_SUITE_END()
