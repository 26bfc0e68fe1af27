// Leader fusion: golden values by hand, NaN last, ties, weights, and a
// differential check against a naive O(N^2) version on random data.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <ringleader/criminal/leader_fusion.hpp>

using namespace ringleader;
using namespace ringleader::criminal;

namespace {
// naive: rank = 1 + (#greater) + (#equal - 1) / 2, NaN after every number
double naive_rank(const std::vector<double>& v, std::size_t i) {
  double greater = 0, equal = 0;
  for (double x : v) {
    const bool xn = std::isnan(x), in = std::isnan(v[i]);
    if (in) greater += !xn, equal += xn;
    else greater += !xn && x > v[i], equal += !xn && x == v[i];
  }
  return 1 + greater + (equal - 1) / 2;
}
}  // namespace

TEST_CASE("leader_fusion: golden values") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // a: 3 > 2 = 2 > NaN; b: every value distinct
  std::vector<std::vector<double>> m = {{3, 2, 2, nan}, {1, 4, 3, 2}};
  auto r = leader_fusion(m, {{1.0, 1.0}, 12});
  const double ln4 = std::log(4.0);
  // person 0: ranks 1 and 4; person 1: 2.5 and 1; person 2: 2.5 and 2; person 3: 4 and 3
  REQUIRE(r.score[0] == Approx((1 + (1 - std::log(4.0) / ln4)) / 2));
  REQUIRE(r.score[1] == Approx(((1 - std::log(2.5) / ln4) + 1) / 2));
  REQUIRE(r.score[2] == Approx(((1 - std::log(2.5) / ln4) + (1 - std::log(2.0) / ln4)) / 2));
  REQUIRE(r.score[3] == Approx(((1 - 1.0) + (1 - std::log(3.0) / ln4)) / 2));
  REQUIRE(r.rank == std::vector<std::int64_t>{2, 1, 3, 4});  // 0.67, 0.5, 0.42, 0.10
  // weight 0 drops a measure; only a: 1, 2.5, 2.5, 4
  auto only_a = leader_fusion(m, {{1.0, 0.0}, 12});
  REQUIRE(only_a.rank == std::vector<std::int64_t>{1, 2, 2, 4});
  // no measure: everyone 1, tied first
  auto none = leader_fusion(m, {{0.0, 0.0}, 12});
  REQUIRE(none.score == std::vector<double>(4, 1.0));
  REQUIRE(none.rank == std::vector<std::int64_t>(4, 1));
  REQUIRE(leader_fusion({}, {}).score.empty());
  REQUIRE(leader_fusion({{5.0}}, {}).score == std::vector<double>{1.0});
  REQUIRE_THROWS_AS(leader_fusion(m, {{1.0}, 12}), InvalidArgument);
  REQUIRE_THROWS_AS(leader_fusion(m, {{1.0, -1.0}, 12}), InvalidArgument);
  REQUIRE_THROWS_AS(leader_fusion({{1, 2}, {1}}, {}), InvalidArgument);
}

TEST_CASE("leader_fusion: values equal up to rounding tie") {
  std::vector<std::vector<double>> m = {{0.1 + 0.2, 0.3, 0.1}};
  auto r = leader_fusion(m, {});
  REQUIRE(r.score[0] == r.score[1]);
  REQUIRE(r.rank == std::vector<std::int64_t>{1, 1, 3});
}

TEST_CASE("leader_fusion: against a naive version") {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 30; ++trial) {
    const std::size_t n = 1 + rng() % 40, m = 1 + rng() % 4;
    std::vector<std::vector<double>> meas(m, std::vector<double>(n));
    std::vector<double> w(m);
    for (std::size_t j = 0; j < m; ++j) {
      w[j] = double(rng() % 4);
      for (auto& x : meas[j]) x = rng() % 7 == 0 ? std::nan("") : double(rng() % 5);  // many ties
    }
    auto r = leader_fusion(meas, {w, 12});
    double total = 0;
    for (double x : w) total += x;
    const double log_n = n > 1 ? std::log(double(n)) : 1.0;
    for (std::size_t v = 0; v < n; ++v) {
      double s = 0;
      for (std::size_t j = 0; j < m; ++j)
        if (w[j] > 0) s += w[j] * (1 - std::log(naive_rank(meas[j], v)) / log_n);
      const double want = total > 0 ? std::min(1.0, std::max(0.0, s / total)) : 1.0;
      REQUIRE(r.score[v] == Approx(want).margin(1e-12));
      std::int64_t higher = 0;
      for (std::size_t u = 0; u < n; ++u) higher += r.score[u] > r.score[v];
      REQUIRE(r.rank[v] == higher + 1);
    }
  }
}
