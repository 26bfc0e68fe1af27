// ringleader/resolve/passthrough.hpp - evidence "money passed on at once"
// between accounts: money arrives in one account and a similar amount leaves
// another account within minutes - the same person moving it through two
// accounts he controls.
//
// An event is a pair (incoming transfer to a at t with amount x, outgoing
// transfer from b != a at t' in [t, t + window] with |x' - x| <= tolerance *
// max(x, x')).  Windows holding more than `max_block` outgoing transfers
// (a busy payment hub) are skipped.  Per ordered pair (a, b) the events are
// counted once per incoming transfer; pairs with fewer than `min_events`
// events, and pairs joined by a transfer in either direction (the money
// simply went from one to the other: a mule chain, not one holder), are
// dropped.  value = events / min(incoming(a), outgoing(b)) (capped at 1);
// count = events.  Transfers without a time are ignored.
//
// Cost: O(m log m) to sort the transfers by time, plus O(window size) per
// incoming transfer (a binary search, then the transfers in the window),
// and O(m log P) for the direct-transfer check.  Deterministic.
//
// Reference: the "pass-through" / rapid movement of funds red flag of the
// FATF (2018), Professional Money Laundering, and FinCEN's mule typologies;
// this test for it is ours.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/graph/types.hpp"
#include "ringleader/resolve/pairs.hpp"

namespace ringleader::resolve {

struct PassthroughOptions {
  std::int64_t window = 600LL * 1000000000;  ///< ns after an incoming transfer
  double tolerance = 0.1;                    ///< relative amount difference allowed
  std::size_t min_events = 2;
  std::size_t max_block = 100;               ///< windows with more outgoing transfers are skipped
  int threads = 0;
  Progress* progress = nullptr;
};

/// Pass-through evidence from the transfers src[e] -> dst[e] (amount[e],
/// time[e]) among the vertices with is_id set (accounts).
inline Pairs passthrough(vertex_t n, const std::vector<char>& is_id, const std::vector<vertex_t>& src,
                         const std::vector<vertex_t>& dst, const std::vector<double>& amount,
                         const std::vector<std::int64_t>& time, const PassthroughOptions& o = {}) {
  const std::size_t m = src.size();
  if (dst.size() != m || amount.size() != m || time.size() != m)
    throw InvalidArgument("transfer arrays differ in length");
  if (is_id.size() != n) throw InvalidArgument("identifier mask has the wrong length");
  if (o.window < 0 || !(o.tolerance >= 0)) throw InvalidArgument("window and tolerance must be >= 0");
  std::vector<std::uint32_t> in(n, 0), out(n, 0);
  std::vector<std::size_t> outs;  // outgoing transfers by time
  for (std::size_t e = 0; e < m; ++e) {
    if (src[e] >= n || dst[e] >= n) throw InvalidArgument("transfer endpoint out of range");
    if (time[e] == kNoTime || !std::isfinite(amount[e]) || src[e] == dst[e]) continue;
    if (is_id[dst[e]]) ++in[dst[e]];
    if (is_id[src[e]]) {
      ++out[src[e]];
      outs.push_back(e);
    }
  }
  std::sort(outs.begin(), outs.end(), [&](std::size_t x, std::size_t y) {
    return time[x] != time[y] ? time[x] < time[y] : x < y;
  });
  std::vector<std::vector<std::uint64_t>> parts(std::size_t(parallel::threads(o.threads)));
  parallel::for_each_cyclic(
      std::int64_t(m),
      [&](int t, std::int64_t ei) {
        const std::size_t e = std::size_t(ei);
        const vertex_t a = dst[e];
        if (time[e] == kNoTime || !std::isfinite(amount[e]) || src[e] == a || !is_id[a]) return;
        auto lo = std::lower_bound(outs.begin(), outs.end(), time[e],
                                   [&](std::size_t x, std::int64_t v) { return time[x] < v; });
        auto hi = std::upper_bound(lo, outs.end(), time[e] + o.window,
                                   [&](std::int64_t v, std::size_t x) { return v < time[x]; });
        if (std::size_t(hi - lo) > o.max_block) return;
        std::vector<std::uint64_t> found;
        for (auto it = lo; it != hi; ++it) {
          const vertex_t b = src[*it];
          const double x = amount[e], y = amount[*it];
          if (b == a || std::fabs(x - y) > o.tolerance * std::max(x, y)) continue;
          found.push_back((std::uint64_t(a) << 32) | b);
        }
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        auto& part = parts[std::size_t(t)];
        part.insert(part.end(), found.begin(), found.end());
      },
      o.threads, 1024);
  std::vector<std::uint64_t> keys = concat(parts);
  std::sort(keys.begin(), keys.end());
  // ordered (a, b) events -> unordered pairs: the direction with more events
  std::vector<std::uint64_t> ukeys;
  std::vector<double> uval;
  std::vector<std::uint32_t> ucount;
  {
    std::vector<std::pair<std::uint64_t, std::pair<std::uint32_t, double>>> rows;
    for (std::size_t i = 0; i < keys.size();) {
      std::size_t j = i;
      while (j < keys.size() && keys[j] == keys[i]) ++j;
      const vertex_t a = vertex_t(keys[i] >> 32), b = vertex_t(keys[i] & 0xFFFFFFFFu);
      const std::uint32_t ev = std::uint32_t(j - i);
      const double v = std::min(1.0, double(ev) / double(std::max<std::uint32_t>(1, std::min(in[a], out[b]))));
      rows.push_back({pair_key(a, b), {ev, v}});
      i = j;
    }
    std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first < y.first : x.second.first > y.second.first ||
                                                          (x.second.first == y.second.first && x.second.second > y.second.second);
    });
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i && rows[i].first == rows[i - 1].first) continue;  // keep the stronger direction
      ukeys.push_back(rows[i].first);
      ucount.push_back(rows[i].second.first);
      uval.push_back(rows[i].second.second);
    }
  }
  Pairs all;
  for (std::size_t i = 0; i < ukeys.size(); ++i) {
    all.a.push_back(vertex_t(ukeys[i] >> 32));
    all.b.push_back(vertex_t(ukeys[i] & 0xFFFFFFFFu));
    all.value.push_back(uval[i]);
    all.count.push_back(ucount[i]);
  }
  const std::vector<char> joined = pairs_joined(all, src, dst);
  std::vector<char> keep(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) keep[i] = !joined[i] && all.count[i] >= o.min_events;
  return select(all, keep);
}

}  // namespace ringleader::resolve
