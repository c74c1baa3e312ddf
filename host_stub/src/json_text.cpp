#include "json_text.hpp"

#include <boost/json/error.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>

#include <algorithm>

namespace host_stub {
namespace {

std::string describe_parse_error(const boost::system::error_code& error) {
  if (error == boost::json::error::incomplete) return "the document ends too early (is the file truncated?)";
  if (error == boost::json::error::too_deep) {
    return "arrays and objects are nested deeper than " + std::to_string(max_json_depth) + " levels";
  }
  if (error == boost::json::error::extra_data) return "there is more text after the JSON document";
  if (error == boost::json::error::syntax) return "syntax error or invalid UTF-8";
  return error.message();
}

std::string position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = std::count(before.begin(), before.end(), '\n') + 1;
  const auto line_start = before.rfind('\n');
  const auto column = line_start == std::string_view::npos ? offset + 1 : offset - line_start;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

void write_indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

void write_pretty(std::string& out, const boost::json::value& value, int depth) {
  if (value.is_object()) {
    const auto& object = value.get_object();
    if (object.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& member : object) {
      if (!first) out += ",\n";
      first = false;
      write_indent(out, depth + 1);
      out += boost::json::serialize(boost::json::string_view(member.key()));
      out += ": ";
      write_pretty(out, member.value(), depth + 1);
    }
    out += '\n';
    write_indent(out, depth);
    out += '}';
    return;
  }

  if (value.is_array()) {
    const auto& array = value.get_array();
    if (array.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    bool first = true;
    for (const auto& element : array) {
      if (!first) out += ",\n";
      first = false;
      write_indent(out, depth + 1);
      write_pretty(out, element, depth + 1);
    }
    out += '\n';
    write_indent(out, depth);
    out += ']';
    return;
  }

  out += boost::json::serialize(value);
}

}  // namespace

JsonParseResult parse_json(std::string_view text) {
  boost::json::parse_options options;
  options.max_depth = max_json_depth;
  boost::json::stream_parser parser({}, options);

  boost::system::error_code error;
  const std::size_t consumed = parser.write(text.data(), text.size(), error);
  if (!error) parser.finish(error);
  if (error) {
    const std::size_t offset = error == boost::json::error::incomplete ? text.size() : consumed;
    return {std::nullopt, "invalid JSON at " + position_of(text, offset) + ": " + describe_parse_error(error)};
  }
  return {parser.release(), {}};
}

std::string to_pretty_json(const boost::json::value& value) {
  std::string out;
  write_pretty(out, value, 0);
  return out;
}

std::string_view kind_name(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "a number";
    case boost::json::kind::string: return "a string";
    case boost::json::kind::array: return "an array";
    case boost::json::kind::object: return "an object";
  }
  return "a value";
}

}  // namespace host_stub
