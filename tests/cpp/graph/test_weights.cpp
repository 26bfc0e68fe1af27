// Weights read as tie strengths (graph/weights.hpp): negative, NaN and
// infinite weights refused by every measure that reads them so, naming the
// measure and the column; weights near the ends of the double range give
// the results of ordinary weights (rescaled by a power of two), and ordinary
// weights are used as they are.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <ringleader/ringleader.hpp>

using namespace ringleader;

namespace {

/// Two triangles joined by a path, plus a pendant vertex: weights `w` times `scale`.
CsrGraph sample(bool directed, double scale, double bad = 1.0) {
  const std::vector<vertex_t> src = {0, 1, 2, 2, 3, 4, 5, 5, 6};
  const std::vector<vertex_t> dst = {1, 2, 0, 3, 4, 5, 3, 6, 1};
  std::vector<double> w = {1, 2, 3, 0.5, 4, 1.5, 2.5, 1, 3};
  for (double& x : w) x *= scale;
  w[4] *= bad;
  return CsrGraph::build(7, directed, src, dst, &w);
}

void require_close(const std::vector<double>& a, const std::vector<double>& b, double tol) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("index " << i << ": " << a[i] << " vs " << b[i]);
    REQUIRE(std::isfinite(a[i]));
    REQUIRE(std::fabs(a[i] - b[i]) <= tol);
  }
}

/// Runs `f` and requires an InvalidArgument whose message holds every one of `parts`.
template <class F>
void require_refused(F&& f, const std::vector<std::string>& parts) {
  try {
    f();
    FAIL("no error");
  } catch (const InvalidArgument& e) {
    const std::string m = e.what();
    INFO(m);
    for (const auto& p : parts) CHECK(m.find(p) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("weights: the scale is 1 for ordinary weights, a power of two near the ends of the range",
          "[graph][weights]") {
  CHECK(graph::strength_scale(sample(false, 1.0), true) == 1.0);
  CHECK(graph::strength_scale(sample(false, 1e70), true) == 1.0);
  CHECK(graph::strength_scale(sample(false, 1e300), false) == 1.0);
  const double big = graph::strength_scale(sample(false, 1e300), true);
  int e = 0;
  CHECK(std::frexp(big, &e) == 0.5);  // a power of two
  CHECK(4.0 * 1e300 * big < 1.0);
  CHECK(4.0 * 1e300 * big >= 0.5);
  CHECK(graph::strength_scale(sample(false, 1e-300), true) > 1e290);
  std::optional<CsrGraph> keep;
  const CsrGraph g = sample(true, 1.0);
  CHECK(&graph::strength_view(g, true, "m", "", keep) == &g);  // used as it is
  CHECK(!keep);
}

TEST_CASE("weights: 1e300 and 1e-300 give the results of ordinary weights", "[graph][weights]") {
  for (bool directed : {false, true}) {
    INFO("directed " << directed);
    const CsrGraph plain = sample(directed, 1.0);
    for (double scale : {1e300, 1.7e308 / 4, 1e-300}) {
      INFO("scale " << scale);
      const CsrGraph g = sample(directed, scale);
      centrality::EigenvectorOptions ev;
      ev.weighted = true;
      ev.max_iter = 100000;
      ev.tol = 1e-13;
      require_close(centrality::eigenvector(g, ev), centrality::eigenvector(plain, ev), 1e-6);
      centrality::PageRankOptions pr;
      pr.weighted = true;
      require_close(centrality::pagerank(g, pr), centrality::pagerank(plain, pr), 1e-12);
      centrality::HitsOptions ho;
      ho.weighted = true;
      for (auto method : {centrality::HitsMethod::Dense, centrality::HitsMethod::Power}) {
        ho.method = method;
        ho.max_iter = 10000;
        const auto a = centrality::hits(g, ho), b = centrality::hits(plain, ho);
        require_close(a.hub, b.hub, 1e-9);
        require_close(a.authority, b.authority, 1e-9);
      }
      community::ModularityOptions mo;
      mo.weighted = true;
      const std::vector<vertex_t> m = {0, 0, 0, 1, 1, 1, 1};
      const double q = community::modularity(g, m, mo);
      REQUIRE(std::isfinite(q));
      CHECK(q == Approx(community::modularity(plain, m, mo)).margin(1e-12));
      stats::ClusteringOptions co;
      co.weighted = true;
      require_close(stats::clustering(g, co), stats::clustering(plain, co), 1e-12);
    }
  }
}

TEST_CASE("weights: negative, NaN and infinite strengths are refused, naming the measure and column",
          "[graph][weights]") {
  const double inf = std::numeric_limits<double>::infinity();
  for (double bad : {-1.0, std::nan(""), inf}) {
    INFO("bad " << bad);
    const CsrGraph g = sample(true, 1.0, bad);
    centrality::EigenvectorOptions ev;
    ev.weighted = true;
    ev.weight = "calls";
    require_refused([&] { centrality::eigenvector(g, ev); }, {"eigenvector centrality", "'calls'", "finite and >= 0"});
    centrality::PageRankOptions pr;
    pr.weighted = true;
    require_refused([&] { centrality::pagerank(g, pr); }, {"pagerank", "'weight'", "finite and >= 0"});
    centrality::HitsOptions ho;
    ho.weighted = true;
    require_refused([&] { centrality::hits(g, ho); }, {"hits", "'weight'"});
    stats::ClusteringOptions co;
    co.weighted = true;
    require_refused([&] { stats::clustering(g, co); }, {"clustering", "'weight'"});
    community::ModularityOptions mo;
    mo.weighted = true;
    require_refused([&] { community::modularity(g, std::vector<vertex_t>(7, 0), mo); }, {"modularity", "'weight'"});
    // unweighted, the weights are not read
    CHECK(centrality::pagerank(g).size() == 7);
  }
  // a sum of parallel edges beyond the largest double, through the Network overload
  NetworkBuilder b(false);
  b.add_node("a", "person");
  b.add_node("b", "person");
  b.add_edge(0, 1, "call", 1.5e308);
  b.add_edge(0, 1, "call", 1.5e308);
  const Network net = b.finish();
  centrality::EigenvectorOptions ev;
  ev.weight = "weight";
  require_refused([&] { centrality::eigenvector(net, ev); },
                  {"the weights (edge column 'weight') of the parallel edges between 'a' and 'b' sum to more than"});
}
