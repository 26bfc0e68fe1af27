// ringleader/community/detail/optimise.hpp - what Louvain and Leiden share:
// checking options, the quality function's QGraph and factor, and filling
// the Partition result.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "ringleader/community/modularity.hpp"
#include "ringleader/community/partition.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/quotient.hpp"

namespace ringleader::community {

/// The quality function an optimiser maximises.
enum class Objective {
  Modularity,  ///< Newman-Girvan (Leicht-Newman when directed), with a resolution
  CPM,         ///< Constant Potts Model: resolution = the density threshold
};

namespace detail {

/// Refuses weights modularity cannot use.
inline void check_weights(const CsrGraph& g, bool weighted) {
  if (!weighted) return;
  for (double w : g.out_weights)
    if (!(w >= 0.0) || !std::isfinite(w))
      throw InvalidArgument("community detection needs finite, non-negative edge weights (strengths); found " +
                            std::to_string(w) + ": fix or drop those edges, or run unweighted");
}

struct Problem {
  graph::QGraph q;
  double geff = 0.0;  ///< see graph/quotient.hpp
  bool trivial = false;  ///< nothing to optimise (no vertices or no edge weight)
};

inline Problem make_problem(const CsrGraph& g, Objective objective, double resolution, bool weighted, int threads) {
  if (!std::isfinite(resolution) || resolution < 0.0)
    throw InvalidArgument("resolution must be a finite number >= 0, not " + std::to_string(resolution));
  check_weights(g, weighted);
  Problem p;
  p.q = graph::from_csr(g, weighted, threads);
  double total = 0.0;
  for (double k : p.q.kout) total += k;
  double g_factor = resolution;
  if (objective == Objective::Modularity) {
    g_factor = total > 0 ? resolution / total : 0.0;
  } else {
    p.q.kout.assign(g.n, 1.0);
    p.q.kin.assign(g.n, 1.0);
  }
  p.geff = g.directed ? g_factor : g_factor / 2.0;
  p.trivial = g.n == 0 || total == 0.0;
  return p;
}

/// The quality of the partition `memb` (labels below q.n) in the units of
/// the gains (graph/quotient.hpp): half the combined weight inside
/// communities minus geff * sum_C Kout(C) Kin(C), without the self-loops'
/// constant term.  Summed in fixed chunks of vertices, then in chunk order,
/// so the value is the same for any thread count.  O(n + m).
inline double quotient_quality(const graph::QGraph& q, double geff, const std::vector<vertex_t>& memb, int threads) {
  constexpr std::int64_t kChunk = 4096;
  const std::int64_t chunks = (std::int64_t(q.n) + kChunk - 1) / kChunk;
  std::vector<double> inside(std::size_t(chunks), 0.0);
  parallel::for_each_dynamic(
      chunks,
      [&](int, std::int64_t c) {
        const vertex_t lo = vertex_t(c * kChunk), hi = vertex_t(std::min<std::int64_t>(q.n, (c + 1) * kChunk));
        double s = 0.0;
        for (vertex_t v = lo; v < hi; ++v)
          for (std::uint64_t e = q.begin(v); e < q.end(v); ++e)
            if (memb[q.adj[e]] == memb[v]) s += q.weight(e);
        inside[std::size_t(c)] = s;
      },
      graph::threads_for(q.n, threads), 1);
  std::vector<double> kout(q.n, 0.0), kin(q.n, 0.0);
  for (vertex_t v = 0; v < q.n; ++v) {
    kout[memb[v]] += q.kout[v];
    kin[memb[v]] += q.kin[v];
  }
  double in = 0.0, null = 0.0;
  for (double x : inside) in += x;
  for (vertex_t c = 0; c < q.n; ++c) null += kout[c] * kin[c];
  return in / 2.0 - geff * null;
}

/// Numbers `membership` by size and fills modularity and quality.
inline Partition finish(const CsrGraph& g, std::vector<vertex_t> membership, Objective objective, double resolution,
                        bool weighted, int threads) {
  threads = graph::threads_for(vertex_t(membership.size()), threads);
  Partition r;
  r.count = number_by_size(membership);
  r.membership = std::move(membership);
  ModularityOptions mo;
  mo.weighted = weighted;
  mo.threads = threads;
  r.modularity = modularity(g, r.membership, mo);
  mo.resolution = resolution;
  if (objective == Objective::CPM)
    r.quality = cpm_quality(g, r.membership, mo);
  else
    r.quality = resolution == 1.0 ? r.modularity : modularity(g, r.membership, mo);
  return r;
}

}  // namespace detail
}  // namespace ringleader::community
