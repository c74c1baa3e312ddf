// Measures hook calls through the C ABI against the Open Klant emulator on
// loopback, side by side in one run, and prints each case's median time as a
// ratio to the first case. Absolute times depend on the machine. The ratios
// show what a branch check, pagination, the network or a new connection per
// request cost relative to each other.
#include "fixture_builder.hpp"
#include "open_klant_emulator/open_klant_emulator.hpp"
#include "plugin_fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

using formplugin::host::Hook;
using plugin_tests::FixtureBuilder;

struct Case {
  std::string name;
  std::function<void()> call;
};

double median_microseconds(const std::function<void()>& call, int repetitions) {
  for (int i = 0; i < 20; ++i) call();  // warm-up: connections, caches, allocator
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(repetitions));
  for (int i = 0; i < repetitions; ++i) {
    const auto start = std::chrono::steady_clock::now();
    call();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    samples.push_back(std::chrono::duration<double, std::micro>(elapsed).count());
  }
  std::nth_element(samples.begin(), samples.begin() + repetitions / 2, samples.end());
  return samples[static_cast<std::size_t>(repetitions / 2)];
}

std::string benchmark_data() {
  FixtureBuilder fixture;
  const int resident = fixture.partij(FixtureBuilder::uuid(1), "persoon");
  fixture.bsn(resident, "111222333");
  fixture.adres(resident, "email", "main@example.nl", true);
  fixture.adres(resident, "email", "old@example.nl");
  fixture.adres(resident, "telefoonnummer", "0612345678", true);

  const int many = fixture.partij(FixtureBuilder::uuid(2), "persoon");
  fixture.bsn(many, "444555666");
  for (int i = 0; i < 250; ++i) fixture.adres(many, "email", "user" + std::to_string(i) + "@example.nl", i == 0);

  const int company = fixture.partij(FixtureBuilder::uuid(3));
  fixture.vestigingsnummer(company, "000011112222", fixture.kvk_nummer(company, "11111111"));
  fixture.adres(company, "email", "branch@example.nl", true);
  fixture.adres(company, "email", "sales@example.nl");
  fixture.adres(company, "telefoonnummer", "0301234567", true);
  return fixture.json();
}

// The service and group of PluginFixture::configure(), which takes no service
// members, with "reuse_connections" set as given.
boost::json::object configuration(const std::string& api_root, bool reuse_connections) {
  return {
      {"services", boost::json::array{{{"identifier", "open-klant-service"},
                                       {"label", "Open Klant"},
                                       {"api_root", api_root},
                                       {"auth_type", "api_key"},
                                       {"header_key", "Authorization"},
                                       {"header_value", "Token demo-token"},
                                       {"timeout_s", 5},
                                       {"allow_plain_http", true},
                                       {"reuse_connections", reuse_connections}}}},
      {"customer_interactions_api_groups",
       boost::json::array{{{"identifier", "open-klant"}, {"name", "Open Klant"}, {"service", "open-klant-service"}}}},
  };
}

}  // namespace

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? std::max(10, std::atoi(argv[1])) : 300;

  openklant_emulator::Emulator emulator;
  emulator.load_fixture(benchmark_data());
  emulator.start();

  // Two instances of the plugin, the same but for connection reuse.
  plugin_tests::PluginFixture plugin;
  plugin_tests::PluginFixture plugin_without_reuse;
  if (plugin.call(Hook::configure, configuration(emulator.api_root(), true)).status != FP_STATUS_DONE ||
      plugin_without_reuse.call(Hook::configure, configuration(emulator.api_root(), false)).status != FP_STATUS_DONE) {
    std::fprintf(stderr, "prefill_benchmark: the plugin rejected the configuration\n");
    return 1;
  }

  const auto form = plugin_tests::profile_form(plugin_tests::profile_component());
  const auto prefill_with = [&](const plugin_tests::PluginFixture& instance, const boost::json::value& login) {
    const auto request = plugin_tests::prefill_request(form, plugin_tests::submission(login));
    return [&instance, request] {
      if (instance.call(Hook::prefill, request).status != FP_STATUS_DONE) std::abort();
    };
  };
  const auto prefill = [&](const boost::json::value& login) { return prefill_with(plugin, login); };
  const boost::json::object validate = {
      {"component", plugin_tests::profile_component()},
      {"value", boost::json::array{{{"address", "06 1234 5678"}, {"type", "phoneNumber"}},
                                   {{"address", "a@example.nl"}, {"type", "email"}}}},
      {"language_code", "nl"}};

  const std::vector<Case> cases = {
      {"prefill, BSN, 3 addresses (1 request)", prefill(plugin_tests::bsn_login("111222333"))},
      {"prefill, BSN, 3 addresses (1 request), no reuse",
       prefill_with(plugin_without_reuse, plugin_tests::bsn_login("111222333"))},
      {"prefill, KVK branch, 3 addresses (2 requests)", prefill(plugin_tests::kvk_login("11111111", "000011112222"))},
      {"prefill, BSN, 250 addresses (3 pages)", prefill(plugin_tests::bsn_login("444555666"))},
      {"prefill, BSN, 250 addresses (3 pages), no reuse",
       prefill_with(plugin_without_reuse, plugin_tests::bsn_login("444555666"))},
      {"component_validate, no request",
       [&] { if (plugin.call(Hook::component_validate, validate).status != FP_STATUS_DONE) std::abort(); }},
  };

  std::printf("%-50s %14s %8s\n", "case", "median (us)", "ratio");
  double baseline = 0;
  for (const auto& benchmark_case : cases) {
    const double median = median_microseconds(benchmark_case.call, repetitions);
    if (baseline == 0) baseline = median;
    std::printf("%-50s %14.1f %8.2f\n", benchmark_case.name.c_str(), median, median / baseline);
  }
  std::printf("%d repetitions per case after 20 warm-up calls.\n", repetitions);
  return 0;
}
