#include "logger.hpp"

namespace commprefs {
namespace {

bool needs_quotes(std::string_view value) {
  if (value.empty()) return true;
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return true;
  }
  return false;
}

void append_value(std::string& line, std::string_view value) {
  if (!needs_quotes(value)) {
    line.append(value);
    return;
  }
  line.push_back('"');
  for (char c : value) {
    if (c == '"' || c == '\\') line.push_back('\\');
    // Control characters would break the one-line format.
    line.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  }
  line.push_back('"');
}

}  // namespace

void Logger::event(fp_log_level level, std::string_view name,
                   std::initializer_list<LogField> fields) const {
  if (host_.log == nullptr) return;
  try {
    std::string line = "plugin=communication_preferences";
    for (const auto& [key, value] : fields) {
      line.push_back(' ');
      line.append(key);
      line.push_back('=');
      append_value(line, value);
    }
    host_.log(host_.host_context, level, fp_string{name.data(), name.size()},
              fp_string{line.data(), line.size()});
  } catch (...) {
    // Logging must never turn a working hook into a failing one; an event that
    // cannot be built (out of memory) is dropped.
  }
}

std::string mask_identifier(std::string_view value) {
  if (value.size() <= 4) return std::string(value.size(), '*');
  return std::string(value.size() - 4, '*') + std::string(value.substr(value.size() - 4));
}

std::string mask_address(std::string_view address) {
  const auto at = address.find('@');
  if (at != std::string_view::npos && at > 0) {
    return std::string(1, address.front()) + "***" + std::string(address.substr(at));
  }
  return mask_identifier(address);
}

}  // namespace commprefs
