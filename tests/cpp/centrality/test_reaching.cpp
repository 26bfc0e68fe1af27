// Local and global reaching centrality (centrality/reaching.hpp): golden
// values from networkx, a differential test against Floyd-Warshall distances
// on random multigraphs (self-loops, parallel edges,
// isolated vertices; directed and undirected; 1 and 2 threads), the Network
// overload on a typed multigraph, and Ctrl-C.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include <ringleader/centrality/reaching.hpp>
#include <ringleader/graph/builder.hpp>

#include "../support/close.hpp"
#include "../support/csr.hpp"
#include "../support/threads.hpp"

namespace {

using namespace ringleader;
using namespace ringleader::centrality;
using rltest::make;
using rltest::on_1_and_2_threads;

/// The verifier: hop distances by Floyd-Warshall, then the definitions
/// (directed: the share reached; undirected: the sum of 1 / d, over n - 1).
std::vector<double> naive_local_reaching(vertex_t n, bool directed,
                                         const std::vector<std::pair<vertex_t, vertex_t>>& edges) {
  const int inf = 1 << 20;
  std::vector<std::vector<int>> d(n, std::vector<int>(n, inf));
  for (vertex_t v = 0; v < n; ++v) d[v][v] = 0;
  for (auto [a, b] : edges) {
    if (a != b) d[a][b] = 1;
    if (a != b && !directed) d[b][a] = 1;
  }
  for (vertex_t k = 0; k < n; ++k)
    for (vertex_t i = 0; i < n; ++i)
      for (vertex_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
  std::vector<double> out(n, 0.0);
  for (vertex_t v = 0; v < n && n > 1; ++v) {
    for (vertex_t u = 0; u < n; ++u)
      if (u != v && d[v][u] < inf) out[v] += directed ? 1.0 : 1.0 / d[v][u];
    out[v] /= double(n - 1);
  }
  return out;
}

}  // namespace

TEST_CASE("reaching centrality: networkx's golden values", "[centrality][reaching]") {
  // networkx's docstring example: 1->2, 1->3 (here 0->1, 0->2).
  CsrGraph g = make(3, true, {{0, 1}, {0, 2}});
  CHECK(local_reaching(g) == std::vector<double>{1.0, 0.0, 0.0});
  // ... then 3->2: node 3 reaches half of the others.
  g = make(3, true, {{0, 1}, {0, 2}, {2, 1}});
  CHECK(local_reaching(g) == std::vector<double>{1.0, 0.0, 0.5});
  // A directed star: the centre reaches everyone, the leaves no one; networkx
  // gives global_reaching_centrality 1.
  CsrGraph star = make(5, true, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
  CHECK(global_reaching(local_reaching(star)) == Approx(1.0));
  // A directed path of 4: 1, 2/3, 1/3, 0; global (0 + 1/3 + 2/3 + 1) / 3.
  CsrGraph path = make(4, true, {{0, 1}, {1, 2}, {2, 3}});
  auto lp = local_reaching(path);
  CHECK(lp[0] == Approx(1.0));
  CHECK(lp[1] == Approx(2.0 / 3));
  CHECK(lp[2] == Approx(1.0 / 3));
  CHECK(lp[3] == 0.0);
  CHECK(global_reaching(lp) == Approx(2.0 / 3));
  // Undirected (networkx weighs a vertex at distance d by 1 / d): a path of
  // 3 and an edge, 5 vertices.
  CsrGraph two = make(5, false, {{0, 1}, {1, 2}, {3, 4}});
  CHECK(local_reaching(two) == std::vector<double>{0.375, 0.5, 0.375, 0.25, 0.25});
  CHECK(global_reaching(local_reaching(two)) == Approx(0.75 / 4));
  // Where networkx raises: no edges, one vertex (with a self-loop), none.
  CHECK(local_reaching(make(3, true, {})) == std::vector<double>{0.0, 0.0, 0.0});
  CHECK(local_reaching(make(1, true, {{0, 0}})) == std::vector<double>{0.0});
  CHECK(local_reaching(make(0, false, {})).empty());
  CHECK(global_reaching(std::vector<double>{}) == 0.0);
}

TEST_CASE("local reaching equals the transitive closure on random multigraphs", "[centrality][reaching]") {
  std::mt19937 rng(17);
  for (int round = 0; round < 60; ++round) {
    const bool directed = round % 3 != 0;
    const vertex_t n = 1 + rng() % 12;
    std::vector<std::pair<vertex_t, vertex_t>> edges;
    const int m = int(rng() % (2 * n + 1));
    for (int k = 0; k < m; ++k) {
      const vertex_t a = rng() % n, b = rng() % 5 == 0 ? a : vertex_t(rng() % n);
      edges.push_back({a, b});
      if (rng() % 4 == 0) edges.push_back({a, b});  // a parallel edge
    }
    const CsrGraph g = make(n, directed, edges);
    auto [one, two] = on_1_and_2_threads(ReachingOptions{}, [&](const auto& o) { return local_reaching(g, o); });
    INFO("round " << round << ", n " << n << (directed ? ", directed" : ", undirected"));
    rltest::require_close(one, naive_local_reaching(n, directed, edges), 1e-14);
    CHECK(two == one);
  }
}

TEST_CASE("reaching centrality on a typed multigraph Network", "[centrality][reaching]") {
  // a calls b twice (once as a meeting), b pays c, c calls itself, d alone.
  NetworkBuilder b(true, "person", "call");
  for (const char* id : {"a", "b", "c", "d"}) b.add_node(id);
  b.add_edge(0, 1, "call", 1.0);
  b.add_edge(0, 1, "meet", 7.0);
  b.add_edge(1, 2, "transfer", 100.0);
  b.add_edge(2, 2, "call", 1.0);
  const Network net = b.finish();
  CHECK(local_reaching(net) == std::vector<double>{2.0 / 3, 1.0 / 3, 0.0, 0.0});
  CHECK(global_reaching(net) == Approx((0.0 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 3));
}

TEST_CASE("local reaching stops on Ctrl-C", "[centrality][reaching]") {
  std::vector<std::pair<vertex_t, vertex_t>> edges;
  for (vertex_t v = 0; v + 1 < 2000; ++v) edges.push_back({v, v + 1});
  const CsrGraph g = make(2000, true, edges);
  Progress progress([](std::uint64_t, std::uint64_t) { return false; });
  ReachingOptions o;
  o.progress = &progress;
  CHECK_THROWS_AS(local_reaching(g, o), Cancelled);
}
