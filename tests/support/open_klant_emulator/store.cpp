#include "open_klant_emulator/store.hpp"

#include <cstdio>

namespace openklant_emulator::detail {
namespace {

template <typename Record>
std::string next_nummer(const std::vector<Record>& records) {
  unsigned long long highest = 0;
  for (const auto& record : records) {
    if (record.nummer.empty() || record.nummer.find_first_not_of("0123456789") != std::string::npos) continue;
    highest = std::max(highest, std::stoull(record.nummer));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%010llu", highest + 1);
  return text;
}

}  // namespace

std::string random_uuid(std::mt19937_64& random) {
  std::uniform_int_distribution<unsigned> byte_distribution(0, 255);
  unsigned char bytes[16];
  for (auto& byte : bytes) byte = static_cast<unsigned char>(byte_distribution(random));
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant

  static const char hex_digits[] = "0123456789abcdef";
  std::string text;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += hex_digits[bytes[i] >> 4];
    text += hex_digits[bytes[i] & 0x0F];
  }
  return text;
}

std::string Store::next_partij_nummer() const { return next_nummer(partijen); }

std::string Store::next_klantcontact_nummer() const { return next_nummer(klantcontacten); }

void Store::clear_other_defaults(const DigitaalAdres& new_default) {
  for (auto& adres : digitale_adressen) {
    if (adres.pk == new_default.pk) continue;
    if (adres.partij != new_default.partij) continue;
    if (adres.soort_digitaal_adres != new_default.soort_digitaal_adres) continue;
    adres.is_standaard_adres = false;
  }
}

std::vector<const PartijIdentificator*> identificatoren_of(const Store& store, int partij_pk) {
  std::vector<const PartijIdentificator*> found;
  for (const auto& identificator : store.partij_identificatoren) {
    if (identificator.partij == partij_pk) found.push_back(&identificator);
  }
  return found;
}

std::string volledige_naam(const Contactnaam& contactnaam) {
  std::string naam;
  for (const std::string* part : {&contactnaam.voornaam, &contactnaam.voorvoegsel_achternaam, &contactnaam.achternaam}) {
    if (part->empty()) continue;
    if (!naam.empty()) naam += ' ';
    naam += *part;
  }
  return naam;
}

}  // namespace openklant_emulator::detail
