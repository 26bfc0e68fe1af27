"""Shared plumbing of the analysis functions: weight arguments, seeds,
thread counts, progress bars and Ctrl-C."""
from __future__ import annotations

import random
import sys
import time
from typing import Optional

import numpy as np


def column(weight: Optional[str]) -> Optional[str]:
    """The ``weight`` argument of a kernel: the name of a numeric edge column,
    or None for unweighted.  How parallel edges merge (the shortest for
    distances, the sum for strengths, one edge for structure) is the
    kernel's own rule (include/ringleader/graph/view.hpp); the merged view
    is built once per network and rule and kept with the network."""
    return None if weight is None else str(weight)


_MASK64 = (1 << 64) - 1


def seed_of(seed) -> int:
    """A 64-bit seed: ``None`` draws one from the operating system."""
    if seed is None:
        return random.SystemRandom().getrandbits(64)
    if isinstance(seed, (bool, float)) or not isinstance(seed, (int, np.integer)):
        raise ValueError(f"seed must be None or an int, not {seed!r}")
    return int(seed) & _MASK64


def check_threads(threads) -> int:
    if threads is None:
        return 0
    threads = int(threads)
    if threads < 0:
        raise ValueError(f"threads must be >= 0 (0 = all cores), not {threads}")
    return threads


class ProgressBar:
    """A minimal text progress bar on stderr (works in terminals and Jupyter)."""

    def __init__(self, label: str):
        self.label = label
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        frac = done / total if total else 1.0
        width = 30
        filled = int(width * frac)
        elapsed = time.monotonic() - self.start
        sys.stderr.write(f"\r{self.label}: [{'#' * filled}{'.' * (width - filled)}] "
                         f"{100 * frac:5.1f}% ({done}/{total}) {elapsed:6.1f}s")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def reporter(label: str, progress: bool):
    """The callable given to a kernel: a ProgressBar, or None (Ctrl-C is
    checked either way)."""
    return ProgressBar(label) if progress else None


def run(label: str, progress: bool, fn, *args):
    """Calls ``fn(*args, report)`` with a progress bar when asked."""
    bar = reporter(label, progress)
    try:
        return fn(*args, bar)
    finally:
        if bar is not None:
            bar.close()
