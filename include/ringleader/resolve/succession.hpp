// ringleader/resolve/succession.hpp - evidence "succession": one number
// stops and another starts within a short gap, and both call largely the
// same contacts (the burner phone handed over to the next SIM).
//
// Activity period of an identifier: [first, last] call time (calls made or
// received; calls without a timestamp and self-calls are ignored).  Profile:
// the number of calls with each contact (either direction), kept only for
// identifiers with at least `min_calls` timed calls.  An ordered pair (old,
// new) is a candidate when
//   last(old) - overlap <= first(new) <= last(old) + max_gap,
//   first(old) < first(new) and last(old) < last(new)
// and they share a contact: blocking by contact - for each contact with at
// most `max_block` identifiers, the identifiers sorted by first call, a
// binary search finds the successors of each in the time window (contacts
// called by more, such as a bank's hotline, are not blocks; they still count
// in the similarity).  Evidence value: the cosine similarity of the two
// contact profiles, the pair's own mutual calls left out, each contact
// weighted by its inverse document frequency log(1 + N / df) when `idf`
// (N identifiers with a profile, df of them calling that contact: a contact
// everyone calls says little; Salton & Buckley 1988).  count = shared
// contacts; gap = first(new) - last(old) (ns, negative for an overlap).
//
// Cost: O(c log c) for c call ends, plus O(sum over blocks of k log k +
// candidates) for the blocking and O(profile(a) + profile(b)) per candidate.
// Memory: 12 bytes per call end.  Deterministic (sorted output).
//
// References: Salton, G. & Buckley, C. (1988). Term-weighting approaches in
// automatic text retrieval. Inf. Proc. & Management 24(5):513-523 (tf-idf
// cosine).  Linking successive numbers of one user by their overlapping
// contact sets is the practice of call-record analysts; we know of no
// published standard method, so the thresholds are ours (see the Python
// documentation of rl.resolve for how they were chosen).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "ringleader/core/error.hpp"
#include "ringleader/graph/types.hpp"
#include "ringleader/resolve/pairs.hpp"

namespace ringleader::resolve {

struct SuccessionOptions {
  std::int64_t max_gap = 14LL * 86400 * 1000000000;  ///< ns from the old number's last call to the new one's first
  std::int64_t overlap = 1LL * 86400 * 1000000000;   ///< ns the two periods may overlap
  std::size_t min_calls = 3;      ///< identifiers with fewer timed calls have no profile
  std::size_t max_block = 1000;   ///< contacts called by more identifiers are not blocks
  bool idf = true;                ///< weight contacts by inverse document frequency
  int threads = 0;
  Progress* progress = nullptr;
};

struct Succession {
  Pairs pairs;                               ///< value = cosine similarity, count = shared contacts
  std::vector<std::int64_t> gap;             ///< per pair: first(new) - last(old), ns
  std::vector<vertex_t> older;               ///< per pair: the number that stopped
  std::vector<std::int64_t> first, last;     ///< per vertex (kNoTime without timed calls)
  std::vector<std::uint32_t> calls;          ///< per vertex: timed calls
};

/// Succession evidence among the vertices with is_id set, from the calls
/// src[e] -> dst[e] at time[e] (kNoTime = unknown) of a network of n vertices.
inline Succession succession(vertex_t n, const std::vector<char>& is_id, const std::vector<vertex_t>& src,
                             const std::vector<vertex_t>& dst, const std::vector<std::int64_t>& time,
                             const SuccessionOptions& o = {}) {
  Progress& pr = ringleader::detail::progress_of(o.progress);
  const std::size_t m = src.size();
  if (dst.size() != m || time.size() != m) throw InvalidArgument("call arrays differ in length");
  if (is_id.size() != n) throw InvalidArgument("identifier mask has the wrong length");
  if (o.max_gap < 0 || o.overlap < 0) throw InvalidArgument("max_gap and overlap must be >= 0");
  Succession r;
  r.first.assign(n, kNoTime);
  r.last.assign(n, kNoTime);
  r.calls.assign(n, 0);
  auto valid = [&](std::size_t e) {
    if (src[e] >= n || dst[e] >= n) throw InvalidArgument("call endpoint out of range");
    return time[e] != kNoTime && src[e] != dst[e];
  };
  std::vector<std::uint64_t> off(std::size_t(n) + 1, 0);
  for (std::size_t e = 0; e < m; ++e) {
    if (!valid(e)) continue;
    for (vertex_t v : {src[e], dst[e]}) {
      if (!is_id[v]) continue;
      r.first[v] = r.first[v] == kNoTime ? time[e] : std::min(r.first[v], time[e]);
      r.last[v] = std::max(r.last[v], time[e]);
      ++r.calls[v];
    }
  }
  auto profiled = [&](vertex_t v) { return is_id[v] && r.calls[v] >= o.min_calls && r.calls[v] > 0; };
  for (vertex_t v = 0; v < n; ++v) off[v + 1] = off[v] + (profiled(v) ? r.calls[v] : 0);
  memory::reserve_check(off[n] * 12, "the contact profiles of the succession evidence");
  std::vector<vertex_t> contact(off[n]);
  {
    std::vector<std::uint64_t> pos(off.begin(), off.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
      if (!valid(e)) continue;
      if (profiled(src[e])) contact[pos[src[e]]++] = dst[e];
      if (profiled(dst[e])) contact[pos[dst[e]]++] = src[e];
    }
  }
  // profiles: sorted contacts with call counts, compacted per vertex
  std::vector<std::uint32_t> len(n, 0);
  std::vector<std::uint32_t> cnt(off[n], 0);
  parallel::for_each_dynamic(
      std::int64_t(n),
      [&](int, std::int64_t vi) {
        const vertex_t v = vertex_t(vi);
        vertex_t* c = contact.data() + off[v];
        std::uint32_t* k = cnt.data() + off[v];
        const std::size_t d = std::size_t(off[v + 1] - off[v]);
        std::sort(c, c + d);
        std::size_t w = 0;
        for (std::size_t i = 0; i < d; ++i) {
          if (w && c[w - 1] == c[i]) {
            ++k[w - 1];
          } else {
            c[w] = c[i];
            k[w++] = 1;
          }
        }
        len[v] = std::uint32_t(w);
      },
      o.threads, 1024);
  pr.check();
  // inverse: contact -> identifiers calling it, sorted by first call
  std::vector<std::uint64_t> ioff(std::size_t(n) + 1, 0);
  for (vertex_t v = 0; v < n; ++v)
    for (std::uint32_t i = 0; i < len[v]; ++i) ++ioff[contact[off[v] + i] + 1];
  for (vertex_t v = 0; v < n; ++v) ioff[v + 1] += ioff[v];
  std::vector<vertex_t> inv(ioff[n]);
  {
    std::vector<std::uint64_t> pos(ioff.begin(), ioff.end() - 1);
    for (vertex_t v = 0; v < n; ++v)
      for (std::uint32_t i = 0; i < len[v]; ++i) inv[pos[contact[off[v] + i]]++] = v;
  }
  std::vector<double> idf(n, 1.0);
  if (o.idf) {
    double profiles = 0;
    for (vertex_t v = 0; v < n; ++v) profiles += len[v] > 0;
    for (vertex_t c = 0; c < n; ++c)
      if (ioff[c + 1] > ioff[c]) idf[c] = std::log(1.0 + profiles / double(ioff[c + 1] - ioff[c]));
  }
  // blocking by contact: (old, new) keys in the time window
  std::vector<std::vector<std::uint64_t>> parts(std::size_t(parallel::threads(o.threads)));
  parallel::for_each_cyclic(
      std::int64_t(n),
      [&](int t, std::int64_t ci) {
        const std::size_t c = std::size_t(ci);
        const std::size_t k = std::size_t(ioff[c + 1] - ioff[c]);
        if (k < 2 || k > o.max_block) return;
        vertex_t* L = inv.data() + ioff[c];
        std::sort(L, L + k, [&](vertex_t x, vertex_t y) {
          return r.first[x] != r.first[y] ? r.first[x] < r.first[y] : x < y;
        });
        for (std::size_t i = 0; i < k; ++i) {
          const vertex_t a = L[i];
          const std::int64_t lo = r.last[a] - o.overlap, hi = r.last[a] + o.max_gap;
          std::size_t j = std::size_t(std::lower_bound(L, L + k, lo, [&](vertex_t x, std::int64_t v) {
                                        return r.first[x] < v;
                                      }) - L);
          for (; j < k && r.first[L[j]] <= hi; ++j) {
            const vertex_t b = L[j];
            if (b != a && r.first[a] < r.first[b] && r.last[a] < r.last[b])
              parts[std::size_t(t)].push_back((std::uint64_t(a) << 32) | b);
          }
        }
      },
      o.threads, 64);
  pr.check();
  std::vector<std::uint64_t> keys = concat(parts);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  // similarity of each candidate
  const std::size_t P = keys.size();
  std::vector<double> sim(P, 0.0);
  std::vector<std::uint32_t> shared(P, 0);
  parallel::for_each_dynamic(
      std::int64_t(P),
      [&](int, std::int64_t pi) {
        const vertex_t a = vertex_t(keys[std::size_t(pi)] >> 32), b = vertex_t(keys[std::size_t(pi)] & 0xFFFFFFFFu);
        const vertex_t *ca = contact.data() + off[a], *cb = contact.data() + off[b];
        const std::uint32_t *ka = cnt.data() + off[a], *kb = cnt.data() + off[b];
        std::size_t i = 0, j = 0;
        double dot = 0, na = 0, nb = 0;
        std::uint32_t s = 0;
        while (i < len[a] || j < len[b]) {
          const vertex_t x = i < len[a] ? ca[i] : std::numeric_limits<vertex_t>::max();
          const vertex_t y = j < len[b] ? cb[j] : std::numeric_limits<vertex_t>::max();
          const vertex_t c = std::min(x, y);
          const double wa = x == c ? double(ka[i]) * idf[c] : 0.0, wb = y == c ? double(kb[j]) * idf[c] : 0.0;
          if (x == c) ++i;
          if (y == c) ++j;
          if (c == a || c == b) continue;
          dot += wa * wb;
          na += wa * wa;
          nb += wb * wb;
          s += (wa > 0 && wb > 0);
        }
        sim[std::size_t(pi)] = na > 0 && nb > 0 ? std::min(1.0, dot / std::sqrt(na * nb)) : 0.0;
        shared[std::size_t(pi)] = s;
      },
      o.threads, 256);
  pr.check();
  // unordered output sorted by (min, max)
  std::vector<std::size_t> order(P);
  for (std::size_t i = 0; i < P; ++i) order[i] = i;
  auto ukey = [&](std::size_t i) { return pair_key(vertex_t(keys[i] >> 32), vertex_t(keys[i] & 0xFFFFFFFFu)); };
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return ukey(x) < ukey(y); });
  for (std::size_t i : order) {
    if (shared[i] == 0) continue;
    const vertex_t a = vertex_t(keys[i] >> 32), b = vertex_t(keys[i] & 0xFFFFFFFFu);
    r.pairs.a.push_back(std::min(a, b));
    r.pairs.b.push_back(std::max(a, b));
    r.pairs.value.push_back(sim[i]);
    r.pairs.count.push_back(shared[i]);
    r.gap.push_back(r.first[b] - r.last[a]);
    r.older.push_back(a);
  }
  return r;
}

}  // namespace ringleader::resolve
