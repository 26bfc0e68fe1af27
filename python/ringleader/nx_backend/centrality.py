"""networkx's centralities on ringleader's kernels (include/ringleader/centrality):
degree, betweenness (node and edge), closeness, harmonic, eigenvector, Katz,
PageRank, HITS, core numbers and global reaching centrality, with the checks that decline what
networkx computes differently."""
from __future__ import annotations

import numbers
import random

import numpy as np
import networkx as nx

from .. import _core
from ..centrality import ConvergenceError, betweenness, closeness, edge_betweenness, eigenvector, harmonic, katz
from ..centrality import core_number as rl_core_number, global_reaching, hits as rl_hits, pagerank as rl_pagerank
from ..network import core_of
from ._convert import RingleaderGraph, node_values, weight_name, weights_as_counts
from ._dispatch import first_reason, implements, multigraph_declined, nonempty, weight_ok

__all__ = ["degree_centrality", "in_degree_centrality", "out_degree_centrality", "betweenness_centrality",
           "edge_betweenness_centrality", "closeness_centrality", "harmonic_centrality", "eigenvector_centrality",
           "eigenvector_centrality_numpy", "katz_centrality", "katz_centrality_numpy", "pagerank", "hits",
           "core_number", "global_reaching_centrality"]


def _nonnegative(G, column, what="weights"):
    """The column (None: unweighted) read as distances; declined when negative."""
    if column is None:
        return None
    w = G.column(column, 1.0)
    if (w < 0).any() or not np.isfinite(w).all():
        raise NotImplementedError(f"negative or non-finite {what}: networkx's own algorithm decides")
    return column


def _per_node_dict(G, d):
    """A node-keyed dict for the network's string ids (missing nodes stay missing)."""
    if d is None:
        return None
    return {str(G.index[k]): v for k, v in d.items() if k in G}


# ---- degree ----------------------------------------------------------------------
def _degree_counts(G):
    n = len(G)
    out = np.bincount(G.src, minlength=n).astype(np.float64)
    inn = np.bincount(G.dst, minlength=n).astype(np.float64)
    return out, inn


def _degree_result(G, counts):
    n = len(G)
    if n <= 1:
        return {v: 1 for v in G.nodes}
    return node_values(G, counts / (n - 1.0))


@implements()
def degree_centrality(G):
    out, inn = _degree_counts(G)
    return _degree_result(G, out + inn)


@implements()
def in_degree_centrality(G):
    return _degree_result(G, _degree_counts(G)[1])


@implements()
def out_degree_centrality(G):
    return _degree_result(G, _degree_counts(G)[0])


# ---- shortest paths: betweenness, closeness, harmonic ---------------------------------
def _check_betweenness(G, k, normalized, weight, endpoints, seed):
    if isinstance(k, numbers.Real) and k < 1:
        return "k < 1 (networkx divides by zero)"
    return weight_ok(weight)


@implements(_check_betweenness)
def betweenness_centrality(G, k=None, normalized=True, weight=None, endpoints=False, seed=None):
    """With ``k``: networkx's own sample (``seed.sample(list(G), k)``, the
    ``random.Random`` networkx hands over), ringleader's searches from those
    sources, networkx's rescaling: the same answer as networkx."""
    column = _nonnegative(G, weight)
    if k is None:
        return node_values(G, betweenness(G.network(column), normalized=normalized, weight=weight_name(column),
                                          endpoints=endpoints))
    if not hasattr(seed, "sample"):     # called directly rather than through networkx's dispatch
        seed = random.Random(seed)
    sources = np.asarray([G.index[v] for v in seed.sample(list(G.nodes), k)], dtype=np.uint32)
    raw = _core.betweenness_partial(core_of(G.network(column)), sources, bool(endpoints), weight_name(column), 0, None)
    return node_values(G, _core.betweenness_finalize(raw, len(G), G.directed, bool(normalized), bool(endpoints), 0, 0,
                                                     sources))


def _check_edge_betweenness(G, k, normalized, weight, seed):
    if G.is_multigraph():
        return "multigraph edge betweenness (networkx splits it between parallel edges)"
    if k is not None:
        return "sampled edge betweenness (k) runs in networkx"
    return weight_ok(weight)


@implements(_check_edge_betweenness)
def edge_betweenness_centrality(G, k=None, normalized=True, weight=None, seed=None):
    column = _nonnegative(G, weight)
    df = edge_betweenness(G.network(column), normalized=normalized, weight=weight_name(column))
    s = df["source"].astype(np.int64).to_numpy()
    t = df["target"].astype(np.int64).to_numpy()
    vals = df["betweenness"].to_numpy(dtype=np.float64).tolist()
    by_pair = dict(zip(zip(s.tolist(), t.tolist()), vals))
    if not G.directed:
        by_pair.update(zip(zip(t.tolist(), s.tolist()), vals))
    nodes = G.nodes
    return {(nodes[u], nodes[v]): by_pair.get((u, v), 0.0)
            for u, v in zip(G.src.tolist(), G.dst.tolist())}


def _check_closeness(G, u, distance, wf_improved):
    if u is not None and u not in G:
        return "u is not in the graph (networkx raises)"
    return weight_ok(distance)


@implements(_check_closeness)
def closeness_centrality(G, u=None, distance=None, wf_improved=True):
    column = _nonnegative(G, distance, "distances")
    values = closeness(G.network(column), weight=weight_name(column), wf_improved=wf_improved)
    if u is not None:
        return float(values.iloc[G.index[u]])
    return node_values(G, values)


def _check_harmonic(G, nbunch, distance, sources):
    if sources is not None:
        return "harmonic centrality from a subset of sources runs in networkx"
    return weight_ok(distance)


@implements(_check_harmonic)
def harmonic_centrality(G, nbunch=None, distance=None, sources=None):
    column = _nonnegative(G, distance, "distances")
    # networkx starts every node at the int 0 and adds 1/d: a node no one reaches stays int 0
    values = [v if v else 0 for v in np.asarray(harmonic(G.network(column), weight=weight_name(column)),
                                                  dtype=np.float64).tolist()]
    if nbunch is None:
        return dict(zip(G.nodes, values))
    if nbunch in G:
        nbunch = [nbunch]
    keep = set(nbunch)
    bad = [v for v in keep if v not in G]
    if bad:
        raise NotImplementedError("nbunch names nodes that are not in the graph (networkx decides)")
    return {v: float(values[G.index[v]]) for v in keep}


# ---- spectral: eigenvector, Katz, PageRank, HITS ------------------------------------------
def _check_eigenvector(G, max_iter, tol, nstart, weight):
    if multigraph_declined(G) is not True:
        return multigraph_declined(G)
    if nstart is not None and (not nstart or all(v == 0 for v in nstart.values())):
        return "an empty or all-zero nstart (networkx raises)"
    return first_reason(nonempty(G), weight_ok(weight))


@implements(_check_eigenvector)
def eigenvector_centrality(G, max_iter=100, tol=1e-06, nstart=None, weight=None):
    try:
        return node_values(G, eigenvector(G.network(weight), weight=weight_name(weight), max_iter=max_iter,
                                          tol=tol, nstart=_per_node_dict(G, nstart)))
    except ConvergenceError:
        raise nx.PowerIterationFailedConvergence(max_iter) from None


def _check_eigenvector_numpy(G, weight, max_iter, tol):
    if max_iter < 50:
        return ("an iteration budget below networkx's default: whether ARPACK converges within it is "
                "ARPACK's own behaviour")
    return first_reason(nonempty(G), weight_ok(weight))


@implements(_check_eigenvector_numpy)
def eigenvector_centrality_numpy(G, weight=None, max_iter=50, tol=0):
    net, column = weights_as_counts(G, weight)      # scipy's matrix sums parallel edges
    connected = _core.components(core_of(net), bool(G.directed))
    if len(set(np.asarray(connected["membership"]).tolist())) > 1:
        raise NotImplementedError("disconnected graph (networkx raises AmbiguousSolution)")
    try:
        return node_values(G, eigenvector(net, weight=column, max_iter=100000, tol=1e-13))
    except ConvergenceError:
        raise NotImplementedError("the power iteration did not converge; networkx's eigen-solver runs") from None


def _check_katz(G, alpha, beta, max_iter, tol, nstart, normalized, weight):
    if max_iter is not None and multigraph_declined(G) is not True:
        return multigraph_declined(G)
    if isinstance(beta, dict) and any(v not in beta for v in G):
        return "beta does not give a value for every node (networkx raises)"
    return first_reason(nonempty(G), weight_ok(weight))


def _katz(G, alpha, beta, max_iter, tol, nstart, normalized, weight):
    if isinstance(beta, dict):
        beta = {str(G.index[k]): float(v) for k, v in beta.items() if k in G}
    elif not isinstance(beta, numbers.Real):
        raise NotImplementedError("beta is neither a number nor a dict (networkx raises)")
    net, column = weights_as_counts(G, weight)
    return katz(net, alpha=alpha, beta=beta, weight=column, normalized=normalized,
                max_iter=max_iter, tol=tol, nstart=_per_node_dict(G, nstart))


@implements(_check_katz)
def katz_centrality(G, alpha=0.1, beta=1.0, max_iter=1000, tol=1e-06, nstart=None, normalized=True, weight=None):
    try:
        return node_values(G, _katz(G, alpha, beta, max_iter, tol, nstart, normalized, weight))
    except ConvergenceError:
        raise nx.PowerIterationFailedConvergence(max_iter) from None


def _check_katz_numpy(G, alpha, beta, normalized, weight):
    return _check_katz(G, alpha, beta, None, 0, None, normalized, weight)


@implements(_check_katz_numpy)
def katz_centrality_numpy(G, alpha=0.1, beta=1.0, normalized=True, weight=None):
    try:
        return node_values(G, _katz(G, alpha, beta, 100000, 1e-14, None, normalized, weight))
    except ConvergenceError:
        raise NotImplementedError("the iteration does not converge (alpha >= 1 / largest eigenvalue); "
                                  "networkx's linear solve runs") from None


def _positive_sum(d, what):
    if d is None:
        return True
    vals = list(d.values())
    if not all(isinstance(v, numbers.Real) and v >= 0 for v in vals) or sum(vals) == 0:
        return f"{what} is not a non-negative vector with a positive sum (networkx decides)"
    return True


def _check_pagerank(G, alpha, personalization, max_iter, tol, nstart, weight, dangling):
    return first_reason(nonempty(G), weight_ok(weight), _positive_sum(personalization, "personalization"),
                        _positive_sum(nstart, "nstart"), _positive_sum(dangling, "dangling"))


@implements(_check_pagerank)
def pagerank(G, alpha=0.85, personalization=None, max_iter=100, tol=1e-06, nstart=None, weight="weight",
             dangling=None):
    _nonnegative(G, weight)
    net, column = weights_as_counts(G, weight)      # networkx sums parallel edges (1 each unweighted)
    for d, what in ((personalization, "personalization"), (nstart, "nstart"), (dangling, "dangling")):
        if d is not None and not any(v in G and d[v] for v in d):
            raise NotImplementedError(f"{what} is zero on every node of the graph (networkx decides)")
    try:
        return node_values(G, rl_pagerank(net, alpha=alpha,
                                          personalization=_per_node_dict(G, personalization), weight=column,
                                          max_iter=max_iter, tol=tol, nstart=_per_node_dict(G, nstart),
                                          dangling=_per_node_dict(G, dangling)))
    except ConvergenceError:
        raise nx.PowerIterationFailedConvergence(max_iter) from None


def _check_hits(G, max_iter, tol, nstart, normalized):
    if not normalized:
        return "normalized=False"
    if 0 < max_iter < 100:
        return ("an iteration budget below networkx's default: whether networkx's ARPACK solver converges "
                "within it is specific to ARPACK")
    return first_reason(nonempty(G), _positive_sum(nstart, "nstart"))


@implements(_check_hits)
def hits(G, max_iter=100, tol=1e-08, nstart=None, normalized=True):
    if max_iter <= 0:
        raise nx.PowerIterationFailedConvergence(max_iter)
    try:
        df = rl_hits(G.network("weight"), weight="weight", max_iter=max_iter, tol=tol,
                     nstart=_per_node_dict(G, nstart))
    except ConvergenceError:
        raise nx.PowerIterationFailedConvergence(max_iter) from None
    return node_values(G, df["hub"]), node_values(G, df["authority"])


# ---- cores -----------------------------------------------------------------------------
def _check_core(G):
    if isinstance(G, RingleaderGraph):
        loops = bool((G.src == G.dst).any())
    else:
        loops = any(v in nbrs for v, nbrs in G.adj.items())
    return "self-loops (networkx raises)" if loops else True


@implements(_check_core)
def core_number(G):
    values = np.asarray(rl_core_number(G.network()), dtype=np.float64)
    return dict(zip(G.nodes, values.astype(np.int64).tolist()))


# ---- reaching --------------------------------------------------------------------------
def _check_reaching(G, weight, normalized):
    if weight is not None:
        return "weighted reaching (its shortest paths break ties networkx's way)"
    if len(G) < 2 or G.number_of_edges() == 0:
        return "fewer than 2 nodes or no edges (networkx raises)"
    return True


@implements(_check_reaching)
def global_reaching_centrality(G, weight=None, normalized=True):
    return global_reaching(G.network())
