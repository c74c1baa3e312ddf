#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "http/url.hpp"

using commprefs::http::build_url;
using commprefs::http::host_and_port;
using commprefs::http::parse_url;
using commprefs::http::percent_encode;
using commprefs::http::QueryParameters;
using commprefs::http::Url;
using commprefs::http::UrlError;

BOOST_AUTO_TEST_SUITE(url)

BOOST_AUTO_TEST_CASE(parse_url_applies_https_default_port) {
  const Url url = parse_url("https://example.com/klantinteracties/api/v1/");

  BOOST_TEST(url.scheme == "https");
  BOOST_TEST(url.host == "example.com");
  BOOST_TEST(url.port == "443");
  BOOST_TEST(url.target == "/klantinteracties/api/v1/");
}

BOOST_AUTO_TEST_CASE(parse_url_applies_http_default_port) {
  const Url url = parse_url("http://example.com/api");

  BOOST_TEST(url.scheme == "http");
  BOOST_TEST(url.port == "80");
  BOOST_TEST(url.target == "/api");
}

BOOST_AUTO_TEST_CASE(parse_url_keeps_explicit_port_and_query) {
  const Url url = parse_url(
      "http://localhost:8005/klantinteracties/api/v1/digitaleadressen?verstrektDoorPartij__uuid=4bf35628&adres=a%40b");

  BOOST_TEST(url.host == "localhost");
  BOOST_TEST(url.port == "8005");
  BOOST_TEST(url.target == "/klantinteracties/api/v1/digitaleadressen?verstrektDoorPartij__uuid=4bf35628&adres=a%40b");
}

BOOST_AUTO_TEST_CASE(parse_url_uses_slash_for_empty_path) {
  BOOST_TEST(parse_url("https://example.com").target == "/");
  BOOST_TEST(parse_url("https://example.com:8443").target == "/");
  BOOST_TEST(parse_url("https://example.com?page=2").target == "/?page=2");
}

BOOST_AUTO_TEST_CASE(parse_url_drops_fragment) {
  BOOST_TEST(parse_url("https://example.com/api/v1/partijen?page=2#top").target == "/api/v1/partijen?page=2");
  BOOST_TEST(parse_url("https://example.com#top").target == "/");
}

BOOST_AUTO_TEST_CASE(parse_url_lowercases_scheme_and_host_only) {
  const Url url = parse_url("HTTPS://Example.COM/Api/V1/");

  BOOST_TEST(url.scheme == "https");
  BOOST_TEST(url.host == "example.com");
  BOOST_TEST(url.target == "/Api/V1/");
}

BOOST_AUTO_TEST_CASE(parse_url_accepts_ipv6_literal) {
  const Url url = parse_url("https://[::1]:8443/api/");

  BOOST_TEST(url.host == "::1");
  BOOST_TEST(url.port == "8443");
  BOOST_TEST(url.target == "/api/");
  BOOST_TEST(host_and_port(url) == "[::1]:8443");
}

BOOST_AUTO_TEST_CASE(parse_url_applies_default_port_to_ipv6_literal) {
  const Url url = parse_url("https://[::1]/");

  BOOST_TEST(url.host == "::1");
  BOOST_TEST(url.port == "443");
}

BOOST_AUTO_TEST_CASE(parse_url_treats_empty_port_as_default) {
  BOOST_TEST(parse_url("https://example.com:/").port == "443");
}

BOOST_AUTO_TEST_CASE(host_and_port_joins_host_name_and_port) {
  BOOST_TEST(host_and_port(parse_url("https://example.com/")) == "example.com:443");
}

BOOST_AUTO_TEST_CASE(parse_url_rejects_invalid_urls) {
  struct Case {
    std::string url;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"ftp://example.com/", "Invalid URL \"ftp://example.com/\": the scheme must be https or http."},
      {"example.com/api", "Invalid URL \"example.com/api\": it is not an absolute URL. It must start with https:// or "
                          "http://."},
      {"https:///api", "Invalid URL \"https:///api\": the host is missing."},
      {"https://:8443/api", "Invalid URL \"https://:8443/api\": the host is missing."},
      {"https://example.com:0/", "Invalid URL \"https://example.com:0/\": the port must be a number from 1 to 65535."},
      {"https://example.com:65536/",
       "Invalid URL \"https://example.com:65536/\": the port must be a number from 1 to 65535."},
      {"https://example.com:84a3/",
       "Invalid URL \"https://example.com:84a3/\": the port must be a number from 1 to 65535."},
      {"https://example.com:123456/",
       "Invalid URL \"https://example.com:123456/\": the port must be a number from 1 to 65535."},
      {"https://user:secret@example.com/",
       "Invalid URL \"https://user:secret@example.com/\": user credentials in the URL are not supported. Configure "
       "authentication as a header instead."},
      {"https://example.com/a b", "Invalid URL \"https://example.com/a b\": it contains a space or control character, "
                                  "which must be percent-encoded."},
      {"https://example.com/a\nb", "Invalid URL \"https://example.com/a\nb\": it contains a space or control "
                                   "character, which must be percent-encoded."},
      {"https://[::1/", "Invalid URL \"https://[::1/\": the IPv6 address has no closing \"]\"."},
      {"https://[::1]x/", "Invalid URL \"https://[::1]x/\": unexpected characters after the IPv6 address."},
  };

  for (const Case& test_case : cases) {
    BOOST_TEST_CONTEXT("URL " << test_case.url) {
      try {
        parse_url(test_case.url);
        BOOST_ERROR("parse_url accepted the URL");
      } catch (const UrlError& error) {
        BOOST_TEST(error.what() == test_case.message);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(url_error_is_invalid_argument) {
  BOOST_CHECK_THROW(parse_url("ftp://example.com/"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(percent_encode_encodes_at_sign) {
  BOOST_TEST(percent_encode("devilkiller@example.org") == "devilkiller%40example.org");
}

BOOST_AUTO_TEST_CASE(percent_encode_keeps_unreserved_characters) {
  BOOST_TEST(percent_encode("AZaz09-._~") == "AZaz09-._~");
}

BOOST_AUTO_TEST_CASE(percent_encode_encodes_reserved_characters) {
  BOOST_TEST(percent_encode("+31 6/?&=#%:") == "%2B31%206%2F%3F%26%3D%23%25%3A");
}

BOOST_AUTO_TEST_CASE(percent_encode_encodes_utf8_bytes) {
  BOOST_TEST(percent_encode("Zoë") == "Zo%C3%AB");
}

BOOST_AUTO_TEST_CASE(percent_encode_returns_empty_for_empty_value) {
  BOOST_TEST(percent_encode("") == "");
}

BOOST_AUTO_TEST_CASE(build_url_appends_query_in_given_order) {
  const QueryParameters query = {
      {"verstrektDoorPartij__uuid", "4bf35628-d6fd-4815-9a76-e55c275986b9"},
      {"adres", "devilkiller@example.org"},
  };

  const std::string url = build_url("http://localhost:8005/klantinteracties/api/v1/", "digitaleadressen", query);

  BOOST_TEST(url ==
             "http://localhost:8005/klantinteracties/api/v1/digitaleadressen"
             "?verstrektDoorPartij__uuid=4bf35628-d6fd-4815-9a76-e55c275986b9&adres=devilkiller%40example.org");
}

BOOST_AUTO_TEST_CASE(build_url_encodes_keys_and_values) {
  const QueryParameters query = {{"a b", "c&d=e"}};

  BOOST_TEST(build_url("https://example.com/api/", "partijen", query) == "https://example.com/api/partijen?a%20b=c%26d%3De");
}

BOOST_AUTO_TEST_CASE(build_url_without_query_adds_no_question_mark) {
  BOOST_TEST(build_url("https://example.com/api/v1/", "partijen/4bf35628", {}) ==
             "https://example.com/api/v1/partijen/4bf35628");
}

BOOST_AUTO_TEST_CASE(build_url_requires_trailing_slash_root) {
  try {
    build_url("https://example.com/api/v1", "partijen", {});
    BOOST_ERROR("build_url accepted the API root");
  } catch (const UrlError& error) {
    BOOST_TEST(error.what() == std::string("Invalid URL \"https://example.com/api/v1\": the API root must end with \"/\"."));
  }
}

BOOST_AUTO_TEST_CASE(build_url_rejects_absolute_path) {
  try {
    build_url("https://example.com/api/v1/", "/partijen", {});
    BOOST_ERROR("build_url accepted the path");
  } catch (const UrlError& error) {
    BOOST_TEST(error.what() ==
               std::string("Invalid URL \"/partijen\": the path must be relative to the API root, without a leading "
                           "\"/\"."));
  }
}

BOOST_AUTO_TEST_SUITE_END()
