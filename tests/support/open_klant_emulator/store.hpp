// The emulator's records, one struct per Open Klant model, linked by primary key
// as in the Django models. Not thread-safe: the Emulator guards it with a mutex.
#pragma once

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace openklant_emulator::detail {

struct Contactnaam {
  std::string voorletters;
  std::string voornaam;
  std::string voorvoegsel_achternaam;
  std::string achternaam;
};

// The ten fields Open Klant keeps for a bezoekadres or correspondentieadres.
struct Adres {
  std::string nummeraanduiding_id;
  std::string straatnaam;
  std::optional<long long> huisnummer;
  std::string huisnummertoevoeging;
  std::string postcode;
  std::string stad;
  std::string adresregel1;
  std::string adresregel2;
  std::string adresregel3;
  std::string land;
};

struct Partij {
  int pk = 0;
  std::string uuid;
  std::string nummer;
  std::string interne_notitie;
  std::string soort_partij;  // "persoon" or "organisatie"
  std::optional<bool> indicatie_geheimhouding;
  std::string voorkeurstaal;
  bool indicatie_actief = true;
  std::optional<int> voorkeurs_digitaal_adres;  // DigitaalAdres pk
  Adres bezoekadres;
  Adres correspondentieadres;
  Contactnaam contactnaam;        // persoon only
  std::string organisatie_naam;   // organisatie only
};

struct PartijIdentificator {
  int pk = 0;
  std::string uuid;
  std::optional<int> partij;                 // Partij pk
  std::optional<int> sub_identificator_van;  // PartijIdentificator pk
  std::string andere_partij_identificator;
  std::string code_objecttype;
  std::string code_soort_object_id;
  std::string object_id;
  std::string code_register;
};

struct DigitaalAdres {
  int pk = 0;
  std::string uuid;
  std::optional<int> partij;      // Partij pk
  std::optional<int> betrokkene;  // Betrokkene pk
  std::string soort_digitaal_adres;
  bool is_standaard_adres = false;
  std::string adres;
  std::string omschrijving;
  std::string referentie;
  std::optional<std::string> verificatie_datum;
};

struct Klantcontact {
  int pk = 0;
  std::string uuid;
  std::string nummer;
  std::string kanaal;
  std::string onderwerp;
  std::string inhoud;
  std::optional<bool> indicatie_contact_gelukt;
  std::string taal;
  bool vertrouwelijk = false;
  std::string plaatsgevonden_op;
};

struct Betrokkene {
  int pk = 0;
  std::string uuid;
  std::optional<int> partij;  // Partij pk (wasPartij)
  int klantcontact = 0;       // Klantcontact pk (hadKlantcontact)
  std::string rol;
  std::string organisatienaam;
  bool initiator = false;
  Contactnaam contactnaam;
  Adres bezoekadres;
  Adres correspondentieadres;
};

struct Onderwerpobject {
  int pk = 0;
  std::string uuid;
  std::optional<int> klantcontact;      // Klantcontact pk
  std::optional<int> was_klantcontact;  // Klantcontact pk
  std::string object_id;
  std::string code_objecttype;
  std::string code_register;
  std::string code_soort_object_id;
};

// A random version 4 uuid in lowercase canonical form.
std::string random_uuid(std::mt19937_64& random);

// Finds a record by primary key or uuid in one of the Store's vectors.
template <typename Record>
const Record* find_by_pk(const std::vector<Record>& records, std::optional<int> pk) {
  if (!pk) return nullptr;
  for (const auto& record : records) {
    if (record.pk == *pk) return &record;
  }
  return nullptr;
}

template <typename Record>
Record* find_by_uuid(std::vector<Record>& records, std::string_view uuid) {
  for (auto& record : records) {
    if (record.uuid == uuid) return &record;
  }
  return nullptr;
}

template <typename Record>
const Record* find_by_uuid(const std::vector<Record>& records, std::string_view uuid) {
  for (const auto& record : records) {
    if (record.uuid == uuid) return &record;
  }
  return nullptr;
}

template <typename Record>
int next_pk(const std::vector<Record>& records) {
  int highest = 0;
  for (const auto& record : records) highest = std::max(highest, record.pk);
  return highest + 1;
}

struct Store {
  std::vector<Partij> partijen;
  std::vector<PartijIdentificator> partij_identificatoren;
  std::vector<DigitaalAdres> digitale_adressen;
  std::vector<Klantcontact> klantcontacten;
  std::vector<Betrokkene> betrokkenen;
  std::vector<Onderwerpobject> onderwerpobjecten;

  std::string new_uuid() { return random_uuid(random); }

  // The next `nummer`: one more than the highest numeric one, zero-padded to 10 digits.
  std::string next_partij_nummer() const;
  std::string next_klantcontact_nummer() const;

  // Clears isStandaardAdres on the partij's other addresses of the same soort, as
  // Open Klant does whenever an address is saved as the default.
  void clear_other_defaults(const DigitaalAdres& new_default);

  std::mt19937_64 random{std::random_device{}()};
};

// The partij's identificators, in creation order.
std::vector<const PartijIdentificator*> identificatoren_of(const Store& store, int partij_pk);

// "voornaam voorvoegsel achternaam" without empty parts, as Open Klant builds volledigeNaam.
std::string volledige_naam(const Contactnaam& contactnaam);

// Adds the records of a Django fixture to the store. Throws std::runtime_error
// naming the record at fault; the store may be partly filled then, so callers load
// into a copy.
void load_django_fixture(Store& store, std::string_view fixture_json);

}  // namespace openklant_emulator::detail
