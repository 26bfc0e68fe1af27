// ringleader/graph/csr.hpp - the compute representation shared by every kernel.
//
// Compressed sparse row arrays: 64-bit offsets, and per arc a 32-bit target,
// a double weight and the 32-bit index of the edge in the network's edge table
// (16 bytes per arc).  Undirected networks store each edge as two arcs (u->v
// and v->u) in the out-arrays, a self-loop as one arc; directed networks store
// out-arcs and in-arcs.  Arcs of a vertex are in edge-table order.  The graph
// is immutable once built; `Network::csr()` builds it once and shares it.
//
// It models the Boost.Graph VertexListGraph, IncidenceGraph, AdjacencyGraph
// and BidirectionalGraph concepts: see ringleader/graph/bgl.hpp.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/graph/types.hpp"

namespace ringleader {

using edge_index_t = std::uint32_t;  ///< index into the edge table

struct CsrGraph {
  vertex_t n = 0;
  bool directed = false;
  std::vector<std::uint64_t> out_offsets{0};  ///< size n+1
  std::vector<vertex_t> out_targets;
  std::vector<double> out_weights;
  std::vector<edge_index_t> out_edges;
  std::vector<std::uint64_t> in_offsets;      ///< directed only, size n+1
  std::vector<vertex_t> in_sources;
  std::vector<double> in_weights;
  std::vector<edge_index_t> in_edges;
  /// Edge type per edge-table row (non-owning: the network's column); may be null.
  const type_t* edge_types = nullptr;

  std::uint64_t num_arcs() const { return out_targets.size(); }
  std::uint64_t out_begin(vertex_t v) const { return out_offsets[v]; }
  std::uint64_t out_end(vertex_t v) const { return out_offsets[v + 1]; }
  std::uint64_t out_degree(vertex_t v) const { return out_offsets[v + 1] - out_offsets[v]; }
  /// In-arcs: for undirected graphs the same as the out-arcs.
  const std::vector<std::uint64_t>& in_off() const { return directed ? in_offsets : out_offsets; }
  const std::vector<vertex_t>& in_src() const { return directed ? in_sources : out_targets; }
  const std::vector<double>& in_w() const { return directed ? in_weights : out_weights; }
  const std::vector<edge_index_t>& in_e() const { return directed ? in_edges : out_edges; }
  std::uint64_t in_degree(vertex_t v) const { return in_off()[v + 1] - in_off()[v]; }

  /// Bytes held by the arrays (the compute view's memory).
  std::size_t memory_bytes() const {
    return out_offsets.capacity() * 8 + out_targets.capacity() * 4 + out_weights.capacity() * 8 +
           out_edges.capacity() * 4 + in_offsets.capacity() * 8 + in_sources.capacity() * 4 +
           in_weights.capacity() * 8 + in_edges.capacity() * 4;
  }

  /// Bytes the arrays of `n` vertices and `m` edges take (an upper bound):
  /// offsets (8 bytes per vertex, twice when directed) and 16 bytes per arc,
  /// two arcs per edge.
  static std::uint64_t estimate_bytes(std::uint64_t n, std::uint64_t m, bool directed) {
    return memory::add(memory::mul(n + 1, directed ? 16 : 8), memory::mul(m, 32));
  }

  /// Builds the arrays from an edge list.  With `symmetric`, a directed edge
  /// list is stored as undirected (each edge both ways), e.g. for weak
  /// components.  `weight` may be null (all weights 1).  Parallel (a stable
  /// counting sort by row, graph/buckets.hpp, on `nthreads` threads, 0 = the
  /// default): the arrays are the same for any thread count.  O(n + m).
  static CsrGraph build(vertex_t n, bool directed, const std::vector<vertex_t>& src,
                        const std::vector<vertex_t>& dst, const std::vector<double>* weight,
                        const type_t* edge_types = nullptr, bool symmetric = false, int nthreads = 0);
};

}  // namespace ringleader
