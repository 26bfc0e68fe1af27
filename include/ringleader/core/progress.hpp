// ringleader/core/progress.hpp - progress reports and cancellation for long
// computations.
//
// A kernel receives a `Progress&` (through its options) and calls
// `advance(k)` after each unit of work (a source, an iteration).  Only the
// thread that created the Progress (the caller's thread: OpenMP's master
// thread) ever calls the user callback, at most every `interval`; the callback
// returns false to cancel.  Every thread checks `cancelled()` between units of
// work and skips the rest; the kernel then calls `check()`, which throws
// ringleader::Cancelled, so no partial result escapes.  The Python bindings
// use the callback to draw a progress bar and to notice Ctrl-C.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>

#include "ringleader/core/error.hpp"

namespace ringleader {

/// Thrown when a computation was cancelled (Ctrl-C in Python: KeyboardInterrupt).
class Cancelled : public Error {
 public:
  Cancelled() : Error("computation cancelled") {}
};

class Progress {
 public:
  /// callback(done, total) -> keep going?
  using Callback = std::function<bool(std::uint64_t done, std::uint64_t total)>;

  Progress() = default;
  explicit Progress(Callback cb, std::chrono::milliseconds interval = std::chrono::milliseconds(100))
      : cb_(std::move(cb)), interval_(interval), owner_(std::this_thread::get_id()) {}

  /// Starts a phase of `total` units (resets the count).
  void start(std::uint64_t total) {
    total_ = total;
    done_.store(0, std::memory_order_relaxed);
    report(true);
  }
  /// Records `k` finished units; may call the callback (owner thread only).
  void advance(std::uint64_t k = 1) {
    done_.fetch_add(k, std::memory_order_relaxed);
    report(false);
  }
  /// Inside long units of work: gives the callback its turn (owner thread
  /// only, at most every `interval`) and says whether to stop (any thread).
  bool poll() {
    report(false);
    return cancelled();
  }
  /// Asks the computation to stop (any thread).
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }
  /// Throws Cancelled when the computation was cancelled.
  void check() const {
    if (cancelled()) throw Cancelled();
  }
  /// Final report of a phase (owner thread).
  void finish() { report(true); }

 private:
  void report(bool force) {
    if (!cb_ || std::this_thread::get_id() != owner_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < interval_) return;
    last_ = now;
    if (!cb_(done_.load(std::memory_order_relaxed), total_)) cancel();
  }
  Callback cb_;
  std::chrono::milliseconds interval_{100};
  std::thread::id owner_{};
  std::chrono::steady_clock::time_point last_{};
  std::uint64_t total_ = 0;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<bool> cancelled_{false};
};

/// A Progress that never reports and is never cancelled (the default).
inline Progress& no_progress() {
  thread_local Progress p;
  return p;
}

namespace detail {
/// The Progress given in options, or the silent default.
inline Progress& progress_of(Progress* p) { return p ? *p : no_progress(); }
}  // namespace detail

/// The Options of a kernel whose only settings are how it runs: the thread
/// count (0 = all cores) and where it reports progress (null = nowhere).
/// Kernels with nothing else to set derive their Options from it.
struct RunOptions {
  int threads = 0;
  Progress* progress = nullptr;
};

}  // namespace ringleader
