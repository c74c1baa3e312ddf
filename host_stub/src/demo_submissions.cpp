#include "demo_submissions.hpp"

#include <boost/json/array.hpp>

namespace host_stub {
namespace {

boost::json::object profile_entry(std::string_view address, std::string_view type, std::string_view preference) {
  return {{"address", address}, {"type", type}, {"preferenceUpdate", preference}};
}

boost::json::object submission(std::string_view uuid, std::string_view language_code, std::string_view reference,
                               boost::json::object auth_info, boost::json::array profile) {
  return {{"uuid", uuid},
          {"language_code", language_code},
          {"public_registration_reference", reference},
          {"auth_info", std::move(auth_info)},
          {"data", boost::json::object{{"profile", std::move(profile)}}},
          {"registration_attempt", 1}};
}

// The resident makes a known address preferred and leaves a new phone number,
// typed with a dash, for this contact only.
DemoCase resident_case() {
  return {"Resident logged in with DigiD (BSN 725763863)",
          submission("5f0d6a8e-1c2b-4d7a-9e3f-0a1b2c3d4e51", "nl", "OF-DEMO-0001",
                     {{"attribute", "bsn"}, {"value", "725763863"}},
                     {profile_entry("femke.werk@example.com", "email", "isNewPreferred"),
                      profile_entry("06-98765432", "phoneNumber", "useOnlyOnce")})};
}

// The company gives a new e-mail address as its preferred one and keeps its
// preferred phone number.
DemoCase company_case() {
  return {"Company logged in with eHerkenning (KVK 90004521)",
          submission("6a1e7b9f-2d3c-4e8b-8f40-1b2c3d4e5f62", "en", "OF-DEMO-0002",
                     {{"attribute", "kvk"}, {"value", "90004521"}},
                     {profile_entry("offertes@example.nl", "email", "isNewPreferred"),
                      profile_entry("0301230003", "phoneNumber", "useOnlyOnce")})};
}

// The branch keeps its preferred e-mail address and leaves an international
// phone number for this contact only.
DemoCase branch_case() {
  return {"Company branch logged in with eHerkenning (KVK 90004521, vestigingsnummer 000038215407)",
          submission("7b2f8c0a-3e4d-4f9c-9a51-2c3d4e5f6a73", "nl", "OF-DEMO-0003",
                     {{"attribute", "kvk"}, {"value", "90004521"},
                      {"legal_subject_service_restriction", "000038215407"}},
                     {profile_entry("amersfoort@example.com", "email", "useOnlyOnce"),
                      profile_entry("+31334560099", "phoneNumber", "useOnlyOnce")})};
}

}  // namespace

boost::json::object demo_configuration(std::string_view api_root) {
  const boost::json::object service{
      {"identifier", "open-klant-demo-service"},
      {"label", "Open Klant emulator (demo)"},
      {"api_root", api_root},
      {"auth_type", "api_key"},
      {"header_key", "Authorization"},
      {"header_value", "Token " + std::string(demo_token)},
      {"timeout_s", 10},
      {"allow_plain_http", true},
  };
  const boost::json::object group{
      {"identifier", demo_api_group}, {"name", "Open Klant demo"}, {"service", "open-klant-demo-service"}};
  return {{"services", boost::json::array{service}}, {"customer_interactions_api_groups", boost::json::array{group}}};
}

std::vector<DemoCase> demo_cases() { return {resident_case(), company_case(), branch_case()}; }

}  // namespace host_stub
