#include "http/connection_pool.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "http/connection.hpp"

namespace commprefs::http {

std::string server_key(const Url& url) {
  return url.scheme + "://" + host_and_port(url);
}

ConnectionPool::ConnectionPool(std::size_t max_idle_per_server, Clock::duration idle_time_limit)
    : max_idle_per_server_(max_idle_per_server), idle_time_limit_(idle_time_limit) {}

ConnectionPool::~ConnectionPool() = default;

std::unique_ptr<Connection> ConnectionPool::take(const std::string& server, Clock::time_point now) {
  // Declared before the lock, so that these connections are closed after it is released.
  std::vector<std::unique_ptr<Connection>> expired;
  std::lock_guard<std::mutex> lock(mutex_);

  remove_expired(now, expired);
  auto found = idle_by_server_.find(server);
  if (found == idle_by_server_.end()) {
    return nullptr;
  }
  std::unique_ptr<Connection> connection = std::move(found->second.back().connection);
  found->second.pop_back();
  if (found->second.empty()) {
    idle_by_server_.erase(found);
  }
  return connection;
}

void ConnectionPool::put(const std::string& server, std::unique_ptr<Connection> connection, Clock::time_point now) {
  std::vector<std::unique_ptr<Connection>> expired;
  std::lock_guard<std::mutex> lock(mutex_);

  remove_expired(now, expired);
  std::vector<IdleConnection>& idle = idle_by_server_[server];
  if (idle.size() >= max_idle_per_server_) {
    expired.push_back(std::move(connection));
    return;
  }
  idle.push_back({std::move(connection), now});
}

std::size_t ConnectionPool::idle_count(const std::string& server) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = idle_by_server_.find(server);
  return found == idle_by_server_.end() ? 0 : found->second.size();
}

void ConnectionPool::remove_expired(Clock::time_point now, std::vector<std::unique_ptr<Connection>>& expired) {
  const auto was_removed = [](const IdleConnection& entry) { return entry.connection == nullptr; };

  for (auto server = idle_by_server_.begin(); server != idle_by_server_.end();) {
    std::vector<IdleConnection>& idle = server->second;
    for (IdleConnection& entry : idle) {
      if (now - entry.idle_since >= idle_time_limit_) {
        expired.push_back(std::move(entry.connection));
      }
    }
    idle.erase(std::remove_if(idle.begin(), idle.end(), was_removed), idle.end());

    server = idle.empty() ? idle_by_server_.erase(server) : std::next(server);
  }
}

}  // namespace commprefs::http
