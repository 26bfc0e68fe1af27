// Closeness and harmonic centrality by bit-parallel multi-source BFS (64
// searches at once) against one BFS per vertex (bit_parallel = false, the
// verifier): the same doubles on many graphs, unit sets and thread counts.
#include <catch2/catch.hpp>

#include <random>
#include <utility>
#include <vector>

#include <ringleader/centrality/closeness.hpp>

#include "../support/csr.hpp"
#include "../support/random_simple.hpp"

using namespace ringleader;
using namespace ringleader::centrality;

namespace {

using Edges = std::vector<std::pair<vertex_t, vertex_t>>;

/// Random arcs drawn with replacement: parallel arcs and self-loops included.
CsrGraph random_multi(std::mt19937& rng, vertex_t n, std::size_t m, bool directed) {
  Edges e;
  for (std::size_t i = 0; i < m; ++i) e.push_back({vertex_t(rng() % n), vertex_t(rng() % n)});
  return rltest::make(n, directed, e);
}

/// Both measures, both wf_improved settings: bit-parallel on 1, 2 and 3
/// threads equal to the per-vertex searches (exactly).
void check_same(const CsrGraph& g) {
  for (bool wf : {true, false}) {
    ClosenessOptions serial;
    serial.bit_parallel = false;
    serial.wf_improved = wf;
    serial.threads = 1;
    const std::vector<double> c_want = closeness(g, serial), h_want = harmonic(g, serial);
    for (int t : {1, 2, 3}) {
      ClosenessOptions o;
      o.wf_improved = wf;
      o.threads = t;
      INFO("n " << g.n << ", directed " << g.directed << ", threads " << t << ", wf " << wf);
      CHECK(closeness(g, o) == c_want);
      CHECK(harmonic(g, o) == h_want);
    }
  }
}

}  // namespace

TEST_CASE("bit-parallel closeness: hand-checked values", "[closeness][msbfs]") {
  // a path 0 - 1 - 2 - 3: distances from 0 are 1, 2, 3
  auto path = rltest::make(4, false, {{0, 1}, {1, 2}, {2, 3}});
  CHECK(closeness(path)[0] == Approx(3.0 / 6.0));
  CHECK(harmonic(path)[0] == Approx(1 + 0.5 + 1.0 / 3));
  // directed: distances *to* the vertex; 0 -> 1 -> 2, so 2 is reached by two vertices
  auto chain = rltest::make(3, true, {{0, 1}, {1, 2}});
  const auto c = closeness(chain);
  CHECK(c[0] == 0.0);
  CHECK(c[1] == Approx(1.0 * 0.5));
  CHECK(c[2] == Approx(2.0 / 3.0));
  CHECK(harmonic(chain)[2] == Approx(1.5));
  check_same(path);
  check_same(chain);
}

TEST_CASE("bit-parallel closeness: empty, single node, loops, disconnected", "[closeness][msbfs]") {
  for (bool directed : {false, true}) {
    check_same(rltest::make(0, directed, {}));
    CHECK(closeness(rltest::make(0, directed, {})).empty());
    check_same(rltest::make(1, directed, {}));
    CHECK(closeness(rltest::make(1, directed, {{0, 0}})) == std::vector<double>{0.0});
    CHECK(harmonic(rltest::make(1, directed, {{0, 0}})) == std::vector<double>{0.0});
    check_same(rltest::make(2, directed, {{0, 0}, {0, 1}, {0, 1}, {1, 1}}));
    // two components and isolated vertices, more than 64 vertices
    Edges e;
    for (vertex_t v = 0; v + 1 < 40; ++v) e.push_back({v, v + 1});
    for (vertex_t v = 50; v < 130; ++v) e.push_back({v, vertex_t(50 + (v * 7) % 80)});
    check_same(rltest::make(140, directed, e));
  }
}

TEST_CASE("bit-parallel closeness equals per-vertex BFS on random graphs", "[closeness][msbfs]") {
  std::mt19937 rng(2014);
  for (int rep = 0; rep < 40; ++rep) {
    const bool directed = rep % 2;
    const vertex_t n = 1 + vertex_t(rng() % 400);
    check_same(rltest::random_simple(rng, n, rng() % (3 * n), directed));
    check_same(random_multi(rng, n, rng() % (2 * n), directed));
  }
  for (bool directed : {false, true}) check_same(rltest::random_simple(rng, 3000, 12000, directed));
}

TEST_CASE("bit-parallel partial closeness over arbitrary units", "[closeness][msbfs][partial]") {
  std::mt19937 rng(64);
  for (bool directed : {false, true}) {
    const CsrGraph g = rltest::random_simple(rng, 500, 1500, directed);
    ClosenessOptions serial;
    serial.bit_parallel = false;
    const std::vector<double> c_all = closeness(g, serial), h_all = harmonic(g, serial);
    // 150 units: unsorted, with repeats, not a multiple of 64
    std::vector<vertex_t> units;
    for (int i = 0; i < 150; ++i) units.push_back(vertex_t(rng() % g.n));
    for (int t : {1, 2}) {
      ClosenessOptions o;
      o.threads = t;
      const std::vector<double> c = closeness_partial(g, units, o), h = harmonic_partial(g, units, o);
      std::vector<char> in(g.n, 0);
      for (vertex_t u : units) in[u] = 1;
      for (vertex_t v = 0; v < g.n; ++v) {
        CHECK(c[v] == (in[v] ? c_all[v] : 0.0));
        CHECK(h[v] == (in[v] ? h_all[v] : 0.0));
      }
    }
  }
}
