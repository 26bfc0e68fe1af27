// ringleader/community/semi_synchronous_lpa.hpp - semi-synchronous label
// propagation (Cordasco & Gargano 2010), networkx's
// `label_propagation_communities`, exactly.
//
// The vertices are coloured greedily so that neighbours differ ("largest
// first": in order of decreasing degree, ties in vertex order, each vertex
// takes the smallest colour no coloured neighbour has).  Every vertex starts
// with its own label (its index).  Then, until every vertex with neighbours
// holds one of the most frequent labels among its neighbours, the colour
// classes are updated one after the other (colour 0 first); a vertex takes
// the most frequent label among its distinct neighbours (a self-loop makes
// it its own neighbour; weights and parallel edges are ignored), and on a
// tie keeps its label when that is one of the most frequent, otherwise takes
// the largest one ("Prec-Max").  Vertices of one colour are not adjacent, so
// a class is updated in parallel with the same result as sequentially:
// deterministic, no seed.  Undirected graphs only.
//
// The greedy colouring's order can be given (`order`): networkx sorts by
// the degree of its own graph, where parallel edges count.
//
// Complexity O(m log d) per round; the number of rounds is small in
// practice (the paper proves termination).
//
// Reference: Cordasco, G. & Gargano, L. (2010). Community detection via
// semi-synchronous label propagation algorithms. IEEE International
// Workshop on Business Applications of Social Network Analysis (BASNA), 1-8.
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Structure (graph/view.hpp): parallel edges of any type are
// one edge (the labels count distinct neighbours anyway).
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "ringleader/community/partition.hpp"
#include "ringleader/core/error.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::community {

struct SemiSynchronousOptions {
  std::vector<vertex_t> order;  ///< colouring order (empty: decreasing degree, ties by index)
  int threads = 0;
  Progress* progress = nullptr;
};

namespace detail_sslpa {

/// Distinct neighbours of every vertex (self included for a self-loop), CSR.
struct Neighbours {
  std::vector<std::uint64_t> off;
  std::vector<vertex_t> adj;
};

inline Neighbours distinct_neighbours(const CsrGraph& g) {
  Neighbours nb;
  nb.off.assign(std::size_t(g.n) + 1, 0);
  nb.adj.reserve(g.num_arcs());
  std::vector<vertex_t> scratch;
  for (vertex_t v = 0; v < g.n; ++v) {
    scratch.assign(g.out_targets.begin() + std::int64_t(g.out_begin(v)),
                   g.out_targets.begin() + std::int64_t(g.out_end(v)));
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    nb.adj.insert(nb.adj.end(), scratch.begin(), scratch.end());
    nb.off[v + 1] = nb.adj.size();
  }
  return nb;
}

/// The most frequent labels among v's neighbours (ascending) into `best`.
inline void most_frequent(const Neighbours& nb, const std::vector<vertex_t>& label, vertex_t v,
                          std::vector<vertex_t>& scratch, std::vector<vertex_t>& best) {
  scratch.clear();
  for (std::uint64_t e = nb.off[v]; e < nb.off[v + 1]; ++e) scratch.push_back(label[nb.adj[e]]);
  std::sort(scratch.begin(), scratch.end());
  best.clear();
  std::size_t top = 0;
  for (std::size_t i = 0; i < scratch.size();) {
    std::size_t j = i;
    while (j < scratch.size() && scratch[j] == scratch[i]) ++j;
    if (j - i > top) {
      top = j - i;
      best.clear();
    }
    if (j - i == top) best.push_back(scratch[i]);
    i = j;
  }
}

}  // namespace detail_sslpa

inline Partition semi_synchronous_label_propagation(const CsrGraph& g, const SemiSynchronousOptions& o = {}) {
  if (g.directed)
    throw InvalidArgument("semi-synchronous label propagation is defined for undirected networks only");
  const vertex_t n = g.n;
  Progress& prog = ringleader::detail::progress_of(o.progress);
  const detail_sslpa::Neighbours nb = detail_sslpa::distinct_neighbours(g);
  std::vector<vertex_t> order = o.order;
  if (order.empty()) {
    // degree as networkx counts it: the CSR stores a self-loop as one arc, networkx counts it twice
    std::vector<std::uint64_t> degree(n, 0);
    for (vertex_t v = 0; v < n; ++v)
      for (std::uint64_t a = g.out_begin(v); a < g.out_end(v); ++a) degree[v] += g.out_targets[a] == v ? 2 : 1;
    order.resize(n);
    std::iota(order.begin(), order.end(), vertex_t(0));
    std::stable_sort(order.begin(), order.end(), [&](vertex_t a, vertex_t b) { return degree[a] > degree[b]; });
  } else {
    std::vector<char> seen(n, 0);
    if (order.size() != n) throw InvalidArgument("order must list every vertex once");
    for (vertex_t v : order) {
      if (v >= n || seen[v]) throw InvalidArgument("order must list every vertex once");
      seen[v] = 1;
    }
  }
  // greedy colouring; classes[c] = the vertices of colour c
  const vertex_t none = vertex_t(-1);
  std::vector<vertex_t> colour(n, none);
  std::vector<std::vector<vertex_t>> classes;
  std::vector<vertex_t> used;  // used[c] == v: colour c is taken by a neighbour of v
  for (vertex_t v : order) {
    for (std::uint64_t e = nb.off[v]; e < nb.off[v + 1]; ++e) {
      const vertex_t c = colour[nb.adj[e]];
      if (c != none) {
        if (c >= used.size()) used.resize(std::size_t(c) + 1, none);
        used[c] = v;
      }
    }
    vertex_t c = 0;
    while (c < used.size() && used[c] == v) ++c;
    colour[v] = c;
    if (c >= classes.size()) classes.resize(std::size_t(c) + 1);
    classes[c].push_back(v);
  }
  std::vector<vertex_t> label(n);
  std::iota(label.begin(), label.end(), vertex_t(0));
  const int nthreads = parallel::threads(o.threads);
  std::vector<std::vector<vertex_t>> scratch(static_cast<std::size_t>(nthreads)), best(scratch.size());
  auto complete = [&]() {
    std::vector<char> ok(n, 1);
    parallel::for_each_dynamic(
        n,
        [&](int t, std::int64_t i) {
          const vertex_t v = vertex_t(i);
          if (nb.off[v] == nb.off[v + 1]) return;
          detail_sslpa::most_frequent(nb, label, v, scratch[std::size_t(t)], best[std::size_t(t)]);
          const auto& b = best[std::size_t(t)];
          ok[v] = std::binary_search(b.begin(), b.end(), label[v]);
        },
        nthreads, 256);
    return std::all_of(ok.begin(), ok.end(), [](char x) { return x != 0; });
  };
  Partition r;
  prog.start(0);
  while (!complete()) {
    if (prog.poll()) break;
    for (const auto& cls : classes)
      parallel::for_each_dynamic(
          std::int64_t(cls.size()),
          [&](int t, std::int64_t i) {
            const vertex_t v = cls[std::size_t(i)];
            auto& b = best[std::size_t(t)];
            detail_sslpa::most_frequent(nb, label, v, scratch[std::size_t(t)], b);
            if (b.size() == 1) label[v] = b[0];
            else if (b.size() > 1 && !std::binary_search(b.begin(), b.end(), label[v])) label[v] = b.back();
          },
          nthreads, 256);
    ++r.iterations;
  }
  prog.check();
  r.membership = std::move(label);
  r.count = number_by_size(r.membership);
  return r;
}

/// Semi-synchronous label propagation on `net` (simple view of
/// graph::Merge::Structure).
inline Partition semi_synchronous_label_propagation(const Network& net, const SemiSynchronousOptions& o = {}) {
  return semi_synchronous_label_propagation(graph::compute_view(net, graph::Merge::Structure, ""), o);
}

}  // namespace ringleader::community
