// HTTP(S) server on 127.0.0.1 for the HTTP client tests.
//
// It listens on a port the system picks, handles every connection on its own thread
// and records each request it reads. Beast stays in loopback_server.cpp.

#pragma once

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
};

enum class ServerBehaviour {
  respond,             // read the request, send the canned response, close
  never_respond,       // read and discard whatever arrives until the client closes; records nothing
  close_mid_response,  // read the request, send the header and part of the body, close
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace commprefs::http::testing
