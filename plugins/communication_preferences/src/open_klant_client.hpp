// Calls to one Klantinteracties API service: authentication, JSON bodies,
// pagination and the translation of failures into ApiError.
#pragma once

#include "configuration.hpp"
#include "http/http_client.hpp"
#include "http/url.hpp"
#include "logger.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace commprefs {

class OpenKlantClient {
 public:
  // Both references must outlive the client.
  OpenKlantClient(const Service& service, const http::HttpClient& http, const Logger& logger);

  // GET a single object, such as "partijen/<uuid>".
  boost::json::object get_object(std::string_view path, const http::QueryParameters& query = {}) const;

  // GET a paginated list and follow "next" until it is null; returns every result in order.
  std::vector<boost::json::object> list_all(std::string_view path, const http::QueryParameters& query) const;

  boost::json::object post(std::string_view path, const boost::json::object& body) const;
  boost::json::object patch(std::string_view path, const boost::json::object& body) const;

  // Sends GET to the API root; throws ApiError unless the status is 200.
  void check_root() const;

  const Service& service() const { return service_; }

 private:
  boost::json::value exchange(std::string_view method, const std::string& url, const std::string& body,
                              int expected_status) const;
  std::string rebase_next_url(std::string_view next, const std::string& previous_url) const;

  const Service& service_;
  const http::HttpClient& http_;
  const Logger& logger_;
};

// The invalidParams of an Open Klant error body, or an empty array.
boost::json::array invalid_params_of(const boost::json::value& body);

}  // namespace commprefs
