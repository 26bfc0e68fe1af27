// Test support: a CsrGraph from an edge list.
#pragma once

#include <utility>
#include <vector>

#include <ringleader/graph/csr.hpp>

namespace rltest {

/// The compute view of `edges` on n vertices (weights 1 when `w` is empty).
inline ringleader::CsrGraph make(ringleader::vertex_t n, bool directed,
                                 std::vector<std::pair<ringleader::vertex_t, ringleader::vertex_t>> edges,
                                 std::vector<double> w = {}) {
  std::vector<ringleader::vertex_t> s, t;
  for (auto& e : edges) {
    s.push_back(e.first);
    t.push_back(e.second);
  }
  if (w.empty()) w.assign(edges.size(), 1.0);
  return ringleader::CsrGraph::build(n, directed, s, t, &w);
}

}  // namespace rltest
