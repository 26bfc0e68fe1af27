// Partial key-player searches and random disruption: the runs (greedy and
// random restarts) and the random repeats computed in any blocks and merged
// give the single-machine result.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include <ringleader/criminal/disruption.hpp>
#include <ringleader/criminal/key_players.hpp>

#include "../support/csr.hpp"

using namespace ringleader;
using namespace ringleader::criminal;

namespace {

CsrGraph random_graph(std::mt19937& rng, vertex_t n, bool directed) {
  std::vector<std::pair<vertex_t, vertex_t>> e;
  for (vertex_t i = 0; i < 2 * n; ++i) {
    const vertex_t a = vertex_t(rng() % (n - 2)), b = rng() % 9 == 0 ? a : vertex_t(rng() % (n - 2));
    e.emplace_back(a, b);
    if (rng() % 6 == 0) e.emplace_back(a, b);  // parallel edge
  }
  return rltest::make(n, directed, e);
}

bool close(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-12 * std::max({1.0, std::abs(a), std::abs(b)});
}

}  // namespace

TEST_CASE("key-player runs computed in blocks and merged equal key_players", "[partial][criminal]") {
  std::mt19937 rng(21);
  for (int iter = 0; iter < 12; ++iter) {
    const CsrGraph g = random_graph(rng, vertex_t(8 + rng() % 20), iter % 2);
    for (auto obj : {KppObjective::Fragmentation, KppObjective::DistanceFragmentation, KppObjective::Reach,
                     KppObjective::DistanceReach}) {
      KeyPlayerOptions o;
      o.objective = obj;
      o.m = 2;
      o.seed = rng();
      o.restarts = 5;
      o.threads = 1 + iter % 2;
      const std::size_t k = 1 + rng() % 4;
      const KeyPlayerResult full = key_players(g, k, o);
      const std::vector<std::uint32_t> runs = key_players_runs(g.n, k, o);
      REQUIRE(runs.size() == 6);
      // blocks in reverse order: the merge sorts the runs
      std::vector<KeyPlayerRun> parts;
      for (std::size_t b = runs.size(); b > 0; b -= std::min<std::size_t>(b, 2)) {
        std::vector<std::uint32_t> block(runs.begin() + std::ptrdiff_t(b - std::min<std::size_t>(b, 2)),
                                         runs.begin() + std::ptrdiff_t(b));
        for (auto& r : key_players_partial(g, k, block, o)) parts.push_back(std::move(r));
      }
      const KeyPlayerResult merged = key_players_merge(parts);
      CHECK(merged.nodes == full.nodes);
      CHECK(merged.score == full.score);
      CHECK(merged.greedy_score == full.greedy_score);
      CHECK(full.score >= full.greedy_score - 1e-12);
    }
  }
  const CsrGraph g = random_graph(rng, 10, false);
  REQUIRE_THROWS_AS(key_players_merge(key_players_partial(g, 2, {1, 2})), InvalidArgument);  // no greedy run
  REQUIRE_THROWS_AS(key_players_merge(key_players_partial(g, 2, {0, 1, 1})), InvalidArgument);
  // k = n: the greedy run only
  KeyPlayerOptions o;
  REQUIRE(key_players_runs(10, 10, o) == std::vector<std::uint32_t>{0});
}

TEST_CASE("random disruption repeats computed in blocks and averaged equal disruption", "[partial][criminal]") {
  std::mt19937 rng(22);
  for (int iter = 0; iter < 10; ++iter) {
    const CsrGraph g = random_graph(rng, vertex_t(6 + rng() % 30), iter % 2);
    DisruptionOptions o;
    o.strategy = Strategy::Random;
    o.steps = 1 + rng() % 8;
    o.repeats = 7;
    o.seed = rng();
    o.threads = 1 + iter % 2;
    const auto full = disruption(g, o);
    std::vector<DisruptionStep> sum;
    for (std::vector<std::uint32_t> block : {std::vector<std::uint32_t>{0, 1, 2}, {3}, {4, 5, 6}}) {
      auto part = disruption_partial(g, block, o);
      if (sum.empty()) sum.assign(part.size(), DisruptionStep{});
      REQUIRE(part.size() == sum.size());
      for (std::size_t i = 0; i < part.size(); ++i) {
        sum[i].largest += part[i].largest;
        sum[i].components += part[i].components;
        sum[i].efficiency += part[i].efficiency;
        sum[i].disconnected += part[i].disconnected;
      }
    }
    disruption_finalize(sum, o);
    REQUIRE(sum.size() == full.size());
    REQUIRE(full.size() == std::min<std::size_t>(o.steps, g.n) + 1);
    for (std::size_t i = 0; i < full.size(); ++i) {
      CHECK(sum[i].removed == full[i].removed);
      CHECK(close(sum[i].largest, full[i].largest));
      CHECK(close(sum[i].components, full[i].components));
      CHECK(close(sum[i].efficiency, full[i].efficiency));
      CHECK(close(sum[i].disconnected, full[i].disconnected));
    }
  }
  const CsrGraph g = random_graph(rng, 10, false);
  DisruptionOptions o;
  o.strategy = Strategy::Random;
  o.repeats = 3;
  REQUIRE_THROWS_AS(disruption_partial(g, {3}, o), InvalidArgument);
  o.strategy = Strategy::Degree;
  REQUIRE_THROWS_AS(disruption_partial(g, {0}, o), InvalidArgument);
}
