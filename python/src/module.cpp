// ringleader._core: exceptions and module definition.
#include "bindings.hpp"

namespace rlpy {
namespace {

PyObject* new_exception(const char* name, PyObject* bases, const char* doc) {
  PyObject* e = PyErr_NewExceptionWithDoc(name, doc, bases, nullptr);
  if (!e) throw py::error_already_set();
  return e;
}

}  // namespace
}  // namespace rlpy

PYBIND11_MODULE(_core, m) {
  using namespace rlpy;
  m.doc() = "ringleader compiled core (private: use the ringleader package)";
  m.attr("__version__") = ringleader::version;

  static PyObject* base = new_exception("ringleader.RingleaderError", PyExc_Exception,
                                        "Base class of every ringleader error.");
  py::tuple parse_bases = py::make_tuple(py::handle(base), py::handle(PyExc_ValueError));
  static PyObject* parse = new_exception("ringleader.ParseError", parse_bases.ptr(),
                                         "Bad input data: has .file, .line, .column and .message.");
  py::tuple arg_bases = py::make_tuple(py::handle(base), py::handle(PyExc_ValueError));
  static PyObject* arg = new_exception("ringleader.InvalidArgumentError", arg_bases.ptr(),
                                       "An argument that cannot be used (a ValueError).");
  static PyObject* conv = new_exception("ringleader.ConvergenceError", base,
                                        "An iterative computation did not converge (raise max_iter or tol).");
  py::tuple mem_bases = py::make_tuple(py::handle(base), py::handle(PyExc_MemoryError));
  static PyObject* mem = new_exception("ringleader.MemoryLimitError", mem_bases.ptr(),
                                       "An allocation estimated above the memory limit (a MemoryError): "
                                       "see set_memory_limit.");
  m.attr("MemoryLimitError") = py::handle(mem);
  m.attr("ConvergenceError") = py::handle(conv);
  m.attr("RingleaderError") = py::handle(base);
  m.attr("ParseError") = py::handle(parse);
  m.attr("InvalidArgumentError") = py::handle(arg);

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ringleader::Cancelled&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    } catch (const ringleader::ParseError& e) {
      py::object inst = py::reinterpret_steal<py::object>(PyObject_CallFunction(parse, "s", e.what()));
      if (!inst) return;  // error already set
      inst.attr("file") = e.file();
      inst.attr("line") = e.line();
      inst.attr("column") = e.column();
      inst.attr("message") = e.message();
      PyErr_SetObject(parse, inst.ptr());
    } catch (const ringleader::MemoryLimitError& e) {
      PyErr_SetString(mem, e.what());
    } catch (const ringleader::ConvergenceError& e) {
      PyErr_SetString(conv, e.what());
    } catch (const ringleader::InvalidArgument& e) {
      PyErr_SetString(arg, e.what());
    } catch (const ringleader::Error& e) {
      PyErr_SetString(base, e.what());
    }
  });

  namespace mem_ = ringleader::memory;
  m.def("set_memory_limit", [](std::optional<std::uint64_t> b) { mem_::set_limit(b); }, py::arg("bytes"));
  m.def("disable_memory_limit", &mem_::disable_limit);
  m.def("memory_limit", &mem_::limit);
  m.def("memory_limit_is_set", &mem_::limit_is_set);
  m.def("memory_available", &mem_::available);
  m.def("parse_memory_size", [](const std::string& s) -> py::object {
    std::optional<std::uint64_t> v;
    if (!mem_::parse_size(s, v)) throw ringleader::InvalidArgument("not a memory size of at least one byte: '" + s +
                                                       "' (use e.g. 512M, 2G or none)");
    return v ? py::object(py::int_(*v)) : py::object(py::none());
  });
  m.def("reserve_check", [](std::uint64_t bytes, const std::string& what) { mem_::reserve_check(bytes, what); },
        py::arg("bytes"), py::arg("what"));
  m.def("check_counts", [](std::uint64_t n, std::uint64_t m_, const std::string& where) {
    mem_::check_vertex_count(n, where.c_str());
    mem_::check_edge_count(m_, where.c_str());
  }, py::arg("nodes"), py::arg("edges"), py::arg("where") = "the network");
  m.attr("MAX_NODES") = mem_::kMaxNodes;
  m.attr("MAX_EDGES") = mem_::kMaxEdges;

  bind_network(m);
  bind_io(m);
  bind_centrality(m);
  bind_community(m);
  bind_generate(m);
  bind_money(m);
  bind_criminal(m);
  bind_paths(m);
  bind_temporal(m);
  bind_stats(m);
  bind_layout(m);
  bind_resolve(m);
}
