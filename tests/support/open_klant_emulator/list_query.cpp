#include "open_klant_emulator/list_query.hpp"

#include "open_klant_emulator/api_errors.hpp"
#include "open_klant_emulator/validation.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <cctype>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

constexpr std::size_t default_page_size = 100;
constexpr std::size_t max_page_size = 100;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::size_t> positive_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  const auto number = static_cast<std::size_t>(std::stoul(std::string(text)));
  if (number == 0) return std::nullopt;
  return number;
}

// Django REST framework sorts the parameters by name when it builds a page link.
std::string link_with_page(const std::string& collection_url, const QueryParameters& query, std::optional<std::size_t> page) {
  std::vector<std::string> names;
  for (const auto& [name, value] : query) {
    if (name != "page" && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (page) names.push_back("page");
  std::sort(names.begin(), names.end());

  std::string encoded;
  for (const auto& name : names) {
    const auto append = [&](const std::string& value) {
      encoded += encoded.empty() ? "" : "&";
      encoded += percent_encode(name) + "=" + percent_encode(value);
    };
    if (name == "page") {
      append(std::to_string(*page));
      continue;
    }
    for (const auto& [key, value] : query) {
      if (key == name) append(value);
    }
  }
  return encoded.empty() ? collection_url : collection_url + "?" + encoded;
}

std::optional<std::string> filter_problem(const FilterSpec& spec, const std::string& value) {
  switch (spec.kind) {
    case FilterKind::text:
      return std::nullopt;
    case FilterKind::uuid:
      if (is_uuid(value)) return std::nullopt;
      return "Enter a valid UUID.";
    case FilterKind::boolean:
      if (value == "true" || value == "false" || value == "True" || value == "False" || value == "1" || value == "0") {
        return std::nullopt;
      }
      return "Enter true or false.";
    case FilterKind::choice:
      if (std::find(spec.choices.begin(), spec.choices.end(), value) != spec.choices.end()) return std::nullopt;
      return "Select a valid choice. " + value + " is not one of the available choices.";
  }
  return std::nullopt;
}

std::string normalized_filter_value(const FilterSpec& spec, const std::string& value) {
  if (spec.kind == FilterKind::uuid) return normalized_uuid(value);
  if (spec.kind == FilterKind::boolean) return (value == "true" || value == "True" || value == "1") ? "true" : "false";
  return value;
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (plus_is_space && text[i] == '+') {
      decoded += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

std::string percent_encode(std::string_view text) {
  static const char hex_digits[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '_' || c == '.' || c == '-' || c == '~') {
      encoded += c;
    } else if (c == ' ') {
      encoded += '+';
    } else {
      encoded += '%';
      encoded += hex_digits[byte >> 4];
      encoded += hex_digits[byte & 0x0F];
    }
  }
  return encoded;
}

QueryParameters parse_query(std::string_view query) {
  QueryParameters parameters;
  std::size_t start = 0;
  while (start <= query.size()) {
    auto end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const auto pair = query.substr(start, end - start);
    if (!pair.empty()) {
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos) {
        parameters.emplace_back(percent_decode(pair, true), "");
      } else {
        parameters.emplace_back(percent_decode(pair.substr(0, equals), true), percent_decode(pair.substr(equals + 1), true));
      }
    }
    start = end + 1;
  }
  return parameters;
}

Target split_target(std::string_view target) {
  const auto question_mark = target.find('?');
  if (question_mark == std::string_view::npos) return {percent_decode(target, false), ""};
  return {percent_decode(target.substr(0, question_mark), false), std::string(target.substr(question_mark + 1))};
}

std::variant<ListParameters, Response> read_list_parameters(const std::string& api_root, const QueryParameters& query,
                                                            const std::vector<FilterSpec>& filters) {
  ListParameters parameters;
  parameters.query = query;
  std::vector<InvalidParam> problems;

  for (const auto& [name, value] : query) {
    if (name == "page") {
      parameters.page = value;
      continue;
    }
    if (name == "pageSize") {
      // Like Django REST framework, an unusable page size falls back to the default.
      parameters.page_size = std::min(positive_number(value).value_or(default_page_size), max_page_size);
      continue;
    }

    const auto spec = std::find_if(filters.begin(), filters.end(), [&](const FilterSpec& candidate) { return candidate.name == name; });
    if (spec == filters.end()) {
      problems.push_back({name, "unknown_parameter",
                          "Unknown query parameter. The emulator rejects parameters this list does not filter on, "
                          "so a misspelt filter fails instead of being ignored."});
      continue;
    }
    if (value.empty()) continue;  // django-filter skips empty filter values
    if (const auto problem = filter_problem(*spec, value)) {
      problems.push_back({name, spec->kind == FilterKind::choice ? "invalid_choice" : "invalid", *problem});
      continue;
    }
    parameters.filters[name] = normalized_filter_value(*spec, value);
  }

  if (!problems.empty()) return validation_error(api_root, std::move(problems));
  return parameters;
}

Response paginate(const std::string& api_root, const std::string& collection_url, const ListParameters& parameters,
                  json::array items) {
  const std::size_t count = items.size();
  const std::size_t page_count = std::max<std::size_t>(1, (count + parameters.page_size - 1) / parameters.page_size);

  std::size_t page = 1;
  if (!parameters.page.empty()) {
    const auto requested = parameters.page == "last" ? std::optional<std::size_t>(page_count) : positive_number(parameters.page);
    if (!requested || *requested > page_count) return not_found(api_root, "Ongeldige pagina.");
    page = *requested;
  }

  const std::size_t first = (page - 1) * parameters.page_size;
  const std::size_t last = std::min(count, first + parameters.page_size);
  json::array results;
  for (std::size_t i = first; i < last; ++i) results.push_back(std::move(items[i]));

  json::object body;
  body["count"] = count;
  body["next"] = page < page_count ? json::value(link_with_page(collection_url, parameters.query, page + 1)) : json::value(nullptr);
  if (page == 1) {
    body["previous"] = nullptr;
  } else if (page == 2) {
    body["previous"] = link_with_page(collection_url, parameters.query, std::nullopt);
  } else {
    body["previous"] = link_with_page(collection_url, parameters.query, page - 1);
  }
  body["results"] = std::move(results);
  return json_response(200, body);
}

}  // namespace openklant_emulator::detail
