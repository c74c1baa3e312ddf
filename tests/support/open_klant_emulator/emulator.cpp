#include "open_klant_emulator/open_klant_emulator.hpp"

#include "loopback_http_server/loopback_http_server.hpp"
#include "open_klant_emulator/api_errors.hpp"
#include "open_klant_emulator/routes.hpp"
#include "open_klant_emulator/serialization.hpp"
#include "open_klant_emulator/store.hpp"

#include <boost/json/array.hpp>

#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace openklant_emulator {
namespace {

namespace json = boost::json;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

bool is_transport_fault(FaultKind kind) {
  return kind == FaultKind::close_connection || kind == FaultKind::truncated_body || kind == FaultKind::delay;
}

// Faults armed with inject_fault(), each counting down its matching requests.
struct ArmedFault {
  Fault fault;
  int remaining = 1;
};

}  // namespace

struct Emulator::Impl {
  explicit Impl(Options emulator_options)
      : options(std::move(emulator_options)),
        server([this](const loopback_http::Request& request) { return serve(request); }) {}

  std::string api_root() const {
    const auto bound = server.port();
    return "http://127.0.0.1:" + std::to_string(bound ? bound : options.port) + options.api_path;
  }

  // Takes the fault due for this request, if any. `transport` is true for a
  // request that came over a connection, which only transport faults need.
  std::optional<Fault> take_fault(std::string_view method, std::string_view target, bool transport) {
    const auto path = path_of(target);
    auto due = faults.end();
    for (auto armed = faults.begin(); armed != faults.end(); ++armed) {
      if (!transport && is_transport_fault(armed->fault.kind)) continue;
      if (!armed->fault.method.empty() && armed->fault.method != method) continue;
      if (!ends_with(path, armed->fault.path_suffix)) continue;
      if (--armed->remaining <= 0 && due == faults.end()) due = armed;
    }
    if (due == faults.end()) return std::nullopt;

    Fault fault = due->fault;
    faults.erase(due);
    return fault;
  }

  Response injected_status(const Fault& fault) const {
    if (!fault.body.empty()) return Response{fault.status, "application/json", fault.body};
    return detail::error_response(api_root(), fault.status, "InjectedFault", "injected_fault", "Injected fault.",
                                  "The emulator was told to fail this request.");
  }

  // Records the request, applies a due fault and builds the response, for both
  // handle() and the server.
  std::pair<Response, std::optional<Fault>> respond(std::string_view method, std::string_view target,
                                                   std::string_view authorization, std::string_view body, bool transport) {
    std::lock_guard<std::mutex> lock(mutex);
    recorded.push_back({std::string(method), std::string(target), std::string(authorization), std::string(body)});

    auto fault = take_fault(method, target, transport);
    if (fault && fault->kind == FaultKind::status) return {injected_status(*fault), fault};
    if (fault && fault->kind == FaultKind::close_connection) return {Response{}, fault};

    auto response = detail::dispatch(store, options, api_root(), method, target, authorization, body);
    if (fault && fault->kind == FaultKind::malformed_json) {
      response.body = response.body.substr(0, response.body.size() / 2) + "<<not JSON";
    }
    return {response, fault};
  }

  loopback_http::Reply serve(const loopback_http::Request& request) {
    auto [response, fault] = respond(request.method, request.target, request.authorization, request.body, true);

    loopback_http::Reply reply;
    reply.status = response.status;
    reply.content_type = response.content_type;
    reply.body = std::move(response.body);
    if (fault && fault->kind == FaultKind::close_connection) reply.delivery = loopback_http::Delivery::close_without_reply;
    if (fault && fault->kind == FaultKind::truncated_body) reply.delivery = loopback_http::Delivery::truncated_body;
    if (fault && fault->kind == FaultKind::delay) reply.delay_ms = fault->delay_ms;
    return reply;
  }

  Options options;
  mutable std::mutex mutex;  // guards store, recorded and faults
  detail::Store store;
  std::vector<RecordedRequest> recorded;
  std::vector<ArmedFault> faults;
  loopback_http::Server server;  // last, so it stops before the state it serves goes away
};

Emulator::Emulator(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Emulator::~Emulator() { stop(); }

void Emulator::load_fixture(std::string_view django_fixture_json) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto loaded = impl_->store;
  detail::load_django_fixture(loaded, django_fixture_json);
  impl_->store = std::move(loaded);
}

void Emulator::load_fixture_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read fixture file " + path);
  std::ostringstream content;
  content << file.rdbuf();
  try {
    load_fixture(content.str());
  } catch (const std::runtime_error& failure) {
    throw std::runtime_error(path + ": " + failure.what());
  }
}

void Emulator::start() { impl_->server.start(impl_->options.port); }

void Emulator::stop() { impl_->server.stop(); }

unsigned short Emulator::port() const {
  const auto bound = impl_->server.port();
  return bound ? bound : impl_->options.port;
}

std::string Emulator::api_root() const { return impl_->api_root(); }

Response Emulator::handle(std::string_view method, std::string_view target, std::string_view authorization,
                          std::string_view body) {
  return impl_->respond(method, target, authorization, body, false).first;
}

std::vector<RecordedRequest> Emulator::requests() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->recorded;
}

void Emulator::clear_requests() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->recorded.clear();
}

json::object Emulator::snapshot() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const auto& store = impl_->store;
  const detail::Serializer serializer(store, impl_->api_root());

  const auto serialize_all = [](const auto& records, auto serialize) {
    json::array items;
    for (const auto& record : records) items.push_back(serialize(record));
    return items;
  };
  json::object state;
  state["partijen"] = serialize_all(store.partijen, [&](const auto& record) { return serializer.partij(record); });
  state["partij-identificatoren"] =
      serialize_all(store.partij_identificatoren, [&](const auto& record) { return serializer.partij_identificator(record); });
  state["digitaleadressen"] =
      serialize_all(store.digitale_adressen, [&](const auto& record) { return serializer.digitaal_adres(record); });
  state["klantcontacten"] =
      serialize_all(store.klantcontacten, [&](const auto& record) { return serializer.klantcontact(record); });
  state["betrokkenen"] = serialize_all(store.betrokkenen, [&](const auto& record) { return serializer.betrokkene(record); });
  state["onderwerpobjecten"] =
      serialize_all(store.onderwerpobjecten, [&](const auto& record) { return serializer.onderwerpobject(record); });
  return state;
}

void Emulator::inject_fault(Fault fault) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const int remaining = std::max(1, fault.occurrence);
  impl_->faults.push_back({std::move(fault), remaining});
}

}  // namespace openklant_emulator
