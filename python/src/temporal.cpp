// Bindings of temporal/: the time index, time windows and time-respecting
// paths (earliest arrival, latest departure).  Times are int64 nanoseconds;
// filters arrive as uint8 masks (or None); the GIL is released.
#include "bindings.hpp"

namespace rlpy {
namespace {

using namespace ringleader;
using NetPtr = std::shared_ptr<Network>;

temporal::TemporalOptions temporal_options(py::object start, py::object end, bool strict, bool ignore_direction,
                                           const Mask& node_ok, const Mask& edge_ok) {
  temporal::TemporalOptions o;
  o.start = opt_ns(start);
  o.end = opt_ns(end);
  o.strict = strict;
  o.ignore_direction = ignore_direction;
  o.node_ok = mask(node_ok);
  o.edge_ok = mask(edge_ok);
  return o;
}

}  // namespace

void bind_temporal(py::module_& m) {
  py::class_<temporal::TimeIndex>(m, "TimeIndex",
                                  "Edges with a timestamp sorted by (timestamp, edge index), built once.")
      .def(py::init([](const NetPtr& net) {
             py::gil_scoped_release release;
             return std::make_unique<temporal::TimeIndex>(*net);
           }),
           py::arg("net"), py::keep_alive<1, 2>())
      .def_property_readonly("count", &temporal::TimeIndex::size)
      .def_property_readonly("first", [](const temporal::TimeIndex& x) -> py::object {
        return x.size() ? py::object(py::int_(x.times().front())) : py::object(py::none());
      })
      .def_property_readonly("last", [](const temporal::TimeIndex& x) -> py::object {
        return x.size() ? py::object(py::int_(x.times().back())) : py::object(py::none());
      })
      .def("times", [](py::object self) { return view(self.cast<const temporal::TimeIndex&>().times(), self); })
      .def("order", [](const temporal::TimeIndex& x) {
        return own(std::vector<std::uint64_t>(x.order().begin(), x.order().end()));
      })
      .def("count_between",
           [](const temporal::TimeIndex& x, py::object start, py::object end) {
             auto [lo, hi] = x.range(opt_ns(start), opt_ns(end));
             return hi - lo;
           },
           py::arg("start"), py::arg("end"))
      .def("window",
           [](const temporal::TimeIndex& x, py::object start, py::object end, bool active_only) {
             auto s = opt_ns(start), e = opt_ns(end);
             py::gil_scoped_release release;
             return std::make_shared<Network>(x.window(s, e, active_only));
           },
           py::arg("start"), py::arg("end"), py::arg("active_only"));

#define RL_TEMPORAL_ARGS                                                                                          \
  py::arg("start"), py::arg("end"), py::arg("strict"), py::arg("ignore_direction"), py::arg("node_ok"),          \
      py::arg("edge_ok")
  // (time, edge, hops) arrays; time is int64 ns with INT64_MAX / INT64_MIN for unreached
  m.def("reach",
        [](const temporal::TimeIndex& idx, vertex_t root, bool forward, py::object start, py::object end,
           bool strict, bool ignore_direction, Mask node_ok, Mask edge_ok) {
          auto o = temporal_options(start, end, strict, ignore_direction, node_ok, edge_ok);
          temporal::Reach r;
          {
            py::gil_scoped_release release;
            r = forward ? temporal::earliest_arrival(idx, root, o) : temporal::latest_departure(idx, root, o);
          }
          return py::make_tuple(own(std::move(r.time)), own(std::move(r.edge)), own(std::move(r.hops)));
        },
        py::arg("index"), py::arg("root"), py::arg("forward"), RL_TEMPORAL_ARGS);
  m.def("time_respecting_path",
        [](const temporal::TimeIndex& idx, vertex_t a, vertex_t b, bool earliest, py::object start, py::object end,
           bool strict, bool ignore_direction, Mask node_ok, Mask edge_ok) -> py::object {
          auto o = temporal_options(start, end, strict, ignore_direction, node_ok, edge_ok);
          std::optional<std::vector<std::size_t>> p;
          {
            py::gil_scoped_release release;
            p = earliest ? temporal::earliest_arrival_path(idx, a, b, o) : temporal::latest_departure_path(idx, a, b, o);
          }
          if (!p) return py::none();
          return py::cast(*p);
        },
        py::arg("index"), py::arg("source"), py::arg("target"), py::arg("earliest"), RL_TEMPORAL_ARGS);
#undef RL_TEMPORAL_ARGS
}

}  // namespace rlpy
