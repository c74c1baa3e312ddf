#include "open_klant_emulator/serialization.hpp"

#include <boost/json/array.hpp>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

json::value optional_bool_json(const std::optional<bool>& value) {
  if (!value) return nullptr;
  return *value;
}

}  // namespace

json::object with_expand(json::object object) {
  object["_expand"] = json::object();
  return object;
}

json::object adres_json(const Adres& adres) {
  json::object object;
  object["nummeraanduidingId"] = adres.nummeraanduiding_id;
  object["straatnaam"] = adres.straatnaam;
  object["huisnummer"] = adres.huisnummer ? json::value(*adres.huisnummer) : json::value(nullptr);
  object["huisnummertoevoeging"] = adres.huisnummertoevoeging;
  object["postcode"] = adres.postcode;
  object["stad"] = adres.stad;
  object["adresregel1"] = adres.adresregel1;
  object["adresregel2"] = adres.adresregel2;
  object["adresregel3"] = adres.adresregel3;
  object["land"] = adres.land;
  return object;
}

json::object contactnaam_json(const Contactnaam& contactnaam) {
  json::object object;
  object["voorletters"] = contactnaam.voorletters;
  object["voornaam"] = contactnaam.voornaam;
  object["voorvoegselAchternaam"] = contactnaam.voorvoegsel_achternaam;
  object["achternaam"] = contactnaam.achternaam;
  return object;
}

json::object Serializer::reference(std::string_view collection, std::string_view uuid) const {
  json::object object;
  object["uuid"] = uuid;
  object["url"] = api_root_ + std::string(collection) + "/" + std::string(uuid);
  return object;
}

json::value Serializer::partij_reference(std::optional<int> pk) const {
  const auto* partij = find_by_pk(store_.partijen, pk);
  if (!partij) return nullptr;
  return reference("partijen", partij->uuid);
}

json::value Serializer::klantcontact_reference(std::optional<int> pk) const {
  const auto* klantcontact = find_by_pk(store_.klantcontacten, pk);
  if (!klantcontact) return nullptr;
  return reference("klantcontacten", klantcontact->uuid);
}

json::object Serializer::partij(const Partij& partij) const {
  json::array betrokkenen;
  for (const auto& betrokkene : store_.betrokkenen) {
    if (betrokkene.partij == partij.pk) betrokkenen.push_back(reference("betrokkenen", betrokkene.uuid));
  }
  json::array digitale_adressen;
  for (const auto& adres : store_.digitale_adressen) {
    if (adres.partij == partij.pk) digitale_adressen.push_back(reference("digitaleadressen", adres.uuid));
  }
  json::value voorkeurs_digitaal_adres = nullptr;
  if (const auto* adres = find_by_pk(store_.digitale_adressen, partij.voorkeurs_digitaal_adres)) {
    voorkeurs_digitaal_adres = reference("digitaleadressen", adres->uuid);
  }
  json::array identificatoren;
  for (const auto* identificator : identificatoren_of(store_, partij.pk)) {
    identificatoren.push_back(partij_identificator(*identificator));
  }

  json::object identificatie;
  if (partij.soort_partij == "persoon") {
    identificatie["contactnaam"] = contactnaam_json(partij.contactnaam);
    identificatie["volledigeNaam"] = volledige_naam(partij.contactnaam);
  } else {
    identificatie["naam"] = partij.organisatie_naam;
  }

  json::object object;
  object["uuid"] = partij.uuid;
  object["url"] = api_root_ + "partijen/" + partij.uuid;
  object["nummer"] = partij.nummer;
  object["interneNotitie"] = partij.interne_notitie;
  object["betrokkenen"] = std::move(betrokkenen);
  object["categorieRelaties"] = json::array();
  object["digitaleAdressen"] = std::move(digitale_adressen);
  object["voorkeursDigitaalAdres"] = std::move(voorkeurs_digitaal_adres);
  object["vertegenwoordigden"] = json::array();
  object["rekeningnummers"] = json::array();
  object["voorkeursRekeningnummer"] = nullptr;
  object["partijIdentificatoren"] = std::move(identificatoren);
  object["soortPartij"] = partij.soort_partij;
  object["indicatieGeheimhouding"] = optional_bool_json(partij.indicatie_geheimhouding);
  object["voorkeurstaal"] = partij.voorkeurstaal;
  object["indicatieActief"] = partij.indicatie_actief;
  object["bezoekadres"] = adres_json(partij.bezoekadres);
  object["correspondentieadres"] = adres_json(partij.correspondentieadres);
  object["partijIdentificatie"] = std::move(identificatie);
  return object;
}

json::object Serializer::partij_identificator(const PartijIdentificator& identificator) const {
  json::object codes;
  codes["codeObjecttype"] = identificator.code_objecttype;
  codes["codeSoortObjectId"] = identificator.code_soort_object_id;
  codes["objectId"] = identificator.object_id;
  codes["codeRegister"] = identificator.code_register;

  json::value sub_identificator_van = nullptr;
  if (const auto* parent = find_by_pk(store_.partij_identificatoren, identificator.sub_identificator_van)) {
    sub_identificator_van = reference("partij-identificatoren", parent->uuid);
  }

  json::object object;
  object["uuid"] = identificator.uuid;
  object["url"] = api_root_ + "partij-identificatoren/" + identificator.uuid;
  object["identificeerdePartij"] = partij_reference(identificator.partij);
  object["anderePartijIdentificator"] = identificator.andere_partij_identificator;
  object["partijIdentificator"] = std::move(codes);
  object["subIdentificatorVan"] = std::move(sub_identificator_van);
  return object;
}

json::object Serializer::digitaal_adres(const DigitaalAdres& adres) const {
  json::value betrokkene = nullptr;
  if (const auto* found = find_by_pk(store_.betrokkenen, adres.betrokkene)) {
    betrokkene = reference("betrokkenen", found->uuid);
  }

  json::object object;
  object["uuid"] = adres.uuid;
  object["url"] = api_root_ + "digitaleadressen/" + adres.uuid;
  object["verstrektDoorBetrokkene"] = std::move(betrokkene);
  object["verstrektDoorPartij"] = partij_reference(adres.partij);
  object["adres"] = adres.adres;
  object["soortDigitaalAdres"] = adres.soort_digitaal_adres;
  object["isStandaardAdres"] = adres.is_standaard_adres;
  object["omschrijving"] = adres.omschrijving;
  object["referentie"] = adres.referentie;
  object["verificatieDatum"] = adres.verificatie_datum ? json::value(*adres.verificatie_datum) : json::value(nullptr);
  return object;
}

json::object Serializer::klantcontact(const Klantcontact& klantcontact) const {
  json::array onderwerpobjecten;
  for (const auto& onderwerpobject : store_.onderwerpobjecten) {
    if (onderwerpobject.klantcontact == klantcontact.pk) {
      onderwerpobjecten.push_back(reference("onderwerpobjecten", onderwerpobject.uuid));
    }
  }
  json::array betrokkenen;
  for (const auto& betrokkene : store_.betrokkenen) {
    if (betrokkene.klantcontact == klantcontact.pk) betrokkenen.push_back(reference("betrokkenen", betrokkene.uuid));
  }

  json::object object;
  object["uuid"] = klantcontact.uuid;
  object["url"] = api_root_ + "klantcontacten/" + klantcontact.uuid;
  object["gingOverOnderwerpobjecten"] = std::move(onderwerpobjecten);
  object["hadBetrokkenActoren"] = json::array();
  object["omvatteBijlagen"] = json::array();
  object["hadBetrokkenen"] = std::move(betrokkenen);
  object["leiddeTotInterneTaken"] = json::array();
  object["nummer"] = klantcontact.nummer;
  object["kanaal"] = klantcontact.kanaal;
  object["onderwerp"] = klantcontact.onderwerp;
  object["inhoud"] = klantcontact.inhoud;
  object["indicatieContactGelukt"] = optional_bool_json(klantcontact.indicatie_contact_gelukt);
  object["taal"] = klantcontact.taal;
  object["vertrouwelijk"] = klantcontact.vertrouwelijk;
  object["plaatsgevondenOp"] = klantcontact.plaatsgevonden_op;
  return object;
}

json::object Serializer::betrokkene(const Betrokkene& betrokkene) const {
  json::array digitale_adressen;
  for (const auto& adres : store_.digitale_adressen) {
    if (adres.betrokkene == betrokkene.pk) digitale_adressen.push_back(reference("digitaleadressen", adres.uuid));
  }

  json::object object;
  object["uuid"] = betrokkene.uuid;
  object["url"] = api_root_ + "betrokkenen/" + betrokkene.uuid;
  object["wasPartij"] = partij_reference(betrokkene.partij);
  object["hadKlantcontact"] = klantcontact_reference(betrokkene.klantcontact);
  object["digitaleAdressen"] = std::move(digitale_adressen);
  object["bezoekadres"] = adres_json(betrokkene.bezoekadres);
  object["correspondentieadres"] = adres_json(betrokkene.correspondentieadres);
  object["contactnaam"] = contactnaam_json(betrokkene.contactnaam);
  object["volledigeNaam"] = volledige_naam(betrokkene.contactnaam);
  object["rol"] = betrokkene.rol;
  object["organisatienaam"] = betrokkene.organisatienaam;
  object["initiator"] = betrokkene.initiator;
  return object;
}

json::object Serializer::onderwerpobject(const Onderwerpobject& onderwerpobject) const {
  json::object identificator;
  identificator["objectId"] = onderwerpobject.object_id;
  identificator["codeObjecttype"] = onderwerpobject.code_objecttype;
  identificator["codeRegister"] = onderwerpobject.code_register;
  identificator["codeSoortObjectId"] = onderwerpobject.code_soort_object_id;

  json::object object;
  object["uuid"] = onderwerpobject.uuid;
  object["url"] = api_root_ + "onderwerpobjecten/" + onderwerpobject.uuid;
  object["klantcontact"] = klantcontact_reference(onderwerpobject.klantcontact);
  object["wasKlantcontact"] = klantcontact_reference(onderwerpobject.was_klantcontact);
  object["onderwerpobjectidentificator"] = std::move(identificator);
  return object;
}

}  // namespace openklant_emulator::detail
