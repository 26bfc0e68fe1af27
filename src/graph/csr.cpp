// CsrGraph::build: the compute arrays by a stable parallel counting sort of
// the edges by row (graph/buckets.hpp), then a parallel gather of targets
// and weights.  Arcs of a row stay in edge-table order, as the serial build
// placed them, for any thread count.
#include "ringleader/graph/csr.hpp"

#include "ringleader/graph/buckets.hpp"

namespace ringleader {

CsrGraph CsrGraph::build(vertex_t n, bool directed, const std::vector<vertex_t>& src,
                         const std::vector<vertex_t>& dst, const std::vector<double>* weight,
                         const type_t* edge_types, bool symmetric, int nthreads) {
  memory::check_edge_count(src.size(), "the compute view");
  memory::reserve_check(estimate_bytes(n, src.size(), directed && !symmetric), "the compute view (CSR arrays)");
  CsrGraph g;
  g.n = n;
  g.directed = directed && !symmetric;
  g.edge_types = edge_types;
  const std::size_t m = src.size();
  const vertex_t* s = src.data();
  const vertex_t* d = dst.data();
  const double* wt = weight ? weight->data() : nullptr;
  // forward: rows by source (out-arcs); else by target (in-arcs).  both: each
  // edge in both rows (undirected), a self-loop once.
  auto fill = [&](std::vector<std::uint64_t>& off, std::vector<vertex_t>& tgt, std::vector<double>& w,
                  std::vector<edge_index_t>& eid, bool forward, bool both) {
    if (both) {
      off = graph::bucket_sort(
          m, n,
          [s, d](std::size_t e, auto&& emit) {
            emit(s[e], std::uint32_t(e));
            if (s[e] != d[e]) emit(d[e], std::uint32_t(e));
          },
          eid, nthreads);
    } else {
      const vertex_t* row = forward ? s : d;
      off = graph::bucket_sort(
          m, n, [row](std::size_t e, auto&& emit) { emit(row[e], std::uint32_t(e)); }, eid, nthreads);
    }
    const std::uint64_t arcs = off[n];
    tgt.resize(arcs);
    w.resize(arcs);
    const std::uint64_t* o = off.data();
    const edge_index_t* ep = eid.data();
    vertex_t* tp = tgt.data();
    double* wp = w.data();
    parallel::for_each_index(
        std::int64_t(n),
        [&](std::int64_t vi) {
          const vertex_t v = vertex_t(vi);
          for (std::uint64_t p = o[v]; p < o[v + 1]; ++p) {
            const edge_index_t e = ep[p];
            tp[p] = forward ? (both && d[e] == v ? s[e] : d[e]) : s[e];
            wp[p] = wt ? wt[e] : 1.0;
          }
        },
        nthreads, 1 << 14);
  };
  fill(g.out_offsets, g.out_targets, g.out_weights, g.out_edges, true, !g.directed);
  if (g.directed) fill(g.in_offsets, g.in_sources, g.in_weights, g.in_edges, false, false);
  return g;
}

}  // namespace ringleader
