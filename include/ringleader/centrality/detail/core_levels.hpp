// ringleader/centrality/detail/core_levels.hpp - parallel k-core peeling,
// level by level.
//
// Level-synchronous peeling in the style of PKC (Kabir & Madduri 2017) and
// ParK (Dasari, Ranjan & Zubair 2014).  Level k removes every remaining
// vertex whose remaining degree is k, and then, transitively, every vertex
// whose degree drops to k by those removals; each removed vertex's core
// number is k.  Every level runs two parallel loops over fixed blocks of the
// remaining vertices:
//   1. scan: a block keeps its vertices of degree > k (compacted in place in
//      its own segment of the `alive` array) and collects those of degree k
//      into its own frontier;
//   2. peel: a block removes its frontier vertices; a removal decrements the
//      degree of each neighbour u of degree > k atomically (signed 32-bit);
//      the one decrement that takes u from k + 1 to k appends u to the
//      block's frontier (so u is removed once, in this level), and a
//      decrement that finds u at k or below (another thread got there first)
//      is undone.
// A level whose scan finds no vertex of degree k jumps to the smallest
// remaining degree.  At the end deg[v] is v's core number, whatever the
// order of the removals, so the result does not depend on the thread count.
//
// Cost: O(m) atomic operations plus one scan of the remaining vertices per
// non-empty level; two parallel loops (barriers) per level.
//
// Multi-arcs count once each (as in the serial peeling); self-loops are
// skipped; directed graphs use the in-arcs and the out-arcs.
//
// References: Dasari, N. S., Ranjan, D. & Zubair, M. (2014). ParK: an
// efficient algorithm for k-core decomposition on multicore processors.
// IEEE BigData 2014.  Kabir, H. & Madduri, K. (2017). Parallel k-core
// decomposition on multicore platforms. IPDPSW 2017.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::centrality::detail {

/// Removes the vertices of `f` (and those it appends) at level `level`:
/// atomic degree updates when several blocks peel at once.
template <bool Atomic>
void core_peel(const CsrGraph& g, std::atomic<std::int32_t>* deg, std::vector<vertex_t>& f, std::int32_t level) {
  const std::uint64_t* const off_out = g.out_offsets.data();
  const vertex_t* const tgt_out = g.out_targets.data();
  const std::uint64_t* const off_in = g.directed ? g.in_offsets.data() : nullptr;
  const vertex_t* const src_in = g.directed ? g.in_sources.data() : nullptr;
  const auto drop = [&](vertex_t u) {
    const std::int32_t d = deg[u].load(std::memory_order_relaxed);
    if (d <= level) return;
    if constexpr (Atomic) {
      const std::int32_t was = deg[u].fetch_sub(1, std::memory_order_relaxed);
      if (was == level + 1)
        f.push_back(u);
      else if (was <= level)  // another block took u to `level` first: undo
        deg[u].fetch_add(1, std::memory_order_relaxed);
    } else {
      deg[u].store(d - 1, std::memory_order_relaxed);
      if (d == level + 1) f.push_back(u);
    }
  };
  for (std::size_t j = 0; j < f.size(); ++j) {
    const vertex_t v = f[j];
    for (std::uint64_t a = off_out[v]; a < off_out[v + 1]; ++a)
      if (tgt_out[a] != v) drop(tgt_out[a]);
    if (off_in)
      for (std::uint64_t a = off_in[v]; a < off_in[v + 1]; ++a)
        if (src_in[a] != v) drop(src_in[a]);
  }
}

/// Core numbers of `g` by level-synchronous peeling on `nthreads` threads,
/// into `core` (size n).  False (and `core` untouched) when a vertex has more
/// than INT32_MAX - 1 arcs (the caller then peels serially).
inline bool core_levels(const CsrGraph& g, std::vector<double>& core, int nthreads, Progress& prog) {
  const vertex_t n = g.n;
  const int T = parallel::threads(nthreads);
  // Blocks: a few per thread (the peel's work is uneven), at least 2048
  // vertices each; one block (no threads started) for small graphs.
  const std::int64_t per = std::max<std::int64_t>(2048, (std::int64_t(n) + 8 * T - 1) / (8 * T));
  const std::int64_t nb = T <= 1 ? 1 : (std::int64_t(n) + per - 1) / per;
  const std::int64_t bsize = nb ? (std::int64_t(n) + nb - 1) / nb : 0;
  // A parallel loop costs a team start and a barrier: a scan of fewer
  // remaining vertices, or a peel of a smaller frontier, runs serially.
  constexpr std::int64_t serial_scan = 16384, serial_peel = 512;
  std::unique_ptr<std::atomic<std::int32_t>[]> deg(new std::atomic<std::int32_t>[n]);
  std::vector<vertex_t> alive(n);
  std::vector<std::int64_t> count(std::size_t(nb), 0);
  std::vector<std::int32_t> next_min(std::size_t(nb), 0);
  std::vector<std::vector<vertex_t>> frontier(static_cast<std::size_t>(nb));
  std::vector<char> too_big(std::size_t(nb), 0);
  const auto block_lo = [&](std::int64_t b) { return std::min<std::int64_t>(b * bsize, n); };
  parallel::for_each_index(
      nb,
      [&](std::int64_t b) {
        const std::int64_t lo = block_lo(b), hi = block_lo(b + 1);
        for (std::int64_t i = lo; i < hi; ++i) {
          const vertex_t v = vertex_t(i);
          std::uint64_t d = 0;
          for (std::uint64_t a = g.out_offsets[v]; a < g.out_offsets[v + 1]; ++a) d += g.out_targets[a] != v;
          if (g.directed)
            for (std::uint64_t a = g.in_offsets[v]; a < g.in_offsets[v + 1]; ++a) d += g.in_sources[a] != v;
          if (d >= std::uint64_t(std::numeric_limits<std::int32_t>::max())) too_big[std::size_t(b)] = 1;
          deg[i].store(std::int32_t(std::min<std::uint64_t>(d, 0x7FFFFFF0u)), std::memory_order_relaxed);
          alive[std::size_t(i)] = v;
        }
        count[std::size_t(b)] = hi - lo;
      },
      T, 2);
  for (char c : too_big)
    if (c) return false;
  std::int64_t remaining = n;
  std::int32_t k = 0;
  constexpr std::int32_t none = std::numeric_limits<std::int32_t>::max();
  prog.start(n);
  while (remaining > 0) {
    // 1. scan: keep degree > k, collect degree k, drop the removed
    parallel::for_each_index(
        nb,
        [&](std::int64_t b) {
          auto& f = frontier[std::size_t(b)];
          f.clear();
          vertex_t* seg = alive.data() + block_lo(b);
          const std::int64_t c = count[std::size_t(b)];
          std::int64_t kept = 0;
          std::int32_t lo = none;
          for (std::int64_t i = 0; i < c; ++i) {
            const vertex_t v = seg[i];
            const std::int32_t d = deg[v].load(std::memory_order_relaxed);
            if (d == k) {
              f.push_back(v);
            } else if (d > k) {
              seg[kept++] = v;
              lo = std::min(lo, d);
            }
          }
          count[std::size_t(b)] = kept;
          next_min[std::size_t(b)] = lo;
        },
        T, remaining < serial_scan ? nb + 1 : 2);
    std::int64_t found = 0;
    for (const auto& f : frontier) found += std::int64_t(f.size());
    if (found == 0) {  // an empty level: jump to the smallest remaining degree
      k = *std::min_element(next_min.begin(), next_min.end());
      continue;
    }
    // 2. peel
    const std::int32_t level = k;
    if (nb == 1 || found < serial_peel) {
      for (auto& f : frontier) core_peel<false>(g, deg.get(), f, level);
    } else {
      parallel::for_each_index(
          nb, [&](std::int64_t b) { core_peel<true>(g, deg.get(), frontier[std::size_t(b)], level); }, T, 2);
    }
    std::int64_t removed = 0;
    for (const auto& f : frontier) removed += std::int64_t(f.size());
    remaining -= removed;
    prog.advance(std::uint64_t(removed));
    prog.check();
    ++k;
  }
  prog.finish();
  core.resize(n);
  for (vertex_t v = 0; v < n; ++v) core[v] = double(deg[v].load(std::memory_order_relaxed));
  return true;
}

}  // namespace ringleader::centrality::detail
