// Bindings of the spectral kernels (registered from bind_centrality): each
// takes a network and the edge column read as strengths (None = unweighted)
// and runs the Network overload (graph::Merge::Total; core numbers
// graph::Merge::Structure); vector arguments are empty for "default" or hold
// one value per vertex.
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
}  // namespace

void bind_centrality_spectral(py::module_& m) {
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
        [](const Network& net, int threads, py::object report) {
          CoreNumberOptions o;
          o.threads = threads;
          return own(run_with(report, o, [&] { return core_number(net, o); }));
        },
        py::arg("net"), py::arg("threads"), py::arg("report") = py::none());
}

}  // namespace rlpy
