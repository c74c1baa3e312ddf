// Prefill: look up the submitter's digitale adressen and turn them into the
// value of the prefill variable.
#pragma once

#include "configuration.hpp"
#include "logger.hpp"
#include "runtime.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace commprefs {

struct PrefillOutcome {
  bool skipped = false;
  std::string skip_reason;   // a stable code such as "not_authenticated"
  std::string skip_message;  // a sentence for the host's log
  boost::json::array value;
};

// Groups addresses per channel, email before phoneNumber, keeping only the
// configured channels and the API's order: [{"type", "options", "preferred"}].
// An address stored twice appears once, preferred when any copy is marked.
// Addresses of an unknown soortDigitaalAdres ("overig") are left out and logged.
boost::json::array build_prefill_value(const std::vector<boost::json::object>& adressen,
                                       const std::vector<std::string>& configured_types,
                                       const PreferenceMarker& marker, const Logger& logger);

// True when the address carries the group's preference marker.
bool is_marked_preferred(const boost::json::object& adres, const PreferenceMarker& marker);

// Runs the prefill hook's request {"variable", "form", "submission"}. Throws
// InvalidInput, ConfigurationError or ApiError.
PrefillOutcome run_prefill(const Runtime& runtime, const boost::json::object& request, const Logger& logger);

}  // namespace commprefs
