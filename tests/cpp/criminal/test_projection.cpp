// Multi-mode projection on a hand-built network: shared nodes, calls,
// transfers and meetings become person-person evidence; hubs are skipped;
// the evidence budget is enforced.
#include <catch2/catch.hpp>

#include <map>

#include <ringleader/criminal/projection.hpp>
#include <ringleader/graph/builder.hpp>

using namespace ringleader;
using namespace ringleader::criminal;

namespace {
Network hand(bool directed) {
  NetworkBuilder b(directed, "person", "edge");
  for (const char* p : {"P1", "P2", "P3"}) b.add_node(p, "person");
  for (const char* t : {"T1", "T2", "T3"}) b.add_node(t, "phone");
  for (const char* a : {"A1", "A2"}) b.add_node(a, "account");
  b.add_node("V1", "venue");
  auto id = [&](const char* s) { return *b.find(s); };
  auto edge = [&](const char* s, const char* t, const char* type) { return b.add_edge(id(s), id(t), type, 1.0); };
  edge("P1", "T1", "uses"), edge("P2", "T2", "uses"), edge("P2", "T3", "uses"), edge("P3", "T3", "uses");
  edge("T1", "T2", "call"), edge("T1", "T2", "call");
  edge("P1", "A1", "owns"), edge("P3", "A2", "owns");
  b.set_amount(edge("A1", "A2", "transfer"), 100.0);
  edge("P1", "V1", "located_at"), edge("P2", "V1", "located_at"), edge("P3", "V1", "located_at");
  edge("P1", "P3", "meets");
  return b.finish();
}

std::map<std::pair<std::string, std::string>, double> weights(const Network& p) {
  std::map<std::pair<std::string, std::string>, double> w;
  for (std::size_t e = 0; e < p.number_of_edges(); ++e)
    w[{p.id(p.edges().source[e]), p.id(p.edges().target[e])}] = p.edges().weight[e];
  return w;
}
}  // namespace

TEST_CASE("projection: hand-built evidence", "[criminal]") {
  Network net = hand(false);
  Projection r = project(net);
  REQUIRE(r.net.number_of_nodes() == 3);
  REQUIRE(r.skipped.empty());
  auto w = weights(r.net);
  CHECK(w[{"P1", "P2"}] == 3);  // two calls and the venue
  CHECK(w[{"P2", "P3"}] == 2);  // the shared phone and the venue
  CHECK(w[{"P1", "P3"}] == 3);  // transfer, meeting, venue
  // evidence columns, in name order
  const auto& attrs = r.net.edges().attrs;
  std::vector<std::string> names;
  for (auto& c : attrs) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"call", "meets", "shared_phone", "shared_venue", "transfer"});
  ProjectionOptions o;
  o.max_hub = 2;
  r = project(net, o);
  REQUIRE(r.skipped.size() == 1);
  CHECK(r.net.id(0) == "P1");
  CHECK(weights(r.net)[{"P2", "P3"}] == 1);
  o.max_hub = 0;
  o.weight = Evidence::Newman;
  CHECK(weights(project(net, o).net)[{"P2", "P3"}] == Approx(1.5));
  o.weight = Evidence::Amount;
  CHECK(weights(project(net, o).net)[{"P1", "P3"}] == Approx(100.0));
  o.max_pairs = 3;
  CHECK_THROWS_AS(project(net, o), InvalidArgument);
  ProjectionOptions bad;
  bad.person_type = "suspect";
  CHECK_THROWS_AS(project(net, bad), InvalidArgument);
}

TEST_CASE("projection: directed evidence keeps its direction", "[criminal]") {
  auto w = weights(project(hand(true)).net);
  CHECK(w[{"P1", "P2"}] == 3);
  CHECK(w[{"P2", "P1"}] == 1);
  CHECK(w[{"P1", "P3"}] == 3);
  CHECK(w[{"P3", "P1"}] == 1);
}
