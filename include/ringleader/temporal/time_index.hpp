// ringleader/temporal/time_index.hpp - one sorted edge index for time windows
// and time-respecting paths.
//
// The edges that have a timestamp, sorted by (timestamp, edge index), built
// once in O(m log m).  A window [start, end) is then a contiguous range
// found by binary search, so the network of each of many windows costs
// O(window edges) (plus its nodes) instead of a scan of every edge.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include "ringleader/core/memory.hpp"
#include "ringleader/graph/network.hpp"

namespace ringleader::temporal {

class TimeIndex {
 public:
  /// Indexes `net`, which must outlive the index.
  explicit TimeIndex(const Network& net) : net_(&net) {
    const EdgeTable& e = net.edges();
    memory::reserve_check(memory::mul(e.size(), 16), "the time index");
    order_.reserve(e.size());
    for (std::size_t i = 0; i < e.size(); ++i)
      if (e.time(i) != kNoTime) order_.push_back(i);
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return e.time(a) < e.time(b); });
    times_.reserve(order_.size());
    for (std::size_t i : order_) times_.push_back(e.time(i));
  }

  const Network& network() const { return *net_; }
  /// Edge indices with a timestamp, by (timestamp, index).
  const std::vector<std::size_t>& order() const { return order_; }
  /// Their timestamps (ns, nondecreasing).
  const std::vector<std::int64_t>& times() const { return times_; }
  std::size_t size() const { return order_.size(); }

  /// Positions [lo, hi) in order() of the edges with start <= t < end.
  std::pair<std::size_t, std::size_t> range(std::optional<std::int64_t> start, std::optional<std::int64_t> end) const {
    const std::size_t lo =
        start ? std::size_t(std::lower_bound(times_.begin(), times_.end(), *start) - times_.begin()) : 0;
    std::size_t hi = end ? std::size_t(std::lower_bound(times_.begin(), times_.end(), *end) - times_.begin())
                         : times_.size();
    return {lo, std::max(lo, hi)};
  }

  /// The network of the window [start, end): its edges in their original
  /// order with every column, and every node or only their endpoints.
  Network window(std::optional<std::int64_t> start, std::optional<std::int64_t> end, bool active_only) const {
    auto [lo, hi] = range(start, end);
    return net_->edge_subnetwork(std::vector<std::size_t>(order_.begin() + long(lo), order_.begin() + long(hi)),
                                 active_only);
  }

 private:
  const Network* net_;
  std::vector<std::size_t> order_;
  std::vector<std::int64_t> times_;
};

}  // namespace ringleader::temporal
