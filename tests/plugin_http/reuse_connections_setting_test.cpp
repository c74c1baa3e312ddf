// The service setting "reuse_connections", from the configuration document to the
// connections the service's HTTP client opens.

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "configuration.hpp"
#include "errors.hpp"
#include "loopback_server.hpp"
#include "runtime.hpp"

using commprefs::ConfigurationError;
using commprefs::parse_configuration;
using commprefs::http::testing::LoopbackServer;
using commprefs::http::testing::ServerBehaviour;

namespace {

// A configuration with one service at api_root and one group "g". service_extra is
// appended to the service's members.
boost::json::object document(const std::string& api_root, const std::string& service_extra) {
  return boost::json::parse(R"({"services":[{"identifier":"ok","api_root":")" + api_root +
                            R"(","header_value":"Token abc","allow_plain_http":true)" + service_extra +
                            R"(}],"customer_interactions_api_groups":[{"identifier":"g","name":"Group","service":"ok"}]})")
      .as_object();
}

std::string error_of(const boost::json::object& configuration) {
  try {
    parse_configuration(configuration);
  } catch (const ConfigurationError& error) {
    return error.what();
  }
  return "no error";
}

// Checks the API root `requests` times through the group's client and returns the
// number of connections the server accepted.
std::size_t connections_for_root_checks(const std::string& service_extra, int requests) {
  LoopbackServer server(ServerBehaviour::respond_keep_alive);
  const commprefs::Runtime runtime(parse_configuration(document(server.url("/api/v1/"), service_extra)));
  const commprefs::Logger logger;
  const commprefs::OpenKlantClient client = runtime.client_for(runtime.group("g"), logger);

  for (int i = 0; i < requests; ++i) {
    client.check_root();
  }
  return server.connection_count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reuse_connections_setting)

BOOST_AUTO_TEST_CASE(reuse_connections_defaults_to_true) {
  const auto configuration = parse_configuration(document("https://ok.example.org/api/", ""));

  BOOST_TEST(configuration.services.at(0).reuse_connections == true);
}

BOOST_AUTO_TEST_CASE(reuse_connections_false_is_read) {
  const auto configuration = parse_configuration(document("https://ok.example.org/api/", R"(,"reuse_connections":false)"));

  BOOST_TEST(configuration.services.at(0).reuse_connections == false);
}

BOOST_AUTO_TEST_CASE(reuse_connections_must_be_boolean) {
  const auto configuration = document("https://ok.example.org/api/", R"(,"reuse_connections":"yes")");

  BOOST_TEST(error_of(configuration) ==
             "Invalid configuration: service \"ok\": \"reuse_connections\" must be true or false.");
}

BOOST_AUTO_TEST_CASE(service_client_reuses_connections_by_default) {
  BOOST_TEST(connections_for_root_checks("", 3) == 1u);
}

BOOST_AUTO_TEST_CASE(service_client_opens_connection_per_request_when_reuse_off) {
  BOOST_TEST(connections_for_root_checks(R"(,"reuse_connections":false)", 3) == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
