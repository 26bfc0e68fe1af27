// Tests of the readers' limits: node counts declared by a header checked
// against the memory cap before anything is allocated (Pajek, UCINET DL),
// files that are not regular files (devices, FIFOs) refused without being
// opened, and headers of many columns read in linear time with the right
// column numbers.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "ringleader/core/memory.hpp"
#include "ringleader/io/binary.hpp"
#include "ringleader/io/csv.hpp"
#include "ringleader/io/matrix.hpp"
#include "ringleader/io/pajek.hpp"
#include "ringleader/io/source.hpp"
#include "ringleader/io/ucinet.hpp"

#include "../support/errors.hpp"

using namespace ringleader;
using namespace ringleader::io;

namespace {

struct ScopedLimit {
  explicit ScopedLimit(std::uint64_t b) { memory::set_limit(b); }
  ~ScopedLimit() { memory::set_limit(std::nullopt); }
};

std::string temp_path(const std::string& name) {
  return std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/rl_test_limits_" +
         std::to_string(::getpid()) + "_" + name;
}

template <class F>
std::string error_text(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("limits: declared node counts are checked against the memory cap first", "[io][limits]") {
  ScopedLimit limit(32ull << 20);  // 32 MiB: a million declared nodes need about 200 MB (Pajek), 64 MB (DL)
  const std::string pajek = "*Vertices 1000000\n*Edges\n1 2\n";
  CHECK_THROWS_AS(read_pajek_text(pajek, "big.net"), MemoryLimitError);
  const std::string msg = error_text([&] { read_pajek_text(pajek, "big.net"); });
  INFO(msg);
  CHECK(has(msg, "big.net line 1: the 1000000 nodes declared by '*Vertices 1000000' needs about"));
  CHECK(has(msg, "more than the memory limit of 32.0 MiB"));

  const std::string dl = "dl n=1000000\nformat=edgelist1\ndata:\n1 2\n";
  CHECK_THROWS_AS(read_ucinet_dl_text(dl, "big.dl"), MemoryLimitError);
  CHECK(has(error_text([&] { read_ucinet_dl_text(dl, "big.dl"); }), "big.dl line 1: the 1000000 nodes declared by 'n=1000000'"));
  const std::string two = "dl nr=600000 nc=600000\nformat=edgelist2\ndata:\n1 2\n";
  CHECK(has(error_text([&] { read_ucinet_dl_text(two, "two.dl"); }), "'nr=600000 nc=600000'"));

  // under the cap the same headers read (unlisted vertices get their numbers as ids)
  const Network small = read_pajek_text("*Vertices 1000\n*Edges\n1 2\n", "small.net");
  CHECK(small.number_of_nodes() == 1000);
  CHECK(read_ucinet_dl_text("dl n=1000\nformat=edgelist1\ndata:\n1 2\n", "small.dl").number_of_nodes() == 1000);
  // embedded labels create only the nodes met: not checked against n
  CHECK(read_ucinet_dl_text("dl n=1000000\nformat=edgelist1\nlabels embedded\ndata:\na b\n", "emb.dl").number_of_nodes() == 2);
  // implausibly large for the file (more than 1,000,000 + 16 per byte): refused whatever the cap
  memory::disable_limit();
  rltest::require_parse_error([] { read_pajek_text("*Vertices 2000000\n", "p.net"); }, "p.net", 1,
                              "implausibly large for this file");
}

TEST_CASE("limits: devices and FIFOs are refused without being opened", "[io][limits]") {
  for (const char* dev : {"/dev/zero", "/dev/null"}) {
    rltest::require_parse_error([&] { read_file(dev); }, dev, 0, "is not a regular file (a character device)");
    CHECK_THROWS_AS(read_csv(dev), ParseError);
    BinaryOptions o;
    o.mmap = false;
    rltest::require_parse_error([&] { read_binary(dev, o); }, dev, 0, "is not a regular file (a character device)");
  }
  const std::string fifo = temp_path("fifo");
  std::remove(fifo.c_str());
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // no writer ever opens it: a reader that opened it would wait for ever, so refusing must not open it
  rltest::require_parse_error([&] { read_file(fifo); }, fifo, 0, "is not a regular file (a FIFO (named pipe))");
  rltest::require_parse_error([&] { read_pajek(fifo); }, fifo, 0, "copy the data into a file");
  rltest::require_parse_error([&] { read_binary(fifo); }, fifo, 0, "is not a regular file (a FIFO");
  std::remove(fifo.c_str());
}

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
