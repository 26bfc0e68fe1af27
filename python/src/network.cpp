// Bindings of the Network model: column access as numpy views, construction
// from arrays, views.
#include <cmath>

#include "bindings.hpp"
#include "ringleader/graph/edit.hpp"

namespace rlpy {
namespace {

using namespace ringleader;
using NetPtr = std::shared_ptr<Network>;

py::list columns(const std::vector<Column>& cols, py::handle owner) {
  py::list out;
  for (const auto& c : cols) {
    py::object values;
    if (c.kind == Column::Kind::Number) values = view(c.numbers, owner);
    else if (c.kind == Column::Kind::Time) values = view(c.times, owner);
    else values = py::cast(c.strings);
    out.append(py::make_tuple(c.name, Column::kind_name(c.kind), values));
  }
  return out;
}

TypeTable table_of(const std::vector<std::string>& names) {
  TypeTable t;
  for (const auto& n : names)
    if (t.intern(n) != t.size() - 1) throw InvalidArgument("duplicate type name '" + n + "'");
  return t;
}

std::vector<Column> columns_from(const py::list& cols, std::size_t size, const char* what) {
  std::vector<Column> out;
  for (auto item : cols) {
    auto t = item.cast<py::tuple>();
    Column c;
    c.name = t[0].cast<std::string>();
    auto kind = t[1].cast<std::string>();
    if (kind == "number") {
      c.kind = Column::Kind::Number;
      c.numbers = vec(t[2].cast<Arr<double>>());
    } else if (kind == "time") {
      c.kind = Column::Kind::Time;
      c.times = vec(t[2].cast<Arr<std::int64_t>>());
    } else if (kind == "string") {
      c.kind = Column::Kind::String;
      c.strings = t[2].cast<std::vector<std::string>>();
    } else {
      throw InvalidArgument("unknown column kind '" + kind + "'");
    }
    if (c.size() != size)
      throw InvalidArgument(std::string(what) + " attribute '" + c.name + "' has " + std::to_string(c.size()) +
                            " values, expected " + std::to_string(size));
    out.push_back(std::move(c));
  }
  return out;
}

NodeTable node_table(std::vector<std::string> ids, Arr<std::uint16_t> node_type,
                     std::vector<std::string> node_type_names, std::optional<std::vector<std::string>> labels,
                     py::list node_attrs) {
  NodeTable n;
  n.ids = std::move(ids);
  n.type = vec(node_type);
  n.types = table_of(node_type_names);
  if (labels) n.labels = std::move(*labels);
  n.attrs = columns_from(node_attrs, n.ids.size(), "node");
  return n;
}

EdgeTable edge_table(Arr<std::uint32_t> source, Arr<std::uint32_t> target, Arr<std::uint16_t> edge_type,
                     std::vector<std::string> edge_type_names, Arr<double> weight,
                     std::optional<Arr<std::int64_t>> timestamp, std::optional<Arr<double>> amount,
                     py::list edge_attrs) {
  EdgeTable e;
  e.source = vec(source);
  e.target = vec(target);
  e.type = vec(edge_type);
  e.types = table_of(edge_type_names);
  e.weight = vec(weight);
  if (timestamp) e.timestamp = vec(*timestamp);
  if (amount) e.amount = vec(*amount);
  e.attrs = columns_from(edge_attrs, e.source.size(), "edge");
  return e;
}

NetPtr from_arrays(bool directed, std::vector<std::string> ids, Arr<std::uint16_t> node_type,
                   std::vector<std::string> node_type_names, std::optional<std::vector<std::string>> labels,
                   py::list node_attrs, Arr<std::uint32_t> source, Arr<std::uint32_t> target,
                   Arr<std::uint16_t> edge_type, std::vector<std::string> edge_type_names, Arr<double> weight,
                   std::optional<Arr<std::int64_t>> timestamp, std::optional<Arr<double>> amount,
                   py::list edge_attrs) {
  NodeTable n = node_table(std::move(ids), node_type, node_type_names, std::move(labels), node_attrs);
  EdgeTable e = edge_table(source, target, edge_type, edge_type_names, weight, timestamp, amount, edge_attrs);
  py::gil_scoped_release release;
  return std::make_shared<Network>(directed, std::move(n), std::move(e));
}

/// edited(): the network with edges dropped and the nodes and edges given
/// (as from_arrays takes them) appended.
NetPtr edited_network(const Network& net, Arr<std::uint64_t> drop_edges, std::vector<std::string> ids,
                      Arr<std::uint16_t> node_type, std::vector<std::string> node_type_names,
                      std::optional<std::vector<std::string>> labels, py::list node_attrs,
                      Arr<std::uint32_t> source, Arr<std::uint32_t> target, Arr<std::uint16_t> edge_type,
                      std::vector<std::string> edge_type_names, Arr<double> weight,
                      std::optional<Arr<std::int64_t>> timestamp, std::optional<Arr<double>> amount,
                      py::list edge_attrs) {
  NetworkEdit edit;
  const std::vector<std::uint64_t> drop = vec(drop_edges);
  edit.drop_edges.assign(drop.begin(), drop.end());
  edit.nodes = node_table(std::move(ids), node_type, node_type_names, std::move(labels), node_attrs);
  edit.edges = edge_table(source, target, edge_type, edge_type_names, weight, timestamp, amount, edge_attrs);
  py::gil_scoped_release release;
  return std::make_shared<Network>(edited(net, edit));
}

/// Network::collapse's rule for the weight of merged edges.
Aggregate aggregate(const std::string& weight) {
  return choice<Aggregate>("weight", weight,
                           {{"sum", Aggregate::Sum}, {"count", Aggregate::Count}, {"max", Aggregate::Max},
                            {"min", Aggregate::Min}});
}

}  // namespace

void bind_network(py::module_& m) {
  py::class_<Network, NetPtr> c(m, "Network");
  c.def(py::init<bool>(), py::arg("directed") = false)
      .def_property_readonly("directed", &Network::directed)
      .def("number_of_nodes", &Network::number_of_nodes)
      .def("number_of_edges", &Network::number_of_edges)
      .def("node_ids", [](const Network& n) { return n.nodes().ids; })
      .def("node_type_codes", [](py::object self) { return view(self.cast<const Network&>().nodes().type, self); })
      .def("node_type_names", [](const Network& n) { return n.nodes().types.names(); })
      .def("labels", [](const Network& n) -> py::object {
        if (n.nodes().labels.empty()) return py::none();
        return py::cast(n.nodes().labels);
      })
      .def("node_attrs", [](py::object self) { return columns(self.cast<const Network&>().nodes().attrs, self); })
      .def("edge_source", [](py::object self) { return view(self.cast<const Network&>().edges().source, self); })
      .def("edge_target", [](py::object self) { return view(self.cast<const Network&>().edges().target, self); })
      .def("edge_type_codes", [](py::object self) { return view(self.cast<const Network&>().edges().type, self); })
      .def("edge_type_names", [](const Network& n) { return n.edges().types.names(); })
      .def("edge_weight", [](py::object self) { return view(self.cast<const Network&>().edges().weight, self); })
      .def("edge_timestamp", [](py::object self) -> py::object {
        const auto& e = self.cast<const Network&>().edges();
        if (!e.has_timestamps()) return py::none();
        return view(e.timestamp, self);
      })
      .def("edge_amount", [](py::object self) -> py::object {
        const auto& e = self.cast<const Network&>().edges();
        if (!e.has_amounts()) return py::none();
        return view(e.amount, self);
      })
      .def("edge_attrs", [](py::object self) { return columns(self.cast<const Network&>().edges().attrs, self); })
      .def("find", [](const Network& n, const std::string& id) -> py::object {
        auto v = n.find(id);
        if (!v) return py::none();
        return py::int_(*v);
      })
      .def("summary", &Network::summary)
      .def("table_bytes", &Network::table_bytes)
      .def("build_csr", [](const Network& n) {
        py::gil_scoped_release release;
        return n.csr()->memory_bytes();
      }, "Builds the compute view (once) and returns its size in bytes.")
      .def("csr_arrays", [](const Network& n) {
        auto g = n.csr();
        py::dict d;
        d["out_offsets"] = py::array_t<std::uint64_t>(g->out_offsets.size(), g->out_offsets.data());
        d["out_targets"] = py::array_t<std::uint32_t>(g->out_targets.size(), g->out_targets.data());
        d["out_weights"] = py::array_t<double>(g->out_weights.size(), g->out_weights.data());
        d["out_edges"] = py::array_t<std::uint32_t>(g->out_edges.size(), g->out_edges.data());
        d["in_offsets"] = py::array_t<std::uint64_t>(g->in_off().size(), g->in_off().data());
        d["in_sources"] = py::array_t<std::uint32_t>(g->in_src().size(), g->in_src().data());
        return d;
      }, "Copies of the compute-view arrays (for tests and inspection).")
      .def("subgraph",
           [](const Network& n, std::vector<std::string> node_types, std::vector<std::string> edge_types,
              py::object start, py::object end, std::optional<std::vector<std::string>> nodes) {
             SubgraphOptions o;
             o.node_types = std::move(node_types);
             o.edge_types = std::move(edge_types);
             o.start = opt_ns(start);
             o.end = opt_ns(end);
             o.nodes = std::move(nodes);
             py::gil_scoped_release release;
             return std::make_shared<Network>(n.subgraph(o));
           },
           py::arg("node_types"), py::arg("edge_types"), py::arg("start"), py::arg("end"), py::arg("nodes"))
      .def("collapse",
           [](const Network& n, const std::string& weight, bool by_type, const std::string& column) {
             CollapseOptions o;
             o.weight = aggregate(weight);
             o.by_type = by_type;
             o.column = column;
             py::gil_scoped_release release;
             return std::make_shared<Network>(n.collapse(o));
           },
           py::arg("weight"), py::arg("by_type"), py::arg("column") = "weight")
      .def("simple_view",
           [](const Network& n, const std::string& merge, const Weight& weight) {
             const auto rule = choice<graph::Merge>("merge", merge,
                                                    {{"shortest", graph::Merge::Shortest},
                                                     {"total", graph::Merge::Total},
                                                     {"structure", graph::Merge::Structure}});
             const std::string column = weight_column(n, weight);
             py::gil_scoped_release release;
             // the view is immutable and kept by `n`; the holder type is non-const
             return std::const_pointer_cast<Network>(n.collapsed(graph::merge_options(rule, column)));
           },
           py::arg("merge"), py::arg("weight"),
           "The cached simple network the kernels of a rule read (graph/view.hpp), for inspection.")
      .def("with_edge_numbers",
           [](const Network& n, const std::string& name,
              Arr<double> values) {
             Column c;
             c.name = name;
             c.kind = Column::Kind::Number;
             c.numbers = vec(values);
             py::gil_scoped_release release;
             return std::make_shared<Network>(n.with_edge_attribute(std::move(c)));
           },
           py::arg("name"), py::arg("values"))
      .def("edge_numbers", [](py::object self, const std::string& column) {
        return view(self.cast<const Network&>().edge_numbers(column), self);
      }, py::arg("column"))
      .def("largest_component", [](const Network& n) {
        py::gil_scoped_release release;
        return std::make_shared<Network>(n.largest_component());
      })
      .def("components", [](const Network& n) {
        std::vector<vertex_t> comp;
        {
          py::gil_scoped_release release;
          comp = n.components();
        }
        return own(std::move(comp));
      });
  m.def("from_arrays", &from_arrays, py::arg("directed"), py::arg("ids"), py::arg("node_type"),
        py::arg("node_type_names"), py::arg("labels"), py::arg("node_attrs"), py::arg("source"), py::arg("target"),
        py::arg("edge_type"), py::arg("edge_type_names"), py::arg("weight"), py::arg("timestamp"), py::arg("amount"),
        py::arg("edge_attrs"));
  m.def("edited", &edited_network, py::arg("net"), py::arg("drop_edges"), py::arg("ids"), py::arg("node_type"),
        py::arg("node_type_names"), py::arg("labels"), py::arg("node_attrs"), py::arg("source"), py::arg("target"),
        py::arg("edge_type"), py::arg("edge_type_names"), py::arg("weight"), py::arg("timestamp"), py::arg("amount"),
        py::arg("edge_attrs"));
  m.def("parse_timestamp", [](const std::string& s) -> py::object {
    std::int64_t ns;
    if (!text::parse_timestamp(s, ns)) return py::none();
    return py::int_(ns);
  });
  m.def("timestamp_problem", [](const std::string& s) { return text::timestamp_problem(s); }, py::arg("text"),
        "Why a text is not a timestamp: out of the int64-nanosecond range, or neither ISO 8601 nor Unix seconds.");
}

}  // namespace rlpy
