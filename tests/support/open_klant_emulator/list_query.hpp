// Request targets, list filters and pagination as Django REST framework and
// django-filter handle them in Open Klant.
#pragma once

#include "open_klant_emulator/open_klant_emulator.hpp"

#include <boost/json/array.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace openklant_emulator::detail {

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

// In a query a '+' stands for a space; in a path it is a plus sign.
std::string percent_decode(std::string_view text, bool plus_is_space);
std::string percent_encode(std::string_view text);  // as Python's quote_plus: space becomes '+'
QueryParameters parse_query(std::string_view query);

struct Target {
  std::string path;  // percent-decoded, without query
  std::string query;
};
Target split_target(std::string_view target);

enum class FilterKind { text, uuid, boolean, choice };

struct FilterSpec {
  FilterSpec(std::string filter_name, FilterKind filter_kind = FilterKind::text, std::vector<std::string> allowed = {})
      : name(std::move(filter_name)), kind(filter_kind), choices(std::move(allowed)) {}

  std::string name;
  FilterKind kind;
  std::vector<std::string> choices;  // for FilterKind::choice
};

struct ListParameters {
  std::map<std::string, std::string> filters;  // only non-empty values; uuids normalized
  QueryParameters query;                       // everything as received, for next/previous links
  std::string page;                            // as received, empty when absent
  std::size_t page_size = 100;
};

// Validates the query of a list request. Unknown parameters are rejected with 400,
// which is stricter than Open Klant (it ignores them) so that a misspelt filter in
// a client fails its tests instead of silently returning every record.
std::variant<ListParameters, Response> read_list_parameters(const std::string& api_root, const QueryParameters& query,
                                                            const std::vector<FilterSpec>& filters);

// The page asked for, as {"count", "next", "previous", "results"}; 404 for a page
// that does not exist. `collection_url` is the list URL without query.
Response paginate(const std::string& api_root, const std::string& collection_url, const ListParameters& parameters,
                  boost::json::array items);

}  // namespace openklant_emulator::detail
