// Progress reports and cancellation.
#include <catch2/catch.hpp>

#include <ringleader/core/parallel.hpp>
#include <ringleader/core/progress.hpp>

using namespace ringleader;

TEST_CASE("progress reports from the owner thread and cancels", "[core][progress]") {
  std::uint64_t last_done = 0, calls = 0;
  Progress p(
      [&](std::uint64_t done, std::uint64_t total) {
        ++calls;
        last_done = done;
        CHECK(total == 1000);
        return done < 500;
      },
      std::chrono::milliseconds(0));
  p.start(1000);
  std::int64_t processed = 0;
  for (int i = 0; i < 1000 && !p.cancelled(); ++i) {
    ++processed;
    p.advance();
  }
  CHECK(p.cancelled());
  CHECK(processed == 500);
  CHECK(last_done == 500);
  CHECK_THROWS_AS(p.check(), Cancelled);
  CHECK(calls >= 500);
}

TEST_CASE("no_progress never cancels; accumulators sum in thread order", "[core][parallel]") {
  Progress& p = no_progress();
  p.start(10);
  p.advance(10);
  CHECK_FALSE(p.cancelled());
  CHECK_NOTHROW(p.check());
  parallel::Accumulators acc(2, 3);
  parallel::for_each_dynamic(100, [&](int t, std::int64_t i) { acc[t][std::size_t(i % 3)] += 1.0; }, 2);
  auto s = acc.sum();
  CHECK(s[0] + s[1] + s[2] == 100);
}
