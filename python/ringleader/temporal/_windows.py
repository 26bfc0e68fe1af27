"""Window bounds for :mod:`ringleader.temporal`: durations, regular
(tumbling or sliding) and explicit windows, checked before anything runs
and given as ``(start_ns, end_ns)`` pairs, and the IntervalIndex that
labels the per-window results (the conventions are in the docstring of
:mod:`ringleader.temporal`)."""
from __future__ import annotations

import datetime as _dt
from typing import Iterator, Optional

import numpy as np
import pandas as pd

from .._times import time_index, to_ns, ts_ns

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


#: Default ``max_windows`` of :func:`ringleader.temporal.measure` and
#: :func:`ringleader.temporal.partitions`: more regular windows are refused
#: before any is built (each costs about 50 microseconds and a row of the result).
MAX_WINDOWS = 100_000

#: The last instant an int64-nanosecond time can hold (pandas' ``Timestamp.max``).
_LAST_NS = np.iinfo(np.int64).max


def fixed_ns(off) -> Optional[int]:
    """The length in ns of a fixed-length offset ('30D', '12h'), None for
    calendar offsets ('MS', 'W-MON', DateOffset(months=2))."""
    try:
        ns = int(off.nanos)
    except (AttributeError, ValueError, TypeError):
        return None
    return ns if ns > 0 else None


def _too_far(what: str):
    return ValueError(f"the windows of {what} reach past {utc(_LAST_NS)}, the last time a timestamp can hold "
                      "(int64 nanoseconds, years 1677 to 2262): give an earlier end= or a later start=")


def count_windows(t0: pd.Timestamp, stop: int, freq, step) -> int:
    """The number of regular windows (exact for fixed-length durations, an
    estimate from the average step for calendar offsets), computed without
    building any."""
    f_ns, s_ns = fixed_ns(freq), fixed_ns(step)
    span = stop - t0.value
    if s_ns is None:  # calendar step: its average length over a year of steps
        try:
            s_ns = max(1, (ts_ns(pd.Timestamp(t0 + step * 12)) - t0.value) // 12)
        except (OverflowError, ValueError):  # OutOfBounds*: a step of centuries
            return 1
    count = -(-span // s_ns)  # windows starting before stop
    if f_ns is not None and span - f_ns > 0:  # and only while the previous one ended before stop
        count = min(count, 1 + -(-(span - f_ns) // s_ns))
    return max(int(count), 1)


def check_count(t0: pd.Timestamp, stop: int, freq, step, max_windows, what: str, shown: str) -> None:
    """ValueError when the regular windows would be more than ``max_windows``
    (None: no limit); ``shown`` names the windows and the span."""
    if max_windows is None:
        return
    if isinstance(max_windows, bool) or not isinstance(max_windows, (int, np.integer)) or max_windows < 1:
        raise ValueError(f"max_windows must be a positive integer or None, not {max_windows!r}")
    n = count_windows(t0, stop, freq, step)
    if n > max_windows:
        raise ValueError(f"{what}: windows of {shown} make about "
                         f"{n:,} windows, more than max_windows={int(max_windows):,}: use longer windows "
                         "(or a longer step), a shorter span (start=, end=), or raise max_windows")


def regular_bounds(t0: pd.Timestamp, stop: int, freq, step, shown: str = "") -> Iterator[tuple]:
    """``(start_ns, end_ns)`` of the windows of length ``freq`` starting at
    ``t0`` and every ``step``, until the first reaching ``stop``.  Fixed
    lengths are added in integer nanoseconds (no Timedelta overflow over
    centuries); calendar offsets as ``t0 + k * step`` (no drift with months).
    A window ending past 2262-04-11 is a ValueError (naming ``shown``)."""
    f_ns, s_ns = fixed_ns(freq), fixed_ns(step)
    k = 0
    while True:
        try:
            if s_ns is not None:
                s = t0.value + k * s_ns
            else:
                s = ts_ns(pd.Timestamp(t0 + step * k))  # k * step from t0
            if s >= stop:
                return
            e = s + f_ns if f_ns is not None else ts_ns(pd.Timestamp(utc(s) + freq))
        except (OverflowError, ValueError):  # pandas' OutOfBoundsDatetime / OutOfBoundsTimedelta
            raise _too_far(shown) from None
        if e > _LAST_NS:
            raise _too_far(shown)
        yield s, e
        if e >= stop:
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


def plan(net, freq, windows, step, start, end, max_windows=None, what="windows"):
    """The time index and the (start_ns, end_ns) bounds (a list, or a lazy
    iterator for regular windows); arguments checked before anything runs,
    the number of regular windows against ``max_windows`` (None: no limit)."""
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
    shown = (f"{_text(freq, freq_off)}{'' if step is None else ' every ' + _text(step, step_off)} over the span "
             f"from {t0} to {utc(stop) if end_ns is not None else utc(index.last)}")
    check_count(t0, stop, freq_off, step_off, max_windows, what, shown)
    return index, regular_bounds(t0, stop, freq_off, step_off, shown)


def _text(value, off) -> str:
    """A duration as the user gave it ('1h'), else its pandas alias."""
    return value if isinstance(value, str) else off.freqstr


def interval_index(bounds) -> pd.IntervalIndex:
    """The windows as the ``"window"`` IntervalIndex of the results (closed left, UTC)."""
    b = np.array(bounds, dtype=np.int64).reshape(-1, 2)
    left = pd.DatetimeIndex(b[:, 0].view("datetime64[ns]")).tz_localize("UTC")
    right = pd.DatetimeIndex(b[:, 1].view("datetime64[ns]")).tz_localize("UTC")
    return pd.IntervalIndex.from_arrays(left, right, closed="left", name="window")
