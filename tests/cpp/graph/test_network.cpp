// Model, compute view, Boost.Graph adaptor and views.
#include <catch2/catch.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <numeric>
#include <random>
#include <map>
#include <tuple>
#include <set>

#include <ringleader/ringleader.hpp>

using namespace ringleader;

namespace {

Network sample(bool directed) {
  return io::read_csv_text(
      "source,target,type,weight,timestamp,amount\n"
      "a,b,call,2,2024-01-01T00:00:00Z,\n"
      "a,b,call,3,2024-02-01T00:00:00Z,\n"
      "b,a,call,1,2024-03-01T00:00:00Z,\n"
      "b,c,transfer,1,2024-01-15T00:00:00Z,100\n"
      "c,c,meets,1,,\n"
      "d,e,call,1,,\n",
      "edges.csv", std::nullopt, "", io::CsvOptions{directed, "person", "edge", false, ','});
}

/// Naive weak components by repeated label propagation (the reference).
std::vector<vertex_t> naive_components(std::size_t n, const std::vector<vertex_t>& s, const std::vector<vertex_t>& t) {
  std::vector<vertex_t> label(n);
  for (std::size_t i = 0; i < n; ++i) label[i] = vertex_t(i);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t e = 0; e < s.size(); ++e) {
      vertex_t m = std::min(label[s[e]], label[t[e]]);
      if (label[s[e]] != m || label[t[e]] != m) { label[s[e]] = label[t[e]] = m; changed = true; }
    }
  }
  return label;
}

}  // namespace

TEST_CASE("CSR arrays hold every arc once per direction", "[graph][csr]") {
  for (bool directed : {false, true}) {
    Network net = sample(directed);
    auto g = net.csr();
    REQUIRE(g->n == 5);
    // undirected: 2 arcs per non-loop edge, 1 per self-loop
    std::uint64_t expect = directed ? 6 : 11;
    CHECK(g->num_arcs() == expect);
    if (directed) {
      CHECK(g->in_sources.size() == 6);
      CHECK(g->out_degree(net.at("a")) == 2);
      CHECK(g->in_degree(net.at("a")) == 1);
    } else {
      CHECK(g->out_degree(net.at("a")) == 3);
      CHECK(g->out_degree(net.at("c")) == 2);  // b-c and the loop once
    }
    // every arc's edge index points back at an edge with these endpoints
    for (vertex_t v = 0; v < g->n; ++v)
      for (auto a = g->out_begin(v); a < g->out_end(v); ++a) {
        auto e = g->out_edges[a];
        auto s = net.edges().source[e], t = net.edges().target[e];
        CHECK(((s == v && t == g->out_targets[a]) || (!directed && t == v && s == g->out_targets[a])));
        CHECK(g->out_weights[a] == net.edges().weight[e]);
      }
    // 16 bytes per arc: target (4) + weight (8) + edge index (4)
    CHECK(sizeof(g->out_targets[0]) + sizeof(g->out_weights[0]) + sizeof(g->out_edges[0]) == 16);
    CHECK(net.csr().get() == g.get());  // built once, shared
  }
}

// The compute view models the Boost.Graph concepts (checked at compile time).
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<CsrGraph>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<UndirectedCsr>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<UndirectedCsr>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<boost::property_map<CsrGraph, boost::edge_weight_t>::type,
                                                        boost::graph_traits<CsrGraph>::edge_descriptor>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<bgl::EdgeTypeMap, bgl::Arc>));

TEST_CASE("Boost.Graph algorithms run on the compute view", "[graph][bgl]") {
  Network net = sample(false);
  auto g = net.csr();
  // Dijkstra with the weight map
  std::vector<double> dist(g->n);
  std::vector<vertex_t> pred(g->n);
  boost::dijkstra_shortest_paths(*g, net.at("a"),
                                 boost::predecessor_map(pred.data()).distance_map(dist.data()));
  CHECK(dist[net.at("a")] == 0);
  CHECK(dist[net.at("b")] == 1);  // the b->a call of weight 1
  CHECK(dist[net.at("c")] == 2);
  CHECK(dist[net.at("d")] == std::numeric_limits<double>::max());
  // connected components through the undirected adaptor
  std::vector<vertex_t> comp(g->n);
  int k = boost::connected_components(UndirectedCsr{*g}, comp.data());
  CHECK(k == 2);
  CHECK(comp[net.at("a")] == comp[net.at("c")]);
  CHECK(comp[net.at("d")] != comp[net.at("a")]);
  // in_edges on a directed network
  Network dnet = sample(true);
  auto dg = dnet.csr();
  auto [b, e] = in_edges(dnet.at("b"), *dg);
  std::set<vertex_t> srcs;
  for (; b != e; ++b) srcs.insert(source(*b, *dg));
  CHECK(srcs == std::set<vertex_t>{dnet.at("a")});
  CHECK(get(edge_type_map(*dg), *out_edges(dnet.at("b"), *dg).first) == dnet.edges().types.find("call"));
}

TEST_CASE("components agree with a naive reference on random graphs", "[graph][bgl][components][differential]") {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 40; ++trial) {
    std::size_t n = 1 + rng() % 60, m = rng() % 80;
    bool directed = trial % 2;
    NetworkBuilder b(directed);
    for (std::size_t i = 0; i < n; ++i) b.add_node("v" + std::to_string(i));
    for (std::size_t e = 0; e < m; ++e) b.add_edge(vertex_t(rng() % n), vertex_t(rng() % n));
    Network net = b.finish();
    vertex_t k = 0;
    auto comp = net.components(&k);
    auto ref = naive_components(n, net.edges().source, net.edges().target);
    std::set<vertex_t> distinct(ref.begin(), ref.end());
    CHECK(k == distinct.size());
    for (std::size_t u = 0; u < n; ++u)
      for (std::size_t v = 0; v < n; ++v) CHECK((comp[u] == comp[v]) == (ref[u] == ref[v]));
    // the one weak-components kernel (graph/components.hpp), on the edge
    // table and on the compute view, numbers them as Boost.Graph does
    CsrGraph sym = CsrGraph::build(vertex_t(n), true, net.edges().source, net.edges().target, nullptr, nullptr, true);
    std::vector<vertex_t> bgl(n);
    CHECK(vertex_t(boost::connected_components(UndirectedCsr{sym}, bgl.data())) == k);
    CHECK(comp == bgl);
    vertex_t k_csr = 0;
    CHECK(graph::weak_components(*net.csr(), &k_csr) == bgl);
    CHECK(k_csr == k);
    const auto size = graph::component_sizes(comp, k);
    CHECK(std::accumulate(size.begin(), size.end(), std::uint64_t(0)) == n);
    auto lc = net.largest_component();
    std::map<vertex_t, std::size_t> sizes;
    for (auto r : ref) ++sizes[r];
    std::size_t best = 0;
    for (auto& [c, s] : sizes) best = std::max(best, s);
    CHECK(lc.number_of_nodes() == best);
  }
}

TEST_CASE("subgraph filters by node type, edge type, time window and node set", "[graph][views]") {
  Network net = io::read_csv_text(
      "source,target,type,timestamp\n"
      "p1,ph1,uses,\n"
      "ph1,ph2,call,2024-01-10T00:00:00Z\n"
      "ph1,ph2,call,2024-02-10T00:00:00Z\n"
      "p2,ph2,uses,\n",
      "edges.csv", std::string_view("id,type\np1,person\np2,person\nph1,phone\nph2,phone\n"), "nodes.csv");
  SubgraphOptions o;
  o.node_types = {"phone"};
  auto phones = net.subgraph(o);
  CHECK(phones.number_of_nodes() == 2);
  CHECK(phones.number_of_edges() == 2);
  SubgraphOptions w;
  text::parse_timestamp("2024-02-01", *(w.start = std::int64_t(0)));
  auto feb = net.subgraph(w);
  CHECK(feb.number_of_nodes() == 4);  // edge filters never remove nodes
  CHECK(feb.number_of_edges() == 1);  // untimed edges are outside any window
  SubgraphOptions t;
  t.edge_types = {"uses"};
  CHECK(net.subgraph(t).number_of_edges() == 2);
  SubgraphOptions bad;
  bad.edge_types = {"email"};
  CHECK_THROWS_AS(net.subgraph(bad), InvalidArgument);
  SubgraphOptions ns;
  ns.nodes = std::vector<std::string>{"p1", "ph1"};
  auto two = net.subgraph(ns);
  CHECK(two.number_of_nodes() == 2);
  CHECK(two.number_of_edges() == 1);
  CHECK(two.id(0) == "p1");
}

TEST_CASE("collapse merges parallel edges", "[graph][views]") {
  Network und = sample(false);
  auto c = und.collapse();
  // a-b (3 calls, one reversed) merge when undirected
  CHECK(c.number_of_edges() == 4);
  CHECK(c.edges().weight[0] == 6);
  REQUIRE(c.edges().attrs.size() == 3);
  CHECK(c.edges().attrs[0].name == "count");
  CHECK(c.edges().attrs[0].numbers[0] == 3);
  std::int64_t first, last;
  text::parse_timestamp("2024-01-01", first);
  text::parse_timestamp("2024-03-01", last);
  CHECK(c.edges().attrs[1].times[0] == first);
  CHECK(c.edges().attrs[2].times[0] == last);
  CHECK(c.edges().amount[1] == 100);
  auto d = sample(true).collapse(CollapseOptions{Aggregate::Max, true});
  CHECK(d.number_of_edges() == 5);
  CHECK(d.edges().weight[0] == 3);
  auto cnt = und.collapse(CollapseOptions{Aggregate::Count, false});
  CHECK(cnt.number_of_edges() == 4);
  CHECK(cnt.edges().weight[0] == 3);
  // without the summary columns (the compute views): the same edges and weights, nothing else
  for (bool directed : {false, true})
    for (Aggregate how : {Aggregate::Sum, Aggregate::Count, Aggregate::Max, Aggregate::Min})
      for (bool by_type : {false, true}) {
        const Network net = sample(directed);
        CollapseOptions full{how, by_type}, lean{how, by_type};
        lean.summaries = false;
        const Network a = net.collapse(full), b = net.collapse(lean);
        CHECK(b.edges().source == a.edges().source);
        CHECK(b.edges().target == a.edges().target);
        CHECK(b.edges().type == a.edges().type);
        CHECK(b.edges().weight == a.edges().weight);
        CHECK(b.edges().attrs.empty());
        CHECK(!b.edges().has_amounts());
        CHECK(!b.edges().has_timestamps());
        CHECK(net.collapsed(lean).get() != net.collapsed(full).get());  // two cached views
        CHECK(net.collapsed(lean).get() == net.collapsed(lean).get());
      }
  CHECK(graph::simple_view(und, graph::Merge::Total, "").edges().attrs.empty());
}

TEST_CASE("Network refuses inconsistent tables", "[graph]") {
  NodeTable n;
  n.ids = {"a", "a"};
  n.type = {0, 0};
  n.types.intern("person");
  CHECK_THROWS_AS(Network(false, n, EdgeTable{}), InvalidArgument);
  n.ids = {"a", "b"};
  EdgeTable e;
  e.types.intern("call");
  e.source = {0};
  e.target = {2};
  e.type = {0};
  e.weight = {1};
  CHECK_THROWS_AS(Network(false, n, e), InvalidArgument);
  e.target = {1};
  e.weight = {std::nan("")};
  CHECK_THROWS_AS(Network(false, n, e), InvalidArgument);
  e.weight = {-2};  // negative weights are kept
  CHECK(Network(false, n, e).edges().weight[0] == -2);
}

TEST_CASE("empty and single-node networks", "[graph]") {
  Network empty(true);
  CHECK(empty.number_of_nodes() == 0);
  CHECK(empty.csr()->num_arcs() == 0);
  CHECK(empty.largest_component().number_of_nodes() == 0);
  NetworkBuilder b(false);
  b.add_node("solo", "person");
  Network one = b.finish();
  CHECK(one.largest_component().number_of_nodes() == 1);
  CHECK(one.collapse().number_of_edges() == 0);
}

TEST_CASE("collapse agrees with a map-based reference on random multigraphs", "[graph][views][differential]") {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 60; ++trial) {
    const bool directed = trial % 2, by_type = (trial / 2) % 2;
    NetworkBuilder b(directed);
    const std::size_t n = 1 + rng() % 12, m = rng() % 60;
    for (std::size_t i = 0; i < n; ++i) b.add_node("v" + std::to_string(i));
    const char* types[] = {"call", "sms", "meets"};
    for (std::size_t e = 0; e < m; ++e) {
      std::size_t k = b.add_edge(vertex_t(rng() % n), vertex_t(rng() % n), types[rng() % 3], double(rng() % 7) - 2);
      if (rng() % 2) b.set_timestamp(k, std::int64_t(rng() % 1000));
    }
    Network net = b.finish();
    Network c = net.collapse(CollapseOptions{Aggregate::Sum, by_type});
    // reference: std::map keyed by (s, t, type), groups in first-appearance order
    std::map<std::tuple<vertex_t, vertex_t, int>, std::size_t> index;
    std::vector<double> weight, count;
    std::vector<std::pair<vertex_t, vertex_t>> ends;
    const auto& E = net.edges();
    for (std::size_t e = 0; e < E.size(); ++e) {
      vertex_t s = E.source[e], t = E.target[e];
      if (!directed && t < s) std::swap(s, t);
      auto key = std::make_tuple(s, t, by_type ? int(E.type[e]) : -1);
      auto [it, added] = index.emplace(key, weight.size());
      if (added) {
        weight.push_back(E.weight[e]);
        count.push_back(1);
        ends.emplace_back(E.source[e], E.target[e]);
      } else {
        weight[it->second] += E.weight[e];
        count[it->second] += 1;
      }
    }
    REQUIRE(c.number_of_edges() == weight.size());
    for (std::size_t g = 0; g < weight.size(); ++g) {
      CHECK(c.edges().weight[g] == weight[g]);
      CHECK(c.edges().attrs[0].numbers[g] == count[g]);
      CHECK(c.edges().source[g] == ends[g].first);
      CHECK(c.edges().target[g] == ends[g].second);
    }
    CHECK(c.find("v0") == net.find("v0"));
  }
}
