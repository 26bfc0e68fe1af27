// ringleader/centrality/hits.hpp - HITS hubs and authorities.
//
// Conventions (networkx 3.x `hits`): authorities a are the dominant right
// singular vector of the weight matrix W (edge weights read as strengths, 1
// when unweighted, on the simple collapsed graph), i.e. the dominant
// eigenvector of W^T W; hubs are h = W a; both are normalised to sum 1.
// networkx computes a with scipy's `svds`.  Graphs of at most 500 nodes
// (method Auto, no nstart) are solved exactly the same way with Eigen's
// self-adjoint eigen-solver on W^T W (O(n^3)), which never fails to
// converge; larger ones run the equivalent power iteration from h = 1/n
// (or nstart), which needs many iterations when the two largest singular
// values are close:
//   a = W^T h / sum,  h = W a / sum,
// until sum_v |h'(v) - h(v)| + sum_v |a'(v) - a(v)| < tol, else
// ConvergenceError after max_iter steps (raise max_iter or tol).  The
// result matches networkx whenever the dominant singular value is simple;
// when it is not (e.g. two identical components, or an undirected bipartite
// graph, where W^T W = W^2 has +-lambda folded together) networkx's answer
// is arbitrary and ours is the projection of the uniform start.  A graph
// without (positively weighted) edges gives 1/n everywhere.  Negative, NaN
// or infinite weights are refused (InvalidArgument naming the column);
// weights beyond 2^256 or below 2^-256 are rescaled by a power of two first
// (graph/weights.hpp; HITS does not depend on the scale).  Undirected
// graphs: W is symmetric (hubs = authorities up to the iteration).  n == 0
// gives empty vectors.
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are
// merged and their weights (the column opt.weight; "" = 1 per edge) summed,
// since weights are strengths and two parallel ties are a stronger tie.
//
// Pull-based: a over in-arcs, h over out-arcs (no atomics), blocked
// reductions (same result for any thread count).  O(n + m) per iteration.
//
// Reference: Kleinberg, J. M. (1999). Authoritative sources in a
// hyperlinked environment. Journal of the ACM 46(5):604-632.
#pragma once

#include <Eigen/Dense>

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

enum class HitsMethod {
  Auto,   ///< Dense for n <= 500 without nstart, else Power
  Power,  ///< the power iteration below
  Dense,  ///< exact eigen-decomposition of W^T W (Eigen), O(n^3): small graphs only
};

struct HitsOptions {
  HitsMethod method = HitsMethod::Auto;
  int max_iter = 100;
  double tol = 1e-8;
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  std::vector<double> nstart;  ///< hub start: empty (uniform) or one value per vertex
  int threads = 0;
  Progress* progress = nullptr;
};

struct HitsResult {
  std::vector<double> hub, authority;
};

namespace detail_hits {
template <bool Weighted>
HitsResult run(const CsrGraph& g, const HitsOptions& o) {
  const vertex_t n = g.n;
  const std::int64_t N = n;
  Progress& prog = ringleader::detail::progress_of(o.progress);
  std::vector<double> h = o.nstart;
  if (h.empty()) h.assign(n, 1.0 / double(n));
  else detail::normalise(h, n, "nstart");
  std::vector<double> a(n, 0.0), an(n), hn(n);
  const auto& ioff = g.in_off();
  const auto& isrc = g.in_src();
  const auto& iw = g.in_w();
  const auto& ooff = g.out_offsets;
  const auto& otgt = g.out_targets;
  const auto& ow = g.out_weights;
  std::vector<std::array<double, 1>> s1;
  auto uniform = [&] {
    HitsResult r;
    r.hub.assign(n, 1.0 / double(n));
    r.authority.assign(n, 1.0 / double(n));
    return r;
  };
  prog.start(std::uint64_t(std::max(o.max_iter, 0)));
  for (int it = 0; it < o.max_iter; ++it) {
    // an = W^T h (raw)
    auto as = parallel::blocked_sum<1>(N, s1, o.threads, [&](std::int64_t lo, std::int64_t hi) {
      double t = 0;
      for (std::int64_t v = lo; v < hi; ++v) {
        double s = 0;
        const std::uint64_t e = ioff[v + 1];
        for (std::uint64_t k = ioff[v]; k < e; ++k) s += Weighted ? h[isrc[k]] * iw[k] : h[isrc[k]];
        an[v] = s;
        t += s;
      }
      return std::array<double, 1>{t};
    });
    if (!(as[0] > 0)) return uniform();
    const double ainv = 1.0 / as[0];
    // hn = W an (raw, an not yet scaled)
    auto hs = parallel::blocked_sum<1>(N, s1, o.threads, [&](std::int64_t lo, std::int64_t hi) {
      double t = 0;
      for (std::int64_t u = lo; u < hi; ++u) {
        double s = 0;
        const std::uint64_t e = ooff[u + 1];
        for (std::uint64_t k = ooff[u]; k < e; ++k) s += Weighted ? an[otgt[k]] * ow[k] : an[otgt[k]];
        hn[u] = s;
        t += s;
      }
      return std::array<double, 1>{t};
    });
    if (!(hs[0] > 0)) return uniform();
    const double hinv = 1.0 / hs[0];
    auto err = parallel::blocked_sum<1>(N, s1, o.threads, [&](std::int64_t lo, std::int64_t hi) {
      double e = 0;
      for (std::int64_t v = lo; v < hi; ++v) {
        const double av = an[v] * ainv, hv = hn[v] * hinv;
        e += std::fabs(av - a[v]) + std::fabs(hv - h[v]);
        a[v] = av;
        h[v] = hv;
      }
      return std::array<double, 1>{e};
    });
    prog.advance();
    prog.check();
    if (err[0] < o.tol) {
      prog.finish();
      return HitsResult{std::move(h), std::move(a)};
    }
  }
  throw ConvergenceError("hits did not converge in max_iter=" + std::to_string(o.max_iter) +
                         " iterations (tol=" + detail::num(o.tol) + "): increase max_iter or tol");
}
/// Exact: the dominant eigenvector of W^T W by Eigen's self-adjoint solver
/// (what networkx's svds computes), then h = W a; both scaled to sum 1.
inline HitsResult dense(const CsrGraph& g, bool weighted) {
  const Eigen::Index n = Eigen::Index(g.n);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  for (vertex_t u = 0; u < g.n; ++u)
    for (std::uint64_t k = g.out_offsets[u]; k < g.out_offsets[u + 1]; ++k)
      w(u, g.out_targets[k]) += weighted ? g.out_weights[k] : 1.0;
  const Eigen::MatrixXd m = w.transpose() * w;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(m);
  HitsResult r;
  if (es.info() != Eigen::Success || !(es.eigenvalues()(n - 1) > 0)) {
    r.hub.assign(g.n, 1.0 / double(g.n));
    r.authority.assign(g.n, 1.0 / double(g.n));
    return r;
  }
  Eigen::VectorXd a = es.eigenvectors().col(n - 1);
  Eigen::VectorXd h = w * a;
  a /= a.sum();
  h /= h.sum();
  r.authority.assign(a.data(), a.data() + n);
  r.hub.assign(h.data(), h.data() + n);
  return r;
}
}  // namespace detail_hits

/// Hub and authority scores (each sums to 1); see the header comment.
inline HitsResult hits(const CsrGraph& g, const HitsOptions& opt = {}) {
  if (!(opt.tol > 0)) throw InvalidArgument("tol must be positive");
  if (g.n == 0) return {};
  std::optional<CsrGraph> keep;
  const CsrGraph& h = graph::strength_view(g, opt.weighted, "hits", opt.weight, keep);
  const bool dense = opt.method == HitsMethod::Dense ||
                     (opt.method == HitsMethod::Auto && g.n <= 500 && opt.nstart.empty());
  if (dense) return detail_hits::dense(h, opt.weighted);
  return opt.weighted ? detail_hits::run<true>(h, opt) : detail_hits::run<false>(h, opt);
}

/// HITS hubs and authorities of `net`, on the simple view of graph::Merge::Total.
inline HitsResult hits(const Network& net, HitsOptions opt = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, opt);
  return hits(g, opt);
}

}  // namespace ringleader::centrality
