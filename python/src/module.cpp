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
    } catch (const ringleader::ConvergenceError& e) {
      PyErr_SetString(conv, e.what());
    } catch (const ringleader::InvalidArgument& e) {
      PyErr_SetString(arg, e.what());
    } catch (const ringleader::Error& e) {
      PyErr_SetString(base, e.what());
    }
  });

  bind_network(m);
  bind_io(m);
  bind_centrality(m);
  bind_community(m);
  bind_generate(m);
  bind_money(m);
  bind_criminal(m);
  bind_paths(m);
  bind_layout(m);
}
