#include "test_http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <stdexcept>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr auto request_timeout = std::chrono::seconds(10);

struct ParsedUrl {
  std::string host;
  std::string port;
  std::string target;
};

ParsedUrl parse_url(const std::string& url) {
  const std::string scheme = "http://";
  if (url.compare(0, scheme.size(), scheme) != 0) throw std::runtime_error("only http:// URLs are supported: " + url);
  const auto authority_end = url.find('/', scheme.size());
  const auto authority = url.substr(scheme.size(), authority_end - scheme.size());
  const auto colon = authority.rfind(':');
  ParsedUrl parsed;
  parsed.host = authority.substr(0, colon);
  parsed.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
  parsed.target = authority_end == std::string::npos ? "/" : url.substr(authority_end);
  return parsed;
}

}  // namespace

struct HttpSession::Impl {
  Impl(const std::string& host, const std::string& port) : stream(io) {
    // Look up and connect.
    tcp::resolver resolver(io);
    try {
      stream.expires_after(request_timeout);
      stream.connect(resolver.resolve(host, port));
    } catch (const boost::system::system_error& failure) {
      throw std::runtime_error("cannot connect to " + host + ":" + port + ": " + failure.code().message());
    }
    this->host = host + ":" + port;
  }

  ~Impl() {
    beast::error_code ignored;
    // The server may have closed the connection already; nothing is left to clean up then.
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  HttpResult send(const std::string& method, const std::string& target, const std::string& authorization,
                  const std::string& body) {
    http::request<http::string_body> request{http::string_to_verb(method), target, 11};
    if (request.method() == http::verb::unknown) request.method_string(method);
    request.set(http::field::host, host);
    if (!authorization.empty()) request.set(http::field::authorization, authorization);
    if (!body.empty()) request.set(http::field::content_type, "application/json");
    request.keep_alive(true);
    request.body() = body;
    request.prepare_payload();

    try {
      // Send the request.
      stream.expires_after(request_timeout);
      http::write(stream, request);

      // Read the whole response; a connection closed early or a short body is an error.
      http::response<http::string_body> response;
      http::read(stream, buffer, response);
      return HttpResult{static_cast<int>(response.result_int()), std::string(response[http::field::content_type]),
                        response.body()};
    } catch (const boost::system::system_error& failure) {
      throw std::runtime_error(method + " " + host + target + " failed: " + failure.code().message());
    }
  }

  asio::io_context io;
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  std::string host;
};

HttpSession::HttpSession(const std::string& url) {
  const auto parsed = parse_url(url);
  impl_ = std::make_unique<Impl>(parsed.host, parsed.port);
}

HttpSession::~HttpSession() = default;

HttpResult HttpSession::request(const std::string& method, const std::string& target, const std::string& authorization,
                                const std::string& body) {
  return impl_->send(method, target, authorization, body);
}

HttpResult http_request(const std::string& method, const std::string& url, const std::string& authorization,
                        const std::string& body) {
  const auto parsed = parse_url(url);
  HttpSession session(url);
  return session.request(method, parsed.target, authorization, body);
}
