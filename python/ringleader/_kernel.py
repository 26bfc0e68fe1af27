"""Shared plumbing of the analysis functions: weight arguments, seeds,
thread counts, progress bars and Ctrl-C."""
from __future__ import annotations

import os
import random
import sys
import time
from contextlib import contextmanager
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


def max_threads() -> int:
    """The most threads a kernel may be given: 8 per core (the C++ kernels
    never start more, ``parallel::max_threads``)."""
    return 8 * max(1, os.cpu_count() or 1)


def check_threads(threads) -> int:
    """The ``threads`` argument of a kernel: None or 0 = all cores, else
    1 .. :func:`max_threads`; anything else raises ValueError."""
    if threads is None:
        return 0
    if isinstance(threads, bool) or not isinstance(threads, (int, np.integer)):
        raise ValueError(f"threads must be an int (0 = all cores), not {threads!r}")
    threads = int(threads)
    if threads < 0:
        raise ValueError(f"threads must be >= 0 (0 = all cores), not {threads}")
    if threads > max_threads():
        raise ValueError(f"threads={threads} is more than {max_threads()} (8 per core on this machine's "
                         f"{os.cpu_count()} cores): pass 0 for all cores or a smaller count")
    return threads


class ProgressBar:
    """A minimal text progress bar on stderr (works in terminals and Jupyter):
    the bar without tqdm, or with ``progress="text"``."""

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

    def close(self, complete: bool = False) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


class TqdmBar:
    """A ``tqdm.auto`` bar (widgets in Jupyter, text in a terminal) fed with
    ``report(done, total)``.  A kernel may start a new phase (``start()`` in
    core/progress.hpp): a new total, or a count that goes back, resets the
    bar.  ``close(complete=True)`` (the work finished) fills the bar, as an
    iterative kernel that converges stops short of its maximum and some
    kernels report no count (core_number); otherwise the bar stays where it
    stopped (red in Jupyter)."""

    def __init__(self, label: str, tqdm):
        self.label, self.tqdm, self.bar = label, tqdm, None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = self.tqdm(total=total, desc=self.label)
        elif total != self.bar.total or done < self.bar.n:
            self.bar.reset(total=total)
        self.bar.update(done - self.bar.n)

    def close(self, complete: bool = False) -> None:
        if self.bar is None:
            return
        if complete and self.bar.total and self.bar.n < self.bar.total:
            self.bar.update(self.bar.total - self.bar.n)
        self.bar.close()


def _tqdm(required: bool):
    """``tqdm.auto.tqdm``, or None when tqdm is not installed."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        if required:
            raise ImportError("progress='tqdm' needs tqdm: pip install 'ringleader[progress]'") from None
        return None
    return tqdm


def reporter(label: str, progress):
    """The callable given to a kernel, or None (Ctrl-C is checked either way).

    ``progress``: False (none); True or ``"auto"``: a ``tqdm.auto`` bar when
    tqdm is installed (``pip install 'ringleader[progress]'``: widgets in
    Jupyter, text in a terminal), else the text bar; ``"tqdm"``: the tqdm
    bar (ImportError without tqdm); ``"text"``: the text bar on stderr."""
    if isinstance(progress, str):
        if progress not in ("auto", "tqdm", "text"):
            raise ValueError(f"progress must be True, False, 'auto', 'tqdm' or 'text', not {progress!r}")
    elif not progress:
        return None
    tqdm = None if progress == "text" else _tqdm(progress == "tqdm")
    return ProgressBar(label) if tqdm is None else TqdmBar(label, tqdm)


@contextmanager
def progress_bar(label: str, progress):
    """``with progress_bar(label, progress) as bar:`` the reporter of
    :func:`reporter` (None when off), closed at the end of the block, also
    on an error or Ctrl-C; filled when the block finished."""
    bar = reporter(label, progress)
    complete = False
    try:
        yield bar
        complete = True
    finally:
        if bar is not None:
            bar.close(complete)


def run(label: str, progress, fn, *args):
    """Calls ``fn(*args, report)`` with a progress bar when asked."""
    with progress_bar(label, progress) as bar:
        return fn(*args, bar)
