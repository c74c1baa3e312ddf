// The demo's configuration and the submissions it completes, one per case.
#ifndef HOST_STUB_DEMO_SUBMISSIONS_HPP
#define HOST_STUB_DEMO_SUBMISSIONS_HPP

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace host_stub {

// Token the demo configures in the emulator and sends as "Token demo-token".
constexpr std::string_view demo_token = "demo-token";

// Identifier of the API group in the demo configuration and in demo_form.json.
constexpr std::string_view demo_api_group = "open-klant-demo";

struct DemoCase {
  std::string title;               // "Resident logged in with DigiD (BSN 725763863)"
  boost::json::object submission;  // data.profile is what the submitter chose
};

// A configuration with one API-key service on api_root (plain HTTP allowed,
// because the emulator listens on loopback without TLS) and one API group.
boost::json::object demo_configuration(std::string_view api_root);

// The resident, the company and the company's branch of open_klant_demo.json.
std::vector<DemoCase> demo_cases();

}  // namespace host_stub

#endif  // HOST_STUB_DEMO_SUBMISSIONS_HPP
