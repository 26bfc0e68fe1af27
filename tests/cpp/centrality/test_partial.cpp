// Partial kernels (betweenness, closeness, harmonic over a block of sources):
// for any split of the sources into blocks, the merged partial results equal
// the single-machine result, on directed, undirected, weighted and
// disconnected graphs with self-loops and parallel edges, empty and single
// vertex; sampled runs draw their sources once and split them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <ringleader/centrality/betweenness.hpp>
#include <ringleader/centrality/closeness.hpp>

#include "../support/close.hpp"

namespace {

using namespace ringleader;
using namespace ringleader::centrality;
using rltest::require_close;

/// A random multigraph: parallel edges, self-loops, isolated vertices;
/// weights 1 (weights = 0) or positive distances with ties (weights = 1).
CsrGraph random_multigraph(std::mt19937& rng, vertex_t n, bool directed, bool weighted) {
  std::vector<vertex_t> src, dst;
  std::vector<double> w;
  const std::size_t m = n ? std::size_t(rng() % (3 * n + 1)) : 0;
  for (std::size_t i = 0; i < m; ++i) {
    const vertex_t a = vertex_t(rng() % n);
    const vertex_t b = rng() % 9 == 0 ? a : vertex_t(rng() % n);
    if (n > 5 && (a == n - 1 || b == n - 1)) continue;  // one isolated vertex
    src.push_back(a);
    dst.push_back(b);
    w.push_back(weighted ? double(1 + rng() % 4) : 1.0);
    if (rng() % 10 == 0) {  // a parallel edge
      src.push_back(a);
      dst.push_back(b);
      w.push_back(weighted ? double(1 + rng() % 4) : 1.0);
    }
  }
  return CsrGraph::build(n, directed, src, dst, &w);
}

/// `units` cut into `blocks` blocks of consecutive entries (some may be empty).
std::vector<std::vector<vertex_t>> split(const std::vector<vertex_t>& units, std::size_t blocks) {
  std::vector<std::vector<vertex_t>> out(blocks);
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::size_t lo = units.size() * b / blocks, hi = units.size() * (b + 1) / blocks;
    out[b].assign(units.begin() + std::ptrdiff_t(lo), units.begin() + std::ptrdiff_t(hi));
  }
  return out;
}

std::vector<double> add(std::vector<double> a, const std::vector<double>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
  return a;
}


}  // namespace

TEST_CASE("partial betweenness merged over blocks equals betweenness", "[partial][paths]") {
  std::mt19937 rng(12);
  for (int iter = 0; iter < 80; ++iter) {
    const bool directed = iter % 2, weighted = (iter / 2) % 2;
    const vertex_t n = iter < 8 ? vertex_t(iter / 4) : vertex_t(2 + rng() % 40);
    const CsrGraph g = random_multigraph(rng, n, directed, weighted);
    INFO("iter " << iter << " n " << n << " directed " << directed << " weighted " << weighted);
    for (std::size_t k : {std::size_t(0), n ? std::size_t(1 + rng() % n) : 0}) {
      for (bool normalized : {true, false}) {
        for (bool endpoints : {false, true}) {
          BetweennessOptions o;
          o.normalized = normalized;
          o.endpoints = endpoints;
          o.weighted = weighted;
          o.k = k;
          o.seed = rng();
          o.threads = 1 + iter % 2;
          const std::vector<double> full = betweenness(g, o);
          const std::vector<vertex_t> sources = betweenness_sources(g.n, o);
          REQUIRE(sources.size() == (k ? k : g.n));
          for (std::size_t blocks : {1, 2, 5}) {
            std::vector<double> raw(g.n, 0.0);
            for (const auto& b : split(sources, blocks)) raw = add(raw, betweenness_partial(g, b, o));
            betweenness_finalize(raw, g.n, g.directed, o);
            require_close(raw, full, 1e-12);
          }
        }
      }
    }
  }
}

TEST_CASE("partial closeness and harmonic merged over blocks equal the full kernels", "[partial][paths]") {
  std::mt19937 rng(13);
  for (int iter = 0; iter < 60; ++iter) {
    const bool directed = iter % 2, weighted = (iter / 2) % 2;
    const vertex_t n = iter < 8 ? vertex_t(iter / 4) : vertex_t(2 + rng() % 40);
    const CsrGraph g = random_multigraph(rng, n, directed, weighted);
    INFO("iter " << iter << " n " << n << " directed " << directed << " weighted " << weighted);
    for (bool wf : {true, false}) {
      ClosenessOptions c;
      c.wf_improved = wf;
      c.weighted = weighted;
      const std::vector<double> full = closeness(g, c);
      for (std::size_t blocks : {1, 3}) {
        std::vector<double> merged(g.n, 0.0);
        for (const auto& b : split(closeness_units(g.n), blocks)) merged = add(merged, closeness_partial(g, b, c));
        REQUIRE(merged == full);  // each value computed once: exact
      }
    }
    for (std::size_t k : {std::size_t(0), n > 1 ? std::size_t(1 + rng() % (n - 1)) : 0}) {
      ClosenessOptions c;
      c.weighted = weighted;
      c.k = k;
      c.seed = rng();
      c.threads = 2;
      const std::vector<double> full = harmonic(g, c);
      const std::vector<vertex_t> units = harmonic_units(g.n, c);
      REQUIRE(units.size() == (k ? k : g.n));
      for (std::size_t blocks : {1, 4}) {
        std::vector<double> merged(g.n, 0.0);
        for (const auto& b : split(units, blocks)) merged = add(merged, harmonic_partial(g, b, c));
        harmonic_finalize(merged, g.n, c);
        require_close(merged, full, 1e-12);
      }
    }
  }
}

TEST_CASE("partial kernels refuse vertices out of range", "[partial][paths]") {
  const CsrGraph g = CsrGraph::build(3, false, {0, 1}, {1, 2}, nullptr);
  REQUIRE_THROWS_AS(betweenness_partial(g, {0, 3}), InvalidArgument);
  REQUIRE_THROWS_AS(closeness_partial(g, {7}), InvalidArgument);
  REQUIRE_THROWS_AS(harmonic_partial(g, {3}), InvalidArgument);
  std::vector<double> wrong(2, 0.0);
  REQUIRE_THROWS_AS(betweenness_finalize(wrong, 3, false, {}), InvalidArgument);
}
