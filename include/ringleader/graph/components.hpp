// ringleader/graph/components.hpp - weakly connected components, the one
// implementation behind community::weak_components (and strong_components
// of undirected graphs), Network::components and largest_component, and the
// vertex-diameter bound of approximate betweenness.
//
// Arc directions are ignored: union-find with path halving and union by
// index (the root of a set is its lowest vertex), O(m alpha(n)), over the
// out-arcs of a CsrGraph (every edge has one, also in directed graphs) or
// over an edge list.  Components are numbered by their lowest vertex (the
// order a search from vertex 0 upwards discovers them, as Boost.Graph's
// connected_components numbers them); an isolated vertex is its own
// component.
//
// Reference: Tarjan, R. E. (1975). Efficiency of a good but not linear set
// union algorithm. J. ACM 22(2):215-225.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include "ringleader/graph/csr.hpp"

namespace ringleader::graph {

/// Disjoint sets of the vertices 0..n-1; each set's root is its lowest vertex.
class UnionFind {
 public:
  explicit UnionFind(vertex_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), vertex_t(0)); }
  vertex_t find(vertex_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(vertex_t a, vertex_t b) {
    vertex_t x = find(a), y = find(b);
    if (x == y) return;
    if (x < y) std::swap(x, y);
    parent_[x] = y;
  }
  /// Set number of every vertex, sets numbered by their lowest vertex;
  /// `count` (may be null) receives the number of sets.
  std::vector<vertex_t> labels(vertex_t* count = nullptr) {
    const vertex_t n = vertex_t(parent_.size());
    constexpr vertex_t none = std::numeric_limits<vertex_t>::max();
    std::vector<vertex_t> id(n, none), label(n);
    vertex_t k = 0;
    for (vertex_t v = 0; v < n; ++v) {
      const vertex_t r = find(v);
      if (id[r] == none) id[r] = k++;
      label[v] = id[r];
    }
    if (count) *count = k;
    return label;
  }

 private:
  std::vector<vertex_t> parent_;
};

/// Weak component of every vertex of `g`, numbered by lowest vertex.
inline std::vector<vertex_t> weak_components(const CsrGraph& g, vertex_t* count = nullptr) {
  UnionFind sets(g.n);
  for (vertex_t v = 0; v < g.n; ++v)
    for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a) sets.unite(v, g.out_targets[a]);
  return sets.labels(count);
}

/// Weak component of every vertex 0..n-1 of the edges src[e] - dst[e],
/// numbered by lowest vertex (no CsrGraph needed).
inline std::vector<vertex_t> weak_components(vertex_t n, const std::vector<vertex_t>& src,
                                             const std::vector<vertex_t>& dst, vertex_t* count = nullptr) {
  UnionFind sets(n);
  for (std::size_t e = 0; e < src.size(); ++e) sets.unite(src[e], dst[e]);
  return sets.labels(count);
}

/// Vertices in each of the `count` components of `label`.
inline std::vector<std::uint64_t> component_sizes(const std::vector<vertex_t>& label, vertex_t count) {
  std::vector<std::uint64_t> size(count, 0);
  for (vertex_t c : label) ++size[c];
  return size;
}

}  // namespace ringleader::graph
