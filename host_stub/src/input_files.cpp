#include "input_files.hpp"

#include "errors.hpp"
#include "json_text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace host_stub {
namespace {

std::string file_label(const std::filesystem::path& path, std::string_view role) {
  return std::string(role) + " file " + path.string();
}

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view role, const std::string& problem) {
  throw SetupError(file_label(path, role) + ": " + problem);
}

void check_is_readable_file(const std::filesystem::path& path, std::string_view role) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (status.type() == std::filesystem::file_type::not_found) fail(path, role, "the file does not exist");
  if (error) fail(path, role, "cannot be read: " + error.message());
  if (std::filesystem::is_directory(status)) fail(path, role, "is a directory, not a file");

  if (std::filesystem::is_regular_file(status)) {
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > max_input_file_bytes) {
      fail(path, role, "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                           std::to_string(max_input_file_bytes) + " bytes");
    }
  }
}

std::string read_whole_file(const std::filesystem::path& path, std::string_view role) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) fail(path, role, std::string("cannot be read: ") + std::strerror(errno));

  std::string text;
  char buffer[65536];
  while (true) {
    const std::size_t count = std::fread(buffer, 1, sizeof buffer, file.get());
    text.append(buffer, count);
    if (text.size() > max_input_file_bytes) {
      fail(path, role, "the file is larger than the limit of " + std::to_string(max_input_file_bytes) + " bytes");
    }
    if (count < sizeof buffer) break;
  }
  if (std::ferror(file.get())) fail(path, role, std::string("cannot be read: ") + std::strerror(errno));
  return text;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

const boost::json::value& require_member(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  if (value == nullptr) throw std::invalid_argument("\"" + std::string(name) + "\" is missing");
  return *value;
}

void require_string(const boost::json::object& object, std::string_view name, const std::string& prefix = {}) {
  const auto& value = require_member(object, name);
  if (!value.is_string()) {
    throw std::invalid_argument("\"" + prefix + std::string(name) + "\" must be a string, not " +
                                std::string(kind_name(value)));
  }
}

void check_auth_info_shape(const boost::json::value& auth_info) {
  if (auth_info.is_null()) return;
  if (!auth_info.is_object()) {
    throw std::invalid_argument("\"auth_info\" must be an object or null, not " + std::string(kind_name(auth_info)));
  }
  const auto& object = auth_info.get_object();
  require_string(object, "attribute", "auth_info.");
  require_string(object, "value", "auth_info.");
  if (const auto* restriction = object.if_contains("legal_subject_service_restriction");
      restriction != nullptr && !restriction->is_string() && !restriction->is_null()) {
    throw std::invalid_argument("\"auth_info.legal_subject_service_restriction\" must be a string or null");
  }
}

}  // namespace

JsonFile read_json_file(const std::filesystem::path& path, std::string_view role) {
  check_is_readable_file(path, role);
  JsonFile file{path, read_whole_file(path, role), {}};
  if (is_blank(file.text)) fail(path, role, "the file is empty");

  auto parsed = parse_json(file.text);
  if (!parsed.document) fail(path, role, parsed.error);
  file.document = std::move(*parsed.document);
  return file;
}

ConfigurationFile load_configuration(const std::filesystem::path& path) {
  JsonFile file = read_json_file(path, "configuration");
  if (!file.document.is_object()) {
    fail(path, "configuration", "the document must be a JSON object, not " + std::string(kind_name(file.document)));
  }
  const auto& object = file.document.get_object();
  for (const std::string_view name : {"services", "customer_interactions_api_groups"}) {
    const auto* member = object.if_contains(name);
    if (member == nullptr || !member->is_array()) {
      fail(path, "configuration", "\"" + std::string(name) + "\" must be an array");
    }
  }
  return ConfigurationFile{path, std::move(file.text), object};
}

Form load_form(const std::filesystem::path& path) {
  JsonFile file = read_json_file(path, "form");
  try {
    return read_form(file.document);
  } catch (const FormShapeError& error) {
    fail(path, "form", error.what());
  }
}

void check_submission_shape(const boost::json::value& document) {
  if (!document.is_object()) {
    throw std::invalid_argument("the document must be a JSON object, not " + std::string(kind_name(document)));
  }
  const auto& object = document.get_object();
  require_string(object, "uuid");
  require_string(object, "language_code");
  require_string(object, "public_registration_reference");
  check_auth_info_shape(require_member(object, "auth_info"));

  const auto& data = require_member(object, "data");
  if (!data.is_object()) throw std::invalid_argument("\"data\" must be an object, not " + std::string(kind_name(data)));

  if (const auto* attempt = object.if_contains("registration_attempt")) {
    const bool positive = (attempt->is_int64() && attempt->get_int64() > 0) ||
                          (attempt->is_uint64() && attempt->get_uint64() > 0);
    if (!positive) throw std::invalid_argument("\"registration_attempt\" must be a positive integer");
  }
}

boost::json::object load_submission(const std::filesystem::path& path) {
  JsonFile file = read_json_file(path, "submission");
  try {
    check_submission_shape(file.document);
  } catch (const std::invalid_argument& error) {
    fail(path, "submission", error.what());
  }
  return file.document.get_object();
}

}  // namespace host_stub
