// host.hpp: header-only C++ layer for hosts.
//
// Loads a plugin library with Boost.DLL, checks its ABI version, and wraps the
// C table in RAII types: a LoadedPlugin keeps the library mapped, an Instance
// is destroyed through its plugin, and an Output hands its buffers back to the
// plugin that allocated them. Hosts never touch raw symbols.
//
// Compile with BOOST_DLL_USE_STD_FS so that Boost.DLL uses std::filesystem.
#ifndef FORMPLUGIN_HOST_HPP
#define FORMPLUGIN_HOST_HPP

#include "formplugin/plugin_api.h"

#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#if !defined(_WIN32)
#include <dlfcn.h>
#endif

namespace formplugin::host {

// A library that could not be used as a plugin: the message names the file and the reason.
class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The hooks that take a request document, in table order.
enum class Hook {
  configure,
  configuration_context,
  check_configuration,
  validate_prefill_options,
  prefill,
  pre_registration,
  component_empty_value,
  component_value_schema,
  component_validate,
  check_form,
};

inline const char* hook_name(Hook hook) {
  switch (hook) {
    case Hook::configure: return "configure";
    case Hook::configuration_context: return "configuration_context";
    case Hook::check_configuration: return "check_configuration";
    case Hook::validate_prefill_options: return "validate_prefill_options";
    case Hook::prefill: return "prefill";
    case Hook::pre_registration: return "pre_registration";
    case Hook::component_empty_value: return "component_empty_value";
    case Hook::component_value_schema: return "component_value_schema";
    case Hook::component_validate: return "component_validate";
    case Hook::check_form: return "check_form";
  }
  return "unknown";
}

inline const char* status_name(int32_t status) {
  switch (status) {
    case FP_STATUS_DONE: return "done";
    case FP_STATUS_SKIPPED: return "skipped";
    case FP_STATUS_INVALID_INPUT: return "invalid_input";
    case FP_STATUS_CONFIGURATION_ERROR: return "configuration_error";
    case FP_STATUS_UPSTREAM_ERROR: return "upstream_error";
    case FP_STATUS_NOT_SUPPORTED: return "not_supported";
    case FP_STATUS_INTERNAL_ERROR: return "internal_error";
  }
  return "unknown_status";
}

namespace detail {

// Offset of a hook's slot, so that a table shorter than this header's is read
// only within its struct_size.
inline std::size_t hook_offset(Hook hook) {
  switch (hook) {
    case Hook::configure: return offsetof(fp_plugin_descriptor, configure);
    case Hook::configuration_context: return offsetof(fp_plugin_descriptor, configuration_context);
    case Hook::check_configuration: return offsetof(fp_plugin_descriptor, check_configuration);
    case Hook::validate_prefill_options:
      return offsetof(fp_plugin_descriptor, validate_prefill_options);
    case Hook::prefill: return offsetof(fp_plugin_descriptor, prefill);
    case Hook::pre_registration: return offsetof(fp_plugin_descriptor, pre_registration);
    case Hook::component_empty_value: return offsetof(fp_plugin_descriptor, component_empty_value);
    case Hook::component_value_schema: return offsetof(fp_plugin_descriptor, component_value_schema);
    case Hook::component_validate: return offsetof(fp_plugin_descriptor, component_validate);
    case Hook::check_form: return offsetof(fp_plugin_descriptor, check_form);
  }
  return sizeof(fp_plugin_descriptor);
}

// Boost.DLL 1.81 reports every failed dlopen as "Bad file descriptor" when it
// fills an error_code. The dynamic loader's own reason (file not found, wrong
// ELF class, undefined symbol) is still waiting in dlerror() right afterwards.
inline std::string load_failure_reason(const std::error_code& error) {
#if !defined(_WIN32)
  if (const char* reason = ::dlerror()) return reason;
#endif
  return error.message();
}

inline fp_request_hook hook_pointer(const fp_plugin_descriptor& table, Hook hook) {
  switch (hook) {
    case Hook::configure: return table.configure;
    case Hook::configuration_context: return table.configuration_context;
    case Hook::check_configuration: return table.check_configuration;
    case Hook::validate_prefill_options: return table.validate_prefill_options;
    case Hook::prefill: return table.prefill;
    case Hook::pre_registration: return table.pre_registration;
    case Hook::component_empty_value: return table.component_empty_value;
    case Hook::component_value_schema: return table.component_value_schema;
    case Hook::component_validate: return table.component_validate;
    case Hook::check_form: return table.check_form;
  }
  return nullptr;
}

}  // namespace detail

// The result of one hook call. Owns the plugin's buffers and returns them to
// the plugin when destroyed. Keeps the library loaded while it lives.
class Output {
 public:
  Output(std::shared_ptr<const boost::dll::shared_library> library,
         void (*release)(fp_output*), fp_output raw)
      : library_(std::move(library)), release_(release), raw_(raw) {}

  // A result made by the host itself, for a hook the plugin lacks.
  static Output from_host(int32_t status, std::string message) {
    Output output(nullptr, nullptr, fp_output{});
    output.raw_.status = status;
    output.host_message_ = std::move(message);
    return output;
  }

  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  Output(Output&& other) noexcept
      : library_(std::move(other.library_)),
        release_(std::exchange(other.release_, nullptr)),
        raw_(std::exchange(other.raw_, fp_output{})),
        host_message_(std::move(other.host_message_)) {}
  Output& operator=(Output&& other) noexcept {
    if (this != &other) {
      reset();
      library_ = std::move(other.library_);
      release_ = std::exchange(other.release_, nullptr);
      raw_ = std::exchange(other.raw_, fp_output{});
      host_message_ = std::move(other.host_message_);
    }
    return *this;
  }
  ~Output() { reset(); }

  int32_t status() const { return raw_.status; }
  bool done() const { return raw_.status == FP_STATUS_DONE; }
  std::string_view message() const {
    if (!host_message_.empty()) return host_message_;
    return raw_.message == nullptr ? std::string_view() : std::string_view(raw_.message, raw_.message_length);
  }
  std::string_view json() const {
    return raw_.json == nullptr ? std::string_view() : std::string_view(raw_.json, raw_.json_length);
  }

 private:
  void reset() noexcept {
    if (release_ != nullptr) release_(&raw_);
    release_ = nullptr;
    raw_ = fp_output{};
  }

  std::shared_ptr<const boost::dll::shared_library> library_;
  void (*release_)(fp_output*) = nullptr;
  fp_output raw_{};
  std::string host_message_;
};

class Instance;

// A loaded plugin library whose ABI version matched.
class LoadedPlugin {
 public:
  // Loads the library at path and reads its descriptor; throws LoadError.
  static LoadedPlugin load(const std::filesystem::path& path) {
    auto library = std::make_shared<boost::dll::shared_library>();
    std::error_code error;
    library->load(path, error, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    if (error) {
      throw LoadError("Cannot load plugin " + path.string() + ": " + detail::load_failure_reason(error));
    }
    if (!library->has(FP_ENTRY_SYMBOL)) {
      throw LoadError("Plugin " + path.string() + " does not export " FP_ENTRY_SYMBOL
                      "; it is not a form plugin.");
    }

    const auto entry = library->get<const fp_plugin_descriptor*()>(FP_ENTRY_SYMBOL);
    const fp_plugin_descriptor* descriptor = entry();
    if (descriptor == nullptr) {
      throw LoadError("Plugin " + path.string() + " returned no descriptor.");
    }
    if (descriptor->abi_version != FP_ABI_VERSION) {
      throw LoadError("Plugin " + path.string() + " was built for plugin ABI version " +
                      std::to_string(descriptor->abi_version) + ", but this host supports version " +
                      std::to_string(FP_ABI_VERSION) + ". Install a build of the plugin for ABI version " +
                      std::to_string(FP_ABI_VERSION) + ".");
    }
    if (descriptor->struct_size < offsetof(fp_plugin_descriptor, configure) ||
        descriptor->describe == nullptr || descriptor->create_instance == nullptr ||
        descriptor->destroy_instance == nullptr || descriptor->release_output == nullptr) {
      throw LoadError("Plugin " + path.string() + " has an incomplete descriptor.");
    }
    return LoadedPlugin(path, std::move(library), descriptor);
  }

  const std::filesystem::path& path() const { return path_; }
  const fp_plugin_descriptor& descriptor() const { return *descriptor_; }

  // True when the plugin's table has a non-NULL slot for the hook.
  bool supports(Hook hook) const {
    if (detail::hook_offset(hook) + sizeof(fp_request_hook) > descriptor_->struct_size) return false;
    return detail::hook_pointer(*descriptor_, hook) != nullptr;
  }

  Output describe() const {
    fp_output raw{};
    // The returned status is the one that counts, also when the plugin left
    // output->status unset.
    raw.status = descriptor_->describe(&raw);
    return Output(library_, descriptor_->release_output, raw);
  }

  // Creates an instance that logs through log_callback; throws LoadError when
  // the plugin refuses.
  Instance create_instance(fp_host_log_callback log_callback, void* host_context) const;

 private:
  friend class Instance;
  LoadedPlugin(std::filesystem::path path, std::shared_ptr<boost::dll::shared_library> library,
               const fp_plugin_descriptor* descriptor)
      : path_(std::move(path)), library_(std::move(library)), descriptor_(descriptor) {}

  std::filesystem::path path_;
  std::shared_ptr<const boost::dll::shared_library> library_;
  const fp_plugin_descriptor* descriptor_;
};

// One plugin instance. Calls on it may come from many threads at once.
class Instance {
 public:
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;
  Instance(Instance&& other) noexcept
      : plugin_(other.plugin_), raw_(std::exchange(other.raw_, nullptr)) {}
  Instance& operator=(Instance&&) = delete;
  ~Instance() {
    if (raw_ != nullptr) plugin_.descriptor_->destroy_instance(raw_);
  }

  const LoadedPlugin& plugin() const { return plugin_; }

  // Calls a hook with a request document. A hook the plugin lacks gives
  // FP_STATUS_NOT_SUPPORTED without calling into the plugin.
  Output call(Hook hook, std::string_view request) const {
    if (!plugin_.supports(hook)) {
      return Output::from_host(FP_STATUS_NOT_SUPPORTED, "Plugin " + plugin_.path().filename().string() +
                                                            " does not support the " + hook_name(hook) +
                                                            " hook.");
    }
    fp_output raw{};
    const fp_string text{request.data(), request.size()};
    raw.status = detail::hook_pointer(*plugin_.descriptor_, hook)(raw_, text, &raw);
    return Output(plugin_.library_, plugin_.descriptor_->release_output, raw);
  }

 private:
  friend class LoadedPlugin;
  Instance(LoadedPlugin plugin, fp_instance* raw) : plugin_(std::move(plugin)), raw_(raw) {}

  LoadedPlugin plugin_;
  fp_instance* raw_;
};

inline Instance LoadedPlugin::create_instance(fp_host_log_callback log_callback,
                                              void* host_context) const {
  fp_host_callbacks callbacks{};
  callbacks.struct_size = sizeof(fp_host_callbacks);
  callbacks.host_context = host_context;
  callbacks.log = log_callback;

  fp_instance* raw = nullptr;
  fp_output output{};
  const int32_t status = descriptor_->create_instance(&callbacks, &raw, &output);
  Output owned(library_, descriptor_->release_output, output);
  if (status != FP_STATUS_DONE || raw == nullptr) {
    // An instance handed out with a failure status would otherwise leak.
    if (raw != nullptr) descriptor_->destroy_instance(raw);
    throw LoadError("Plugin " + path_.string() + " could not create an instance: " +
                    std::string(owned.message()));
  }
  return Instance(*this, raw);
}

// Every file in directory whose name ends in ".so", in name order.
inline std::vector<std::filesystem::path> plugin_files(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".so") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace formplugin::host

#endif  // FORMPLUGIN_HOST_HPP
