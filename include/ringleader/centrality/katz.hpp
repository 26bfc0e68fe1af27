// ringleader/centrality/katz.hpp - Katz centrality.
//
// Conventions (networkx 3.x `katz_centrality`): from x = 0 (or nstart),
//   x'(v) = alpha * sum_{u->v} W(u,v) x(u) + beta(v)
// until sum_v |x'(v) - x(v)| < n * tol (else ConvergenceError after
// max_iter steps: lower alpha below 1 / lambda_max, or raise max_iter/tol);
// with `normalized` the result is divided by its Euclidean norm (a zero
// vector is left as is).  Directed graphs use in-arcs (a vertex is central
// when central vertices point to it).  W holds edge weights read as
// strengths (1 when unweighted) on the simple (collapsed) graph; an
// undirected self-loop is one arc.  beta is a scalar or one value per
// vertex.  n == 0 gives an empty result.
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are
// merged and their weights (the column opt.weight; "" = 1 per edge) summed,
// since weights are strengths and two parallel ties are a stronger tie.
//
// Pull-based over in-arcs (no atomics), blocked reductions: the same result
// for any thread count.  O(n + m) per iteration.
//
// Reference: Katz, L. (1953). A new status index derived from sociometric
// analysis. Psychometrika 18(1):39-43.
#pragma once

#include <cmath>
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

namespace ringleader::centrality {

struct KatzOptions {
  double alpha = 0.1;
  double beta = 1.0;               ///< used when beta_per_vertex is empty
  std::vector<double> beta_per_vertex;
  bool normalized = true;
  int max_iter = 1000;
  double tol = 1e-6;
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  std::vector<double> nstart;      ///< empty (zeros) or one value per vertex
  int threads = 0;
  Progress* progress = nullptr;
};

namespace detail_katz {
template <bool Weighted>
std::vector<double> run(const CsrGraph& g, const KatzOptions& o) {
  const vertex_t n = g.n;
  const std::int64_t N = n;
  Progress& prog = ringleader::detail::progress_of(o.progress);
  const double* bv = o.beta_per_vertex.empty() ? nullptr : o.beta_per_vertex.data();
  if (bv && o.beta_per_vertex.size() != n) throw InvalidArgument("beta must give one value per node");
  std::vector<double> x = o.nstart;
  if (x.empty()) x.assign(n, 0.0);
  else if (x.size() != n) throw InvalidArgument("nstart must give one value per node");
  std::vector<double> y(n);
  const auto& off = g.in_off();
  const auto& src = g.in_src();
  const auto& w = g.in_w();
  const double alpha = o.alpha, beta = o.beta;
  std::vector<std::array<double, 1>> s1;
  prog.start(std::uint64_t(std::max(o.max_iter, 0)));
  for (int it = 0; it < o.max_iter; ++it) {
    auto err = parallel::blocked_sum<1>(N, s1, o.threads, [&](std::int64_t lo, std::int64_t hi) {
      double e = 0;
      for (std::int64_t v = lo; v < hi; ++v) {
        double s = 0;
        const std::uint64_t end = off[v + 1];
        for (std::uint64_t a = off[v]; a < end; ++a) s += Weighted ? x[src[a]] * w[a] : x[src[a]];
        const double xv = alpha * s + (bv ? bv[v] : beta);
        e += std::fabs(xv - x[v]);
        y[v] = xv;
      }
      return std::array<double, 1>{e};
    });
    x.swap(y);
    prog.advance();
    prog.check();
    if (err[0] < double(n) * o.tol) {
      if (o.normalized) {
        auto sq = parallel::blocked_sum<1>(N, s1, o.threads, [&](std::int64_t lo, std::int64_t hi) {
          double ss = 0;
          for (std::int64_t v = lo; v < hi; ++v) ss += x[v] * x[v];
          return std::array<double, 1>{ss};
        });
        const double s = sq[0] > 0 ? 1.0 / std::sqrt(sq[0]) : 1.0;
        for (double& v : x) v *= s;
      }
      prog.finish();
      return x;
    }
  }
  throw ConvergenceError("katz centrality did not converge in max_iter=" + std::to_string(o.max_iter) +
                         " iterations (tol=" + detail::num(o.tol) +
                         "): lower alpha (it must be below 1/largest eigenvalue), or increase max_iter or tol");
}
}  // namespace detail_katz

/// Katz centrality of every vertex; see the header comment.
inline std::vector<double> katz(const CsrGraph& g, const KatzOptions& opt = {}) {
  if (!(opt.tol > 0)) throw InvalidArgument("tol must be positive");
  if (g.n == 0) return {};
  return opt.weighted ? detail_katz::run<true>(g, opt) : detail_katz::run<false>(g, opt);
}

/// Katz centrality of every vertex of `net`, on the simple view of graph::Merge::Total.
inline std::vector<double> katz(const Network& net, KatzOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, opt);
  return katz(g, opt);
}

}  // namespace ringleader::centrality
