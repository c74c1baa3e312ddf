#include "loopback_http_server/loopback_http_server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace loopback_http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t request_body_limit = 8 * 1024 * 1024;
constexpr int server_thread_count = 2;

Request to_request(const http::request<http::string_body>& message) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.authorization = std::string(message[http::field::authorization]);
  request.content_type = std::string(message[http::field::content_type]);
  request.body = message.body();
  return request;
}

std::string reason_phrase(int status) {
  const auto phrase = http::obsolete_reason(http::int_to_status(static_cast<unsigned>(status)));
  return phrase.empty() ? std::string("Status") : std::string(phrase);
}

// Header and the first half of the body, while Content-Length announces the whole body.
std::string truncated_response_bytes(const Reply& reply) {
  std::string bytes = "HTTP/1.1 " + std::to_string(reply.status) + " " + reason_phrase(reply.status) + "\r\n";
  bytes += "Content-Type: " + reply.content_type + "\r\n";
  bytes += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
  bytes += "Connection: close\r\n\r\n";
  bytes += reply.body.substr(0, reply.body.size() / 2);
  return bytes;
}

// One client connection: read a request, ask the handler, write the reply, repeat
// while the client keeps the connection alive. Only one operation is pending at a
// time, so the session needs no strand even though two threads run the io_context.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const Handler& handler)
      : socket_(std::move(socket)), timer_(socket_.get_executor()), handler_(handler) {}

  void start() { read_request(); }

 private:
  void read_request() {
    parser_.emplace();
    parser_->body_limit(request_body_limit);
    http::async_read(socket_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                       self->on_read(error);
                     });
  }

  void on_read(beast::error_code error) {
    // End of stream or a broken request leaves no client to respond to.
    if (error) {
      close();
      return;
    }

    const auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    reply_ = call_handler(to_request(message));

    if (reply_.delay_ms > 0) {
      timer_.expires_after(std::chrono::milliseconds(reply_.delay_ms));
      timer_.async_wait([self = shared_from_this()](beast::error_code wait_error) {
        if (!wait_error) self->deliver();
      });
      return;
    }
    deliver();
  }

  Reply call_handler(const Request& request) {
    try {
      return handler_(request);
    } catch (const std::exception& failure) {
      std::cerr << "loopback_http_server event=handler_failed method=" << request.method << " target=" << request.target
                << " error=\"" << failure.what() << "\"\n";
      Reply reply;
      reply.status = 500;
      reply.content_type = "text/plain";
      reply.body = std::string("request handler failed: ") + failure.what();
      return reply;
    }
  }

  void deliver() {
    switch (reply_.delivery) {
      case Delivery::close_without_reply:
        close();
        return;
      case Delivery::truncated_body:
        write_truncated();
        return;
      case Delivery::complete:
        write_complete();
        return;
    }
  }

  void write_complete() {
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(reply_.status));
    response_.set(http::field::content_type, reply_.content_type);
    response_.keep_alive(keep_alive_);
    response_.body() = reply_.body;
    response_.prepare_payload();

    http::async_write(socket_, response_,
                      [self = shared_from_this()](beast::error_code error, std::size_t) {
                        if (error || !self->keep_alive_) {
                          self->close();
                          return;
                        }
                        self->read_request();
                      });
  }

  void write_truncated() {
    raw_bytes_ = truncated_response_bytes(reply_);
    asio::async_write(socket_, asio::buffer(raw_bytes_),
                      [self = shared_from_this()](beast::error_code, std::size_t) {
                        // The connection is closed either way, so a write error changes nothing.
                        self->close();
                      });
  }

  void close() {
    beast::error_code ignored;
    // The peer may already be gone; closing is all that is left to do.
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

  tcp::socket socket_;
  asio::steady_timer timer_;
  const Handler& handler_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  std::string raw_bytes_;
  Reply reply_;
  bool keep_alive_ = false;
};

}  // namespace

struct Server::Impl {
  explicit Impl(Handler request_handler) : handler(std::move(request_handler)) {}

  void accept_next() {
    acceptor->async_accept([this](beast::error_code error, tcp::socket socket) {
      if (error == asio::error::operation_aborted) return;
      if (!error) std::make_shared<Session>(std::move(socket), handler)->start();
      accept_next();
    });
  }

  Handler handler;
  std::mutex lifecycle_mutex;  // serialises start() and stop()
  std::unique_ptr<asio::io_context> io;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;
  std::atomic<unsigned short> bound_port{0};
};

Server::Server(Handler handler) : impl_(std::make_unique<Impl>(std::move(handler))) {}

Server::~Server() { stop(); }

void Server::start(unsigned short port) {
  std::lock_guard<std::mutex> lock(impl_->lifecycle_mutex);
  if (impl_->io) throw std::runtime_error("the HTTP server is already running");

  auto io = std::make_unique<asio::io_context>();
  auto acceptor = std::make_unique<tcp::acceptor>(*io);
  const tcp::endpoint endpoint{asio::ip::make_address("127.0.0.1"), port};
  try {
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    acceptor->bind(endpoint);
    acceptor->listen();
  } catch (const boost::system::system_error& failure) {
    throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(port) + ": " +
                             failure.code().message());
  }

  impl_->bound_port = acceptor->local_endpoint().port();
  impl_->io = std::move(io);
  impl_->acceptor = std::move(acceptor);
  impl_->accept_next();
  for (int i = 0; i < server_thread_count; ++i) {
    impl_->threads.emplace_back([io = impl_->io.get()] { io->run(); });
  }
}

void Server::stop() {
  std::lock_guard<std::mutex> lock(impl_->lifecycle_mutex);
  if (!impl_->io) return;

  impl_->io->stop();
  for (auto& thread : impl_->threads) thread.join();
  impl_->threads.clear();

  // Destroying the io_context destroys the pending handlers and with them the
  // sessions, which closes their sockets.
  impl_->acceptor.reset();
  impl_->io.reset();
  impl_->bound_port = 0;
}

bool Server::running() const { return impl_->bound_port != 0; }

unsigned short Server::port() const { return impl_->bound_port; }

}  // namespace loopback_http
