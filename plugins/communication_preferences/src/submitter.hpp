// The submitter of a form, read from the host's auth_info, and the partij
// identificator codes Open Klant uses for that login.
#pragma once

#include "http/url.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace commprefs {

struct PartijIdentificator {
  std::string code_soort_object_id;
  std::string code_register;
  std::string code_objecttype;
  std::string object_id;
};

struct Submitter {
  enum class Login { anonymous, bsn, kvk, other };
  Login login = Login::anonymous;
  std::string attribute;  // as the host sent it, for messages
  std::string value;      // BSN or KVK number
  std::string branch;     // vestigingsnummer when a KVK login is restricted to one branch

  bool has_partij_login() const { return login == Login::bsn || login == Login::kvk; }
  bool is_branch_login() const { return login == Login::kvk && !branch.empty(); }
};

// Reads submission.auth_info. A BSN must have 9 digits, a KVK number 8 and a
// vestigingsnummer 12; anything else throws InvalidInput before a request is sent.
Submitter parse_submitter(const boost::json::object& submission);

// The identificator a prefill looks up: the branch when the login is restricted to one.
PartijIdentificator prefill_identificator(const Submitter& submitter);

// The identificator of the partij itself: BSN or KVK number, never the branch.
PartijIdentificator partij_identificator(const Submitter& submitter);

// The four filter parameters of an identificator, each name prefixed by `prefix`
// ("verstrektDoorPartij__partijIdentificator__" or "partijIdentificator__").
http::QueryParameters identificator_filter(const PartijIdentificator& identificator, std::string_view prefix);

}  // namespace commprefs
