#pragma once

#include <cstdint>

namespace shellac::degrade {

/// SplitMix64 finaliser: a well-mixed 64-bit hash of `x`.
constexpr std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// A seed for one random stream derived from a dataset seed and two coordinates (e.g. epoch and
/// index); different `stream` values give independent streams for the same coordinates.
constexpr std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t stream)
{
    return splitmix64(splitmix64(splitmix64(splitmix64(seed) ^ a) ^ b) ^ stream);
}

} // namespace shellac::degrade
