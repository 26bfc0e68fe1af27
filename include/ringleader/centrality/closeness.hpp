// ringleader/centrality/closeness.hpp - closeness and harmonic centrality.
//
// Conventions (networkx's closeness_centrality and harmonic_centrality), on a
// simple graph.  Both use distances *to* each vertex u, d(v, u) (for directed
// graphs: incoming paths, found by searching the in-arcs; the same as
// outgoing for undirected graphs).  With R(u) the vertices that reach u (u
// included) and T(u) = sum of d(v, u) over R(u):
//   closeness(u) = (|R(u)| - 1) / T(u), times (|R(u)| - 1) / (n - 1) with
//   wf_improved (Wasserman & Faust's scaling for disconnected graphs), and 0
//   when T(u) = 0 or n <= 1;
//   harmonic(u) = sum over v != u reaching u with d(v, u) != 0 of 1 / d(v, u)
//   (not normalised; a zero distance contributes nothing, as in networkx).
// Weights (`weighted`) are distances (Dijkstra): negative, NaN or infinite
// distances are refused (convert strengths with rl.distance_from_strength);
// zero distances are allowed.  Self-loops are ignored.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Shortest (graph/view.hpp), as betweenness does: parallel
// edges of any type keep the smallest value of the column opt.weight ("" =
// hop counts), because a shortest path takes the shortest of them.
//
// Complexity: O(n m) unweighted, O(n m log n) weighted; O(n + m) memory per
// thread; parallel over vertices, each result written once (deterministic).
// Unweighted closeness and exact harmonic search 64 vertices at once
// (bit-parallel multi-source BFS, graph/bfs_sums.hpp; Then et al. 2014),
// which gives the same doubles as one BFS per vertex (opt.bit_parallel =
// false, kept as the verifier).
//
// References: Freeman, L. C. (1979). Centrality in social networks:
// conceptual clarification. Social Networks 1:215-239.  Wasserman, S. and
// Faust, K. (1994). Social Network Analysis. Cambridge University Press.
// Marchiori, M. and Latora, V. (2000). Harmony in the small-world. Physica A
// 285:539-546.  Boldi, P. and Vigna, S. (2014). Axioms for centrality.
// Internet Mathematics 10(3-4):222-262.  Then, M. et al. (2014). The more
// the merrier: efficient multi-source graph traversal. PVLDB 8(4):449-460.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "ringleader/centrality/sources.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/bfs_sums.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/sssp.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::centrality {

struct ClosenessOptions {
  bool wf_improved = true;  ///< closeness only: scale by the reached share
  bool weighted = false;    ///< arc weights are distances (Dijkstra); else hop counts
  /// On a Network: the edge column read as distances ("" = hop counts, or
  /// "weight" when `weighted` is set); the CsrGraph overloads read `weighted`.
  std::string weight;
  /// harmonic only: 0 = exact; otherwise searches from k sources drawn with
  /// sample_sources(n, k, seed) estimate H(u) = (n / k) * sum over sampled
  /// v != u of 1 / d(v, u) (unbiased; exact when k = n).
  std::size_t k = 0;
  std::uint64_t seed = 0;
  /// Hop counts: search 64 vertices at once (bit-parallel BFS); false: one
  /// BFS per vertex (the verifier; same results).
  bool bit_parallel = true;
  int threads = 0;
  Progress* progress = nullptr;
};

namespace detail {

/// Closeness of a vertex that reaches `reached` vertices (itself included)
/// at distances summing to `total`: (reached - 1) / total, times (reached -
/// 1) / (n - 1) with wf_improved; 0 when it reaches nothing (or n <= 1).
inline double closeness_value(double reached, double total, vertex_t n, bool wf_improved) {
  if (!(total > 0.0) || n <= 1) return 0.0;
  const double c = (reached - 1.0) / total;
  return wf_improved ? c * ((reached - 1.0) / double(n - 1)) : c;  // networkx's rounding: c *= s
}

/// Closeness (or exact harmonic) of the vertices of `units` (null = all);
/// 0 for the others.
template <bool Weighted>
std::vector<double> closeness_impl(const CsrGraph& g, const std::vector<vertex_t>* units, const ClosenessOptions& opt,
                                   Progress& progress, bool harmonic) {
  std::vector<double> out(g.n, 0.0);
  std::vector<vertex_t> distinct;  // a vertex named twice is searched once (two threads writing out[u] would race)
  if (units) {
    distinct = *units;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    units = &distinct;
  }
  if constexpr (!Weighted) {
    if (opt.bit_parallel) {
      const auto sums = [&](vertex_t u, const graph::DistanceSums& r) {
        if (harmonic) {
          out[u] = r.harmonic;
          return;
        }
        out[u] = closeness_value(double(r.reached + 1), double(std::int64_t(r.total)), g.n, opt.wf_improved);
      };
      graph::for_each_distance_sums(g, graph::in_arcs(g), units, opt.threads, progress, "closeness", sums);
      return out;
    }
  }
  const auto search = [&](vertex_t u, const graph::Sssp<Weighted>& sp) {
    const vertex_t* order = sp.order();
    const std::size_t reached = sp.settled();
    if (harmonic) {
      double h = 0.0;
      for (std::size_t j = 1; j < reached; ++j) {
        const auto d = sp.dist[order[j]];
        if (d != 0) h += 1.0 / double(d);
      }
      out[u] = h;
      return;
    }
    double total = 0.0;
    if constexpr (Weighted) {
      for (std::size_t j = 1; j < reached; ++j) total += sp.dist[order[j]];
    } else {
      std::int64_t s = 0;
      for (std::size_t j = 1; j < reached; ++j) s += sp.dist[order[j]];
      total = double(s);
    }
    out[u] = closeness_value(double(reached), total, g.n, opt.wf_improved);
  };
  graph::for_each_search<Weighted>(g, graph::in_arcs(g), units, opt.threads, progress, "closeness", search);
  return out;
}

/// Sampled harmonic centrality, unscaled: the sums of 1 / d(s, u) over the
/// searches from `sources` along out-arcs (distances *from* each source).
template <bool Weighted>
std::vector<double> harmonic_source_sums(const CsrGraph& g, const std::vector<vertex_t>& sources,
                                         const ClosenessOptions& opt, Progress& progress) {
  const graph::Arcs out = graph::out_arcs(g);
  graph::check_search_scratch(g.n, opt.threads, 0, g.n, "harmonic closeness");
  parallel::Accumulators acc(opt.threads, g.n);
  std::vector<std::unique_ptr<graph::Sssp<Weighted>>> scratch(acc.count());
  progress.start(sources.size());
  parallel::for_each_cyclic(
      std::int64_t(sources.size()),
      [&](int t, std::int64_t i) {
        if (progress.cancelled()) return;
        auto& sp = scratch[std::size_t(t)];
        if (!sp) sp = std::make_unique<graph::Sssp<Weighted>>(g.n);
        sp->template run<false>(out, sources[std::size_t(i)]);
        auto& h = acc[t];
        const vertex_t* order = sp->order();
        for (std::size_t j = 1; j < sp->settled(); ++j) {
          const auto d = sp->dist[order[j]];
          if (d != 0) h[order[j]] += 1.0 / double(d);
        }
        progress.advance();
      },
      opt.threads, 1);
  progress.check();
  progress.finish();
  return acc.sum();
}

/// True when `opt` asks for the sampled harmonic estimate (0 < k < n).
inline bool harmonic_sampled(vertex_t n, const ClosenessOptions& opt) {
  if (opt.k > n) sample_sources(n, opt.k, opt.seed);  // throws with the message
  return opt.k > 0 && opt.k < n;
}

inline void check_units(const CsrGraph& g, const std::vector<vertex_t>& units, const char* what) {
  for (vertex_t u : units)
    if (u >= g.n)
      throw InvalidArgument(std::string(what) + ": vertex " + std::to_string(u) + " is not a vertex (n = " +
                            std::to_string(g.n) + ")");
}

}  // namespace detail

// ---------------------------------------------------------------------------
// Partial closeness and harmonic centrality, for distributed runs.  The work
// is split into units: the vertices whose incoming search runs (closeness and
// exact harmonic), or the sampled sources (harmonic with 0 < k < n); see
// closeness_units / harmonic_units.  For any split of the units into blocks,
//   sum over blocks B of closeness_partial(g, B, opt)  == closeness(g, opt)
//   harmonic_finalize(sum over B of harmonic_partial(g, B, opt), g.n, opt)
//                                                       == harmonic(g, opt)
// exactly for closeness and exact harmonic (each vertex's value is computed
// by one block; the other blocks add 0), to rounding for sampled harmonic.
// The full kernels below run the same code over every unit.

/// The units of a closeness run: every vertex.
inline std::vector<vertex_t> closeness_units(vertex_t n) {
  std::vector<vertex_t> u(n);
  std::iota(u.begin(), u.end(), vertex_t(0));
  return u;
}

/// The units of a harmonic run: every vertex (exact), or the k sources of
/// sample_sources(n, k, seed) when 0 < opt.k < n.
inline std::vector<vertex_t> harmonic_units(vertex_t n, const ClosenessOptions& opt) {
  return detail::harmonic_sampled(n, opt) ? sample_sources(n, opt.k, opt.seed) : closeness_units(n);
}

/// Closeness of the vertices `units` (0 for the other vertices).
inline std::vector<double> closeness_partial(const CsrGraph& g, const std::vector<vertex_t>& units,
                                             const ClosenessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) graph::check_distances(g, "closeness");
  detail::check_units(g, units, "closeness_partial");
  return opt.weighted ? detail::closeness_impl<true>(g, &units, opt, progress, false)
                      : detail::closeness_impl<false>(g, &units, opt, progress, false);
}

/// Harmonic partial result over `units` (a block of harmonic_units(g.n,
/// opt)): exact: the harmonic centrality of those vertices, 0 elsewhere;
/// sampled: the unscaled sums of the searches from those sources.
inline std::vector<double> harmonic_partial(const CsrGraph& g, const std::vector<vertex_t>& units,
                                            const ClosenessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) graph::check_distances(g, "harmonic");
  detail::check_units(g, units, "harmonic_partial");
  if (detail::harmonic_sampled(g.n, opt))
    return opt.weighted ? detail::harmonic_source_sums<true>(g, units, opt, progress)
                        : detail::harmonic_source_sums<false>(g, units, opt, progress);
  return opt.weighted ? detail::closeness_impl<true>(g, &units, opt, progress, true)
                      : detail::closeness_impl<false>(g, &units, opt, progress, true);
}

/// Scales the summed harmonic partial results in place: n / k when sampled,
/// nothing when exact.
inline void harmonic_finalize(std::vector<double>& sums, vertex_t n, const ClosenessOptions& opt) {
  if (!detail::harmonic_sampled(n, opt)) return;
  const double scale = double(n) / double(opt.k);
  for (double& x : sums) x *= scale;
}

/// Closeness of every vertex (networkx's closeness_centrality).
inline std::vector<double> closeness(const CsrGraph& g, const ClosenessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) graph::check_distances(g, "closeness");
  return opt.weighted ? detail::closeness_impl<true>(g, nullptr, opt, progress, false)
                      : detail::closeness_impl<false>(g, nullptr, opt, progress, false);
}

/// Harmonic centrality of every vertex (networkx's harmonic_centrality);
/// `wf_improved` is ignored.  With opt.k > 0 (and < n) an estimate from k
/// sampled sources, O(k m).
inline std::vector<double> harmonic(const CsrGraph& g, const ClosenessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) graph::check_distances(g, "harmonic");
  std::vector<double> h;
  if (detail::harmonic_sampled(g.n, opt)) {
    const std::vector<vertex_t> sources = sample_sources(g.n, opt.k, opt.seed);
    h = opt.weighted ? detail::harmonic_source_sums<true>(g, sources, opt, progress)
                     : detail::harmonic_source_sums<false>(g, sources, opt, progress);
  } else {
    h = opt.weighted ? detail::closeness_impl<true>(g, nullptr, opt, progress, true)
                     : detail::closeness_impl<false>(g, nullptr, opt, progress, true);
  }
  harmonic_finalize(h, g.n, opt);
  return h;
}

// ---------------------------------------------------------------------------
// On a Network: the simple view of graph::Merge::Shortest (see the top of
// this file).

/// Closeness of every vertex of `net`.
inline std::vector<double> closeness(const Network& net, ClosenessOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return closeness(g, opt);
}

/// Harmonic centrality of every vertex of `net`.
inline std::vector<double> harmonic(const Network& net, ClosenessOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return harmonic(g, opt);
}

/// closeness_partial on `net`'s simple view.
inline std::vector<double> closeness_partial(const Network& net, const std::vector<vertex_t>& units,
                                             ClosenessOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return closeness_partial(g, units, opt);
}

/// harmonic_partial on `net`'s simple view.
inline std::vector<double> harmonic_partial(const Network& net, const std::vector<vertex_t>& units,
                                            ClosenessOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return harmonic_partial(g, units, opt);
}

}  // namespace ringleader::centrality
