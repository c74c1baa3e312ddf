#include "http/exchange.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "http/error_text.hpp"

namespace commprefs::http {

namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

// Maximum wait for the server's close_notify once the response is complete. The
// response is already valid by then, so a slow close is cut short rather than
// charged against the rest of the timeout.
constexpr std::chrono::milliseconds tls_shutdown_wait{1000};

bool is_ip_literal(const std::string& host) {
  error_code error;
  net::ip::make_address(host, error);
  return !error;
}

// Returns whether an OpenSSL error is a TLS alert by which the server rejected the
// client certificate, or its absence.
bool is_client_certificate_alert(const error_code& error) {
  if (error.category() != net::error::get_ssl_category()) {
    return false;
  }
  switch (ERR_GET_REASON(static_cast<unsigned long>(error.value()))) {
    case SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED:
    case SSL_R_SSLV3_ALERT_BAD_CERTIFICATE:
    case SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN:
    case SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED:
    case SSL_R_TLSV1_ALERT_UNKNOWN_CA:
    case SSL_R_TLSV1_ALERT_ACCESS_DENIED:
      return true;
    default:
      return false;
  }
}

bool is_truncated_response(const error_code& error) {
  return error == beast_http::error::partial_message || error == beast_http::error::end_of_stream ||
         error == ssl::error::stream_truncated;
}

// The network steps of one send() on one connection. All steps share the send()'s
// deadline and run their asynchronous operation on the connection's io_context,
// driven by the calling thread.
class Exchange {
 public:
  Exchange(const Url& url, const ExchangeLimits& limits, net::io_context& io_context)
      : url_(url), endpoint_(host_and_port(url)), limits_(limits), io_context_(io_context) {}

  tcp::resolver::results_type resolve();
  void connect(beast::tcp_stream& stream, const tcp::resolver::results_type& endpoints);
  void prepare_tls(TlsStream& stream);
  void handshake(TlsStream& stream);

  template <class Stream>
  void write_request(Stream& stream, const RequestMessage& message);

  template <class Stream>
  ExchangeResult read_response(Stream& stream, bool is_head_request);

  void close(beast::tcp_stream& stream);
  void close(TlsStream& stream);

 private:
  template <class StartOperation>
  error_code run_operation(StartOperation&& start_operation);

  void fail_if_timed_out(const error_code& error, std::string_view step) const;
  std::string failure_message(const std::string& what_failed, const error_code& error, std::string_view advice) const;
  [[noreturn]] void fail(TransportErrorKind kind, const std::string& what_failed, const error_code& error,
                         std::string_view advice) const;
  [[noreturn]] void fail_without_response(TransportErrorKind kind, const std::string& what_failed,
                                          const error_code& error, std::string_view advice) const;

  Url url_;
  std::string endpoint_;
  ExchangeLimits limits_;
  net::io_context& io_context_;
};

// Starts one asynchronous operation through `start_operation`, which receives the
// completion handler, and runs the io_context until the operation and its timers are
// done. Returns the operation's error.
template <class StartOperation>
error_code Exchange::run_operation(StartOperation&& start_operation) {
  error_code result;
  std::forward<StartOperation>(start_operation)([&result](error_code error, auto&&...) { result = error; });
  io_context_.restart();
  io_context_.run();
  return result;
}

tcp::resolver::results_type Exchange::resolve() {
  // The lookup runs on a thread that Asio starts for the resolver's io_context and
  // stops only when that io_context is destroyed. A private io_context therefore
  // keeps the thread from living on with a pooled connection.
  net::io_context resolve_context;
  tcp::resolver resolver(resolve_context);
  net::steady_timer deadline_timer(resolve_context, limits_.deadline);
  tcp::resolver::results_type endpoints;
  error_code error;
  bool timed_out = false;

  // Resolve the host name. The timer cancels the lookup at the deadline.
  resolver.async_resolve(url_.host, url_.port, tcp::resolver::numeric_service,
                         [&](const error_code& resolve_error, tcp::resolver::results_type results) {
                           error = resolve_error;
                           endpoints = std::move(results);
                           deadline_timer.cancel();
                         });
  deadline_timer.async_wait([&](const error_code& timer_error) {
    if (!timer_error) {
      timed_out = true;
      resolver.cancel();
    }
  });
  resolve_context.run();

  if (timed_out) {
    fail_if_timed_out(beast::error::timeout, "while resolving the host name");
  }
  if (error) {
    fail(TransportErrorKind::resolve, "Resolving the host name " + url_.host, error,
         "Check the host name in the URL and the DNS settings of this server.");
  }
  return endpoints;
}

void Exchange::connect(beast::tcp_stream& stream, const tcp::resolver::results_type& endpoints) {
  // Connect to the first address that accepts, in the order the resolver returned.
  stream.expires_at(limits_.deadline);
  const error_code error = run_operation([&](auto handler) { stream.async_connect(endpoints, std::move(handler)); });

  fail_if_timed_out(error, "while connecting");
  if (error) {
    fail(TransportErrorKind::connect, "Connecting to " + endpoint_, error,
         "Check that the service runs on this host and port and that a firewall does not block it.");
  }
}

void Exchange::prepare_tls(TlsStream& stream) {
  SSL* ssl_handle = stream.native_handle();

  // Send the host name (SNI) so that a server with several names presents the right
  // certificate. RFC 6066 allows only DNS names there, not IP addresses.
  if (!is_ip_literal(url_.host) && SSL_set_tlsext_host_name(ssl_handle, url_.host.c_str()) != 1) {
    fail(TransportErrorKind::tls_setup, "Setting the TLS server name for " + endpoint_,
         error_code(static_cast<int>(ERR_get_error()), net::error::get_ssl_category()), "");
  }

  // host_name_verification rejects a certificate that is not issued for the host.
  // SSL_set1_host makes OpenSSL run the same check itself, so that a rejection records
  // the reason ("hostname mismatch") for the error message. OpenSSL 3 also accepts an
  // IP address here and then compares it with the certificate's IP addresses.
  if (SSL_set1_host(ssl_handle, url_.host.c_str()) != 1) {
    fail(TransportErrorKind::tls_setup, "Setting the expected certificate host name for " + endpoint_,
         error_code(static_cast<int>(ERR_get_error()), net::error::get_ssl_category()), "");
  }
  stream.set_verify_callback(ssl::host_name_verification(url_.host));
}

void Exchange::handshake(TlsStream& stream) {
  // Perform the TLS handshake, which verifies the server certificate.
  beast::get_lowest_layer(stream).expires_at(limits_.deadline);
  const error_code error =
      run_operation([&](auto handler) { stream.async_handshake(ssl::stream_base::client, std::move(handler)); });

  fail_if_timed_out(error, "during the TLS handshake");
  if (!error) {
    return;
  }

  const long verify_result = SSL_get_verify_result(stream.native_handle());
  if (verify_result != X509_V_OK) {
    const bool is_name_mismatch =
        verify_result == X509_V_ERR_HOSTNAME_MISMATCH || verify_result == X509_V_ERR_IP_ADDRESS_MISMATCH;
    const std::string reason = describe_error(error) + " (" + X509_verify_cert_error_string(verify_result) + ")";
    throw TransportError(TransportErrorKind::certificate,
                         "TLS handshake with " + endpoint_ + " failed: " + reason + ". " +
                             (is_name_mismatch ? "Check that the URL uses a host name the server certificate is issued for."
                                               : "Check server_ca_file."));
  }
  if (is_client_certificate_alert(error)) {
    fail(TransportErrorKind::tls_handshake, "TLS handshake with " + endpoint_, error,
         "The server rejected the client certificate or its absence. Check the client certificate and key files.");
  }
  fail(TransportErrorKind::tls_handshake, "TLS handshake with " + endpoint_, error,
       "Check that the service accepts TLS 1.2 or newer on this port and whether it requires a client certificate.");
}

template <class Stream>
void Exchange::write_request(Stream& stream, const RequestMessage& message) {
  // Send the request: header and body.
  beast::get_lowest_layer(stream).expires_at(limits_.deadline);
  const error_code error = run_operation([&](auto handler) { beast_http::async_write(stream, message, std::move(handler)); });

  fail_if_timed_out(error, "while sending the request");
  if (error) {
    fail_without_response(TransportErrorKind::write, "Sending the request to " + endpoint_, error, "");
  }
}

template <class Stream>
ExchangeResult Exchange::read_response(Stream& stream, bool is_head_request) {
  beast::flat_buffer buffer;
  beast_http::response_parser<beast_http::string_body> parser;
  parser.body_limit(static_cast<std::uint64_t>(limits_.max_response_bytes));
  // A response to HEAD announces a Content-Length but carries no body.
  parser.skip(is_head_request);

  // Read the whole response. The parser stops at the body limit.
  beast::get_lowest_layer(stream).expires_at(limits_.deadline);
  const error_code error =
      run_operation([&](auto handler) { beast_http::async_read(stream, buffer, parser, std::move(handler)); });

  fail_if_timed_out(error, "while reading the response");
  if (error == beast_http::error::body_limit) {
    throw TransportError(TransportErrorKind::response_too_large,
                         "The response from " + endpoint_ + " is larger than the limit of " +
                             std::to_string(limits_.max_response_bytes) + " bytes.");
  }
  if (error && is_client_certificate_alert(error)) {
    // With TLS 1.3 the server checks the client certificate after the client has
    // finished its handshake, so the rejection arrives with the response.
    fail(TransportErrorKind::read, "Reading the response from " + endpoint_, error,
         "The server rejected the client certificate or its absence. Check the client certificate and key files.");
  }
  if (error) {
    const std::string advice =
        is_truncated_response(error) ? "The server closed the connection before the response was complete." : "";
    const bool nothing_received = !parser.got_some() && buffer.size() == 0;
    if (nothing_received) {
      fail_without_response(TransportErrorKind::read, "Reading the response from " + endpoint_, error, advice);
    }
    fail(TransportErrorKind::read, "Reading the response from " + endpoint_, error, advice);
  }

  ExchangeResult result;
  // parser.keep_alive() is false when the response requests Connection: close, and
  // also when its body ends only where the connection ends. Bytes after the response
  // were not requested, so the connection is not trusted with another request.
  result.connection_reusable = parser.keep_alive() && buffer.size() == 0;

  auto& message = parser.get();
  result.response.status = static_cast<int>(message.result_int());
  result.response.content_type = std::string(message[beast_http::field::content_type]);
  result.response.body = std::move(message.body());
  return result;
}

void Exchange::close(beast::tcp_stream& stream) {
  // Close the connection. The response is complete, so a failed shutdown cannot change
  // the result and its error is ignored.
  error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream.close();
}

void Exchange::close(TlsStream& stream) {
  // Close the TLS session: send close_notify and wait briefly for the server's. Its
  // error is ignored because the response is complete and already validated by its
  // framing. The usual one is "stream truncated", from a server that closes the TCP
  // connection without sending close_notify.
  beast::get_lowest_layer(stream).expires_at(std::min(limits_.deadline, Clock::now() + tls_shutdown_wait));
  run_operation([&](auto handler) { stream.async_shutdown(std::move(handler)); });
  beast::get_lowest_layer(stream).close();
}

void Exchange::fail_if_timed_out(const error_code& error, std::string_view step) const {
  const bool timed_out =
      error == beast::error::timeout || (error == net::error::operation_aborted && Clock::now() >= limits_.deadline);
  if (!timed_out) {
    return;
  }
  throw TransportError(TransportErrorKind::timeout,
                       "The request to " + endpoint_ + " timed out after " + std::to_string(limits_.timeout.count()) +
                           " ms " + std::string(step) +
                           ". Check that the service is reachable and responding, or raise the timeout.");
}

std::string Exchange::failure_message(const std::string& what_failed, const error_code& error,
                                      std::string_view advice) const {
  std::string message = what_failed + " failed: " + describe_error(error) + ".";
  if (!advice.empty()) {
    message += ' ';
    message += advice;
  }
  return message;
}

void Exchange::fail(TransportErrorKind kind, const std::string& what_failed, const error_code& error,
                    std::string_view advice) const {
  throw TransportError(kind, failure_message(what_failed, error, advice));
}

void Exchange::fail_without_response(TransportErrorKind kind, const std::string& what_failed, const error_code& error,
                                     std::string_view advice) const {
  throw NoResponseError(kind, failure_message(what_failed, error, advice));
}

}  // namespace

std::unique_ptr<Connection> open_connection(const Url& url, ssl::context* tls_context, const ExchangeLimits& limits) {
  auto connection = std::make_unique<Connection>(tls_context);
  Exchange exchange(url, limits, connection->io_context());

  if (!connection->is_tls()) {
    exchange.connect(connection->tcp_stream(), exchange.resolve());
    return connection;
  }
  exchange.prepare_tls(connection->tls_stream());
  exchange.connect(connection->tcp_stream(), exchange.resolve());
  exchange.handshake(connection->tls_stream());
  return connection;
}

ExchangeResult exchange(Connection& connection, const Url& url, const RequestMessage& message,
                        const ExchangeLimits& limits) {
  Exchange exchange(url, limits, connection.io_context());
  const bool is_head_request = message.method() == beast_http::verb::head;

  ExchangeResult result;
  if (connection.is_tls()) {
    exchange.write_request(connection.tls_stream(), message);
    result = exchange.read_response(connection.tls_stream(), is_head_request);
  } else {
    exchange.write_request(connection.tcp_stream(), message);
    result = exchange.read_response(connection.tcp_stream(), is_head_request);
  }

  // A request with Connection: close has already made the server close.
  result.connection_reusable = result.connection_reusable && message.keep_alive();
  return result;
}

void close_connection(Connection& connection, const Url& url, const ExchangeLimits& limits) {
  Exchange exchange(url, limits, connection.io_context());
  if (connection.is_tls()) {
    exchange.close(connection.tls_stream());
  } else {
    exchange.close(connection.tcp_stream());
  }
}

}  // namespace commprefs::http
