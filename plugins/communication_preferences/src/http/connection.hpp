// One open TCP or TLS connection, kept between exchanges when it may be reused.
//
// Internal to src/http: this header includes Boost.Asio and Boost.Beast.

#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <optional>

namespace commprefs::http {

using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// A stream and the io_context that runs its operations. The io_context belongs to
// the connection rather than to a thread, so that one thread after another can use
// a pooled connection. Two threads must never use it at the same time.
// Destroying a connection closes its socket without a TLS close_notify, which is
// what happens to a connection after a failed exchange or when the pool drops it.
class Connection {
 public:
  // Creates an unconnected TCP stream, with a TLS stream over it when tls_context is
  // not null. tls_context must outlive the connection.
  explicit Connection(boost::asio::ssl::context* tls_context);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  boost::asio::io_context& io_context() { return io_context_; }

  bool is_tls() const { return tls_stream_.has_value(); }

  // Returns the TCP layer, which for a TLS connection is the one below the TLS stream.
  boost::beast::tcp_stream& tcp_stream();

  // Returns the TLS stream. Only valid when is_tls() is true.
  TlsStream& tls_stream() { return *tls_stream_; }

  // Checks without blocking whether the idle connection can carry another request.
  // Returns false when the socket is closed, the server has closed its side, or bytes
  // are waiting that no request asked for (for TLS, usually a close_notify alert).
  bool is_usable_when_idle();

 private:
  // Declared first, so that it is destroyed after the streams that use it.
  boost::asio::io_context io_context_;
  std::optional<boost::beast::tcp_stream> plain_stream_;
  std::optional<TlsStream> tls_stream_;
};

}  // namespace commprefs::http
