"""Times as int64 nanoseconds since the epoch, UTC, as the core holds them:
one time bound (:func:`to_ns`), a timestamp column (:func:`times_to_ns`,
missing values as :data:`NAT`), and a network's sorted index of its
timestamped edges (:func:`time_index`), shared by the network, paths,
temporal, money and generate modules."""
from __future__ import annotations

import datetime as _dt
from typing import Optional

import numpy as np
import pandas as pd

from . import _core

#: A missing time (NaT) in an int64 nanosecond column.
NAT = np.iinfo(np.int64).min

#: Unix seconds that fit in int64 nanoseconds.
MAX_SECONDS = 9_223_372_035


#: The end of the message for a time outside what int64 nanoseconds hold.
_OUT_OF_RANGE = ("is outside the times that can be held (int64 nanoseconds since 1970: "
                 "1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z)")


def ts_ns(ts: pd.Timestamp) -> int:
    """A Timestamp as int64 ns; OverflowError / OutOfBoundsDatetime (a
    ValueError) when beyond them (pandas 2+ holds other units too)."""
    return int(ts.as_unit("ns").value if hasattr(ts, "as_unit") else ts.value)


def seconds_to_ns(sec: float, what: str) -> int:
    """Unix seconds as ns; ``ValueError`` naming ``what`` when out of range."""
    if isinstance(sec, int) and abs(sec) > MAX_SECONDS:  # beyond float's range too (10**400)
        sec = float("inf")
    if not np.isfinite(sec) or abs(sec) > MAX_SECONDS:
        raise ValueError(f"{what}: {sec!r} Unix seconds is outside the representable range "
                         "(years 1678 to 2261)")
    return int(round(sec * 1_000_000_000)) if isinstance(sec, float) else int(sec) * 1_000_000_000


def to_ns(value, what: str) -> Optional[int]:
    """A time bound as ns UTC: str (ISO 8601 or Unix seconds), number (Unix
    seconds), datetime, Timestamp or numpy datetime64."""
    if value is None:
        return None
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return seconds_to_ns(value.item() if hasattr(value, "item") else value, what)
    if isinstance(value, str):
        ns = _core.parse_timestamp(value)
        if ns is not None:
            return ns
        problem = _core.timestamp_problem(value)
        if not problem.startswith("is neither"):
            raise ValueError(f"{what}={value!r} {problem}")
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{what}={value!r} is not a date or time: use e.g. '2024-03-01' "
                         "or pd.Timestamp('2024-03-01T12:00Z')") from exc
    if ts is pd.NaT:
        raise ValueError(f"{what} must not be NaT")
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    try:
        return ts_ns(ts.tz_convert("UTC"))
    except (OverflowError, ValueError):  # pandas' OutOfBoundsDatetime: beyond int64 nanoseconds
        raise ValueError(f"{what}={value!r} {_OUT_OF_RANGE}") from None


def _numbers_to_ns(s: pd.Series, what: str) -> np.ndarray:
    """A numeric column of Unix seconds -> int64 ns, NaN as NAT."""
    arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
    out = np.full(len(arr), NAT, dtype=np.int64)
    ok = ~np.isnan(arr)
    bad = ok & ~(np.abs(arr) <= MAX_SECONDS)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"{what}: row {i} holds {s.iloc[i]!r} Unix seconds, outside the representable "
                         "range (years 1678 to 2261)")
    if pd.api.types.is_integer_dtype(s.dtype):
        out[ok] = s.to_numpy()[ok].astype(np.int64) * 1_000_000_000
    else:
        out[ok] = np.round(arr[ok] * 1e9).astype(np.int64)
    return out


def times_to_ns(values: pd.Series, what: str) -> np.ndarray:
    """Timestamps column -> int64 ns UTC with NaT as :data:`NAT` (INT64_MIN)."""
    s = values
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        if getattr(s.dt, "tz", None) is None:
            s = s.dt.tz_localize("UTC")
        return s.dt.tz_convert("UTC").astype("datetime64[ns, UTC]").array.asi8.astype(np.int64, copy=True)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return _numbers_to_ns(s, what)
    out = np.empty(len(s), dtype=np.int64)
    for i, v in enumerate(s.tolist()):
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT or v == "":
            out[i] = NAT
        elif isinstance(v, (pd.Timestamp, _dt.datetime, np.datetime64)):
            out[i] = to_ns(v, what)
        else:
            ns = _core.parse_timestamp(str(v))
            if ns is None:
                raise ValueError(f"{what}: row {i} holds {v!r}, which {_core.timestamp_problem(str(v))}")
            out[i] = ns
    return out


def time_index(net, empty: str):
    """The sorted index of ``net``'s timestamped edges (``_core.TimeIndex``,
    built once per network and kept with it); ``ValueError`` when ``net``
    is not a :class:`ringleader.Network`, or with the message ``empty``
    (what needs the timestamps) when no edge has a timestamp."""
    from .network import Network, cached, core_of  # here: network.py imports this module

    if not isinstance(net, Network):
        raise ValueError(f"net must be a ringleader Network, not {type(net).__name__}")
    index = cached(net, "time_index", lambda: _core.TimeIndex(core_of(net)))
    if index.count == 0:
        raise ValueError(empty)
    return index
