// ringleader/temporal/reachability.hpp - time-respecting paths: earliest
// arrival from a source, latest departure towards a target.
//
// A time-respecting path uses edges whose timestamps never go backwards
// (t1 <= t2 <= ...; with `strict`, t1 < t2 < ...): a call chain, a chain of
// transfers.  Edges take no time.  Only edges with a timestamp inside the
// window [start, end) are used.  Directed edges are followed along their
// direction unless `ignore_direction`; undirected edges both ways.  Filters:
// `node_ok` (per vertex; nodes that may be entered, the source and target are
// always allowed) and `edge_ok` (per edge).
//
// earliest_arrival(s): for every vertex v the earliest time a path from s can
// reach it (s itself at `start`, or at the earliest time when no start is
// given), the last edge of one such path and its number of edges.  One pass
// over the time-sorted edges (Wu et al. 2014); edges sharing a timestamp are
// swept again until nothing changes, so chains within one timestamp are
// found when time is not strict.
// latest_departure(t): for every vertex v the latest time a path from v can
// leave and still reach t before `end`, the first edge of one such path; the
// mirror image, sweeping the edges backwards in time.
//
// Complexity O(m_w) for the m_w edges of the window (times the longest chain
// within one timestamp, non-strict), after the O(m log m) index.
//
// Reference: Wu, H., Cheng, J., Huang, S., Ke, Y., Lu, Y. and Xu, Y. (2014).
// Path problems in temporal graphs. Proceedings of the VLDB Endowment
// 7(9):721-732.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/temporal/time_index.hpp"

namespace ringleader::temporal {

struct TemporalOptions {
  std::optional<std::int64_t> start;  ///< ns; edges before it are not used
  std::optional<std::int64_t> end;    ///< ns; edges at or after it are not used
  bool strict = false;                ///< timestamps must increase strictly along a path
  bool ignore_direction = false;
  std::vector<char> node_ok;  ///< per vertex (empty = all)
  std::vector<char> edge_ok;  ///< per edge (empty = all)
};

inline constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
inline constexpr std::int64_t kAlways = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t kNoEdge = -1;

/// Per vertex: time (kNever / kAlways when unreached), the edge that reaches
/// it (earliest arrival: last edge; latest departure: first edge), and the
/// number of edges of that path.
struct Reach {
  std::vector<std::int64_t> time;
  std::vector<std::int64_t> edge;
  std::vector<std::int32_t> hops;
};

namespace detail {

/// Sweeps the window's edges forwards (Forward) or backwards in time.  In
/// forward mode `better(t, v)` holds when arriving at v at t improves on
/// time[v]; an edge u -> v at t is usable when u is reached by t.
template <bool Forward>
Reach sweep(const TimeIndex& idx, vertex_t root, const TemporalOptions& o) {
  const Network& net = idx.network();
  const EdgeTable& E = net.edges();
  const std::size_t n = net.number_of_nodes();
  if (root >= n) throw InvalidArgument("vertex out of range");
  if (!o.node_ok.empty() && o.node_ok.size() != n) throw InvalidArgument("node_ok needs one flag per node");
  const std::int64_t unreached = Forward ? kNever : kAlways;
  Reach r{std::vector<std::int64_t>(n, unreached), std::vector<std::int64_t>(n, kNoEdge),
          std::vector<std::int32_t>(n, -1)};
  r.time[root] = Forward ? (o.start ? *o.start : kAlways) : (o.end ? *o.end : kNever);
  r.hops[root] = 0;
  const bool both = !net.directed() || o.ignore_direction;
  // from -> to over edge e at time t; returns whether `to` improved
  auto relax = [&](vertex_t from, vertex_t to, std::size_t e, std::int64_t t) {
    if (from == to || to == root) return false;
    if (!o.node_ok.empty() && !o.node_ok[to]) return false;
    const std::int64_t at = r.time[from];
    if (at == unreached) return false;
    const bool usable = Forward ? (o.strict ? at < t : at <= t) : (o.strict ? t < at : t <= at);
    const bool improves = Forward ? t < r.time[to] : t > r.time[to];
    if (!usable || !improves) return false;
    r.time[to] = t;
    r.edge[to] = std::int64_t(e);
    r.hops[to] = r.hops[from] + 1;
    return true;
  };
  auto [lo, hi] = idx.range(o.start, o.end);
  const auto& order = idx.order();
  const auto& times = idx.times();
  // groups of equal timestamps, in time order (forward) or reverse
  std::size_t i = Forward ? lo : hi;
  while (Forward ? i < hi : i > lo) {
    std::size_t a, b;  // the group [a, b)
    if (Forward) {
      a = i;
      b = i;
      while (b < hi && times[b] == times[a]) ++b;
      i = b;
    } else {
      b = i;
      a = i - 1;
      while (a > lo && times[a - 1] == times[b - 1]) --a;
      i = a;
    }
    bool changed = true;
    while (changed) {
      changed = false;
      for (std::size_t k = a; k < b; ++k) {
        const std::size_t e = order[k];
        if (!o.edge_ok.empty() && !o.edge_ok[e]) continue;
        const vertex_t s = E.source[e], d = E.target[e];
        const std::int64_t t = times[k];
        // forward: s -> d (and d -> s); backward: the departure from s towards d
        if (Forward) {
          changed |= relax(s, d, e, t);
          if (both) changed |= relax(d, s, e, t);
        } else {
          changed |= relax(d, s, e, t);
          if (both) changed |= relax(s, d, e, t);
        }
      }
      if (o.strict) break;  // an edge at t cannot follow another at t
    }
  }
  return r;
}

}  // namespace detail

/// Earliest arrival at every vertex from `source` (see the file comment).
inline Reach earliest_arrival(const TimeIndex& idx, vertex_t source, const TemporalOptions& o = {}) {
  return detail::sweep<true>(idx, source, o);
}

/// Latest departure from every vertex towards `target`.
inline Reach latest_departure(const TimeIndex& idx, vertex_t target, const TemporalOptions& o = {}) {
  return detail::sweep<false>(idx, target, o);
}

namespace detail {
/// The edges met following r.edge from `from` until `to` (each edge's other
/// end is the next vertex), or nothing when `from` was not reached.
inline std::optional<std::vector<std::size_t>> follow(const TimeIndex& idx, const Reach& r, vertex_t from,
                                                      vertex_t to) {
  if (from != to && r.edge[from] == kNoEdge) return std::nullopt;
  const EdgeTable& E = idx.network().edges();
  std::vector<std::size_t> path;
  for (vertex_t v = from; v != to;) {
    const std::size_t e = std::size_t(r.edge[v]);
    path.push_back(e);
    v = E.source[e] == v ? E.target[e] : E.source[e];
  }
  return path;
}
}  // namespace detail

/// The edges of the earliest-arrival path source -> target (in path order),
/// or nothing when target is not reached.
inline std::optional<std::vector<std::size_t>> earliest_arrival_path(const TimeIndex& idx, vertex_t source,
                                                                     vertex_t target, const TemporalOptions& o = {}) {
  TemporalOptions oo = o;
  if (!oo.node_ok.empty()) oo.node_ok[target] = 1;
  auto path = detail::follow(idx, earliest_arrival(idx, source, oo), target, source);  // walked backwards
  if (path) std::reverse(path->begin(), path->end());
  return path;
}

/// The edges of the latest-departure path source -> target, or nothing.
inline std::optional<std::vector<std::size_t>> latest_departure_path(const TimeIndex& idx, vertex_t source,
                                                                     vertex_t target, const TemporalOptions& o = {}) {
  TemporalOptions oo = o;
  if (!oo.node_ok.empty()) oo.node_ok[source] = 1;
  return detail::follow(idx, latest_departure(idx, target, oo), source, target);
}

}  // namespace ringleader::temporal
