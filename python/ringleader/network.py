"""The typed, multi-mode :class:`Network` and its pandas / networkx conversions."""
from __future__ import annotations

import os
from typing import Iterable, NamedTuple, Optional

import numpy as np
import pandas as pd

from . import _core
from ._columns import Reading
from ._pandas_io import from_pandas_frames, object_index, tables_of
from ._networkx_io import from_networkx, to_networkx
from ._times import NAT, to_ns


class NetworkTables(NamedTuple):
    """The two tables of a network (:meth:`Network.to_pandas`): ``nodes``
    indexed by node id and ``edges``; unpacks as ``nodes, edges``."""
    nodes: pd.DataFrame
    edges: pd.DataFrame


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
            index = object_index(ids)
            index.name = "id"
            self._cache["index"] = index
        return self._cache["index"]

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
            cols["timestamp"] = self._values("time", ts if ts is not None else np.full(m, NAT, dtype=np.int64))
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

    def to_pandas(self) -> NetworkTables:
        """The named tuple ``(nodes, edges)`` of DataFrames, as :attr:`nodes`
        and :attr:`edges`: ``tables.nodes``, ``tables.edges``, or unpacked as
        ``nodes, edges = net.to_pandas()``.  :meth:`from_pandas` takes it back
        whole: ``Network.from_pandas(net.to_pandas(), directed=net.directed)``.
        """
        return NetworkTables(self.nodes, self.edges)

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
            node_ids = [id_str(self, v) for v in ([nodes] if isinstance(nodes, str) else nodes)]
        t0, t1 = to_ns(start, "start"), to_ns(end, "end")
        if t0 is not None and t1 is not None and t0 > t1:
            raise ValueError(f"start={start!r} is after end={end!r}: the window [start, end) would be empty; "
                             "swap them")
        core = self._net.subgraph(strs(node_types), strs(edge_types), t0, t1, node_ids)
        return derive(self, core)

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
        return derive(self, self._net.collapse(weight, bool(by_type), column))

    def project(self, person_type: str = "person", via=("phone", "account", "venue"), weight: str = "count",
                max_hub: Optional[int] = 50) -> "Network":
        """The person-person network: persons linked by shared phones,
        accounts and venues, by calls and transfers between their phones and
        accounts, and by direct edges (meets).  See
        :func:`ringleader.criminal._project.project` for the rules, weights (count,
        weight, amount, newman) and hub handling."""
        from .criminal._project import project
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
        return derive(self, self._net.largest_component())

    # ---- writing -----------------------------------------------------------
    def write_csv(self, edges, nodes=None, formula_safe: bool = False) -> None:
        """Write the CSV pair (``nodes`` optional).  Lossless with :func:`read_csv`:
        every node, edge, type, weight, timestamp (ISO 8601 UTC), amount and
        attribute comes back, with three limits of the CSV format (GraphML has
        none): a string attribute whose every value looks like a number (or an
        ISO 8601 date) reads back as a number (or time) column; a column with
        no value at all reads back as a string column; attribute names are
        read with surrounding spaces trimmed.  Values holding a NUL character
        cannot be written to CSV (an error says so).  Every writer renames a
        new, exclusively created file over the target (a link there is
        replaced, never followed).  ``formula_safe=True`` (for spreadsheets;
        the default False keeps the round trip exact): text cells starting
        with = + - @, tab or CR that are not plain numbers get a leading ``'``.

        >>> net.write_csv("for-excel.csv", formula_safe=True)                 # doctest: +SKIP
        """
        _core.write_csv(self._net, os.fspath(edges), "" if nodes is None else os.fspath(nodes), bool(formula_safe))

    def save(self, path) -> None:
        """Writes the network to ``path`` in ringleader's compact binary format:
        versioned, checksummed (CRC-32), every table exactly as held (ids,
        types, labels, weights, timestamps, amounts, attribute columns), 18
        bytes per edge plus the ids; open it with :func:`ringleader.load`
        (memory-mapped).  The layout is documented in ``ringleader.io._binary``.
        Networks whose node ids are not strings (from networkx) are refused.

        >>> net.save("case.rlnet"); rl.load("case.rlnet")     # doctest: +SKIP
        """
        from .io import _binary

        _binary.save(self, path)

    def write_graphml(self, path, ranking=None, partition=None, pos=None, seed: int = 0) -> None:
        """Write GraphML, lossless with :func:`read_graphml` (typed keys).

        Whole-number columns are ``long``; ``ranking``, ``partition``,
        ``pos``, ``seed`` as in :meth:`write_gexf`, written as the node
        attributes Gephi's GraphML import reads (``size``, ``r``, ``g``,
        ``b``, ``x``, ``y``).  Control characters other than tab, LF and CR
        raise ValueError (XML 1.0 cannot hold them; :meth:`save` can)."""
        from .io._gephi import write_graphml

        write_graphml(self, path, ranking=ranking, partition=partition, pos=pos, seed=seed)

    def write_gexf(self, path, ranking=None, partition=None, pos=None, seed: int = 0) -> None:
        """Write GEXF 1.3 for Gephi, optionally with the analysis on it.

        Defaults: ``ranking=None``, ``partition=None``, ``pos=None``,
        ``seed=0``.  Node attributes are ``type`` and the attribute columns;
        number columns holding only whole numbers are written as integers
        (``long``), so Gephi can partition by them.

        ``ranking``: the :func:`ringleader.leaders` DataFrame; its ``rank``,
        ``score``, ``role`` and ``community`` become node attributes (missing
        for nodes it does not rank) and node sizes grow with the score.
        ``partition``: a Series node -> community (e.g.
        :func:`ringleader.community.leiden`) written as ``community`` (it
        replaces the ranking's); with either, each community gets the colour
        :func:`ringleader.plot.network` gives it, other nodes grey.  ``pos``:
        a layout (DataFrame ``x``, ``y``, e.g.
        :func:`ringleader.layout.force_atlas2`), or True to compute
        ForceAtlas2 from ``seed``.  A column name the network already has
        raises ValueError.

        >>> ranking = rl.leaders(net, seed=1)                                 # doctest: +SKIP
        >>> net.write_gexf("case.gexf", ranking=ranking, pos=True)            # doctest: +SKIP
        """
        from .io._gephi import write_gexf

        write_gexf(self, path, ranking=ranking, partition=partition, pos=pos, seed=seed)

    def write_i2(self, folder, **options) -> dict:
        """:func:`ringleader.io.write_i2`: CSVs for i2 Analyst's Notebook."""
        from .io._i2 import write_i2

        return write_i2(self, folder, **options)

    # ---- summaries ---------------------------------------------------------
    def summary(self) -> str:
        """Counts of nodes and edges by type, as text."""
        return self._net.summary()

    def __repr__(self) -> str:
        kind = "directed" if self.directed else "undirected"
        return f"<ringleader.Network {kind}: {self.number_of_nodes()} nodes, {self.number_of_edges()} edges>"

    def _repr_html_(self) -> str:
        """Jupyter's rich display: sizes, types, time span and columns (escaped)."""
        from ._display import network_html

        return network_html(self)

    def memory_usage(self) -> dict:
        """Bytes held by the tables and by the compute view (built if needed)."""
        csr = self._net.build_csr()
        return {"tables": self._net.table_bytes(), "compute_view": csr,
                "bytes_per_arc": csr / max(1, (self.number_of_edges() * 2))}

    # ---- pandas ------------------------------------------------------------
    @classmethod
    def from_pandas(cls, edges: pd.DataFrame, nodes: Optional[pd.DataFrame] = None, directed: bool = False,
                    source="source", target="target", node_type: str = "unknown", edge_type: str = "edge",
                    create_missing: bool = False, type=None, weight=None, timestamp=None, amount=None,
                    edge_attr=None, id_column=None, node_type_column=None, label_column=None,
                    dayfirst: bool = False, time_format: Optional[str] = None, tz: Optional[str] = None,
                    decimal: str = ".") -> "Network":
        """Build a network from an edge DataFrame and an optional node DataFrame.

        Parameters
        ----------
        edges : DataFrame
            One row per edge.  Its columns are named by the arguments below;
            the other columns become edge attributes (see ``edge_attr``).
        nodes : DataFrame or None, default None
            One row per node: the id (``id_column``, else an ``id`` column,
            else the index), optional type, label and attribute columns.
        directed : bool, default False
        source, target : column names, default "source" and "target"
            The columns holding the ids of the edge's ends.
        node_type : str, default "unknown"
            Type of nodes without one (all nodes when ``nodes`` is None).
        edge_type : str, default "edge"
            Type of edges when there is no type column or the value is empty.
        create_missing : bool, default False
            With ``nodes``, an edge naming an id missing from it is an error
            unless this is True; such nodes then get ``node_type``.
        type, weight, timestamp, amount : column names or None, default None
            The columns holding the edge type, weight (default 1.0, must be
            finite), time and amount; None = the column of that name, if any.
        edge_attr : None, bool, str or list, default None
            Edge attribute columns, as networkx's ``from_pandas_edgelist``:
            None or True = every other column, False = none, a name or a
            list of names = those columns.
        id_column, node_type_column, label_column : column names or None, default None
            The node table's id, type and label columns; None = ``id``,
            ``type`` and ``label`` (the index when there is no ``id`` column).
        dayfirst : bool, default False
            Text times may be day-first dates (``09.03.2024 14:05``).
        time_format : str or None, default None
            strftime format of the text times (``"%d.%m.%Y %H:%M"``).
        tz : str or None, default None
            IANA zone of naive times (text or datetime64), e.g.
            ``"Europe/Berlin"``: converted to UTC; None = naive times are UTC.
            A local time skipped or repeated by a daylight-saving change is an
            error naming the row.
        decimal : str, default "."
            Decimal mark of weights and amounts given as text: ``","`` reads
            ``1.234,56`` as 1234.56 ('.' then separates thousands).

        Notes
        -----
        Values: times may be datetime64, Timestamps, Unix seconds or text
        (ISO 8601 or Unix seconds; day-first or ``time_format`` as above);
        weights and amounts numbers or text.  Attribute columns keep their
        dtype: numbers, datetimes (naive = UTC) or strings.  Ids that are not
        strings are kept as the original objects in :attr:`node_index`; their
        ``str()`` must be unique.  The rules are the same as
        :func:`read_csv`'s, which gives the same network for the same data.
        A bad value raises ``ValueError`` naming the row and column.

        ``edges`` may also be the :class:`NetworkTables` of :meth:`to_pandas`
        (then ``nodes`` must be None): ``from_pandas(net.to_pandas(),
        directed=net.directed)`` rebuilds the network.

        Examples
        --------
        >>> import pandas as pd, ringleader as rl
        >>> calls = pd.DataFrame({"caller_msisdn": ["+4915112345678", "01511234567"],
        ...                       "callee_msisdn": ["01511234567", "004915112345678"],
        ...                       "start_time": ["09.03.2024 14:05", "31.03.2024 03:10"]})
        >>> net = rl.Network.from_pandas(calls, source="caller_msisdn", target="callee_msisdn",
        ...                              timestamp="start_time", dayfirst=True, tz="Europe/Berlin",
        ...                              edge_type="call", directed=True)
        >>> net.edges["timestamp"].dt.strftime("%H:%M").tolist()
        ['13:05', '01:10']
        """
        edges, nodes = tables_of(edges, nodes)
        reading = Reading(source=source, target=target, type=type, weight=weight, timestamp=timestamp,
                          amount=amount, id_column=id_column, node_type_column=node_type_column,
                          label_column=label_column, edge_attr=edge_attr, dayfirst=dayfirst,
                          time_format=time_format, tz=tz, decimal=decimal)
        core, objects = from_pandas_frames(edges, nodes, directed, node_type, edge_type, create_missing, reading)
        return cls._wrap(core, objects)

    # ---- networkx ----------------------------------------------------------
    def to_networkx(self, multigraph: Optional[bool] = None):
        """A networkx graph with node attributes ``type``, ``label`` and the
        attribute columns, and edge attributes ``type``, ``weight``,
        ``timestamp`` (pandas Timestamp), ``amount`` and the attribute columns
        (missing values are left out).  ``multigraph=None`` returns a
        MultiGraph/MultiDiGraph when there are parallel edges, else Graph/DiGraph.
        """
        return to_networkx(self, multigraph)

Network.from_networkx = staticmethod(from_networkx)


# ---- for the package's other modules -------------------------------------------
# Only this module touches a Network's storage (``_net``, ``_objects``,
# ``_cache``); the package's other modules go through these functions.  They
# are internal to the package: not in ``ringleader``'s namespace or __all__.

def core_of(net: Network, what: str = "net"):
    """Internal to the package: the compiled ``_core.Network`` of ``net``;
    ``TypeError`` naming the argument ``what`` when ``net`` is not a Network."""
    if not isinstance(net, Network):
        raise TypeError(f"{what} must be a ringleader Network, not {type(net).__name__}: read one (rl.read_csv, "
                        "rl.load) or convert one (rl.from_networkx, rl.Network.from_pandas)")
    return net._net


def wrap(core, objects=None) -> Network:
    """Internal to the package: a Network over the ``_core.Network`` ``core`` (``objects``: original node ids)."""
    return Network._wrap(core, objects)


def deriver(net: Network):
    """Internal to the package: ``core -> Network`` for views of ``net``, keeping its original id objects (nodes
    ``net`` lacks, e.g. appended by ringleader::edited, keep their string ids)."""
    if net._objects is None:
        return lambda core: Network._wrap(core, None)
    by_id = dict(zip(net._net.node_ids(), net._objects))
    return lambda core: Network._wrap(core, [by_id.get(i, i) for i in core.node_ids()])


def derive(net: Network, core) -> Network:
    """Internal to the package: the Network of ``core``, a view of ``net``, keeping its original id objects."""
    return deriver(net)(core)


def has_id_objects(net: Network) -> bool:
    """Internal to the package: True when ``net`` keeps node ids that are not strings (from networkx)."""
    return net._objects is not None


def id_str(net: Network, node) -> str:
    """Internal to the package: the string id in ``net`` of ``node``, given as its id or original object."""
    if net._objects is not None:
        found = cached(net, "objmap", lambda: dict(zip(net._objects, net._net.node_ids()))).get(node)
        if found is not None:
            return found
    return str(node)


def node_series(net: Network, values, name: str) -> pd.Series:
    """Internal to the package: per-node ``values`` as a float64 Series indexed by node id, named ``name`` (no copy)."""
    return pd.Series(np.asarray(values, dtype=np.float64), index=net.node_index, name=name, copy=False)


def cached(net: Network, key: str, make):
    """Internal to the package: ``net``'s cached value under ``key``, computed by ``make()`` on first use."""
    if key not in net._cache:
        net._cache[key] = make()
    return net._cache[key]
