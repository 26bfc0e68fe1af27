"""One multi-mode network from the tables of a case: :func:`read_case`.

The case file (TOML, or YAML with PyYAML; read by :mod:`._case_tables`) or dict names the tables, their columns and meaning; the
tables are read by :mod:`._case_tables`, their values parsed by
:mod:`ringleader._values`, identifiers normalised and duplicates found by
:mod:`._identifiers`, and the network built by
:meth:`ringleader.Network.from_pandas`.  The schema is in ``docs/case-files.md``.
"""
from __future__ import annotations

import os
import warnings
from typing import Optional

import numpy as np
import pandas as pd

from .._times import NAT
from .._values import check_options, parse_error, parse_numbers, parse_times
from ..network import Network
from ._case_tables import ids_of, load_case_file, read_table, table_path
from ._identifiers import duplicates, normalize_ibans, normalize_phones


class DuplicateRecordWarning(UserWarning):
    """Records equal after normalisation, within or across the tables of one
    kind; they are kept.  ``.records``: the DataFrame of
    :func:`ringleader.io.duplicates` with ``table`` and ``row`` columns."""

    def __init__(self, message: str, records: Optional[pd.DataFrame] = None):
        super().__init__(message)
        self.records = records


class SkippedRowWarning(UserWarning):
    """Rows left out because an id is missing (``skip_missing = true``)."""


#: Options of ``[case]`` that are defaults of every table.
VALUE_KEYS = ("country", "international", "tz", "dayfirst", "decimal", "encoding", "delimiter", "time_format")
CASE_KEYS = ("name", "directed") + VALUE_KEYS
COMMON_KEYS = ("file", "kind", "name", "sheet", "normalize", "attributes", "skip_missing") + VALUE_KEYS
#: kind -> (edge type, the two ends as alternatives (key, node type), other keys)
EDGE_KINDS = {
    "calls": ("call", ((("source", "phone"),), (("target", "phone"),)), ("time", "duration", "cell", "imei")),
    "transfers": ("transfer", ((("source", "account"),), (("target", "account"),)), ("time", "amount")),
    "uses": ("uses", ((("person", "person"),), (("phone", "phone"),)), ("time",)),
    "owns": ("owns", ((("person", "person"),), (("account", "account"),)), ("time",)),
    "meets": ("meets", ((("source", "person"),), (("target", "person"),)), ("time",)),
    "presence": ("located_at", ((("person", "person"), ("phone", "phone")), (("venue", "venue"), ("cell", "cell"))),
                 ("time",)),
}
NODE_KINDS = {"persons": "person", "phones": "phone", "accounts": "account", "venues": "venue", "cells": "cell",
              "devices": "device"}
#: Edge columns that user attributes may not be called.
RESERVED = ("source", "target", "type", "weight", "timestamp", "amount", "table", "row", "duration")


# ---- the case --------------------------------------------------------------------
def _check_keys(spec: dict, allowed, what: str, hint: str = "") -> None:
    for k in spec:
        if k not in allowed:
            raise ValueError(f"{what}: unknown key {k!r}{hint}; the keys: {', '.join(allowed)}")


def _table_keys(spec: dict, name: str) -> tuple:
    """The keys a table may have, after checking its ``kind``."""
    kind = spec.get("kind")
    if kind in EDGE_KINDS:
        _, ends, extra = EDGE_KINDS[kind]
        allowed = COMMON_KEYS + tuple(k for alts in ends for k, _ in alts) + extra
    elif kind in NODE_KINDS:
        allowed = COMMON_KEYS + ("id", "label")
    else:
        raise ValueError(f"table {name}: kind = {kind!r}: pass one of {', '.join(list(EDGE_KINDS) + list(NODE_KINDS))}")
    hint = ""
    if kind in ("uses", "owns") and ("source" in spec or "target" in spec):
        other = "phone" if kind == "uses" else "account"
        hint = (f" (a {kind} table names its columns person = ... and {other} = ...: the edge always points "
                f"person -> {other}, whatever the order of the columns)")
    _check_keys(spec, allowed, f"table {name}", hint)
    return allowed


def _options(case: dict, spec: dict) -> dict:
    opts = {"country": None, "international": False, "tz": None, "dayfirst": False, "decimal": ".",
            "encoding": None, "delimiter": ",", "time_format": None}
    opts.update({k: case[k] for k in VALUE_KEYS if k in case})
    opts.update({k: spec[k] for k in VALUE_KEYS if k in spec})
    check_options(delimiter=opts["delimiter"], encoding=opts["encoding"], decimal=opts["decimal"], tz=opts["tz"],
                  time_format=opts["time_format"])
    return opts


def _normalizing(spec: dict, name: str) -> set:
    norm = spec.get("normalize", ())
    norm = {norm} if isinstance(norm, str) else set(norm)
    for n in norm:
        if n not in ("phone", "iban"):
            raise ValueError(f"table {name}: normalize = {n!r}: pass 'phone', 'iban' or a list of both")
    return norm


# ---- one table -------------------------------------------------------------------
class _Table:
    """One table read, with its options, for the builders below."""

    def __init__(self, spec: dict, case: dict, folder: str, allow_outside: bool, index: int):
        file = spec.get("file")
        self.name = str(spec.get("name") or file or f"#{index + 1}")
        self.allowed = _table_keys(spec, self.name)
        self.spec, self.kind = spec, spec["kind"]
        self.opts = _options(case, spec)
        self.norm = _normalizing(spec, self.name)
        path = table_path(folder, file, allow_outside, self.name)
        self.shown = str(file) if self.name == str(file) else f"{file} (table {self.name})"
        self.frame, self.where = read_table(path, self.shown, spec.get("sheet"), self.opts["delimiter"],
                                            self.opts["encoding"])
        self.rows = self.frame.index.to_numpy(dtype=np.int64)
        self.keep = np.ones(len(self.frame), dtype=bool)

    def column(self, key: str, col=None) -> Optional[str]:
        """The column named by ``key`` (or ``col``, listed under ``key``; None
        when not given), checked to exist."""
        col = self.spec.get(key) if col is None else col
        if col is None:
            return None
        if not isinstance(col, str) or col not in self.frame.columns:
            cols = ", ".join(map(repr, self.frame.columns))
            raise self.where.of(str(col)).error(None, f"no such column ({key} = {col!r} in the case); the table's "
                                                      f"columns: {cols}")
        return col

    def ids(self, key: str, node_type: str) -> np.ndarray:
        """The ids of column ``key``, normalised when asked (None = blank);
        ``ValueError`` when the case names no column for ``key``."""
        col = self.column(key)
        if col is None:  # a missing key, or None in a dict case
            raise ValueError(f"table {self.name}: a {self.kind} table needs {key} = ... (the column of the "
                             f"{node_type} ids), not {self.spec.get(key)!r}")
        ids = ids_of(self.frame[col])
        kind = "phone" if node_type == "phone" else "iban" if node_type == "account" else None
        if kind not in self.norm:
            return ids
        s = pd.Series(ids, dtype=object)
        try:
            out = (normalize_phones(s, country=self.opts["country"], errors="keep",
                                    international=bool(self.opts["international"]))
                   if kind == "phone" else normalize_ibans(s, errors="keep"))
        except ValueError as e:
            raise ValueError(f"{self.shown}: {e}") from None
        invalid = out.attrs.get("invalid") or []
        if invalid:
            bad = invalid[0]
            what = "phone number" if kind == "phone" else "IBAN"
            raise self.where.of(col).error(bad.position, f"{bad.value!r} is not a valid {what}: {bad.reason} "
                                                         f"({len(invalid)} such values in this column)")
        return out.to_numpy(dtype=object)

    def require(self, ids: np.ndarray, key: str) -> None:
        """Rows without an id: an error, or left out with a warning (``skip_missing``)."""
        missing = np.array([v is None for v in ids], dtype=bool) & self.keep
        if not missing.any():
            return
        col = self.spec[key]
        if not self.spec.get("skip_missing", False):
            pos = int(np.argmax(missing))
            raise self.where.of(col).error(pos, f"no id ({key}): every row needs one; skip_missing = true in this "
                                                "table leaves such rows out with a warning")
        lines = self.rows[missing].tolist()
        shown = ", ".join(map(str, lines[:20])) + (f" and {len(lines) - 20} more" if len(lines) > 20 else "")
        warnings.warn(SkippedRowWarning(f"{self.shown}: {len(lines)} row{'s' if len(lines) != 1 else ''} without an id in column {col!r} left out "
                                        f"(skip_missing = true): rows {shown}"), stacklevel=4)
        self.keep &= ~missing

    def times(self, key: str = "time") -> np.ndarray:
        col = self.column(key)
        if col is None:
            return np.full(len(self.frame), NAT, dtype=np.int64)
        o = self.opts
        return parse_times(self.frame[col], dayfirst=bool(o["dayfirst"]), time_format=o["time_format"], tz=o["tz"],
                           where=self.where.of(col))

    def numbers(self, key: str) -> np.ndarray:
        col = self.column(key)
        if col is None:
            return np.full(len(self.frame), np.nan)
        out = parse_numbers(self.frame[col], decimal=self.opts["decimal"], where=self.where.of(col))
        if np.isinf(out).any():
            raise self.where.of(col).error(int(np.argmax(np.isinf(out))), "must be finite (or missing)")
        return out

    def attributes(self) -> dict:
        """The ``attributes`` columns, as text (None = blank)."""
        names = self.spec.get("attributes", [])
        names = [names] if isinstance(names, str) else list(names)
        out = {}
        for c in names:
            if c in RESERVED or c in ("id", "label"):
                raise ValueError(f"table {self.name}: attribute column {c!r} has the name of a column ringleader "
                                 f"sets; rename it in the file ({', '.join(RESERVED)} are taken)")
            out[c] = ids_of(self.frame[self.column("attributes", c)])
        return out


# ---- records of the tables -------------------------------------------------------
def _end(t: _Table, alts: tuple) -> tuple:
    given = [(k, nt) for k, nt in alts if k in t.spec]
    if len(given) != 1:
        keys = " or ".join(f"{k} = ..." for k, _ in alts)
        raise ValueError(f"table {t.name}: a {t.kind} table needs {'one of ' if len(alts) > 1 else ''}{keys} "
                         f"(the column of the {' or '.join(nt for _, nt in alts)} ids)")
    return given[0]


def _seen(t: _Table, ids: np.ndarray, node_type: str, key: str) -> pd.DataFrame:
    """Who says which id is which type, for :func:`_check_types`."""
    return pd.DataFrame({"id": ids[t.keep], "type": node_type, "where": t.shown, "line": t.rows[t.keep],
                         "column": t.spec[key]})


def _edge_records(t: _Table, seen: list) -> tuple:
    """``(records of the table, derived edges)``: located_at and in_device of calls."""
    etype, ends, _ = EDGE_KINDS[t.kind]
    picked = [_end(t, alts) for alts in ends]
    ids = [t.ids(k, nt) for k, nt in picked]
    cell = t.ids("cell", "cell") if t.spec.get("cell") is not None else None
    imei = t.ids("imei", "device") if t.spec.get("imei") is not None else None
    for (k, _), v in zip(picked, ids):
        t.require(v, k)
    ts, amount, duration = t.times(), t.numbers("amount"), t.numbers("duration")
    attrs = t.attributes()
    k = t.keep
    rec = pd.DataFrame({"source": ids[0][k], "target": ids[1][k], "type": etype, "timestamp": ts[k],
                        "amount": amount[k], "duration": duration[k], "table": t.name,
                        "row": t.rows[k].astype(np.float64), **{c: v[k] for c, v in attrs.items()}})
    rec.attrs["compare"] = ["source", "target", "timestamp", "amount"] + list(attrs)
    for (key, nt), v in zip(picked, ids):
        seen.append(_seen(t, v, nt, key))
    derived = []
    for col, values, nt, et in (("cell", cell, "cell", "located_at"), ("imei", imei, "device", "in_device")):
        if values is None:
            continue
        m = k & np.array([v is not None for v in values], dtype=bool)
        d = pd.DataFrame({"source": ids[0][m], "target": values[m], "type": et,
                          "timestamp": ts[m] if et == "located_at" else NAT, "table": t.name,
                          "row": t.rows[m].astype(np.float64)})
        if et == "in_device":  # one edge per phone and device, from its first row
            d = d.drop_duplicates(["source", "target"])
        derived.append(d)
        seen.append(pd.DataFrame({"id": values[m], "type": nt, "where": t.shown, "line": t.rows[m],
                                  "column": t.spec[col]}))
    return rec, derived


def _node_records(t: _Table, seen: list) -> pd.DataFrame:
    node_type = NODE_KINDS[t.kind]
    ids = t.ids("id", node_type)
    t.require(ids, "id")
    label = ids_of(t.frame[t.column("label")]) if t.spec.get("label") is not None else np.full(len(ids), None)
    attrs = t.attributes()
    k = t.keep
    seen.append(_seen(t, ids, node_type, "id"))
    rec = pd.DataFrame({"id": ids[k], "type": node_type, "label": label[k], **{c: v[k] for c, v in attrs.items()},
                        "table": t.name, "row": t.rows[k].astype(np.float64)})
    rec.attrs["compare"] = ["id"]
    return rec


def _check_types(seen: list) -> pd.DataFrame:
    """Every id with one node type; ``ParseError`` at the first id given two."""
    allseen = pd.concat(seen, ignore_index=True)
    first = allseen.drop_duplicates(["id", "type"])
    again = first[first.duplicated("id")]
    if len(again):
        r = again.iloc[0]
        e = first[first["id"] == r["id"]].iloc[0]
        raise parse_error(r["where"], int(r["line"]), f"column {r['column']!r}: {r['id']!r} is a {r['type']} here, "
                          f"but a {e['type']} in {e['where']} row {int(e['line'])} (column {e['column']!r}): one id "
                          "is one node; make the ids differ (a prefix) or correct the table")
    return first[["id", "type"]]


def _report_duplicates(records: list, kind: str) -> None:
    """A :class:`DuplicateRecordWarning` for the records of ``kind`` (all its
    tables) equal on their compared columns; nothing is dropped."""
    both = pd.concat(records, ignore_index=True)
    cols = list(dict.fromkeys(c for r in records for c in r.attrs["compare"]))
    if len(both) < 2:
        return
    found = duplicates(both[cols], columns=cols, first_line=0)
    if not len(found):
        return
    found = found.assign(table=both["table"].to_numpy()[found["line"]], row=both["row"].to_numpy()[found["line"]]
                         .astype(np.int64)).drop(columns="line")
    groups = []
    for _, g in list(found.groupby("group", sort=True))[:10]:
        groups.append(" = ".join(f"{tb} row {rw}" for tb, rw in zip(g["table"], g["row"])))
    n = int(found["repeat"].sum())
    more = "; ..." if found["group"].nunique() > 10 else ""
    same = "the same id" if kind in NODE_KINDS else "the same " + ", ".join(cols)
    warnings.warn(DuplicateRecordWarning(f"{n} duplicate record{'s' if n != 1 else ''} of kind {kind} ({same}), "
                                         f"kept: " + "; ".join(groups) + more, found), stacklevel=4)


def _network(tables: list, directed: bool) -> Network:
    seen, by_kind, derived, node_recs = [], {}, [], []
    for t in tables:
        if t.kind in EDGE_KINDS:
            rec, extra = _edge_records(t, seen)
            derived += extra
        else:
            rec = _node_records(t, seen)
            node_recs.append(rec)
        by_kind.setdefault(t.kind, []).append(rec)
    ids = _check_types(seen)
    for kind, recs in by_kind.items():
        _report_duplicates(recs, kind)
    edge_recs = [r for k, rs in by_kind.items() if k in EDGE_KINDS for r in rs] + derived
    if not edge_recs:
        raise ValueError("the case has no table of edges (calls, transfers, uses, owns, meets, presence)")
    edges = pd.concat(edge_recs, ignore_index=True)
    edges["timestamp"] = pd.Series(edges["timestamp"].to_numpy(dtype=np.int64).view("datetime64[ns]"))
    nodes = ids.drop_duplicates("id").reset_index(drop=True)
    if node_recs:
        info = pd.concat(node_recs, ignore_index=True).drop(columns=["type", "table", "row"]).drop_duplicates("id")
        nodes = nodes.merge(info, on="id", how="left")
    else:
        nodes["label"] = None
    nodes = nodes.astype(object).where(nodes.notna(), None)
    attrs = [c for c in edges.columns if c not in ("source", "target", "type", "timestamp", "amount")]
    return Network.from_pandas(edges, nodes, directed=directed, type="type", timestamp="timestamp", amount="amount",
                               edge_attr=attrs, id_column="id", node_type_column="type", label_column="label")


def read_case(case, *, allow_outside: bool = False, base=None) -> Network:
    """One multi-mode network from the tables of a case (CSV, ``.xlsx``, Parquet).

    Parameters
    ----------
    case : path or dict
        A case file in TOML (read with ``tomllib``), in YAML (``.yaml`` or
        ``.yml``, read with PyYAML's safe loader: ``pip install
        'ringleader[yaml]'``) or a dict of the same structure: a ``[case]``
        table of options and a list ``[[tables]]``.
        Schema and a complete example: ``docs/case-files.md``.
    allow_outside : bool, default False
        Table files are relative to the case file's folder (to ``base`` for
        a dict); a file outside it (``../x.csv``, an absolute path, a link
        leading out) is refused unless this is True: a case file received
        from someone else must not read other files.
    base : path, optional
        The folder of the tables of a dict case (default: the current one).

    Notes
    -----
    The case file::

        [case]
        name = "Operation X"
        directed = true          # default true
        country = "DE"           # region of phone numbers without '+' (normalize = "phone")
        tz = "Europe/Berlin"     # defaults of every table: tz, dayfirst, decimal, encoding,
                                 # delimiter, time_format, international

        [[tables]]
        name = "cdr"             # default: the file as written
        file = "cdr.csv"         # .csv/.csv.gz/.txt, .xlsx (sheet = "..."), .parquet
        kind = "calls"
        source = "caller_msisdn"
        target = "callee_msisdn"
        time = "start_time"
        duration = "duration_s"
        cell = "cell_id"
        normalize = "phone"

    Kinds and their column keys (the value of a key is a column of the table):

    ============  =========================================  =====================================
    kind          ids (node types)                           edge, other keys
    ============  =========================================  =====================================
    calls         source, target (phone)                     call; time, duration, cell, imei
    transfers     source, target (account)                   transfer; time, amount
    uses          person (person), phone (phone)             uses, person -> phone; time
    owns          person (person), account (account)         owns, person -> account; time
    meets         source, target (person)                    meets; time
    presence      person or phone; venue or cell             located_at; time
    node tables   id (persons, phones, accounts, venues,     none; label
                  cells, devices)
    ============  =========================================  =====================================

    Every table may also have ``attributes`` (columns kept as text
    attributes), ``normalize`` (``"phone"``: phone ids as E.164 with
    :func:`normalize_phones` and ``country``; ``"iban"``: account ids with
    :func:`normalize_ibans`; or both), ``skip_missing`` and the value
    options.  ``uses`` and ``owns`` always point person -> phone/account,
    whatever the order of the columns in the file.  A call's ``cell`` gives
    a ``cell`` node and ``phone -located_at-> cell`` at the call's time (the
    caller's phone: the A-party's cell, as CDRs give it); its ``imei`` a
    ``device`` node and one ``phone -in_device-> device`` edge per pair.
    Weights are 1; a call's duration is the attribute ``duration``.

    Every edge keeps its provenance: the attributes ``table`` (the table's
    name) and ``row`` (the file's line, header = 1; the sheet's row of an
    ``.xlsx``; the 1-based record of a Parquet file).  Ids are text.

    Nothing is dropped silently: a missing column, an unreadable value, a
    row without an id (unless ``skip_missing = true``: the rows are left
    out with a :class:`SkippedRowWarning` listing them), an id of two node
    types or an invalid identifier raise :class:`ringleader.ParseError`
    naming table, row and column; records equal after normalisation, in one
    table or across the tables of one kind, are kept and listed by a
    :class:`DuplicateRecordWarning`.  ``.xlsx`` needs openpyxl
    (``pip install 'ringleader[excel]'``), Parquet pyarrow
    (``pip install 'ringleader[parquet]'``).  A workbook is checked before
    openpyxl opens it (read-only): a member that expands more than 200
    times (a zip bomb) is a :class:`ringleader.ParseError`, members whose
    unpacked size, or a sheet whose cells (blank ones included: openpyxl
    pads rows to the sheet's width), pass the memory limit a
    :class:`ringleader.MemoryLimitError`, each naming the file and sheet.

    Examples
    --------
    >>> net = rl.read_case("case/case.toml")                                 # doctest: +SKIP
    >>> net = rl.read_case({"case": {"country": "DE"}, "tables": [
    ...     {"file": "cdr.csv", "kind": "calls", "source": "a", "target": "b", "normalize": "phone"}]},
    ...     base="case")                                                      # doctest: +SKIP
    >>> net.edges[["source", "target", "type", "table", "row"]].head(1)     # doctest: +SKIP
    """
    if isinstance(case, dict):
        spec, folder = case, os.fspath(base) if base is not None else os.getcwd()
    else:
        path = os.fspath(case)
        spec, folder = load_case_file(path), os.path.dirname(os.path.abspath(path))
    if not isinstance(spec, dict):
        raise ValueError(f"a case is a dict with [case] and [[tables]], not {type(spec).__name__}")
    _check_keys(spec, ("case", "tables"), "the case")
    head = spec.get("case", {})
    if not isinstance(head, dict):
        raise ValueError("[case] must be a table of options (name, directed, country, tz, ...)")
    _check_keys(head, CASE_KEYS, "[case]")
    specs = spec.get("tables")
    if not isinstance(specs, list) or not specs or not all(isinstance(s, dict) for s in specs):
        raise ValueError("the case needs [[tables]]: a list of tables, each with file = ... and kind = ...")
    tables = [_Table(s, head, folder, bool(allow_outside), i) for i, s in enumerate(specs)]
    names = [t.name for t in tables]
    twice = next((n for i, n in enumerate(names) if n in names[:i]), None)
    if twice is not None:
        raise ValueError(f"two tables are called {twice!r}: give each its own name = ...")
    return _network(tables, bool(head.get("directed", True)))
