"""Time windows: the network period by period, and who and which groups
rose, fell, appeared or vanished from one period to the next.

Conventions
-----------
- A *window* is the half-open interval ``[start, end)`` in UTC: an edge
  belongs to it when ``start <= timestamp < end``.  Edges without a
  timestamp belong to no window.
- Times (``start``, ``end``, the bounds of explicit windows) are strings
  (ISO 8601, no zone = UTC, or Unix seconds), numbers (Unix seconds),
  datetimes, numpy datetime64 or pandas Timestamps (naive = UTC), as in
  :meth:`ringleader.Network.subgraph`.  Durations (``freq``, ``step``) are
  pandas offset aliases or Timedelta strings (``"30D"``, ``"7D"``,
  ``"12h"``, ``"W-MON"``, ``"MS"``), ``pd.Timedelta``, ``datetime.timedelta``
  or pandas DateOffsets (``pd.DateOffset(months=2)``).
- Regular windows: ``freq`` is the length of every window; they start at
  ``start`` (default: the first timestamp, floored to the day) and every
  ``step`` (default ``freq``: tumbling windows; ``step < freq``: sliding,
  overlapping windows; ``step > freq``: gaps between windows) until the
  first window that reaches ``end`` (default: just past the last
  timestamp).  Every window has the full length, so the last one may reach
  past ``end``.  Or explicit ``windows=[(start, end), ...]`` (any order,
  overlaps allowed; also a pandas IntervalIndex, e.g. the index of a
  :func:`measure` result).
- ``active_only=True`` (default): a window's network holds only the nodes
  with an edge in the window (those active in the period), so a measure
  normalised by the number of nodes compares active persons only;
  ``active_only=False`` keeps every node, exactly as
  ``net.subgraph(start=..., end=...)``.  Nodes keep their order, types,
  labels and attributes; edges keep their order and every column.
- Limits: the number of regular windows is worked out from the span and
  the durations before any window is built; :func:`measure` and
  :func:`partitions` refuse more than ``max_windows`` (default 100,000;
  ``None`` = no limit) with a ``ValueError`` naming the windows, the span
  and what to do, and a result above the memory limit with
  :class:`ringleader.MemoryLimitError`; :func:`windows` builds them one at
  a time (no limit unless ``max_windows`` is given).  Fixed durations are
  added in integer nanoseconds, so windows may span the whole range of
  timestamps (1677 to 2262); a window reaching past 2262-04-11 is a
  ``ValueError``.
- One sorted index of the timestamped edges is built per call (O(m log m))
  and every window is cut out of it (O(edges in the window + nodes kept)),
  instead of scanning every edge per window.
- Results of :func:`measure` and :func:`partitions` are DataFrames with one
  row per window and one column per node of ``net`` (node order; a node
  absent from a window is NaN / NA there).  Their index is a
  ``pd.IntervalIndex`` named ``"window"``, ``closed="left"``, of UTC
  Timestamps (``df.index.left`` are the starts).

This module cuts the windows and computes the per-window results; the
window bounds are worked out in ``temporal/_windows.py`` and
:func:`changes` lives in ``temporal/_changes.py``.

Example
-------
>>> import ringleader as rl                                            # doctest: +SKIP
>>> for w in rl.temporal.windows(net, "30D"):                          # doctest: +SKIP
...     print(w.start.date(), w.network.number_of_edges())
>>> values = rl.temporal.measure(net, "30D", measure="betweenness")    # doctest: +SKIP
>>> groups = rl.temporal.partitions(net, values.index, seed=1)         # doctest: +SKIP
>>> ch = rl.temporal.changes(values, groups)                           # doctest: +SKIP
>>> ch.ranks.head(); ch.groups[ch.groups.event != "continued"]         # doctest: +SKIP
"""
from __future__ import annotations

from collections import namedtuple
from typing import Iterator, Optional

import numpy as np
import pandas as pd

from ._changes import Changes, changes
from ._windows import DURATION_TYPES, MAX_WINDOWS, interval_index, plan, utc
from .. import _core
from ..network import core_of, deriver

__all__ = ["Window", "windows", "measure", "partitions", "changes", "Changes"]

Window = namedtuple("Window", ["start", "end", "network"])
Window.__doc__ = """One time window: ``start`` and ``end`` (UTC pandas Timestamps, the
half-open interval ``[start, end)``) and ``network``, the
:class:`ringleader.Network` of the edges in it."""

_METHODS = ("leiden", "louvain", "label_propagation", "components")


# ---- cutting windows ---------------------------------------------------------
class _Cut:
    """Cuts the windows of one call out of one time index."""

    def __init__(self, net, index, active_only: bool):
        self.net, self.index, self.active_only = net, index, bool(active_only)
        self._edges = None
        self.derive = deriver(net)  # with original id objects: one id map for every window

    def window(self, s: int, e: int) -> Window:
        return Window(utc(s), utc(e), self.derive(self.index.window(s, e, self.active_only)))

    def nodes(self, s: int, e: int) -> np.ndarray:
        """Positions in ``net`` of the nodes of window [s, e), in node order
        (the endpoints of its edges, found from the index's edge order)."""
        n = self.net.number_of_nodes()
        if not self.active_only:
            return np.arange(n)
        if self._edges is None:
            core = core_of(self.net)
            self._edges = (self.index.times(), self.index.order(), np.asarray(core.edge_source()),
                           np.asarray(core.edge_target()), np.zeros(n, dtype=bool))
        times, order, src, dst, mark = self._edges
        lo, hi = np.searchsorted(times, [s, e])
        edges = order[lo:hi]
        mark[src[edges]] = True
        mark[dst[edges]] = True
        pos = np.flatnonzero(mark)
        mark[pos] = False
        return pos


def windows(net, freq=None, *, windows=None, step=None, start=None, end=None,
            active_only: bool = True, max_windows: Optional[int] = None) -> Iterator[Window]:
    """The network in each time window: tumbling, sliding or explicit windows.

    Defaults: ``freq=None``, ``windows=None`` (give one of them),
    ``step=None`` (= ``freq``: tumbling), ``start=None`` (the first
    timestamp floored to the day), ``end=None`` (just past the last
    timestamp), ``active_only=True`` (a window holds only the nodes with an
    edge in it), ``max_windows=None`` (no limit: the windows are built one
    at a time as you iterate; give a number to refuse more regular windows
    up front, as :func:`measure` does).

    Yields :class:`Window` ``(start, end, network)`` tuples in window order
    (explicit windows in the order given); see the module docstring for the
    rules.  Each window's network has the edges with ``start <= timestamp <
    end`` (edge order and columns kept) and is what ``net.subgraph(start=
    start, end=end)`` returns, restricted to the endpoints of those edges
    when ``active_only``.  A window without edges yields an empty network
    (no nodes when ``active_only``).  One sorted edge index is built per call
    and reused for every window.  Raises ``ValueError`` when ``net`` has no
    timestamped edge or an argument is invalid (checked at the call, before
    iteration).

    >>> for w in rl.temporal.windows(net, "7D", step="1D"):        # doctest: +SKIP
    ...     print(w.start, w.end, w.network.number_of_edges())
    >>> list(rl.temporal.windows(net, windows=[("2024-01-01", "2024-02-01")]))   # doctest: +SKIP
    """
    index, bounds = plan(net, freq, windows, step, start, end, max_windows, "windows")
    cut = _Cut(net, index, active_only)
    return (cut.window(s, e) for s, e in bounds)


# ---- per-window results --------------------------------------------------------
def _spec(windows):
    """``windows`` of measure/partitions: a duration (freq) or explicit windows."""
    if windows is None:
        raise ValueError("windows must be a duration such as '30D' or a list of (start, end) pairs, not None")
    if isinstance(windows, DURATION_TYPES):
        return windows, None
    return None, windows


def _per_window(net, windows, step, start, end, active_only, max_windows, what, row_bytes):
    """The bounds (a list) and the cutter of measure/partitions: at most
    ``max_windows`` windows (counted before any is built) whose result rows
    (``row_bytes`` each) fit the memory limit."""
    freq, explicit = _spec(windows)
    index, bounds = plan(net, freq, explicit, step, start, end, max_windows, what)
    bounds = list(bounds)
    if max_windows is not None and len(bounds) > max_windows:
        raise ValueError(f"{what}: {len(bounds):,} windows, more than max_windows={int(max_windows):,}: give "
                         "fewer windows, or raise max_windows")
    _core.reserve_check(int(len(bounds)) * int(row_bytes), f"{what}'s result ({len(bounds):,} windows x "
                        f"{net.number_of_nodes():,} nodes)")
    return bounds, _Cut(net, index, active_only)


def _positions(cut, bounds, window, values, what: str) -> np.ndarray:
    """Positions in ``net`` of the nodes a per-window result is indexed by."""
    if not isinstance(values, pd.Series):
        hint = " (select one column, e.g. lambda n: rl.centrality.hits(n)['hub'])" \
            if isinstance(values, pd.DataFrame) else ""
        raise ValueError(f"{what} must return a pandas Series indexed by node id, not "
                         f"{type(values).__name__}{hint}")
    if values.index is window.node_index:  # rl's own results: the window's nodes in order
        return cut.nodes(*bounds)
    if values.index.has_duplicates:
        raise ValueError(f"{what} returned a Series with repeated node ids")
    pos = cut.net.node_index.get_indexer(values.index)
    if (pos < 0).any():
        raise ValueError(f"{what} returned values for nodes that are not in the network, e.g. "
                         f"{values.index[pos < 0][:5].tolist()}")
    return pos


def _results(cut, bounds, fn, kwargs, what: str):
    """(i, window, node positions, fn(window network, **kwargs)) per window;
    positions and result None for a window without nodes."""
    for i, (s, e) in enumerate(bounds):
        w = cut.window(s, e)
        if w.network.number_of_nodes() == 0:
            yield i, w, None, None
            continue
        values = fn(w.network, **kwargs)
        yield i, w, _positions(cut, (s, e), w.network, values, what), values


def _measure_function(measure):
    from .. import centrality
    if callable(measure):
        return getattr(measure, "__name__", "measure"), measure
    names = [n for n in centrality.__all__ if callable(getattr(centrality, n)) and n != "ConvergenceError"]
    if not isinstance(measure, str) or measure not in names:
        raise ValueError(f"measure must be the name of a function in rl.centrality ({', '.join(names)}) or a "
                         f"callable(network, **kwargs) -> Series indexed by node id, not {measure!r}")
    return measure, getattr(centrality, measure)


def measure(net, windows="30D", measure="degree", step=None, active_only: bool = True, *, start=None, end=None,
            max_windows: Optional[int] = MAX_WINDOWS, **kwargs) -> pd.DataFrame:
    """A per-node measure in every time window: a DataFrame window x node.

    Defaults: ``windows="30D"`` (tumbling 30-day windows from the first
    timestamp's day; or any duration, or a list of ``(start, end)`` pairs),
    ``measure="degree"``, ``step=None`` (= the window length), ``active_only
    =True``, ``start``/``end`` as in :func:`windows`, ``max_windows=100_000``.

    Limits: the number of regular windows is worked out from the span and
    the durations before any window is built; more than ``max_windows``
    (``None``: no limit) is a ``ValueError`` naming the windows, the span
    and what to do (e.g. ``"1h"`` over 1970-2024 would make 474,803), and a
    result (windows x nodes x 8 bytes) above the memory limit is a
    :class:`ringleader.MemoryLimitError`.  Windows reaching past
    2262-04-11 (the last int64-nanosecond time) are a ``ValueError``.

    ``measure`` names a function of :mod:`ringleader.centrality`
    (``"degree"``, ``"betweenness"``, ``"pagerank"``, ...) or is any
    ``callable(network, **kwargs)`` returning a Series indexed by node id;
    ``kwargs`` go to it (e.g. ``weight="weight"``, ``normalized=False``,
    ``k=500, seed=1``).  It runs on each window's network as
    :func:`windows` yields it, so with ``active_only=True`` (default)
    normalisations count the nodes active in the window.  Windows without
    nodes are skipped (an all-NaN row).

    Returns a float DataFrame: index the windows (``pd.IntervalIndex``
    named ``"window"``, ``closed="left"``, UTC), one column per node of
    ``net`` in node order, NaN where a node is not in the window's network
    (or the measure gave no value).  ``.attrs``: ``measure`` (name),
    ``kwargs``, ``active_only``, ``edges`` and ``nodes`` (per-window counts,
    lists).

    >>> pr = rl.temporal.measure(net, "7D", measure="pagerank")          # doctest: +SKIP
    >>> pr.idxmax(axis=1)                 # the top node of each week    # doctest: +SKIP
    >>> rl.temporal.measure(net, [(1, 2), (2, 3)], "betweenness", normalized=False)   # doctest: +SKIP
    """
    name, fn = _measure_function(measure)
    bounds, cut = _per_window(net, windows, step, start, end, active_only, max_windows, "measure",
                              8 * net.number_of_nodes())
    out = np.full((len(bounds), net.number_of_nodes()), np.nan)
    edges, nodes = [], []
    for i, w, pos, values in _results(cut, bounds, fn, kwargs, f"measure {name!r}"):
        edges.append(w.network.number_of_edges())
        nodes.append(w.network.number_of_nodes())
        if values is not None:
            out[i, pos] = values.to_numpy(dtype=np.float64, na_value=np.nan)
    df = pd.DataFrame(out, index=interval_index(bounds), columns=net.node_index, copy=False)
    df.attrs.update(measure=name, kwargs=dict(kwargs), active_only=bool(active_only), edges=edges, nodes=nodes)
    return df


# ---- groups across windows -------------------------------------------------------
def _method_function(method, seed):
    from .. import community
    if callable(method):
        fn, name = method, getattr(method, "__name__", "method")
    elif isinstance(method, str) and method in _METHODS:
        fn, name = getattr(community, method), method
    else:
        raise ValueError(f"method must be one of {', '.join(map(repr, _METHODS))} or a callable(network, "
                         f"**kwargs) -> Series node -> community, not {method!r}")
    if seed is None or name == "components":
        return name, fn
    return name, lambda g, **kw: fn(g, seed=seed, **kw)


def _match(prev: np.ndarray, codes: np.ndarray, next_id: int, min_overlap: float):
    """Group numbers for one window: ``codes`` (0..k-1 per node, -1 absent,
    0 = largest) matched to ``prev`` (the previous window's numbers, -1
    absent) one-to-one, greedily by decreasing Jaccard of the member sets
    (at least ``min_overlap``, some overlap needed); unmatched communities
    get new numbers from ``next_id`` in code order.  Returns (numbers,
    next_id)."""
    k = int(codes.max()) + 1 if len(codes) and codes.max() >= 0 else 0
    number = np.full(k, -1, dtype=np.int64)
    both = (prev >= 0) & (codes >= 0)
    if both.any():
        labels, prev_code = np.unique(prev[prev >= 0], return_inverse=True)
        prev_codes = np.full(len(prev), -1, dtype=np.int64)
        prev_codes[prev >= 0] = prev_code
        prev_size = np.bincount(prev_code, minlength=len(labels))
        cur_size = np.bincount(codes[codes >= 0], minlength=k)
        pair, inter = np.unique(prev_codes[both] * k + codes[both], return_counts=True)
        p, c = pair // k, pair % k
        jaccard = inter / (prev_size[p] + cur_size[c] - inter)
        ok = jaccard >= min_overlap
        p, c, jaccard = p[ok], c[ok], jaccard[ok]
        taken = np.zeros(len(labels), dtype=bool)
        for j in np.lexsort((c, labels[p], -jaccard)):
            if not taken[p[j]] and number[c[j]] < 0:
                taken[p[j]] = True
                number[c[j]] = labels[p[j]]
    new = np.flatnonzero(number < 0)
    number[new] = np.arange(next_id, next_id + len(new))
    return number, next_id + len(new)


def _int_frame(labels: np.ndarray, index, columns) -> pd.DataFrame:
    """A nullable Int64 DataFrame from an int matrix with -1 for NA."""
    cols = labels.T
    data = {i: pd.arrays.IntegerArray(cols[i], cols[i] < 0) for i in range(cols.shape[0])}
    df = pd.DataFrame(data, index=index, copy=False)
    df.columns = columns
    return df


def partitions(net, windows="30D", method="leiden", seed: Optional[int] = None, min_overlap: float = 0.3,
               step=None, active_only: bool = True, *, start=None, end=None, max_windows: Optional[int] = MAX_WINDOWS,
               **kwargs) -> pd.DataFrame:
    """Communities in every time window, numbered so that a group keeps its
    number from one window to the next.

    Defaults: ``windows="30D"`` (as :func:`measure`), ``method="leiden"``,
    ``seed=None``, ``min_overlap=0.3``, ``step=None``, ``active_only=True``,
    ``max_windows=100_000`` (the limits of :func:`measure`; a result row
    takes 17 bytes per node).

    Each window's network is partitioned with ``method``: ``"leiden"``,
    ``"louvain"``, ``"label_propagation"`` or ``"components"`` of
    :mod:`ringleader.community` (``seed`` and ``kwargs`` such as
    ``resolution=`` or ``weight=`` are passed on; ``seed`` is not passed
    to ``"components"``), or a ``callable(network, **kwargs)`` returning a
    Series node id -> community (given ``seed=seed`` too when ``seed`` is
    not None).  The same ``seed`` is used in every window.

    Matching: the communities of a window are matched to the groups of the
    previous window one-to-one, greedily by decreasing Jaccard similarity of
    their member sets (``|A & B| / |A | B|``, at least ``min_overlap``, in
    [0, 1]; ties: lower group number, then larger community).  A matched
    community takes the group's number; the others get new numbers, never
    used before, by decreasing size.  The first window's groups are
    numbered 0, 1, ... by decreasing size.  Only the previous window is
    looked at: a group absent from a window (e.g. an empty window) comes
    back with a new number.

    Returns a nullable ``Int64`` DataFrame window x node (index and columns
    as :func:`measure`; ``<NA>`` where the node is not in the window's
    network).  ``.attrs``: ``method``, ``min_overlap``, ``kwargs``,
    ``modularity`` and ``seeds`` (lists, per window; NaN / None for empty
    windows).  A network with many nodes makes a wide frame (one nullable
    column per node, about 1.5 s per 100,000 nodes to build).

    >>> groups = rl.temporal.partitions(net, "30D", seed=1)               # doctest: +SKIP
    >>> groups.iloc[-1].value_counts()        # group sizes in the last window   # doctest: +SKIP
    """
    min_overlap = float(min_overlap)
    if not 0.0 <= min_overlap <= 1.0:
        raise ValueError(f"min_overlap is a Jaccard similarity: give a number in [0, 1], not {min_overlap}")
    name, fn = _method_function(method, seed)
    bounds, cut = _per_window(net, windows, step, start, end, active_only, max_windows, "partitions",
                              17 * net.number_of_nodes())
    n = net.number_of_nodes()
    labels = np.full((len(bounds), n), -1, dtype=np.int64)
    prev = np.full(n, -1, dtype=np.int64)
    next_id = 0
    modularity, seeds = [], []
    for i, w, pos, part in _results(cut, bounds, fn, kwargs, f"method {name!r}"):
        codes = np.full(n, -1, dtype=np.int64)
        if part is not None:
            if part.isna().any():
                raise ValueError(f"method {name!r} left nodes without a community")
            codes[pos] = _by_size(part)
        number, next_id = _match(prev, codes, next_id, min_overlap)
        prev = np.full(n, -1, dtype=np.int64)
        prev[codes >= 0] = number[codes[codes >= 0]]
        labels[i] = prev
        modularity.append(float(part.attrs.get("modularity", np.nan)) if part is not None else np.nan)
        seeds.append(part.attrs.get("seed") if part is not None else None)
    df = _int_frame(labels, interval_index(bounds), net.node_index)
    df.attrs.update(method=name, min_overlap=min_overlap, kwargs=dict(kwargs), modularity=modularity, seeds=seeds)
    return df


def _by_size(part: pd.Series) -> np.ndarray:
    """Community codes 0..k-1 by decreasing size (ties: the community of the
    earliest node first), whatever the labels."""
    codes, _ = pd.factorize(part, sort=False)
    size = np.bincount(codes)
    order = np.argsort(-size, kind="stable")  # factorize numbers by first appearance
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[codes]
