"""Identifiers as one spelling, and duplicate records found, before loading.

Exports merged from several sources write one phone as ``+49 151 1234 5678``,
``0049151 12345678`` and ``01511-2345678``, and one IBAN as
``de89 3704 0044 0532 0130 00``.  Left as they are, each spelling becomes a
node of its own.  :func:`normalize_phones` gives phone numbers as E.164
(``+4915112345678``), :func:`normalize_ibans` gives IBANs in their compact,
upper-case form (``DE89370400440532013000``), and :func:`duplicates` lists the
records that are the same after normalisation (the same call exported twice),
with their line numbers, so that a loader reports them instead of dropping
them silently.

Conventions shared by both normalisers:

- Identifiers are text.  A column of numbers (``int64``, ``float64``) is
  refused: as a number a phone has lost its leading ``0`` and its ``+``, and
  as a float its last digits.  Read such columns with ``dtype=str``.
- Missing values (``None``, ``NaN``, ``pd.NA``) and empty or blank strings
  stay as they are, missing.
- A value that is not a valid identifier is never altered.  ``errors="raise"``
  (the default) raises ``ValueError`` naming how many there are and the first
  ones, with their positions; ``errors="keep"`` leaves them unchanged in the
  result.  Either way ``result.attrs["invalid"]`` lists them (empty when all
  are valid): one ``InvalidValue(position, label, value, reason)`` each, in
  order, where ``position`` is 0-based (``values.iloc[position]``) and
  ``label`` is the index label; ``pd.DataFrame(result.attrs["invalid"])`` is
  a table of them.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple, Optional

import numpy as np
import pandas as pd

from .. import _core
from .._times import seconds_to_ns, to_ns

#: IBAN length per country, SWIFT IBAN Registry (release 102, 89 countries).
IBAN_LENGTHS = {entry[:2]: int(entry[2:]) for entry in """
AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18
DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23
IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27
MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19
SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30""".split()}

_IBAN_SHAPE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", re.ASCII)
_IBAN_DROP = re.compile(r"[\s\-]+")
_IBAN_WORD = re.compile(r"^IBAN[\s:]*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T\s]|$)")
_SHOWN = 5  # invalid values named in an error message


class InvalidValue(NamedTuple):
    """One value a normaliser could not read (see ``result.attrs["invalid"]``)."""

    position: int
    label: object
    value: object
    reason: str


# ---- shared by both normalisers ---------------------------------------------
def _as_text_series(values, what: str) -> pd.Series:
    """``values`` as a Series (a Series keeps its index and name); numbers refused."""
    if isinstance(values, (str, bytes)):
        raise ValueError(f"{what}: pass a Series or list of values, not one {type(values).__name__}")
    dtype = getattr(values, "dtype", None)
    if dtype is not None and len(values) and (pd.api.types.is_numeric_dtype(dtype)
                                              or pd.api.types.is_bool_dtype(dtype)):
        raise ValueError(f"the {what} are given as numbers (dtype {dtype}): identifiers are text.  Read the "
                         "column as text, e.g. pd.read_csv(..., dtype=str): as numbers they lose their leading 0 "
                         "and '+', and as floats their last digits")
    return values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)


def _missing(v) -> bool:
    if isinstance(v, str):
        return not v.strip()
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # list-like values are not missing, and not text either
        return False


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "keep"):
        raise ValueError(f"errors must be 'raise' or 'keep', not {errors!r}")


def _normalized(s: pd.Series, read, errors: str, what: str) -> pd.Series:
    """Apply ``read(text) -> (normal form, None) | (None, reason)`` once per distinct value."""
    seen: dict = {}
    out, bad = [], []
    labels = s.index
    for pos, v in enumerate(s.tolist()):
        if _missing(v):
            out.append(v)
            continue
        if not isinstance(v, str):
            got = (None, f"not text but {type(v).__name__}: read the column with dtype=str")
        else:
            got = seen.get(v)
            if got is None:
                got = seen[v] = read(v)
        if got[0] is None:
            bad.append(InvalidValue(pos, labels[pos], v, got[1]))
            out.append(v)
        else:
            out.append(got[0])
    if bad and errors == "raise":
        raise ValueError(_message(bad, len(s), what, isinstance(labels, pd.RangeIndex)
                                  and labels.start == 0 and labels.step == 1))
    result = pd.Series(out, index=s.index, name=s.name, dtype=object)
    result.attrs["invalid"] = bad
    return result


def _message(bad: list, n: int, what: str, plain_index: bool) -> str:
    shown = []
    for b in bad[:_SHOWN]:
        where = f"position {b.position}" + ("" if plain_index else f" (label {b.label!r})")
        shown.append(f"{where} {b.value!r}: {b.reason}")
    more = f"; and {len(bad) - _SHOWN} more" if len(bad) > _SHOWN else ""
    return (f"{len(bad)} of {n} values are not {what} (errors='keep' keeps them unchanged and lists them in "
            f"result.attrs['invalid']): " + "; ".join(shown) + more)


# ---- phone numbers -------------------------------------------------------------
def _phonenumbers():
    try:
        import phonenumbers
    except ImportError:
        raise ImportError("normalize_phones needs the phonenumbers library (Google's libphonenumber for "
                          "Python): pip install 'ringleader[ids]'  (or pip install phonenumbers)") from None
    return phonenumbers


def _phone_reader(pn, country: Optional[str], international: bool):
    """``read(text)`` for :func:`_normalized`: E.164 or the reason why not."""
    def read(text: str):
        t = text.strip()
        if any(c.isalpha() for c in t):
            return None, "contains letters (not a phone number, or one with an extension)"
        if "*" in t or "#" in t:
            return None, "a service code (* or #), not a phone number"
        if international and t[:1].isdigit() and not t.startswith("0"):
            t = "+" + t
        if not t.startswith("+") and country is None:
            return None, "no '+' before the country code: pass country= (the region of numbers without one)"
        try:
            num = pn.parse(t, None if t.startswith("+") else country)
        except pn.NumberParseException as exc:
            return None, "not a phone number (" + re.sub(r"^\(\d+\)\s*", "", str(exc)).rstrip(".") + ")"
        if num.extension:
            return None, "has an extension"
        e164 = pn.format_number(num, pn.PhoneNumberFormat.E164)
        if not pn.is_valid_number(num):
            region = pn.region_code_for_country_code(num.country_code)
            if pn.is_valid_short_number(num):
                return None, f"a short code or service number of {region}, not a subscriber number"
            return None, f"read as {e164}, not a valid number of {region} (too short, too long or unassigned)"
        return e164, None
    return read


def normalize_phones(values, country: Optional[str] = None, errors: str = "raise",
                     international: bool = False) -> pd.Series:
    """Phone numbers as E.164 text (``+4915112345678``), same index.

    Each value is read with libphonenumber (the optional ``phonenumbers``
    package: ``pip install 'ringleader[ids]'``) and written as ``+``, the
    country code and the national number, without spaces, dashes, brackets
    or the trunk ``0``.  A value with a ``+`` is read as international.  A
    value without one is read as dialled in ``country``: a national number
    (``0151 12345678`` in ``"DE"``) or one after that country's international
    call prefix (``0049 151 12345678``: ``00`` in Germany, ``001``/``007``/...
    in Thailand).  Full-width and Thai digits are read as digits.

    A value stays unchanged and is reported (``errors``) when libphonenumber
    does not find a valid number in it: letters (vanity numbers, ``ext. 12``),
    service codes (``*123#``), short codes and service numbers (``110``,
    ``1599``), too few or too many digits, unassigned ranges, or no ``+``
    without ``country``.  Validity follows libphonenumber's metadata: update
    ``phonenumbers`` when an operator opens a new range.

    Parameters
    ----------
    values : Series, list or array of str
        Text; a numeric column is refused (``ValueError``).  Missing values
        and blank strings stay as they are.
    country : str, optional
        ISO 3166 alpha-2 region (``"DE"``, ``"TH"``, ``"KH"``) of the numbers
        written without ``+``.  ``None``: only numbers with ``+`` are valid.
    errors : {"raise", "keep"}, default "raise"
        What to do with values that are not valid phone numbers: raise
        ``ValueError`` naming how many and the first ones (position, value,
        reason), or keep them unchanged.  ``result.attrs["invalid"]`` lists
        them either way (``InvalidValue(position, label, value, reason)``).
    international : bool, default False
        True when the values are international numbers whose ``+`` was left
        out, as call detail records often write them (MSISDN:
        ``4915112345678``): a value starting with 1-9 gets a ``+``; values
        starting with ``0`` are still read as dialled in ``country``.  Leave
        it False for national numbers: ``"4915112345678"`` with
        ``country="DE"`` is the German number 04915 112345678
        (``+494915112345678``), not ``+4915112345678``.

    Returns
    -------
    pandas.Series of dtype object: the E.164 strings, the missing values and,
    with ``errors="keep"``, the invalid values as they were; the index and
    name of ``values`` (a RangeIndex for a list).

    Examples
    --------
    >>> rl.io.normalize_phones(["+49 151 1234 5678", "0049151 12345678", "01511-2345678"],
    ...                        country="DE").tolist()                      # doctest: +SKIP
    ['+4915112345678', '+4915112345678', '+4915112345678']
    >>> s = rl.io.normalize_phones(["081 234 5678", "1599", None], country="TH", errors="keep")  # doctest: +SKIP
    >>> s.tolist(), s.attrs["invalid"][0].reason                          # doctest: +SKIP
    (['+66812345678', '1599', None], 'a short code or service number of TH, not a subscriber number')
    """
    _check_errors(errors)
    pn = _phonenumbers()
    if country is not None:
        if not isinstance(country, str) or country.upper() not in pn.SUPPORTED_REGIONS:
            raise ValueError(f"country={country!r} is not a region libphonenumber knows: pass an ISO 3166 "
                             "alpha-2 code such as 'DE', 'TH' or 'KH'")
        country = country.upper()
    s = _as_text_series(values, "phone numbers")
    return _normalized(s, _phone_reader(pn, country, bool(international)), errors, "valid phone numbers")


# ---- IBANs ------------------------------------------------------------------------
def _iban_mod97(iban: str) -> int:
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def _read_iban(text: str):
    compact = _IBAN_DROP.sub("", _IBAN_WORD.sub("", text.strip())).upper()
    if not compact.isascii() or not _IBAN_SHAPE.fullmatch(compact):
        return None, "not an IBAN (2 letters, 2 check digits, then letters and digits)"
    want = IBAN_LENGTHS.get(compact[:2])
    if want is None:
        return None, f"no IBANs in {compact[:2]!r} (not in the IBAN registry)"
    if len(compact) != want:
        return None, f"{compact[:2]} IBANs have {want} characters, this one {len(compact)}"
    if compact[2:4] in ("00", "01", "99") or _iban_mod97(compact) != 1:
        return None, "wrong check digits (ISO 13616 mod 97): a typing error"
    return compact, None


def normalize_ibans(values, errors: str = "raise") -> pd.Series:
    """IBANs in their compact form (``DE89370400440532013000``), same index.

    Upper case, spaces (of any kind) and dashes removed, and a leading
    ``IBAN`` (as printed on paper: ``IBAN DE89 3704 ...``) dropped.  Then
    the IBAN is checked: two letters of a country in the SWIFT IBAN registry
    (89 countries; the length of each is in ``IBAN_LENGTHS``), that country's
    length, and the ISO 13616 check digits (the number mod 97 is 1; check
    digits 00, 01 and 99 are never issued).  The account number's inner
    structure (bank code, national check digit) is not checked.  Account
    numbers that are not IBANs (Thai, Cambodian or Philippine accounts, mule
    wallets) are invalid here: leave them out, or use ``errors="keep"``.

    Parameters
    ----------
    values : Series, list or array of str
        Text; a numeric column is refused (``ValueError``).  Missing values
        and blank strings stay as they are.
    errors : {"raise", "keep"}, default "raise"
        As in :func:`normalize_phones`: invalid IBANs raise ``ValueError``
        (how many, the first ones with position and reason) or stay
        unchanged (not even upper-cased); ``result.attrs["invalid"]`` lists
        them either way.

    Returns
    -------
    pandas.Series of dtype object with the index and name of ``values``.

    Examples
    --------
    >>> rl.io.normalize_ibans(["de89 3704 0044 0532 0130 00",
    ...                        "GB82-WEST-1234-5698-7654-32"]).tolist()    # doctest: +SKIP
    ['DE89370400440532013000', 'GB82WEST12345698765432']
    """
    _check_errors(errors)
    s = _as_text_series(values, "IBANs")
    return _normalized(s, _read_iban, errors, "valid IBANs")


# ---- duplicate records -----------------------------------------------------------
def _instant(v):
    """A time as int64 ns UTC (the readers' parser), or ``v`` itself when unreadable."""
    try:
        if isinstance(v, str):
            ns = _core.parse_timestamp(v.strip())
            return v if ns is None else ns
        if isinstance(v, (pd.Timestamp, _dt.datetime, _dt.date, np.datetime64)):
            return to_ns(v, "time")
        if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_)):
            return seconds_to_ns(v.item() if hasattr(v, "item") else v, "time")
    except ValueError:
        pass
    return v


def _day(v):
    """The calendar date of a value as written (``YYYY-MM-DD``), or ``v`` itself."""
    if isinstance(v, str):
        m = _ISO_DATE.match(v)
        if m:
            return m.group(1)
    if isinstance(v, (pd.Timestamp, _dt.datetime)):
        return v.date().isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    ns = _instant(v)
    if isinstance(ns, int) and not isinstance(ns, bool):
        return pd.Timestamp(ns, unit="ns").date().isoformat()
    return v


def _mapped(s: pd.Series, f) -> list:
    """``f`` of every value (once per distinct value), missing values as None."""
    seen: dict = {}
    out = []
    for v in s.tolist():
        if _missing(v):
            out.append(None)
            continue
        try:
            got = seen[v] if v in seen else seen.setdefault(v, f(v))
        except TypeError:  # unhashable
            got = f(v)
        out.append(got)
    return out


def _columns_of(df, columns, kinds: dict) -> list:
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"df must be a pandas DataFrame, not {type(df).__name__}")
    cols = list(df.columns) if columns is None else [columns] if isinstance(columns, str) else list(columns)
    if not cols:
        raise ValueError("no columns to compare: pass columns=[...] (e.g. caller, callee, start time)")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"df has no column {missing[0]!r}; it has {list(df.columns)}")
    if len(set(cols)) != len(cols):
        raise ValueError(f"columns names a column twice: {cols}")
    clash = [c for c in cols if c in ("group", "line", "repeat")]
    if clash:
        raise ValueError(f"the compared column {clash[0]!r} would clash with the result's column of that "
                         "name (group, line, repeat): rename it in df")
    named: dict = {}
    for kind, names in kinds.items():
        for c in names:
            if c not in cols:
                raise ValueError(f"{kind}= names {c!r}, which is not among the compared columns {cols}")
            if c in named:
                raise ValueError(f"column {c!r} is in both {named[c]}= and {kind}=")
            named[c] = kind
    return cols


def _summary(groups: list, ngroups: int, repeats: int, table: Optional[str]) -> str:
    """The sentence of ``attrs["summary"]``; ``groups`` holds the lines of the first groups."""
    where = f" in table {table}" if table else ""
    if not ngroups:
        return f"no duplicate records{where}"
    shown = "; ".join("lines " + ", ".join(map(str, g[:-1])) + f" and {g[-1]}" for g in groups)
    more = f"; and {ngroups - len(groups)} more groups" if ngroups > len(groups) else ""
    return f"{repeats} duplicate record{'s' if repeats != 1 else ''}{where}: {shown}{more}"


def duplicates(df: pd.DataFrame, columns=None, *, phones=(), ibans=(), country: Optional[str] = None,
               times=(), dates=(), table: Optional[str] = None, first_line: int = 2) -> pd.DataFrame:
    """The records of ``df`` that are equal on ``columns`` after normalisation.

    Nothing is dropped: the result lists every record of every group of equal
    records, with its line number, for a loader to report ("3 duplicate
    records in table calls: lines 14 and 209; ...") and the user to decide.

    What counts as a duplicate is the choice of ``columns``:

    - **calls**: the same caller, callee and start time
      (``columns=["caller", "callee", "start"], phones=["caller", "callee"],
      times=["start"]``).  Two calls between the same phones at the same
      second are one call exported twice; the duration is left out because
      exports round it differently.
    - **transfers**: the same accounts, amount, date and reference
      (``columns=["from", "to", "amount", "date", "reference"], ibans=["from",
      "to"], dates=["date"]``).  Banks book by date, and two transfers of the
      same amount between the same accounts on the same day are different
      payments unless the reference is the same too, so it is compared.

    Values are compared after normalisation: ``phones`` columns as E.164
    (:func:`normalize_phones` with ``country``), ``ibans`` columns in compact
    form (:func:`normalize_ibans`); invalid identifiers are compared as
    written (``errors="keep"``).  ``times`` columns compare as instants
    (ISO 8601 in any zone, or Unix seconds, as the readers read them:
    ``2024-03-01 10:00:00`` equals ``2024-03-01T12:00:00+02:00``); ``dates``
    columns by the calendar date as written (``2024-03-01``,
    ``2024-03-01T23:30:00+07:00`` is the 1st: no conversion to UTC), Unix
    seconds by their UTC date.  Unreadable times and dates compare as
    written.  Other columns compare as they are: numbers as numbers (100
    equals 100.0), text exactly.  Missing equals missing.

    Parameters
    ----------
    df : DataFrame
        The records, one per row, in file order.
    columns : list of str, optional
        The columns that must be equal; default every column.
    phones, ibans, times, dates : list of str
        Columns among ``columns`` to normalise as described above.
    country : str, optional
        ``country`` of :func:`normalize_phones` (needs ``phonenumbers``).
    table : str, optional
        The table's name, for the summary ("... in table calls: ...").
    first_line : int, default 2
        The line of ``df``'s first row, as the readers count: 1-based with
        the header on line 1.  Exact when each record is one line (a quoted
        field holding a newline shifts the lines after it).  0 gives
        positions.

    Returns
    -------
    DataFrame, indexed by the labels of ``df``, one row per record in a
    group of two or more, sorted by group then line, with the columns
    ``group`` (0, 1, ... in the order of the groups' first lines), ``line``,
    ``repeat`` (False for the first record of its group, True for the later
    ones: those a loader would drop if the user agrees) and the compared
    columns as they are in ``df``.  ``result.attrs["summary"]`` is one
    sentence naming the number of repeats and the lines of each group (the
    first ten groups).

    Examples
    --------
    >>> calls = pd.DataFrame({"caller": ["+49 151 1234 5678", "0151 12345678", "+66 81 234 5678"],
    ...                       "callee": ["+66 81 234 5678", "+66812345678", "+4915112345678"],
    ...                       "start": ["2024-03-01 10:00:00", "2024-03-01T12:00:00+02:00", "2024-03-01"]})
    >>> d = rl.io.duplicates(calls, phones=["caller", "callee"], country="DE", times=["start"],
    ...                      table="calls")                                  # doctest: +SKIP
    >>> d.attrs["summary"]                                                    # doctest: +SKIP
    '1 duplicate record in table calls: lines 2 and 3'
    """
    kinds = {"phones": list(phones), "ibans": list(ibans), "times": list(times), "dates": list(dates)}
    cols = _columns_of(df, columns, kinds)
    if not isinstance(first_line, (int, np.integer)) or isinstance(first_line, bool) or first_line < 0:
        raise ValueError(f"first_line must be an int >= 0, not {first_line!r}")
    kind_of = {c: k for k, names in kinds.items() for c in names}
    codes = []
    for c in cols:
        k = kind_of.get(c)
        try:
            if k == "phones":
                key = normalize_phones(df[c], country=country, errors="keep").tolist()
            elif k == "ibans":
                key = normalize_ibans(df[c], errors="keep").tolist()
            elif k in ("times", "dates"):
                key = _mapped(df[c], _instant if k == "times" else _day)
            else:
                key = df[c]
        except ValueError as exc:
            raise ValueError(f"column {c!r}: {exc}") from None
        codes.append(pd.factorize(pd.Series(key, dtype=object) if k else key, use_na_sentinel=True)[0])
    group = pd.DataFrame(dict(enumerate(codes)), index=range(len(df))).groupby(
        list(range(len(codes))), sort=False).ngroup().to_numpy(dtype=np.int64)
    pos = np.flatnonzero(np.bincount(group, minlength=1)[group] > 1)
    gid = pd.factorize(group[pos])[0].astype(np.int64)
    order = np.lexsort((pos, gid))
    pos, gid = pos[order], gid[order]
    line = pos.astype(np.int64) + int(first_line)
    out = pd.DataFrame({"group": gid, "line": line, "repeat": pd.Series(gid).duplicated().to_numpy()},
                       index=df.index[pos])
    for c in cols:
        out[c] = df[c].iloc[pos].to_numpy()
    ngroups = int(gid.max()) + 1 if len(gid) else 0
    firsts = [line[gid == g].tolist() for g in range(min(ngroups, 10))]
    out.attrs["summary"] = _summary(firsts, ngroups, len(pos) - ngroups, table)
    return out
