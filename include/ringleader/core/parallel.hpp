// ringleader/core/parallel.hpp - the few OpenMP helpers every kernel uses,
// so that pragmas do not spread through the code.
//
// Every parallel kernel takes a thread count (0 = OpenMP's default) and splits
// work statically, so deterministic kernels give the same result for any
// thread count when they combine per-thread parts in a fixed order.
#pragma once

#include <cstdint>
#include <algorithm>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace ringleader::parallel {

/// The most threads a kernel starts: 8 per core (more only slows it down,
/// and thousands make the OpenMP runtime abort when it cannot create them).
inline int max_threads() {
#ifdef _OPENMP
  return 8 * std::max(1, omp_get_num_procs());
#else
  return 1;
#endif
}

/// Threads a parallel region will use for a requested count (0 = default),
/// at most max_threads().
inline int threads(int requested = 0) {
#ifdef _OPENMP
  return requested > 0 ? std::min(requested, max_threads()) : omp_get_max_threads();
#else
  (void)requested;
  return 1;
#endif
}

/// Index of the calling thread inside a parallel region (0 outside).
inline int thread_index() {
#ifdef _OPENMP
  return omp_get_thread_num();
#else
  return 0;
#endif
}

/// Runs `a` and `b`, concurrently when more than one thread is available.
template <class A, class B>
void invoke(A&& a, B&& b, int nthreads = 0) {
#pragma omp parallel sections num_threads(2) if (threads(nthreads) > 1)
  {
#pragma omp section
    a();
#pragma omp section
    b();
  }
}

/// for (i = 0; i < n; ++i) f(i), split statically over the threads when n is
/// at least `serial_below`.
template <class F>
void for_each_index(std::int64_t n, F&& f, int nthreads = 0, std::int64_t serial_below = 4096) {
#pragma omp parallel for schedule(static) num_threads(threads(nthreads)) if (n >= serial_below)
  for (std::int64_t i = 0; i < n; ++i) f(i);
}

/// for (i = 0; i < n; ++i) f(thread, i) with dynamic scheduling in chunks
/// (for uneven work such as one shortest-path search per source); `thread` is
/// the index of the executing thread, for per-thread scratch and partial sums.
template <class F>
void for_each_dynamic(std::int64_t n, F&& f, int nthreads = 0, std::int64_t chunk = 1) {
#pragma omp parallel for schedule(dynamic, chunk) num_threads(threads(nthreads)) if (n > 1)
  for (std::int64_t i = 0; i < n; ++i) f(thread_index(), i);
}

/// for (i = 0; i < n; ++i) f(thread, i), dealt round-robin in chunks: with
/// chunk 1, thread t runs i = t, t + T, t + 2T, ... in that order (balanced for uneven work, and
/// which thread runs which i depends only on the thread count, so per-thread
/// partial sums, see Accumulators, are reproducible).
template <class F>
void for_each_cyclic(std::int64_t n, F&& f, int nthreads = 0, std::int64_t chunk = 1) {
#pragma omp parallel for schedule(static, chunk) num_threads(threads(nthreads)) if (n > 1)
  for (std::int64_t i = 0; i < n; ++i) f(thread_index(), i);
}

/// Per-thread accumulators of `size` doubles, summed in thread order.  Fill
/// them with for_each_cyclic (not for_each_dynamic, whose assignment of work
/// to threads varies from run to run): then the rounding is the same for a
/// given thread count, and thread counts differ only by rounding.
class Accumulators {
 public:
  Accumulators(int nthreads, std::size_t size) : parts_(std::size_t(threads(nthreads)), std::vector<double>(size, 0.0)) {}
  std::vector<double>& operator[](int t) { return parts_[std::size_t(t)]; }
  std::size_t count() const { return parts_.size(); }
  std::vector<double> sum() const {
    std::vector<double> out(parts_.empty() ? 0 : parts_[0].size(), 0.0);
    for (const auto& p : parts_)
      for (std::size_t i = 0; i < out.size(); ++i) out[i] += p[i];
    return out;
  }

 private:
  std::vector<std::vector<double>> parts_;
};

}  // namespace ringleader::parallel
