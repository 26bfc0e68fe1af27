// Bindings of the path-based centralities (betweenness, edge betweenness,
// approximate betweenness, closeness, harmonic).  Each takes a network and
// the edge column read as distances (None = hop counts) and runs the
// kernel's Network overload, which reads the network's simple view
// (graph::Merge::Shortest); `report` is the Python progress reporter or None
// (Ctrl-C is checked either way).
#include "bindings.hpp"

namespace rlpy {
namespace {

using Units = py::array_t<ringleader::vertex_t, py::array::c_style | py::array::forcecast>;
using Values = py::array_t<double, py::array::c_style | py::array::forcecast>;

std::vector<ringleader::vertex_t> vertices(const Units& units) {
  return std::vector<ringleader::vertex_t>(units.data(), units.data() + units.size());
}

/// A partial kernel `kernel(net, units, options)` over `units`, GIL released,
/// with progress and Ctrl-C as the full kernels.
template <class Options, class Kernel>
py::array_t<double> partial(const ringleader::Network& net, const Units& units, Options o, py::object report,
                            Kernel kernel) {
  const std::vector<ringleader::vertex_t> u = vertices(units);
  return own(run_with(report, o, [&] { return kernel(net, u, o); }));
}

}  // namespace

void bind_centrality_paths(py::module_& m) {
  using namespace ringleader;
  using namespace ringleader::centrality;

  m.def("betweenness",
        [](const Network& net, bool normalized, bool endpoints, const Weight& weight, std::size_t k, std::uint64_t seed,
           int threads, py::object report) {
          BetweennessOptions o;
          o.normalized = normalized;
          o.endpoints = endpoints;
          common(o, net, weight, seed, threads);
          o.k = k;
          return own(run_with(report, o, [&] { return betweenness(net, o); }));
        },
        py::arg("net"), py::arg("normalized"), py::arg("endpoints"), py::arg("weight"), py::arg("k"),
        py::arg("seed"), py::arg("threads"), py::arg("report"));
  m.def("edge_betweenness",
        [](const Network& net, bool normalized, const Weight& weight, std::size_t k, std::uint64_t seed, int threads,
           py::object report) {
          BetweennessOptions o;
          o.normalized = normalized;
          common(o, net, weight, seed, threads);
          o.k = k;
          EdgeBetweenness r = run_with(report, o, [&] { return edge_betweenness(net, o); });
          return py::make_tuple(own(std::move(r.source)), own(std::move(r.target)), own(std::move(r.values)));
        },
        py::arg("net"), py::arg("normalized"), py::arg("weight"), py::arg("k"), py::arg("seed"),
        py::arg("threads"), py::arg("report"));
  m.def("betweenness_approx",
        [](const Network& net, double epsilon, double delta, const Weight& weight, std::uint64_t seed, int threads,
           py::object report) {
          BetweennessApproxOptions o;
          o.epsilon = epsilon;
          o.delta = delta;
          common(o, net, weight, seed, threads);
          BetweennessApprox r = run_with(report, o, [&] { return betweenness_approx(net, o); });
          return py::make_tuple(own(std::move(r.values)), r.samples, r.vertex_diameter, r.exact);
        },
        py::arg("net"), py::arg("epsilon"), py::arg("delta"), py::arg("weight"), py::arg("seed"),
        py::arg("threads"), py::arg("report"));
  m.def("closeness",
        [](const Network& net, bool wf_improved, const Weight& weight, int threads, py::object report) {
          ClosenessOptions o;
          o.wf_improved = wf_improved;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          return own(run_with(report, o, [&] { return closeness(net, o); }));
        },
        py::arg("net"), py::arg("wf_improved"), py::arg("weight"), py::arg("threads"), py::arg("report"));
  m.def("harmonic",
        [](const Network& net, const Weight& weight, std::size_t k, std::uint64_t seed, int threads,
           py::object report) {
          ClosenessOptions o;
          common(o, net, weight, seed, threads);
          o.k = k;
          return own(run_with(report, o, [&] { return harmonic(net, o); }));
        },
        py::arg("net"), py::arg("weight"), py::arg("k"), py::arg("seed"), py::arg("threads"), py::arg("report"));
  // Partial kernels (rl.distributed): the same code as the full kernels over
  // a block of sources / vertices, then a finalisation of the merged sums.
  m.def("betweenness_partial",
        [](const Network& net, const Units& sources, bool endpoints, const Weight& weight, int threads,
           py::object report) {
          BetweennessOptions o;
          o.endpoints = endpoints;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          return partial(net, sources, o, report, [](auto&... a) { return betweenness_partial(a...); });
        },
        py::arg("net"), py::arg("sources"), py::arg("endpoints"), py::arg("weight"), py::arg("threads"),
        py::arg("report"));
  // `sources`: the sampled sources when drawn elsewhere (networkx's own
  // sample); then k and seed are not used.
  m.def("betweenness_finalize",
        [](const Values& raw, vertex_t n, bool directed, bool normalized, bool endpoints, std::size_t k,
           std::uint64_t seed, std::optional<Units> sources) {
          BetweennessOptions o;
          o.normalized = normalized;
          o.endpoints = endpoints;
          o.k = k;
          o.seed = seed;
          std::vector<double> b(raw.data(), raw.data() + raw.size());
          if (sources) betweenness_finalize(b, n, directed, o, vertices(*sources));
          else betweenness_finalize(b, n, directed, o);
          return own(std::move(b));
        },
        py::arg("raw"), py::arg("n"), py::arg("directed"), py::arg("normalized"), py::arg("endpoints"), py::arg("k"),
        py::arg("seed"), py::arg("sources") = py::none());
  m.def("closeness_partial",
        [](const Network& net, const Units& units, bool wf_improved, const Weight& weight, int threads,
           py::object report) {
          ClosenessOptions o;
          o.wf_improved = wf_improved;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          return partial(net, units, o, report, [](auto&... a) { return closeness_partial(a...); });
        },
        py::arg("net"), py::arg("units"), py::arg("wf_improved"), py::arg("weight"), py::arg("threads"),
        py::arg("report"));
  m.def("harmonic_partial",
        [](const Network& net, const Units& units, const Weight& weight, std::size_t k, std::uint64_t seed, int threads,
           py::object report) {
          ClosenessOptions o;
          common(o, net, weight, seed, threads);
          o.k = k;
          return partial(net, units, o, report, [](auto&... a) { return harmonic_partial(a...); });
        },
        py::arg("net"), py::arg("units"), py::arg("weight"), py::arg("k"), py::arg("seed"), py::arg("threads"),
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
