#include "write_back.hpp"

#include "component_rules.hpp"
#include "errors.hpp"
#include "form.hpp"
#include "json_util.hpp"
#include "languages.hpp"
#include "registration_plan.hpp"
#include "registration_steps.hpp"
#include "submitter.hpp"

namespace commprefs {
namespace {

// Everything the write-back needs, read and checked before the first request.
struct Inputs {
  std::string component_key;
  const ApiGroup* group = nullptr;
  Submitter submitter;
  std::string taal;
  std::string reference;
  std::string form_name;
  int attempt = 1;
  boost::json::array submitted;
  std::vector<OfferedChannel> offered;
};

int read_attempt(const boost::json::object& submission) {
  const auto* attempt = submission.if_contains("registration_attempt");
  if (attempt == nullptr || attempt->is_null()) return 1;
  if (!attempt->is_int64() || attempt->get_int64() < 1 || attempt->get_int64() > 1000000) {
    throw InvalidInput("submission.registration_attempt must be a whole number of at least 1.");
  }
  return static_cast<int>(attempt->get_int64());
}

const boost::json::value& data_value(const boost::json::object& submission, std::string_view key) {
  static const boost::json::value absent = nullptr;
  const auto* data = json::find_object(submission, "data", "submission");
  if (data == nullptr) return absent;
  const auto* value = data->if_contains(key);
  return value == nullptr ? absent : *value;
}

boost::json::object skipped_result(const std::string& reason) { return {{"written", false}, {"reason", reason}}; }

}  // namespace

WriteBackOutcome run_pre_registration(const Runtime& runtime, const boost::json::object& request,
                                      const Logger& logger) {
  Inputs inputs;
  inputs.component_key = json::require_string(request, "component_key", "request");
  const auto& form = json::require_object(request, "form", "request");
  const auto& submission = json::require_object(request, "submission", "request");

  // The component, and whether write-back is on for it.
  const boost::json::object* component = find_component(form, inputs.component_key);
  if (component == nullptr ||
      json::find_string(*component, "type", "component").value_or("") != profile_component_type) {
    throw InvalidInput("The form has no customerProfile component \"" + inputs.component_key + "\".");
  }
  if (!json::bool_or(*component, "shouldUpdateCustomerData", false, "component")) {
    logger.info("write_back_skipped",
                {{"reason", "should_update_customer_data_off"}, {"component", inputs.component_key}});
    return {FP_STATUS_SKIPPED, "The component \"" + inputs.component_key + "\" does not update customer data.",
            skipped_result("should_update_customer_data_off")};
  }

  // The prefill variable names the API group to write to and contains what was offered.
  const boost::json::object* variable = find_prefill_variable(form, inputs.component_key);
  if (variable == nullptr) {
    logger.error("write_back_skipped", {{"reason", "missing_prefill_variable"}, {"component", inputs.component_key}});
    std::string message = "Nothing was written for component \"" + inputs.component_key +
                          "\": no prefill variable with plugin communication_preferences points at it. Add one in the "
                          "form's variables.";
    for (const auto& dangling : dangling_prefill_variables(form)) {
      message += " Prefill variable \"" + dangling.variable_key + "\" points at \"" + dangling.component_key +
                 "\", which is not a customerProfile component of this form.";
    }
    return {FP_STATUS_CONFIGURATION_ERROR, message, skipped_result("missing_prefill_variable")};
  }
  const ProfilePrefillOptions options =
      parse_prefill_options(json::require_object(*variable, "prefill_options", "variable"));
  inputs.group = &runtime.group(options.api_group);
  const std::string variable_key = json::require_string(*variable, "key", "variable");

  // The submission: who, in which language, under which reference.
  inputs.submitter = parse_submitter(submission);
  const std::string language = json::find_string(submission, "language_code", "submission").value_or("");
  const auto taal = iso_639_2b_code(language);
  if (!taal) {
    throw InvalidInput("submission.language_code \"" + language +
                       "\" is not a language this plugin can record; use a two-letter code such as nl or en.");
  }
  inputs.taal = *taal;
  inputs.reference = json::find_string(submission, "public_registration_reference", "submission").value_or("");
  if (inputs.reference.empty()) throw InvalidInput("submission.public_registration_reference is missing.");
  inputs.form_name = json::find_string(form, "name", "form").value_or("");
  if (inputs.form_name.empty()) throw InvalidInput("form.name is missing; it becomes the klantcontact's onderwerp.");
  inputs.attempt = read_attempt(submission);

  // The submitted value is checked again here: a host may have skipped validation.
  ProfileValidation validation =
      validate_profile_value(*component, data_value(submission, inputs.component_key), language_from_code(language));
  if (!validation.errors.empty()) {
    throw InvalidInput("The submitted value of component \"" + inputs.component_key + "\" is invalid.",
                       boost::json::object{{"errors", std::move(validation.errors)}});
  }
  inputs.submitted = std::move(validation.value);
  inputs.offered = parse_offered(data_value(submission, variable_key));

  const OpenKlantClient client = runtime.client_for(*inputs.group, logger);
  RegistrationSteps steps(client, inputs.group->preference_marker, logger);
  return steps.run(RegistrationInputs{inputs.submitter, inputs.taal, inputs.reference, inputs.form_name, inputs.attempt,
                                      inputs.submitted, inputs.offered});
}

}  // namespace commprefs
