// Shared set-up for the tests of the test doubles in tests/support: paths into
// the reference folder, JSON helpers, and an emulator seeded with the reference
// fixture and listening on a free port.
#pragma once

#include "open_klant_emulator/open_klant_emulator.hpp"
#include "test_http_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#ifndef FORMPLUGIN_REFERENCE_DIR
#error "FORMPLUGIN_REFERENCE_DIR must name the folder with open-klant/ and open-forms-cassettes/"
#endif

namespace support_tests {

inline const std::string reference_dir = FORMPLUGIN_REFERENCE_DIR;
inline const std::string fixture_path = reference_dir + "/open-klant/open-forms-docker-fixtures.json";
inline const std::string recorded_root = "http://localhost:8005/klantinteracties/api/v1/";
inline const std::string token_header = "Token demo-token";

// Partij 4bf35628-... in the reference fixture: BSN 123456782, five addresses.
inline const std::string bsn_partij_uuid = "4bf35628-d6fd-4815-9a76-e55c275986b9";

inline std::string cassette_path(const std::string& name) { return reference_dir + "/open-forms-cassettes/" + name; }

inline std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

inline boost::json::value parse_json(const std::string& text) { return boost::json::parse(text); }

inline std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto position = text.find(from); position != std::string::npos; position = text.find(from, position + to.size())) {
    text.replace(position, from.size(), to);
  }
  return text;
}

// The value with every occurrence of `from` replaced by `to`, in keys and strings alike.
inline boost::json::value with_replaced(const boost::json::value& value, const std::string& from, const std::string& to) {
  return parse_json(replace_all(boost::json::serialize(value), from, to));
}

// One recorded interaction of a cassette: {"request": ..., "response": ...}.
inline boost::json::object recorded_interaction(const std::string& cassette, std::size_t index) {
  const auto document = parse_json(read_file(cassette_path(cassette)));
  return document.at("interactions").as_array().at(index).as_object();
}

// The recorded target relative to the API root, e.g. "digitaleadressen?a=b".
inline std::string recorded_target(const boost::json::object& interaction) {
  const std::string uri(interaction.at("request").at("uri").as_string());
  return uri.substr(recorded_root.size());
}

struct SeededEmulator {
  explicit SeededEmulator(openklant_emulator::Options options = {}) : emulator(std::move(options)) {
    emulator.load_fixture_file(fixture_path);
    emulator.start();
  }

  HttpResult get(const std::string& relative_target) {
    return http_request("GET", emulator.api_root() + relative_target, token_header);
  }
  HttpResult post(const std::string& relative_target, const std::string& body) {
    return http_request("POST", emulator.api_root() + relative_target, token_header, body);
  }
  HttpResult patch(const std::string& relative_target, const std::string& body) {
    return http_request("PATCH", emulator.api_root() + relative_target, token_header, body);
  }

  // A recorded body with the recorded API root replaced by this emulator's.
  boost::json::value as_served_here(const boost::json::value& recorded) const {
    return with_replaced(recorded, recorded_root, emulator.api_root());
  }

  openklant_emulator::Emulator emulator;
};

}  // namespace support_tests
