#include "open_klant_client.hpp"

#include "errors.hpp"
#include "json_util.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace commprefs {
namespace {

// A list longer than this many pages is treated as a server fault rather than
// followed forever: at the default page size that is 100,000 objects.
constexpr int max_pages = 1000;

// The part of an error body an administrator needs: "detail" and each invalid parameter.
std::string describe_error_body(const boost::json::value& body) {
  if (!body.is_object()) return {};
  const auto& object = body.get_object();
  std::string text;
  if (const auto* detail = object.if_contains("detail"); detail != nullptr && detail->is_string()) {
    text = std::string(detail->get_string());
  }
  for (const auto& parameter : invalid_params_of(body)) {
    if (!parameter.is_object()) continue;
    const auto& fields = parameter.get_object();
    const auto* name = fields.if_contains("name");
    const auto* reason = fields.if_contains("reason");
    text += text.empty() ? "" : "; ";
    text += name != nullptr && name->is_string() ? std::string(name->get_string()) : "?";
    text += ": ";
    text += reason != nullptr && reason->is_string() ? std::string(reason->get_string()) : "invalid";
  }
  return text;
}

std::string status_advice(int status, const Service& service) {
  if (status == 401 || status == 403) {
    return " Check the API key (header_value) of service \"" + service.identifier + "\".";
  }
  if (status == 404) return " Check the api_root of service \"" + service.identifier + "\".";
  return {};
}

// The URL with the values of identifying query parameters (objectId filters,
// adres) masked, for messages and results that end up in logs.
std::string redact_url(const std::string& url) {
  const auto query = url.find('?');
  if (query == std::string::npos) return url;
  std::string redacted = url.substr(0, query + 1);
  std::size_t start = query + 1;
  while (start <= url.size()) {
    const std::size_t end = std::min(url.find('&', start), url.size());
    const std::string parameter = url.substr(start, end - start);
    const auto equals = parameter.find('=');
    const std::string name = parameter.substr(0, equals);
    const bool identifying = name == "adres" || (name.size() >= 8 && name.compare(name.size() - 8, 8, "objectId") == 0);
    redacted += identifying && equals != std::string::npos ? name + "=" + mask_identifier(parameter.substr(equals + 1))
                                                           : parameter;
    if (end == url.size()) break;
    redacted += '&';
    start = end + 1;
  }
  return redacted;
}

std::string path_of(std::string_view url) {
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  return path_start == std::string_view::npos ? "/" : std::string(url.substr(path_start));
}

}  // namespace

boost::json::array invalid_params_of(const boost::json::value& body) {
  if (!body.is_object()) return {};
  const auto* params = body.get_object().if_contains("invalidParams");
  if (params == nullptr || !params->is_array()) return {};
  return params->get_array();
}

OpenKlantClient::OpenKlantClient(const Service& service, const http::HttpClient& http, const Logger& logger)
    : service_(service), http_(http), logger_(logger) {}

boost::json::value OpenKlantClient::exchange(std::string_view method, const std::string& url, const std::string& body,
                                             int expected_status) const {
  http::HttpRequest request;
  request.method = std::string(method);
  request.url = url;
  request.headers.emplace_back(service_.header_key, service_.header_value);
  request.body = body;

  // Send; a network failure becomes an ApiError with status 0.
  http::HttpResponse response;
  try {
    response = http_.send(request);
  } catch (const http::TransportError& error) {
    logger_.error("open_klant_unreachable", {{"service", service_.identifier}, {"method", method}});
    throw ApiError("Open Klant (service \"" + service_.identifier + "\") could not be reached for " +
                       std::string(method) + " " + redact_url(url) + ": " + error.what(),
                   0, std::string(method), redact_url(url), nullptr);
  }

  // Parse the body; error bodies that are not JSON (an HTML 404 page) are kept out of the message.
  boost::system::error_code parse_error;
  boost::json::parse_options options;
  options.max_depth = 64;
  boost::json::value document = boost::json::parse(response.body, parse_error, {}, options);
  if (parse_error) document = nullptr;

  if (response.status != expected_status) {
    const std::string details = describe_error_body(document);
    logger_.error("open_klant_error_status",
                  {{"service", service_.identifier}, {"method", method}, {"status", std::to_string(response.status)}});
    const bool ends_sentence = !details.empty() && (details.back() == '.' || details.back() == '!');
    throw ApiError("Open Klant (service \"" + service_.identifier + "\") returned status " +
                       std::to_string(response.status) + " for " + std::string(method) + " " + redact_url(url) +
                       (details.empty() ? "." : ": " + details + (ends_sentence ? "" : ".")) +
                       status_advice(response.status, service_),
                   response.status, std::string(method), redact_url(url), std::move(document));
  }
  if (parse_error) {
    throw ApiError("Open Klant (service \"" + service_.identifier + "\") returned a response to " +
                       std::string(method) + " " + redact_url(url) +
                       " that is not valid JSON: " + parse_error.message() + ".",
                   response.status, std::string(method), redact_url(url), nullptr);
  }
  return document;
}

boost::json::object OpenKlantClient::get_object(std::string_view path, const http::QueryParameters& query) const {
  const std::string url = http::build_url(service_.api_root, path, query);
  boost::json::value document = exchange("GET", url, {}, 200);
  if (!document.is_object()) {
    throw ApiError("Open Klant's response to GET " + redact_url(url) + " is not a JSON object.", 200, "GET",
                   redact_url(url), std::move(document));
  }
  return std::move(document.get_object());
}

std::string OpenKlantClient::rebase_next_url(std::string_view next, const std::string& previous_url) const {
  // The API may name itself with another host name than the configured one
  // (behind a proxy). Only the path and query are taken over, so the API key
  // is never sent anywhere but the configured api_root.
  const std::string next_path = path_of(next);
  const std::string root_path = path_of(service_.api_root);
  if (next_path.compare(0, root_path.size(), root_path) != 0) {
    throw ApiError("Open Klant's response to GET " + redact_url(previous_url) +
                       " points to a next page outside the API root: " + redact_url(std::string(next)) + ".",
                   200, "GET", redact_url(previous_url), nullptr);
  }
  return service_.api_root + next_path.substr(root_path.size());
}

std::vector<boost::json::object> OpenKlantClient::list_all(std::string_view path,
                                                           const http::QueryParameters& query) const {
  std::vector<boost::json::object> results;
  std::string url = http::build_url(service_.api_root, path, query);

  for (int page = 1;; ++page) {
    if (page > max_pages) {
      throw ApiError("Open Klant listed more than " + std::to_string(max_pages) + " pages for " + std::string(path) +
                         "; the list was not read to its end.",
                     200, "GET", redact_url(url), nullptr);
    }
    boost::json::value document = exchange("GET", url, {}, 200);
    const auto* object = document.if_object();
    const auto* items = object != nullptr ? object->if_contains("results") : nullptr;
    if (items == nullptr || !items->is_array()) {
      throw ApiError("Open Klant's response to GET " + redact_url(url) + " is a list without a \"results\" array.", 200,
                     "GET", redact_url(url), std::move(document));
    }
    for (const auto& item : items->get_array()) {
      if (!item.is_object()) {
        throw ApiError("Open Klant's response to GET " + redact_url(url) + " contains a result that is not an object.",
                       200, "GET", redact_url(url), nullptr);
      }
      results.push_back(item.get_object());
    }

    const auto* next = object->if_contains("next");
    if (next == nullptr || next->is_null()) break;
    if (!next->is_string()) {
      throw ApiError("Open Klant's response to GET " + redact_url(url) + " has a \"next\" that is not a URL.", 200,
                     "GET", redact_url(url), nullptr);
    }
    url = rebase_next_url(next->get_string(), url);
  }
  return results;
}

boost::json::object OpenKlantClient::post(std::string_view path, const boost::json::object& body) const {
  const std::string url = http::build_url(service_.api_root, path, {});
  boost::json::value document = exchange("POST", url, json::to_string(body), 201);
  if (!document.is_object()) {
    throw ApiError("Open Klant's response to POST " + redact_url(url) + " is not a JSON object.", 201, "POST",
                   redact_url(url), nullptr);
  }
  return std::move(document.get_object());
}

boost::json::object OpenKlantClient::patch(std::string_view path, const boost::json::object& body) const {
  const std::string url = http::build_url(service_.api_root, path, {});
  boost::json::value document = exchange("PATCH", url, json::to_string(body), 200);
  if (!document.is_object()) {
    throw ApiError("Open Klant's response to PATCH " + redact_url(url) + " is not a JSON object.", 200, "PATCH",
                   redact_url(url), nullptr);
  }
  return std::move(document.get_object());
}

void OpenKlantClient::check_root() const { exchange("GET", service_.api_root, {}, 200); }

}  // namespace commprefs
