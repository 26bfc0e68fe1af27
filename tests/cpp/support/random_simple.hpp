// Test support: random simple graphs (no parallel edges) for the kernels'
// differential and thread-count tests.
#pragma once

#include <algorithm>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "csr.hpp"

namespace rltest {

/// A random graph of n vertices and m distinct edges (at most half of the
/// possible pairs), weights uniform in [0.5, 3); with `loops`, a drawn
/// self-loop is kept one time in eight, else never.
inline ringleader::CsrGraph random_simple(std::mt19937& rng, ringleader::vertex_t n, std::size_t m, bool directed,
                                          bool loops = true) {
  using ringleader::vertex_t;
  std::vector<std::pair<vertex_t, vertex_t>> e;
  std::vector<double> w;
  std::set<std::pair<vertex_t, vertex_t>> seen;
  const std::size_t possible = directed ? std::size_t(n) * n : std::size_t(n) * (n + 1) / 2;
  m = std::min(m, possible / 2);
  std::uniform_real_distribution<double> wd(0.5, 3.0);
  while (e.size() < m) {
    vertex_t a = vertex_t(rng() % n), b = vertex_t(rng() % n);
    if (a == b && (!loops || rng() % 8)) continue;
    auto key = directed ? std::make_pair(a, b) : std::make_pair(std::min(a, b), std::max(a, b));
    if (!seen.insert(key).second) continue;
    e.push_back({a, b});
    w.push_back(wd(rng));
  }
  return make(n, directed, e, w);
}

}  // namespace rltest
