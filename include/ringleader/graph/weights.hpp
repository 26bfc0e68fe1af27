// ringleader/graph/weights.hpp - edge weights read as tie strengths: the
// check every such measure makes, and the rescaling that keeps their sums
// in range.
//
// Measures whose definition reads weights as strengths (eigenvector, HITS,
// PageRank, weighted clustering, modularity) are not defined for
// negative weights, and NaN or infinity is no strength: check_strengths
// refuses them with an InvalidArgument naming the measure and the weight
// column, and what to do (Leiden and Louvain refuse them the same way).  A
// parallel-edge sum beyond the largest double (graph::Merge::Total adds
// parallel edges) is refused where the sum is formed (Network::collapse).
//
// Weights near the ends of the double range (1e308, 1e-300) are valid, but
// the sums the kernels form overflow to infinity or underflow to 0 (weighted
// eigenvector all 0, modularity NaN, HITS uniform).  The measures above are
// invariant under scaling all weights by one factor, or converge to the same
// vector (eigenvector), so strength_view hands them a copy of the graph with
// the weights multiplied by a power of two (exact: no rounding) that brings
// the largest into [1/2, 1), when it lies outside [2^-256, 2^256]; other
// graphs are used as they are, bit for bit, so ordinary weights give exactly
// the results they gave before (and networkx's).
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::graph {

/// Throws InvalidArgument when a weight of `g` is negative, NaN or infinite:
/// `measure` reads the column `column` ("" = "weight") as tie strengths.
inline void check_strengths(const CsrGraph& g, bool weighted, const std::string& measure,
                            const std::string& column) {
  if (!weighted) return;
  for (const double w : g.out_weights) {
    if (w >= 0.0 && std::isfinite(w)) continue;
    const std::string col = column.empty() ? "weight" : column;
    std::string found = std::isnan(w) ? "NaN" : std::isinf(w) ? (w > 0 ? "inf" : "-inf") : std::to_string(w);
    throw InvalidArgument(measure + " reads the edge column '" + col +
                          "' as tie strengths, which must be finite and >= 0; found " + found +
                          ": fix or drop those edges, pass another weight column, or run unweighted");
  }
}

/// The power of two that brings the largest weight into [1/2, 1) when it
/// lies outside [2^-256, 2^256], else 1 (weights already checked).
inline double strength_scale(const CsrGraph& g, bool weighted) {
  if (!weighted) return 1.0;
  double top = 0.0;
  for (const double w : g.out_weights) top = w > top ? w : top;
  if (top == 0.0 || (top >= std::ldexp(1.0, -256) && top <= std::ldexp(1.0, 256))) return 1.0;
  int e = 0;
  std::frexp(top, &e);  // top = f * 2^e, f in [1/2, 1)
  return std::ldexp(1.0, -e);
}

/// `g` checked (check_strengths), itself when strength_scale is 1, else a
/// copy kept in `keep` with every weight multiplied by it.
inline const CsrGraph& strength_view(const CsrGraph& g, bool weighted, const std::string& measure,
                                     const std::string& column, std::optional<CsrGraph>& keep) {
  check_strengths(g, weighted, measure, column);
  const double s = strength_scale(g, weighted);
  if (s == 1.0) return g;
  memory::reserve_check(g.memory_bytes(), "the rescaled copy of the graph for " + measure);
  keep.emplace(g);
  for (double& w : keep->out_weights) w *= s;
  for (double& w : keep->in_weights) w *= s;
  return *keep;
}

}  // namespace ringleader::graph
