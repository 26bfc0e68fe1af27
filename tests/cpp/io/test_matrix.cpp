// Tests of read_matrix: the criminal-network matrices of ../shared/data/raw
// (counts from each SOURCE.md) and bad inputs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include "ringleader/io/matrix.hpp"

#include "../support/errors.hpp"

using namespace ringleader;
using namespace ringleader::io;

namespace {

using rltest::shared;
using rltest::shared_data_available;

std::size_t parse_error_line(const std::string& text, const MatrixOptions& opt = {}) {
  return rltest::error_line([&] { read_matrix_text(text, "m.csv", opt); });
}

struct Expect {
  const char* file;
  std::size_t nodes, edges;
  bool directed;
};

}  // namespace

TEST_CASE("matrix: one-mode datasets load with Auto", "[io][matrix][data]") {
  // edges: undirected edges for symmetric matrices, arcs (= non-zero cells) otherwise
  const Expect cases[] = {
      {"koschade_bali_2002/Koschade_Bali_matrix.csv", 17, 63, false},
      {"london_gang/LONDON_GANG.csv", 54, 315, false},
      {"italian_gangs/ITALIAN_GANGS.csv", 67, 114, false},
      {"siren_auto_theft/SIREN.csv", 44, 103, false},
      {"togo_auto_theft/TOGO.csv", 33, 47, false},
      {"caviar/CAVIAR_FULL.csv", 110, 295, true},
      {"cielnet/CIELNET.csv", 25, 45, true},
      {"natarajan_cocaine_dealing/COCAINE_DEALING.csv", 28, 40, true},
      {"natarajan_heroin_dealing/HEROIN_DEALING.csv", 38, 168, true},
      {"montreal_street_gangs/MONTREALGANG.csv", 35, 153, true},
      {"cocaine_smuggling_spain/COCAINE_ACERO.csv", 25, 70, true},
      {"cocaine_smuggling_spain/COCAINE_JAKE.csv", 38, 68, true},
      {"cocaine_smuggling_spain/COCAINE_JUANES.csv", 51, 171, true},
      {"cocaine_smuggling_spain/COCAINE_MAMBO.csv", 31, 110, true},
      {"caviar/phases/phase1.csv", 15, 26, true},
      {"caviar/phases/phase2.csv", 24, 35, true},
      {"caviar/phases/phase3.csv", 33, 68, true},
      {"caviar/phases/phase4.csv", 33, 65, true},
      {"caviar/phases/phase5.csv", 32, 50, true},
      {"caviar/phases/phase6.csv", 27, 68, true},
      {"caviar/phases/phase7.csv", 36, 63, true},
      {"caviar/phases/phase8.csv", 42, 75, true},
      {"caviar/phases/phase9.csv", 34, 60, true},
      {"caviar/phases/phase10.csv", 42, 68, true},
      {"caviar/phases/phase11.csv", 41, 72, true},
      // Noordin square sheets: a few column headers differ from the row names
      // (matched by position).  Symmetric sheets give undirected edges.
      {"noordin_top/02b_person_x_person_classmates.csv", 139, 409, true},
      {"noordin_top/03_person_x_person_communication.csv", 139, 312, false},
      {"noordin_top/04_person_x_person_kinship.csv", 139, 96, true},
      {"noordin_top/08_person_x_person_friendship.csv", 139, 285, true},
      {"noordin_top/09b_person_x_person_soulmates.csv", 139, 17, false},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    if (!shared_data_available(c.file)) return;
    Network g = read_matrix(shared(c.file));
    CHECK(g.number_of_nodes() == c.nodes);
    CHECK(g.number_of_edges() == c.edges);
    CHECK(g.directed() == c.directed);
  }
}

TEST_CASE("matrix: dataset details", "[io][matrix][data]") {
  if (!shared_data_available("koschade_bali_2002/Koschade_Bali_matrix.csv")) return;
  Network g = read_matrix(shared("koschade_bali_2002/Koschade_Bali_matrix.csv"));
  REQUIRE(g.find("Samudra"));
  double total = 0;
  for (double w : g.edges().weight) total += w;
  CHECK(total > 63);  // weighted 1..5
  CHECK(g.node_type(0) == "unknown");
  // CAVIAR header cell is "" (quoted), ids are the numbers; BOM stripped.
  Network c = read_matrix(shared("caviar/CAVIAR_FULL.csv"));
  CHECK(c.find("1"));
  CHECK(c.find("110"));
  double cw = 0;
  for (double w : c.edges().weight) cw += w;
  CHECK(cw == 3546);
  // Reading a symmetric matrix as directed gives every non-zero cell.
  MatrixOptions d;
  d.directed = true;
  CHECK(read_matrix(shared("london_gang/LONDON_GANG.csv"), d).number_of_edges() == 630);
  // An asymmetric matrix with directed = false is refused.
  MatrixOptions u;
  u.directed = false;
  CHECK_THROWS_AS(read_matrix(shared("cielnet/CIELNET.csv"), u), ParseError);
}

TEST_CASE("matrix: two-mode datasets load with Auto", "[io][matrix][data]") {
  struct TwoMode { const char* file; std::size_t rows, cols, edges; };
  const TwoMode cases[] = {
      {"davis_southern_women/davis.csv", 18, 14, 89},
      {"ndrangheta_infinito/NDRANGHETAMAFIA_2M.csv", 156, 47, 455},
      {"noordin_top/01_person_x_organization.csv", 139, 32, 135},
      {"noordin_top/02a_person_x_school.csv", 139, 25, 73},
      {"noordin_top/05_person_x_training_event.csv", 139, 15, 83},
      {"noordin_top/06_person_x_business_finance.csv", 139, 12, 27},
      {"noordin_top/07_person_x_operation.csv", 139, 14, 81},
      {"noordin_top/09a_person_x_religious_affiliation.csv", 139, 8, 19},
      {"noordin_top/10_person_x_logistical_place.csv", 139, 35, 64},
      {"noordin_top/11_person_x_logistical_function.csv", 139, 4, 68},
      {"noordin_top/12_person_x_meeting.csv", 139, 20, 71},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    if (!shared_data_available(c.file)) return;
    Network g = read_matrix(shared(c.file));
    CHECK(g.number_of_nodes() == c.rows + c.cols);
    CHECK(g.number_of_edges() == c.edges);
    CHECK_FALSE(g.directed());
    std::size_t persons = 0;
    for (vertex_t v = 0; v < g.number_of_nodes(); ++v) persons += g.node_type(v) == "person";
    CHECK(persons == c.rows);
  }
  Network d = read_matrix(shared("davis_southern_women/davis.csv"));
  CHECK(d.node_type(d.at("EVELYN")) == "person");
  CHECK(d.node_type(d.at("E14")) == "event");
  // quoted column labels with commas and doubled quotes
  Network n = read_matrix(shared("ndrangheta_infinito/NDRANGHETAMAFIA_2M.csv"));
  CHECK(n.find("18/10/2007(L), summit-dinner at \"la cadgrega\" restaurant in Limito di Pioltello (Mi)"));
}

TEST_CASE("matrix: small inputs", "[io][matrix]") {
  SECTION("symmetric one-mode, CRLF, empty cells, trailing commas") {
    Network g = read_matrix_text(",a,b,c,\r\na,0,2,,\r\nb,2,0,1,\r\nc,,1,1,\r\n", "m.csv");
    CHECK_FALSE(g.directed());
    CHECK(g.number_of_nodes() == 3);
    CHECK(g.number_of_edges() == 3);  // a-b, b-c, c-c (diagonal = self-loop)
    CHECK(g.edges().weight[0] == 2);
  }
  SECTION("asymmetric one-mode is directed") {
    Network g = read_matrix_text(",a,b\na,0,1\nb,0,0\n", "m.csv");
    CHECK(g.directed());
    CHECK(g.number_of_edges() == 1);
  }
  SECTION("explicit modes and types") {
    MatrixOptions o;
    o.mode = MatrixMode::TwoMode;
    o.row_type = "suspect";
    o.column_type = "meeting";
    Network g = read_matrix_text(";m1;m2\np1;1;0\np2;1;1\n", "m.csv", [&] { auto x = o; x.delimiter = ';'; return x; }());
    CHECK(g.number_of_nodes() == 4);
    CHECK(g.number_of_edges() == 3);
    CHECK(g.node_type(g.at("p1")) == "suspect");
    CHECK(g.node_type(g.at("m2")) == "meeting");
    MatrixOptions one;
    one.mode = MatrixMode::OneMode;
    CHECK(read_matrix_text(",x,y\na,0,1\nb,1,0\n", "m.csv", one).number_of_edges() == 1);
  }
  SECTION("quoted labels") {
    Network g = read_matrix_text("\"\",\"a, b\",\"c\"\"d\"\n\"a, b\",0,1\n\"c\"\"d\",1,0\n", "m.csv");
    CHECK(g.find("a, b"));
    CHECK(g.find("c\"d"));
  }
}

TEST_CASE("matrix: bad inputs", "[io][matrix]") {
  MatrixOptions one;
  one.mode = MatrixMode::OneMode;
  CHECK(parse_error_line("") == 1);                                      // empty file
  CHECK(parse_error_line(",a,b\n") == 1);                                // no rows
  CHECK(parse_error_line(",a,b\na,0,1\nb,1\n") == 3);                    // short row
  CHECK(parse_error_line(",a,b\na,0,1,5\nb,1,0\n") == 2);                // extra cell
  CHECK(parse_error_line(",a,b\na,0,x\nb,1,0\n") == 2);                  // non-numeric
  CHECK(parse_error_line(",a,b\na,0,nan\nb,1,0\n") == 2);                // NaN
  CHECK(parse_error_line(",a,b\na,0,inf\nb,1,0\n") == 2);                // infinity
  CHECK(parse_error_line(",a,b\na,0,1\nb,1,0\nc,1,1\n", one) == 4);      // not square
  CHECK(parse_error_line(",a,b\na,0,1\na,1,0\n") == 3);                  // duplicate row id
  CHECK(parse_error_line(",a,\"b\nb,1,0\n") == 1);                       // unterminated quote
  CHECK(parse_error_line(",x,y\na,0,1\nx,1,0\nc,0,0\n") == 1);           // two-mode id clash (column on header)
  CHECK(parse_error_line(std::string("\x89PNG\r\n\x1a\n\0\0", 10)) == 1); // binary garbage
  try {
    read_matrix_text(",a,b\na,0,1\nb,1,zz\n", "m.csv");
    FAIL("no throw");
  } catch (const ParseError& e) {
    CHECK(e.line() == 3);
    CHECK(e.column() == 5);
  }
  MatrixOptions und;
  und.directed = false;
  CHECK(parse_error_line(",a,b\na,0,1\nb,0,0\n", und) == 2);  // asymmetric, undirected requested
}
