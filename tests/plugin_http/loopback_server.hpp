// HTTP(S) server on 127.0.0.1 for the HTTP client tests.
//
// It listens on a port the system picks, handles every connection on its own thread,
// counts the connections it accepts and records each request it reads. Beast stays in
// loopback_server.cpp.

#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace commprefs::http::testing {

struct ReceivedRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;  // in the order received
  std::string body;
  std::string server_name;  // host name sent with SNI, or empty when none was sent

  // Returns the value of the first header with this name (case-insensitive), or
  // nullopt when the request has no such header.
  std::optional<std::string> header(std::string_view name) const;
};

struct CannedResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body = "{}";
  std::vector<std::pair<std::string, std::string>> extra_headers;
  // When set, the body is the request target instead of `body`, so that a test can
  // match each response to its request.
  bool body_is_target = false;
};

enum class ServerBehaviour {
  respond,             // read the request, send the canned response with Connection: close, close
  never_respond,       // read and discard whatever arrives until the client closes; records nothing
  close_mid_response,  // read the request, send the header and part of the body, close
  // Send the canned response to every request until the client closes, keeping the
  // connection open unless the request has Connection: close.
  respond_keep_alive,
  // Send the canned response with keep-alive, then close the connection at once, as a
  // server with a very short keep-alive timeout does.
  keep_alive_then_close,
  // On each connection, send the canned response to the first request with keep-alive,
  // then read the second request and close without responding, as a server does whose
  // keep-alive timeout runs out while the request is on its way.
  keep_alive_then_drop_request,
  // Send the canned response with keep-alive to the first request the server reads.
  // Read every later request and close its connection without responding.
  respond_to_first_request_only,
};

struct ServerTlsFiles {
  std::string certificate_file;
  std::string key_file;
  std::string client_ca_file;  // when set, a client certificate issued by this CA is required
  bool tls_1_2_only = false;
};

class LoopbackServer {
 public:
  // Starts a plain HTTP server, or an HTTPS server when `tls` is set.
  explicit LoopbackServer(ServerBehaviour behaviour, CannedResponse response = {},
                          std::optional<ServerTlsFiles> tls = std::nullopt);
  // Stops accepting, ends open connections and joins all threads.
  ~LoopbackServer();

  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  std::uint16_t port() const;

  // Returns "<scheme>://<host>:<port><target>", with https when the server uses TLS.
  std::string url(std::string_view target, std::string_view host = "127.0.0.1") const;

  // Returns a copy of the requests read so far, in the order they were completed.
  std::vector<ReceivedRequest> received_requests() const;

  // Returns the number of connections accepted so far.
  std::size_t connection_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace commprefs::http::testing
