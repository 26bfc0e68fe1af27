// Bindings of the readers and writers; the GIL is released while parsing.
#include "bindings.hpp"

namespace rlpy {
namespace {
using namespace ringleader;
using NetPtr = std::shared_ptr<Network>;

template <class F>
NetPtr released(F&& f) {
  py::gil_scoped_release release;
  return std::make_shared<Network>(f());
}

io::BinaryOptions binary_options(bool mmap, bool verify) {
  io::BinaryOptions o;
  o.mmap = mmap;
  o.verify = verify;
  return o;
}

/// The binary format (io/binary.hpp), called by ringleader.io._binary.
void bind_binary(py::module_& m) {
  m.def("read_binary",
        [](const std::string& path, bool mmap, bool verify) {
          return released([&] { return io::read_binary(path, binary_options(mmap, verify)); });
        },
        py::arg("path"), py::arg("mmap"), py::arg("verify"));
  m.def("read_binary_bytes",
        [](py::buffer data, const std::string& where, bool verify) {
          py::buffer_info b = data.request();  // holds the buffer (bytes: immutable) until the end
          if (b.ndim > 1 || (b.ndim == 1 && b.strides[0] != b.itemsize))
            throw InvalidArgument("the data must be a contiguous buffer of bytes");
          std::string_view bytes(static_cast<const char*>(b.ptr), std::size_t(b.size * b.itemsize));
          return released([&] { return io::read_binary_bytes(bytes, where, binary_options(false, verify)); });
        },
        py::arg("data"), py::arg("where"), py::arg("verify"));
  m.def("read_binary_header", [](const std::string& path) {
    py::gil_scoped_release release;
    return io::read_binary_header(path).table;
  }, py::arg("path"), "The section table of a binary network file (JSON text).");
  m.def("read_binary_node_ids", [](const std::string& path) {
    py::gil_scoped_release release;
    return io::read_binary_node_ids(path);
  }, py::arg("path"));
  m.def("write_binary", [](const Network& n, const std::string& path) {
    py::gil_scoped_release release;
    io::write_binary(n, path);
  }, py::arg("net"), py::arg("path"));
  m.def("binary_bytes", [](const Network& n) {
    std::string bytes;
    {
      py::gil_scoped_release release;
      bytes = io::binary_bytes(n);
    }
    return py::bytes(bytes);
  }, py::arg("net"));
}
}  // namespace

void bind_io(py::module_& m) {
  m.def("read_csv",
        [](const std::string& edges, const std::string& nodes, bool directed, const std::string& node_type,
           const std::string& edge_type, bool create_missing, const std::string& delimiter) {
          io::CsvOptions o;
          o.directed = directed;
          o.node_type = node_type;
          o.edge_type = edge_type;
          o.create_missing = create_missing;
          if (delimiter.size() != 1)
            throw InvalidArgument("delimiter '" + delimiter + "' is " + std::to_string(delimiter.size()) +
                                  " bytes: this reader splits on one byte, so pass one ASCII character");
          o.delimiter = delimiter[0];
          return released([&] { return io::read_csv(edges, nodes, o); });
        },
        py::arg("edges"), py::arg("nodes"), py::arg("directed"), py::arg("node_type"), py::arg("edge_type"),
        py::arg("create_missing"), py::arg("delimiter"));
  m.def("read_edgelist",
        [](const std::string& path, bool directed, const std::string& node_type, const std::string& edge_type,
           const std::string& comments) {
          io::EdgelistOptions o;
          o.directed = directed;
          o.node_type = node_type;
          o.edge_type = edge_type;
          o.comments = comments;
          return released([&] { return io::read_edgelist(path, o); });
        },
        py::arg("path"), py::arg("directed"), py::arg("node_type"), py::arg("edge_type"), py::arg("comments"));
  m.def("read_graphml",
        [](const std::string& path, const std::string& node_type, const std::string& edge_type) {
          io::GraphmlOptions o;
          o.node_type = node_type;
          o.edge_type = edge_type;
          return released([&] { return io::read_graphml(path, o); });
        },
        py::arg("path"), py::arg("node_type"), py::arg("edge_type"));
  m.def("read_pajek",
        [](const std::string& path, const std::string& node_type, const std::string& edge_type) {
          io::PajekOptions o;
          o.node_type = node_type;
          o.edge_type = edge_type;
          return released([&] { return io::read_pajek(path, o); });
        },
        py::arg("path"), py::arg("node_type"), py::arg("edge_type"));
  m.def("read_matrix",
        [](const std::string& path, const std::string& mode, std::optional<bool> directed,
           const std::string& node_type, const std::string& row_type, const std::string& column_type,
           const std::string& edge_type, const std::string& delimiter) {
          io::MatrixOptions o;
          o.mode = choice<io::MatrixMode>(
              "mode", mode,
              {{"auto", io::MatrixMode::Auto}, {"one", io::MatrixMode::OneMode}, {"two", io::MatrixMode::TwoMode}});
          if (delimiter.size() != 1)
            throw InvalidArgument("delimiter '" + delimiter + "' is " + std::to_string(delimiter.size()) +
                                  " bytes: this reader splits on one byte, so pass one ASCII character");
          o.directed = directed;
          o.node_type = node_type;
          o.row_type = row_type;
          o.column_type = column_type;
          o.edge_type = edge_type;
          o.delimiter = delimiter[0];
          return released([&] { return io::read_matrix(path, o); });
        },
        py::arg("path"), py::arg("mode"), py::arg("directed"), py::arg("node_type"), py::arg("row_type"),
        py::arg("column_type"), py::arg("edge_type"), py::arg("delimiter"));
  m.def("read_ucinet_dl",
        [](const std::string& path, bool directed, const std::string& node_type, const std::string& row_type,
           const std::string& column_type, const std::string& edge_type) {
          io::UcinetOptions o;
          o.directed = directed;
          o.node_type = node_type;
          o.row_type = row_type;
          o.column_type = column_type;
          o.edge_type = edge_type;
          return released([&] { return io::read_ucinet_dl(path, o); });
        },
        py::arg("path"), py::arg("directed"), py::arg("node_type"), py::arg("row_type"), py::arg("column_type"),
        py::arg("edge_type"));
  m.def(
      "write_csv",
      [](const Network& n, const std::string& edges, const std::string& nodes, bool formula_safe) {
        py::gil_scoped_release release;
        io::write_csv(n, edges, nodes, formula_safe);
      },
      py::arg("net"), py::arg("edges"), py::arg("nodes"), py::arg("formula_safe") = false);
  m.def("write_graphml", [](const Network& n, const std::string& path) {
    py::gil_scoped_release release;
    io::write_graphml(n, path);
  });
  // viz: empty arrays are not written (io/gexf.hpp).
  m.def(
      "write_gexf",
      [](const Network& n, const std::string& path, const F64& x, const F64& y, const Arr<std::uint32_t>& color,
         const F64& size) {
        io::GexfViz viz{vec(x), vec(y), vec(color), vec(size)};
        py::gil_scoped_release release;
        io::write_gexf(n, path, viz);
      },
      py::arg("net"), py::arg("path"), py::arg("x") = F64(), py::arg("y") = F64(),
      py::arg("color") = Arr<std::uint32_t>(), py::arg("size") = F64());
  bind_binary(m);
}

}  // namespace rlpy
