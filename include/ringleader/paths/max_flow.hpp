// ringleader/paths/max_flow.hpp - maximum flow and minimum cut between two
// vertices, integer capacities.
//
// Boost.Graph's Boykov-Kolmogorov algorithm through the flow network of
// graph/max_flow.hpp (every arc with its reverse arc).  Capacities are exact
// integers (int64; their sum must stay below 2^62), so the flow value is
// exact.  After the flow:
//  - source_side: the vertices reachable from s along arcs with residual
//    capacity (the smallest minimum cut's source side);
//  - sink_side: the vertices that reach t along such arcs (networkx's
//    `minimum_cut` returns this side as its second set).
// Self-loops carry nothing and are skipped.  Boost's algorithm has no
// cancellation hook: one call is not interruptible (docs list it).
// Complexity: Boykov-Kolmogorov has no strong polynomial bound but is fast on
// sparse graphs in practice; O(m) memory.
//
// Reference: Boykov, Y. & Kolmogorov, V. (2004). An experimental comparison
// of min-cut/max-flow algorithms for energy minimization in vision. IEEE
// PAMI 26(9):1124-1137.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/graph/max_flow.hpp"
#include "ringleader/graph/types.hpp"

namespace ringleader::paths {

struct MaxFlowResult {
  std::int64_t value = 0;
  std::vector<char> source_side;  ///< reachable from s in the residual network
  std::vector<char> sink_side;    ///< reaching t in the residual network
};

/// Maximum s-t flow over the arcs from[i] -> to[i] of capacity cap[i] >= 0.
inline MaxFlowResult max_flow(vertex_t n, const std::vector<vertex_t>& from, const std::vector<vertex_t>& to,
                              const std::vector<std::int64_t>& cap, vertex_t s, vertex_t t) {
  if (from.size() != to.size() || from.size() != cap.size())
    throw InvalidArgument("max_flow: from, to and capacity must have the same length");
  if (s >= n || t >= n) throw InvalidArgument("max_flow: source or sink is not a vertex");
  if (s == t) throw InvalidArgument("max_flow: source and sink are the same vertex");
  std::vector<std::uint32_t> u, v;
  std::vector<std::int64_t> c;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] >= n || to[i] >= n) throw InvalidArgument("max_flow: an arc names a vertex that does not exist");
    if (cap[i] < 0) throw InvalidArgument("max_flow: capacities must be >= 0");
    if (cap[i] > (std::int64_t(1) << 62) - total) throw InvalidArgument("max_flow: capacities sum to 2^62 or more");
    total += cap[i];
    if (from[i] == to[i]) continue;
    u.push_back(from[i]);
    v.push_back(to[i]);
    c.push_back(cap[i]);
  }
  std::vector<std::int64_t> item(u.size(), -1);
  graph::flow::Network net = graph::flow::build(n, std::move(u), std::move(v), c, item, s, t);
  MaxFlowResult r;
  r.value = graph::flow::max_flow(net);
  r.source_side = graph::flow::source_side(net);
  r.sink_side = graph::flow::sink_side(net);
  return r;
}

}  // namespace ringleader::paths
