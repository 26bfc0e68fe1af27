// Spectral centralities and k-core: hand-checked graphs, serial references,
// thread-count independence, non-convergence and tiny graphs.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>
#include <vector>

#include <ringleader/centrality/core_number.hpp>
#include <ringleader/centrality/eigenvector.hpp>
#include <ringleader/centrality/hits.hpp>
#include <ringleader/centrality/katz.hpp>
#include <ringleader/centrality/pagerank.hpp>

#include "../support/csr.hpp"
#include "../support/random_simple.hpp"
#include "../support/threads.hpp"

using namespace ringleader;
using namespace ringleader::centrality;

namespace {

using rltest::make;
using rltest::random_simple;
using rltest::on_1_and_2_threads;
using rltest::weighted_options;

/// A simple random graph (no parallel edges), with some self-loops.
double max_rel(const std::vector<double>& a, const std::vector<double>& b) {
  REQUIRE(a.size() == b.size());
  double r = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    r = std::max(r, std::fabs(a[i] - b[i]) / std::max(std::fabs(b[i]), 1e-300));
  return r;
}

/// Dense arc list (u, v, w) with both arcs for undirected edges.
struct Arc {
  vertex_t u, v;
  double w;
};
std::vector<Arc> arcs(const CsrGraph& g, bool weighted) {
  std::vector<Arc> r;
  for (vertex_t u = 0; u < g.n; ++u)
    for (auto a = g.out_offsets[u]; a < g.out_offsets[u + 1]; ++a)
      r.push_back({u, g.out_targets[a], weighted ? g.out_weights[a] : 1.0});
  return r;
}

/// Push-style serial PageRank as networkx writes it.
std::vector<double> ref_pagerank(const CsrGraph& g, bool weighted, double alpha = 0.85) {
  const vertex_t n = g.n;
  auto A = arcs(g, weighted);
  std::vector<double> S(n, 0), x(n, 1.0 / n);
  for (auto& a : A) S[a.u] += a.w;
  for (int it = 0; it < 100; ++it) {
    std::vector<double> y(n, 0);
    double d = 0;
    for (vertex_t u = 0; u < n; ++u)
      if (S[u] == 0) d += x[u];
    for (auto& a : A) y[a.v] += x[a.u] * a.w / S[a.u];
    double err = 0;
    for (vertex_t v = 0; v < n; ++v) {
      y[v] = alpha * (y[v] + d / n) + (1 - alpha) / n;
      err += std::fabs(y[v] - x[v]);
    }
    x = y;
    if (err < n * 1e-6) return x;
  }
  FAIL("reference pagerank did not converge");
  return x;
}

std::vector<double> ref_eigenvector(const CsrGraph& g, bool weighted) {
  const vertex_t n = g.n;
  auto A = arcs(g, weighted);
  std::vector<double> x(n, 1.0 / n);
  for (int it = 0; it < 100; ++it) {
    std::vector<double> y = x;
    for (auto& a : A) y[a.v] += x[a.u] * a.w;
    double s = 0;
    for (double v : y) s += v * v;
    s = std::sqrt(s);
    double err = 0;
    for (vertex_t v = 0; v < n; ++v) {
      y[v] /= s;
      err += std::fabs(y[v] - x[v]);
    }
    x = y;
    if (err < n * 1e-6) return x;
  }
  FAIL("reference eigenvector did not converge");
  return x;
}

std::vector<double> ref_core(const CsrGraph& g) {
  // naive peeling: repeatedly remove a vertex of minimum remaining degree
  const vertex_t n = g.n;
  std::vector<std::vector<vertex_t>> nb(n);
  for (vertex_t u = 0; u < n; ++u)
    for (auto a = g.out_offsets[u]; a < g.out_offsets[u + 1]; ++a)
      if (g.out_targets[a] != u) {
        nb[u].push_back(g.out_targets[a]);
        if (g.directed) nb[g.out_targets[a]].push_back(u);
      }
  std::vector<long> deg(n);
  for (vertex_t v = 0; v < n; ++v) deg[v] = long(nb[v].size());
  std::vector<bool> gone(n, false);
  std::vector<double> core(n, 0);
  long k = 0;
  for (vertex_t step = 0; step < n; ++step) {
    vertex_t best = n;
    for (vertex_t v = 0; v < n; ++v)
      if (!gone[v] && (best == n || deg[v] < deg[best])) best = v;
    k = std::max(k, deg[best]);
    core[best] = double(k);
    gone[best] = true;
    for (vertex_t u : nb[best])
      if (!gone[u]) --deg[u];
  }
  return core;
}

}  // namespace

TEST_CASE("pagerank on hand-checked graphs", "[spectral]") {
  auto cycle = make(3, true, {{0, 1}, {1, 2}, {2, 0}});
  for (double v : pagerank(cycle)) CHECK(v == Approx(1.0 / 3).epsilon(1e-9));
  // directed star into the centre 0: leaves are dangling-free, centre dangling
  auto star = make(3, true, {{1, 0}, {2, 0}});
  auto pr = pagerank(star);
  CHECK(pr[0] + pr[1] + pr[2] == Approx(1.0));
  CHECK(pr[1] == Approx(pr[2]));
  CHECK(pr[0] > pr[1]);
  // personalization on a single node of an undirected edge
  auto edge = make(2, false, {{0, 1}});
  PageRankOptions o;
  o.personalization = {1.0, 0.0};
  auto pp = pagerank(edge, o);
  // x0 = 0.15 + 0.85 x1, x1 = 0.85 x0  =>  x0 = 0.15 / (1 - 0.7225)
  CHECK(pp[0] == Approx(0.15 / (1 - 0.7225)).epsilon(1e-5));
}

TEST_CASE("spectral kernels match serial references", "[spectral]") {
  std::mt19937 rng(7);
  for (int rep = 0; rep < 20; ++rep) {
    bool directed = rep % 2, weighted = rep % 3 == 0;
    vertex_t n = 2 + rng() % 60;
    auto g = random_simple(rng, n, rng() % (3 * n), directed);
    PageRankOptions po;
    po.weighted = weighted;
    CHECK(max_rel(pagerank(g, po), ref_pagerank(g, weighted)) < 1e-10);
    EigenvectorOptions eo;
    eo.weighted = weighted;
    try {
      auto ev = eigenvector(g, eo);
      CHECK(max_rel(ev, ref_eigenvector(g, weighted)) < 1e-10);
    } catch (const ConvergenceError&) {
    }
  }
  // eigenvector on a connected non-bipartite undirected graph
  auto g = make(4, false, {{0, 1}, {1, 2}, {2, 0}, {2, 3}});
  CHECK(max_rel(eigenvector(g), ref_eigenvector(g, false)) < 1e-10);
}

TEST_CASE("katz and hits on small graphs", "[spectral]") {
  // directed path 0 -> 1 -> 2: katz (unnormalised) x0 = b, x1 = a b + b, x2 = a x1 + b
  auto path = make(3, true, {{0, 1}, {1, 2}});
  KatzOptions ko;
  ko.normalized = false;
  auto k = katz(path, ko);
  CHECK(k[0] == Approx(1.0));
  CHECK(k[1] == Approx(1.1));
  CHECK(k[2] == Approx(1.11));
  // directed star out of 0: hub 0 = 1, authorities spread over leaves
  auto star = make(4, true, {{0, 1}, {0, 2}, {0, 3}});
  auto h = hits(star);
  CHECK(h.hub[0] == Approx(1.0));
  CHECK(h.authority[0] == Approx(0.0).margin(1e-12));
  CHECK(h.authority[1] == Approx(1.0 / 3));
  // edgeless: uniform
  auto empty = make(3, true, {});
  auto he = hits(empty);
  CHECK(he.hub[1] == Approx(1.0 / 3));
}

TEST_CASE("spectral kernels give the same result on 1 and 2 threads", "[spectral]") {
  std::mt19937 rng(11);
  for (bool directed : {false, true}) {
    auto g = random_simple(rng, 12000, 60000, directed);
    for (bool weighted : {false, true}) {
      auto [p1, p2] = on_1_and_2_threads(weighted_options<PageRankOptions>(weighted),
                                         [&](const auto& o) { return pagerank(g, o); });
      CHECK(max_rel(p1, p2) <= 1e-12);
      auto e = weighted_options<EigenvectorOptions>(weighted);
      e.max_iter = 1000;
      auto [e1, e2] = on_1_and_2_threads(e, [&](const auto& o) { return eigenvector(g, o); });
      CHECK(max_rel(e1, e2) <= 1e-12);
      auto k = weighted_options<KatzOptions>(weighted);
      k.alpha = 0.01;
      auto [k1, k2] = on_1_and_2_threads(k, [&](const auto& o) { return katz(g, o); });
      CHECK(max_rel(k1, k2) <= 1e-12);
      auto h = weighted_options<HitsOptions>(weighted);
      h.max_iter = 5000;
      h.tol = 1e-6;
      auto [a, b] = on_1_and_2_threads(h, [&](const auto& o) { return hits(g, o); });
      CHECK(max_rel(a.hub, b.hub) <= 1e-12);
      CHECK(max_rel(a.authority, b.authority) <= 1e-12);
    }
    auto [c1, c2] = on_1_and_2_threads(CoreNumberOptions{}, [&](const auto& o) { return core_number(g, o); });
    CHECK(c1 == c2);
  }
}

TEST_CASE("non-convergence raises ConvergenceError naming the parameter", "[spectral]") {
  auto g = make(4, false, {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}});
  auto contains = [](const std::string& what, const char* s) { return what.find(s) != std::string::npos; };
  PageRankOptions po;
  po.max_iter = 1;
  po.personalization = {1, 0, 0, 0};
  try {
    pagerank(g, po);
    FAIL("no error");
  } catch (const ConvergenceError& e) {
    CHECK(contains(e.what(), "max_iter"));
  }
  EigenvectorOptions eo;
  eo.max_iter = 2;
  CHECK_THROWS_AS(eigenvector(make(3, false, {{0, 1}, {1, 2}}), eo), ConvergenceError);
  KatzOptions ko;
  ko.alpha = 1.0;  // above 1/lambda_max: diverges
  try {
    katz(g, ko);
    FAIL("no error");
  } catch (const ConvergenceError& e) {
    CHECK(contains(e.what(), "alpha"));
  }
  HitsOptions ho;
  ho.max_iter = 1;
  ho.method = HitsMethod::Power;
  CHECK_THROWS_AS(hits(make(3, true, {{0, 1}, {1, 2}, {0, 2}}), ho), Error);
  ho.method = HitsMethod::Auto;  // small graphs are solved exactly: no iteration limit
  auto exact = hits(make(3, true, {{0, 1}, {1, 2}, {0, 2}}), ho);
  HitsOptions power;
  power.method = HitsMethod::Power;
  power.max_iter = 10000;
  power.tol = 1e-14;
  auto iterated = hits(make(3, true, {{0, 1}, {1, 2}, {0, 2}}), power);
  for (std::size_t v = 0; v < 3; ++v) {
    CHECK(exact.hub[v] == Approx(iterated.hub[v]).margin(1e-9));
    CHECK(exact.authority[v] == Approx(iterated.authority[v]).margin(1e-9));
  }
}

TEST_CASE("spectral kernels on n = 0, 1, 2", "[spectral]") {
  auto g0 = make(0, false, {});
  CHECK(pagerank(g0).empty());
  CHECK(eigenvector(g0).empty());
  CHECK(katz(g0).empty());
  CHECK(hits(g0).hub.empty());
  CHECK(core_number(g0).empty());
  auto g1 = make(1, false, {});
  CHECK(pagerank(g1)[0] == Approx(1.0));
  CHECK(eigenvector(g1)[0] == Approx(1.0));
  CHECK(katz(g1)[0] == Approx(1.0));
  CHECK(core_number(g1)[0] == 0.0);
  auto g2 = make(2, true, {{0, 1}});
  auto pr = pagerank(g2);
  CHECK(pr[0] + pr[1] == Approx(1.0));
  CHECK(pr[1] > pr[0]);
  auto c = core_number(g2);
  CHECK(c[0] == 1.0);
  CHECK(c[1] == 1.0);
  auto loop = make(1, false, {{0, 0}});
  CHECK(core_number(loop)[0] == 0.0);  // self-loops ignored
}

TEST_CASE("core numbers match naive peeling", "[spectral]") {
  std::mt19937 rng(3);
  for (int rep = 0; rep < 40; ++rep) {
    bool directed = rep % 2;
    vertex_t n = 1 + rng() % 50;
    auto g = random_simple(rng, n, rng() % (4 * n), directed);
    CHECK(core_number(g) == ref_core(g));
  }
  // a 4-clique with a pendant: 3, 3, 3, 3, 1
  auto g = make(5, false, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}});
  CHECK(core_number(g) == std::vector<double>{3, 3, 3, 3, 1});
}
