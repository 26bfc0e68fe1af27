// ringleader/resolve/pairs.hpp - candidate pairs of identifiers, and the
// blocking step the evidences of the resolve family share.
//
// Entity resolution never compares all pairs of identifiers (10 million
// phones make 5e13 pairs): it compares only the pairs that share a *block*
// (a device, a contact, a cell in a time window, a holder key).  Blocks
// larger than a cap are skipped: a device holding hundreds of SIMs (a SIM
// box) or a cell crowded by a stadium says nothing about who uses which
// identifier, and its k (k - 1) / 2 pairs would dominate the cost.  The
// skipped blocks are returned so that callers can report (and guard
// against) them.
//
// Pairs are unordered, stored a < b (vertex indices), sorted by (a, b) and
// unique, with `count` = the number of blocks the pair shares.  Per-thread
// parts are concatenated and sorted, so the result does not depend on the
// thread count.  Cost: O(sum over kept blocks of k^2 + P log P) time for P
// emitted pairs, 8 bytes per emitted pair (checked against the memory cap).
//
// Reference: Christen, P. (2012). A survey of indexing techniques for
// scalable record linkage and deduplication. IEEE TKDE 24(9):1537-1555.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/core/memory.hpp"
#include "ringleader/core/parallel.hpp"
#include "ringleader/core/progress.hpp"
#include "ringleader/graph/types.hpp"

namespace ringleader::resolve {

/// Unordered identifier pairs a[i] < b[i], sorted and unique, with an
/// evidence value and the number of shared blocks.
struct Pairs {
  std::vector<vertex_t> a, b;
  std::vector<double> value;
  std::vector<std::uint32_t> count;
  std::size_t size() const { return a.size(); }
};

/// The 64-bit key of an unordered pair (smaller vertex in the high half).
inline std::uint64_t pair_key(vertex_t x, vertex_t y) {
  return x < y ? (std::uint64_t(x) << 32) | y : (std::uint64_t(y) << 32) | x;
}

/// Sorts `keys` (pair keys, repeats allowed) and returns the unique pairs,
/// count = multiplicity, value = 0.
inline Pairs count_keys(std::vector<std::uint64_t>& keys) {
  std::sort(keys.begin(), keys.end());
  Pairs p;
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    p.a.push_back(vertex_t(keys[i] >> 32));
    p.b.push_back(vertex_t(keys[i] & 0xFFFFFFFFu));
    p.count.push_back(std::uint32_t(std::min<std::size_t>(j - i, 0xFFFFFFFFu)));
    i = j;
  }
  p.value.assign(p.a.size(), 0.0);
  return p;
}

/// Concatenates per-thread key vectors in thread order (freeing them).
inline std::vector<std::uint64_t> concat(std::vector<std::vector<std::uint64_t>>& parts) {
  std::size_t total = 0;
  for (const auto& p : parts) total += p.size();
  std::vector<std::uint64_t> out;
  out.reserve(total);
  for (auto& p : parts) {
    out.insert(out.end(), p.begin(), p.end());
    std::vector<std::uint64_t>().swap(p);
  }
  return out;
}

/// Blocks as CSR: the members of block g are members[offsets[g] ..
/// offsets[g + 1]), sorted and unique; `key` the block's key.
struct Blocks {
  std::vector<std::uint64_t> key, offsets{0};
  std::vector<vertex_t> members;
  std::size_t size() const { return key.size(); }
  std::size_t size_of(std::size_t g) const { return std::size_t(offsets[g + 1] - offsets[g]); }
};

/// Groups the records (key[i], member[i]) into blocks by key, repeats of a
/// member in a block dropped.  O(r log r) for r records.
inline Blocks block_by(const std::vector<std::uint64_t>& key, const std::vector<vertex_t>& member) {
  if (key.size() != member.size()) throw InvalidArgument("block keys and members differ in length");
  memory::reserve_check(std::uint64_t(key.size()) * 16, "the blocking records");
  std::vector<std::pair<std::uint64_t, vertex_t>> r(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) r[i] = {key[i], member[i]};
  std::sort(r.begin(), r.end());
  r.erase(std::unique(r.begin(), r.end()), r.end());
  Blocks b;
  b.members.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (i == 0 || r[i].first != r[i - 1].first) {
      if (i) b.offsets.push_back(b.members.size());
      b.key.push_back(r[i].first);
    }
    b.members.push_back(r[i].second);
  }
  if (!r.empty()) b.offsets.push_back(b.members.size());
  return b;
}

/// The pairs of members sharing a block of 2 .. max_block members (count =
/// blocks shared); the blocks above max_block go to `skipped` (indices).
inline Pairs pairs_in_blocks(const Blocks& blocks, std::size_t max_block, int threads = 0,
                             std::vector<std::size_t>* skipped = nullptr, Progress* progress = nullptr) {
  Progress& pr = ringleader::detail::progress_of(progress);
  const std::int64_t g = std::int64_t(blocks.size());
  std::uint64_t total = 0;
  for (std::int64_t i = 0; i < g; ++i) {
    const std::uint64_t k = blocks.size_of(std::size_t(i));
    if (k > max_block) {
      if (skipped) skipped->push_back(std::size_t(i));
    } else {
      total += k * (k - 1) / 2;
    }
  }
  memory::reserve_check(total * 16, "the candidate pairs of the blocks (lower the block cap)");
  std::vector<std::vector<std::uint64_t>> parts(std::size_t(parallel::threads(threads)));
  pr.start(std::uint64_t(g));
  parallel::for_each_cyclic(
      g,
      [&](int t, std::int64_t i) {
        const std::size_t k = blocks.size_of(std::size_t(i));
        if (k < 2 || k > max_block || pr.cancelled()) return;
        const vertex_t* m = blocks.members.data() + blocks.offsets[std::size_t(i)];
        auto& out = parts[std::size_t(t)];
        for (std::size_t x = 0; x < k; ++x)
          for (std::size_t y = x + 1; y < k; ++y) out.push_back(pair_key(m[x], m[y]));
        if (t == 0) pr.advance(std::uint64_t(parts.size()));
      },
      threads, 256);
  pr.check();
  std::vector<std::uint64_t> keys = concat(parts);
  return count_keys(keys);
}

/// Marks the pairs of `p` (sorted) joined by an edge src[e] - dst[e] in
/// either direction (e.g. a call between two co-located phones).
inline std::vector<char> pairs_joined(const Pairs& p, const std::vector<vertex_t>& src,
                                      const std::vector<vertex_t>& dst) {
  std::vector<char> joined(p.size(), 0);
  if (p.size() == 0) return joined;
  std::vector<std::uint64_t> keys(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) keys[i] = pair_key(p.a[i], p.b[i]);
  for (std::size_t e = 0; e < src.size(); ++e) {
    if (src[e] == dst[e]) continue;
    const std::uint64_t k = pair_key(src[e], dst[e]);
    auto it = std::lower_bound(keys.begin(), keys.end(), k);
    if (it != keys.end() && *it == k) joined[std::size_t(it - keys.begin())] = 1;
  }
  return joined;
}

/// The pairs of `p` whose `keep` is set.
inline Pairs select(const Pairs& p, const std::vector<char>& keep) {
  Pairs out;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (keep[i]) {
      out.a.push_back(p.a[i]);
      out.b.push_back(p.b[i]);
      out.value.push_back(p.value[i]);
      out.count.push_back(p.count[i]);
    }
  return out;
}

}  // namespace ringleader::resolve
