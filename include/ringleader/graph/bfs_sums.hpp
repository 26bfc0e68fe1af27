// ringleader/graph/bfs_sums.hpp - distance sums of unweighted searches from
// many sources at once (bit-parallel multi-source BFS).
//
// For each source s: the number of vertices reached (s excluded), the sum of
// their hop distances and the sum of 1 / distance, searching along `arcs`
// (out-arcs: distances from s; in-arcs: distances to s).  Sources are taken
// 64 at a time and searched together (MS-BFS, Then et al. 2014): bit b of
// seen[v] says that the search from the b-th source of the batch has reached
// v, and one pass over the arcs of the frontier serves every search of the
// batch that reached the frontier vertex at this level.  Each batch is one
// task (dynamic scheduling); the sums of a source depend only on the graph,
// so the results are the same for any thread count.  The harmonic sum adds
// 1 / d once per reached vertex, level by level (the order of a per-source
// BFS, whose same-level terms are equal): the same double as one BFS per
// source.  Self-loops and parallel arcs change nothing.
//
// Complexity: O(m) word operations per batch and level a vertex is on the
// frontier, plus O(1) per (source, reached vertex) pair; memory 32 bytes per
// vertex per thread.
//
// Reference: Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham,
// K., Kemper, A., Neumann, T. & Vo, H. T. (2014). The more the merrier:
// efficient multi-source graph traversal. PVLDB 8(4):449-460.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/sssp.hpp"

namespace ringleader::graph {

/// What one search found: vertices reached (the source excluded), the sum of
/// their distances and of the inverses of their distances.
struct DistanceSums {
  std::uint64_t reached = 0;
  std::uint64_t total = 0;
  double harmonic = 0.0;
};

namespace detail {

/// Per-thread scratch of the bit-parallel search.
class MultiBfs {
 public:
  explicit MultiBfs(vertex_t n) : seen_(n, 0), visit_(n, 0), next_(n, 0) {
    frontier_.reserve(64);
    touched_.reserve(64);
  }

  /// Searches from `src[0..count)` (count <= 64) along `arcs`; sums[b] for
  /// the b-th source.
  void run(const Arcs& arcs, const vertex_t* src, int count, DistanceSums* sums) {
    frontier_.clear();
    all_.clear();
    for (int b = 0; b < count; ++b) {
      sums[b] = DistanceSums{};
      const vertex_t s = src[b];
      if (!visit_[s]) {
        frontier_.push_back(s);
        all_.push_back(s);
      }
      seen_[s] |= std::uint64_t(1) << b;
      visit_[s] |= std::uint64_t(1) << b;
    }
    for (std::uint64_t d = 1; !frontier_.empty(); ++d) {
      touched_.clear();
      for (vertex_t v : frontier_) {
        const std::uint64_t x = visit_[v];
        visit_[v] = 0;
        for (std::uint64_t a = arcs.off[v]; a < arcs.off[v + 1]; ++a) {
          const vertex_t w = arcs.adj[a];
          const std::uint64_t y = x & ~seen_[w];
          if (y) {
            if (!next_[w]) touched_.push_back(w);
            next_[w] |= y;
          }
        }
      }
      const double inv = 1.0 / double(d);
      for (vertex_t w : touched_) {
        std::uint64_t y = next_[w];
        next_[w] = 0;
        seen_[w] |= y;
        visit_[w] = y;
        all_.push_back(w);
        for (; y; y &= y - 1) {
          DistanceSums& s = sums[__builtin_ctzll(y)];
          ++s.reached;
          s.total += d;
          s.harmonic += inv;
        }
      }
      frontier_.swap(touched_);
    }
    for (vertex_t v : all_) seen_[v] = 0;
  }

 private:
  std::vector<std::uint64_t> seen_, visit_, next_;
  std::vector<vertex_t> frontier_, touched_, all_;
};

}  // namespace detail

/// f(source, sums) for every vertex of `units` (null = every vertex), from
/// unweighted searches along `arcs`, 64 sources a task; f is called from the
/// worker threads, once per source.  Progress counts sources.
template <class F>
void for_each_distance_sums(const CsrGraph& g, const Arcs& arcs, const std::vector<vertex_t>* units, int threads,
                            Progress& progress, const char* what, F&& f) {
  check_search_scratch(g.n, threads, 0, 0, what);
  std::vector<std::unique_ptr<detail::MultiBfs>> scratch(std::size_t(parallel::threads(threads)));
  const std::int64_t count = units ? std::int64_t(units->size()) : std::int64_t(g.n);
  const std::int64_t batches = (count + 63) / 64;
  progress.start(std::uint64_t(count));
  parallel::for_each_dynamic(
      batches,
      [&](int t, std::int64_t i) {
        if (progress.cancelled()) return;
        auto& bfs = scratch[std::size_t(t)];
        if (!bfs) bfs = std::make_unique<detail::MultiBfs>(g.n);
        vertex_t src[64] = {};
        DistanceSums sums[64];
        const int k = int(std::min<std::int64_t>(64, count - 64 * i));
        for (int b = 0; b < k; ++b) {
          const std::int64_t j = 64 * i + b;
          src[b] = units ? (*units)[std::size_t(j)] : vertex_t(j);
        }
        bfs->run(arcs, src, k, sums);
        for (int b = 0; b < k; ++b) f(src[b], sums[b]);
        progress.advance(std::uint64_t(k));
      },
      threads, 1);
  progress.check();
  progress.finish();
}

}  // namespace ringleader::graph
