// Bindings of the path-based centralities (betweenness, edge betweenness,
// approximate betweenness, closeness, harmonic).  Each takes the compute view
// of an already prepared (collapsed) network; `report` is the Python progress
// reporter or None (Ctrl-C is checked either way).
#include "bindings.hpp"

namespace rlpy {
namespace {

using Units = py::array_t<ringleader::vertex_t, py::array::c_style | py::array::forcecast>;
using Values = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// A partial kernel `kernel(g, units, options)` on the compute view of `net`
/// over `units`, GIL released, with progress and Ctrl-C as the full kernels.
template <class Options, class Kernel>
py::array_t<double> partial(const ringleader::Network& net, const Units& units, Options o, py::object report,
                            Kernel kernel) {
  std::vector<ringleader::vertex_t> u(units.data(), units.data() + units.size());
  return own(run(report, [&](ringleader::Progress& p) {
    o.progress = &p;
    return kernel(*net.csr(), u, o);
  }));
}

}  // namespace

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
  // Partial kernels (rl.distributed): the same code as the full kernels over
  // a block of sources / vertices, then a finalisation of the merged sums.
  m.def("betweenness_partial",
        [](const Network& net, const Units& sources, bool endpoints, bool weighted, int threads, py::object report) {
          BetweennessOptions o;
          o.endpoints = endpoints;
          o.weighted = weighted;
          o.threads = threads;
          return partial(net, sources, o, report, [](auto&... a) { return betweenness_partial(a...); });
        },
        py::arg("net"), py::arg("sources"), py::arg("endpoints"), py::arg("weighted"), py::arg("threads"),
        py::arg("report"));
  m.def("betweenness_finalize",
        [](const Values& raw, vertex_t n, bool directed, bool normalized, bool endpoints, std::size_t k,
           std::uint64_t seed) {
          BetweennessOptions o;
          o.normalized = normalized;
          o.endpoints = endpoints;
          o.k = k;
          o.seed = seed;
          std::vector<double> b(raw.data(), raw.data() + raw.size());
          betweenness_finalize(b, n, directed, o);
          return own(std::move(b));
        },
        py::arg("raw"), py::arg("n"), py::arg("directed"), py::arg("normalized"), py::arg("endpoints"), py::arg("k"),
        py::arg("seed"));
  m.def("closeness_partial",
        [](const Network& net, const Units& units, bool wf_improved, bool weighted, int threads, py::object report) {
          ClosenessOptions o;
          o.wf_improved = wf_improved;
          o.weighted = weighted;
          o.threads = threads;
          return partial(net, units, o, report, [](auto&... a) { return closeness_partial(a...); });
        },
        py::arg("net"), py::arg("units"), py::arg("wf_improved"), py::arg("weighted"), py::arg("threads"),
        py::arg("report"));
  m.def("harmonic_partial",
        [](const Network& net, const Units& units, bool weighted, std::size_t k, std::uint64_t seed, int threads,
           py::object report) {
          ClosenessOptions o;
          o.weighted = weighted;
          o.k = k;
          o.seed = seed;
          o.threads = threads;
          return partial(net, units, o, report, [](auto&... a) { return harmonic_partial(a...); });
        },
        py::arg("net"), py::arg("units"), py::arg("weighted"), py::arg("k"), py::arg("seed"), py::arg("threads"),
        py::arg("report"));
  m.def("harmonic_finalize",
        [](const Values& sums, vertex_t n, std::size_t k, std::uint64_t seed) {
          ClosenessOptions o;
          o.k = k;
          o.seed = seed;
          std::vector<double> h(sums.data(), sums.data() + sums.size());
          harmonic_finalize(h, n, o);
          return own(std::move(h));
        },
        py::arg("sums"), py::arg("n"), py::arg("k"), py::arg("seed"));
  m.def("sample_sources",
        [](std::uint32_t n, std::size_t k, std::uint64_t seed) { return own(sample_sources(n, k, seed)); },
        py::arg("n"), py::arg("k"), py::arg("seed"));
}

}  // namespace rlpy
