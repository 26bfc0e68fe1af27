// ringleader/paths/ego.hpp - the ego network of a node: every node within
// `radius` hops.
//
// Breadth-first search from the centre over the compute view, in both
// directions of directed edges unless `follow_direction`; nodes failing
// `node_ok` are neither included nor passed through (the centre always is).
// Complexity O(n_r + m_r) for the n_r nodes and m_r edges explored.
#pragma once

#include <cstdint>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::paths {

/// Vertices within `radius` hops of `center` (centre first, then by
/// distance), and their distances.
struct Ego {
  std::vector<vertex_t> vertices;
  std::vector<std::int32_t> distance;
};

inline Ego ego_vertices(const CsrGraph& g, vertex_t center, int radius, const std::vector<char>& node_ok = {},
                        bool follow_direction = false) {
  if (center >= g.n) throw InvalidArgument("vertex out of range");
  if (radius < 0) throw InvalidArgument("radius must be >= 0, not " + std::to_string(radius));
  if (!node_ok.empty() && node_ok.size() != g.n) throw InvalidArgument("node_ok needs one flag per node");
  Ego out;
  std::vector<std::int32_t> dist(g.n, -1);
  dist[center] = 0;
  out.vertices.push_back(center);
  out.distance.push_back(0);
  auto visit = [&](vertex_t w, std::int32_t d) {
    if (dist[w] >= 0 || (!node_ok.empty() && !node_ok[w])) return;
    dist[w] = d;
    out.vertices.push_back(w);
    out.distance.push_back(d);
  };
  for (std::size_t head = 0; head < out.vertices.size(); ++head) {
    const vertex_t v = out.vertices[head];
    const std::int32_t d = dist[v];
    if (d >= radius) break;  // BFS order: every later vertex is at least as far
    for (std::uint64_t a = g.out_offsets[v]; a < g.out_offsets[v + 1]; ++a) visit(g.out_targets[a], d + 1);
    if (g.directed && !follow_direction)
      for (std::uint64_t a = g.in_offsets[v]; a < g.in_offsets[v + 1]; ++a) visit(g.in_sources[a], d + 1);
  }
  return out;
}

}  // namespace ringleader::paths
