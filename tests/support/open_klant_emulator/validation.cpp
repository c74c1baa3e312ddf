#include "open_klant_emulator/validation.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool is_atom_character(char c) {
  static const std::string specials = "!#$%&'*+/=?^_`{|}~-";
  return is_ascii_alnum(c) || specials.find(c) != std::string::npos;
}

bool is_dot_atom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  char previous = '\0';
  for (const char c : text) {
    if (c == '.' && previous == '.') return false;
    if (c != '.' && !is_atom_character(c)) return false;
    previous = c;
  }
  return true;
}

// A quoted local part: printable characters except '"' and '\', or a
// backslash-escaped character; no tab, CR, LF or NUL unescaped.
bool is_quoted_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
  const auto inner = text.substr(1, text.size() - 2);
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const auto c = static_cast<unsigned char>(inner[i]);
    if (c == '\\') {
      if (++i == inner.size()) return false;
      const auto escaped = static_cast<unsigned char>(inner[i]);
      if (escaped == 0 || escaped == '\n' || escaped == '\r' || escaped > 127) return false;
      continue;
    }
    if (c == 0 || c == '\t' || c == '\n' || c == '\r' || c == ' ' || c == '"' || c > 127) return false;
  }
  return true;
}

bool is_label_character(char c) {
  return is_ascii_alnum(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

// Characters, not bytes: a UTF-8 continuation byte does not count.
std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_hostname_label(std::string_view label) {
  if (label.empty() || character_count(label) > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), is_label_character);
}

bool is_top_level_label(std::string_view label) {
  const auto characters = character_count(label);
  if (characters < 2 || characters > 63 || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), is_label_character);
}

// NOTE: Django checks a domain with non-ASCII letters after IDNA encoding.
// This check accepts such labels as they are and counts characters, so a label
// whose punycode form is longer than 63 characters passes here.
bool is_valid_email_domain(std::string_view domain) {
  if (domain == "localhost") return true;

  if (domain.size() > 2 && domain.front() == '[' && domain.back() == ']') {
    const std::string literal(domain.substr(1, domain.size() - 2));
    unsigned char address[16];
    return inet_pton(AF_INET, literal.c_str(), address) == 1 || inet_pton(AF_INET6, literal.c_str(), address) == 1;
  }

  const auto last_dot = domain.rfind('.');
  if (last_dot == std::string_view::npos) return false;
  if (!is_top_level_label(domain.substr(last_dot + 1))) return false;

  std::size_t start = 0;
  while (start <= last_dot) {
    const auto dot = domain.find('.', start);
    if (!is_hostname_label(domain.substr(start, dot - start))) return false;
    start = dot + 1;
  }
  return true;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool passes_eleven_test(std::string_view nine_digits) {
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (nine_digits[i] - '0') * (9 - i);
  sum -= nine_digits[8] - '0';
  return sum % 11 == 0;
}

std::string type_name(const json::value& value) {
  switch (value.kind()) {
    case json::kind::array: return "list";
    case json::kind::string: return "str";
    case json::kind::bool_: return "bool";
    case json::kind::null: return "null";
    case json::kind::object: return "dict";
    default: return "number";
  }
}

}  // namespace

bool is_valid_email(std::string_view value) {
  if (value.empty() || value.size() > 320) return false;
  const auto at = value.rfind('@');
  if (at == std::string_view::npos) return false;
  const auto user = value.substr(0, at);
  const auto domain = value.substr(at + 1);
  if (!is_dot_atom(user) && !is_quoted_string(user)) return false;
  return is_valid_email_domain(domain);
}

bool is_valid_telefoonnummer(std::string_view value) {
  static const std::regex pattern("^(0[1-9][0-9]{8}|\\+[0-9]{9,15}|00[0-9]{7,13})$");
  if (!std::regex_match(value.begin(), value.end(), pattern)) return false;
  // The OpenAPI 2.14 description of adres lists 0800, 0900 and 088 numbers as
  // not allowed, although the regex alone accepts 10-digit 088 numbers.
  for (const std::string_view service_prefix : {"0800", "0900", "0906", "0909", "088"}) {
    if (value.substr(0, service_prefix.size()) == service_prefix) return false;
  }
  return true;
}

bool is_slug(std::string_view value) {
  return !value.empty() &&
         std::all_of(value.begin(), value.end(), [](char c) { return is_ascii_alnum(c) || c == '-' || c == '_'; });
}

bool is_uuid(std::string_view value) {
  if (value.size() != 36) return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const bool hyphen_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (hyphen_position != (value[i] == '-')) return false;
    if (!hyphen_position && !std::isxdigit(static_cast<unsigned char>(value[i]))) return false;
  }
  return true;
}

std::string normalized_uuid(std::string_view value) {
  std::string text(value);
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<std::string> partij_identificator_object_id_problem(std::string_view code_soort_object_id,
                                                                  std::string_view object_id) {
  if (code_soort_object_id == "bsn" || code_soort_object_id == "rsin") {
    if (object_id.size() != 9 || !all_digits(object_id)) return "A " + std::string(code_soort_object_id) + " has exactly 9 digits.";
    if (!passes_eleven_test(object_id)) return "The " + std::string(code_soort_object_id) + " fails the eleven test.";
  }
  if (code_soort_object_id == "kvk_nummer" && (object_id.size() != 8 || !all_digits(object_id))) {
    return std::string("A kvk_nummer has exactly 8 digits.");
  }
  if (code_soort_object_id == "vestigingsnummer" && (object_id.size() != 12 || !all_digits(object_id))) {
    return std::string("A vestigingsnummer has exactly 12 digits.");
  }
  return std::nullopt;
}

FieldReader::FieldReader(const json::object& object, std::string prefix, std::vector<InvalidParam>& errors)
    : object_(object), prefix_(std::move(prefix)), errors_(errors) {}

bool FieldReader::has(std::string_view key) const { return object_.contains(key); }

void FieldReader::add_error(std::string_view key, std::string code, std::string reason) {
  errors_.push_back({name(key), std::move(code), std::move(reason)});
}

const json::value* FieldReader::present_value(std::string_view key, Requirement requirement, bool nullable) {
  const auto* value = object_.if_contains(key);
  if (!value) {
    if (requirement == Requirement::required) add_error(key, "required", "This field is required.");
    return nullptr;
  }
  if (value->is_null()) {
    if (!nullable) add_error(key, "null", "This field may not be null.");
    return nullptr;
  }
  return value;
}

std::optional<std::string> FieldReader::string(std::string_view key, Requirement requirement, std::size_t max_length,
                                               bool allow_blank) {
  const auto* value = present_value(key, requirement, false);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    add_error(key, "invalid", "Not a valid string.");
    return std::nullopt;
  }
  std::string text(value->get_string());
  if (!allow_blank && text.empty()) {
    add_error(key, "blank", "This field may not be blank.");
    return std::nullopt;
  }
  if (text.size() > max_length) {
    add_error(key, "max_length", "Ensure this field has no more than " + std::to_string(max_length) + " characters.");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> FieldReader::choice(std::string_view key, Requirement requirement,
                                               const std::vector<std::string>& choices) {
  const auto* value = present_value(key, requirement, false);
  if (!value) return std::nullopt;
  const std::string text = value->is_string() ? std::string(value->get_string()) : json::serialize(*value);
  if (!value->is_string() || std::find(choices.begin(), choices.end(), text) == choices.end()) {
    add_error(key, "invalid_choice", "\"" + text + "\" is not a valid choice.");
    return std::nullopt;
  }
  return text;
}

std::optional<bool> FieldReader::boolean(std::string_view key, Requirement requirement) {
  const auto* value = present_value(key, requirement, false);
  if (!value) return std::nullopt;
  if (!value->is_bool()) {
    add_error(key, "invalid", "Must be a valid boolean.");
    return std::nullopt;
  }
  return value->get_bool();
}

std::optional<std::optional<bool>> FieldReader::nullable_boolean(std::string_view key) {
  const auto* value = object_.if_contains(key);
  std::optional<std::optional<bool>> result;
  if (!value) return result;
  if (value->is_null()) {
    result.emplace(std::nullopt);
    return result;
  }
  if (!value->is_bool()) {
    add_error(key, "invalid", "Must be a valid boolean.");
    return result;
  }
  result.emplace(value->get_bool());
  return result;
}

ForeignKeyField FieldReader::foreign_key(std::string_view key) {
  const auto* value = object_.if_contains(key);
  if (!value) return {};
  if (value->is_null()) return {ForeignKeyField::State::null, {}};
  if (!value->is_object()) {
    add_error(key, "invalid", "Invalid data. Expected a dictionary, but got " + type_name(*value) + ".");
    return {ForeignKeyField::State::invalid, {}};
  }

  const auto* uuid = value->get_object().if_contains("uuid");
  const std::string uuid_name = std::string(key) + ".uuid";
  if (!uuid) {
    add_error(uuid_name, "required", "This field is required.");
    return {ForeignKeyField::State::invalid, {}};
  }
  if (!uuid->is_string() || !is_uuid(uuid->get_string())) {
    add_error(uuid_name, "invalid", "Must be a valid UUID.");
    return {ForeignKeyField::State::invalid, {}};
  }
  return {ForeignKeyField::State::given, normalized_uuid(uuid->get_string())};
}

const json::object* FieldReader::object(std::string_view key, Requirement requirement, bool nullable) {
  const auto* value = present_value(key, requirement, nullable);
  if (!value) return nullptr;
  if (!value->is_object()) {
    add_error(key, "invalid", "Invalid data. Expected a dictionary, but got " + type_name(*value) + ".");
    return nullptr;
  }
  return &value->get_object();
}

ParsedBody parse_body(const std::string& api_root, std::string_view body) {
  ParsedBody parsed;
  boost::system::error_code error;
  const auto document = json::parse(body, error);
  if (error) {
    parsed.error = error_response(api_root, 400, "ParseError", "parse_error", "Malformed request.",
                                  "JSON parse error - " + error.message());
    return parsed;
  }
  if (!document.is_object()) {
    parsed.error = validation_error(
        api_root, {{"nonFieldErrors", "invalid", "Invalid data. Expected a dictionary, but got " + type_name(document) + "."}});
    return parsed;
  }
  parsed.object = document.get_object();
  return parsed;
}

}  // namespace openklant_emulator::detail
