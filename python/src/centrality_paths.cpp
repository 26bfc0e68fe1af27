// Bindings of the paths kernels (registered from bind_centrality).
#include "bindings.hpp"

namespace rlpy {

void bind_centrality_paths(py::module_& m) { (void)m; }

}  // namespace rlpy
