// Paths: Yen's k shortest paths and all shortest paths against a brute-force
// enumeration of every simple path on small random graphs; ego networks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <random>
#include <set>

#include <ringleader/paths/ego.hpp>
#include <ringleader/paths/max_flow.hpp>
#include <ringleader/paths/shortest.hpp>

#include "../support/csr.hpp"

using namespace ringleader;
using namespace ringleader::paths;

namespace {

/// Every simple path s -> t with its length (least parallel weight per hop).
std::vector<std::pair<double, std::vector<vertex_t>>> every_path(const CsrGraph& g, vertex_t s, vertex_t t,
                                                                  const std::vector<double>* w) {
  std::vector<std::pair<double, std::vector<vertex_t>>> out;
  std::vector<vertex_t> path{s};
  std::vector<char> on(g.n, 0);
  on[s] = 1;
  std::function<void(double)> dfs = [&](double len) {
    const vertex_t v = path.back();
    if (v == t) {
      out.push_back({len, path});
      return;
    }
    std::map<vertex_t, double> best;
    for (std::uint64_t a = g.out_offsets[v]; a < g.out_offsets[v + 1]; ++a) {
      const vertex_t x = g.out_targets[a];
      const double y = w ? (*w)[g.out_edges[a]] : 1.0;
      if (x != v && (!best.count(x) || y < best[x])) best[x] = y;
    }
    for (auto [x, y] : best) {
      if (on[x]) continue;
      on[x] = 1;
      path.push_back(x);
      dfs(len + y);
      path.pop_back();
      on[x] = 0;
    }
  };
  if (s == t) return {{0.0, path}};
  dfs(0.0);
  std::sort(out.begin(), out.end());
  return out;
}

/// A random graph of n vertices and 2n edges (self-loops and parallel edges
/// likely); `w` receives the edge weights: 1, or 1..3 when `weighted`.
CsrGraph small_multigraph(std::mt19937& rng, vertex_t n, bool directed, bool weighted, std::vector<double>& w) {
  std::vector<std::pair<vertex_t, vertex_t>> edges;
  w.clear();
  for (int k = 0; k < int(2 * n); ++k) {
    edges.push_back({vertex_t(rng() % n), vertex_t(rng() % n)});
    w.push_back(weighted ? double(1 + rng() % 3) : 1.0);
  }
  return rltest::make(n, directed, edges, w);
}

}  // namespace

TEST_CASE("k shortest paths equal brute force; all shortest paths too", "[paths]") {
  std::mt19937 rng(5);
  int checked = 0;
  for (int round = 0; round < 80; ++round) {
    const vertex_t n = 3 + rng() % 6;
    std::vector<double> ew;
    CsrGraph g = small_multigraph(rng, n, round % 2, round % 4 >= 2, ew);
    PathOptions o;
    if (round % 4 >= 2) o.weights = &ew;
    for (int q = 0; q < 4; ++q) {
      const vertex_t s = rng() % n, t = rng() % n;
      auto ref = every_path(g, s, t, o.weights);
      auto got = k_shortest_paths(g, s, t, ref.size() + 2, o);
      REQUIRE(got.size() == ref.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        REQUIRE(got[i].length == Approx(ref[i].first));
        REQUIRE(got[i].edges.size() + 1 == got[i].nodes.size());
      }
      std::set<std::vector<vertex_t>> a, b;
      for (auto& p : got) a.insert(p.nodes);
      for (auto& p : ref) b.insert(p.second);
      REQUIRE(a == b);
      auto sp = shortest_path(g, s, t, o);
      REQUIRE(bool(sp) == !ref.empty());
      std::set<std::vector<vertex_t>> shortest_ref, shortest_got;
      for (auto& p : ref)
        if (p.first == ref[0].first) shortest_ref.insert(p.second);
      for (auto& p : all_shortest_paths(g, s, t, o)) shortest_got.insert(p.nodes);
      REQUIRE(shortest_got == shortest_ref);
      if (sp) REQUIRE(sp->length == Approx(ref[0].first));
      checked += int(ref.size());
    }
  }
  CHECK(checked > 200);
}

TEST_CASE("paths respect node and edge filters", "[paths]") {
  // 0 - 1 - 2 and 0 - 3 - 4 - 2; vertex 1 not passable, then edge 3 (3-4) banned
  CsrGraph g = rltest::make(5, false, {{0, 1}, {1, 2}, {0, 3}, {3, 4}, {4, 2}});
  PathOptions o;
  REQUIRE(shortest_path(g, 0, 2, o)->nodes == std::vector<vertex_t>{0, 1, 2});
  o.node_ok = {1, 0, 1, 1, 1};
  REQUIRE(shortest_path(g, 0, 2, o)->nodes == std::vector<vertex_t>{0, 3, 4, 2});
  REQUIRE(shortest_path(g, 1, 2, o)->nodes == std::vector<vertex_t>{1, 2});  // ends always allowed
  o.edge_ok = {1, 1, 1, 0, 1};
  REQUIRE_FALSE(shortest_path(g, 0, 2, o));
  std::vector<double> bad{1, -1, 1, 1, 1};
  PathOptions ob;
  ob.weights = &bad;
  REQUIRE_THROWS_AS(shortest_path(g, 0, 2, ob), InvalidArgument);
}

TEST_CASE("ego networks by breadth-first search", "[paths]") {
  CsrGraph g = rltest::make(6, true, {{0, 1}, {1, 2}, {3, 0}, {2, 4}, {5, 5}});
  Ego e = ego_vertices(g, 0, 1);
  REQUIRE(std::set<vertex_t>(e.vertices.begin(), e.vertices.end()) == std::set<vertex_t>{0, 1, 3});
  e = ego_vertices(g, 0, 2, {}, true);
  REQUIRE(e.vertices == std::vector<vertex_t>{0, 1, 2});
  REQUIRE(e.distance == std::vector<std::int32_t>{0, 1, 2});
  e = ego_vertices(g, 0, 5, {1, 1, 0, 1, 1, 1});
  REQUIRE(std::set<vertex_t>(e.vertices.begin(), e.vertices.end()) == std::set<vertex_t>{0, 1, 3});
  REQUIRE(ego_vertices(g, 0, 0).vertices == std::vector<vertex_t>{0});
  REQUIRE_THROWS_AS(ego_vertices(g, 9, 1), InvalidArgument);
}

namespace {

/// Edmonds-Karp on a dense residual matrix: the verifier of max_flow.
std::int64_t naive_max_flow(vertex_t n, const std::vector<vertex_t>& a, const std::vector<vertex_t>& b,
                            const std::vector<std::int64_t>& c, vertex_t s, vertex_t t) {
  std::vector<std::vector<std::int64_t>> r(n, std::vector<std::int64_t>(n, 0));
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) r[a[i]][b[i]] += c[i];
  std::int64_t flow = 0;
  for (;;) {
    std::vector<vertex_t> prev(n, vertex_t(-1));
    prev[s] = s;
    std::queue<vertex_t> q;
    q.push(s);
    while (!q.empty() && prev[t] == vertex_t(-1)) {
      vertex_t u = q.front();
      q.pop();
      for (vertex_t v = 0; v < n; ++v)
        if (r[u][v] > 0 && prev[v] == vertex_t(-1)) {
          prev[v] = u;
          q.push(v);
        }
    }
    if (prev[t] == vertex_t(-1)) return flow;
    std::int64_t push = std::numeric_limits<std::int64_t>::max();
    for (vertex_t v = t; v != s; v = prev[v]) push = std::min(push, r[prev[v]][v]);
    for (vertex_t v = t; v != s; v = prev[v]) {
      r[prev[v]][v] -= push;
      r[v][prev[v]] += push;
    }
    flow += push;
  }
}

}  // namespace

TEST_CASE("max flow equals Edmonds-Karp; both cut sides are minimum cuts", "[paths][flow]") {
  std::mt19937 rng(9);
  for (int trial = 0; trial < 80; ++trial) {
    const vertex_t n = vertex_t(2 + rng() % 20);
    std::vector<vertex_t> a, b;
    std::vector<std::int64_t> c;
    for (vertex_t k = 0; k < 3 * n; ++k) {
      a.push_back(vertex_t(rng() % n));
      b.push_back(vertex_t(rng() % n));
      c.push_back(std::int64_t(rng() % 10));
    }
    const vertex_t s = 0, t = n - 1;
    paths::MaxFlowResult r = paths::max_flow(n, a, b, c, s, t);
    CHECK(r.value == naive_max_flow(n, a, b, c, s, t));
    CHECK(r.source_side[s]);
    CHECK_FALSE(r.source_side[t]);
    CHECK(r.sink_side[t]);
    CHECK_FALSE(r.sink_side[s]);
    std::int64_t cut_source = 0, cut_sink = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (r.source_side[a[i]] && !r.source_side[b[i]]) cut_source += c[i];
      if (!r.sink_side[a[i]] && r.sink_side[b[i]]) cut_sink += c[i];
    }
    CHECK(cut_source == r.value);
    CHECK(cut_sink == r.value);
  }
  CHECK_THROWS_AS(paths::max_flow(2, {0}, {1}, {1}, 0, 0), InvalidArgument);
  CHECK_THROWS_AS(paths::max_flow(2, {0}, {1}, {-1}, 0, 1), InvalidArgument);
}
