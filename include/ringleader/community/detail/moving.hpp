// ringleader/community/detail/moving.hpp - the two moving phases shared by
// Louvain and Leiden: fast local moving and Leiden's refinement.
//
// Determinism: local moving takes vertices from its queue in batches whose
// size depends on the number of vertices only (batch_size); every vertex of a
// batch chooses its best community against the state at the start of the
// batch (in parallel), then the moves are applied in batch order (serially);
// the decision of a vertex a neighbour of which moved earlier in the batch is
// dropped and the vertex decides again first in the next batch (in parallel,
// against the state after this batch), so adjacent
// vertices never act on stale information (and cannot swap back and forth).
// A move whose source or target community changed earlier in the batch is
// checked again against the current totals and, when it no longer beats
// staying, is dropped the same way (without this check, vertices of one batch
// crowd into the same community on stale totals: the classic Louvain's
// (refine = false) modularity on
// Erdos-Renyi 200k/2M was 0.0012 below the sequential algorithm's).
// The result therefore depends on the seed only, never on the thread count.
// Below 16,384 vertices batches have one vertex: the classic sequential
// algorithm.  Refinement works on each community independently, with a
// random stream derived from the seed and the community.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include "ringleader/core/progress.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/graph/quotient.hpp"

namespace ringleader::community::detail {

/// Vertices decided together in one batch of local moving (a function of n
/// only, so that results do not depend on the thread count): one below
/// 16,384 vertices (the sequential algorithm), else n / 32 (512 to 65,536):
/// few batches per pass, so few synchronisations (which cost a time slice
/// each when the cores are shared with other programs).
inline vertex_t batch_size(vertex_t n) { return n < 16384 ? 1 : std::clamp<vertex_t>(n / 32, 512, 65536); }

/// What an `apply` of visit_queue did with a vertex's decision.
enum class Applied {
  Unchanged,  ///< the vertex stays
  Changed,    ///< the vertex changed
  Retry,      ///< the decision no longer holds: decide again in the next batch
};

/// What visit_queue does with a vertex that was visited and did not change.
enum class Settled {
  Requeue,  ///< it is queued again like any vertex (when `wants`)
  Prune,    ///< it is queued again only when `wakes` (a narrower condition)
};

/// The queue of local moving and label propagation.  Visits vertices from a
/// queue (initially all, in random order from `seed`) in batches of
/// batch_size(n): `decide(thread, v)` returns v's decision against the
/// current state (in parallel for a whole batch), then in batch order `apply(v,
/// decision)` makes the change and says what it did (Applied); a vertex a
/// neighbour of which changed earlier in the batch is not applied but carried
/// over to the front of the next batch (its decision may be stale; deciding it
/// again at once would be serial work, a third of local moving's time on 2
/// threads), and so is a vertex whose apply returns Applied::Retry (which an
/// apply must not return for the first vertex of a batch: nothing changed
/// before it, so every batch makes progress).  After v changed, each neighbour
/// u not in the queue is queued
/// when `wants(u, v)`, or, with Settled::Prune and u visited without
/// changing since it last changed, only when `wakes(u, v)`.
/// Stops when the queue is empty or after `cap` visits.  Returns the visits.
/// `bs` > 0 replaces batch_size(n) (tests: 1 is the sequential algorithm).
template <class Decide, class Apply, class Wants, class Wakes>
std::uint64_t visit_queue(const graph::QGraph& q, std::uint64_t seed, int threads, std::uint64_t cap, Progress& prog,
                          Decide&& decide, Apply&& apply, Wants&& wants, Settled settled, Wakes&& wakes,
                          vertex_t bs = 0) {
  // queued[v]: 1 in the queue (or in the batch being decided), 0 not, 2 not
  // and settled (Settled::Prune: visited, unchanged).
  const vertex_t n = q.n;
  if (n == 0) return 0;
  std::vector<vertex_t> ring(n);
  for (vertex_t v = 0; v < n; ++v) ring[v] = v;
  Rng rng(seed);
  shuffle(ring, rng);
  std::vector<char> queued(n, 1);
  std::vector<std::uint32_t> stale(n, 0);
  std::uint32_t batch_no = 0;
  std::uint64_t head = 0, len = n, visits = 0;
  if (bs == 0) bs = batch_size(n);
  using Decision = decltype(decide(0, vertex_t(0)));
  std::vector<vertex_t> batch(bs), carry;
  std::vector<Decision> target(bs);
  auto decide_at = [&](int t, std::int64_t i) { target[std::size_t(i)] = decide(t, batch[std::size_t(i)]); };
  prog.start(n);
  while ((len > 0 || !carry.empty()) && visits < cap && !prog.cancelled()) {
    // The vertices carried over from the previous batch first, then the queue.
    const vertex_t b = vertex_t(std::min<std::uint64_t>(bs, carry.size() + len));
    vertex_t i0 = vertex_t(carry.size());
    std::copy(carry.begin(), carry.end(), batch.begin());
    carry.clear();
    for (vertex_t i = i0; i < b; ++i) {
      batch[i] = ring[head];
      if (settled == Settled::Requeue) queued[batch[i]] = 0;
      head = head + 1 == n ? 0 : head + 1;
    }
    len -= b - i0;
    if (b >= 64)
      parallel::for_each_dynamic(b, decide_at, threads, 64);
    else
      for (vertex_t i = 0; i < b; ++i) decide_at(0, i);
    ++batch_no;
    for (vertex_t i = 0; i < b; ++i) {
      const vertex_t v = batch[i];
      if (stale[v] == batch_no) {  // a neighbour changed earlier in this batch: decide again in the next
        carry.push_back(v);
        continue;
      }
      const Applied did = apply(v, target[i]);
      if (did == Applied::Retry) {
        carry.push_back(v);
        continue;
      }
      if (did == Applied::Unchanged) {
        if (settled == Settled::Prune) queued[v] = 2;
        continue;
      }
      if (settled == Settled::Prune) queued[v] = 0;
      for (std::uint64_t e = q.begin(v); e < q.end(v); ++e) {
        const vertex_t u = q.adj[e];
        stale[u] = batch_no;
        if (queued[u] == 1) continue;
        if (queued[u] == 0 ? wants(u, v) : wakes(u, v)) {
          queued[u] = 1;
          std::uint64_t at = head + len;
          if (at >= n) at -= n;
          ring[at] = u;
          ++len;
        }
      }
    }
    visits += b;
    prog.advance(b);
  }
  prog.check();
  return visits;
}

/// The rule for settled vertices Leiden uses on q: Settled::Prune, except on
/// graphs below 16,384 vertices and 2^18 arcs (graph::threads_for's small
/// graphs, where local moving takes milliseconds), which keep the classic
/// rule: results there are those of the sequential algorithm.
inline Settled pruning_for(const graph::QGraph& q) {
  return graph::threads_for(q.n, q.adj.size(), 2) == 1 ? Settled::Requeue : Settled::Prune;
}

/// Fast local moving (Traag, Waltman & van Eck 2019, Algorithm A.2
/// MoveNodesFast; after Waltman & van Eck's queue): moves each visited vertex
/// to the community with the largest gain (or to an empty community when
/// every gain is negative) and queues the neighbours outside its new
/// community (visit_queue).  `comm` (labels below q.n) is the start
/// partition and the result.  With Settled::Prune (Leiden), a vertex that was
/// visited and stayed is visited again only when a neighbour leaves its
/// community (the one change that lowers the gain of staying), not when a
/// neighbour moves between two other communities (the classic rule, kept
/// for Louvain): each Leiden iteration visits every vertex again anyway.
/// NetworKit's ParallelLeiden prunes further (never again in the phase).
/// Returns the number of moves.  `batch` > 0 replaces batch_size(q.n) (tests:
/// 1 is the sequential algorithm, the verifier of the batched one).
inline std::uint64_t local_moving(const graph::QGraph& q, double geff, std::vector<vertex_t>& comm, std::uint64_t seed,
                                  int threads, Progress& prog, Settled settled = Settled::Requeue,
                                  vertex_t batch = 0) {
  const vertex_t n = q.n;
  // Community totals apart (out-strength, in-strength, members), the
  // in-strengths in the same array as the out-strengths when undirected
  // (kin = kout): a decision reads 8 bytes per candidate community.
  std::vector<double> out_total(n, 0.0), in_store(q.directed ? n : 0, 0.0);
  std::vector<vertex_t> members(n, 0);
  double* const tout = out_total.data();
  double* const tin = q.directed ? in_store.data() : out_total.data();
  std::vector<vertex_t> spare;
  for (vertex_t v = 0; v < n; ++v) {
    tout[comm[v]] += q.kout[v];
    if (q.directed) tin[comm[v]] += q.kin[v];
    ++members[comm[v]];
  }
  for (vertex_t c = n; c-- > 0;)
    if (members[c] == 0) spare.push_back(c);
  std::vector<graph::Tally> tallies(std::size_t(parallel::threads(threads)));
  // A decision keeps what apply needs to check it again: v's weight to its
  // target and own community, and their totals when it was taken.
  struct Decision {
    vertex_t to = graph::kNone;
    double w_to = 0.0, w_own = 0.0, to_out = 0.0, to_in = 0.0, own_out = 0.0, own_in = 0.0;
  };
  // The gain of putting a vertex of out-/in-strength ko/ki with weight w to a
  // community whose totals, without the vertex, are c_out/c_in.
  auto gain = [&](double w, double c_out, double c_in, double ko, double ki) {
    return w - geff * (ko * c_in + ki * c_out);
  };
  auto decide = [&](int t, vertex_t v) {
    const vertex_t d = comm[v];
    graph::Tally& tally = tallies[std::size_t(t)];
    tally.reserve(n);
    tally.clear(q.end(v) - q.begin(v));
    for (std::uint64_t e = q.begin(v); e < q.end(v); ++e) tally.add(comm[q.adj[e]], q.weight(e));
    const double ko = q.kout[v], ki = q.kin[v];
    vertex_t best = d;
    double best_gain = gain(tally.get(d), tout[d] - ko, tin[d] - ki, ko, ki);
    for (std::size_t i = 0; i < tally.size(); ++i) {
      const vertex_t c = tally.touched[i];
      if (c == d) continue;
      const double g = gain(tally.sums[i], tout[c], tin[c], ko, ki);
      if (g > best_gain) {
        best_gain = g;
        best = c;
      }
    }
    if (best_gain < 0.0 && members[d] > 1) best = graph::kNone;  // an empty community gains 0
    Decision r;
    r.to = best;
    if (best == d) return r;
    r.w_own = tally.get(d);
    r.own_out = tout[d];
    r.own_in = tin[d];
    if (best != graph::kNone) {
      r.w_to = tally.get(best);
      r.to_out = tout[best];
      r.to_in = tin[best];
    }
    return r;
  };
  // Whether a move decided on totals that changed since still beats staying
  // (gains as in decide; unchanged totals give the same gains, so the first
  // vertex of a batch is never refused).
  auto still_better = [&](vertex_t v, vertex_t d, const Decision& r) {
    const bool to_same = r.to == graph::kNone || (tout[r.to] == r.to_out && tin[r.to] == r.to_in);
    if (to_same && tout[d] == r.own_out && tin[d] == r.own_in) return true;
    const double ko = q.kout[v], ki = q.kin[v];
    const double stay = gain(r.w_own, tout[d] - ko, tin[d] - ki, ko, ki);
    const double go = r.to == graph::kNone ? 0.0 : gain(r.w_to, tout[r.to], tin[r.to], ko, ki);
    return go > stay;
  };
  std::uint64_t moves = 0;
  vertex_t left = graph::kNone;  // the community the last vertex moved out of
  auto apply = [&](vertex_t v, const Decision& r) {
    const vertex_t d = comm[v];
    vertex_t c = r.to;
    if (c == d) return Applied::Unchanged;
    if (!still_better(v, d, r)) return Applied::Retry;
    if (c == graph::kNone) {
      if (members[d] == 1) return Applied::Unchanged;
      do {
        c = spare.back();
        spare.pop_back();
      } while (members[c] != 0);
    }
    tout[d] -= q.kout[v];
    if (q.directed) tin[d] -= q.kin[v];
    if (--members[d] == 0) {
      tout[d] = 0.0;
      tin[d] = 0.0;
      spare.push_back(d);
    }
    tout[c] += q.kout[v];
    if (q.directed) tin[c] += q.kin[v];
    ++members[c];
    comm[v] = c;
    left = d;
    ++moves;
    return Applied::Changed;
  };
  // 64 visits per vertex bound the work if stale decisions ever cycled.
  visit_queue(q, seed, threads, 64 * std::uint64_t(n) + 1024, prog, decide, apply,
              [&](vertex_t u, vertex_t v) { return comm[u] != comm[v]; }, settled,
              [&](vertex_t u, vertex_t) { return comm[u] == left; }, batch);
  return moves;
}

/// Leiden's refinement (Traag et al. 2019, Algorithm A.2 RefinePartition and
/// MergeNodesSubset): inside every community S of `comm` (labels 0..k-1),
/// starting from singletons, each vertex that is still a singleton and well
/// connected to S (c(v, S - v) >= geff (kout_v (Kin_S - kin_v) + kin_v
/// (Kout_S - kout_v))) joins, at random with probability proportional to
/// exp(gain / theta), one of the well-connected subcommunities of S whose
/// gain is not negative (staying alone has gain 0).  theta = 0 takes the best
/// gain.  Returns the refined labels, numbered 0..kr-1, in `refined` and kr.
/// Every refined community induces a connected subgraph.
inline vertex_t refine(const graph::QGraph& q, double geff, const std::vector<vertex_t>& comm, vertex_t k, double theta,
                       std::uint64_t seed, int threads, std::vector<vertex_t>& refined) {
  const vertex_t n = q.n;
  threads = graph::threads_for(n, q.adj.size(), threads);
  const graph::Groups gr = graph::group(comm, k);
  // Largest communities first (each is one task, with its own random stream),
  // so that a few large communities do not end up on one thread at the end.
  std::vector<vertex_t> by_size(k);
  std::iota(by_size.begin(), by_size.end(), vertex_t(0));
  std::stable_sort(by_size.begin(), by_size.end(), [&](vertex_t a, vertex_t b) {
    return gr.start[a + 1] - gr.start[a] > gr.start[b + 1] - gr.start[b];
  });
  refined.resize(n);
  std::vector<double> rto(n), rti(n), ext(n);
  std::vector<vertex_t> rcount(n);
  std::vector<graph::Tally> tallies(std::size_t(parallel::threads(threads)));
  parallel::for_each_dynamic(
      k,
      [&](int t, std::int64_t ci) {
        const vertex_t s = by_size[std::size_t(ci)];
        const vertex_t* first = gr.order.data() + gr.start[s];
        const vertex_t size = vertex_t(gr.start[s + 1] - gr.start[s]);
        double to = 0.0, ti = 0.0;
        for (vertex_t i = 0; i < size; ++i) {
          const vertex_t v = first[i];
          refined[v] = v;
          rto[v] = q.kout[v];
          rti[v] = q.kin[v];
          rcount[v] = 1;
          to += q.kout[v];
          ti += q.kin[v];
          double e = 0.0;
          for (std::uint64_t a = q.begin(v); a < q.end(v); ++a)
            if (comm[q.adj[a]] == s) e += q.weight(a);
          ext[v] = e;
        }
        if (size == 1) return;
        graph::Tally& tally = tallies[std::size_t(t)];
        tally.reserve(n);
        std::vector<vertex_t> order(first, first + size);
        Rng rng(mix(seed, s));
        shuffle(order, rng);
        std::vector<vertex_t> cand;
        std::vector<double> cgain;
        auto well_connected = [&](double e, double ko, double ki) {
          return e >= geff * (ko * (ti - ki) + ki * (to - ko));
        };
        for (vertex_t v : order) {
          if (refined[v] != v || rcount[v] != 1) continue;
          if (!well_connected(ext[v], q.kout[v], q.kin[v])) continue;
          tally.clear(q.end(v) - q.begin(v));
          for (std::uint64_t a = q.begin(v); a < q.end(v); ++a) {
            const vertex_t u = q.adj[a];
            if (comm[u] == s) tally.add(refined[u], q.weight(a));
          }
          cand.assign(1, v);
          cgain.assign(1, 0.0);
          double top = 0.0;
          for (std::size_t i = 0; i < tally.size(); ++i) {
            const vertex_t c = tally.touched[i];
            if (!well_connected(ext[c], rto[c], rti[c])) continue;
            const double gain = tally.sums[i] - geff * (q.kout[v] * rti[c] + q.kin[v] * rto[c]);
            if (gain < 0.0) continue;
            cand.push_back(c);
            cgain.push_back(gain);
            top = std::max(top, gain);
          }
          if (cand.size() == 1) continue;
          vertex_t pick = v;
          if (theta <= 0.0) {
            for (std::size_t i = 0; i < cand.size(); ++i)
              if (cgain[i] == top) {
                pick = cand[i];
                break;
              }
          } else {
            double total = 0.0;
            for (double& g : cgain) total += (g = std::exp((g - top) / theta));
            double x = rng.uniform() * total;
            pick = cand.back();
            for (std::size_t i = 0; i < cand.size(); ++i) {
              if (x < cgain[i]) {
                pick = cand[i];
                break;
              }
              x -= cgain[i];
            }
          }
          if (pick == v) continue;
          refined[v] = pick;
          rto[pick] += q.kout[v];
          rti[pick] += q.kin[v];
          ++rcount[pick];
          rcount[v] = 0;
          ext[pick] += ext[v] - 2.0 * tally.get(pick);
        }
      },
      threads, 1);
  return graph::compact(refined);
}

}  // namespace ringleader::community::detail
