#include "plugin_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace plugin_tests {

PluginFixture::PluginFixture()
    : plugin_(formplugin::host::LoadedPlugin::load(PLUGIN_PATH)), instance_(plugin_.create_instance(&record, this)) {}

void PluginFixture::record(void* context, int32_t level, fp_string event, fp_string fields) {
  auto* self = static_cast<PluginFixture*>(context);
  std::lock_guard<std::mutex> lock(self->mutex_);
  self->events_.push_back({level, std::string(event.data, event.length), std::string(fields.data, fields.length)});
}

HookAnswer PluginFixture::configure(const std::string& api_root, const std::string& header_value,
                                    const boost::json::object& group_extra) {
  boost::json::object group = {{"identifier", "open-klant"}, {"name", "Open Klant"}, {"service", "open-klant-service"}};
  for (const auto& member : group_extra) group[member.key()] = member.value();
  const boost::json::object configuration = {
      {"services", boost::json::array{{{"identifier", "open-klant-service"},
                                       {"label", "Open Klant"},
                                       {"api_root", api_root},
                                       {"auth_type", "api_key"},
                                       {"header_key", "Authorization"},
                                       {"header_value", header_value},
                                       {"timeout_s", 5},
                                       {"allow_plain_http", true}}}},
      {"customer_interactions_api_groups", boost::json::array{group}},
  };
  return call(formplugin::host::Hook::configure, configuration);
}

HookAnswer PluginFixture::call(formplugin::host::Hook hook, const boost::json::value& request) const {
  return call_text(hook, boost::json::serialize(request));
}

HookAnswer PluginFixture::call_text(formplugin::host::Hook hook, const std::string& text) const {
  const auto output = instance_.call(hook, text);
  HookAnswer answer{output.status(), std::string(output.message()), nullptr};
  if (!output.json().empty()) answer.json = boost::json::parse(output.json());
  return answer;
}

std::vector<LogEvent> PluginFixture::events() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return events_;
}

bool PluginFixture::logged(const std::string& event) const {
  for (const auto& logged_event : events()) {
    if (logged_event.event == event) return true;
  }
  return false;
}

boost::json::object profile_component(const std::string& key) {
  return {{"key", key},
          {"type", "customerProfile"},
          {"label", "Profile"},
          {"digitalAddressTypes", boost::json::array{"email", "phoneNumber"}},
          {"shouldUpdateCustomerData", true}};
}

boost::json::object profile_form(const boost::json::object& component, bool with_variable) {
  boost::json::array variables;
  if (with_variable) {
    variables.push_back({{"key", prefill_variable_key},
                         {"source", "user_defined"},
                         {"data_type", "array"},
                         {"prefill_plugin", "communication_preferences"},
                         {"prefill_options",
                          {{"customer_interactions_api_group", "open-klant"},
                           {"profile_form_variable", component.at("key")}}}});
  }
  return {{"name", "With profile"},
          {"components", boost::json::array{{{"key", "details"}, {"type", "fieldset"},
                                              {"components", boost::json::array{component}}}}},
          {"variables", std::move(variables)}};
}

boost::json::value bsn_login(const std::string& bsn) { return {{"attribute", "bsn"}, {"value", bsn}}; }

boost::json::value kvk_login(const std::string& kvk, const std::string& branch) {
  boost::json::object login = {{"attribute", "kvk"}, {"value", kvk}};
  if (!branch.empty()) login["legal_subject_service_restriction"] = branch;
  return login;
}

boost::json::object submission(const boost::json::value& auth_info, const boost::json::object& data,
                               const std::string& reference, const std::string& language) {
  return {{"uuid", "8d7ac3b4-0f0e-4d0b-9c36-5f4c9b1e2a10"},
          {"language_code", language},
          {"public_registration_reference", reference},
          {"auth_info", auth_info},
          {"data", data}};
}

boost::json::object prefill_request(const boost::json::object& form, const boost::json::object& submission) {
  return {{"variable", form.at("variables").as_array().at(0)}, {"form", form}, {"submission", submission}};
}

boost::json::object registration_request(const boost::json::object& form, const boost::json::object& submission,
                                         const std::string& component_key) {
  return {{"component_key", component_key}, {"form", form}, {"submission", submission}};
}

}  // namespace plugin_tests
