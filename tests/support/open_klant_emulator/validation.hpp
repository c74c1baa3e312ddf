// Value checks and a typed reader for request bodies that collects every problem
// as an InvalidParam, as Django REST framework does before it responds with 400.
#pragma once

#include "open_klant_emulator/api_errors.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openklant_emulator::detail {

// Django's EmailValidator: a dot-atom or quoted local part, and a domain that is
// "localhost", hostname labels ending in a top-level label of 2 to 63 characters,
// or an IP address literal in brackets.
bool is_valid_email(std::string_view value);

// Open Klant's telefoonnummer rule `^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$`,
// without the Dutch service numbers 0800, 0900, 0906 and 0909 that the pattern lets through.
bool is_valid_telefoonnummer(std::string_view value);

bool is_slug(std::string_view value);  // ^[-a-zA-Z0-9_]+$

// A hyphenated uuid in either case; normalized_uuid() lowercases it for lookups.
bool is_uuid(std::string_view value);
std::string normalized_uuid(std::string_view value);

// Why an identificator value is invalid for its codeSoortObjectId (a BSN or RSIN
// must pass the eleven test, a KVK number has 8 digits, a vestigingsnummer 12),
// or nothing when it is valid or the soort has no rule.
std::optional<std::string> partij_identificator_object_id_problem(std::string_view code_soort_object_id,
                                                                  std::string_view object_id);

enum class Requirement { optional, required };

// A {"uuid": ...} reference field that may also be null or absent.
struct ForeignKeyField {
  enum class State { absent, null, given, invalid };
  State state = State::absent;
  std::string uuid;  // normalized, when given
};

class FieldReader {
 public:
  // `prefix` goes before every reported name, e.g. "klantcontact." for nested objects.
  FieldReader(const boost::json::object& object, std::string prefix, std::vector<InvalidParam>& errors);

  bool has(std::string_view key) const;

  // Each reader returns nothing when the field is absent or invalid; invalid
  // values and missing required fields are reported.
  std::optional<std::string> string(std::string_view key, Requirement requirement, std::size_t max_length,
                                    bool allow_blank = true);
  std::optional<std::string> choice(std::string_view key, Requirement requirement,
                                    const std::vector<std::string>& choices);
  std::optional<bool> boolean(std::string_view key, Requirement requirement);
  // The outer optional is empty when the field is absent or invalid; the inner one when it is null.
  std::optional<std::optional<bool>> nullable_boolean(std::string_view key);
  ForeignKeyField foreign_key(std::string_view key);
  // Returns nullptr when the field is absent, null (if allowed) or not an object.
  const boost::json::object* object(std::string_view key, Requirement requirement, bool nullable);

  void add_error(std::string_view key, std::string code, std::string reason);
  std::string name(std::string_view key) const { return prefix_ + std::string(key); }

 private:
  const boost::json::value* present_value(std::string_view key, Requirement requirement, bool nullable);

  const boost::json::object& object_;
  std::string prefix_;
  std::vector<InvalidParam>& errors_;
};

// Reads the body as a JSON object; reports a parse error or a non-object as the
// Response to send instead.
struct ParsedBody {
  boost::json::object object;
  std::optional<Response> error;
};
ParsedBody parse_body(const std::string& api_root, std::string_view body);

}  // namespace openklant_emulator::detail
