#include "logging.hpp"

#include <cstdio>
#include <mutex>

namespace host_stub {
namespace {

std::mutex& stderr_mutex() {
  static std::mutex mutex;
  return mutex;
}

void write_line(int32_t level, std::string_view event, std::string_view fields) {
  std::string line = level_name(level);
  line += ' ';
  line += event;
  if (!fields.empty()) {
    line += ' ';
    line += fields;
  }
  // A line break inside the fields would split one event over two lines.
  for (auto& character : line) {
    if (character == '\n' || character == '\r') character = ' ';
  }
  line += '\n';

  const std::lock_guard<std::mutex> lock(stderr_mutex());
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

std::string_view view_of(fp_string text) {
  if (text.data == nullptr) return {};
  return {text.data, text.length};
}

}  // namespace

void write_plugin_log_event(void*, int32_t level, fp_string event, fp_string fields) {
  write_line(level, view_of(event), view_of(fields));
}

void log_event(int32_t level, std::string_view event,
               std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  std::string text;
  for (const auto& [key, value] : fields) {
    if (!text.empty()) text += ' ';
    text += format_log_field(key, value);
  }
  write_line(level, event, text);
}

std::string level_name(int32_t level) {
  switch (level) {
    case FP_LOG_DEBUG: return "debug";
    case FP_LOG_INFO: return "info";
    case FP_LOG_WARNING: return "warning";
    case FP_LOG_ERROR: return "error";
  }
  return "level" + std::to_string(level);
}

std::string format_log_field(std::string_view key, std::string_view value) {
  const bool needs_quotes = value.empty() || value.find_first_of(" \"\\\t") != std::string_view::npos;
  std::string field(key);
  field += '=';
  if (!needs_quotes) return field + std::string(value);

  field += '"';
  for (const char character : value) {
    if (character == '"' || character == '\\') field += '\\';
    field += character;
  }
  field += '"';
  return field;
}

}  // namespace host_stub
