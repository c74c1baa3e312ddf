// Conversion of an HttpRequest into the HTTP/1.1 message that goes on the wire.
//
// Internal to src/http: this header includes Boost.Beast.

#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/http_client.hpp"
#include "http/url.hpp"

namespace commprefs::http {

using RequestMessage = boost::beast::http::request<boost::beast::http::string_body>;

inline constexpr const char* user_agent = "formplugin-communication-preferences/0.1";

// Builds the request message for `url`, the parsed form of request.url, with
// Connection: keep-alive when `keep_alive` is true and Connection: close otherwise.
// The other header rules are those documented at HttpClient::send().
// Throws std::invalid_argument when the method is empty or not an HTTP token, or when a
// header name or value could break the message framing. The error names the header but
// never its value, because values carry API tokens.
RequestMessage make_request_message(const HttpRequest& request, const Url& url, bool keep_alive);

}  // namespace commprefs::http
