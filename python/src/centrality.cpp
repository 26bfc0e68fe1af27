// Bindings of the centrality kernels.  Each takes the compute view of an
// already prepared (collapsed) network and returns a numpy array per vertex.
#include "bindings.hpp"

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::centrality;

DegreeMode degree_mode(const std::string& mode) {
  if (mode == "all") return DegreeMode::All;
  if (mode == "in") return DegreeMode::In;
  if (mode == "out") return DegreeMode::Out;
  throw InvalidArgument("mode must be 'all', 'in' or 'out', not '" + mode + "'");
}
}  // namespace

void bind_centrality(py::module_& m) {
  m.def("degree",
        [](const Network& net, const std::string& mode, bool normalized, bool weighted, int threads) {
          DegreeOptions o{degree_mode(mode), normalized, weighted, threads};
          return own(run(py::none(), [&](Progress&) { return degree(*net.csr(), o); }));
        },
        py::arg("net"), py::arg("mode"), py::arg("normalized"), py::arg("weighted"), py::arg("threads"));
  bind_centrality_paths(m);
  bind_centrality_spectral(m);
  bind_centrality_stats(m);
}

}  // namespace rlpy
