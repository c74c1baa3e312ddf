// The communication-preferences plugin loaded through its C ABI, as a host
// loads it, with helpers that build the hosts' request documents.
#pragma once

#include "formplugin/host.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <mutex>
#include <string>
#include <vector>

namespace plugin_tests {

struct LogEvent {
  int level;
  std::string event;
  std::string fields;
};

struct HookAnswer {
  int status;
  std::string message;
  boost::json::value json;  // null when the plugin returned no document
};

class PluginFixture {
 public:
  PluginFixture();

  // Configures one service at api_root (plain http allowed) and one API group
  // "open-klant"; group_extra members are added to the group.
  HookAnswer configure(const std::string& api_root, const std::string& header_value = "Token demo-token",
                       const boost::json::object& group_extra = {});
  HookAnswer call(formplugin::host::Hook hook, const boost::json::value& request) const;
  // Calls a hook with a document as given, valid JSON or not.
  HookAnswer call_text(formplugin::host::Hook hook, const std::string& text) const;

  std::vector<LogEvent> events() const;
  bool logged(const std::string& event) const;

 private:
  static void record(void* context, int32_t level, fp_string event, fp_string fields);

  mutable std::mutex mutex_;
  std::vector<LogEvent> events_;
  formplugin::host::LoadedPlugin plugin_;
  formplugin::host::Instance instance_;
};

// A form named "With profile" with one customerProfile component and, unless
// with_variable is false, the prefill variable "communication_preferences"
// pointing at it through API group "open-klant".
boost::json::object profile_form(const boost::json::object& component, bool with_variable = true);

// A customerProfile component with both channels and write-back on.
boost::json::object profile_component(const std::string& key = "profile");

// {"attribute": "bsn", "value": ...} and friends; null for anonymous.
boost::json::value bsn_login(const std::string& bsn);
boost::json::value kvk_login(const std::string& kvk, const std::string& branch = "");

boost::json::object submission(const boost::json::value& auth_info, const boost::json::object& data = {},
                               const std::string& reference = "OF-12345", const std::string& language = "nl");

// The prefill request for the form's prefill variable.
boost::json::object prefill_request(const boost::json::object& form, const boost::json::object& submission);

// The pre_registration request for a component.
boost::json::object registration_request(const boost::json::object& form, const boost::json::object& submission,
                                         const std::string& component_key = "profile");

inline constexpr const char* prefill_variable_key = "communication_preferences";

}  // namespace plugin_tests
