// Readable text for the demo: what prefill offered, what was submitted, and
// what the write-back stored in Open Klant.
#ifndef HOST_STUB_DEMO_REPORT_HPP
#define HOST_STUB_DEMO_REPORT_HPP

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <ostream>

namespace host_stub {

// Prints a prefill value ([{"type", "options", "preferred"}]) as one block per
// channel, the preferred address marked with "*".
void print_offered_addresses(std::ostream& out, const boost::json::value& prefill_value);

// Prints a customerProfile value ([{"address", "type", "preferenceUpdate"?}]).
void print_submitted_profile(std::ostream& out, const boost::json::value& profile);

// Compares two emulator snapshots and prints each new klantcontact with its
// onderwerpobject, betrokkene and the digitaleadressen the betrokkene gave,
// then every digitaalAdres whose isStandaardAdres changed. Returns the number
// of new klantcontacten.
std::size_t print_written_records(std::ostream& out, const boost::json::object& before,
                                  const boost::json::object& after);

}  // namespace host_stub

#endif  // HOST_STUB_DEMO_REPORT_HPP
