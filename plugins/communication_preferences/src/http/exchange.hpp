// The network steps of an HTTP exchange: open a connection, exchange one request and
// response on it, close it. Every step is bounded by the deadline of the send() it
// belongs to.
//
// Internal to src/http: this header includes Boost.Asio and Boost.Beast.

#pragma once

#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "http/connection.hpp"
#include "http/http_client.hpp"
#include "http/request_message.hpp"
#include "http/url.hpp"

namespace commprefs::http {

// Limits of one send(), shared by all its steps, a retry included.
struct ExchangeLimits {
  std::chrono::milliseconds timeout;               // the whole send(), as named in timeout errors
  std::chrono::steady_clock::time_point deadline;  // the moment the timeout runs out
  std::size_t max_response_bytes;                  // maximum body size
};

// A complete response and whether its connection can carry another request.
struct ExchangeResult {
  HttpResponse response;
  // True when neither the request nor the response asked to close the connection, the
  // response length was known from its header, and no bytes followed the response.
  bool connection_reusable = false;
};

// TransportError for an exchange that failed before any byte of the response arrived:
// writing the request failed, or the server closed the connection or reset it instead
// of responding. A timeout is never reported this way.
class NoResponseError : public TransportError {
 public:
  using TransportError::TransportError;
};

// Opens a connection to the server of `url`: resolve, connect, and with tls_context
// the TLS handshake, which verifies that the server certificate is issued for
// url.host. Throws TransportError when a step fails or the deadline passes.
std::unique_ptr<Connection> open_connection(const Url& url, boost::asio::ssl::context* tls_context,
                                            const ExchangeLimits& limits);

// Sends `message` on `connection` and reads the response. Throws NoResponseError when
// the exchange failed before any byte of the response arrived, and TransportError for
// any other failure. After either, the connection must be discarded.
ExchangeResult exchange(Connection& connection, const Url& url, const RequestMessage& message,
                        const ExchangeLimits& limits);

// Closes a connection after a complete response. For TLS it sends close_notify and
// waits briefly for the server's.
void close_connection(Connection& connection, const Url& url, const ExchangeLimits& limits);

}  // namespace commprefs::http
