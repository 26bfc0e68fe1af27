// ringleader/graph/quotient.hpp - the weighted graph that modularity-like
// optimisers work on (community/), at every level of aggregation: the
// quotient graph of a partition, one vertex per community.  Its building
// blocks also serve criminal/ (key players and disruption build their
// symmetric adjacency with group_adjacency and Tally, structural holes its
// mutual weights).
//
// Every quality function here has the form
//   H = sum_{i,j} [ A_ij - g * kout_i * kin_j ] delta(c_i, c_j)
// over ordered vertex pairs: modularity (kout/kin = out/in strength,
// g = resolution / W, W the total arc weight; Leicht & Newman for directed
// graphs) and the Constant Potts Model (kout = kin = vertex size,
// g = resolution).  A QGraph stores, without self-loops, the combined weight
// c(v, u) = A_vu + A_uv of each neighbour (A_vu for undirected graphs, whose
// A is symmetric), kout and kin per vertex, and the number of original
// vertices each vertex stands for.  The gain of moving an isolated vertex v
// into community C is then
//   c(v, C) - geff * (kout_v * Kin(C) + kin_v * Kout(C)),
// with geff = g / 2 for undirected graphs (where kout = kin) and g otherwise:
// the change of H / 2 (undirected) or H (directed), in edge-weight units as in
// igraph and leidenalg.
//
// Determinism: adjacency is built in fixed chunks of vertices concatenated in
// order, so a QGraph is the same for any thread count.
//
// References: Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre,
// E. (2008). Fast unfolding of communities in large networks. J. Stat. Mech.
// P10008 (aggregation).  Leicht, E. A. and Newman, M. E. J. (2008). Community
// structure in directed networks. Phys. Rev. Lett. 100:118703.  Traag, V. A.,
// Van Dooren, P. and Nesterov, Y. (2011). Narrow scope for resolution-limit-free
// community detection. Phys. Rev. E 84:016114 (CPM).
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "ringleader/core/memory.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::graph {

/// No community (a label that no vertex has).
constexpr vertex_t kNone = ~vertex_t(0);

/// Threads worth using on a graph of n vertices: one below 16,384 (where
/// starting a parallel region costs more than the work it shares).
inline int threads_for(vertex_t n, int threads) { return n < 16384 ? 1 : threads; }

/// Threads worth using on work over n vertices and `arcs` arcs: one when
/// both are small (n < 16,384 and arcs < 262,144); aggregated graphs have few
/// vertices but may still have millions of arcs.
inline int threads_for(vertex_t n, std::uint64_t arcs, int threads) {
  return n < 16384 && arcs < (std::uint64_t(1) << 18) ? 1 : threads;
}

/// A graph without self-loops in CSR form: combined neighbour weights, the
/// null-model factors kout and kin, and the original vertices per vertex.
/// `unit`: every combined weight is 1 and `w` is empty (the base level of an
/// undirected unweighted graph: 8 bytes per arc saved, 32 MB on Erdős–Rényi
/// 200k/2M; directed graphs keep `w`, their combined weights are 1 or 2);
/// read weights through weight(e).
struct QGraph {
  vertex_t n = 0;
  bool directed = false;
  bool unit = false;
  std::vector<std::uint64_t> off{0};
  std::vector<vertex_t> adj;
  std::vector<double> w;  ///< combined weight c(v, u); empty when `unit`
  std::vector<double> kout, kin, size;

  std::uint64_t begin(vertex_t v) const { return off[v]; }
  std::uint64_t end(vertex_t v) const { return off[v + 1]; }
  double weight(std::uint64_t e) const { return unit ? 1.0 : w[e]; }
};

/// Per-thread scratch for summing weights per label: the labels in order of
/// first appearance (`touched`) with their sums (`sums`).  Up to kSmall
/// additions are matched by a linear search in those two short arrays (in
/// L1, no random access into an n-sized array); beyond, a dense index with
/// stamps, so nothing is cleared between vertices.
struct alignas(64) Tally {  // aligned: per-thread tallies share no cache line
  static constexpr std::size_t kSmall = 16;
  std::vector<vertex_t> touched;  ///< the first size() entries are in use
  std::vector<double> sums;

  void reserve(vertex_t n) {
    if (slot_.size() < n) {
      slot_.assign(n, Slot{});
      now_ = 0;
    }
  }
  /// Starts a new tally of at most `adds` additions (an upper bound).
  void clear(std::size_t adds = ~std::size_t(0)) {
    k_ = 0;
    small_ = adds <= kSmall;
    if (small_ && touched.size() < kSmall) grow(kSmall);
    if (!small_ && ++now_ == 0) {  // stamps wrapped: reset
      for (auto& x : slot_) x.stamp = 0;
      now_ = 1;
    }
  }
  void add(vertex_t c, double x) {
    if (small_) {
      for (std::size_t i = 0; i < k_; ++i)
        if (touched[i] == c) {
          sums[i] += x;
          return;
        }
    } else {
      Slot& s = slot_[c];
      if (s.stamp == now_) {
        sums[s.pos] += x;
        return;
      }
      s.stamp = now_;
      s.pos = std::uint32_t(k_);
      if (k_ == touched.size()) grow(2 * k_ + 16);
    }
    touched[k_] = c;
    sums[k_++] = x;
  }
  std::size_t size() const { return k_; }
  /// Position of label c in touched, or size() when absent.
  std::size_t find(vertex_t c) const {
    if (small_) {
      for (std::size_t i = 0; i < k_; ++i)
        if (touched[i] == c) return i;
      return k_;
    }
    return slot_[c].stamp == now_ ? slot_[c].pos : k_;
  }
  double get(vertex_t c) const {
    const std::size_t i = find(c);
    return i < k_ ? sums[i] : 0.0;
  }

 private:
  struct Slot {
    std::uint32_t stamp = 0, pos = 0;
  };
  void grow(std::size_t to) {
    touched.resize(to);
    sums.resize(to);
  }
  std::vector<Slot> slot_;
  std::size_t k_ = 0;
  std::uint32_t now_ = 0;
  bool small_ = false;
};

/// Buffers that group_adjacency and aggregate reuse from one call to the
/// next: an optimiser that aggregates level after level (Louvain, Leiden)
/// keeps one, so that each level's graph is gathered and built in memory
/// that earlier levels already touched instead of fresh pages (about 40% of
/// an aggregation's time on a first call at 4 million arcs).  Only capacity
/// is reused: results are the same with or without it.  It holds about one
/// aggregated graph (the largest so far) in the per-thread gathering lists,
/// plus `spare`, a level graph no longer needed (at most the size of the
/// level before the one being built, which an aggregation without scratch
/// would have held at the same point); Leiden empties `spare` between
/// iterations.  Measured: Leiden's peak on the 10M-call network 1.55 GiB
/// against 1.53 GiB without scratch; its time on Erdős–Rényi 200k/2M and
/// Barabási–Albert 200k/1M 0.95x.
struct AdjacencyScratch {
  std::vector<Tally> tallies;               ///< per thread
  std::vector<std::vector<vertex_t>> adj;   ///< per thread: the neighbours gathered
  std::vector<std::vector<double>> w;       ///< per thread: their weights
  QGraph spare;                             ///< a graph no longer needed: aggregate builds its result in these arrays

  /// Keeps g's arrays as `spare` when they hold more than spare's.
  void recycle(QGraph&& g) {
    if (g.adj.capacity() > spare.adj.capacity()) spare = std::move(g);
  }
};

/// Builds the adjacency of `n_out` vertices from `each(o, tally)`, which adds
/// the (neighbour, weight) pairs of output vertex o to the tally (duplicates
/// are summed; o itself must not be added).  Output vertices are processed in
/// chunks; each chunk's lists go to its thread's buffer and are copied to
/// their place in order, so the adjacency is the same for any thread count
/// (and any chunking).  `arcs` (optional) is the number of input arcs the
/// calls to `each` read: with many arcs, few output vertices are still shared
/// among threads.  `scratch` (optional): buffers reused across calls
/// (AdjacencyScratch).
template <class Each>
void group_adjacency(QGraph& out, vertex_t n_out, vertex_t n_targets, int threads, Each&& each,
                     std::uint64_t arcs = 0, AdjacencyScratch* scratch = nullptr) {
  AdjacencyScratch local;
  AdjacencyScratch& s = scratch ? *scratch : local;
  const vertex_t kChunk = std::clamp<vertex_t>(n_out / 64, 1, 2048);
  const std::int64_t nchunks = (std::int64_t(n_out) + kChunk - 1) / kChunk;
  out.off.assign(std::size_t(n_out) + 1, 0);
  out.unit = false;
  threads = threads_for(n_out, arcs, threads);
  const std::size_t nt = std::size_t(parallel::threads(threads));
  if (s.tallies.size() < nt) {
    s.tallies.resize(nt);
    s.adj.resize(nt);
    s.w.resize(nt);
  }
  for (std::size_t t = 0; t < nt; ++t) {
    s.adj[t].clear();
    s.w[t].clear();
  }
  // Where each chunk's lists are: its thread and their start in that thread's buffer.
  std::vector<std::pair<int, std::uint64_t>> at(static_cast<std::size_t>(nchunks));
  parallel::for_each_dynamic(
      nchunks,
      [&](int t, std::int64_t c) {
        Tally& tally = s.tallies[std::size_t(t)];
        tally.reserve(n_targets);
        const vertex_t lo = vertex_t(c * kChunk), hi = vertex_t(std::min<std::int64_t>(n_out, (c + 1) * kChunk));
        auto& a = s.adj[std::size_t(t)];
        auto& x = s.w[std::size_t(t)];
        at[std::size_t(c)] = {t, a.size()};
        for (vertex_t o = lo; o < hi; ++o) {
          tally.clear();
          each(o, tally);
          out.off[o + 1] = tally.size();
          a.insert(a.end(), tally.touched.begin(), tally.touched.begin() + std::int64_t(tally.size()));
          x.insert(x.end(), tally.sums.begin(), tally.sums.begin() + std::int64_t(tally.size()));
        }
      },
      threads, 1);
  for (vertex_t o = 0; o < n_out; ++o) out.off[o + 1] += out.off[o];
  out.adj.resize(out.off[n_out]);
  out.w.resize(out.off[n_out]);
  parallel::for_each_dynamic(
      nchunks,
      [&](int, std::int64_t c) {
        const std::uint64_t lo = out.off[std::size_t(c * kChunk)];
        const std::uint64_t len = out.off[std::size_t(std::min<std::int64_t>(n_out, (c + 1) * kChunk))] - lo;
        const auto [t, from] = at[std::size_t(c)];
        std::copy_n(s.adj[std::size_t(t)].begin() + std::int64_t(from), len, out.adj.begin() + std::int64_t(lo));
        std::copy_n(s.w[std::size_t(t)].begin() + std::int64_t(from), len, out.w.begin() + std::int64_t(lo));
      },
      threads, 1);
}

/// Out- and in-strength of every vertex (weights 1 unless `weighted`); an
/// undirected self-loop counts twice (networkx's degree); kin = kout when
/// undirected.
inline void strengths(const CsrGraph& g, bool weighted, int threads, std::vector<double>& kout,
                      std::vector<double>& kin) {
  kout.assign(g.n, 0.0);
  kin.assign(g.n, 0.0);
  const auto& ioff = g.in_off();
  parallel::for_each_index(g.n, [&](std::int64_t i) {
    const vertex_t v = vertex_t(i);
    double so = 0, si = 0;
    for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a)
      so += (weighted ? g.out_weights[a] : 1.0) * ((!g.directed && g.out_targets[a] == v) ? 2.0 : 1.0);
    if (g.directed)
      for (std::uint64_t a = ioff[v]; a < ioff[v + 1]; ++a) si += weighted ? g.in_w()[a] : 1.0;
    else
      si = so;
    kout[v] = so;
    kin[v] = si;
  }, threads);
}

/// The QGraph of a simple CsrGraph (weights 1 unless `weighted`), with the null
/// model of modularity: kout/kin are out/in strengths, counting an undirected
/// self-loop twice (as networkx's degree does).
inline QGraph from_csr(const CsrGraph& g, bool weighted, int threads) {
  threads = threads_for(g.n, threads);
  const bool unit = !g.directed && !weighted;
  memory::reserve_check(memory::add(memory::mul(g.num_arcs(), g.directed ? 24 : unit ? 4 : 12),
                                    memory::mul(std::uint64_t(g.n) + 1, 40)),
                        "the community detection graph");
  QGraph q;
  q.n = g.n;
  q.directed = g.directed;
  q.unit = unit;
  auto wt = [&](const std::vector<double>& w, std::uint64_t a) { return weighted ? w[a] : 1.0; };
  const auto& ioff = g.in_off();
  const auto& isrc = g.in_src();
  const auto& iw = g.in_w();
  if (!g.directed) {  // already unique neighbours (the graph is simple): copy without self-loops
    q.off.assign(std::size_t(g.n) + 1, 0);
    parallel::for_each_index(g.n, [&](std::int64_t i) {
      const vertex_t v = vertex_t(i);
      std::uint64_t k = 0;
      for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a) k += g.out_targets[a] != v;
      q.off[std::size_t(v) + 1] = k;
    }, threads);
    for (vertex_t v = 0; v < g.n; ++v) q.off[std::size_t(v) + 1] += q.off[v];
    q.adj.resize(q.off[g.n]);
    if (!unit) q.w.resize(q.off[g.n]);
    parallel::for_each_index(g.n, [&](std::int64_t i) {
      const vertex_t v = vertex_t(i);
      std::uint64_t at = q.off[v];
      for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a)
        if (g.out_targets[a] != v) {
          q.adj[at] = g.out_targets[a];
          if (!unit) q.w[at] = wt(g.out_weights, a);
          ++at;
        }
    }, threads);
  } else {
    group_adjacency(q, g.n, g.n, threads, [&](vertex_t v, Tally& t) {
      for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a)
        if (g.out_targets[a] != v) t.add(g.out_targets[a], wt(g.out_weights, a));
      for (std::uint64_t a = ioff[v]; a < ioff[v + 1]; ++a)
        if (isrc[a] != v) t.add(isrc[a], wt(iw, a));
    });
  }
  strengths(g, weighted, threads, q.kout, q.kin);
  q.size.assign(g.n, 1.0);
  return q;
}

/// Members of each community, grouped (counting sort, stable in vertex order):
/// the members of c are order[start[c] .. start[c + 1]).
struct Groups {
  std::vector<std::uint64_t> start;
  std::vector<vertex_t> order;
};

inline Groups group(const std::vector<vertex_t>& comm, vertex_t k) {
  Groups gr;
  gr.start.assign(std::size_t(k) + 1, 0);
  for (vertex_t c : comm) ++gr.start[c + 1];
  for (vertex_t c = 0; c < k; ++c) gr.start[c + 1] += gr.start[c];
  gr.order.resize(comm.size());
  std::vector<std::uint64_t> pos(gr.start.begin(), gr.start.end() - 1);
  for (vertex_t v = 0; v < vertex_t(comm.size()); ++v) gr.order[pos[comm[v]]++] = v;
  return gr;
}

/// Renumbers community labels (any values below comm.size()) to 0..k-1 in
/// order of first appearance; returns k.
inline vertex_t compact(std::vector<vertex_t>& comm) {
  if (comm.empty()) return 0;
  std::vector<vertex_t> id(comm.size(), kNone);
  vertex_t k = 0;
  for (vertex_t& c : comm) {
    if (id[c] == kNone) id[c] = k++;
    c = id[c];
  }
  return k;
}

/// The graph of the communities `comm` (numbered 0..k-1) of q: one vertex
/// per community, the combined weights between communities summed, weights
/// inside a community dropped (they are constant for the optimiser).
/// `scratch` (optional): buffers reused across calls; the result is built in
/// scratch->spare's arrays (AdjacencyScratch).
inline QGraph aggregate(const QGraph& q, const std::vector<vertex_t>& comm, vertex_t k, int threads,
                        AdjacencyScratch* scratch = nullptr) {
  memory::reserve_check(memory::add(memory::mul(q.adj.size(), 12 * 2), memory::mul(std::uint64_t(k) + 1, 48)),
                        "the community aggregation");
  const Groups gr = group(comm, k);
  QGraph a;
  if (scratch) a = std::move(scratch->spare);
  a.n = k;
  a.directed = q.directed;
  group_adjacency(a, k, k, threads, [&](vertex_t c, Tally& t) {
    for (std::uint64_t i = gr.start[c]; i < gr.start[c + 1]; ++i) {
      const vertex_t v = gr.order[i];
      for (std::uint64_t e = q.begin(v); e < q.end(v); ++e) {
        const vertex_t d = comm[q.adj[e]];
        if (d != c) t.add(d, q.weight(e));
      }
    }
  }, q.adj.size(), scratch);
  a.kout.assign(k, 0.0);
  a.kin.assign(k, 0.0);
  a.size.assign(k, 0.0);
  for (vertex_t v = 0; v < q.n; ++v) {
    a.kout[comm[v]] += q.kout[v];
    a.kin[comm[v]] += q.kin[v];
    a.size[comm[v]] += q.size[v];
  }
  return a;
}

}  // namespace ringleader::graph
