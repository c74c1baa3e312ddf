// The pool of idle connections inside HttpClient, with unconnected connections and
// explicit times.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "http/connection.hpp"
#include "http/connection_pool.hpp"
#include "http/url.hpp"

using commprefs::http::Connection;
using commprefs::http::ConnectionPool;

namespace {

const std::string server_a = "https://a.example.org:443";
const std::string server_b = "https://b.example.org:443";

std::unique_ptr<Connection> unconnected() {
  return std::make_unique<Connection>(nullptr);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(connection_pool)

BOOST_AUTO_TEST_CASE(defaults_are_four_connections_and_thirty_seconds) {
  BOOST_TEST(commprefs::http::max_idle_connections_per_server == 4u);
  BOOST_TEST(std::chrono::seconds(commprefs::http::max_idle_time).count() == 30);
}

BOOST_AUTO_TEST_CASE(server_key_contains_scheme_host_and_port) {
  BOOST_TEST(commprefs::http::server_key(commprefs::http::parse_url("https://Open-Klant.example.org/api/v1/")) ==
             "https://open-klant.example.org:443");
  BOOST_TEST(commprefs::http::server_key(commprefs::http::parse_url("http://[::1]:8000/")) == "http://[::1]:8000");
}

BOOST_AUTO_TEST_CASE(take_returns_most_recently_put_connection) {
  ConnectionPool pool;
  const auto now = ConnectionPool::Clock::now();
  auto older = unconnected();
  auto newer = unconnected();
  Connection* const older_address = older.get();
  Connection* const newer_address = newer.get();
  pool.put(server_a, std::move(older), now);
  pool.put(server_a, std::move(newer), now);

  const auto first = pool.take(server_a, now);
  const auto second = pool.take(server_a, now);
  const auto third = pool.take(server_a, now);

  BOOST_TEST(first.get() == newer_address);
  BOOST_TEST(second.get() == older_address);
  BOOST_TEST(third.get() == nullptr);
}

BOOST_AUTO_TEST_CASE(take_keeps_servers_apart) {
  ConnectionPool pool;
  const auto now = ConnectionPool::Clock::now();
  pool.put(server_a, unconnected(), now);

  const auto taken = pool.take(server_b, now);

  BOOST_TEST(taken.get() == nullptr);
  BOOST_TEST(pool.idle_count(server_a) == 1u);
}

BOOST_AUTO_TEST_CASE(put_closes_connections_beyond_limit) {
  ConnectionPool pool;
  const auto now = ConnectionPool::Clock::now();
  std::vector<Connection*> kept_addresses;
  for (int i = 0; i < 4; ++i) {
    auto connection = unconnected();
    kept_addresses.push_back(connection.get());
    pool.put(server_a, std::move(connection), now);
  }

  pool.put(server_a, unconnected(), now);

  BOOST_TEST(pool.idle_count(server_a) == 4u);
  std::vector<Connection*> taken_addresses;
  while (auto connection = pool.take(server_a, now)) {
    taken_addresses.insert(taken_addresses.begin(), connection.get());
  }
  BOOST_TEST(taken_addresses == kept_addresses, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(connection_idle_just_under_limit_is_taken) {
  ConnectionPool pool(4, std::chrono::seconds(30));
  const auto put_at = ConnectionPool::Clock::now();
  pool.put(server_a, unconnected(), put_at);

  const auto taken = pool.take(server_a, put_at + std::chrono::seconds(30) - std::chrono::milliseconds(1));

  BOOST_TEST(taken.get() != nullptr);
}

BOOST_AUTO_TEST_CASE(connection_idle_for_limit_is_closed) {
  ConnectionPool pool(4, std::chrono::seconds(30));
  const auto put_at = ConnectionPool::Clock::now();
  pool.put(server_a, unconnected(), put_at);

  const auto taken = pool.take(server_a, put_at + std::chrono::seconds(30));

  BOOST_TEST(taken.get() == nullptr);
  BOOST_TEST(pool.idle_count(server_a) == 0u);
}

BOOST_AUTO_TEST_CASE(expired_connections_of_other_servers_are_closed) {
  ConnectionPool pool(4, std::chrono::seconds(30));
  const auto put_at = ConnectionPool::Clock::now();
  pool.put(server_a, unconnected(), put_at);
  pool.put(server_b, unconnected(), put_at + std::chrono::seconds(20));

  const auto taken = pool.take(server_b, put_at + std::chrono::seconds(31));

  BOOST_TEST(taken.get() != nullptr);
  BOOST_TEST(pool.idle_count(server_a) == 0u);
}

BOOST_AUTO_TEST_CASE(unconnected_connection_is_not_usable) {
  Connection connection(nullptr);

  BOOST_TEST(!connection.is_usable_when_idle());
}

BOOST_AUTO_TEST_SUITE_END()
