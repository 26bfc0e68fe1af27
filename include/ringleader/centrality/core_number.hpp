// ringleader/centrality/core_number.hpp - k-core numbers.
//
// The core number of v is the largest k such that v belongs to a subgraph
// where every vertex has degree >= k (the k-core).  Conventions (networkx
// `core_number`): on the simple (collapsed) graph; directed graphs use
// in-degree + out-degree (a reciprocated pair counts twice); weights are
// ignored.  networkx refuses graphs with self-loops; we ignore self-loops
// (they neither count in the degree nor in the peeling).
//
// Multigraphs: the Network overload reads the network through
// graph::Merge::Structure (graph/view.hpp): parallel edges of any type are
// one edge, since a core counts neighbours, not ties.
//
// Algorithms: by default (CoreNumberOptions::parallel) level-synchronous
// parallel peeling (detail/core_levels.hpp, after PKC and ParK): O(m) atomic
// degree decrements plus one scan of the remaining vertices per
// level.  core_number_serial is Batagelj & Zaversnik's bucket peeling,
// O(n + m) time on contiguous 32-bit arrays (the degree count is parallel,
// the peeling serial); it is the verifier of the parallel kernel, and both
// give the same numbers for any thread count.
//
// References: Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for
// cores decomposition of networks. arXiv:cs/0310049.  Dasari, N. S.,
// Ranjan, D. & Zubair, M. (2014). ParK: an efficient algorithm for k-core
// decomposition on multicore processors. IEEE BigData 2014.  Kabir, H. &
// Madduri, K. (2017). Parallel k-core decomposition on multicore platforms.
// IPDPSW 2017.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "ringleader/centrality/detail/core_levels.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/graph/network.hpp"
#include "ringleader/graph/view.hpp"

namespace ringleader::centrality {

struct CoreNumberOptions : RunOptions {
  /// Level-synchronous parallel peeling (default); false: the serial
  /// Batagelj-Zaversnik peeling.  Same numbers either way.
  bool parallel = true;
};

namespace detail {

/// Degree of every vertex without self-loops (in + out when directed).
inline std::vector<std::uint32_t> core_degrees(const CsrGraph& g, int threads) {
  const vertex_t n = g.n;
  std::vector<std::uint32_t> deg(n);
  parallel::for_each_index(
      std::int64_t(n),
      [&](std::int64_t i) {
        const vertex_t v = vertex_t(i);
        std::uint32_t d = 0;
        for (std::uint64_t a = g.out_offsets[v]; a < g.out_offsets[v + 1]; ++a) d += g.out_targets[a] != v;
        if (g.directed)
          for (std::uint64_t a = g.in_offsets[v]; a < g.in_offsets[v + 1]; ++a) d += g.in_sources[a] != v;
        deg[v] = d;
      },
      threads);
  return deg;
}

}  // namespace detail

/// Core number of every vertex by the serial Batagelj-Zaversnik peeling
/// (the verifier of core_number; opt.parallel is ignored).
inline std::vector<double> core_number_serial(const CsrGraph& g, const CoreNumberOptions& opt = {}) {
  const vertex_t n = g.n;
  Progress& prog = ringleader::detail::progress_of(opt.progress);
  std::vector<std::uint32_t> deg = detail::core_degrees(g, opt.threads);
  std::uint32_t md = 0;
  for (vertex_t v = 0; v < n; ++v) md = std::max(md, deg[v]);
  std::vector<std::uint32_t> bin(std::size_t(md) + 1, 0), pos(n), vert(n);
  for (vertex_t v = 0; v < n; ++v) ++bin[deg[v]];
  std::uint32_t start = 0;
  for (std::uint32_t d = 0; d <= md && n; ++d) {
    const std::uint32_t c = bin[d];
    bin[d] = start;
    start += c;
  }
  for (vertex_t v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = v;
  }
  for (std::uint32_t d = md; d >= 1 && n; --d) bin[d] = bin[d - 1];
  if (n) bin[0] = 0;
  prog.start(n);
  auto relax = [&](vertex_t v, vertex_t u) {
    if (u == v) return;
    const std::uint32_t du = deg[u];
    if (du > deg[v]) {
      const std::uint32_t pu = pos[u], pw = bin[du];
      const vertex_t w = vert[pw];
      if (u != w) {
        pos[u] = pw;
        vert[pu] = w;
        pos[w] = pu;
        vert[pw] = u;
      }
      ++bin[du];
      deg[u] = du - 1;
    }
  };
  for (vertex_t i = 0; i < n; ++i) {
    const vertex_t v = vert[i];
    for (std::uint64_t a = g.out_offsets[v]; a < g.out_offsets[v + 1]; ++a) relax(v, g.out_targets[a]);
    if (g.directed)
      for (std::uint64_t a = g.in_offsets[v]; a < g.in_offsets[v + 1]; ++a) relax(v, g.in_sources[a]);
    if ((i & 0xFFFF) == 0xFFFF) {
      prog.advance(0x10000);
      prog.check();
    }
  }
  prog.finish();
  return std::vector<double>(deg.begin(), deg.end());
}

/// Core number of every vertex (as doubles, like every per-vertex measure).
inline std::vector<double> core_number(const CsrGraph& g, const CoreNumberOptions& opt = {}) {
  if (!opt.parallel) return core_number_serial(g, opt);
  std::vector<double> core;
  if (!detail::core_levels(g, core, opt.threads, ringleader::detail::progress_of(opt.progress)))
    return core_number_serial(g, opt);  // a degree beyond signed 32 bits
  return core;
}

/// Core number of every vertex of `net`, on the simple view of
/// graph::Merge::Structure.
inline std::vector<double> core_number(const Network& net, const CoreNumberOptions& opt = {}) {
  return core_number(graph::compute_view(net, graph::Merge::Structure, ""), opt);
}

}  // namespace ringleader::centrality
