// Builds Django fixtures for the Open Klant emulator, so a test states the data
// it needs next to its checks.
#pragma once

#include <boost/json/array.hpp>

#include <string>

namespace plugin_tests {

class FixtureBuilder {
 public:
  // A partij; returns its pk. soort is "persoon" or "organisatie".
  int partij(const std::string& uuid, const std::string& soort = "organisatie");

  // An identificator of a partij (pk 0: none); returns its pk. sub_of is the
  // pk of the identificator it hangs under, 0 for none.
  int identificator(int partij, const std::string& soort_object_id, const std::string& object_id, int sub_of = 0);
  int kvk_nummer(int partij, const std::string& kvk) { return identificator(partij, "kvk_nummer", kvk); }
  int vestigingsnummer(int partij, const std::string& number, int sub_of) {
    return identificator(partij, "vestigingsnummer", number, sub_of);
  }
  int bsn(int partij, const std::string& bsn) { return identificator(partij, "bsn", bsn); }

  // A digitaal adres of a partij, added in creation order (the API lists the newest first).
  void adres(int partij, const std::string& soort, const std::string& adres, bool standaard = false,
             const std::string& referentie = "");

  std::string json() const;

  // "00000000-0000-4000-8000-00000000000<n>": readable uuids for test data.
  static std::string uuid(int n);

 private:
  boost::json::array records_;
  int next_partij_ = 1;
  int next_identificator_ = 1;
  int next_adres_ = 1;
  int next_uuid_ = 1000;
};

}  // namespace plugin_tests
