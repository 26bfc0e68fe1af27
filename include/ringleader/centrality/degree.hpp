// ringleader/centrality/degree.hpp - degree and strength.
//
// Conventions (networkx): on a simple graph, the degree of v counts its
// incident edges, a self-loop twice in an undirected graph and once in each
// direction in a directed one; mode "all" of a directed graph is in + out.
// Normalised degree divides by n - 1 (networkx's degree_centrality), and
// every node gets 1 when n <= 1.  Strength is the same sum over edge weights
// (read as strengths), never normalised.  Complexity O(n + m).
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are
// merged, their weights (the column opt.weight) summed, so a strength counts
// every call while a degree counts every neighbour once.
//
// Reference: Freeman (1979), Centrality in social networks: conceptual
// clarification, Social Networks 1:215-239.
#pragma once

#include <string>
#include <vector>

#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::centrality {

enum class DegreeMode { All, In, Out };

struct DegreeOptions {
  DegreeMode mode = DegreeMode::All;
  bool normalized = true;  ///< divide by n - 1 (degree only)
  bool weighted = false;   ///< sum arc weights (strength) instead of counting arcs
  /// On a Network: the edge column summed into strengths ("" = degrees, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  int threads = 0;
};

/// Degree (or strength when options.weighted) of every vertex.
inline std::vector<double> degree(const CsrGraph& g, const DegreeOptions& opt = {}) {
  const vertex_t n = g.n;
  std::vector<double> out(n, 0.0);
  auto side = [&](const std::vector<std::uint64_t>& off, const std::vector<vertex_t>& adj,
                  const std::vector<double>& w, vertex_t v) {
    double s = 0;
    for (std::uint64_t a = off[v]; a < off[v + 1]; ++a) {
      double x = opt.weighted ? w[a] : 1.0;
      s += x;
      if (!g.directed && adj[a] == v) s += x;  // an undirected self-loop counts twice
    }
    return s;
  };
  parallel::for_each_index(
      n,
      [&](std::int64_t i) {
        vertex_t v = vertex_t(i);
        double d = 0;
        if (!g.directed || opt.mode != DegreeMode::In) d += side(g.out_offsets, g.out_targets, g.out_weights, v);
        if (g.directed && opt.mode != DegreeMode::Out) d += side(g.in_offsets, g.in_sources, g.in_weights, v);
        out[v] = d;
      },
      opt.threads);
  if (opt.normalized && !opt.weighted) {
    if (n <= 1) {
      std::fill(out.begin(), out.end(), 1.0);
    } else {
      const double s = 1.0 / double(n - 1);
      for (auto& d : out) d *= s;
    }
  }
  return out;
}

/// Degree (or strength, with opt.weight) of every vertex of `net`, on the
/// simple view of graph::Merge::Total.
inline std::vector<double> degree(const Network& net, DegreeOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, opt);
  return degree(g, opt);
}

}  // namespace ringleader::centrality
