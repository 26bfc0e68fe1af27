// ringleader/graph/buckets.hpp - a stable parallel counting sort, the
// building block of the compute view (CsrGraph::build, Network::collapse).
//
// bucket_sort(m, n, visit, out) places values into n buckets: item i (in
// 0..m-1) emits zero or more (bucket, value) pairs through visit(i, emit),
// always the same ones in the same order.  The result is every bucket's
// values in item order (then emission order): a stable sort, so it is the
// same for any thread count.  Parallel: the items are cut into C contiguous
// chunks; each chunk counts its buckets (a histogram), a prefix sum over
// (bucket, chunk) gives each chunk its place in each bucket, and the chunks
// scatter concurrently.  C is at most the thread count and at most about
// (pairs / n), so the histograms (C * n 32-bit counts) take no more than the
// output.  O(m + C * n) time, C * n * 4 + 8 * (n + 1) bytes besides the output.
//
// exclusive_scan turns 32-bit flags into their running sums (blocked, in
// parallel, the same for any thread count).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ringleader/core/parallel.hpp"

namespace ringleader::graph {

/// Stable counting sort (see the header comment): fills `out` (resized to
/// the number of pairs) and returns the bucket offsets (size n + 1, offsets[b]
/// = first position of bucket b).  Every bucket must receive fewer than 2^32
/// values (of type T).
template <class T, class Visit>
std::vector<std::uint64_t> bucket_sort(std::size_t m, std::size_t n, Visit&& visit, std::vector<T>& out,
                                       int nthreads = 0) {
  const std::size_t threads = std::size_t(parallel::threads(nthreads));
  // chunks: one per thread, but at most ~m/n (histograms no bigger than the
  // output), and serial for small inputs
  std::size_t chunks = std::min<std::size_t>(threads, std::max<std::size_t>(1, m / std::max<std::size_t>(1, n)));
  if (m < 65536) chunks = 1;
  std::vector<std::uint32_t> hist(chunks * n, 0);
  auto lo = [&](std::size_t c) { return m * c / chunks; };
  parallel::for_each_index(
      std::int64_t(chunks),
      [&](std::int64_t c) {
        std::uint32_t* h = hist.data() + std::size_t(c) * n;
        for (std::size_t i = lo(std::size_t(c)), end = lo(std::size_t(c) + 1); i < end; ++i)
          visit(i, [h](std::size_t b, T) { ++h[b]; });
      },
      int(chunks), 2);
  // per bucket: each chunk's start inside the bucket; offsets = bucket sizes
  std::vector<std::uint64_t> offsets(n + 1, 0);
  parallel::for_each_index(
      std::int64_t(n),
      [&](std::int64_t b) {
        std::uint32_t run = 0;
        for (std::size_t c = 0; c < chunks; ++c) {
          std::uint32_t& h = hist[c * n + std::size_t(b)];
          const std::uint32_t k = h;
          h = run;
          run += k;
        }
        offsets[std::size_t(b) + 1] = run;
      },
      nthreads, 1 << 16);
  for (std::size_t b = 0; b < n; ++b) offsets[b + 1] += offsets[b];
  out.resize(offsets[n]);
  T* o = out.data();
  const std::uint64_t* off = offsets.data();
  parallel::for_each_index(
      std::int64_t(chunks),
      [&](std::int64_t c) {
        std::uint32_t* h = hist.data() + std::size_t(c) * n;
        for (std::size_t i = lo(std::size_t(c)), end = lo(std::size_t(c) + 1); i < end; ++i)
          visit(i, [h, o, off](std::size_t b, T value) { o[off[b] + h[b]++] = value; });
      },
      int(chunks), 2);
  return offsets;
}

/// flags[i] := flags[0] + ... + flags[i-1]; returns the total.  Blocked: the
/// same result for any thread count.
inline std::uint64_t exclusive_scan(std::vector<std::uint32_t>& flags, int nthreads = 0) {
  constexpr std::size_t kScanBlock = 1 << 16;
  const std::size_t m = flags.size(), blocks = (m + kScanBlock - 1) / kScanBlock;
  std::vector<std::uint64_t> sums(blocks + 1, 0);
  parallel::for_each_index(
      std::int64_t(blocks),
      [&](std::int64_t b) {
        std::uint64_t s = 0;
        for (std::size_t i = std::size_t(b) * kScanBlock, end = std::min(m, i + kScanBlock); i < end; ++i) s += flags[i];
        sums[std::size_t(b) + 1] = s;
      },
      nthreads, 2);
  for (std::size_t b = 0; b < blocks; ++b) sums[b + 1] += sums[b];
  parallel::for_each_index(
      std::int64_t(blocks),
      [&](std::int64_t b) {
        std::uint64_t s = sums[std::size_t(b)];
        for (std::size_t i = std::size_t(b) * kScanBlock, end = std::min(m, i + kScanBlock); i < end; ++i) {
          const std::uint32_t f = flags[i];
          flags[i] = std::uint32_t(s);
          s += f;
        }
      },
      nthreads, 2);
  return sums[blocks];
}

}  // namespace ringleader::graph
