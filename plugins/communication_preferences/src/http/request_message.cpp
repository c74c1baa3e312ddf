#include "http/request_message.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

namespace commprefs::http {

namespace beast_http = boost::beast::http;

namespace {

// RFC 9110 section 5.6.2: a token is one or more of these characters.
bool is_token(std::string_view text) {
  static constexpr std::string_view token_symbols = "!#$%&'*+-.^_`|~";
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    const bool is_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool is_digit = c >= '0' && c <= '9';
    if (!is_letter && !is_digit && token_symbols.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool is_safe_header_value(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

void validate_request(const HttpRequest& request) {
  if (!is_token(request.method)) {
    throw std::invalid_argument("The HTTP method \"" + request.method + "\" is not a valid method name.");
  }
  for (const auto& [name, value] : request.headers) {
    if (!is_token(name)) {
      throw std::invalid_argument("The header name \"" + name + "\" is not a valid header name.");
    }
    if (!is_safe_header_value(value)) {
      throw std::invalid_argument("The value of header " + name +
                                  " contains a line break or NUL character. Check the configured value.");
    }
  }
}

}  // namespace

RequestMessage make_request_message(const HttpRequest& request, const Url& url, bool keep_alive) {
  validate_request(request);

  RequestMessage message;
  message.version(11);
  message.method_string(request.method);
  message.target(url.target);

  // Defaults first, so that a header of the same name in the request replaces them.
  const bool is_default_port = (url.scheme == "https" && url.port == "443") || (url.scheme == "http" && url.port == "80");
  const std::string authority = host_and_port(url);
  message.set(beast_http::field::host, is_default_port ? authority.substr(0, authority.rfind(':')) : authority);
  message.set(beast_http::field::user_agent, user_agent);
  message.set(beast_http::field::accept, "application/json");
  message.set(beast_http::field::connection, keep_alive ? "keep-alive" : "close");
  if (!request.body.empty()) {
    message.set(beast_http::field::content_type, "application/json");
  }

  for (const auto& [name, value] : request.headers) {
    message.set(name, value);
  }

  // Sets Content-Length from the body, overriding any value given in the request.
  message.body() = request.body;
  message.prepare_payload();
  return message;
}

}  // namespace commprefs::http
