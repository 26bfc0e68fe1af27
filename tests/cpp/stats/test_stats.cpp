// Network statistics: hand-checked values, thread-count independence, tiny graphs.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>
#include <vector>

#include <ringleader/stats/assortativity.hpp>
#include <ringleader/stats/basic.hpp>
#include <ringleader/stats/clustering.hpp>
#include <ringleader/stats/distance.hpp>

#include "../support/csr.hpp"
#include "../support/random_simple.hpp"
#include "../support/threads.hpp"

using namespace ringleader;
using namespace ringleader::stats;

namespace {
using rltest::make;
using rltest::random_simple;
using rltest::on_1_and_2_threads;
using rltest::weighted_options;
}  // namespace

TEST_CASE("density and reciprocity", "[stats]") {
  auto tri = make(3, false, {{0, 1}, {1, 2}, {2, 0}});
  CHECK(density(tri) == Approx(1.0));
  auto loop = make(3, false, {{0, 1}, {1, 1}});
  CHECK(density(loop) == Approx(2.0 * 2 / 6));  // self-loop counted, as networkx
  auto d = make(3, true, {{0, 1}, {1, 0}, {1, 2}, {2, 2}}, {2, 1, 1, 1});
  CHECK(density(d) == Approx(4.0 / 6));
  CHECK(density(d, true) == Approx(5.0 / 6));
  CHECK(reciprocity(d) == Approx(0.5));
  CHECK(reciprocity(d, true) == Approx(2.0 / 5));  // min(2,1) twice over 5
  CHECK_THROWS_AS(reciprocity(tri), InvalidArgument);
  CHECK_THROWS_AS(reciprocity(make(2, true, {})), InvalidArgument);
  CHECK(density(make(0, false, {})) == 0.0);
  CHECK(density(make(1, false, {})) == 0.0);
}

TEST_CASE("clustering and transitivity", "[stats]") {
  // triangle 0-1-2 with pendant 3 on 2
  auto g = make(4, false, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}});
  auto c = clustering(g);
  CHECK(c[0] == Approx(1.0));
  CHECK(c[1] == Approx(1.0));
  CHECK(c[2] == Approx(1.0 / 3));
  CHECK(c[3] == 0.0);
  CHECK(transitivity(g) == Approx(3.0 / 5));  // 3 triangles-ends / (2+2+6)/2 ... = 6/10
  // weighted: triangle weights 1, 1, 8 (max 8): (1/8 * 1/8 * 1)^(1/3) = 0.25
  auto w = make(3, false, {{0, 1}, {1, 2}, {2, 0}}, {1, 1, 8});
  ClusteringOptions wo;
  wo.weighted = true;
  for (double v : clustering(w, wo)) CHECK(v == Approx(0.25));
  // directed 3-cycle: the triangle is counted through both neighbours (T =
  // 2), dtot = 2, dbi = 0 -> 2 / (2 * 2) = 0.5 (networkx)
  auto cyc = make(3, true, {{0, 1}, {1, 2}, {2, 0}});
  for (double v : clustering(cyc)) CHECK(v == Approx(0.5));
  CHECK(transitivity(cyc) == Approx(1.0));
  // complete directed graph on 3 vertices: clustering 1
  auto k3 = make(3, true, {{0, 1}, {1, 0}, {1, 2}, {2, 1}, {2, 0}, {0, 2}});
  for (double v : clustering(k3)) CHECK(v == Approx(1.0));
  CHECK(clustering(make(0, false, {})).empty());
  CHECK(transitivity(make(2, false, {{0, 1}})) == 0.0);
}

TEST_CASE("degree assortativity", "[stats]") {
  auto star = make(4, false, {{0, 1}, {0, 2}, {0, 3}});
  CHECK(degree_assortativity(star) == Approx(-1.0));
  CHECK(std::isnan(degree_assortativity(make(3, false, {{0, 1}, {1, 2}, {2, 0}}))));
  CHECK(std::isnan(degree_assortativity(make(2, false, {}))));
}

TEST_CASE("BFS summaries", "[stats]") {
  auto path = make(4, false, {{0, 1}, {1, 2}, {2, 3}});
  auto r = bfs_sources(path, {});
  CHECK(r.eccentricity == std::vector<double>{3, 2, 2, 3});
  CHECK(r.distance_sum == std::vector<double>{6, 4, 4, 6});
  CHECK(r.reached == std::vector<double>{4, 4, 4, 4});
  auto d = make(3, true, {{0, 1}, {1, 2}});
  auto f = bfs_sources(d, {0});
  CHECK(f.reached[0] == 3);
  BfsOptions rev;
  rev.reverse = true;
  auto b = bfs_sources(d, {0}, rev);
  CHECK(b.reached[0] == 1);
  CHECK(bfs_sources(make(0, false, {}), {}).reached.empty());
}

TEST_CASE("stats give the same result on 1 and 2 threads", "[stats]") {
  std::mt19937 rng(5);
  for (bool directed : {false, true}) {
    const CsrGraph g = random_simple(rng, 9000, 40000, directed);
    CHECK(transitivity(g, 1) == transitivity(g, 2));
    if (directed) CHECK(reciprocity(g, false, 1) == reciprocity(g, false, 2));
    std::vector<vertex_t> src{0, 5, 17, 99, 1234};
    auto [r1, r2] = on_1_and_2_threads(BfsOptions{}, [&](const auto& o) { return bfs_sources(g, src, o); });
    CHECK(r1.distance_sum == r2.distance_sum);
    CHECK(r1.eccentricity == r2.eccentricity);
    for (bool weighted : {false, true}) {
      auto [c1, c2] = on_1_and_2_threads(weighted_options<ClusteringOptions>(weighted),
                                         [&](const auto& o) { return clustering(g, o); });
      CHECK(c1 == c2);
      auto [a1, a2] = on_1_and_2_threads(weighted_options<AssortativityOptions>(weighted),
                                         [&](const auto& o) { return degree_assortativity(g, o); });
      CHECK(a1 == a2);
    }
  }
}
