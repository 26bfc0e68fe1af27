// Bindings of the centrality family (include/ringleader/centrality), one
// function per kernel.  Each takes a network (and the edge column of its
// weights: None = unweighted), runs the kernel's Network overload, which
// reads the simple view of the kernel's rule (graph/view.hpp), and returns a
// numpy array per vertex; `report` is the Python progress reporter or None
// (Ctrl-C is checked either way).
//   - degree and strength: graph::Merge::Total;
//   - path-based (betweenness, edge betweenness, approximate betweenness,
//     closeness, harmonic): weights read as distances, graph::Merge::Shortest;
//     reaching: graph::Merge::Structure;
//   - spectral (eigenvector, PageRank, Katz, HITS): weights read as
//     strengths, graph::Merge::Total; core numbers graph::Merge::Structure.
//     Vector arguments are empty for "default" or hold one value per vertex.
#include "bindings.hpp"

#include <ringleader/centrality/core_number.hpp>
#include <ringleader/centrality/eigenvector.hpp>
#include <ringleader/centrality/hits.hpp>
#include <ringleader/centrality/katz.hpp>
#include <ringleader/centrality/pagerank.hpp>

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::centrality;
using Vec = std::vector<double>;

DegreeMode degree_mode(const std::string& mode) {
  return choice<DegreeMode>("mode", mode, {{"all", DegreeMode::All}, {"in", DegreeMode::In}, {"out", DegreeMode::Out}});
}

/// A partial kernel `kernel(net, units, options)` over `units`, GIL released,
/// with progress and Ctrl-C as the full kernels.
template <class Options, class Kernel>
py::array_t<double> partial(const ringleader::Network& net, const U32& units, Options o, py::object report,
                            Kernel kernel) {
  const std::vector<ringleader::vertex_t> u = vec(units);
  return own(run_with(report, o, [&] { return kernel(net, u, o); }));
}

/// The path-based centralities (python/ringleader/centrality/_paths.py).
void bind_path_based(py::module_& m) {
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
        [](const Network& net, const U32& sources, bool endpoints, const Weight& weight, int threads,
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
        [](const F64& raw, vertex_t n, bool directed, bool normalized, bool endpoints, std::size_t k,
           std::uint64_t seed, std::optional<U32> sources) {
          BetweennessOptions o;
          o.normalized = normalized;
          o.endpoints = endpoints;
          o.k = k;
          o.seed = seed;
          std::vector<double> b = vec(raw);
          if (sources) betweenness_finalize(b, n, directed, o, vec(*sources));
          else betweenness_finalize(b, n, directed, o);
          return own(std::move(b));
        },
        py::arg("raw"), py::arg("n"), py::arg("directed"), py::arg("normalized"), py::arg("endpoints"), py::arg("k"),
        py::arg("seed"), py::arg("sources") = py::none());
  m.def("closeness_partial",
        [](const Network& net, const U32& units, bool wf_improved, const Weight& weight, int threads,
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
        [](const Network& net, const U32& units, const Weight& weight, std::size_t k, std::uint64_t seed, int threads,
           py::object report) {
          ClosenessOptions o;
          common(o, net, weight, seed, threads);
          o.k = k;
          return partial(net, units, o, report, [](auto&... a) { return harmonic_partial(a...); });
        },
        py::arg("net"), py::arg("units"), py::arg("weight"), py::arg("k"), py::arg("seed"), py::arg("threads"),
        py::arg("report"));
  m.def("harmonic_finalize",
        [](const F64& sums, vertex_t n, std::size_t k, std::uint64_t seed) {
          ClosenessOptions o;
          o.k = k;
          o.seed = seed;
          std::vector<double> h = vec(sums);
          harmonic_finalize(h, n, o);
          return own(std::move(h));
        },
        py::arg("sums"), py::arg("n"), py::arg("k"), py::arg("seed"));
  m.def("sample_sources",
        [](std::uint32_t n, std::size_t k, std::uint64_t seed) { return own(sample_sources(n, k, seed)); },
        py::arg("n"), py::arg("k"), py::arg("seed"));
  // Reachability reads graph::Merge::Structure (no weights).
  m.def("local_reaching",
        [](const Network& net, int threads, py::object report) {
          ReachingOptions o;
          o.threads = threads;
          return own(run_with(report, o, [&] { return local_reaching(net, o); }));
        },
        py::arg("net"), py::arg("threads"), py::arg("report"));
  m.def("global_reaching", py::overload_cast<const std::vector<double>&>(&global_reaching), py::arg("local"));
}

/// The spectral centralities and core numbers (centrality/_spectral.py).
void bind_spectral_measures(py::module_& m) {
  m.def("eigenvector",
        [](const Network& net, const Weight& weight, int max_iter, double tol, Vec nstart, int threads,
           py::object report) {
          EigenvectorOptions o;
          o.weight = weight_column(net, weight);
          o.max_iter = max_iter;
          o.tol = tol;
          o.nstart = std::move(nstart);
          o.threads = threads;
          return own(run_with(report, o, [&] { return eigenvector(net, o); }));
        },
        py::arg("net"), py::arg("weight"), py::arg("max_iter"), py::arg("tol"), py::arg("nstart"),
        py::arg("threads"), py::arg("report") = py::none());
  m.def("pagerank",
        [](const Network& net, double alpha, Vec personalization, const Weight& weight, int max_iter,
           double tol, Vec nstart, Vec dangling, int threads, py::object report) {
          PageRankOptions o;
          o.alpha = alpha;
          o.personalization = std::move(personalization);
          o.weight = weight_column(net, weight);
          o.max_iter = max_iter;
          o.tol = tol;
          o.nstart = std::move(nstart);
          o.dangling = std::move(dangling);
          o.threads = threads;
          return own(run_with(report, o, [&] { return pagerank(net, o); }));
        },
        py::arg("net"), py::arg("alpha"), py::arg("personalization"), py::arg("weight"), py::arg("max_iter"),
        py::arg("tol"), py::arg("nstart"), py::arg("dangling"), py::arg("threads"),
        py::arg("report") = py::none());
  m.def("katz",
        [](const Network& net, double alpha, double beta, Vec beta_per_vertex, const Weight& weight,
           bool normalized, int max_iter, double tol, Vec nstart, int threads, py::object report) {
          KatzOptions o;
          o.alpha = alpha;
          o.beta = beta;
          o.beta_per_vertex = std::move(beta_per_vertex);
          o.weight = weight_column(net, weight);
          o.normalized = normalized;
          o.max_iter = max_iter;
          o.tol = tol;
          o.nstart = std::move(nstart);
          o.threads = threads;
          return own(run_with(report, o, [&] { return katz(net, o); }));
        },
        py::arg("net"), py::arg("alpha"), py::arg("beta"), py::arg("beta_per_vertex"), py::arg("weight"),
        py::arg("normalized"), py::arg("max_iter"), py::arg("tol"), py::arg("nstart"), py::arg("threads"),
        py::arg("report") = py::none());
  m.def("hits",
        [](const Network& net, const Weight& weight, int max_iter, double tol, Vec nstart, int threads,
           py::object report, const std::string& method) {
          HitsOptions o;
          o.method = choice<HitsMethod>(
              "method", method,
              {{"auto", HitsMethod::Auto}, {"power", HitsMethod::Power}, {"dense", HitsMethod::Dense}});
          o.weight = weight_column(net, weight);
          o.max_iter = max_iter;
          o.tol = tol;
          o.nstart = std::move(nstart);
          o.threads = threads;
          HitsResult r = run_with(report, o, [&] { return hits(net, o); });
          return py::make_tuple(own(std::move(r.hub)), own(std::move(r.authority)));
        },
        py::arg("net"), py::arg("weight"), py::arg("max_iter"), py::arg("tol"), py::arg("nstart"),
        py::arg("threads"), py::arg("report") = py::none(), py::arg("method") = "auto");
  m.def("core_number",
        [](const Network& net, int threads, py::object report, bool parallel) {
          CoreNumberOptions o;
          o.threads = threads;
          o.parallel = parallel;
          return own(run_with(report, o, [&] { return core_number(net, o); }));
        },
        py::arg("net"), py::arg("threads"), py::arg("report") = py::none(), py::arg("parallel") = true);
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
  bind_path_based(m);
  bind_spectral_measures(m);
}

}  // namespace rlpy
