// Random numbers: the one SplitMix64 of the library, pinned to the values the
// sampled kernels (approximate betweenness, source sampling) have always
// drawn, so seeded results stay the same.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>

#include <ringleader/core/random.hpp>

using namespace ringleader;

TEST_CASE("SplitMix64: the reference stream, and the finaliser is its first output", "[core][random]") {
  SplitMix64 g{0};
  CHECK(g() == 0xe220a8397b1dcdafULL);  // Vigna's splitmix64.c from state 0
  CHECK(g() == 0x6e789e6aa1b965f4ULL);
  CHECK(g() == 0x06c45d188009454fULL);
  for (std::uint64_t s : {0ULL, 1ULL, 42ULL, 0xD1B54A32D192ED03ULL, ~0ULL}) {
    SplitMix64 h{s};
    CHECK(h() == splitmix64(s));
    CHECK(h() == splitmix64(s + kGolden64));
  }
}

TEST_CASE("uniform01 and uniform_below draw the pinned values", "[core][random]") {
  SplitMix64 h{0xD1B54A32D192ED03ULL};
  CHECK(h.uniform01() == 0x1.6879463f3f3cp-3);
  CHECK(uniform_below(h, 1000) == 898);
  CHECK(uniform_below(h, 7) == 6);
  std::mt19937_64 m(5);
  for (int i = 0; i < 1000; ++i) CHECK(uniform_below(m, 3) < 3);
}
