// echo_plugin: a small plugin whose results the host_stub tests choose through
// their input files. It lets the tests reach every branch of the host without
// the real plugin or an HTTP server.
//
// describe: identifier "test_echo", component type "echoProfile".
// configure: configuration_error when a service has the identifier "reject-me".
// check_configuration: configuration_error when an API group has the
//   identifier "broken", else done.
// validate_prefill_options: invalid_input unless options.mode is a string.
// prefill (options.mode): "value" returns options.value, "auth" returns the
//   submission's auth_info, "skip" skips, "fail" returns upstream_error.
// component_empty_value: {"empty": <component key>}.
// component_validate: a string is trimmed; the string "bad" is invalid, with a
//   message in the submission's language.
// pre_registration: done with {"data": submission.data, "form_name": form.name}
//   unless the component's value is "fail-registration".
// check_form: one problem for each echoProfile component without a label.
#include "formplugin/plugin_author.hpp"

#include <boost/json.hpp>

#include <atomic>
#include <memory>

namespace {

using formplugin::author::HookResult;

boost::json::object parse_object(std::string_view text) {
  boost::json::value document = boost::json::parse(text);
  return document.as_object();
}

std::string result(const boost::json::object& document) { return boost::json::serialize(document); }

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last - first + 1));
}

class EchoInstance : public formplugin::author::Instance {
 public:
  HookResult configure(std::string_view request) override {
    const auto configuration = parse_object(request);
    for (const auto& service : configuration.at("services").as_array()) {
      if (service.as_object().at("identifier") == "reject-me") {
        return HookResult::failure(FP_STATUS_CONFIGURATION_ERROR, "Service reject-me is rejected by the test plugin.");
      }
    }
    bool broken = false;
    for (const auto& group : configuration.at("customer_interactions_api_groups").as_array()) {
      broken = broken || group.as_object().at("identifier") == "broken";
    }
    broken_group_ = broken;
    return HookResult::done("{}");
  }

  HookResult check_configuration(std::string_view) override {
    if (broken_group_) {
      return HookResult::failure(FP_STATUS_CONFIGURATION_ERROR, "API group broken: GET http://127.0.0.1:9/ failed.");
    }
    return HookResult::done(R"({"groups": []})");
  }

  HookResult validate_prefill_options(std::string_view request) override {
    const auto options = parse_object(request).at("options").as_object();
    const auto* mode = options.if_contains("mode");
    if (mode == nullptr || !mode->is_string()) {
      return HookResult::failure(FP_STATUS_INVALID_INPUT, "The prefill options are invalid.",
                                 R"({"errors": {"mode": "This field is required."}})");
    }
    return HookResult::done("{}");
  }

  HookResult prefill(std::string_view request) override {
    const auto document = parse_object(request);
    const auto& options = document.at("variable").as_object().at("prefill_options").as_object();
    const auto mode = options.at("mode").as_string();
    if (mode == "value") return HookResult::done(result({{"value", options.at("value")}}));
    if (mode == "auth") return HookResult::done(result({{"value", document.at("submission").as_object().at("auth_info")}}));
    if (mode == "skip") return HookResult::failure(FP_STATUS_SKIPPED, "Nothing to look up.");
    return HookResult::failure(FP_STATUS_UPSTREAM_ERROR, "The API is down.");
  }

  HookResult component_empty_value(std::string_view request) override {
    const auto component = parse_object(request).at("component").as_object();
    return HookResult::done(result({{"value", {{"empty", component.at("key")}}}}));
  }

  HookResult component_validate(std::string_view request) override {
    const auto document = parse_object(request);
    const auto& value = document.at("value");
    if (!value.is_string()) return HookResult::done(result({{"value", value}}));
    if (value.as_string() == "bad") {
      const bool dutch = document.at("language_code") == "nl";
      const boost::json::object error{{"index", 0},
                                      {"field", "address"},
                                      {"code", "invalid"},
                                      {"message", dutch ? "Ongeldige waarde." : "Invalid value."}};
      return HookResult::failure(FP_STATUS_INVALID_INPUT, "The value is invalid.",
                                 result({{"errors", boost::json::array{error}}}));
    }
    return HookResult::done(result({{"value", trimmed(value.as_string())}}));
  }

  HookResult pre_registration(std::string_view request) override {
    const auto document = parse_object(request);
    const auto& submission = document.at("submission").as_object();
    const auto& data = submission.at("data").as_object();
    const auto key = document.at("component_key").as_string();
    if (data.at(key) == "fail-registration") {
      return HookResult::failure(FP_STATUS_UPSTREAM_ERROR, "Open Klant refused the klantcontact.",
                                 R"({"created": []})");
    }
    return HookResult::done(result({{"data", data}, {"form_name", document.at("form").as_object().at("name")}}));
  }

  HookResult check_form(std::string_view request) override {
    const auto document = parse_object(request);
    boost::json::array problems;
    for (const auto& component : document.at("form").as_object().at("components").as_array()) {
      const auto& object = component.as_object();
      if (object.at("type") == "echoProfile" && !object.contains("label")) {
        problems.push_back({{"component_key", object.at("key")},
                            {"code", "missing_label"},
                            {"message", "The component has no label."}});
      }
    }
    return HookResult::done(result({{"problems", problems}}));
  }

 private:
  std::atomic<bool> broken_group_{false};
};

struct EchoPlugin {
  static HookResult describe() {
    return HookResult::done(
        R"({"identifier": "test_echo", "name": "Echo plugin for host_stub tests", "version": "1",)"
        R"( "required_auth_attributes": [], "options_schema": {}, "component_types": ["echoProfile"]})");
  }
  static std::unique_ptr<formplugin::author::Instance> create(const fp_host_callbacks&) {
    return std::make_unique<EchoInstance>();
  }
};

}  // namespace

FORMPLUGIN_EXPORT_PLUGIN(EchoPlugin)
