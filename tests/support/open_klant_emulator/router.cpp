#include "open_klant_emulator/api_errors.hpp"
#include "open_klant_emulator/routes.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <functional>
#include <map>

namespace openklant_emulator::detail {
namespace {

namespace json = boost::json;

using RouteFunction = std::function<Response(Call&)>;

const std::map<std::string, RouteFunction>& routes() {
  static const std::map<std::string, RouteFunction> table{
      {"digitaleadressen", route_digitaleadressen},
      {"partijen", route_partijen},
      {"partij-identificatoren", route_partij_identificatoren},
      {"maak-klantcontact", route_maak_klantcontact},
      {"klantcontacten", route_klantcontacten},
      {"betrokkenen", route_betrokkenen},
      {"onderwerpobjecten", route_onderwerpobjecten},
  };
  return table;
}

// The root lists every resource of the real API, including those the emulator
// does not serve, in the order Open Klant lists them.
Response root_listing(const std::string& api_root, std::string_view method) {
  if (method != "GET" && method != "HEAD") return method_not_allowed(api_root, method);
  static const char* const resources[] = {
      "actoren",        "digitaleadressen", "rekeningnummers",   "actorklantcontacten", "klantcontacten",
      "betrokkenen",    "onderwerpobjecten", "bijlagen",         "maak-klantcontact",   "internetaken",
      "categorieen",    "categorie-relaties", "partijen",        "partij-identificatoren", "vertegenwoordigingen",
  };
  json::object body;
  for (const char* resource : resources) body[resource] = api_root + resource;
  return json_response(200, body);
}

std::optional<Response> authentication_problem(const std::string& api_root, const Options& options,
                                                std::string_view authorization) {
  const std::string_view scheme = "Token ";
  if (authorization.substr(0, scheme.size()) != scheme) {
    return error_response(api_root, 401, "NotAuthenticated", "not_authenticated",
                          "Authentication credentials were not provided.",
                          "Authentication credentials were not provided.");
  }
  const auto key = authorization.substr(scheme.size());
  if (std::find(options.tokens.begin(), options.tokens.end(), key) == options.tokens.end()) {
    return error_response(api_root, 403, "AuthenticationFailed", "authentication_failed",
                          "Incorrect authentication credentials.", "Invalid token.");
  }
  return std::nullopt;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (true) {
    const auto slash = path.find('/', start);
    segments.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

}  // namespace

Response dispatch(Store& store, const Options& options, const std::string& api_root, std::string_view method,
                  std::string_view target, std::string_view authorization, std::string_view body) {
  const auto [path, query] = split_target(target);
  if (path.compare(0, options.api_path.size(), options.api_path) != 0) return unknown_path_page();
  const std::string relative = path.substr(options.api_path.size());

  // Routing comes before authentication, as in Django: an unknown path is a 404 whatever the token.
  if (relative.empty()) {
    if (auto problem = authentication_problem(api_root, options, authorization)) return *problem;
    return root_listing(api_root, method);
  }

  const auto segments = split_path(relative);
  const auto route = routes().find(segments.front());
  const bool usable_shape = segments.size() == 1 || (segments.size() == 2 && !segments[1].empty());
  if (route == routes().end() || !usable_shape) return unknown_path_page();

  if (auto problem = authentication_problem(api_root, options, authorization)) return *problem;

  Call call{std::string(method), segments.front(),
            segments.size() == 2 ? std::optional<std::string>(segments[1]) : std::nullopt,
            parse_query(query), std::string(body), store, options, api_root};
  return route->second(call);
}

}  // namespace openklant_emulator::detail
