// ringleader/resolve/cluster.hpp - accepted pairs -> clusters of
// identifiers (one inferred person each), with guards against chaining.
//
// Transitive closure by union-find (Tarjan 1975), taking the pairs in
// decreasing score (ties: by (a, b)), so the strongest evidence decides
// first.  A union is refused when
//  - the merged cluster would hold more than `max_size` identifiers
//    (single-linkage chaining: a few wrong links would otherwise join whole
//    crews into one "person"), or
//  - the two clusters hold identifiers of one hub (a SIM box, see
//    handset.hpp): `hub_of` gives per vertex its hub ids (CSR); identifiers
//    of a hub are never put under one person (cannot-link constraints, as
//    in Wagstaff et al. 2001).
// Per pair, status: 0 merged (joined two clusters), 1 already together
// (implied by other pairs), 2 refused by the size cap, 3 refused by a hub.
// label[v] = the smallest vertex of v's cluster.  O(P log P + P alpha(n) +
// hub ids moved), serial (a union-find in priority order), deterministic.
//
// References: Tarjan, R. E. (1975), see graph/components.hpp; Wagstaff, K.,
// Cardie, C., Rogers, S. & Schroedl, S. (2001). Constrained k-means
// clustering with background knowledge. ICML: 577-584.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/graph/types.hpp"

namespace ringleader::resolve {

struct ClusterOptions {
  std::size_t max_size = 10;  ///< most identifiers under one inferred person
};

struct Clusters {
  std::vector<vertex_t> label;        ///< per vertex: smallest vertex of its cluster
  std::vector<std::uint8_t> status;   ///< per pair: 0 merged, 1 already together, 2 size cap, 3 hub
};

inline Clusters cluster(vertex_t n, const std::vector<vertex_t>& a, const std::vector<vertex_t>& b,
                        const std::vector<double>& score, const std::vector<std::uint64_t>& hub_offsets,
                        const std::vector<std::uint64_t>& hub_ids, const ClusterOptions& o = {}) {
  const std::size_t P = a.size();
  if (b.size() != P || score.size() != P) throw InvalidArgument("pair arrays differ in length");
  if (!hub_offsets.empty() && hub_offsets.size() != std::size_t(n) + 1)
    throw InvalidArgument("hub offsets must have n + 1 entries");
  if (o.max_size < 2) throw InvalidArgument("max_size must be at least 2");
  std::vector<vertex_t> parent(n), size(n, 1);
  std::iota(parent.begin(), parent.end(), vertex_t(0));
  std::vector<std::vector<std::uint64_t>> hubs(n);
  if (!hub_offsets.empty())
    for (vertex_t v = 0; v < n; ++v) {
      hubs[v].assign(hub_ids.begin() + std::ptrdiff_t(hub_offsets[v]), hub_ids.begin() + std::ptrdiff_t(hub_offsets[v + 1]));
      std::sort(hubs[v].begin(), hubs[v].end());
    }
  auto find = [&](vertex_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<std::size_t> order(P);
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (score[x] != score[y]) return score[x] > score[y];
    return std::make_pair(std::min(a[x], b[x]), std::max(a[x], b[x])) <
           std::make_pair(std::min(a[y], b[y]), std::max(a[y], b[y]));
  });
  Clusters r;
  r.status.assign(P, 0);
  for (std::size_t i : order) {
    if (a[i] >= n || b[i] >= n) throw InvalidArgument("pair vertex out of range");
    vertex_t x = find(a[i]), y = find(b[i]);
    if (x == y) {
      r.status[i] = 1;
      continue;
    }
    if (std::size_t(size[x]) + size[y] > o.max_size) {
      r.status[i] = 2;
      continue;
    }
    const auto& hx = hubs[x];
    const auto& hy = hubs[y];
    bool clash = false;
    for (std::size_t p = 0, q = 0; p < hx.size() && q < hy.size();) {
      if (hx[p] == hy[q]) {
        clash = true;
        break;
      }
      hx[p] < hy[q] ? ++p : ++q;
    }
    if (clash) {
      r.status[i] = 3;
      continue;
    }
    if (x > y) std::swap(x, y);  // root = smallest vertex
    parent[y] = x;
    size[x] += size[y];
    std::vector<std::uint64_t> merged;
    std::merge(hubs[x].begin(), hubs[x].end(), hubs[y].begin(), hubs[y].end(), std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    hubs[x].swap(merged);
    std::vector<std::uint64_t>().swap(hubs[y]);
  }
  r.label.resize(n);
  for (vertex_t v = 0; v < n; ++v) r.label[v] = find(v);
  return r;
}

}  // namespace ringleader::resolve
