// ringleader/money/trace.hpp - where did the money from some accounts go?
//
// Follows transfers forward in time from a set of source accounts.  Every
// account holds a balance whose *traced* part came from the sources; a
// transfer passes on traced money only if it arrived strictly before the
// transfer (transfers with equal timestamps are simultaneous: all of them are
// paid from the balances before that instant, then credited).  What a source
// account sends is traced in full (it is the money being traced); traced
// money returning to a source stays there.  When an account sends more than
// it holds, the difference is untraced money of unknown origin (its own
// funds).  Which part of a balance a transfer carries is the allocation rule:
//  - Proportional: every transfer carries traced money in the proportion of
//    the balance that is traced (money is mixed; Haircut rule).
//  - Fifo: money leaves in the order it arrived (first in, first out), each
//    arrival keeping its own traced share.
// Per vertex: received (traced money credited), passed_on (traced money sent
// on; 0 for sources), held = received - passed_on; per transfer: the traced
// amount it carried.  Conservation: emitted (what the sources sent) = sum of
// held over all vertices.  Complexity O(m log m) (sorting by time) plus, for
// Fifo, the lots consumed.  Cancellation (`progress`) is checked every few
// thousand instants.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <numeric>
#include <queue>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/types.hpp"

namespace ringleader::money {

enum class Allocation { Proportional, Fifo };

/// Transfers between vertices 0..n-1 (accounts; other vertices never send).
struct Transfers {
  vertex_t n = 0;
  std::vector<vertex_t> source, target;
  std::vector<double> amount;
  std::vector<std::int64_t> time;  ///< ns; required for tracing

  void check(bool need_time) const {
    const std::size_t m = source.size();
    if (target.size() != m || amount.size() != m || (need_time && time.size() != m))
      throw InvalidArgument("transfer arrays differ in length");
    for (std::size_t e = 0; e < m; ++e) {
      if (source[e] >= n || target[e] >= n) throw InvalidArgument("transfer endpoint out of range");
      if (!std::isfinite(amount[e]) || amount[e] < 0)
        throw InvalidArgument("transfer " + std::to_string(e) + " has amount " + std::to_string(amount[e]) +
                              ": amounts must be finite and >= 0 (fix or drop it)");
      if (need_time && time[e] == kNoTime)
        throw InvalidArgument("transfer " + std::to_string(e) +
                              " has no timestamp: tracing follows time; give every transfer a timestamp or drop it");
    }
  }
};

struct TraceResult {
  std::vector<double> received, passed_on, held;  ///< per vertex
  std::vector<double> traced;                      ///< per transfer
  double emitted = 0.0;                            ///< traced money sent by the sources
};

inline TraceResult trace(const Transfers& t, const std::vector<vertex_t>& sources,
                         Allocation rule = Allocation::Proportional, Progress* progress = nullptr) {
  Progress& pr = ringleader::detail::progress_of(progress);
  t.check(true);
  const vertex_t n = t.n;
  const std::size_t m = t.source.size();
  std::vector<char> is_source(n, 0);
  for (vertex_t s : sources) {
    if (s >= n) throw InvalidArgument("source out of range");
    is_source[s] = 1;
  }
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t(0));
  {  // stable sort by time, in blocks then merges, so that cancellation is checked in between
    auto by_time = [&](std::size_t a, std::size_t b) { return t.time[a] < t.time[b]; };
    constexpr std::size_t block = std::size_t(1) << 18;
    for (std::size_t lo = 0; lo < m; lo += block) {
      if (pr.poll()) pr.check();
      std::stable_sort(order.begin() + std::ptrdiff_t(lo), order.begin() + std::ptrdiff_t(std::min(m, lo + block)),
                       by_time);
    }
    for (std::size_t width = block; width < m; width *= 2)
      for (std::size_t lo = 0; lo + width < m; lo += 2 * width) {
        if (pr.poll()) pr.check();
        std::inplace_merge(order.begin() + std::ptrdiff_t(lo), order.begin() + std::ptrdiff_t(lo + width),
                           order.begin() + std::ptrdiff_t(std::min(m, lo + 2 * width)), by_time);
      }
  }
  TraceResult r;
  r.received.assign(n, 0.0);
  r.passed_on.assign(n, 0.0);
  r.traced.assign(m, 0.0);
  std::vector<double> balance(n, 0.0), taint(n, 0.0);
  struct Lot {
    double amount, traced;
  };
  std::vector<std::deque<Lot>> lots(rule == Allocation::Fifo ? n : 0);
  pr.start(m);
  for (std::size_t i = 0, step = 0; i < m; ++step) {
    if (step % 4096 == 0 && pr.poll()) pr.check();
    std::size_t j = i;
    while (j < m && t.time[order[j]] == t.time[order[i]]) ++j;
    for (std::size_t k = i; k < j; ++k) {  // pay, from the balances before this instant
      const std::size_t e = order[k];
      const vertex_t u = t.source[e];
      const double x = t.amount[e];
      double tr = 0.0;
      if (is_source[u]) {
        tr = x;
        r.emitted += x;
      } else if (rule == Allocation::Proportional) {
        if (balance[u] < x) balance[u] = x;  // the rest is untraced money
        tr = balance[u] > 0 ? x * (taint[u] / balance[u]) : 0.0;
        tr = std::min(tr, taint[u]);
        balance[u] -= x;
        taint[u] -= tr;
        r.passed_on[u] += tr;
      } else {
        double need = x;
        auto& q = lots[u];
        while (need > 0 && !q.empty()) {
          Lot& lot = q.front();
          const double take = std::min(need, lot.amount);
          const double part = lot.amount > 0 ? lot.traced * (take / lot.amount) : 0.0;
          tr += part;
          lot.traced -= part;
          lot.amount -= take;
          need -= take;
          if (lot.amount <= 0) q.pop_front();
        }
        r.passed_on[u] += tr;
      }
      r.traced[e] = tr;
    }
    for (std::size_t k = i; k < j; ++k) {  // then credit
      const std::size_t e = order[k];
      const vertex_t v = t.target[e];
      const double tr = r.traced[e];
      r.received[v] += tr;
      if (is_source[v]) continue;
      if (rule == Allocation::Proportional) {
        balance[v] += t.amount[e];
        taint[v] += tr;
      } else if (t.amount[e] > 0) {
        lots[v].push_back({t.amount[e], tr});
      }
    }
    pr.advance(j - i);
    i = j;
  }
  pr.finish();
  r.held.resize(n);
  for (vertex_t v = 0; v < n; ++v) r.held[v] = r.received[v] - r.passed_on[v];
  return r;
}

/// Calls `f(source, target, first, last)` once per ordered pair (source,
/// target) of arcs, in (source, target) order, with order[first..last) the
/// arcs of that pair (`order` sorted by pair): the grouping of parallel
/// transfers shared by widest_paths and freeze_plan.  O(m log m).
template <class F>
void for_each_pair(const std::vector<vertex_t>& src, const std::vector<vertex_t>& dst, F&& f) {
  std::vector<std::size_t> order(src.size());
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return src[a] != src[b] ? src[a] < src[b] : dst[a] < dst[b];
  });
  for (std::size_t k = 0; k < order.size();) {
    const std::size_t e = order[k];
    std::size_t l = k;
    while (l < order.size() && src[order[l]] == src[e] && dst[order[l]] == dst[e]) ++l;
    f(src[e], dst[e], order.data() + k, order.data() + l);
    k = l;
  }
}

/// Widest (maximum-bottleneck) paths from any of `sources` over arcs with
/// weights `w` (e.g. traced money per transfer; parallel arcs are summed
/// first).  Returns per vertex the bottleneck (0 when unreachable, infinity
/// for sources) and the predecessor vertex (kNone).
struct WidestPaths {
  std::vector<double> width;
  std::vector<vertex_t> pred;
};

inline WidestPaths widest_paths(vertex_t n, const std::vector<vertex_t>& src, const std::vector<vertex_t>& dst,
                                const std::vector<double>& w, const std::vector<vertex_t>& sources,
                                Progress* progress = nullptr) {
  Progress& pr = ringleader::detail::progress_of(progress);
  constexpr vertex_t kNone = ~vertex_t(0);
  // aggregate parallel arcs
  std::vector<std::uint64_t> off(std::size_t(n) + 1, 0);
  std::vector<vertex_t> to;
  std::vector<double> cap;
  for_each_pair(src, dst, [&](vertex_t u, vertex_t v, const std::size_t* first, const std::size_t* last) {
    double sum = 0;
    for (const std::size_t* e = first; e != last; ++e) sum += w[*e];
    if (sum > 0) {
      to.push_back(v);
      cap.push_back(sum);
      ++off[std::size_t(u) + 1];
    }
  });
  for (vertex_t v = 0; v < n; ++v) off[v + 1] += off[v];
  WidestPaths r;
  r.width.assign(n, 0.0);
  r.pred.assign(n, kNone);
  std::priority_queue<std::pair<double, vertex_t>> heap;
  for (vertex_t s : sources) {
    r.width[s] = HUGE_VAL;
    heap.push({HUGE_VAL, s});
  }
  for (std::size_t pops = 0; !heap.empty(); ++pops) {
    if (pops % 65536 == 0 && pr.poll()) pr.check();
    auto [wd, v] = heap.top();
    heap.pop();
    if (wd < r.width[v]) continue;
    for (std::uint64_t a = off[v]; a < off[v + 1]; ++a) {
      const double nw = std::min(wd, cap[a]);
      if (nw > r.width[to[a]]) {
        r.width[to[a]] = nw;
        r.pred[to[a]] = v;
        heap.push({nw, to[a]});
      }
    }
  }
  return r;
}

}  // namespace ringleader::money
