// Entry point of the conformance tests: one test case per scenario in the
// reference folder's SCENARIOS.json. Without that folder the run exits with
// 77, which CTest reports as skipped (and .ci/run treats as a failure).
#include "scenarios.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <iostream>

namespace {

bool register_scenarios() {
  auto& suite = boost::unit_test::framework::master_test_suite();
  suite.p_name.value = "conformance";
  for (const auto& test : conformance::scenario_tests()) {
    suite.add(boost::unit_test::make_test_case(test.run, test.name, __FILE__, __LINE__));
  }
  return true;
}

}  // namespace

int main(int argc, char* argv[]) {
  if (!std::filesystem::exists(conformance::scenarios_path())) {
    std::cout << "SKIPPED: " << conformance::scenarios_path()
              << " does not exist. Set the CMake cache variable FORMPLUGIN_REFERENCE_DIR to the folder holding "
                 "open-forms-cassettes/ and open-klant/.\n";
    return 77;
  }
  return boost::unit_test::unit_test_main(&register_scenarios, argc, argv);
}
