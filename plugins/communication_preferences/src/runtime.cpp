#include "runtime.hpp"

#include "errors.hpp"

namespace commprefs {

Runtime::Runtime(Configuration configuration) : configuration_(std::move(configuration)) {
  for (const auto& service : configuration_.services) {
    http::ClientSettings settings;
    settings.timeout = service.timeout;
    settings.tls.ca_file = service.server_ca_file;
    settings.tls.client_certificate_file = service.client_cert_file;
    settings.tls.client_key_file = service.client_key_file;
    settings.allow_plain_http = service.allow_plain_http;
    settings.reuse_connections = service.reuse_connections;
    try {
      clients_.emplace(service.identifier, std::make_unique<http::HttpClient>(settings));
    } catch (const http::TransportError& error) {
      throw ConfigurationError("Invalid configuration: service \"" + service.identifier + "\": " + error.what());
    }
  }
}

const ApiGroup& Runtime::group(std::string_view identifier) const {
  const ApiGroup* group = configuration_.find_group(identifier);
  if (group == nullptr) {
    throw ConfigurationError("The customer interactions API group \"" + std::string(identifier) +
                             "\" is not configured. Choose an existing group in the prefill options.");
  }
  return *group;
}

OpenKlantClient Runtime::client_for(const ApiGroup& group, const Logger& logger) const {
  // parse_configuration guarantees the service exists.
  const Service& service = *configuration_.find_service(group.service);
  return OpenKlantClient(service, *clients_.find(group.service)->second, logger);
}

}  // namespace commprefs
