// An in-memory stand-in for the Open Klant 2.x klantinteracties API, for tests
// and demos. It serves the resources the communication-preferences plugin uses
// (partijen, partij-identificatoren, digitaleadressen, maak-klantcontact,
// klantcontacten, betrokkenen, onderwerpobjecten) over HTTP/1.1 on 127.0.0.1.
// Its responses have the JSON shapes a real Open Klant returned in the recorded
// exchanges. It can be seeded from a Django fixture. All members are thread-safe.
#pragma once

#include <boost/json/object.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace openklant_emulator {

struct Options {
  // Keys accepted in "Authorization: Token <key>".
  std::vector<std::string> tokens{"demo-token"};
  unsigned short port = 0;  // 0 picks a free port
  std::string api_path = "/klantinteracties/api/v1/";
  // Open Klant 0.4.1, as recorded, leaves the partij's voorkeursDigitaalAdres
  // unchanged when an address becomes isStandaardAdres; true makes the emulator
  // point voorkeursDigitaalAdres at that address instead.
  bool default_sets_voorkeurs_digitaal_adres = false;
};

struct RecordedRequest {
  std::string method;
  std::string target;  // path and query, as received
  std::string authorization;
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
};

enum class FaultKind {
  status,            // respond with `status` and `body` without touching the data
  close_connection,  // close the connection without a response, without touching the data
  truncated_body,    // process the request, then send half of the response and close
  malformed_json,    // process the request, then respond with a body that is not valid JSON
  delay,             // process the request, then wait `delay_ms` before responding
};

struct Fault {
  std::string method;       // empty matches every method
  std::string path_suffix;  // matched against the end of the path without query, e.g. "digitaleadressen"
  int occurrence = 1;       // the Nth matching request from now gets the fault
  FaultKind kind = FaultKind::status;
  int status = 500;
  std::string body;  // for FaultKind::status; empty gives a JSON error body
  int delay_ms = 0;
};

class Emulator {
 public:
  explicit Emulator(Options options = {});
  ~Emulator();  // stops the server
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Adds the records of a Django fixture (models klantinteracties.partij, persoon,
  // organisatie, partijidentificator, digitaaladres, klantcontact, betrokkene,
  // onderwerpobject). Throws std::runtime_error naming the record at fault; the
  // state is unchanged then.
  void load_fixture(std::string_view django_fixture_json);
  void load_fixture_file(const std::string& path);

  void start();  // throws std::runtime_error when the port cannot be bound
  void stop();
  unsigned short port() const;  // the bound port; Options::port before start()
  std::string api_root() const;  // "http://127.0.0.1:<port>/klantinteracties/api/v1/"

  // Handles one request in-process with the logic the server uses. URLs in the
  // response are built on api_root(). Status and malformed_json faults apply here
  // too; the other fault kinds need a connection and apply only over HTTP.
  Response handle(std::string_view method, std::string_view target, std::string_view authorization,
                  std::string_view body);

  // Requests received over HTTP or through handle(), oldest first.
  std::vector<RecordedRequest> requests() const;
  void clear_requests();

  // The whole state as API objects, in creation order, under the keys "partijen",
  // "partij-identificatoren", "digitaleadressen", "klantcontacten", "betrokkenen"
  // and "onderwerpobjecten".
  boost::json::object snapshot() const;

  void inject_fault(Fault fault);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace openklant_emulator
