// Bindings of the path-based centralities (betweenness, edge betweenness,
// approximate betweenness, closeness, harmonic).  Each takes the compute view
// of an already prepared (collapsed) network; `report` is the Python progress
// reporter or None (Ctrl-C is checked either way).
#include "bindings.hpp"

namespace rlpy {

void bind_centrality_paths(py::module_& m) {
  using namespace ringleader;
  using namespace ringleader::centrality;

  m.def("betweenness",
        [](const Network& net, bool normalized, bool endpoints, bool weighted, std::size_t k, std::uint64_t seed,
           int threads, py::object report) {
          BetweennessOptions o;
          o.normalized = normalized;
          o.endpoints = endpoints;
          o.weighted = weighted;
          o.k = k;
          o.seed = seed;
          o.threads = threads;
          return own(run(report, [&](Progress& p) {
            o.progress = &p;
            return betweenness(*net.csr(), o);
          }));
        },
        py::arg("net"), py::arg("normalized"), py::arg("endpoints"), py::arg("weighted"), py::arg("k"),
        py::arg("seed"), py::arg("threads"), py::arg("report"));
  m.def("edge_betweenness",
        [](const Network& net, bool normalized, bool weighted, std::size_t k, std::uint64_t seed, int threads,
           py::object report) {
          BetweennessOptions o;
          o.normalized = normalized;
          o.weighted = weighted;
          o.k = k;
          o.seed = seed;
          o.threads = threads;
          return own(run(report, [&](Progress& p) {
            o.progress = &p;
            return edge_betweenness(*net.csr(), o);
          }));
        },
        py::arg("net"), py::arg("normalized"), py::arg("weighted"), py::arg("k"), py::arg("seed"),
        py::arg("threads"), py::arg("report"));
  m.def("betweenness_approx",
        [](const Network& net, double epsilon, double delta, bool weighted, std::uint64_t seed, int threads,
           py::object report) {
          BetweennessApproxOptions o;
          o.epsilon = epsilon;
          o.delta = delta;
          o.weighted = weighted;
          o.seed = seed;
          o.threads = threads;
          BetweennessApprox r = run(report, [&](Progress& p) {
            o.progress = &p;
            return betweenness_approx(*net.csr(), o);
          });
          return py::make_tuple(own(std::move(r.values)), r.samples, r.vertex_diameter, r.exact);
        },
        py::arg("net"), py::arg("epsilon"), py::arg("delta"), py::arg("weighted"), py::arg("seed"),
        py::arg("threads"), py::arg("report"));
  m.def("closeness",
        [](const Network& net, bool wf_improved, bool weighted, int threads, py::object report) {
          ClosenessOptions o;
          o.wf_improved = wf_improved;
          o.weighted = weighted;
          o.threads = threads;
          return own(run(report, [&](Progress& p) {
            o.progress = &p;
            return closeness(*net.csr(), o);
          }));
        },
        py::arg("net"), py::arg("wf_improved"), py::arg("weighted"), py::arg("threads"), py::arg("report"));
  m.def("harmonic",
        [](const Network& net, bool weighted, std::size_t k, std::uint64_t seed, int threads, py::object report) {
          ClosenessOptions o;
          o.weighted = weighted;
          o.k = k;
          o.seed = seed;
          o.threads = threads;
          return own(run(report, [&](Progress& p) {
            o.progress = &p;
            return harmonic(*net.csr(), o);
          }));
        },
        py::arg("net"), py::arg("weighted"), py::arg("k"), py::arg("seed"), py::arg("threads"), py::arg("report"));
  m.def("sample_sources",
        [](std::uint32_t n, std::size_t k, std::uint64_t seed) { return own(sample_sources(n, k, seed)); },
        py::arg("n"), py::arg("k"), py::arg("seed"));
}

}  // namespace rlpy
