"""The typed, multi-mode :class:`Network` and its pandas / networkx conversions."""
from __future__ import annotations

import datetime as _dt
import os
import warnings
from typing import Iterable, Optional

import numpy as np
import pandas as pd

from . import _core

_NODE_RESERVED = ("id", "type", "label")
_EDGE_RESERVED = ("source", "target", "type", "weight", "timestamp", "amount")
_NAT = np.iinfo(np.int64).min


_MAX_SECONDS = 9_223_372_035  # Unix seconds that fit in int64 nanoseconds


def _object_index(values) -> pd.Index:
    """A flat object Index (tuples stay tuples, never a MultiIndex)."""
    values = list(values)
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return pd.Index(arr, dtype=object, tupleize_cols=False)


def _seconds_to_ns(sec: float, what: str) -> int:
    if not np.isfinite(sec) or abs(sec) > _MAX_SECONDS:
        raise ValueError(f"{what}: {sec!r} Unix seconds is outside the representable range "
                         "(years 1678 to 2261)")
    return int(round(sec * 1_000_000_000)) if isinstance(sec, float) else int(sec) * 1_000_000_000


def _check_space_twins(ids: list) -> None:
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


def _to_ns(value, what: str) -> Optional[int]:
    """A time bound as ns UTC: str (ISO 8601 or Unix seconds), number (Unix
    seconds), datetime, Timestamp or numpy datetime64."""
    if value is None:
        return None
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return _seconds_to_ns(value.item() if hasattr(value, "item") else value, what)
    if isinstance(value, str):
        ns = _core.parse_timestamp(value)
        if ns is not None:
            return ns
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{what}={value!r} is not a date or time: use e.g. '2024-03-01' "
                         "or pd.Timestamp('2024-03-01T12:00Z')") from exc
    if ts is pd.NaT:
        raise ValueError(f"{what} must not be NaT")
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return int(ts.tz_convert("UTC").value)


def _times_to_ns(values: pd.Series, what: str) -> np.ndarray:
    """Timestamps column -> int64 ns UTC with NaT as INT64_MIN."""
    s = values
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        if getattr(s.dt, "tz", None) is None:
            s = s.dt.tz_localize("UTC")
        return s.dt.tz_convert("UTC").astype("datetime64[ns, UTC]").array.asi8.astype(np.int64, copy=True)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
        out = np.full(len(arr), _NAT, dtype=np.int64)
        ok = ~np.isnan(arr)
        bad = ok & ~(np.abs(arr) <= _MAX_SECONDS)
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(f"{what}: row {i} holds {s.iloc[i]!r} Unix seconds, outside the representable "
                             "range (years 1678 to 2261)")
        if pd.api.types.is_integer_dtype(s.dtype):
            out[ok] = s.to_numpy()[ok].astype(np.int64) * 1_000_000_000
        else:
            out[ok] = np.round(arr[ok] * 1e9).astype(np.int64)
        return out
    out = np.empty(len(s), dtype=np.int64)
    for i, v in enumerate(s.tolist()):
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT or v == "":
            out[i] = _NAT
        elif isinstance(v, (pd.Timestamp, _dt.datetime, np.datetime64)):
            out[i] = _to_ns(v, what)
        else:
            ns = _core.parse_timestamp(str(v))
            if ns is None:
                raise ValueError(f"{what}: row {i} holds {v!r}, which is neither ISO 8601 "
                                 "(2024-03-01T12:00:00Z) nor Unix seconds")
            out[i] = ns
    return out


def _column(name: str, values: pd.Series):
    """An attribute column (name, kind, values) for the core."""
    dt = values.dtype
    if pd.api.types.is_bool_dtype(dt) or (pd.api.types.is_numeric_dtype(dt)
                                          and not pd.api.types.is_complex_dtype(dt)):
        return (name, "number", values.to_numpy(dtype=np.float64, na_value=np.nan))
    if pd.api.types.is_datetime64_any_dtype(dt):
        return (name, "time", _times_to_ns(values, name))
    vals = values.tolist()
    present = [v for v in vals if not _missing(v)]
    if present and all(isinstance(v, (pd.Timestamp, _dt.datetime, np.datetime64)) for v in present):
        return (name, "time", _times_to_ns(pd.Series(vals, dtype=object), name))
    if present and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
                       for v in present):
        return (name, "number", np.array([np.nan if _missing(v) else float(v) for v in vals], dtype=np.float64))
    return (name, "string", ["" if _missing(v) else str(v) for v in vals])


def _missing(v) -> bool:
    if v is None or v is pd.NaT:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    return v is pd.NA


def _factorize_types(values, default: str):
    """Type column -> (uint16 codes, names); missing/empty -> default."""
    if values is None:
        return None, [default]
    vals = ["" if _missing(v) else str(v) for v in values]
    vals = [v if v != "" else default for v in vals]
    codes, names = pd.factorize(pd.Series(vals, dtype=object), sort=False)
    names = list(names)
    if not names:
        names = [default]
    if len(names) > 65535:
        raise ValueError("more than 65535 distinct type names")
    return codes.astype(np.uint16), names


class Network:
    """A typed, multi-mode network: nodes (person, phone, account, venue, ...)
    and edges (call, transfer, uses, owns, located_at, meets, ...).

    Parallel edges and self-loops are kept; a network is directed or
    undirected.  Networks are immutable: views (:meth:`subgraph`,
    :meth:`collapse`, :meth:`largest_component`) return new networks.

    Build one with :func:`ringleader.read_csv` and the other readers,
    :meth:`from_pandas` or :func:`ringleader.from_networkx`.

    Examples
    --------
    >>> import pandas as pd, ringleader as rl
    >>> edges = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "type": "call"})
    >>> net = rl.Network.from_pandas(edges)
    >>> net.number_of_nodes(), net.number_of_edges()
    (3, 2)
    >>> net.edge_types()
    {'call': 2}
    """

    def __init__(self, directed: bool = False):
        self._net = _core.Network(bool(directed))
        self._objects = None
        self._cache = {}

    @classmethod
    def _wrap(cls, core, objects=None) -> "Network":
        self = cls.__new__(cls)
        self._net = core
        self._objects = objects
        self._cache = {}
        return self

    def _derive(self, core) -> "Network":
        """A network from a view of this one, keeping original id objects."""
        objects = None
        if self._objects is not None:
            by_id = dict(zip(self._net.node_ids(), self._objects))
            objects = [by_id[i] for i in core.node_ids()]
        return Network._wrap(core, objects)

    # ---- sizes and types ---------------------------------------------------
    @property
    def directed(self) -> bool:
        """True for a directed network."""
        return self._net.directed

    def is_directed(self) -> bool:
        return self._net.directed

    def number_of_nodes(self) -> int:
        return self._net.number_of_nodes()

    def number_of_edges(self) -> int:
        """Number of edges, parallel edges counted separately."""
        return self._net.number_of_edges()

    def __len__(self) -> int:
        return self.number_of_nodes()

    def node_types(self) -> dict:
        """Node count by type, in order of first appearance."""
        counts = np.bincount(self._net.node_type_codes(), minlength=len(self._net.node_type_names()))
        return {n: int(c) for n, c in zip(self._net.node_type_names(), counts) if c}

    def edge_types(self) -> dict:
        """Edge count by type, in order of first appearance."""
        counts = np.bincount(self._net.edge_type_codes(), minlength=len(self._net.edge_type_names()))
        return {n: int(c) for n, c in zip(self._net.edge_type_names(), counts) if c}

    @property
    def node_index(self) -> pd.Index:
        """The node ids in vertex order (original objects for networks from networkx)."""
        if "index" not in self._cache:
            ids = self._objects if self._objects is not None else self._net.node_ids()
            index = _object_index(ids)
            index.name = "id"
            self._cache["index"] = index
        return self._cache["index"]

    def _series(self, values, name: str) -> pd.Series:
        """A per-node result: float64 Series indexed by node id, named ``name``
        (wraps the numpy array without copying)."""
        return pd.Series(np.asarray(values, dtype=np.float64), index=self.node_index, name=name, copy=False)

    # ---- tables ------------------------------------------------------------
    @property
    def nodes(self) -> pd.DataFrame:
        """DataFrame indexed by node id: ``type``, ``label`` (None when absent),
        then attribute columns (float64 numbers, ``datetime64[ns, UTC]`` times,
        strings with None for missing)."""
        if "nodes" not in self._cache:
            n = self._net
            names = np.array(n.node_type_names(), dtype=object)
            cols = {"type": names[n.node_type_codes()] if len(names) else np.empty(0, dtype=object)}
            labels = n.labels()
            cols["label"] = (np.array([x if x else None for x in labels], dtype=object) if labels is not None
                             else np.full(n.number_of_nodes(), None, dtype=object))
            for name, kind, values in n.node_attrs():
                cols[name] = self._values(kind, values)
            self._cache["nodes"] = pd.DataFrame(cols, index=self.node_index, copy=False)
        return self._cache["nodes"].copy(deep=False)

    @property
    def edges(self) -> pd.DataFrame:
        """DataFrame of edges (one row per edge, parallel edges included):
        ``source``, ``target``, ``type``, ``weight`` (float), ``timestamp``
        (``datetime64[ns, UTC]``, NaT when absent), ``amount`` (float, NaN when
        absent), then attribute columns."""
        if "edges" not in self._cache:
            n = self._net
            ids = self.node_index.to_numpy()
            names = np.array(n.edge_type_names(), dtype=object)
            m = n.number_of_edges()
            cols = {
                "source": ids[n.edge_source()] if m else np.empty(0, dtype=object),
                "target": ids[n.edge_target()] if m else np.empty(0, dtype=object),
                "type": names[n.edge_type_codes()] if m else np.empty(0, dtype=object),
                "weight": n.edge_weight(),
            }
            ts = n.edge_timestamp()
            cols["timestamp"] = self._values("time", ts if ts is not None else np.full(m, _NAT, dtype=np.int64))
            am = n.edge_amount()
            cols["amount"] = am if am is not None else np.full(m, np.nan)
            for name, kind, values in n.edge_attrs():
                cols[name] = self._values(kind, values)
            self._cache["edges"] = pd.DataFrame(cols, copy=False)
        return self._cache["edges"].copy(deep=False)

    @staticmethod
    def _values(kind, values):
        if kind == "number":
            return values
        if kind == "time":
            return pd.DatetimeIndex(np.asarray(values).view("datetime64[ns]")).tz_localize("UTC")
        return np.array([v if v else None for v in values], dtype=object)

    def to_pandas(self):
        """``(nodes, edges)`` DataFrames, as :attr:`nodes` and :attr:`edges`."""
        return self.nodes, self.edges

    # ---- views -------------------------------------------------------------
    def subgraph(self, node_types: Optional[Iterable[str]] = None, edge_types: Optional[Iterable[str]] = None,
                 start=None, end=None, nodes: Optional[Iterable] = None) -> "Network":
        """A new network restricted to node types, edge types, a time window and/or a node set.

        Defaults: every argument ``None`` (no filter).  ``start``/``end`` given
        as numbers are Unix seconds; strings are ISO 8601 or Unix seconds.

        Nodes are filtered only by ``node_types`` and ``nodes`` (edge filters
        never remove nodes); an edge is kept when both ends are kept, its type
        is in ``edge_types`` and, with a window, its timestamp is in the
        half-open window ``[start, end)`` (edges without a timestamp are then
        left out).  ``start``/``end`` accept strings, datetimes or Timestamps
        (naive = UTC).  Unknown types or ids, and ``start`` after ``end``,
        raise ``ValueError``.

        >>> calls = net.subgraph(node_types=["phone"], edge_types=["call"],
        ...                      start="2024-01-01", end="2024-02-01")   # doctest: +SKIP
        """
        def strs(x):
            if x is None:
                return []
            if isinstance(x, str):
                return [x]
            return [str(v) for v in x]
        node_ids = None
        if nodes is not None:
            node_ids = [self._id_str(v) for v in ([nodes] if isinstance(nodes, str) else nodes)]
        t0, t1 = _to_ns(start, "start"), _to_ns(end, "end")
        if t0 is not None and t1 is not None and t0 > t1:
            raise ValueError(f"start={start!r} is after end={end!r}: the window [start, end) would be empty; "
                             "swap them")
        core = self._net.subgraph(strs(node_types), strs(edge_types), t0, t1, node_ids)
        return self._derive(core)

    def _id_str(self, v) -> str:
        """The string id of a node given as its id or original object."""
        if self._objects is not None:
            if "objmap" not in self._cache:
                self._cache["objmap"] = dict(zip(self._objects, self._net.node_ids()))
            found = self._cache["objmap"].get(v)
            if found is not None:
                return found
        return str(v)

    def collapse(self, weight: str = "sum", by_type: bool = True, column: str = "weight") -> "Network":
        """Merge parallel edges into a simple weighted network.

        Defaults: ``weight="sum"``, ``by_type=True``, ``column="weight"``.

        Groups edges by (source, target) — the unordered pair when undirected —
        and, with ``by_type``, by type.  ``weight``: ``"sum"``, ``"count"``,
        ``"max"`` or ``"min"`` of the edge column ``column`` (``"weight"``,
        ``"amount"`` or a numeric attribute; missing values are refused).  New
        edge attributes: ``count`` (edges merged), ``first_timestamp``/
        ``last_timestamp`` (when timestamps exist); ``amount`` is the sum of
        present amounts.  Self-loops are kept.

        >>> simple = net.collapse(weight="count", by_type=False)   # doctest: +SKIP
        """
        return self._derive(self._net.collapse(weight, bool(by_type), column))

    def project(self, person_type: str = "person", via=("phone", "account", "venue"), weight: str = "count",
                max_hub: Optional[int] = 50) -> "Network":
        """The person-person network: persons linked by shared phones,
        accounts and venues, by calls and transfers between their phones and
        accounts, and by direct edges (meets).  See
        :func:`ringleader._project.project` for the rules, weights (count,
        weight, amount, newman) and hub handling."""
        from ._project import project
        return project(self, person_type=person_type, via=via, weight=weight, max_hub=max_hub)

    def ego(self, node, radius: int = 1, node_types=None, edge_types=None, follow_direction: bool = False) -> "Network":
        """The ego network of ``node``: every node within ``radius`` hops (of
        ``node_types`` only, when given) and the edges among them.  See
        :func:`ringleader.paths.ego`; :meth:`ego_summary` adds who is in it by
        type and the strongest ties."""
        from .paths import ego
        return ego(self, node, radius=radius, node_types=node_types, edge_types=edge_types,
                   follow_direction=follow_direction)

    def ego_summary(self, node, radius: int = 1, node_types=None, edge_types=None, follow_direction: bool = False):
        """:func:`ringleader.paths.ego_summary`: the ego network with its
        members by type and distance and the centre's strongest ties."""
        from .paths import ego_summary
        return ego_summary(self, node, radius=radius, node_types=node_types, edge_types=edge_types,
                           follow_direction=follow_direction)

    def largest_component(self) -> "Network":
        """The largest (weakly) connected component as a new network; ties go to
        the component holding the earliest node.  Union-find on the edge
        table (C++ ``graph/components.hpp``)."""
        return self._derive(self._net.largest_component())

    # ---- writing -----------------------------------------------------------
    def write_csv(self, edges, nodes=None) -> None:
        """Write the CSV pair (``nodes`` optional).  Lossless with :func:`read_csv`:
        every node, edge, type, weight, timestamp (ISO 8601 UTC), amount and
        attribute comes back, with three limits of the CSV format (GraphML has
        none): a string attribute whose every value looks like a number (or an
        ISO 8601 date) reads back as a number (or time) column; a column with
        no value at all reads back as a string column; attribute names are
        read with surrounding spaces trimmed.  Values holding a NUL character
        cannot be written to CSV (an error says so)."""
        _core.write_csv(self._net, os.fspath(edges), "" if nodes is None else os.fspath(nodes))

    def save(self, path) -> None:
        """Writes the network to ``path`` in ringleader's compact binary format:
        versioned, checksummed (CRC-32), every table exactly as held (ids,
        types, labels, weights, timestamps, amounts, attribute columns), 18
        bytes per edge plus the ids; open it with :func:`ringleader.load`
        (memory-mapped).  The layout is documented in ``ringleader._binary``.
        Networks whose node ids are not strings (from networkx) are refused.

        >>> net.save("case.rlnet"); rl.load("case.rlnet")     # doctest: +SKIP
        """
        from . import _binary

        _binary.save(self, path)

    def write_graphml(self, path) -> None:
        """Write GraphML, lossless with :func:`read_graphml` (typed keys)."""
        _core.write_graphml(self._net, os.fspath(path))

    def write_gexf(self, path) -> None:
        """Write GEXF 1.3 for Gephi."""
        _core.write_gexf(self._net, os.fspath(path))

    # ---- summaries ---------------------------------------------------------
    def summary(self) -> str:
        """Counts of nodes and edges by type, as text."""
        return self._net.summary()

    def __repr__(self) -> str:
        kind = "directed" if self.directed else "undirected"
        return f"<ringleader.Network {kind}: {self.number_of_nodes()} nodes, {self.number_of_edges()} edges>"

    def memory_usage(self) -> dict:
        """Bytes held by the tables and by the compute view (built if needed)."""
        csr = self._net.build_csr()
        return {"tables": self._net.table_bytes(), "compute_view": csr,
                "bytes_per_arc": csr / max(1, (self.number_of_edges() * 2))}

    # ---- pandas ------------------------------------------------------------
    @classmethod
    def from_pandas(cls, edges: pd.DataFrame, nodes: Optional[pd.DataFrame] = None, directed: bool = False,
                    source: str = "source", target: str = "target", node_type: str = "unknown",
                    edge_type: str = "edge", create_missing: bool = False) -> "Network":
        """Build a network from an edge DataFrame and an optional node DataFrame.

        Defaults: ``nodes=None``, ``directed=False``, ``source="source"``,
        ``target="target"``, ``node_type="unknown"``, ``edge_type="edge"``,
        ``create_missing=False``.

        ``edges`` needs the ``source`` and ``target`` columns; optional
        ``type``, ``weight`` (default 1.0, must be finite), ``timestamp``
        (datetime64, ISO 8601 strings or Unix seconds; naive = UTC) and
        ``amount``; other columns become attributes.  ``nodes`` is indexed by
        node id (or has an ``id`` column) with optional ``type``, ``label`` and
        attribute columns.  Ids that are not strings are kept as the original
        objects in :attr:`node_index`; their ``str()`` must be unique.  The same
        rules as :func:`read_csv` apply to missing ids (``create_missing``).
        """
        if source not in edges.columns or target not in edges.columns:
            raise ValueError(f"edges needs the columns {source!r} and {target!r}; it has {list(edges.columns)}")
        for name, used in (("source", source), ("target", target)):
            if used != name and name in edges.columns:
                raise ValueError(f"edges has a column {name!r} besides the {name} column {used!r}: "
                                 "rename it, it would be lost")
        m = len(edges)
        src = edges[source].to_numpy(dtype=object)
        dst = edges[target].to_numpy(dtype=object)
        for arr, name in ((src, source), (dst, target)):
            bad = pd.isna(pd.Series(arr, dtype=object)).to_numpy()
            if bad.any():
                raise ValueError(f"edges: column {name!r} is missing at row {int(np.argmax(bad))}")
        node_objs: list = []
        node_type_vals = None
        labels = None
        node_attrs = []
        if nodes is not None:
            nd = nodes
            ids = nd["id"].to_numpy(dtype=object) if "id" in nd.columns else nd.index.to_numpy(dtype=object)
            dup = _object_index(ids).duplicated()
            if dup.any():
                i = int(np.argmax(dup))
                raise ValueError(f"nodes: node id {ids[i]!r} appears twice (row {i}): each node must be listed once")
            node_objs = list(ids)
            node_type_vals = list(nd["type"]) if "type" in nd.columns else None
            if "label" in nd.columns:
                labels = ["" if _missing(v) else str(v) for v in nd["label"]]
            for c in nd.columns:
                if c not in _NODE_RESERVED:
                    node_attrs.append(_column(str(c), nd[c].reset_index(drop=True)))
            index = _object_index(node_objs)
            s_codes = index.get_indexer(src) if m else np.empty(0, dtype=np.int64)
            t_codes = index.get_indexer(dst) if m else np.empty(0, dtype=np.int64)
            missing = (s_codes < 0) | (t_codes < 0)
            if missing.any():
                if not create_missing:
                    i = int(np.argmax(missing))
                    bad = src[i] if s_codes[i] < 0 else dst[i]
                    raise ValueError(f"edges: row {i} names node id {bad!r}, which is not in nodes "
                                     "(add it there, or pass create_missing=True)")
                inter = np.empty(2 * m, dtype=object)
                inter[0::2] = src
                inter[1::2] = dst
                extra = pd.unique(pd.Series(inter[(np.repeat(missing, 2)) & (index.get_indexer(inter) < 0)],
                                            dtype=object))
                node_objs += list(extra)
                index = _object_index(node_objs)
                s_codes, t_codes = index.get_indexer(src), index.get_indexer(dst)
        else:
            inter = np.empty(2 * m, dtype=object)
            inter[0::2] = src
            inter[1::2] = dst
            codes, uniques = pd.factorize(pd.Series(inter, dtype=object), sort=False)
            node_objs = list(uniques)
            s_codes, t_codes = codes[0::2], codes[1::2]
        n = len(node_objs)
        _core.check_counts(n, m, "edges")
        _core.reserve_check(48 * n + 34 * m, "the network tables")
        str_ids = [o if isinstance(o, str) else str(o) for o in node_objs]
        if any(s == "" for s in str_ids):
            raise ValueError("empty node id: every node needs a non-empty id")
        _check_space_twins(str_ids)
        objects = None
        if any(not isinstance(o, str) for o in node_objs):
            if len(set(str_ids)) != n:
                raise ValueError("node ids are not unique as strings (e.g. 1 and '1'): make them unique")
            objects = node_objs
        if node_type_vals is not None:
            node_type_vals = node_type_vals + [node_type] * (n - len(node_type_vals))
            nt_codes, nt_names = _factorize_types(node_type_vals, node_type)
        else:
            nt_codes, nt_names = np.zeros(n, dtype=np.uint16), [node_type]
        if labels is not None:
            labels = labels + [""] * (n - len(labels))
        node_attrs = [_pad(c, n) for c in node_attrs]
        et = edges["type"] if "type" in edges.columns else None
        et_codes, et_names = _factorize_types(et, edge_type)
        if et_codes is None:
            et_codes = np.zeros(m, dtype=np.uint16)
        if "weight" in edges.columns:
            raw = edges["weight"].reset_index(drop=True)
            absent = raw.isna().to_numpy()
            w = np.array(pd.to_numeric(raw, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan))
            w[absent] = 1.0  # a missing weight is 1, as an empty CSV field
            bad = ~np.isfinite(w)
            if bad.any():
                i = int(np.argmax(bad))
                raise ValueError(f"edges: weight at row {i} is {raw.iloc[i]!r}: "
                                 "weights must be finite numbers")
        else:
            w = np.ones(m)
        ts = _times_to_ns(edges["timestamp"].reset_index(drop=True), "timestamp") \
            if "timestamp" in edges.columns else None
        amount = None
        if "amount" in edges.columns:
            amount = pd.to_numeric(edges["amount"], errors="raise").to_numpy(dtype=np.float64, na_value=np.nan)
            if np.isinf(amount).any():
                raise ValueError("edges: amounts must be finite (or missing)")
        edge_attrs = [_column(str(c), edges[c].reset_index(drop=True)) for c in edges.columns
                      if c not in (source, target) and c not in _EDGE_RESERVED]
        core = _core.from_arrays(bool(directed), str_ids, nt_codes, nt_names, labels, node_attrs,
                                 np.asarray(s_codes, dtype=np.uint32), np.asarray(t_codes, dtype=np.uint32),
                                 et_codes, et_names, w, ts, amount, edge_attrs)
        return cls._wrap(core, objects)

    # ---- networkx ----------------------------------------------------------
    def to_networkx(self, multigraph: Optional[bool] = None):
        """A networkx graph with node attributes ``type``, ``label`` and the
        attribute columns, and edge attributes ``type``, ``weight``,
        ``timestamp`` (pandas Timestamp), ``amount`` and the attribute columns
        (missing values are left out).  ``multigraph=None`` returns a
        MultiGraph/MultiDiGraph when there are parallel edges, else Graph/DiGraph.
        """
        import networkx as nx

        nodes, edges = self.nodes, self.edges
        if multigraph is None:
            u, v = edges["source"].map(str), edges["target"].map(str)
            if not self.directed:
                u, v = np.minimum(u, v), np.maximum(u, v)
            multigraph = bool(pd.DataFrame({"u": u, "v": v}).duplicated().any())
        cls = {(False, False): nx.Graph, (True, False): nx.DiGraph,
               (False, True): nx.MultiGraph, (True, True): nx.MultiDiGraph}[(self.directed, multigraph)]
        G = cls()
        G.add_nodes_from((node, {k: v for k, v in row.items() if not _missing(v)})
                         for node, row in zip(nodes.index, nodes.to_dict("records")))

        def edge_rows():
            for row in edges.to_dict("records"):
                s, t = row.pop("source"), row.pop("target")
                data = {k: v for k, v in row.items() if not _missing(v)}
                yield (s, t, None, data) if multigraph else (s, t, data)
        G.add_edges_from(edge_rows())
        return G


def _pad(col, n):
    name, kind, values = col
    extra = n - len(values)
    if extra <= 0:
        return col
    if kind == "number":
        return (name, kind, np.concatenate([values, np.full(extra, np.nan)]))
    if kind == "time":
        return (name, kind, np.concatenate([values, np.full(extra, _NAT, dtype=np.int64)]))
    return (name, kind, list(values) + [""] * extra)


def from_networkx(G, node_type: str = "unknown", edge_type: str = "edge") -> Network:
    """Convert a networkx graph (any of the four classes).

    Node attributes ``type`` and ``label`` and edge attributes ``type``,
    ``weight``, ``timestamp`` and ``amount`` map onto the model; other
    attributes become columns.  Node objects that are not strings are kept as
    the original objects (their ``str()`` must be unique).

    >>> import networkx as nx, ringleader as rl
    >>> net = rl.from_networkx(nx.karate_club_graph())
    >>> net.number_of_nodes(), net.number_of_edges()
    (34, 78)
    """
    node_rows = [dict(data) for _, data in G.nodes(data=True)]
    nodes = pd.DataFrame(node_rows, index=_object_index(G.nodes()))
    if "id" in nodes.columns:
        warnings.warn("node attribute 'id' renamed to 'id_' (the node id is the networkx node)", stacklevel=2)
        nodes = nodes.rename(columns={"id": "id_"})
    edge_rows = []
    renamed = set()
    for u, v, data in G.edges(data=True):
        row = {}
        for k, val in data.items():
            if k in ("source", "target"):
                renamed.add(k)
                k = k + "_"
            row[k] = val
        row["source"], row["target"] = u, v
        edge_rows.append(row)
    for k in sorted(renamed):
        warnings.warn(f"edge attribute {k!r} renamed to {k + '_'!r} (it names the edge's endpoint)",
                      stacklevel=2)
    edges = pd.DataFrame(edge_rows, columns=None if edge_rows else ["source", "target"])
    if len(edges.columns) and not edge_rows:
        edges = pd.DataFrame({"source": pd.Series([], dtype=object), "target": pd.Series([], dtype=object)})
    return Network.from_pandas(edges, nodes, directed=G.is_directed(), node_type=node_type,
                               edge_type=edge_type)


Network.from_networkx = staticmethod(from_networkx)
