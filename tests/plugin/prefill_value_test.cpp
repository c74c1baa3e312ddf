// The transform from Open Klant's digitale adressen to the prefill value.
#include "logger.hpp"
#include "prefill.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/test/unit_test.hpp>

namespace {

using commprefs::build_prefill_value;
using commprefs::Logger;
using commprefs::PreferenceMarker;

boost::json::object adres(const char* address, const char* soort, bool standaard, const char* referentie = "") {
  return {{"adres", address}, {"soortDigitaalAdres", soort}, {"isStandaardAdres", standaard}, {"referentie", referentie}};
}

const std::vector<std::string> both_channels{"email", "phoneNumber"};

}  // namespace

BOOST_AUTO_TEST_SUITE(prefill_value)

BOOST_AUTO_TEST_CASE(orders_email_before_phone_and_keeps_api_order) {
  const auto value = build_prefill_value({adres("0687654321", "telefoonnummer", false),
                                          adres("0612345678", "telefoonnummer", true),
                                          adres("b@example.org", "email", false),
                                          adres("a@example.org", "email", true)},
                                         both_channels, PreferenceMarker{}, Logger{});
  BOOST_TEST(boost::json::serialize(value) ==
             R"([{"type":"email","options":["b@example.org","a@example.org"],"preferred":"a@example.org"},)"
             R"({"type":"phoneNumber","options":["0687654321","0612345678"],"preferred":"0612345678"}])");
}

BOOST_AUTO_TEST_CASE(keeps_only_configured_channels) {
  const auto value = build_prefill_value({adres("0612345678", "telefoonnummer", true), adres("a@example.org", "email", false)},
                                         {"phoneNumber"}, PreferenceMarker{}, Logger{});
  BOOST_TEST(boost::json::serialize(value) ==
             R"([{"type":"phoneNumber","options":["0612345678"],"preferred":"0612345678"}])");
}

BOOST_AUTO_TEST_CASE(preferred_is_null_without_marked_address) {
  const auto value = build_prefill_value({adres("a@example.org", "email", false)}, both_channels, PreferenceMarker{}, Logger{});
  BOOST_TEST(boost::json::serialize(value) == R"([{"type":"email","options":["a@example.org"],"preferred":null}])");
}

BOOST_AUTO_TEST_CASE(preferred_is_first_marked_address) {
  const auto value = build_prefill_value({adres("a@example.org", "email", true), adres("b@example.org", "email", true)},
                                         both_channels, PreferenceMarker{}, Logger{});
  BOOST_TEST(value.at(0).at("preferred").as_string() == "a@example.org");
}

BOOST_AUTO_TEST_CASE(no_addresses_gives_empty_list) {
  BOOST_TEST(build_prefill_value({}, both_channels, PreferenceMarker{}, Logger{}).empty());
}

BOOST_AUTO_TEST_CASE(unknown_soort_is_left_out) {
  const auto value = build_prefill_value({adres("https://example.org/chat", "overig", true),
                                          adres("a@example.org", "email", false),
                                          adres("x", "faxnummer", true)},
                                         both_channels, PreferenceMarker{}, Logger{});
  BOOST_TEST(boost::json::serialize(value) == R"([{"type":"email","options":["a@example.org"],"preferred":null}])");
}

BOOST_AUTO_TEST_CASE(address_stored_twice_appears_once) {
  const auto value = build_prefill_value({adres("A@Example.org", "email", false),
                                          adres("a@example.org", "email", true),
                                          adres("06-12345678", "telefoonnummer", false),
                                          adres("0612345678", "telefoonnummer", false)},
                                         both_channels, PreferenceMarker{}, Logger{});
  BOOST_TEST(boost::json::serialize(value) ==
             R"([{"type":"email","options":["A@Example.org"],"preferred":"A@Example.org"},)"
             R"({"type":"phoneNumber","options":["06-12345678"],"preferred":null}])");
}

BOOST_AUTO_TEST_CASE(referentie_marker_decides_preferred) {
  PreferenceMarker marker{PreferenceMarker::Kind::referentie, "portaalvoorkeur"};
  const auto value = build_prefill_value({adres("a@example.org", "email", true),
                                          adres("b@example.org", "email", false, "portaalvoorkeur")},
                                         both_channels, marker, Logger{});
  BOOST_TEST(value.at(0).at("preferred").as_string() == "b@example.org");
}

BOOST_AUTO_TEST_CASE(address_without_text_is_left_out) {
  boost::json::object broken = {{"soortDigitaalAdres", "email"}, {"adres", 42}};
  const auto value = build_prefill_value({broken, adres("  ", "email", true)}, both_channels, PreferenceMarker{}, Logger{});
  BOOST_TEST(value.empty());
}

BOOST_AUTO_TEST_SUITE_END()
