// Entity-resolution evidences: every kernel against an all-pairs serial
// verifier on random inputs (blocking must find exactly the pairs the
// definitions give), the same result for 1 and 3 threads, hubs, and the
// clustering guards (size cap, SIM box).
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include <ringleader/resolve/cluster.hpp>
#include <ringleader/resolve/colocation.hpp>
#include <ringleader/resolve/handset.hpp>
#include <ringleader/resolve/passthrough.hpp>
#include <ringleader/resolve/succession.hpp>

using namespace ringleader;
using namespace ringleader::resolve;

namespace {
using Map = std::map<std::pair<vertex_t, vertex_t>, std::pair<double, std::uint32_t>>;
Map as_map(const Pairs& p) {
  Map m;
  for (std::size_t i = 0; i < p.size(); ++i) {
    REQUIRE(p.a[i] < p.b[i]);
    m[{p.a[i], p.b[i]}] = {p.value[i], p.count[i]};
  }
  return m;
}
void same(const Map& x, const Map& y) {
  REQUIRE(x.size() == y.size());
  for (const auto& [k, v] : x) {
    auto it = y.find(k);
    REQUIRE(it != y.end());
    CHECK(v.first == Approx(it->second.first).margin(1e-12));
    CHECK(v.second == it->second.second);
  }
}
}  // namespace

TEST_CASE("resolve: shared key = all pairs sharing a non-hub key", "[resolve]") {
  std::mt19937_64 rng(7);
  std::vector<vertex_t> id;
  std::vector<std::uint64_t> key;
  for (int i = 0; i < 400; ++i) {
    id.push_back(vertex_t(rng() % 120));
    key.push_back(rng() % 90 == 0 ? 999 : rng() % 60);  // key 999 a hub
  }
  SharedKeyOptions o;
  o.max_per_key = 6;
  std::map<std::uint64_t, std::set<vertex_t>> by;
  for (std::size_t i = 0; i < id.size(); ++i) by[key[i]].insert(id[i]);
  Map want;
  std::set<std::uint64_t> hubs;
  for (const auto& [k, s] : by) {
    if (s.size() > o.max_per_key) {
      hubs.insert(k);
      continue;
    }
    for (vertex_t a : s)
      for (vertex_t b : s)
        if (a < b) {
          auto& w = want[{a, b}];
          w.first = 1.0;
          ++w.second;
        }
  }
  for (int threads : {1, 3}) {
    o.threads = threads;
    SharedKey r = shared_key(id, key, o);
    same(as_map(r.pairs), want);
    CHECK(std::set<std::uint64_t>(r.hubs.begin(), r.hubs.end()) == hubs);
  }
  o.max_per_key = 1;
  CHECK_THROWS_AS(shared_key(id, key, o), InvalidArgument);
}

TEST_CASE("resolve: succession = all pairs in the window with a shared contact", "[resolve]") {
  std::mt19937_64 rng(3);
  const vertex_t n = 80;
  std::vector<char> is_id(n, 0);
  for (vertex_t v = 0; v < 50; ++v) is_id[v] = 1;  // 50..79 contacts that are not identifiers
  std::vector<vertex_t> src, dst;
  std::vector<std::int64_t> time;
  for (int e = 0; e < 900; ++e) {
    const vertex_t a = vertex_t(rng() % 50);
    // contacts: mostly non-identifiers; some identifiers active at the same time as a
    const vertex_t c = vertex_t(rng() % 10 ? 50 + rng() % 30 : a % 10 + 10 * (rng() % 5));
    const std::int64_t base = std::int64_t(a % 10) * 30;  // staggered activity
    src.push_back(rng() % 2 ? a : c);
    dst.push_back(src.back() == a ? c : a);
    time.push_back(e % 97 == 0 ? kNoTime : base + std::int64_t(rng() % 25));
  }
  SuccessionOptions o;
  o.max_gap = 15;
  o.overlap = 4;
  o.min_calls = 3;
  o.max_block = 100000;
  for (bool idf : {false, true}) {
    o.idf = idf;
    // serial verifier
    std::vector<std::int64_t> first(n, kNoTime), last(n, kNoTime);
    std::vector<std::uint32_t> calls(n, 0);
    std::vector<std::map<vertex_t, double>> prof(n);
    for (std::size_t e = 0; e < src.size(); ++e) {
      if (time[e] == kNoTime || src[e] == dst[e]) continue;
      for (int s = 0; s < 2; ++s) {
        const vertex_t v = s ? dst[e] : src[e], c = s ? src[e] : dst[e];
        if (!is_id[v]) continue;
        first[v] = first[v] == kNoTime ? time[e] : std::min(first[v], time[e]);
        last[v] = std::max(last[v], time[e]);
        ++calls[v];
        prof[v][c] += 1;
      }
    }
    std::map<vertex_t, double> df;
    double profiles = 0;
    for (vertex_t v = 0; v < n; ++v) {
      if (!is_id[v] || calls[v] < o.min_calls) {
        prof[v].clear();
        continue;
      }
      profiles += 1;
      for (const auto& [c, k] : prof[v]) df[c] += 1;
    }
    Map want;
    for (vertex_t a = 0; a < n; ++a)
      for (vertex_t b = 0; b < n; ++b) {
        if (a == b || prof[a].empty() || prof[b].empty()) continue;
        if (!(first[b] >= last[a] - o.overlap && first[b] <= last[a] + o.max_gap && first[a] < first[b] &&
              last[a] < last[b]))
          continue;
        double dot = 0, na = 0, nb = 0;
        std::uint32_t shared = 0;
        bool block = false;
        for (const auto& [c, k] : prof[a]) {
          if (prof[b].count(c)) block = true;
          if (c == a || c == b) continue;
          const double w = idf ? std::log(1 + profiles / df[c]) : 1.0;
          na += k * w * k * w;
          if (prof[b].count(c)) {
            dot += k * w * prof[b][c] * w;
            ++shared;
          }
        }
        for (const auto& [c, k] : prof[b]) {
          if (c == a || c == b) continue;
          const double w = idf ? std::log(1 + profiles / df[c]) : 1.0;
          nb += k * w * k * w;
        }
        if (!block || shared == 0) continue;
        want[{std::min(a, b), std::max(a, b)}] = {std::min(1.0, dot / std::sqrt(na * nb)), shared};
      }
    REQUIRE(want.size() > 5);
    for (int threads : {1, 3}) {
      o.threads = threads;
      Succession r = succession(n, is_id, src, dst, time, o);
      same(as_map(r.pairs), want);
      for (std::size_t i = 0; i < r.pairs.size(); ++i) {
        const vertex_t old = r.older[i], nw = old == r.pairs.a[i] ? r.pairs.b[i] : r.pairs.a[i];
        CHECK(r.gap[i] == first[nw] - last[old]);
      }
    }
  }
}

TEST_CASE("resolve: co-location = pairs sharing cell windows, never calling", "[resolve]") {
  std::mt19937_64 rng(11);
  const vertex_t n = 60;  // 0..39 phones, 40..59 cells
  std::vector<vertex_t> id, cell, cs, cd;
  std::vector<std::int64_t> time;
  for (int i = 0; i < 1500; ++i) {
    id.push_back(vertex_t(rng() % 40));
    cell.push_back(vertex_t(40 + rng() % 5));
    time.push_back(i % 53 == 0 ? kNoTime : std::int64_t(rng() % 400));
  }
  for (int i = 0; i < 30; ++i) {
    cs.push_back(vertex_t(rng() % 40));
    cd.push_back(vertex_t(rng() % 40));
  }
  ColocationOptions o;
  o.window = 10;
  o.max_block = 8;
  o.min_shared = 2;
  std::int64_t t0 = 1 << 30;
  for (auto t : time)
    if (t != kNoTime) t0 = std::min(t0, t);
  std::map<std::pair<vertex_t, std::int64_t>, std::set<vertex_t>> block;
  std::vector<std::set<std::pair<vertex_t, std::int64_t>>> seen(n);
  for (std::size_t i = 0; i < id.size(); ++i)
    if (time[i] != kNoTime) {
      block[{cell[i], (time[i] - t0) / o.window}].insert(id[i]);
      seen[id[i]].insert({cell[i], (time[i] - t0) / o.window});
    }
  std::set<std::pair<vertex_t, vertex_t>> called;
  for (std::size_t e = 0; e < cs.size(); ++e) called.insert({std::min(cs[e], cd[e]), std::max(cs[e], cd[e])});
  std::map<std::pair<vertex_t, vertex_t>, std::uint32_t> shared;
  for (const auto& [k, s] : block)
    if (s.size() <= o.max_block)
      for (vertex_t a : s)
        for (vertex_t b : s)
          if (a < b) ++shared[{a, b}];
  Map want;
  for (const auto& [p, k] : shared)
    if (k >= o.min_shared && !called.count(p))
      want[p] = {double(k) / double(std::min(seen[p.first].size(), seen[p.second].size())), k};
  REQUIRE(want.size() > 5);
  for (int threads : {1, 3}) {
    o.threads = threads;
    same(as_map(colocation(n, id, cell, time, cs, cd, o).pairs), want);
  }
}

TEST_CASE("resolve: pass-through = in to one, similar amount out of another within the window", "[resolve]") {
  std::mt19937_64 rng(5);
  const vertex_t n = 30;
  std::vector<char> is_id(n, 1);
  std::vector<vertex_t> src, dst;
  std::vector<double> amount;
  std::vector<std::int64_t> time;
  for (int e = 0; e < 600; ++e) {
    src.push_back(vertex_t(rng() % n));
    dst.push_back(vertex_t(rng() % n));
    amount.push_back(double(100 + rng() % 20));
    time.push_back(std::int64_t(rng() % 3000));
  }
  PassthroughOptions o;
  o.window = 10;
  o.tolerance = 0.05;
  o.min_events = 2;
  o.max_block = 100000;
  std::vector<std::uint32_t> in(n, 0), out(n, 0);
  for (std::size_t e = 0; e < src.size(); ++e)
    if (src[e] != dst[e]) ++in[dst[e]], ++out[src[e]];
  std::map<std::pair<vertex_t, vertex_t>, std::uint32_t> events;  // ordered (recipient, sender)
  for (std::size_t e = 0; e < src.size(); ++e) {
    if (src[e] == dst[e]) continue;
    std::set<vertex_t> senders;
    for (std::size_t f = 0; f < src.size(); ++f)
      if (src[f] != dst[f] && src[f] != dst[e] && time[f] >= time[e] && time[f] <= time[e] + o.window &&
          std::fabs(amount[f] - amount[e]) <= o.tolerance * std::max(amount[f], amount[e]))
        senders.insert(src[f]);
    for (vertex_t b : senders) ++events[{dst[e], b}];
  }
  std::set<std::pair<vertex_t, vertex_t>> joined;
  for (std::size_t e = 0; e < src.size(); ++e) joined.insert({std::min(src[e], dst[e]), std::max(src[e], dst[e])});
  std::map<std::pair<vertex_t, vertex_t>, std::pair<std::uint32_t, double>> best;
  for (const auto& [p, k] : events) {
    const double v = std::min(1.0, double(k) / double(std::max<std::uint32_t>(1, std::min(in[p.first], out[p.second]))));
    auto key = std::make_pair(std::min(p.first, p.second), std::max(p.first, p.second));
    auto it = best.find(key);
    if (it == best.end() || k > it->second.first || (k == it->second.first && v > it->second.second))
      best[key] = {k, v};
  }
  Map want;
  for (const auto& [p, kv] : best)
    if (!joined.count(p) && kv.first >= o.min_events) want[p] = {kv.second, kv.first};
  REQUIRE(want.size() > 3);
  for (int threads : {1, 3}) {
    o.threads = threads;
    same(as_map(passthrough(n, is_id, src, dst, amount, time, o)), want);
  }
}

TEST_CASE("resolve: clustering refuses SIM boxes and the size cap", "[resolve]") {
  // 0..3 in hub 7 (a SIM box): pairs 0-1 (0.9), 1-2 (0.8), 2-4 (0.95), 4-5, 5-6 (size cap 3)
  const vertex_t n = 8;
  std::vector<std::uint64_t> off = {0, 1, 2, 3, 4, 4, 4, 4, 4}, hub = {7, 7, 7, 7};
  std::vector<vertex_t> a = {0, 1, 2, 4, 5}, b = {1, 2, 4, 5, 6};
  std::vector<double> s = {0.9, 0.8, 0.95, 0.7, 0.6};
  ClusterOptions o;
  o.max_size = 3;
  Clusters r = cluster(n, a, b, s, off, hub, o);
  CHECK(r.status == std::vector<std::uint8_t>{3, 3, 0, 0, 2});
  CHECK(r.label == std::vector<vertex_t>{0, 1, 2, 3, 2, 2, 6, 7});
  // no hubs: everything joins up to the cap
  r = cluster(n, a, b, s, {}, {}, ClusterOptions{10});
  CHECK(r.status == std::vector<std::uint8_t>{0, 0, 0, 0, 0});
  CHECK(r.label == std::vector<vertex_t>{0, 0, 0, 3, 0, 0, 0, 7});
  CHECK_THROWS_AS(cluster(n, a, b, {0.1}, {}, {}, o), InvalidArgument);
}
