// The CSV pair: RFC 4180 details, round trips, and the bad-input catalogue.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <random>

#include <ringleader/ringleader.hpp>

#include "../support/errors.hpp"
#include "../support/random_network.hpp"

using namespace ringleader;

namespace {

Network csv(std::string_view edges, std::optional<std::string_view> nodes = std::nullopt, io::CsvOptions o = {}) {
  return io::read_csv_text(edges, "edges.csv", nodes, "nodes.csv", o);
}

using rltest::require_parse_error;

}  // namespace

TEST_CASE("CSV: RFC 4180 quoting, BOM, CRLF, attributes", "[io][csv]") {
  auto net = csv("\xEF\xBB\xBFsource,target,type,weight,timestamp,amount,note\r\n"
                 "\"Li, Wei\",\"+86 \"\"mobile\"\"\",call,2.5,2024-03-01T12:00:00+08:00,,\"two\r\nlines\"\r\n"
                 "b,c,transfer,,1700000000,99.5,\r\n");
  REQUIRE(net.number_of_nodes() == 4);
  CHECK(net.id(0) == "Li, Wei");
  CHECK(net.id(1) == "+86 \"mobile\"");
  CHECK(net.edges().weight[0] == 2.5);
  CHECK(net.edges().weight[1] == 1.0);  // empty weight is 1
  std::int64_t t;
  REQUIRE(text::parse_timestamp("2024-03-01T04:00:00Z", t));
  CHECK(net.edges().timestamp[0] == t);
  CHECK(net.edges().timestamp[1] == 1700000000LL * 1000000000LL);
  CHECK(std::isnan(net.edges().amount[0]));
  CHECK(net.edges().amount[1] == 99.5);
  REQUIRE(net.edges().attrs.size() == 1);
  CHECK(net.edges().attrs[0].strings[0] == "two\r\nlines");
  CHECK(net.node_type(0) == "unknown");
}

TEST_CASE("CSV: nodes file, types, labels and typed attributes", "[io][csv]") {
  auto net = csv("source,target,type\nP1,PH1,uses\nP1,P1,meets\n",
                 std::string_view("id,type,label,age,joined,alias\nP1,person,Boss,51,2020-01-05,\"x\"\n"
                                  "PH1,phone,,,,y\nA1,account,Mule acct,,2021-06-01T10:00:00Z,\n"));
  REQUIRE(net.number_of_nodes() == 3);
  CHECK(net.node_type(net.at("A1")) == "account");
  CHECK(net.nodes().labels[0] == "Boss");
  const auto& attrs = net.nodes().attrs;
  REQUIRE(attrs.size() == 3);
  CHECK(attrs[0].kind == Column::Kind::Number);
  CHECK(attrs[0].numbers[0] == 51);
  CHECK(std::isnan(attrs[0].numbers[1]));
  CHECK(attrs[1].kind == Column::Kind::Time);
  CHECK(attrs[2].kind == Column::Kind::String);
  CHECK(net.number_of_edges() == 2);  // the self-loop is kept
}

TEST_CASE("CSV: create_missing", "[io][csv]") {
  std::string_view nodes = "id,type\na,person\n";
  require_parse_error([&] { csv("source,target\na,b\n", nodes); }, "edges.csv", 2, "'b' is not in the nodes file");
  io::CsvOptions o;
  o.create_missing = true;
  o.node_type = "phone";
  auto net = csv("source,target\na,b\n", nodes, o);
  CHECK(net.node_type(net.at("b")) == "phone");
  CHECK(net.node_type(net.at("a")) == "person");
}

TEST_CASE("CSV: bad input catalogue", "[io][csv][bad-input]") {
  SECTION("missing required column") {
    require_parse_error([] { csv("src,target\na,b\n"); }, "edges.csv", 1, "missing required column 'source'");
    require_parse_error([] { csv("source,target\na,b\n", std::string_view("name,type\na,p\n")); }, "nodes.csv", 1,
                        "missing required column 'id'");
  }
  SECTION("wrong number of fields") {
    require_parse_error([] { csv("source,target,weight\na,b,1\nb,c\n"); }, "edges.csv", 3, "has 2 fields, the header has 3");
    require_parse_error([] { csv("source,target\na,b,c\n"); }, "edges.csv", 2, "has 3 fields");
  }
  SECTION("non-numeric, NaN and infinite weights") {
    require_parse_error([] { csv("source,target,weight\na,b,heavy\n"); }, "edges.csv", 2, "'heavy' is not a number");
    require_parse_error([] { csv("source,target,weight\na,b,1\na,b,NaN\n"); }, "edges.csv", 3, "finite");
    require_parse_error([] { csv("source,target,weight\na,b,-inf\n"); }, "edges.csv", 2, "finite");
    require_parse_error([] { csv("source,target,amount\na,b,lots\n"); }, "edges.csv", 2, "amount 'lots'");
  }
  SECTION("bad timestamp") {
    require_parse_error([] { csv("source,target,timestamp\na,b,2024-13-01\n"); }, "edges.csv", 2, "timestamp '2024-13-01'");
    require_parse_error([] { csv("source,target,timestamp\na,b,yesterday\n"); }, "edges.csv", 2, "ISO 8601");
  }
  SECTION("the same node id with two types") {
    require_parse_error([] { csv("source,target\na,b\n", std::string_view("id,type\na,person\nb,phone\na,phone\n")); },
                        "nodes.csv", 4, "with type 'person', here with type 'phone'");
  }
  SECTION("unknown node id") {
    require_parse_error([] { csv("source,target\na,zz\n", std::string_view("id\na\n")); }, "edges.csv", 2, "'zz'");
  }
  SECTION("empty file and header only") {
    require_parse_error([] { csv(""); }, "edges.csv", 1, "empty file");
    auto net = csv("source,target,type\n");
    CHECK(net.number_of_edges() == 0);
    auto with_nodes = csv("source,target\n", std::string_view("id,type\nx,person\n"));
    CHECK(with_nodes.number_of_nodes() == 1);
  }
  SECTION("binary garbage") {
    std::string garbage = "source,target\n";
    std::mt19937 rng(1);
    for (int i = 0; i < 4000; ++i) garbage += char(rng() % 256);
    CHECK_THROWS_AS(csv(garbage), ParseError);
    require_parse_error([] { csv(std::string_view("source,target\na,b\x00\n", 19)); }, "edges.csv", 2, "NUL byte");
    require_parse_error([] { csv("source,target\na,\xC3\x28\n"); }, "edges.csv", 2, "invalid UTF-8");
  }
  SECTION("unterminated quote") {
    require_parse_error([] { csv("source,target\na,b\n\"c,d\nx,y\n"); }, "edges.csv", 3, "unterminated quoted field");
    require_parse_error([] { csv("source,target\n\"a\"x,b\n"); }, "edges.csv", 2, "after a closing quote");
  }
  SECTION("a 1,000,000-character field is read whole") {
    std::string big(1000000, 'x');
    auto net = csv("source,target\n\"" + big + "\",b\n");
    CHECK(net.id(0).size() == 1000000);
    require_parse_error([&] { csv("source,target,weight\na,b," + big + "\n"); }, "edges.csv", 2, "is not a number");
  }
  SECTION("empty ids and duplicate header names") {
    require_parse_error([] { csv("source,target\n,b\n"); }, "edges.csv", 2, "empty source id");
    require_parse_error([] { csv("source,target,source\na,b,c\n"); }, "edges.csv", 1, "appears twice");
  }
  SECTION("self-loops and negative weights are kept") {
    auto net = csv("source,target,weight\na,a,-3\n");
    CHECK(net.number_of_edges() == 1);
    CHECK(net.edges().weight[0] == -3);
  }
  SECTION("missing file") {
    CHECK_THROWS_WITH(io::read_csv("/nonexistent/edges.csv"), Catch::Contains("/nonexistent/edges.csv") &&
                                                                  Catch::Contains("cannot open"));
  }
}

TEST_CASE("CSV: write then read is lossless on random networks", "[io][csv][roundtrip]") {
  std::mt19937 rng(2024);
  for (int trial = 0; trial < 200; ++trial) {
    bool directed = trial % 2;
    Network a = rltest::random_network(rng, directed);
    std::string edges = io::edges_csv_text(a), nodes = io::nodes_csv_text(a);
    io::CsvOptions o;
    o.directed = directed;
    Network b = io::read_csv_text(edges, "edges.csv", std::string_view(nodes), "nodes.csv", o);
    rltest::require_same(a, b);
  }
}

TEST_CASE("CSV: files, gzip and the bundled sample", "[io][csv]") {
  std::mt19937 rng(7);
  Network a = rltest::random_network(rng, true);
  std::string e = "/tmp/ringleader_test_edges.csv.gz", n = "/tmp/ringleader_test_nodes.csv";
  io::write_csv(a, e, n);
  io::CsvOptions o;
  o.directed = true;
  rltest::require_same(a, io::read_csv(e, n, o));
  std::remove(e.c_str());
  std::remove(n.c_str());
  std::string sample = std::string(RINGLEADER_SOURCE_DIR) + "/examples/sample/";
  auto s = io::read_csv(sample + "edges.csv", sample + "nodes.csv");
  auto data_lines = [](const std::string& path) {  // lines after the header (no quoted newlines here)
    std::ifstream in(path);
    std::string line;
    std::size_t k = 0;
    while (std::getline(in, line)) ++k;
    return k - 1;
  };
  CHECK(s.number_of_nodes() == data_lines(sample + "nodes.csv"));
  CHECK(s.number_of_edges() == data_lines(sample + "edges.csv"));
  CHECK(s.number_of_nodes() > 300);
  CHECK(s.edges().types.find("transfer") >= 0);
}

// Found by fuzz_graphml (fuzz/README.md): GraphML attribute names that CSV
// header trimming would merge or blank made write_csv produce files that
// read_csv refused (or, for "timestamp ", read as another column).
TEST_CASE("CSV: the writer refuses attribute names a CSV header cannot keep", "[io][csv][roundtrip][fuzz]") {
  auto graphml = [](const std::string& node_key, const std::string& edge_key) {
    return io::read_graphml_text(
        "<graphml><key id=\"n\" for=\"node\" attr.name=\"" + node_key +
            "\" attr.type=\"string\"/><key id=\"m\" for=\"node\" attr.name=\"vip\" attr.type=\"string\"/>"
            "<key id=\"e\" for=\"edge\" attr.name=\"" + edge_key +
            "\" attr.type=\"string\"/><graph edgedefault=\"undirected\"><node id=\"x\"><data key=\"n\">1</data>"
            "<data key=\"m\">2</data></node><node id=\"y\"/><edge source=\"x\" target=\"y\"><data key=\"e\">3</data>"
            "</edge></graph></graphml>",
        "f.graphml");
  };
  SECTION("a name equal to another once trimmed") {
    Network g = graphml("vip ", "note");
    CHECK_THROWS_WITH(io::nodes_csv_text(g), Catch::Contains("'vip' would read back as column 'vip '") &&
                                               Catch::Contains("trimmed"));
    CHECK_NOTHROW(io::edges_csv_text(g));
  }
  SECTION("a name equal to a model column once trimmed") {
    Network g = graphml("age", "timestamp ");
    CHECK_NOTHROW(io::nodes_csv_text(g));
    CHECK_THROWS_AS(io::edges_csv_text(g), InvalidArgument);
    CHECK_THROWS_AS(io::nodes_csv_text(graphml(" label", "note")), InvalidArgument);
  }
  SECTION("a blank name") {
    CHECK_THROWS_WITH(io::nodes_csv_text(graphml(" ", "note")), Catch::Contains("blank name"));
    CHECK_THROWS_AS(io::edges_csv_text(graphml("age", "\t")), InvalidArgument);
  }
  SECTION("a name that only loses blanks reads back trimmed") {
    Network g = graphml("age\t", "note");
    std::string nodes = io::nodes_csv_text(g);
    Network b = io::read_csv_text(io::edges_csv_text(g), "edges.csv", std::string_view(nodes), "nodes.csv");
    REQUIRE(b.nodes().attrs.size() == 2);
    CHECK(b.nodes().attrs[0].name == "age");
  }
}

TEST_CASE("csv writer refuses ids that differ only by surrounding spaces", "[io]") {
  // found by fuzz_pajek's round trip: Pajek keeps ids '3' and '3 ' apart,
  // read_csv refuses them, so writing them would give a file that cannot be read
  NetworkBuilder b(false, "unknown", "edge");
  auto [u, ok1] = b.add_node("3", "unknown");
  auto [v, ok2] = b.add_node("3 ", "unknown");
  b.add_edge(u, v, "edge", 1.0);
  Network net = b.finish();
  REQUIRE_THROWS_AS(io::nodes_csv_text(net), InvalidArgument);
  REQUIRE_THROWS_AS(io::edges_csv_text(net), InvalidArgument);
}

TEST_CASE("CSV: formula_safe prefixes formula-like text cells, never numbers", "[io][csv]") {
  const std::string edges =
      "source,target,weight,amount,note\n"
      "=cmd|' /C calc'!A0,b,-1.5,-20,@SUM(1)\n"
      "+x,-y,2,3,plain\n";
  const std::string nodes =
      "id,type,label,age\n"
      "=cmd|' /C calc'!A0,person,-label,-5\n"
      "b,person,\"\tTab\",7\n"
      "+x,person,,1\n"
      "-y,=t,@l,2\n";
  io::CsvOptions o;
  o.directed = true;
  const Network net = io::read_csv_text(edges, "edges.csv", std::string_view(nodes), "nodes.csv", o);
  // default: exact, the round trip keeps every value
  CHECK(io::edges_csv_text(net).find("\n=cmd|' /C calc'!A0,b,edge,-1.5,-20,@SUM(1)\n") != std::string::npos);
  const std::string safe_edges = io::edges_csv_text(net, true), safe_nodes = io::nodes_csv_text(net, true);
  CHECK(safe_edges.find("\n'=cmd|' /C calc'!A0,b,edge,-1.5,-20,'@SUM(1)\n") != std::string::npos);
  CHECK(safe_edges.find("\n'+x,'-y,edge,2,3,plain\n") != std::string::npos);
  CHECK(safe_nodes.find("\n'=cmd|' /C calc'!A0,person,'-label,-5\n") != std::string::npos);
  CHECK(safe_nodes.find("\nb,person,'\tTab,7\n") != std::string::npos);
  CHECK(safe_nodes.find("\n'-y,'=t,'@l,2\n") != std::string::npos);
  const Network back = io::read_csv_text(safe_edges, "e", std::string_view(safe_nodes), "n", o);
  CHECK(back.nodes().ids[0] == "'=cmd|' /C calc'!A0");  // documented: not a round trip
}

TEST_CASE("CSV: formula_safe leaves plain signed numbers as written", "[io][csv]") {
  const std::string edges =
      "source,target,note\n"
      "+4915112345678,-12.5,+1e5\n"
      "-.5,+1.,+1e\n"
      "+,-,-1-1\n";
  io::CsvOptions o;
  const Network net = io::read_csv_text(edges, "edges.csv", std::nullopt, "", o);
  const std::string safe = io::edges_csv_text(net, true);
  CHECK(safe.find("\n+4915112345678,-12.5,edge,1,+1e5\n") != std::string::npos);
  CHECK(safe.find("\n-.5,+1.,edge,1,'+1e\n") != std::string::npos);   // "+1e" is no number
  CHECK(safe.find("\n'+,'-,edge,1,'-1-1\n") != std::string::npos);   // a formula, not a number
}
