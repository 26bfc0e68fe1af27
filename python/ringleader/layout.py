"""Layouts for pictures: a position (x, y) for every node.

Every function returns a DataFrame indexed by node id with float64 columns
``x`` and ``y``; ``.attrs`` hold ``method`` and, for randomised layouts, the
``seed`` used (pass it back as ``seed=`` to reproduce a layout drawn with
``seed=None``).  Draw them with :func:`ringleader.plot.network`.

Layouts read the network as undirected and simple: parallel edges of any type
and the two directions of a reciprocated pair are merged (with ``weight``,
their weights summed; weights are attraction strengths, finite and >= 0);
self-loops are ignored (the C++ rule, ``include/ringleader/layout/edges.hpp``).
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from . import _core
from ._kernel import check_threads, column, run, seed_of
from .network import cached, core_of

__all__ = ["force_atlas2", "by_community", "circular"]

_GOLDEN_ANGLE = np.pi * (3 - np.sqrt(5))


def edge_arrays(net, weight: Optional[str]):
    """The undirected simple edge list (src, dst, weight) of ``net`` the
    layouts read (C++ ``layout::layout_edges``), cached."""
    key = ("layout edges", weight)
    return cached(net, key, lambda: _core.layout_edges(core_of(net), column(weight)))


def node_degrees(net, weight=None) -> np.ndarray:
    src, dst, _ = edge_arrays(net, weight)
    n = net.number_of_nodes()
    return np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)


def aligned_positions(net, pos, name: str = "pos"):
    """x, y arrays in node order from a layout DataFrame (``x``, ``y``) or a
    dict node -> (x, y); NaN for nodes it does not place."""
    if isinstance(pos, dict):
        pos = pd.DataFrame.from_dict({k: tuple(v) for k, v in pos.items()}, orient="index", columns=["x", "y"])
    if not isinstance(pos, pd.DataFrame) or not {"x", "y"} <= set(pos.columns):
        raise ValueError(f"{name} must be a layout DataFrame with columns x, y (e.g. rl.layout.force_atlas2(net)) "
                         "or a dict node -> (x, y)")
    xy = pos[["x", "y"]].reindex(net.node_index)
    return xy["x"].to_numpy(dtype=np.float64, na_value=np.nan), xy["y"].to_numpy(dtype=np.float64, na_value=np.nan)


def _frame(net, x, y, **attrs) -> pd.DataFrame:
    df = pd.DataFrame({"x": np.asarray(x, dtype=np.float64), "y": np.asarray(y, dtype=np.float64)},
                      index=net.node_index)
    df.attrs.update(attrs)
    return df


def check_count(value, name: str, minimum: int = 0, maximum: int = 2**31 - 1) -> int:
    """``value`` as an int in ``[minimum, maximum]`` (the C++ options are 32-bit ints), else a
    ValueError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be an int >= {minimum}, not {value!r}")
    if value > maximum:
        raise ValueError(f"{name}={value} is more than {maximum:,}, the largest it can be (a 32-bit int; for "
                         "iterations, a few hundred are usual)")
    return int(value)


def _fa2(n, src, dst, w, progress=False, **options):
    """ForceAtlas2 positions (x, y arrays); ``options`` are fields of the C++
    ForceAtlas2Options (the others keep its defaults)."""
    return run("force atlas 2", progress, _core.force_atlas2, n, src, dst, w, options)


def force_atlas2(net, iterations: int = 100, seed: Optional[int] = None, weight: Optional[str] = None,
                 scaling: float = 2.0, gravity: float = 1.0, strong_gravity: bool = False, linlog: bool = False,
                 dissuade_hubs: bool = False, prevent_overlap: bool = False, node_size=None,
                 jitter_tolerance: float = 1.0, theta: float = 1.2, barnes_hut_above: int = 1000, pos=None,
                 threads: int = 0, progress: bool = False) -> pd.DataFrame:
    """ForceAtlas2 layout (Jacomy et al. 2014, Gephi's default), a DataFrame
    ``x``, ``y`` indexed by node id.

    Defaults: ``iterations=100``, ``seed=None``, ``weight=None``,
    ``scaling=2.0``, ``gravity=1.0``, ``strong_gravity=False``,
    ``linlog=False``, ``dissuade_hubs=False``, ``prevent_overlap=False``,
    ``node_size=None``, ``jitter_tolerance=1.0``, ``theta=1.2``,
    ``barnes_hut_above=1000``, ``pos=None``, ``threads=0``, ``progress=False``.

    Nodes of mass ``degree + 1`` repel each other with force
    ``scaling * m(u) m(v) / d``; linked nodes attract with ``w d`` (``linlog``:
    ``w log(1 + d)``, tighter clusters), w = 1 or the ``weight`` column (a
    strength); ``gravity`` pulls every node to the origin with ``gravity *
    m`` (``strong_gravity``: ``gravity * m * d``), which keeps disconnected
    parts together.  ``dissuade_hubs`` divides attraction by the node's mass
    (hubs central, their leaves outside).  ``prevent_overlap`` treats nodes as
    discs of radius ``node_size`` (dict or Series node -> radius, default 1)
    that push apart when they touch.  Speed adapts per node and globally as
    in Gephi (``jitter_tolerance``: more is faster, less precise).

    Starts from ``pos`` (a previous layout: DataFrame ``x``, ``y`` or dict
    node -> (x, y); nodes it lacks start at random) or from random positions
    drawn from ``seed`` (``seed=None`` draws one, stored in
    ``.attrs["seed"]``).  The same seed gives the same layout for any number
    of ``threads``.  The default 100 iterations are usually enough (more
    change little on 10,000 to 100,000-node networks); continue a layout with
    ``pos=previous``.

    Complexity: repulsion is exact, O(n^2) per iteration, up to
    ``barnes_hut_above`` nodes, then Barnes-Hut (quadtree, accuracy
    ``theta``; 1.2 is Gephi's), O(n log n + m) per iteration; parallel, GIL
    released, Ctrl-C stops it.  Unlike networkx's ``forceatlas2_layout``
    (exact, O(n^2) memory) it runs on millions of nodes; the positions are
    not networkx's for the same seed.

    Reference: Jacomy, M., Venturini, T., Heymann, S. & Bastian, M. (2014).
    ForceAtlas2, a continuous graph layout algorithm for handy network
    visualization designed for the Gephi software. PLoS ONE 9(6):e98679.

    >>> pos = rl.layout.force_atlas2(net, seed=1)          # doctest: +SKIP
    >>> ax = rl.plot.network(net, pos=pos)                  # doctest: +SKIP
    """
    n = net.number_of_nodes()
    src, dst, w = edge_arrays(net, weight)
    sizes = ()
    if node_size is not None:
        if not hasattr(node_size, "keys"):
            raise ValueError("node_size must be a dict or Series node -> radius")
        sizes = pd.Series(node_size, dtype=np.float64).reindex(net.node_index).fillna(1.0).to_numpy()
    start = aligned_positions(net, pos) if pos is not None else ((), ())
    s = seed_of(seed)
    x, y = _fa2(n, src, dst, w, progress, weighted=weight is not None, seed=s,
                iterations=check_count(iterations, "iterations"), scaling=float(scaling), gravity=float(gravity),
                strong_gravity=bool(strong_gravity), linlog=bool(linlog), dissuade_hubs=bool(dissuade_hubs),
                prevent_overlap=bool(prevent_overlap), sizes=list(sizes), jitter_tolerance=float(jitter_tolerance),
                theta=float(theta), barnes_hut_above=check_count(barnes_hut_above, "barnes_hut_above"),
                start_x=list(start[0]), start_y=list(start[1]), threads=check_threads(threads))
    return _frame(net, x, y, method="force_atlas2", seed=s)


def circular(net, partition=None) -> pd.DataFrame:
    """Nodes evenly spaced on the unit circle, in node order, or grouped by
    community when ``partition`` (a Series node -> community, dict or list
    of node sets) is given (communities in order of their labels).

    Default: ``partition=None``.  Complexity O(n log n).

    >>> rl.layout.circular(net, rl.community.leiden(net, seed=1))   # doctest: +SKIP
    """
    n = net.number_of_nodes()
    order = np.arange(n)
    if partition is not None:
        order = np.argsort(partition_codes(net, partition), kind="stable")
    angle = np.empty(n)
    angle[order] = 2 * np.pi * np.arange(n) / max(n, 1)
    return _frame(net, np.cos(angle), np.sin(angle), method="circular")


def partition_codes(net, partition) -> np.ndarray:
    """Community codes 0..k-1 of a partition, numbered by decreasing size."""
    from .community import membership_codes
    codes = membership_codes(net, partition).astype(np.int64)
    counts = np.bincount(codes)
    rank = np.empty(len(counts), dtype=np.int64)
    rank[np.argsort(-counts, kind="stable")] = np.arange(len(counts))
    return rank[codes]


def community_graph(net, codes: np.ndarray, weight=None):
    """Sizes and the weighted inter-community edges (src, dst, total weight)."""
    src, dst, w = edge_arrays(net, weight)
    k = int(codes.max()) + 1 if len(codes) else 0
    a, b, cw = _core.merge_undirected(k, codes[src].astype(np.uint32), codes[dst].astype(np.uint32), w)
    return np.bincount(codes, minlength=k), a, b, cw


def isolated_groups(sizes, src, dst) -> np.ndarray:
    """Communities that are one node without edges (isolated nodes)."""
    k = len(sizes)
    return (sizes == 1) & (np.bincount(src, minlength=k) + np.bincount(dst, minlength=k) == 0)


def _sunflower(rank, r0: float = 0.0):
    """Points 0, 1, ... on a sunflower spiral from radius r0, one per area pi."""
    r = np.sqrt(r0 * r0 + rank + 0.5)
    return r * np.cos(rank * _GOLDEN_ANGLE), r * np.sin(rank * _GOLDEN_ANGLE)


def community_centres(sizes, src, dst, w, seed, iterations, threads=0, progress=False):
    """Centres and radii (sqrt(size)) of community discs: ForceAtlas2 on the
    community graph (weights normalised to mean 1), discs kept from
    overlapping; isolated nodes on a sunflower ring around them."""
    radius = np.sqrt(sizes.astype(np.float64))
    lone = isolated_groups(sizes, src, dst)
    keep = np.flatnonzero(~lone)
    at = np.cumsum(~lone) - 1  # index among the kept communities
    x, y = np.zeros(len(sizes)), np.zeros(len(sizes))
    x[keep], y[keep] = _fa2(len(keep), at[src].astype(np.uint32), at[dst].astype(np.uint32),
                            w / w.mean() if len(w) else w, progress, weighted=True, seed=seed,
                            iterations=check_count(iterations, "iterations"), prevent_overlap=True,
                            sizes=radius[keep].tolist(), threads=check_threads(threads))
    r0 = (np.hypot(x[keep], y[keep]) + radius[keep]).max() + 2 if len(keep) else 0.0
    x[lone], y[lone] = _sunflower(np.arange(lone.sum()), r0)
    return x, y, radius


def by_community(net, partition, weight: Optional[str] = None, seed: Optional[int] = None, iterations: int = 200,
                 threads: int = 0, progress: bool = False) -> pd.DataFrame:
    """A community-level layout for large networks.

    Defaults: ``weight=None``, ``seed=None``, ``iterations=200``,
    ``threads=0``, ``progress=False``.

    Each community of ``partition`` (a Series node -> community such as
    :func:`ringleader.community.leiden`'s, a dict or a list of node sets) is
    a disc of radius sqrt(members); the discs are placed by ForceAtlas2 on
    the community graph (one node per community, edges weighted by the
    number, or with ``weight`` the total weight, of edges between them),
    without overlapping, so communities that talk to each other sit
    together; isolated nodes ring them.  Members fill their disc on a
    sunflower spiral, highest degree in the centre.  Much faster than
    :func:`force_atlas2` on millions of nodes (the force layout runs on the
    communities only; the rest is O(n log n)) and shows the structure a
    hairball hides.  ``seed`` as in
    :func:`force_atlas2` (stored in ``.attrs["seed"]``).

    >>> part = rl.community.leiden(net, seed=1)                       # doctest: +SKIP
    >>> rl.plot.network(net, pos=rl.layout.by_community(net, part), partition=part)   # doctest: +SKIP
    """
    codes = partition_codes(net, partition)
    sizes, a, b, w = community_graph(net, codes, weight)
    s = seed_of(seed)
    cx, cy, _ = community_centres(sizes, a, b, w, s, iterations, threads, progress)
    order = np.lexsort((-node_degrees(net, weight), codes))
    first = np.concatenate(([0], np.cumsum(sizes)[:-1])) if len(sizes) else sizes
    rank = np.empty(len(codes), dtype=np.int64)
    rank[order] = np.arange(len(codes)) - first[codes[order]]
    dx, dy = _sunflower(rank)
    return _frame(net, cx[codes] + dx, cy[codes] + dy, method="by_community", seed=s)
