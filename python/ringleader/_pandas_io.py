"""DataFrames to the core's tables: the checks and conversions behind
:meth:`ringleader.Network.from_pandas` (node ids, the node and edge tables,
attribute columns typed as numbers, times or strings), in
:func:`from_pandas_frames`, and the small helpers the network shares
(:func:`object_index`, :func:`is_missing`)."""
from __future__ import annotations

import datetime as _dt
from typing import Optional

import numpy as np
import pandas as pd

from . import _core
from ._times import NAT, times_to_ns

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


def check_space_twins(ids: list) -> None:
    """Refuses ids that differ only by surrounding spaces (" a" and "a"), as
    the readers do: almost always a slip, they would silently be two nodes."""
    padded = [s for s in ids if s[:1] in (" ", "\t") or s[-1:] in (" ", "\t")]
    if not padded:
        return
    first: dict = {}
    known = set(ids)
    for s in padded:
        t = s.strip(" \t")
        other = t if t and t in known else first.setdefault(t, s)
        if other != s:
            raise ValueError(f"node ids {s!r} and {other!r} differ only by surrounding spaces: "
                             "remove the spaces (ids are compared exactly)")


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
def _edge_ends(edges: pd.DataFrame, source: str, target: str):
    """The source and target columns as object arrays, checked."""
    if source not in edges.columns or target not in edges.columns:
        raise ValueError(f"edges needs the columns {source!r} and {target!r}; it has {list(edges.columns)}")
    for name, used in (("source", source), ("target", target)):
        if used != name and name in edges.columns:
            raise ValueError(f"edges has a column {name!r} besides the {name} column {used!r}: "
                             "rename it, it would be lost")
    src = edges[source].to_numpy(dtype=object)
    dst = edges[target].to_numpy(dtype=object)
    for arr, name in ((src, source), (dst, target)):
        bad = pd.isna(pd.Series(arr, dtype=object)).to_numpy()
        if bad.any():
            raise ValueError(f"edges: column {name!r} is missing at row {int(np.argmax(bad))}")
    return src, dst


def _node_table(nodes: pd.DataFrame):
    """``(ids, type values or None, labels or None, attribute columns)`` of a node DataFrame."""
    ids = nodes["id"].to_numpy(dtype=object) if "id" in nodes.columns else nodes.index.to_numpy(dtype=object)
    dup = object_index(ids).duplicated()
    if dup.any():
        i = int(np.argmax(dup))
        raise ValueError(f"nodes: node id {ids[i]!r} appears twice (row {i}): each node must be listed once")
    types = list(nodes["type"]) if "type" in nodes.columns else None
    labels = ["" if is_missing(v) else str(v) for v in nodes["label"]] if "label" in nodes.columns else None
    attrs = [attribute_column(str(c), nodes[c].reset_index(drop=True)) for c in nodes.columns
             if c not in NODE_RESERVED]
    return list(ids), types, labels, attrs


def _interleave(src, dst) -> np.ndarray:
    """source 0, target 0, source 1, target 1, ..."""
    inter = np.empty(2 * len(src), dtype=object)
    inter[0::2] = src
    inter[1::2] = dst
    return inter


def _codes_in(node_objs: list, src, dst, create_missing: bool):
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
            bad = src[i] if s_codes[i] < 0 else dst[i]
            raise ValueError(f"edges: row {i} names node id {bad!r}, which is not in nodes "
                             "(add it there, or pass create_missing=True)")
        inter = _interleave(src, dst)
        extra = pd.unique(pd.Series(inter[(np.repeat(missing, 2)) & (index.get_indexer(inter) < 0)], dtype=object))
        node_objs = node_objs + list(extra)
        index = object_index(node_objs)
        s_codes, t_codes = index.get_indexer(src), index.get_indexer(dst)
    return node_objs, s_codes, t_codes


def _string_ids(node_objs: list):
    """``(string ids, original objects or None)``, checked: non-empty, no
    space twins, unique as strings."""
    str_ids = [o if isinstance(o, str) else str(o) for o in node_objs]
    if any(s == "" for s in str_ids):
        raise ValueError("empty node id: every node needs a non-empty id")
    check_space_twins(str_ids)
    if not any(not isinstance(o, str) for o in node_objs):
        return str_ids, None
    if len(set(str_ids)) != len(node_objs):
        raise ValueError("node ids are not unique as strings (e.g. 1 and '1'): make them unique")
    return str_ids, node_objs


# ---- the edge table ----------------------------------------------------------
def _weights(edges: pd.DataFrame) -> np.ndarray:
    """The weight column (1.0 where absent), checked finite."""
    if "weight" not in edges.columns:
        return np.ones(len(edges))
    raw = edges["weight"].reset_index(drop=True)
    absent = raw.isna().to_numpy()
    w = np.array(pd.to_numeric(raw, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan))
    w[absent] = 1.0  # a missing weight is 1, as an empty CSV field
    bad = ~np.isfinite(w)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"edges: weight at row {i} is {raw.iloc[i]!r}: weights must be finite numbers")
    return w


def _amounts(edges: pd.DataFrame) -> Optional[np.ndarray]:
    """The amount column (None when absent), checked finite or missing."""
    if "amount" not in edges.columns:
        return None
    amount = pd.to_numeric(edges["amount"], errors="raise").to_numpy(dtype=np.float64, na_value=np.nan)
    if np.isinf(amount).any():
        raise ValueError("edges: amounts must be finite (or missing)")
    return amount


def from_pandas_frames(edges: pd.DataFrame, nodes: Optional[pd.DataFrame], directed: bool, source: str,
                       target: str, node_type: str, edge_type: str, create_missing: bool):
    """``(core network, original id objects or None)`` from an edge and an
    optional node DataFrame, with the rules of
    :meth:`ringleader.Network.from_pandas`."""
    src, dst = _edge_ends(edges, source, target)
    m = len(edges)
    node_types = labels = None
    node_attrs = []
    if nodes is not None:
        node_objs, node_types, labels, node_attrs = _node_table(nodes)
        node_objs, s_codes, t_codes = _codes_in(node_objs, src, dst, create_missing)
    else:
        codes, uniques = pd.factorize(pd.Series(_interleave(src, dst), dtype=object), sort=False)
        node_objs, s_codes, t_codes = list(uniques), codes[0::2], codes[1::2]
    n = len(node_objs)
    _core.check_counts(n, m, "edges")
    _core.reserve_check(48 * n + 34 * m, "the network tables")
    str_ids, objects = _string_ids(node_objs)
    if node_types is not None:
        nt_codes, nt_names = factorize_types(node_types + [node_type] * (n - len(node_types)), node_type)
    else:
        nt_codes, nt_names = np.zeros(n, dtype=np.uint16), [node_type]
    if labels is not None:
        labels = labels + [""] * (n - len(labels))
    node_attrs = [pad_column(c, n) for c in node_attrs]
    et_codes, et_names = factorize_types(edges["type"] if "type" in edges.columns else None, edge_type)
    if et_codes is None:
        et_codes = np.zeros(m, dtype=np.uint16)
    weights = _weights(edges)
    ts = times_to_ns(edges["timestamp"].reset_index(drop=True), "timestamp") \
        if "timestamp" in edges.columns else None
    amounts = _amounts(edges)
    edge_attrs = [attribute_column(str(c), edges[c].reset_index(drop=True)) for c in edges.columns
                  if c not in (source, target) and c not in EDGE_RESERVED]
    core = _core.from_arrays(bool(directed), str_ids, nt_codes, nt_names, labels, node_attrs,
                             np.asarray(s_codes, dtype=np.uint32), np.asarray(t_codes, dtype=np.uint32),
                             et_codes, et_names, weights, ts, amounts, edge_attrs)
    return core, objects
