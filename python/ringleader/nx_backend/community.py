"""networkx's components and communities on ringleader's kernels
(include/ringleader/community): connected, weakly and strongly connected
components in networkx's order, Louvain and Leiden (with networkx's level
rule), semi-synchronous label propagation and modularity."""
from __future__ import annotations

import numbers
import random

import numpy as np
import pandas as pd

from .. import _core
from ..community import leiden, louvain, modularity as rl_modularity
from ..network import core_of
from ._convert import weights_as_counts
from ._dispatch import implements, weight_ok
from ._tests import exact_seeded_running

__all__ = ["connected_components", "number_connected_components", "strongly_connected_components",
           "weakly_connected_components", "louvain_communities", "louvain_partitions", "leiden_communities",
           "leiden_partitions", "label_propagation_communities", "modularity"]

_DEFAULT_THRESHOLD = 1e-07


def _groups(G, membership):
    """Sets of nodes by label, in the order of each group's first node."""
    groups = {}
    nodes = G.nodes
    for i, c in enumerate(np.asarray(membership).tolist()):
        g = groups.get(c)
        if g is None:
            groups[c] = {nodes[i]}
        else:
            g.add(nodes[i])
    return list(groups.values())


# ---- components ----------------------------------------------------------------------
# (the kernel itself: rl.community.components also computes the modularity of
# the components and a pandas Series, 2-4 times the time of the kernel)
def _components(G, strong):
    # strong: Tarjan's order on the arcs in networkx's adjacency order (the
    # simple view keeps it): networkx's order of components
    return _core.components(core_of(G.network()), bool(strong), not strong)["membership"]


@implements()
def connected_components(G):
    yield from _groups(G, _components(G, False))


@implements()
def number_connected_components(G):
    return len(set(np.asarray(_components(G, False)).tolist()))


@implements()
def strongly_connected_components(G):
    groups = {}
    for v, c in zip(G.nodes, np.asarray(_components(G, True)).tolist()):
        groups.setdefault(c, set()).add(v)
    for c in sorted(groups):    # Tarjan's completion order, as networkx yields them
        yield groups[c]


@implements()
def weakly_connected_components(G):
    yield from _groups(G, _components(G, False))


# ---- Louvain ---------------------------------------------------------------------------
def _check_louvain(G, weight, resolution, threshold, max_level, seed):
    if max_level is not None and max_level <= 0:
        return "max_level <= 0 (networkx raises)"
    if exact_seeded_running():
        return "networkx's exact seeded output is asked for (a test that compares it)"
    return weight_ok(weight)


def _seed_int(seed):
    if seed is None:
        return None
    if hasattr(seed, "getrandbits"):
        return seed.getrandbits(64)
    if isinstance(seed, numbers.Integral):
        return int(seed)
    if hasattr(seed, "randint"):   # numpy RandomState / Generator
        return int(seed.randint(0, 2**31 - 1)) if hasattr(seed, "rand") else int(seed.integers(0, 2**63 - 1))
    raise NotImplementedError(f"seed {seed!r}")


def _counts_network(G, weight):
    """:func:`weights_as_counts`, declining negative weights."""
    net, column = weights_as_counts(G, weight)
    if weight is not None and (G.column(weight, 1.0) < 0).any():
        raise NotImplementedError("negative weights")
    return net, column


def _louvain_levels(G, weight, resolution, threshold, seed):
    """networkx's level rule on ringleader's Louvain levels: each level as
    a list of sets, stopping after the first one that raises modularity by
    ``threshold`` or less."""
    net, column = _counts_network(G, weight)
    # the classic method: networkx's levels, each a coarsening of the one before, the last the result
    part = louvain(net, resolution=float(resolution), weight=column, seed=_seed_int(seed), refine=False)
    levels = list(part.attrs.get("levels") or [part])
    mod = rl_modularity(net, pd.Series(np.arange(len(G)), index=net.node_index), resolution=float(resolution),
                        weight=column)
    for level in levels:
        yield _groups(G, level.to_numpy())
        new_mod = rl_modularity(net, level, resolution=float(resolution), weight=column)
        if new_mod - mod <= threshold:
            return
        mod = new_mod


def _last_level(levels, max_level, chosen):
    """The partition at ``max_level`` (None: the last one), ``chosen`` if none."""
    for i, level in enumerate(levels, 1):
        chosen = level
        if max_level is not None and i >= max_level:
            break
    return chosen


@implements(_check_louvain)
def louvain_communities(G, weight="weight", resolution=1, threshold=_DEFAULT_THRESHOLD, max_level=None, seed=None):
    return _last_level(_louvain_levels(G, weight, resolution, threshold, seed), max_level, [{v} for v in G.nodes])


def _check_louvain_partitions(G, weight, resolution, threshold, seed):
    return _check_louvain(G, weight, resolution, threshold, None, seed)


@implements(_check_louvain_partitions)
def louvain_partitions(G, weight="weight", resolution=1, threshold=_DEFAULT_THRESHOLD, seed=None):
    if len(G) and not len(G.src):
        yield [{v} for v in G.nodes]
        return
    yield from _louvain_levels(G, weight, resolution, threshold, seed)


# ---- Leiden ----------------------------------------------------------------------------
def _check_leiden(G, weight, resolution, max_level, seed):
    if G.is_directed():
        return "directed graphs (networkx raises)"
    return weight_ok(weight)


def _leiden_levels(G, weight, resolution, seed):
    """Leiden's partition after 1, 2, ... iterations from one seed, up to the
    first iteration that changes nothing (that one not repeated)."""
    net, column = _counts_network(G, weight)
    if not len(G.src):
        yield [{v} for v in G.nodes]
        return
    s = _seed_int(seed)
    if s is None:
        s = random.SystemRandom().getrandbits(64)
    previous = None
    for i in range(1, 101):
        part = leiden(net, resolution=float(resolution), weight=column, seed=s, n_iterations=i)
        labels = part.to_numpy()
        if previous is not None and (labels == previous).all():
            return
        yield _groups(G, labels)
        previous = labels


@implements(_check_leiden)
def leiden_communities(G, weight="weight", resolution=1, max_level=None, seed=None):
    if max_level is not None and max_level <= 0:    # networkx's own check (it has no Leiden to fall back to)
        raise ValueError("max_level argument must be a positive integer or None")
    return _last_level(_leiden_levels(G, weight, resolution, seed), max_level, None)


def _check_leiden_partitions(G, weight, resolution, seed):
    return _check_leiden(G, weight, resolution, None, seed)


@implements(_check_leiden_partitions)
def leiden_partitions(G, weight="weight", resolution=1, seed=None):
    yield from _leiden_levels(G, weight, resolution, seed)


# ---- label propagation, modularity ----------------------------------------------------------
@implements()
def label_propagation_communities(G):
    # the kernel of rl.community.label_propagation(method="semi-synchronous")
    # without its pandas result; largest degree first (parallel edges counted)
    n = len(G)
    degree = np.bincount(G.src, minlength=n) + np.bincount(G.dst, minlength=n)
    order = np.argsort(-degree, kind="stable").astype(np.uint32)
    r = _core.semi_synchronous_label_propagation(core_of(G.network()), order, 0, None)
    clusters = {}
    for v, c in zip(G.nodes, np.asarray(r["membership"]).tolist()):
        clusters.setdefault(c, set()).add(v)
    return clusters.values()


def _check_modularity(G, communities, weight, resolution):
    return weight_ok(weight)


def _partition_labels(G, communities):
    """Community number of every node, or NotImplementedError when the
    communities are not a partition of the graph."""
    membership = np.full(len(G), -1, dtype=np.int64)
    for c, comm in enumerate(communities):
        for v in comm:
            i = G.index.get(v)
            if i is None or membership[i] >= 0:
                raise NotImplementedError("communities are not a partition of the graph (networkx raises)")
            membership[i] = c
    if (membership < 0).any():
        raise NotImplementedError("communities are not a partition of the graph (networkx raises)")
    return membership


@implements(_check_modularity)
def modularity(G, communities, weight="weight", resolution=1):
    if not isinstance(communities, list):
        communities = list(communities)
    membership = _partition_labels(G, communities)
    net, column = weights_as_counts(G, weight)
    total = len(G.src) if weight is None else G.column(weight, 1.0).sum()     # the network's edge weights
    if not total:
        raise NotImplementedError("no edge weight (networkx divides by zero)")
    return float(rl_modularity(net, pd.Series(membership, index=net.node_index), resolution=float(resolution),
                               weight=column))
