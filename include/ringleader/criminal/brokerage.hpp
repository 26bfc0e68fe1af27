// ringleader/criminal/brokerage.hpp - Gould & Fernandez brokerage roles.
//
// For a partition of the vertices into groups, every open two-path a -> b ->
// c (a != c, a != b != c, no arc a -> c) makes b a broker of one of five
// kinds, by the groups of a, b and c:
//   coordinator     g(a) = g(b) = g(c)      (brokers within its own group)
//   itinerant       g(a) = g(c) != g(b)     (consultant: an outsider between two members)
//   representative  g(a) = g(b) != g(c)     (speaks for its group to another)
//   gatekeeper      g(b) = g(c) != g(a)     (lets another group's flow into its own)
//   liaison         all three different
// Directed networks count directed two-paths.  An undirected network is read
// as the symmetric directed one, so every open path a - b - c is counted in
// both directions (as UCINET does for symmetric data): coordinator,
// itinerant and liaison counts are even, and a representative role in one
// direction is a gatekeeper role in the other.  Self-loops are ignored; the
// graph must be simple (the Network overload reads the simple view, below).
// Complexity O(sum_b in(b) out(b) + sum_b sum_{a in in(b)} out(a)); parallel
// over brokers, deterministic.
//
// Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of
// mediation: a formal approach to brokerage in transaction networks.
// Sociological Methodology 19:89-126.
//
// Multigraphs: the Network overloads read the network through
// graph::Merge::Structure (graph/view.hpp): parallel edges of any type are
// one edge, since a two-path is there or not.
#pragma once

#include <array>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::criminal {

enum BrokerRole { Coordinator = 0, Itinerant = 1, Representative = 2, Gatekeeper = 3, Liaison = 4 };

/// counts[v][role] for every vertex.
inline std::vector<std::array<double, 5>> brokerage(const CsrGraph& g, const std::vector<std::int64_t>& group,
                                                    int threads = 0) {
  if (group.size() != g.n)
    throw InvalidArgument("brokerage needs one group per vertex (" + std::to_string(g.n) + "), got " +
                          std::to_string(group.size()));
  const int nthreads = parallel::threads(threads);
  memory::reserve_check(memory::mul(g.n, sizeof(std::array<double, 5>) + 4 * std::uint64_t(nthreads)),
                        "the brokerage counts");
  std::vector<std::array<double, 5>> out(g.n, std::array<double, 5>{});
  const auto& ioff = g.in_off();
  const auto& isrc = g.in_src();
  std::vector<std::vector<std::uint32_t>> stamps(static_cast<std::size_t>(nthreads));
  parallel::for_each_dynamic(
      g.n,
      [&](int t, std::int64_t i) {
        const vertex_t b = vertex_t(i);
        auto& stamp = stamps[std::size_t(t)];
        if (stamp.size() < g.n) stamp.assign(g.n, ~std::uint32_t(0));
        auto& cnt = out[b];
        for (std::uint64_t x = ioff[b]; x < ioff[b + 1]; ++x) {
          const vertex_t a = isrc[x];
          if (a == b) continue;
          for (std::uint64_t y = g.out_begin(a); y < g.out_end(a); ++y) stamp[g.out_targets[y]] = a;  // a -> c arcs
          for (std::uint64_t y = g.out_begin(b); y < g.out_end(b); ++y) {
            const vertex_t c = g.out_targets[y];
            if (c == a || c == b || stamp[c] == a) continue;
            const std::int64_t ga = group[a], gb = group[b], gc = group[c];
            const int role = ga == gb ? (gb == gc ? Coordinator : Representative)
                                      : (gb == gc ? Gatekeeper : (ga == gc ? Itinerant : Liaison));
            cnt[std::size_t(role)] += 1.0;
          }
          for (std::uint64_t y = g.out_begin(a); y < g.out_end(a); ++y) stamp[g.out_targets[y]] = ~std::uint32_t(0);
        }
      },
      threads, 64);
  return out;
}

/// Brokerage roles of every vertex of `net` (simple view of
/// graph::Merge::Structure).
inline std::vector<std::array<double, 5>> brokerage(const Network& net, const std::vector<std::int64_t>& group,
                                                    int threads = 0) {
  return brokerage(graph::compute_view(net, graph::Merge::Structure, ""), group, threads);
}

}  // namespace ringleader::criminal
