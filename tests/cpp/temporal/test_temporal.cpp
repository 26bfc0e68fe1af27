// Temporal: time windows from the sorted index equal Network::subgraph with a
// window; earliest arrival and latest departure equal a brute-force fixpoint.
#include <catch2/catch.hpp>

#include <random>

#include <ringleader/temporal/reachability.hpp>
#include <ringleader/temporal/time_index.hpp>

#include "../support/random_network.hpp"

using namespace ringleader;
using namespace ringleader::temporal;

TEST_CASE("windows from the time index equal subgraph windows", "[temporal]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    Network net = rltest::random_network(rng, round % 2);
    TimeIndex idx(net);
    for (int q = 0; q < 5; ++q) {
      std::int64_t a = std::int64_t(rng()) * 999999937LL - std::int64_t(rng() % 3) * (std::int64_t(1) << 61);
      std::int64_t b = a + std::int64_t(rng()) * 999999937LL;
      SubgraphOptions so;
      so.start = a;
      so.end = b;
      Network ref = net.subgraph(so);
      Network got = idx.window(a, b, false);
      REQUIRE(got.number_of_nodes() == ref.number_of_nodes());
      REQUIRE(got.number_of_edges() == ref.number_of_edges());
      for (std::size_t e = 0; e < got.number_of_edges(); ++e) {
        REQUIRE(got.edges().source[e] == ref.edges().source[e]);
        REQUIRE(got.edges().target[e] == ref.edges().target[e]);
        REQUIRE(got.edges().time(e) == ref.edges().time(e));
      }
      Network active = idx.window(a, b, true);
      REQUIRE(active.number_of_edges() == ref.number_of_edges());
      REQUIRE(active.number_of_nodes() <= ref.number_of_nodes());
      auto [lo, hi] = idx.range(a, b);
      REQUIRE(hi - lo == ref.number_of_edges());
    }
  }
}

namespace {
/// arrival (or departure) by fixpoint iteration over every usable edge.
std::vector<std::int64_t> brute(const Network& net, vertex_t root, bool forward, const TemporalOptions& o) {
  const auto& E = net.edges();
  std::vector<std::int64_t> best(net.number_of_nodes(), forward ? kNever : kAlways);
  best[root] = forward ? (o.start ? *o.start : kAlways) : (o.end ? *o.end : kNever);
  const bool both = !net.directed() || o.ignore_direction;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t e = 0; e < E.size(); ++e) {
      const std::int64_t t = E.time(e);
      if (t == kNoTime || (o.start && t < *o.start) || (o.end && t >= *o.end)) continue;
      for (int dir = 0; dir < (both ? 2 : 1); ++dir) {
        vertex_t s = dir ? E.target[e] : E.source[e], d = dir ? E.source[e] : E.target[e];
        if (!forward) std::swap(s, d);
        if (s == d || d == root || best[s] == (forward ? kNever : kAlways)) continue;
        const bool ok = forward ? (o.strict ? best[s] < t : best[s] <= t) : (o.strict ? t < best[s] : t <= best[s]);
        if (ok && (forward ? t < best[d] : t > best[d])) best[d] = t, changed = true;
      }
    }
  }
  return best;
}
}  // namespace

TEST_CASE("earliest arrival and latest departure equal brute force", "[temporal]") {
  std::mt19937 rng(3);
  int reached = 0;
  for (int round = 0; round < 200; ++round) {
    NetworkBuilder b(round % 2 == 0, "x", "call");
    const vertex_t n = 2 + rng() % 8;
    for (vertex_t v = 0; v < n; ++v) b.add_node("v" + std::to_string(v));
    for (int k = 0; k < int(3 * n); ++k) {
      std::size_t e = b.add_edge(vertex_t(rng() % n), vertex_t(rng() % n), "call", 1.0);
      if (rng() % 7) b.set_timestamp(e, std::int64_t(rng() % 5));
    }
    Network net = b.finish();
    TimeIndex idx(net);
    TemporalOptions o;
    o.strict = rng() % 2;
    o.ignore_direction = rng() % 2;
    if (rng() % 2) o.start = 1;
    if (rng() % 2) o.end = 4;
    const vertex_t root = rng() % n;
    Reach f = earliest_arrival(idx, root, o);
    REQUIRE(f.time == brute(net, root, true, o));
    Reach r = latest_departure(idx, root, o);
    REQUIRE(r.time == brute(net, root, false, o));
    for (vertex_t v = 0; v < n; ++v) {
      if (v == root || f.edge[v] == kNoEdge) continue;
      ++reached;
      auto p = earliest_arrival_path(idx, root, v, o);
      REQUIRE(p);
      std::int64_t last = kAlways;
      for (std::size_t e : *p) {
        const std::int64_t t = net.edges().time(e);
        REQUIRE((o.strict ? last < t : last <= t));
        last = t;
      }
      REQUIRE(last == f.time[v]);
    }
  }
  CHECK(reached > 100);
}
