// Write-back after a submission completes: record the klantcontact and the
// addresses the submitter chose in Open Klant.
#pragma once

#include "formplugin/plugin_api.h"
#include "logger.hpp"
#include "runtime.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace commprefs {

struct WriteBackOutcome {
  fp_status status = FP_STATUS_DONE;
  std::string message;  // empty when done
  boost::json::object result;
};

// Runs the pre_registration hook's request {"component_key", "form",
// "submission"}. Problems found before the first request throw InvalidInput or
// ConfigurationError. A failure part-way is returned with status
// FP_STATUS_UPSTREAM_ERROR and a result that lists what was written.
WriteBackOutcome run_pre_registration(const Runtime& runtime, const boost::json::object& request,
                                      const Logger& logger);

}  // namespace commprefs
