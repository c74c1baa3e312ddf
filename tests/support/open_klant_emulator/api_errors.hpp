// Error responses in the shape Open Klant sends them (vng-api-common's
// {"type", "code", "title", "status", "detail", "instance"}, plus
// "invalidParams" for validation errors).
#pragma once

#include "open_klant_emulator/open_klant_emulator.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace openklant_emulator::detail {

struct InvalidParam {
  std::string name;  // camelCase, nested with dots: "klantcontact.taal", "verstrektDoorPartij.uuid"
  std::string code;
  std::string reason;
};

Response json_response(int status, const boost::json::value& body);

// `error_class` names the kind of error in the "type" URL, e.g. "NotFound".
Response error_response(const std::string& api_root, int status, std::string_view error_class, std::string_view code,
                        std::string_view title, std::string_view detail);

Response validation_error(const std::string& api_root, std::vector<InvalidParam> invalid_params);

Response not_found(const std::string& api_root, std::string_view detail);

Response method_not_allowed(const std::string& api_root, std::string_view method);

// The HTML page Open Klant's web server returns for a path no API route matches.
Response unknown_path_page();

}  // namespace openklant_emulator::detail
