// The customerProfile component's empty value, schema and validation.
#include "component_rules.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

namespace {

using commprefs::Language;
using commprefs::validate_profile_value;

boost::json::object component(bool required = false) {
  return boost::json::parse(std::string(R"({"key":"profile","type":"customerProfile","digitalAddressTypes":["email","phoneNumber"],)") +
                            R"("shouldUpdateCustomerData":true,"validate":{"required":)" + (required ? "true" : "false") + "}}")
      .as_object();
}

commprefs::ProfileValidation validate(const char* value, Language language = Language::en, bool required = false) {
  return validate_profile_value(component(required), boost::json::parse(value), language);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(component_rules)

BOOST_AUTO_TEST_CASE(empty_value_has_one_entry_per_type) {
  BOOST_TEST(boost::json::serialize(commprefs::profile_empty_value(component())) ==
             R"([{"address":"","type":"email","preferenceUpdate":"useOnlyOnce"},)"
             R"({"address":"","type":"phoneNumber","preferenceUpdate":"useOnlyOnce"}])");
}

BOOST_AUTO_TEST_CASE(schema_lists_configured_types) {
  const auto schema = commprefs::profile_value_schema(component());
  BOOST_TEST(boost::json::serialize(schema.at("items").at("properties").at("type")) == R"({"enum":["email","phoneNumber"]})");
  BOOST_TEST(schema.at("maxItems").as_uint64() == 2u);
}

BOOST_AUTO_TEST_CASE(valid_value_is_normalised) {
  const auto result = validate(R"([{"address":" a@example.org ","type":"email"},)"
                               R"({"address":"06-1234 5678","type":"phoneNumber","preferenceUpdate":"isNewPreferred"}])");
  BOOST_TEST(result.errors.empty());
  BOOST_TEST(boost::json::serialize(result.value) ==
             R"([{"address":"a@example.org","type":"email","preferenceUpdate":"useOnlyOnce"},)"
             R"({"address":"0612345678","type":"phoneNumber","preferenceUpdate":"isNewPreferred"}])");
}

BOOST_AUTO_TEST_CASE(unknown_type_is_rejected) {
  const auto result = validate(R"([{"address":"x","type":"fax"}])");
  BOOST_TEST(boost::json::serialize(result.errors) ==
             R"([{"index":0,"field":"type","code":"type_unknown","message":"Entry 1: The address type \"fax\" is unknown."}])");
}

BOOST_AUTO_TEST_CASE(type_given_twice_is_rejected) {
  const auto result = validate(R"([{"address":"a@example.org","type":"email"},{"address":"b@example.org","type":"email"}])");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].at("index").as_int64() == 1);
  BOOST_TEST(result.errors[0].at("code").as_string() == "type_twice");
}

BOOST_AUTO_TEST_CASE(invalid_email_message_in_dutch) {
  const auto result = validate(R"([{"address":"not-an-address","type":"email"}])", Language::nl);
  BOOST_TEST(result.errors[0].at("message").as_string() == "E-mailadres: \"not-an-address\" is geen geldig e-mailadres.");
}

BOOST_AUTO_TEST_CASE(invalid_email_message_in_english) {
  const auto result = validate(R"([{"address":"a@b","type":"email"}])", Language::en);
  BOOST_TEST(result.errors[0].at("message").as_string() == "Email address: \"a@b\" is not a valid email address.");
}

BOOST_AUTO_TEST_CASE(service_number_rejected_in_dutch) {
  const auto result = validate(R"([{"address":"0800-1234","type":"phoneNumber"}])", Language::nl);
  BOOST_TEST(result.errors[0].at("code").as_string() == "phone_service_number");
  BOOST_TEST(result.errors[0].at("message").as_string() ==
             "Telefoonnummer: Servicenummers en 088-nummers (0800, 0900, 0906, 0909, 088) kunnen niet worden "
             "opgeslagen. Vul een persoonlijk telefoonnummer in.");
}

BOOST_AUTO_TEST_CASE(short_phone_number_rejected) {
  const auto result = validate(R"([{"address":"06 1234","type":"phoneNumber"}])");
  BOOST_TEST(result.errors[0].at("code").as_string() == "phone_invalid_length");
  BOOST_TEST(result.errors[0].at("message").as_string() ==
             "Phone number: A Dutch phone number has 10 digits, such as 0612345678.");
}

BOOST_AUTO_TEST_CASE(blank_address_allowed_unless_required) {
  BOOST_TEST(validate(R"([{"address":"","type":"email"}])").errors.empty());
  const auto required = validate(R"([{"address":" ","type":"email"}])", Language::nl, true);
  BOOST_TEST(required.errors[0].at("message").as_string() == "E-mailadres: Dit veld is verplicht.");
}

BOOST_AUTO_TEST_CASE(type_not_configured_is_rejected) {
  auto only_email = component();
  only_email["digitalAddressTypes"] = boost::json::array{"email"};
  const auto result = validate_profile_value(only_email, boost::json::parse(R"([{"address":"0612345678","type":"phoneNumber"}])"),
                                             Language::en);
  BOOST_TEST(result.errors[0].at("code").as_string() == "type_not_configured");
}

BOOST_AUTO_TEST_CASE(value_that_is_not_a_list_is_rejected) {
  const auto result = validate(R"({"address":"a@example.org"})");
  BOOST_TEST(result.errors[0].at("index").is_null());
  BOOST_TEST(result.errors[0].at("code").as_string() == "not_a_list");
}

BOOST_AUTO_TEST_CASE(unknown_preference_update_is_rejected) {
  const auto result = validate(R"([{"address":"a@example.org","type":"email","preferenceUpdate":"always"}])");
  BOOST_TEST(result.errors[0].at("field").as_string() == "preferenceUpdate");
}

BOOST_AUTO_TEST_SUITE_END()
