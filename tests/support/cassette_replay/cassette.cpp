#include "cassette_replay/cassette.hpp"

#include <boost/json/parse.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cassette_replay::detail {
namespace {

namespace json = boost::json;

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
  throw std::runtime_error("invalid cassette " + path + ": " + problem);
}

const json::object& object_member(const json::object& parent, const char* key, const std::string& path,
                                  const std::string& where) {
  const auto* value = parent.if_contains(key);
  if (!value || !value->is_object()) fail(path, where + " has no \"" + key + "\" object");
  return value->get_object();
}

std::string first_content_type(const json::object& response) {
  const auto* headers = response.if_contains("headers");
  if (!headers || !headers->is_object()) return {};
  const auto* content_type = headers->get_object().if_contains("Content-Type");
  if (!content_type || !content_type->is_array() || content_type->get_array().empty()) return {};
  const auto& first = content_type->get_array().front();
  return first.is_string() ? std::string(first.get_string()) : std::string();
}

Interaction read_interaction(const json::value& entry, const std::string& path, std::size_t index) {
  const std::string where = "interaction " + std::to_string(index);
  if (!entry.is_object()) fail(path, where + " is not an object");
  const auto& request = object_member(entry.get_object(), "request", path, where);
  const auto& response = object_member(entry.get_object(), "response", path, where);

  Interaction interaction;
  const auto* method = request.if_contains("method");
  const auto* uri = request.if_contains("uri");
  if (!method || !method->is_string() || !uri || !uri->is_string()) fail(path, where + " has no request method or uri");
  interaction.method = std::string(method->get_string());
  const std::string full_uri(uri->get_string());
  if (full_uri.compare(0, recorded_api_root.size(), recorded_api_root) != 0) {
    fail(path, where + " has uri " + full_uri + ", which is not under " + recorded_api_root);
  }
  interaction.target = full_uri.substr(recorded_api_root.size());
  if (const auto* body = request.if_contains("body")) interaction.request_body = *body;

  const auto* status = response.if_contains("status");
  if (!status || !status->is_int64()) fail(path, where + " has no response status");
  interaction.status = static_cast<int>(status->get_int64());
  interaction.content_type = first_content_type(response);
  if (const auto* body = response.if_contains("body")) interaction.response_body = *body;
  return interaction;
}

}  // namespace

std::vector<Interaction> load_cassette(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read cassette " + path);
  std::ostringstream content;
  content << file.rdbuf();

  boost::system::error_code error;
  const auto document = json::parse(content.str(), error);
  if (error) fail(path, "not valid JSON: " + error.message());
  if (!document.is_object()) fail(path, "the top level is not an object");
  const auto* interactions = document.get_object().if_contains("interactions");
  if (!interactions || !interactions->is_array()) fail(path, "there is no \"interactions\" list");

  std::vector<Interaction> loaded;
  for (const auto& entry : interactions->get_array()) loaded.push_back(read_interaction(entry, path, loaded.size()));
  return loaded;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  for (auto position = text.find(from); position != std::string::npos; position = text.find(from, position + to.size())) {
    text.replace(position, from.size(), to);
  }
  return text;
}

json::value replace_in_strings(const json::value& value, const std::string& from, const std::string& to) {
  switch (value.kind()) {
    case json::kind::string:
      return json::value(replace_all(std::string(value.get_string()), from, to));
    case json::kind::array: {
      json::array copy;
      for (const auto& element : value.get_array()) copy.push_back(replace_in_strings(element, from, to));
      return copy;
    }
    case json::kind::object: {
      json::object copy;
      for (const auto& member : value.get_object()) copy[member.key()] = replace_in_strings(member.value(), from, to);
      return copy;
    }
    default:
      return value;
  }
}

}  // namespace cassette_replay::detail
