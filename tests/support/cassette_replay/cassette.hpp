// A cassette file in memory: the recorded requests and responses, with the API root
// they were recorded on, and the rewriting of that root to the replay server's.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace cassette_replay::detail {

// The API root every cassette in the reference folder was recorded on.
inline const std::string recorded_api_root = "http://localhost:8005/klantinteracties/api/v1/";

struct Interaction {
  std::string method;
  std::string target;                // relative to the recorded API root
  boost::json::value request_body;   // null when the request had none
  int status = 200;
  std::string content_type;
  boost::json::value response_body;  // object, array, string or null
};

// Throws std::runtime_error naming the file and the interaction at fault.
std::vector<Interaction> load_cassette(const std::string& path);

// Replaces `from` with `to` in every string of the JSON value.
boost::json::value replace_in_strings(const boost::json::value& value, const std::string& from, const std::string& to);

std::string replace_all(std::string text, const std::string& from, const std::string& to);

}  // namespace cassette_replay::detail
