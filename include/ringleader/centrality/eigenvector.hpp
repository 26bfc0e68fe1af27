// ringleader/centrality/eigenvector.hpp - eigenvector centrality.
//
// Conventions (networkx 3.x `eigenvector_centrality`): power iteration on
// A + I (the identity shift avoids oscillation on bipartite graphs) from the
// uniform vector 1/n, x'(v) = x(v) + sum_{u->v} W(u,v) x(u), normalised to
// Euclidean norm 1 after every step; it stops when sum_v |x'(v) - x(v)| <
// n * tol, else ConvergenceError after max_iter steps.  Directed graphs use
// in-arcs (the left eigenvector: a vertex is central when central vertices
// point to it).  W holds edge weights read as strengths (1 when unweighted)
// on the simple (collapsed) graph; an undirected self-loop is one arc, as in
// networkx.  Negative, NaN or infinite weights are refused (InvalidArgument
// naming the column); weights beyond 2^256 or below 2^-256 are rescaled by a
// power of two first (graph/weights.hpp), so 1e308 gives the same vector.  Disconnected graphs: the result concentrates on the component
// with the largest eigenvalue (others tend to 0), as in networkx.  n == 0
// gives an empty result (networkx raises).
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are
// merged and their weights (the column opt.weight; "" = 1 per edge) summed,
// since weights are strengths and two parallel ties are a stronger tie.
//
// Pull-based over in-arcs (no atomics), blocked reductions: the same result
// for any thread count.  O(n + m) per iteration.
//
// Reference: Bonacich, P. (1987). Power and centrality: a family of
// measures. American Journal of Sociology 92(5):1170-1182.
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

struct EigenvectorOptions {
  int max_iter = 100;
  double tol = 1e-6;
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  std::vector<double> nstart;  ///< empty (uniform) or one value per vertex (normalised to sum 1)
  int threads = 0;
  Progress* progress = nullptr;
};

namespace detail_ev {
template <bool Weighted>
std::vector<double> run(const CsrGraph& g, const EigenvectorOptions& o) {
  const vertex_t n = g.n;
  const std::int64_t N = n;
  Progress& prog = ringleader::detail::progress_of(o.progress);
  std::vector<double> x = o.nstart;
  if (x.empty()) x.assign(n, 1.0 / double(n));
  else detail::normalise(x, n, "nstart");
  std::vector<double> y(n);
  const auto& off = g.in_off();
  const auto& src = g.in_src();
  const auto& w = g.in_w();
  std::vector<std::array<double, 1>> s1;
  prog.start(std::uint64_t(std::max(o.max_iter, 0)));
  for (int it = 0; it < o.max_iter; ++it) {
    auto sq = parallel::blocked_sum<1>(N, s1, o.threads, [&](std::int64_t lo, std::int64_t hi) {
      double ss = 0;
      for (std::int64_t v = lo; v < hi; ++v) {
        double s = x[v];
        const std::uint64_t e = off[v + 1];
        for (std::uint64_t a = off[v]; a < e; ++a) s += Weighted ? x[src[a]] * w[a] : x[src[a]];
        y[v] = s;
        ss += s * s;
      }
      return std::array<double, 1>{ss};
    });
    double norm = std::sqrt(sq[0]);
    if (norm == 0) norm = 1;
    const double inv = 1.0 / norm;
    auto err = parallel::blocked_sum<1>(N, s1, o.threads, [&](std::int64_t lo, std::int64_t hi) {
      double e = 0;
      for (std::int64_t v = lo; v < hi; ++v) {
        const double xv = y[v] * inv;
        e += std::fabs(xv - x[v]);
        y[v] = xv;
      }
      return std::array<double, 1>{e};
    });
    x.swap(y);
    prog.advance();
    prog.check();
    if (err[0] < double(n) * o.tol) {
      prog.finish();
      return x;
    }
  }
  throw ConvergenceError("eigenvector centrality did not converge in max_iter=" + std::to_string(o.max_iter) +
                         " iterations (tol=" + detail::num(o.tol) + "): increase max_iter or tol");
}
}  // namespace detail_ev

/// Eigenvector centrality of every vertex (Euclidean norm 1); see above.
inline std::vector<double> eigenvector(const CsrGraph& g, const EigenvectorOptions& opt = {}) {
  if (!(opt.tol > 0)) throw InvalidArgument("tol must be positive");
  if (g.n == 0) return {};
  std::optional<CsrGraph> keep;
  const CsrGraph& h = graph::strength_view(g, opt.weighted, "eigenvector centrality", opt.weight, keep);
  return opt.weighted ? detail_ev::run<true>(h, opt) : detail_ev::run<false>(h, opt);
}

/// Eigenvector centrality of every vertex of `net`, on the simple view of graph::Merge::Total.
inline std::vector<double> eigenvector(const Network& net, EigenvectorOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, opt);
  return eigenvector(g, opt);
}

}  // namespace ringleader::centrality
