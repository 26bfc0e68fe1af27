// Bindings of community detection and partition quality.  Kernels take a
// network (and the edge column of its strengths: None = unweighted) and run
// the Network overloads, which read the simple view of the kernel's rule
// (graph/view.hpp); partitions travel as uint32 arrays aligned with the
// vertices.
#include "bindings.hpp"

#include <ringleader/community/compare.hpp>
#include <ringleader/community/components.hpp>
#include <ringleader/community/semi_synchronous_lpa.hpp>
#include <ringleader/community/label_propagation.hpp>
#include <ringleader/community/leiden.hpp>
#include <ringleader/community/louvain.hpp>
#include <ringleader/community/modularity.hpp>

namespace rlpy {
namespace {
using namespace ringleader;
using namespace ringleader::community;


py::dict result(Partition&& p) {
  py::dict d;
  d["count"] = p.count;
  d["modularity"] = p.modularity;
  d["quality"] = p.quality;
  d["iterations"] = p.iterations;
  py::list levels;
  for (auto& l : p.levels) levels.append(own(std::move(l)));
  d["levels"] = levels;
  d["membership"] = own(std::move(p.membership));
  return d;
}
}  // namespace

void bind_community(py::module_& m) {
  m.def("leiden",
        [](const Network& net, const std::string& objective, double resolution, const Weight& weight,
           std::uint64_t seed, int n_iterations, double tolerance, double theta, py::object initial, int threads,
           py::object report) {
          LeidenOptions o;
          o.objective = choice<Objective>("objective", objective,
                                          {{"modularity", Objective::Modularity}, {"cpm", Objective::CPM}});
          o.resolution = resolution;
          common(o, net, weight, seed, threads);
          o.n_iterations = n_iterations;
          o.tolerance = tolerance;
          o.theta = theta;
          if (!initial.is_none()) o.initial = vec(initial.cast<U32>());
          return result(run_with(report, o, [&] { return leiden(net, o); }));
        },
        py::arg("net"), py::arg("objective"), py::arg("resolution"), py::arg("weight"), py::arg("seed"),
        py::arg("n_iterations"), py::arg("tolerance"), py::arg("theta"), py::arg("initial"), py::arg("threads"),
        py::arg("report"));
  m.def("louvain",
        [](const Network& net, double resolution, const Weight& weight, std::uint64_t seed, int threads,
           py::object report, bool refine) {
          LouvainOptions o;
          o.resolution = resolution;
          o.refine = refine;
          common(o, net, weight, seed, threads);
          return result(run_with(report, o, [&] { return louvain(net, o); }));
        },
        py::arg("net"), py::arg("resolution"), py::arg("weight"), py::arg("seed"), py::arg("threads"),
        py::arg("report"), py::arg("refine") = true);
  m.def("label_propagation",
        [](const Network& net, const Weight& weight, std::uint64_t seed, int max_rounds, int threads,
           py::object report) {
          LabelPropagationOptions o;
          common(o, net, weight, seed, threads);
          o.max_rounds = max_rounds;
          return result(run_with(report, o, [&] { return label_propagation(net, o); }));
        },
        py::arg("net"), py::arg("weight"), py::arg("seed"), py::arg("max_rounds"), py::arg("threads"),
        py::arg("report"));
  m.def("components",
        [](const Network& net, bool strong, bool by_size) {
          return result(run(py::none(), [&](Progress&) {
            return strong ? strong_components(net, by_size) : weak_components(net);
          }));
        },
        py::arg("net"), py::arg("strong"), py::arg("by_size") = true);
  m.def("semi_synchronous_label_propagation",
        [](const Network& net, py::object order, int threads, py::object report) {
          SemiSynchronousOptions o;
          if (!order.is_none()) o.order = vec(order.cast<U32>());
          o.threads = threads;
          return result(run_with(report, o, [&] { return semi_synchronous_label_propagation(net, o); }));
        },
        py::arg("net"), py::arg("order"), py::arg("threads"), py::arg("report"));
  m.def("modularity",
        [](const Network& net, U32 memb, double resolution, const Weight& weight, bool cpm, int threads) {
          ModularityOptions o;
          o.resolution = resolution;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          auto m = vec(memb);
          return run(py::none(), [&](Progress&) {
            return cpm ? cpm_quality(net, m, o) : modularity(net, m, o);
          });
        },
        py::arg("net"), py::arg("membership"), py::arg("resolution"), py::arg("weight"), py::arg("cpm"),
        py::arg("threads"));
  m.def("partition_quality",
        [](const Network& net, U32 memb, int threads) {
          auto m = vec(memb);
          auto q = run(py::none(), [&](Progress&) { return partition_quality(net, m, threads); });
          return py::make_tuple(q.coverage, q.performance);
        },
        py::arg("net"), py::arg("membership"), py::arg("threads"));
  m.def("community_stats",
        [](const Network& net, U32 memb, const Weight& weight, int threads) {
          auto m = vec(memb);
          const std::string column = weight_column(net, weight);
          auto s = run(py::none(), [&](Progress&) { return community_stats(net, m, column, threads); });
          return py::dict("size"_a = own(std::move(s.size)),
                          "internal_weight"_a = own(std::move(s.internal)),
                          "volume"_a = own(std::move(s.volume)),
                          "cut"_a = own(std::move(s.cut)),
                          "conductance"_a = own(std::move(s.conductance)));
        },
        py::arg("net"), py::arg("membership"), py::arg("weight"), py::arg("threads"));
  m.def("nmi",
        [](I64 a, I64 b, const std::string& average) {
          auto x = vec(a), y = vec(b);
          return run(py::none(), [&](Progress&) { return nmi(x, y, average); });
        },
        py::arg("a"), py::arg("b"), py::arg("average"));
  m.def("ari",
        [](I64 a, I64 b) {
          auto x = vec(a), y = vec(b);
          return run(py::none(), [&](Progress&) { return ari(x, y); });
        },
        py::arg("a"), py::arg("b"));
}

}  // namespace rlpy
