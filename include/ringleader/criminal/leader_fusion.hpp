// ringleader/criminal/leader_fusion.hpp - fusing leader measures into one
// ranking by their log ranks (the score of rl.leaders).
//
// Input: one column of values per measure (higher = more leader-like; NaN =
// no value, e.g. a person outside the organisation core) and one weight per
// measure (>= 0).  For each measure with a positive weight:
//   1. the values are rounded to 12 significant digits relative to the
//      column's largest magnitude, so that equal values computed in a
//      different order (parallel sums) tie instead of ranking by their last
//      bits;
//   2. r_m(v) = the rank of v (1 = highest), ties at their average rank, NaN
//      ranked after every value (NaNs tie among themselves), as pandas'
//      rank(ascending=False, method="average", na_option="bottom").
// score(v) = sum_m w_m (1 - ln r_m(v) / ln N) / sum_m w_m, clipped to [0, 1]
// (N persons; ln N taken as 1 when N <= 1): a weighted geometric mean of
// ranks on a 0..1 scale, 1 = first by every measure.  With no positive
// weight every score is 1.  rank = 1 + the number of persons with a higher
// score (ties share the lowest rank, pandas method="min").
//
// Why log ranks: they reward being near the top of a few measures (an
// insulated boss first by money and flow, 40th by degree) more than being
// middling on all.  The weights rl.leaders uses, and how they were chosen
// (leave-one-family-out over six generator families), are documented in
// python/ringleader/_leaders.py.
//
// Complexity O(M N log N) for M measures; deterministic.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"

namespace ringleader::criminal {

struct LeaderFusionOptions {
  /// One weight per measure (>= 0, finite); empty = every measure 1.
  std::vector<double> weights;
  /// Significant digits kept before ranking (relative to the column's
  /// largest magnitude); 0 = no rounding.
  int digits = 12;
};

struct LeaderFusionResult {
  std::vector<double> score;       ///< 0..1 per person
  std::vector<std::int64_t> rank;  ///< 1 = top; ties share the lowest rank
};

/// Values rounded to `digits` significant digits relative to the largest
/// magnitude (NaN kept).
inline std::vector<double> tie_safe(std::vector<double> v, int digits = 12) {
  double scale = 0;
  for (double x : v)
    if (std::isfinite(x)) scale = std::max(scale, std::fabs(x));
  if (digits <= 0 || scale == 0) return v;
  const double f = std::pow(10.0, digits);
  for (double& x : v)
    if (std::isfinite(x)) x = std::nearbyint(x / scale * f) / f * scale;
  return v;
}

/// Ranks, 1 = highest, ties at their average rank, NaN last (tied).
inline std::vector<double> average_ranks_desc(const std::vector<double>& v) {
  const std::size_t n = v.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t(0));
  auto key_nan = [&](std::size_t i) { return std::isnan(v[i]); };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (key_nan(a) != key_nan(b)) return !key_nan(a);
    if (key_nan(a)) return false;
    return v[a] > v[b];
  });
  std::vector<double> r(n);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && (key_nan(order[i]) ? key_nan(order[j]) : (!key_nan(order[j]) && v[order[j]] == v[order[i]]))) ++j;
    const double avg = (double(i + 1) + double(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) r[order[k]] = avg;
    i = j;
  }
  return r;
}

/// The fused score and rank of N persons from M measures (`measures[m][v]`).
inline LeaderFusionResult leader_fusion(const std::vector<std::vector<double>>& measures,
                                        const LeaderFusionOptions& o = {}) {
  const std::size_t m = measures.size();
  const std::size_t n = m ? measures[0].size() : 0;
  for (std::size_t j = 0; j < m; ++j)
    if (measures[j].size() != n)
      throw InvalidArgument("leader_fusion: measure " + std::to_string(j) + " has " +
                            std::to_string(measures[j].size()) + " values, measure 0 has " + std::to_string(n));
  if (!o.weights.empty() && o.weights.size() != m)
    throw InvalidArgument("leader_fusion: " + std::to_string(o.weights.size()) + " weights for " +
                          std::to_string(m) + " measures");
  for (double w : o.weights)
    if (!(std::isfinite(w) && w >= 0)) throw InvalidArgument("leader_fusion: weights must be finite and >= 0");
  LeaderFusionResult out;
  out.score.assign(n, 0.0);
  const double log_n = n > 1 ? std::log(double(n)) : 1.0;
  double total = 0;
  for (std::size_t j = 0; j < m; ++j) {
    const double w = o.weights.empty() ? 1.0 : o.weights[j];
    if (w <= 0) continue;
    total += w;
    const std::vector<double> r = average_ranks_desc(tie_safe(measures[j], o.digits));
    for (std::size_t v = 0; v < n; ++v) out.score[v] += w * (1.0 - std::log(r[v]) / log_n);
  }
  for (double& s : out.score) s = total > 0 ? std::clamp(s / total, 0.0, 1.0) : 1.0;
  // rank: 1 + number of strictly higher scores
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t(0));
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return out.score[a] > out.score[b]; });
  out.rank.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    out.rank[order[i]] = (i > 0 && out.score[order[i]] == out.score[order[i - 1]]) ? out.rank[order[i - 1]]
                                                                                     : std::int64_t(i + 1);
  return out;
}

}  // namespace ringleader::criminal
