// ringleader/paths/shortest.hpp - how two nodes are connected: the shortest
// path, every shortest path, and the k shortest loopless paths (Yen).
//
// Conventions (networkx's shortest_path, all_shortest_paths and
// shortest_simple_paths): a path is a sequence of distinct nodes; its length
// is the number of edges, or with `weights` the sum of the edge distances
// (finite, >= 0; refused otherwise).  Directed networks are followed along
// the arcs unless `ignore_direction`.  Parallel edges: a hop u -> w uses the
// allowed edge of least distance (the lowest edge index on ties), so paths
// are node sequences, as networkx on simple graphs.  Filters: `node_ok`
// (per vertex) limits the nodes a path may pass *through* (the endpoints are
// always allowed); `edge_ok` (per edge) the edges it may use.  Self-loops are
// never on a path.
//
// Complexity: one search O(m) (BFS) or O(m log n) (Dijkstra), stopping when
// the target is settled; all shortest paths O(m log n + output); Yen's k
// shortest paths O(k L m log n) for paths of at most L nodes.
//
// References: Dijkstra, E. W. (1959). A note on two problems in connexion
// with graphs. Numerische Mathematik 1:269-271.  Yen, J. Y. (1971). Finding
// the k shortest loopless paths in a network. Management Science
// 17(11):712-716.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/csr.hpp"

namespace ringleader::paths {

struct PathOptions {
  const std::vector<double>* weights = nullptr;  ///< distance per edge index; null = hop counts
  bool ignore_direction = false;                 ///< directed networks: follow arcs both ways
  std::vector<char> node_ok;                     ///< per vertex: may be passed through (empty = all)
  std::vector<char> edge_ok;                     ///< per edge index: may be used (empty = all)
};

struct Path {
  std::vector<vertex_t> nodes;
  std::vector<edge_index_t> edges;  ///< edges[i] joins nodes[i] and nodes[i + 1]
  double length = 0;
  bool operator<(const Path& o) const { return length != o.length ? length < o.length : nodes < o.nodes; }
};

namespace detail {

/// Shortest-path searches over a CsrGraph with filters, reusable for many
/// searches (scratch reset in O(touched)).
class Searcher {
 public:
  Searcher(const CsrGraph& g, const PathOptions& o) : g_(g), o_(o), dist_(g.n, kInf), pred_(g.n, kNone),
                                                      banned_(g.n, 0) {
    if (o.weights) {
      for (std::size_t e = 0; e < o.weights->size(); ++e) {
        const double x = (*o.weights)[e];
        if (!(x >= 0) || std::isinf(x))
          throw InvalidArgument("path lengths read edge weights as distances, which must be finite and >= 0; edge " +
                                std::to_string(e) + " has " + std::to_string(x) +
                                " (convert strengths with rl.distance_from_strength, or use weight=None)");
      }
    }
    if (!o.node_ok.empty() && o.node_ok.size() != g.n) throw InvalidArgument("node_ok needs one flag per node");
  }

  static constexpr double kInf = std::numeric_limits<double>::infinity();
  static constexpr vertex_t kNone = std::numeric_limits<vertex_t>::max();

  double weight(edge_index_t e) const { return o_.weights ? (*o_.weights)[e] : 1.0; }
  bool edge_allowed(edge_index_t e) const { return o_.edge_ok.empty() || o_.edge_ok[e]; }

  /// f(w, edge) for every usable arc out of v.
  template <class F>
  void arcs(vertex_t v, F&& f) const {
    for (std::uint64_t a = g_.out_offsets[v]; a < g_.out_offsets[v + 1]; ++a)
      if (g_.out_targets[a] != v && edge_allowed(g_.out_edges[a])) f(g_.out_targets[a], g_.out_edges[a]);
    if (g_.directed && o_.ignore_direction)
      for (std::uint64_t a = g_.in_offsets[v]; a < g_.in_offsets[v + 1]; ++a)
        if (g_.in_sources[a] != v && edge_allowed(g_.in_edges[a])) f(g_.in_sources[a], g_.in_edges[a]);
  }
  /// f(u, edge) for every usable arc into v (the reverse direction).
  template <class F>
  void reverse_arcs(vertex_t v, F&& f) const {
    const auto& off = g_.in_off();
    const auto& src = g_.in_src();
    const auto& eid = g_.in_e();
    for (std::uint64_t a = off[v]; a < off[v + 1]; ++a)
      if (src[a] != v && edge_allowed(eid[a])) f(src[a], eid[a]);
    if (g_.directed && o_.ignore_direction)
      for (std::uint64_t a = g_.out_offsets[v]; a < g_.out_offsets[v + 1]; ++a)
        if (g_.out_targets[a] != v && edge_allowed(g_.out_edges[a])) f(g_.out_targets[a], g_.out_edges[a]);
  }

  /// Distances from s (Dijkstra; BFS order when unweighted) until `t` is
  /// settled (t = kNone: every reachable vertex).  Banned vertices (and the
  /// vertices in `banned_next` as the first hop from s) are not entered;
  /// vertices other than s and t must pass node_ok.
  void search(vertex_t s, vertex_t t, const std::vector<vertex_t>& banned_next = {}) {
    reset();
    for (vertex_t v : banned_next) mark_next_.push_back(v);
    set(s, 0.0, kNone);
    using Item = std::pair<double, vertex_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    heap.push({0.0, s});
    while (!heap.empty()) {
      const double d = heap.top().first;  // not a structured binding: clang 14 cannot capture those
      const vertex_t v = heap.top().second;
      heap.pop();
      if (d > dist_[v]) continue;
      if (v == t) break;
      arcs(v, [&](vertex_t w, edge_index_t e) {
        if (banned_[w] || (v == s && std::find(mark_next_.begin(), mark_next_.end(), w) != mark_next_.end())) return;
        if (w != t && w != s && !passable(w)) return;
        const double nd = d + weight(e);
        if (nd < dist_[w]) {
          set(w, nd, v);
          heap.push({nd, w});
        }
      });
    }
  }

  double dist(vertex_t v) const { return dist_[v]; }
  /// The path s -> t found by the last search (nodes only), if t was reached.
  std::optional<std::vector<vertex_t>> nodes_to(vertex_t t) const {
    if (dist_[t] == kInf) return std::nullopt;
    std::vector<vertex_t> p{t};
    while (pred_[p.back()] != kNone) p.push_back(pred_[p.back()]);
    std::reverse(p.begin(), p.end());
    return p;
  }
  void ban(vertex_t v) { banned_[v] = 1, banned_list_.push_back(v); }
  void clear_bans() {
    for (vertex_t v : banned_list_) banned_[v] = 0;
    banned_list_.clear();
  }

  /// The edge a hop u -> w uses: least distance, lowest index on ties.
  std::pair<edge_index_t, double> hop(vertex_t u, vertex_t w) const {
    edge_index_t best = std::numeric_limits<edge_index_t>::max();
    double bw = kInf;
    arcs(u, [&](vertex_t x, edge_index_t e) {
      if (x != w) return;
      const double y = weight(e);
      if (y < bw || (y == bw && e < best)) bw = y, best = e;
    });
    return {best, bw};
  }
  Path complete(std::vector<vertex_t> nodes) const {
    Path p;
    p.nodes = std::move(nodes);
    for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
      auto [e, w] = hop(p.nodes[i], p.nodes[i + 1]);
      p.edges.push_back(e);
      p.length += w;
    }
    return p;
  }
  bool passable(vertex_t v) const { return o_.node_ok.empty() || o_.node_ok[v]; }
  const CsrGraph& graph() const { return g_; }

 private:
  void set(vertex_t v, double d, vertex_t p) {
    if (dist_[v] == kInf) touched_.push_back(v);
    dist_[v] = d;
    pred_[v] = p;
  }
  void reset() {
    for (vertex_t v : touched_) dist_[v] = kInf, pred_[v] = kNone;
    touched_.clear();
    mark_next_.clear();
  }

  const CsrGraph& g_;
  const PathOptions& o_;
  std::vector<double> dist_;
  std::vector<vertex_t> pred_;
  std::vector<char> banned_;
  std::vector<vertex_t> touched_, banned_list_, mark_next_;
};

inline void check_vertex(const CsrGraph& g, vertex_t v) {
  if (v >= g.n) throw InvalidArgument("vertex " + std::to_string(v) + " out of range");
}

}  // namespace detail

/// A shortest path from s to t, or nothing when t cannot be reached.
inline std::optional<Path> shortest_path(const CsrGraph& g, vertex_t s, vertex_t t, const PathOptions& o = {}) {
  detail::check_vertex(g, s);
  detail::check_vertex(g, t);
  detail::Searcher sr(g, o);
  sr.search(s, t);
  auto nodes = sr.nodes_to(t);
  if (!nodes) return std::nullopt;
  return sr.complete(std::move(*nodes));
}

/// Every shortest path from s to t (at most `limit`, 0 = no limit), in
/// lexicographic order of their vertex sequences.  A hop is on a shortest
/// path when dist(u) + w(u, w) == dist(w) in floating point (networkx's test).
inline std::vector<Path> all_shortest_paths(const CsrGraph& g, vertex_t s, vertex_t t, const PathOptions& o = {},
                                            std::size_t limit = 0) {
  detail::check_vertex(g, s);
  detail::check_vertex(g, t);
  detail::Searcher sr(g, o);
  sr.search(s, detail::Searcher::kNone);
  std::vector<Path> out;
  if (sr.dist(t) == detail::Searcher::kInf) return out;
  // predecessors on the shortest-path DAG, found backwards from t
  std::vector<vertex_t> stack{t};
  std::vector<std::vector<vertex_t>> preds_of;  // per position of the walk
  auto preds = [&](vertex_t w) {
    std::vector<vertex_t> p;
    if (w == s) return p;
    sr.reverse_arcs(w, [&](vertex_t u, edge_index_t e) {
      if (sr.dist(u) == detail::Searcher::kInf) return;
      if (u != s && !sr.passable(u)) return;
      if (sr.dist(u) + sr.weight(e) == sr.dist(w)) p.push_back(u);
    });
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
    return p;
  };
  // depth-first enumeration of the DAG from t back to s
  std::vector<std::pair<vertex_t, std::size_t>> walk{{t, 0}};
  std::vector<std::vector<vertex_t>> options{preds(t)};
  while (!walk.empty()) {
    auto& [v, next] = walk.back();
    if (v == s) {
      std::vector<vertex_t> nodes;
      for (auto it = walk.rbegin(); it != walk.rend(); ++it) nodes.push_back(it->first);
      out.push_back(sr.complete(std::move(nodes)));
      if (limit && out.size() >= limit) break;
      walk.pop_back();
      options.pop_back();
      continue;
    }
    if (next >= options.back().size()) {
      walk.pop_back();
      options.pop_back();
      continue;
    }
    const vertex_t u = options.back()[next++];
    walk.push_back({u, 0});
    options.push_back(preds(u));
  }
  std::sort(out.begin(), out.end(), [](const Path& a, const Path& b) { return a.nodes < b.nodes; });
  return out;
}

/// The k shortest loopless paths from s to t by Yen's algorithm, in order of
/// length (ties: lexicographic vertex order); fewer when fewer exist.
inline std::vector<Path> k_shortest_paths(const CsrGraph& g, vertex_t s, vertex_t t, std::size_t k,
                                          const PathOptions& o = {}, Progress* progress = nullptr) {
  detail::check_vertex(g, s);
  detail::check_vertex(g, t);
  std::vector<Path> found;
  if (k == 0) return found;
  detail::Searcher sr(g, o);
  sr.search(s, t);
  auto first = sr.nodes_to(t);
  if (!first) return found;
  if (s == t) {
    found.push_back(sr.complete(std::move(*first)));
    return found;
  }
  found.push_back(sr.complete(std::move(*first)));
  std::set<Path> candidates;
  std::set<std::vector<vertex_t>> seen{found[0].nodes};
  Progress& pr = ringleader::detail::progress_of(progress);
  pr.start(k);
  pr.advance();
  while (found.size() < k) {
    const Path prev = found.back();
    for (std::size_t i = 0; i + 1 < prev.nodes.size(); ++i) {
      if (pr.cancelled()) break;
      const vertex_t spur = prev.nodes[i];
      std::vector<vertex_t> banned_next;
      for (const Path& p : found)
        if (p.nodes.size() > i + 1 && std::equal(p.nodes.begin(), p.nodes.begin() + long(i) + 1, prev.nodes.begin()))
          banned_next.push_back(p.nodes[i + 1]);
      sr.clear_bans();
      for (std::size_t j = 0; j < i; ++j) sr.ban(prev.nodes[j]);
      sr.search(spur, t, banned_next);
      if (auto tail = sr.nodes_to(t)) {
        std::vector<vertex_t> nodes(prev.nodes.begin(), prev.nodes.begin() + long(i));
        nodes.insert(nodes.end(), tail->begin(), tail->end());
        if (seen.insert(nodes).second) candidates.insert(sr.complete(std::move(nodes)));
      }
    }
    sr.clear_bans();
    pr.check();
    if (candidates.empty()) break;
    found.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
    pr.advance();
  }
  pr.finish();
  return found;
}

}  // namespace ringleader::paths
