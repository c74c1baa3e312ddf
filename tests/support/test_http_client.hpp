// A blocking HTTP/1.1 client for tests that talk to the loopback test servers.
// Boost.Beast stays inside the .cpp file.
#pragma once

#include <memory>
#include <string>

struct HttpResult {
  int status = 0;
  std::string content_type;
  std::string body;
};

// Sends one request on a new connection to an "http://host:port/path?query" URL.
// A non-empty body goes out as application/json; an empty `authorization` sends no
// Authorization header. Throws std::runtime_error when the URL is not plain HTTP,
// the connection fails, the response is incomplete, or nothing arrives within 10 seconds.
HttpResult http_request(const std::string& method, const std::string& url, const std::string& authorization,
                        const std::string& body = "");

// Several requests over one kept-alive connection, for tests of keep-alive itself.
class HttpSession {
 public:
  // Connects to the host and port of `url`; throws std::runtime_error on failure.
  explicit HttpSession(const std::string& url);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // `target` is the path and query, e.g. "/klantinteracties/api/v1/partijen".
  HttpResult request(const std::string& method, const std::string& target, const std::string& authorization,
                     const std::string& body = "");

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
