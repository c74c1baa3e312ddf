#include "languages.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace commprefs {
namespace {

// The languages a Dutch municipality's forms are offered in, with their
// ISO 639-2 bibliographic codes (the B codes differ from the T codes for
// German, French, Dutch and a few more; Open Klant expects the B code "nld").
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> known_languages{{
    {"nl", "nld"}, {"en", "eng"}, {"de", "ger"}, {"fr", "fre"}, {"fy", "fry"}, {"es", "spa"},
    {"it", "ita"}, {"pl", "pol"}, {"pt", "por"}, {"tr", "tur"}, {"ar", "ara"}, {"uk", "ukr"},
    {"ro", "rum"}, {"bg", "bul"}, {"zh", "chi"}, {"so", "som"},
}};

}  // namespace

std::optional<std::string> iso_639_2b_code(std::string_view language_code) {
  std::string base(language_code.substr(0, language_code.find_first_of("-_")));
  std::transform(base.begin(), base.end(), base.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [code, taal] : known_languages) {
    if (code == base) return std::string(taal);
  }
  return std::nullopt;
}

}  // namespace commprefs
