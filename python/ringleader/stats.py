"""Network-level statistics: density, reciprocity, clustering, centralization,
assortativity and distances.

Every statistic is defined on the collapsed (simple) network: parallel edges
of any type are merged first, with ``weight`` (a column name) summed as a
strength, except the distances (diameter, average shortest path length),
which keep the shortest parallel edge; the C++ kernels apply this rule
(``include/ringleader/graph/view.hpp``).  ``weight=None`` (default) is
unweighted.  Conventions follow
networkx and are stated in each docstring.
"""
from __future__ import annotations

import math
from typing import Optional

import numpy as np
import pandas as pd

from . import _core
from ._kernel import check_threads, column, run
from .network import core_of, node_series

__all__ = [
    "density",
    "reciprocity",
    "transitivity",
    "clustering",
    "average_clustering",
    "centralization",
    "degree_assortativity",
    "diameter",
    "average_shortest_path_length",
    "Estimate",
    "EXACT_DISTANCE_LIMIT",
]

#: Above this many nodes, :func:`diameter` and
#: :func:`average_shortest_path_length` estimate from sampled sources.
EXACT_DISTANCE_LIMIT = 20000


class Estimate(float):
    """A float result that may be an estimate.

    Attributes: ``exact`` (bool), ``lower`` and ``upper`` (bounds; for an
    average they hold with probability ``1 - delta``), ``error`` (half-width
    of the stated interval, 0 when exact), ``samples`` (sources used),
    ``delta``.
    """

    def __new__(cls, value, exact=True, lower=None, upper=None, error=0.0, samples=0, delta=0.0):
        self = super().__new__(cls, value)
        self.exact = bool(exact)
        self.lower = float(value) if lower is None else float(lower)
        self.upper = float(value) if upper is None else float(upper)
        self.error = float(error)
        self.samples = int(samples)
        self.delta = float(delta)
        return self

    def __repr__(self) -> str:
        if self.exact:
            return float.__repr__(self)
        return (f"Estimate({float(self)!r}, lower={self.lower!r}, upper={self.upper!r}, "
                f"samples={self.samples})")


def density(net, weight: Optional[str] = None) -> float:
    """Density: m / (n (n - 1)) for directed networks, 2 m / (n (n - 1)) for
    undirected ones (networkx ``density``); m counts the edges of the
    collapsed network, self-loops included as networkx does.  0 when n <= 1.
    With ``weight``, m is the sum of the (summed) weights: the mean tie
    strength over all possible ties.  O(n + m)."""
    return float(_core.density(core_of(net), column(weight)))


def reciprocity(net, weight: Optional[str] = None, threads: int = 0) -> float:
    """Overall reciprocity (networkx ``overall_reciprocity``) of a directed
    network: the share of edges u->v (collapsed) whose reverse v->u exists;
    a self-loop counts as unreciprocated.  With ``weight`` (Squartini et al.
    2013): sum over edges of min(w(u,v), w(v,u)) divided by the total weight.
    Raises ``ValueError`` for undirected networks and networks without
    edges (networkx raises too).  O(n + m)."""
    return float(_core.reciprocity(core_of(net), column(weight), check_threads(threads)))


def clustering(net, weight: Optional[str] = None, threads: int = 0, progress: bool = False) -> pd.Series:
    """Local clustering coefficient of every node (networkx ``clustering``).

    Undirected: c(v) = 2 T(v) / (d(v) (d(v) - 1)) with T(v) the triangles
    through v and d(v) its neighbours other than itself (self-loops are
    ignored); 0 when d(v) < 2.  With ``weight`` (Onnela et al. 2005): each
    triangle contributes the geometric mean of its three edge weights, each
    divided by the largest weight of the network.  Directed (Fagiolo 2007):
    c(v) = T(v) / (2 (d_tot (d_tot - 1) - 2 d_bi)) with T(v) the directed
    triangles through v (weighted as above), d_tot in + out neighbours and
    d_bi the reciprocated ones.  A negative, NaN or infinite weight is
    refused (:class:`ringleader.InvalidArgumentError` naming the column).
    Complexity O(sum d^2); parallel.

    References: Watts & Strogatz (1998) Nature 393:440-442; Onnela et al.
    (2005) Phys. Rev. E 71:065103; Fagiolo (2007) Phys. Rev. E 76:026107.
    """
    values = run("clustering", progress, _core.clustering, core_of(net), column(weight), check_threads(threads))
    return node_series(net, values, "clustering")


def average_clustering(net, weight: Optional[str] = None, count_zeros: bool = True, threads: int = 0,
                       progress: bool = False) -> float:
    """Mean of :func:`clustering` over the nodes (networkx
    ``average_clustering``); ``count_zeros=False`` averages over nodes with
    nonzero clustering only.  Raises ``ValueError`` on an empty network
    (networkx raises ZeroDivisionError)."""
    c = clustering(net, weight=weight, threads=threads, progress=progress).to_numpy()
    if not count_zeros:
        c = c[c > 0]
    if len(c) == 0:
        raise ValueError("average clustering of a network without nodes (with nonzero clustering) is undefined")
    return float(c.sum() / len(c))


def transitivity(net, threads: int = 0, progress: bool = False) -> float:
    """Transitivity (networkx ``transitivity``): 3 x triangles / connected
    triples, 0 without triangles.  Unweighted, self-loops ignored.  networkx
    refuses directed graphs; a directed network here uses its underlying
    undirected graph (an edge wherever an arc exists in either direction).
    O(sum d^2); parallel."""
    return float(run("transitivity", progress, _core.transitivity, core_of(net), check_threads(threads)))


def centralization(net, measure: str = "degree", weight: Optional[str] = None, threads: int = 0,
                   **kwargs) -> float:
    """Freeman centralization: C = sum_v (c_max - c(v)) / max_G sum_v (c*_max - c*(v)),
    the spread of a centrality score relative to the most centralized graph
    with the same number of nodes (the star).  Uses the normalised scores of
    ``rl.centrality.<measure>``; the denominators are the star's values:

    - ``"degree"`` (normalised degree, divided by n - 1): undirected
      (n - 1)(n - 2) / (n - 1) = n - 2 (raw degrees: (n - 1)(n - 2));
      directed ``mode="in"``/``"out"`` (pass ``mode=``): (n - 1)^2 / (n - 1)
      = n - 1; directed ``mode="all"``: 2 (n - 1)(n - 2) / (n - 1) =
      2 (n - 2), as igraph's ``centralization.degree`` without loops.  With
      ``weight``, raises (strength has no maximum).
    - ``"betweenness"`` (networkx-normalised, star centre 1): n - 1.
    - ``"closeness"`` (networkx closeness, star centre 1, leaves
      (n - 1) / (2n - 3)): (n - 1)(n - 2) / (2n - 3).

    Extra keyword arguments go to the centrality function; ``weight`` too
    (a distance for betweenness and closeness).  NaN when n < 3 (the
    denominator is 0).

    Reference: Freeman, L. C. (1979). Centrality in social networks:
    conceptual clarification. Social Networks 1:215-239.
    """
    from . import centrality as _c

    n = net.number_of_nodes()
    if measure == "degree":
        if weight is not None:
            raise ValueError("degree centralization is unweighted: Freeman's maximum is defined for degrees; "
                             "use weight=None")
        mode = kwargs.pop("mode", "all")
        scores = _c.degree(net, normalized=True, mode=mode, threads=threads, **kwargs)
        if not net.directed:
            denom = n - 2
        elif mode in ("in", "out"):
            denom = n - 1
        else:
            denom = 2 * (n - 2)
    elif measure in ("betweenness", "closeness"):
        fn = getattr(_c, measure, None)
        if fn is None:
            raise ValueError(f"rl.centrality.{measure} is not available in this build")
        if weight is not None:
            kwargs["weight"] = weight
        scores = fn(net, threads=threads, **kwargs) if "threads" in fn.__code__.co_varnames else fn(net, **kwargs)
        denom = (n - 1) if measure == "betweenness" else ((n - 1) * (n - 2) / (2 * n - 3) if n >= 2 else 0)
    else:
        raise ValueError(f"measure must be 'degree', 'betweenness' or 'closeness', not {measure!r}")
    if n < 3 or denom <= 0:
        return float("nan")
    v = scores.to_numpy(dtype=np.float64)
    return float((v.max() - v).sum() / denom)


def degree_assortativity(net, x: str = "out", y: str = "in", weight: Optional[str] = None,
                         threads: int = 0) -> float:
    """Degree assortativity (networkx ``degree_assortativity_coefficient``):
    the Pearson correlation of the degrees at the two ends of every edge of
    the collapsed network (undirected: each edge both ways, a self-loop once,
    degree counting a self-loop twice; directed: ``x`` degree of the source,
    ``y`` of the target, "out"/"in" by default).  With ``weight``, degrees
    are strengths.  NaN when a variance is zero (e.g. regular graphs).
    O(n + m).

    Reference: Newman, M. E. J. (2003). Mixing patterns in networks. Phys.
    Rev. E 67:026126.
    """
    return float(_core.degree_assortativity(core_of(net), str(x), str(y), column(weight), check_threads(threads)))


def _not_connected(net):
    what = "strongly connected" if net.directed else "connected"
    return ValueError(f"the network is not {what}: distances are infinite (networkx raises too); "
                      "use net.largest_component() (for a directed network, its largest strongly "
                      "connected part)")


def _bfs(g, sources, reverse, threads, weight, report):
    return _core.bfs_sources(g, sources, reverse, threads, report, weight)


def _distances(net, weight, estimate, samples, seed, delta, threads, progress):
    n = net.number_of_nodes()
    if n == 0:
        raise ValueError("distances are undefined for a network without nodes")
    g, w = core_of(net), column(weight)
    threads = check_threads(threads)
    if estimate is None:
        estimate = n > EXACT_DISTANCE_LIMIT
    if not estimate or samples >= n:
        ecc, dsum, reached = run("distances", progress, _bfs, g, [], False, threads, w)
        if (reached < n).any():
            raise _not_connected(net)
        return True, ecc, dsum, None
    samples = int(samples)
    if samples < 1:
        raise ValueError("samples must be >= 1")
    rng = np.random.default_rng(seed)
    sources = rng.integers(0, n, size=samples).tolist()  # with replacement (Hoeffding)
    ecc, dsum, reached = run("distances", progress, _bfs, g, sources, False, threads, w)
    if (reached < n).any():
        raise _not_connected(net)
    if net.directed:
        recc, _, rreached = _core.bfs_sources(g, sources[:1], True, threads, None, w)
        if (rreached < n).any():
            raise _not_connected(net)
        upper = float(ecc[0] + recc[0])  # d(u,v) <= d(u,s) + d(s,v)
    else:
        upper = float(2 * ecc.min())
    return False, ecc, dsum, (samples, upper)


def diameter(net, weight: Optional[str] = None, estimate: Optional[bool] = None, samples: int = 1000,
             seed: Optional[int] = None, threads: int = 0, progress: bool = False) -> Estimate:
    """Diameter: the largest eccentricity (hops, or distances with ``weight``; networkx ``diameter``).

    Exact (one BFS per node, parallel, O(n m)) unless the network has more
    than ``EXACT_DISTANCE_LIMIT`` nodes or ``estimate=True``: then BFS from
    ``samples`` sources drawn uniformly with replacement (``seed``); the
    value is the largest sampled eccentricity, a lower bound (``.lower``),
    and ``.upper`` is a guaranteed upper bound: min over samples of 2 ecc(s)
    for undirected networks, ecc_out(s) + ecc_in(s) of the first sample for
    directed ones (triangle inequality).  The result is a float
    (:class:`Estimate`, with ``.exact``).  Undirected networks must be
    connected, directed ones strongly connected, else ``ValueError``
    suggesting ``net.largest_component()``.  ``weight`` names an edge column
    read as distances (Dijkstra; parallel edges keep the shortest).
    """
    exact, ecc, _, info = _distances(net, weight, estimate, samples, seed, None, threads, progress)
    d = float(ecc.max()) if len(ecc) else 0.0
    if exact:
        return Estimate(d)
    k, upper = info
    return Estimate(d, exact=False, lower=d, upper=max(upper, d), error=max(upper, d) - d, samples=k)


def average_shortest_path_length(net, weight: Optional[str] = None, estimate: Optional[bool] = None,
                                 samples: int = 1000, seed: Optional[int] = None, delta: float = 0.05,
                                 threads: int = 0, progress: bool = False) -> Estimate:
    """Average shortest path length: sum_{s != t} d(s, t) / (n (n - 1)) in hops
    (networkx ``average_shortest_path_length``; 0 for one node).

    Exact (one BFS per node, parallel, O(n m)) unless the network has more
    than ``EXACT_DISTANCE_LIMIT`` nodes or ``estimate=True``: then the mean,
    over ``samples`` sources drawn uniformly with replacement (``seed``), of
    each source's mean distance to the other nodes.  Each such mean lies in
    [1, D] with D the diameter upper bound (see :func:`diameter`), so by
    Hoeffding's inequality the estimate is within
    ``error = (D - 1) sqrt(ln(2 / delta) / (2 samples))`` of the exact value
    with probability at least 1 - ``delta``; ``.lower``/``.upper`` are
    estimate -/+ error.  Returns a float (:class:`Estimate`).  Undirected
    networks must be connected, directed ones strongly connected, else
    ``ValueError`` suggesting ``net.largest_component()``.  ``weight`` names
    an edge column read as distances (Dijkstra); the Hoeffding range is then
    [0, D] instead of [1, D].
    """
    n = net.number_of_nodes()
    exact, ecc, dsum, info = _distances(net, weight, estimate, samples, seed, delta, threads, progress)
    if n == 1:
        return Estimate(0.0)
    if exact:
        return Estimate(float(dsum.sum()) / (n * (n - 1)))
    k, upper = info
    means = dsum / (n - 1)
    value = float(means.mean())
    low = 0.0 if weight is not None else 1.0  # a source's mean distance lies in [low, D]
    err = (max(upper, low) - low) * math.sqrt(math.log(2.0 / delta) / (2.0 * k))
    return Estimate(value, exact=False, lower=max(low, value - err), upper=value + err, error=err, samples=k,
                    delta=delta)
