// ringleader/layout/edges.hpp - the edge list the layouts read.
//
// Layouts read a network as undirected and simple: parallel edges of any
// type and the two directions of a reciprocated pair are one edge whose
// weight (an attraction strength) is their sum, and self-loops are dropped.
// With graph/view.hpp's terms: the simple view of graph::Merge::Total (edge
// column `weight`; "" = 1 per edge of that view), then its arcs (a, b) and
// (b, a) merged by merge_undirected.  The same merge turns a vertex
// partition into its community graph (the layout by communities).
//
// merge_undirected sorts the pairs (min, max) and sums the weights of each
// pair in input order, starting from 0 (so the sums are those of numpy's
// bincount over the sorted unique pairs).  O(m log m).
#pragma once

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::layout {

/// Undirected edges (source < target) with their weights.
struct EdgeList {
  std::vector<vertex_t> source, target;
  std::vector<double> weight;
};

/// The undirected simple edges of the edge list (src, dst, w) on vertices
/// 0..n-1: (a, b) and (b, a) merged, weights summed, self-loops dropped;
/// ordered by (min, max).
inline EdgeList merge_undirected(vertex_t n, const std::vector<vertex_t>& src, const std::vector<vertex_t>& dst,
                                 const std::vector<double>& w) {
  if (dst.size() != src.size() || w.size() != src.size())
    throw InvalidArgument("src, dst and weight must have the same length");
  std::vector<std::size_t> order;
  for (std::size_t e = 0; e < src.size(); ++e) {
    if (src[e] >= n || dst[e] >= n)
      throw InvalidArgument("edge endpoint " + std::to_string(std::max(src[e], dst[e])) + " is not a vertex (n = " +
                            std::to_string(n) + ")");
    if (src[e] != dst[e]) order.push_back(e);
  }
  auto pair = [&](std::size_t e) { return std::make_pair(std::min(src[e], dst[e]), std::max(src[e], dst[e])); };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pair(a) < pair(b); });
  EdgeList out;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto [a, b] = pair(order[i]);
    if (i == 0 || pair(order[i - 1]) != std::make_pair(a, b)) {
      out.source.push_back(a);
      out.target.push_back(b);
      out.weight.push_back(0.0);
    }
    out.weight.back() += w[order[i]];
  }
  return out;
}

/// The edges the layouts read from `net` (see the top of this file);
/// `weight` names the edge column of the attraction strengths ("" = 1 per
/// edge of the simple view).
inline EdgeList layout_edges(const Network& net, const std::string& weight) {
  const EdgeTable& e = graph::simple_view(net, graph::Merge::Total, weight).edges();
  const std::vector<double> w = weight.empty() ? std::vector<double>(e.size(), 1.0) : e.weight;
  return merge_undirected(vertex_t(net.number_of_nodes()), e.source, e.target, w);
}

}  // namespace ringleader::layout
