// ringleader/graph/max_flow.hpp - the maximum-flow network shared by
// paths/max_flow.hpp (maximum flow and minimum cut between two vertices) and
// money/freeze.hpp (which transfers or accounts to freeze).
//
// Boost.Graph's Boykov-Kolmogorov algorithm on a compressed_sparse_row_graph
// holding every arc with its reverse arc (capacity 0 unless the graph has
// the opposite arc too, which stays a separate arc).  Capacities are exact
// integers (int64; callers keep their sum below 2^62), so the flow value is
// exact.  Each arc may name the cut item it stands for (`item`, -1 for none),
// for callers that report a cut as items (account pairs, accounts).  After
// the flow:
//  - source_side: the vertices reachable from s along arcs with residual
//    capacity (the smallest minimum cut's source side);
//  - sink_side: the vertices that reach t along such arcs.
// Boost's algorithm has no cancellation hook: one call is not interruptible.
// Complexity: Boykov-Kolmogorov has no strong polynomial bound but is fast on
// sparse graphs in practice; O(m) memory.
//
// Reference: Boykov, Y. & Kolmogorov, V. (2004). An experimental comparison
// of min-cut/max-flow algorithms for energy minimization in vision. IEEE
// PAMI 26(9):1124-1137.
#pragma once

#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "ringleader/core/memory.hpp"

namespace ringleader::graph::flow {

/// One arc of the flow network and its residual capacity after a flow.
struct Arc {
  std::int64_t capacity = 0, residual = 0;
  boost::detail::csr_edge_descriptor<std::uint32_t, std::uint32_t> reverse;
  std::int64_t item = -1;  ///< cut item (pair or account) this arc stands for, -1 for none
};
using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc, boost::no_property,
                                                 std::uint32_t, std::uint32_t>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// The flow network: the graph and its source and sink.
struct Network {
  Graph g;
  std::uint32_t s = 0, t = 0;
};

/// Arcs (with their reverse arcs of capacity 0) -> CSR graph with reverse links.
inline Network build(std::uint32_t nv, std::vector<std::uint32_t> from, std::vector<std::uint32_t> to,
                     const std::vector<std::int64_t>& cap, const std::vector<std::int64_t>& item, std::uint32_t s,
                     std::uint32_t t) {
  const std::size_t m = from.size();
  memory::reserve_check(memory::add(memory::mul(m, 2 * (8 + sizeof(Arc) + 8) * 2), memory::mul(nv, 16)),
                        "the money flow graph");
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  std::vector<Arc> props;
  arcs.reserve(2 * m);
  props.reserve(2 * m);
  std::vector<std::size_t> pair_of;
  pair_of.reserve(2 * m);
  for (std::size_t e = 0; e < m; ++e) {
    arcs.push_back({from[e], to[e]});
    props.push_back(Arc{cap[e], 0, {}, item[e]});
    arcs.push_back({to[e], from[e]});
    props.push_back(Arc{0, 0, {}, -1});
  }
  // sort by source (stable) remembering positions, so reverse arcs can be linked
  std::vector<std::size_t> order(arcs.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return arcs[a].first < arcs[b].first; });
  std::vector<std::size_t> pos(arcs.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sarcs(arcs.size());
  std::vector<Arc> sprops(arcs.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    pos[order[i]] = i;
    sarcs[i] = arcs[order[i]];
    sprops[i] = props[order[i]];
  }
  Network net{Graph(boost::edges_are_sorted, sarcs.begin(), sarcs.end(), sprops.begin(), nv), s, t};
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    const std::size_t i = pos[a], j = pos[a ^ 1];
    net.g[Edge(sarcs[i].first, std::uint32_t(i))].reverse = Edge(sarcs[j].first, std::uint32_t(j));
  }
  return net;
}

/// Runs Boykov-Kolmogorov from n.s to n.t: leaves the residual capacities in
/// the arcs and returns the flow value.
inline std::int64_t max_flow(Network& n) {
  Graph& g = n.g;
  const std::size_t nv = num_vertices(g);
  std::vector<Edge> pred(nv);
  std::vector<boost::default_color_type> color(nv);
  std::vector<long> dist(nv);
  auto idx = get(boost::vertex_index, g);
  return boost::boykov_kolmogorov_max_flow(
      g, get(&Arc::capacity, g), get(&Arc::residual, g), get(&Arc::reverse, g),
      boost::make_iterator_property_map(pred.begin(), idx), boost::make_iterator_property_map(color.begin(), idx),
      boost::make_iterator_property_map(dist.begin(), idx), idx, n.s, n.t);
}

/// Vertices reachable from `from` along arcs with residual capacity, or,
/// `backward`, the vertices that reach it along such arcs (each arc x -> y
/// is then seen from y as the reverse of its arc y -> x).
inline std::vector<char> residual_reach(const Network& n, std::uint32_t from, bool backward) {
  const Graph& g = n.g;
  std::vector<char> seen(num_vertices(g), 0);
  std::vector<std::uint32_t> stack{from};
  seen[from] = 1;
  while (!stack.empty()) {
    const std::uint32_t v = stack.back();
    stack.pop_back();
    for (auto e : boost::make_iterator_range(out_edges(v, g))) {
      const std::uint32_t w = std::uint32_t(target(e, g));
      const Arc& a = backward ? g[g[e].reverse] : g[e];  // backward: the arc w -> v
      if (a.residual > 0 && !seen[w]) {
        seen[w] = 1;
        stack.push_back(w);
      }
    }
  }
  return seen;
}

/// Vertices reachable from s in the residual network (the source side of the
/// smallest minimum cut).
inline std::vector<char> source_side(const Network& n) { return residual_reach(n, n.s, false); }

/// Vertices that reach t in the residual network.
inline std::vector<char> sink_side(const Network& n) { return residual_reach(n, n.t, true); }

}  // namespace ringleader::graph::flow
