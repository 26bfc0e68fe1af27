// ringleader/stats/basic.hpp - density and reciprocity.
//
// Conventions (networkx), on the simple graph:
// - density = m / (n (n - 1)) for directed graphs and 2 m / (n (n - 1)) for
//   undirected ones, m counting self-loops (as networkx does); 0 when n <= 1.
//   Weighted: m is replaced by the sum of edge weights (not in networkx).
// - reciprocity (networkx `overall_reciprocity`, directed only) = share of
//   arcs u->v (u != v) whose reverse v->u exists; a self-loop counts as an
//   unreciprocated arc in the denominator, as in networkx.  Weighted
//   (Squartini et al. 2013): sum_{u->v} min(w(u,v), w(v,u)) / sum w.
// Complexity O(n + m) (reciprocity: per-thread marker arrays of n entries).
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are one
// edge whose weight (the column `weight`; "" = unweighted) is their sum.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::stats {

/// Number of edges (self-loops once) or the sum of their weights.
inline double edge_total(const CsrGraph& g, bool weighted) {
  double total = 0, loops = 0;
  for (vertex_t v = 0; v < g.n; ++v)
    for (std::uint64_t a = g.out_offsets[v]; a < g.out_offsets[v + 1]; ++a) {
      const double w = weighted ? g.out_weights[a] : 1.0;
      total += w;
      if (g.out_targets[a] == v) loops += w;
    }
  return g.directed ? total : (total + loops) / 2;
}

inline double density(const CsrGraph& g, bool weighted = false) {
  if (g.n <= 1) return 0.0;
  const double n = double(g.n);
  const double m = edge_total(g, weighted);
  return (g.directed ? m : 2 * m) / (n * (n - 1));
}

/// Overall reciprocity of a directed graph; throws InvalidArgument when the
/// graph is undirected or has no edges (networkx raises too).
inline double reciprocity(const CsrGraph& g, bool weighted = false, int threads = 0) {
  if (!g.directed) throw InvalidArgument("reciprocity is not defined for undirected networks");
  if (g.num_arcs() == 0) throw InvalidArgument("reciprocity is not defined for networks without edges");
  const vertex_t n = g.n;
  const int T = parallel::threads(threads);
  std::vector<std::vector<std::uint32_t>> stamp(std::size_t(T), std::vector<std::uint32_t>(n, 0));
  std::vector<std::vector<double>> wout(std::size_t(T), std::vector<double>(weighted ? n : 0));
  std::vector<std::array<double, 2>> part(n);
  parallel::for_each_dynamic(
      std::int64_t(n),
      [&](int t, std::int64_t i) {
        const vertex_t u = vertex_t(i);
        auto& st = stamp[std::size_t(t)];
        auto& wo = wout[std::size_t(t)];
        double total = 0, rec = 0;
        for (std::uint64_t a = g.out_offsets[u]; a < g.out_offsets[u + 1]; ++a) {
          const vertex_t v = g.out_targets[a];
          const double w = weighted ? g.out_weights[a] : 1.0;
          total += w;
          if (v == u) continue;
          st[v] = u + 1;
          if (weighted) wo[v] = w;
        }
        // arcs v->u whose reverse u->v exists: each reciprocated arc into u
        for (std::uint64_t a = g.in_offsets[u]; a < g.in_offsets[u + 1]; ++a) {
          const vertex_t v = g.in_sources[a];
          if (v == u || st[v] != u + 1) continue;
          rec += weighted ? std::min(wo[v], g.in_weights[a]) : 1.0;
        }
        part[u] = {total, rec};
      },
      threads, 256);
  double total = 0, rec = 0;
  for (const auto& p : part) {
    total += p[0];
    rec += p[1];
  }
  if (total == 0) throw InvalidArgument("reciprocity is not defined when every weight is zero");
  return rec / total;
}

/// Density of `net` (simple view of graph::Merge::Total); `weight`: the
/// edge column summed ("" = edges counted).
inline double density(const Network& net, const std::string& weight = "") {
  return density(graph::compute_view(net, graph::Merge::Total, weight), !weight.empty());
}

/// Overall reciprocity of `net` (simple view of graph::Merge::Total).
inline double reciprocity(const Network& net, const std::string& weight = "", int threads = 0) {
  return reciprocity(graph::compute_view(net, graph::Merge::Total, weight), !weight.empty(), threads);
}

}  // namespace ringleader::stats
