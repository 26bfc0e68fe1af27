// k-core numbers: the parallel level-synchronous peeling against the serial
// Batagelj-Zaversnik peeling (core_number_serial, the verifier) on many
// graphs and thread counts, and both against hand-checked values.
#include <catch2/catch.hpp>

#include <random>
#include <utility>
#include <vector>

#include <ringleader/centrality/core_number.hpp>

#include "../support/csr.hpp"
#include "../support/random_simple.hpp"

using namespace ringleader;
using namespace ringleader::centrality;

namespace {

using Edges = std::vector<std::pair<vertex_t, vertex_t>>;

std::vector<double> parallel_core(const CsrGraph& g, int threads) {
  CoreNumberOptions o;
  o.threads = threads;
  return core_number(g, o);
}

std::vector<double> serial_core(const CsrGraph& g) {
  CoreNumberOptions o;
  o.parallel = false;
  o.threads = 1;
  return core_number(g, o);
}

/// The parallel kernel on 1, 2, 3 and 8 threads equals the serial one.
void check_same(const CsrGraph& g) {
  const std::vector<double> want = core_number_serial(g);
  CHECK(serial_core(g) == want);
  for (int t : {1, 2, 3, 8}) {
    INFO("threads " << t << ", n " << g.n << ", directed " << g.directed);
    CHECK(parallel_core(g, t) == want);
  }
}

/// n vertices, m random arcs drawn with replacement: parallel edges and
/// self-loops included.
CsrGraph random_multi(std::mt19937& rng, vertex_t n, std::size_t m, bool directed) {
  Edges e;
  for (std::size_t i = 0; i < m; ++i) e.push_back({vertex_t(rng() % n), vertex_t(rng() % n)});
  return rltest::make(n, directed, e);
}

/// Preferential attachment (skewed degrees, a few hubs), `per` edges a vertex.
CsrGraph preferential(std::mt19937& rng, vertex_t n, int per, bool directed) {
  Edges e;
  std::vector<vertex_t> ends;
  for (vertex_t v = 1; v < n; ++v)
    for (int j = 0; j < per; ++j) {
      const vertex_t u = ends.empty() ? 0 : ends[rng() % ends.size()];
      e.push_back({v, u});
      ends.push_back(u);
      ends.push_back(v);
    }
  return rltest::make(n, directed, e);
}

}  // namespace

TEST_CASE("core_number: hand-checked values, serial and parallel", "[core_number]") {
  // a 4-clique with a pendant
  auto clique = rltest::make(5, false, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}});
  const std::vector<double> want{3, 3, 3, 3, 1};
  CHECK(core_number_serial(clique) == want);
  for (int t : {1, 2, 4}) CHECK(parallel_core(clique, t) == want);
  // directed: in + out degree, a reciprocated pair counts twice
  auto pair = rltest::make(3, true, {{0, 1}, {1, 0}, {1, 2}});
  CHECK(core_number_serial(pair) == std::vector<double>{2, 2, 1});
  CHECK(parallel_core(pair, 2) == std::vector<double>{2, 2, 1});
  // self-loops ignored, an isolated vertex is 0
  auto loops = rltest::make(4, false, {{0, 0}, {1, 2}, {2, 2}});
  CHECK(core_number_serial(loops) == std::vector<double>{0, 1, 1, 0});
  CHECK(parallel_core(loops, 2) == std::vector<double>{0, 1, 1, 0});
  auto dloops = rltest::make(2, true, {{0, 0}, {1, 1}, {0, 1}});
  CHECK(parallel_core(dloops, 2) == std::vector<double>{1, 1});
  // parallel arcs of the CsrGraph count each (the Network overload merges them)
  auto multi = rltest::make(2, false, {{0, 1}, {0, 1}, {1, 0}});
  CHECK(core_number_serial(multi) == std::vector<double>{3, 3});
  CHECK(parallel_core(multi, 2) == std::vector<double>{3, 3});
}

TEST_CASE("core_number: empty, single node, disconnected", "[core_number]") {
  for (bool directed : {false, true}) {
    check_same(rltest::make(0, directed, {}));
    CHECK(parallel_core(rltest::make(0, directed, {}), 2).empty());
    check_same(rltest::make(1, directed, {}));
    CHECK(parallel_core(rltest::make(1, directed, {}), 2) == std::vector<double>{0});
    check_same(rltest::make(1, directed, {{0, 0}}));
    // a triangle, a path, an isolated vertex and a 5-clique, apart
    Edges e{{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}};
    for (vertex_t a = 7; a < 12; ++a)
      for (vertex_t b = a + 1; b < 12; ++b) e.push_back({a, b});
    auto g = rltest::make(12, directed, e);
    check_same(g);
    if (!directed) CHECK(parallel_core(g, 2) == std::vector<double>{2, 2, 2, 1, 1, 1, 0, 4, 4, 4, 4, 4});
  }
}

TEST_CASE("core_number: parallel equals serial on random graphs", "[core_number]") {
  std::mt19937 rng(21);
  for (int rep = 0; rep < 60; ++rep) {
    const bool directed = rep % 2;
    const vertex_t n = 1 + vertex_t(rng() % 300);
    check_same(rltest::random_simple(rng, n, rng() % (6 * n), directed));
    check_same(random_multi(rng, n, rng() % (5 * n), directed));
  }
  // large enough for many blocks on several threads, with empty levels
  for (bool directed : {false, true}) {
    check_same(rltest::random_simple(rng, 60000, 400000, directed));
    check_same(preferential(rng, 50000, 4, directed));
    check_same(random_multi(rng, 40000, 300000, directed));
    // a dense core glued to a sparse tree: degrees far apart (level jumps)
    Edges e;
    for (vertex_t a = 0; a < 300; ++a)
      for (vertex_t b = a + 1; b < 300; ++b)
        if (rng() % 3) e.push_back({a, b});
    for (vertex_t v = 300; v < 30000; ++v) e.push_back({v, vertex_t(rng() % v)});
    check_same(rltest::make(30000, directed, e));
  }
}
