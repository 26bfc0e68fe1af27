// ringleader/centrality/betweenness.hpp - shortest-path betweenness: exact
// (Brandes), with sampled sources, per edge, and an approximation with a
// guarantee (Riondato & Kornaropoulos).
//
// Conventions (networkx's betweenness_centrality, edge_betweenness_centrality
// and their _rescale, networkx >= 3.5): on a simple graph, the raw
// betweenness of v sums, over ordered pairs (s, t) of distinct vertices with
// v not in {s, t}, the share of shortest s-t paths through v.  `endpoints` also counts v as the source or
// the target of its own paths.  Rescaling, with N = n - 1 (n with endpoints)
// and K = N (or k when k sources are sampled): nothing when N < 2; normalized:
// 1 / (K (N - 1)); otherwise N / (K c), c = 2 for undirected graphs (each
// unordered pair is counted once), 1 for directed ones.  With k sampled
// sources and without endpoints, sampled vertices use K - 1 instead of K (NaN
// when k = 1), exactly as networkx.  Edge betweenness uses n, K = n or k.
//
// Weights (`weighted`) are distances (Dijkstra); negative, NaN or infinite
// distances are refused (convert strengths with rl.distance_from_strength);
// zero distances are allowed (see graph/sssp.hpp for how ties are counted).
// Self-loops are ignored.  Unreached pairs contribute nothing, so
// disconnected graphs need no special case.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Shortest (graph/view.hpp): parallel edges of any type are
// merged keeping the smallest weight, because a shortest path takes the
// shortest of them; opt.weight names the edge column of the distances ("" =
// hop counts).  The CsrGraph overloads read the arcs as given.
//
// Complexity: O(n m) unweighted, O(n m log n) weighted (O(k m ...) with k
// sources); O(n + m) memory per thread.  Parallel over sources, dealt to the
// threads round-robin; per-thread partial sums are combined in thread order,
// so results are reproducible for a thread count and different thread counts
// agree to rounding (1e-15 relative).
//
// References: Brandes, U. (2001). A faster algorithm for betweenness
// centrality. J. Math. Sociol. 25(2):163-177.  Brandes, U. (2008). On
// variants of shortest-path betweenness centrality and their generic
// computation. Social Networks 30(2):136-145.  Riondato, M. and
// Kornaropoulos, E. M. (2016). Fast approximation of betweenness centrality
// through sampling. Data Min. Knowl. Disc. 30(2):438-475.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "ringleader/centrality/sources.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/graph/components.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/sssp.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::centrality {

struct BetweennessOptions {
  bool normalized = true;
  bool endpoints = false;  ///< node betweenness only
  bool weighted = false;   ///< arc weights are distances (Dijkstra); else hop counts (BFS)
  /// On a Network: the edge column read as distances ("" = hop counts, or
  /// "weight" when `weighted` is set); the CsrGraph overloads read `weighted`.
  std::string weight;
  /// 0 = every vertex is a source (exact); otherwise k sources sampled with
  /// sample_sources(n, k, seed) and networkx's rescaling.
  std::size_t k = 0;
  std::uint64_t seed = 0;
  int threads = 0;  ///< 0 = OpenMP default
  Progress* progress = nullptr;
};

namespace detail {

/// networkx's _rescale, applied in place.  `sampled` (may be null) marks the
/// sampled sources; `k` their number (0 = all sources).
inline void rescale(std::vector<double>& b, vertex_t n, bool normalized, bool directed, bool endpoints,
                    std::size_t k, const std::vector<char>* sampled) {
  const double N = endpoints ? double(n) : double(n) - 1.0;
  if (N < 2) return;
  const double K = k == 0 ? N : double(k);
  const double correction = directed ? 1.0 : 2.0;
  if (k == 0 || endpoints) {
    const double scale = normalized ? 1.0 / (K * (N - 1)) : N / (K * correction);
    if (scale != 1.0)
      for (double& x : b) x *= scale;
    return;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double scale_source = normalized ? (K > 1 ? 1.0 / ((K - 1) * (N - 1)) : nan)
                                         : (K > 1 ? N / ((K - 1) * correction) : nan);
  const double scale_nonsource = normalized ? 1.0 / (K * (N - 1)) : N / (K * correction);
  for (std::size_t v = 0; v < b.size(); ++v) b[v] *= (*sampled)[v] ? scale_source : scale_nonsource;
}

/// Brandes' accumulation summed over `sources` (null = every vertex): per
/// vertex (Edges = false) or per edge-table row (Edges = true).
template <bool Weighted, bool Edges>
std::vector<double> brandes(const CsrGraph& g, const std::vector<vertex_t>* sources, bool endpoints,
                            std::size_t size, int threads, Progress& progress) {
  struct Scratch {
    explicit Scratch(vertex_t n) : sp(n), coef(n, 0.0) {}
    graph::Sssp<Weighted> sp;
    std::vector<double> coef;  ///< (1 + delta[w]) / sigma[w]
  };
  const graph::Arcs out = graph::out_arcs(g);
  const std::int64_t count = sources ? std::int64_t(sources->size()) : std::int64_t(g.n);
  graph::check_search_scratch(g.n, threads, 8, size, "betweenness");
  parallel::Accumulators acc(threads, size);
  std::vector<std::unique_ptr<Scratch>> scratch(acc.count());
  progress.start(std::uint64_t(count));
  parallel::for_each_cyclic(
      count,
      [&](int t, std::int64_t i) {
        if (progress.cancelled()) return;
        auto& sc = scratch[std::size_t(t)];
        if (!sc) sc = std::make_unique<Scratch>(g.n);  // once per thread
        const vertex_t s = sources ? (*sources)[std::size_t(i)] : vertex_t(i);
        auto& sp = sc->sp;
        sp.template run<true>(out, s);
        std::vector<double>& b = acc[t];
        double* coef = sc->coef.data();
        const double* sigma = sp.sigma.data();
        const vertex_t* order = sp.order();
        const std::size_t reached = sp.settled();
        for (std::size_t j = reached; j-- > 0;) {
          const vertex_t v = order[j];
          const double sv = sigma[v];
          double sum = 0.0;
          if constexpr (!Weighted && !Edges) {
            // Branch-free (coef of non-successors holds finite stale values).
            const std::int32_t next = sp.dist[v] + 1;
            const std::int32_t* dist = sp.dist.data();
            for (std::uint64_t a = out.off[v], e = out.off[v + 1]; a < e; ++a) {
              const vertex_t w = out.adj[a];
              const double c = coef[w];
              sum += dist[w] == next ? c : 0.0;
            }
          } else {
            for (std::uint64_t a = out.off[v], e = out.off[v + 1]; a < e; ++a) {
              if (!sp.on_dag(out, v, a)) continue;
              const double c = coef[out.adj[a]];
              if constexpr (Edges) b[out.eid[a]] += sv * c;
              sum += c;
            }
          }
          const double delta = sv * sum;
          coef[v] = (1.0 + delta) / sv;
          if constexpr (!Edges) {
            if (v != s) b[v] += endpoints ? delta + 1.0 : delta;
          }
        }
        if constexpr (!Edges) {
          if (endpoints) b[s] += double(reached - 1);
        }
        progress.advance();
      },
      threads);
  progress.check();
  return acc.sum();
}

}  // namespace detail

namespace detail {
/// The k sampled sources of `opt` into `sources`; returns k, or 0 when every
/// vertex is a source (k = 0, or k = n, which networkx treats the same).
inline std::size_t source_sample(vertex_t n, const BetweennessOptions& opt, std::vector<vertex_t>& sources) {
  if (opt.k == 0) return 0;
  sources = sample_sources(n, opt.k, opt.seed);
  return opt.k == n ? 0 : opt.k;
}
inline std::size_t source_sample(const CsrGraph& g, const BetweennessOptions& opt, std::vector<vertex_t>& sources) {
  return source_sample(g.n, opt, sources);
}
/// Brandes' sums over `sources` (null = every vertex), unscaled.
inline std::vector<double> betweenness_sums(const CsrGraph& g, const std::vector<vertex_t>* sources,
                                            const BetweennessOptions& opt, Progress& progress) {
  return opt.weighted ? brandes<true, false>(g, sources, opt.endpoints, g.n, opt.threads, progress)
                      : brandes<false, false>(g, sources, opt.endpoints, g.n, opt.threads, progress);
}
}  // namespace detail

// ---------------------------------------------------------------------------
// Partial betweenness: the work split by sources, for distributed runs (Dask
// workers, MPI ranks).  betweenness(g, opt) is exactly
//   raw = betweenness_partial(g, betweenness_sources(g.n, opt), opt);
//   betweenness_finalize(raw, g.n, g.directed, opt);
// and the sums of betweenness_partial over any split of
// betweenness_sources(g.n, opt) into blocks add up to `raw` (to rounding:
// only the order of the additions differs), so
//   raw = sum over blocks B of betweenness_partial(g, B, opt)
// followed by betweenness_finalize gives the single-machine result.

/// The sources a betweenness run searches from: every vertex (opt.k = 0 or
/// n), or the k sampled with sample_sources(n, k, seed) (draw them once, then
/// split them; never sample per block).
inline std::vector<vertex_t> betweenness_sources(vertex_t n, const BetweennessOptions& opt) {
  std::vector<vertex_t> sources;
  if (detail::source_sample(n, opt, sources) == 0) {
    sources.resize(n);
    std::iota(sources.begin(), sources.end(), vertex_t(0));
  }
  return sources;
}

/// Brandes' unscaled sums of every vertex over the searches from `sources`
/// (opt.normalized, opt.k and opt.seed are not used here: see
/// betweenness_finalize).  Parallel over the sources; cancellable through
/// opt.progress.  O(|sources| m) unweighted.
inline std::vector<double> betweenness_partial(const CsrGraph& g, const std::vector<vertex_t>& sources,
                                               const BetweennessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) graph::check_distances(g, "betweenness");
  for (vertex_t s : sources)
    if (s >= g.n)
      throw InvalidArgument("betweenness_partial: source " + std::to_string(s) + " is not a vertex (n = " +
                            std::to_string(g.n) + ")");
  std::vector<double> b = detail::betweenness_sums(g, &sources, opt, progress);
  progress.finish();
  return b;
}

namespace detail {
inline void check_sums(const std::vector<double>& raw, vertex_t n) {
  if (raw.size() != n)
    throw InvalidArgument("betweenness_finalize: " + std::to_string(raw.size()) + " sums for " + std::to_string(n) +
                          " vertices");
}
}  // namespace detail

/// Rescales sums over the searches from `sampled` (sources drawn elsewhere,
/// e.g. networkx's own sample) in place as networkx's _rescale does with
/// those sampled nodes: k = sampled.size(), and without endpoints the listed
/// vertices get the source scale; opt.k and opt.seed are not used.
inline void betweenness_finalize(std::vector<double>& raw, vertex_t n, bool directed, const BetweennessOptions& opt,
                                 const std::vector<vertex_t>& sampled) {
  detail::check_sums(raw, n);
  if (sampled.empty()) throw InvalidArgument("betweenness_finalize: no sampled sources (networkx divides by zero)");
  std::vector<char> mark(n, 0);
  for (vertex_t s : sampled) {
    if (s >= n)
      throw InvalidArgument("betweenness_finalize: source " + std::to_string(s) + " is not a vertex (n = " +
                            std::to_string(n) + ")");
    mark[s] = 1;
  }
  detail::rescale(raw, n, opt.normalized, directed, opt.endpoints, sampled.size(), &mark);
}

/// Rescales the summed partial sums (size n) in place as betweenness() does
/// (networkx's _rescale; with opt.k, the sampled sources of opt.seed get
/// their own scale).
inline void betweenness_finalize(std::vector<double>& raw, vertex_t n, bool directed, const BetweennessOptions& opt) {
  detail::check_sums(raw, n);
  std::vector<vertex_t> sources;
  if (detail::source_sample(n, opt, sources)) return betweenness_finalize(raw, n, directed, opt, sources);
  detail::rescale(raw, n, opt.normalized, directed, opt.endpoints, 0, nullptr);
}

/// Betweenness of every vertex (networkx's betweenness_centrality).
inline std::vector<double> betweenness(const CsrGraph& g, const BetweennessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) graph::check_distances(g, "betweenness");
  std::vector<vertex_t> sources;
  const std::size_t k = detail::source_sample(g, opt, sources);
  std::vector<double> b = detail::betweenness_sums(g, k ? &sources : nullptr, opt, progress);
  betweenness_finalize(b, g.n, g.directed, opt);
  progress.finish();
  return b;
}

/// Betweenness of every edge of the edge table the graph was built from
/// (networkx's edge_betweenness_centrality: endpoints never count, rescaled
/// with n; self-loops get 0).  `endpoints` is ignored.
inline std::vector<double> edge_betweenness(const CsrGraph& g, const BetweennessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) graph::check_distances(g, "edge_betweenness");
  std::vector<vertex_t> sources;
  const std::size_t k = detail::source_sample(g, opt, sources);
  const std::vector<vertex_t>* src = k ? &sources : nullptr;
  const std::size_t m = graph::edge_count(g);
  std::vector<double> b = opt.weighted ? detail::brandes<true, true>(g, src, false, m, opt.threads, progress)
                                       : detail::brandes<false, true>(g, src, false, m, opt.threads, progress);
  detail::rescale(b, g.n, opt.normalized, g.directed, true, k, nullptr);
  progress.finish();
  return b;
}

// ---------------------------------------------------------------------------
// Approximation with a guarantee (Riondato & Kornaropoulos 2016).

struct BetweennessApproxOptions {
  double epsilon = 0.01;  ///< additive error bound on the normalized betweenness
  double delta = 0.1;     ///< failure probability
  bool weighted = false;
  std::string weight;     ///< on a Network: as BetweennessOptions::weight
  std::uint64_t seed = 0;
  /// Compute the exact values instead when that takes fewer searches (n <= r).
  bool exact_when_cheaper = true;
  /// Unweighted graphs: sample paths by balanced bidirectional BFS (same
  /// distribution, much less work); false uses a one-sided search.
  bool bidirectional = true;
  int threads = 0;
  Progress* progress = nullptr;
};

struct BetweennessApprox {
  std::vector<double> values;       ///< estimates of the normalized betweenness
  std::uint64_t samples = 0;        ///< r (0 when the exact values were computed)
  std::uint64_t vertex_diameter = 0;  ///< the bound VD used
  bool exact = false;               ///< values are exact
};

namespace detail {

/// Weak components: the size of the largest one.
inline std::uint64_t largest_weak_component(const CsrGraph& g) {
  vertex_t count = 0;
  const std::vector<vertex_t> label = graph::weak_components(g, &count);
  const std::vector<std::uint64_t> size = graph::component_sizes(label, count);
  return size.empty() ? 0 : *std::max_element(size.begin(), size.end());
}

/// One Riondato-Kornaropoulos sample on an unweighted graph by balanced
/// bidirectional BFS (as KADABRA does): levels are expanded from u (out-arcs)
/// and from v (in-arcs), always on the side whose frontier has fewer arcs,
/// until a new level meets the other side's explored ball.  With radii dF and
/// dB reached, the balls are disjoint, so d(u, v) >= dF + dB + 1; the first
/// level dF + 1 that meets the other ball therefore meets it exactly at its
/// last level dB, every shortest path crosses that level once, and
/// sigma(u, v) = sum over the meeting vertices y of sigmaF(y) sigmaB(y).  A
/// uniformly random shortest path: y with probability sigmaF(y) sigmaB(y) /
/// sigma(u, v), then predecessors back to u and successors on to v, each
/// with probability proportional to its path count.  Searches touch about
/// the square root of what a one-sided search does on small-world graphs.
class BidirectionalSampler {
 public:
  explicit BidirectionalSampler(vertex_t n)
      : dist_{std::vector<std::int32_t>(n, -1), std::vector<std::int32_t>(n, -1)},
        sigma_{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)} {}

  /// Adds 1 to count[x] for each interior vertex x of a uniformly random
  /// shortest u-v path (nothing when v is unreachable from u).
  void sample(const graph::Arcs& out, const graph::Arcs& in, vertex_t u, vertex_t v, SplitMix64& rng,
              std::vector<double>& count) {
    reset();
    const graph::Arcs* arcs[2] = {&out, &in};  // side 0 searches from u, side 1 towards v
    start(0, u);
    start(1, v);
    std::int32_t level[2] = {0, 0};
    met_.clear();
    while (!frontier_[0].empty() && !frontier_[1].empty()) {
      const int side = work(0, *arcs[0]) <= work(1, *arcs[1]) ? 0 : 1;
      expand(side, *arcs[side], level[side]);
      ++level[side];
      for (vertex_t y : frontier_[side])
        if (dist_[1 - side][y] >= 0) met_.push_back(y);
      if (!met_.empty()) break;
    }
    if (met_.empty()) return;
    double total = 0;
    for (vertex_t y : met_) total += sigma_[0][y] * sigma_[1][y];
    double x = rng.uniform01() * total;
    vertex_t y = met_.back();
    for (vertex_t c : met_) {
      x -= sigma_[0][c] * sigma_[1][c];
      if (x < 0) {
        y = c;
        break;
      }
    }
    if (y != u && y != v) count[y] += 1.0;
    walk(0, in, y, u, rng, count);   // predecessors on the u side (in-arcs)
    walk(1, out, y, v, rng, count);  // successors on the v side (out-arcs)
  }

 private:
  void start(int side, vertex_t s) {
    dist_[side][s] = 0;
    sigma_[side][s] = 1.0;
    touched_[side].push_back(s);
    frontier_[side].assign(1, s);
  }
  std::uint64_t work(int side, const graph::Arcs& a) const {
    std::uint64_t w = 0;
    for (vertex_t x : frontier_[side]) w += a.off[x + 1] - a.off[x];
    return w;
  }
  void expand(int side, const graph::Arcs& a, std::int32_t d) {
    auto& dist = dist_[side];
    auto& sigma = sigma_[side];
    next_.clear();
    for (vertex_t x : frontier_[side]) {
      const double sx = sigma[x];
      for (std::uint64_t k = a.off[x]; k < a.off[x + 1]; ++k) {
        const vertex_t y = a.adj[k];
        if (dist[y] < 0) {
          dist[y] = d + 1;
          touched_[side].push_back(y);
          next_.push_back(y);
        }
        if (dist[y] == d + 1) sigma[y] += sx;
      }
    }
    frontier_[side].swap(next_);
  }
  /// From y towards the search root of `side` over `arcs` (in-arcs for the
  /// u side, out-arcs for the v side), counting interior vertices.
  void walk(int side, const graph::Arcs& arcs, vertex_t y, vertex_t root, SplitMix64& rng,
            std::vector<double>& count) {
    const auto& dist = dist_[side];
    const auto& sigma = sigma_[side];
    vertex_t w = y;
    while (w != root) {
      const std::int32_t want = dist[w] - 1;
      double x = rng.uniform01() * sigma[w];
      vertex_t pick = graph::no_vertex;
      for (std::uint64_t k = arcs.off[w]; k < arcs.off[w + 1]; ++k) {
        const vertex_t p = arcs.adj[k];
        if (dist[p] != want) continue;
        pick = p;
        x -= sigma[p];
        if (x < 0) break;
      }
      if (pick == root || pick == graph::no_vertex) break;
      count[pick] += 1.0;
      w = pick;
    }
  }
  void reset() {
    for (int side = 0; side < 2; ++side) {
      for (vertex_t x : touched_[side]) {
        dist_[side][x] = -1;
        sigma_[side][x] = 0.0;
      }
      touched_[side].clear();
    }
  }

  std::vector<std::int32_t> dist_[2];
  std::vector<double> sigma_[2];
  std::vector<vertex_t> touched_[2], frontier_[2];
  std::vector<vertex_t> next_, met_;
};

/// Exact vertex diameter: the most vertices on a shortest path (over the
/// shortest-path DAGs of every source).
template <bool Weighted>
std::uint64_t exact_vertex_diameter(const CsrGraph& g, int threads) {
  const graph::Arcs out = graph::out_arcs(g), in = graph::in_arcs(g);
  const int nt = parallel::threads(threads);
  graph::check_search_scratch(g.n, threads, 4, 0, "the vertex diameter");
  std::vector<std::uint64_t> best(static_cast<std::size_t>(nt), 0);
  std::vector<std::unique_ptr<graph::Sssp<Weighted>>> scratch(static_cast<std::size_t>(nt));
  std::vector<std::vector<std::uint32_t>> hops(static_cast<std::size_t>(nt));
  parallel::for_each_dynamic(
      g.n,
      [&](int t, std::int64_t i) {
        auto& sp = scratch[std::size_t(t)];
        if (!sp) {
          sp = std::make_unique<graph::Sssp<Weighted>>(g.n);
          hops[std::size_t(t)].assign(g.n, 0);
        }
        sp->template run<false>(out, vertex_t(i));
        auto& h = hops[std::size_t(t)];
        std::uint64_t most = 1;
        for (std::size_t j = 0; j < sp->settled(); ++j) {
          const vertex_t w = sp->order()[j];
          std::uint32_t hw = 1;
          if (j > 0) {
            for (std::uint64_t a = in.off[w]; a < in.off[w + 1]; ++a)
              if (sp->is_pred(in, w, a)) hw = std::max(hw, h[in.adj[a]] + 1);
          }
          h[w] = hw;
          most = std::max<std::uint64_t>(most, hw);
        }
        best[std::size_t(t)] = std::max(best[std::size_t(t)], most);
      },
      threads);
  return g.n ? *std::max_element(best.begin(), best.end()) : 0;
}

/// Upper bound on the vertex diameter VD (vertices on a longest shortest
/// path): exact for small graphs; for large undirected unweighted graphs,
/// per component min(2 ecc(x) + 1, size) with x its first vertex; otherwise
/// the size of the largest weak component.
inline std::uint64_t vertex_diameter_bound(const CsrGraph& g, bool weighted, int threads) {
  if (double(g.n) * (double(g.n) + double(g.num_arcs())) <= 5e7)
    return weighted ? exact_vertex_diameter<true>(g, threads) : exact_vertex_diameter<false>(g, threads);
  if (weighted || g.directed) return largest_weak_component(g);
  std::vector<std::int32_t> dist(g.n, -1);
  std::vector<vertex_t> queue(g.n);
  const graph::Arcs out = graph::out_arcs(g);
  std::uint64_t best = 0;
  for (vertex_t r = 0; r < g.n; ++r) {
    if (dist[r] >= 0) continue;  // in a component already searched
    std::size_t head = 0, tail = 0;
    queue[tail++] = r;
    dist[r] = 0;
    while (head < tail) {
      const vertex_t v = queue[head++];
      for (std::uint64_t a = out.off[v]; a < out.off[v + 1]; ++a) {
        const vertex_t w = out.adj[a];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
      }
    }
    const std::uint64_t ecc = std::uint64_t(dist[queue[tail - 1]]);
    best = std::max<std::uint64_t>(best, std::min<std::uint64_t>(2 * ecc + 1, tail));
  }
  return best;
}

}  // namespace detail

/// Sample size of Riondato & Kornaropoulos: r = ceil((c / eps^2)
/// (floor(log2(VD - 2)) + 1 + ln(1 / delta))), c = 0.5.
inline std::uint64_t rk_sample_size(double epsilon, double delta, std::uint64_t vd) {
  if (vd < 3) return 0;
  const double c = 0.5;
  return std::uint64_t(
      std::ceil(c / (epsilon * epsilon) * (std::floor(std::log2(double(vd - 2))) + 1.0 + std::log(1.0 / delta))));
}

/// Approximate normalized betweenness (networkx's normalized values,
/// endpoints excluded) with the guarantee of Riondato & Kornaropoulos: with
/// probability at least 1 - delta, every vertex's estimate is within epsilon
/// of its normalized betweenness.
///
/// RK estimate b(v) = (1 / (n (n - 1))) sum over ordered pairs of the share
/// of shortest paths through v; networkx normalizes the same sum by
/// (n - 1)(n - 2), i.e. multiplies it by n / (n - 2).  So r samples are drawn
/// for epsilon' = epsilon (n - 2) / n and the estimates are multiplied by
/// n / (n - 2).  Each sample: an ordered pair (u, v), u != v, uniformly at
/// random; if v is reachable from u, a shortest u-v path chosen uniformly at
/// random, found by a balanced bidirectional BFS on unweighted graphs
/// (detail::BidirectionalSampler) or by a Dijkstra search from u stopped once
/// v is settled, walking back from v (each predecessor p of w with
/// probability sigma(p) / sigma(w)); each interior vertex gets one count.  Sample i uses its own generator seeded from
/// (seed, i), and counts are integers, so the result is the same for every
/// thread count.  Cost: r searches stopped at the target (r does not grow
/// with n, only with log VD); bidirectional ones touch far fewer arcs.
inline BetweennessApprox betweenness_approx(const CsrGraph& g, const BetweennessApproxOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (!(opt.epsilon > 0 && opt.epsilon < 1))
    throw InvalidArgument("epsilon must be in (0, 1), e.g. 0.01 (smaller is more accurate and slower)");
  if (!(opt.delta > 0 && opt.delta < 1))
    throw InvalidArgument("delta must be in (0, 1), e.g. 0.1 (the probability that the bound fails)");
  if (opt.weighted) graph::check_distances(g, "betweenness_approx");
  BetweennessApprox res;
  const vertex_t n = g.n;
  res.values.assign(n, 0.0);
  if (n <= 2) {
    res.exact = true;
    return res;
  }
  res.vertex_diameter = detail::vertex_diameter_bound(g, opt.weighted, opt.threads);
  const double eps = opt.epsilon * double(n - 2) / double(n);
  const std::uint64_t r = rk_sample_size(eps, opt.delta, res.vertex_diameter);
  if (r == 0) {  // no shortest path has an interior vertex
    res.exact = true;
    return res;
  }
  if (opt.exact_when_cheaper && r >= n) {
    BetweennessOptions bo;
    bo.weighted = opt.weighted;
    bo.threads = opt.threads;
    bo.progress = &progress;
    res.values = betweenness(g, bo);
    res.exact = true;
    return res;
  }
  res.samples = r;
  auto run = [&](auto weighted_tag) {
    constexpr bool Weighted = decltype(weighted_tag)::value;
    const graph::Arcs out = graph::out_arcs(g), in = graph::in_arcs(g);
    graph::check_search_scratch(n, opt.threads, 16, n, "sampled betweenness");
    parallel::Accumulators acc(opt.threads, n);
    std::vector<std::unique_ptr<graph::Sssp<Weighted>>> scratch(acc.count());
    std::vector<std::unique_ptr<detail::BidirectionalSampler>> bidi(acc.count());
    progress.start(r);
    parallel::for_each_cyclic(
        std::int64_t(r),
        [&](int t, std::int64_t i) {
          if (progress.cancelled()) return;
          SplitMix64 rng{opt.seed ^ (0xD1B54A32D192ED03ULL * (std::uint64_t(i) + 1))};
          const vertex_t u = vertex_t(uniform_below(rng, n));
          vertex_t v = vertex_t(uniform_below(rng, n - 1));
          if (v >= u) ++v;
          if constexpr (!Weighted) {
            if (opt.bidirectional) {
              auto& b = bidi[std::size_t(t)];
              if (!b) b = std::make_unique<detail::BidirectionalSampler>(n);
              b->sample(out, in, u, v, rng, acc[t]);
              progress.advance();
              return;
            }
          }
          auto& sp = scratch[std::size_t(t)];
          if (!sp) sp = std::make_unique<graph::Sssp<Weighted>>(n);
          sp->template run<true>(out, u, v);
          if (sp->dist[v] != sp->unreached) {
            std::vector<double>& count = acc[t];
            vertex_t w = v;
            for (;;) {
              double x = rng.uniform01() * sp->sigma[w];
              vertex_t pick = graph::no_vertex;
              for (std::uint64_t a = in.off[w]; a < in.off[w + 1]; ++a) {
                if (!sp->is_pred(in, w, a)) continue;
                pick = in.adj[a];
                x -= sp->sigma[pick];
                if (x < 0) break;
              }
              if (pick == u || pick == graph::no_vertex) break;
              count[pick] += 1.0;
              w = pick;
            }
          }
          progress.advance();
        },
        opt.threads, 16);
    progress.check();
    res.values = acc.sum();
  };
  if (opt.weighted) run(std::true_type{});
  else run(std::false_type{});
  const double scale = double(n) / (double(n - 2) * double(r));
  for (double& x : res.values) x *= scale;
  progress.finish();
  return res;
}

// ---------------------------------------------------------------------------
// On a Network: the simple view of graph::Merge::Shortest (parallel edges of
// any type keep the smallest value of opt.weight; see the top of this file).

/// Betweenness of every vertex of `net`.
inline std::vector<double> betweenness(const Network& net, BetweennessOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return betweenness(g, opt);
}

/// betweenness_partial on `net`'s simple view (the sums over `sources`).
inline std::vector<double> betweenness_partial(const Network& net, const std::vector<vertex_t>& sources,
                                               BetweennessOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return betweenness_partial(g, sources, opt);
}

/// Edge betweenness of `net`: one row per edge of the simple view (each
/// pair of adjacent vertices once, in the view's orientation).
struct EdgeBetweenness {
  std::vector<vertex_t> source, target;
  std::vector<double> values;
};

inline EdgeBetweenness edge_betweenness(const Network& net, BetweennessOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  const EdgeTable& edges = graph::simple_view(net, graph::Merge::Shortest, opt.weight).edges();
  EdgeBetweenness r{edges.source, edges.target, edge_betweenness(g, opt)};
  r.values.resize(edges.size(), 0.0);
  return r;
}

/// betweenness_approx of `net`.
inline BetweennessApprox betweenness_approx(const Network& net, BetweennessApproxOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return betweenness_approx(g, opt);
}

}  // namespace ringleader::centrality
