// HttpClient over plain HTTP against loopback servers.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/http_client.hpp"
#include "loopback_server.hpp"

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

namespace {

ClientSettings plain_http_settings() {
  ClientSettings settings;
  settings.allow_plain_http = true;
  settings.timeout = std::chrono::milliseconds(5000);
  return settings;
}

// Sends the request and returns the TransportError it raises. The test fails when
// send() succeeds.
std::optional<TransportError> send_expecting_error(const HttpClient& client, const HttpRequest& request) {
  try {
    client.send(request);
  } catch (const TransportError& error) {
    return error;
  }
  BOOST_ERROR("send() succeeded, but a TransportError was expected");
  return std::nullopt;
}

std::string message_of(const std::optional<TransportError>& error) {
  return error ? error->what() : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_client_plain)

BOOST_AUTO_TEST_CASE(get_sends_default_and_request_headers) {
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", R"({"count": 0})", {}});
  const HttpClient client(plain_http_settings());

  const HttpResponse response =
      client.send({"GET", server.url("/klantinteracties/api/v1/partijen?page=2"), {{"Authorization", "Token abc123"}}, ""});

  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.content_type == "application/json");
  BOOST_TEST(response.body == R"({"count": 0})");

  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 1u);
  const ReceivedRequest& received = requests.front();
  BOOST_TEST(received.method == "GET");
  BOOST_TEST(received.target == "/klantinteracties/api/v1/partijen?page=2");
  BOOST_TEST(received.header("Host").value_or("<absent>") == "127.0.0.1:" + std::to_string(server.port()));
  BOOST_TEST(received.header("User-Agent").value_or("<absent>") == "formplugin-communication-preferences/0.1");
  BOOST_TEST(received.header("Accept").value_or("<absent>") == "application/json");
  BOOST_TEST(received.header("Authorization").value_or("<absent>") == "Token abc123");
  BOOST_TEST(received.header("Connection").value_or("<absent>") == "keep-alive");
  BOOST_TEST(!received.header("Content-Type").has_value());
  BOOST_TEST(!received.header("Content-Length").has_value());
  BOOST_TEST(received.body == "");
  BOOST_TEST(received.headers.size() == 5u);
}

BOOST_AUTO_TEST_CASE(post_sends_json_body_with_length) {
  LoopbackServer server(ServerBehaviour::respond, {201, "application/json", R"({"uuid": "9cc8ef7a"})", {}});
  const HttpClient client(plain_http_settings());
  const std::string body = R"({"adres": "devilkiller@example.org", "soortDigitaalAdres": "email"})";

  const HttpResponse response =
      client.send({"POST", server.url("/klantinteracties/api/v1/digitaleadressen"), {{"Authorization", "Token abc123"}}, body});

  BOOST_TEST(response.status == 201);
  BOOST_TEST(response.body == R"({"uuid": "9cc8ef7a"})");

  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 1u);
  const ReceivedRequest& received = requests.front();
  BOOST_TEST(received.method == "POST");
  BOOST_TEST(received.target == "/klantinteracties/api/v1/digitaleadressen");
  BOOST_TEST(received.header("Content-Type").value_or("<absent>") == "application/json");
  BOOST_TEST(received.header("Content-Length").value_or("<absent>") == std::to_string(body.size()));
  BOOST_TEST(received.header("Authorization").value_or("<absent>") == "Token abc123");
  BOOST_TEST(received.body == body);
}

BOOST_AUTO_TEST_CASE(patch_sends_body_unchanged) {
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", R"({"isStandaardAdres": true})", {}});
  const HttpClient client(plain_http_settings());
  const std::string body = R"({"isStandaardAdres": true})";

  const HttpResponse response = client.send(
      {"PATCH", server.url("/klantinteracties/api/v1/digitaleadressen/1817f1d5-2e3f-4569-9a8c-8b224a7f388c"), {}, body});

  BOOST_TEST(response.status == 200);

  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 1u);
  BOOST_TEST(requests.front().method == "PATCH");
  BOOST_TEST(requests.front().target == "/klantinteracties/api/v1/digitaleadressen/1817f1d5-2e3f-4569-9a8c-8b224a7f388c");
  BOOST_TEST(requests.front().header("Content-Type").value_or("<absent>") == "application/json");
  BOOST_TEST(requests.front().header("Content-Length").value_or("<absent>") == std::to_string(body.size()));
  BOOST_TEST(requests.front().body == body);
}

BOOST_AUTO_TEST_CASE(request_header_replaces_default) {
  LoopbackServer server(ServerBehaviour::respond);
  const HttpClient client(plain_http_settings());

  client.send({"GET", server.url("/"), {{"Accept", "application/problem+json"}}, ""});

  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 1u);
  BOOST_TEST(requests.front().header("Accept").value_or("<absent>") == "application/problem+json");
  BOOST_TEST(requests.front().headers.size() == 4u);
}

BOOST_AUTO_TEST_CASE(error_status_is_returned_not_thrown) {
  LoopbackServer server(ServerBehaviour::respond, {404, "application/problem+json", R"({"code": "not_found"})", {}});
  const HttpClient client(plain_http_settings());

  const HttpResponse response = client.send({"GET", server.url("/klantinteracties/api/v1/invalid/"), {}, ""});

  BOOST_TEST(response.status == 404);
  BOOST_TEST(response.content_type == "application/problem+json");
  BOOST_TEST(response.body == R"({"code": "not_found"})");
}

BOOST_AUTO_TEST_CASE(redirect_is_returned_not_followed) {
  LoopbackServer server(ServerBehaviour::respond, {302, "", "", {{"Location", "/elsewhere"}}});
  const HttpClient client(plain_http_settings());

  const HttpResponse response = client.send({"GET", server.url("/start"), {}, ""});

  BOOST_TEST(response.status == 302);
  BOOST_TEST(response.content_type == "");
  BOOST_TEST(response.body == "");
  BOOST_TEST(server.received_requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(head_response_has_no_body) {
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", "", {{"Content-Length", "123"}}});
  const HttpClient client(plain_http_settings());

  const HttpResponse response = client.send({"HEAD", server.url("/"), {}, ""});

  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "");
}

BOOST_AUTO_TEST_CASE(silent_server_gives_timeout) {
  LoopbackServer server(ServerBehaviour::never_respond);
  ClientSettings settings = plain_http_settings();
  settings.timeout = std::chrono::milliseconds(300);
  const HttpClient client(settings);

  const auto error = send_expecting_error(client, {"GET", server.url("/slow"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::timeout));
  BOOST_TEST(message_of(error) == "The request to 127.0.0.1:" + std::to_string(server.port()) +
                                      " timed out after 300 ms while reading the response. Check that the service is "
                                      "reachable and responding, or raise the timeout.");
}

BOOST_AUTO_TEST_CASE(closed_mid_response_gives_read_error) {
  LoopbackServer server(ServerBehaviour::close_mid_response);
  const HttpClient client(plain_http_settings());

  const auto error = send_expecting_error(client, {"GET", server.url("/"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::read));
  BOOST_TEST(message_of(error) == "Reading the response from 127.0.0.1:" + std::to_string(server.port()) +
                                      " failed: partial message. The server closed the connection before the "
                                      "response was complete.");
}

BOOST_AUTO_TEST_CASE(oversized_body_gives_response_too_large) {
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", std::string(1025, 'x'), {}});
  ClientSettings settings = plain_http_settings();
  settings.max_response_bytes = 1024;
  const HttpClient client(settings);

  const auto error = send_expecting_error(client, {"GET", server.url("/"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::response_too_large));
  BOOST_TEST(message_of(error) == "The response from 127.0.0.1:" + std::to_string(server.port()) +
                                      " is larger than the limit of 1024 bytes.");
}

BOOST_AUTO_TEST_CASE(body_at_limit_is_accepted) {
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", std::string(1024, 'x'), {}});
  ClientSettings settings = plain_http_settings();
  settings.max_response_bytes = 1024;
  const HttpClient client(settings);

  const HttpResponse response = client.send({"GET", server.url("/"), {}, ""});

  BOOST_TEST(response.body.size() == 1024u);
}

BOOST_AUTO_TEST_CASE(plain_http_is_rejected_unless_allowed) {
  LoopbackServer server(ServerBehaviour::respond);
  const HttpClient client(ClientSettings{});

  const auto error = send_expecting_error(client, {"GET", server.url("/"), {{"Authorization", "Token abc123"}}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::plain_http_not_allowed));
  BOOST_TEST(message_of(error) == "Plain HTTP to 127.0.0.1:" + std::to_string(server.port()) +
                                      " is not allowed because it would send the API credentials unencrypted. Use an "
                                      "https:// URL, or allow plain HTTP for this service in a test environment only.");
  BOOST_TEST(server.received_requests().empty());
}

BOOST_AUTO_TEST_CASE(invalid_url_gives_invalid_url) {
  const HttpClient client(plain_http_settings());

  const auto error = send_expecting_error(client, {"GET", "localhost:8005/api", {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::invalid_url));
  BOOST_TEST(message_of(error) ==
             "Invalid URL \"localhost:8005/api\": it is not an absolute URL. It must start with https:// or http://.");
}

BOOST_AUTO_TEST_CASE(closed_port_gives_connect_error) {
  std::string url;
  {
    LoopbackServer stopped_server(ServerBehaviour::respond);
    url = stopped_server.url("/");
  }
  const HttpClient client(plain_http_settings());

  const auto error = send_expecting_error(client, {"GET", url, {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::connect));
  BOOST_TEST(message_of(error).find("failed: Connection refused. Check that the service runs on this host and port") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(error_message_omits_header_values) {
  LoopbackServer server(ServerBehaviour::never_respond);
  ClientSettings settings = plain_http_settings();
  settings.timeout = std::chrono::milliseconds(300);
  const HttpClient client(settings);

  const auto error =
      send_expecting_error(client, {"POST", server.url("/"), {{"Authorization", "Token secret-api-key"}}, "{}"});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(message_of(error).find("secret-api-key") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(header_line_break_is_rejected) {
  LoopbackServer server(ServerBehaviour::respond);
  const HttpClient client(plain_http_settings());

  try {
    client.send({"GET", server.url("/"), {{"Authorization", "Token secret-api-key\r\nX-Injected: 1"}}, ""});
    BOOST_ERROR("send() accepted a header value with a line break");
  } catch (const std::invalid_argument& error) {
    BOOST_TEST(error.what() ==
               std::string("The value of header Authorization contains a line break or NUL character. Check the "
                           "configured value."));
  }
  BOOST_TEST(server.received_requests().empty());
}

BOOST_AUTO_TEST_CASE(empty_method_is_rejected) {
  const HttpClient client(plain_http_settings());

  BOOST_CHECK_THROW(client.send({"", "http://127.0.0.1:1/", {}, ""}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(moved_client_keeps_working) {
  LoopbackServer server(ServerBehaviour::respond);
  HttpClient original(plain_http_settings());

  const HttpClient moved(std::move(original));
  const HttpResponse response = moved.send({"GET", server.url("/"), {}, ""});

  BOOST_TEST(response.status == 200);
}

BOOST_AUTO_TEST_CASE(sixteen_threads_share_one_client) {
  constexpr int thread_count = 16;
  constexpr int requests_per_thread = 4;
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", R"({"ok": true})", {}});
  const HttpClient client(plain_http_settings());

  std::vector<std::vector<int>> statuses(thread_count);
  std::vector<std::thread> threads;
  for (int thread_index = 0; thread_index < thread_count; ++thread_index) {
    threads.emplace_back([&, thread_index] {
      for (int request_index = 0; request_index < requests_per_thread; ++request_index) {
        const std::string target = "/t" + std::to_string(thread_index) + "/r" + std::to_string(request_index);
        try {
          statuses[thread_index].push_back(client.send({"GET", server.url(target), {}, ""}).status);
        } catch (const std::exception&) {
          statuses[thread_index].push_back(-1);
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }

  std::set<std::string> expected_targets;
  for (int thread_index = 0; thread_index < thread_count; ++thread_index) {
    BOOST_TEST(statuses[thread_index] == std::vector<int>(requests_per_thread, 200), boost::test_tools::per_element());
    for (int request_index = 0; request_index < requests_per_thread; ++request_index) {
      expected_targets.insert("/t" + std::to_string(thread_index) + "/r" + std::to_string(request_index));
    }
  }
  std::set<std::string> received_targets;
  for (const ReceivedRequest& received : server.received_requests()) {
    received_targets.insert(received.target);
  }
  BOOST_TEST(received_targets == expected_targets, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
