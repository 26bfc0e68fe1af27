// Bindings of the stats kernels (stats/): each takes
// a network (and the edge column of its weights: None = unweighted) and runs
// the Network overload, which reads the simple view of the kernel's rule
// (graph/view.hpp).
#include "bindings.hpp"

#include <ringleader/stats/assortativity.hpp>
#include <ringleader/stats/basic.hpp>
#include <ringleader/stats/clustering.hpp>
#include <ringleader/stats/distance.hpp>

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::stats;

centrality::DegreeMode side(const std::string& mode) {
  return choice<centrality::DegreeMode>("x and y", mode,
                                        {{"in", centrality::DegreeMode::In}, {"out", centrality::DegreeMode::Out}});
}
}  // namespace

void bind_stats(py::module_& m) {
  m.def("density",
        [](const Network& net, const Weight& weight) {
          const std::string column = weight_column(net, weight);
          return run(py::none(), [&](Progress&) { return density(net, column); });
        },
        py::arg("net"), py::arg("weight"));
  m.def("reciprocity",
        [](const Network& net, const Weight& weight, int threads) {
          const std::string column = weight_column(net, weight);
          return run(py::none(), [&](Progress&) { return reciprocity(net, column, threads); });
        },
        py::arg("net"), py::arg("weight"), py::arg("threads"));
  m.def("clustering",
        [](const Network& net, const Weight& weight, int threads, py::object report) {
          ClusteringOptions o;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          return own(run_with(report, o, [&] { return clustering(net, o); }));
        },
        py::arg("net"), py::arg("weight"), py::arg("threads"), py::arg("report") = py::none());
  m.def("transitivity",
        [](const Network& net, int threads, py::object report) {
          return run(report, [&](Progress& p) { return transitivity(net, threads, &p); });
        },
        py::arg("net"), py::arg("threads"), py::arg("report") = py::none());
  m.def("degree_assortativity",
        [](const Network& net, const std::string& x, const std::string& y, const Weight& weight, int threads) {
          AssortativityOptions o;
          o.x = side(x);
          o.y = side(y);
          o.weight = weight_column(net, weight);
          o.threads = threads;
          return run(py::none(), [&](Progress&) { return degree_assortativity(net, o); });
        },
        py::arg("net"), py::arg("x"), py::arg("y"), py::arg("weight"), py::arg("threads"));
  m.def("bfs_sources",
        [](const Network& net, std::vector<vertex_t> sources, bool reverse, int threads, py::object report,
           const Weight& weight) {
          BfsOptions o;
          o.reverse = reverse;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          BfsSummary r = run_with(report, o, [&] { return bfs_sources(net, std::move(sources), o); });
          return py::make_tuple(own(std::move(r.eccentricity)), own(std::move(r.distance_sum)),
                                own(std::move(r.reached)));
        },
        py::arg("net"), py::arg("sources"), py::arg("reverse"), py::arg("threads"),
        py::arg("report") = py::none(), py::arg("weight") = py::none());
}

}  // namespace rlpy
