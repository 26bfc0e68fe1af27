// Tests of read_pajek.  Expected counts of the first cases were checked with
// networkx.parse_pajek (networkx 3.x): "undirected" -> MultiGraph 4 nodes 4
// edges, "arcs" -> MultiDiGraph 3 nodes 4 edges.  (networkx reads only the
// first pair of an *Arcslist line, so list sections are checked by hand.)
#include <catch2/catch.hpp>

#include <string>

#include "ringleader/io/pajek.hpp"

#include "../support/errors.hpp"

using namespace ringleader;
using namespace ringleader::io;

namespace {

std::size_t pj_error_line(const std::string& text) {
  return rltest::error_line([&] { read_pajek_text(text, "p.net"); });
}

}  // namespace

TEST_CASE("pajek: undirected edges with labels and coordinates", "[io][pajek]") {
  Network g = read_pajek_text(
      "*Vertices 4\n1 \"Ann\" 0.1 0.2 0.3\n2 \"Bob\"\n3 \"Carl Jr\"\n4 \"Dee\"\n*Edges\n1 2 2\n2 3\n3 4 1.5\n4 1\n",
      "p.net");
  CHECK_FALSE(g.directed());
  CHECK(g.number_of_nodes() == 4);
  CHECK(g.number_of_edges() == 4);
  CHECK(g.find("Carl Jr"));
  CHECK(g.edges().weight[0] == 2.0);
  CHECK(g.edges().weight[1] == 1.0);
  CHECK(g.edges().weight[2] == 1.5);
  CHECK(g.node_type(0) == "unknown");
  CHECK(g.edge_type(0) == "edge");
}

TEST_CASE("pajek: arcs, CRLF, comments, case-insensitive keywords", "[io][pajek]") {
  PajekOptions o;
  o.node_type = "person";
  o.edge_type = "call";
  Network g = read_pajek_text(
      "% exported\r\n*Network test\r\n*VERTICES 3\r\n1 \"a\"\r\n2 b\r\n3 \"c\"\r\n%c\r\n*arcs\r\n1 2 1\r\n2 3 4 c Red\r\n3 1 "
      "w 2\r\n1 3",
      "p.net", o);
  CHECK(g.directed());
  CHECK(g.number_of_nodes() == 3);
  CHECK(g.number_of_edges() == 4);
  CHECK(g.find("b"));
  CHECK(g.edges().weight[1] == 4.0);
  CHECK(g.edges().weight[2] == 1.0);  // "w 2" is a drawing parameter, not the weight
  CHECK(g.node_type(0) == "person");
  CHECK(g.edge_type(0) == "call");
}

TEST_CASE("pajek: unlisted vertices, lists, mixed sections", "[io][pajek]") {
  SECTION("vertices without lines get their number as id") {
    Network g = read_pajek_text("*Vertices 5\n2 \"two\"\n*Edges\n1 2\n4 5\n", "p.net");
    CHECK(g.number_of_nodes() == 5);
    CHECK(g.id(0) == "1");
    CHECK(g.id(1) == "two");
    CHECK(g.id(4) == "5");
  }
  SECTION("arcslist + edgeslist = mixed -> directed") {
    Network g = read_pajek_text(
        "*Vertices 5\n1 \"v1\"\n2 \"v2\"\n3 \"v3\"\n4 \"v4\"\n5 \"v5\"\n*Arcslist\n1 2 3 4\n2 5\n*Edgeslist\n3 4 5\n",
        "p.net");
    CHECK(g.directed());
    CHECK(g.number_of_nodes() == 5);
    CHECK(g.number_of_edges() == 8);  // 1->2,1->3,1->4,2->5 + (3,4),(3,5) as two arcs each
    CHECK(g.edge_type(4) == "edge");
    CHECK(g.id(g.edges().source[4]) == "v3");
    CHECK(g.id(g.edges().target[5]) == "v3");
  }
  SECTION("mixed: arcs keep edge_type, edges become two arcs typed 'edge'") {
    PajekOptions o;
    o.edge_type = "call";
    Network g = read_pajek_text("*Vertices 3\n*Arcs\n1 2\n*Edges\n2 3 5\n", "p.net", o);
    CHECK(g.directed());
    REQUIRE(g.number_of_edges() == 3);
    CHECK(g.edge_type(0) == "call");
    CHECK(g.edge_type(1) == "edge");
    CHECK(g.edges().weight[2] == 5.0);
  }
  SECTION("relation names become edge types") {
    Network g = read_pajek_text("*Vertices 2\n*Arcs :1 \"calls\"\n1 2\n*Arcs :2 \"meets\"\n2 1\n", "p.net");
    CHECK(g.edge_type(0) == "calls");
    CHECK(g.edge_type(1) == "meets");
  }
  SECTION("*Matrix") {
    Network g = read_pajek_text("*Vertices 3\n*Matrix\n0 1 0\n0 0 2\n1 0 0\n", "p.net");
    CHECK(g.directed());
    CHECK(g.number_of_edges() == 3);
    CHECK(g.edges().weight[1] == 2.0);
  }
  SECTION("two-mode vertices get a mode attribute") {
    Network g = read_pajek_text("*Vertices 3 2\n1 \"p1\"\n2 \"p2\"\n3 \"e1\"\n*Edges\n1 3\n2 3\n", "p.net");
    REQUIRE(g.nodes().attrs.size() == 1);
    CHECK(g.nodes().attrs[0].name == "mode");
    CHECK(g.nodes().attrs[0].numbers[0] == 1.0);
    CHECK(g.nodes().attrs[0].numbers[2] == 2.0);
  }
  SECTION("*Vertices 0") {
    CHECK(read_pajek_text("*Vertices 0\n", "p.net").number_of_nodes() == 0);
  }
}

TEST_CASE("pajek: bad inputs", "[io][pajek]") {
  CHECK(pj_error_line("") == 1);                                            // empty file
  CHECK(pj_error_line("% only a comment\n") == 1);                          // no *Vertices
  CHECK(pj_error_line("1 2\n") == 1);                                       // data before a section
  CHECK(pj_error_line("*Edges\n1 2\n") == 1);                               // edges before vertices
  CHECK(pj_error_line("*Vertices\n") == 1);                                 // missing count
  CHECK(pj_error_line("*Vertices x\n") == 1);                               // non-numeric count
  CHECK(pj_error_line("*Vertices 99999999999999999999999\n") == 1);         // huge count
  CHECK(pj_error_line("*Vertices 4000000000\n") == 1);                      // implausible count
  CHECK(pj_error_line("*Vertices 2\n1 \"a\"\n3 \"c\"\n") == 3);             // vertex out of range
  CHECK(pj_error_line("*Vertices 2\n1 \"a\"\n1 \"b\"\n") == 3);             // vertex listed twice
  CHECK(pj_error_line("*Vertices 2\n1 \"a\"\n2 \"a\"\n") == 3);             // duplicate label
  CHECK(pj_error_line("*Vertices 2\n1 \"2\"\n") == 2);                      // label clashes with a number id
  CHECK(pj_error_line("*Vertices 2\n1 \"a\n") == 2);                        // unterminated quote
  CHECK(pj_error_line("*Vertices 2\n*Edges\n1 3\n") == 3);                  // target out of range
  CHECK(pj_error_line("*Vertices 2\n*Edges\n0 1\n") == 3);                  // vertex 0
  CHECK(pj_error_line("*Vertices 2\n*Edges\n1\n") == 3);                    // one field
  CHECK(pj_error_line("*Vertices 2\n*Edges\n1 x\n") == 3);                  // non-numeric vertex
  CHECK(pj_error_line("*Vertices 2\n*Edges\n1 2 1.5x\n") == 3);             // bad weight
  CHECK(pj_error_line("*Vertices 2\n*Edges\n1 2\n1 2 nan\n") == 4);         // NaN weight
  CHECK(pj_error_line("*Vertices 2\n*Arcs\r\n1 2 -inf\r\n") == 3);          // infinite weight
  CHECK(pj_error_line("*Vertices 2\n*Edges\n1 99999999999999999999999\n") == 3);  // huge vertex number
  CHECK(pj_error_line("*Vertices 2\n*Partition x\n") == 2);                 // unknown section
  CHECK(pj_error_line("*Vertices 2\n*Vertices 2\n") == 2);                  // second network
  CHECK(pj_error_line("*Vertices 2\n*Matrix\n0 1\n1\n") == 4);              // short matrix row
  CHECK(pj_error_line("*Vertices 2\n*Matrix\n0 1\n") == 3);                 // missing matrix row
  CHECK(pj_error_line(std::string("*Vertices 2\n\x1f\x8b\x08\0\0", 16)) == 2);  // binary garbage
  try {
    read_pajek_text("*Vertices 3\n*Arcs\n1   7\n", "p.net");
    FAIL("no throw");
  } catch (const ParseError& e) {
    CHECK(e.line() == 3);
    CHECK(e.column() == 5);
    CHECK(e.file() == "p.net");
  }
}
