// HttpClient connection reuse (HTTP keep-alive) against loopback servers that count
// the connections they accept.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "http/http_client.hpp"
#include "loopback_server.hpp"
#include "test_certificates.hpp"

using commprefs::http::ClientSettings;
using commprefs::http::HttpClient;
using commprefs::http::HttpRequest;
using commprefs::http::HttpResponse;
using commprefs::http::TransportError;
using commprefs::http::TransportErrorKind;
using commprefs::http::testing::CannedResponse;
using commprefs::http::testing::LoopbackServer;
using commprefs::http::testing::ReceivedRequest;
using commprefs::http::testing::ServerBehaviour;
using commprefs::http::testing::ServerTlsFiles;
using commprefs::http::testing::test_certificates;

namespace {

// Responses whose body is the request target, so that a mixed-up response shows.
CannedResponse echo_target() {
  CannedResponse response;
  response.body_is_target = true;
  return response;
}

ClientSettings plain_http_settings() {
  ClientSettings settings;
  settings.allow_plain_http = true;
  settings.timeout = std::chrono::milliseconds(5000);
  return settings;
}

ClientSettings trusting_settings() {
  ClientSettings settings;
  settings.timeout = std::chrono::milliseconds(5000);
  settings.tls.ca_file = test_certificates().ca_file;
  return settings;
}

ServerTlsFiles server_files() {
  return {test_certificates().server_certificate_file, test_certificates().server_key_file, ""};
}

HttpResponse get(const HttpClient& client, const LoopbackServer& server, const std::string& target) {
  return client.send({"GET", server.url(target), {}, ""});
}

std::optional<TransportError> send_expecting_error(const HttpClient& client, const HttpRequest& request) {
  try {
    client.send(request);
  } catch (const TransportError& error) {
    return error;
  }
  BOOST_ERROR("send() succeeded, but a TransportError was expected");
  return std::nullopt;
}

std::vector<std::string> targets_of(const std::vector<ReceivedRequest>& requests) {
  std::vector<std::string> targets;
  for (const ReceivedRequest& request : requests) {
    targets.push_back(request.method + " " + request.target);
  }
  return targets;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_client_connection_reuse)

BOOST_AUTO_TEST_CASE(consecutive_gets_share_one_connection) {
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target());
  const HttpClient client(plain_http_settings());

  const HttpResponse first = get(client, server, "/partijen?page=1");
  const HttpResponse second = get(client, server, "/partijen?page=2");
  const HttpResponse third = get(client, server, "/partijen?page=3");

  BOOST_TEST(first.body == "/partijen?page=1");
  BOOST_TEST(second.body == "/partijen?page=2");
  BOOST_TEST(third.body == "/partijen?page=3");
  BOOST_TEST(server.connection_count() == 1u);
  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 3u);
  for (const ReceivedRequest& request : requests) {
    BOOST_TEST(request.header("Connection").value_or("<absent>") == "keep-alive");
  }
}

BOOST_AUTO_TEST_CASE(head_then_get_share_one_connection) {
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target());
  const HttpClient client(plain_http_settings());

  const HttpResponse head = client.send({"HEAD", server.url("/partijen"), {}, ""});
  const HttpResponse after_head = get(client, server, "/digitaleadressen");

  // The HEAD response announces the length of a body it does not carry. The GET
  // response is only read correctly when that length was not waited for.
  BOOST_TEST(head.status == 200);
  BOOST_TEST(head.body == "");
  BOOST_TEST(after_head.body == "/digitaleadressen");
  BOOST_TEST(server.connection_count() == 1u);
}

BOOST_AUTO_TEST_CASE(post_never_takes_idle_connection) {
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target());
  const HttpClient client(plain_http_settings());

  get(client, server, "/partijen");
  const HttpResponse created = client.send({"POST", server.url("/digitaleadressen"), {}, R"({"adres": "a@example.nl"})"});
  const HttpResponse updated = client.send({"PATCH", server.url("/digitaleadressen/1"), {}, R"({"isStandaardAdres": true})"});

  BOOST_TEST(created.body == "/digitaleadressen");
  BOOST_TEST(updated.body == "/digitaleadressen/1");
  BOOST_TEST(server.connection_count() == 3u);
}

BOOST_AUTO_TEST_CASE(post_connection_is_kept_for_later_get) {
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target());
  const HttpClient client(plain_http_settings());

  client.send({"POST", server.url("/digitaleadressen"), {}, R"({"adres": "a@example.nl"})"});
  const HttpResponse listed = get(client, server, "/digitaleadressen");

  BOOST_TEST(listed.body == "/digitaleadressen");
  BOOST_TEST(server.connection_count() == 1u);
}

BOOST_AUTO_TEST_CASE(post_failure_is_not_retried) {
  LoopbackServer server(ServerBehaviour::respond_to_first_request_only);
  const HttpClient client(plain_http_settings());
  get(client, server, "/partijen");

  const auto error = send_expecting_error(client, {"POST", server.url("/digitaleadressen"), {}, "{}"});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::read));
  const std::vector<std::string> expected = {"GET /partijen", "POST /digitaleadressen"};
  BOOST_TEST(targets_of(server.received_requests()) == expected, boost::test_tools::per_element());
  BOOST_TEST(server.connection_count() == 2u);
}

BOOST_AUTO_TEST_CASE(get_retries_once_when_idle_connection_drops_request) {
  LoopbackServer server(ServerBehaviour::keep_alive_then_drop_request, echo_target());
  const HttpClient client(plain_http_settings());
  get(client, server, "/partijen?page=1");

  const HttpResponse response = get(client, server, "/partijen?page=2");

  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "/partijen?page=2");
  const std::vector<std::string> expected = {"GET /partijen?page=1", "GET /partijen?page=2", "GET /partijen?page=2"};
  BOOST_TEST(targets_of(server.received_requests()) == expected, boost::test_tools::per_element());
  BOOST_TEST(server.connection_count() == 2u);
}

BOOST_AUTO_TEST_CASE(get_is_retried_at_most_once) {
  LoopbackServer server(ServerBehaviour::respond_to_first_request_only);
  const HttpClient client(plain_http_settings());
  get(client, server, "/partijen");

  const auto error = send_expecting_error(client, {"GET", server.url("/digitaleadressen"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::read));
  BOOST_TEST(error->what() == "Reading the response from 127.0.0.1:" + std::to_string(server.port()) +
                                  " failed: end of stream. The server closed the connection before the response was "
                                  "complete.");
  const std::vector<std::string> expected = {"GET /partijen", "GET /digitaleadressen", "GET /digitaleadressen"};
  BOOST_TEST(targets_of(server.received_requests()) == expected, boost::test_tools::per_element());
  BOOST_TEST(server.connection_count() == 2u);
}

BOOST_AUTO_TEST_CASE(get_succeeds_after_server_closed_idle_connection) {
  LoopbackServer server(ServerBehaviour::keep_alive_then_close, echo_target());
  const HttpClient client(plain_http_settings());

  const HttpResponse first = get(client, server, "/partijen?page=1");
  const HttpResponse second = get(client, server, "/partijen?page=2");
  const HttpResponse third = get(client, server, "/partijen?page=3");

  BOOST_TEST(first.body == "/partijen?page=1");
  BOOST_TEST(second.body == "/partijen?page=2");
  BOOST_TEST(third.body == "/partijen?page=3");
  BOOST_TEST(server.connection_count() == 3u);
  BOOST_TEST(server.received_requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(connection_close_response_is_not_reused) {
  // The server keeps the connection open although its responses carry Connection:
  // close, so a client that reused the connection anyway would show one connection here.
  CannedResponse response = echo_target();
  response.extra_headers = {{"Connection", "close"}};
  LoopbackServer server(ServerBehaviour::respond_keep_alive, response);
  const HttpClient client(plain_http_settings());

  get(client, server, "/partijen?page=1");
  get(client, server, "/partijen?page=2");
  const HttpResponse third = get(client, server, "/partijen?page=3");

  BOOST_TEST(third.body == "/partijen?page=3");
  BOOST_TEST(server.connection_count() == 3u);
}

BOOST_AUTO_TEST_CASE(reuse_off_opens_connection_per_request) {
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target());
  ClientSettings settings = plain_http_settings();
  settings.reuse_connections = false;
  const HttpClient client(settings);

  get(client, server, "/partijen?page=1");
  get(client, server, "/partijen?page=2");
  const HttpResponse third = get(client, server, "/partijen?page=3");

  BOOST_TEST(third.body == "/partijen?page=3");
  BOOST_TEST(server.connection_count() == 3u);
  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 3u);
  for (const ReceivedRequest& request : requests) {
    BOOST_TEST(request.header("Connection").value_or("<absent>") == "close");
  }
}

BOOST_AUTO_TEST_CASE(sixteen_threads_get_their_own_responses) {
  constexpr int thread_count = 16;
  constexpr int requests_per_thread = 4;
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target());
  const HttpClient client(plain_http_settings());

  std::vector<std::vector<std::string>> bodies(thread_count);
  std::vector<std::thread> threads;
  for (int thread_index = 0; thread_index < thread_count; ++thread_index) {
    threads.emplace_back([&, thread_index] {
      for (int request_index = 0; request_index < requests_per_thread; ++request_index) {
        const std::string target = "/t" + std::to_string(thread_index) + "/r" + std::to_string(request_index);
        try {
          const HttpResponse response = get(client, server, target);
          bodies[thread_index].push_back(std::to_string(response.status) + " " + response.body);
        } catch (const std::exception& error) {
          bodies[thread_index].push_back(error.what());
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }

  std::set<std::string> expected_targets;
  for (int thread_index = 0; thread_index < thread_count; ++thread_index) {
    std::vector<std::string> expected_bodies;
    for (int request_index = 0; request_index < requests_per_thread; ++request_index) {
      const std::string target = "/t" + std::to_string(thread_index) + "/r" + std::to_string(request_index);
      expected_bodies.push_back("200 " + target);
      expected_targets.insert(target);
    }
    BOOST_TEST(bodies[thread_index] == expected_bodies, boost::test_tools::per_element());
  }
  std::set<std::string> received_targets;
  for (const ReceivedRequest& received : server.received_requests()) {
    received_targets.insert(received.target);
  }
  BOOST_TEST(received_targets == expected_targets, boost::test_tools::per_element());
  // The first connection put back stays idle until a later request takes it, so at
  // least one of the 64 requests runs on a reused connection.
  BOOST_TEST(server.connection_count() < 64u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(https_client_connection_reuse)

BOOST_AUTO_TEST_CASE(https_consecutive_gets_share_one_connection) {
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target(), server_files());
  const HttpClient client(trusting_settings());

  const HttpResponse first = get(client, server, "/partijen?page=1");
  const HttpResponse second = get(client, server, "/partijen?page=2");
  const HttpResponse third = get(client, server, "/partijen?page=3");

  BOOST_TEST(first.body == "/partijen?page=1");
  BOOST_TEST(second.body == "/partijen?page=2");
  BOOST_TEST(third.body == "/partijen?page=3");
  BOOST_TEST(server.connection_count() == 1u);
}

BOOST_AUTO_TEST_CASE(https_host_names_do_not_share_connections) {
  // A connection is verified for the host name it was opened with, so a request to
  // another name for the same address must not take it.
  LoopbackServer server(ServerBehaviour::respond_keep_alive, echo_target(), server_files());
  const HttpClient client(trusting_settings());

  client.send({"GET", server.url("/by-address"), {}, ""});
  const HttpResponse by_name = client.send({"GET", server.url("/by-name", "localhost"), {}, ""});

  BOOST_TEST(by_name.body == "/by-name");
  BOOST_TEST(server.connection_count() == 2u);
  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 2u);
  BOOST_TEST(requests[1].server_name == "localhost");
}

BOOST_AUTO_TEST_CASE(https_get_retries_once_when_idle_connection_drops_request) {
  LoopbackServer server(ServerBehaviour::keep_alive_then_drop_request, echo_target(), server_files());
  const HttpClient client(trusting_settings());
  get(client, server, "/partijen?page=1");

  const HttpResponse response = get(client, server, "/partijen?page=2");

  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "/partijen?page=2");
  const std::vector<std::string> expected = {"GET /partijen?page=1", "GET /partijen?page=2", "GET /partijen?page=2"};
  BOOST_TEST(targets_of(server.received_requests()) == expected, boost::test_tools::per_element());
  BOOST_TEST(server.connection_count() == 2u);
}

BOOST_AUTO_TEST_CASE(https_get_succeeds_after_server_closed_idle_connection) {
  LoopbackServer server(ServerBehaviour::keep_alive_then_close, echo_target(), server_files());
  const HttpClient client(trusting_settings());

  const HttpResponse first = get(client, server, "/partijen?page=1");
  const HttpResponse second = get(client, server, "/partijen?page=2");

  BOOST_TEST(first.body == "/partijen?page=1");
  BOOST_TEST(second.body == "/partijen?page=2");
  BOOST_TEST(server.connection_count() == 2u);
  BOOST_TEST(server.received_requests().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
