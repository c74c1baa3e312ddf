#include "loopback_server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <list>
#include <mutex>
#include <thread>

namespace commprefs::http::testing {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;

std::optional<std::string> ReceivedRequest::header(std::string_view name) const {
  for (const auto& [header_name, value] : headers) {
    if (beast::iequals(header_name, name)) {
      return value;
    }
  }
  return std::nullopt;
}

namespace {

ssl::context make_server_tls_context(const ServerTlsFiles& files) {
  ssl::context context(ssl::context::tls_server);
  context.use_certificate_chain_file(files.certificate_file);
  context.use_private_key_file(files.key_file, ssl::context::pem);
  if (files.tls_1_2_only) {
    SSL_CTX_set_max_proto_version(context.native_handle(), TLS1_2_VERSION);
  }
  if (!files.client_ca_file.empty()) {
    context.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
    context.load_verify_file(files.client_ca_file);
  }
  return context;
}

// Reads and discards data until the peer closes or the server shuts the socket down.
template <class Stream>
void read_until_closed(Stream& stream) {
  char discarded[512];
  error_code error;
  while (!error) {
    stream.read_some(net::buffer(discarded), error);
  }
}

}  // namespace

struct LoopbackServer::Impl {
  Impl(ServerBehaviour server_behaviour, CannedResponse canned_response, const std::optional<ServerTlsFiles>& tls)
      : behaviour(server_behaviour),
        response(std::move(canned_response)),
        acceptor(io_context, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)),
        port(acceptor.local_endpoint().port()) {
    if (tls) {
      tls_context.emplace(make_server_tls_context(*tls));
    }
    accept_next();
    accept_thread = std::thread([this] { io_context.run(); });
  }

  ~Impl() {
    net::post(io_context, [this] { acceptor.close(); });
    accept_thread.join();

    // shutdown(2) wakes connection threads blocked in a read. The sockets stay open
    // until the threads are joined, so no descriptor is reused meanwhile.
    for (tcp::socket& socket : sockets) {
      ::shutdown(socket.native_handle(), SHUT_RDWR);
    }
    for (std::thread& thread : connection_threads) {
      thread.join();
    }
  }

  void accept_next() {
    acceptor.async_accept([this](const error_code& error, tcp::socket socket) {
      if (error) {
        return;
      }
      std::lock_guard<std::mutex> lock(mutex);
      tcp::socket& stored = sockets.emplace_back(std::move(socket));
      connection_threads.emplace_back([this, &stored] { handle_connection(stored); });
      accept_next();
    });
  }

  void handle_connection(tcp::socket& socket) {
    error_code ignored;
    if (!tls_context) {
      serve(socket, "");
      socket.shutdown(tcp::socket::shutdown_both, ignored);
      return;
    }

    ssl::stream<tcp::socket&> stream(socket, *tls_context);
    error_code handshake_error;
    stream.handshake(ssl::stream_base::server, handshake_error);
    if (handshake_error) {
      // Keep reading until the client closes, so that the client reads the TLS alert
      // instead of a connection reset caused by unread data.
      socket.shutdown(tcp::socket::shutdown_send, ignored);
      read_until_closed(socket);
      return;
    }
    const char* server_name = SSL_get_servername(stream.native_handle(), TLSEXT_NAMETYPE_host_name);
    serve(stream, server_name != nullptr ? server_name : "");
    stream.shutdown(ignored);
    socket.shutdown(tcp::socket::shutdown_both, ignored);
  }

  template <class Stream>
  void serve(Stream& stream, const std::string& server_name) {
    if (behaviour == ServerBehaviour::never_respond) {
      read_until_closed(stream);
      return;
    }

    beast::flat_buffer buffer;
    for (std::size_t request_on_connection = 0;; ++request_on_connection) {
      beast_http::request<beast_http::string_body> request;
      error_code error;
      beast_http::read(stream, buffer, request, error);
      if (error) {
        return;
      }
      const std::size_t request_on_server = record(request, server_name);

      // Each case returns to close the connection, or breaks to read the next request.
      switch (behaviour) {
        case ServerBehaviour::respond:
          send_canned_response(stream, request, false);
          return;
        case ServerBehaviour::never_respond:
          return;
        case ServerBehaviour::close_mid_response:
          send_partial_response(stream);
          return;
        case ServerBehaviour::respond_keep_alive:
          send_canned_response(stream, request, request.keep_alive());
          if (!request.keep_alive()) {
            return;
          }
          break;
        case ServerBehaviour::keep_alive_then_close:
          send_canned_response(stream, request, true);
          return;
        case ServerBehaviour::keep_alive_then_drop_request:
          if (request_on_connection > 0) {
            return;
          }
          send_canned_response(stream, request, true);
          break;
        case ServerBehaviour::respond_to_first_request_only:
          if (request_on_server > 0) {
            return;
          }
          send_canned_response(stream, request, true);
          break;
      }
    }
  }

  // Returns the position of the request among all requests the server has read.
  std::size_t record(const beast_http::request<beast_http::string_body>& request, const std::string& server_name) {
    ReceivedRequest received;
    received.method = std::string(request.method_string());
    received.target = std::string(request.target());
    for (const auto& field : request) {
      received.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    received.body = request.body();
    received.server_name = server_name;

    std::lock_guard<std::mutex> lock(mutex);
    requests.push_back(std::move(received));
    return requests.size() - 1;
  }

  template <class Stream>
  void send_canned_response(Stream& stream, const beast_http::request<beast_http::string_body>& request,
                            bool keep_alive) {
    beast_http::response<beast_http::string_body> message(static_cast<beast_http::status>(response.status), 11);
    if (!response.content_type.empty()) {
      message.set(beast_http::field::content_type, response.content_type);
    }
    message.body() = response.body_is_target ? std::string(request.target()) : response.body;
    message.keep_alive(keep_alive);
    message.prepare_payload();
    // A response to HEAD has the Content-Length of the response to GET but no body.
    if (request.method() == beast_http::verb::head) {
      message.body().clear();
    }
    // Set after prepare_payload(), so that a test can announce a Content-Length that
    // differs from the body, as a response to HEAD does.
    for (const auto& [name, value] : response.extra_headers) {
      message.set(name, value);
    }

    error_code ignored;
    beast_http::write(stream, message, ignored);
  }

  // Announces 1000 bytes of body but sends only the first few.
  template <class Stream>
  void send_partial_response(Stream& stream) {
    const std::string partial =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"results\": [";
    error_code ignored;
    net::write(stream, net::buffer(partial), ignored);
  }

  ServerBehaviour behaviour;
  CannedResponse response;
  std::optional<ssl::context> tls_context;
  net::io_context io_context;
  tcp::acceptor acceptor;
  std::uint16_t port;
  std::thread accept_thread;

  mutable std::mutex mutex;
  std::list<tcp::socket> sockets;
  std::vector<std::thread> connection_threads;
  std::vector<ReceivedRequest> requests;
};

LoopbackServer::LoopbackServer(ServerBehaviour behaviour, CannedResponse response, std::optional<ServerTlsFiles> tls)
    : impl_(std::make_unique<Impl>(behaviour, std::move(response), tls)) {}

LoopbackServer::~LoopbackServer() = default;

std::uint16_t LoopbackServer::port() const {
  return impl_->port;
}

std::string LoopbackServer::url(std::string_view target, std::string_view host) const {
  const std::string scheme = impl_->tls_context ? "https" : "http";
  return scheme + "://" + std::string(host) + ":" + std::to_string(impl_->port) + std::string(target);
}

std::vector<ReceivedRequest> LoopbackServer::received_requests() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->requests;
}

std::size_t LoopbackServer::connection_count() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->sockets.size();
}

}  // namespace commprefs::http::testing
