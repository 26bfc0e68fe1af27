// Test support: vectors equal within a relative tolerance (NaN equals NaN).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace rltest {

/// |a[i] - b[i]| <= rel * max(1, |a[i]|, |b[i]|) for every i; NaN in b needs NaN in a.
inline void require_close(const std::vector<double>& a, const std::vector<double>& b, double rel) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("index " << i << ": " << a[i] << " vs " << b[i]);
    if (std::isnan(b[i])) {
      REQUIRE(std::isnan(a[i]));
      continue;
    }
    REQUIRE(std::abs(a[i] - b[i]) <= rel * std::max({1.0, std::abs(a[i]), std::abs(b[i])}));
  }
}

}  // namespace rltest
