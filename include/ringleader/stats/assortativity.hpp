// ringleader/stats/assortativity.hpp - degree assortativity.
//
// Conventions (networkx `degree_assortativity_coefficient`): the Pearson
// correlation of (deg_x(u), deg_y(v)) over the arcs u->v of the simple
// graph: undirected graphs contribute both arcs of an edge and
// a self-loop once, with deg = degree (a self-loop counting twice); directed
// graphs use x = "out" for the source and y = "in" for the target by
// default.  Weighted: degrees are strengths (each arc still counts once).
// NaN when either variance is zero.  Computed in two passes (means, then
// centred products) with blocked reductions: deterministic for any thread
// count.  Complexity O(n + m).
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp), as centrality::degree does: parallel
// edges of any type are one edge, their weights (the column opt.weight)
// summed into strengths.
//
// Reference: Newman, M. E. J. (2003). Mixing patterns in networks. Phys.
// Rev. E 67:026126.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ringleader/centrality/degree.hpp"
#include "ringleader/core/blocks.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::stats {

struct AssortativityOptions {
  centrality::DegreeMode x = centrality::DegreeMode::Out;  ///< source degree (directed)
  centrality::DegreeMode y = centrality::DegreeMode::In;   ///< target degree (directed)
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  int threads = 0;
};

inline double degree_assortativity(const CsrGraph& g, const AssortativityOptions& opt = {}) {
  using centrality::DegreeMode;
  const vertex_t n = g.n;
  auto deg = [&](DegreeMode mode) {
    centrality::DegreeOptions d;
    d.mode = g.directed ? mode : DegreeMode::All;
    d.normalized = false;
    d.weighted = opt.weighted;
    d.threads = opt.threads;
    return centrality::degree(g, d);
  };
  const std::vector<double> dx = deg(opt.x), dy = g.directed ? deg(opt.y) : dx;
  const double arcs = double(g.num_arcs());
  if (arcs == 0) return std::numeric_limits<double>::quiet_NaN();
  std::vector<std::array<double, 2>> s2;
  auto means = parallel::blocked_sum<2>(std::int64_t(n), s2, opt.threads, [&](std::int64_t lo, std::int64_t hi) {
    double sx = 0, sy = 0;
    for (std::int64_t u = lo; u < hi; ++u)
      for (std::uint64_t a = g.out_offsets[u]; a < g.out_offsets[u + 1]; ++a) {
        sx += dx[u];
        sy += dy[g.out_targets[a]];
      }
    return std::array<double, 2>{sx, sy};
  });
  const double mx = means[0] / arcs, my = means[1] / arcs;
  std::vector<std::array<double, 3>> s3;
  auto c = parallel::blocked_sum<3>(std::int64_t(n), s3, opt.threads, [&](std::int64_t lo, std::int64_t hi) {
    double sxy = 0, sxx = 0, syy = 0;
    for (std::int64_t u = lo; u < hi; ++u) {
      const double x = dx[u] - mx;
      for (std::uint64_t a = g.out_offsets[u]; a < g.out_offsets[u + 1]; ++a) {
        const double y = dy[g.out_targets[a]] - my;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
    }
    return std::array<double, 3>{sxy, sxx, syy};
  });
  if (c[1] <= 0 || c[2] <= 0) return std::numeric_limits<double>::quiet_NaN();
  return c[0] / std::sqrt(c[1] * c[2]);
}

/// Degree assortativity of `net` (simple view of graph::Merge::Total).
inline double degree_assortativity(const Network& net, AssortativityOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, opt);
  return degree_assortativity(g, opt);
}

}  // namespace ringleader::stats
