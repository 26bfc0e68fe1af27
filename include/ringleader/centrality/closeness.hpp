// ringleader/centrality/closeness.hpp - closeness and harmonic centrality.
//
// Conventions (networkx's closeness_centrality and harmonic_centrality), on a
// simple graph (collapse parallel edges first, keeping the shortest).  Both
// use distances *to* each vertex u, d(v, u) (for directed graphs: incoming
// paths, found by searching the in-arcs; the same as outgoing for undirected
// graphs).  With R(u) the vertices that reach u (u included) and
// T(u) = sum of d(v, u) over R(u):
//   closeness(u) = (|R(u)| - 1) / T(u), times (|R(u)| - 1) / (n - 1) with
//   wf_improved (Wasserman & Faust's scaling for disconnected graphs), and 0
//   when T(u) = 0 or n <= 1;
//   harmonic(u) = sum over v != u reaching u with d(v, u) != 0 of 1 / d(v, u)
//   (not normalised; a zero distance contributes nothing, as in networkx).
// Weights (`weighted`) are distances (Dijkstra): negative, NaN or infinite
// distances are refused (convert strengths with rl.distance_from_strength);
// zero distances are allowed.  Self-loops are ignored.
//
// Complexity: O(n m) unweighted, O(n m log n) weighted; O(n + m) memory per
// thread; parallel over vertices, each result written once (deterministic).
//
// References: Freeman, L. C. (1979). Centrality in social networks:
// conceptual clarification. Social Networks 1:215-239.  Wasserman, S. and
// Faust, K. (1994). Social Network Analysis. Cambridge University Press.
// Marchiori, M. and Latora, V. (2000). Harmony in the small-world. Physica A
// 285:539-546.  Boldi, P. and Vigna, S. (2014). Axioms for centrality.
// Internet Mathematics 10(3-4):222-262.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "ringleader/centrality/detail/blocks.hpp"
#include "ringleader/centrality/detail/sssp.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::centrality {

struct ClosenessOptions {
  bool wf_improved = true;  ///< closeness only: scale by the reached share
  bool weighted = false;    ///< arc weights are distances (Dijkstra); else hop counts
  /// harmonic only: 0 = exact; otherwise searches from k sources drawn with
  /// sample_sources(n, k, seed) estimate H(u) = (n / k) * sum over sampled
  /// v != u of 1 / d(v, u) (unbiased; exact when k = n).
  std::size_t k = 0;
  std::uint64_t seed = 0;
  int threads = 0;
  Progress* progress = nullptr;
};

namespace detail {

/// f(u, search) for every vertex u after a search of the in-arcs from u.
template <bool Weighted, class F>
void for_each_incoming_search(const CsrGraph& g, int threads, Progress& progress, F&& f) {
  const Arcs in = in_arcs(g);
  check_search_scratch(g.n, threads, 0, 0, "closeness");
  std::vector<std::unique_ptr<Sssp<Weighted>>> scratch(std::size_t(parallel::threads(threads)));
  progress.start(g.n);
  parallel::for_each_dynamic(
      g.n,
      [&](int t, std::int64_t i) {
        if (progress.cancelled()) return;
        auto& sp = scratch[std::size_t(t)];
        if (!sp) sp = std::make_unique<Sssp<Weighted>>(g.n);
        sp->template run<false>(in, vertex_t(i));
        f(vertex_t(i), *sp);
        progress.advance();
      },
      threads, 4);
  progress.check();
  progress.finish();
}

template <bool Weighted>
std::vector<double> closeness_impl(const CsrGraph& g, const ClosenessOptions& opt, Progress& progress, bool harmonic) {
  std::vector<double> out(g.n, 0.0);
  const double n = double(g.n);
  for_each_incoming_search<Weighted>(g, opt.threads, progress, [&](vertex_t u, const Sssp<Weighted>& sp) {
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
    double c = 0.0;
    if (total > 0.0 && g.n > 1) {
      c = (double(reached) - 1.0) / total;
      if (opt.wf_improved) c *= (double(reached) - 1.0) / (n - 1);
    }
    out[u] = c;
  });
  return out;
}

/// Sampled harmonic centrality: searches from the k sampled sources along
/// out-arcs (distances *from* each source), scaled by n / k.
template <bool Weighted>
std::vector<double> harmonic_sampled(const CsrGraph& g, const ClosenessOptions& opt, Progress& progress) {
  const std::vector<vertex_t> sources = sample_sources(g.n, opt.k, opt.seed);
  const Arcs out = out_arcs(g);
  check_search_scratch(g.n, opt.threads, 0, g.n, "harmonic closeness");
  parallel::Accumulators acc(opt.threads, g.n);
  std::vector<std::unique_ptr<Sssp<Weighted>>> scratch(acc.count());
  progress.start(sources.size());
  parallel::for_each_cyclic(
      std::int64_t(sources.size()),
      [&](int t, std::int64_t i) {
        if (progress.cancelled()) return;
        auto& sp = scratch[std::size_t(t)];
        if (!sp) sp = std::make_unique<Sssp<Weighted>>(g.n);
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
  std::vector<double> out_h = acc.sum();
  const double scale = sources.empty() ? 0.0 : double(g.n) / double(sources.size());
  for (double& x : out_h) x *= scale;
  return out_h;
}

}  // namespace detail

/// Closeness of every vertex (networkx's closeness_centrality).
inline std::vector<double> closeness(const CsrGraph& g, const ClosenessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) detail::check_distances(g, "closeness");
  return opt.weighted ? detail::closeness_impl<true>(g, opt, progress, false)
                      : detail::closeness_impl<false>(g, opt, progress, false);
}

/// Harmonic centrality of every vertex (networkx's harmonic_centrality);
/// `wf_improved` is ignored.  With opt.k > 0 (and < n) an estimate from k
/// sampled sources, O(k m).
inline std::vector<double> harmonic(const CsrGraph& g, const ClosenessOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  if (opt.weighted) detail::check_distances(g, "harmonic");
  if (opt.k > g.n) sample_sources(g.n, opt.k, opt.seed);  // throws with the message
  if (opt.k > 0 && opt.k < g.n)
    return opt.weighted ? detail::harmonic_sampled<true>(g, opt, progress)
                        : detail::harmonic_sampled<false>(g, opt, progress);
  return opt.weighted ? detail::closeness_impl<true>(g, opt, progress, true)
                      : detail::closeness_impl<false>(g, opt, progress, true);
}

}  // namespace ringleader::centrality
