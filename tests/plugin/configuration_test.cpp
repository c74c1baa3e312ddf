// Reading the host's services and API groups.
#include "configuration.hpp"
#include "errors.hpp"
#include "languages.hpp"
#include "submitter.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

namespace {

using commprefs::ConfigurationError;
using commprefs::parse_configuration;

boost::json::object document(const char* service_extra, const char* group_extra = "") {
  return boost::json::parse(std::string(R"({"services":[{"identifier":"ok","label":"Open Klant","api_root":"https://ok.example.org/klantinteracties/api/v1/",)") +
                            R"("auth_type":"api_key","header_key":"Authorization","header_value":"Token abc")" + service_extra +
                            R"(}],"customer_interactions_api_groups":[{"identifier":"g","name":"Group","service":"ok")" + group_extra + "}]}")
      .as_object();
}

std::string error_of(const boost::json::object& configuration) {
  try {
    parse_configuration(configuration);
  } catch (const ConfigurationError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(configuration)

BOOST_AUTO_TEST_CASE(reads_service_and_group) {
  const auto configuration = parse_configuration(document(R"(,"timeout_s":2.5)"));
  BOOST_TEST(configuration.services.at(0).timeout.count() == 2500);
  BOOST_TEST(configuration.groups.at(0).service == "ok");
  BOOST_TEST((configuration.groups.at(0).preference_marker.kind == commprefs::PreferenceMarker::Kind::is_standaard_adres));
}

BOOST_AUTO_TEST_CASE(plain_http_needs_permission) {
  auto configuration = document("");
  configuration["services"].as_array()[0].as_object()["api_root"] = "http://ok.example.org/api/";
  BOOST_TEST(error_of(configuration) ==
             "Invalid configuration: service \"ok\": \"api_root\" uses plain http, which sends the API key unencrypted; "
             "use https, or set \"allow_plain_http\": true for a service on a trusted network.");
}

BOOST_AUTO_TEST_CASE(api_root_must_end_with_slash) {
  auto configuration = document("");
  configuration["services"].as_array()[0].as_object()["api_root"] = "https://ok.example.org/api";
  BOOST_TEST(error_of(configuration) == "Invalid configuration: service \"ok\": \"api_root\" must end with '/'.");
}

BOOST_AUTO_TEST_CASE(group_must_name_existing_service) {
  auto configuration = document("");
  configuration["customer_interactions_api_groups"].as_array()[0].as_object()["service"] = "missing";
  BOOST_TEST(error_of(configuration) == "Invalid configuration: API group \"g\": service \"missing\" does not exist.");
}

BOOST_AUTO_TEST_CASE(referentie_marker_is_read) {
  const auto configuration =
      parse_configuration(document("", R"(,"preference_marker":{"type":"referentie","value":"portaalvoorkeur"})"));
  BOOST_TEST(configuration.groups.at(0).preference_marker.referentie == "portaalvoorkeur");
}

BOOST_AUTO_TEST_CASE(referentie_marker_must_be_slug) {
  BOOST_TEST(error_of(document("", R"(,"preference_marker":{"type":"referentie","value":"has space"})")) ==
             "Invalid configuration: API group \"g\": preference_marker value must be 1 to 50 letters, digits, '-' or '_'.");
}

BOOST_AUTO_TEST_CASE(timeout_must_be_positive) {
  BOOST_TEST(error_of(document(R"(,"timeout_s":0)")) ==
             "Invalid configuration: service \"ok\": \"timeout_s\" must be more than 0 and at most 600 seconds.");
}

BOOST_AUTO_TEST_CASE(language_codes_map_to_iso_639_2b) {
  BOOST_TEST(*commprefs::iso_639_2b_code("nl") == "nld");
  BOOST_TEST(*commprefs::iso_639_2b_code("en") == "eng");
  BOOST_TEST(*commprefs::iso_639_2b_code("de-DE") == "ger");
  BOOST_TEST(!commprefs::iso_639_2b_code("xx").has_value());
}

BOOST_AUTO_TEST_CASE(login_identificators) {
  auto submitter = commprefs::parse_submitter(
      boost::json::parse(R"({"auth_info":{"attribute":"kvk","value":"12345678","legal_subject_service_restriction":"123456791201"}})").as_object());
  BOOST_TEST(commprefs::prefill_identificator(submitter).code_soort_object_id == "vestigingsnummer");
  BOOST_TEST(commprefs::partij_identificator(submitter).code_soort_object_id == "kvk_nummer");
  BOOST_CHECK_THROW(commprefs::parse_submitter(boost::json::parse(R"({"auth_info":{"attribute":"bsn","value":"12345"}})").as_object()),
                    commprefs::InvalidInput);
}

BOOST_AUTO_TEST_SUITE_END()
