// The API's resources. Each route_* function handles every method on one
// collection ("digitaleadressen") and its detail path ("digitaleadressen/{uuid}").
#pragma once

#include "open_klant_emulator/list_query.hpp"
#include "open_klant_emulator/open_klant_emulator.hpp"
#include "open_klant_emulator/serialization.hpp"
#include "open_klant_emulator/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace openklant_emulator::detail {

struct Call {
  std::string method;
  std::string collection;          // first path segment after the API root
  std::optional<std::string> id;   // second path segment, for detail paths
  QueryParameters query;
  std::string body;
  Store& store;
  const Options& options;
  const std::string& api_root;

  Serializer serializer() const { return Serializer(store, api_root); }
  std::string collection_url() const { return api_root + collection; }
};

// Handles one request: routing, authentication, then the resource. Paths
// outside the API root get the HTML 404 page.
Response dispatch(Store& store, const Options& options, const std::string& api_root, std::string_view method,
                  std::string_view target, std::string_view authorization, std::string_view body);

Response route_digitaleadressen(Call& call);
Response route_partijen(Call& call);
Response route_partij_identificatoren(Call& call);
Response route_maak_klantcontact(Call& call);
Response route_klantcontacten(Call& call);
Response route_betrokkenen(Call& call);
Response route_onderwerpobjecten(Call& call);

// The four identificator codes a list can filter on, each under `prefix` + code name.
struct IdentificatorFilter {
  std::optional<std::string> code_soort_object_id;
  std::optional<std::string> code_register;
  std::optional<std::string> code_objecttype;
  std::optional<std::string> object_id;
  bool active() const { return code_soort_object_id || code_register || code_objecttype || object_id; }
};

// Filter specs named prefix + "codeSoortObjectId", "codeRegister", "codeObjecttype", "objectId".
std::vector<FilterSpec> identificator_filter_specs(const std::string& prefix);
IdentificatorFilter read_identificator_filter(const ListParameters& parameters, const std::string& prefix);

// True when one identificator of the partij matches every code the filter gives.
bool partij_matches(const Store& store, std::optional<int> partij_pk, const IdentificatorFilter& filter);

// The filter value for `name`, if the request gave a non-empty one.
const std::string* filter_value(const ListParameters& parameters, const std::string& name);

}  // namespace openklant_emulator::detail
