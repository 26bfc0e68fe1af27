// Bindings of paths/: shortest, all shortest and k shortest paths, ego
// networks, maximum flow.  Filters arrive as uint8 masks (or None); the GIL is
// released.
#include "bindings.hpp"

namespace rlpy {
namespace {

using namespace ringleader;
using NetPtr = std::shared_ptr<Network>;
paths::PathOptions path_options(bool ignore_direction, const Mask& node_ok, const Mask& edge_ok) {
  paths::PathOptions o;
  o.ignore_direction = ignore_direction;
  o.node_ok = mask(node_ok);
  o.edge_ok = mask(edge_ok);
  return o;
}

py::tuple as_tuple(const paths::Path& p) {
  return py::make_tuple(p.nodes, p.edges, p.length);
}

py::list as_list(const std::vector<paths::Path>& ps) {
  py::list out;
  for (const auto& p : ps) out.append(as_tuple(p));
  return out;
}

}  // namespace

void bind_paths(py::module_& m) {
  // Path searches: (nodes, edges, length) tuples.  `weights` = distance per edge.
#define RL_PATH_ARGS                                                                                                \
  py::arg("net"), py::arg("source"), py::arg("target"), py::arg("weights"), py::arg("ignore_direction"),          \
      py::arg("node_ok"), py::arg("edge_ok")
  m.def("shortest_path",
        [](const Network& net, vertex_t s, vertex_t t, std::optional<std::vector<double>> w, bool ignore_direction,
           Mask node_ok, Mask edge_ok) -> py::object {
          auto o = path_options(ignore_direction, node_ok, edge_ok);
          if (w) o.weights = &*w;
          std::optional<paths::Path> p;
          {
            py::gil_scoped_release release;
            p = paths::shortest_path(*net.csr(), s, t, o);
          }
          return p ? py::object(as_tuple(*p)) : py::object(py::none());
        },
        RL_PATH_ARGS);
  m.def("all_shortest_paths",
        [](const Network& net, vertex_t s, vertex_t t, std::optional<std::vector<double>> w, bool ignore_direction,
           Mask node_ok, Mask edge_ok, std::size_t limit) {
          auto o = path_options(ignore_direction, node_ok, edge_ok);
          if (w) o.weights = &*w;
          std::vector<paths::Path> ps;
          {
            py::gil_scoped_release release;
            ps = paths::all_shortest_paths(*net.csr(), s, t, o, limit);
          }
          return as_list(ps);
        },
        RL_PATH_ARGS, py::arg("limit"));
  m.def("k_shortest_paths",
        [](const Network& net, vertex_t s, vertex_t t, std::optional<std::vector<double>> w, bool ignore_direction,
           Mask node_ok, Mask edge_ok, std::size_t k, py::object report) {
          auto o = path_options(ignore_direction, node_ok, edge_ok);
          if (w) o.weights = &*w;
          auto ps = run(report, [&](Progress& p) { return paths::k_shortest_paths(*net.csr(), s, t, k, o, &p); });
          return as_list(ps);
        },
        RL_PATH_ARGS, py::arg("k"), py::arg("report"));
#undef RL_PATH_ARGS
  m.def("ego_vertices",
        [](const Network& net, vertex_t center, int radius, Mask node_ok, bool follow_direction) {
          paths::Ego e;
          auto ok = mask(node_ok);
          {
            py::gil_scoped_release release;
            e = paths::ego_vertices(*net.csr(), center, radius, ok, follow_direction);
          }
          return py::make_tuple(own(std::move(e.vertices)), own(std::move(e.distance)));
        },
        py::arg("net"), py::arg("center"), py::arg("radius"), py::arg("node_ok"), py::arg("follow_direction"));
  // Maximum flow / minimum cut (graph/max_flow.hpp), on arrays of arcs with integer capacities.
  m.def("max_flow",
        [](vertex_t n, U32 src, U32 dst, I64 capacity, vertex_t s, vertex_t t) {
          auto a = vec<vertex_t>(src), b = vec<vertex_t>(dst);
          auto c = vec<std::int64_t>(capacity);
          paths::MaxFlowResult r = run(py::none(), [&](Progress&) { return paths::max_flow(n, a, b, c, s, t); });
          return py::make_tuple(r.value, own(std::move(r.source_side)), own(std::move(r.sink_side)));
        },
        py::arg("n"), py::arg("src"), py::arg("dst"), py::arg("capacity"), py::arg("s"), py::arg("t"));
}

}  // namespace rlpy
