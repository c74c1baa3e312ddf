// Compares a received request with the recorded one it should repeat.
#pragma once

#include "cassette_replay/cassette.hpp"
#include "cassette_replay/cassette_replay.hpp"

#include <optional>
#include <string>

namespace cassette_replay::detail {

// Says how `received` differs from `expected` (method, path, query parameters as
// an order-insensitive multiset of decoded pairs, or JSON body), or returns
// nothing when they match. A null or absent recorded body equals an empty one.
std::optional<std::string> describe_difference(const Interaction& expected, const Exchange& received);

// "GET digitaleadressen?a=b", for messages.
std::string describe(const std::string& method, const std::string& target);

}  // namespace cassette_replay::detail
