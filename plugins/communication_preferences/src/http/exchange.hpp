// One HTTP exchange over a new connection, bounded by an overall deadline.
//
// Internal to src/http: this header includes Boost.Asio and Boost.Beast.

#pragma once

#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>

#include "http/http_client.hpp"
#include "http/request_message.hpp"
#include "http/url.hpp"

namespace commprefs::http {

struct ExchangeLimits {
  std::chrono::milliseconds timeout;  // for the whole exchange, from resolve to the last byte read
  std::size_t max_response_bytes;     // maximum body size
};

// Sends `message` to the server of `url` over plain TCP and returns the response.
// Throws TransportError when a step fails or the deadline passes.
HttpResponse exchange_over_tcp(const Url& url, const RequestMessage& message, const ExchangeLimits& limits);

// Sends `message` to the server of `url` over TLS with `tls_context`, verifying that
// the server certificate is issued for url.host, and returns the response.
// Throws TransportError when a step fails or the deadline passes.
HttpResponse exchange_over_tls(const Url& url, const RequestMessage& message, const ExchangeLimits& limits,
                               boost::asio::ssl::context& tls_context);

}  // namespace commprefs::http
