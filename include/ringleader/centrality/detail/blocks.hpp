// ringleader/centrality/detail/blocks.hpp - deterministic blocked parallel
// loops for iterative kernels.
//
// Vertices are cut into fixed blocks of `kBlock` indices whatever the thread
// count; each block computes its partial sums serially and the partials are
// added in block order.  Reductions (norms, convergence errors) are therefore
// bit-identical for any number of threads, so an iterative kernel stops after
// the same iteration and returns the same values on 1 or 64 threads.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"

namespace ringleader::detail {

constexpr std::int64_t kBlock = 2048;

/// Calls `f(begin, end)` -> std::array<double, K> for every block of [0, n)
/// (in parallel, dynamically scheduled) and returns the partials summed in
/// block order.  `scratch` is reused between calls (no allocation once sized).
template <std::size_t K, class F>
std::array<double, K> blocked_sum(std::int64_t n, std::vector<std::array<double, K>>& scratch,
                                  int threads, F&& f) {
  const std::int64_t nb = (n + kBlock - 1) / kBlock;
  if (std::int64_t(scratch.size()) < nb) scratch.resize(std::size_t(nb));
  parallel::for_each_dynamic(
      nb,
      [&](int, std::int64_t b) {
        const std::int64_t lo = b * kBlock, hi = std::min(n, lo + kBlock);
        scratch[std::size_t(b)] = f(lo, hi);
      },
      threads, 4);
  std::array<double, K> s{};
  for (std::int64_t b = 0; b < nb; ++b)
    for (std::size_t k = 0; k < K; ++k) s[k] += scratch[std::size_t(b)][k];
  return s;
}

/// A number for an error message (shortest form, e.g. "1e-06").
inline std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

/// `v` divided by its sum (a start vector or a personalization); refuses a
/// wrong size, non-finite or negative values or a zero sum, naming the argument.
inline void normalise(std::vector<double>& v, std::size_t n, const char* name) {
  if (v.size() != n)
    throw InvalidArgument(std::string(name) + " must give one value per node (" + std::to_string(v.size()) +
                          " values for " + std::to_string(n) + " nodes)");
  double s = 0;
  for (double x : v) {
    if (!std::isfinite(x)) throw InvalidArgument(std::string(name) + " values must be finite");
    if (x < 0)
      throw InvalidArgument(std::string(name) + " values must be >= 0 (they are weights of a distribution), not " +
                            num(x) + ": give non-negative values");
    s += x;
  }
  if (s == 0) throw InvalidArgument(std::string(name) + " values sum to zero: give at least one positive value");
  for (double& x : v) x /= s;
}

}  // namespace ringleader::detail
