// A configuration ready for use: the parsed configuration and one HTTP client
// per service, built once per configure call and shared by all hooks.
#pragma once

#include "configuration.hpp"
#include "http/http_client.hpp"
#include "logger.hpp"
#include "open_klant_client.hpp"

#include <map>
#include <memory>
#include <string>

namespace commprefs {

class Runtime {
 public:
  // Builds the HTTP clients; a CA or client certificate file that cannot be
  // read throws ConfigurationError naming the service and the file.
  explicit Runtime(Configuration configuration);

  const Configuration& configuration() const { return configuration_; }

  // The group named in a variable's options; throws ConfigurationError when it does not exist.
  const ApiGroup& group(std::string_view identifier) const;

  // A client for the group's service; valid while this Runtime lives.
  OpenKlantClient client_for(const ApiGroup& group, const Logger& logger) const;

 private:
  Configuration configuration_;
  std::map<std::string, std::unique_ptr<http::HttpClient>, std::less<>> clients_;
};

}  // namespace commprefs
