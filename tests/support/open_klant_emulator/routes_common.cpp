#include "open_klant_emulator/routes.hpp"

namespace openklant_emulator::detail {

std::vector<FilterSpec> identificator_filter_specs(const std::string& prefix) {
  return {{prefix + "codeSoortObjectId"}, {prefix + "codeRegister"}, {prefix + "codeObjecttype"}, {prefix + "objectId"}};
}

const std::string* filter_value(const ListParameters& parameters, const std::string& name) {
  const auto found = parameters.filters.find(name);
  return found == parameters.filters.end() ? nullptr : &found->second;
}

IdentificatorFilter read_identificator_filter(const ListParameters& parameters, const std::string& prefix) {
  const auto read = [&](const char* code) -> std::optional<std::string> {
    if (const auto* value = filter_value(parameters, prefix + code)) return *value;
    return std::nullopt;
  };
  return {read("codeSoortObjectId"), read("codeRegister"), read("codeObjecttype"), read("objectId")};
}

bool partij_matches(const Store& store, std::optional<int> partij_pk, const IdentificatorFilter& filter) {
  if (!partij_pk) return false;
  const auto matches = [](const std::optional<std::string>& expected, const std::string& actual) {
    return !expected || *expected == actual;
  };
  for (const auto* identificator : identificatoren_of(store, *partij_pk)) {
    if (matches(filter.code_soort_object_id, identificator->code_soort_object_id) &&
        matches(filter.code_register, identificator->code_register) &&
        matches(filter.code_objecttype, identificator->code_objecttype) &&
        matches(filter.object_id, identificator->object_id)) {
      return true;
    }
  }
  return false;
}

}  // namespace openklant_emulator::detail
