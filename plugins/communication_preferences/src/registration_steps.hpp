// The requests of a write-back, in order, with a record of everything written
// so that a failure part-way loses nothing.
#pragma once

#include "configuration.hpp"
#include "logger.hpp"
#include "open_klant_client.hpp"
#include "registration_plan.hpp"
#include "submitter.hpp"
#include "write_back.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace commprefs {

struct RegistrationInputs {
  const Submitter& submitter;
  std::string taal;       // ISO 639-2/B
  std::string reference;  // the submission's public registration reference
  std::string form_name;
  int attempt;            // 1 for the first run; more when the host retries
  const boost::json::array& submitted;  // validated and normalised
  const std::vector<OfferedChannel>& offered;
};

class RegistrationSteps {
 public:
  RegistrationSteps(const OpenKlantClient& client, const PreferenceMarker& marker, const Logger& logger);

  // Runs every step; never throws ApiError, which becomes a failure in the outcome.
  WriteBackOutcome run(const RegistrationInputs& inputs);

 private:
  void find_or_create_partij(const Submitter& submitter);
  void find_earlier_klantcontact(const std::string& reference);
  void create_klantcontact(const RegistrationInputs& inputs);
  void load_earlier_adressen();
  void write_address(const PlannedAddress& planned);
  void make_known_address_preferred(const PlannedAddress& planned);
  void create_address(const PlannedAddress& planned, bool for_partij);
  void mark_preferred(const boost::json::object& adres, Channel channel);
  void clear_previous_referentie(Channel channel, const std::string& keep_uuid);
  const boost::json::object* earlier_copy(const PlannedAddress& planned) const;
  boost::json::object build_result() const;
  std::string describe_written() const;

  const OpenKlantClient& client_;
  const PreferenceMarker& marker_;
  const Logger& logger_;

  std::string step_;                 // the step running now, named in a failure
  boost::json::object failed_entry_;  // the address a failed step was writing, if any
  std::string partij_uuid_;
  bool partij_created_ = false;
  bool resumed_ = false;
  boost::json::value klantcontact_ = nullptr;
  boost::json::value betrokkene_ = nullptr;
  boost::json::value onderwerpobject_ = nullptr;
  boost::json::array created_;
  boost::json::array updated_;
  boost::json::array found_;  // written by an earlier attempt of this registration
  boost::json::array notes_;
  std::vector<boost::json::object> earlier_adressen_;
};

}  // namespace commprefs
