// ringleader/criminal/disruption.hpp - simulated disruption: remove members
// one at a time and watch the network fall apart (Duijn, Kashirin & Sloot
// 2014).
//
// The network is read as undirected and unweighted.  After each removal, on
// the r remaining vertices: the size of the largest component, the number of
// components, the global efficiency E = sum_{i != j} (1 / d_ij) / (r (r - 1))
// (Latora & Marchiori 2001; networkx's global_efficiency; 0 when r < 2) and
// the share of disconnected pairs 1 - sum_c s_c (s_c - 1) / (r (r - 1))
// (Borgatti's fragmentation).  Strategies choose the next vertex among those
// left (ties: lowest index):
//  - Degree / Betweenness: highest degree / betweenness, recomputed after
//    every removal; DegreeOnce / BetweennessOnce: the initial ranking.
//  - KeyPlayer: the vertex whose removal fragments the rest most (greedy
//    KPP-Neg, recomputed after every removal).
//  - Random: a random order; `repeats` runs from the seed, averaged.
//  - Given: the order in `order`.
// Step 0 is the intact network.  Cost per step: O(r (n + m)) for efficiency
// (parallel over sources), plus the strategy (betweenness O(n m)).
//
// Reference: Duijn, P. A. C., Kashirin, V. & Sloot, P. M. A. (2014). The
// relative ineffectiveness of criminal network disruption. Scientific
// Reports 4:4238.
#pragma once

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>
#include <vector>

#include "ringleader/centrality/betweenness.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/criminal/key_players.hpp"

namespace ringleader::criminal {

enum class Strategy { Degree, DegreeOnce, Betweenness, BetweennessOnce, KeyPlayer, Random, Given };

struct DisruptionOptions {
  Strategy strategy = Strategy::Degree;
  std::size_t steps = 10;
  std::vector<vertex_t> order;  ///< Strategy::Given
  int repeats = 20;             ///< Strategy::Random
  std::uint64_t seed = 0;
  int threads = 0;
  Progress* progress = nullptr;
};

struct DisruptionStep {
  vertex_t removed = std::numeric_limits<vertex_t>::max();  ///< none at step 0 and for Random
  double largest = 0, components = 0, efficiency = 0, disconnected = 0;
};

namespace detail_disrupt {

inline DisruptionStep state(const detail_kpp::Sym& g, vertex_t n, const std::vector<char>& gone, std::size_t k,
                            int threads) {
  DisruptionStep s;
  const double r = double(n) - double(k);
  std::vector<std::int32_t> comp(n, -1);
  std::vector<vertex_t> queue(n);
  double pairs = 0;
  for (vertex_t v = 0; v < n; ++v) {
    if (gone[v] || comp[v] >= 0) continue;
    std::size_t head = 0, tail = 1;
    queue[0] = v;
    comp[v] = std::int32_t(s.components);
    while (head < tail) {
      const vertex_t x = queue[head++];
      for (std::uint64_t a = g.off[x]; a < g.off[x + 1]; ++a)
        if (!gone[g.adj[a]] && comp[g.adj[a]] < 0) {
          comp[g.adj[a]] = comp[v];
          queue[tail++] = g.adj[a];
        }
    }
    s.components += 1;
    s.largest = std::max(s.largest, double(tail));
    pairs += double(tail) * double(tail - 1);
  }
  if (r >= 2) {
    s.disconnected = 1.0 - pairs / (r * (r - 1.0));
    const int nt = parallel::threads(threads);
    std::vector<double> part(static_cast<std::size_t>(nt), 0.0);
    std::vector<std::vector<std::int32_t>> dist(static_cast<std::size_t>(nt));
    std::vector<std::vector<vertex_t>> qs(static_cast<std::size_t>(nt));
    parallel::for_each_dynamic(
        n,
        [&](int t, std::int64_t i) {
          const vertex_t src = vertex_t(i);
          if (gone[src]) return;
          auto& d = dist[std::size_t(t)];
          auto& q = qs[std::size_t(t)];
          d.assign(n, -1);
          q.resize(n);
          std::size_t head = 0, tail = 1;
          q[0] = src;
          d[src] = 0;
          double sum = 0;
          while (head < tail) {
            const vertex_t x = q[head++];
            for (std::uint64_t a = g.off[x]; a < g.off[x + 1]; ++a) {
              const vertex_t u = g.adj[a];
              if (gone[u] || d[u] >= 0) continue;
              d[u] = d[x] + 1;
              sum += 1.0 / double(d[u]);
              q[tail++] = u;
            }
          }
          part[std::size_t(t)] += sum;  // summed per thread: same total up to rounding
        },
        threads, 16);
    double tot = 0;
    for (double x : part) tot += x;
    s.efficiency = tot / (r * (r - 1.0));
  }
  return s;
}

}  // namespace detail_disrupt

inline std::vector<DisruptionStep> disruption(const CsrGraph& g, const DisruptionOptions& o = {}) {
  const vertex_t n = g.n;
  const std::size_t steps = std::min<std::size_t>(o.steps, n);
  if (o.strategy == Strategy::Given)
    for (vertex_t v : o.order)
      if (v >= n) throw InvalidArgument("the removal order names a vertex out of range");
  Progress& prog = o.progress ? *o.progress : no_progress();
  const detail_kpp::Sym sym = detail_kpp::symmetric(g);
  auto degree_of = [&](const std::vector<char>& gone, vertex_t v) {
    double d = 0;
    for (std::uint64_t a = sym.off[v]; a < sym.off[v + 1]; ++a) d += !gone[sym.adj[a]];
    return d;
  };
  auto between = [&](const std::vector<char>& gone) {
    std::vector<vertex_t> s, t;
    for (vertex_t v = 0; v < n; ++v)
      for (std::uint64_t a = sym.off[v]; a < sym.off[v + 1]; ++a)
        if (v < sym.adj[a] && !gone[v] && !gone[sym.adj[a]]) {
          s.push_back(v);
          t.push_back(sym.adj[a]);
        }
    CsrGraph h = CsrGraph::build(n, false, s, t, nullptr);
    centrality::BetweennessOptions bo;
    bo.threads = o.threads;
    return centrality::betweenness(h, bo);
  };
  auto run_once = [&](std::vector<vertex_t> order, bool fixed) {
    std::vector<char> gone(n, 0);
    std::vector<DisruptionStep> out{detail_disrupt::state(sym, n, gone, 0, o.threads)};
    std::vector<double> once;
    if (o.strategy == Strategy::DegreeOnce)
      for (vertex_t v = 0; v < n; ++v) once.push_back(degree_of(gone, v));
    if (o.strategy == Strategy::BetweennessOnce) once = between(gone);
    detail_kpp::Scratch scratch;
    for (std::size_t step = 0; step < steps && !prog.cancelled(); ++step) {
      vertex_t pick = std::numeric_limits<vertex_t>::max();
      if (fixed) {
        while (!order.empty() && gone[order.front()]) order.erase(order.begin());
        if (order.empty()) break;
        pick = order.front();
      } else {
        std::vector<double> score;
        switch (o.strategy) {
          case Strategy::Degree:
            for (vertex_t v = 0; v < n; ++v) score.push_back(degree_of(gone, v));
            break;
          case Strategy::Betweenness: score = between(gone); break;
          case Strategy::KeyPlayer:
            score.assign(n, 0.0);
            parallel::for_each_dynamic(
                n,
                [&](int, std::int64_t i) {
                  if (gone[std::size_t(i)]) return;
                  std::vector<char> trial = gone;
                  trial[std::size_t(i)] = 1;
                  detail_kpp::Scratch sc;
                  score[std::size_t(i)] =
                      detail_kpp::evaluate(sym, n, trial, step + 1, KppObjective::Fragmentation, 1, sc);
                },
                o.threads, 4);
            break;
          default: score = once;
        }
        for (vertex_t v = 0; v < n; ++v)
          if (!gone[v] && (pick == std::numeric_limits<vertex_t>::max() || score[v] > score[pick])) pick = v;
      }
      gone[pick] = 1;
      DisruptionStep s = detail_disrupt::state(sym, n, gone, step + 1, o.threads);
      s.removed = pick;
      out.push_back(s);
      prog.advance(1);
    }
    prog.check();
    return out;
  };
  prog.start(o.strategy == Strategy::Random ? steps * std::size_t(std::max(1, o.repeats)) : steps);
  if (o.strategy == Strategy::Given) return run_once(o.order, true);
  if (o.strategy != Strategy::Random) return run_once({}, false);
  if (o.repeats < 1) throw InvalidArgument("repeats must be >= 1");
  std::vector<DisruptionStep> mean;
  for (int rep = 0; rep < o.repeats; ++rep) {
    std::vector<vertex_t> order(n);
    std::iota(order.begin(), order.end(), vertex_t(0));
    Rng rng(mix(o.seed, std::uint64_t(rep)));
    shuffle(order, rng);
    auto one = run_once(order, true);
    if (mean.empty()) mean.assign(one.size(), DisruptionStep{});
    for (std::size_t i = 0; i < one.size() && i < mean.size(); ++i) {
      mean[i].largest += one[i].largest / o.repeats;
      mean[i].components += one[i].components / o.repeats;
      mean[i].efficiency += one[i].efficiency / o.repeats;
      mean[i].disconnected += one[i].disconnected / o.repeats;
    }
  }
  return mean;
}

}  // namespace ringleader::criminal
