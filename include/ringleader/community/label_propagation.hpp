// ringleader/community/label_propagation.hpp - label propagation.
//
// Every vertex starts with its own label and repeatedly takes the label that
// carries the largest total edge weight among its neighbours (Raghavan,
// Albert & Kumara 2007), keeping its label when that is one of the best and
// otherwise choosing uniformly at random among the best (networkx's
// `asyn_lpa_communities`).  Vertices are visited from a queue, initially all
// in random order; a vertex whose label changed queues its neighbours with
// other labels; the run stops when the queue is empty (every vertex holds a
// most frequent label) or after `max_rounds` x n visits.  Directed graphs are
// read as undirected (both directions of an arc count).  Weights are
// strengths.  Near-linear time.  Results depend on the seed only, not on the
// thread count: vertices are decided in batches against the labels at the
// start of the batch (see detail/moving.hpp), with one random stream per
// (vertex, visit).
//
// Reference: Raghavan, U. N., Albert, R. & Kumara, S. (2007). Near linear
// time algorithm to detect community structures in large-scale networks.
// Phys. Rev. E 76:036106.
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Total (graph/view.hpp): parallel edges of any type are one
// edge whose weight (the column opt.weight) is their sum, so two people who
// called 40 times are linked with strength 40.
#pragma once

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "ringleader/community/detail/moving.hpp"
#include "ringleader/community/detail/optimise.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::community {

struct LabelPropagationOptions {
  bool weighted = false;
  /// On a Network: the edge column read as strengths ("" = unweighted, or
  /// "weight" when `weighted` is set); the CsrGraph overload reads `weighted`.
  std::string weight;
  std::uint64_t seed = 0;
  int max_rounds = 100;
  int threads = 0;
  Progress* progress = nullptr;
};

inline Partition label_propagation(const CsrGraph& g, const LabelPropagationOptions& o = {}) {
  detail::check_weights(g, o.weighted);
  if (o.max_rounds < 1) throw InvalidArgument("max_rounds must be >= 1");
  Progress& prog = ringleader::detail::progress_of(o.progress);
  const graph::QGraph q = graph::from_csr(g, o.weighted, o.threads);
  const vertex_t n = g.n;
  std::vector<vertex_t> label(n);
  std::iota(label.begin(), label.end(), vertex_t(0));
  std::vector<std::uint32_t> visits(n, 0);
  std::vector<graph::Tally> tallies(std::size_t(parallel::threads(o.threads)));
  auto decide = [&](int t, vertex_t v) {
    if (q.begin(v) == q.end(v)) return label[v];
    graph::Tally& tally = tallies[std::size_t(t)];
    tally.reserve(n);
    tally.clear(q.end(v) - q.begin(v));
    for (std::uint64_t e = q.begin(v); e < q.end(v); ++e) tally.add(label[q.adj[e]], q.weight(e));
    double top = -1.0;
    std::uint32_t ties = 0;
    for (std::size_t i = 0; i < tally.size(); ++i) {
      const double x = tally.sums[i];
      if (x > top) {
        top = x;
        ties = 1;
      } else if (x == top) {
        ++ties;
      }
    }
    const std::size_t own = tally.find(label[v]);
    if (own < tally.size() && tally.sums[own] == top) return label[v];
    Rng pick(mix(o.seed, v, visits[v]));  // one stream per (vertex, visit)
    std::uint64_t j = pick.below(ties);
    for (std::size_t i = 0; i < tally.size(); ++i)
      if (tally.sums[i] == top && j-- == 0) return tally.touched[i];
    return label[v];
  };
  auto apply = [&](vertex_t v, vertex_t c) {
    ++visits[v];
    if (c == label[v]) return detail::Applied::Unchanged;
    label[v] = c;
    return detail::Applied::Changed;
  };
  const std::uint64_t visited =
      detail::visit_queue(q, o.seed, o.threads, std::uint64_t(o.max_rounds) * n, prog, decide, apply,
                          [&](vertex_t u, vertex_t v) { return label[u] != label[v]; }, detail::Settled::Requeue,
                          [](vertex_t, vertex_t) { return false; });
  Partition r = detail::finish(g, std::move(label), Objective::Modularity, 1.0, o.weighted, o.threads);
  r.seed = o.seed;
  r.iterations = int((visited + n - 1) / std::max<vertex_t>(n, 1));
  return r;
}

/// Label propagation of `net` (simple view of graph::Merge::Total).
inline Partition label_propagation(const Network& net, LabelPropagationOptions o = {}) {
  const CsrGraph& g = graph::view_for(net, graph::Merge::Total, o);
  return label_propagation(g, o);
}

}  // namespace ringleader::community
