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
#pragma once

#include <cstdint>
#include <numeric>
#include <vector>

#include "ringleader/centrality/detail/blocks.hpp"
#include "ringleader/community/detail/moving.hpp"
#include "ringleader/community/detail/optimise.hpp"

namespace ringleader::community {

struct LabelPropagationOptions {
  bool weighted = false;
  std::uint64_t seed = 0;
  int max_rounds = 100;
  int threads = 0;
  Progress* progress = nullptr;
};

inline Partition label_propagation(const CsrGraph& g, const LabelPropagationOptions& o = {}) {
  detail::check_weights(g, o.weighted);
  if (o.max_rounds < 1) throw InvalidArgument("max_rounds must be >= 1");
  Progress& prog = ringleader::detail::progress_of(o.progress);
  const detail::QGraph q = detail::from_csr(g, o.weighted, o.threads);
  const vertex_t n = g.n;
  std::vector<vertex_t> label(n), ring(n), target(detail::batch_size(n)), batch(target.size());
  std::iota(label.begin(), label.end(), vertex_t(0));
  std::iota(ring.begin(), ring.end(), vertex_t(0));
  Rng rng(o.seed);
  shuffle(ring, rng);
  std::vector<char> queued(n, 1);
  std::vector<std::uint32_t> visits(n, 0);
  std::vector<detail::Tally> tallies(std::size_t(parallel::threads(o.threads)));
  auto decide = [&](int t, std::int64_t i) {
    const vertex_t v = batch[std::size_t(i)];
    target[std::size_t(i)] = label[v];
    if (q.begin(v) == q.end(v)) return;
    detail::Tally& tally = tallies[std::size_t(t)];
    tally.reserve(n);
    tally.clear();
    for (std::uint64_t e = q.begin(v); e < q.end(v); ++e) tally.add(label[q.adj[e]], q.w[e]);
    double top = -1.0;
    std::uint32_t ties = 0;
    for (vertex_t c : tally.touched) {
      if (tally.sum(c) > top) {
        top = tally.sum(c);
        ties = 1;
      } else if (tally.sum(c) == top) {
        ++ties;
      }
    }
    if (tally.has(label[v]) && tally.sum(label[v]) == top) return;
    Rng pick(mix(o.seed, v, visits[v]));
    std::uint64_t j = pick.below(ties);
    for (vertex_t c : tally.touched)
      if (tally.sum(c) == top && j-- == 0) {
        target[std::size_t(i)] = c;
        break;
      }
  };
  std::vector<std::uint32_t> stale(n, 0);
  std::uint32_t batch_no = 0;
  std::uint64_t head = 0, len = n, visited = 0;
  const std::uint64_t cap = std::uint64_t(o.max_rounds) * n;
  const vertex_t bs = vertex_t(batch.size());
  prog.start(n);
  while (len > 0 && visited < cap && !prog.cancelled()) {
    const vertex_t b = vertex_t(std::min<std::uint64_t>(bs, len));
    for (vertex_t i = 0; i < b; ++i) {
      batch[i] = ring[head];
      queued[batch[i]] = 0;
      head = head + 1 == n ? 0 : head + 1;
    }
    len -= b;
    if (b >= 64)
      parallel::for_each_dynamic(b, decide, o.threads, 16);
    else
      for (vertex_t i = 0; i < b; ++i) decide(0, i);
    ++batch_no;
    for (vertex_t i = 0; i < b; ++i) {
      const vertex_t v = batch[i];
      if (stale[v] == batch_no) decide(0, i);  // a neighbour changed earlier in this batch: decide again
      const vertex_t c = target[i];
      ++visits[v];
      if (c == label[v]) continue;
      label[v] = c;
      for (std::uint64_t e = q.begin(v); e < q.end(v); ++e) {
        const vertex_t u = q.adj[e];
        stale[u] = batch_no;
        if (!queued[u] && label[u] != c) {
          queued[u] = 1;
          std::uint64_t at = head + len;
          if (at >= n) at -= n;
          ring[at] = u;
          ++len;
        }
      }
    }
    visited += b;
    prog.advance(b);
  }
  prog.check();
  Partition r = detail::finish(g, std::move(label), Objective::Modularity, 1.0, o.weighted, o.threads);
  r.seed = o.seed;
  r.iterations = int((visited + n - 1) / std::max<vertex_t>(n, 1));
  return r;
}

}  // namespace ringleader::community
