// ringleader/resolve/colocation.hpp - evidence "co-location": two numbers
// seen at the same cells in the same time windows, and never calling each
// other (a person carrying two phones does not call himself).
//
// Sightings: (identifier, cell, time) records, e.g. phone -located_at-> cell
// at the time of a call; records without a time are ignored.  A block is a
// (cell, window) with window = floor(time / window length); blocks with more
// than `max_block` identifiers (a station, a stadium, a call centre) are
// skipped.  For a pair sharing `shared` blocks, value = shared / min(w(a),
// w(b)) (the overlap coefficient of their sets of blocks; w = blocks the
// identifier was seen in); pairs sharing fewer than `min_shared` blocks,
// and pairs joined by a call (either direction, any time), are dropped.
// count = shared.  Weak evidence on its own: members of one crew sit in one
// flat; the Python layer gives it a low reliability.
//
// Cost: O(r log r) for r sightings, O(sum over kept blocks of k^2), and
// O(m log P) to find the candidate pairs that call each other (m calls, P
// pairs).  Deterministic.
//
// Reference: Christen (2012), see pairs.hpp (blocking on space-time keys);
// de Montjoye, Y.-A. et al. (2013). Unique in the Crowd: the privacy bounds
// of human mobility. Sci. Rep. 3:1376 (a few space-time points single out a
// user, so shared points are strong evidence of a shared carrier).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/graph/types.hpp"
#include "ringleader/resolve/pairs.hpp"

namespace ringleader::resolve {

struct ColocationOptions {
  std::int64_t window = 3600LL * 1000000000;  ///< ns, length of a time window
  std::size_t max_block = 50;   ///< (cell, window) blocks with more identifiers are skipped
  std::size_t min_shared = 3;   ///< fewer shared blocks: no evidence
  int threads = 0;
  Progress* progress = nullptr;
};

struct Colocation {
  Pairs pairs;                         ///< value = overlap coefficient, count = shared blocks
  std::vector<std::uint32_t> windows;  ///< per vertex: distinct (cell, window) blocks
  std::size_t skipped_blocks = 0;      ///< blocks above max_block
};

/// Co-location evidence from the sightings (ident[i], cell[i], time[i]);
/// call_src/call_dst: the calls (pairs calling each other are dropped).
inline Colocation colocation(vertex_t n, const std::vector<vertex_t>& ident, const std::vector<vertex_t>& cell,
                             const std::vector<std::int64_t>& time, const std::vector<vertex_t>& call_src,
                             const std::vector<vertex_t>& call_dst, const ColocationOptions& o = {}) {
  if (cell.size() != ident.size() || time.size() != ident.size())
    throw InvalidArgument("sighting arrays differ in length");
  if (call_src.size() != call_dst.size()) throw InvalidArgument("call arrays differ in length");
  if (o.window <= 0) throw InvalidArgument("the co-location window must be positive");
  if (o.max_block < 2) throw InvalidArgument("max_block must be at least 2");
  Colocation r;
  r.windows.assign(n, 0);
  std::int64_t t0 = 0;
  bool any = false;
  for (std::size_t i = 0; i < ident.size(); ++i) {
    if (ident[i] >= n || cell[i] >= n) throw InvalidArgument("sighting vertex out of range");
    if (time[i] == kNoTime) continue;
    t0 = any ? std::min(t0, time[i]) : time[i];
    any = true;
  }
  std::vector<std::uint64_t> key;
  std::vector<vertex_t> who;
  key.reserve(ident.size());
  who.reserve(ident.size());
  for (std::size_t i = 0; i < ident.size(); ++i) {
    if (time[i] == kNoTime) continue;
    const std::uint64_t w = std::uint64_t((time[i] - t0) / o.window);
    if (w > 0xFFFFFFFFull) throw InvalidArgument("the sightings span more than 2^32 co-location windows: widen the window");
    key.push_back((std::uint64_t(cell[i]) << 32) | w);
    who.push_back(ident[i]);
  }
  const Blocks blocks = block_by(key, who);
  std::vector<std::uint64_t>().swap(key);
  std::vector<vertex_t>().swap(who);
  for (vertex_t v : blocks.members) ++r.windows[v];
  std::vector<std::size_t> skipped;
  Pairs all = pairs_in_blocks(blocks, o.max_block, o.threads, &skipped, o.progress);
  r.skipped_blocks = skipped.size();
  std::vector<char> keep(all.size(), 0);
  const std::vector<char> called = pairs_joined(all, call_src, call_dst);
  for (std::size_t i = 0; i < all.size(); ++i) {
    keep[i] = all.count[i] >= o.min_shared && !called[i];
    const double w = double(std::min(r.windows[all.a[i]], r.windows[all.b[i]]));
    all.value[i] = w > 0 ? std::min(1.0, double(all.count[i]) / w) : 0.0;
  }
  r.pairs = select(all, keep);
  return r;
}

}  // namespace ringleader::resolve
