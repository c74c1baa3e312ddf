// Idle connections that HttpClient keeps for reuse, grouped by server.
//
// Internal to src/http.

#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/url.hpp"

namespace commprefs::http {

class Connection;

// Maximum idle connections kept per server. The plugin sends the requests of one
// form submission one after another, so each submission in progress needs one
// connection. Four let a few concurrent submissions find an open connection while
// the API server keeps few idle sockets (and, on servers with a thread per
// connection, few threads) for this client. A connection beyond four is closed after
// its response, as without reuse.
inline constexpr std::size_t max_idle_connections_per_server = 4;

// Time after which an idle connection is closed instead of reused. It is shorter than
// nginx's default keepalive_timeout (75 s), so nginx with that default does not close
// an idle connection before this client does. Apache httpd 2.4's default
// KeepAliveTimeout (5 s) is shorter. Connection::is_usable_when_idle() notices most
// such closes before reuse, and a GET or HEAD that meets one in flight is retried once.
inline constexpr std::chrono::seconds max_idle_time{30};

// Returns the pool key of the URL's server: "<scheme>://<host>:<port>".
std::string server_key(const Url& url);

// Thread-safe. Takes are last in, first out, because the most recently used
// connection is the least likely to have been closed by the server.
// NOTE: an expired connection is closed at the next take() or put() on the pool, not
// at the moment it expires, so a client that stops sending keeps its idle sockets
// open until it is destroyed.
class ConnectionPool {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ConnectionPool(std::size_t max_idle_per_server = max_idle_connections_per_server,
                          Clock::duration idle_time_limit = max_idle_time);
  ~ConnectionPool();

  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Removes and returns the connection to `server` put back most recently, or nullptr
  // when there is none. Closes the connections of every server that were idle longer
  // than the idle time limit at `now`.
  std::unique_ptr<Connection> take(const std::string& server, Clock::time_point now);

  // Keeps `connection` for reuse, idle from `now` on. Closes it instead when `server`
  // already has the maximum number of idle connections.
  void put(const std::string& server, std::unique_ptr<Connection> connection, Clock::time_point now);

  // Returns the number of idle connections kept for `server`, expired ones included.
  std::size_t idle_count(const std::string& server) const;

 private:
  struct IdleConnection {
    std::unique_ptr<Connection> connection;
    Clock::time_point idle_since;
  };

  // Moves the expired connections into `expired`, so that the caller closes them
  // after releasing the mutex.
  void remove_expired(Clock::time_point now, std::vector<std::unique_ptr<Connection>>& expired);

  const std::size_t max_idle_per_server_;
  const Clock::duration idle_time_limit_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<IdleConnection>> idle_by_server_;  // in the order they were put back
};

}  // namespace commprefs::http
