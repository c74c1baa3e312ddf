// Deciding, before any request, what the write-back does with each submitted
// address: compare it with what prefill offered for its channel.
#pragma once

#include "digital_address.hpp"

#include <boost/json/array.hpp>

#include <string>
#include <vector>

namespace commprefs {

// The addresses prefill offered for one channel.
struct OfferedChannel {
  Channel channel;
  std::vector<std::string> options;
  std::string preferred;  // empty when none
};

// Reads the prefill variable's value; throws InvalidInput when it is not the
// shape prefill produces.
std::vector<OfferedChannel> parse_offered(const boost::json::value& prefill_value);

enum class AddressAction {
  keep_preferred,      // it is already the preferred address: nothing to write
  record_for_contact,  // store it for this klantcontact's betrokkene only
  make_preferred,      // a known address of the partij becomes its preferred one
  create,              // a new address, for the betrokkene and, when preferred, the partij
};

struct PlannedAddress {
  Channel channel;
  std::string address;
  AddressAction action;
  bool preferred = false;  // for create: also the partij's new preferred address
  bool preference_dropped = false;  // isNewPreferred asked without a partij to store it on
};

// Plans the writes for a validated, normalised submitted value. Blank
// addresses are left out. has_partij is false for an anonymous submitter.
std::vector<PlannedAddress> plan_addresses(const boost::json::array& submitted,
                                           const std::vector<OfferedChannel>& offered, bool has_partij);

}  // namespace commprefs
