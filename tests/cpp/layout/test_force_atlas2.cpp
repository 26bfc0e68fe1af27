// ForceAtlas2: determinism for a seed and thread count, Barnes-Hut against
// exact forces, cluster separation, degenerate graphs and cancellation.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include <ringleader/layout/force_atlas2.hpp>

#include "../support/csr.hpp"

using namespace ringleader;
using namespace ringleader::layout;

namespace {

using rltest::make;
using Edges = std::vector<std::pair<vertex_t, vertex_t>>;

CsrGraph random_graph(std::uint32_t seed, vertex_t n, std::size_t m, bool directed = false) {
  std::mt19937 rng(seed);
  Edges e;
  std::vector<double> w;
  for (std::size_t i = 0; i < m; ++i) {
    e.push_back({vertex_t(rng() % n), vertex_t(rng() % n)});
    w.push_back(0.5 + (rng() % 4));
  }
  return make(n, directed, e, w);
}

/// Two k-cliques (0..k-1 and k..2k-1) joined by the edge (0, k).
CsrGraph two_cliques(vertex_t k) {
  Edges e{{0, k}};
  for (vertex_t c : {vertex_t(0), k})
    for (vertex_t a = 0; a < k; ++a)
      for (vertex_t b = a + 1; b < k; ++b) e.push_back({c + a, c + b});
  return make(2 * k, false, e);
}

double dist(const Layout& L, vertex_t a, vertex_t b) { return std::hypot(L.x[a] - L.x[b], L.y[a] - L.y[b]); }

double extent(const Layout& L) {
  double r = 0;
  for (std::size_t v = 0; v < L.x.size(); ++v) r = std::max(r, std::hypot(L.x[v], L.y[v]));
  return r;
}

bool finite(const Layout& L) {
  for (std::size_t v = 0; v < L.x.size(); ++v)
    if (!std::isfinite(L.x[v]) || !std::isfinite(L.y[v])) return false;
  return true;
}

}  // namespace

TEST_CASE("force_atlas2 is deterministic for a seed and any thread count", "[layout]") {
  for (vertex_t n : {300u, 3000u}) {  // exact and Barnes-Hut repulsion
    CsrGraph g = random_graph(n, n, 2 * n);
    ForceAtlas2Options o;
    o.iterations = 30;
    o.weighted = true;
    auto with = [&](int threads, std::uint64_t seed) {
      o.threads = threads;
      o.seed = seed;
      return force_atlas2(g, o);
    };
    Layout a = with(1, 7), b = with(2, 7);
    CHECK(a.x == b.x);
    CHECK(a.y == b.y);
    CHECK(finite(a));
    CHECK(with(2, 8).x != a.x);
  }
}

TEST_CASE("Barnes-Hut forces are close to exact forces", "[layout]") {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    const vertex_t n = 2000;
    CsrGraph g = random_graph(seed, n, seed == 1 ? 0 : 3 * n);  // no edges: repulsion alone
    std::mt19937 rng(seed);
    std::normal_distribution<double> nd(0.0, 20.0);
    std::vector<double> x(n), y(n);
    for (vertex_t v = 0; v < n; ++v) x[v] = nd(rng), y[v] = nd(rng);
    x[5] = x[6], y[5] = y[6];  // coincident points
    for (double theta : {1.2, 0.5}) {
      ForceAtlas2Options o;
      o.theta = theta;
      o.gravity = 0;
      detail_fa2::Forces F(g, o);
      std::vector<double> ex(n), ey(n), bx(n), by(n);
      detail_fa2::all_forces(F, x, y, false, o, ex, ey);
      detail_fa2::all_forces(F, x, y, true, o, bx, by);
      double err = 0, norm = 0;
      for (vertex_t v = 0; v < n; ++v) {
        err += std::hypot(bx[v] - ex[v], by[v] - ey[v]);
        norm += std::hypot(ex[v], ey[v]);
      }
      INFO("theta " << theta << " relative error " << err / norm);
      CHECK(err / norm < (theta > 1 ? 0.05 : 0.01));
    }
  }
}

TEST_CASE("force_atlas2 separates two cliques joined by one edge", "[layout]") {
  const vertex_t k = 12;
  CsrGraph g = two_cliques(k);
  for (bool linlog : {false, true}) {
    ForceAtlas2Options o;
    o.seed = 3;
    o.linlog = linlog;
    o.iterations = 300;
    Layout L = force_atlas2(g, o);
    double intra = 0, inter = 0;
    for (vertex_t a = 0; a < 2 * k; ++a)
      for (vertex_t b = a + 1; b < 2 * k; ++b) ((a < k) == (b < k) ? intra : inter) += dist(L, a, b);
    intra /= double(k * (k - 1));
    inter /= double(k * k);
    INFO("linlog " << linlog << ": intra " << intra << ", inter " << inter);
    CHECK(inter > 2.5 * intra);
  }
}

TEST_CASE("force_atlas2 on degenerate graphs", "[layout]") {
  ForceAtlas2Options o;
  o.seed = 1;
  CHECK(force_atlas2(make(0, false, {}), o).x.empty());

  Layout one = force_atlas2(make(1, false, {{0, 0}}), o);  // a single node with a self-loop
  REQUIRE(one.x.size() == 1);
  CHECK(finite(one));
  CHECK(extent(one) < 1.0);  // pulled to the origin

  // Parallel edges and self-loops: finite, and the parallel pair closer.
  Layout p = force_atlas2(make(3, false, {{0, 1}, {0, 1}, {0, 1}, {0, 2}, {1, 1}, {2, 2}}), o);
  CHECK(finite(p));
  CHECK(dist(p, 0, 1) < dist(p, 0, 2));

  // Disconnected: 200 isolated nodes and 20 triangles stay together.
  Edges e;
  for (vertex_t a = 200; a < 260; a += 3) e.insert(e.end(), {{a, a + 1}, {a + 1, a + 2}, {a, a + 2}});
  CsrGraph g = make(260, false, e);
  o.iterations = 200;
  Layout a = force_atlas2(g, o);
  o.iterations = 400;
  Layout b = force_atlas2(g, o);
  CHECK(finite(b));
  CHECK(extent(b) < 1.2 * extent(a));
  CHECK(extent(b) < o.scaling * (200 + 20 * 3 * 3) / o.gravity);  // k_r * total mass / k_g
  o.gravity = 0;
  CHECK(extent(force_atlas2(g, o)) > 1.5 * extent(b));  // without gravity it spreads

  // Directed graphs, strong gravity, dissuade hubs, prevent overlap: all finite.
  CsrGraph d = random_graph(4, 1500, 3000, true);
  ForceAtlas2Options q;
  q.iterations = 20;
  q.strong_gravity = q.dissuade_hubs = q.prevent_overlap = q.weighted = true;
  CHECK(finite(force_atlas2(d, q)));
}

TEST_CASE("force_atlas2 start positions, bad options and cancellation", "[layout]") {
  CsrGraph g = two_cliques(5);
  ForceAtlas2Options o;
  o.iterations = 0;
  o.start_x.assign(10, 3.0);
  o.start_y.assign(10, NAN);
  o.start_x[2] = NAN;
  Layout L = force_atlas2(g, o);
  CHECK(L.x[0] == 3.0);
  CHECK(L.x[2] != 3.0);
  CHECK(std::fabs(L.y[0]) <= std::sqrt(10.0));

  ForceAtlas2Options bad;
  bad.sizes = {1.0};
  CHECK_THROWS_AS(force_atlas2(g, bad), InvalidArgument);
  bad = {};
  bad.scaling = 0;
  CHECK_THROWS_AS(force_atlas2(g, bad), InvalidArgument);
  bad = {};
  bad.weighted = true;
  CHECK_THROWS_AS(force_atlas2(make(2, false, {{0, 1}}, {-1.0}), bad), InvalidArgument);

  Progress stop([](std::uint64_t, std::uint64_t) { return false; });
  ForceAtlas2Options c;
  c.progress = &stop;
  CHECK_THROWS_AS(force_atlas2(g, c), Cancelled);
}
