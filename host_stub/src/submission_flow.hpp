// Completion of a submission as a form server runs it: prefill, apply the
// submitted data, validate the plugins' components, and run their write-back.
// The submit command and the demo both use it.
#ifndef HOST_STUB_SUBMISSION_FLOW_HPP
#define HOST_STUB_SUBMISSION_FLOW_HPP

#include "form_model.hpp"
#include "prefill_step.hpp"
#include "variables.hpp"

#include <boost/json/object.hpp>

namespace host_stub {

class PluginRegistry;

struct SubmissionOutcome {
  VariableSet variables;
  PrefillReport prefill;
  boost::json::object validation_errors;  // component key: [errors]; empty when the data is valid
  boost::json::object registration;       // component key: {"status", "message"?, "result"}
  bool registration_failed = false;       // a pre_registration call did not return done

  bool validation_failed() const { return !validation_errors.empty(); }
};

// Runs the whole completion. With validation errors no pre_registration hook
// is called.
//
// Data: a variable takes the submission's data value under its key. A key
// with dots ("customer.profile") is looked up as one flat key first, then as a
// path of nested objects. The submission passed to pre_registration has
// "data" replaced by every variable's value, under flat keys.
SubmissionOutcome complete_submission(const PluginRegistry& plugins, const Form& form,
                                      const boost::json::object& submission);

}  // namespace host_stub

#endif  // HOST_STUB_SUBMISSION_FLOW_HPP
