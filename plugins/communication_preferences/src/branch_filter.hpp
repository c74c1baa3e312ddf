// Keeps a branch login from seeing another organisation's addresses.
#pragma once

#include "logger.hpp"
#include "open_klant_client.hpp"
#include "submitter.hpp"

#include <boost/json/object.hpp>

#include <vector>

namespace commprefs {

// A vestigingsnummer is unique only within one KVK number, so a lookup by
// branch number can return several organisations' addresses. This keeps the
// addresses of the parties that belong to the login's KVK number:
//   - a party whose identificators show another KVK number (its own
//     kvk_nummer, or the one a vestigingsnummer hangs under through
//     subIdentificatorVan) is dropped;
//   - of several remaining parties, only those that carry the login's KVK
//     number are kept;
//   - a single remaining party without any KVK number (older data) is kept.
// Costs one GET partijen/{uuid} per distinct party, plus one GET
// partij-identificatoren/{uuid} for a parent identificator that belongs to
// another party.
std::vector<boost::json::object> keep_addresses_of_login(std::vector<boost::json::object> adressen,
                                                         const Submitter& submitter, const OpenKlantClient& client,
                                                         const Logger& logger);

// True for a canonical UUID; used before an id from the API goes into a URL path.
bool is_uuid(std::string_view text);

}  // namespace commprefs
