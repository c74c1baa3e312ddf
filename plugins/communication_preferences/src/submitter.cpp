#include "submitter.hpp"

#include "errors.hpp"
#include "json_util.hpp"

#include <algorithm>
#include <cctype>

namespace commprefs {
namespace {

bool is_digits(const std::string& value, std::size_t length) {
  return value.size() == length &&
         std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

void require_digits(const std::string& value, std::size_t length, const std::string& what) {
  if (!is_digits(value, length)) {
    throw InvalidInput("submission.auth_info: a " + what + " must consist of exactly " + std::to_string(length) +
                       " digits.");
  }
}

}  // namespace

Submitter parse_submitter(const boost::json::object& submission) {
  Submitter submitter;
  const boost::json::object* auth = json::find_object(submission, "auth_info", "submission");
  if (auth == nullptr) return submitter;

  submitter.attribute = json::require_string(*auth, "attribute", "submission.auth_info");
  submitter.value = json::find_string(*auth, "value", "submission.auth_info").value_or("");
  submitter.branch =
      json::find_string(*auth, "legal_subject_service_restriction", "submission.auth_info").value_or("");

  if (submitter.attribute == "bsn") {
    submitter.login = Submitter::Login::bsn;
    require_digits(submitter.value, 9, "BSN");
  } else if (submitter.attribute == "kvk") {
    submitter.login = Submitter::Login::kvk;
    require_digits(submitter.value, 8, "KVK number");
    if (!submitter.branch.empty()) require_digits(submitter.branch, 12, "vestigingsnummer");
  } else {
    submitter.login = Submitter::Login::other;
  }
  return submitter;
}

PartijIdentificator partij_identificator(const Submitter& submitter) {
  if (submitter.login == Submitter::Login::bsn) {
    return {"bsn", "brp", "natuurlijk_persoon", submitter.value};
  }
  return {"kvk_nummer", "hr", "niet_natuurlijk_persoon", submitter.value};
}

PartijIdentificator prefill_identificator(const Submitter& submitter) {
  if (submitter.is_branch_login()) return {"vestigingsnummer", "hr", "vestiging", submitter.branch};
  return partij_identificator(submitter);
}

http::QueryParameters identificator_filter(const PartijIdentificator& identificator, std::string_view prefix) {
  const std::string p(prefix);
  return {
      {p + "codeSoortObjectId", identificator.code_soort_object_id},
      {p + "codeRegister", identificator.code_register},
      {p + "codeObjecttype", identificator.code_objecttype},
      {p + "objectId", identificator.object_id},
  };
}

}  // namespace commprefs
