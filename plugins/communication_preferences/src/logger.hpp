// Structured log events sent through the host's logging callback, and the
// masking that keeps personal data and secrets out of them.
#pragma once

#include "formplugin/plugin_api.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace commprefs {

using LogField = std::pair<std::string_view, std::string_view>;

class Logger {
 public:
  Logger() = default;
  explicit Logger(const fp_host_callbacks& host) : host_(host) {}

  // Sends one event with key=value fields; plugin=communication_preferences is
  // added to every event. Never throws.
  void event(fp_log_level level, std::string_view name, std::initializer_list<LogField> fields) const;

  void info(std::string_view name, std::initializer_list<LogField> fields) const {
    event(FP_LOG_INFO, name, fields);
  }
  void warning(std::string_view name, std::initializer_list<LogField> fields) const {
    event(FP_LOG_WARNING, name, fields);
  }
  void error(std::string_view name, std::initializer_list<LogField> fields) const {
    event(FP_LOG_ERROR, name, fields);
  }

 private:
  fp_host_callbacks host_{};
};

// "*****6782": only the last four characters of an identifier stay readable.
std::string mask_identifier(std::string_view value);

// "j***@example.org" for e-mail, "******5678" for other addresses.
std::string mask_address(std::string_view address);

}  // namespace commprefs
