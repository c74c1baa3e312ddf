#include "http/connection.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace commprefs::http {

Connection::Connection(boost::asio::ssl::context* tls_context) {
  if (tls_context != nullptr) {
    tls_stream_.emplace(io_context_, *tls_context);
  } else {
    plain_stream_.emplace(io_context_);
  }
}

boost::beast::tcp_stream& Connection::tcp_stream() {
  return tls_stream_ ? tls_stream_->next_layer() : *plain_stream_;
}

bool Connection::is_usable_when_idle() {
  boost::asio::ip::tcp::socket& socket = tcp_stream().socket();
  if (!socket.is_open()) {
    return false;
  }

  // Peek at one byte without waiting. "Would block" means nothing has arrived, which
  // is the only state in which an idle connection can carry another request. End of
  // file, an error or a waiting byte all make it unusable.
  boost::system::error_code error;
  socket.non_blocking(true, error);
  if (error) {
    return false;
  }
  char byte = 0;
  socket.receive(boost::asio::buffer(&byte, 1), boost::asio::socket_base::message_peek, error);
  const bool nothing_arrived = error == boost::asio::error::would_block;

  // Restore the default mode. Its error is ignored because the exchange's
  // asynchronous operations work in either mode.
  boost::system::error_code ignored;
  socket.non_blocking(false, ignored);
  return nothing_arrived;
}

}  // namespace commprefs::http
