// Bindings of the criminal-network measures.  The network kernels take a
// network (structural holes: and the edge column of its strengths, None =
// unweighted) and run the Network overloads, which read the simple view of
// the kernel's rule (graph/view.hpp).
#include "bindings.hpp"

#include <ringleader/criminal/brokerage.hpp>
#include <ringleader/criminal/disruption.hpp>
#include <ringleader/criminal/key_players.hpp>
#include <ringleader/criminal/leader_fusion.hpp>
#include <ringleader/criminal/projection.hpp>
#include <ringleader/criminal/structural_holes.hpp>

namespace rlpy {
namespace {

using namespace ringleader;
using namespace ringleader::criminal;

KeyPlayerOptions kpp_options(const std::string& objective, int steps, std::uint64_t seed, int restarts, int threads) {
  KeyPlayerOptions o;
  o.objective = choice<KppObjective>("objective", objective,
                                     {{"fragmentation", KppObjective::Fragmentation},
                                      {"distance_fragmentation", KppObjective::DistanceFragmentation},
                                      {"reach", KppObjective::Reach},
                                      {"distance_reach", KppObjective::DistanceReach}});
  if (restarts < 0) throw InvalidArgument("restarts must be >= 0");
  o.m = steps;
  o.restarts = restarts;
  o.seed = seed;
  o.threads = threads;
  return o;
}

/// Disruption rows as (removed, largest, components, efficiency, disconnected) arrays.
py::tuple rows_tuple(const std::vector<DisruptionStep>& rows) {
  std::vector<vertex_t> removed;
  std::vector<double> largest, comps, eff, disc;
  for (auto& r : rows) {
    removed.push_back(r.removed);
    largest.push_back(r.largest);
    comps.push_back(r.components);
    eff.push_back(r.efficiency);
    disc.push_back(r.disconnected);
  }
  return py::make_tuple(own(std::move(removed)), own(std::move(largest)), own(std::move(comps)),
                        own(std::move(eff)), own(std::move(disc)));
}

DisruptionOptions random_disruption(std::size_t steps, int repeats, std::uint64_t seed, int threads) {
  DisruptionOptions o;
  o.strategy = Strategy::Random;
  o.steps = steps;
  o.repeats = repeats;
  o.seed = seed;
  o.threads = threads;
  return o;
}

}  // namespace

void bind_criminal(py::module_& m) {
  m.def("leader_fusion",
        [](std::vector<std::vector<double>> measures, std::vector<double> weights) {
          LeaderFusionOptions o;
          o.weights = std::move(weights);
          LeaderFusionResult r;
          {
            py::gil_scoped_release release;
            r = leader_fusion(measures, o);
          }
          return py::make_tuple(own(std::move(r.score)), own(std::move(r.rank)));
        },
        py::arg("measures"), py::arg("weights"),
        "Fused log-rank score and rank (criminal/leader_fusion.hpp): measures[m][person], one weight per measure.");
  m.def(
      "tie_safe", [](const F64& values, int digits) { return own(tie_safe(vec(values), digits)); },
      py::arg("values"), py::arg("digits"),
      "Values rounded to `digits` significant digits relative to the largest finite magnitude "
      "(criminal/leader_fusion.hpp).");
  m.def("project",
        [](const Network& net, const std::string& person_type, std::vector<std::string> via, const std::string& weight,
           std::size_t max_hub, std::uint64_t max_pairs) {
          ProjectionOptions o;
          o.person_type = person_type;
          o.via = std::move(via);
          o.weight = choice<Evidence>("weight", weight,
                                      {{"count", Evidence::Count},
                                       {"weight", Evidence::Weight},
                                       {"amount", Evidence::Amount},
                                       {"newman", Evidence::Newman}});
          o.max_hub = max_hub;
          o.max_pairs = max_pairs;
          Projection r;
          {
            py::gil_scoped_release release;
            r = project(net, o);
          }
          return py::make_tuple(std::make_shared<Network>(std::move(r.net)), r.skipped);
        },
        py::arg("net"), py::arg("person_type"), py::arg("via"), py::arg("weight"), py::arg("max_hub"),
        py::arg("max_pairs"));
  m.def("structural_holes",
        [](const Network& net, const Weight& weight, int threads, py::object report) {
          StructuralHolesOptions o;
          o.weight = weight_column(net, weight);
          o.threads = threads;
          StructuralHoles r = run_with(report, o, [&] { return structural_holes(net, o); });
          return py::dict("constraint"_a = own(std::move(r.constraint)),
                          "effective_size"_a = own(std::move(r.effective_size)),
                          "efficiency"_a = own(std::move(r.efficiency)),
                          "hierarchy"_a = own(std::move(r.hierarchy)));
        },
        py::arg("net"), py::arg("weight"), py::arg("threads"), py::arg("report"));
  m.def("brokerage",
        [](const Network& net, Arr<std::int64_t> group,
           int threads) {
          std::vector<std::int64_t> gr = vec(group);
          auto counts = run(py::none(), [&](Progress&) { return brokerage(net, gr, threads); });
          py::array_t<double> outa({py::ssize_t(counts.size()), py::ssize_t(5)});
          auto w = outa.mutable_unchecked<2>();
          for (std::size_t v = 0; v < counts.size(); ++v)
            for (int k = 0; k < 5; ++k) w(py::ssize_t(v), k) = counts[v][std::size_t(k)];
          return outa;
        },
        py::arg("net"), py::arg("group"), py::arg("threads"));
  m.def("key_players",
        [](const Network& net, std::size_t k, const std::string& objective, int steps, std::uint64_t seed,
           int restarts, int threads, py::object report) {
          KeyPlayerOptions o = kpp_options(objective, steps, seed, restarts, threads);
          KeyPlayerResult r = run_with(report, o, [&] { return key_players(net, k, o); });
          return py::make_tuple(own(std::move(r.nodes)), r.score, r.greedy_score);
        },
        py::arg("net"), py::arg("k"), py::arg("objective"), py::arg("m"), py::arg("seed"), py::arg("restarts"),
        py::arg("threads"), py::arg("report"));
  // Partial key-player searches (rl.distributed): runs 0 (greedy) and
  // 1..restarts (random starts), then the merge in run order.
  m.def("key_players_runs",
        [](vertex_t n, std::size_t k, int restarts) {
          KeyPlayerOptions o;
          o.restarts = restarts;
          return own(key_players_runs(n, k, o));
        },
        py::arg("n"), py::arg("k"), py::arg("restarts"));
  m.def("key_players_partial",
        [](const Network& net, std::size_t k, const std::string& objective, int steps, std::uint64_t seed,
           int restarts, std::vector<std::uint32_t> runs, int threads, py::object report) {
          KeyPlayerOptions o = kpp_options(objective, steps, seed, restarts, threads);
          std::vector<KeyPlayerRun> rs = run_with(report, o, [&] { return key_players_partial(net, k, runs, o); });
          py::list out;
          for (auto& r : rs) out.append(py::make_tuple(r.run, own(std::move(r.nodes)), r.score, r.start_score));
          return out;
        },
        py::arg("net"), py::arg("k"), py::arg("objective"), py::arg("m"), py::arg("seed"), py::arg("restarts"),
        py::arg("runs"), py::arg("threads"), py::arg("report"));
  m.def("key_players_merge",
        [](const py::list& runs) {
          std::vector<KeyPlayerRun> rs;
          for (auto item : runs) {
            auto t = item.cast<py::tuple>();
            KeyPlayerRun r;
            r.run = t[0].cast<std::uint32_t>();
            r.nodes = t[1].cast<std::vector<vertex_t>>();
            r.score = t[2].cast<double>();
            r.start_score = t[3].cast<double>();
            rs.push_back(std::move(r));
          }
          KeyPlayerResult r = key_players_merge(std::move(rs));
          return py::make_tuple(own(std::move(r.nodes)), r.score, r.greedy_score);
        },
        py::arg("runs"));
  m.def("disruption",
        [](const Network& net, const std::string& strategy, std::size_t steps, std::vector<vertex_t> order,
           int repeats, std::uint64_t seed, int threads, py::object report) {
          DisruptionOptions o;
          if (strategy == "given") o.strategy = Strategy::Given;  // the Python wrapper's list of nodes
          else
            o.strategy = choice<Strategy>("strategy", strategy,
                                          {{"degree", Strategy::Degree},
                                           {"degree_once", Strategy::DegreeOnce},
                                           {"betweenness", Strategy::Betweenness},
                                           {"betweenness_once", Strategy::BetweennessOnce},
                                           {"key_players", Strategy::KeyPlayer},
                                           {"random", Strategy::Random}},
                                          " or a list of nodes");
          o.steps = steps;
          o.order = std::move(order);
          o.repeats = repeats;
          o.seed = seed;
          o.threads = threads;
          auto rows = run_with(report, o, [&] { return disruption(net, o); });
          return rows_tuple(rows);
        },
        py::arg("net"), py::arg("strategy"), py::arg("steps"), py::arg("order"), py::arg("repeats"), py::arg("seed"),
        py::arg("threads"), py::arg("report"));
  // Partial random disruption (rl.distributed): sums over a block of repeats,
  // then the means.
  m.def("disruption_partial",
        [](const Network& net, std::size_t steps, int repeats, std::uint64_t seed, std::vector<std::uint32_t> reps,
           int threads, py::object report) {
          DisruptionOptions o = random_disruption(steps, repeats, seed, threads);
          auto rows = run_with(report, o, [&] { return disruption_partial(net, reps, o); });
          return rows_tuple(rows);
        },
        py::arg("net"), py::arg("steps"), py::arg("repeats"), py::arg("seed"), py::arg("reps"), py::arg("threads"),
        py::arg("report"));
  m.def("disruption_finalize",
        [](std::vector<double> largest, std::vector<double> comps, std::vector<double> eff, std::vector<double> disc,
           int repeats) {
          if (comps.size() != largest.size() || eff.size() != largest.size() || disc.size() != largest.size())
            throw InvalidArgument("disruption_finalize: the columns differ in length");
          std::vector<DisruptionStep> rows(largest.size());
          for (std::size_t i = 0; i < rows.size(); ++i) {
            rows[i].largest = largest[i];
            rows[i].components = comps[i];
            rows[i].efficiency = eff[i];
            rows[i].disconnected = disc[i];
          }
          DisruptionOptions o = random_disruption(0, repeats, 0, 0);
          disruption_finalize(rows, o);
          return rows_tuple(rows);
        },
        py::arg("largest"), py::arg("components"), py::arg("efficiency"), py::arg("disconnected"), py::arg("repeats"));
}

}  // namespace rlpy
