"""Methods built for covert networks: Burt's structural holes, key players,
brokerage, disruption and the leader ranking (``leaders``, also ``rl.leaders``).

Measures run on the collapsed (simple) network: parallel edges of any type
are one tie, with ``weight`` summed for structural holes; ``weight=None``
(default) is unweighted, otherwise the name of a numeric edge column read as
a strength.  Key players, brokerage and disruption ignore weights.  The C++
kernels apply this rule (``include/ringleader/graph/view.hpp``).  Results are float64 Series (or DataFrames)
indexed by node id.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._display import result_html, result_text
from .._kernel import check_threads, column, run, seed_of
from ._leader_measures import leader_measures
from ._leaders import leaders
from ..network import core_of
from ._person_network import PersonNetwork, owners, person_network
from ..plot import disruption as plot_disruption  # the plot lives with the others, in rl.plot

__all__ = ["structural_holes", "constraint", "effective_size", "efficiency", "hierarchy", "brokerage", "key_players", "KeyPlayers", "disruption", "plot_disruption", "leaders",
           "person_network", "PersonNetwork", "owners", "leader_measures"]


def structural_holes(net, weight: Optional[str] = None, threads: int = 0, progress: bool = False) -> pd.DataFrame:
    """Burt's structural-hole measures of every node, a DataFrame with
    ``constraint``, ``effective_size``, ``efficiency`` and ``hierarchy``.

    A broker bridging otherwise unconnected contacts has low constraint, an
    effective size close to its number of contacts and efficiency near 1.
    Conventions are networkx's ``constraint`` and ``effective_size`` exactly
    (self-loops included; networkx 3.6 computes weighted and directed
    effective size differently when called without ``nodes=``, by a
    normalisation slip in its scipy path; ours is its documented formula): with mutual weights a(u, v) = w(u, v) + w(v, u)
    over neighbours in either direction and p(u, v) = a(u, v) / sum_w a(u, w),
    constraint(v) = sum_j (p(v, j) + sum_q p(v, q) p(q, j))^2; effective size
    is Borgatti's n - 2t/n for unweighted undirected networks and Burt's
    sum_j (1 - sum_q p(v, q) m(j, q)) otherwise (m = a normalised by its row
    maximum).  Efficiency = effective size / number of contacts.  Hierarchy
    (Burt 1992) = sum_j r_j ln r_j / (N ln N), r_j = c(v, j) / mean over the N
    contacts: 0 when constraint is spread evenly, 1 when one contact holds it.
    NaN for nodes without (out-)neighbours as in networkx, for hierarchy with
    fewer than 2 contacts.  Complexity O(sum over edges of the degrees).

    References: Burt, R. S. (1992). Structural Holes. Harvard University
    Press; Borgatti, S. P. (1997). Structural holes: unpacking Burt's
    redundancy measures. Connections 20(1):35-38.

    >>> rl.criminal.structural_holes(net).nsmallest(3, "constraint")   # doctest: +SKIP
    """
    r = run("structural holes", progress,
            lambda rep: _core.structural_holes(core_of(net), column(weight), check_threads(threads), rep))
    return pd.DataFrame({k: np.asarray(r[k]) for k in ("constraint", "effective_size", "efficiency", "hierarchy")},
                        index=net.node_index)


def _one(name):
    def f(net, weight: Optional[str] = None, threads: int = 0) -> pd.Series:
        return structural_holes(net, weight=weight, threads=threads)[name].rename(name)
    f.__name__ = name
    f.__doc__ = f"Burt's {name.replace('_', ' ')} of every node (see :func:`structural_holes`)."
    return f


constraint = _one("constraint")
effective_size = _one("effective_size")
efficiency = _one("efficiency")
hierarchy = _one("hierarchy")


_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]


def brokerage(net, groups, threads: int = 0) -> pd.DataFrame:
    """Gould & Fernandez brokerage roles of every node for a partition.

    ``groups``: a partition (Series node -> group, dict, or list of node
    sets, e.g. :func:`ringleader.community.leiden`'s result) or the name of
    a node attribute column (e.g. ``"organisation"``).  Every open two-path
    a -> b -> c (no tie a -> c) makes b a broker: ``coordinator`` (all three
    in one group), ``itinerant`` (a and c in one group, b outside; the
    "consultant"), ``representative`` (a and b together, c outside),
    ``gatekeeper`` (b and c together, a outside) or ``liaison`` (three
    groups).  Returns a DataFrame of counts per role plus ``total``.
    Directed networks count directed paths; an undirected network counts
    every open path in both directions (UCINET's convention), so a
    representative role one way is a gatekeeper role the other way.
    Computed on the collapsed simple network.  Complexity O(sum over brokers
    of in-degree x out-degree).

    Reference: Gould, R. V. & Fernandez, R. M. (1989). Structures of
    mediation. Sociological Methodology 19:89-126.

    >>> rl.criminal.brokerage(net, rl.community.leiden(net, seed=1))   # doctest: +SKIP
    """
    from ..community import membership_codes
    if isinstance(groups, str):
        nodes = net.nodes
        if groups not in nodes.columns:
            raise ValueError(f"no node attribute {groups!r}; attributes: {list(nodes.columns)}")
        values = nodes[groups]
        if values.isna().any():
            raise ValueError(f"{int(values.isna().sum())} nodes have no {groups!r}: give every node a group")
        codes = pd.factorize(values)[0].astype(np.int64)
    else:
        codes = membership_codes(net, groups).astype(np.int64)
    counts = np.asarray(_core.brokerage(core_of(net), codes, check_threads(threads)))
    df = pd.DataFrame(counts, columns=_ROLES, index=net.node_index)
    df["total"] = df.sum(axis=1)
    return df


@dataclass(repr=False)
class KeyPlayers:
    """Result of :func:`key_players`: ``nodes`` (the set, ids), ``score`` (its
    objective value), ``objective``, ``m`` (reach steps), ``greedy_score``
    (the greedy set's value, before swaps) and ``seed``."""
    nodes: list
    score: float
    objective: str
    m: int
    greedy_score: float
    seed: int

    def _parts(self) -> tuple:
        fields = {"objective": self.objective, "score": self.score, "greedy_score": self.greedy_score,
                  "m": self.m, "seed": self.seed}
        return "KeyPlayers", fields, self.nodes, "the key players"

    def __repr__(self) -> str:
        return result_text(*self._parts())

    def _repr_html_(self) -> str:
        return result_html(*self._parts())


def key_players(net, k: int, objective: str = "fragmentation", m: Optional[int] = None, seed: Optional[int] = None,
                restarts: int = 10, threads: int = 0, progress: bool = False) -> KeyPlayers:
    """Borgatti's key players: the k nodes whose removal breaks the network
    apart most (KPP-Neg) or that reach the most others (KPP-Pos).

    Objectives, on the undirected simple network (directions and weights
    ignored), with r = n - k nodes outside the set:
    ``"fragmentation"``: F = 1 - sum_c s_c (s_c - 1) / (r (r - 1)) over the
    components left after removing the set; ``"distance_fragmentation"``:
    DF = 1 - sum_{i != j} (1/d_ij) / (r (r - 1)) (unreachable pairs count 0);
    ``"reach"``: the share of the others within ``m`` steps of the set
    (default m = 1); ``"distance_reach"``: the mean of 1 / (distance to the
    set) over the others.  Optimised as Borgatti (2006): greedy, then
    best-improvement swaps until no swap improves; never worse than greedy.
    Ties are broken by a random order from ``seed`` (recorded in the result);
    the same seed gives the same set for any number of threads.  Cost: k (n -
    k) evaluations per swap round, each O(n + m) (O(n (n + m)) for
    distance_fragmentation): meant for networks up to a few thousand nodes.

    Cost: (restarts + 1) optimisations.

    Reference: Borgatti, S. P. (2006). Identifying sets of key players in a
    social network. Computational and Mathematical Organization Theory
    12:21-34.

    >>> kp = rl.key_players(net, 3, objective="fragmentation", seed=1)   # doctest: +SKIP
    >>> kp.nodes, kp.score                                               # doctest: +SKIP
    """
    steps = kpp_steps(k, m)
    s = seed_of(seed)
    nodes, score, greedy = run("key players", progress,
                               lambda rep: _core.key_players(core_of(net), int(k), str(objective), steps, s,
                                                             int(restarts), check_threads(threads), rep))
    return key_players_result(net.node_index, nodes, score, greedy, objective, steps, s)


def kpp_steps(k, m) -> int:
    """Checks k; the reach steps m (default 1)."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"k must be an integer, not {k!r}")
    steps = 1 if m is None else m
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"m must be a positive integer (steps), not {m!r}")
    return int(steps)


def key_players_result(ids, nodes, score, greedy, objective, steps, seed) -> KeyPlayers:
    return KeyPlayers([ids[i] for i in np.asarray(nodes, dtype=np.int64)], float(score), str(objective), int(steps),
                      float(greedy), seed)


_STRATEGIES = ("degree", "degree_once", "betweenness", "betweenness_once", "key_players", "random")


def disruption(net, strategy="degree", steps: int = 10, repeats: int = 20, seed: Optional[int] = None,
               threads: int = 0, progress: bool = False) -> pd.DataFrame:
    """Simulated disruption (Duijn, Kashirin & Sloot 2014): remove nodes one
    at a time and measure what is left.

    ``strategy``: ``"degree"`` / ``"betweenness"`` (the highest, recomputed
    after each removal), ``"degree_once"`` / ``"betweenness_once"`` (ranked
    once on the intact network), ``"key_players"`` (the node whose removal
    fragments the rest most, recomputed), ``"random"`` (``repeats`` random
    orders from ``seed``, averaged) or a list of node ids (your own order,
    e.g. arrests).  Ties go to the earliest node.  The network is read as
    undirected and unweighted.

    Returns a DataFrame with one row per step (step 0 = intact): ``removed``
    (node id; None for step 0 and for random), ``largest_component`` (nodes),
    ``largest_share`` (of the original nodes), ``components``,
    ``efficiency`` (global efficiency of the remaining nodes, as networkx's
    ``global_efficiency``) and ``disconnected`` (share of pairs of remaining
    nodes with no path).  Cost per step O(r (n + m)), plus betweenness when
    recomputed.  Plot with :func:`ringleader.plot.disruption`.

    Reference: Duijn, P. A. C., Kashirin, V. & Sloot, P. M. A. (2014). The
    relative ineffectiveness of criminal network disruption. Scientific
    Reports 4:4238.

    >>> rl.criminal.disruption(net, "betweenness", steps=5)   # doctest: +SKIP
    """
    ids = net.node_index
    order = []
    if isinstance(strategy, str):
        if strategy not in _STRATEGIES:
            raise ValueError(f"strategy must be one of {_STRATEGIES} or a list of node ids, not {strategy!r}")
        name = strategy
    else:
        wanted = list(strategy)
        pos = ids.get_indexer(wanted)
        if (pos < 0).any():
            raise ValueError(f"unknown nodes in the removal order: {[w for w, p in zip(wanted, pos) if p < 0][:5]}")
        order, name, steps = pos.astype(np.uint32).tolist(), "given", len(wanted)
    check_steps(steps)
    rows = run("disruption", progress,
               lambda rep: _core.disruption(core_of(net), name, int(steps), order, int(repeats), seed_of(seed),
                                            check_threads(threads), rep))
    return disruption_frame(ids, rows)


def check_steps(steps) -> None:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a non-negative integer, not {steps!r}")


def disruption_frame(ids, rows) -> pd.DataFrame:
    """The disruption DataFrame from the kernel's (removed, largest,
    components, efficiency, disconnected) arrays; `ids` the node index."""
    removed, largest, comps, eff, disc = rows
    removed = np.asarray(removed, dtype=np.int64)
    none = removed == np.iinfo(np.uint32).max
    n = max(len(ids), 1)
    return pd.DataFrame({
        "removed": pd.Series([None if x else ids[v] for v, x in zip(removed, none)], dtype=object),
        "largest_component": np.asarray(largest),
        "largest_share": np.asarray(largest) / n,
        "components": np.asarray(comps),
        "efficiency": np.asarray(eff),
        "disconnected": np.asarray(disc),
    }).rename_axis("step")
