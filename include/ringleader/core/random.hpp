// ringleader/core/random.hpp - small, fast, reproducible random numbers.
//
// Randomised kernels derive one stream per unit of work (a level, a
// community, a vertex) from the user's seed with `mix`, so results depend on
// the seed only, not on which thread ran which unit.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace ringleader {

/// SplitMix64 finaliser: a well-mixed 64-bit hash of `x`.
inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// A seed for the stream identified by (seed, a, b, c).
inline std::uint64_t mix(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  return splitmix64(splitmix64(splitmix64(splitmix64(seed) ^ a) ^ b) ^ c);
}

/// xoshiro256** (Blackman & Vigna 2018): a UniformRandomBitGenerator with a
/// 2^256 period, seeded through SplitMix64.
class Rng {
 public:
  using result_type = std::uint64_t;
  explicit Rng(std::uint64_t seed = 0) {
    for (auto& w : s_) {
      seed += 0x9e3779b97f4a7c15ULL;
      w = splitmix64(seed);
    }
  }
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    const std::uint64_t r = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return r;
  }
  /// Uniform integer in [0, n) (Lemire's multiply-shift; n > 0).
  std::uint64_t below(std::uint64_t n) {
    return std::uint64_t((static_cast<unsigned __int128>((*this)()) * n) >> 64);
  }
  /// Uniform double in [0, 1).
  double uniform() { return double((*this)() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

/// Fisher-Yates shuffle with `rng` (the same permutation on every platform,
/// unlike std::shuffle).
template <class T>
void shuffle(std::vector<T>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

}  // namespace ringleader
