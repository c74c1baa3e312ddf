// Blocking HTTP(S) client for the Open Klant klantinteracties API.
//
// Each send() performs one exchange on the calling thread: open a connection
// (resolve, connect, TLS handshake) or take an idle one to the same server, write the
// request, read the response. With ClientSettings::reuse_connections set, a connection
// that can carry another request is then kept for later send() calls, otherwise it is
// closed. Boost.Beast and OpenSSL stay inside the .cpp files, so including this header
// costs little.

#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace commprefs::http {

// Files for the TLS context, all in PEM format.
struct TlsSettings {
  std::string ca_file;                  // CA bundle for verifying the server, or empty for the system trust store
  std::string client_certificate_file;  // certificate for mutual TLS, or empty for none
  std::string client_key_file;          // unencrypted key of the client certificate, required with it
};

struct ClientSettings {
  // Limit for one whole send(): resolve, connect, TLS handshake, write and read, and
  // the retry on a new connection when there is one.
  std::chrono::milliseconds timeout{10000};
  TlsSettings tls;
  // Maximum size of a response body in bytes.
  std::size_t max_response_bytes = 16 * 1024 * 1024;
  // Plain http:// sends the API token unencrypted, so it is rejected unless this is set.
  bool allow_plain_http = false;
  // Connection reuse (HTTP keep-alive): when true, a connection stays open after a
  // response for later requests to the same scheme, host and port. When false, every
  // send() opens a new connection and sends Connection: close.
  bool reuse_connections = true;
};

struct HttpRequest {
  std::string method;  // "GET", "POST", "PATCH", ...
  std::string url;     // absolute http(s) URL
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent with Content-Type: application/json when not empty
};

struct HttpResponse {
  int status = 0;
  std::string content_type;  // value of the Content-Type header, empty when absent
  std::string body;
};

enum class TransportErrorKind {
  invalid_url,             // the request URL could not be parsed
  plain_http_not_allowed,  // an http:// URL while ClientSettings::allow_plain_http is false
  resolve,                 // the host name could not be resolved
  connect,                 // no TCP connection could be made
  tls_handshake,           // the TLS handshake failed for a reason other than the certificate
  certificate,             // the server certificate failed verification
  write,                   // sending the request failed
  read,                    // reading the response failed, including a connection closed mid-response
  timeout,                 // send(), a retry included, took longer than ClientSettings::timeout
  response_too_large,      // the response body exceeded ClientSettings::max_response_bytes
  tls_setup,               // a CA, client certificate or key file could not be loaded
};

// Returns the kind as a stable snake_case word for log fields ("tls_handshake").
const char* to_string(TransportErrorKind kind);

// Failure to complete an HTTP exchange. what() is a sentence an administrator can act
// on: what failed, for which host:port, the underlying error text and what to check.
// It never contains header values, so API tokens stay out of logs.
class TransportError : public std::runtime_error {
 public:
  TransportError(TransportErrorKind kind, const std::string& message);

  TransportErrorKind kind() const noexcept { return kind_; }

 private:
  TransportErrorKind kind_;
};

class HttpClient {
 public:
  // Builds the TLS context once: TLS 1.2 or newer, the CA file or the system trust
  // store, and the client certificate and key when set. Throws TransportError
  // tls_setup naming the file that is missing, unreadable or invalid.
  explicit HttpClient(ClientSettings settings);
  ~HttpClient();

  HttpClient(HttpClient&& other) noexcept;
  HttpClient& operator=(HttpClient&& other) noexcept;
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends the request and returns the response, whatever its status. Redirects are
  // not followed, so a 3xx response is returned as it is. The request carries Host,
  // User-Agent, Accept: application/json, Connection: keep-alive (Connection: close
  // when reuse_connections is false), the request's own headers (which replace
  // defaults of the same name), and Content-Type: application/json with
  // Content-Length when it has a body.
  //
  // With reuse_connections set, only GET and HEAD requests take an idle connection. If
  // that connection fails before any byte of the response arrives, usually because the
  // server closed it meanwhile, the request is sent once more on a new connection,
  // within the same timeout. Other methods always open a new connection and are never
  // sent twice. After a complete response that allows keep-alive, the connection is
  // kept for later requests whatever the method was, with at most four idle
  // connections per server, each for at most 30 seconds.
  //
  // Throws TransportError when the exchange fails, and std::invalid_argument when the
  // method is empty or a header name or value contains CR, LF or NUL.
  // Thread-safe: many threads may call send() on one client at the same time.
  // NOTE: a host name lookup cannot be interrupted, so a hanging DNS server can make
  // send() return later than the timeout (still with a timeout error).
  HttpResponse send(const HttpRequest& request) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace commprefs::http
