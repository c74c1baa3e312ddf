// The communication_preferences plugin: its C ABI entry point and the hooks,
// each a thin translation from a request document to the rule files.
#include "component_rules.hpp"
#include "configuration.hpp"
#include "errors.hpp"
#include "form.hpp"
#include "json_util.hpp"
#include "logger.hpp"
#include "prefill.hpp"
#include "runtime.hpp"
#include "write_back.hpp"

#include "formplugin/plugin_author.hpp"

#include <memory>
#include <mutex>

namespace commprefs {
namespace {

using formplugin::author::HookResult;

constexpr const char* plugin_version = "0.1.0";

// Runs a hook body and turns the plugin's own exceptions into statuses. Any
// other exception reaches the author layer, which reports an internal error.
template <typename Body>
HookResult translate_errors(Body&& body) {
  try {
    return body();
  } catch (const InvalidInput& error) {
    const auto& details = error.details();
    return HookResult::failure(FP_STATUS_INVALID_INPUT, error.what(),
                               details.is_null() ? "" : json::to_string(details));
  } catch (const ConfigurationError& error) {
    return HookResult::failure(FP_STATUS_CONFIGURATION_ERROR, error.what());
  } catch (const ApiError& error) {
    boost::json::object details = {{"status", error.status() == 0 ? boost::json::value(nullptr) : error.status()},
                                   {"method", error.method()},
                                   {"url", error.url()},
                                   {"invalid_params", invalid_params_of(error.body())}};
    return HookResult::failure(FP_STATUS_UPSTREAM_ERROR, error.what(), json::to_string(details));
  }
}

const boost::json::object& profile_component_of(const boost::json::object& request) {
  const auto& component = json::require_object(request, "component", "request");
  if (json::find_string(component, "type", "component").value_or("") != profile_component_type) {
    throw InvalidInput("request.component must be a customerProfile component.");
  }
  return component;
}

boost::json::object prefill_options_schema() {
  return {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"type", "object"},
      {"required", boost::json::array{"customer_interactions_api_group", "profile_form_variable"}},
      {"properties",
       {{"customer_interactions_api_group",
         {{"type", "string"}, {"description", "Identifier of the customer interactions API group to read from."}}},
        {"profile_form_variable",
         {{"type", "string"}, {"description", "Key of the customerProfile component the addresses are offered in."}}}}},
  };
}

class CommunicationPreferences final : public formplugin::author::Instance {
 public:
  explicit CommunicationPreferences(const fp_host_callbacks& host) : logger_(host) {}

  HookResult configure(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The configuration");
      auto runtime = std::make_shared<const Runtime>(parse_configuration(document));
      const auto services = runtime->configuration().services.size();
      const auto groups = runtime->configuration().groups.size();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        runtime_ = std::move(runtime);
      }
      logger_.info("configured", {{"services", std::to_string(services)}, {"api_groups", std::to_string(groups)}});
      return HookResult::done(json::to_string(boost::json::object{{"services", services}, {"api_groups", groups}}));
    });
  }

  HookResult configuration_context(std::string_view) override {
    return translate_errors([&] {
      boost::json::array groups;
      for (const auto& group : runtime()->configuration().groups) {
        groups.push_back(boost::json::array{boost::json::string(group.identifier), boost::json::string(group.name)});
      }
      return HookResult::done(json::to_string(boost::json::object{{"api_groups", std::move(groups)}}));
    });
  }

  HookResult check_configuration(std::string_view) override {
    return translate_errors([&] { return check_groups(*runtime()); });
  }

  HookResult validate_prefill_options(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The request");
      const auto& options = json::require_object(document, "options", "request");
      const auto& form = json::require_object(document, "form", "request");
      return option_errors(*runtime(), options, form);
    });
  }

  HookResult prefill(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The prefill request");
      PrefillOutcome outcome = run_prefill(*runtime(), document, logger_);
      if (outcome.skipped) {
        return HookResult::failure(FP_STATUS_SKIPPED, outcome.skip_message,
                                   json::to_string(boost::json::object{{"reason", outcome.skip_reason}}));
      }
      return HookResult::done(json::to_string(boost::json::object{{"value", std::move(outcome.value)}}));
    });
  }

  HookResult pre_registration(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The pre-registration request");
      WriteBackOutcome outcome = run_pre_registration(*runtime(), document, logger_);
      return HookResult{outcome.status, outcome.message, json::to_string(outcome.result)};
    });
  }

  HookResult component_empty_value(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The request");
      boost::json::array value = profile_empty_value(profile_component_of(document));
      return HookResult::done(json::to_string(boost::json::object{{"value", std::move(value)}}));
    });
  }

  HookResult component_value_schema(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The request");
      boost::json::object schema = profile_value_schema(profile_component_of(document));
      return HookResult::done(json::to_string(boost::json::object{{"schema", std::move(schema)}}));
    });
  }

  HookResult component_validate(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The request");
      const auto& component = profile_component_of(document);
      const boost::json::value* value = document.if_contains("value");
      const std::string language = json::find_string(document, "language_code", "request").value_or("nl");
      ProfileValidation validation = validate_profile_value(
          component, value == nullptr ? boost::json::value(nullptr) : *value, language_from_code(language));
      if (!validation.errors.empty()) {
        return HookResult::failure(FP_STATUS_INVALID_INPUT, "The submitted customerProfile value is invalid.",
                                   json::to_string(boost::json::object{{"errors", std::move(validation.errors)}}));
      }
      return HookResult::done(json::to_string(boost::json::object{{"value", std::move(validation.value)}}));
    });
  }

  HookResult check_form(std::string_view request) override {
    return translate_errors([&] {
      const auto document = json::parse_object(request, "The request");
      const auto& form = json::require_object(document, "form", "request");
      return HookResult::done(json::to_string(boost::json::object{{"problems", form_problems(form)}}));
    });
  }

 private:
  std::shared_ptr<const Runtime> runtime() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!runtime_) {
      throw ConfigurationError(
          "The plugin is not configured yet: the host must call configure with its services "
          "and customer interactions API groups first.");
    }
    return runtime_;
  }

  HookResult check_groups(const Runtime& runtime) const;
  static HookResult option_errors(const Runtime& runtime, const boost::json::object& options,
                                  const boost::json::object& form);
  boost::json::array form_problems(const boost::json::object& form) const;

  Logger logger_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Runtime> runtime_;
};

HookResult CommunicationPreferences::check_groups(const Runtime& runtime) const {
  const auto& configuration = runtime.configuration();
  if (configuration.groups.empty()) {
    return HookResult::failure(FP_STATUS_CONFIGURATION_ERROR, "No customer interactions API group is configured.");
  }

  boost::json::array results;
  std::string failures;
  for (const auto& group : configuration.groups) {
    const OpenKlantClient client = runtime.client_for(group, logger_);
    boost::json::object result = {{"identifier", group.identifier}, {"api_root", client.service().api_root}};
    try {
      client.check_root();
      result["ok"] = true;
    } catch (const ApiError& error) {
      result["ok"] = false;
      result["status"] = error.status() == 0 ? boost::json::value(nullptr) : error.status();
      result["error"] = error.what();
      failures += (failures.empty() ? "" : " ") + std::string("API group \"") + group.identifier + "\" (" +
                  client.service().api_root + "): " + error.what();
    }
    results.push_back(std::move(result));
  }

  boost::json::object document = {{"groups", std::move(results)}};
  if (!failures.empty()) {
    return HookResult::failure(FP_STATUS_CONFIGURATION_ERROR, "Invalid configuration. " + failures,
                               json::to_string(document));
  }
  return HookResult::done(json::to_string(document));
}

boost::json::object prefill_option_errors(const Runtime& runtime, const boost::json::object& options,
                                          const boost::json::object& form) {
  boost::json::object errors;
  const auto group = json::find_string(options, "customer_interactions_api_group", "options").value_or("");
  const auto component_key = json::find_string(options, "profile_form_variable", "options").value_or("");

  if (group.empty()) {
    errors["customer_interactions_api_group"] = "Choose a customer interactions API group.";
  } else if (runtime.configuration().find_group(group) == nullptr) {
    errors["customer_interactions_api_group"] = "The API group \"" + group + "\" does not exist.";
  }

  const boost::json::object* component = component_key.empty() ? nullptr : find_component(form, component_key);
  if (component_key.empty()) {
    errors["profile_form_variable"] = "Choose the customerProfile component to prefill.";
  } else if (component == nullptr ||
             json::find_string(*component, "type", "component").value_or("") != profile_component_type) {
    errors["profile_form_variable"] = "The form has no customerProfile component \"" + component_key + "\".";
  }
  return errors;
}

HookResult CommunicationPreferences::option_errors(const Runtime& runtime, const boost::json::object& options,
                                                   const boost::json::object& form) {
  boost::json::object errors = prefill_option_errors(runtime, options, form);
  if (errors.empty()) return HookResult::done("{}");
  return HookResult::failure(FP_STATUS_INVALID_INPUT, "The prefill options are invalid.",
                             json::to_string(boost::json::object{{"errors", std::move(errors)}}));
}

boost::json::array CommunicationPreferences::form_problems(const boost::json::object& form) const {
  boost::json::array problems;

  // Prefill variables of this plugin whose options name a missing group or component.
  const auto runtime_snapshot = runtime();
  if (const auto* variables = form.if_contains("variables"); variables != nullptr && variables->is_array()) {
    for (const auto& item : variables->get_array()) {
      if (!item.is_object()) continue;
      const auto& variable = item.get_object();
      if (json::find_string(variable, "prefill_plugin", "variable").value_or("") != plugin_identifier) continue;
      const std::string key = json::find_string(variable, "key", "variable").value_or("");
      const auto* options = json::find_object(variable, "prefill_options", "variable");
      const auto errors =
          prefill_option_errors(*runtime_snapshot, options != nullptr ? *options : boost::json::object(), form);
      for (const auto& error : errors) {
        problems.push_back(
            {{"variable_key", key},
             {"code", "invalid_prefill_options"},
             {"option", error.key()},
             {"message", "Prefill variable \"" + key + "\": " + std::string(error.value().as_string())}});
      }
    }
  }

  for (const auto* component : all_components(form)) {
    if (json::find_string(*component, "type", "component").value_or("") != profile_component_type) continue;
    const std::string key = json::find_string(*component, "key", "component").value_or("");
    if (!json::bool_or(*component, "shouldUpdateCustomerData", false, "component")) continue;
    if (find_prefill_variable(form, key) != nullptr) continue;
    problems.push_back({{"component_key", key},
                        {"code", "missing_prefill_variable"},
                        {"message", "The customerProfile component \"" + key +
                                        "\" updates customer data, but no prefill variable with plugin "
                                        "communication_preferences points at it, so nothing will be written after "
                                        "a submission. Add such a variable."}});
  }
  return problems;
}

struct PluginType {
  static HookResult describe() {
    boost::json::object description = {
        {"identifier", plugin_identifier},
        {"name", "Communication preferences (Open Klant)"},
        {"version", plugin_version},
        {"required_auth_attributes", boost::json::array{"bsn", "kvk"}},
        {"options_schema", prefill_options_schema()},
        {"component_types", boost::json::array{profile_component_type}},
    };
    return HookResult::done(json::to_string(description));
  }

  static std::unique_ptr<formplugin::author::Instance> create(const fp_host_callbacks& host) {
    return std::make_unique<CommunicationPreferences>(host);
  }
};

}  // namespace
}  // namespace commprefs

FORMPLUGIN_EXPORT_PLUGIN(commprefs::PluginType)
