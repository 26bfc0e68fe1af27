// ringleader/centrality/sources.hpp - the sources that sampled path-based
// measures search from (betweenness and edge betweenness with k, harmonic
// closeness with k), drawn once so that every measure, every thread count and
// every split of the work into blocks (betweenness_partial, harmonic_partial)
// uses the same ones for a seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/graph/types.hpp"

namespace ringleader::centrality {

/// The k distinct sources networkx-style sampling uses here: the first k
/// entries of a Fisher-Yates shuffle of 0..n-1 driven by
/// std::mt19937_64(seed), drawn serially (so the same for any thread count).
/// This is not networkx's own random choice (Python's random.sample).
inline std::vector<vertex_t> sample_sources(vertex_t n, std::size_t k, std::uint64_t seed) {
  if (k > n) throw InvalidArgument("k = " + std::to_string(k) + " sources requested, but the network has only " +
                                   std::to_string(n) + " nodes: use k <= number of nodes (or k=None for all)");
  std::vector<vertex_t> perm(n);
  std::iota(perm.begin(), perm.end(), vertex_t(0));
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + std::size_t(uniform_below(rng, n - i));
    std::swap(perm[i], perm[j]);
  }
  perm.resize(k);
  return perm;
}

}  // namespace ringleader::centrality
