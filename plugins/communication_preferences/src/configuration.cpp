#include "configuration.hpp"

#include "errors.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

namespace commprefs {
namespace {

[[noreturn]] void fail(const std::string& where, const std::string& problem) {
  throw ConfigurationError("Invalid configuration: " + where + ": " + problem);
}

std::string string_field(const boost::json::object& object, std::string_view key, const std::string& where,
                         bool required) {
  const boost::json::value* member = object.if_contains(key);
  if (member == nullptr || member->is_null()) {
    if (required) fail(where, "\"" + std::string(key) + "\" is missing.");
    return {};
  }
  if (!member->is_string()) fail(where, "\"" + std::string(key) + "\" must be a string.");
  return std::string(member->get_string());
}

const boost::json::array& array_field(const boost::json::object& document, std::string_view key) {
  const boost::json::value* member = document.if_contains(key);
  if (member == nullptr || !member->is_array()) {
    fail("configuration", "\"" + std::string(key) + "\" must be an array.");
  }
  return member->get_array();
}

std::chrono::milliseconds parse_timeout(const boost::json::object& object, const std::string& where) {
  const boost::json::value* member = object.if_contains("timeout_s");
  if (member == nullptr || member->is_null()) return std::chrono::milliseconds(10000);
  if (!member->is_number()) fail(where, "\"timeout_s\" must be a number of seconds.");
  const double seconds = member->to_number<double>();
  if (!(seconds > 0.0) || seconds > 600.0) {
    fail(where, "\"timeout_s\" must be more than 0 and at most 600 seconds.");
  }
  return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000.0)));
}

void check_api_root(const Service& service, const std::string& where) {
  static const std::regex url_pattern(R"(^https?://[^/\s?#]+(/[^\s?#]*)?$)", std::regex::icase);
  if (!std::regex_match(service.api_root, url_pattern)) {
    fail(where, "\"api_root\" must be an http(s) URL without query, such as "
                "https://example.org/klantinteracties/api/v1/.");
  }
  if (service.api_root.back() != '/') fail(where, "\"api_root\" must end with '/'.");
  const bool plain = service.api_root.compare(0, 7, "http://") == 0 || service.api_root.compare(0, 7, "HTTP://") == 0;
  if (plain && !service.allow_plain_http) {
    fail(where, "\"api_root\" uses plain http, which sends the API key unencrypted; use https, or set "
                "\"allow_plain_http\": true for a service on a trusted network.");
  }
}

Service parse_service(const boost::json::value& item, std::size_t index) {
  std::string where = "services[" + std::to_string(index) + "]";
  if (!item.is_object()) fail(where, "must be an object.");
  const auto& object = item.get_object();

  Service service;
  service.identifier = string_field(object, "identifier", where, true);
  where = "service \"" + service.identifier + "\"";
  service.label = string_field(object, "label", where, false);
  service.api_root = string_field(object, "api_root", where, true);

  const std::string auth_type = string_field(object, "auth_type", where, false);
  if (!auth_type.empty() && auth_type != "api_key") {
    fail(where, "\"auth_type\" \"" + auth_type + "\" is not supported; use \"api_key\".");
  }
  service.header_key = string_field(object, "header_key", where, false);
  if (service.header_key.empty()) service.header_key = "Authorization";
  service.header_value = string_field(object, "header_value", where, true);
  if (service.header_value.find_first_of("\r\n") != std::string::npos ||
      service.header_key.find_first_of("\r\n: ") != std::string::npos) {
    fail(where, "\"header_key\" and \"header_value\" must be single-line header text.");
  }

  service.timeout = parse_timeout(object, where);
  service.server_ca_file = string_field(object, "server_ca_file", where, false);
  service.client_cert_file = string_field(object, "client_cert_file", where, false);
  service.client_key_file = string_field(object, "client_key_file", where, false);
  if (service.client_cert_file.empty() != service.client_key_file.empty()) {
    fail(where, "\"client_cert_file\" and \"client_key_file\" must be given together.");
  }
  const boost::json::value* plain = object.if_contains("allow_plain_http");
  if (plain != nullptr && !plain->is_null()) {
    if (!plain->is_bool()) fail(where, "\"allow_plain_http\" must be true or false.");
    service.allow_plain_http = plain->get_bool();
  }
  const boost::json::value* reuse = object.if_contains("reuse_connections");
  if (reuse != nullptr && !reuse->is_null()) {
    if (!reuse->is_bool()) fail(where, "\"reuse_connections\" must be true or false.");
    service.reuse_connections = reuse->get_bool();
  }

  check_api_root(service, where);
  return service;
}

PreferenceMarker parse_marker(const boost::json::object& object, const std::string& where) {
  PreferenceMarker marker;
  const boost::json::value* member = object.if_contains("preference_marker");
  if (member == nullptr || member->is_null()) return marker;
  if (!member->is_object()) {
    fail(where, "\"preference_marker\" must be an object such as {\"type\": \"isStandaardAdres\"} or "
                "{\"type\": \"referentie\", \"value\": \"portaalvoorkeur\"}.");
  }
  const auto& spec = member->get_object();
  const std::string type = string_field(spec, "type", where + " preference_marker", true);
  if (type == "isStandaardAdres") return marker;
  if (type != "referentie") {
    fail(where, "preference_marker type \"" + type + "\" is unknown; use \"isStandaardAdres\" or \"referentie\".");
  }

  // Open Klant accepts a referentie of at most 50 characters: letters, digits, '-' and '_'.
  static const std::regex slug(R"(^[-a-zA-Z0-9_]{1,50}$)");
  marker.kind = PreferenceMarker::Kind::referentie;
  marker.referentie = string_field(spec, "value", where + " preference_marker", true);
  if (!std::regex_match(marker.referentie, slug)) {
    fail(where, "preference_marker value must be 1 to 50 letters, digits, '-' or '_'.");
  }
  return marker;
}

ApiGroup parse_group(const boost::json::value& item, std::size_t index) {
  std::string where = "customer_interactions_api_groups[" + std::to_string(index) + "]";
  if (!item.is_object()) fail(where, "must be an object.");
  const auto& object = item.get_object();

  ApiGroup group;
  group.identifier = string_field(object, "identifier", where, true);
  where = "API group \"" + group.identifier + "\"";
  group.name = string_field(object, "name", where, true);
  group.service = string_field(object, "service", where, true);
  group.preference_marker = parse_marker(object, where);
  return group;
}

}  // namespace

const ApiGroup* Configuration::find_group(std::string_view identifier) const {
  auto found = std::find_if(groups.begin(), groups.end(),
                            [&](const ApiGroup& group) { return group.identifier == identifier; });
  return found == groups.end() ? nullptr : &*found;
}

const Service* Configuration::find_service(std::string_view identifier) const {
  auto found = std::find_if(services.begin(), services.end(),
                            [&](const Service& service) { return service.identifier == identifier; });
  return found == services.end() ? nullptr : &*found;
}

Configuration parse_configuration(const boost::json::object& document) {
  Configuration configuration;

  const auto& services = array_field(document, "services");
  std::set<std::string> service_ids;
  for (std::size_t i = 0; i < services.size(); ++i) {
    Service service = parse_service(services[i], i);
    if (!service_ids.insert(service.identifier).second) {
      fail("service \"" + service.identifier + "\"", "the identifier is used twice.");
    }
    configuration.services.push_back(std::move(service));
  }

  const auto& groups = array_field(document, "customer_interactions_api_groups");
  std::set<std::string> group_ids;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    ApiGroup group = parse_group(groups[i], i);
    if (!group_ids.insert(group.identifier).second) {
      fail("API group \"" + group.identifier + "\"", "the identifier is used twice.");
    }
    if (configuration.find_service(group.service) == nullptr) {
      fail("API group \"" + group.identifier + "\"", "service \"" + group.service + "\" does not exist.");
    }
    configuration.groups.push_back(std::move(group));
  }
  return configuration;
}

}  // namespace commprefs
