#include "submission_setup.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

namespace plugin_tests {

using formplugin::host::Hook;

SubmissionSetup::SubmissionSetup(const std::string& fixture, const boost::json::object& group_extra) {
  if (!fixture.empty()) emulator.load_fixture(fixture);
  emulator.start();
  const auto configured = plugin.configure(emulator.api_root(), "Token demo-token", group_extra);
  BOOST_REQUIRE_MESSAGE(configured.status == FP_STATUS_DONE, configured.message);
}

boost::json::value SubmissionSetup::prefill(const boost::json::value& login, const boost::json::object& component) {
  const auto form = profile_form(component);
  const auto answer = plugin.call(Hook::prefill, prefill_request(form, submission(login)));
  if (answer.status != FP_STATUS_DONE) return boost::json::array();
  return answer.json.at("value");
}

HookAnswer SubmissionSetup::submit(const boost::json::value& login, const std::string& submitted,
                                   const SubmissionOptions& options) {
  const auto offered = prefill(login, options.component);
  const auto validated = plugin.call(Hook::component_validate, boost::json::object{{"component", options.component},
                                                                                   {"value", boost::json::parse(submitted)},
                                                                                   {"language_code", options.language}});
  if (validated.status != FP_STATUS_DONE) return validated;
  return register_with(login, validated.json.at("value"), offered, options);
}

HookAnswer SubmissionSetup::register_with(const boost::json::value& login, const boost::json::value& validated,
                                          const boost::json::value& offered, const SubmissionOptions& options) {
  const auto key = std::string(options.component.at("key").as_string());
  auto filled = submission(login, {{key, validated}, {prefill_variable_key, offered}}, options.reference, options.language);
  filled["registration_attempt"] = options.attempt;
  return plugin.call(Hook::pre_registration, registration_request(profile_form(options.component), filled, key));
}

boost::json::array SubmissionSetup::stored(const std::string& kind) const {
  return emulator.snapshot().at(kind).as_array();
}

}  // namespace plugin_tests
