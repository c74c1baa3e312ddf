#include "submission_flow.hpp"

#include "logging.hpp"
#include "plugin_registry.hpp"

namespace host_stub {
namespace {

using formplugin::host::Hook;
using formplugin::host::status_name;

const boost::json::value* lookup_data(const boost::json::object& data, std::string_view key) {
  if (const auto* flat = data.if_contains(key)) return flat;

  // Form.io stores "customer.profile" as {"customer": {"profile": ...}}.
  const boost::json::object* level = &data;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = key.find('.', start);
    const std::string_view part = key.substr(start, dot == std::string_view::npos ? dot : dot - start);
    const auto* member = level->if_contains(part);
    if (member == nullptr) return nullptr;
    if (dot == std::string_view::npos) return member;
    if (!member->is_object()) return nullptr;
    level = &member->get_object();
    start = dot + 1;
  }
}

bool data_key_is_used(const Form& form, const VariableSet& variables, std::string_view data_key) {
  if (variables.find(data_key) != nullptr) return true;
  const std::string prefix = std::string(data_key) + ".";
  for (const auto& component : form.components) {
    if (component.key.compare(0, prefix.size(), prefix) == 0) return true;
  }
  for (const auto& variable : form.variables) {
    if (variable.key.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

void apply_submitted_data(const Form& form, const boost::json::object& data, VariableSet& variables) {
  const boost::json::object current = variables.values();
  for (const auto& variable : current) {
    if (const auto* submitted = lookup_data(data, variable.key())) *variables.find(variable.key()) = *submitted;
  }
  for (const auto& member : data) {
    if (!data_key_is_used(form, variables, member.key())) {
      log_event(FP_LOG_WARNING, "submission_data_ignored", {{"key", member.key()}, {"reason", "no_such_variable"}});
    }
  }
}

boost::json::array errors_from(const HookAnswer& answer) {
  if (answer.status == FP_STATUS_INVALID_INPUT) {
    if (const auto* errors = answer.result_member("errors"); errors != nullptr && errors->is_array()) {
      return errors->get_array();
    }
  }
  return boost::json::array{boost::json::object{{"code", status_name(answer.status)}, {"message", answer.message}}};
}

void validate_components(const PluginRegistry& plugins, const Form& form, const boost::json::object& submission,
                         SubmissionOutcome& outcome) {
  const auto& language_code = submission.at("language_code");
  for (const auto& component : form.components) {
    const RegisteredPlugin* plugin = plugins.for_component_type(component.type);
    if (plugin == nullptr) continue;

    boost::json::value& value = *outcome.variables.find(component.key);
    const boost::json::object request{
        {"component", component.definition}, {"value", value}, {"language_code", language_code}};
    const HookAnswer answer = plugin->call(Hook::component_validate, request);
    if (answer.status == FP_STATUS_NOT_SUPPORTED) continue;

    const boost::json::value* normalised = answer.result_member("value");
    if (answer.done() && normalised != nullptr) {
      value = *normalised;
    } else if (!answer.done()) {
      outcome.validation_errors[component.key] = errors_from(answer);
    }
  }
}

bool updates_customer_data(const DataComponent& component) {
  const auto* flag = component.definition.if_contains("shouldUpdateCustomerData");
  return flag != nullptr && flag->is_bool() && flag->get_bool();
}

void register_components(const PluginRegistry& plugins, const Form& form, const boost::json::object& submission,
                         SubmissionOutcome& outcome) {
  boost::json::object completed = submission;
  completed["data"] = outcome.variables.values();

  for (const auto& component : form.components) {
    const RegisteredPlugin* plugin = plugins.for_component_type(component.type);
    if (plugin == nullptr || !updates_customer_data(component)) continue;

    const boost::json::object request{
        {"component_key", component.key}, {"form", form.document}, {"submission", completed}};
    const HookAnswer answer = plugin->call(Hook::pre_registration, request);

    boost::json::object entry{{"status", status_name(answer.status)}};
    if (!answer.message.empty()) entry["message"] = answer.message;
    entry["result"] = answer.result;
    outcome.registration[component.key] = std::move(entry);
    if (!answer.done()) outcome.registration_failed = true;
  }
}

}  // namespace

SubmissionOutcome complete_submission(const PluginRegistry& plugins, const Form& form,
                                      const boost::json::object& submission) {
  SubmissionOutcome outcome{initial_variables(form, plugins), {}, {}, {}, false};
  outcome.prefill = run_prefill(plugins, form, submission, outcome.variables);

  apply_submitted_data(form, submission.at("data").get_object(), outcome.variables);

  validate_components(plugins, form, submission, outcome);
  if (outcome.validation_failed()) return outcome;

  register_components(plugins, form, submission, outcome);
  return outcome;
}

}  // namespace host_stub
