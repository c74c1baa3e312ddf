// URL parsing and building for the HTTP client.
//
// Only absolute http:// and https:// URLs are accepted, because the plugin talks to
// one kind of server: a REST API reached through its configured API root.

#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace commprefs::http {

// Error raised for a URL that parse_url() or build_url() rejects. The message names
// the URL and the problem.
class UrlError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// An absolute http(s) URL split into the parts a request needs.
struct Url {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // lower case, and an IPv6 literal without its brackets ("::1")
  std::string port;    // decimal, the scheme's default port when the URL has none
  std::string target;  // path and query, "/" when the URL has no path, without the fragment
};

// Parses an absolute http or https URL. The default port is 80 for http and 443 for
// https, and an IPv6 literal is written in brackets ("https://[::1]:8443/").
// Throws UrlError for another scheme, a missing host, an invalid port, user
// credentials in the URL, or a space or control character anywhere in it.
Url parse_url(std::string_view url);

// Returns the host and port as they appear in a Host header and in error messages:
// "example.org:8443", or "[::1]:8443" for an IPv6 literal.
std::string host_and_port(const Url& url);

// Percent-encodes every byte outside the RFC 3986 unreserved set (letters, digits,
// "-", ".", "_" and "~") as %XX with upper-case hex digits. A space becomes %20 and
// "@" becomes %40, so "devilkiller@example.org" is sent as "devilkiller%40example.org".
std::string percent_encode(std::string_view value);

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

// Builds "<api_root><path>?k1=v1&k2=v2" with keys and values percent-encoded, in the
// order given. api_root must end with "/" and path must be relative
// ("digitaleadressen", "partijen/<uuid>"); UrlError names the violated rule otherwise.
// Without query parameters no "?" is added.
std::string build_url(std::string_view api_root, std::string_view path, const QueryParameters& query);

}  // namespace commprefs::http
