// The recorded scenarios as test cases.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace conformance {

struct ScenarioTest {
  std::string name;
  std::function<void()> run;
};

std::string scenarios_path();
std::string fixture_path();

// For each scenario: a replay test, and for submit scenarios also an emulator test.
std::vector<ScenarioTest> scenario_tests();

}  // namespace conformance
