// Bindings of the generators.
#include "bindings.hpp"

#include <ringleader/generate/fraud_network.hpp>

namespace rlpy {

void bind_generate(py::module_& m) {
  using namespace ringleader;
  using namespace ringleader::generate;
  m.def("fraud_network",
        [](int n_groups, int teams_per_group, int operators_per_team, int victims_per_operator, int financiers,
           int managers_per_group, int recruiters_per_group, int facilitators_per_group, int mules_per_group,
           int layers, double outsiders_per_member, double insulation, double missing, double false_links,
           double overlap, std::int64_t start, int days, std::uint64_t seed) {
          FraudOptions o;
          o.n_groups = n_groups;
          o.teams_per_group = teams_per_group;
          o.operators_per_team = operators_per_team;
          o.victims_per_operator = victims_per_operator;
          o.financiers = financiers;
          o.managers_per_group = managers_per_group;
          o.recruiters_per_group = recruiters_per_group;
          o.facilitators_per_group = facilitators_per_group;
          o.mules_per_group = mules_per_group;
          o.layers = layers;
          o.outsiders_per_member = outsiders_per_member;
          o.insulation = insulation;
          o.missing = missing;
          o.false_links = false_links;
          o.overlap = overlap;
          o.start = start;
          o.days = days;
          o.seed = seed;
          FraudNetwork r = [&] {
            py::gil_scoped_release release;
            return fraud_network(o);
          }();
          std::vector<std::uint8_t> role(r.role.size());
          for (std::size_t i = 0; i < role.size(); ++i) role[i] = std::uint8_t(r.role[i]);
          py::list names;
          for (int k = 0; k <= int(Role::Outsider); ++k) names.append(role_name(Role(k)));
          return py::make_tuple(std::make_shared<Network>(std::move(r.net)), own(std::move(r.person)),
                                own(std::move(role)), own(std::move(r.group)), own(std::move(r.team)), names);
        },
        py::arg("n_groups"), py::arg("teams_per_group"), py::arg("operators_per_team"),
        py::arg("victims_per_operator"), py::arg("financiers"), py::arg("managers_per_group"),
        py::arg("recruiters_per_group"), py::arg("facilitators_per_group"), py::arg("mules_per_group"),
        py::arg("layers"), py::arg("outsiders_per_member"), py::arg("insulation"), py::arg("missing"),
        py::arg("false_links"), py::arg("overlap"), py::arg("start"), py::arg("days"), py::arg("seed"));
}

}  // namespace rlpy
