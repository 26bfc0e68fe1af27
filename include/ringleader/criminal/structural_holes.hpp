// ringleader/criminal/structural_holes.hpp - Burt's structural holes:
// constraint, effective size, efficiency and hierarchy.
//
// Conventions (networkx 3.x `constraint` and `effective_size`, exactly,
// including their treatment of self-loops), on the simple graph with weights
// read as strengths (1 when unweighted):
//  - N(v): v's neighbours in either direction (v itself when it has a
//    self-loop); a(u, v) = w(u, v) + w(v, u), the mutual weight (twice the
//    edge weight in an undirected graph); p(u, v) = a(u, v) / sum_{w in N(u)}
//    a(u, w); m(u, v) = a(u, v) / max_{w in N(u)} a(u, w).
//  - constraint(v) = sum_{j in N(v)} c(v, j), with the local constraint
//    c(v, j) = (p(v, j) + sum_{q in N(v)} p(v, q) p(q, j))^2.
//  - effective size: unweighted undirected graphs use Borgatti's form
//    n - 2t/n (n = number of neighbours other than v, t = edges among them,
//    their self-loops included); otherwise sum_{u in N(v)} (1 -
//    sum_{q in N(v)} p(v, q) m(u, q)) (v itself counts when it has a
//    self-loop, as in networkx).  This is networkx's documented formula and
//    its result when `nodes` is given; networkx 3.6's faster scipy path (used
//    when nodes=None) normalises m by the row maximum of q instead of u (a
//    broadcasting slip), which changes weighted and directed results.
//  - efficiency = effective size / n (Burt 1992).
//  - hierarchy = sum_j r_j ln r_j / (N ln N) over the N contacts j != v,
//    with r_j = c(v, j) / (C / N) and C = sum_j c(v, j) (Burt 1992; 0 when
//    constraint is spread evenly, 1 when concentrated on one contact).
// Constraint and hierarchy are NaN for a vertex without out-neighbours
// (networkx tests `len(G[v]) == 0`, the successors when directed), effective
// size and efficiency when v's only out-neighbour is itself; hierarchy is
// NaN below 2 contacts.  Complexity O(sum_v sum_{u in N(v)}
// deg(u)); parallel over vertices, deterministic.
//
// References: Burt, R. S. (1992). Structural Holes: The Social Structure of
// Competition. Harvard University Press.  Borgatti, S. P. (1997). Structural
// holes: unpacking Burt's redundancy measures. Connections 20(1):35-38.
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are one
// tie whose weight (the column opt.weight) is their sum, so a contact called
// often constrains more.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/quotient.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::criminal {

/// graph::StrengthOptions: weights are strengths (the sum of parallel edges).
struct StructuralHolesOptions : graph::StrengthOptions {};

struct StructuralHoles {
  std::vector<double> constraint, effective_size, efficiency, hierarchy;
};

namespace detail_sh {

/// Mutual-weight adjacency: N(v) with a(v, u), self-loops included.
struct Mutual {
  std::vector<std::uint64_t> off;
  std::vector<vertex_t> adj;
  std::vector<double> a;
  std::vector<double> sum, max;
};

inline Mutual mutual(const CsrGraph& g, bool weighted, int threads) {
  Mutual m;
  graph::QGraph q;
  const auto& ioff = g.in_off();
  const auto& isrc = g.in_src();
  const auto& iw = g.in_w();
  graph::group_adjacency(q, g.n, g.n, threads, [&](vertex_t v, graph::Tally& t) {
    for (std::uint64_t e = g.out_begin(v); e < g.out_end(v); ++e) {
      const double w = weighted ? g.out_weights[e] : 1.0;
      // undirected: the arc list holds each edge once per end, a self-loop once
      t.add(g.out_targets[e], (!g.directed || g.out_targets[e] == v) ? 2.0 * w : w);
    }
    if (g.directed)
      for (std::uint64_t e = ioff[v]; e < ioff[v + 1]; ++e)
        if (isrc[e] != v) t.add(isrc[e], weighted ? iw[e] : 1.0);
  });
  m.off = std::move(q.off);
  m.adj = std::move(q.adj);
  m.a = std::move(q.w);
  m.sum.assign(g.n, 0.0);
  m.max.assign(g.n, 0.0);
  for (vertex_t v = 0; v < g.n; ++v)
    for (std::uint64_t e = m.off[v]; e < m.off[v + 1]; ++e) {
      m.sum[v] += m.a[e];
      m.max[v] = std::max(m.max[v], m.a[e]);
    }
  return m;
}

}  // namespace detail_sh

inline StructuralHoles structural_holes(const CsrGraph& g, const StructuralHolesOptions& o = {}) {
  const vertex_t n = g.n;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Progress& prog = ringleader::detail::progress_of(o.progress);
  const detail_sh::Mutual m = detail_sh::mutual(g, o.weighted, o.threads);
  StructuralHoles r;
  r.constraint.assign(n, nan);
  r.effective_size.assign(n, nan);
  r.efficiency.assign(n, nan);
  r.hierarchy.assign(n, nan);
  const bool borgatti = !g.directed && !o.weighted;
  std::vector<graph::Tally> tallies(std::size_t(parallel::threads(o.threads)));
  std::vector<std::vector<char>> marks(tallies.size());
  prog.start(n);
  parallel::for_each_dynamic(
      n,
      [&](int t, std::int64_t i) {
        const vertex_t v = vertex_t(i);
        if (prog.cancelled() || g.out_degree(v) == 0) return;
        auto p = [&](vertex_t u, std::uint64_t e) { return m.sum[u] > 0 ? m.a[e] / m.sum[u] : 0.0; };
        auto& tally = tallies[std::size_t(t)];
        tally.reserve(n);
        // indirect[j] = sum_q p(v, q) p(q, j), for j reachable in two steps
        tally.clear();
        for (std::uint64_t e = m.off[v]; e < m.off[v + 1]; ++e) {
          const vertex_t q = m.adj[e];
          const double pvq = p(v, e);
          for (std::uint64_t f = m.off[q]; f < m.off[q + 1]; ++f) tally.add(m.adj[f], pvq * p(q, f));
        }
        double c = 0.0;
        std::vector<double> local;
        for (std::uint64_t e = m.off[v]; e < m.off[v + 1]; ++e) {
          const vertex_t j = m.adj[e];
          const double x = p(v, e) + tally.get(j);
          c += x * x;
          if (j != v) local.push_back(x * x);
        }
        // no tie to anyone but itself (a self-loop only): undefined, as networkx (gh-6916)
        double to_others = 0.0;
        for (std::uint64_t e = m.off[v]; e < m.off[v + 1]; ++e)
          if (m.adj[e] != v) to_others += m.a[e];
        if (to_others > 0) r.constraint[v] = c;
        const double contacts = double(local.size());
        if (local.size() >= 2) {
          const double cs = std::accumulate(local.begin(), local.end(), 0.0), mean = cs / contacts;
          double h = 0.0;
          for (double cj : local)
            if (cj > 0) h += (cj / mean) * std::log(cj / mean);
          r.hierarchy[v] = mean > 0 ? h / (contacts * std::log(contacts)) : nan;
        }
        double es = 0.0;
        if (borgatti) {
          // n - 2t/n over the neighbours other than v (t counts their self-loops)
          auto& mark = marks[std::size_t(t)];
          if (mark.size() < n) mark.assign(n, 0);
          for (std::uint64_t e = g.out_begin(v); e < g.out_end(v); ++e) mark[g.out_targets[e]] = 1;
          mark[v] = 0;
          double k = 0, ties2 = 0;
          for (std::uint64_t e = g.out_begin(v); e < g.out_end(v); ++e) {
            const vertex_t u = g.out_targets[e];
            if (u == v) continue;
            k += 1;
            for (std::uint64_t f = g.out_begin(u); f < g.out_end(u); ++f) {
              const vertex_t w = g.out_targets[f];
              if (!mark[w]) continue;
              ties2 += w == u ? 2.0 : 1.0;  // other edges are seen from both ends, a self-loop once
            }
          }
          for (std::uint64_t e = g.out_begin(v); e < g.out_end(v); ++e) mark[g.out_targets[e]] = 0;
          es = k > 0 ? k - ties2 / k : nan;
        } else {
          // sum_{u in N(v)} (1 - sum_q p(v, q) m(u, q)); m(u, q) needs a(u, q): tally u's row
          for (std::uint64_t e = m.off[v]; e < m.off[v + 1]; ++e) {
            const vertex_t u = m.adj[e];
            tally.clear();
            for (std::uint64_t f = m.off[u]; f < m.off[u + 1]; ++f) tally.add(m.adj[f], m.a[f]);
            double red = 0.0;
            for (std::uint64_t f = m.off[v]; f < m.off[v + 1]; ++f) {
              const double auq = tally.get(m.adj[f]);
              if (auq > 0 && m.max[u] > 0) red += p(v, f) * auq / m.max[u];
            }
            es += 1.0 - red;
          }
        }
        bool alter = false;  // networkx: undefined when v's only (out-)neighbour is itself
        for (std::uint64_t e = g.out_begin(v); e < g.out_end(v) && !alter; ++e) alter = g.out_targets[e] != v;
        if (alter) {
          r.effective_size[v] = es;
          if (contacts >= 1) r.efficiency[v] = es / contacts;
        }
        if (t == 0) prog.advance(1);
      },
      o.threads, 64);
  prog.check();
  return r;
}

/// Structural holes of every vertex of `net` (simple view of
/// graph::Merge::Total).
inline StructuralHoles structural_holes(const Network& net, StructuralHolesOptions o = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, o);
  return structural_holes(g, o);
}

}  // namespace ringleader::criminal
