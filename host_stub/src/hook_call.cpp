// Calls into a plugin's hooks and turns what comes back into a HookAnswer.
#include "json_text.hpp"
#include "plugin_registry.hpp"

#include <boost/json/serialize.hpp>

namespace host_stub {
namespace {

std::string missing_message(const RegisteredPlugin& plugin, formplugin::host::Hook hook, int32_t status) {
  return "Plugin " + plugin.identifier() + " returned " + formplugin::host::status_name(status) + " from " +
         formplugin::host::hook_name(hook) + " without a message.";
}

}  // namespace

const boost::json::value* HookAnswer::result_member(std::string_view name) const {
  if (!result.is_object()) return nullptr;
  return result.get_object().if_contains(name);
}

RegisteredPlugin::RegisteredPlugin(std::string identifier, boost::json::object description,
                                   std::vector<std::string> component_types, formplugin::host::Instance instance)
    : identifier_(std::move(identifier)),
      description_(std::move(description)),
      component_types_(std::move(component_types)),
      instance_(std::move(instance)) {}

HookAnswer RegisteredPlugin::call(formplugin::host::Hook hook, const boost::json::value& request) const {
  return call_with_text(hook, boost::json::serialize(request));
}

HookAnswer RegisteredPlugin::call_with_text(formplugin::host::Hook hook, std::string_view request) const {
  const formplugin::host::Output output = instance_.call(hook, request);

  HookAnswer answer;
  answer.status = output.status();
  answer.message = std::string(output.message());
  if (answer.message.empty() && !output.done()) answer.message = missing_message(*this, hook, answer.status);

  if (output.json().empty()) return answer;
  auto parsed = parse_json(output.json());
  if (!parsed.document || !parsed.document->is_object()) {
    const std::string problem = parsed.document ? "is " + std::string(kind_name(*parsed.document)) + ", not an object"
                                                : parsed.error;
    answer.message = "Plugin " + identifier_ + " returned " + formplugin::host::status_name(answer.status) +
                     " from " + formplugin::host::hook_name(hook) + " with a result document that " +
                     (parsed.document ? problem : "is not valid JSON (" + problem + ")") +
                     (answer.message.empty() ? "." : ". Its message: " + answer.message);
    answer.status = FP_STATUS_INTERNAL_ERROR;
    return answer;
  }
  answer.result = std::move(*parsed.document);
  return answer;
}

}  // namespace host_stub
