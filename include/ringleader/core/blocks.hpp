// ringleader/core/blocks.hpp - deterministic blocked parallel sums for
// iterative kernels (PageRank, Katz, eigenvector, HITS, modularity,
// assortativity).
//
// Indices are cut into fixed blocks of `kBlock` whatever the thread count;
// each block computes its partial sums serially and the partials are added
// in block order.  Reductions (norms, convergence errors) are therefore
// bit-identical for any number of threads, so an iterative kernel stops after
// the same iteration and returns the same values on 1 or 64 threads.  (The
// per-thread Accumulators of core/parallel.hpp are the other way: cheaper for
// long vectors of sums, reproducible for one thread count only.)
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ringleader/core/parallel.hpp"

namespace ringleader::parallel {

/// Indices per block of blocked_sum (fixed: the blocks, hence the sums, do
/// not depend on the thread count).
constexpr std::int64_t kBlock = 2048;

/// Calls `f(begin, end)` -> std::array<double, K> for every block of [0, n)
/// (in parallel, dynamically scheduled) and returns the partials summed in
/// block order.  `scratch` is reused between calls (no allocation once sized).
template <std::size_t K, class F>
std::array<double, K> blocked_sum(std::int64_t n, std::vector<std::array<double, K>>& scratch,
                                  int threads, F&& f) {
  const std::int64_t nb = (n + kBlock - 1) / kBlock;
  if (std::int64_t(scratch.size()) < nb) scratch.resize(std::size_t(nb));
  for_each_dynamic(
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

}  // namespace ringleader::parallel
