// edited(): a network with edges removed and nodes and edges appended.
#include <catch2/catch.hpp>

#include <cmath>

#include <ringleader/ringleader.hpp>

using namespace ringleader;

namespace {

Column numbers(const std::string& name, std::vector<double> v) {
  Column c;
  c.name = name;
  c.kind = Column::Kind::Number;
  c.numbers = std::move(v);
  return c;
}

Column strings(const std::string& name, std::vector<std::string> v) {
  Column c;
  c.name = name;
  c.kind = Column::Kind::String;
  c.strings = std::move(v);
  return c;
}

/// a -call-> b (t=10, colour "red"), b -call-> c (t=20), c -uses-> a; node attribute age on a, b, c.
Network base() {
  NodeTable n;
  n.ids = {"a", "b", "c"};
  n.types.intern("phone");
  n.type = {0, 0, 0};
  n.attrs = {numbers("age", {1, 2, 3})};
  EdgeTable e;
  e.types.intern("call");
  e.types.intern("uses");
  e.source = {0, 1, 2};
  e.target = {1, 2, 0};
  e.type = {0, 0, 1};
  e.weight = {1, 2, 3};
  e.timestamp = {10, 20, kNoTime};
  e.attrs = {strings("colour", {"red", "", "blue"})};
  return Network(true, std::move(n), std::move(e));
}

}  // namespace

TEST_CASE("edited drops edges and appends nodes and edges, joining types and columns", "[graph][edit]") {
  const Network net = base();
  NetworkEdit edit;
  edit.drop_edges = {1, 1};  // a repeat counts once
  edit.nodes.ids = {"p"};
  edit.nodes.types.intern("person");
  edit.nodes.type = {0};
  edit.nodes.attrs = {numbers("inferred", {1}), numbers("age", {40})};
  edit.edges.types.intern("uses");
  edit.edges.types.intern("owns");
  edit.edges.source = {3, 3};
  edit.edges.target = {0, 1};
  edit.edges.type = {0, 1};
  edit.edges.weight = {1, 1};
  edit.edges.attrs = {strings("evidence", {"handset", "succession"})};
  const Network r = edited(net, edit);
  CHECK(net.number_of_nodes() == 3);  // the input is unchanged
  CHECK(net.number_of_edges() == 3);
  REQUIRE(r.number_of_nodes() == 4);
  REQUIRE(r.number_of_edges() == 4);
  CHECK(r.id(3) == "p");
  CHECK(r.node_type(3) == "person");
  CHECK(r.node_type(0) == "phone");
  CHECK(r.nodes().types.names() == std::vector<std::string>{"phone", "person"});
  CHECK(r.edges().types.names() == std::vector<std::string>{"call", "uses", "owns"});
  CHECK(r.edges().source == std::vector<vertex_t>{0, 2, 3, 3});
  CHECK(r.edges().target == std::vector<vertex_t>{1, 0, 0, 1});
  CHECK(r.edge_type(1) == "uses");
  CHECK(r.edge_type(2) == "uses");
  CHECK(r.edge_type(3) == "owns");
  CHECK(r.edges().weight == std::vector<double>{1, 3, 1, 1});
  REQUIRE(r.edges().has_timestamps());
  CHECK(r.edges().timestamp == std::vector<std::int64_t>{10, kNoTime, kNoTime, kNoTime});
  CHECK_FALSE(r.edges().has_amounts());
  REQUIRE(r.nodes().attrs.size() == 2);  // the network's columns first
  CHECK(r.nodes().attrs[0].name == "age");
  CHECK(r.nodes().attrs[0].numbers == std::vector<double>{1, 2, 3, 40});
  CHECK(r.nodes().attrs[1].name == "inferred");
  CHECK(std::isnan(r.nodes().attrs[1].numbers[0]));
  CHECK(r.nodes().attrs[1].numbers[3] == 1);
  REQUIRE(r.edges().attrs.size() == 2);
  CHECK(r.edges().attrs[0].strings == std::vector<std::string>{"red", "blue", "", ""});
  CHECK(r.edges().attrs[1].strings == std::vector<std::string>{"", "", "handset", "succession"});
  CHECK(r.find("p") == vertex_t(3));
  CHECK(r.directed());
}

TEST_CASE("edited with nothing to change copies the network", "[graph][edit]") {
  const Network net = base();
  const Network r = edited(net, NetworkEdit{});
  CHECK(r.nodes().ids == net.nodes().ids);
  CHECK(r.edges().source == net.edges().source);
  CHECK(r.edges().timestamp == net.edges().timestamp);
  CHECK(r.edges().attrs[0].strings == net.edges().attrs[0].strings);
}

TEST_CASE("edited refuses bad edits with a clear error", "[graph][edit]") {
  const Network net = base();
  NetworkEdit out_of_range;
  out_of_range.drop_edges = {3};
  CHECK_THROWS_WITH(edited(net, out_of_range), Catch::Contains("dropped edge 3 is out of range"));
  NetworkEdit kinds;
  kinds.nodes.ids = {"p"};
  kinds.nodes.types.intern("person");
  kinds.nodes.type = {0};
  kinds.nodes.attrs = {strings("age", {"forty"})};
  CHECK_THROWS_WITH(edited(net, kinds), Catch::Contains("'age' is number in the network and string in the edit"));
  NetworkEdit twin;
  twin.nodes.ids = {"a"};
  twin.nodes.types.intern("phone");
  twin.nodes.type = {0};
  CHECK_THROWS_WITH(edited(net, twin), Catch::Contains("duplicate node id 'a'"));
  NetworkEdit dangling;
  dangling.edges.types.intern("call");
  dangling.edges.source = {0};
  dangling.edges.target = {7};
  dangling.edges.type = {0};
  dangling.edges.weight = {1};
  CHECK_THROWS_WITH(edited(net, dangling), Catch::Contains("out of range"));
  NetworkEdit ragged = dangling;  // a column of the edit shorter than its edges
  ragged.edges.target = {1};
  ragged.edges.weight = {};
  CHECK_THROWS_WITH(edited(net, ragged), Catch::Contains("edge column sizes"));
  NetworkEdit short_attr;
  short_attr.nodes = twin.nodes;
  short_attr.nodes.ids = {"p"};
  short_attr.nodes.attrs = {numbers("age", {1, 2})};
  CHECK_THROWS_WITH(edited(net, short_attr), Catch::Contains("node attribute 'age' size"));
}

TEST_CASE("edited refuses a copy above the memory limit before allocating it", "[graph][edit]") {
  struct ScopedLimit {  // the default (the memory available) again at the end, whatever happens
    explicit ScopedLimit(std::uint64_t b) { memory::set_limit(b); }
    ~ScopedLimit() { memory::set_limit(std::nullopt); }
  };
  const Network net = base();
  {
    ScopedLimit tiny(64);  // bytes: far below the copy of any network
    CHECK_THROWS_AS(edited(net, NetworkEdit{}), MemoryLimitError);
  }
  CHECK_NOTHROW(edited(net, NetworkEdit{}));
}
