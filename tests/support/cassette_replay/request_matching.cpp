#include "cassette_replay/request_matching.hpp"

#include "open_klant_emulator/list_query.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace cassette_replay::detail {
namespace {

namespace json = boost::json;
using openklant_emulator::detail::QueryParameters;

QueryParameters sorted_query(const std::string& query) {
  auto parameters = openklant_emulator::detail::parse_query(query);
  std::sort(parameters.begin(), parameters.end());
  return parameters;
}

std::string join(const QueryParameters& parameters) {
  std::string text;
  for (const auto& [name, value] : parameters) text += (text.empty() ? "" : ", ") + name + "=" + value;
  return text;
}

std::optional<std::string> query_difference(const std::string& expected_query, const std::string& received_query) {
  const auto expected = sorted_query(expected_query);
  const auto received = sorted_query(received_query);
  if (expected == received) return std::nullopt;

  QueryParameters missing;
  QueryParameters unexpected;
  std::set_difference(expected.begin(), expected.end(), received.begin(), received.end(), std::back_inserter(missing));
  std::set_difference(received.begin(), received.end(), expected.begin(), expected.end(), std::back_inserter(unexpected));
  std::string text = "the query differs:";
  if (!missing.empty()) text += " missing [" + join(missing) + "]";
  if (!unexpected.empty()) text += (missing.empty() ? " unexpected [" : ", unexpected [") + join(unexpected) + "]";
  return text;
}

bool is_empty_body(const json::value& body) {
  return body.is_null() || (body.is_string() && body.get_string().empty());
}

std::optional<std::string> body_difference(const json::value& expected, const std::string& received) {
  if (is_empty_body(expected) && received.empty()) return std::nullopt;

  boost::system::error_code error;
  const auto parsed = json::parse(received, error);
  if (!error && !expected.is_string() && parsed == expected) return std::nullopt;
  if (expected.is_string() && expected.get_string() == received) return std::nullopt;

  const std::string expected_text = expected.is_string() ? std::string(expected.get_string()) : json::serialize(expected);
  const std::string received_text = error ? received : json::serialize(parsed);
  return "the body differs: expected " + (expected_text.empty() ? "no body" : expected_text) + " but received " +
         (received_text.empty() ? "no body" : received_text);
}

}  // namespace

std::string describe(const std::string& method, const std::string& target) { return method + " " + target; }

std::optional<std::string> describe_difference(const Interaction& expected, const Exchange& received) {
  const auto expected_target = openklant_emulator::detail::split_target(expected.target);
  const auto received_target = openklant_emulator::detail::split_target(received.target);
  const std::string prefix =
      "received " + describe(received.method, received.target) + " where " + describe(expected.method, expected.target) +
      " was recorded: ";

  if (received.method != expected.method) return prefix + "the method differs";
  if (received_target.path != expected_target.path) return prefix + "the path differs";
  if (auto difference = query_difference(expected_target.query, received_target.query)) return prefix + *difference;
  if (auto difference = body_difference(expected.request_body, received.body)) return prefix + *difference;
  return std::nullopt;
}

}  // namespace cassette_replay::detail
