"""Spectral centrality measures and k-cores (re-exported by ringleader.centrality).

All of them run on the collapsed network: parallel edges of any type are
merged and, with ``weight``, their weights summed (weights are strengths).
Eigenvector, PageRank and HITS refuse a negative, NaN or infinite strength
(:class:`ringleader.InvalidArgumentError` naming the measure and the
column: their definitions do not cover it), and rescale weights near the
ends of the double range (``1e308``, ``1e-300``) by a power of two first,
so those give the results of the same weights at ordinary size.
Iterative measures raise :class:`ConvergenceError` (a
:class:`ringleader.RingleaderError`) when they do not converge; its message
names the parameter to change.  Results are identical for any ``threads``.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._kernel import check_threads, column, run
from ..network import core_of, node_series

ConvergenceError = _core.ConvergenceError

__all__ = ["eigenvector", "pagerank", "katz", "hits", "core_number", "ConvergenceError"]


def _per_node(net, values, name: str, required: bool = False) -> list:
    """A dict/Series keyed by node id as a list in vertex order ([] for None)."""
    if values is None:
        return []
    if not hasattr(values, "keys"):
        raise ValueError(f"{name} must be a dict (or Series) keyed by node id")
    out = np.zeros(net.number_of_nodes(), dtype=np.float64)
    keys = list(values.keys())
    pos = net.node_index.get_indexer(pd.Index(keys, dtype=object)) if keys else np.empty(0, dtype=np.intp)
    if (pos < 0).any():
        missing = [k for k, p in zip(keys, pos) if p < 0][:5]
        raise ValueError(f"{name} names nodes that are not in the network: {missing!r}")
    out[pos] = np.asarray([float(values[k]) for k in keys], dtype=np.float64)
    if required and len(set(pos.tolist())) != net.number_of_nodes():
        raise ValueError(f"{name} must give a value for every node")
    return out.tolist()


def eigenvector(net, weight: Optional[str] = None, max_iter: int = 100, tol: float = 1e-6,
                nstart=None, threads: int = 0, progress: bool = False) -> pd.Series:
    """Eigenvector centrality (networkx ``eigenvector_centrality``).

    Power iteration on A + I from x = 1/n: ``x'(v) = x(v) + sum_{u->v} w(u,v) x(u)``,
    normalised to Euclidean norm 1 after each step, stopping when
    ``sum |x' - x| < n * tol``; otherwise :class:`ConvergenceError` (raise
    ``max_iter`` or ``tol``).  The result has Euclidean norm 1.

    Weights: ``weight=None`` counts every edge 1; a column name reads that
    column as a strength (parallel edges summed).  Directed networks use
    incoming edges (a node is central when central nodes point to it, the
    left eigenvector, as networkx).  Disconnected networks: the vector
    concentrates on the component with the largest eigenvalue, as networkx.
    A self-loop counts once.  ``nstart``: dict node id -> start value.  An
    empty network gives an empty Series (networkx raises).
    Complexity O(n + m) per iteration; parallel, deterministic.

    Reference: Bonacich, P. (1987). Power and centrality: a family of
    measures. American Journal of Sociology 92(5):1170-1182.

    >>> rl.centrality.eigenvector(net).nlargest(3)   # doctest: +SKIP
    """
    values = run("eigenvector", progress, _core.eigenvector, core_of(net), column(weight), int(max_iter), float(tol),
                 _per_node(net, nstart, "nstart"), check_threads(threads))
    return node_series(net, values, "eigenvector")


def pagerank(net, alpha: float = 0.85, personalization=None, weight: Optional[str] = None,
             max_iter: int = 100, tol: float = 1e-6, nstart=None, dangling=None, threads: int = 0,
             progress: bool = False) -> pd.Series:
    """PageRank (networkx ``pagerank``), summing to 1.

    ``x'(v) = alpha * (sum_{u->v} x(u) w(u,v) / s(u) + d * q(v)) + (1 - alpha) * p(v)``
    where s(u) is u's out-strength, d the rank held by dangling nodes (no
    outgoing weight), p the ``personalization`` vector (uniform by default)
    and q the ``dangling`` vector (p by default); p, q and ``nstart`` (dicts
    keyed by node id, missing nodes 0) are normalised to sum 1.  Iteration
    from ``nstart`` (uniform by default) stops when ``sum |x' - x| < n * tol``,
    else :class:`ConvergenceError` (raise ``max_iter`` or ``tol``, or lower
    ``alpha``).

    Weights: ``weight=None`` counts every edge 1; a column name reads it as
    a strength (parallel edges summed).  Undirected networks are treated as
    directed with both arcs; a self-loop counts once (as networkx).
    Disconnected networks need no special care (the teleport term).
    Complexity O(n + m) per iteration; pull-based, parallel, deterministic.

    Reference: Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The
    PageRank citation ranking: bringing order to the web. Stanford InfoLab.

    >>> rl.centrality.pagerank(net, alpha=0.85).nlargest(3)   # doctest: +SKIP
    """
    values = run("pagerank", progress, _core.pagerank, core_of(net), float(alpha),
                 _per_node(net, personalization, "personalization"), column(weight), int(max_iter),
                 float(tol), _per_node(net, nstart, "nstart"), _per_node(net, dangling, "dangling"),
                 check_threads(threads))
    return node_series(net, values, "pagerank")


def katz(net, alpha: float = 0.1, beta=1.0, weight: Optional[str] = None, normalized: bool = True,
         max_iter: int = 1000, tol: float = 1e-6, nstart=None, threads: int = 0,
         progress: bool = False) -> pd.Series:
    """Katz centrality (networkx ``katz_centrality``).

    From x = 0 (or ``nstart``), ``x'(v) = alpha * sum_{u->v} w(u,v) x(u) + beta(v)``
    until ``sum |x' - x| < n * tol``; otherwise :class:`ConvergenceError`
    (``alpha`` must be below 1 / largest eigenvalue of the adjacency matrix:
    lower it, or raise ``max_iter``/``tol``).  ``beta`` is a number or a dict
    giving a value for every node.  ``normalized=True`` divides by the
    Euclidean norm.

    Weights: ``weight=None`` counts every edge 1; a column name reads it as
    a strength (parallel edges summed).  Directed networks use incoming
    edges, as networkx; a self-loop counts once.  Disconnected networks:
    each component is scored independently (beta keeps them comparable).
    Complexity O(n + m) per iteration; parallel, deterministic.

    Reference: Katz, L. (1953). A new status index derived from sociometric
    analysis. Psychometrika 18(1):39-43.

    >>> rl.centrality.katz(net, alpha=0.05).nlargest(3)   # doctest: +SKIP
    """
    if hasattr(beta, "keys"):
        beta_vec, beta_scalar = _per_node(net, beta, "beta", required=True), 1.0
    else:
        try:
            beta_vec, beta_scalar = [], float(beta)
        except (TypeError, ValueError):
            raise ValueError("beta must be a number or a dict giving a value for every node") from None
    values = run("katz", progress, _core.katz, core_of(net), float(alpha), beta_scalar, beta_vec, column(weight),
                 bool(normalized), int(max_iter), float(tol), _per_node(net, nstart, "nstart"),
                 check_threads(threads))
    return node_series(net, values, "katz")


def hits(net, weight: Optional[str] = None, max_iter: int = 100, tol: float = 1e-8, nstart=None,
         threads: int = 0, progress: bool = False, method: str = "auto") -> pd.DataFrame:
    """HITS hubs and authorities (networkx ``hits``): DataFrame ``hub``, ``authority``.

    Authorities are the dominant eigenvector of A^T A (A the weight matrix)
    and hubs ``h = A a``; each column is normalised to sum 1, as networkx.
    networkx obtains them from scipy's ``svds``.  ``method="auto"`` (default)
    solves networks of at most 500 nodes exactly the same way (``"dense"``:
    eigen-decomposition of A^T A, O(n^3), always converges) and larger ones
    (or any with ``nstart``) by the power iteration (``"power"``)
    ``a = A^T h``, ``h = A a`` (each rescaled to sum 1) from h = 1/n (or
    ``nstart``, a dict of hub values) until the L1 change of h plus a is
    below ``tol``; otherwise :class:`ConvergenceError` (raise ``max_iter``
    or ``tol``; it needs many iterations when the two largest singular
    values are close).  Matches networkx to 1e-6 whenever the largest singular
    value is simple; when it is not (two identical components, an
    undirected bipartite network) networkx's answer is arbitrary and ours is
    the projection of the uniform start.  No edges: 1/n everywhere.

    Weights: ``weight=None`` counts every edge 1 (networkx's ``hits`` always
    reads the ``weight`` attribute: compare with an unweighted graph); a
    column name reads it as a strength (parallel edges summed).  Undirected
    networks have A symmetric.  Complexity O(n + m) per iteration; parallel,
    deterministic.

    Reference: Kleinberg, J. M. (1999). Authoritative sources in a
    hyperlinked environment. Journal of the ACM 46(5):604-632.

    >>> rl.centrality.hits(net).sort_values("authority").tail(3)   # doctest: +SKIP
    """
    def kernel(*args):
        return _core.hits(*args, method=method)
    hub, auth = run("hits", progress, kernel, core_of(net), column(weight), int(max_iter), float(tol),
                    _per_node(net, nstart, "nstart"), check_threads(threads))
    return pd.DataFrame({"hub": np.asarray(hub, dtype=np.float64), "authority": np.asarray(auth, dtype=np.float64)},
                        index=net.node_index)


def core_number(net, threads: int = 0, progress: bool = False, parallel: bool = True) -> pd.Series:
    """k-core number of every node (networkx ``core_number``), as float64.

    The core number of v is the largest k such that v belongs to a subgraph
    in which every node has at least k neighbours.  On the collapsed network
    (parallel edges merged, weights ignored); directed networks use in-degree
    plus out-degree, as networkx (a reciprocated pair counts twice).
    networkx refuses self-loops; here they are ignored.  Isolated nodes get
    0.

    ``parallel=True`` (default) peels level by level on ``threads`` threads
    (after PKC and ParK): O(m) atomic degree updates plus one pass over the
    remaining nodes per level.  ``parallel=False`` runs the serial
    Batagelj–Zaversnik bucket peeling, O(n + m).  Both give the same
    numbers, for any thread count.

    References: Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for
    cores decomposition of networks. arXiv:cs/0310049.  Dasari, N. S.,
    Ranjan, D. & Zubair, M. (2014). ParK: an efficient algorithm for k-core
    decomposition on multicore processors. IEEE BigData 2014.  Kabir, H. &
    Madduri, K. (2017). Parallel k-core decomposition on multicore
    platforms. IPDPSW 2017.

    >>> rl.centrality.core_number(net).value_counts()   # doctest: +SKIP
    """
    def kernel(*args):
        return _core.core_number(*args, parallel=bool(parallel))
    values = run("core_number", progress, kernel, core_of(net), check_threads(threads))
    return node_series(net, values, "core_number")
