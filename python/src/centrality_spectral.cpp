// Bindings of the spectral kernels (registered from bind_centrality).
#include "bindings.hpp"

namespace rlpy {

void bind_centrality_spectral(py::module_& m) { (void)m; }

}  // namespace rlpy
