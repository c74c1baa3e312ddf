// Replays one recorded cassette (HTTP exchanges between the reference
// implementation and a real Open Klant) as an HTTP server on 127.0.0.1, so a
// client can be checked against the exact requests and responses of a scenario.
// Requests must arrive in the recorded order; each one is compared with the next
// recorded request (method, path, query parameters, JSON body). All members are
// thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace openklant_emulator {
class Emulator;
}

namespace cassette_replay {

struct Exchange {
  std::string method;
  std::string target;  // relative to the API root, e.g. "digitaleadressen?a=b"
  std::string body;
};

class ReplayServer {
 public:
  // Reads the cassette (a JSON file with "interactions", each with "request" and
  // "response"). The last `drop_last` interactions are not served: scenarios mark
  // requests the recording test made itself after the code under test finished.
  // Throws std::runtime_error when the file cannot be read or has another shape.
  explicit ReplayServer(const std::string& cassette_path, std::size_t drop_last = 0);
  ~ReplayServer();  // stops the server
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;

  // Requests that do not match the next recorded one are passed to
  // emulator->handle() and listed by extra_requests() instead of mismatches().
  // The emulator need not be started. Pass nullptr to remove the fallback.
  void set_fallback(openklant_emulator::Emulator* emulator);

  void start();  // binds a free port on 127.0.0.1
  void stop();
  std::string api_root() const;  // "http://127.0.0.1:<port>/klantinteracties/api/v1/"

  std::size_t expected_count() const;  // recorded interactions to serve
  std::size_t served_count() const;    // recorded interactions served so far

  // One sentence per request that matched no recorded request and had no
  // fallback, plus one per recorded request never received. Call it after the
  // client is done.
  std::vector<std::string> mismatches() const;
  std::vector<Exchange> extra_requests() const;  // passed to the fallback
  std::vector<Exchange> received() const;        // every request, in arrival order

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cassette_replay
