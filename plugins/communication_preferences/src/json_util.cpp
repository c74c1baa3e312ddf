#include "json_util.hpp"

#include "errors.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace commprefs::json {
namespace {

std::string member_name(std::string_view what, std::string_view key) {
  return std::string(what) + "." + std::string(key);
}

[[noreturn]] void throw_wrong_type(std::string_view what, std::string_view key, std::string_view expected) {
  throw InvalidInput(member_name(what, key) + " must be " + std::string(expected) + ".");
}

}  // namespace

boost::json::value parse(std::string_view text, std::string_view what) {
  boost::json::parse_options options;
  options.max_depth = 64;

  boost::system::error_code error;
  boost::json::value document = boost::json::parse(text, error, {}, options);
  if (error) {
    throw InvalidInput(std::string(what) + " is not valid JSON: " + error.message() + ".");
  }
  return document;
}

boost::json::object parse_object(std::string_view text, std::string_view what) {
  boost::json::value document = parse(text, what);
  if (!document.is_object()) throw InvalidInput(std::string(what) + " must be a JSON object.");
  return std::move(document.as_object());
}

const boost::json::object* find_object(const boost::json::object& object, std::string_view key,
                                       std::string_view what) {
  const boost::json::value* member = object.if_contains(key);
  if (member == nullptr || member->is_null()) return nullptr;
  if (!member->is_object()) throw_wrong_type(what, key, "an object");
  return &member->get_object();
}

const boost::json::array* find_array(const boost::json::object& object, std::string_view key,
                                     std::string_view what) {
  const boost::json::value* member = object.if_contains(key);
  if (member == nullptr || member->is_null()) return nullptr;
  if (!member->is_array()) throw_wrong_type(what, key, "an array");
  return &member->get_array();
}

std::optional<std::string> find_string(const boost::json::object& object, std::string_view key,
                                       std::string_view what) {
  const boost::json::value* member = object.if_contains(key);
  if (member == nullptr || member->is_null()) return std::nullopt;
  if (!member->is_string()) throw_wrong_type(what, key, "a string");
  return std::string(member->get_string());
}

const boost::json::object& require_object(const boost::json::object& object, std::string_view key,
                                          std::string_view what) {
  const boost::json::object* found = find_object(object, key, what);
  if (found == nullptr) throw InvalidInput(member_name(what, key) + " is missing.");
  return *found;
}

std::string require_string(const boost::json::object& object, std::string_view key,
                           std::string_view what) {
  std::optional<std::string> found = find_string(object, key, what);
  if (!found) throw InvalidInput(member_name(what, key) + " is missing.");
  return *found;
}

bool bool_or(const boost::json::object& object, std::string_view key, bool fallback,
             std::string_view what) {
  const boost::json::value* member = object.if_contains(key);
  if (member == nullptr || member->is_null()) return fallback;
  if (!member->is_bool()) throw_wrong_type(what, key, "true or false");
  return member->get_bool();
}

std::string to_string(const boost::json::value& value) { return boost::json::serialize(value); }

}  // namespace commprefs::json
