// ringleader/stats/distance.hpp - breadth-first searches from many sources,
// for the diameter, eccentricities and the average shortest path length.
//
// `bfs_sources` runs one search per source (BFS for hop counts, Dijkstra
// when weights are distances; out-arcs, or in-arcs with `reverse`) in
// parallel over sources with the shared single-source kernel
// (graph/sssp.hpp) and returns, per source, its eccentricity among reached
// vertices, the sum of distances to them and how many it reached (itself
// included).  Deterministic for any thread count.
// From these (networkx conventions, which require a connected graph -
// strongly connected when directed):
//   diameter = max_s ecc(s),  average shortest path length =
//   sum_s sum_t d(s,t) / (n (n - 1)).
// Complexity O(k (n + m)) for k sources, O(n) memory per thread.
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Shortest (graph/view.hpp), as the path centralities do:
// parallel edges of any type keep the smallest value of the column
// opt.weight ("" = hop counts).
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/sssp.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::stats {

struct BfsSummary {
  std::vector<double> eccentricity;  ///< per source, over reached vertices
  std::vector<double> distance_sum;  ///< per source
  std::vector<double> reached;       ///< per source, the source included
};

struct BfsOptions {
  bool reverse = false;   ///< follow in-arcs (distances *to* the source)
  bool weighted = false;  ///< arc weights are distances (Dijkstra); else hop counts
  /// On a Network: the edge column read as distances ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  int threads = 0;
  Progress* progress = nullptr;
};

namespace detail {
template <bool Weighted>
BfsSummary distance_sources(const CsrGraph& g, const std::vector<vertex_t>& sources, const BfsOptions& opt) {
  using Search = graph::Sssp<Weighted>;
  const auto arcs = opt.reverse ? graph::in_arcs(g) : graph::out_arcs(g);
  const std::size_t k = sources.size();
  BfsSummary r;
  r.eccentricity.assign(k, 0);
  r.distance_sum.assign(k, 0);
  r.reached.assign(k, 0);
  Progress& prog = ringleader::detail::progress_of(opt.progress);
  prog.start(k);
  std::vector<std::unique_ptr<Search>> scratch(std::size_t(parallel::threads(opt.threads)));
  parallel::for_each_dynamic(
      std::int64_t(k),
      [&](int t, std::int64_t i) {
        if (prog.cancelled()) return;
        auto& search = scratch[std::size_t(t)];
        if (!search) search = std::make_unique<Search>(g.n);
        search->template run<false>(arcs, sources[std::size_t(i)]);
        double sum = 0, ecc = 0;
        const vertex_t* order = search->order();
        for (std::size_t q = 0; q < search->settled(); ++q) {
          const double d = double(search->dist[order[q]]);
          sum += d;
          ecc = std::max(ecc, d);
        }
        r.eccentricity[std::size_t(i)] = ecc;
        r.distance_sum[std::size_t(i)] = sum;
        r.reached[std::size_t(i)] = double(search->settled());
        prog.advance();
      },
      opt.threads, 1);
  prog.check();
  prog.finish();
  return r;
}
}  // namespace detail

/// One search per source (BFS, or Dijkstra when `weighted`; distances must
/// then be finite and >= 0); an empty `sources` means every vertex.
inline BfsSummary bfs_sources(const CsrGraph& g, std::vector<vertex_t> sources, const BfsOptions& opt = {}) {
  const vertex_t n = g.n;
  if (sources.empty()) {
    sources.resize(n);
    for (vertex_t v = 0; v < n; ++v) sources[v] = v;
  }
  for (vertex_t s : sources)
    if (s >= n) throw InvalidArgument("source vertex out of range");
  if (!opt.weighted) return detail::distance_sources<false>(g, sources, opt);
  graph::check_distances(g, "distances");
  return detail::distance_sources<true>(g, sources, opt);
}

/// bfs_sources on `net` (simple view of graph::Merge::Shortest).
inline BfsSummary bfs_sources(const Network& net, std::vector<vertex_t> sources, BfsOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Shortest, opt);
  return bfs_sources(g, std::move(sources), opt);
}

}  // namespace ringleader::stats
