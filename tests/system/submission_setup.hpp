// An emulator with test data and a configured plugin, completing submissions
// the way a form server does: prefill, validation, pre-registration.
#pragma once

#include "open_klant_emulator/open_klant_emulator.hpp"
#include "plugin_fixture.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace plugin_tests {

struct SubmissionOptions {
  std::string reference = "OF-12345";
  std::string language = "nl";
  int attempt = 1;
  boost::json::object component = profile_component();
};

class SubmissionSetup {
 public:
  explicit SubmissionSetup(const std::string& fixture, const boost::json::object& group_extra = {});

  // The prefill value for a login; [] when prefill is skipped.
  boost::json::value prefill(const boost::json::value& login, const boost::json::object& component = profile_component());

  // Prefills, validates `submitted` (a JSON text) and runs the pre-registration hook.
  HookAnswer submit(const boost::json::value& login, const std::string& submitted, const SubmissionOptions& options = {});

  // Like submit, with a prefill value given instead of looked up.
  HookAnswer register_with(const boost::json::value& login, const boost::json::value& validated,
                           const boost::json::value& offered, const SubmissionOptions& options = {});

  // Objects of one kind in the emulator ("digitaleadressen", "klantcontacten", ...).
  boost::json::array stored(const std::string& kind) const;

  openklant_emulator::Emulator emulator;
  PluginFixture plugin;
};

}  // namespace plugin_tests
