// ringleader/community/partition.hpp - the result of community detection.
//
// A partition gives every vertex a community number.  Results are numbered
// 0, 1, ... by decreasing community size (ties: the community holding the
// lowest vertex first), so community 0 is the largest and numbering does not
// depend on how an algorithm labelled communities internally.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "ringleader/graph/types.hpp"

namespace ringleader::community {

struct Partition {
  std::vector<vertex_t> membership;  ///< community of every vertex
  vertex_t count = 0;                ///< number of communities
  double modularity = std::numeric_limits<double>::quiet_NaN();  ///< at resolution 1 (NaN without edges)
  double quality = std::numeric_limits<double>::quiet_NaN();     ///< the optimised objective, at its resolution
  std::vector<std::vector<vertex_t>> levels;  ///< Louvain: the partition after each level (the last = membership)
  std::uint64_t seed = 0;                     ///< the seed used
  int iterations = 0;                         ///< Leiden iterations / Louvain levels / label-propagation rounds
};

/// Renumbers `m` (any labels) by decreasing community size, ties by lowest vertex; returns the number of
/// communities.  O(n + k log k).
inline vertex_t number_by_size(std::vector<vertex_t>& m) {
  const std::size_t n = m.size();
  vertex_t bound = 0;
  for (vertex_t c : m) bound = std::max(bound, vertex_t(c + 1));
  std::vector<vertex_t> size(bound, 0), first(bound, std::numeric_limits<vertex_t>::max());
  for (std::size_t v = 0; v < n; ++v) {
    ++size[m[v]];
    first[m[v]] = std::min(first[m[v]], vertex_t(v));
  }
  std::vector<vertex_t> used;
  for (vertex_t c = 0; c < bound; ++c)
    if (size[c] > 0) used.push_back(c);
  std::sort(used.begin(), used.end(), [&](vertex_t a, vertex_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<vertex_t> id(bound, 0);
  for (vertex_t i = 0; i < vertex_t(used.size()); ++i) id[used[i]] = i;
  for (auto& c : m) c = id[c];
  return vertex_t(used.size());
}

}  // namespace ringleader::community
