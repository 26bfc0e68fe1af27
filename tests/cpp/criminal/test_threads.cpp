// The criminal-network kernels (structural holes, brokerage, key players,
// disruption) give the same result on 1 and 2 threads, and run their
// parallel loops under ThreadSanitizer (make test-tsan).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include <ringleader/criminal/brokerage.hpp>
#include <ringleader/criminal/disruption.hpp>
#include <ringleader/criminal/key_players.hpp>
#include <ringleader/criminal/structural_holes.hpp>

#include "../support/csr.hpp"
#include "../support/threads.hpp"

using namespace ringleader;
using namespace ringleader::criminal;
using rltest::on_1_and_2_threads;

namespace {

/// A random multigraph with self-loops, parallel edges and isolated vertices.
CsrGraph random_multigraph(std::mt19937& rng, vertex_t n, bool directed) {
  std::vector<std::pair<vertex_t, vertex_t>> e;
  std::vector<double> w;
  for (vertex_t i = 0; i < 3 * n; ++i) {
    vertex_t a = rng() % (n - 3), b = rng() % 9 == 0 ? a : vertex_t(rng() % (n - 3));  // n-3.. isolated
    e.emplace_back(a, b);
    w.push_back(0.5 + double(rng() % 100) / 37.0);
    if (rng() % 5 == 0) {
      e.emplace_back(a, b);
      w.push_back(1.0);
    }
  }
  return rltest::make(n, directed, e, w);
}

/// Equal within 1e-12 relative (NaN equals NaN: isolated vertices).
bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return a == Approx(b).epsilon(1e-12).margin(1e-300);
}

}  // namespace

TEST_CASE("criminal-network kernels give the same result on 1 and 2 threads", "[criminal][threads]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 2; ++round) {
    const bool directed = round % 2;
    CsrGraph g = random_multigraph(rng, vertex_t(40 + 20 * round), directed);
    INFO("round " << round);

    StructuralHolesOptions so;
    so.weighted = round % 3 == 0;
    auto [s1, s2] = on_1_and_2_threads(so, [&](const StructuralHolesOptions& o) { return structural_holes(g, o); });
    for (std::size_t v = 0; v < g.n; ++v) {
      CHECK(same(s1.constraint[v], s2.constraint[v]));
      CHECK(same(s1.effective_size[v], s2.effective_size[v]));
      CHECK(same(s1.hierarchy[v], s2.hierarchy[v]));
    }

    std::vector<std::int64_t> group(g.n);
    for (std::size_t v = 0; v < g.n; ++v) group[v] = std::int64_t(v % 4);
    CHECK(brokerage(g, group, 1) == brokerage(g, group, 2));

    for (auto obj : {KppObjective::Fragmentation, KppObjective::DistanceFragmentation, KppObjective::Reach,
                     KppObjective::DistanceReach}) {
      KeyPlayerOptions ko;
      ko.objective = obj;
      ko.m = 2;
      ko.seed = 5;
      ko.restarts = 2;
      auto [k1, k2] = on_1_and_2_threads(ko, [&](const KeyPlayerOptions& o) { return key_players(g, 4, o); });
      CHECK(k1.nodes == k2.nodes);
      CHECK(same(k1.score, k2.score));
    }

    for (auto strategy : {Strategy::Degree, Strategy::Betweenness, Strategy::KeyPlayer, Strategy::Random}) {
      DisruptionOptions d;
      d.strategy = strategy;
      d.steps = 4;
      d.repeats = 3;
      d.seed = 9;
      auto [a, b] = on_1_and_2_threads(d, [&](const DisruptionOptions& o) { return disruption(g, o); });
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].removed == b[i].removed);
        CHECK(same(a[i].largest, b[i].largest));
        CHECK(same(a[i].components, b[i].components));
        CHECK(same(a[i].efficiency, b[i].efficiency));
        CHECK(same(a[i].disconnected, b[i].disconnected));
      }
    }
  }
}
