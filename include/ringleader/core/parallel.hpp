// ringleader/core/parallel.hpp - the few OpenMP helpers every kernel uses,
// so that pragmas do not spread through the code.
#pragma once

#include <cstdint>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace ringleader::parallel {

/// Number of threads a parallel region will use.
inline int threads() {
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

/// Runs `a` and `b`, concurrently when OpenMP has more than one thread.
template <class A, class B>
void invoke(A&& a, B&& b) {
#pragma omp parallel sections num_threads(2) if (threads() > 1)
  {
#pragma omp section
    a();
#pragma omp section
    b();
  }
}

/// for (i = 0; i < n; ++i) f(i), split statically over the threads when n is
/// at least `serial_below` (so results never depend on scheduling).
template <class F>
void for_each_index(std::int64_t n, F&& f, std::int64_t serial_below = 4096) {
#pragma omp parallel for schedule(static) if (n >= serial_below)
  for (std::int64_t i = 0; i < n; ++i) f(i);
}

}  // namespace ringleader::parallel
