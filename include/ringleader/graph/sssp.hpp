// ringleader/graph/sssp.hpp - the single-source shortest-path kernel shared
// by every path-based measure: betweenness, edge betweenness, closeness,
// harmonic and approximate betweenness (centrality/), and the distance
// summaries of stats/distance.hpp.
//
// One search from a source `s` over an arc view (out-arcs, or in-arcs for
// distances *to* s): breadth-first (unweighted, int32 distances) or Dijkstra
// (weights are distances, a binary heap of (distance, vertex) pairs with lazy
// deletion).  With `CountPaths` it also counts shortest paths (sigma).  It
// records the settled vertices in nondecreasing distance order (`order`),
// which is all the accumulation phases need: predecessor lists are never
// stored, they are recomputed from the distances (`on_dag`).
//
// Shortest-path DAG (networkx's convention): arc v->w (v != w) is on it when
// d[v] + w(v,w) == d[w] in floating point (exactly as networkx compares
// dist + weight == seen[w]), and, for ties (zero distances), v was settled
// before w.  For positive distances this is exactly networkx's predecessor
// set.  Self-loops are never on it.  With zero-distance edges networkx's own
// counting also adds arcs back to already settled vertices (it can count a
// path twice); here each shortest path is counted once, along the settle
// order.
//
// Scratch is allocated once (per thread) and reset in O(reached) per source.
//
// References: Dijkstra, E. W. (1959). A note on two problems in connexion
// with graphs. Numer. Math. 1:269-271.  Brandes, U. (2001). A faster
// algorithm for betweenness centrality. J. Math. Sociol. 25(2):163-177
// (counting shortest paths during the search).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::graph {

/// Raw arrays of one direction of a CsrGraph.
struct Arcs {
  const std::uint64_t* off = nullptr;
  const vertex_t* adj = nullptr;
  const double* w = nullptr;
  const edge_index_t* eid = nullptr;
};

inline Arcs out_arcs(const CsrGraph& g) {
  return {g.out_offsets.data(), g.out_targets.data(), g.out_weights.data(), g.out_edges.data()};
}
/// In-arcs (the out-arcs again for undirected graphs): searching them gives
/// distances *to* the source.
inline Arcs in_arcs(const CsrGraph& g) {
  return {g.in_off().data(), g.in_src().data(), g.in_w().data(), g.in_e().data()};
}

/// Refuses negative, NaN or infinite distances with a message that says what
/// to do.  `measure` names the caller.
inline void check_distances(const CsrGraph& g, const char* measure) {
  for (std::size_t a = 0; a < g.out_weights.size(); ++a) {
    const double x = g.out_weights[a];
    if (!(x >= 0) || std::isinf(x)) {
      throw InvalidArgument(
          std::string(measure) + ": edge weights are read as distances and must be finite and >= 0, but edge " +
          std::to_string(g.out_edges[a]) + " has weight " + std::to_string(x) +
          ". If the weights are strengths (number of calls, amounts of money), convert them first with "
          "rl.distance_from_strength(net, ...); or pass weight=None for hop counts.");
    }
  }
}

/// Number of edges of the edge table a CsrGraph was built from (the largest
/// edge index + 1; every edge has at least one out-arc).
inline std::size_t edge_count(const CsrGraph& g) {
  std::size_t m = 0;
  for (edge_index_t e : g.out_edges) m = std::max<std::size_t>(m, std::size_t(e) + 1);
  return m;
}

inline constexpr vertex_t no_vertex = std::numeric_limits<vertex_t>::max();

/// Refuses (MemoryLimitError) per-thread search scratch above the memory cap:
/// one search of about 40 bytes per vertex plus `extra` bytes per vertex and
/// `acc` doubles of partial results, for each of the threads used.
inline void check_search_scratch(vertex_t n, int threads, std::uint64_t extra, std::uint64_t acc, const char* what) {
  const std::uint64_t per = memory::add(memory::mul(n, 40 + extra), memory::mul(acc, 8));
  memory::reserve_check(memory::mul(per, std::uint64_t(parallel::threads(threads))),
                        std::string(what) + " (search scratch for " + std::to_string(parallel::threads(threads)) +
                            " threads)");
}

/// Per-thread scratch and result of one search.
template <bool Weighted>
class Sssp {
 public:
  using dist_t = std::conditional_t<Weighted, double, std::int32_t>;
  static constexpr dist_t unreached = Weighted ? std::numeric_limits<double>::infinity() : dist_t(-1);

  explicit Sssp(vertex_t n) : dist(n, unreached), sigma(n, 0.0), order_(std::size_t(n) + 1) {
    if constexpr (Weighted) {
      pos_.assign(n, kUnsettled);
      touched_.reserve(64);
    }
  }

  std::vector<dist_t> dist;   ///< unreached for vertices not reached
  std::vector<double> sigma;  ///< number of shortest paths from the source (CountPaths)

  /// Vertices settled by the last search, in settle order (source first).
  const vertex_t* order() const { return order_.data(); }
  std::size_t settled() const { return settled_; }

  /// Searches from `s` over `arcs`.  With `target` != no_vertex, stops as soon
  /// as dist[target] and sigma[target] are final (it need not be reached).
  template <bool CountPaths>
  void run(const Arcs& arcs, vertex_t s, vertex_t target = no_vertex) {
    clear();
    if constexpr (Weighted) {
      dijkstra<CountPaths>(arcs, s, target);
    } else {
      bfs<CountPaths>(arcs, s, target);
    }
  }

  /// Is the arc `a` = v->w on the shortest-path DAG of the last search?
  /// (v must be settled.)
  bool on_dag(const Arcs& arcs, vertex_t v, std::uint64_t a) const {
    const vertex_t w = arcs.adj[a];
    if constexpr (Weighted) {
      const double dw = dist[w];
      if (v == w || dist[v] + arcs.w[a] != dw) return false;
      return dw > dist[v] || pos_[w] > pos_[v];
    } else {
      return dist[w] == dist[v] + 1;
    }
  }
  /// Is the arc `a` = p->w (p = arcs.adj[a], arcs the reverse direction of the
  /// search) on the DAG, i.e. is p a predecessor of the settled vertex w?
  bool is_pred(const Arcs& rev, vertex_t w, std::uint64_t a) const {
    const vertex_t p = rev.adj[a];
    if constexpr (Weighted) {
      const double dp = dist[p];
      if (p == w || dp + rev.w[a] != dist[w] || pos_[p] == kUnsettled) return false;
      return dist[w] > dp || pos_[p] < pos_[w];
    } else {
      return dist[p] >= 0 && dist[p] + 1 == dist[w];
    }
  }

  /// Resets what the last search touched (O(reached)).
  void clear() {
    if constexpr (Weighted) {
      for (vertex_t v : touched_) {
        dist[v] = unreached;
        sigma[v] = 0.0;
        pos_[v] = kUnsettled;
      }
      touched_.clear();
      heap_.clear();
    } else {
      for (std::size_t i = 0; i < queued_; ++i) {
        dist[order_[i]] = unreached;
        sigma[order_[i]] = 0.0;
      }
      queued_ = 0;
    }
    settled_ = 0;
  }

 private:
  static constexpr std::uint32_t kUnsettled = std::numeric_limits<std::uint32_t>::max();

  template <bool CountPaths>
  void bfs(const Arcs& arcs, vertex_t s, vertex_t target) {
    vertex_t* q = order_.data();
    std::size_t head = 0, tail = 0;
    q[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1.0;
    std::int32_t stop = std::numeric_limits<std::int32_t>::max();
    while (head < tail) {
      const vertex_t v = q[head];
      const std::int32_t dv = dist[v];
      if (dv >= stop) break;  // the target's level is complete
      ++head;
      const std::int32_t dn = dv + 1;
      const double sv = sigma[v];
      // Branch-free: whether w is new or on a shortest path is unpredictable.
      for (std::uint64_t a = arcs.off[v], e = arcs.off[v + 1]; a < e; ++a) {
        const vertex_t w = arcs.adj[a];
        const std::int32_t dw = dist[w];
        const bool fresh = dw < 0;
        q[tail] = w;  // kept only when fresh (order_ has room for one more)
        tail += fresh;
        dist[w] = fresh ? dn : dw;
        if constexpr (CountPaths) sigma[w] += (fresh || dw == dn) ? sv : 0.0;
        if (w == target && fresh) stop = dn;
      }
    }
    queued_ = tail;
    settled_ = target == no_vertex ? tail : head;
  }

  template <bool CountPaths>
  void dijkstra(const Arcs& arcs, vertex_t s, vertex_t target) {
    dist[s] = 0.0;
    sigma[s] = 1.0;
    touched_.push_back(s);
    push({0.0, s});
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end(), std::greater<Entry>());
      const auto [dv, v] = heap_.back();
      heap_.pop_back();
      if (pos_[v] != kUnsettled) continue;  // stale entry
      pos_[v] = std::uint32_t(settled_);
      order_[settled_++] = v;
      if (v == target) break;
      const double sv = sigma[v];
      for (std::uint64_t a = arcs.off[v], e = arcs.off[v + 1]; a < e; ++a) {
        const vertex_t w = arcs.adj[a];
        const double nd = dv + arcs.w[a];
        const double dw = dist[w];
        if (nd < dw) {
          if (dw == unreached) touched_.push_back(w);
          dist[w] = nd;
          if constexpr (CountPaths) sigma[w] = sv;
          push({nd, w});
        } else if constexpr (CountPaths) {
          if (nd == dw && pos_[w] == kUnsettled) sigma[w] += sv;
        }
      }
    }
  }

  using Entry = std::pair<double, vertex_t>;
  void push(Entry x) {
    heap_.push_back(x);
    std::push_heap(heap_.begin(), heap_.end(), std::greater<Entry>());
  }

  std::vector<vertex_t> order_;     ///< BFS: the queue (discovered vertices); Dijkstra: settled
  std::size_t settled_ = 0;
  std::size_t queued_ = 0;          ///< BFS: discovered vertices to reset
  std::vector<std::uint32_t> pos_;  ///< Dijkstra: settle position (kUnsettled)
  std::vector<vertex_t> touched_;   ///< Dijkstra: discovered vertices to reset
  std::vector<Entry> heap_;        ///< Dijkstra: binary min-heap, lazy deletion
};

/// f(u, search) for every vertex u of `units` (null = every vertex), in
/// parallel, after a search from u over `arcs` (out_arcs(g): what u reaches;
/// in_arcs(g): what reaches u).  One search's scratch per thread, allocated
/// once (`what` names the caller when it is above the memory cap).  f runs on
/// the searching thread and writes only u's results; Ctrl-C through
/// `progress` stops the loop (Cancelled).
template <bool Weighted, class F>
void for_each_search(const CsrGraph& g, const Arcs& arcs, const std::vector<vertex_t>* units, int threads,
                     Progress& progress, const char* what, F&& f) {
  check_search_scratch(g.n, threads, 0, 0, what);
  std::vector<std::unique_ptr<Sssp<Weighted>>> scratch(std::size_t(parallel::threads(threads)));
  const std::int64_t count = units ? std::int64_t(units->size()) : std::int64_t(g.n);
  progress.start(std::uint64_t(count));
  parallel::for_each_dynamic(
      count,
      [&](int t, std::int64_t i) {
        if (progress.cancelled()) return;
        auto& sp = scratch[std::size_t(t)];
        if (!sp) sp = std::make_unique<Sssp<Weighted>>(g.n);
        const vertex_t u = units ? (*units)[std::size_t(i)] : vertex_t(i);
        sp->template run<false>(arcs, u);
        f(u, *sp);
        progress.advance();
      },
      threads, 4);
  progress.check();
  progress.finish();
}

}  // namespace ringleader::graph
