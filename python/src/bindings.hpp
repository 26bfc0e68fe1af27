// Shared declarations of the _core binding translation units.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include <ringleader/ringleader.hpp>

namespace rlpy {
namespace py = pybind11;
using namespace pybind11::literals;

/// A contiguous numpy array of T (converted on the way in when needed).
template <class T>
using Arr = py::array_t<T, py::array::c_style | py::array::forcecast>;
using U32 = Arr<ringleader::vertex_t>;
using F64 = Arr<double>;
using I64 = Arr<std::int64_t>;
/// A node or edge filter: uint8 per item, or None for "all".
using Mask = std::optional<Arr<std::uint8_t>>;

/// A copy of a numpy array's values.
template <class T>
std::vector<T> vec(const Arr<T>& a) {
  return std::vector<T>(a.data(), a.data() + a.size());
}

inline std::vector<char> mask(const Mask& m) {
  if (!m) return {};
  return std::vector<char>(m->data(), m->data() + m->size());
}

/// A time bound in int64 nanoseconds, or none.
inline std::optional<std::int64_t> opt_ns(const py::object& o) {
  if (o.is_none()) return std::nullopt;
  return o.cast<std::int64_t>();
}

void bind_network(py::module_& m);
void bind_io(py::module_& m);
void bind_centrality(py::module_& m);
void bind_stats(py::module_& m);
void bind_temporal(py::module_& m);
void bind_community(py::module_& m);
void bind_generate(py::module_& m);
void bind_money(py::module_& m);
void bind_criminal(py::module_& m);
void bind_paths(py::module_& m);
void bind_layout(py::module_& m);
void bind_resolve(py::module_& m);

/// A Python `weight` argument: an edge column name, or None (unweighted).
using Weight = std::optional<std::string>;

/// The edge column a Python `weight` argument names for the Network
/// overloads of the kernels: None -> "" (unweighted); "" is refused, with
/// the message naming the numeric columns.
inline std::string weight_column(const ringleader::Network& net, const Weight& weight) {
  if (!weight) return "";
  if (weight->empty()) net.edge_numbers(*weight);  // throws: no numeric edge column ''
  return *weight;
}

/// Fills the fields that the Options of most randomised kernels share: the
/// weight column (see weight_column), the seed and the thread count.
template <class Options>
void common(Options& o, const ringleader::Network& net, const Weight& weight, std::uint64_t seed, int threads) {
  o.weight = weight_column(net, weight);
  o.seed = seed;
  o.threads = threads;
}

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

/// Runs `f(progress)` with the GIL released.  The progress callback, called
/// on this thread every ~100 ms, takes the GIL, checks for Ctrl-C (then the
/// kernel is cancelled and KeyboardInterrupt raised) and calls `report(done,
/// total)` when it is not None (an exception there also cancels and is
/// re-raised, also when the kernel finished).
template <class F>
auto run(py::object report, F&& f) -> decltype(f(std::declval<ringleader::Progress&>())) {
  std::unique_ptr<py::error_already_set> failure;
  ringleader::Progress progress([&](std::uint64_t done, std::uint64_t total) {
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) {
      failure = std::make_unique<py::error_already_set>();
      return false;
    }
    if (!report.is_none()) {
      try {
        report(done, total);
      } catch (py::error_already_set& e) {
        failure = std::make_unique<py::error_already_set>(std::move(e));
        return false;
      }
    }
    return true;
  });
  // Ctrl-C noticed by the last callback of a kernel that then finished: the
  // signal was consumed, so raise it anyway rather than lose it.
  auto raise_failure = [&] {
    if (failure) {
      failure->restore();
      throw py::error_already_set();
    }
  };
  using R = decltype(f(progress));
  try {
    if constexpr (std::is_void_v<R>) {
      {
        py::gil_scoped_release release;
        f(progress);
      }
      raise_failure();
    } else {
      R result = [&]() -> R {
        py::gil_scoped_release release;
        return f(progress);
      }();
      raise_failure();
      return result;
    }
  } catch (const ringleader::Cancelled&) {
    raise_failure();
    throw;
  }
}

/// The enum value that the string option `what` names; anything else is
/// refused with the allowed names: "mode must be 'all', 'in' or 'out', not 'x'"
/// (`also` is appended to the list, e.g. " or a list of nodes").
template <class E>
E choice(const char* what, const std::string& value, std::initializer_list<std::pair<const char*, E>> names,
         const char* also = "") {
  std::string list;
  std::size_t i = 0;
  for (const auto& [name, e] : names) {
    if (value == name) return e;
    list += i == 0 ? "" : (i + 1 == names.size() && !*also) ? " or " : ", ";
    list += "'" + std::string(name) + "'";
    ++i;
  }
  throw ringleader::InvalidArgument(std::string(what) + " must be " + list + also + ", not '" + value + "'");
}

/// run() for a kernel that takes an Options struct: `o.progress` points at
/// the run's progress object while `kernel()` runs.
template <class Options, class Kernel>
auto run_with(py::object report, Options& o, Kernel&& kernel) -> decltype(kernel()) {
  return run(std::move(report), [&](ringleader::Progress& p) {
    o.progress = &p;
    return kernel();
  });
}

}  // namespace rlpy
