// Network::collapse: parallel edges merged, in parallel and deterministically.
//
// Two stable counting sorts (graph/buckets.hpp) order the edges by (first
// end, second end) (the unordered pair when undirected), each run of equal
// pairs in edge order; with by_type a run is then sorted stably by type.  A
// group is a run of equal keys, its first edge the run's first.  Groups are
// numbered by their first edge (flags + a blocked prefix sum), as the serial
// collapse numbered them, and every group is aggregated by one thread in
// edge order, so sums round as they did serially: the result is the same
// for any thread count.  O(n + m) time; at most 12 bytes per edge and the
// histograms besides the result.
#include <algorithm>
#include <cmath>

#include "ringleader/graph/buckets.hpp"
#include "ringleader/graph/network.hpp"

namespace ringleader {

namespace {

/// Calls f(k, k2) for every run [k, k2) of `order` between `lo` and `hi`
/// whose edges share their second end (and type, when `types`), sorting each
/// run of equal second ends stably by type first when `sort_types`.
template <class Second, class F>
void for_each_group(std::vector<std::uint32_t>& order, std::uint64_t lo, std::uint64_t hi, Second second,
                    const std::vector<type_t>* types, bool sort_types, F&& f) {
  std::uint64_t k = lo;
  while (k < hi) {
    const vertex_t b = second(order[k]);
    std::uint64_t k2 = k + 1;
    while (k2 < hi && second(order[k2]) == b) ++k2;
    if (!types) {
      f(k, k2);
    } else {
      if (sort_types && k2 - k > 1)
        std::stable_sort(order.begin() + std::ptrdiff_t(k), order.begin() + std::ptrdiff_t(k2),
                         [types](std::uint32_t x, std::uint32_t y) { return (*types)[x] < (*types)[y]; });
      for (std::uint64_t j = k; j < k2;) {
        std::uint64_t j2 = j + 1;
        while (j2 < k2 && (*types)[order[j2]] == (*types)[order[j]]) ++j2;
        f(j, j2);
        j = j2;
      }
    }
    k = k2;
  }
}

}  // namespace

Network Network::collapse(const CollapseOptions& opt) const {
  EdgeTable out;
  out.types = edges_.types;
  Column count{"count", Column::Kind::Number, {}, {}, {}};
  Column first{"first_timestamp", Column::Kind::Time, {}, {}, {}};
  Column last{"last_timestamp", Column::Kind::Time, {}, {}, {}};
  const type_t merged_type = 0;
  if (!opt.by_type) {
    out.types = TypeTable();
    std::string all;
    for (const auto& nm : edges_.types.names()) all += (all.empty() ? "" : "+") + nm;
    if (edges_.size()) out.types.intern(edges_.types.size() == 1 ? edges_.types.name(0) : all);
  }
  const std::vector<double>& weights = edge_numbers(opt.column, false);
  const std::size_t n = nodes_->size(), m = edges_.size();
  const int threads = opt.threads;
  const vertex_t* src = edges_.source.data();
  const vertex_t* dst = edges_.target.data();
  const bool directed = directed_;
  auto first_end = [=](std::uint32_t e) { return directed ? src[e] : std::min(src[e], dst[e]); };
  auto second_end = [=](std::uint32_t e) { return directed ? dst[e] : std::max(src[e], dst[e]); };

  // order: the edges by (first end, second end), runs in edge order; start:
  // the rows (by first end)
  std::vector<std::uint64_t> start;
  // (the first pass carries the first end with the edge: the second pass
  // reads it in sequence instead of gathering it)
  std::vector<std::uint32_t> rank, order;
  {
    std::vector<std::uint64_t> by_second;
    graph::bucket_sort(
        m, n,
        [&](std::size_t e, auto&& emit) {
          emit(second_end(std::uint32_t(e)), std::uint64_t(first_end(std::uint32_t(e))) << 32 | e);
        },
        by_second, threads);
    start = graph::bucket_sort(
        m, n, [&](std::size_t i, auto&& emit) { emit(by_second[i] >> 32, std::uint32_t(by_second[i])); }, order,
        threads);
  }
  rank.resize(m);
  const std::vector<type_t>* types = opt.by_type ? &edges_.type : nullptr;
  // the rows in blocks of about kRowBlock edges, dynamically scheduled (skewed degrees)
  constexpr std::uint64_t kRowBlock = 1 << 14;
  std::vector<std::size_t> blocks{0};
  for (std::size_t v = 0; v < n; ++v)
    if (start[v + 1] - start[blocks.back()] >= kRowBlock || v + 1 == n) blocks.push_back(v + 1);
  // rank: 1 at every group's first edge, then its group number; runs: the
  // groups of more than one edge ([k, k2) in order), per row block
  std::vector<std::vector<std::pair<std::uint64_t, std::uint64_t>>> runs(blocks.size() - 1);
  parallel::for_each_dynamic(
      std::int64_t(blocks.size() - 1),
      [&](int, std::int64_t bi) {
        auto& mine = runs[std::size_t(bi)];
        for (std::size_t v = blocks[std::size_t(bi)]; v < blocks[std::size_t(bi) + 1]; ++v)
          for_each_group(order, start[v], start[v + 1], second_end, types, true,
                         [&](std::uint64_t k, std::uint64_t k2) {
                           rank[order[k]] = 1;
                           if (k2 - k > 1) mine.emplace_back(k, k2);
                         });
      },
      threads);
  const std::size_t ngroups = std::size_t(graph::exclusive_scan(rank, threads));

  const bool times = opt.summaries && edges_.has_timestamps(), amounts = opt.summaries && edges_.has_amounts();
  const bool counts = opt.summaries;
  out.source.resize(ngroups);
  out.target.resize(ngroups);
  out.type.assign(ngroups, merged_type);
  out.weight.resize(ngroups);
  if (counts) count.numbers.resize(ngroups);
  if (amounts) out.amount.resize(ngroups);
  if (times) {
    first.times.resize(ngroups);
    last.times.resize(ngroups);
  }
  const Aggregate how = opt.weight;
  // every group from its first edge, in edge order (sequential reads and writes)
  parallel::for_each_index(
      std::int64_t(m),
      [&](std::int64_t ei) {
        const std::size_t e = std::size_t(ei);
        const std::size_t g = rank[e];
        if ((e + 1 < m ? rank[e + 1] : ngroups) == g) return;  // not a group's first edge
        out.source[g] = src[e];
        out.target[g] = dst[e];
        if (opt.by_type) out.type[g] = edges_.type[e];
        if (counts) count.numbers[g] = 1;
        out.weight[g] = how == Aggregate::Count ? 1.0 : weights[e];
        if (amounts) out.amount[g] = edges_.amount[e];
        if (times) first.times[g] = last.times[g] = edges_.timestamp[e];
      },
      threads);
  // the other edges of each group of several, in edge order (as the serial
  // collapse added them), each group by one thread
  parallel::for_each_dynamic(
      std::int64_t(runs.size()),
      [&](int, std::int64_t bi) {
        for (const auto& [k, k2] : runs[std::size_t(bi)]) {
          const std::size_t g = rank[order[k]];
          if (counts) count.numbers[g] = double(k2 - k);
          double w = out.weight[g];
          for (std::uint64_t j = k + 1; j < k2; ++j) {
            const double x = weights[order[j]];
            if (how == Aggregate::Sum) w += x;
            else if (how == Aggregate::Count) w += 1;
            else if (how == Aggregate::Max) w = std::max(w, x);
            else w = std::min(w, x);
          }
          out.weight[g] = w;
          if (amounts) {
            double a = out.amount[g];
            for (std::uint64_t j = k + 1; j < k2; ++j) {
              const double x = edges_.amount[order[j]];
              if (!std::isnan(x)) a = std::isnan(a) ? x : a + x;
            }
            out.amount[g] = a;
          }
          if (times) {
            std::int64_t lo_t = first.times[g], hi_t = last.times[g];
            for (std::uint64_t j = k + 1; j < k2; ++j) {
              const std::int64_t ts = edges_.timestamp[order[j]];
              if (ts == kNoTime) continue;
              if (lo_t == kNoTime || ts < lo_t) lo_t = ts;
              if (hi_t == kNoTime || ts > hi_t) hi_t = ts;
            }
            first.times[g] = lo_t;
            last.times[g] = hi_t;
          }
        }
      },
      threads);
  std::vector<std::uint32_t>().swap(order);
  std::vector<std::uint32_t>().swap(rank);
  if (opt.weight == Aggregate::Sum)
    for (std::size_t g = 0; g < out.weight.size(); ++g)
      if (std::isinf(out.weight[g]))
        throw InvalidArgument("the weights (edge column '" + opt.column + "') of the parallel edges between '" +
                              nodes_->ids[out.source[g]] + "' and '" + nodes_->ids[out.target[g]] +
                              "' sum to more than the largest number a double holds (1.8e308): scale the "
                              "column down, or read it unweighted");
  if (counts) out.attrs.push_back(std::move(count));
  if (times) {
    out.attrs.push_back(std::move(first));
    out.attrs.push_back(std::move(last));
  }
  return Network(directed_, nodes_, std::move(out), index_);  // same nodes: shared, with their id index
}

}  // namespace ringleader
