// How the measures read a multigraph (graph/view.hpp): the Network overloads
// of the kernels merge parallel edges (of any type, with different weights)
// by their family's rule and give the Python API's answers, and equal the
// CsrGraph kernels on a simple graph collapsed by hand; the views are cached
// per network and rule, thread-safe.
#include <catch2/catch.hpp>

#include <map>
#include <utility>
#include <vector>

#include <ringleader/centrality/betweenness.hpp>
#include <ringleader/centrality/closeness.hpp>
#include <ringleader/centrality/core_number.hpp>
#include <ringleader/centrality/degree.hpp>
#include <ringleader/centrality/eigenvector.hpp>
#include <ringleader/centrality/pagerank.hpp>
#include <ringleader/graph/view.hpp>
#include <ringleader/io/csv.hpp>
#include <ringleader/layout/edges.hpp>
#include <ringleader/layout/force_atlas2.hpp>

#include "../support/close.hpp"

namespace {

using namespace ringleader;
using namespace ringleader::centrality;
using graph::Merge;
using rltest::require_close;

// Parallel edges of different weights and types (a-b three times, one of
// them reversed; c-d twice; b-d twice, once reversed), self-loops (c, e, f).
constexpr const char* kEdges =
    "source,target,type,weight\n"
    "a,b,call,2\n"
    "a,b,meet,0.5\n"
    "b,a,call,1\n"
    "b,c,call,1\n"
    "c,c,call,3\n"
    "c,d,transfer,4\n"
    "c,d,call,1.5\n"
    "d,e,call,1\n"
    "a,e,meet,3\n"
    "e,e,meet,1\n"
    "b,d,call,2.5\n"
    "d,b,transfer,0.25\n"
    "e,f,call,2\n"
    "f,f,meet,0.5\n";

Network multigraph(bool directed) {
  io::CsvOptions o;
  o.directed = directed;
  return io::read_csv_text(kEdges, "edges.csv", std::nullopt, "nodes.csv", o);
}

/// The simple graph of `net` collapsed by hand: one edge per (source,
/// target) pair (unordered when undirected) in order of first appearance,
/// its weight the smallest (Shortest) or the sum (Total) of the pair's.
CsrGraph by_hand(const Network& net, Merge merge) {
  const EdgeTable& e = net.edges();
  std::map<std::pair<vertex_t, vertex_t>, std::size_t> group;
  std::vector<vertex_t> src, dst;
  std::vector<double> w;
  for (std::size_t i = 0; i < e.size(); ++i) {
    std::pair<vertex_t, vertex_t> key{e.source[i], e.target[i]};
    if (!net.directed() && key.first > key.second) std::swap(key.first, key.second);
    auto [it, fresh] = group.emplace(key, src.size());
    if (fresh) {
      src.push_back(e.source[i]);
      dst.push_back(e.target[i]);
      w.push_back(e.weight[i]);
    } else if (merge == Merge::Shortest) {
      w[it->second] = std::min(w[it->second], e.weight[i]);
    } else {
      w[it->second] += e.weight[i];
    }
  }
  return CsrGraph::build(vertex_t(net.number_of_nodes()), net.directed(), src, dst, &w);
}

/// kernel(net) reading the column "weight" equals kernel(g) reading the arc weights.
template <class Options, class Kernel>
void same_weighted(const Network& net, const CsrGraph& g, Options opt, Kernel kernel) {
  opt.weighted = true;
  const std::vector<double> want = kernel(g, opt);
  opt.weighted = false;
  opt.weight = "weight";
  CHECK(kernel(net, opt) == want);
}

// Golden values: the Python API (rl.centrality) on this network, computed
// before the rule moved to C++ (node order a, b, c, d, e, f).
struct Golden {
  std::vector<double> betweenness, betweenness_w, strength, pagerank_w, eigenvector_w, closeness_w, core;
};

Golden golden(bool directed) {
  if (!directed)
    return {{0.1, 0.15000000000000002, 0.0, 0.30000000000000004, 0.45, 0.0},
            {0.0, 0.7000000000000001, 0.0, 0.6000000000000001, 0.4, 0.0},
            {6.5, 7.25, 12.5, 9.25, 8.0, 3.0},
            {0.16192371284303178, 0.16733365199643233, 0.19885431064509998, 0.19956059980623866,
             0.18738016953498768, 0.08494755517420935},
            {0.21773474939213178, 0.3635928814153869, 0.6681266381283966, 0.5823391038793454, 0.18096274285016073,
             0.04617623531207918},
            {0.6060606060606061, 0.8, 0.4878048780487805, 0.8, 0.6060606060606061, 0.3076923076923077},
            {2.0, 2.0, 2.0, 2.0, 2.0, 1.0}};
  return {{0.05, 0.25, 0.0, 0.25, 0.2, 0.0},
          {0.0, 0.25, 0.1, 0.30000000000000004, 0.2, 0.0},
          {6.5, 7.25, 12.5, 9.25, 8.0, 3.0},
          {0.03471416782098122, 0.05142775474050433, 0.04959174866579463, 0.07656098443461096, 0.12998640833586825,
           0.6577189360022407},
          {0.02500538908589, 0.07987302307774814, 0.4111701445340258, 0.770482191036307, 0.3853244455035356,
           0.28603567598856944},
          {0.36, 0.72, 0.48, 0.2571428571428571, 0.32000000000000006, 0.25},
          {2.0, 2.0, 2.0, 2.0, 2.0, 1.0}};
}

}  // namespace

TEST_CASE("Network overloads read a multigraph as the Python API does", "[view]") {
  for (bool directed : {false, true}) {
    INFO("directed " << directed);
    const Network net = multigraph(directed);
    REQUIRE(net.number_of_nodes() == 6);
    REQUIRE(net.number_of_edges() == 14);
    const Golden want = golden(directed);
    BetweennessOptions bo;
    require_close(betweenness(net, bo), want.betweenness, 1e-12);
    bo.weight = "weight";
    require_close(betweenness(net, bo), want.betweenness_w, 1e-12);
    DegreeOptions d;
    d.weight = "weight";
    require_close(degree(net, d), want.strength, 1e-12);
    PageRankOptions p;
    p.weight = "weight";
    require_close(pagerank(net, p), want.pagerank_w, 1e-12);
    EigenvectorOptions ev;
    ev.weight = "weight";
    ev.max_iter = 1000;
    require_close(eigenvector(net, ev), want.eigenvector_w, 1e-12);
    ClosenessOptions co;
    co.weighted = true;  // without a column: "weight"
    require_close(closeness(net, co), want.closeness_w, 1e-12);
    require_close(core_number(net), want.core, 0);
  }
}

TEST_CASE("Network overloads equal the CsrGraph kernels on the multigraph collapsed by hand", "[view]") {
  for (bool directed : {false, true}) {
    INFO("directed " << directed);
    const Network net = multigraph(directed);
    const CsrGraph shortest = by_hand(net, Merge::Shortest), total = by_hand(net, Merge::Total);
    BetweennessOptions bo;
    bo.threads = 1;
    CHECK(betweenness(net, bo) == betweenness(shortest, bo));
    same_weighted(net, shortest, bo, [](const auto& g, const auto& o) { return betweenness(g, o); });
    same_weighted(net, total, PageRankOptions{}, [](const auto& g, const auto& o) { return pagerank(g, o); });
    same_weighted(net, total, DegreeOptions{}, [](const auto& g, const auto& o) { return degree(g, o); });
    // the multigraph's own CSR reads every parallel edge: a different answer
    CHECK(degree(*net.csr(), DegreeOptions{DegreeMode::All, true, false, "", 0}) !=
          degree(net, DegreeOptions{}));
  }
}

TEST_CASE("Edge betweenness and layout edges on a Network list the simple view's edges", "[view]") {
  const Network net = multigraph(false);
  BetweennessOptions bo;
  bo.weight = "weight";
  const EdgeBetweenness eb = edge_betweenness(net, bo);
  const Network& simple = graph::simple_view(net, Merge::Shortest, "weight");
  REQUIRE(simple.number_of_edges() == 10);  // a-b, b-c, c-c, c-d, d-e, a-e, e-e, b-d, e-f, f-f
  CHECK(eb.source == simple.edges().source);
  CHECK(eb.target == simple.edges().target);
  bo.weighted = true;
  CHECK(eb.values == edge_betweenness(by_hand(net, Merge::Shortest), bo));

  const layout::EdgeList le = layout::layout_edges(net, "weight");
  REQUIRE(le.source.size() == 7);  // self-loops dropped
  CHECK(le.source[0] == 0);        // a-b: 2 + 0.5 + 1
  CHECK(le.target[0] == 1);
  CHECK(le.weight[0] == 3.5);
  layout::ForceAtlas2Options fo;
  fo.iterations = 5;
  fo.weight = "weight";
  const layout::Layout from_net = layout::force_atlas2(net, fo);
  fo.weighted = true;
  const layout::Layout from_edges =
      layout::force_atlas2(CsrGraph::build(6, false, le.source, le.target, &le.weight), fo);
  CHECK(from_net.x == from_edges.x);
  CHECK(from_net.y == from_edges.y);
}

TEST_CASE("Views are cached per network and rule, and thread-safe", "[view]") {
  const Network net = multigraph(true);
  const CsrGraph& a = graph::compute_view(net, Merge::Shortest, "weight");
  CHECK(&a == &graph::compute_view(net, Merge::Shortest, "weight"));
  CHECK(&a != &graph::compute_view(net, Merge::Total, "weight"));
  // without a column every rule reads the same unweighted view
  CHECK(&graph::compute_view(net, Merge::Shortest, "") == &graph::compute_view(net, Merge::Structure, ""));
  CHECK(&graph::compute_view(net, Merge::Total, "") == &graph::compute_view(net, Merge::Structure, ""));
  REQUIRE_THROWS_AS(graph::compute_view(net, Merge::Total, "no such column"), InvalidArgument);

  const Network copy = net;  // a copy builds its own views
  CHECK(&graph::compute_view(copy, Merge::Shortest, "weight") != &a);
  Network moved = Network(net);
  const CsrGraph* before = &graph::compute_view(moved, Merge::Total, "weight");
  const Network after = std::move(moved);  // a move keeps them
  CHECK(&graph::compute_view(after, Merge::Total, "weight") == before);

  const Network fresh = multigraph(false);
  std::vector<const CsrGraph*> seen(8, nullptr);
  // eight threads ask for two views at once: each is built once
#pragma omp parallel for num_threads(8) schedule(static, 1)
  for (int t = 0; t < int(seen.size()); ++t)
    seen[std::size_t(t)] = &graph::compute_view(fresh, t % 2 ? Merge::Shortest : Merge::Total, "weight");
  for (std::size_t t = 2; t < seen.size(); ++t) CHECK(seen[t] == seen[t % 2]);
  CHECK(seen[0] != seen[1]);
}

TEST_CASE("Sampled betweenness finalized with explicit sources equals the sampled kernel", "[view]") {
  const Network net = multigraph(false);
  BetweennessOptions bo;
  bo.k = 3;
  bo.seed = 11;
  for (bool endpoints : {false, true})
    for (bool normalized : {false, true}) {
      bo.endpoints = endpoints;
      bo.normalized = normalized;
      const std::vector<vertex_t> sources = betweenness_sources(6, bo);
      std::vector<double> raw = betweenness_partial(net, sources, bo);
      betweenness_finalize(raw, 6, false, bo, sources);
      require_close(raw, betweenness(net, bo), 1e-15);
    }
  std::vector<double> raw(6, 0.0);
  REQUIRE_THROWS_AS(betweenness_finalize(raw, 6, false, bo, std::vector<vertex_t>{}), InvalidArgument);
  REQUIRE_THROWS_AS(betweenness_finalize(raw, 6, false, bo, std::vector<vertex_t>{6}), InvalidArgument);
}
