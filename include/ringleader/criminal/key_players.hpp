// ringleader/criminal/key_players.hpp - Borgatti's key player problems.
//
// KPP-Neg (whom to remove to break the network apart) and KPP-Pos (whom to
// reach to reach everyone), on the undirected simple graph (arc directions
// ignored, weights ignored), for a set S of k vertices; r = n - k:
//  - Fragmentation F = 1 - sum_c s_c (s_c - 1) / (r (r - 1)) over the
//    component sizes s_c of the graph without S (1 when r < 2).
//  - Distance fragmentation DF = 1 - sum_{i != j} (1 / d_ij) / (r (r - 1))
//    over ordered pairs of the graph without S (1 / inf = 0; 1 when r < 2).
//  - Reach: the share of the r vertices outside S within m steps of S.
//  - Distance reach: sum_{j not in S} (1 / d(S, j)) / r, d(S, j) the
//    distance from the nearest member.
// Optimisation (Borgatti 2006): greedy (add the vertex that improves the
// objective most; ties broken by a random order from the seed), then swaps:
// evaluate every (member, non-member) exchange and apply the best improving
// one, until none improves (at most max_passes); then `restarts` random start
// sets (Borgatti's procedure), each improved the same way; the best set wins
// (the greedy one on ties).  The result is never worse than the greedy set.  Evaluations of a round run in parallel; the best is
// chosen by (score, random order), so results depend on the seed only.
// Cost per evaluation: O(n + m) (F, reach, distance reach) or O(r (n + m))
// (DF); a swap round makes k (n - k) evaluations.
//
// Reference: Borgatti, S. P. (2006). Identifying sets of key players in a
// social network. Computational and Mathematical Organization Theory
// 12:21-34.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Structure (graph/view.hpp): parallel edges of any type are
// one edge, since reach and fragmentation depend on which ties exist.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/quotient.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::criminal {

enum class KppObjective { Fragmentation, DistanceFragmentation, Reach, DistanceReach };

struct KeyPlayerOptions {
  KppObjective objective = KppObjective::Fragmentation;
  int m = 1;  ///< reach: steps
  std::uint64_t seed = 0;
  int max_passes = 1000;
  int restarts = 10;  ///< random start sets improved by swaps, besides the greedy one
  int threads = 0;
  Progress* progress = nullptr;
};

struct KeyPlayerResult {
  std::vector<vertex_t> nodes;
  double score = 0.0;
  double greedy_score = 0.0;
};

namespace detail_kpp {

/// Symmetric adjacency without self-loops or duplicates, rows sorted.
using Sym = graph::QGraph;

inline Sym symmetric(const CsrGraph& g, int threads = 0) {
  Sym s;
  s.n = g.n;
  const auto& ioff = g.in_off();
  const auto& isrc = g.in_src();
  graph::group_adjacency(s, g.n, g.n, threads, [&](vertex_t v, graph::Tally& t) {
    for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a)
      if (g.out_targets[a] != v) t.add(g.out_targets[a], 1.0);
    if (g.directed)
      for (std::uint64_t a = ioff[v]; a < ioff[v + 1]; ++a)
        if (isrc[a] != v) t.add(isrc[a], 1.0);
  });
  parallel::for_each_index(g.n, [&](std::int64_t v) {
    std::sort(s.adj.begin() + std::int64_t(s.off[std::size_t(v)]), s.adj.begin() + std::int64_t(s.off[std::size_t(v) + 1]));
  }, threads);
  return s;
}

/// Per-thread scratch of the searches below.
struct Scratch {
  std::vector<std::int32_t> dist;
  std::vector<vertex_t> queue;
  void reset(vertex_t n) {
    dist.assign(n, -1);
    queue.resize(n);
  }
};

/// Breadth-first search from the vertices queue[0..tail) (their dist set by
/// the caller), never entering a vertex with blocked[v] (blocked may be
/// null), expanding no vertex at depth `limit` or more (-1: no limit).
/// Returns the new tail: queue[0..tail) are the vertices reached.
inline std::size_t spread(const Sym& g, const std::vector<char>* blocked, Scratch& s, std::size_t tail, int limit) {
  for (std::size_t head = 0; head < tail;) {
    const vertex_t v = s.queue[head++];
    if (limit >= 0 && s.dist[v] >= limit) continue;
    for (std::uint64_t a = g.off[v]; a < g.off[v + 1]; ++a) {
      const vertex_t u = g.adj[a];
      if (s.dist[u] >= 0 || (blocked && (*blocked)[u])) continue;
      s.dist[u] = s.dist[v] + 1;
      s.queue[tail++] = u;
    }
  }
  return tail;
}

/// Components of the graph without the `gone` vertices.
struct Pieces {
  double largest = 0, count = 0, pairs = 0;  ///< pairs = sum of s (s - 1) over component sizes s
};

inline Pieces pieces(const Sym& g, vertex_t n, const std::vector<char>& gone, Scratch& s) {
  Pieces p;
  s.reset(n);
  for (vertex_t v = 0; v < n; ++v) {
    if (gone[v] || s.dist[v] >= 0) continue;
    s.dist[v] = 0;
    s.queue[0] = v;
    const double size = double(spread(g, &gone, s, 1, -1));
    p.count += 1;
    p.largest = std::max(p.largest, size);
    p.pairs += size * (size - 1.0);
  }
  return p;
}

/// sum of 1 / d(src, u) over the vertices u != src reachable from src
/// without the `gone` vertices.  `s` must be reset (all dist -1); it is
/// left so.
inline double inverse_distances(const Sym& g, const std::vector<char>& gone, vertex_t src, Scratch& s) {
  s.dist[src] = 0;
  s.queue[0] = src;
  const std::size_t tail = spread(g, &gone, s, 1, -1);
  double sum = 0.0;
  for (std::size_t i = 1; i < tail; ++i) sum += 1.0 / double(s.dist[s.queue[i]]);
  for (std::size_t i = 0; i < tail; ++i) s.dist[s.queue[i]] = -1;
  return sum;
}

inline double evaluate(const Sym& g, vertex_t n, const std::vector<char>& in_set, std::size_t k, KppObjective obj,
                       int m, Scratch& s) {
  const double r = double(n) - double(k);
  switch (obj) {
    case KppObjective::Fragmentation:
      return r < 2 ? 1.0 : 1.0 - pieces(g, n, in_set, s).pairs / (r * (r - 1.0));
    case KppObjective::DistanceFragmentation: {
      if (r < 2) return 1.0;
      s.reset(n);
      double sum = 0.0;
      for (vertex_t v = 0; v < n; ++v)
        if (!in_set[v]) sum += inverse_distances(g, in_set, v, s);
      return 1.0 - sum / (r * (r - 1.0));
    }
    case KppObjective::Reach:
    case KppObjective::DistanceReach: {
      if (r <= 0) return 0.0;
      s.reset(n);
      std::size_t tail = 0;
      for (vertex_t v = 0; v < n; ++v)
        if (in_set[v]) {
          s.dist[v] = 0;
          s.queue[tail++] = v;
        }
      const std::size_t members = tail;
      tail = spread(g, nullptr, s, tail, obj == KppObjective::Reach ? m : -1);
      if (obj == KppObjective::Reach) return double(tail - members) / r;
      double sum = 0.0;
      for (std::size_t i = members; i < tail; ++i) sum += 1.0 / double(s.dist[s.queue[i]]);
      return sum / r;
    }
  }
  return 0.0;
}

}  // namespace detail_kpp

/// One optimisation of a key-player search: run 0 is the greedy set
/// improved by swaps; run j >= 1 the j-th random start set (Borgatti's
/// restarts) improved by swaps.
struct KeyPlayerRun {
  std::uint32_t run = 0;
  std::vector<vertex_t> nodes;  ///< the final set (in slot order)
  double score = 0.0;           ///< its objective value
  double start_score = 0.0;     ///< the start set's value (the greedy score for run 0)
};

namespace detail_kpp {

/// What every run of a search shares: the symmetric graph, the random
/// tie-breaking rank from the seed, per-thread scratch.
struct Search {
  Search(const CsrGraph& g, std::size_t k_, const KeyPlayerOptions& o_)
      : n(g.n), k(k_), o(o_), sym(symmetric(g, o_.threads)), rank(g.n),
        scratch(std::size_t(parallel::threads(o_.threads))) {
    if (k == 0 || k > n)
      throw InvalidArgument("k must be between 1 and the number of nodes (" + std::to_string(n) + ")");
    if (o.m < 1) throw InvalidArgument("m (reach steps) must be >= 1");
    std::vector<vertex_t> order(n);
    std::iota(order.begin(), order.end(), vertex_t(0));
    Rng rng(o.seed);
    shuffle(order, rng);
    for (vertex_t i = 0; i < n; ++i) rank[order[i]] = i;
  }
  bool better(double a, vertex_t ra, double b, vertex_t rb) const {
    return a > b + 1e-12 || (a >= b - 1e-12 && ra < rb);
  }
  double value(const std::vector<char>& mark) { return evaluate(sym, n, mark, k, o.objective, o.m, scratch[0]); }

  /// The greedy set: add the vertex that improves the objective most, k times.
  void greedy(std::vector<vertex_t>& set, std::vector<char>& in_set, Progress& prog) {
    in_set.assign(n, 0);
    set.clear();
    for (std::size_t step = 0; step < k; ++step) {
      std::vector<double> score(n, -std::numeric_limits<double>::infinity());
      parallel::for_each_dynamic(
          n,
          [&](int t, std::int64_t i) {
            const vertex_t v = vertex_t(i);
            if (in_set[v] || prog.poll()) return;
            std::vector<char> trial = in_set;
            trial[v] = 1;
            score[v] = evaluate(sym, n, trial, set.size() + 1, o.objective, o.m, scratch[std::size_t(t)]);
          },
          o.threads, 1);
      prog.check();
      vertex_t best = std::numeric_limits<vertex_t>::max();
      for (vertex_t v = 0; v < n; ++v)
        if (!in_set[v] && (best == std::numeric_limits<vertex_t>::max() || better(score[v], rank[v], score[best], rank[best])))
          best = v;
      in_set[best] = 1;
      set.push_back(best);
    }
  }

  /// Best-improvement swaps from `cur` (value `value`); returns the final value.
  double improve(std::vector<vertex_t>& cur, std::vector<char>& mark, double value, Progress& prog) {
    for (int pass = 0; pass < o.max_passes && k < n; ++pass) {
      std::vector<std::pair<std::size_t, vertex_t>> swaps;
      for (std::size_t i = 0; i < cur.size(); ++i)
        for (vertex_t v = 0; v < n; ++v)
          if (!mark[v]) swaps.push_back({i, v});
      std::vector<double> score(swaps.size());
      parallel::for_each_dynamic(
          std::int64_t(swaps.size()),
          [&](int t, std::int64_t j) {
            if (prog.poll()) return;
            std::vector<char> trial = mark;
            trial[cur[swaps[std::size_t(j)].first]] = 0;
            trial[swaps[std::size_t(j)].second] = 1;
            score[std::size_t(j)] = evaluate(sym, n, trial, k, o.objective, o.m, scratch[std::size_t(t)]);
          },
          o.threads, 16);
      prog.check();
      std::size_t best = swaps.size();
      for (std::size_t j = 0; j < swaps.size(); ++j)
        if (score[j] > value + 1e-12 &&
            (best == swaps.size() || better(score[j], rank[swaps[j].second], score[best], rank[swaps[best].second])))
          best = j;
      if (best == swaps.size()) break;
      mark[cur[swaps[best].first]] = 0;
      cur[swaps[best].first] = swaps[best].second;
      mark[swaps[best].second] = 1;
      value = score[best];
    }
    return value;
  }

  /// Run `run` (0 = greedy, j >= 1 = random restart j) from start to end.
  KeyPlayerRun optimise(std::uint32_t run, Progress& prog) {
    KeyPlayerRun r;
    r.run = run;
    std::vector<char> mark;
    if (run == 0) {
      greedy(r.nodes, mark, prog);
    } else {
      std::vector<vertex_t> pool(n);
      std::iota(pool.begin(), pool.end(), vertex_t(0));
      Rng rr(mix(o.seed, std::uint64_t(run)));
      shuffle(pool, rr);
      r.nodes.assign(pool.begin(), pool.begin() + std::int64_t(k));
      mark.assign(n, 0);
      for (vertex_t v : r.nodes) mark[v] = 1;
    }
    r.start_score = value(mark);
    r.score = improve(r.nodes, mark, r.start_score, prog);
    return r;
  }

  const vertex_t n;
  const std::size_t k;
  const KeyPlayerOptions& o;
  const Sym sym;
  std::vector<vertex_t> rank;  ///< random tie-breaking rank from the seed
  std::vector<Scratch> scratch;
};

}  // namespace detail_kpp

// ---------------------------------------------------------------------------
// Partial key-player searches, for distributed runs: the search is made of
// independent runs (0 = greedy, 1..restarts = random starts; see
// key_players_runs).  key_players(g, k, o) is exactly
//   key_players_merge(key_players_partial(g, k, key_players_runs(g.n, k, o), o))
// and the runs can be computed in any blocks, anywhere: merging them in run
// order gives the same set and score.

/// The runs of a search: 0 (greedy) and, when k < n, 1..o.restarts.
inline std::vector<std::uint32_t> key_players_runs(vertex_t n, std::size_t k, const KeyPlayerOptions& o) {
  std::vector<std::uint32_t> runs{0};
  for (int r = 0; r < o.restarts && k < n; ++r) runs.push_back(std::uint32_t(r) + 1);
  return runs;
}

/// The runs `runs` of the search for k key players (each: its final set and score).
inline std::vector<KeyPlayerRun> key_players_partial(const CsrGraph& g, std::size_t k,
                                                     const std::vector<std::uint32_t>& runs,
                                                     const KeyPlayerOptions& o = {}) {
  Progress& prog = ringleader::detail::progress_of(o.progress);
  detail_kpp::Search search(g, k, o);
  std::vector<KeyPlayerRun> out;
  prog.start(runs.size());
  for (std::uint32_t run : runs) {
    out.push_back(search.optimise(run, prog));
    prog.advance(1);
  }
  prog.check();
  return out;
}

/// The search's result from its runs (any order; every run of
/// key_players_runs, run 0 among them): the greedy run's set unless a random
/// start scored more than 1e-12 higher (the first such in run order wins).
inline KeyPlayerResult key_players_merge(std::vector<KeyPlayerRun> runs) {
  std::sort(runs.begin(), runs.end(), [](const KeyPlayerRun& a, const KeyPlayerRun& b) { return a.run < b.run; });
  if (runs.empty() || runs[0].run != 0) throw InvalidArgument("key_players_merge needs run 0 (the greedy run)");
  KeyPlayerResult r;
  r.greedy_score = runs[0].start_score;
  r.score = runs[0].score;
  r.nodes = runs[0].nodes;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    if (runs[i].run == runs[i - 1].run) throw InvalidArgument("key_players_merge: run " + std::to_string(runs[i].run) + " given twice");
    if (runs[i].score > r.score + 1e-12) {
      r.score = runs[i].score;
      r.nodes = runs[i].nodes;
    }
  }
  std::sort(r.nodes.begin(), r.nodes.end());
  return r;
}

inline KeyPlayerResult key_players(const CsrGraph& g, std::size_t k, const KeyPlayerOptions& o = {}) {
  return key_players_merge(key_players_partial(g, k, key_players_runs(g.n, k, o), o));
}

/// key_players_partial on `net` (simple view of graph::Merge::Structure).
inline std::vector<KeyPlayerRun> key_players_partial(const Network& net, std::size_t k,
                                                     const std::vector<std::uint32_t>& runs,
                                                     const KeyPlayerOptions& o = {}) {
  return key_players_partial(graph::compute_view(net, graph::Merge::Structure, ""), k, runs, o);
}

/// Key players of `net` (simple view of graph::Merge::Structure).
inline KeyPlayerResult key_players(const Network& net, std::size_t k, const KeyPlayerOptions& o = {}) {
  return key_players(graph::compute_view(net, graph::Merge::Structure, ""), k, o);
}

}  // namespace ringleader::criminal
