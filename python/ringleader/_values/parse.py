"""Numbers and times from text (or pandas columns), and attribute columns of
text typed as the C++ reader types them.  Part of :mod:`ringleader._values`."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._times import MAX_SECONDS, NAT, seconds_to_ns
from .where import Where, check_options, zone


# ---- numbers ---------------------------------------------------------------------
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?i:nan|inf|infinity)")
_COMMA_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?:[eE][+-]?\d+)?|[+-]?,\d+"
                           r"|[+-]?(?i:nan|inf|infinity)")


def _factorize(s: pd.Series):
    """``(codes, uniques)`` of a column (missing = -1); every row its own
    value when some are unhashable (lists)."""
    try:
        codes, uniques = pd.factorize(s.astype(object), use_na_sentinel=True)
    except TypeError:
        return np.arange(len(s)), s.to_numpy(dtype=object)
    return codes, np.asarray(uniques, dtype=object)


def _trim(s: str) -> str:
    return s.lstrip(" \t").rstrip(" \t\r")


def number_or_none(text: str, decimal: str = ".") -> Optional[float]:
    """The number ``text`` holds (C++ ``text::parse_double`` for ``decimal="."``;
    with ``","`` the decimal comma and '.' between groups of three digits), or
    None when it holds none."""
    t = _trim(text)
    if decimal == ".":
        return float(t) if _NUMBER.fullmatch(t) else None
    if not _COMMA_NUMBER.fullmatch(t):
        return None
    return float(t.replace(".", "").replace(",", "."))


def _number_hint(text: str, decimal: str) -> str:
    t = _trim(text)
    if decimal == "." and _COMMA_NUMBER.fullmatch(t) and "," in t:
        return ": pass decimal=',' for numbers written 1.234,56"
    if decimal == "," and _NUMBER.fullmatch(t):
        return (": with decimal=',' the decimal mark is ',' and '.' separates groups of three digits "
                "(1.234,56): pass decimal='.' for numbers written 1234.56")
    return ""


def _is_blank(v) -> bool:
    if isinstance(v, str):
        return _trim(v) == ""
    return v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def _number_of(v, decimal: str):
    """A float, or the error message for ``v``."""
    if _is_blank(v):
        return np.nan
    if isinstance(v, str):
        x = number_or_none(v, decimal)
        return x if x is not None else f"{v!r} is not a number" + _number_hint(v, decimal)
    if isinstance(v, (bool, int, float, np.integer, np.floating, np.bool_)):
        return float(v)
    return f"{v!r} ({type(v).__name__}) is not a number"


def parse_numbers(values, *, decimal: str = ".", where: Where) -> np.ndarray:
    """A column of numbers as float64, missing (empty, None, NaN) as NaN.

    Numeric columns are taken as they are.  Text: decimal or scientific
    notation, ``nan`` and ``inf``; with ``decimal=","`` the decimal mark is a
    comma and '.' separates thousands (``1.234,56`` = 1234.56, ``-0,5``,
    ``1234,5``; ``1.5`` is refused, as '.' must be followed by three digits).
    A value that is not a number raises ParseError (ValueError for a
    DataFrame) at its row and column, suggesting ``decimal=`` when the value
    is written the other way.

    >>> parse_numbers(pd.Series(["1.234,56", ""]), decimal=",", where=Where("t.csv", "amount"))  # doctest: +SKIP
    array([1234.56, nan])
    """
    s = pd.Series(values).reset_index(drop=True)
    if pd.api.types.is_bool_dtype(s.dtype) or (pd.api.types.is_numeric_dtype(s.dtype)
                                                and not pd.api.types.is_complex_dtype(s.dtype)):
        return np.array(s.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64, copy=True)
    codes, uniques = _factorize(s)
    got = [_number_of(u, decimal) for u in uniques]
    bad = np.array([isinstance(g, str) for g in got], dtype=bool)
    if bad.any():
        pos = int(np.argmax(bad[codes] & (codes >= 0)))
        raise where.error(pos, got[codes[pos]])
    out = np.array([g for g in got] + [np.nan], dtype=np.float64)
    return out[codes]  # -1 (missing) takes the appended NaN


# ---- times -------------------------------------------------------------------------
_UNIX = re.compile(r"[+-]?\d+(?:\.\d+)?")
_ZONED = re.compile(r".*[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d*)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)")
_DMY = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})(?:(?:[ T]+|,\s*)(\d{1,2}):(\d{2})"
                  r"(?::(\d{2})(?:[.,](\d{1,9}))?)?)?")


def _guess_format(text: str, dayfirst: bool) -> str:
    """A time_format for text shaped like ``text`` (for error messages)."""
    m = _DMY.fullmatch(_trim(text))
    if not m:
        return "%d.%m.%Y %H:%M"
    sep = m.group(2)
    date = (f"%d{sep}%m{sep}" if dayfirst else f"%m{sep}%d{sep}") + ("%Y" if len(m.group(4)) == 4 else "%y")
    if m.group(5) is None:
        return date
    return date + " %H:%M" + (":%S" if m.group(7) else "")


def _time_hint(text: str, dayfirst: bool) -> str:
    m = _DMY.fullmatch(_trim(text))
    if m and len(m.group(4)) == 2:
        return f": the year has two digits, pass time_format='{_guess_format(text, True)}' (day first)"
    if m and not dayfirst:
        return (f": pass dayfirst=True if the day comes first ({m.group(1)}{m.group(2)}{m.group(3)} = day "
                f"{int(m.group(1))} of month {int(m.group(3))}), or time_format='{_guess_format(text, False)}' if "
                "the month does")
    if m:
        return ": it is not a valid date and time (day-first: day, month, year, then hour:minute[:second])"
    return ": pass time_format= with its strftime format (e.g. time_format='%d.%m.%Y %H:%M')"


def _wall_text(text: str, dayfirst: bool):
    """``(ns, absolute)`` of one text value without a format, or an error message."""
    t = _trim(text)
    ns = _core.parse_timestamp(t)
    if ns is not None:
        return ns, bool(_UNIX.fullmatch(t) or _ZONED.fullmatch(t))
    m = _DMY.fullmatch(t) if dayfirst else None
    if m and len(m.group(4)) == 4:
        d, _, mo, y, h, mi, sec, frac = m.groups()
        iso = f"{y}-{int(mo):02d}-{int(d):02d}T{int(h or 0):02d}:{mi or '00'}:{sec or '00'}" + \
            (f".{frac}" if frac else "")
        ns = _core.parse_timestamp(iso)
        if ns is not None:
            return ns, False
    problem = _core.timestamp_problem(t)
    if not problem.startswith("is neither"):  # a time, but outside the int64-nanosecond range
        return f"{text!r} {problem}"
    return f"{text!r} {problem}" + _time_hint(text, dayfirst)


def _time_of(v, dayfirst: bool, formatted: Optional[dict]):
    """``(ns, absolute)`` of one value (NAT when missing), or an error message;
    ``formatted``: the text values read with a time_format."""
    if _is_blank(v):
        return NAT, True
    if isinstance(v, str):
        return formatted[v] if formatted is not None else _wall_text(v, dayfirst)
    if isinstance(v, (pd.Timestamp, _dt.datetime, np.datetime64)):
        ts = pd.Timestamp(v)
        if ts.tzinfo is not None:
            return int(ts.tz_convert("UTC").as_unit("ns").value), True
        return int(ts.as_unit("ns").value), False
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_)):
        try:
            return seconds_to_ns(v.item() if hasattr(v, "item") else v, "time"), True
        except ValueError:
            return f"{v!r} Unix seconds is outside the representable range (years 1678 to 2261)"
    return f"{v!r} ({type(v).__name__}) is not a date or time"


def _ns_or_none(v):
    """A parsed time as nanoseconds (NaT as NAT), or None when nanoseconds cannot hold it."""
    if pd.isna(v):
        return NAT
    try:
        return int(pd.Timestamp(v).as_unit("ns").value)
    except (OverflowError, pd.errors.OutOfBoundsDatetime):
        return None


def _formatted(uniques, time_format: str) -> dict:
    """Text value -> ``(ns, absolute)`` read with ``time_format``, or an error message."""
    absolute = "%z" in time_format or "%Z" in time_format
    texts = [u for u in uniques if isinstance(u, str) and not _is_blank(u)]
    try:
        got = pd.to_datetime(pd.Series([_trim(t) for t in texts], dtype=object), format=time_format,
                             errors="coerce", utc=absolute)
    except (ValueError, OverflowError):  # e.g. a format pandas refuses
        raise ValueError(f"time_format={time_format!r} cannot be used: pass a strftime format such as "
                         "'%d.%m.%Y %H:%M'") from None
    try:
        ns = list(got.dt.as_unit("ns").array.asi8) if len(texts) else []
    except (OverflowError, pd.errors.OutOfBoundsDatetime):  # a year pandas reads but nanoseconds cannot hold
        ns = [_ns_or_none(v) for v in got]
    out = {}
    for t, x in zip(texts, ns):
        if x is None:
            out[t] = f"{t!r} is outside the representable range of times (years 1678 to 2261)"
            continue
        out[t] = (int(x), absolute) if x != NAT else (
            f"{t!r} does not match time_format={time_format!r} (strftime codes: %d day, %m month, %Y year, "
            "%H:%M hour and minute, %z UTC offset)")
    return out


def _localize(ns: np.ndarray, wall: np.ndarray, msgs: list, tz) -> None:
    """Makes the wall-clock times (``wall``) of ``ns`` UTC in zone ``tz``, in
    place; nonexistent and ambiguous local times get error messages."""
    if tz is None or not wall.any():
        return
    z = zone(tz)
    idx = pd.DatetimeIndex(ns[wall].view("M8[ns]"))
    utc = idx.tz_localize(z, ambiguous="NaT", nonexistent="NaT")
    ns[wall] = utc.asi8
    rows = np.flatnonzero(wall)
    for k in np.flatnonzero(utc.isna()):
        local = idx[k].strftime("%Y-%m-%d %H:%M:%S")
        i = int(rows[k])
        try:
            a, b = (idx[k:k + 1].tz_localize(z, ambiguous=np.array([d]))[0] for d in (True, False))
            msgs[i] = (f"{local} is ambiguous in {tz}: the clocks were put back and it happened twice "
                       f"({a.isoformat()} or {b.isoformat()}); export times in UTC or with their UTC offset "
                       "(then leave out tz), or correct this row")
        except Exception:  # nonexistent: the clocks jumped over it
            msgs[i] = (f"{local} does not exist in {tz}: the clocks were put forward over it (daylight saving "
                       "time began); check the export: times in UTC or with their UTC offset are unambiguous")


def _vector_times(s: pd.Series, where: Where):
    """``(ns, wall)`` of a datetime64 or numeric (Unix seconds) column, or None."""
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        aware = getattr(s.dt, "tz", None) is not None
        t = s.dt.tz_convert("UTC") if aware else s
        ns = t.dt.as_unit("ns").array.asi8.astype(np.int64, copy=True)
        return ns, (ns != NAT) & (not aware)
    if not pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype):
        return None
    arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
    ok = ~np.isnan(arr)
    bad = ok & ~(np.abs(arr) <= MAX_SECONDS)
    if bad.any():
        i = int(np.argmax(bad))
        raise where.error(i, f"{s.iloc[i]!r} Unix seconds is outside the representable range (years 1678 to 2261)")
    ns = np.full(len(arr), NAT, dtype=np.int64)
    if pd.api.types.is_integer_dtype(s.dtype):
        ns[ok] = s.to_numpy()[ok].astype(np.int64) * 1_000_000_000
    else:
        ns[ok] = np.round(arr[ok] * 1e9).astype(np.int64)
    return ns, np.zeros(len(arr), dtype=bool)


def parse_times(values, *, dayfirst: bool = False, time_format: Optional[str] = None, tz=None,
                where: Where) -> np.ndarray:
    """A column of times as int64 nanoseconds since the epoch, UTC; missing
    (empty, None, NaN, NaT) as ``NAT`` (int64 min, pandas' NaT).

    Parameters
    ----------
    values : Series or array-like
        Text, datetime64 (naive or with a zone), Timestamps or numbers (Unix
        seconds).
    dayfirst : bool, default False
        Also read day-first dates: ``09.03.2024``, ``9/3/2024``,
        ``09-03-2024``, each optionally followed by ``14:05``, ``14:05:30`` or
        ``14:05:30.25`` (4-digit years).  Without it only ISO 8601 and Unix
        seconds are read, and a day-first date is an error saying to pass it
        (``09.03.2024`` is never guessed as 3 September).
    time_format : str or None, default None
        A strftime format (``"%d.%m.%Y %H:%M"``) every non-empty text value
        must match exactly; ``dayfirst`` is then not used.  With ``%z`` the
        values carry their offset.
    tz : str or None, default None
        IANA zone of naive times (``"Europe/Berlin"``): they are local times
        there, converted to UTC.  None: naive times are UTC.  Times with an
        offset or ``Z``, aware Timestamps and Unix seconds are instants and
        do not use ``tz``.  A local time that does not exist (skipped when
        daylight saving time begins) or happens twice (when it ends) is an
        error: no rule can tell which instant an export meant.
    where : Where
        The file (or DataFrame), column and lines, for errors.

    Raises ParseError (ValueError for a DataFrame) at the first bad row,
    with what to pass (``dayfirst=True``, ``time_format=...``).

    >>> parse_times(pd.Series(["09.03.2024 14:05"]), dayfirst=True, tz="Europe/Berlin",
    ...             where=Where("calls.csv", "start_time"))   # doctest: +SKIP
    array([1709989500000000000])
    """
    check_options(tz=tz, time_format=time_format)
    s = pd.Series(values).reset_index(drop=True)
    vector = _vector_times(s, where)
    if vector is not None:
        codes = np.arange(len(s))
        ns, wall = vector
        msgs = [None] * len(s)
    else:
        codes, uniques = _factorize(s)
        formatted = _formatted(uniques, time_format) if time_format is not None else None
        got = [_time_of(u, dayfirst, formatted) for u in uniques]
        msgs = [g if isinstance(g, str) else None for g in got]
        ns = np.array([NAT if m else g[0] for g, m in zip(got, msgs)] + [NAT], dtype=np.int64)
        wall = np.array([not m and not g[1] for g, m in zip(got, msgs)] + [False], dtype=bool)
    if tz is None:  # naive = UTC: the wall clock is the instant
        wall[:] = False
    _localize(ns, wall, msgs, tz)
    bad = np.array([m is not None for m in msgs] + [False] * (len(ns) - len(msgs)), dtype=bool)
    if bad.any():
        pos = int(np.argmax(bad[codes]))
        raise where.error(pos, msgs[codes[pos]])
    return ns[codes]


# ---- attribute columns of text ------------------------------------------------------
def _is_time_text(t: str) -> bool:
    t = _trim(t)
    return len(t) >= 10 and t[4] == "-" and _core.parse_timestamp(t) is not None


def infer_column(name: str, texts) -> tuple:
    """An attribute column of text as ``(name, kind, values)`` for the core,
    typed as the C++ reader types it: ``"number"`` when every non-empty value
    is a number, ``"time"`` when every one is an ISO 8601 date or date-time
    (naive = UTC), else ``"string"``; "" is missing.  A short column (a
    wide table of few rows) is read without pandas' per-call overhead."""
    if len(texts) <= 64:
        values = ["" if _is_na(t) else str(t) for t in texts]
        uniques = list(dict.fromkeys(values))
        codes = np.array([uniques.index(v) for v in values], dtype=np.intp)
        s = values
    else:
        s = pd.Series(texts, dtype=object)
        s = s.where(~s.isna(), "").astype(str) if len(s) else s
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        uniques, s = list(uniques), s.tolist()
    present = [t for t in uniques if t != ""]
    if present and all(number_or_none(t) is not None for t in present):
        table = np.array([number_or_none(t) if t else np.nan for t in uniques], dtype=np.float64)
        return (name, "number", table[codes])
    if present and all(_is_time_text(t) for t in present):
        table = np.array([_core.parse_timestamp(t) if t else NAT for t in uniques], dtype=np.int64)
        return (name, "time", table[codes])
    return (name, "string", s)


def _is_na(v) -> bool:
    """True for None, NaN, NaT and pd.NA (what ``Series.isna`` finds)."""
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, (float, np.floating)) and v != v)
