// Reading the configuration, form and submission files named on the command
// line. Every failure is a SetupError whose message names the file and the
// problem: "form file forms/x.json: \"components\" must be an array".
#ifndef HOST_STUB_INPUT_FILES_HPP
#define HOST_STUB_INPUT_FILES_HPP

#include "form_model.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace host_stub {

// Files larger than this are rejected before they are read.
constexpr std::uintmax_t max_input_file_bytes = 16u * 1024u * 1024u;

struct JsonFile {
  std::filesystem::path path;
  std::string text;
  boost::json::value document;
};

// Reads and parses one JSON file. role names the file in messages ("form").
JsonFile read_json_file(const std::filesystem::path& path, std::string_view role);

// The configuration file. Only its outline is checked here: a JSON object with
// the arrays "services" and "customer_interactions_api_groups". Each plugin's
// configure hook checks the rest.
struct ConfigurationFile {
  std::filesystem::path path;
  std::string text;  // passed to configure unchanged
  boost::json::object document;
};

ConfigurationFile load_configuration(const std::filesystem::path& path);

Form load_form(const std::filesystem::path& path);

// A submission: "uuid", "language_code", "public_registration_reference" and
// "data" are required, "auth_info" must be present (an object or null), and
// "registration_attempt" is optional.
boost::json::object load_submission(const std::filesystem::path& path);

// Checks a submission document's shape; throws std::invalid_argument naming the member.
void check_submission_shape(const boost::json::value& document);

}  // namespace host_stub

#endif  // HOST_STUB_INPUT_FILES_HPP
