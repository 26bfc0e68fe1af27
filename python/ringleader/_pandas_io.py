"""DataFrames to the core's tables: the checks and conversions behind
:meth:`ringleader.Network.from_pandas` and the pandas path of
:func:`ringleader.read_csv` (the columns named by the user, node ids, the
node and edge tables, values parsed by :mod:`ringleader._values`, attribute
columns typed as numbers, times or strings), in :func:`from_pandas_frames`,
and the small helpers the network shares (:func:`object_index`,
:func:`is_missing`)."""
from __future__ import annotations

import datetime as _dt
from typing import Optional

import numpy as np
import pandas as pd

from . import _core
from ._columns import EDGE_ARGS, NODE_ARGS, Reading, attribute_names, part_columns
from ._times import NAT, times_to_ns
from ._values import Where, infer_column, parse_numbers, parse_times

#: Node table columns that are not attributes.
NODE_RESERVED = ("id", "type", "label")
#: Edge table columns that are not attributes.
EDGE_RESERVED = ("source", "target", "type", "weight", "timestamp", "amount")


def object_index(values) -> pd.Index:
    """A flat object Index (tuples stay tuples, never a MultiIndex)."""
    values = list(values)
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return pd.Index(arr, dtype=object, tupleize_cols=False)


def is_missing(v) -> bool:
    """True for None, NaT, NaN and pd.NA."""
    if v is None or v is pd.NaT:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    return v is pd.NA


def attribute_column(name: str, values: pd.Series):
    """An attribute column (name, kind, values) for the core."""
    dt = values.dtype
    if pd.api.types.is_bool_dtype(dt) or (pd.api.types.is_numeric_dtype(dt)
                                          and not pd.api.types.is_complex_dtype(dt)):
        return (name, "number", values.to_numpy(dtype=np.float64, na_value=np.nan))
    if pd.api.types.is_datetime64_any_dtype(dt):
        return (name, "time", times_to_ns(values, name))
    vals = values.tolist()
    present = [v for v in vals if not is_missing(v)]
    if present and all(isinstance(v, (pd.Timestamp, _dt.datetime, np.datetime64)) for v in present):
        return (name, "time", times_to_ns(pd.Series(vals, dtype=object), name))
    if present and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                       for v in present):
        return (name, "number", np.array([np.nan if is_missing(v) else float(v) for v in vals], dtype=np.float64))
    return (name, "string", ["" if is_missing(v) else str(v) for v in vals])


def pad_column(col, n):
    """An attribute column extended with missing values to ``n`` rows."""
    name, kind, values = col
    extra = n - len(values)
    if extra <= 0:
        return col
    if kind == "number":
        return (name, kind, np.concatenate([values, np.full(extra, np.nan)]))
    if kind == "time":
        return (name, kind, np.concatenate([values, np.full(extra, NAT, dtype=np.int64)]))
    return (name, kind, list(values) + [""] * extra)


def factorize_types(values, default: str):
    """Type column -> (uint16 codes, names); missing/empty -> default."""
    if values is None:
        return None, [default]
    vals = ["" if is_missing(v) else str(v) for v in values]
    vals = [v if v != "" else default for v in vals]
    codes, names = pd.factorize(pd.Series(vals, dtype=object), sort=False)
    names = list(names)
    if not names:
        names = [default]
    if len(names) > 65535:
        raise ValueError("more than 65535 distinct type names")
    return codes.astype(np.uint16), names


# ---- node ids and the node table ---------------------------------------------
def first_space_twin(ids: list):
    """``(position, other id)`` of the first id (in order) that differs from
    an earlier one only by surrounding spaces (" a" after "a"), or None."""
    padded = [s for s in ids if s[:1] in (" ", "\t") or s[-1:] in (" ", "\t")]
    if not padded:
        return None
    trims = {s.strip(" \t") for s in padded}
    seen: dict = {}
    for i, s in enumerate(ids):
        t = s.strip(" \t")
        if t in trims and seen.setdefault(t, s) != s:
            return i, seen[t]
    return None


def _twin_message(a: str, b: str) -> str:
    return f"node ids {a!r} and {b!r} differ only by surrounding spaces: remove the spaces (ids are compared exactly)"


def _edge_ends(edges: pd.DataFrame, cols: dict, at: Where):
    """The source and target columns as object arrays, checked."""
    src = edges[cols["source"]].to_numpy(dtype=object)
    dst = edges[cols["target"]].to_numpy(dtype=object)
    for arr, part in ((src, "source"), (dst, "target")):
        if at.lines is None:
            bad = pd.isna(pd.Series(arr, dtype=object)).to_numpy()
            if bad.any():
                raise ValueError(f"edges: column {cols[part]!r} is missing at row {int(np.argmax(bad))}")
        else:
            bad = np.array([v == "" for v in arr], dtype=bool)
            if bad.any():
                raise at.of(cols[part]).error(int(np.argmax(bad)), f"empty {part} id")
    return src, dst


def _node_ids(nodes: pd.DataFrame, col, at: Where):
    """The node ids (a column or the index), checked: present, listed once."""
    ids = nodes[col].to_numpy(dtype=object) if col is not None else nodes.index.to_numpy(dtype=object)
    if at.lines is not None:
        empty = np.array([v == "" for v in ids], dtype=bool)
        if empty.any():
            raise at.of(col).error(int(np.argmax(empty)), "empty node id")
    dup = object_index(ids).duplicated()
    if dup.any():
        i = int(np.argmax(dup))
        if at.lines is None:
            raise ValueError(f"nodes: node id {ids[i]!r} appears twice (row {i}): each node must be listed once")
        first = int(at.lines[int(np.argmax(object_index(ids) == ids[i]))])
        raise at.of(col).error(i, f"node id {ids[i]!r} appears again (first on line {first}): each node must be "
                                  "listed once")
    return list(ids)


def _node_table(nodes: pd.DataFrame, reading: Reading, at: Where):
    """``(ids, type values or None, labels or None, attribute columns, id column)`` of a node table."""
    cols = part_columns(nodes.columns, reading.node_names(), NODE_ARGS, at,
                        required=("id",) if reading.text else ())
    ids = _node_ids(nodes, cols["id"], at)
    types = list(nodes[cols["type"]]) if cols["type"] is not None else None
    labels = ["" if is_missing(v) else str(v) for v in nodes[cols["label"]]] if cols["label"] is not None else None
    used = {c for c in cols.values() if c is not None}
    attrs = _attributes(nodes, [c for c in nodes.columns if c not in used], reading.text)
    return ids, types, labels, attrs, cols["id"]


def _attribute(name, values: pd.Series, text: bool):
    values = values.reset_index(drop=True)
    return infer_column(str(name), values.tolist()) if text else attribute_column(str(name), values)


def _attributes(table: pd.DataFrame, names: list, text: bool) -> list:
    """The attribute columns ``names`` of ``table``.  Text tables of few rows
    and many columns (a wide header) are taken apart in one step, without a
    pandas Series per column."""
    if text and names and len(table) <= 64 and not table.columns.has_duplicates:
        rows = table[names].to_numpy(dtype=object)
        return [infer_column(str(c), rows[:, j].tolist()) for j, c in enumerate(names)]
    return [_attribute(c, table[c], text) for c in names]


def _interleave(src, dst) -> np.ndarray:
    """source 0, target 0, source 1, target 1, ..."""
    inter = np.empty(2 * len(src), dtype=object)
    inter[0::2] = src
    inter[1::2] = dst
    return inter


def _codes_in(node_objs: list, src, dst, create_missing: bool, at: Where, cols: dict):
    """The edges' end positions among the listed nodes, adding the ids the
    edges name but the nodes lack (``create_missing``, else an error);
    returns ``(node ids, source codes, target codes)``."""
    m = len(src)
    index = object_index(node_objs)
    s_codes = index.get_indexer(src) if m else np.empty(0, dtype=np.int64)
    t_codes = index.get_indexer(dst) if m else np.empty(0, dtype=np.int64)
    missing = (s_codes < 0) | (t_codes < 0)
    if missing.any():
        if not create_missing:
            i = int(np.argmax(missing))
            bad, part = (src[i], "source") if s_codes[i] < 0 else (dst[i], "target")
            if at.lines is None:
                raise ValueError(f"edges: row {i} names node id {bad!r}, which is not in nodes "
                                 "(add it there, or pass create_missing=True)")
            raise at.of(cols[part]).error(i, f"node id {bad!r} is not in the nodes file (add it there, or pass "
                                             "create_missing=True)")
        inter = _interleave(src, dst)
        extra = pd.unique(pd.Series(inter[(np.repeat(missing, 2)) & (index.get_indexer(inter) < 0)], dtype=object))
        node_objs = node_objs + list(extra)
        index = object_index(node_objs)
        s_codes, t_codes = index.get_indexer(src), index.get_indexer(dst)
    return node_objs, s_codes, t_codes


def _string_ids(node_objs: list):
    """``(string ids, original objects or None)``, checked: non-empty, unique as strings."""
    str_ids = [o if isinstance(o, str) else str(o) for o in node_objs]
    if any(s == "" for s in str_ids):
        raise ValueError("empty node id: every node needs a non-empty id")
    if not any(not isinstance(o, str) for o in node_objs):
        return str_ids, None
    if len(set(str_ids)) != len(node_objs):
        raise ValueError("node ids are not unique as strings (e.g. 1 and '1'): make them unique")
    return str_ids, node_objs


def _check_twins(str_ids: list, listed: int, s_codes, t_codes, places: tuple) -> None:
    """Ids that differ only by surrounding spaces are refused, at the line
    where the second appears (a file) or without one (DataFrames)."""
    twin = first_space_twin(str_ids)
    if twin is None:
        return
    pos, other = twin
    message = _twin_message(str_ids[pos], other)
    nodes_at, nodes_col, edges_at, cols = places
    if edges_at.lines is None:
        raise ValueError(message)
    if pos < listed:
        raise nodes_at.of(nodes_col).error(pos, message)
    row = int(np.argmax((np.asarray(s_codes) == pos) | (np.asarray(t_codes) == pos)))
    raise edges_at.of(cols["source"] if s_codes[row] == pos else cols["target"]).error(row, message)


# ---- the edge table ----------------------------------------------------------
def _weights(edges: pd.DataFrame, col, reading: Reading, at: Where) -> np.ndarray:
    """The weight column (1.0 where absent or empty), checked finite."""
    if col is None:
        return np.ones(len(edges))
    raw = edges[col]
    w = parse_numbers(raw, decimal=reading.decimal, where=at.of(col))
    nan = np.flatnonzero(np.isnan(w))
    w[nan[_absent(raw.iloc[nan])]] = 1.0  # a missing weight is 1, as an empty CSV field
    bad = ~np.isfinite(w)
    if bad.any():
        i = int(np.argmax(bad))
        raise at.of(col).error(i, f"weight {raw.iloc[i]!r}: weights must be finite numbers")
    return w


def _absent(raw: pd.Series) -> np.ndarray:
    """True where a value is missing (None, NaN) or blank text."""
    return np.array([is_missing(v) or (isinstance(v, str) and v.strip(" \t\r") == "") for v in raw], dtype=bool)


def _amounts(edges: pd.DataFrame, col, reading: Reading, at: Where) -> Optional[np.ndarray]:
    """The amount column (None when absent), checked finite or missing."""
    if col is None:
        return None
    amount = parse_numbers(edges[col], decimal=reading.decimal, where=at.of(col))
    bad = np.isinf(amount)
    if bad.any():
        i = int(np.argmax(bad))
        raise at.of(col).error(i, f"amount {edges[col].iloc[i]!r}: amounts must be finite (or missing)")
    return amount


def _edge_values(edges: pd.DataFrame, cols: dict, attr_names: list, reading: Reading, at: Where, edge_type: str):
    """``(type codes, type names, weights, timestamps or None, amounts or None, attributes)``."""
    m = len(edges)
    et_codes, et_names = factorize_types(edges[cols["type"]] if cols["type"] is not None else None, edge_type)
    if et_codes is None:
        et_codes = np.zeros(m, dtype=np.uint16)
    weights = _weights(edges, cols["weight"], reading, at)
    ts = None
    if cols["timestamp"] is not None:
        ts = parse_times(edges[cols["timestamp"]], dayfirst=reading.dayfirst, time_format=reading.time_format,
                         tz=reading.tz, where=at.of(cols["timestamp"]))
    amounts = _amounts(edges, cols["amount"], reading, at)
    attrs = _attributes(edges, attr_names, reading.text)
    return et_codes, et_names, weights, ts, amounts, attrs


def from_pandas_frames(edges: pd.DataFrame, nodes: Optional[pd.DataFrame], directed: bool, node_type: str,
                       edge_type: str, create_missing: bool, reading: Reading = Reading(),
                       edges_at: Where = Where("edges"), nodes_at: Where = Where("nodes")):
    """``(core network, original id objects or None)`` from an edge and an
    optional node table, with the rules of
    :meth:`ringleader.Network.from_pandas`: the columns and value rules of
    ``reading``; ``edges_at``/``nodes_at`` say where the tables come from
    (a file and its lines for :func:`ringleader.read_csv`), for errors."""
    reading.check()
    cols = part_columns(edges.columns, reading.edge_names(), EDGE_ARGS, edges_at, required=("source", "target"))
    attr_names = attribute_names(edges.columns, {c for c in cols.values() if c is not None}, reading.edge_attr,
                                 edges_at)
    src, dst = _edge_ends(edges, cols, edges_at)
    m = len(edges)
    node_types = labels = None
    node_attrs, listed, id_col = [], 0, None
    if nodes is not None:
        node_objs, node_types, labels, node_attrs, id_col = _node_table(nodes, reading, nodes_at)
        listed = len(node_objs)
        node_objs, s_codes, t_codes = _codes_in(node_objs, src, dst, create_missing, edges_at, cols)
    else:
        codes, uniques = pd.factorize(pd.Series(_interleave(src, dst), dtype=object), sort=False)
        node_objs, s_codes, t_codes = list(uniques), codes[0::2], codes[1::2]
    n = len(node_objs)
    _core.check_counts(n, m, "edges")
    _core.reserve_check(48 * n + 34 * m, "the network tables")
    str_ids, objects = _string_ids(node_objs)
    _check_twins(str_ids, listed, s_codes, t_codes, (nodes_at, id_col, edges_at, cols))
    if node_types is not None:
        nt_codes, nt_names = factorize_types(node_types + [node_type] * (n - len(node_types)), node_type)
    else:
        nt_codes, nt_names = np.zeros(n, dtype=np.uint16), [node_type]
    if labels is not None:
        labels = labels + [""] * (n - len(labels))
    node_attrs = [pad_column(c, n) for c in node_attrs]
    et_codes, et_names, weights, ts, amounts, edge_attrs = _edge_values(edges, cols, attr_names, reading, edges_at,
                                                                    edge_type)
    try:
        core = _core.from_arrays(bool(directed), str_ids, nt_codes, nt_names, labels, node_attrs,
                                 np.asarray(s_codes, dtype=np.uint32), np.asarray(t_codes, dtype=np.uint32),
                                 et_codes, et_names, weights, ts, amounts, edge_attrs)
    except (UnicodeEncodeError, TypeError, RuntimeError):  # pybind11's, for text UTF-8 cannot hold
        bad = _not_unicode([("a node id", str_ids), ("a node type", nt_names), ("a label", labels or []),
                            ("an edge type", et_names)] + _texts("node", node_attrs) + _texts("edge", edge_attrs))
        if bad is None:
            raise
        raise bad from None
    return core, objects


def _texts(part: str, attrs) -> list:
    """``(what, values)`` of the names and string values of attribute columns."""
    out = []
    for name, kind, values in attrs:
        out.append((f"the name of a {part} attribute", [name]))
        if kind == "string":
            out.append((f"{part} attribute {name!r}", values))
    return out


def _not_unicode(candidates) -> Optional[ValueError]:
    """The ValueError for text that UTF-8 cannot hold (a lone surrogate such as
    '\\ud800', left by decoding bytes with errors='surrogateescape'), naming
    where; None when every text is fine."""
    for what, values in candidates:
        for i, v in enumerate(values):
            if isinstance(v, str):
                try:
                    v.encode("utf-8")
                except UnicodeEncodeError as e:
                    bad = v[e.start:e.end]
                    return ValueError(f"{what} ({v!r}, value {i}) holds {bad!r}, a lone surrogate that is not a "
                                      "character: text must be valid Unicode; decode the data with "
                                      "errors='replace' (or fix it) first")
    return None


def tables_of(edges, nodes):
    """``(edges, nodes)`` for ``Network.from_pandas``, unpacking the
    ``NetworkTables`` of ``Network.to_pandas``."""
    if isinstance(edges, tuple) and getattr(edges, "_fields", None) == ("nodes", "edges"):
        if nodes is not None:
            raise ValueError("from_pandas got the tables of to_pandas() and nodes=...: pass one or the other")
        return edges.edges, edges.nodes
    if isinstance(edges, tuple):
        raise ValueError("from_pandas takes an edge DataFrame (and nodes=...), or net.to_pandas() itself; "
                         f"got a plain tuple of {len(edges)}: pass edges=..., nodes=... by name")
    return edges, nodes
