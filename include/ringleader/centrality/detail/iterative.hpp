// ringleader/centrality/detail/iterative.hpp - what the iterative
// centralities (PageRank, Katz, eigenvector, HITS) share besides their
// blocked sums (core/blocks.hpp): start and personalization vectors checked
// and normalised, and numbers written into their error messages.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"

namespace ringleader::centrality::detail {

/// A number for an error message (shortest form, e.g. "1e-06").
inline std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

/// `v` divided by its sum (a start vector or a personalization); refuses a
/// wrong size, non-finite or negative values or a zero sum, naming the argument.
inline void normalise(std::vector<double>& v, std::size_t n, const char* name) {
  if (v.size() != n)
    throw InvalidArgument(std::string(name) + " must give one value per node (" + std::to_string(v.size()) +
                          " values for " + std::to_string(n) + " nodes)");
  double s = 0;
  for (double x : v) {
    if (!std::isfinite(x)) throw InvalidArgument(std::string(name) + " values must be finite");
    if (x < 0)
      throw InvalidArgument(std::string(name) + " values must be >= 0 (they are weights of a distribution), not " +
                            num(x) + ": give non-negative values");
    s += x;
  }
  if (s == 0) throw InvalidArgument(std::string(name) + " values sum to zero: give at least one positive value");
  for (double& x : v) x /= s;
}

}  // namespace ringleader::centrality::detail
