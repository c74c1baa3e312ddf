// Log events of host_stub and its plugins: one line per event on stderr,
// "<level> <event> <fields>", for example
// "warning plugin_skipped path=/x/y.so reason=\"...\"".
#ifndef HOST_STUB_LOGGING_HPP
#define HOST_STUB_LOGGING_HPP

#include "formplugin/plugin_api.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace host_stub {

// The fp_host_log_callback given to every plugin instance. Safe to call from
// many threads at once: each event is written as one whole line.
void write_plugin_log_event(void* host_context, int32_t level, fp_string event, fp_string fields);

// Logs an event of host_stub itself in the same format.
void log_event(int32_t level, std::string_view event,
               std::initializer_list<std::pair<std::string_view, std::string_view>> fields);

// "debug", "info", "warning", "error", or "level<N>" for a value outside fp_log_level.
std::string level_name(int32_t level);

// One key=value pair, the value quoted (with \" and \\ escaped) when it is
// empty or contains a space, a quote or a backslash.
std::string format_log_field(std::string_view key, std::string_view value);

}  // namespace host_stub

#endif  // HOST_STUB_LOGGING_HPP
