// ringleader/community/modularity.hpp - quality of a partition: modularity,
// the Constant Potts Model, coverage and performance, and per-community
// statistics (size, internal weight, volume, cut, conductance).
//
// Conventions (networkx 3.x `community.modularity`, `partition_quality`,
// `conductance`), on the simple graph with weights read as strengths (1 when
// unweighted):
//  - modularity, undirected: Q = sum_c [ L_c / m - gamma (K_c / 2m)^2 ],
//    L_c the weight of the edges inside c (a self-loop once), K_c the sum of
//    the strengths in c (a self-loop counts twice), m the total edge weight;
//    directed (Leicht & Newman 2008): Q = sum_c [ L_c / m - gamma Kout_c
//    Kin_c / m^2 ].  A graph without edge weight has no modularity: NaN.
//    Negative, NaN or infinite weights are refused (InvalidArgument naming
//    the column); weights beyond 2^256 or below 2^-256 are rescaled by a
//    power of two first (graph/weights.hpp; Q does not depend on the scale).
//  - CPM (Traag, Van Dooren & Nesterov 2011, as leidenalg):
//    H = sum_c [ L_c - gamma n_c (n_c - 1) / 2 ] (directed: n_c (n_c - 1)).
//  - coverage: intra-community edges / edges; performance: (intra-community
//    edges + inter-community non-edges) / vertex pairs; both unweighted, a
//    self-loop is one intra-community edge (as networkx); NaN when undefined.
//  - conductance of c: cut(c) / min(vol(c), vol(V - c)), vol the sum of
//    (out-, when directed) strengths and cut the weight of the edges with one
//    end in c (both directions when directed); NaN when the minimum is 0.
// Complexity O(n + m); the sums are blocked, so the same for any thread count.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are one
// edge whose weight (the column `weight`) is their sum, as the community
// methods read it; coverage and performance count edges (Structure).
//
// References: Newman, M. E. J. (2006). Modularity and community structure in
// networks. PNAS 103(23):8577-8582.  Leicht, E. A. & Newman, M. E. J. (2008).
// Community structure in directed networks. PRL 100:118703.  Fortunato, S.
// (2010). Community detection in graphs. Physics Reports 486:75-174.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "ringleader/core/blocks.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/quotient.hpp"
#include "ringleader/graph/view.hpp"
#include "ringleader/graph/weights.hpp"

namespace ringleader::community {

struct ModularityOptions {
  double resolution = 1.0;
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  int threads = 0;
};

namespace detail {

/// Checks a membership vector against g; returns the number of labels
/// (largest + 1).
inline vertex_t check_membership(const CsrGraph& g, const std::vector<vertex_t>& m) {
  if (m.size() != g.n)
    throw InvalidArgument("the partition has " + std::to_string(m.size()) + " entries but the network has " +
                          std::to_string(g.n) + " vertices: give every vertex one community");
  vertex_t k = 0;
  for (vertex_t c : m) k = std::max(k, vertex_t(c + 1));
  if (k > g.n && g.n > 0)
    throw InvalidArgument("community labels must be below the number of vertices: number them 0..k-1");
  return k;
}

/// Weight of the arcs inside communities: [arc weight, self-loop weight].
inline std::array<double, 2> inside(const CsrGraph& g, const std::vector<vertex_t>& m, bool weighted, int threads) {
  std::vector<std::array<double, 2>> scratch;
  return parallel::blocked_sum<2>(g.n, scratch, threads, [&](std::int64_t lo, std::int64_t hi) {
    std::array<double, 2> s{};
    for (auto v = vertex_t(lo); v < vertex_t(hi); ++v)
      for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a) {
        const vertex_t u = g.out_targets[a];
        if (m[u] != m[v]) continue;
        const double w = weighted ? g.out_weights[a] : 1.0;
        s[0] += w;
        if (u == v) s[1] += w;
      }
    return s;
  });
}

}  // namespace detail

/// Modularity of `membership` (labels 0..k-1, one per vertex).
inline double modularity(const CsrGraph& input, const std::vector<vertex_t>& membership,
                         const ModularityOptions& o = {}) {
  const vertex_t k = detail::check_membership(input, membership);
  if (!std::isfinite(o.resolution)) throw InvalidArgument("resolution must be a finite number");
  std::optional<CsrGraph> keep;
  const CsrGraph& g = graph::strength_view(input, o.weighted, "modularity", o.weight, keep);
  std::vector<double> kout, kin;
  graph::strengths(g, o.weighted, o.threads, kout, kin);
  std::vector<double> ko(k, 0.0), ki(k, 0.0);
  double total = 0.0;
  for (vertex_t v = 0; v < g.n; ++v) {
    ko[membership[v]] += kout[v];
    ki[membership[v]] += kin[v];
    total += kout[v];
  }
  if (total == 0.0) return std::numeric_limits<double>::quiet_NaN();
  const auto in = detail::inside(g, membership, o.weighted, o.threads);
  // Undirected: the arcs count inner edges twice and self-loops once; the
  // sum over ordered pairs counts a self-loop twice as well.
  const double inner = g.directed ? in[0] : in[0] + in[1];
  double null = 0.0;
  for (vertex_t c = 0; c < k; ++c) null += ko[c] * ki[c];
  return inner / total - o.resolution * null / (total * total);
}

/// The Constant Potts Model quality of `membership` at `o.resolution`.
inline double cpm_quality(const CsrGraph& g, const std::vector<vertex_t>& membership, const ModularityOptions& o = {}) {
  const vertex_t k = detail::check_membership(g, membership);
  const auto in = detail::inside(g, membership, o.weighted, o.threads);
  const double inner = g.directed ? in[0] : (in[0] + in[1]) / 2.0;
  std::vector<double> size(k, 0.0);
  for (vertex_t c : membership) size[c] += 1.0;
  double pairs = 0.0;
  for (double s : size) pairs += s * (s - 1.0);
  return inner - o.resolution * (g.directed ? pairs : pairs / 2.0);
}

struct PartitionQuality {
  double coverage = 0.0;
  double performance = 0.0;
};

/// Coverage and performance (networkx's `partition_quality`), unweighted.
inline PartitionQuality partition_quality(const CsrGraph& g, const std::vector<vertex_t>& membership, int threads = 0) {
  const vertex_t k = detail::check_membership(g, membership);
  const auto in = detail::inside(g, membership, false, threads);
  std::uint64_t loops = 0;
  for (vertex_t v = 0; v < g.n; ++v)
    for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a) loops += g.out_targets[a] == v;
  const double arcs = double(g.num_arcs());
  const double edges = g.directed ? arcs : (arcs + double(loops)) / 2.0;
  const double intra = g.directed ? in[0] : (in[0] + in[1]) / 2.0;
  std::vector<double> size(k, 0.0);
  for (vertex_t c : membership) size[c] += 1.0;
  const double n = double(g.n);
  double same = 0.0;
  for (double s : size) same += s * s;
  double possible_inter = (n * n - same) / 2.0, pairs = n * (n - 1.0) / 2.0;
  if (g.directed) {
    possible_inter *= 2.0;
    pairs *= 2.0;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  PartitionQuality q;
  q.coverage = edges > 0 ? intra / edges : nan;
  q.performance = pairs > 0 ? (intra + possible_inter - (edges - intra)) / pairs : nan;
  return q;
}

struct CommunityStats {
  std::vector<double> size, internal, volume, cut, conductance;
};

/// Per-community size, internal edge weight (a self-loop once), volume, cut
/// and conductance.
inline CommunityStats community_stats(const CsrGraph& g, const std::vector<vertex_t>& membership,
                                      bool weighted = false, int threads = 0) {
  const vertex_t k = detail::check_membership(g, membership);
  std::vector<double> kout, kin;
  graph::strengths(g, weighted, threads, kout, kin);
  CommunityStats s;
  s.size.assign(k, 0.0);
  s.internal.assign(k, 0.0);
  s.volume.assign(k, 0.0);
  s.cut.assign(k, 0.0);
  double total = 0.0;
  for (vertex_t v = 0; v < g.n; ++v) {
    const vertex_t c = membership[v];
    s.size[c] += 1.0;
    s.volume[c] += kout[v];
    total += kout[v];
    for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a) {
      const vertex_t u = g.out_targets[a];
      const double w = weighted ? g.out_weights[a] : 1.0;
      if (membership[u] != c) {
        s.cut[c] += w;
        if (g.directed) s.cut[membership[u]] += w;
      } else {
        s.internal[c] += (g.directed || u == v) ? w : w / 2.0;
      }
    }
  }
  s.conductance.resize(k);
  for (vertex_t c = 0; c < k; ++c) {
    const double low = std::min(s.volume[c], total - s.volume[c]);
    s.conductance[c] = low > 0 ? s.cut[c] / low : std::numeric_limits<double>::quiet_NaN();
  }
  return s;
}

/// Modularity of `membership` on `net` (simple view of graph::Merge::Total).
inline double modularity(const Network& net, const std::vector<vertex_t>& membership, ModularityOptions o = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, o);
  return modularity(g, membership, o);
}

/// CPM quality of `membership` on `net` (simple view of graph::Merge::Total).
inline double cpm_quality(const Network& net, const std::vector<vertex_t>& membership, ModularityOptions o = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, o);
  return cpm_quality(g, membership, o);
}

/// Coverage and performance of `membership` on `net` (simple view of
/// graph::Merge::Structure).
inline PartitionQuality partition_quality(const Network& net, const std::vector<vertex_t>& membership,
                                          int threads = 0) {
  return partition_quality(graph::compute_view(net, graph::Merge::Structure, ""), membership, threads);
}

/// Per-community statistics of `membership` on `net` (simple view of
/// graph::Merge::Total); `weight`: the edge column summed ("" = edges counted).
inline CommunityStats community_stats(const Network& net, const std::vector<vertex_t>& membership,
                                      const std::string& weight = "", int threads = 0) {
  return community_stats(graph::compute_view(net, graph::Merge::Total, weight), membership, !weight.empty(),
                         threads);
}

}  // namespace ringleader::community
