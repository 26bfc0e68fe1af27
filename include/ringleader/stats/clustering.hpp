// ringleader/stats/clustering.hpp - local clustering and transitivity.
//
// Conventions (networkx `clustering`, `transitivity`), on the simple graph,
// self-loops ignored:
// - undirected: c(v) = T(v) / (d(v) (d(v) - 1)), T(v) = number of ordered
//   pairs (j, k) of neighbours of v that are adjacent (twice the triangles),
//   d(v) the number of neighbours other than v; 0 when d(v) < 2 or T = 0.
//   Weighted (Onnela et al. 2005): each pair contributes the geometric mean
//   (w_vj w_jk w_kv)^(1/3) of weights normalised by the largest weight of
//   the network (self-loops included in that maximum, as networkx does);
//   negative, NaN or infinite weights are refused (InvalidArgument naming
//   the column, graph/weights.hpp).
// - directed (Fagiolo 2007): c(v) = T(v) / (2 (d_tot (d_tot - 1) - 2 d_bi)),
//   d_tot = in + out neighbours, d_bi = reciprocated neighbours, and T(v)
//   counts every directed triangle through v (weighted: geometric mean of
//   the three normalised arc weights).
// - transitivity = 3 triangles / connected triples = sum T / sum d (d - 1)
//   on the undirected graph (0 without triangles).  networkx refuses
//   directed graphs; here a directed network uses its underlying undirected
//   simple graph (an edge wherever an arc exists in either direction).
// Complexity O(sum_v d(v)^2) time, O(n) memory per thread; parallel over
// vertices, each value computed by one thread (deterministic).
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Total for clustering (parallel edges of any type are one
// edge whose weight, the column opt.weight, is their sum: weights are
// strengths) and graph::Merge::Structure for transitivity (unweighted); see
// graph/view.hpp.
//
// References: Watts, D. J. & Strogatz, S. H. (1998). Nature 393:440-442;
// Onnela, J.-P. et al. (2005). Phys. Rev. E 71:065103; Fagiolo, G. (2007).
// Phys. Rev. E 76:026107.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"
#include "ringleader/graph/weights.hpp"

namespace ringleader::stats {

/// graph::StrengthOptions: weights are strengths (the sum of parallel edges).
struct ClusteringOptions : graph::StrengthOptions {};

namespace detail_cl {

inline double max_weight(const CsrGraph& g, bool weighted) {
  if (!weighted || g.num_arcs() == 0) return 1.0;
  return *std::max_element(g.out_weights.begin(), g.out_weights.end());
}

struct Scratch {
  std::vector<std::uint32_t> stamp;
  std::vector<std::uint8_t> side;  // directed: 1 = predecessor, 2 = successor
  std::vector<double> wp, ws;
};

/// Per-vertex (T, denominator) for undirected g.
template <bool Weighted>
void undirected(const CsrGraph& g, double wmax, std::vector<double>& T, std::vector<double>& D, int threads,
                Progress& prog) {
  const vertex_t n = g.n;
  std::vector<Scratch> sc(std::size_t(parallel::threads(threads)));
  const double inv = 1.0 / wmax;
  parallel::for_each_dynamic(
      std::int64_t(n),
      [&](int t, std::int64_t ii) {
        if (prog.cancelled()) return;
        auto& s = sc[std::size_t(t)];
        if (s.stamp.empty()) {
          s.stamp.assign(n, 0);
          if (Weighted) s.wp.assign(n, 0.0);
        }
        const vertex_t i = vertex_t(ii);
        const std::uint32_t mark = i + 1;
        double d = 0;
        for (std::uint64_t a = g.out_offsets[i]; a < g.out_offsets[i + 1]; ++a) {
          const vertex_t j = g.out_targets[a];
          if (j == i) continue;
          s.stamp[j] = mark;
          if (Weighted) s.wp[j] = g.out_weights[a] * inv;
          d += 1;
        }
        double tri = 0;
        if (d >= 2)
          for (std::uint64_t a = g.out_offsets[i]; a < g.out_offsets[i + 1]; ++a) {
            const vertex_t j = g.out_targets[a];
            if (j == i) continue;
            const double wij = Weighted ? g.out_weights[a] * inv : 1.0;
            for (std::uint64_t b = g.out_offsets[j]; b < g.out_offsets[j + 1]; ++b) {
              const vertex_t k = g.out_targets[b];
              if (k == j || s.stamp[k] != mark) continue;  // k == i is never marked
              tri += Weighted ? std::cbrt(wij * g.out_weights[b] * inv * s.wp[k]) : 1.0;
            }
          }
        T[i] = tri;
        D[i] = d * (d - 1);
        prog.advance();
      },
      threads, 64);
}

/// Per-vertex (T, denominator) for directed g (Fagiolo).
template <bool Weighted>
void directed(const CsrGraph& g, double wmax, std::vector<double>& T, std::vector<double>& D, int threads,
              Progress& prog) {
  const vertex_t n = g.n;
  std::vector<Scratch> sc(std::size_t(parallel::threads(threads)));
  const double inv = 1.0 / wmax;
  parallel::for_each_dynamic(
      std::int64_t(n),
      [&](int t, std::int64_t ii) {
        if (prog.cancelled()) return;
        auto& s = sc[std::size_t(t)];
        if (s.stamp.empty()) {
          s.stamp.assign(n, 0);
          s.side.assign(n, 0);
          if (Weighted) {
            s.wp.assign(n, 0.0);
            s.ws.assign(n, 0.0);
          }
        }
        const vertex_t i = vertex_t(ii);
        const std::uint32_t mark = i + 1;
        double dtot = 0, dbi = 0;
        for (std::uint64_t a = g.in_offsets[i]; a < g.in_offsets[i + 1]; ++a) {
          const vertex_t k = g.in_sources[a];
          if (k == i) continue;
          s.stamp[k] = mark;
          s.side[k] = 1;
          if (Weighted) s.wp[k] = g.in_weights[a] * inv;
          dtot += 1;
        }
        for (std::uint64_t a = g.out_offsets[i]; a < g.out_offsets[i + 1]; ++a) {
          const vertex_t k = g.out_targets[a];
          if (k == i) continue;
          if (s.stamp[k] == mark) {
            s.side[k] |= 2;
            dbi += 1;
          } else {
            s.stamp[k] = mark;
            s.side[k] = 2;
          }
          if (Weighted) s.ws[k] = g.out_weights[a] * inv;
          dtot += 1;
        }
        double tri = 0;
        auto through = [&](vertex_t j, double wij) {
          auto visit = [&](vertex_t k, double wjk) {
            if (k == j || s.stamp[k] != mark) return;
            const std::uint8_t sd = s.side[k];
            if (sd & 1) tri += Weighted ? std::cbrt(wij * s.wp[k] * wjk) : 1.0;
            if (sd & 2) tri += Weighted ? std::cbrt(wij * s.ws[k] * wjk) : 1.0;
          };
          for (std::uint64_t b = g.in_offsets[j]; b < g.in_offsets[j + 1]; ++b)
            visit(g.in_sources[b], Weighted ? g.in_weights[b] * inv : 1.0);
          for (std::uint64_t b = g.out_offsets[j]; b < g.out_offsets[j + 1]; ++b)
            visit(g.out_targets[b], Weighted ? g.out_weights[b] * inv : 1.0);
        };
        if (dtot >= 2) {
          for (std::uint64_t a = g.in_offsets[i]; a < g.in_offsets[i + 1]; ++a)
            if (g.in_sources[a] != i) through(g.in_sources[a], Weighted ? g.in_weights[a] * inv : 1.0);
          for (std::uint64_t a = g.out_offsets[i]; a < g.out_offsets[i + 1]; ++a)
            if (g.out_targets[a] != i) through(g.out_targets[a], Weighted ? g.out_weights[a] * inv : 1.0);
        }
        T[i] = tri;
        D[i] = 2 * (dtot * (dtot - 1) - 2 * dbi);
        prog.advance();
      },
      threads, 64);
}

/// The underlying undirected simple graph of a directed one (no self-loops).
inline CsrGraph underlying_undirected(const CsrGraph& g) {
  std::vector<vertex_t> src, dst;
  src.reserve(g.num_arcs());
  dst.reserve(g.num_arcs());
  std::vector<std::uint32_t> stamp(g.n, 0);
  for (vertex_t u = 0; u < g.n; ++u) {
    // keep each unordered pair once: from its smaller endpoint
    for (std::uint64_t a = g.out_offsets[u]; a < g.out_offsets[u + 1]; ++a) {
      const vertex_t v = g.out_targets[a];
      if (v > u && stamp[v] != u + 1) {
        stamp[v] = u + 1;
        src.push_back(u);
        dst.push_back(v);
      }
    }
    for (std::uint64_t a = g.in_offsets[u]; a < g.in_offsets[u + 1]; ++a) {
      const vertex_t v = g.in_sources[a];
      if (v > u && stamp[v] != u + 1) {
        stamp[v] = u + 1;
        src.push_back(u);
        dst.push_back(v);
      }
    }
  }
  return CsrGraph::build(g.n, false, src, dst, nullptr);
}

}  // namespace detail_cl

/// Local clustering coefficient of every vertex; see the header comment.
inline std::vector<double> clustering(const CsrGraph& g, const ClusteringOptions& opt = {}) {
  const vertex_t n = g.n;
  Progress& prog = ringleader::detail::progress_of(opt.progress);
  std::vector<double> T(n), D(n);
  graph::check_strengths(g, opt.weighted, "clustering", opt.weight);
  const double wmax = detail_cl::max_weight(g, opt.weighted);
  prog.start(n);
  if (g.directed) {
    if (opt.weighted) detail_cl::directed<true>(g, wmax, T, D, opt.threads, prog);
    else detail_cl::directed<false>(g, wmax, T, D, opt.threads, prog);
  } else {
    if (opt.weighted) detail_cl::undirected<true>(g, wmax, T, D, opt.threads, prog);
    else detail_cl::undirected<false>(g, wmax, T, D, opt.threads, prog);
  }
  prog.check();
  prog.finish();
  for (vertex_t v = 0; v < n; ++v) T[v] = T[v] == 0 ? 0.0 : T[v] / D[v];
  return T;
}

/// Transitivity (global clustering) of the underlying undirected graph.
inline double transitivity(const CsrGraph& g, int threads = 0, Progress* progress = nullptr) {
  Progress& prog = ringleader::detail::progress_of(progress);
  CsrGraph tmp;
  const CsrGraph& u = g.directed ? (tmp = detail_cl::underlying_undirected(g)) : g;
  std::vector<double> T(u.n), D(u.n);
  prog.start(u.n);
  detail_cl::undirected<false>(u, 1.0, T, D, threads, prog);
  prog.check();
  prog.finish();
  double t = 0, d = 0;
  for (vertex_t v = 0; v < u.n; ++v) {
    t += T[v];
    d += D[v];
  }
  return t == 0 ? 0.0 : t / d;
}

/// Local clustering of every vertex of `net` (simple view of
/// graph::Merge::Total).
inline std::vector<double> clustering(const Network& net, ClusteringOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, opt);
  return clustering(g, opt);
}

/// Transitivity of `net` (simple view of graph::Merge::Structure).
inline double transitivity(const Network& net, int threads = 0, Progress* progress = nullptr) {
  return transitivity(graph::compute_view(net, graph::Merge::Structure, ""), threads, progress);
}

}  // namespace ringleader::stats
