// host_stub submit: prefill, submitted data, component validation and
// write-back, with the echo test plugin standing in for a real one.
#include "host_stub_fixture.hpp"

#include <boost/test/unit_test.hpp>

using host_stub_tests::HostStubFixture;

BOOST_FIXTURE_TEST_SUITE(host_stub_submit_command, HostStubFixture)

BOOST_AUTO_TEST_CASE(without_plugins_nothing_is_registered) {
  folder.write("form.json", R"({"name": "Plain", "components": [{"type": "textfield", "key": "name"}]})");
  folder.write("submission.json", R"({"uuid": "u", "language_code": "nl", "public_registration_reference": "OF-1",
    "auth_info": null, "data": {"name": "Jan"}})");
  const auto result = submit();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "name": "Jan"
  },
  "registration": {}
}
)");
}

BOOST_AUTO_TEST_CASE(unknown_data_keys_are_ignored_and_logged) {
  folder.write("form.json", R"({"name": "Plain", "components": [{"type": "textfield", "key": "name"}]})");
  folder.write("submission.json", R"({"uuid": "u", "language_code": "nl", "public_registration_reference": "OF-1",
    "auth_info": null, "data": {"extra": 1}})");
  const auto result = submit();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("\"extra\"") == std::string::npos);
  BOOST_TEST(result.err.find("warning submission_data_ignored key=extra reason=no_such_variable\n") !=
             std::string::npos);
}


namespace {

const std::string echo_form = R"({"name": "Echo form", "components": [
  {"type": "textfield", "key": "name"},
  {"type": "panel", "key": "panel", "components": [
    {"type": "echoProfile", "key": "customer.profile", "label": "Profile", "shouldUpdateCustomerData": true},
    {"type": "echoProfile", "key": "quiet", "label": "Not written back"}
  ]}
], "variables": [
  {"key": "profilePrefill", "source": "user_defined", "data_type": "array", "prefill_plugin": "test_echo",
   "prefill_options": {"mode": "value", "value": ["known@example.nl"]}}
]})";

std::string submission_with(const std::string& data, const std::string& language_code = "nl") {
  return R"({"uuid": "u-1", "language_code": ")" + language_code +
         R"(", "public_registration_reference": "OF-7", "auth_info": null, "data": )" + data + "}";
}

struct EchoSubmitFixture : HostStubFixture {
  EchoSubmitFixture() {
    install_echo_plugin();
    folder.write("form.json", echo_form);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(registration_gets_all_variable_values, EchoSubmitFixture) {
  folder.write("submission.json", submission_with(R"({"name": "Jan", "customer.profile": "  a@example.nl "})"));
  const auto result = submit();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out == R"({
  "variables": {
    "name": "Jan",
    "customer.profile": "a@example.nl",
    "quiet": {
      "empty": "quiet"
    },
    "profilePrefill": [
      "known@example.nl"
    ]
  },
  "registration": {
    "customer.profile": {
      "status": "done",
      "result": {
        "data": {
          "name": "Jan",
          "customer.profile": "a@example.nl",
          "quiet": {
            "empty": "quiet"
          },
          "profilePrefill": [
            "known@example.nl"
          ]
        },
        "form_name": "Echo form"
      }
    }
  }
}
)");
}

BOOST_FIXTURE_TEST_CASE(dotted_key_is_found_in_nested_data, EchoSubmitFixture) {
  folder.write("submission.json", submission_with(R"({"customer": {"profile": "b@example.nl"}})"));
  const auto result = submit();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find(R"("customer.profile": "b@example.nl",)") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(submitted_data_overrides_prefilled_value, EchoSubmitFixture) {
  folder.write("submission.json", submission_with(R"({"profilePrefill": ["other@example.nl"]})"));
  const auto result = submit();
  BOOST_TEST(result.exit_code == 0);
  BOOST_TEST(result.out.find("\"profilePrefill\": [\n      \"other@example.nl\"\n    ]") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(invalid_component_value_stops_registration, EchoSubmitFixture) {
  folder.write("submission.json", submission_with(R"({"customer.profile": "bad"})"));
  const auto result = submit();
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.out == R"({
  "errors": {
    "customer.profile": [
      {
        "index": 0,
        "field": "address",
        "code": "invalid",
        "message": "Ongeldige waarde."
      }
    ]
  }
}
)");
}

BOOST_FIXTURE_TEST_CASE(validation_messages_follow_language_code, EchoSubmitFixture) {
  folder.write("submission.json", submission_with(R"({"customer.profile": "bad"})", "en"));
  const auto result = submit();
  BOOST_TEST(result.exit_code == 1);
  BOOST_TEST(result.out.find("\"message\": \"Invalid value.\"") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(failed_registration_exits_3_with_result, EchoSubmitFixture) {
  folder.write("submission.json", submission_with(R"({"customer.profile": "fail-registration"})"));
  const auto result = submit();
  BOOST_TEST(result.exit_code == 3);
  BOOST_TEST(result.out.find(R"(  "registration": {
    "customer.profile": {
      "status": "upstream_error",
      "message": "Open Klant refused the klantcontact.",
      "result": {
        "created": []
      }
    }
  }
})") != std::string::npos);
}


BOOST_AUTO_TEST_SUITE_END()
