// Money: a hand-computed trace (both rules), conservation on random
// transfers, and max flow = cut capacity.
#include <catch2/catch.hpp>

#include <numeric>
#include <random>

#include <ringleader/money/freeze.hpp>
#include <ringleader/money/trace.hpp>

using namespace ringleader;
using namespace ringleader::money;

namespace {
Transfers hand() {
  Transfers t;
  t.n = 5;
  const vertex_t s[] = {0, 0, 1, 2, 1, 3}, d[] = {1, 2, 3, 3, 2, 4};
  const double a[] = {5, 3, 4, 5, 2, 6};
  for (int i = 0; i < 6; ++i) {
    t.source.push_back(s[i]);
    t.target.push_back(d[i]);
    t.amount.push_back(a[i]);
    t.time.push_back(i);
  }
  return t;
}
}  // namespace

TEST_CASE("money: hand-computed trace and cut", "[money]") {
  Transfers t = hand();
  TraceResult p = trace(t, {0});
  CHECK(p.held[4] == Approx(6.0 * 7.0 / 9.0));
  CHECK(p.held[2] == Approx(1.0));
  CHECK(p.emitted == Approx(8.0));
  TraceResult f = trace(t, {0}, Allocation::Fifo);
  CHECK(f.received[4] == Approx(5.2));
  FreezeResult r = freeze_plan(t, {0}, {4});
  CHECK(r.total == Approx(6.0));
  REQUIRE(r.cut_source.size() == 1);
  CHECK(r.cut_source[0] == 3);
  CHECK(r.cut_target[0] == 4);
  FreezeOptions o;
  o.cut = Cut::Accounts;
  r = freeze_plan(t, {0}, {4}, o);
  CHECK(r.cut_accounts == std::vector<vertex_t>{4});
  t.amount[2] = -1;
  CHECK_THROWS_AS(freeze_plan(t, {0}, {4}), InvalidArgument);
  t.amount[2] = 4;
  t.time[1] = kNoTime;
  CHECK_THROWS_AS(trace(t, {0}), InvalidArgument);
}

TEST_CASE("money: conservation and cut = flow on random transfers", "[money]") {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 50; ++trial) {
    Transfers t;
    t.n = 30;
    for (int e = 0; e < 120; ++e) {
      vertex_t u = rng() % t.n, v = rng() % t.n;
      if (u == v) continue;
      t.source.push_back(u);
      t.target.push_back(v);
      t.amount.push_back(double(rng() % 10000) / 100.0);
      t.time.push_back(std::int64_t(rng() % 50));
    }
    for (auto rule : {Allocation::Proportional, Allocation::Fifo}) {
      TraceResult r = trace(t, {0, 1, 2}, rule);
      const double held = std::accumulate(r.held.begin(), r.held.end(), 0.0);
      CHECK(held == Approx(r.emitted).margin(1e-6));
    }
    FreezeResult f = freeze_plan(t, {0, 1}, {28, 29});
    CHECK(f.capacity == Approx(f.total).margin(1e-9));
  }
}
