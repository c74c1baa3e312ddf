// Unreadable, non-JSON and wrongly shaped input files end the run with exit
// code 2 and one message that names the file and the problem.
#include "host_stub_fixture.hpp"

#include <boost/test/unit_test.hpp>

using host_stub_tests::HostStubFixture;

namespace {

struct InputFileFixture : HostStubFixture {
  // Runs prefill and checks that it failed with exactly this message.
  void expect_failure(const std::string& message) const {
    const auto result = prefill();
    BOOST_TEST(result.exit_code == 2);
    BOOST_TEST(result.out == "");
    BOOST_TEST(result.err == "host_stub: " + message + "\n");
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(host_stub_input_files, InputFileFixture)

BOOST_AUTO_TEST_CASE(missing_file_is_named) {
  std::filesystem::remove(folder.path() / "form.json");
  expect_failure("form file form.json: the file does not exist");
}

BOOST_AUTO_TEST_CASE(directory_instead_of_file) {
  std::filesystem::remove(folder.path() / "submission.json");
  folder.make_folder("submission.json");
  expect_failure("submission file submission.json: is a directory, not a file");
}

BOOST_AUTO_TEST_CASE(empty_file_is_named) {
  folder.write("config.json", "");
  expect_failure("configuration file config.json: the file is empty");
}

BOOST_AUTO_TEST_CASE(blank_file_counts_as_empty) {
  folder.write("form.json", " \n\n ");
  expect_failure("form file form.json: the file is empty");
}

BOOST_AUTO_TEST_CASE(truncated_json_points_at_the_end) {
  folder.write("form.json", "{\"name\": \"Cut\",\n \"components\": [");
  expect_failure(
      "form file form.json: invalid JSON at line 2, column 17: the document ends too early (is the file "
      "truncated?)");
}

BOOST_AUTO_TEST_CASE(syntax_error_points_at_line_and_column) {
  folder.write("submission.json", "{\n  \"uuid\": \"x\",\n  language_code: \"nl\"\n}");
  expect_failure("submission file submission.json: invalid JSON at line 3, column 3: syntax error or invalid UTF-8");
}

BOOST_AUTO_TEST_CASE(text_after_the_document_is_rejected) {
  folder.write("config.json", host_stub_tests::empty_configuration + " x");
  expect_failure(
      "configuration file config.json: invalid JSON at line 1, column 58: there is more text after the JSON "
      "document");
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_rejected_without_a_crash) {
  folder.write("form.json", std::string(100000, '['));
  expect_failure("form file form.json: invalid JSON at line 1, column 129: arrays and objects are nested deeper "
                 "than 128 levels");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_rejected) {
  folder.write("form.json", "{\"name\": \"\xff\", \"components\": []}");
  expect_failure("form file form.json: invalid JSON at line 1, column 11: syntax error or invalid UTF-8");
}

BOOST_AUTO_TEST_CASE(configuration_must_be_an_object) {
  folder.write("config.json", "[]");
  expect_failure("configuration file config.json: the document must be a JSON object, not an array");
}

BOOST_AUTO_TEST_CASE(configuration_needs_api_groups_array) {
  folder.write("config.json", R"({"services": []})");
  expect_failure("configuration file config.json: \"customer_interactions_api_groups\" must be an array");
}

BOOST_AUTO_TEST_CASE(form_components_must_be_an_array) {
  folder.write("form.json", R"({"name": "Shape", "components": {}})");
  expect_failure("form file form.json: \"components\" must be an array");
}

BOOST_AUTO_TEST_CASE(form_needs_a_name) {
  folder.write("form.json", R"({"components": []})");
  expect_failure("form file form.json: \"name\" must be a string");
}

BOOST_AUTO_TEST_CASE(component_without_key_names_its_location) {
  folder.write("form.json", R"({"name": "Shape", "components": [
    {"type": "fieldset", "key": "group", "components": [
      {"type": "columns", "key": "cols", "columns": [{"components": [{"type": "textfield"}]}]}
    ]}
  ]})");
  expect_failure(
      "form file form.json: components[0].components[0].columns[0].components[0] (type \"textfield\") needs a "
      "non-empty string \"key\"");
}

BOOST_AUTO_TEST_CASE(component_must_be_an_object) {
  folder.write("form.json", R"({"name": "Shape", "components": [{"type": "panel", "key": "p", "components": [3]}]})");
  expect_failure("form file form.json: components[0].components[0] must be a component object, not a number");
}

BOOST_AUTO_TEST_CASE(duplicate_component_keys_are_rejected) {
  folder.write("form.json", R"({"name": "Shape", "components": [
    {"type": "textfield", "key": "name"}, {"type": "panel", "key": "p", "components": [{"type": "email", "key": "name"}]}
  ]})");
  expect_failure("form file form.json: components: two data components have the key \"name\"");
}

BOOST_AUTO_TEST_CASE(variable_source_must_be_known) {
  folder.write("form.json", R"({"name": "Shape", "components": [],
    "variables": [{"key": "v", "source": "static", "data_type": "string"}]})");
  expect_failure("form file form.json: variables[0].source must be \"user_defined\" or \"component\", not \"static\"");
}

BOOST_AUTO_TEST_CASE(user_defined_variable_needs_known_data_type) {
  folder.write("form.json", R"({"name": "Shape", "components": [],
    "variables": [{"key": "v", "source": "user_defined", "data_type": "list"}]})");
  expect_failure(
      "form file form.json: variables[0].data_type \"list\" is not one of string, boolean, object, array, int, "
      "float, datetime, time, date");
}

BOOST_AUTO_TEST_CASE(component_variable_needs_its_component) {
  folder.write("form.json", R"({"name": "Shape", "components": [],
    "variables": [{"key": "profile", "source": "component", "data_type": "array"}]})");
  expect_failure(
      "form file form.json: variables: variable \"profile\" has source \"component\", but no data component has "
      "that key");
}

BOOST_AUTO_TEST_CASE(user_defined_variable_may_not_take_a_component_key) {
  folder.write("form.json", R"({"name": "Shape", "components": [{"type": "textfield", "key": "name"}],
    "variables": [{"key": "name", "source": "user_defined", "data_type": "string"}]})");
  expect_failure(
      "form file form.json: variables: user-defined variable \"name\" has the key of a component; pick another key");
}

BOOST_AUTO_TEST_CASE(prefill_options_must_be_an_object) {
  folder.write("form.json", R"({"name": "Shape", "components": [],
    "variables": [{"key": "v", "source": "user_defined", "data_type": "array", "prefill_plugin": "x",
                   "prefill_options": "group"}]})");
  expect_failure("form file form.json: variables[0].prefill_options must be an object, not a string");
}

BOOST_AUTO_TEST_CASE(submission_data_must_be_an_object) {
  folder.write("submission.json", R"({"uuid": "u", "language_code": "nl", "public_registration_reference": "OF-1",
    "auth_info": null, "data": []})");
  expect_failure("submission file submission.json: \"data\" must be an object, not an array");
}

BOOST_AUTO_TEST_CASE(submission_needs_auth_info) {
  folder.write("submission.json",
               R"({"uuid": "u", "language_code": "nl", "public_registration_reference": "OF-1", "data": {}})");
  expect_failure("submission file submission.json: \"auth_info\" is missing");
}

BOOST_AUTO_TEST_CASE(auth_info_value_must_be_a_string) {
  folder.write("submission.json", R"({"uuid": "u", "language_code": "nl", "public_registration_reference": "OF-1",
    "auth_info": {"attribute": "bsn", "value": 725763863}, "data": {}})");
  expect_failure("submission file submission.json: \"auth_info.value\" must be a string, not a number");
}

BOOST_AUTO_TEST_CASE(registration_attempt_must_be_positive) {
  folder.write("submission.json", R"({"uuid": "u", "language_code": "nl", "public_registration_reference": "OF-1",
    "auth_info": null, "data": {}, "registration_attempt": 0})");
  expect_failure("submission file submission.json: \"registration_attempt\" must be a positive integer");
}

BOOST_AUTO_TEST_CASE(missing_plugin_folder_is_named) {
  const auto result = run({"prefill", "--plugins", "nowhere", "--config", "config.json", "--form", "form.json",
                           "--submission", "submission.json"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.out == "");
  BOOST_TEST(result.err == "host_stub: plugin folder nowhere does not exist\n");
}

BOOST_AUTO_TEST_CASE(plugin_folder_must_be_a_folder) {
  const auto result = run({"check", "--plugins", "config.json", "--config", "config.json"});
  BOOST_TEST(result.exit_code == 2);
  BOOST_TEST(result.err == "host_stub: plugin folder config.json is not a folder\n");
}

BOOST_AUTO_TEST_SUITE_END()
