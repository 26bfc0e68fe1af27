"""How two nodes are connected: shortest paths, every shortest path, the k
shortest paths, and time-respecting paths (call chains, money chains).

Conventions (as networkx's ``shortest_path``, ``all_shortest_paths`` and
``shortest_simple_paths``): a path is a list of distinct node ids; its length
is the number of edges, or with ``weight`` the sum of that edge column read
as a *distance* (finite, >= 0; convert strengths such as call counts with
:func:`rl.distance_from_strength`).  Directed networks are followed along the
edges unless ``ignore_direction=True``.  A hop between two nodes joined by
parallel edges uses the shortest one (the first on ties).  Every path comes
with the edges that make it (``source``, ``target``, ``type``, ``weight``,
``timestamp``, ``amount``, attributes, and ``edge``, the edge's row in
``net.edges``).

Filters: ``via_types`` (node types a path may pass *through*; the two ends
are always allowed) and ``edge_types`` (edge types it may use).  For
example ``via_types=["phone", "account"]`` asks how two persons are linked
through phones and accounts only, not through other persons.

Time-respecting paths use only edges with a timestamp, in an order where
timestamps never go backwards (strictly increasing with ``strict=True``).

>>> p = rl.paths.shortest(net, "P0001", "P0420")                       # doctest: +SKIP
>>> p.nodes, p.length                                                    # doctest: +SKIP
>>> p.edges[["source", "target", "type", "timestamp"]]                   # doctest: +SKIP
>>> rl.paths.time_respecting(net, "V0001", "P0000", edge_types=["owns", "transfer"])   # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, List, Optional

import numpy as np
import pandas as pd

from . import _core
from ._kernel import run
from ._times import NAT, time_index, to_ns
from .network import core_of, id_str

__all__ = ["Path", "shortest", "all_shortest", "k_shortest", "earliest_arrival", "latest_departure",
           "time_respecting", "ego", "ego_summary", "EgoSummary"]


@dataclass
class Path:
    """A path: ``nodes`` (ids, from source to target), ``edges`` (one row per
    hop, from ``net.edges`` plus the column ``edge``, its row number) and
    ``length`` (hops, or the sum of the weight column)."""
    nodes: list
    edges: pd.DataFrame = field(repr=False)
    length: float

    def __len__(self) -> int:
        return len(self.nodes)


def _names(x) -> List[str]:
    return [x] if isinstance(x, str) else [str(v) for v in x]


def _known(given, known: dict, what: str) -> List[str]:
    names = _names(given)
    bad = [t for t in names if t not in known]
    if bad:
        raise ValueError(f"unknown {what} types {bad}; this network has {sorted(known)}")
    return names


def _masks(net, via_types, edge_types):
    node_ok = edge_ok = None
    if via_types is not None:
        names = _known(via_types, net.node_types(), "node")
        node_ok = net.nodes["type"].isin(names).to_numpy().astype(np.uint8)
    if edge_types is not None:
        names = _known(edge_types, net.edge_types(), "edge")
        codes = core_of(net).edge_type_names()
        allowed = np.array([c in names for c in codes], dtype=np.uint8)
        edge_ok = allowed[np.asarray(core_of(net).edge_type_codes())] if net.number_of_edges() else \
            np.zeros(0, dtype=np.uint8)
    return node_ok, edge_ok


def _vertex(net, node, what: str) -> int:
    v = core_of(net).find(id_str(net, node))
    if v is None:
        raise ValueError(f"{what} {node!r} is not a node of this network")
    return int(v)


def _weights(net, weight):
    if weight is None:
        return None
    return np.asarray(core_of(net).edge_numbers(str(weight)), dtype=np.float64)


def _path(net, nodes, edges, length) -> Path:
    ids = net.node_index
    rows = net.edges.iloc[list(edges)].reset_index(names="edge") if len(edges) else \
        net.edges.iloc[:0].reset_index(names="edge")
    cols = [c for c in rows.columns if c != "edge"] + ["edge"]
    return Path(nodes=[ids[v] for v in nodes], edges=rows[cols], length=float(length))


def _args(net, source, target, weight, via_types, edge_types, ignore_direction):
    s, t = _vertex(net, source, "source"), _vertex(net, target, "target")
    node_ok, edge_ok = _masks(net, via_types, edge_types)
    return (core_of(net), s, t, _weights(net, weight), bool(ignore_direction), node_ok, edge_ok)


def shortest(net, source, target, weight: Optional[str] = None, via_types: Optional[Iterable[str]] = None,
             edge_types: Optional[Iterable[str]] = None, ignore_direction: bool = False) -> Optional[Path]:
    """A shortest path from ``source`` to ``target``, or None when there is
    none.  BFS (unweighted) or Dijkstra (``weight`` = a distance column),
    stopping at the target: O(m) or O(m log n).  Ties between equally short
    paths are broken by the search order (networkx may return another of
    them; :func:`all_shortest` lists them all).

    >>> rl.paths.shortest(net, "P0001", "P0420", via_types=["phone"])   # doctest: +SKIP
    """
    found = _core.shortest_path(*_args(net, source, target, weight, via_types, edge_types, ignore_direction))
    return None if found is None else _path(net, *found)


def all_shortest(net, source, target, weight: Optional[str] = None, via_types: Optional[Iterable[str]] = None,
                 edge_types: Optional[Iterable[str]] = None, ignore_direction: bool = False,
                 limit: Optional[int] = 10_000) -> List[Path]:
    """Every shortest path from ``source`` to ``target`` (networkx's
    ``all_shortest_paths``), sorted by their node sequences; empty when
    there is none.  There can be exponentially many: at most ``limit``
    (None = no limit) are returned.  O(m log n + output)."""
    lim = 0 if limit is None else int(limit)
    if lim < 0:
        raise ValueError(f"limit must be >= 0 or None, not {limit}")
    found = _core.all_shortest_paths(*_args(net, source, target, weight, via_types, edge_types, ignore_direction),
                                     lim)
    return [_path(net, *p) for p in found]


def k_shortest(net, source, target, k: int, weight: Optional[str] = None,
               via_types: Optional[Iterable[str]] = None, edge_types: Optional[Iterable[str]] = None,
               ignore_direction: bool = False, progress: bool = False) -> List[Path]:
    """The ``k`` shortest loopless paths from ``source`` to ``target`` in
    order of length (Yen 1971), as the first k of networkx's
    ``shortest_simple_paths``; fewer when fewer exist.  Equally long paths
    come in lexicographic order of their vertex numbers (networkx's order
    among ties may differ).  O(k L m log n) for paths of at most L nodes.

    Reference: Yen, J. Y. (1971). Finding the k shortest loopless paths in a
    network. Management Science 17(11):712-716.

    >>> for p in rl.paths.k_shortest(net, "P0001", "P0420", 5):   # doctest: +SKIP
    ...     print(p.length, p.nodes)
    """
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError(f"k must be an int >= 0, not {k!r}")
    args = _args(net, source, target, weight, via_types, edge_types, ignore_direction)
    found = run("k shortest paths", progress, _core.k_shortest_paths, *args, int(k))
    return [_path(net, *p) for p in found]


# ---- time-respecting paths ---------------------------------------------------

_NO_TIMES = "no edge has a timestamp: time-respecting paths need a timestamp column"


def _reach(net, root, forward, start, end, strict, via_types, edge_types, ignore_direction, name):
    idx = time_index(net, _NO_TIMES)
    v = _vertex(net, root, "source" if forward else "target")
    node_ok, edge_ok = _masks(net, via_types, edge_types)
    t, e, hops = _core.reach(idx, v, forward, to_ns(start, "start"), to_ns(end, "end"), bool(strict),
                             bool(ignore_direction), node_ok, edge_ok)
    reached = np.flatnonzero(hops >= 0)
    ids = net.node_index
    times = t[reached].copy()
    times[(times == np.iinfo(np.int64).max) | (times == np.iinfo(np.int64).min)] = NAT
    edge = e[reached]
    src = np.asarray(core_of(net).edge_source())
    dst = np.asarray(core_of(net).edge_target())
    has = edge >= 0
    other = np.full(len(reached), -1, dtype=np.int64)
    ee = edge[has]
    # the neighbour on the path: the edge's other end
    other[has] = np.where(src[ee] == reached[has], dst[ee], src[ee])
    out = pd.DataFrame({
        name: pd.DatetimeIndex(times.view("datetime64[ns]")).tz_localize("UTC"),
        "hops": hops[reached].astype(np.int64),
        ("previous" if forward else "next"): [ids[o] if o >= 0 else None for o in other],
        "edge": edge,
    }, index=ids[reached])
    out.index.name = "id"
    return out.sort_values([name, "hops"], ascending=[forward, True], kind="stable", na_position="first")


def earliest_arrival(net, source, start=None, end=None, strict: bool = False,
                     via_types: Optional[Iterable[str]] = None, edge_types: Optional[Iterable[str]] = None,
                     ignore_direction: bool = False) -> pd.DataFrame:
    """Who can ``source`` reach by a time-respecting path, and from when.

    A DataFrame indexed by the reached node ids (``source`` included), sorted
    by ``arrival`` (``datetime64[ns, UTC]``: the earliest time a chain of
    edges starting at ``source`` at or after ``start`` reaches the node;
    NaT for the source when ``start`` is None), with ``hops`` (edges of that
    chain), ``previous`` (the node before it on the chain) and ``edge`` (the
    last edge, a row of ``net.edges``).  The nodes reachable by time T are
    the rows with ``arrival <= T``: the reachability set over time.  Only
    edges with a timestamp in [start, end) are used; timestamps never go
    backwards along a chain (``strict``: strictly increase).  One sweep over
    the time-sorted edges, O(m) (Wu et al. 2014).

    >>> rl.paths.earliest_arrival(net, "P0001", start="2024-03-01")   # doctest: +SKIP
    """
    return _reach(net, source, True, start, end, strict, via_types, edge_types, ignore_direction, "arrival")


def latest_departure(net, target, start=None, end=None, strict: bool = False,
                     via_types: Optional[Iterable[str]] = None, edge_types: Optional[Iterable[str]] = None,
                     ignore_direction: bool = False) -> pd.DataFrame:
    """Who can reach ``target`` by a time-respecting path, and until when.

    A DataFrame indexed by the node ids that can reach ``target`` (itself
    included), sorted by ``departure`` descending: the latest time a chain
    leaving the node still reaches ``target`` before ``end`` (NaT for the
    target when ``end`` is None), with ``hops``, ``next`` (the next node on
    the chain) and ``edge`` (the first edge).  The mirror image of
    :func:`earliest_arrival`."""
    return _reach(net, target, False, start, end, strict, via_types, edge_types, ignore_direction, "departure")


def time_respecting(net, source, target, start=None, end=None, mode: str = "earliest_arrival",
                    strict: bool = False, via_types: Optional[Iterable[str]] = None,
                    edge_types: Optional[Iterable[str]] = None, ignore_direction: bool = False) -> Optional[Path]:
    """A time-respecting path from ``source`` to ``target`` (a call chain, a
    money chain), or None: with ``mode="earliest_arrival"`` the one that
    reaches ``target`` first, with ``"latest_departure"`` the one that can
    leave ``source`` last.  ``length`` is its number of edges; ``edges``
    lists them in order, with their timestamps (never decreasing).

    >>> p = rl.paths.time_respecting(net, "A0001", "A0900", edge_types="transfer")   # doctest: +SKIP
    >>> p.edges[["source", "target", "timestamp", "amount"]]                          # doctest: +SKIP
    """
    if mode not in ("earliest_arrival", "latest_departure"):
        raise ValueError(f"mode must be 'earliest_arrival' or 'latest_departure', not {mode!r}")
    idx = time_index(net, _NO_TIMES)
    s, t = _vertex(net, source, "source"), _vertex(net, target, "target")
    node_ok, edge_ok = _masks(net, via_types, edge_types)
    edges = _core.time_respecting_path(idx, s, t, mode == "earliest_arrival", to_ns(start, "start"),
                                       to_ns(end, "end"), bool(strict), bool(ignore_direction), node_ok, edge_ok)
    if edges is None:
        return None
    src = np.asarray(core_of(net).edge_source())
    dst = np.asarray(core_of(net).edge_target())
    nodes = [s]
    for e in edges:
        nodes.append(int(dst[e]) if src[e] == nodes[-1] else int(src[e]))
    return _path(net, nodes, edges, len(edges))


# ---- ego networks --------------------------------------------------------------

@dataclass
class EgoSummary:
    """``network`` (the ego network), ``members`` (every node with its
    ``type`` and ``distance`` from the centre), ``by_type`` (node counts by
    type and distance) and ``ties`` (the centre's direct ties, one row per
    neighbour, strongest first: ``type`` of the neighbour, ``edges``,
    ``edge_types``, ``weight`` and ``amount`` summed, ``first`` and ``last``
    timestamps)."""
    center: object
    network: object = field(repr=False)
    members: pd.DataFrame = field(repr=False)
    by_type: pd.DataFrame
    ties: pd.DataFrame


def _ego_members(net, node, radius, node_types, edge_types, follow_direction):
    if isinstance(radius, bool) or not isinstance(radius, (int, np.integer)) or radius < 0:
        raise ValueError(f"radius must be an int >= 0, not {radius!r}")
    base = net if edge_types is None else net.subgraph(edge_types=edge_types)
    c = _vertex(base, node, "node")
    node_ok, _ = _masks(base, node_types, None)
    verts, dist = _core.ego_vertices(core_of(base), c, int(radius), node_ok, bool(follow_direction))
    ids = base.node_index
    members = pd.DataFrame({"type": base.nodes["type"].to_numpy()[verts], "distance": dist.astype(np.int64)},
                           index=ids[verts])
    members.index.name = "id"
    return base, members


def ego(net, node, radius: int = 1, node_types: Optional[Iterable[str]] = None,
        edge_types: Optional[Iterable[str]] = None, follow_direction: bool = False):
    """The ego network of ``node``: every node within ``radius`` hops and
    every edge among them (``Network.ego``).  ``node_types``: only nodes of
    these types are included and passed through (the centre always is);
    ``edge_types``: only these edges are followed and kept.  Directed edges
    are followed both ways unless ``follow_direction``.  BFS, O(size of the
    ego network).

    >>> net.ego("P0001", radius=2, node_types=["person", "phone"])   # doctest: +SKIP
    """
    base, members = _ego_members(net, node, radius, node_types, edge_types, follow_direction)
    return base.subgraph(nodes=list(members.index))


def ego_summary(net, node, radius: int = 1, node_types: Optional[Iterable[str]] = None,
                edge_types: Optional[Iterable[str]] = None, follow_direction: bool = False) -> EgoSummary:
    """The ego network of ``node`` (see :func:`ego`) with who is in it by type
    and distance, and the centre's strongest direct ties (by number of
    edges, then summed weight)."""
    base, members = _ego_members(net, node, radius, node_types, edge_types, follow_direction)
    sub = base.subgraph(nodes=list(members.index))
    by_type = members.groupby(["type", "distance"]).size().unstack(fill_value=0)
    e = sub.edges
    centre = members.index[0]
    mine = e[(e["source"] == centre) ^ (e["target"] == centre)]
    other = np.where(mine["source"].to_numpy() == centre, mine["target"].to_numpy(), mine["source"].to_numpy())
    mine = mine.assign(neighbour=other)
    if len(mine):
        ties = mine.groupby("neighbour", sort=False).agg(
            edges=("type", "size"), edge_types=("type", lambda s: ", ".join(sorted(set(s)))),
            weight=("weight", "sum"), amount=("amount", "sum"), first=("timestamp", "min"), last=("timestamp", "max"))
        ties.insert(0, "type", members["type"].reindex(ties.index).to_numpy())
        ties = ties.sort_values(["edges", "weight"], ascending=False, kind="stable")
    else:
        ties = pd.DataFrame(columns=["type", "edges", "edge_types", "weight", "amount", "first", "last"])
    ties.index.name = "neighbour"
    return EgoSummary(center=centre, network=sub, members=members, by_type=by_type, ties=ties)
