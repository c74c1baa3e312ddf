#include "digital_address.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <regex>
#include <vector>

namespace commprefs {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) { return std::all_of(text.begin(), text.end(), is_ascii_digit); }

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool is_valid_local_part(const std::string& local) {
  static const std::regex dot_atom(R"(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*$)",
                                   std::regex::icase);
  static const std::regex quoted(
      "^\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"$");
  return std::regex_match(local, dot_atom) || std::regex_match(local, quoted);
}

bool is_hostname_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-'; }

// Decodes UTF-8 into code points; false for a malformed sequence.
bool decode_utf8(std::string_view text, std::vector<std::uint32_t>& code_points) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    code_points.push_back(code_point);
    i += length;
  }
  return true;
}

// Punycode (RFC 3492) of one label, as IDNA puts it after "xn--".
std::string punycode(const std::vector<std::uint32_t>& input) {
  constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  const auto digit = [](std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + d - 26); };
  const auto adapt = [&](std::uint32_t delta, std::uint32_t points, bool first) {
    delta = first ? delta / damp : delta / 2;
    delta += delta / points;
    std::uint32_t k = 0;
    while (delta > ((base - tmin) * tmax) / 2) {
      delta /= base - tmin;
      k += base;
    }
    return k + (base - tmin + 1) * delta / (delta + skew);
  };

  std::string output;
  for (std::uint32_t c : input) {
    if (c < 0x80) output.push_back(static_cast<char>(c));
  }
  const auto basic = static_cast<std::uint32_t>(output.size());
  if (basic > 0) output.push_back('-');

  std::uint32_t n = 0x80, delta = 0, bias = 72, handled = basic;
  while (handled < input.size()) {
    std::uint32_t next = UINT32_MAX;
    for (std::uint32_t c : input) {
      if (c >= n && c < next) next = c;
    }
    delta += (next - n) * (handled + 1);
    n = next;
    for (std::uint32_t c : input) {
      if (c < n) ++delta;
      if (c != n) continue;
      std::uint32_t q = delta;
      for (std::uint32_t k = base;; k += base) {
        const std::uint32_t t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
        if (q < t) break;
        output.push_back(digit(t + (q - t) % (base - t)));
        q = (q - t) / (base - t);
      }
      output.push_back(digit(q));
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return output;
}

// The label as it travels in DNS: ASCII as it is, other labels as "xn--" and
// their punycode, which is what decides the length limit.
// NOTE: IDNA also case-folds and normalises non-ASCII letters (nameprep); this
// conversion does not, so a label's encoded length can differ slightly from Django's.
bool ascii_label(std::string_view label, std::string& ascii) {
  std::vector<std::uint32_t> code_points;
  if (!decode_utf8(label, code_points)) return false;
  const bool plain = std::all_of(code_points.begin(), code_points.end(), [](std::uint32_t c) { return c < 0x80; });
  ascii = plain ? std::string(label) : "xn--" + punycode(code_points);
  return true;
}

bool is_valid_hostname(std::string_view domain) {
  // Labels of 1 to 63 characters that neither start nor end with '-', at
  // least two of them, and a last label of at least two characters.
  std::size_t labels = 0;
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = std::min(domain.find('.', start), domain.size());
    std::string label;
    if (!ascii_label(domain.substr(start, dot - start), label)) return false;
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), is_hostname_character)) return false;
    ++labels;
    if (dot == domain.size()) return labels >= 2 && label.size() >= 2;
    start = dot + 1;
  }
  return false;
}

bool is_valid_address_literal(std::string_view domain) {
  static const std::regex ipv4(R"(^\[((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\]$)");
  static const std::regex ipv6(R"(^\[[0-9A-F:.]+\]$)", std::regex::icase);
  const std::string text(domain);
  return std::regex_match(text, ipv4) || (std::regex_match(text, ipv6) && text.find(':') != std::string::npos);
}

}  // namespace

std::optional<Channel> channel_from_type(std::string_view type) {
  if (type == "email") return Channel::email;
  if (type == "phoneNumber") return Channel::phone_number;
  return std::nullopt;
}

std::string_view type_name(Channel channel) { return channel == Channel::email ? "email" : "phoneNumber"; }

std::optional<Channel> channel_from_soort(std::string_view soort) {
  if (soort == "email") return Channel::email;
  if (soort == "telefoonnummer") return Channel::phone_number;
  return std::nullopt;
}

std::string_view soort_name(Channel channel) { return channel == Channel::email ? "email" : "telefoonnummer"; }

std::string normalise_phone_number(std::string_view typed) {
  std::string text(typed);

  // "+31 (0)6..." and "0031 (0)6...": the trunk zero in brackets is not dialled
  // after a country code, so it goes with its brackets.
  const bool international = starts_with(text, "+") || starts_with(text, "00");
  if (international) {
    const auto trunk = text.find("(0)");
    if (trunk != std::string::npos) text.erase(trunk, 3);
  }

  std::string normalised;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t') continue;
    normalised.push_back(c);
  }
  return normalised;
}

PhoneProblem check_phone_number(std::string_view number) {
  if (number.empty()) return PhoneProblem::invalid_start;
  const bool plus = number.front() == '+';
  const std::string_view digits = plus ? number.substr(1) : number;
  if (!all_digits(digits) || digits.empty()) return PhoneProblem::invalid_characters;

  if (plus) {
    return digits.size() >= 9 && digits.size() <= 15 ? PhoneProblem::none : PhoneProblem::international_length;
  }
  if (starts_with(digits, "00")) {
    const std::size_t rest = digits.size() - 2;
    return rest >= 7 && rest <= 13 ? PhoneProblem::none : PhoneProblem::international_length;
  }
  if (digits.front() != '0') return PhoneProblem::invalid_start;
  for (std::string_view service : {"0800", "0900", "0906", "0909", "088"}) {
    if (starts_with(digits, service)) return PhoneProblem::service_number;
  }
  return digits.size() == 10 ? PhoneProblem::none : PhoneProblem::national_length;
}

bool is_valid_email(std::string_view address) {
  // Django rejects addresses longer than 320 characters before looking further.
  if (address.empty() || address.size() > 320) return false;
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;

  const std::string local(address.substr(0, at));
  const std::string_view domain = address.substr(at + 1);
  if (!is_valid_local_part(local)) return false;
  if (domain == "localhost") return true;
  if (domain.front() == '[') return is_valid_address_literal(domain);
  return is_valid_hostname(domain);
}

std::string comparison_key(Channel channel, std::string_view address) {
  if (channel == Channel::phone_number) return normalise_phone_number(address);
  std::string key(address);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

bool is_blank(std::string_view address) {
  return std::all_of(address.begin(), address.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

}  // namespace commprefs
