// ringleader/centrality/reaching.hpp - local and global reaching centrality:
// who sits at the top of a chain of command or of a flow of money.
//
// Conventions (networkx's local_reaching_centrality and
// global_reaching_centrality, unweighted), on a simple graph of n vertices,
// with d(v, u) the hop distance from v to u and R(v) the vertices u != v that
// v reaches:
//   directed:   local(v) = |R(v)| / (n - 1), paths following the arcs
//               forward (the top of a chain of command reaches the most);
//   undirected: local(v) = sum over u in R(v) of 1 / d(v, u), over n - 1
//               (everyone in a component reaches all of it, so networkx
//               weighs each reached vertex by the average "weight" 1 / d of
//               the edges on the path to it: harmonic centrality / (n - 1));
//   global = sum over v of (max_u local(u) - local(v)) / (n - 1): 0 when
//               every vertex scores the same, 1 for a directed star.
// With n <= 1 every value is 0.  Where networkx raises (a graph without
// edges, one vertex with a self-loop) these give 0.  Self-loops and parallel
// edges change nothing.  Weighted reaching (networkx's `weight=`, an average
// of edge weights along one shortest path, which depends on how ties between
// shortest paths are broken) is not provided.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Structure (graph/view.hpp): reachability and hop distances
// do not depend on parallel edges, their types or their weights.
//
// Complexity: a breadth-first search from every vertex
// (graph::for_each_search), O(n m) time, O(n + m) memory per thread,
// parallel over vertices, each value written once (deterministic).
//
// Reference: Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure
// for complex networks. PLoS ONE 7(3):e33799.
#pragma once

#include <algorithm>
#include <vector>

#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/sssp.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::centrality {

struct ReachingOptions : RunOptions {};

/// Local reaching centrality of every vertex of `g` (the top of this file).
inline std::vector<double> local_reaching(const CsrGraph& g, const ReachingOptions& opt = {}) {
  Progress& progress = ringleader::detail::progress_of(opt.progress);
  std::vector<double> out(g.n, 0.0);
  if (g.n <= 1) return out;
  const double others = double(g.n) - 1.0;
  const auto search = [&](vertex_t v, const graph::Sssp<false>& sp) {
    if (g.directed) {
      out[v] = double(sp.settled() - 1) / others;
      return;
    }
    double sum = 0.0;
    for (std::size_t j = 1; j < sp.settled(); ++j) sum += 1.0 / double(sp.dist[sp.order()[j]]);
    out[v] = sum / others;
  };
  graph::for_each_search<false>(g, graph::out_arcs(g), nullptr, opt.threads, progress, "local reaching", search);
  return out;
}

/// Global reaching centrality from the local values of all n vertices.
inline double global_reaching(const std::vector<double>& local) {
  if (local.size() <= 1) return 0.0;
  const double top = *std::max_element(local.begin(), local.end());
  double sum = 0.0;
  for (double c : local) sum += top - c;
  return sum / (double(local.size()) - 1.0);
}

// ---------------------------------------------------------------------------
// On a Network: the simple view of graph::Merge::Structure.

/// Local reaching centrality of every vertex of `net`.
inline std::vector<double> local_reaching(const Network& net, const ReachingOptions& opt = {}) {
  return local_reaching(graph::compute_view(net, graph::Merge::Structure, ""), opt);
}

/// Global reaching centrality of `net`.
inline double global_reaching(const Network& net, const ReachingOptions& opt = {}) {
  return global_reaching(local_reaching(net, opt));
}

}  // namespace ringleader::centrality
