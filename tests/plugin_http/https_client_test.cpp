// HttpClient over HTTPS against loopback servers with certificates made at test time.

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

ServerTlsFiles server_files() {
  return {test_certificates().server_certificate_file, test_certificates().server_key_file, ""};
}

ServerTlsFiles mutual_tls_server_files() {
  return {test_certificates().server_certificate_file, test_certificates().server_key_file, test_certificates().ca_file};
}

ClientSettings trusting_settings() {
  ClientSettings settings;
  settings.timeout = std::chrono::milliseconds(5000);
  settings.tls.ca_file = test_certificates().ca_file;
  return settings;
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

std::optional<TransportError> construct_expecting_error(const ClientSettings& settings) {
  try {
    HttpClient client(settings);
  } catch (const TransportError& error) {
    return error;
  }
  BOOST_ERROR("HttpClient accepted the TLS settings, but a TransportError was expected");
  return std::nullopt;
}

std::string message_of(const std::optional<TransportError>& error) {
  return error ? error->what() : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_client_tls)

BOOST_AUTO_TEST_CASE(https_succeeds_with_ca_file) {
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", R"({"count": 1})", {}}, server_files());
  const HttpClient client(trusting_settings());

  const HttpResponse response =
      client.send({"POST", server.url("/api/v1/partijen"), {{"Authorization", "Token abc123"}}, R"({"soortPartij": "persoon"})"});

  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.content_type == "application/json");
  BOOST_TEST(response.body == R"({"count": 1})");

  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 1u);
  BOOST_TEST(requests.front().method == "POST");
  BOOST_TEST(requests.front().target == "/api/v1/partijen");
  BOOST_TEST(requests.front().header("Authorization").value_or("<absent>") == "Token abc123");
  BOOST_TEST(requests.front().header("Content-Type").value_or("<absent>") == "application/json");
  BOOST_TEST(requests.front().body == R"({"soortPartij": "persoon"})");
}

BOOST_AUTO_TEST_CASE(https_sends_sni_for_host_name) {
  LoopbackServer server(ServerBehaviour::respond, {}, server_files());
  const HttpClient client(trusting_settings());

  const HttpResponse response = client.send({"GET", server.url("/", "localhost"), {}, ""});

  BOOST_TEST(response.status == 200);
  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 1u);
  BOOST_TEST(requests.front().server_name == "localhost");
  BOOST_TEST(requests.front().header("Host").value_or("<absent>") == "localhost:" + std::to_string(server.port()));
}

BOOST_AUTO_TEST_CASE(https_omits_sni_for_ip_address) {
  LoopbackServer server(ServerBehaviour::respond, {}, server_files());
  const HttpClient client(trusting_settings());

  client.send({"GET", server.url("/"), {}, ""});

  const std::vector<ReceivedRequest> requests = server.received_requests();
  BOOST_TEST_REQUIRE(requests.size() == 1u);
  BOOST_TEST(requests.front().server_name == "");
}

BOOST_AUTO_TEST_CASE(https_rejects_unknown_ca_by_default) {
  LoopbackServer server(ServerBehaviour::respond, {}, server_files());
  ClientSettings settings = trusting_settings();
  settings.tls.ca_file.clear();
  const HttpClient client(settings);

  const auto error = send_expecting_error(client, {"GET", server.url("/"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::certificate));
  BOOST_TEST(message_of(error) == "TLS handshake with 127.0.0.1:" + std::to_string(server.port()) +
                                      " failed: certificate verify failed (unable to get local issuer certificate). "
                                      "Check server_ca_file.");
  BOOST_TEST(server.received_requests().empty());
}

BOOST_AUTO_TEST_CASE(https_rejects_wrong_ip_address) {
  const ServerTlsFiles other_host_files{test_certificates().other_host_certificate_file,
                                        test_certificates().other_host_key_file, ""};
  LoopbackServer server(ServerBehaviour::respond, {}, other_host_files);
  const HttpClient client(trusting_settings());

  const auto error = send_expecting_error(client, {"GET", server.url("/"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::certificate));
  BOOST_TEST(message_of(error) == "TLS handshake with 127.0.0.1:" + std::to_string(server.port()) +
                                      " failed: certificate verify failed (IP address mismatch). Check that the URL "
                                      "uses a host name the server certificate is issued for.");
  BOOST_TEST(server.received_requests().empty());
}

BOOST_AUTO_TEST_CASE(https_rejects_wrong_host_name) {
  const ServerTlsFiles other_host_files{test_certificates().other_host_certificate_file,
                                        test_certificates().other_host_key_file, ""};
  LoopbackServer server(ServerBehaviour::respond, {}, other_host_files);
  const HttpClient client(trusting_settings());

  const auto error = send_expecting_error(client, {"GET", server.url("/", "localhost"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::certificate));
  BOOST_TEST(message_of(error) == "TLS handshake with localhost:" + std::to_string(server.port()) +
                                      " failed: certificate verify failed (hostname mismatch). Check that the URL "
                                      "uses a host name the server certificate is issued for.");
}

BOOST_AUTO_TEST_CASE(mutual_tls_succeeds_with_client_certificate) {
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", "[]", {}}, mutual_tls_server_files());
  ClientSettings settings = trusting_settings();
  settings.tls.client_certificate_file = test_certificates().client_certificate_file;
  settings.tls.client_key_file = test_certificates().client_key_file;
  const HttpClient client(settings);

  const HttpResponse response = client.send({"GET", server.url("/api/v1/"), {}, ""});

  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "[]");
  BOOST_TEST(server.received_requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(mutual_tls_requires_client_certificate) {
  LoopbackServer server(ServerBehaviour::respond, {}, mutual_tls_server_files());
  const HttpClient client(trusting_settings());

  const auto error = send_expecting_error(client, {"GET", server.url("/api/v1/"), {}, ""});

  // With TLS 1.3, the version both sides pick here, the server checks the client
  // certificate after the client's handshake has finished, so the client learns of
  // the rejection while reading the response.
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::read));
  BOOST_TEST(message_of(error) == "Reading the response from 127.0.0.1:" + std::to_string(server.port()) +
                                      " failed: tlsv13 alert certificate required. The server rejected the client "
                                      "certificate or its absence. Check the client certificate and key files.");
  BOOST_TEST(server.received_requests().empty());
}

BOOST_AUTO_TEST_CASE(https_succeeds_with_tls_1_2_server) {
  ServerTlsFiles files = server_files();
  files.tls_1_2_only = true;
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", "{}", {}}, files);
  const HttpClient client(trusting_settings());

  const HttpResponse response = client.send({"GET", server.url("/"), {}, ""});

  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.body == "{}");
}

BOOST_AUTO_TEST_CASE(tls_1_2_mutual_tls_fails_handshake_without_certificate) {
  ServerTlsFiles files = mutual_tls_server_files();
  files.tls_1_2_only = true;
  LoopbackServer server(ServerBehaviour::respond, {}, files);
  const HttpClient client(trusting_settings());

  const auto error = send_expecting_error(client, {"GET", server.url("/"), {}, ""});

  // With TLS 1.2 the server checks the client certificate within the handshake.
  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::tls_handshake));
  BOOST_TEST(message_of(error) == "TLS handshake with 127.0.0.1:" + std::to_string(server.port()) +
                                      " failed: sslv3 alert handshake failure. Check that the service accepts TLS 1.2 "
                                      "or newer on this port and whether it requires a client certificate.");
}

BOOST_AUTO_TEST_CASE(https_handshake_times_out) {
  LoopbackServer server(ServerBehaviour::never_respond);
  ClientSettings settings = trusting_settings();
  settings.timeout = std::chrono::milliseconds(300);
  const HttpClient client(settings);
  const std::string https_url = "https://127.0.0.1:" + std::to_string(server.port()) + "/";

  const auto error = send_expecting_error(client, {"GET", https_url, {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::timeout));
  BOOST_TEST(message_of(error) == "The request to 127.0.0.1:" + std::to_string(server.port()) +
                                      " timed out after 300 ms during the TLS handshake. Check that the service is "
                                      "reachable and responding, or raise the timeout.");
}

BOOST_AUTO_TEST_CASE(https_closed_mid_response_gives_read_error) {
  LoopbackServer server(ServerBehaviour::close_mid_response, {}, server_files());
  const HttpClient client(trusting_settings());

  const auto error = send_expecting_error(client, {"GET", server.url("/"), {}, ""});

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::read));
}

BOOST_AUTO_TEST_CASE(missing_ca_file_gives_tls_setup) {
  ClientSettings settings;
  settings.tls.ca_file = test_certificates().folder + "/missing-ca.pem";

  const auto error = construct_expecting_error(settings);

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::tls_setup));
  BOOST_TEST(message_of(error) ==
             "Cannot read the CA file \"" + settings.tls.ca_file + "\": No such file or directory.");
}

BOOST_AUTO_TEST_CASE(non_pem_ca_file_gives_tls_setup) {
  ClientSettings settings;
  settings.tls.ca_file = test_certificates().not_a_certificate_file;

  const auto error = construct_expecting_error(settings);

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::tls_setup));
  BOOST_TEST(message_of(error) == "The CA file \"" + settings.tls.ca_file +
                                      "\" contains no usable PEM certificate: no certificate or crl found.");
}

BOOST_AUTO_TEST_CASE(certificate_without_key_gives_tls_setup) {
  ClientSettings settings = trusting_settings();
  settings.tls.client_certificate_file = test_certificates().client_certificate_file;

  const auto error = construct_expecting_error(settings);

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::tls_setup));
  BOOST_TEST(message_of(error) ==
             "A client certificate needs both a certificate file and a key file, but only the certificate file is set.");
}

BOOST_AUTO_TEST_CASE(mismatched_client_key_gives_tls_setup) {
  ClientSettings settings = trusting_settings();
  settings.tls.client_certificate_file = test_certificates().client_certificate_file;
  settings.tls.client_key_file = test_certificates().server_key_file;

  const auto error = construct_expecting_error(settings);

  BOOST_TEST_REQUIRE(error.has_value());
  BOOST_TEST(static_cast<int>(error->kind()) == static_cast<int>(TransportErrorKind::tls_setup));
  BOOST_TEST(message_of(error) == "The client key file \"" + settings.tls.client_key_file +
                                      "\" could not be loaded: key values mismatch. It must be an unencrypted PEM key "
                                      "that matches the client certificate.");
}

BOOST_AUTO_TEST_CASE(sixteen_threads_share_one_https_client) {
  constexpr int thread_count = 16;
  constexpr int requests_per_thread = 4;
  LoopbackServer server(ServerBehaviour::respond, {200, "application/json", R"({"ok": true})", {}}, server_files());
  const HttpClient client(trusting_settings());

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
