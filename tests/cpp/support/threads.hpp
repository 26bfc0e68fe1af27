// Test support: run a kernel on 1 and on 2 threads (the determinism tests).
#pragma once

#include <utility>

namespace rltest {

/// f(options) with options.threads = 1, then with 2: the pair of results.
template <class O, class F>
auto on_1_and_2_threads(O o, F f) {
  o.threads = 1;
  auto one = f(o);
  o.threads = 2;
  return std::make_pair(one, f(o));
}

/// Options of type O with `weighted` set (the rest default).
template <class O>
O weighted_options(bool weighted) {
  O o;
  o.weighted = weighted;
  return o;
}

}  // namespace rltest
