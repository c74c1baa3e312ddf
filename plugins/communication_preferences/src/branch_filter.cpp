#include "branch_filter.hpp"

#include "errors.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace commprefs {
namespace {

std::string string_at(const boost::json::object& object, std::string_view key) {
  const auto* member = object.if_contains(key);
  return member != nullptr && member->is_string() ? std::string(member->get_string()) : std::string();
}

// The uuid inside a reference such as {"uuid": ..., "url": ...}, or "".
std::string reference_uuid(const boost::json::object& object, std::string_view key) {
  const auto* member = object.if_contains(key);
  if (member == nullptr || !member->is_object()) return {};
  return string_at(member->get_object(), "uuid");
}

struct PartyKvk {
  std::set<std::string> kvk_numbers;  // every KVK number the party's identificators show
};

class KvkResolver {
 public:
  KvkResolver(const OpenKlantClient& client) : client_(client) {}

  // The objectId of the identificator with this uuid that lives outside the party.
  std::string external_kvk(const std::string& identificator_uuid) {
    auto cached = cache_.find(identificator_uuid);
    if (cached != cache_.end()) return cached->second;
    if (!is_uuid(identificator_uuid)) return cache_[identificator_uuid] = "";

    const auto identificator = client_.get_object("partij-identificatoren/" + identificator_uuid);
    std::string kvk;
    if (const auto* codes = identificator.if_contains("partijIdentificator"); codes != nullptr && codes->is_object()) {
      if (string_at(codes->get_object(), "codeSoortObjectId") == "kvk_nummer") {
        kvk = string_at(codes->get_object(), "objectId");
      }
    }
    return cache_[identificator_uuid] = kvk;
  }

 private:
  const OpenKlantClient& client_;
  std::map<std::string, std::string> cache_;
};

PartyKvk kvk_numbers_of(const boost::json::object& partij, KvkResolver& resolver) {
  PartyKvk result;
  const auto* identificatoren = partij.if_contains("partijIdentificatoren");
  if (identificatoren == nullptr || !identificatoren->is_array()) return result;

  // Index the party's own identificators by uuid, so a branch's parent is
  // usually found without another request.
  std::map<std::string, std::string> own_kvk_by_uuid;
  for (const auto& item : identificatoren->get_array()) {
    if (!item.is_object()) continue;
    const auto* codes = item.get_object().if_contains("partijIdentificator");
    if (codes == nullptr || !codes->is_object()) continue;
    if (string_at(codes->get_object(), "codeSoortObjectId") != "kvk_nummer") continue;
    const std::string kvk = string_at(codes->get_object(), "objectId");
    result.kvk_numbers.insert(kvk);
    own_kvk_by_uuid[string_at(item.get_object(), "uuid")] = kvk;
  }

  for (const auto& item : identificatoren->get_array()) {
    if (!item.is_object()) continue;
    const auto* codes = item.get_object().if_contains("partijIdentificator");
    if (codes == nullptr || !codes->is_object()) continue;
    if (string_at(codes->get_object(), "codeSoortObjectId") != "vestigingsnummer") continue;
    const std::string parent = reference_uuid(item.get_object(), "subIdentificatorVan");
    if (parent.empty()) continue;
    auto own = own_kvk_by_uuid.find(parent);
    const std::string kvk = own != own_kvk_by_uuid.end() ? own->second : resolver.external_kvk(parent);
    if (!kvk.empty()) result.kvk_numbers.insert(kvk);
  }
  return result;
}

}  // namespace

bool is_uuid(std::string_view text) {
  static const std::regex pattern("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  return std::regex_match(text.begin(), text.end(), pattern);
}

std::vector<boost::json::object> keep_addresses_of_login(std::vector<boost::json::object> adressen,
                                                         const Submitter& submitter, const OpenKlantClient& client,
                                                         const Logger& logger) {
  // The distinct parties, in the order their addresses came.
  std::vector<std::string> parties;
  for (const auto& adres : adressen) {
    const std::string partij = reference_uuid(adres, "verstrektDoorPartij");
    if (is_uuid(partij) && std::find(parties.begin(), parties.end(), partij) == parties.end()) {
      parties.push_back(partij);
    }
  }

  // Classify each party by the KVK numbers it shows.
  KvkResolver resolver(client);
  std::vector<std::string> candidates;
  std::set<std::string> carrying_login;
  for (const auto& partij : parties) {
    const PartyKvk kvk = kvk_numbers_of(client.get_object("partijen/" + partij), resolver);
    const bool other = std::any_of(kvk.kvk_numbers.begin(), kvk.kvk_numbers.end(),
                                   [&](const std::string& number) { return number != submitter.value; });
    if (other) {
      logger.warning("partij_excluded", {{"reason", "other_kvk_nummer"}, {"partij", partij}});
      continue;
    }
    candidates.push_back(partij);
    if (kvk.kvk_numbers.count(submitter.value) != 0) carrying_login.insert(partij);
  }

  std::set<std::string> kept;
  if (candidates.size() == 1) {
    kept.insert(candidates.front());
  } else {
    kept = carrying_login;
    for (const auto& partij : candidates) {
      if (kept.count(partij) == 0) {
        logger.warning("partij_excluded", {{"reason", "branch_shared_without_kvk_nummer"}, {"partij", partij}});
      }
    }
  }

  adressen.erase(std::remove_if(adressen.begin(), adressen.end(),
                                [&](const boost::json::object& adres) {
                                  return kept.count(reference_uuid(adres, "verstrektDoorPartij")) == 0;
                                }),
                 adressen.end());
  return adressen;
}

}  // namespace commprefs
