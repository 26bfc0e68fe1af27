// Path-based centralities: differential tests against simple serial reference
// implementations (networkx's algorithms transcribed with predecessor lists),
// thread-count agreement, the approximation's guarantee and cancellation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <queue>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include <ringleader/centrality/betweenness.hpp>
#include <ringleader/centrality/closeness.hpp>
#include <ringleader/graph/builder.hpp>

#include "../support/close.hpp"

namespace {

using namespace ringleader;
using namespace ringleader::centrality;
using rltest::require_close;

// ---------------------------------------------------------------------------
// Serial references.

struct RefSearch {
  std::vector<vertex_t> S;               // settle order
  std::vector<std::vector<vertex_t>> P;  // predecessors
  std::vector<std::vector<edge_index_t>> PE;  // edge of each predecessor arc
  std::vector<double> sigma, D;
  std::vector<char> reached;
};

/// networkx's _single_source_shortest_path_basic / _dijkstra_path_basic on
/// the arcs (reverse = in-arcs), self-loops skipped; the equal-distance branch
/// only for vertices not yet settled.
RefSearch ref_search(const CsrGraph& g, vertex_t s, bool weighted, bool reverse) {
  const auto& off = reverse ? g.in_off() : g.out_offsets;
  const auto& adj = reverse ? g.in_src() : g.out_targets;
  const auto& wt = reverse ? g.in_w() : g.out_weights;
  const auto& eid = reverse ? g.in_e() : g.out_edges;
  RefSearch r;
  r.P.assign(g.n, {});
  r.PE.assign(g.n, {});
  r.sigma.assign(g.n, 0.0);
  r.D.assign(g.n, 0.0);
  r.reached.assign(g.n, 0);
  if (!weighted) {
    std::deque<vertex_t> Q{s};
    r.reached[s] = 1;
    r.sigma[s] = 1;
    while (!Q.empty()) {
      vertex_t v = Q.front();
      Q.pop_front();
      r.S.push_back(v);
      for (auto a = off[v]; a < off[v + 1]; ++a) {
        vertex_t w = adj[a];
        if (!r.reached[w]) {
          r.reached[w] = 1;
          r.D[w] = r.D[v] + 1;
          Q.push_back(w);
        }
        if (r.D[w] == r.D[v] + 1) {
          r.sigma[w] += r.sigma[v];
          r.P[w].push_back(v);
          r.PE[w].push_back(eid[a]);
        }
      }
    }
    return r;
  }
  std::map<vertex_t, double> seen{{s, 0.0}};
  std::vector<char> done(g.n, 0);
  // (distance, vertex, counter, predecessor): ties settle by vertex index as in
  // the kernel (networkx uses the insertion counter; with zero distances the
  // settle order decides which ties count).
  using E = std::tuple<double, vertex_t, std::uint64_t, vertex_t>;
  std::priority_queue<E, std::vector<E>, std::greater<E>> Q;
  std::uint64_t c = 0;
  Q.push({0.0, s, c++, s});
  r.sigma[s] = 1.0;
  bool first = true;
  while (!Q.empty()) {
    auto [dist, v, cnt, pred] = Q.top();
    (void)cnt;
    Q.pop();
    if (done[v]) continue;
    if (!first) r.sigma[v] += r.sigma[pred];
    first = false;
    done[v] = 1;
    r.reached[v] = 1;
    r.S.push_back(v);
    r.D[v] = dist;
    for (auto a = off[v]; a < off[v + 1]; ++a) {
      vertex_t w = adj[a];
      if (w == v) continue;
      double vw = dist + wt[a];
      auto it = seen.find(w);
      if (!done[w] && (it == seen.end() || vw < it->second)) {
        seen[w] = vw;
        Q.push({vw, w, c++, v});
        r.sigma[w] = 0.0;
        r.P[w] = {v};
        r.PE[w] = {eid[a]};
      } else if (!done[w] && it != seen.end() && vw == it->second) {
        r.sigma[w] += r.sigma[v];
        r.P[w].push_back(v);
        r.PE[w].push_back(eid[a]);
      }
    }
  }
  return r;
}

void ref_rescale(std::vector<double>& b, double n, bool normalized, bool directed, bool endpoints,
                 const std::vector<vertex_t>* sampled) {
  double N = endpoints ? n : n - 1;
  if (N < 2) return;
  double K = sampled ? double(sampled->size()) : N;
  std::set<vertex_t> src;
  if (sampled) src.insert(sampled->begin(), sampled->end());
  for (std::size_t v = 0; v < b.size(); ++v) {
    double scale;
    double corr = directed ? 1 : 2;
    if (!sampled || endpoints) {
      scale = normalized ? 1 / (K * (N - 1)) : N / (K * corr);
    } else {
      double Ks = src.count(vertex_t(v)) ? K - 1 : K;
      scale = Ks > 0 ? (normalized ? 1 / (Ks * (N - 1)) : N / (Ks * corr)) : std::nan("");
    }
    b[v] *= scale;
  }
}

/// networkx's betweenness_centrality (edges = false) or
/// edge_betweenness_centrality (edges = true) over `sources` (null = all).
std::vector<double> ref_betweenness(const CsrGraph& g, bool weighted, bool normalized, bool endpoints, bool edges,
                                    const std::vector<vertex_t>* sources) {
  std::vector<double> b(edges ? graph::edge_count(g) : g.n, 0.0);
  std::vector<vertex_t> all(g.n);
  for (vertex_t v = 0; v < g.n; ++v) all[v] = v;
  for (vertex_t s : sources ? *sources : all) {
    RefSearch r = ref_search(g, s, weighted, false);
    std::vector<double> delta(g.n, 0.0);
    if (endpoints && !edges) b[s] += double(r.S.size()) - 1;
    for (std::size_t j = r.S.size(); j-- > 0;) {
      vertex_t w = r.S[j];
      double coeff = (1 + delta[w]) / r.sigma[w];
      for (std::size_t i = 0; i < r.P[w].size(); ++i) {
        vertex_t v = r.P[w][i];
        double c = r.sigma[v] * coeff;
        if (edges) b[r.PE[w][i]] += c;
        delta[v] += c;
      }
      if (w != s && !edges) b[w] += endpoints ? delta[w] + 1 : delta[w];
    }
  }
  const bool sampled = sources && sources->size() != g.n;
  ref_rescale(b, g.n, normalized, g.directed, edges || endpoints, sampled ? sources : nullptr);
  return b;
}

std::vector<double> ref_closeness(const CsrGraph& g, bool weighted, bool wf, bool harmonic) {
  std::vector<double> out(g.n, 0.0);
  for (vertex_t u = 0; u < g.n; ++u) {
    RefSearch r = ref_search(g, u, weighted, true);
    double tot = 0, h = 0;
    for (vertex_t v : r.S) {
      tot += r.D[v];
      if (r.D[v] != 0) h += 1 / r.D[v];
    }
    if (harmonic) {
      out[u] = h;
    } else if (tot > 0 && g.n > 1) {
      double reach = double(r.S.size());
      out[u] = (reach - 1) / tot * (wf ? (reach - 1) / double(g.n - 1) : 1.0);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

/// A random simple graph (self-loops allowed, parallel edges not), with
/// isolated vertices and several components.  weights: 0 = all 1, 1 = small
/// integers (many ties), 2 = reals, 3 = small integers and zeros.
CsrGraph random_graph(std::mt19937& rng, vertex_t n, bool directed, int weights, double density) {
  std::set<std::pair<vertex_t, vertex_t>> seen;
  std::vector<vertex_t> src, dst;
  std::vector<double> w;
  std::size_t m = n ? std::size_t(density * n) : 0;
  for (std::size_t i = 0; i < m; ++i) {
    vertex_t a = rng() % n, b = rng() % 7 == 0 ? a : vertex_t(rng() % n);
    if (n > 6 && a < n / 6 && a != b) continue;  // leave a few vertices isolated or sparse
    auto key = directed ? std::make_pair(a, b) : std::make_pair(std::min(a, b), std::max(a, b));
    if (!seen.insert(key).second) continue;
    src.push_back(a);
    dst.push_back(b);
    double x = 1;
    if (weights == 1) x = double(1 + rng() % 3);
    if (weights == 2) x = 0.1 + double(rng() % 100000) / 7919.0;
    if (weights == 3) x = double(rng() % 3);
    w.push_back(x);
  }
  return CsrGraph::build(n, directed, src, dst, &w);
}


}  // namespace

TEST_CASE("path centralities match the serial references on random graphs", "[paths][differential]") {
  std::mt19937 rng(20240611);
  for (int iter = 0; iter < 160; ++iter) {
    const bool directed = iter % 2;
    const int weights = (iter / 2) % 4;
    const bool weighted = weights != 0;
    const vertex_t n = iter < 24 ? vertex_t(iter / 8) : vertex_t(3 + rng() % 45);
    const double density = 0.5 + double(rng() % 40) / 10.0;
    CsrGraph g = random_graph(rng, n, directed, weights, density);
    INFO("iter " << iter << " n " << n << " directed " << directed << " weights " << weights);

    for (bool normalized : {true, false}) {
      for (bool endpoints : {false, true}) {
        BetweennessOptions o;
        o.normalized = normalized;
        o.endpoints = endpoints;
        o.weighted = weighted;
        o.threads = 1 + iter % 2;
        require_close(betweenness(g, o), ref_betweenness(g, weighted, normalized, endpoints, false, nullptr), 1e-12);
        if (n >= 1) {
          o.k = 1 + rng() % n;
          o.seed = rng();
          std::vector<vertex_t> src = sample_sources(n, o.k, o.seed);
          require_close(betweenness(g, o), ref_betweenness(g, weighted, normalized, endpoints, false, &src), 1e-12);
          if (!endpoints)
            require_close(edge_betweenness(g, o), ref_betweenness(g, weighted, normalized, false, true, &src), 1e-12);
          o.k = 0;
        }
      }
      BetweennessOptions o;
      o.normalized = normalized;
      o.weighted = weighted;
      require_close(edge_betweenness(g, o), ref_betweenness(g, weighted, normalized, false, true, nullptr), 1e-12);
    }
    for (bool wf : {true, false}) {
      ClosenessOptions c;
      c.wf_improved = wf;
      c.weighted = weighted;
      c.threads = 2;
      require_close(closeness(g, c), ref_closeness(g, weighted, wf, false), 1e-12);
    }
    ClosenessOptions c;
    c.weighted = weighted;
    require_close(harmonic(g, c), ref_closeness(g, weighted, true, true), 1e-12);
    if (g.n >= 2) {  // sampled: (n / k) * sum over the sampled sources s != u of 1 / d(s, u)
      c.k = g.n / 2;
      c.seed = 17;
      c.threads = 2;
      std::vector<double> ref(g.n, 0.0);
      for (vertex_t s : sample_sources(g.n, c.k, c.seed)) {
        RefSearch r = ref_search(g, s, weighted, false);
        for (vertex_t v : r.S)
          if (v != s && r.D[v] != 0) ref[v] += 1 / r.D[v];
      }
      for (double& x : ref) x *= double(g.n) / double(c.k);
      require_close(harmonic(g, c), ref, 1e-12);
    }
  }
}

TEST_CASE("betweenness matches hand-computed values", "[paths]") {
  // Path 0 - 1 - 2 - 3: betweenness of 1 and 2 is 2 pairs / 3 pairs.
  CsrGraph g = CsrGraph::build(4, false, {0, 1, 2}, {1, 2, 3}, nullptr);
  auto b = betweenness(g);
  REQUIRE(b[0] == 0.0);
  REQUIRE(b[1] == Approx(2.0 / 3.0));
  REQUIRE(b[2] == Approx(2.0 / 3.0));
  BetweennessOptions raw;
  raw.normalized = false;
  REQUIRE(betweenness(g, raw)[1] == Approx(2.0));
  auto e = edge_betweenness(g);  // (n choose 2) = 6 pairs... networkx: raw / (n (n - 1)) * 2 for undirected
  REQUIRE(e[1] == Approx(4.0 / 6.0));
  // Closeness of an end of the path: 3 / (1 + 2 + 3).
  REQUIRE(closeness(g)[0] == Approx(0.5));
  REQUIRE(harmonic(g)[0] == Approx(1 + 0.5 + 1.0 / 3));
  // Weighted: the detour 0-2-1 (1 + 1) beats the direct edge 0-1 (3).
  std::vector<double> w{3, 1, 1};
  CsrGraph t = CsrGraph::build(3, false, {0, 0, 2}, {1, 2, 1}, &w);
  BetweennessOptions wo;
  wo.weighted = true;
  wo.normalized = false;
  auto bw = betweenness(t, wo);
  REQUIRE(bw[2] == Approx(1.0));
  REQUIRE(bw[0] == 0.0);
}

TEST_CASE("negative and NaN distances are refused", "[paths]") {
  for (double bad : {-1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    std::vector<double> w{1.0, bad};
    CsrGraph g = CsrGraph::build(3, false, {0, 1}, {1, 2}, &w);
    BetweennessOptions o;
    o.weighted = true;
    REQUIRE_THROWS_AS(betweenness(g, o), InvalidArgument);
    REQUIRE_THROWS_WITH(betweenness(g, o), Catch::Contains("distance_from_strength"));
    REQUIRE_THROWS_AS(edge_betweenness(g, o), InvalidArgument);
    ClosenessOptions c;
    c.weighted = true;
    REQUIRE_THROWS_AS(closeness(g, c), InvalidArgument);
    REQUIRE_THROWS_AS(harmonic(g, c), InvalidArgument);
    BetweennessApproxOptions a;
    a.weighted = true;
    REQUIRE_THROWS_AS(betweenness_approx(g, a), InvalidArgument);
    o.weighted = false;  // unweighted ignores the weights
    REQUIRE_NOTHROW(betweenness(g, o));
  }
  CsrGraph g = CsrGraph::build(3, false, {0, 1}, {1, 2}, nullptr);
  BetweennessOptions o;
  o.k = 4;
  REQUIRE_THROWS_AS(betweenness(g, o), InvalidArgument);
}

TEST_CASE("1 and 2 threads agree; sampled results do not depend on the thread count", "[paths][threads]") {
  std::mt19937 rng(7);
  for (int weights : {0, 2}) {
    for (bool directed : {false, true}) {
      CsrGraph g = random_graph(rng, 600, directed, weights, 4.0);
      BetweennessOptions o1, o2;
      o1.weighted = o2.weighted = weights != 0;
      o1.threads = 1;
      o2.threads = 2;
      require_close(betweenness(g, o1), betweenness(g, o2), 1e-12);
      require_close(edge_betweenness(g, o1), edge_betweenness(g, o2), 1e-12);
      o1.k = o2.k = 50;
      o1.seed = o2.seed = 99;
      require_close(betweenness(g, o1), betweenness(g, o2), 1e-12);
      ClosenessOptions c1, c2;
      c1.weighted = c2.weighted = weights != 0;
      c1.threads = 1;
      c2.threads = 2;
      REQUIRE(closeness(g, c1) == closeness(g, c2));
      REQUIRE(harmonic(g, c1) == harmonic(g, c2));
      BetweennessApproxOptions a1, a2;
      a1.weighted = a2.weighted = weights != 0;
      a1.epsilon = a2.epsilon = 0.1;
      a1.seed = a2.seed = 5;
      a1.exact_when_cheaper = a2.exact_when_cheaper = false;
      a1.threads = 1;
      a2.threads = 2;
      auto r1 = betweenness_approx(g, a1), r2 = betweenness_approx(g, a2);
      REQUIRE(r1.samples > 0);
      REQUIRE(r1.values == r2.values);  // integer counts: bitwise equal
    }
  }
}

TEST_CASE("approximate betweenness keeps its guarantee", "[paths][approx]") {
  std::mt19937 rng(11);
  for (int weights : {0, 1}) {
    for (bool directed : {false, true}) {
      CsrGraph g = random_graph(rng, 300, directed, weights, 3.0);
      BetweennessOptions o;
      o.weighted = weights != 0;
      auto exact = betweenness(g, o);
      BetweennessApproxOptions a;
      a.weighted = o.weighted;
      a.epsilon = 0.05;
      a.delta = 0.1;
      a.exact_when_cheaper = false;
      int failures = 0;
      const int runs = 20;
      for (int s = 0; s < runs; ++s) {
        a.seed = std::uint64_t(s);
        auto r = betweenness_approx(g, a);
        REQUIRE(r.vertex_diameter >= 3);
        REQUIRE(r.samples == rk_sample_size(a.epsilon * 298.0 / 300.0, a.delta, r.vertex_diameter));
        double err = 0;
        for (vertex_t v = 0; v < g.n; ++v) err = std::max(err, std::abs(r.values[v] - exact[v]));
        if (err > a.epsilon) ++failures;
      }
      REQUIRE(double(failures) / runs <= a.delta);
      a.exact_when_cheaper = true;
      a.epsilon = 0.01;  // r > n: exact values
      auto r = betweenness_approx(g, a);
      REQUIRE(r.exact);
      require_close(r.values, exact, 1e-12);
    }
  }
  // Vertex diameter bounds: a path of 10 vertices.
  std::vector<vertex_t> s, t;
  for (vertex_t v = 0; v + 1 < 10; ++v) {
    s.push_back(v);
    t.push_back(v + 1);
  }
  CsrGraph path = CsrGraph::build(10, false, s, t, nullptr);
  REQUIRE(centrality::detail::exact_vertex_diameter<false>(path, 2) == 10);
  REQUIRE(centrality::detail::exact_vertex_diameter<true>(path, 2) == 10);
  REQUIRE(centrality::detail::largest_weak_component(path) == 10);
}

TEST_CASE("a progress callback returning false cancels promptly", "[paths][cancel]") {
  std::mt19937 rng(3);
  CsrGraph g = random_graph(rng, 4000, false, 0, 6.0);
  for (int which = 0; which < 4; ++which) {
    std::atomic<int> calls{0};
    std::uint64_t last_done = 0, total = 0;
    Progress p(
        [&](std::uint64_t done, std::uint64_t tot) {
          last_done = done;
          total = tot;
          return ++calls < 3;
        },
        std::chrono::milliseconds(0));
    auto t0 = std::chrono::steady_clock::now();
    if (which == 0) {
      BetweennessOptions o;
      o.threads = 2;
      o.progress = &p;
      REQUIRE_THROWS_AS(betweenness(g, o), Cancelled);
    } else if (which == 1) {
      BetweennessOptions o;
      o.threads = 2;
      o.progress = &p;
      REQUIRE_THROWS_AS(edge_betweenness(g, o), Cancelled);
    } else if (which == 2) {
      ClosenessOptions c;
      c.threads = 2;
      c.progress = &p;
      REQUIRE_THROWS_AS(closeness(g, c), Cancelled);
    } else {
      BetweennessApproxOptions a;
      a.threads = 2;
      a.progress = &p;
      a.exact_when_cheaper = false;
      REQUIRE_THROWS_AS(betweenness_approx(g, a), Cancelled);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(calls == 3);
    REQUIRE(total > 100);
    REQUIRE(last_done < total / 10);
    REQUIRE(secs < 1.0);
  }
}

TEST_CASE("bidirectional path sampling draws shortest paths uniformly", "[paths][approx]") {
  using namespace ringleader;
  using namespace ringleader::centrality;
  // A graph with several shortest paths of unequal multiplicity between 0 and
  // 5: 0-1-3-5, 0-2-3-5, 0-2-4-5 (3 paths; 2 and 3 each on two of them).
  for (bool directed : {false, true}) {
    NetworkBuilder b(directed);
    for (int i = 0; i < 6; ++i) b.add_node(std::to_string(i));
    for (auto [x, y] : std::vector<std::pair<int, int>>{{0, 1}, {0, 2}, {1, 3}, {2, 3}, {2, 4}, {3, 5}, {4, 5}})
      b.add_edge(vertex_t(x), vertex_t(y));
    Network net = b.finish();
    const CsrGraph& g = *net.csr();
    centrality::detail::BidirectionalSampler bs(g.n);
    std::vector<double> count(g.n, 0.0);
    const int trials = 60000;
    for (int i = 0; i < trials; ++i) {
      SplitMix64 rng{std::uint64_t(i) * 7919 + 1};
      bs.sample(graph::out_arcs(g), graph::in_arcs(g), 0, 5, rng, count);
    }
    CHECK(count[0] == 0);
    CHECK(count[5] == 0);
    CHECK(count[1] / trials == Approx(1.0 / 3).margin(0.01));
    CHECK(count[2] / trials == Approx(2.0 / 3).margin(0.01));
    CHECK(count[3] / trials == Approx(2.0 / 3).margin(0.01));
    CHECK(count[4] / trials == Approx(1.0 / 3).margin(0.01));
    std::fill(count.begin(), count.end(), 0.0);
    SplitMix64 rng{3};
    bs.sample(graph::out_arcs(g), graph::in_arcs(g), 5, 0, rng, count);
    double total = 0;
    for (double c : count) total += c;
    CHECK(total == (directed ? 0 : 2));  // unreachable when directed
  }
}

TEST_CASE("bidirectional and one-sided sampling agree in distribution", "[paths][approx]") {
  using namespace ringleader;
  using namespace ringleader::centrality;
  std::mt19937 rng(5);
  NetworkBuilder b(false);
  const int n = 300;
  for (int i = 0; i < n; ++i) b.add_node(std::to_string(i));
  for (int e = 0; e < 900; ++e) b.add_edge(vertex_t(rng() % n), vertex_t(rng() % n));
  Network net = b.finish().collapse();
  const CsrGraph& g = *net.csr();
  BetweennessOptions eo;
  auto exact = betweenness(g, eo);
  for (bool bidi : {true, false}) {
    BetweennessApproxOptions o;
    o.epsilon = 0.02;
    o.delta = 0.1;
    o.seed = 11;
    o.bidirectional = bidi;
    o.exact_when_cheaper = false;
    auto a = betweenness_approx(g, o);
    double worst = 0;
    for (int v = 0; v < n; ++v) worst = std::max(worst, std::fabs(a.values[std::size_t(v)] - exact[std::size_t(v)]));
    CHECK(worst < 0.02);
  }
}
