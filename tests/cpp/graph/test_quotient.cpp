// graph::aggregate (the quotient graph Louvain and Leiden build at every
// level) against a serial verifier written from its definition, with and
// without an AdjacencyScratch reused across graphs of different sizes, for 1
// to 7 threads: the same arrays, bit for bit.
#include <catch2/catch.hpp>

#include <random>
#include <utility>
#include <vector>

#include <ringleader/graph/quotient.hpp>

namespace {

using namespace ringleader;

/// A symmetric QGraph without self-loops: n vertices, about m random edges
/// (parallel ones summed), weights that round differently when summed in
/// another order.
graph::QGraph random_qgraph(std::mt19937& rng, vertex_t n, std::size_t m) {
  std::vector<std::vector<std::pair<vertex_t, double>>> adj(n);
  std::uniform_int_distribution<vertex_t> pick(0, n - 1);
  std::uniform_real_distribution<double> wt(0.1, 3.0);
  for (std::size_t e = 0; n > 1 && e < m; ++e) {
    const vertex_t a = pick(rng), b = pick(rng);
    if (a == b) continue;
    const double w = wt(rng);
    bool found = false;
    for (auto& [u, x] : adj[a])
      if (u == b) {
        x += w;
        found = true;
      }
    if (found) {
      for (auto& [u, x] : adj[b])
        if (u == a) x += w;
    } else {
      adj[a].push_back({b, w});
      adj[b].push_back({a, w});
    }
  }
  graph::QGraph q;
  q.n = n;
  q.off.assign(std::size_t(n) + 1, 0);
  for (vertex_t v = 0; v < n; ++v) {
    double k = 0;
    for (auto [u, x] : adj[v]) {
      q.adj.push_back(u);
      q.w.push_back(x);
      k += x;
    }
    q.off[v + 1] = q.adj.size();
    q.kout.push_back(k);
    q.kin.push_back(k);
    q.size.push_back(1.0 + v % 3);
  }
  return q;
}

/// The definition: communities in label order, members in vertex order, each
/// member's arcs in order; a neighbouring community appears where it first
/// occurs and sums its weights in that order; arcs inside the community dropped.
graph::QGraph naive_aggregate(const graph::QGraph& q, const std::vector<vertex_t>& comm, vertex_t k) {
  graph::QGraph a;
  a.n = k;
  a.directed = q.directed;
  a.off.assign(std::size_t(k) + 1, 0);
  a.kout.assign(k, 0.0);
  a.kin.assign(k, 0.0);
  a.size.assign(k, 0.0);
  std::vector<std::vector<vertex_t>> members(k);
  for (vertex_t v = 0; v < q.n; ++v) members[comm[v]].push_back(v);
  for (vertex_t c = 0; c < k; ++c) {
    std::vector<std::pair<vertex_t, double>> out;
    for (vertex_t v : members[c]) {
      for (std::uint64_t e = q.begin(v); e < q.end(v); ++e) {
        const vertex_t d = comm[q.adj[e]];
        if (d == c) continue;
        bool found = false;
        for (auto& [x, s] : out)
          if (x == d) {
            s += q.w[e];
            found = true;
          }
        if (!found) out.push_back({d, q.w[e]});
      }
    }
    for (auto [x, s] : out) {
      a.adj.push_back(x);
      a.w.push_back(s);
    }
    a.off[c + 1] = a.adj.size();
  }
  for (vertex_t v = 0; v < q.n; ++v) {
    a.kout[comm[v]] += q.kout[v];
    a.kin[comm[v]] += q.kin[v];
    a.size[comm[v]] += q.size[v];
  }
  return a;
}

void require_same(const graph::QGraph& x, const graph::QGraph& y) {
  REQUIRE(x.n == y.n);
  REQUIRE(x.off == y.off);
  REQUIRE(x.adj == y.adj);
  REQUIRE(x.w == y.w);  // bit for bit: the same additions in the same order
  REQUIRE(x.kout == y.kout);
  REQUIRE(x.kin == y.kin);
  REQUIRE(x.size == y.size);
}

}  // namespace

TEST_CASE("aggregate equals its definition, with and without reused scratch", "[quotient]") {
  std::mt19937 rng(20261206);
  // Sizes around the parallel threshold and the chunking (n / 64, at most
  // 2,048 vertices per chunk), and degenerate ones; one scratch for all of
  // them, so buffers left from a larger graph are reused by smaller ones.
  const std::pair<vertex_t, std::size_t> sizes[] = {{0, 0},        {1, 0},         {2, 1},     {50, 300},
                                                    {20000, 120000}, {300, 40000}, {5000, 9000}, {140000, 300000}};
  for (int threads : {1, 2, 3, 7}) {
    graph::AdjacencyScratch scratch;
    for (auto [n, m] : sizes) {
      const graph::QGraph q = random_qgraph(rng, n, m);
      for (vertex_t groups : {vertex_t(1), std::max<vertex_t>(1, n / 3), std::max<vertex_t>(1, n)}) {
        if (n == 0 && groups > 0) groups = 0;
        std::vector<vertex_t> comm(n);
        std::uniform_int_distribution<vertex_t> pick(0, groups == 0 ? 0 : groups - 1);
        for (auto& c : comm) c = pick(rng);
        const vertex_t k = graph::compact(comm);
        INFO("threads " << threads << " n " << n << " m " << m << " k " << k);
        graph::QGraph want = naive_aggregate(q, comm, k);
        require_same(graph::aggregate(q, comm, k, threads), want);
        graph::QGraph got = graph::aggregate(q, comm, k, threads, &scratch);
        require_same(got, want);
        scratch.recycle(std::move(got));  // the next call builds in these arrays
      }
    }
  }
}

TEST_CASE("a graph of unit weights aggregates as one with every weight 1", "[quotient]") {
  std::mt19937 rng(7);
  for (vertex_t n : {vertex_t(0), vertex_t(1), vertex_t(40), vertex_t(20000)}) {
    graph::QGraph ones = random_qgraph(rng, n, std::size_t(n) * 3);
    for (auto& x : ones.w) x = 1.0;
    graph::QGraph unit = ones;
    unit.unit = true;
    unit.w.clear();
    for (std::uint64_t e = 0; e < ones.adj.size(); ++e) REQUIRE(unit.weight(e) == 1.0);
    std::vector<vertex_t> comm(n);
    for (auto& c : comm) c = vertex_t(rng() % std::max<vertex_t>(1, n / 4));
    const vertex_t k = graph::compact(comm);
    graph::AdjacencyScratch scratch;
    scratch.spare = unit;  // a unit graph's arrays reused: the result still has weights
    for (int threads : {1, 2, 3}) {
      graph::QGraph got = graph::aggregate(unit, comm, k, threads, &scratch);
      REQUIRE(!got.unit);
      require_same(got, graph::aggregate(ones, comm, k, threads));
      require_same(got, naive_aggregate(ones, comm, k));
    }
  }
}
