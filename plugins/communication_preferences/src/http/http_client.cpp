#include "http/http_client.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/beast/http/verb.hpp>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "http/connection.hpp"
#include "http/connection_pool.hpp"
#include "http/exchange.hpp"
#include "http/request_message.hpp"
#include "http/tls_context.hpp"
#include "http/url.hpp"

namespace commprefs::http {

const char* to_string(TransportErrorKind kind) {
  switch (kind) {
    case TransportErrorKind::invalid_url:
      return "invalid_url";
    case TransportErrorKind::plain_http_not_allowed:
      return "plain_http_not_allowed";
    case TransportErrorKind::resolve:
      return "resolve";
    case TransportErrorKind::connect:
      return "connect";
    case TransportErrorKind::tls_handshake:
      return "tls_handshake";
    case TransportErrorKind::certificate:
      return "certificate";
    case TransportErrorKind::write:
      return "write";
    case TransportErrorKind::read:
      return "read";
    case TransportErrorKind::timeout:
      return "timeout";
    case TransportErrorKind::response_too_large:
      return "response_too_large";
    case TransportErrorKind::tls_setup:
      return "tls_setup";
  }
  return "unknown";
}

TransportError::TransportError(TransportErrorKind kind, const std::string& message)
    : std::runtime_error(message), kind_(kind) {}

// The TLS context is built once and only read afterwards: OpenSSL allows many
// connections to be created from one SSL_CTX at the same time.
struct HttpClient::Impl {
  explicit Impl(ClientSettings client_settings)
      : settings(std::move(client_settings)), tls_context(make_tls_context(settings.tls)) {}

  HttpResponse send(const Url& url, const RequestMessage& message, const ExchangeLimits& limits);
  std::unique_ptr<Connection> take_usable_connection(const std::string& server);
  void release(const std::string& server, std::unique_ptr<Connection> connection, bool reusable, const Url& url,
               const ExchangeLimits& limits);

  ClientSettings settings;
  boost::asio::ssl::context tls_context;
  // Declared after tls_context, so that pooled TLS connections are destroyed before
  // the context they were created from.
  ConnectionPool idle_connections;
};

HttpClient::HttpClient(ClientSettings settings) : impl_(std::make_unique<Impl>(std::move(settings))) {}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&& other) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&& other) noexcept = default;

namespace {

Url parse_request_url(const std::string& url) {
  try {
    return parse_url(url);
  } catch (const UrlError& error) {
    throw TransportError(TransportErrorKind::invalid_url, error.what());
  }
}

// GET and HEAD are safe and idempotent (RFC 9110, sections 9.2.1 and 9.2.2), so
// sending one of them again after a failure changes nothing on the server.
bool may_be_retried(const RequestMessage& message) {
  return message.method() == boost::beast::http::verb::get || message.method() == boost::beast::http::verb::head;
}

}  // namespace

HttpResponse HttpClient::send(const HttpRequest& request) const {
  if (!impl_) {
    throw std::logic_error("HttpClient::send() called on a moved-from client.");
  }
  const ClientSettings& settings = impl_->settings;

  const Url url = parse_request_url(request.url);
  if (url.scheme == "http" && !settings.allow_plain_http) {
    throw TransportError(TransportErrorKind::plain_http_not_allowed,
                         "Plain HTTP to " + host_and_port(url) +
                             " is not allowed because it would send the API credentials unencrypted. "
                             "Use an https:// URL, or allow plain HTTP for this service in a test environment only.");
  }

  const RequestMessage message = make_request_message(request, url, settings.reuse_connections);
  const ExchangeLimits limits{settings.timeout, std::chrono::steady_clock::now() + settings.timeout,
                              settings.max_response_bytes};
  return impl_->send(url, message, limits);
}

HttpResponse HttpClient::Impl::send(const Url& url, const RequestMessage& message, const ExchangeLimits& limits) {
  const std::string server = server_key(url);

  // Only a request that may be sent twice takes an idle connection, because the
  // server may have closed that connection while the request was on its way.
  if (settings.reuse_connections && may_be_retried(message)) {
    if (std::unique_ptr<Connection> idle = take_usable_connection(server)) {
      try {
        ExchangeResult result = exchange(*idle, url, message, limits);
        release(server, std::move(idle), result.connection_reusable, url, limits);
        return std::move(result.response);
      } catch (const NoResponseError&) {
        // The server closed the idle connection, most likely because its keep-alive
        // timeout ran out as the request arrived. The connection is discarded and the
        // request sent once more below, on a new connection, within the same deadline.
        // NOTE: the retry is not logged, because HttpClient has no logging callback.
      }
    }
  }

  boost::asio::ssl::context* tls = url.scheme == "https" ? &tls_context : nullptr;
  std::unique_ptr<Connection> connection = open_connection(url, tls, limits);
  ExchangeResult result = exchange(*connection, url, message, limits);
  release(server, std::move(connection), result.connection_reusable, url, limits);
  return std::move(result.response);
}

std::unique_ptr<Connection> HttpClient::Impl::take_usable_connection(const std::string& server) {
  // A connection that the server has visibly closed is discarded here, and the next
  // idle one is tried.
  while (std::unique_ptr<Connection> idle = idle_connections.take(server, std::chrono::steady_clock::now())) {
    if (idle->is_usable_when_idle()) {
      return idle;
    }
  }
  return nullptr;
}

void HttpClient::Impl::release(const std::string& server, std::unique_ptr<Connection> connection, bool reusable,
                               const Url& url, const ExchangeLimits& limits) {
  if (settings.reuse_connections && reusable) {
    idle_connections.put(server, std::move(connection), std::chrono::steady_clock::now());
    return;
  }
  close_connection(*connection, url, limits);
}

}  // namespace commprefs::http
