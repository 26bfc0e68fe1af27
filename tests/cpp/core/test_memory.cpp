// Size limits of the 32-bit ids and the memory cap.
#include <catch2/catch.hpp>

#include <ringleader/core/memory.hpp>
#include <ringleader/criminal/projection.hpp>
#include <ringleader/graph/builder.hpp>
#include <ringleader/graph/csr.hpp>

using namespace ringleader;

namespace {
/// Sets a cap for the scope of a test, then restores the default.
struct ScopedLimit {
  explicit ScopedLimit(std::uint64_t b) { memory::set_limit(b); }
  ~ScopedLimit() { memory::set_limit(std::nullopt); }
};
}  // namespace

TEST_CASE("node and edge counts beyond the 32-bit ids are refused early", "[core][memory]") {
  CHECK_NOTHROW(memory::check_vertex_count(memory::kMaxNodes));
  CHECK_NOTHROW(memory::check_edge_count(memory::kMaxEdges));
  CHECK_THROWS_AS(memory::check_vertex_count(std::uint64_t(1) << 32), InvalidArgument);
  CHECK_THROWS_WITH(memory::check_vertex_count(std::uint64_t(1) << 32),
                    Catch::Matchers::Contains("vertex ids are 32-bit"));
  CHECK_THROWS_AS(memory::check_edge_count(std::uint64_t(1) << 32, "the input"), InvalidArgument);
  CHECK_THROWS_WITH(memory::check_edge_count(std::uint64_t(1) << 32, "the input"),
                    Catch::Matchers::Contains("the input has 4294967296 edges"));
  CHECK(memory::kMaxNodes < std::uint64_t(std::numeric_limits<vertex_t>::max()));
}

TEST_CASE("sizes parse with suffixes", "[core][memory]") {
  std::optional<std::uint64_t> v;
  CHECK((memory::parse_size("512M", v) && v == 512ull << 20));
  CHECK((memory::parse_size("2G", v) && v == 2ull << 30));
  CHECK((memory::parse_size("1000", v) && v == 1000u));
  CHECK((memory::parse_size("none", v) && !v));
  CHECK_FALSE(memory::parse_size("lots", v));
  CHECK_FALSE(memory::parse_size("-1G", v));
  CHECK_FALSE(memory::parse_size("5X", v));
  // below one byte is not a size (a cap of 0 would mean "no cap")
  CHECK_FALSE(memory::parse_size("0", v));
  CHECK_FALSE(memory::parse_size("0.5", v));
  CHECK_FALSE(memory::parse_size("1e-9", v));
  CHECK((memory::parse_size("1.5", v) && v == 1u));
}

TEST_CASE("estimates above the cap are refused, below pass", "[core][memory]") {
  CHECK(memory::available() > 0);
  CHECK(memory::mul(std::uint64_t(1) << 40, std::uint64_t(1) << 40) == std::numeric_limits<std::uint64_t>::max());
  {
    ScopedLimit cap(1000);
    CHECK(memory::limit() == 1000);
    CHECK_NOTHROW(memory::reserve_check(1000, "x"));
    CHECK_THROWS_AS(memory::reserve_check(5000, "the thing"), MemoryLimitError);
    CHECK_THROWS_WITH(memory::reserve_check(5000, "the thing"),
                      Catch::Matchers::Contains("the thing needs about 4.9 KiB, more than the memory limit of "
                                                "1000 bytes"));
    std::vector<vertex_t> s(100, 0), t(100, 1);  // about 3.9 KiB of arrays
    CHECK(CsrGraph::estimate_bytes(2, 100, false) > 1000);
    CHECK_THROWS_AS(CsrGraph::build(2, false, s, t, nullptr), MemoryLimitError);
  }
  std::vector<vertex_t> s{0, 1, 2}, t{1, 2, 3};
  CHECK(CsrGraph::build(4, false, s, t, nullptr).num_arcs() == 6);
}

TEST_CASE("the projection refuses evidence above the cap", "[core][memory][projection]") {
  NetworkBuilder b(false);
  auto phone = b.add_node("h", "phone").first;
  for (int i = 0; i < 50; ++i) b.add_edge(b.add_node("p" + std::to_string(i), "person").first, phone, "uses");
  Network net = b.finish();
  ScopedLimit cap(4096);
  CHECK_THROWS_AS(criminal::project(net), MemoryLimitError);
  CHECK_THROWS_WITH(criminal::project(net), Catch::Matchers::Contains("pieces of evidence"));
}
