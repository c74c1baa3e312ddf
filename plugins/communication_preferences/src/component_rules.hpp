// The customerProfile component's rules: its empty value, the JSON Schema of
// its value, and the validation and normalisation of a submitted value.
#pragma once

#include "messages.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace commprefs {

// One entry per configured type: {"address": "", "type": t, "preferenceUpdate": "useOnlyOnce"}.
boost::json::array profile_empty_value(const boost::json::object& component);

// JSON Schema (draft 2020-12) of the component's value.
boost::json::object profile_value_schema(const boost::json::object& component);

struct ProfileValidation {
  boost::json::array value;   // the normalised entries, when errors is empty
  boost::json::array errors;  // [{"index", "field", "code", "message"}]
};

// Checks a submitted value: a list of objects, each type configured on the
// component and given once, a valid e-mail address, a phone number Open Klant
// accepts, and no blank address when the component is required. Phone
// numbers are normalised (see normalise_phone_number) and addresses trimmed.
ProfileValidation validate_profile_value(const boost::json::object& component, const boost::json::value& value,
                                         Language language);

}  // namespace commprefs
