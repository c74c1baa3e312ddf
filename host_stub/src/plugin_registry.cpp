#include "plugin_registry.hpp"

#include "errors.hpp"
#include "input_files.hpp"
#include "json_text.hpp"
#include "logging.hpp"

#include <system_error>

namespace host_stub {
namespace {

using formplugin::host::Hook;
using formplugin::host::LoadError;
using formplugin::host::LoadedPlugin;

// describe's result, checked: an object with a non-empty "identifier" and, if
// present, "component_types" as an array of strings. Throws LoadError.
boost::json::object read_description(const LoadedPlugin& library) {
  const formplugin::host::Output output = library.describe();
  const std::string file = library.path().string();
  if (!output.done()) {
    throw LoadError("Plugin " + file + " returned " + formplugin::host::status_name(output.status()) +
                    " from describe: " + std::string(output.message()));
  }
  auto parsed = parse_json(output.json());
  if (!parsed.document || !parsed.document->is_object()) {
    throw LoadError("Plugin " + file + " returned a describe result that is not a JSON object.");
  }
  auto description = std::move(parsed.document->get_object());

  const auto* identifier = description.if_contains("identifier");
  if (identifier == nullptr || !identifier->is_string() || identifier->get_string().empty()) {
    throw LoadError("Plugin " + file + " has no \"identifier\" string in its describe result.");
  }
  if (const auto* types = description.if_contains("component_types"); types != nullptr) {
    bool valid = types->is_array();
    if (valid) {
      for (const auto& type : types->get_array()) valid = valid && type.is_string();
    }
    if (!valid) throw LoadError("Plugin " + file + " lists \"component_types\" that are not an array of strings.");
  }
  return description;
}

std::vector<std::string> component_types_of(const boost::json::object& description) {
  std::vector<std::string> types;
  if (const auto* listed = description.if_contains("component_types")) {
    for (const auto& type : listed->get_array()) types.emplace_back(type.get_string());
  }
  return types;
}

std::unique_ptr<RegisteredPlugin> load_one(const std::filesystem::path& file) {
  LoadedPlugin library = LoadedPlugin::load(file);
  boost::json::object description = read_description(library);
  std::string identifier(description.at("identifier").get_string());
  std::vector<std::string> types = component_types_of(description);
  formplugin::host::Instance instance = library.create_instance(&write_plugin_log_event, nullptr);
  return std::make_unique<RegisteredPlugin>(std::move(identifier), std::move(description), std::move(types),
                                            std::move(instance));
}

std::vector<std::filesystem::path> list_plugin_files(const std::filesystem::path& plugin_dir) {
  std::error_code error;
  const auto status = std::filesystem::status(plugin_dir, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    throw SetupError("plugin folder " + plugin_dir.string() + " does not exist");
  }
  if (error) throw SetupError("plugin folder " + plugin_dir.string() + " cannot be read: " + error.message());
  if (!std::filesystem::is_directory(status)) {
    throw SetupError("plugin folder " + plugin_dir.string() + " is not a folder");
  }

  try {
    return formplugin::host::plugin_files(plugin_dir);
  } catch (const std::filesystem::filesystem_error& listing_error) {
    throw SetupError("plugin folder " + plugin_dir.string() + " cannot be listed: " +
                     listing_error.code().message());
  }
}

}  // namespace

PluginRegistry PluginRegistry::load(const std::filesystem::path& plugin_dir) {
  PluginRegistry registry;
  for (const auto& file : list_plugin_files(plugin_dir)) {
    std::unique_ptr<RegisteredPlugin> plugin;
    try {
      plugin = load_one(file);
    } catch (const LoadError& error) {
      log_event(FP_LOG_WARNING, "plugin_skipped", {{"path", file.string()}, {"reason", error.what()}});
      continue;
    }
    log_event(FP_LOG_INFO, "plugin_loaded", {{"identifier", plugin->identifier()}, {"path", file.string()}});
    registry.add(std::move(plugin));
  }
  log_event(FP_LOG_INFO, "plugin_folder_loaded",
            {{"path", plugin_dir.string()}, {"plugins", std::to_string(registry.plugins_.size())}});
  return registry;
}

void PluginRegistry::add(std::unique_ptr<RegisteredPlugin> plugin) {
  if (const auto* earlier = find(plugin->identifier())) {
    throw SetupError("plugins " + earlier->path().string() + " and " + plugin->path().string() +
                     " both have the identifier \"" + plugin->identifier() + "\"; keep only one of them in " +
                     plugin->path().parent_path().string());
  }
  for (const auto& type : plugin->component_types()) {
    if (const auto* earlier = for_component_type(type)) {
      throw SetupError("plugins " + earlier->identifier() + " and " + plugin->identifier() +
                       " both handle components of type \"" + type + "\"; keep only one of them in " +
                       plugin->path().parent_path().string());
    }
  }
  plugins_.push_back(std::move(plugin));
}

void PluginRegistry::configure_all(const ConfigurationFile& configuration) const {
  for (const auto& plugin : plugins_) {
    const HookAnswer answer = plugin->call_with_text(Hook::configure, configuration.text);
    if (answer.status == FP_STATUS_NOT_SUPPORTED) {
      log_event(FP_LOG_INFO, "plugin_needs_no_configuration", {{"identifier", plugin->identifier()}});
      continue;
    }
    if (!answer.done()) {
      throw SetupError("plugin " + plugin->identifier() + " rejected the configuration file " +
                       configuration.path.string() + " (" + formplugin::host::status_name(answer.status) +
                       "): " + answer.message);
    }
  }
}

const RegisteredPlugin* PluginRegistry::find(std::string_view identifier) const {
  for (const auto& plugin : plugins_) {
    if (plugin->identifier() == identifier) return plugin.get();
  }
  return nullptr;
}

const RegisteredPlugin* PluginRegistry::for_component_type(std::string_view type) const {
  for (const auto& plugin : plugins_) {
    for (const auto& handled : plugin->component_types()) {
      if (handled == type) return plugin.get();
    }
  }
  return nullptr;
}

}  // namespace host_stub
