// What the write-back does with each submitted address, decided before any request.
#include "registration_plan.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

namespace {

using commprefs::AddressAction;
using commprefs::Channel;
using commprefs::parse_offered;
using commprefs::plan_addresses;

const auto offered = parse_offered(boost::json::parse(
    R"([{"type":"email","options":["someemail@example.org","john.smith@gmail.com"],"preferred":"john.smith@gmail.com"},)"
    R"({"type":"phoneNumber","options":["0687654321","0612345678"],"preferred":"0612345678"}])"));

boost::json::array submitted(const char* text) { return boost::json::parse(text).as_array(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(registration_plan)

BOOST_AUTO_TEST_CASE(preferred_address_needs_no_write) {
  const auto plan = plan_addresses(submitted(R"([{"address":"john.smith@gmail.com","type":"email","preferenceUpdate":"useOnlyOnce"}])"),
                                   offered, true);
  BOOST_REQUIRE_EQUAL(plan.size(), 1u);
  BOOST_TEST((plan[0].action == AddressAction::keep_preferred));
}

BOOST_AUTO_TEST_CASE(known_address_used_once_is_recorded_for_contact) {
  const auto plan = plan_addresses(submitted(R"([{"address":"someemail@example.org","type":"email","preferenceUpdate":"useOnlyOnce"}])"),
                                   offered, true);
  BOOST_TEST((plan[0].action == AddressAction::record_for_contact));
}

BOOST_AUTO_TEST_CASE(known_address_new_preferred_is_made_preferred) {
  const auto plan = plan_addresses(submitted(R"([{"address":"0687654321","type":"phoneNumber","preferenceUpdate":"isNewPreferred"}])"),
                                   offered, true);
  BOOST_TEST((plan[0].action == AddressAction::make_preferred));
  BOOST_TEST((plan[0].channel == Channel::phone_number));
}

BOOST_AUTO_TEST_CASE(new_address_new_preferred_goes_to_partij) {
  const auto plan = plan_addresses(submitted(R"([{"address":"0611111111","type":"phoneNumber","preferenceUpdate":"isNewPreferred"}])"),
                                   offered, true);
  BOOST_TEST((plan[0].action == AddressAction::create));
  BOOST_TEST(plan[0].preferred);
}

BOOST_AUTO_TEST_CASE(blank_address_is_left_out) {
  const auto plan = plan_addresses(submitted(R"([{"address":"","type":"phoneNumber","preferenceUpdate":"useOnlyOnce"}])"),
                                   offered, true);
  BOOST_TEST(plan.empty());
}

BOOST_AUTO_TEST_CASE(anonymous_preference_is_dropped) {
  const auto plan = plan_addresses(submitted(R"([{"address":"a@example.org","type":"email","preferenceUpdate":"isNewPreferred"}])"),
                                   {}, false);
  BOOST_TEST((plan[0].action == AddressAction::create));
  BOOST_TEST(!plan[0].preferred);
  BOOST_TEST(plan[0].preference_dropped);
}

BOOST_AUTO_TEST_CASE(prefill_value_of_wrong_shape_is_rejected) {
  BOOST_CHECK_THROW(parse_offered(boost::json::parse(R"({"type":"email"})")), std::exception);
  BOOST_CHECK_THROW(parse_offered(boost::json::parse(R"([{"type":"fax","options":[]}])")), std::exception);
  BOOST_CHECK_THROW(parse_offered(boost::json::parse(R"([{"type":"email","options":[1]}])")), std::exception);
}

BOOST_AUTO_TEST_SUITE_END()
