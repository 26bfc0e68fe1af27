// The parallel builders of the compute view (Network::collapse, CsrGraph::
// build) against the serial verifiers they replaced (support/naive_view.hpp):
// the same arrays, bit for bit, for 1 to 7 threads, on multigraphs with
// parallel edges of several types, self-loops, timestamps and amounts with
// gaps, weight columns, directed and undirected, empty and single-node
// graphs, and graphs large enough to be cut into several chunks.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>

#include <ringleader/graph/builder.hpp>
#include <ringleader/graph/view.hpp>

#include "../support/naive_view.hpp"

namespace {

using namespace ringleader;

const int kThreads[] = {1, 2, 3, 4, 7};

/// n nodes, m edges: hubs (skewed ends), self-loops, bursts of parallel
/// edges of random types, weights that round differently when summed in
/// another order.
Network multigraph(std::mt19937& rng, bool directed, std::size_t n, std::size_t m, bool times, bool amounts) {
  NetworkBuilder b(directed);
  for (std::size_t i = 0; i < n; ++i) b.add_node("v" + std::to_string(i));
  const char* types[] = {"call", "sms", "meets", "transfer"};
  const std::size_t dur = b.edge_column("duration", Column::Kind::Number);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto end = [&]() { return vertex_t(rng() % 3 == 0 ? rng() % std::max<std::size_t>(1, n / 50 + 1) : rng() % n); };
  for (std::size_t k = 0; n && k < m;) {
    const vertex_t s = end(), t = rng() % 8 == 0 ? s : end();
    const std::size_t burst = rng() % 4 == 0 ? 1 + rng() % 5 : 1;
    for (std::size_t j = 0; j < burst && k < m; ++j, ++k) {
      const bool flip = !directed && rng() % 2;
      const std::size_t e = b.add_edge(flip ? t : s, flip ? s : t, types[rng() % 4], unit(rng) * 1e3 - 1e2);
      b.set_edge_number(dur, e, std::ldexp(unit(rng), int(rng() % 40) - 20));
      if (times && rng() % 4) b.set_timestamp(e, std::int64_t(rng() % 100000) - 500);
      if (amounts && rng() % 3) b.set_amount(e, unit(rng) * 1e6);
    }
  }
  return b.finish();
}

bool same_doubles(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

void require_same_csr(const CsrGraph& a, const CsrGraph& b) {
  REQUIRE(a.n == b.n);
  REQUIRE(a.directed == b.directed);
  REQUIRE(a.out_offsets == b.out_offsets);
  REQUIRE(a.out_targets == b.out_targets);
  REQUIRE(same_doubles(a.out_weights, b.out_weights));
  REQUIRE(a.out_edges == b.out_edges);
  REQUIRE(a.in_offsets == b.in_offsets);
  REQUIRE(a.in_sources == b.in_sources);
  REQUIRE(same_doubles(a.in_weights, b.in_weights));
  REQUIRE(a.in_edges == b.in_edges);
}

void require_same_edges(const Network& a, const Network& b) {
  const EdgeTable &x = a.edges(), &y = b.edges();
  REQUIRE(a.number_of_nodes() == b.number_of_nodes());
  REQUIRE(x.source == y.source);
  REQUIRE(x.target == y.target);
  REQUIRE(x.type == y.type);
  REQUIRE(x.types.names() == y.types.names());
  REQUIRE(same_doubles(x.weight, y.weight));
  REQUIRE(x.timestamp == y.timestamp);
  REQUIRE(same_doubles(x.amount, y.amount));
  REQUIRE(x.attrs.size() == y.attrs.size());
  for (std::size_t c = 0; c < x.attrs.size(); ++c) {
    INFO("column " << x.attrs[c].name);
    REQUIRE(x.attrs[c].name == y.attrs[c].name);
    REQUIRE(x.attrs[c].kind == y.attrs[c].kind);
    REQUIRE(same_doubles(x.attrs[c].numbers, y.attrs[c].numbers));
    REQUIRE(x.attrs[c].times == y.attrs[c].times);
  }
  for (vertex_t v = 0; v < a.number_of_nodes(); ++v) REQUIRE(a.find(a.id(v)) == b.find(b.id(v)));
}

/// Every aggregate, by type or not, on three columns, for every thread
/// count; and the compute view of every collapse.
void check_network(const Network& net) {
  for (Aggregate how : {Aggregate::Sum, Aggregate::Count, Aggregate::Max, Aggregate::Min})
    for (bool by_type : {false, true})
      for (const char* column : {"weight", "duration", "amount"}) {
        if (std::string(column) == "amount" && !net.edges().has_amounts()) continue;
        bool complete = true;  // collapse refuses missing values
        for (double x : net.edge_numbers(column)) complete = complete && !std::isnan(x);
        if (!complete) continue;
        CollapseOptions opt{how, by_type, column};
        INFO("aggregate " << int(how) << " by_type " << by_type << " column " << column);
        const Network ref = rltest::naive_collapse(net, opt);
        const CsrGraph ref_csr = rltest::naive_csr(vertex_t(ref.number_of_nodes()), ref.directed(),
                                                   ref.edges().source, ref.edges().target, &ref.edges().weight);
        for (int t : kThreads) {
          INFO("threads " << t);
          opt.threads = t;
          const Network c = net.collapse(opt);
          require_same_edges(c, ref);
          const CsrGraph g = CsrGraph::build(vertex_t(c.number_of_nodes()), c.directed(), c.edges().source,
                                             c.edges().target, &c.edges().weight, nullptr, false, t);
          require_same_csr(g, ref_csr);
        }
      }
  // the raw network's compute view, and its symmetric form
  const EdgeTable& e = net.edges();
  const vertex_t n = vertex_t(net.number_of_nodes());
  for (bool symmetric : {false, true}) {
    const CsrGraph ref = rltest::naive_csr(n, net.directed(), e.source, e.target, &e.weight, symmetric);
    for (int t : kThreads) {
      INFO("raw csr, symmetric " << symmetric << ", threads " << t);
      require_same_csr(CsrGraph::build(n, net.directed(), e.source, e.target, &e.weight, nullptr, symmetric, t), ref);
    }
    require_same_csr(CsrGraph::build(n, net.directed(), e.source, e.target, nullptr, nullptr, symmetric, 2),
                     rltest::naive_csr(n, net.directed(), e.source, e.target, nullptr, symmetric));
  }
  require_same_csr(*net.csr(), rltest::naive_csr(n, net.directed(), e.source, e.target, &e.weight));
}

}  // namespace

TEST_CASE("parallel collapse and CSR build equal the serial verifiers on small multigraphs",
          "[graph][views][csr][differential]") {
  std::mt19937 rng(2021);
  for (int trial = 0; trial < 40; ++trial) {
    const bool directed = trial % 2;
    const std::size_t n = trial < 4 ? std::size_t(trial / 2) : 1 + rng() % 15;  // empty and single node first
    const std::size_t m = n ? rng() % 80 : 0;
    INFO("trial " << trial << " n " << n << " m " << m);
    check_network(multigraph(rng, directed, n, m, trial % 3 != 0, trial % 4 != 1));
  }
}

TEST_CASE("parallel collapse and CSR build equal the serial verifiers on large skewed multigraphs",
          "[graph][views][csr][differential]") {
  // large enough for several chunks, scan blocks and row blocks
  std::mt19937 rng(77);
  for (int trial = 0; trial < 4; ++trial) {
    const bool directed = trial % 2;
    const std::size_t n = trial < 2 ? 3000 : 40, m = 140000 + rng() % 1000;
    INFO("trial " << trial << " n " << n);
    check_network(multigraph(rng, directed, n, m, trial != 2, trial != 1));
  }
}

TEST_CASE("parallel collapse reports the first overflowing sum as the serial one did", "[graph][views][errors]") {
  NetworkBuilder b(false);
  for (const char* id : {"a", "b", "c"}) b.add_node(id);
  b.add_edge(2, 1, "call", 1e308);  // the first group (by first edge): c - b
  b.add_edge(0, 1, "call", 1e308);
  b.add_edge(0, 1, "sms", 1e308);
  b.add_edge(1, 2, "sms", 1e308);
  const Network net = b.finish();
  std::string expected;
  try {
    rltest::naive_collapse(net, CollapseOptions{Aggregate::Sum, false});
  } catch (const InvalidArgument& e) {
    expected = e.what();
  }
  REQUIRE(expected.find("'c' and 'b'") != std::string::npos);
  for (int t : kThreads) {
    CollapseOptions opt{Aggregate::Sum, false};
    opt.threads = t;
    REQUIRE_THROWS_WITH(net.collapse(opt), expected);
  }
}

TEST_CASE("the compute view of every merge rule is the serial collapse's", "[graph][views]") {
  std::mt19937 rng(5);
  const Network net = multigraph(rng, true, 200, 3000, true, true);
  for (graph::Merge merge : {graph::Merge::Shortest, graph::Merge::Total, graph::Merge::Structure})
    for (const char* w : {"", "weight", "duration"}) {
      const Network ref = rltest::naive_collapse(net, graph::merge_options(merge, w));
      require_same_edges(graph::simple_view(net, merge, w), ref);
      require_same_csr(graph::compute_view(net, merge, w),
                       rltest::naive_csr(vertex_t(ref.number_of_nodes()), true, ref.edges().source,
                                         ref.edges().target, &ref.edges().weight));
    }
}
