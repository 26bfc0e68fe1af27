// Bindings of the centrality kernels.  Each takes a network (and the edge
// column of its weights: None = unweighted), runs the kernel's Network
// overload, which reads the simple view of its family's rule
// (graph/view.hpp), and returns a numpy array per vertex.
#include "bindings.hpp"

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::centrality;

DegreeMode degree_mode(const std::string& mode) {
  return choice<DegreeMode>("mode", mode, {{"all", DegreeMode::All}, {"in", DegreeMode::In}, {"out", DegreeMode::Out}});
}
}  // namespace

void bind_centrality(py::module_& m) {
  m.def("degree",
        [](const Network& net, const std::string& mode, bool normalized, const Weight& weight,
           int threads) {
          DegreeOptions o;
          o.mode = degree_mode(mode);
          o.normalized = normalized;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          return own(run(py::none(), [&](Progress&) { return degree(net, o); }));
        },
        py::arg("net"), py::arg("mode"), py::arg("normalized"), py::arg("weight"), py::arg("threads"));
  bind_centrality_paths(m);
  bind_centrality_spectral(m);
}

}  // namespace rlpy
