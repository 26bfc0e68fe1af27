"""Window bounds for :mod:`ringleader.temporal`: durations, regular
(tumbling or sliding) and explicit windows, checked before anything runs
and given as ``(start_ns, end_ns)`` pairs, and the IntervalIndex that
labels the per-window results (the conventions are in the docstring of
:mod:`ringleader.temporal`)."""
from __future__ import annotations

import datetime as _dt
from typing import Iterator

import numpy as np
import pandas as pd

from .._times import time_index, to_ns

#: What ``freq``, ``step`` and ``windows=`` accept as a duration.
DURATION_TYPES = (str, pd.Timedelta, _dt.timedelta, np.timedelta64, pd.offsets.BaseOffset)

#: The error when the network has no timestamped edge.
NO_TIMES = ("the network has no edge with a timestamp, so no edge falls in any window: give the edges a "
            "'timestamp' column (ISO 8601 or Unix seconds) when reading or building it")


def duration(value, what: str) -> pd.offsets.BaseOffset:
    """A positive duration as a pandas offset."""
    if not isinstance(value, DURATION_TYPES):
        raise ValueError(f"{what} must be a duration such as '30D', '7D', '12h', 'MS' or pd.Timedelta(days=7), "
                         f"not {value!r}")
    if isinstance(value, pd.offsets.BaseOffset):
        off = value
    else:
        try:
            off = pd.tseries.frequencies.to_offset(value if isinstance(value, str) else pd.Timedelta(value))
        except ValueError:
            try:
                off = pd.tseries.frequencies.to_offset(pd.Timedelta(value))
            except ValueError:
                raise ValueError(f"{what}={value!r} is not a duration: use a pandas offset alias or Timedelta "
                                 "string such as '30D', '7D', '12h' or 'MS'") from None
    ref = pd.Timestamp("2000-01-01", tz="UTC")
    if not ref + off > ref:
        raise ValueError(f"{what}={value!r} must be a positive duration")
    return off


def utc(ns: int) -> pd.Timestamp:
    """Nanoseconds since the epoch as a UTC Timestamp."""
    return pd.Timestamp(int(ns), tz="UTC")


def regular_bounds(t0: pd.Timestamp, stop: int, freq, step) -> Iterator[tuple]:
    """``(start_ns, end_ns)`` of the windows of length ``freq`` starting at
    ``t0`` and every ``step``, until the first reaching ``stop``."""
    k = 0
    while True:
        s = t0 if k == 0 else t0 + step * k  # k * step from t0: no drift with month offsets
        if s.value >= stop:
            return
        e = s + freq
        yield s.value, e.value
        if e.value >= stop:
            return
        k += 1


def explicit_bounds(windows) -> list:
    """``(start_ns, end_ns)`` of explicit windows (pairs or pd.Interval), checked."""
    if isinstance(windows, (str, bytes)) or isinstance(windows, DURATION_TYPES):
        raise ValueError(f"windows= takes a list of (start, end) pairs, not {windows!r}: "
                         "for regular windows give freq= (e.g. freq='30D')")
    try:
        items = list(windows)
    except TypeError:
        raise ValueError(f"windows must be a list of (start, end) pairs, not {type(windows).__name__}") from None
    bounds = []
    for i, w in enumerate(items):
        if isinstance(w, pd.Interval):
            s, e = w.left, w.right
        else:
            try:
                s, e = w
            except (TypeError, ValueError):
                raise ValueError(f"windows[{i}] = {w!r} is not a (start, end) pair") from None
        if s is None or e is None:
            raise ValueError(f"windows[{i}] = {w!r}: both start and end are needed")
        s_ns, e_ns = to_ns(s, f"windows[{i}] start"), to_ns(e, f"windows[{i}] end")
        if e_ns <= s_ns:
            raise ValueError(f"windows[{i}]: end {e!r} is not after start {s!r} (windows are [start, end))")
        bounds.append((s_ns, e_ns))
    if not bounds:
        raise ValueError("windows is empty: give at least one (start, end) pair")
    return bounds


def plan(net, freq, windows, step, start, end):
    """The time index and the (start_ns, end_ns) bounds (a list, or a lazy
    iterator for regular windows); arguments checked before anything runs."""
    if freq is None and windows is None:
        raise ValueError("give freq (e.g. '30D') for regular windows or windows=[(start, end), ...]")
    if freq is not None and windows is not None:
        raise ValueError("give either freq or windows, not both")
    if windows is not None:
        if step is not None or start is not None or end is not None:
            raise ValueError("step, start and end apply to regular windows (freq=); explicit windows carry "
                             "their own bounds")
        bounds = explicit_bounds(windows)
        return time_index(net, NO_TIMES), bounds
    freq_off = duration(freq, "freq")
    step_off = freq_off if step is None else duration(step, "step")
    start_ns, end_ns = to_ns(start, "start"), to_ns(end, "end")
    index = time_index(net, NO_TIMES)
    t0 = utc(index.first).floor("D") if start_ns is None else utc(start_ns)
    stop = index.last + 1 if end_ns is None else end_ns
    if stop <= t0.value:
        raise ValueError(f"end ({utc(stop)}) must be after start ({t0}); the timestamps run from "
                         f"{utc(index.first)} to {utc(index.last)}")
    return index, regular_bounds(t0, stop, freq_off, step_off)


def interval_index(bounds) -> pd.IntervalIndex:
    """The windows as the ``"window"`` IntervalIndex of the results (closed left, UTC)."""
    b = np.array(bounds, dtype=np.int64).reshape(-1, 2)
    left = pd.DatetimeIndex(b[:, 0].view("datetime64[ns]")).tz_localize("UTC")
    right = pd.DatetimeIndex(b[:, 1].view("datetime64[ns]")).tz_localize("UTC")
    return pd.IntervalIndex.from_arrays(left, right, closed="left", name="window")
