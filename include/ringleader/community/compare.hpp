// ringleader/community/compare.hpp - agreement between two partitions of the
// same vertices: normalised mutual information and the adjusted Rand index.
//
// Both take two label vectors of equal length (any labels) and build their
// contingency table by sorting label pairs: O(n log n).
//  - NMI = I(A; B) / mean(H(A), H(B)), natural logarithms, with the mean
//    "arithmetic" (default; Danon et al. 2005, igraph's "nmi", scikit-learn's
//    default), "geometric", "min" or "max".  1 when both partitions have a
//    single community (both entropies 0), 0 when only one of them has.
//  - ARI (Hubert & Arabie 1985): (RI - E[RI]) / (max RI - E[RI]) with pair
//    counts; 1 for identical partitions, about 0 for independent ones, can be
//    negative; 1 when the denominator is 0 (both trivial), as scikit-learn.
//
// References: Danon, L., Diaz-Guilera, A., Duch, J. & Arenas, A. (2005).
// Comparing community structure identification. J. Stat. Mech. P09008.
// Hubert, L. & Arabie, P. (1985). Comparing partitions. Journal of
// Classification 2:193-218.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ringleader/core/error.hpp"

namespace ringleader::community {

namespace detail {

struct Contingency {
  std::vector<double> a, b, cells;  ///< row sums, column sums, non-zero cells
  double n = 0;
};

inline Contingency contingency(const std::vector<std::int64_t>& x, const std::vector<std::int64_t>& y) {
  if (x.size() != y.size())
    throw InvalidArgument("the two partitions label " + std::to_string(x.size()) + " and " +
                          std::to_string(y.size()) + " vertices: compare partitions of the same vertices");
  Contingency c;
  c.n = double(x.size());
  auto sums = [](std::vector<std::int64_t> v, std::vector<double>& out) {
    std::sort(v.begin(), v.end());
    for (std::size_t i = 0; i < v.size();) {
      std::size_t j = i;
      while (j < v.size() && v[j] == v[i]) ++j;
      out.push_back(double(j - i));
      i = j;
    }
  };
  sums(x, c.a);
  sums(y, c.b);
  std::vector<std::pair<std::int64_t, std::int64_t>> p(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) p[i] = {x[i], y[i]};
  std::sort(p.begin(), p.end());
  for (std::size_t i = 0; i < p.size();) {
    std::size_t j = i;
    while (j < p.size() && p[j] == p[i]) ++j;
    c.cells.push_back(double(j - i));
    i = j;
  }
  return c;
}

inline double entropy(const std::vector<double>& counts, double n) {
  double h = 0.0;
  for (double k : counts) h -= (k / n) * std::log(k / n);
  return h;
}

}  // namespace detail

/// Normalised mutual information of two labelings.
inline double nmi(const std::vector<std::int64_t>& x, const std::vector<std::int64_t>& y,
                  const std::string& average = "arithmetic") {
  if (average != "arithmetic" && average != "geometric" && average != "min" && average != "max")
    throw InvalidArgument("average must be 'arithmetic', 'geometric', 'min' or 'max', not '" + average + "'");
  const auto c = detail::contingency(x, y);
  if (c.n == 0) return 1.0;
  const double ha = detail::entropy(c.a, c.n), hb = detail::entropy(c.b, c.n);
  if (c.a.size() == 1 && c.b.size() == 1) return 1.0;
  // I = H(A) + H(B) - H(A, B)
  const double mi = std::max(0.0, ha + hb - detail::entropy(c.cells, c.n));
  double norm = average == "arithmetic" ? (ha + hb) / 2.0
                : average == "geometric" ? std::sqrt(ha * hb)
                : average == "min"       ? std::min(ha, hb)
                                         : std::max(ha, hb);
  if (norm <= 0.0) return 0.0;
  return std::min(1.0, mi / norm);
}

/// Adjusted Rand index of two labelings.
inline double ari(const std::vector<std::int64_t>& x, const std::vector<std::int64_t>& y) {
  const auto c = detail::contingency(x, y);
  auto pairs = [](double k) { return k * (k - 1.0) / 2.0; };
  double sa = 0, sb = 0, sc = 0;
  for (double k : c.a) sa += pairs(k);
  for (double k : c.b) sb += pairs(k);
  for (double k : c.cells) sc += pairs(k);
  const double total = pairs(c.n);
  if (total == 0.0) return 1.0;
  const double expected = sa * sb / total, top = (sa + sb) / 2.0;
  if (top == expected) return 1.0;
  return (sc - expected) / (top - expected);
}

}  // namespace ringleader::community
