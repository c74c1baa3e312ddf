// A small HTTP/1.1 server on 127.0.0.1 for test doubles (the Open Klant emulator
// and the cassette replay server). It parses requests, hands each one to a
// handler, and writes the handler's reply, optionally delayed or damaged on
// purpose so clients can be tested against network faults. Keep-alive is
// supported. Boost.Beast stays inside the .cpp file.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace loopback_http {

struct Request {
  std::string method;
  std::string target;  // path and query, as received
  std::string authorization;
  std::string content_type;
  std::string body;
};

// How the server hands a reply to the client.
enum class Delivery {
  complete,             // a full response
  close_without_reply,  // close the connection without writing anything
  truncated_body,       // announce the full Content-Length, send half the body, close
};

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  Delivery delivery = Delivery::complete;
  int delay_ms = 0;  // wait this long before writing the reply
};

// Called on a server thread for every request; must be thread-safe.
using Handler = std::function<Reply(const Request&)>;

class Server {
 public:
  explicit Server(Handler handler);
  ~Server();  // stops the server
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds 127.0.0.1:port (0 picks a free port) and serves on two threads.
  // Throws std::runtime_error when the port cannot be bound or the server already runs.
  void start(unsigned short port);

  // Closes every connection and joins the threads; safe to call more than once.
  void stop();

  bool running() const;
  unsigned short port() const;  // the bound port, 0 when not running

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace loopback_http
