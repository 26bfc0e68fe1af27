// Shared declarations of the _core binding translation units.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <ringleader/ringleader.hpp>

namespace rlpy {
namespace py = pybind11;

void bind_network(py::module_& m);
void bind_io(py::module_& m);

/// Read-only numpy view of a vector owned by `owner` (kept alive by the array).
template <class T>
py::array_t<T> view(const std::vector<T>& v, py::handle owner) {
  py::array_t<T> a({static_cast<py::ssize_t>(v.size())}, {static_cast<py::ssize_t>(sizeof(T))}, v.data(), owner);
  py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return a;
}

/// Numpy array that owns a moved-in vector (no copy).
template <class T>
py::array_t<T> own(std::vector<T>&& v) {
  auto* p = new std::vector<T>(std::move(v));
  py::capsule cap(p, [](void* q) { delete static_cast<std::vector<T>*>(q); });
  return py::array_t<T>({static_cast<py::ssize_t>(p->size())}, {static_cast<py::ssize_t>(sizeof(T))}, p->data(), cap);
}

}  // namespace rlpy
