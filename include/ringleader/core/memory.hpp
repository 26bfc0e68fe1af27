// ringleader/core/memory.hpp - size limits and the memory cap.
//
// Vertex ids are 32-bit (vertex_t) and the compute view indexes edges with
// 32 bits (edge_index_t): check_vertex_count() and check_edge_count() refuse
// larger inputs early with a clear InvalidArgument, before anything wraps.
//
// Large allocations are estimated first and checked by reserve_check(bytes,
// what) against a process-wide cap: by default the memory available
// (MemAvailable in /proc/meminfo, else sysconf), or the value set by
// set_memory_limit() / the environment variable RINGLEADER_MEMORY_LIMIT
// (bytes, with an optional K, M, G or T suffix; "none" or "0" = no cap).
// Above the cap it throws MemoryLimitError naming the estimate, the cap and
// what to do, instead of letting the allocation fail, overflow or wake the
// kernel's out-of-memory killer.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

#include "ringleader/core/error.hpp"

namespace ringleader {

/// An allocation estimated above the memory cap (see memory.hpp).
class MemoryLimitError : public Error {
 public:
  using Error::Error;
};

namespace memory {

/// Largest node count: vertex ids are 32-bit and 2^32 - 1 is reserved.
inline constexpr std::uint64_t kMaxNodes = 0xFFFFFFFEull;
/// Largest edge count: the compute view indexes edges with 32 bits.
inline constexpr std::uint64_t kMaxEdges = 0xFFFFFFFFull;

/// Throws InvalidArgument when `n` nodes do not fit the 32-bit vertex ids.
inline void check_vertex_count(std::uint64_t n, const char* where = "the network") {
  if (n > kMaxNodes)
    throw InvalidArgument(std::string(where) + " has " + std::to_string(n) + " nodes, more than " +
                          std::to_string(kMaxNodes) +
                          " (vertex ids are 32-bit): split the input, e.g. by node type or time window");
}

/// Throws InvalidArgument when `m` edges do not fit the 32-bit edge indices.
inline void check_edge_count(std::uint64_t m, const char* where = "the network") {
  if (m > kMaxEdges)
    throw InvalidArgument(std::string(where) + " has " + std::to_string(m) + " edges, more than " +
                          std::to_string(kMaxEdges) +
                          " (edge indices are 32-bit): collapse parallel edges or split the input");
}

/// Bytes the system can still give without swapping (0 when unknown).
inline std::uint64_t available() {
#if defined(__linux__)
  if (std::FILE* f = std::fopen("/proc/meminfo", "r")) {
    char line[256];
    unsigned long long kb = 0;
    bool found = false;
    while (std::fgets(line, sizeof line, f))
      if (std::sscanf(line, "MemAvailable: %llu kB", &kb) == 1) {
        found = true;
        break;
      }
    std::fclose(f);
    if (found) return std::uint64_t(kb) * 1024;
  }
#endif
#if defined(_SC_AVPHYS_PAGES) && defined(_SC_PAGESIZE)
  long pages = sysconf(_SC_AVPHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) return std::uint64_t(pages) * std::uint64_t(page);
#endif
  return 0;
}

/// Parses "123", "512M", "2G", "1.5T" (powers of 1024); "none" = no cap.
/// Returns false when the text is not such a size, or is less than one byte
/// ("0", "0.5", "1e-9": a cap of 0 bytes would read as "no cap").
inline bool parse_size(const std::string& text, std::optional<std::uint64_t>& out) {
  if (text == "none" || text == "None") {
    out.reset();
    return true;
  }
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !(x > 0) || x > 1.8e19) return false;
  double mult = 1;
  std::string rest(end);
  if (rest.size() == 2 && (rest[1] == 'B' || rest[1] == 'b')) rest.pop_back();
  if (rest.size() > 1) return false;
  if (!rest.empty()) {
    switch (rest[0]) {
      case 'k': case 'K': mult = 1024.0; break;
      case 'm': case 'M': mult = 1024.0 * 1024; break;
      case 'g': case 'G': mult = 1024.0 * 1024 * 1024; break;
      case 't': case 'T': mult = 1024.0 * 1024 * 1024 * 1024; break;
      default: return false;
    }
  }
  const double bytes = x * mult;
  if (!(bytes >= 1.0) || bytes >= 1.8e19) return false;
  out = std::uint64_t(bytes);
  return true;
}

namespace detail {
// state: 0 = the default (memory available), 1 = a set cap, 2 = no cap
inline std::atomic<int>& state() {
  static std::atomic<int> s{-1};
  return s;
}
inline std::atomic<std::uint64_t>& cap() {
  static std::atomic<std::uint64_t> c{0};
  return c;
}
inline void init_from_env() {
  int expected = -1;
  if (state().load() != -1) return;
  int s = 0;
  if (const char* env = std::getenv("RINGLEADER_MEMORY_LIMIT")) {
    std::optional<std::uint64_t> v;
    if (parse_size(env, v)) {
      if (v) cap() = *v;
      s = v ? 1 : 2;
    }
    // an unreadable value keeps the default; set_memory_limit() reports errors
  }
  state().compare_exchange_strong(expected, s);
}
}  // namespace detail

/// Sets the cap in bytes; std::nullopt restores the default (memory available).
inline void set_limit(std::optional<std::uint64_t> bytes) {
  detail::init_from_env();
  if (bytes && *bytes == 0) throw InvalidArgument("memory limit 0: pass a positive number of bytes, or None");
  if (bytes) detail::cap() = *bytes;
  detail::state() = bytes ? 1 : 0;
}
/// Removes the cap altogether (RINGLEADER_MEMORY_LIMIT=none).
inline void disable_limit() {
  detail::init_from_env();
  detail::state() = 2;
}

/// The cap in bytes now in force (0 = no cap, or the memory available is unknown).
inline std::uint64_t limit() {
  detail::init_from_env();
  switch (detail::state().load()) {
    case 1: return detail::cap();
    case 2: return 0;
    default: return available();
  }
}
/// True when the cap was set explicitly (set_limit or the environment).
inline bool limit_is_set() {
  detail::init_from_env();
  return detail::state().load() == 1;
}

inline std::string human(std::uint64_t b) {
  const char* unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  double x = double(b);
  int u = 0;
  while (x >= 1024 && u < 6) {
    x /= 1024;
    ++u;
  }
  char buf[64];
  if (u == 0) std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(b));
  else std::snprintf(buf, sizeof buf, "%.1f %s", x, unit[u]);
  return buf;
}

/// Saturating a * b (estimates must not wrap).
inline std::uint64_t mul(std::uint64_t a, std::uint64_t b) {
  if (a && b > std::numeric_limits<std::uint64_t>::max() / a) return std::numeric_limits<std::uint64_t>::max();
  return a * b;
}
/// Saturating a + b.
inline std::uint64_t add(std::uint64_t a, std::uint64_t b) {
  return b > std::numeric_limits<std::uint64_t>::max() - a ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

/// Throws MemoryLimitError when an allocation of about `bytes` for `what`
/// exceeds the cap.  Cheap: call it before each large allocation.
inline void reserve_check(std::uint64_t bytes, const std::string& what) {
  const std::uint64_t cap = limit();
  if (cap == 0 || bytes <= cap) return;
  const bool set = limit_is_set();
  throw MemoryLimitError(what + " needs about " + human(bytes) + ", more than the memory limit of " + human(cap) +
                         (set ? " (set by set_memory_limit or RINGLEADER_MEMORY_LIMIT)" : " (the memory available)") +
                         ": use a smaller network (subgraph, a time window, collapse parallel edges), fewer "
                         "threads, or raise the limit with set_memory_limit / RINGLEADER_MEMORY_LIMIT");
}

}  // namespace memory
}  // namespace ringleader
