// Tests of read_edgelist: SNAP Enron (../shared), small inputs, bad inputs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "ringleader/io/edgelist.hpp"

#include "../support/errors.hpp"

using namespace ringleader;
using namespace ringleader::io;

namespace {

std::size_t el_error_line(const std::string& text, std::size_t* column = nullptr) {
  return rltest::error_line([&] { read_edgelist_text(text, "e.txt"); }, column);
}

}  // namespace

TEST_CASE("edgelist: SNAP email-Enron", "[io][edgelist][data]") {
  if (!rltest::shared_data_available("enron_email_snap/email-Enron.txt")) return;
  const std::string path = rltest::shared("enron_email_snap/email-Enron.txt");
  EdgelistOptions o;
  o.directed = true;
  Network g = read_edgelist(path, o);
  CHECK(g.directed());
  CHECK(g.number_of_nodes() == 36692);
  CHECK(g.number_of_edges() == 367662);
  CHECK(g.find("0"));
  CHECK(g.node_type(0) == "unknown");
}

TEST_CASE("edgelist: small inputs", "[io][edgelist]") {
  SECTION("LF, tabs, weights, comments, blank lines") {
    Network g = read_edgelist_text("# comment\n\na b\n  # indented comment\nb\tc 2.5\n\t \nc a 1e1\n", "e.txt");
    CHECK_FALSE(g.directed());
    CHECK(g.number_of_nodes() == 3);
    CHECK(g.number_of_edges() == 3);
    CHECK(g.edges().weight[0] == 1.0);
    CHECK(g.edges().weight[1] == 2.5);
    CHECK(g.edges().weight[2] == 10.0);
    CHECK(g.id(0) == "a");
    CHECK(g.id(2) == "c");
  }
  SECTION("CRLF, no final newline, options") {
    EdgelistOptions o;
    o.directed = true;
    o.node_type = "phone";
    o.edge_type = "call";
    o.comments = "%";
    Network g = read_edgelist_text("% header\r\n1 2\r\n2 1 3\r\n1 1", "e.txt", o);
    CHECK(g.directed());
    CHECK(g.number_of_nodes() == 2);
    CHECK(g.number_of_edges() == 3);
    CHECK(g.node_type(0) == "phone");
    CHECK(g.edge_type(0) == "call");
    CHECK(g.edges().weight[1] == 3.0);
    CHECK(g.id(1) == "2");  // no "\r" in ids
  }
  SECTION("'#' is data when comments is another prefix") {
    EdgelistOptions o;
    o.comments = "//";
    Network g = read_edgelist_text("#a #b\n// x\n", "e.txt", o);
    CHECK(g.find("#a"));
  }
  SECTION("UTF-8 BOM and ids") {
    Network g = read_edgelist_text("\xEF\xBB\xBFJos\xC3\xA9 Mar\xC3\xAD" "a\n", "e.txt");
    CHECK(g.find("Jos\xC3\xA9"));
  }
}

TEST_CASE("edgelist: bad inputs", "[io][edgelist]") {
  std::size_t col = 0;
  CHECK(el_error_line("a b\nlonely\n", &col) == 2);  // one field
  CHECK(col == 1);
  CHECK(el_error_line("a b\r\nc d\r\na b 1 2\r\n", &col) == 3);  // four fields
  CHECK(col == 7);
  CHECK(el_error_line("a b x\n", &col) == 1);  // non-numeric weight
  CHECK(col == 5);
  CHECK(el_error_line("a b 1\na c nan\n") == 2);
  CHECK(el_error_line("a b inf\n") == 1);
  CHECK(el_error_line("a b -Infinity\n") == 1);
  CHECK(el_error_line("a b 1e999\n") == 1);  // overflows to infinity
  CHECK(el_error_line("") == 1);             // empty file
  CHECK(el_error_line("# only\n# comments\n") == 2);
  CHECK(el_error_line(std::string("a b\n\x7f" "ELF\x02\x01\x01\0\0\0", 14)) == 2);  // binary garbage (NUL)
  CHECK(el_error_line("a b\n\xff\xfe junk\n") == 2);                                    // invalid UTF-8
  CHECK(el_error_line("a b " + std::string(100000, '9') + "\n") == 1);               // huge number -> inf
  // a huge field is just a long id
  Network g = read_edgelist_text(std::string(200000, 'x') + " y\n", "e.txt");
  CHECK(g.number_of_nodes() == 2);
}
