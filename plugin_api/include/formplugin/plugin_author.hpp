// plugin_author.hpp: header-only C++ layer for plugin authors.
//
// A plugin derives from formplugin::author::Instance, overrides the hooks it
// implements, and exports its descriptor with FORMPLUGIN_EXPORT_PLUGIN. This
// layer turns every C call into a C++ call and back: it checks the pointers it
// receives, copies results into buffers the host later hands to release_output,
// and catches every exception so that none crosses the C boundary. Hooks that a
// plugin does not override return FP_STATUS_NOT_SUPPORTED.
//
// Only the C++ standard library is used here, so the header adds nothing to a
// plugin's dependencies.
#ifndef FORMPLUGIN_PLUGIN_AUTHOR_HPP
#define FORMPLUGIN_PLUGIN_AUTHOR_HPP

#include "formplugin/plugin_api.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

namespace formplugin::author {

// The result of a C++ hook: the status, a message for every status but DONE,
// and the result document.
struct HookResult {
  fp_status status = FP_STATUS_DONE;
  std::string message;
  std::string json;

  static HookResult done(std::string json) { return {FP_STATUS_DONE, {}, std::move(json)}; }
  static HookResult failure(fp_status status, std::string message, std::string json = {}) {
    return {status, std::move(message), std::move(json)};
  }
};

inline HookResult not_supported(std::string_view hook) {
  return HookResult::failure(FP_STATUS_NOT_SUPPORTED,
                             "This plugin does not support the " + std::string(hook) + " hook.");
}

// One configured plugin. Every hook may run on many threads at once, so an
// implementation keeps its shared state immutable or guarded.
class Instance {
 public:
  virtual ~Instance() = default;

  virtual HookResult configure(std::string_view) { return not_supported("configure"); }
  virtual HookResult configuration_context(std::string_view) {
    return not_supported("configuration_context");
  }
  virtual HookResult check_configuration(std::string_view) {
    return not_supported("check_configuration");
  }
  virtual HookResult validate_prefill_options(std::string_view) {
    return not_supported("validate_prefill_options");
  }
  virtual HookResult prefill(std::string_view) { return not_supported("prefill"); }
  virtual HookResult pre_registration(std::string_view) { return not_supported("pre_registration"); }
  virtual HookResult component_empty_value(std::string_view) {
    return not_supported("component_empty_value");
  }
  virtual HookResult component_value_schema(std::string_view) {
    return not_supported("component_value_schema");
  }
  virtual HookResult component_validate(std::string_view) {
    return not_supported("component_validate");
  }
  virtual HookResult check_form(std::string_view) { return not_supported("check_form"); }
};

namespace detail {

// Copies text into a malloc'd buffer that release_output frees. Returns
// nullptr for empty text or when memory runs out: the status still reaches
// the host, only the text is lost.
inline char* copy_to_buffer(const std::string& text, size_t* length) noexcept {
  *length = 0;
  if (text.empty()) return nullptr;
  auto* buffer = static_cast<char*>(std::malloc(text.size()));
  if (buffer == nullptr) return nullptr;
  std::memcpy(buffer, text.data(), text.size());
  *length = text.size();
  return buffer;
}

inline int32_t fill_output(fp_output* output, const HookResult& result) noexcept {
  output->status = result.status;
  output->message = copy_to_buffer(result.message, &output->message_length);
  output->json = copy_to_buffer(result.json, &output->json_length);
  return result.status;
}

inline int32_t fill_failure(fp_output* output, fp_status status, const char* message) noexcept {
  output->status = status;
  output->json = nullptr;
  output->json_length = 0;
  const size_t length = std::strlen(message);
  output->message = static_cast<char*>(std::malloc(length));
  output->message_length = output->message != nullptr ? length : 0;
  if (output->message != nullptr) std::memcpy(output->message, message, length);
  return status;
}

// Runs a C++ hook and turns whatever it throws into a status and a message.
template <typename Call>
int32_t guarded(fp_output* output, Call&& call) noexcept {
  if (output == nullptr) return FP_STATUS_INVALID_INPUT;
  *output = fp_output{};
  try {
    return fill_output(output, call());
  } catch (const std::bad_alloc&) {
    return fill_failure(output, FP_STATUS_INTERNAL_ERROR, "The plugin ran out of memory.");
  } catch (const std::exception& error) {
    std::string message = std::string("Unexpected plugin error: ") + error.what();
    return fill_output(output, HookResult::failure(FP_STATUS_INTERNAL_ERROR, message));
  } catch (...) {
    return fill_failure(output, FP_STATUS_INTERNAL_ERROR, "Unexpected plugin error of unknown type.");
  }
}

inline Instance* instance_of(fp_instance* instance) noexcept {
  return reinterpret_cast<Instance*>(instance);
}

template <HookResult (Instance::*Method)(std::string_view)>
int32_t request_hook(fp_instance* instance, fp_string request, fp_output* output) noexcept {
  return guarded(output, [&]() -> HookResult {
    if (instance == nullptr) {
      return HookResult::failure(FP_STATUS_INVALID_INPUT, "The host passed no plugin instance.");
    }
    if (request.data == nullptr && request.length != 0) {
      return HookResult::failure(FP_STATUS_INVALID_INPUT,
                                 "The host passed a request with a length but no data.");
    }
    const std::string_view text =
        request.length == 0 ? std::string_view("{}") : std::string_view(request.data, request.length);
    return (instance_of(instance)->*Method)(text);
  });
}

inline void release_output(fp_output* output) noexcept {
  if (output == nullptr) return;
  std::free(output->message);
  std::free(output->json);
  *output = fp_output{};
}

inline void destroy_instance(fp_instance* instance) noexcept {
  delete instance_of(instance);
}

// Plugin must provide:
//   static HookResult describe();
//   static std::unique_ptr<Instance> create(const fp_host_callbacks& host);
template <typename Plugin>
int32_t describe(fp_output* output) noexcept {
  return guarded(output, [] { return Plugin::describe(); });
}

template <typename Plugin>
int32_t create_instance(const fp_host_callbacks* host, fp_instance** instance,
                        fp_output* output) noexcept {
  return guarded(output, [&]() -> HookResult {
    if (instance == nullptr) {
      return HookResult::failure(FP_STATUS_INVALID_INPUT, "The host passed no place for the instance.");
    }
    *instance = nullptr;

    // A host compiled against an older, smaller fp_host_callbacks is accepted:
    // only the fields inside its struct_size are read.
    fp_host_callbacks callbacks{};
    if (host != nullptr) {
      const size_t size = host->struct_size < sizeof(fp_host_callbacks) ? host->struct_size
                                                                          : sizeof(fp_host_callbacks);
      std::memcpy(&callbacks, host, size);
    }
    callbacks.struct_size = sizeof(fp_host_callbacks);

    std::unique_ptr<Instance> created = Plugin::create(callbacks);
    *instance = reinterpret_cast<fp_instance*>(created.release());
    return HookResult::done("{}");
  });
}

}  // namespace detail

// The static descriptor of a plugin type.
template <typename Plugin>
const fp_plugin_descriptor* descriptor_for() noexcept {
  static const fp_plugin_descriptor descriptor = {
      FP_ABI_VERSION,
      static_cast<uint32_t>(sizeof(fp_plugin_descriptor)),
      &detail::describe<Plugin>,
      &detail::create_instance<Plugin>,
      &detail::destroy_instance,
      &detail::release_output,
      &detail::request_hook<&Instance::configure>,
      &detail::request_hook<&Instance::configuration_context>,
      &detail::request_hook<&Instance::check_configuration>,
      &detail::request_hook<&Instance::validate_prefill_options>,
      &detail::request_hook<&Instance::prefill>,
      &detail::request_hook<&Instance::pre_registration>,
      &detail::request_hook<&Instance::component_empty_value>,
      &detail::request_hook<&Instance::component_value_schema>,
      &detail::request_hook<&Instance::component_validate>,
      &detail::request_hook<&Instance::check_form>,
  };
  return &descriptor;
}

}  // namespace formplugin::author

// Defines the one exported symbol of a plugin library. Use it once, in one
// source file of the plugin.
#define FORMPLUGIN_EXPORT_PLUGIN(PluginType)                                              \
  extern "C" __attribute__((visibility("default"))) const fp_plugin_descriptor*         \
  formplugin_entry(void) {                                                                \
    return ::formplugin::author::descriptor_for<PluginType>();                            \
  }

#endif  // FORMPLUGIN_PLUGIN_AUTHOR_HPP
