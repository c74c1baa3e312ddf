// The prefill step a form server runs before it shows a form: every variable
// that names a prefill plugin gets its value from that plugin.
#ifndef HOST_STUB_PREFILL_STEP_HPP
#define HOST_STUB_PREFILL_STEP_HPP

#include "form_model.hpp"
#include "variables.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace host_stub {

class PluginRegistry;

struct PrefillReport {
  boost::json::array errors;   // {"variable", "plugin", "status", "message"} (+ "errors" from validation)
  boost::json::array skipped;  // {"variable", "plugin", "reason"}

  // Adds "prefill_errors" and "prefill_skipped" to an output document when they are not empty.
  void add_to(boost::json::object& output) const;
};

// For each variable with a "prefill_plugin": validates its options with
// validate_prefill_options (a plugin without that hook skips the check), then
// calls prefill. The "value" of a done result replaces the variable's value.
// Any other status keeps the default and is listed in the report.
PrefillReport run_prefill(const PluginRegistry& plugins, const Form& form, const boost::json::object& submission,
                          VariableSet& variables);

}  // namespace host_stub

#endif  // HOST_STUB_PREFILL_STEP_HPP
