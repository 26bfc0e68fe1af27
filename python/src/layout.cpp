// Bindings of the layouts.  The graph travels as an undirected edge list of
// vertex indices (layout_edges of a network, or merge_undirected of a graph
// of communities: layout/edges.hpp), so the same call lays out a network or
// a graph of communities; options travel as a dict of ForceAtlas2Options
// fields (absent ones keep their default).
#include "bindings.hpp"

#include <initializer_list>
#include <string>
#include <utility>

#include <ringleader/layout/edges.hpp>
#include <ringleader/layout/force_atlas2.hpp>

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::layout;
template <class T>
using Fields = std::initializer_list<std::pair<const char*, T ForceAtlas2Options::*>>;

/// Sets the field of `fields` named `key` from `value`; false when none is.
template <class T>
bool assign(ForceAtlas2Options& o, const std::string& key, py::handle value, Fields<T> fields) {
  for (const auto& [name, field] : fields)
    if (key == name) {
      o.*field = value.cast<T>();
      return true;
    }
  return false;
}

ForceAtlas2Options options(const py::dict& d) {
  using O = ForceAtlas2Options;
  O o;
  for (auto [k, v] : d) {
    const auto key = k.cast<std::string>();
    if (!(assign<bool>(o, key, v, {{"weighted", &O::weighted}, {"strong_gravity", &O::strong_gravity},
                                   {"linlog", &O::linlog}, {"dissuade_hubs", &O::dissuade_hubs},
                                   {"prevent_overlap", &O::prevent_overlap}}) ||
          assign<double>(o, key, v, {{"scaling", &O::scaling}, {"gravity", &O::gravity},
                                     {"jitter_tolerance", &O::jitter_tolerance}, {"theta", &O::theta}}) ||
          assign<int>(o, key, v, {{"iterations", &O::iterations}, {"threads", &O::threads}}) ||
          assign<std::uint64_t>(o, key, v, {{"seed", &O::seed}}) ||
          assign<vertex_t>(o, key, v, {{"barnes_hut_above", &O::barnes_hut_above}}) ||
          assign<std::vector<double>>(o, key, v, {{"sizes", &O::sizes}, {"start_x", &O::start_x},
                                                  {"start_y", &O::start_y}})))
      throw InvalidArgument("unknown force_atlas2 option '" + key + "'");
  }
  return o;
}

std::vector<vertex_t> vertices(const Arr<vertex_t>& a, vertex_t n) {
  std::vector<vertex_t> v = vec(a);
  for (vertex_t x : v)
    if (x >= n) throw InvalidArgument("edge endpoint " + std::to_string(x) + " is not a vertex (n = " +
                                      std::to_string(n) + ")");
  return v;
}

py::tuple edge_tuple(EdgeList&& e) {
  return py::make_tuple(own(std::move(e.source)), own(std::move(e.target)), own(std::move(e.weight)));
}
}  // namespace

void bind_layout(py::module_& m) {
  m.def("force_atlas2",
        [](vertex_t n, const Arr<vertex_t>& src, const Arr<vertex_t>& dst, const Arr<double>& weight,
           const py::dict& opts, py::object report) {
          if (src.size() != dst.size() || src.size() != weight.size())
            throw InvalidArgument("src, dst and weight must have the same length");
          const std::vector<vertex_t> a = vertices(src, n), b = vertices(dst, n);
          const std::vector<double> w = vec(weight);
          ForceAtlas2Options o = options(opts);
          Layout r = run_with(report, o, [&] { return force_atlas2(CsrGraph::build(n, false, a, b, &w), o); });
          return py::make_tuple(own(std::move(r.x)), own(std::move(r.y)));
        },
        py::arg("n"), py::arg("src"), py::arg("dst"), py::arg("weight"), py::arg("options"),
        py::arg("report") = py::none());
  m.def("layout_edges",
        [](const Network& net, const Weight& weight) {
          const std::string column = weight_column(net, weight);
          return edge_tuple(run(py::none(), [&](Progress&) { return layout_edges(net, column); }));
        },
        py::arg("net"), py::arg("weight"));
  m.def("merge_undirected",
        [](vertex_t n, const Arr<vertex_t>& src, const Arr<vertex_t>& dst, const Arr<double>& weight) {
          const std::vector<vertex_t> a = vec(src), b = vec(dst);
          const std::vector<double> w = vec(weight);
          return edge_tuple(run(py::none(), [&](Progress&) { return merge_undirected(n, a, b, w); }));
        },
        py::arg("n"), py::arg("src"), py::arg("dst"), py::arg("weight"));
}

}  // namespace rlpy
