// ringleader/core/random.hpp - small, fast, reproducible random numbers: the
// one SplitMix64 of the library, xoshiro256**, and integer and shuffle
// helpers that give the same numbers on every platform (unlike the
// distributions and std::shuffle of <random>).
//
// Randomised kernels derive one stream per unit of work (a level, a
// community, a vertex, a sample) from the user's seed with `mix`, or seed one
// small generator per unit (SplitMix64), so results depend on the seed only,
// not on which thread ran which unit.
//
// References: Steele, G. L., Lea, D. and Flood, C. H. (2014). Fast
// splittable pseudorandom number generators. OOPSLA 2014 (SplitMix64).
// Blackman, D. and Vigna, S. (2018). Scrambled linear pseudorandom number
// generators. arXiv:1805.01407 (xoshiro256**).  Lemire, D. (2019). Fast
// random integer generation in an interval. ACM TOMACS 29(1).
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace ringleader {

/// SplitMix64's increment (the golden ratio times 2^64).
inline constexpr std::uint64_t kGolden64 = 0x9e3779b97f4a7c15ULL;

/// SplitMix64 finaliser: a well-mixed 64-bit hash of `x` (the output of a
/// SplitMix64 generator whose state was `x`).
inline std::uint64_t splitmix64(std::uint64_t x) {
  x += kGolden64;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// SplitMix64 as a generator (a UniformRandomBitGenerator): a tiny state,
/// cheap to seed, e.g. one per sample so that samples do not depend on the
/// thread that draws them.  `SplitMix64{s}` yields splitmix64(s),
/// splitmix64(s + kGolden64), ...
struct SplitMix64 {
  std::uint64_t state;
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    const std::uint64_t r = splitmix64(state);
    state += kGolden64;
    return r;
  }
  /// Uniform double in [0, 1) (the top 53 bits).
  double uniform01() { return double((*this)() >> 11) * 0x1.0p-53; }
};

/// Uniform integer in [0, bound) from any 64-bit generator `gen` (bound > 0):
/// rejection of the top partial range, then the remainder, so the same on
/// every platform (unlike std::uniform_int_distribution).
template <class Gen>
std::uint64_t uniform_below(Gen& gen, std::uint64_t bound) {
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t x;
  do x = gen(); while (x >= limit);
  return x % bound;
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
      seed += kGolden64;
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
