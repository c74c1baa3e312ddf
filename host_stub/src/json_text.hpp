// Parsing JSON with an error that points at the line, and printing it indented.
#ifndef HOST_STUB_JSON_TEXT_HPP
#define HOST_STUB_JSON_TEXT_HPP

#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace host_stub {

// Deepest nesting of arrays and objects accepted in any document, whether read
// from a file or returned by a plugin. It bounds the stack used by the
// recursive form walk and printer. Each level of nested Form.io components
// adds two to four JSON levels, so this leaves room for about 30 nested layout
// components (an estimate, not a measured limit of real forms).
constexpr std::size_t max_json_depth = 128;

struct JsonParseResult {
  std::optional<boost::json::value> document;  // set when parsing succeeded
  std::string error;                           // "invalid JSON at line 3, column 5: ..." otherwise
};

// Parses one JSON document that fills the whole text.
JsonParseResult parse_json(std::string_view text);

// Serialises a value with two-space indentation, object members in their stored
// order, and no trailing newline.
std::string to_pretty_json(const boost::json::value& value);

// The name of a JSON value's kind for messages: "an object", "a string", ...
std::string_view kind_name(const boost::json::value& value);

}  // namespace host_stub

#endif  // HOST_STUB_JSON_TEXT_HPP
