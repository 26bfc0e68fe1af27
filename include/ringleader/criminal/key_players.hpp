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

/// Symmetric adjacency without self-loops or duplicates.
struct Sym {
  std::vector<std::uint64_t> off;
  std::vector<vertex_t> adj;
};

inline Sym symmetric(const CsrGraph& g) {
  Sym s;
  std::vector<std::vector<vertex_t>> nb(g.n);
  for (vertex_t v = 0; v < g.n; ++v)
    for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a) {
      const vertex_t u = g.out_targets[a];
      if (u == v) continue;
      nb[v].push_back(u);
      nb[u].push_back(v);
    }
  s.off.assign(std::size_t(g.n) + 1, 0);
  for (vertex_t v = 0; v < g.n; ++v) {
    std::sort(nb[v].begin(), nb[v].end());
    nb[v].erase(std::unique(nb[v].begin(), nb[v].end()), nb[v].end());
    s.off[v + 1] = s.off[v] + nb[v].size();
  }
  s.adj.reserve(s.off[g.n]);
  for (auto& l : nb) s.adj.insert(s.adj.end(), l.begin(), l.end());
  return s;
}

/// Per-thread scratch of the evaluator.
struct Scratch {
  std::vector<std::int32_t> dist;
  std::vector<vertex_t> queue;
};

inline double evaluate(const Sym& g, vertex_t n, const std::vector<char>& in_set, std::size_t k, KppObjective obj,
                       int m, Scratch& s) {
  const double r = double(n) - double(k);
  s.dist.assign(n, -1);
  s.queue.resize(n);
  auto bfs = [&](std::size_t head, std::size_t tail, int limit, bool through_set) {
    // dist of queued vertices set by caller; returns the tail after the search
    while (head < tail) {
      const vertex_t v = s.queue[head++];
      if (limit >= 0 && s.dist[v] >= limit) continue;
      for (std::uint64_t a = g.off[v]; a < g.off[v + 1]; ++a) {
        const vertex_t u = g.adj[a];
        if (s.dist[u] >= 0 || (!through_set && in_set[u])) continue;
        s.dist[u] = s.dist[v] + 1;
        s.queue[tail++] = u;
      }
    }
    return tail;
  };
  switch (obj) {
    case KppObjective::Fragmentation: {
      if (r < 2) return 1.0;
      double pairs = 0.0;
      for (vertex_t v = 0; v < n; ++v) {
        if (in_set[v] || s.dist[v] >= 0) continue;
        s.dist[v] = 0;
        s.queue[0] = v;
        const double size = double(bfs(0, 1, -1, false));
        pairs += size * (size - 1.0);
      }
      return 1.0 - pairs / (r * (r - 1.0));
    }
    case KppObjective::DistanceFragmentation: {
      if (r < 2) return 1.0;
      double sum = 0.0;
      for (vertex_t v = 0; v < n; ++v) {
        if (in_set[v]) continue;
        std::fill(s.dist.begin(), s.dist.end(), -1);
        s.dist[v] = 0;
        s.queue[0] = v;
        const std::size_t tail = bfs(0, 1, -1, false);
        for (std::size_t i = 1; i < tail; ++i) sum += 1.0 / double(s.dist[s.queue[i]]);
      }
      return 1.0 - sum / (r * (r - 1.0));
    }
    case KppObjective::Reach:
    case KppObjective::DistanceReach: {
      if (r <= 0) return 0.0;
      std::size_t tail = 0;
      for (vertex_t v = 0; v < n; ++v)
        if (in_set[v]) {
          s.dist[v] = 0;
          s.queue[tail++] = v;
        }
      const std::size_t members = tail;
      tail = bfs(0, tail, obj == KppObjective::Reach ? m : -1, true);
      if (obj == KppObjective::Reach) return double(tail - members) / r;
      double sum = 0.0;
      for (std::size_t i = members; i < tail; ++i) sum += 1.0 / double(s.dist[s.queue[i]]);
      return sum / r;
    }
  }
  return 0.0;
}

}  // namespace detail_kpp

inline KeyPlayerResult key_players(const CsrGraph& g, std::size_t k, const KeyPlayerOptions& o = {}) {
  const vertex_t n = g.n;
  if (k == 0 || k > n)
    throw InvalidArgument("k must be between 1 and the number of nodes (" + std::to_string(n) + ")");
  if (o.m < 1) throw InvalidArgument("m (reach steps) must be >= 1");
  Progress& prog = o.progress ? *o.progress : no_progress();
  const detail_kpp::Sym sym = detail_kpp::symmetric(g);
  std::vector<vertex_t> order(n);  // random tie-breaking rank
  std::iota(order.begin(), order.end(), vertex_t(0));
  Rng rng(o.seed);
  shuffle(order, rng);
  std::vector<vertex_t> rank(n);
  for (vertex_t i = 0; i < n; ++i) rank[order[i]] = i;
  std::vector<detail_kpp::Scratch> scratch(std::size_t(parallel::threads(o.threads)));
  std::vector<char> in_set(n, 0);
  std::vector<vertex_t> set;
  auto better = [&](double a, vertex_t ra, double b, vertex_t rb) { return a > b + 1e-12 || (a >= b - 1e-12 && ra < rb); };
  // greedy
  prog.start(k);
  for (std::size_t step = 0; step < k; ++step) {
    std::vector<double> score(n, -std::numeric_limits<double>::infinity());
    parallel::for_each_dynamic(
        n,
        [&](int t, std::int64_t i) {
          const vertex_t v = vertex_t(i);
          if (in_set[v] || prog.cancelled()) return;
          std::vector<char> trial = in_set;
          trial[v] = 1;
          score[v] = detail_kpp::evaluate(sym, n, trial, set.size() + 1, o.objective, o.m, scratch[std::size_t(t)]);
        },
        o.threads, 1);
    prog.check();
    vertex_t best = std::numeric_limits<vertex_t>::max();
    for (vertex_t v = 0; v < n; ++v)
      if (!in_set[v] && (best == std::numeric_limits<vertex_t>::max() || better(score[v], rank[v], score[best], rank[best]))) best = v;
    in_set[best] = 1;
    set.push_back(best);
    prog.advance(1);
  }
  KeyPlayerResult r;
  r.score = r.greedy_score = detail_kpp::evaluate(sym, n, in_set, k, o.objective, o.m, scratch[0]);
  // best-improvement swaps from a start set; returns its final score
  auto improve = [&](std::vector<vertex_t>& cur, std::vector<char>& mark, double value) {
    for (int pass = 0; pass < o.max_passes && k < n; ++pass) {
      std::vector<std::pair<std::size_t, vertex_t>> swaps;
      for (std::size_t i = 0; i < cur.size(); ++i)
        for (vertex_t v = 0; v < n; ++v)
          if (!mark[v]) swaps.push_back({i, v});
      std::vector<double> score(swaps.size());
      parallel::for_each_dynamic(
          std::int64_t(swaps.size()),
          [&](int t, std::int64_t j) {
            if (prog.cancelled()) return;
            std::vector<char> trial = mark;
            trial[cur[swaps[std::size_t(j)].first]] = 0;
            trial[swaps[std::size_t(j)].second] = 1;
            score[std::size_t(j)] = detail_kpp::evaluate(sym, n, trial, k, o.objective, o.m, scratch[std::size_t(t)]);
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
  };
  r.score = improve(set, in_set, r.score);
  // random restarts (Borgatti's procedure), each improved by swaps; keep the best
  for (int run = 0; run < o.restarts && k < n; ++run) {
    std::vector<vertex_t> pool(n);
    std::iota(pool.begin(), pool.end(), vertex_t(0));
    Rng rr(mix(o.seed, std::uint64_t(run) + 1));
    shuffle(pool, rr);
    std::vector<vertex_t> cur(pool.begin(), pool.begin() + std::int64_t(k));
    std::vector<char> mark(n, 0);
    for (vertex_t v : cur) mark[v] = 1;
    const double value = improve(cur, mark, detail_kpp::evaluate(sym, n, mark, k, o.objective, o.m, scratch[0]));
    if (value > r.score + 1e-12) {
      r.score = value;
      set = cur;
    }
  }
  std::sort(set.begin(), set.end());
  r.nodes = set;
  return r;
}

}  // namespace ringleader::criminal
