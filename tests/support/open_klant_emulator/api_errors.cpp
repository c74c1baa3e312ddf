#include "open_klant_emulator/api_errors.hpp"

#include "open_klant_emulator/store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

// "http://127.0.0.1:8000" from "http://127.0.0.1:8000/klantinteracties/api/v1/".
std::string origin_of(const std::string& api_root) {
  const auto scheme_end = api_root.find("://");
  if (scheme_end == std::string::npos) return api_root;
  return api_root.substr(0, api_root.find('/', scheme_end + 3));
}

std::string error_instance() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return "urn:uuid:" + random_uuid(random);
}

json::object error_body(const std::string& api_root, int status, std::string_view error_class, std::string_view code,
                        std::string_view title, std::string_view detail) {
  json::object body;
  body["type"] = origin_of(api_root) + "/ref/fouten/" + std::string(error_class) + "/";
  body["code"] = code;
  body["title"] = title;
  body["status"] = status;
  body["detail"] = detail;
  body["instance"] = error_instance();
  return body;
}

}  // namespace

Response json_response(int status, const json::value& body) {
  return Response{status, "application/json", json::serialize(body)};
}

Response error_response(const std::string& api_root, int status, std::string_view error_class, std::string_view code,
                        std::string_view title, std::string_view detail) {
  return json_response(status, error_body(api_root, status, error_class, code, title, detail));
}

Response validation_error(const std::string& api_root, std::vector<InvalidParam> invalid_params) {
  // vng-api-common leaves "detail" empty for validation errors; invalidParams carries the reasons.
  auto body = error_body(api_root, 400, "ValidationError", "invalid", "Invalid input.", "");
  json::array params;
  for (auto& param : invalid_params) {
    json::object entry;
    entry["name"] = std::move(param.name);
    entry["code"] = std::move(param.code);
    entry["reason"] = std::move(param.reason);
    params.push_back(std::move(entry));
  }
  body["invalidParams"] = std::move(params);
  return json_response(400, body);
}

Response not_found(const std::string& api_root, std::string_view detail) {
  return error_response(api_root, 404, "NotFound", "not_found", "Not found.", detail);
}

Response method_not_allowed(const std::string& api_root, std::string_view method) {
  const std::string detail = "Method \"" + std::string(method) + "\" not allowed.";
  return error_response(api_root, 405, "MethodNotAllowed", "method_not_allowed", detail, detail);
}

Response unknown_path_page() {
  return Response{404, "text/html; charset=utf-8",
                  "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Open Klant emulator</title></head>\n"
                  "<body><h1>Sorry, the requested page could not be found (404)</h1></body>\n</html>\n"};
}

}  // namespace openklant_emulator::detail
