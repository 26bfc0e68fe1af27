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
// (parallel over sources, summed in vertex order, so the same for any thread
// count), plus the strategy (betweenness O(n m)).
//
// Reference: Duijn, P. A. C., Kashirin, V. & Sloot, P. M. A. (2014). The
// relative ineffectiveness of criminal network disruption. Scientific
// Reports 4:4238.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Structure (graph/view.hpp): parallel edges of any type are
// one edge, since the network is read as unweighted.
#pragma once

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

#include "ringleader/centrality/betweenness.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/criminal/key_players.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

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
                            int threads, Progress& prog) {
  DisruptionStep s;
  const double r = double(n) - double(k);
  detail_kpp::Scratch scratch;
  const detail_kpp::Pieces p = detail_kpp::pieces(g, n, gone, scratch);
  s.components = p.count;
  s.largest = p.largest;
  if (r >= 2) {
    s.disconnected = 1.0 - p.pairs / (r * (r - 1.0));
    std::vector<detail_kpp::Scratch> per(static_cast<std::size_t>(parallel::threads(threads)));
    std::vector<double> from(n, 0.0);  // per source, summed in vertex order: the same for any thread count
    parallel::for_each_dynamic(
        n,
        [&](int t, std::int64_t i) {
          if (gone[std::size_t(i)] || prog.poll()) return;
          auto& sc = per[std::size_t(t)];
          if (sc.dist.size() != n) sc.reset(n);
          from[std::size_t(i)] = detail_kpp::inverse_distances(g, gone, vertex_t(i), sc);
        },
        threads, 16);
    prog.check();
    s.efficiency = std::accumulate(from.begin(), from.end(), 0.0) / (r * (r - 1.0));
  }
  return s;
}

}  // namespace detail_disrupt

namespace detail_disrupt {

/// The simulation of `o`; for Strategy::Random the sums (not yet the means)
/// over the repeats `reps` (null = 0..repeats-1).
inline std::vector<DisruptionStep> simulate(const CsrGraph& g, const DisruptionOptions& o,
                                            const std::vector<std::uint32_t>* reps) {
  const vertex_t n = g.n;
  const std::size_t steps = std::min<std::size_t>(o.steps, n);
  if (o.strategy == Strategy::Given)
    for (vertex_t v : o.order)
      if (v >= n) throw InvalidArgument("the removal order names a vertex out of range");
  Progress& prog = ringleader::detail::progress_of(o.progress);
  const detail_kpp::Sym sym = detail_kpp::symmetric(g, o.threads);
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
    Progress inner([&](std::uint64_t, std::uint64_t) { return !prog.poll(); }, std::chrono::milliseconds(0));
    bo.progress = &inner;
    return centrality::betweenness(h, bo);
  };
  auto run_once = [&](std::vector<vertex_t> order, bool fixed) {
    std::vector<char> gone(n, 0);
    std::vector<DisruptionStep> out{detail_disrupt::state(sym, n, gone, 0, o.threads, prog)};
    std::vector<double> once;
    if (o.strategy == Strategy::DegreeOnce)
      for (vertex_t v = 0; v < n; ++v) once.push_back(degree_of(gone, v));
    if (o.strategy == Strategy::BetweennessOnce) once = between(gone);
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
                  if (gone[std::size_t(i)] || prog.poll()) return;
                  std::vector<char> trial = gone;
                  trial[std::size_t(i)] = 1;
                  detail_kpp::Scratch sc;
                  score[std::size_t(i)] =
                      detail_kpp::evaluate(sym, n, trial, step + 1, KppObjective::Fragmentation, 1, sc);
                },
                o.threads, 4);
            prog.check();
            break;
          default: score = once;
        }
        for (vertex_t v = 0; v < n; ++v)
          if (!gone[v] && (pick == std::numeric_limits<vertex_t>::max() || score[v] > score[pick])) pick = v;
      }
      gone[pick] = 1;
      DisruptionStep s = detail_disrupt::state(sym, n, gone, step + 1, o.threads, prog);
      s.removed = pick;
      out.push_back(s);
      prog.advance(1);
    }
    prog.check();
    return out;
  };
  const std::size_t nreps = reps ? reps->size() : std::size_t(std::max(1, o.repeats));
  prog.start(o.strategy == Strategy::Random ? steps * nreps : steps);
  if (o.strategy == Strategy::Given) return run_once(o.order, true);
  if (o.strategy != Strategy::Random) return run_once({}, false);
  if (o.repeats < 1) throw InvalidArgument("repeats must be >= 1");
  // every random run has steps + 1 rows (a full random order never runs out)
  std::vector<DisruptionStep> sum(steps + 1, DisruptionStep{});
  for (std::size_t i = 0; i < nreps; ++i) {
    const std::uint32_t rep = reps ? (*reps)[i] : std::uint32_t(i);
    if (rep >= std::uint32_t(o.repeats))
      throw InvalidArgument("repeat " + std::to_string(rep) + " is not one of the " + std::to_string(o.repeats));
    std::vector<vertex_t> order(n);
    std::iota(order.begin(), order.end(), vertex_t(0));
    Rng rng(mix(o.seed, std::uint64_t(rep)));
    shuffle(order, rng);
    auto one = run_once(order, true);
    for (std::size_t r = 0; r < one.size() && r < sum.size(); ++r) {
      sum[r].largest += one[r].largest;
      sum[r].components += one[r].components;
      sum[r].efficiency += one[r].efficiency;
      sum[r].disconnected += one[r].disconnected;
    }
  }
  return sum;
}

}  // namespace detail_disrupt

// ---------------------------------------------------------------------------
// Partial random disruption, for distributed runs: Strategy::Random averages
// `repeats` independent runs (repeat i shuffles with mix(seed, i)).
// disruption(g, o) with Strategy::Random is exactly
//   disruption_finalize(disruption_partial(g, {0, ..., repeats - 1}, o), o)
// and for any split of the repeats into blocks, the rows of
// disruption_partial added up field by field give the same sums (to rounding).

/// The sums of the steps over the random repeats `reps` (indices in
/// [0, o.repeats)); o.strategy must be Strategy::Random.
inline std::vector<DisruptionStep> disruption_partial(const CsrGraph& g, const std::vector<std::uint32_t>& reps,
                                                      const DisruptionOptions& o) {
  if (o.strategy != Strategy::Random)
    throw InvalidArgument("disruption_partial splits the repeats of the random strategy; other strategies are "
                          "one sequential simulation");
  return detail_disrupt::simulate(g, o, &reps);
}

/// The means over o.repeats of summed partial rows, in place.
inline void disruption_finalize(std::vector<DisruptionStep>& sums, const DisruptionOptions& o) {
  if (o.repeats < 1) throw InvalidArgument("repeats must be >= 1");
  const double r = double(o.repeats);
  for (auto& s : sums) {
    s.largest /= r;
    s.components /= r;
    s.efficiency /= r;
    s.disconnected /= r;
  }
}

inline std::vector<DisruptionStep> disruption(const CsrGraph& g, const DisruptionOptions& o = {}) {
  std::vector<DisruptionStep> rows = detail_disrupt::simulate(g, o, nullptr);
  if (o.strategy == Strategy::Random) disruption_finalize(rows, o);
  return rows;
}

/// disruption_partial on `net` (simple view of graph::Merge::Structure).
inline std::vector<DisruptionStep> disruption_partial(const Network& net, const std::vector<std::uint32_t>& reps,
                                                      const DisruptionOptions& o) {
  return disruption_partial(graph::compute_view(net, graph::Merge::Structure, ""), reps, o);
}

/// Disruption of `net` (simple view of graph::Merge::Structure).
inline std::vector<DisruptionStep> disruption(const Network& net, const DisruptionOptions& o = {}) {
  return disruption(graph::compute_view(net, graph::Merge::Structure, ""), o);
}

}  // namespace ringleader::criminal
