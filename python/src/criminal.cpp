// Bindings of the criminal-network measures.
#include "bindings.hpp"

#include <ringleader/criminal/structural_holes.hpp>

namespace rlpy {

void bind_criminal(py::module_& m) {
  using namespace ringleader;
  using namespace ringleader::criminal;
  m.def("structural_holes",
        [](const Network& net, bool weighted, int threads, py::object report) {
          StructuralHolesOptions o;
          o.weighted = weighted;
          o.threads = threads;
          StructuralHoles r = run(report, [&](Progress& p) {
            o.progress = &p;
            return structural_holes(*net.csr(), o);
          });
          py::dict d;
          d["constraint"] = own(std::move(r.constraint));
          d["effective_size"] = own(std::move(r.effective_size));
          d["efficiency"] = own(std::move(r.efficiency));
          d["hierarchy"] = own(std::move(r.hierarchy));
          return d;
        },
        py::arg("net"), py::arg("weighted"), py::arg("threads"), py::arg("report"));
}

}  // namespace rlpy
