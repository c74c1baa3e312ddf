// The plugins of one host_stub run: every *.so in the plugin folder, loaded,
// described, given an instance, and indexed by the identifier that describe returns.
#ifndef HOST_STUB_PLUGIN_REGISTRY_HPP
#define HOST_STUB_PLUGIN_REGISTRY_HPP

#include "formplugin/host.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace host_stub {

struct ConfigurationFile;

// Result of one hook call, with the result document already parsed.
struct HookAnswer {
  int32_t status = FP_STATUS_INTERNAL_ERROR;
  std::string message;        // the plugin's message, or one made by the host when it sent none
  boost::json::value result;  // the result object, or null when the plugin sent no document

  bool done() const { return status == FP_STATUS_DONE; }
  // The result's member, or nullptr when the result is not an object or lacks it.
  const boost::json::value* result_member(std::string_view name) const;
};

class RegisteredPlugin {
 public:
  RegisteredPlugin(std::string identifier, boost::json::object description, std::vector<std::string> component_types,
                   formplugin::host::Instance instance);

  const std::string& identifier() const { return identifier_; }
  const boost::json::object& description() const { return description_; }
  const std::vector<std::string>& component_types() const { return component_types_; }
  const std::filesystem::path& path() const { return instance_.plugin().path(); }

  // Calls a hook and parses its result. A result document that is not a JSON
  // object changes the status to FP_STATUS_INTERNAL_ERROR, with a message saying so.
  HookAnswer call(formplugin::host::Hook hook, const boost::json::value& request) const;
  HookAnswer call_with_text(formplugin::host::Hook hook, std::string_view request) const;

 private:
  std::string identifier_;
  boost::json::object description_;
  std::vector<std::string> component_types_;
  formplugin::host::Instance instance_;
};

class PluginRegistry {
 public:
  // Loads every *.so in the folder, in name order. A library that cannot be
  // loaded, described or instantiated is logged as plugin_skipped and left
  // out. Throws SetupError when the folder cannot be listed, when two plugins
  // share an identifier, or when two claim the same component type.
  static PluginRegistry load(const std::filesystem::path& plugin_dir);

  // Sends the configuration file's text to every plugin's configure hook. A
  // plugin without that hook (not_supported) needs no configuration. Throws
  // SetupError for any other status but done, with the plugin's message.
  void configure_all(const ConfigurationFile& configuration) const;

  const std::vector<std::unique_ptr<RegisteredPlugin>>& plugins() const { return plugins_; }
  const RegisteredPlugin* find(std::string_view identifier) const;
  // The plugin that lists this type in describe's "component_types", or nullptr.
  const RegisteredPlugin* for_component_type(std::string_view type) const;

 private:
  void add(std::unique_ptr<RegisteredPlugin> plugin);

  std::vector<std::unique_ptr<RegisteredPlugin>> plugins_;
};

}  // namespace host_stub

#endif  // HOST_STUB_PLUGIN_REGISTRY_HPP
