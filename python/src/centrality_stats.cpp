// Bindings of the stats kernels (registered from bind_centrality).
#include "bindings.hpp"

namespace rlpy {

void bind_centrality_stats(py::module_& m) { (void)m; }

}  // namespace rlpy
