// ringleader/centrality/pagerank.hpp - PageRank.
//
// Conventions (networkx 3.x `pagerank`, its scipy implementation): on the
// simple (collapsed) graph, with W the weight matrix (edge weights read as
// strengths; 1 when unweighted) and S(u) the out-strength of u,
//   x'(v) = alpha * ( sum_{u->v} x(u) W(u,v) / S(u) + d * q(v) ) + (1 - alpha) p(v)
// where d is the total rank held by dangling vertices (S(u) == 0), p the
// personalization vector (uniform by default) and q the dangling
// distribution (p by default); p, q and the start vector (uniform by
// default) are normalised to sum 1.  Undirected graphs are directed graphs
// with both arcs; a self-loop is one arc (it counts once in S, as in
// networkx).  Negative, NaN or infinite weights are refused
// (InvalidArgument naming the column); weights beyond 2^256 or below 2^-256
// are rescaled by a power of two first (graph/weights.hpp; W / S does not
// depend on the scale).  Iteration stops when sum_v |x'(v) - x(v)| < n * tol; after
// max_iter iterations without that, ConvergenceError.  n == 0 gives an
// empty result.
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are
// merged and their weights (the column opt.weight; "" = 1 per edge) summed,
// since weights are strengths and two parallel ties are a stronger tie.
//
// Implementation: pull-based power iteration over in-arcs with a
// precomputed y(u) = x(u) / S(u), so every vertex is written by one thread:
// no atomics, O(n + m) per iteration, no allocation inside the loop, and
// (blocked reductions) the same result for any thread count.
//
// Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The
// PageRank citation ranking: bringing order to the web. Stanford InfoLab.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "ringleader/centrality/detail/iterative.hpp"
#include "ringleader/core/blocks.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"
#include "ringleader/graph/weights.hpp"

namespace ringleader::centrality {

struct PageRankOptions {
  double alpha = 0.85;
  int max_iter = 100;
  double tol = 1e-6;
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  std::vector<double> personalization;  ///< empty (uniform) or one value per vertex
  std::vector<double> nstart;           ///< empty (uniform) or one value per vertex
  std::vector<double> dangling;         ///< empty (= personalization) or one value per vertex
  int threads = 0;
  Progress* progress = nullptr;
};

namespace detail_pr {
template <bool Weighted>
std::vector<double> run(const CsrGraph& g, const PageRankOptions& o) {
  const vertex_t n = g.n;
  const std::int64_t N = n;
  Progress& prog = ringleader::detail::progress_of(o.progress);
  std::vector<double> p = o.personalization, q = o.dangling, x = o.nstart;
  const bool uniform_p = p.empty();
  if (!uniform_p) detail::normalise(p, n, "personalization");
  const bool q_is_p = q.empty();
  if (!q_is_p) detail::normalise(q, n, "dangling");
  if (x.empty()) x.assign(n, 1.0 / double(n));
  else detail::normalise(x, n, "nstart");
  const double* pv = uniform_p ? nullptr : p.data();
  const double* qv = q_is_p ? pv : q.data();
  const double p0 = 1.0 / double(n);

  // 1 / out-strength (0 for dangling vertices).
  std::vector<double> inv(n);
  parallel::for_each_index(
      N,
      [&](std::int64_t i) {
        double s = 0;
        for (std::uint64_t a = g.out_offsets[i]; a < g.out_offsets[i + 1]; ++a) s += Weighted ? g.out_weights[a] : 1.0;
        inv[std::size_t(i)] = s != 0 ? 1.0 / s : 0.0;
      },
      o.threads);
  std::vector<double> y(n), xn(n), yn(n);
  double dsum = 0;
  for (vertex_t v = 0; v < n; ++v) {
    y[v] = x[v] * inv[v];
    if (inv[v] == 0) dsum += x[v];
  }
  const auto& off = g.in_off();
  const auto& src = g.in_src();
  const auto& w = g.in_w();
  const double alpha = o.alpha, beta = 1.0 - o.alpha;
  std::vector<std::array<double, 2>> scratch;
  prog.start(std::uint64_t(std::max(o.max_iter, 0)));
  for (int it = 0; it < o.max_iter; ++it) {
    const double d = dsum;
    auto r = parallel::blocked_sum<2>(N, scratch, o.threads, [&](std::int64_t lo, std::int64_t hi) {
      double err = 0, dn = 0;
      for (std::int64_t v = lo; v < hi; ++v) {
        double s = 0;
        const std::uint64_t e = off[v + 1];
        for (std::uint64_t a = off[v]; a < e; ++a) s += Weighted ? y[src[a]] * w[a] : y[src[a]];
        const double xv = alpha * (s + d * (qv ? qv[v] : p0)) + beta * (pv ? pv[v] : p0);
        err += std::fabs(xv - x[v]);
        xn[v] = xv;
        yn[v] = xv * inv[v];
        if (inv[v] == 0) dn += xv;
      }
      return std::array<double, 2>{err, dn};
    });
    x.swap(xn);
    y.swap(yn);
    dsum = r[1];
    prog.advance();
    prog.check();
    if (r[0] < double(n) * o.tol) {
      prog.finish();
      return x;
    }
  }
  throw ConvergenceError("pagerank did not converge in max_iter=" + std::to_string(o.max_iter) +
                         " iterations (tol=" + detail::num(o.tol) +
                         "): increase max_iter or tol, or lower alpha");
}
}  // namespace detail_pr

/// PageRank of every vertex (sums to 1); see the header comment.
inline std::vector<double> pagerank(const CsrGraph& g, const PageRankOptions& opt = {}) {
  if (!(opt.alpha >= 0 && opt.alpha <= 1)) throw InvalidArgument("alpha must be in [0, 1]");
  if (!(opt.tol > 0)) throw InvalidArgument("tol must be positive");
  if (g.n == 0) return {};
  std::optional<CsrGraph> keep;
  const CsrGraph& h = graph::strength_view(g, opt.weighted, "pagerank", opt.weight, keep);
  return opt.weighted ? detail_pr::run<true>(h, opt) : detail_pr::run<false>(h, opt);
}

/// PageRank of every vertex of `net`, on the simple view of graph::Merge::Total.
inline std::vector<double> pagerank(const Network& net, PageRankOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, opt);
  return pagerank(g, opt);
}

}  // namespace ringleader::centrality
