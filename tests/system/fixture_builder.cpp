#include "fixture_builder.hpp"

#include <boost/json/serialize.hpp>

#include <cstdio>

namespace plugin_tests {
namespace {

std::string register_of(const std::string& soort_object_id) { return soort_object_id == "bsn" ? "brp" : "hr"; }

std::string objecttype_of(const std::string& soort_object_id) {
  if (soort_object_id == "bsn") return "natuurlijk_persoon";
  if (soort_object_id == "kvk_nummer") return "niet_natuurlijk_persoon";
  return "vestiging";
}

}  // namespace

std::string FixtureBuilder::uuid(int n) {
  char text[40];
  std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
  return text;
}

int FixtureBuilder::partij(const std::string& uuid, const std::string& soort) {
  const int pk = next_partij_++;
  char nummer[16];
  std::snprintf(nummer, sizeof nummer, "%010d", pk);
  records_.push_back({{"model", "klantinteracties.partij"},
                      {"pk", pk},
                      {"fields",
                       {{"uuid", uuid},
                        {"nummer", nummer},
                        {"interne_notitie", ""},
                        {"soort_partij", soort},
                        {"indicatie_geheimhouding", nullptr},
                        {"voorkeurstaal", "nld"},
                        {"indicatie_actief", true},
                        {"voorkeurs_digitaal_adres", nullptr}}}});
  return pk;
}

int FixtureBuilder::identificator(int partij, const std::string& soort_object_id, const std::string& object_id,
                                  int sub_of) {
  const int pk = next_identificator_++;
  records_.push_back({{"model", "klantinteracties.partijidentificator"},
                      {"pk", pk},
                      {"fields",
                       {{"uuid", uuid(next_uuid_++)},
                        {"sub_identificator_van", sub_of == 0 ? boost::json::value(nullptr) : boost::json::value(sub_of)},
                        {"partij", partij == 0 ? boost::json::value(nullptr) : boost::json::value(partij)},
                        {"andere_partij_identificator", ""},
                        {"partij_identificator_code_objecttype", objecttype_of(soort_object_id)},
                        {"partij_identificator_code_soort_object_id", soort_object_id},
                        {"partij_identificator_object_id", object_id},
                        {"partij_identificator_code_register", register_of(soort_object_id)}}}});
  return pk;
}

void FixtureBuilder::adres(int partij, const std::string& soort, const std::string& adres, bool standaard,
                           const std::string& referentie) {
  records_.push_back({{"model", "klantinteracties.digitaaladres"},
                      {"pk", next_adres_++},
                      {"fields",
                       {{"uuid", uuid(next_uuid_++)},
                        {"partij", partij},
                        {"betrokkene", nullptr},
                        {"soort_digitaal_adres", soort},
                        {"is_standaard_adres", standaard},
                        {"adres", adres},
                        {"omschrijving", ""},
                        {"referentie", referentie},
                        {"verificatie_datum", nullptr}}}});
}

std::string FixtureBuilder::json() const { return boost::json::serialize(records_); }

}  // namespace plugin_tests
