// ringleader/centrality/detail/core_levels.hpp - parallel k-core peeling,
// level by level.
//
// Level-synchronous peeling in the style of PKC (Kabir & Madduri 2017) and
// ParK (Dasari, Ranjan & Zubair 2014).  Level k removes every remaining
// vertex whose remaining degree is k, and then, transitively, every vertex
// whose degree drops to k by those removals; each removed vertex's core
// number is k.  Every level is one parallel loop over fixed blocks of the
// remaining vertices (one barrier a level); a block
//   1. scans its segment of the `alive` array: it keeps the vertices of
//      degree > k (compacted in place) and claims those of degree <= k
//      (an atomic flag: a vertex is removed once) into its frontier;
//   2. peels: it removes its frontier vertices; a removal decrements the
//      degree of each neighbour u of degree > k atomically (signed 32-bit);
//      the decrement that takes u from k + 1 to k claims u into the block's
//      frontier, and a decrement that finds u at k or below (another thread
//      got there first) is undone.
// Blocks scan while others peel: a degree seen above k may still drop to k
// (the decrement claims it), and one seen at or below k is at or below k for
// good (an undone decrement only hides a degree already <= k), so every
// vertex is claimed once, at its level.  A level that removes nothing had no
// concurrent peel, so its scan saw exact degrees: the next level is the
// smallest degree kept.  At the end deg[v] is v's core number, whatever the
// order of the removals, so the result does not depend on the thread count.
//
// Cost: O(m) atomic operations plus one scan of the remaining vertices per
// level.
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
#include <type_traits>
#include <vector>

#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::centrality::detail {

/// Scans the block segment `seg` (count `c`, updated) at level `level` and
/// removes the claimed vertices and, transitively, those whose degree drops
/// to `level` (into `f`); atomic updates when several blocks run at once.
/// Returns the smallest degree kept (INT32_MAX if none).
template <bool Atomic>
std::int32_t core_level(const CsrGraph& g, std::atomic<std::int32_t>* deg, std::atomic<std::uint8_t>* claimed,
                        vertex_t* seg, std::int64_t& c, std::vector<vertex_t>& f, std::int32_t level) {
  const auto claim = [&](vertex_t u) {
    if constexpr (Atomic) return claimed[u].exchange(1, std::memory_order_relaxed) == 0;
    if (claimed[u].load(std::memory_order_relaxed)) return false;
    claimed[u].store(1, std::memory_order_relaxed);
    return true;
  };
  f.clear();
  std::int64_t kept = 0;
  std::int32_t lo = std::numeric_limits<std::int32_t>::max();
  for (std::int64_t i = 0; i < c; ++i) {
    const vertex_t v = seg[i];
    const std::int32_t d = deg[v].load(std::memory_order_relaxed);
    if (d > level) {
      seg[kept++] = v;
      lo = std::min(lo, d);
    } else if (claim(v)) {
      f.push_back(v);
    }
  }
  c = kept;
  const std::uint64_t* const off_out = g.out_offsets.data();
  const vertex_t* const tgt_out = g.out_targets.data();
  const std::uint64_t* const off_in = g.directed ? g.in_offsets.data() : nullptr;
  const vertex_t* const src_in = g.directed ? g.in_sources.data() : nullptr;
  const auto drop = [&](vertex_t u) {
    const std::int32_t d = deg[u].load(std::memory_order_relaxed);
    if (d <= level) return;
    if constexpr (Atomic) {
      const std::int32_t was = deg[u].fetch_sub(1, std::memory_order_relaxed);
      if (was == level + 1) {
        if (claim(u)) f.push_back(u);
      } else if (was <= level) {  // another block took u to `level` first: undo
        deg[u].fetch_add(1, std::memory_order_relaxed);
      }
    } else {
      deg[u].store(d - 1, std::memory_order_relaxed);
      if (d == level + 1 && claim(u)) f.push_back(u);
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
  return lo;
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
  // A parallel loop costs a team start and a barrier: a level with fewer
  // remaining vertices runs serially.
  constexpr std::int64_t serial_below = 16384;
  std::unique_ptr<std::atomic<std::int32_t>[]> deg(new std::atomic<std::int32_t>[n]);
  std::unique_ptr<std::atomic<std::uint8_t>[]> claimed(new std::atomic<std::uint8_t>[n]);
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
        std::int32_t mn = std::numeric_limits<std::int32_t>::max();
        for (std::int64_t i = lo; i < hi; ++i) {
          const vertex_t v = vertex_t(i);
          std::uint64_t d = 0;
          for (std::uint64_t a = g.out_offsets[v]; a < g.out_offsets[v + 1]; ++a) d += g.out_targets[a] != v;
          if (g.directed)
            for (std::uint64_t a = g.in_offsets[v]; a < g.in_offsets[v + 1]; ++a) d += g.in_sources[a] != v;
          if (d >= std::uint64_t(std::numeric_limits<std::int32_t>::max())) too_big[std::size_t(b)] = 1;
          const std::int32_t di = std::int32_t(std::min<std::uint64_t>(d, 0x7FFFFFF0u));
          deg[i].store(di, std::memory_order_relaxed);
          claimed[i].store(0, std::memory_order_relaxed);
          mn = std::min(mn, di);
          alive[std::size_t(i)] = v;
        }
        count[std::size_t(b)] = hi - lo;
        next_min[std::size_t(b)] = mn;
      },
      T, 2);
  for (char c : too_big)
    if (c) return false;
  std::int64_t remaining = n;
  std::int32_t k = n ? *std::min_element(next_min.begin(), next_min.end()) : 0;
  prog.start(n);
  while (remaining > 0) {
    const std::int32_t level = k;
    const auto run = [&](std::int64_t b, auto atomic) {
      next_min[std::size_t(b)] = core_level<decltype(atomic)::value>(
          g, deg.get(), claimed.get(), alive.data() + block_lo(b), count[std::size_t(b)],
          frontier[std::size_t(b)], level);
    };
    if (nb == 1 || remaining < serial_below) {
      for (std::int64_t b = 0; b < nb; ++b) run(b, std::false_type{});
    } else {
      parallel::for_each_index(nb, [&](std::int64_t b) { run(b, std::true_type{}); }, T, 2);
    }
    std::int64_t removed = 0;
    for (const auto& f : frontier) removed += std::int64_t(f.size());
    remaining -= removed;
    prog.advance(std::uint64_t(removed));
    prog.check();
    // nothing removed: the scan saw exact degrees, jump to the smallest
    k = removed ? k + 1 : *std::min_element(next_min.begin(), next_min.end());
  }
  prog.finish();
  core.resize(n);
  for (vertex_t v = 0; v < n; ++v) core[v] = double(deg[v].load(std::memory_order_relaxed));
  return true;
}

}  // namespace ringleader::centrality::detail
