// Turns Store records into the JSON objects Open Klant returns, with the field
// names, nesting and field order of the recorded responses. List items and GET
// responses of expandable resources carry an empty "_expand" object in addition,
// which with_expand() adds.
#pragma once

#include "open_klant_emulator/store.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace openklant_emulator::detail {

class Serializer {
 public:
  Serializer(const Store& store, std::string api_root) : store_(store), api_root_(std::move(api_root)) {}

  // {"uuid", "url"} for a resource collection name such as "partijen".
  boost::json::object reference(std::string_view collection, std::string_view uuid) const;

  boost::json::object partij(const Partij& partij) const;
  boost::json::object partij_identificator(const PartijIdentificator& identificator) const;
  boost::json::object digitaal_adres(const DigitaalAdres& adres) const;
  boost::json::object klantcontact(const Klantcontact& klantcontact) const;
  boost::json::object betrokkene(const Betrokkene& betrokkene) const;
  boost::json::object onderwerpobject(const Onderwerpobject& onderwerpobject) const;

  const std::string& api_root() const { return api_root_; }

 private:
  boost::json::value partij_reference(std::optional<int> pk) const;
  boost::json::value klantcontact_reference(std::optional<int> pk) const;

  const Store& store_;
  std::string api_root_;
};

boost::json::object with_expand(boost::json::object object);

boost::json::object adres_json(const Adres& adres);
boost::json::object contactnaam_json(const Contactnaam& contactnaam);

}  // namespace openklant_emulator::detail
