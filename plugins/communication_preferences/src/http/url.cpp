#include "http/url.hpp"

#include <cstddef>

namespace commprefs::http {

namespace {

[[noreturn]] void reject_url(std::string_view url, std::string_view problem) {
  std::string message = "Invalid URL \"";
  message += url;
  message += "\": ";
  message += problem;
  throw UrlError(message);
}

// The character tests below are ASCII-only on purpose: the <cctype> functions follow
// the process locale, which the host application may have changed.
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string to_lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lowered;
}

bool is_space_or_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7f;
}

bool is_unreserved(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Splits "host", "host:port", "[v6]" or "[v6]:port" into url.host and url.port.
void parse_authority(std::string_view url, std::string_view authority, Url& result) {
  if (authority.find('@') != std::string_view::npos) {
    reject_url(url, "user credentials in the URL are not supported. Configure authentication as a header instead.");
  }

  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t closing = authority.find(']');
    if (closing == std::string_view::npos) {
      reject_url(url, "the IPv6 address has no closing \"]\".");
    }
    result.host = to_lower(authority.substr(1, closing - 1));
    const std::string_view rest = authority.substr(closing + 1);
    if (!rest.empty() && rest.front() != ':') {
      reject_url(url, "unexpected characters after the IPv6 address.");
    }
    if (!rest.empty()) {
      port = rest.substr(1);
    }
  } else {
    const std::size_t colon = authority.find(':');
    result.host = to_lower(authority.substr(0, colon));
    if (colon != std::string_view::npos) {
      port = authority.substr(colon + 1);
    }
  }

  if (result.host.empty()) {
    reject_url(url, "the host is missing.");
  }

  // An empty port ("host:") means the default port, as RFC 3986 section 3.2.3 allows.
  if (port.empty()) {
    result.port = result.scheme == "https" ? "443" : "80";
    return;
  }
  if (port.size() > 5) {
    reject_url(url, "the port must be a number from 1 to 65535.");
  }
  unsigned long number = 0;
  for (char c : port) {
    if (!is_ascii_digit(c)) {
      reject_url(url, "the port must be a number from 1 to 65535.");
    }
    number = number * 10 + static_cast<unsigned long>(c - '0');
  }
  if (number == 0 || number > 65535) {
    reject_url(url, "the port must be a number from 1 to 65535.");
  }
  result.port = std::to_string(number);
}

}  // namespace

Url parse_url(std::string_view url) {
  Url result;

  for (char c : url) {
    if (is_space_or_control(c)) {
      reject_url(url, "it contains a space or control character, which must be percent-encoded.");
    }
  }

  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    reject_url(url, "it is not an absolute URL. It must start with https:// or http://.");
  }
  result.scheme = to_lower(url.substr(0, scheme_end));
  if (result.scheme != "http" && result.scheme != "https") {
    reject_url(url, "the scheme must be https or http.");
  }

  const std::string_view rest = url.substr(scheme_end + 3);
  const std::size_t authority_end = rest.find_first_of("/?#");
  parse_authority(url, rest.substr(0, authority_end), result);

  // The fragment stays with the client: it is never sent to the server.
  std::string_view target = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  target = target.substr(0, target.find('#'));
  result.target = target.empty() || target.front() != '/' ? "/" + std::string(target) : std::string(target);
  return result;
}

std::string host_and_port(const Url& url) {
  const bool is_ipv6_literal = url.host.find(':') != std::string::npos;
  if (is_ipv6_literal) {
    return "[" + url.host + "]:" + url.port;
  }
  return url.host + ":" + url.port;
}

std::string percent_encode(std::string_view value) {
  static constexpr char hex_digits[] = "0123456789ABCDEF";

  std::string encoded;
  encoded.reserve(value.size());
  for (char c : value) {
    if (is_unreserved(c)) {
      encoded += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    encoded += '%';
    encoded += hex_digits[byte >> 4];
    encoded += hex_digits[byte & 0x0f];
  }
  return encoded;
}

std::string build_url(std::string_view api_root, std::string_view path, const QueryParameters& query) {
  if (api_root.empty() || api_root.back() != '/') {
    reject_url(api_root, "the API root must end with \"/\".");
  }
  if (!path.empty() && path.front() == '/') {
    reject_url(path, "the path must be relative to the API root, without a leading \"/\".");
  }

  std::string url(api_root);
  url += path;

  char separator = '?';
  for (const auto& [key, value] : query) {
    url += separator;
    url += percent_encode(key);
    url += '=';
    url += percent_encode(value);
    separator = '&';
  }
  return url;
}

}  // namespace commprefs::http
