// GraphML reader/writer, GEXF writer and the internal XML tokenizer.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "ringleader/graph/builder.hpp"
#include "ringleader/io/gexf.hpp"
#include "ringleader/io/graphml.hpp"

#include "../../../src/io/xml.hpp"
#include "../support/random_network.hpp"

using namespace ringleader;
namespace xml = ringleader::io::xml;

namespace {

// nx.write_graphml output (networkx 3) for a small weighted graph:
//   G.add_node(0, type='person', label='Alice'); G.add_node(1, type='phone')
//   G.add_node(2, age=31, vip=True); edges (0,1,w=2.5,type=uses), (1,2,w=1.0),
//   (2,3,w=0.25,note='x & y')
const char* kNetworkx = R"(<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d6" for="edge" attr.name="note" attr.type="string" />
  <key id="d5" for="edge" attr.name="type" attr.type="string" />
  <key id="d4" for="edge" attr.name="weight" attr.type="double" />
  <key id="d3" for="node" attr.name="vip" attr.type="boolean" />
  <key id="d2" for="node" attr.name="age" attr.type="long" />
  <key id="d1" for="node" attr.name="label" attr.type="string" />
  <key id="d0" for="node" attr.name="type" attr.type="string" />
  <graph edgedefault="undirected">
    <node id="0">
      <data key="d0">person</data>
      <data key="d1">Alice</data>
    </node>
    <node id="1">
      <data key="d0">phone</data>
    </node>
    <node id="2">
      <data key="d2">31</data>
      <data key="d3">True</data>
    </node>
    <node id="3" />
    <edge source="0" target="1">
      <data key="d4">2.5</data>
      <data key="d5">uses</data>
    </edge>
    <edge source="1" target="2">
      <data key="d4">1.0</data>
    </edge>
    <edge source="2" target="3">
      <data key="d4">0.25</data>
      <data key="d6">x &amp; y</data>
    </edge>
  </graph>
</graphml>
)";

const Column* find_column(const std::vector<Column>& cols, const std::string& name) {
  for (const auto& c : cols)
    if (c.name == name) return &c;
  return nullptr;
}

// ---- random networks ---------------------------------------------------------

struct Random {
  std::mt19937_64 rng;
  explicit Random(std::uint64_t seed) : rng(seed) {}
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng); }

  std::string text(std::size_t max_pieces = 4) {
    static const char* pieces[] = {"a",  "Bob", ",",  "\"", "'",      "<",     ">",      "&",    "\n",
                                   "\t", " ",   "\r", "é",  "日本", "🙂",   "]]>",   "&amp;", "<!--", "\x7f",
                                   "0",  "1.5", "-",  "x y", "\r\n", "&#10;", "?>",    ";"};
    std::string s;
    std::size_t n = 1 + below(max_pieces);
    for (std::size_t i = 0; i < n; ++i) s += pieces[below(std::size(pieces))];
    return s;
  }
  double number() {
    switch (below(6)) {
      case 0: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
      case 1: return double(below(100));
      case 2: return std::ldexp(std::uniform_real_distribution<double>(0.5, 1)(rng), int(below(2000)) - 1000);
      case 3: return 5e-324;
      case 4: return -0.1;
      default: return 1.0 / 3.0;
    }
  }
  std::int64_t time() {
    if (chance(0.2)) return std::int64_t(below(2000000000)) * 1000000000LL;  // whole seconds
    return std::uniform_int_distribution<std::int64_t>(-4000000000000000000LL, 4000000000000000000LL)(rng);
  }
};

std::vector<std::string> column_names(Random& r, std::size_t n, std::vector<std::string> extra) {
  std::set<std::string> seen;
  std::vector<std::string> out;
  while (out.size() < n) {
    std::string name = r.chance(0.3) ? extra[r.below(extra.size())] : r.text(2);
    if (seen.insert(name).second) out.push_back(name);
  }
  return out;
}

Network random_network(Random& r, std::size_t max_nodes) {
  NetworkBuilder b(r.chance(0.5), "unknown", "edge");
  static const char* node_types[] = {"person", "phone", "account", "venue", "a<b&c"};
  static const char* edge_types[] = {"call", "transfer", "uses", "owns", "meets", "x\"y'"};
  const std::size_t n = r.below(max_nodes + 1);
  std::set<std::string> ids;
  while (ids.size() < n) ids.insert(r.chance(0.3) ? std::to_string(r.below(1000)) : r.text());
  const bool labels = r.chance(0.5);
  auto node_cols = column_names(r, r.below(4), {"kind", "alias", "age"});
  std::vector<Column::Kind> node_kinds;
  for (const auto& c : node_cols) {
    node_kinds.push_back(Column::Kind(r.below(3)));
    b.node_column(c, node_kinds.back());
  }
  for (const auto& id : ids) {
    vertex_t v = b.add_node(id, node_types[r.below(std::size(node_types))]).first;
    if (labels && r.chance(0.7)) b.set_label(v, r.text());
    for (std::size_t c = 0; c < node_cols.size(); ++c) {
      if (r.chance(0.3)) continue;  // missing
      if (node_kinds[c] == Column::Kind::Number) b.set_node_number(c, v, r.number());
      else if (node_kinds[c] == Column::Kind::String) b.set_node_string(c, v, r.text());
      else b.set_node_time(c, v, r.time());
    }
  }
  auto edge_cols = column_names(r, r.below(4), {"duration", "channel", "seen", "note"});
  std::vector<Column::Kind> edge_kinds;
  for (const auto& c : edge_cols) {
    edge_kinds.push_back(Column::Kind(r.below(3)));
    b.edge_column(c, edge_kinds.back());
  }
  const bool stamps = r.chance(0.5), amounts = r.chance(0.5);
  const std::size_t m = n ? r.below(3 * n + 2) : 0;
  for (std::size_t i = 0; i < m; ++i) {
    vertex_t s = vertex_t(r.below(n)), t = r.chance(0.1) ? s : vertex_t(r.below(n));
    std::size_t e = b.add_edge(s, t, edge_types[r.below(std::size(edge_types))], r.number());
    if (stamps) b.set_timestamp(e, r.chance(0.2) ? kNoTime : r.time());
    if (amounts) b.set_amount(e, r.chance(0.2) ? std::nan("") : r.number());
    if (i > 0 && r.chance(0.1)) b.add_edge(s, t, "call");  // parallel edge
    for (std::size_t c = 0; c < edge_cols.size(); ++c) {
      if (r.chance(0.3)) continue;
      if (edge_kinds[c] == Column::Kind::Number) b.set_edge_number(c, e, r.number());
      else if (edge_kinds[c] == Column::Kind::String) b.set_edge_string(c, e, r.text());
      else b.set_edge_time(c, e, r.time());
    }
  }
  return b.finish();
}

/// Requires a ParseError at `line` whose message contains `words`.
void require_error(const std::string& text, std::size_t line, const std::string& words) {
  INFO(text);
  try {
    io::read_graphml_text(text, "bad.graphml");
    FAIL("no ParseError");
  } catch (const ParseError& e) {
    INFO(e.what());
    CHECK(e.file() == "bad.graphml");
    CHECK(e.line() == line);
    CHECK(e.message().find(words) != std::string::npos);
  }
}

std::string doc(const std::string& keys, const std::string& body, const char* edgedefault = "undirected") {
  return "<?xml version=\"1.0\"?>\n<graphml>\n" + keys + "<graph edgedefault=\"" + edgedefault + "\">\n" + body +
         "</graph>\n</graphml>\n";
}

const std::string kWeightKey = "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";

/// Counts start tags named `name`, checking the whole text is well-formed.
std::size_t count_elements(const std::string& text, std::string_view name) {
  xml::Tokenizer tok(text, "t.xml");
  xml::Token t;
  std::size_t n = 0;
  while (tok.next(t))
    if (t.kind == xml::Token::Kind::Start && t.name == name) ++n;
  return n;
}

}  // namespace

TEST_CASE("graphml: reads networkx output", "[io][graphml]") {
  Network net = io::read_graphml_text(kNetworkx, "nx.graphml");
  REQUIRE_FALSE(net.directed());
  REQUIRE(net.number_of_nodes() == 4);
  REQUIRE(net.number_of_edges() == 3);
  CHECK(net.id(0) == "0");
  CHECK(net.id(3) == "3");
  CHECK(net.node_type(0) == "person");
  CHECK(net.node_type(1) == "phone");
  CHECK(net.node_type(2) == "unknown");
  CHECK(net.nodes().labels.at(0) == "Alice");
  CHECK(net.nodes().labels.at(1).empty());
  const Column* age = find_column(net.nodes().attrs, "age");
  const Column* vip = find_column(net.nodes().attrs, "vip");
  REQUIRE(age);
  REQUIRE(vip);
  CHECK(age->kind == Column::Kind::Number);
  CHECK(age->numbers[2] == 31);
  CHECK(std::isnan(age->numbers[0]));
  CHECK(vip->numbers[2] == 1);
  CHECK(net.edges().weight[0] == 2.5);
  CHECK(net.edges().weight[2] == 0.25);
  CHECK(net.edge_type(0) == "uses");
  CHECK(net.edge_type(1) == "edge");
  const Column* note = find_column(net.edges().attrs, "note");
  REQUIRE(note);
  CHECK(note->strings[2] == "x & y");
  CHECK(note->missing(0));
  CHECK(net.nodes().attrs.size() == 2);  // type and label are not columns
  CHECK(net.edges().attrs.size() == 1);
}

TEST_CASE("graphml: options, defaults, undeclared nodes, timestamps", "[io][graphml]") {
  std::string text = doc(
      "<key id=\"t\" for=\"node\" attr.name=\"type\"><default>person</default></key>\n"
      "<key id=\"et\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "<key id=\"ts\" for=\"edge\" attr.name=\"timestamp\" attr.type=\"string\"/>\n"
      "<key id=\"am\" for=\"edge\" attr.name=\"amount\" attr.type=\"double\"/>\n"
      "<key id=\"seen\" for=\"all\" attr.name=\"seen\" attr.type=\"string\" ringleader.kind=\"time\"/>\n"
      "<key id=\"c\" for=\"edge\" attr.name=\"cost\" attr.type=\"int\"><default>7</default></key>\n",
      "<node id=\"a\"/>\n"
      "<node id=\"b\"><data key=\"t\">phone</data><data key=\"seen\">2024-01-02</data></node>\n"
      "<edge source=\"a\" target=\"z\"><data key=\"ts\">1700000000</data><data key=\"am\">12.5</data></edge>\n"
      "<edge source=\"y\" target=\"b\" directed=\"true\"><data key=\"ts\"><![CDATA[2024-01-31T12:00:00Z]]></data>"
      "<data key=\"c\">3</data></edge>\n",
      "directed");
  io::GraphmlOptions opt;
  opt.node_type = "device";
  opt.edge_type = "link";
  Network net = io::read_graphml_text(text, "x.graphml", opt);
  REQUIRE(net.directed());
  REQUIRE(net.number_of_nodes() == 4);
  CHECK(net.id(2) == "z");
  CHECK(net.id(3) == "y");
  CHECK(net.node_type(0) == "person");  // key default
  CHECK(net.node_type(1) == "phone");
  CHECK(net.node_type(2) == "device");  // created by an edge
  CHECK(net.edge_type(0) == "link");
  CHECK(net.edges().time(0) == 1700000000LL * 1000000000LL);
  std::int64_t t;
  REQUIRE(text::parse_timestamp("2024-01-31T12:00:00Z", t));
  CHECK(net.edges().time(1) == t);
  CHECK(net.edges().amount_of(0) == 12.5);
  CHECK(std::isnan(net.edges().amount_of(1)));
  const Column* seen = find_column(net.nodes().attrs, "seen");
  REQUIRE(seen);
  CHECK(seen->kind == Column::Kind::Time);
  CHECK(seen->times[0] == kNoTime);
  CHECK(seen->times[1] != kNoTime);
  const Column* cost = find_column(net.edges().attrs, "cost");
  REQUIRE(cost);
  CHECK(cost->numbers[0] == 7);
  CHECK(cost->numbers[1] == 3);
}

TEST_CASE("graphml: per-edge directed must agree", "[io][graphml]") {
  Network net = io::read_graphml_text(
      doc("", "<node id=\"a\"/>\n<edge source=\"a\" target=\"a\" directed=\"true\"/>\n"), "d.graphml");
  CHECK(net.directed());
  require_error(doc("", "<edge source=\"a\" target=\"b\"/>\n<edge source=\"a\" target=\"b\" directed=\"true\"/>\n"), 5,
                "mixed");
}

TEST_CASE("graphml: round trips random networks exactly", "[io][graphml]") {
  Random r(12345);
  for (int i = 0; i < 300; ++i) {
    INFO("network " << i);
    Network net = random_network(r, i < 20 ? 2 : 30);
    std::string text = io::graphml_text(net);
    INFO(text);
    Network back = io::read_graphml_text(text, "round.graphml");
    rltest::require_same(net, back, true);
    REQUIRE(io::graphml_text(back) == text);
    REQUIRE(count_elements(io::gexf_text(net), "node") == net.number_of_nodes());
  }
}

TEST_CASE("graphml: empty and single-node networks, files", "[io][graphml]") {
  for (bool directed : {false, true}) {
    NetworkBuilder b(directed);
    Network empty = b.finish();
    rltest::require_same(empty, io::read_graphml_text(io::graphml_text(empty), "e"), true);
    NetworkBuilder b1(directed);
    b1.add_node("only one", "person");
    Network one = b1.finish();
    rltest::require_same(one, io::read_graphml_text(io::graphml_text(one), "o"), true);
  }
  Random r(7);
  Network net = random_network(r, 20);
  auto dir = std::filesystem::temp_directory_path();
  for (const char* name : {"ringleader_test.graphml", "ringleader_test.graphml.gz"}) {
    std::string path = (dir / name).string();
    io::write_graphml(net, path);
    rltest::require_same(net, io::read_graphml(path), true);
    std::remove(path.c_str());
  }
}

TEST_CASE("graphml: bad inputs are ParseErrors with the line", "[io][graphml]") {
  const std::string nodes = "<node id=\"a\"/>\n<node id=\"b\"/>\n";  // lines 4-5
  SECTION("unclosed tag") { require_error(doc("", "<node id=\"a\"\n"), 4, "unclosed tag <node>"); }
  SECTION("mismatched tag") { require_error(doc("", "<node id=\"a\">\n</edge>\n"), 5, "mismatched end tag"); }
  SECTION("unterminated attribute") { require_error("<graphml>\n<graph edgedefault=\"dir>\n", 2, "unterminated"); }
  SECTION("unknown key") {
    require_error(doc("", nodes + "<edge source=\"a\" target=\"b\">\n<data key=\"w\">1</data></edge>\n"), 7,
                  "unknown key 'w'");
  }
  SECTION("non-numeric weight") {
    require_error(doc(kWeightKey, nodes + "<edge source=\"a\" target=\"b\">\n<data key=\"w\">heavy</data></edge>\n"), 8,
                  "not a number");
  }
  SECTION("NaN weight") {
    require_error(doc(kWeightKey, nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">NaN</data></edge>\n"), 7,
                  "finite");
  }
  SECTION("bad timestamp") {
    require_error(doc("<key id=\"t\" for=\"edge\" attr.name=\"timestamp\"/>\n",
                      nodes + "<edge source=\"a\" target=\"b\"><data key=\"t\">yesterday</data></edge>\n"),
                  7, "not a timestamp");
  }
  SECTION("non-numeric attribute") {
    require_error(doc("<key id=\"n\" for=\"node\" attr.name=\"age\" attr.type=\"int\"/>\n",
                      "<node id=\"a\">\n<data key=\"n\">old</data></node>\n"),
                  6, "not a number");
  }
  SECTION("duplicate node id") {
    try {
      io::read_graphml_text(doc("", nodes + "\n<node id=\"a\"/>\n"), "dup.graphml");
      FAIL("no error");
    } catch (const ParseError& e) {
      CHECK(e.line() == 7);
      CHECK(e.message().find("line 4") != std::string::npos);
    }
  }
  SECTION("nested graph and hyperedge") {
    require_error(doc("", "<node id=\"a\">\n<graph edgedefault=\"directed\"/></node>\n"), 5, "not supported");
    require_error(doc("", "<hyperedge/>\n"), 4, "not supported");
  }
  SECTION("empty node id") {
    require_error(doc("", "<node id=\"\"/>\n"), 4, "empty node id");
    require_error(doc("", nodes + "<edge source=\"a\" target=\"\"/>\n"), 6, "empty edge target");
  }
  SECTION("unknown entity") { require_error(doc("", "<node id=\"&nbsp;\"/>\n"), 4, "unknown entity"); }
  SECTION("binary garbage") {
    std::string garbage("\x89PNG\r\n\x1a\n\x00\x01\xff\xfe", 12);
    CHECK_THROWS_AS(io::read_graphml_text(garbage, "g"), ParseError);
    require_error("GIF89a;;;;\n<<<>>>", 1, "not XML");
  }
  SECTION("empty file") {
    require_error("", 1, "no XML element");
    require_error("  \n<!-- nothing -->\n", 3, "no XML element");
  }
  SECTION("truncated file") {
    std::string full = doc(kWeightKey, nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">2</data></edge>\n");
    for (std::size_t cut = 0; cut + 1 < full.size(); ++cut) {
      INFO("cut at " << cut);
      CHECK_THROWS_AS(io::read_graphml_text(full.substr(0, cut), "t"), ParseError);
    }
    require_error(full.substr(0, full.find("</graph>")), 8, "not closed");
  }
  SECTION("not graphml") { require_error("<?xml version=\"1.0\"?>\n<html/>", 2, "not a GraphML file"); }
  SECTION("text after root") { require_error("<graphml/>\n\njunk", 3, "after the end of the root"); }
}

TEST_CASE("xml: tokenizer details", "[io][xml]") {
  std::string text =
      "<?xml version='1.0'?>\n<!DOCTYPE r [ <!ENTITY x \"]>\"> ]>\n"
      "<r a='1 &lt; 2' b=\"x&#10;y&#x1F642;\"><!-- c --><![CDATA[<&>]]>&amp;t\r\nu<e/></r>\n";
  xml::Tokenizer tok(text, "x");
  xml::Token t;
  REQUIRE(tok.next(t));
  CHECK(t.kind == xml::Token::Kind::Start);
  CHECK(t.line == 3);
  CHECK(*t.attr("a") == "1 < 2");
  CHECK(*t.attr("b") == "x\ny\xF0\x9F\x99\x82");
  REQUIRE(tok.next(t));
  CHECK(t.kind == xml::Token::Kind::Text);
  CHECK(t.text == "<&>&t\nu");
  REQUIRE(tok.next(t));
  CHECK((t.kind == xml::Token::Kind::Start && t.name == "e"));
  REQUIRE(tok.next(t));
  CHECK((t.kind == xml::Token::Kind::End && t.name == "e"));
  REQUIRE(tok.next(t));
  CHECK((t.kind == xml::Token::Kind::End && t.name == "r"));
  CHECK_FALSE(tok.next(t));
  // Deep nesting needs no recursion.
  std::string deep(200000, '<');
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<a>";
  for (int i = 0; i < 100000; ++i) nested += "</a>";
  CHECK(count_elements(nested, "a") == 100000);
  CHECK_THROWS_AS(count_elements(deep, "a"), ParseError);
  CHECK_THROWS_AS(count_elements("<a x='1' x='2'/>", "a"), ParseError);
}

TEST_CASE("gexf: well-formed with the right counts", "[io][gexf]") {
  Network nx = io::read_graphml_text(kNetworkx, "nx.graphml");
  std::string g = io::gexf_text(nx);
  CHECK(count_elements(g, "node") == 4);
  CHECK(count_elements(g, "edge") == 3);
  CHECK(count_elements(g, "attribute") == 1 + 2 + 1 + 1);  // node type, age, vip; edge type, note
  CHECK(g.find("defaultedgetype=\"undirected\"") != std::string::npos);
  CHECK(g.find("label=\"Alice\"") != std::string::npos);
  CHECK(g.find("label=\"3\"") != std::string::npos);  // the id when there is no label
  CHECK(g.find("x &amp; y") != std::string::npos);
  CHECK(g.find("xmlns:viz=\"http://gexf.net/1.3/viz\"") != std::string::npos);
  CHECK(g.find("<viz:") == std::string::npos);  // nothing asked for
  Random r(99);
  for (int i = 0; i < 50; ++i) {
    Network net = random_network(r, 15);
    std::string text = io::gexf_text(net);
    CHECK(count_elements(text, "node") == net.number_of_nodes());
    CHECK(count_elements(text, "edge") == net.number_of_edges());
    CHECK(count_elements(text, "gexf") == 1);
  }
}

TEST_CASE("gexf: whole-number columns are long, viz position colour and size", "[io][gexf]") {
  NetworkBuilder b(false, "person", "call");
  for (const char* id : {"a", "b", "c"}) b.add_node(id);
  b.add_edge(0, 1, "call", 1.0);
  b.add_edge(1, 2, "call", 2.5);
  const std::size_t rank = b.node_column("rank", Column::Kind::Number);
  const std::size_t score = b.node_column("score", Column::Kind::Number);
  b.set_node_number(rank, 0, 1);
  b.set_node_number(rank, 1, 2);  // c has no rank (missing)
  for (vertex_t v = 0; v < 3; ++v) b.set_node_number(score, v, 0.5 * (v + 1));
  const Network net = b.finish();
  io::GexfViz viz;
  viz.x = {0.0, 1.5, -2.0};
  viz.y = {1.0, 0.0, 3.25};
  viz.color = {0x1f77b4, 0xff7f0e, 0xb8b8b8};
  viz.size = {24.0, 4.0, 4.0};
  const std::string g = io::gexf_text(net, viz);
  CHECK(g.find("title=\"rank\" type=\"long\"") != std::string::npos);
  CHECK(g.find("title=\"score\" type=\"double\"") != std::string::npos);
  CHECK(g.find("value=\"2\"/>") != std::string::npos);      // rank 2, no decimal point
  CHECK(count_elements(g, "viz:position") == 3);
  CHECK(g.find("<viz:color r=\"31\" g=\"119\" b=\"180\"/>") != std::string::npos);
  CHECK(g.find("<viz:position x=\"1.5\" y=\"0\" z=\"0\"/>") != std::string::npos);
  CHECK(g.find("<viz:size value=\"24\"/>") != std::string::npos);
  io::GexfViz bad;
  bad.x = {0.0};
  bad.y = {0.0};
  CHECK_THROWS_AS(io::gexf_text(net, bad), InvalidArgument);
  bad.x = {0.0, 1.0, std::nan("")};
  bad.y = {0.0, 1.0, 2.0};
  CHECK_THROWS_AS(io::gexf_text(net, bad), InvalidArgument);
}

TEST_CASE("readers and writers refuse a path with a NUL byte", "[io][security]") {
  const std::string path = std::string("nul-test.graphml") + '\0' + "/../escaped";
  NetworkBuilder b(false, "person", "call");
  b.add_node("a");
  const Network net = b.finish();
  CHECK_THROWS_AS(io::write_graphml(net, path), InvalidArgument);
  CHECK_THROWS_AS(io::write_gexf(net, path), InvalidArgument);
  CHECK_THROWS_AS(io::read_graphml(path), InvalidArgument);
  CHECK_FALSE(std::filesystem::exists("nul-test.graphml"));
}

TEST_CASE("graphml and gexf refuse control characters XML 1.0 cannot hold", "[io][security]") {
  const std::vector<std::string> bad_ids = {"a\x01b", "\x1b]0;x\x07", std::string("n\0ul", 4)};
  for (const std::string& bad : bad_ids) {
    NetworkBuilder b(false, "person", "call");
    b.add_node(bad);
    const Network net = b.finish();
    CHECK_THROWS_AS(io::graphml_text(net), InvalidArgument);
    CHECK_THROWS_AS(io::gexf_text(net), InvalidArgument);
  }
  NetworkBuilder ok(false, "person", "call");
  ok.add_node("tab\tlf\ncr\rdel\x7f");  // all XML 1.0 characters: written and read back
  const Network net = ok.finish();
  CHECK(io::read_graphml_text(io::graphml_text(net), "ok.graphml").nodes().ids[0] == "tab\tlf\ncr\rdel\x7f");
}
