// The form model: which components of a Form.io tree hold data, and the
// defaults of user-defined variables.
#include "form_model.hpp"
#include "variables.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> data_keys(const std::string& components_json) {
  const auto components = boost::json::parse(components_json).as_array();
  std::vector<std::string> keys;
  for (const auto& component : host_stub::collect_data_components(components)) keys.push_back(component.key);
  return keys;
}

std::string shape_error(const std::string& form_json) {
  try {
    host_stub::read_form(boost::json::parse(form_json));
  } catch (const host_stub::FormShapeError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(host_stub_form_model)

BOOST_AUTO_TEST_CASE(walks_fieldsets_columns_tables_and_tabs) {
  const auto keys = data_keys(R"([
    {"type": "fieldset", "key": "f", "components": [{"type": "textfield", "key": "a"}]},
    {"type": "columns", "key": "c", "columns": [{"components": [{"type": "email", "key": "b"}]},
                                               {"components": [{"type": "number", "key": "c.d"}]}]},
    {"type": "table", "key": "t", "rows": [[{"components": [{"type": "textarea", "key": "e"}]}],
                                            [{"components": []}, {"components": [{"type": "date", "key": "f2"}]}]]},
    {"type": "tabs", "key": "tabs", "components": [{"key": "tab1", "components": [{"type": "phoneNumber", "key": "g"}]}]},
    {"type": "customerProfile", "key": "customer.profile"}
  ])");
  const std::vector<std::string> expected{"a", "b", "c.d", "e", "f2", "g", "customer.profile"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(layout_components_hold_no_data) {
  const auto keys = data_keys(R"([
    {"type": "content", "key": "intro", "html": "x"},
    {"type": "htmlelement", "key": "html"},
    {"type": "softRequiredErrors", "key": "soft"},
    {"type": "panel", "key": "panel", "components": []},
    {"type": "textfield", "key": "shown", "input": false},
    {"type": "textfield", "key": "kept"}
  ])");
  const std::vector<std::string> expected{"kept"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(repeating_group_children_have_no_variables) {
  const auto keys = data_keys(R"([
    {"type": "editgrid", "key": "children", "components": [{"type": "textfield", "key": "childName"}]}
  ])");
  const std::vector<std::string> expected{"children"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(component_keeps_its_definition) {
  const auto components = boost::json::parse(R"([{"type": "panel", "key": "p", "components": [
      {"type": "customerProfile", "key": "profile", "digitalAddressTypes": ["email"]}]}])")
                              .as_array();
  const auto found = host_stub::collect_data_components(components);
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].type == "customerProfile");
  BOOST_TEST(found[0].definition.at("digitalAddressTypes").as_array().size() == 1u);
}

BOOST_AUTO_TEST_CASE(table_row_must_be_an_array) {
  BOOST_TEST(shape_error(R"({"name": "f", "components": [{"type": "table", "key": "t", "rows": [{}]}]})") ==
             "components[0].rows[0] must be an array of table cells");
}

BOOST_AUTO_TEST_CASE(type_must_be_a_string) {
  BOOST_TEST(shape_error(R"({"name": "f", "components": [{"type": 3, "key": "x"}]})") ==
             "components[0].type must be a string");
}

BOOST_AUTO_TEST_CASE(variables_keep_file_order_and_options) {
  const auto form = host_stub::read_form(boost::json::parse(R"({"name": "f", "components": [], "variables": [
    {"key": "b", "source": "user_defined", "data_type": "array", "prefill_plugin": "p", "prefill_options": {"x": 1}},
    {"key": "a", "source": "user_defined", "data_type": "string"}
  ]})"));
  BOOST_TEST_REQUIRE(form.variables.size() == 2u);
  BOOST_TEST(form.variables[0].key == "b");
  BOOST_TEST(form.variables[0].prefill_plugin == "p");
  BOOST_TEST(form.variables[0].prefill_options.at("x").as_int64() == 1);
  BOOST_TEST(form.variables[1].key == "a");
  BOOST_TEST(form.variables[1].prefill_plugin == "");
  BOOST_TEST(form.variables[1].prefill_options.empty());
}

BOOST_AUTO_TEST_CASE(data_type_defaults) {
  BOOST_TEST(host_stub::default_for_data_type("array") == boost::json::value(boost::json::array()));
  BOOST_TEST(host_stub::default_for_data_type("object") == boost::json::value(boost::json::object()));
  BOOST_TEST(host_stub::default_for_data_type("string") == boost::json::value(""));
  BOOST_TEST(host_stub::default_for_data_type("boolean") == boost::json::value(false));
  BOOST_TEST(host_stub::default_for_data_type("int") == boost::json::value(nullptr));
  BOOST_TEST(host_stub::default_for_data_type("float") == boost::json::value(nullptr));
  BOOST_TEST(host_stub::default_for_data_type("datetime") == boost::json::value(""));
}

BOOST_AUTO_TEST_SUITE_END()
