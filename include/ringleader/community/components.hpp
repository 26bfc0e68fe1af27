// ringleader/community/components.hpp - weakly and strongly connected
// components as partitions.
//
// Weak components ignore arc directions (graph/components.hpp: union-find
// with path halving and union by index, O(m alpha(n))); strong components
// (directed graphs: every vertex reaches every other one) use Boost.Graph's
// `strong_components` (Tarjan 1972, O(n + m)) through the CsrGraph adaptor;
// on an undirected graph they equal the weak ones.  Components are numbered
// by decreasing size (ties: lowest vertex first); an isolated vertex is its
// own component.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Structure (graph/view.hpp): parallel edges of any type are
// one edge (they change no component; the simple view keeps each vertex's
// first arc to a neighbour first, so Tarjan's order is the multigraph's).
//
// Reference: Tarjan, R. E. (1972). Depth-first search and linear graph
// algorithms. SIAM J. Computing 1(2):146-160.
#pragma once

#include <boost/graph/strong_components.hpp>

#include <vector>

#include "ringleader/community/partition.hpp"
#include "ringleader/graph/bgl.hpp"
#include "ringleader/graph/components.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::community {

/// Weakly connected components.
inline Partition weak_components(const CsrGraph& g) {
  Partition r;
  r.membership = graph::weak_components(g);
  r.count = number_by_size(r.membership);
  return r;
}

/// Strongly connected components (the weak ones for undirected graphs).
/// `by_size=false` keeps Tarjan's numbering instead: components in the order
/// the depth-first search (from vertex 0 up, out-arcs in CSR order)
/// completes them, a reverse topological order of the condensation -- the
/// order in which networkx's `strongly_connected_components` yields them
/// when the CSR lists each vertex's out-arcs in networkx's adjacency order.
inline Partition strong_components(const CsrGraph& g, bool by_size = true) {
  if (!g.directed) return weak_components(g);
  Partition r;
  r.membership.assign(g.n, 0);
  if (g.n > 0) r.count = vertex_t(boost::strong_components(g, r.membership.data()));
  if (by_size) r.count = number_by_size(r.membership);
  return r;
}

/// Weakly connected components of `net` (simple view of graph::Merge::Structure).
inline Partition weak_components(const Network& net) {
  return weak_components(graph::compute_view(net, graph::Merge::Structure, ""));
}

/// Strongly connected components of `net` (simple view of
/// graph::Merge::Structure).
inline Partition strong_components(const Network& net, bool by_size = true) {
  return strong_components(graph::compute_view(net, graph::Merge::Structure, ""), by_size);
}

}  // namespace ringleader::community
