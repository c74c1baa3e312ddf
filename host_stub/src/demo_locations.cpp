#include "demo_locations.hpp"

#include "errors.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

namespace host_stub {
namespace {

constexpr const char* demo_form_file = "demo_form.json";

std::filesystem::path executable_dir() {
  std::error_code error;
  const std::filesystem::path location = boost::dll::program_location(error);
  if (error) throw SetupError("cannot find the folder of the host_stub executable: " + error.message());
  return location.parent_path();
}

std::string environment_value(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

bool is_folder(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error);
}

bool holds_demo_data(const std::filesystem::path& folder) {
  std::error_code error;
  return std::filesystem::is_regular_file(folder / demo_form_file, error);
}

std::string list_of(const std::vector<std::filesystem::path>& folders) {
  std::string list;
  for (const auto& folder : folders) {
    if (!list.empty()) list += ", ";
    list += folder.string();
  }
  return list;
}

}  // namespace

std::filesystem::path find_demo_plugin_dir() {
  if (const std::string configured = environment_value("FORMPLUGIN_PLUGIN_DIR"); !configured.empty()) {
    return configured;
  }

  const std::filesystem::path bin = executable_dir();
  const std::vector<std::filesystem::path> candidates{
      (bin / ".." / "lib" / "formplugin" / "plugins").lexically_normal(),
      (bin / HOST_STUB_INSTALLED_PLUGIN_DIR).lexically_normal(),
  };
  for (const auto& candidate : candidates) {
    if (is_folder(candidate)) return candidate;
  }
  throw SetupError("no plugin folder found (tried " + list_of(candidates) +
                   "); set FORMPLUGIN_PLUGIN_DIR to the folder that holds the plugin libraries");
}

std::filesystem::path find_demo_data_dir() {
  if (const std::string configured = environment_value("FORMPLUGIN_DATA_DIR"); !configured.empty()) {
    const std::filesystem::path folder(configured);
    if (holds_demo_data(folder / "demo")) return folder / "demo";
    if (holds_demo_data(folder)) return folder;
    throw SetupError("FORMPLUGIN_DATA_DIR is " + configured + ", but neither it nor its demo subfolder contains " +
                     demo_form_file);
  }

  const std::filesystem::path bin = executable_dir();
  const std::vector<std::filesystem::path> candidates{
      (bin / ".." / "share" / "formplugin" / "demo").lexically_normal(),
      (bin / HOST_STUB_INSTALLED_DATA_DIR / "demo").lexically_normal(),
      std::filesystem::path(HOST_STUB_SOURCE_DEMO_DIR),
  };
  for (const auto& candidate : candidates) {
    if (holds_demo_data(candidate)) return candidate;
  }
  throw SetupError("no demo data found (tried " + list_of(candidates) +
                   "); set FORMPLUGIN_DATA_DIR to the folder that holds " + demo_form_file);
}

}  // namespace host_stub
