// Reading JSON documents from the host and from Open Klant with clear errors.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace commprefs::json {

// Parses text as one JSON document; throws InvalidInput naming `what` and the
// position of the error. Nesting deeper than 64 levels is rejected.
boost::json::value parse(std::string_view text, std::string_view what);

// Parses text that must be a JSON object; throws InvalidInput otherwise.
boost::json::object parse_object(std::string_view text, std::string_view what);

// The member `key` of `object` when it is an object, an array or a string.
// Returns nullptr (or nullopt) when it is absent or null, and throws
// InvalidInput when it has another type. `what` names the object in the message.
const boost::json::object* find_object(const boost::json::object& object, std::string_view key,
                                       std::string_view what);
const boost::json::array* find_array(const boost::json::object& object, std::string_view key,
                                     std::string_view what);
std::optional<std::string> find_string(const boost::json::object& object, std::string_view key,
                                       std::string_view what);

// Like the find_ functions, but absence is an InvalidInput too.
const boost::json::object& require_object(const boost::json::object& object, std::string_view key,
                                          std::string_view what);
std::string require_string(const boost::json::object& object, std::string_view key,
                           std::string_view what);

// The boolean member `key`, or `fallback` when absent or null.
bool bool_or(const boost::json::object& object, std::string_view key, bool fallback,
             std::string_view what);

// Compact serialisation.
std::string to_string(const boost::json::value& value);

}  // namespace commprefs::json
