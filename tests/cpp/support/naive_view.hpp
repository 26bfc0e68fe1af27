// Test support: the serial verifiers of the compute view's builders (the
// implementations they replaced, kept verbatim as the reference): a serial
// collapse (hash-free grouping with a marker per second end, groups in order
// of their first edge) and a serial CSR fill.  The parallel builders
// (src/graph/collapse.cpp, src/graph/csr.cpp) must give the same arrays, bit
// for bit, for any thread count (tests/cpp/graph/test_view_build.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include <ringleader/graph/csr.hpp>
#include <ringleader/graph/network.hpp>

namespace rltest {

using namespace ringleader;

/// The serial CSR build (CsrGraph::build before it was parallel).
inline CsrGraph naive_csr(vertex_t n, bool directed, const std::vector<vertex_t>& src,
                          const std::vector<vertex_t>& dst, const std::vector<double>* weight,
                          bool symmetric = false) {
  CsrGraph g;
  g.n = n;
  g.directed = directed && !symmetric;
  const std::size_t m = src.size();
  auto fill = [&](std::vector<std::uint64_t>& off, std::vector<vertex_t>& tgt, std::vector<double>& w,
                  std::vector<edge_index_t>& eid, bool forward, bool both) {
    off.assign(std::size_t(n) + 1, 0);
    for (std::size_t e = 0; e < m; ++e) {
      vertex_t a = forward ? src[e] : dst[e], b = forward ? dst[e] : src[e];
      ++off[a + 1];
      if (both && a != b) ++off[b + 1];
    }
    for (std::size_t v = 0; v < n; ++v) off[v + 1] += off[v];
    const std::uint64_t arcs = off[n];
    tgt.resize(arcs);
    w.resize(arcs);
    eid.resize(arcs);
    std::vector<std::uint64_t> pos(off.begin(), off.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
      vertex_t a = forward ? src[e] : dst[e], b = forward ? dst[e] : src[e];
      double we = weight ? (*weight)[e] : 1.0;
      std::uint64_t p = pos[a]++;
      tgt[p] = b; w[p] = we; eid[p] = edge_index_t(e);
      if (both && a != b) {
        p = pos[b]++;
        tgt[p] = a; w[p] = we; eid[p] = edge_index_t(e);
      }
    }
  };
  if (g.directed) {
    fill(g.out_offsets, g.out_targets, g.out_weights, g.out_edges, true, false);
    fill(g.in_offsets, g.in_sources, g.in_weights, g.in_edges, false, false);
  } else {
    fill(g.out_offsets, g.out_targets, g.out_weights, g.out_edges, true, true);
  }
  return g;
}

/// The serial grouping of the collapse.
/// Groups edges by key (s, t[, type]) in O(n + m) without hashing: edges are
/// bucketed by their first endpoint (stable), and within a bucket a marker
/// per second endpoint finds the group, a short list per (s, t) telling
/// types apart.  Returns the group of every edge; groups are numbered in
/// order of their first edge.
inline std::vector<std::size_t> naive_group_edges(std::size_t n, const std::vector<vertex_t>& src, const std::vector<vertex_t>& dst,
                                     const std::vector<type_t>* types, bool directed, std::size_t& groups) {
  const std::size_t m = src.size();
  constexpr std::size_t kNone = ~std::size_t(0);
  std::vector<std::size_t> start(n + 1, 0), by_first(m);
  auto first_end = [&](std::size_t e) { return directed ? src[e] : std::min(src[e], dst[e]); };
  auto second_end = [&](std::size_t e) { return directed ? dst[e] : std::max(src[e], dst[e]); };
  for (std::size_t e = 0; e < m; ++e) ++start[first_end(e) + 1];
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  {
    std::vector<std::size_t> pos(start.begin(), start.end() - 1);
    for (std::size_t e = 0; e < m; ++e) by_first[pos[first_end(e)]++] = e;
  }
  std::vector<std::size_t> gid(m), head(n, kNone), next, first_edge;
  std::vector<vertex_t> mark(n, vertex_t(-1));
  for (std::size_t s = 0; s < n; ++s) {
    for (std::size_t k = start[s]; k < start[s + 1]; ++k) {
      const std::size_t e = by_first[k];
      const vertex_t t = second_end(e);
      if (mark[t] != vertex_t(s)) {
        mark[t] = vertex_t(s);
        head[t] = kNone;
      }
      std::size_t g = head[t];
      while (g != kNone && types && (*types)[first_edge[g]] != (*types)[e]) g = next[g];
      if (g == kNone) {
        g = first_edge.size();
        first_edge.push_back(e);
        next.push_back(head[t]);
        head[t] = g;
      }
      gid[e] = g;
    }
  }
  // renumber groups by their first edge
  groups = first_edge.size();
  std::vector<std::size_t> rank_of_edge(m, kNone), rank(groups);
  for (std::size_t g = 0; g < groups; ++g) rank_of_edge[first_edge[g]] = g;
  std::size_t r = 0;
  for (std::size_t e = 0; e < m; ++e)
    if (rank_of_edge[e] != kNone) rank[rank_of_edge[e]] = r++;
  for (std::size_t e = 0; e < m; ++e) gid[e] = rank[gid[e]];
  return gid;
}


/// The serial collapse (Network::collapse before it was parallel).
inline Network naive_collapse(const Network& net, const CollapseOptions& opt) {
  const NodeTable& nodes_ = net.nodes();
  const EdgeTable& edges_ = net.edges();
  const bool directed_ = net.directed();
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
  const std::vector<double>& weights = net.edge_numbers(opt.column, false);
  std::size_t ngroups = 0;
  const std::vector<std::size_t> gid = naive_group_edges(nodes_.size(), edges_.source, edges_.target,
                                                   opt.by_type ? &edges_.type : nullptr, directed_, ngroups);
  out.source.reserve(ngroups);
  out.target.reserve(ngroups);
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    double w = weights[e];
    std::int64_t ts = edges_.time(e);
    double a = edges_.amount_of(e);
    const std::size_t g = gid[e];
    if (g == out.source.size()) {  // the group's first edge
      out.source.push_back(edges_.source[e]);
      out.target.push_back(edges_.target[e]);
      out.type.push_back(opt.by_type ? edges_.type[e] : merged_type);
      out.weight.push_back(opt.weight == Aggregate::Count ? 1.0 : w);
      out.amount.push_back(a);
      count.numbers.push_back(1);
      first.times.push_back(ts);
      last.times.push_back(ts);
      continue;
    }
    count.numbers[g] += 1;
    if (opt.weight == Aggregate::Sum) out.weight[g] += w;
    else if (opt.weight == Aggregate::Count) out.weight[g] += 1;
    else if (opt.weight == Aggregate::Max) out.weight[g] = std::max(out.weight[g], w);
    else out.weight[g] = std::min(out.weight[g], w);
    if (!std::isnan(a)) out.amount[g] = std::isnan(out.amount[g]) ? a : out.amount[g] + a;
    if (ts != kNoTime) {
      if (first.times[g] == kNoTime || ts < first.times[g]) first.times[g] = ts;
      if (last.times[g] == kNoTime || ts > last.times[g]) last.times[g] = ts;
    }
  }
  if (opt.weight == Aggregate::Sum)
    for (std::size_t g = 0; g < out.weight.size(); ++g)
      if (std::isinf(out.weight[g]))
        throw InvalidArgument("the weights (edge column '" + opt.column + "') of the parallel edges between '" +
                              nodes_.ids[out.source[g]] + "' and '" + nodes_.ids[out.target[g]] +
                              "' sum to more than the largest number a double holds (1.8e308): scale the "
                              "column down, or read it unweighted");
  if (!edges_.has_amounts() || !opt.summaries) out.amount.clear();
  if (!opt.summaries) return Network(directed_, nodes_, std::move(out));  // source, target, type, weight only
  out.attrs.push_back(std::move(count));
  if (edges_.has_timestamps()) {
    out.attrs.push_back(std::move(first));
    out.attrs.push_back(std::move(last));
  }
  return Network(directed_, nodes_, std::move(out));
}


}  // namespace rltest
