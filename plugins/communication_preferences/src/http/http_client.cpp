#include "http/http_client.hpp"

#include <boost/asio/ssl/context.hpp>

#include <stdexcept>
#include <utility>

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

  ClientSettings settings;
  boost::asio::ssl::context tls_context;
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

  const RequestMessage message = make_request_message(request, url);
  const ExchangeLimits limits{settings.timeout, settings.max_response_bytes};
  if (url.scheme == "https") {
    return exchange_over_tls(url, message, limits, impl_->tls_context);
  }
  return exchange_over_tcp(url, message, limits);
}

}  // namespace commprefs::http
