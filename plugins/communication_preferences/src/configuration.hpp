// The plugin's configuration: the host's services and customer interactions
// API groups, checked once when the host configures the plugin.
#pragma once

#include <boost/json/object.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace commprefs {

// A Klantinteracties API service as the host stores it.
struct Service {
  std::string identifier;
  std::string label;
  std::string api_root;  // ends with '/'
  std::string header_key;
  std::string header_value;  // a secret: never logged
  std::chrono::milliseconds timeout{10000};
  std::string server_ca_file;
  std::string client_cert_file;
  std::string client_key_file;
  bool allow_plain_http = false;
  bool reuse_connections = true;  // whether HTTP connections stay open between requests
};

// The marker an API group puts on a partij's preferred digital address of a type.
struct PreferenceMarker {
  enum class Kind { is_standaard_adres, referentie };
  Kind kind = Kind::is_standaard_adres;
  std::string referentie;  // the tag, such as "portaalvoorkeur", when kind is referentie
};

struct ApiGroup {
  std::string identifier;
  std::string name;
  std::string service;  // identifier of a Service
  PreferenceMarker preference_marker;
};

struct Configuration {
  std::vector<Service> services;
  std::vector<ApiGroup> groups;  // in configuration order

  const ApiGroup* find_group(std::string_view identifier) const;
  const Service* find_service(std::string_view identifier) const;
};

// Reads and checks a configuration document; throws ConfigurationError with a
// message that names the service or group and the field at fault.
Configuration parse_configuration(const boost::json::object& document);

}  // namespace commprefs
