// ringleader/layout/force_atlas2.hpp - ForceAtlas2 force-directed layout.
//
// Conventions (Jacomy et al. 2014, and Gephi's implementation where the
// paper is silent): every vertex v has mass m(v) = deg(v) + 1, deg counting
// arcs to other vertices (out- and in-arcs of a directed graph, so a
// reciprocated pair attracts twice; self-loops are ignored, parallel arcs
// count separately).  With d the distance between two vertices and k_r =
// `scaling`, the forces are
//   repulsion   k_r m(u) m(v) / d                    between every pair
//   attraction  w(u,v) d  (LinLog: w(u,v) log(1 + d))  along every arc
//   gravity     k_g m(v)  (strong: k_g m(v) d(v))      towards the origin
// where w = 1, or the arc weight (a strength, finite and >= 0) when
// `weighted`, k_g = `gravity` and d(v) the distance of v from the origin.
// Gravity keeps disconnected components together: without it they drift
// apart forever.  `dissuade_hubs` divides a vertex's attraction by its mass
// (times the mean mass, Gephi's compensation), pushing hubs to the centre
// and their leaves outwards.  `prevent_overlap` reads `sizes` (radii; 1 by
// default) and measures repulsion and attraction between disc borders
// (overlapping discs repel 100 times harder, as Gephi).  Each iteration
// moves v by F(v) s / (1 + sqrt(s sw(v))), with sw(v) = m(v) |F(v) -
// F_prev(v)| its swinging and s the global speed, adapted from the total
// swinging and traction as Gephi does (`jitter_tolerance` = tau).  Start
// positions: `start_x`/`start_y`, NaN or empty entries drawn uniformly in
// [-sqrt(n), sqrt(n)]^2 from a stream of `seed` per vertex.  Coordinates are
// in layout units (neighbours end up about sqrt(k_r m(u) m(v)) apart).
//
// Multigraphs: the Network overload lays out layout_edges(net, o.weight)
// (layout/edges.hpp): the network read as undirected and simple, parallel
// edges of any type and reciprocated pairs merged with their weights summed
// (graph::Merge::Total), self-loops dropped.
//
// Implementation: repulsion is exact, O(n^2) per iteration, up to
// `barnes_hut_above` vertices and a Barnes-Hut quadtree above (a cell of
// side s whose centre of mass is at distance d and which does not hold the
// vertex itself acts as one mass when s < theta d; Gephi's theta is 1.2),
// O(n log n + m) per iteration.  The tree is built serially; every thread
// then computes the whole force on its own vertices (each force written
// once), and the totals are summed serially, so the layout is the same for
// a seed on any number of threads.  Progress: one unit per iteration;
// cancellation is checked after each.
//
// Reference: Jacomy, M., Venturini, T., Heymann, S. & Bastian, M. (2014).
// ForceAtlas2, a continuous graph layout algorithm for handy network
// visualization designed for the Gephi software. PLoS ONE 9(6):e98679.
// Barnes, J. & Hut, P. (1986). A hierarchical O(N log N) force-calculation
// algorithm. Nature 324:446-449.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/core/random.hpp"
#include "ringleader/graph/csr.hpp"
#include "ringleader/layout/edges.hpp"

namespace ringleader::layout {

struct ForceAtlas2Options {
  int iterations = 100;
  std::uint64_t seed = 0;               ///< stream of the random start positions
  std::vector<double> start_x, start_y; ///< empty or one per vertex (NaN = random)
  bool weighted = false;                ///< arc weights as attraction strengths
  std::string weight;                   ///< on a Network: the edge column of the strengths ("" = 1)
  double scaling = 2.0;                 ///< k_r, repulsion strength
  double gravity = 1.0;                 ///< k_g
  bool strong_gravity = false;
  bool linlog = false;
  bool dissuade_hubs = false;
  bool prevent_overlap = false;
  std::vector<double> sizes;            ///< radii for prevent_overlap: empty (1) or one per vertex
  double jitter_tolerance = 1.0;
  double theta = 1.2;                   ///< Barnes-Hut opening criterion
  vertex_t barnes_hut_above = 1000;     ///< exact repulsion up to this many vertices
  int threads = 0;
  Progress* progress = nullptr;
};

struct Layout {
  std::vector<double> x, y;
};

namespace detail_fa2 {

/// Quadtree over point masses (Barnes & Hut), rebuilt every iteration.
class QuadTree {
 public:
  QuadTree(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& mass)
      : x_(x), y_(y), m_(mass), order_(x.size()) {
    std::iota(order_.begin(), order_.end(), vertex_t(0));
    if (x.empty()) return;
    auto [xl, xh] = std::minmax_element(x.begin(), x.end());
    auto [yl, yh] = std::minmax_element(y.begin(), y.end());
    cells_.emplace_back();
    build(0, 0, vertex_t(x.size()), *xl, *yl, std::max(*xh - *xl, *yh - *yl), 0);
  }

  /// For every point j != i: near(j) for points of opened leaves, far(mass,
  /// cx, cy) for cells far enough from i (side < theta * distance).
  template <class Near, class Far>
  void visit(vertex_t i, double theta, Near&& near, Far&& far) const {
    if (cells_.empty()) return;
    const double xi = x_[i], yi = y_[i], t2 = theta * theta;
    std::array<std::uint32_t, 4 * kDepth + 4> stack;
    std::size_t top = 0;
    stack[top++] = 0;
    while (top) {
      const Cell& c = cells_[stack[--top]];
      const double dx = xi - c.cx, dy = yi - c.cy;
      const bool inside = xi >= c.x0 && xi <= c.x0 + c.side && yi >= c.y0 && yi <= c.y0 + c.side;
      if (!inside && c.side * c.side < t2 * (dx * dx + dy * dy)) {
        far(c.mass, c.cx, c.cy);
      } else if (c.nchild == 0) {
        for (std::uint32_t k = c.lo; k < c.hi; ++k)
          if (order_[k] != i) near(order_[k]);
      } else {
        for (std::uint32_t k = c.nchild; k-- > 0;) stack[top++] = c.child + k;
      }
    }
  }

 private:
  static constexpr int kDepth = 40;     // coincident points end in one leaf
  static constexpr vertex_t kLeaf = 8;  // points per leaf
  struct Cell {
    double x0 = 0, y0 = 0, side = 0, mass = 0, cx = 0, cy = 0;
    std::uint32_t lo = 0, hi = 0, child = 0, nchild = 0;
  };

  void build(std::uint32_t c, vertex_t lo, vertex_t hi, double x0, double y0, double side, int depth) {
    double m = 0, sx = 0, sy = 0;
    for (vertex_t k = lo; k < hi; ++k) {
      const vertex_t v = order_[k];
      m += m_[v];
      sx += m_[v] * x_[v];
      sy += m_[v] * y_[v];
    }
    cells_[c] = {x0, y0, side, m, sx / m, sy / m, lo, hi, 0, 0};
    if (hi - lo <= kLeaf || depth == kDepth) return;
    const double h = side / 2, xm = x0 + h, ym = y0 + h;
    vertex_t* b = order_.data();
    vertex_t* s = std::partition(b + lo, b + hi, [&](vertex_t v) { return y_[v] < ym; });
    vertex_t* q1 = std::partition(b + lo, s, [&](vertex_t v) { return x_[v] < xm; });
    vertex_t* q3 = std::partition(s, b + hi, [&](vertex_t v) { return x_[v] < xm; });
    const vertex_t cut[5] = {lo, vertex_t(q1 - b), vertex_t(s - b), vertex_t(q3 - b), hi};
    const auto first = std::uint32_t(cells_.size());
    std::uint32_t k = 0;
    for (int q = 0; q < 4; ++q) k += cut[q] < cut[q + 1];
    cells_[c].child = first;
    cells_[c].nchild = k;
    cells_.resize(first + k);
    for (int q = 0, at = 0; q < 4; ++q)
      if (cut[q] < cut[q + 1])
        build(first + at++, cut[q], cut[q + 1], q % 2 ? xm : x0, q / 2 ? ym : y0, h, depth + 1);
  }

  const std::vector<double>& x_;
  const std::vector<double>& y_;
  const std::vector<double>& m_;
  std::vector<vertex_t> order_;
  std::vector<Cell> cells_;
};

/// The ForceAtlas2 force on each vertex for given positions.
class Forces {
 public:
  Forces(const CsrGraph& g, const ForceAtlas2Options& o) : g_(g), o_(o), mass_(g.n, 1.0), radius_(o.sizes) {
    for (vertex_t v = 0; v < g.n; ++v)
      neighbours(v, [&](vertex_t, double) { mass_[v] += 1; });
    if (radius_.empty()) radius_.assign(g.n, 1.0);
    const double mean = g.n ? std::accumulate(mass_.begin(), mass_.end(), 0.0) / g.n : 1.0;
    compensation_ = o.dissuade_hubs ? mean : 1.0;
  }

  const std::vector<double>& mass() const { return mass_; }

  /// Force on v; `tree` null for exact repulsion.
  std::array<double, 2> operator()(vertex_t v, const std::vector<double>& x, const std::vector<double>& y,
                                   const QuadTree* tree) const {
    const double xv = x[v], yv = y[v], mv = mass_[v], rv = radius_[v];
    double fx = 0, fy = 0;
    auto repel = [&](double dx, double dy, double mm, double r) {
      const double d2 = dx * dx + dy * dy;
      if (d2 == 0) return;
      double f = o_.scaling * mm / d2;
      if (o_.prevent_overlap) {
        const double gap = std::sqrt(d2) - r;
        f = gap > 0 ? o_.scaling * mm / (gap * gap) : gap < 0 ? 100 * o_.scaling * mm : 0;
      }
      fx += f * dx;
      fy += f * dy;
    };
    auto near = [&](vertex_t j) { repel(xv - x[j], yv - y[j], mv * mass_[j], rv + radius_[j]); };
    if (tree) {
      tree->visit(v, o_.theta, near, [&](double m, double cx, double cy) { repel(xv - cx, yv - cy, mv * m, 0); });
    } else {
      for (vertex_t j = 0; j < g_.n; ++j)
        if (j != v) near(j);
    }
    const double c = compensation_ / (o_.dissuade_hubs ? mv : 1.0);
    neighbours(v, [&](vertex_t u, double w) {
      const double dx = x[u] - xv, dy = y[u] - yv, d = std::sqrt(dx * dx + dy * dy);
      const double gap = o_.prevent_overlap ? d - rv - radius_[u] : d;
      if (gap <= 0) return;
      const double f = c * (o_.weighted ? w : 1.0) * (o_.linlog ? std::log1p(gap) / gap : 1.0);
      fx += f * dx;
      fy += f * dy;
    });
    const double r = std::sqrt(xv * xv + yv * yv);
    if (r > 0) {
      const double f = o_.gravity * mv * (o_.strong_gravity ? 1.0 : 1.0 / r);
      fx -= f * xv;
      fy -= f * yv;
    }
    return {fx, fy};
  }

 private:
  /// f(u, w) for every arc of v to another vertex (in-arcs too when directed).
  template <class F>
  void neighbours(vertex_t v, F&& f) const {
    for (auto a = g_.out_offsets[v]; a < g_.out_offsets[v + 1]; ++a)
      if (g_.out_targets[a] != v) f(g_.out_targets[a], g_.out_weights[a]);
    if (g_.directed)
      for (auto a = g_.in_offsets[v]; a < g_.in_offsets[v + 1]; ++a)
        if (g_.in_sources[a] != v) f(g_.in_sources[a], g_.in_weights[a]);
  }

  const CsrGraph& g_;
  const ForceAtlas2Options& o_;
  std::vector<double> mass_, radius_;
  double compensation_ = 1.0;
};

/// Forces on every vertex (in parallel, each written once).
inline void all_forces(const Forces& F, const std::vector<double>& x, const std::vector<double>& y,
                       bool barnes_hut, const ForceAtlas2Options& o, std::vector<double>& fx,
                       std::vector<double>& fy) {
  std::optional<QuadTree> tree;
  if (barnes_hut) tree.emplace(x, y, F.mass());
  const QuadTree* t = tree ? &*tree : nullptr;
  parallel::for_each_index(
      std::int64_t(x.size()),
      [&](std::int64_t i) {
        auto f = F(vertex_t(i), x, y, t);
        fx[std::size_t(i)] = f[0];
        fy[std::size_t(i)] = f[1];
      },
      o.threads, 64);
}

inline void check(const CsrGraph& g, const ForceAtlas2Options& o) {
  auto per_vertex = [&](const std::vector<double>& v, const char* name) {
    if (!v.empty() && v.size() != g.n)
      throw InvalidArgument(std::string(name) + " must be empty or give one value per node (" +
                            std::to_string(v.size()) + " values for " + std::to_string(g.n) + " nodes)");
  };
  per_vertex(o.start_x, "start_x");
  per_vertex(o.start_y, "start_y");
  per_vertex(o.sizes, "sizes");
  if (o.iterations < 0) throw InvalidArgument("iterations must be >= 0");
  if (!(o.scaling > 0 && std::isfinite(o.scaling))) throw InvalidArgument("scaling must be a positive number");
  if (!(o.gravity >= 0 && std::isfinite(o.gravity))) throw InvalidArgument("gravity must be a number >= 0");
  if (!(o.jitter_tolerance > 0 && std::isfinite(o.jitter_tolerance)))
    throw InvalidArgument("jitter_tolerance must be a positive number");
  if (!(o.theta >= 0 && std::isfinite(o.theta))) throw InvalidArgument("theta must be a number >= 0");
  for (double s : o.sizes)
    if (!(s >= 0 && std::isfinite(s))) throw InvalidArgument("sizes must be finite and >= 0");
  for (const auto* start : {&o.start_x, &o.start_y})
    for (double s : *start)
      if (std::isinf(s)) throw InvalidArgument("start positions must be finite (or NaN: random)");
  if (o.weighted)
    for (const auto* w : {&g.out_weights, &g.in_weights})
      for (double x : *w)
        if (!(x >= 0 && std::isfinite(x)))
          throw InvalidArgument("weights must be finite and >= 0 to be read as attraction strengths");
}

}  // namespace detail_fa2

/// ForceAtlas2 positions of every vertex; see the header comment.
inline Layout force_atlas2(const CsrGraph& g, const ForceAtlas2Options& o = {}) {
  detail_fa2::check(g, o);
  const vertex_t n = g.n;
  // positions, speeds and forces (about 12 doubles per vertex) and the
  // quadtree (an order and at most about two cells per vertex)
  memory::reserve_check(memory::mul(n, 12 * 8 + 4 + 2 * 64), "the layout (positions and quadtree)");
  const auto N = std::int64_t(n);
  Progress& prog = ringleader::detail::progress_of(o.progress);
  Layout L;
  L.x.resize(n);
  L.y.resize(n);
  const double half = std::sqrt(double(n));
  for (vertex_t v = 0; v < n; ++v) {
    Rng rng(mix(o.seed, v));
    const double rx = (2 * rng.uniform() - 1) * half, ry = (2 * rng.uniform() - 1) * half;
    L.x[v] = o.start_x.empty() || std::isnan(o.start_x[v]) ? rx : o.start_x[v];
    L.y[v] = o.start_y.empty() || std::isnan(o.start_y[v]) ? ry : o.start_y[v];
  }
  const detail_fa2::Forces F(g, o);
  const auto& mass = F.mass();
  const bool bh = n > o.barnes_hut_above;
  std::vector<double> fx(n, 0.0), fy(n, 0.0), px(n), py(n);
  double speed = 1.0, efficiency = 1.0;
  prog.start(std::uint64_t(o.iterations));
  for (int it = 0; it < o.iterations; ++it) {
    fx.swap(px);
    fy.swap(py);
    detail_fa2::all_forces(F, L.x, L.y, bh, o, fx, fy);
    // Adaptive speed (Gephi's ForceAtlas2.goAlgo).
    double swinging = 0, traction = 0;
    for (vertex_t v = 0; v < n; ++v) {
      swinging += mass[v] * std::hypot(fx[v] - px[v], fy[v] - py[v]);
      traction += mass[v] * std::hypot(fx[v] + px[v], fy[v] + py[v]) / 2;
    }
    if (swinging > 0 && traction > 0) {
      const double estimate = 0.05 * std::sqrt(double(n));
      double jt = o.jitter_tolerance *
                  std::max(std::sqrt(estimate), std::min(10.0, estimate * traction / (double(n) * double(n))));
      if (swinging / traction > 2.0) {
        if (efficiency > 0.05) efficiency *= 0.5;
        jt = std::max(jt, o.jitter_tolerance);
      }
      const double target = jt * efficiency * traction / swinging;
      if (swinging > jt * traction) {
        if (efficiency > 0.05) efficiency *= 0.7;
      } else if (speed < 1000) {
        efficiency *= 1.3;
      }
      speed += std::min(target - speed, 0.5 * speed);
    }
    parallel::for_each_index(
        N,
        [&](std::int64_t i) {
          const auto v = std::size_t(i);
          const double sw = mass[v] * std::hypot(fx[v] - px[v], fy[v] - py[v]);
          double f = speed / (1 + std::sqrt(speed * sw));
          if (o.prevent_overlap) {
            const double df = std::hypot(fx[v], fy[v]);
            f = df > 0 ? std::min(0.1 * f * df, 10.0) / df : 0;
          }
          L.x[v] += fx[v] * f;
          L.y[v] += fy[v] * f;
        },
        o.threads);
    prog.advance();
    prog.check();
  }
  prog.finish();
  return L;
}

/// ForceAtlas2 positions of every vertex of `net`, read as
/// layout_edges(net, o.weight) ("weight" when only o.weighted is set).
inline Layout force_atlas2(const Network& net, ForceAtlas2Options o = {}) {
  const EdgeList e = layout_edges(net, graph::read_weight(o));
  return force_atlas2(CsrGraph::build(vertex_t(net.number_of_nodes()), false, e.source, e.target, &e.weight), o);
}

}  // namespace ringleader::layout
