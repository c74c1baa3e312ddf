// The klantcontact's taal: ISO 639-2/B codes for the host's language codes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace commprefs {

// "nl" gives "nld", "en" gives "eng"; a region suffix ("en-GB") is ignored.
// Returns nullopt for a code the plugin does not know.
std::optional<std::string> iso_639_2b_code(std::string_view language_code);

}  // namespace commprefs
