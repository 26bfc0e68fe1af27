// Tests of read_ucinet_dl: each supported DL format, written following
// UCINET's DL documentation, and bad inputs.
#include <catch2/catch.hpp>

#include <string>

#include "ringleader/io/ucinet.hpp"

#include "../support/errors.hpp"

using namespace ringleader;
using namespace ringleader::io;

namespace {

std::size_t dl_error_line(const std::string& text) {
  return rltest::error_line([&] { read_ucinet_dl_text(text, "x.dl"); });
}

}  // namespace

TEST_CASE("ucinet: fullmatrix with labels", "[io][ucinet]") {
  SECTION("symmetric -> undirected, labels on one line") {
    Network g = read_ucinet_dl_text(
        "DL N=4\nFORMAT = FULLMATRIX\nLABELS:\nann,bob,carl,dee\nDATA:\n0 1 0 2\n1 0 1 0\n0 1 0 0\n2 0 0 0\n", "x.dl");
    CHECK_FALSE(g.directed());
    CHECK(g.number_of_nodes() == 4);
    CHECK(g.number_of_edges() == 3);
    CHECK(g.find("dee"));
    CHECK(g.edges().weight[1] == 2.0);
  }
  SECTION("asymmetric -> directed, no labels, CRLF, values wrapped over lines") {
    Network g = read_ucinet_dl_text("dl n=3\r\ndata:\r\n0 1 0 0\r\n0 1 0 0 0\r\n", "x.dl");
    CHECK(g.directed());
    CHECK(g.number_of_nodes() == 3);
    CHECK(g.number_of_edges() == 2);
    CHECK(g.id(0) == "1");
  }
  SECTION("labels embedded, quoted labels") {
    Network g = read_ucinet_dl_text(
        "dl n=3 format=fullmatrix\nlabels embedded\ndata:\n\"Mr A\" b c\n\"Mr A\" 0 1 1\nb 1 0 0\nc 1 0 0\n", "x.dl");
    CHECK_FALSE(g.directed());
    CHECK(g.number_of_edges() == 2);
    CHECK(g.find("Mr A"));
  }
  SECTION("directed option") {
    UcinetOptions o;
    o.directed = true;
    Network g = read_ucinet_dl_text("dl n=2\ndata:\n0 1\n1 0\n", "x.dl", o);
    CHECK(g.directed());
    CHECK(g.number_of_edges() == 2);
  }
}

TEST_CASE("ucinet: two-mode fullmatrix and edgelist2", "[io][ucinet]") {
  SECTION("row and column labels") {
    Network g = read_ucinet_dl_text(
        "dl nr=2, nc=3\nrow labels:\np1 p2\ncol labels:\ne1 e2 e3\ndata:\n1 0 1\n0 1 1\n", "x.dl");
    CHECK_FALSE(g.directed());
    CHECK(g.number_of_nodes() == 5);
    CHECK(g.number_of_edges() == 4);
    CHECK(g.node_type(g.at("p1")) == "person");
    CHECK(g.node_type(g.at("e3")) == "event");
  }
  SECTION("labels embedded") {
    Network g = read_ucinet_dl_text("dl nr=2 nc=2\nlabels embedded:\ndata:\ne1 e2\np1 1 0\np2 1 1\n", "x.dl");
    CHECK(g.number_of_nodes() == 4);
    CHECK(g.number_of_edges() == 3);
    CHECK(g.find("p2"));
  }
  SECTION("edgelist2 with embedded labels") {
    Network g = read_ucinet_dl_text(
        "dl nr=3 nc=2 format=edgelist2\nrow labels embedded\ncolumn labels embedded\ndata:\nann m1\nbob m1 2\ncid m2\n",
        "x.dl");
    CHECK(g.number_of_nodes() == 5);
    CHECK(g.number_of_edges() == 3);
    CHECK(g.edges().weight[1] == 2.0);
    CHECK(g.node_type(g.at("m2")) == "event");
  }
  SECTION("edgelist2 with numbers") {
    Network g = read_ucinet_dl_text("dl nr=2 nc=2 format=el2\ndata:\n1 1\n2 2\n", "x.dl");
    CHECK(g.number_of_nodes() == 4);
    CHECK(g.find("c2"));  // unlabelled columns are c1..c<nc>
  }
}

TEST_CASE("ucinet: edgelist1 and nodelist1", "[io][ucinet]") {
  SECTION("edgelist1, numbers, labels list") {
    Network g = read_ucinet_dl_text(
        "dl n=4 format=edgelist1\nlabels:\na,b,c,d\ndata:\n1 2 1\n2 3 3\n1 4\n", "x.dl");
    CHECK(g.directed());  // (1,2) without (2,1): asymmetric
    CHECK(g.number_of_nodes() == 4);
    CHECK(g.number_of_edges() == 3);
    CHECK(g.edges().weight[1] == 3.0);
    CHECK(g.id(g.edges().target[2]) == "d");
  }
  SECTION("edgelist1, symmetric listing -> undirected") {
    Network g = read_ucinet_dl_text("dl n=3 format=edgelist1\nlabels embedded\ndata:\nx y\ny x\ny z 2\nz y 2\n", "x.dl");
    CHECK_FALSE(g.directed());
    CHECK(g.number_of_nodes() == 3);
    CHECK(g.number_of_edges() == 2);
  }
  SECTION("nodelist1") {
    Network g = read_ucinet_dl_text("dl n=5 format=nodelist1\ndata:\n1 2 3 4\n2 5\n", "x.dl");
    CHECK(g.directed());
    CHECK(g.number_of_nodes() == 5);
    CHECK(g.number_of_edges() == 4);
  }
  SECTION("several matrices with matrix labels -> edge types") {
    Network g = read_ucinet_dl_text(
        "dl n=3 nm=2 format=edgelist1\nmatrix labels:\ncalls meets\ndata:\n1 2\n2 1\n!\n2 3\n3 2\n", "x.dl");
    CHECK_FALSE(g.directed());
    REQUIRE(g.number_of_edges() == 2);
    CHECK(g.edge_type(0) == "calls");
    CHECK(g.edge_type(1) == "meets");
  }
  SECTION("several full matrices") {
    Network g = read_ucinet_dl_text("dl n=2 nm=2\nmatrix labels: kin, work\ndata:\n0 1 1 0\n0 0 0 0\n", "x.dl");
    REQUIRE(g.number_of_edges() == 1);
    CHECK(g.edge_type(0) == "kin");
    Network h = read_ucinet_dl_text("dl n=2 nm=2\ndata:\n0 1 1 0\n0 1 1 0\n", "x.dl");
    REQUIRE(h.number_of_edges() == 2);
    CHECK(h.edge_type(1) == "edge_2");
  }
}

TEST_CASE("ucinet: bad inputs", "[io][ucinet]") {
  CHECK(dl_error_line("") == 1);                                          // empty file
  CHECK(dl_error_line("graph n=2\n") == 1);                               // not DL
  CHECK(dl_error_line("dl\ndata:\n") == 1);                               // no size
  CHECK(dl_error_line("dl n=x\n") == 1);                                  // bad size
  CHECK(dl_error_line("dl n=99999999999999999999999\n") == 1);            // huge size
  CHECK(dl_error_line("dl n=2\nformat=pajek\n") == 2);                    // unknown format
  CHECK(dl_error_line("dl n=2\ncolour=blue\n") == 2);                     // unknown keyword
  CHECK(dl_error_line("dl n=3\nlabels:\na b\ndata:\n") == 4);             // too few labels
  CHECK(dl_error_line("dl n=2\ndata:\n0 1\n1\n") == 4);                   // too few values
  CHECK(dl_error_line("dl n=2\ndata:\n0 1\n1 0\n7\n") == 5);              // extra values
  CHECK(dl_error_line("dl n=2\ndata:\n0 1\nx 0\n") == 4);                 // non-numeric
  CHECK(dl_error_line("dl n=2\ndata:\n0 nan\n1 0\n") == 3);               // NaN
  CHECK(dl_error_line("dl n=2 format=edgelist1\ndata:\n1 2\n1 3\n") == 4);    // out of range
  CHECK(dl_error_line("dl n=2 format=edgelist1\ndata:\n1 2 1 1\n") == 3);     // four fields
  CHECK(dl_error_line("dl n=2 format=edgelist1\ndata:\n1\n") == 3);           // one field
  CHECK(dl_error_line("dl n=2 format=edgelist1\ndata:\n1 2 inf\n") == 3);     // infinite value
  CHECK(dl_error_line("dl n=2 format=el1\nlabels embedded\ndata:\na b\nb c\n") == 5);  // more labels than n
  CHECK(dl_error_line("dl n=2\nlabels:\na a\ndata:\n0 1\n1 0\n") > 0);   // duplicate label
  CHECK(dl_error_line("dl n=2\nlabels:\n\"a b\n") == 3);                  // unterminated quote
  CHECK(dl_error_line(std::string("dl n=2\n\x00\x01\x02", 10)) == 2);    // binary garbage
  CHECK(dl_error_line("dl n=2 nm=2 format=el1\ndata:\n1 2\n!\n2 1\n!\n1 1\n") == 6);  // too many matrices
}

TEST_CASE("ucinet: a repeated label is reported where it is repeated", "[io][ucinet]") {
  const std::string one = "dl n=3\nlabels:\na,b,a\ndata:\n0 1 0\n1 0 0\n0 0 0\n";
  rltest::require_parse_error([&] { read_ucinet_dl_text(one, "x.dl"); }, "x.dl", 3,
                              "duplicate label 'a' (first on line 3)");
  std::size_t column = 0;
  CHECK(rltest::error_line([&] { read_ucinet_dl_text(one, "x.dl"); }, &column) == 3);
  CHECK(column == 5);
  const std::string two = "dl nr=2 nc=2\nrow labels:\na b\ncolumn labels:\nc\na\ndata:\n1 0\n0 1\n";
  rltest::require_parse_error([&] { read_ucinet_dl_text(two, "x.dl"); }, "x.dl", 6,
                              "column label 'a' (first on line 3) is also a row label");
}

// Found by fuzz_ucinet (fuzz/README.md): a size given again after the labels
// (here n=4, four labels, then n=243) made the reader index past the label
// list (heap-buffer-overflow under AddressSanitizer).
TEST_CASE("ucinet: sizes after labels are refused", "[io][ucinet][fuzz]") {
  CHECK(dl_error_line("dl n=4\nlabels:\na,b,c,d\nn=243 format=edgelist1\ndata:\n1 2\n5 2\n") == 4);
  CHECK(dl_error_line("dl n=2\nlabels:\na b\nn=1\ndata:\n0\n") == 4);
  CHECK(dl_error_line("dl nr=2 nc=2\nrow labels:\na b\nnr=3\ndata:\n1 0\n0 1\n1 1\n") == 4);
  CHECK(dl_error_line("dl n=2 nm=2\nmatrix labels: kin, work\nnm=3\ndata:\n0 1 1 0\n0 0 0 0\n") == 3);
  CHECK(dl_error_line("dl n=3 nr=2 nc=2\nlabels:\na b c\ndata:\n1 0\n0 1\n") == 1);  // 3 labels for 2 rows
  CHECK_THROWS_WITH(read_ucinet_dl_text("dl n=2\nlabels: a b\nn=3\ndata:\n", "x.dl"),
                    Catch::Contains("comes after labels"));
}

// Found by fuzz_ucinet (fuzz/README.md): in a one-mode edge list with only the
// column labels embedded, labels went into the one node list that the row
// numbers index, and the nodes were read past its end (allocation-size-too-big
// under AddressSanitizer).
TEST_CASE("ucinet: one-mode lists embed both labels or neither", "[io][ucinet][fuzz]") {
  CHECK(dl_error_line("dl n=529 format=edgelist1\ncolumn labels embedded\ndata:\n1 2\n5 2\n1 3\n") == 4);
  CHECK(dl_error_line("dl n=3 format=edgelist1\nrow labels embedded\ndata:\na 2\n") == 4);
  CHECK(dl_error_line("dl n=3 format=nodelist1\ncol labels embedded:\ndata:\n1 b c\n") == 4);
  CHECK_THROWS_WITH(read_ucinet_dl_text("dl n=2 format=edgelist1\ncolumn labels embedded\ndata:\n", "x.dl"),
                    Catch::Contains("only column labels are embedded in this one-mode list"));
  Network g = read_ucinet_dl_text("dl n=3 format=edgelist1\nlabels embedded\ndata:\na b\nb c\n", "x.dl");
  CHECK(g.number_of_nodes() == 3);
}
