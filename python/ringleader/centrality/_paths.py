"""Path-based centralities: betweenness (exact, sampled, approximate with a
guarantee, per edge), closeness, harmonic and reaching centrality
(re-exported by ringleader.centrality).

All run on the collapsed (simple) network: parallel edges of any type are
merged keeping the shortest (``weight`` read as a distance); self-loops never
lie on a shortest path.  Reaching centrality reads no weights.  ``weight=None`` counts hops.  A weight column is read
as a *distance*: negative, NaN or infinite values raise ``ValueError``; if
your weights are strengths (number of calls, amounts), convert them first with
:func:`ringleader.distance_from_strength`.  Zero distances are allowed, as in
networkx.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._kernel import check_threads, column, run, seed_of as _seed
from ..network import core_of, node_series

__all__ = ["betweenness", "betweenness_approx", "edge_betweenness", "closeness", "harmonic", "local_reaching",
           "global_reaching"]


def sample_count(k, n: int) -> int:
    """0 for every source, else the number of sampled sources (checked)."""
    if k is None:
        return 0
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"k must be None or an int, not {k!r}")
    k = int(k)
    if k < 1 or k > n:
        raise ValueError(f"k must be between 1 and the number of nodes ({n}), not {k}; "
                         "use k=None for exact betweenness")
    return k


def betweenness(net, normalized: bool = True, weight: Optional[str] = None, endpoints: bool = False,
                k: Optional[int] = None, seed: Optional[int] = None, threads: int = 0,
                progress: bool = False) -> pd.Series:
    """Shortest-path betweenness centrality (exact, Brandes' algorithm).

    .. math:: c_B(v) = \\sum_{s \\ne v \\ne t} \\sigma(s, t | v) / \\sigma(s, t)

    summed over ordered pairs of distinct nodes, where :math:`\\sigma(s, t)`
    counts shortest s-t paths and :math:`\\sigma(s, t | v)` those through v.
    Unreachable pairs contribute nothing, so disconnected networks need no
    special care.  Conventions are exactly those of networkx's
    ``betweenness_centrality`` (networkx >= 3.5): with ``normalized=True``
    values are divided by (n - 1)(n - 2) (by n(n - 1) with ``endpoints``), so
    they lie in [0, 1] for directed and undirected networks alike; with
    ``normalized=False`` undirected values count each unordered pair once
    (half the ordered sum).  ``endpoints=True`` also counts a node as the end
    of its own paths.  With n <= 2 (n <= 1 with endpoints) nothing is
    rescaled.

    ``weight``: None counts hops (BFS); otherwise an edge column read as a
    distance (Dijkstra), parallel edges keeping the shortest.  Negative or NaN
    distances raise ValueError (use :func:`ringleader.distance_from_strength`
    for strengths such as call counts); zero distances are allowed.

    ``k``: use only k sources sampled uniformly without replacement and
    rescale as networkx does (source nodes and other nodes are scaled
    differently when endpoints are excluded; k = 1 gives NaN for the sampled
    node).  The sample is drawn with ``std::mt19937_64(seed)`` (``seed=None``:
    a random seed), serially, so a seed gives the same sample for any thread
    count -- it is *not* networkx's own random choice for the same seed.  The
    sampled node ids are in ``result.attrs["sources"]``.  The sums over the
    sample are added per thread, so values for different thread counts agree
    to rounding (about 1e-16 relative), not bit for bit; a fixed thread count
    and seed give bitwise the same result.

    Directed networks follow edge directions.  Complexity O(n m) unweighted,
    O(n m log n) weighted (k instead of n with sampling), O(n + m) memory per
    thread; parallel over sources (``threads=0``: every core).  For large
    networks see :func:`betweenness_approx`.

    References: Brandes, U. (2001). A faster algorithm for betweenness
    centrality. Journal of Mathematical Sociology 25(2):163-177; Brandes, U.
    (2008). On variants of shortest-path betweenness centrality and their
    generic computation. Social Networks 30(2):136-145.

    >>> rl.centrality.betweenness(net).nlargest(5)            # doctest: +SKIP
    >>> rl.centrality.betweenness(net, weight="distance")      # doctest: +SKIP
    """
    g = core_of(net)
    kk = sample_count(k, len(net))
    s = _seed(seed) if kk else 0
    values = run("betweenness", progress, _core.betweenness, g, bool(normalized), bool(endpoints),
                 column(weight), kk, s, check_threads(threads))
    out = node_series(net, values, "betweenness")
    if kk:
        out.attrs["sources"] = list(net.node_index[_core.sample_sources(len(net), kk, s)])
        out.attrs["seed"] = s
    return out


def betweenness_approx(net, epsilon: float = 0.01, delta: float = 0.1, weight: Optional[str] = None,
                       seed: Optional[int] = None, threads: int = 0, progress: bool = False) -> pd.Series:
    """Approximate normalized betweenness with a guarantee (Riondato &
    Kornaropoulos 2016).

    **Guarantee**: with probability at least ``1 - delta``, *every* node's
    estimate is within ``epsilon`` (absolute error) of its normalized
    betweenness -- networkx's ``betweenness_centrality(G, normalized=True,
    endpoints=False)``, the sum over ordered pairs divided by (n - 1)(n - 2),
    in [0, 1].

    Method: r pairs (u, v), u != v, are drawn uniformly at random; for each,
    one shortest u-v path is drawn uniformly at random among all shortest
    u-v paths (a search from u stopped at v, then a walk back choosing each
    predecessor p of w with probability sigma(p)/sigma(w)), and each of its
    interior nodes receives a count.  Riondato & Kornaropoulos normalise by
    n(n - 1), networkx by (n - 1)(n - 2): counts are multiplied by
    n / ((n - 2) r) and r is computed for epsilon' = epsilon (n - 2) / n,
    so the guarantee holds on networkx's scale:

        r = ceil((0.5 / epsilon'^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta)))

    where VD bounds the vertex diameter (the most nodes on a shortest path):
    exact on small networks (n (n + m) <= 5e7); otherwise, unweighted
    undirected: per component min(2 ecc(x) + 1, size), x its first node;
    directed or weighted: the size of the largest weakly connected component.
    r does not grow with n.  When r >= n the exact values are cheaper and are
    returned instead (``attrs["exact"]``).  ``result.attrs`` holds
    ``samples`` (r), ``vertex_diameter`` (VD) and ``exact``.

    ``weight`` is read as a distance, as in :func:`betweenness`.  Sample i
    uses its own generator seeded from (seed, i) and counts are integers, so
    a seed gives bitwise the same estimates for any thread count
    (``seed=None``: random; exact values agree to rounding).  Cost: r searches stopped at their target, parallel over samples.

    Reference: Riondato, M. and Kornaropoulos, E. M. (2016). Fast
    approximation of betweenness centrality through sampling. Data Mining and
    Knowledge Discovery 30(2):438-475.

    >>> rl.centrality.betweenness_approx(net, epsilon=0.005, seed=1).nlargest(10)   # doctest: +SKIP
    """
    epsilon, delta = float(epsilon), float(delta)
    if not 0 < epsilon < 1:
        raise ValueError(f"epsilon must be in (0, 1), e.g. 0.01, not {epsilon}")
    if not 0 < delta < 1:
        raise ValueError(f"delta must be in (0, 1), e.g. 0.1, not {delta}")
    s = _seed(seed)
    values, samples, vd, exact = run("betweenness (approximate)", progress, _core.betweenness_approx, core_of(net),
                                     epsilon, delta, column(weight), s, check_threads(threads))
    out = node_series(net, values, "betweenness")
    out.attrs.update(samples=int(samples), vertex_diameter=int(vd), exact=bool(exact), epsilon=epsilon,
                     delta=delta, seed=s)
    return out


def edge_betweenness(net, normalized: bool = True, weight: Optional[str] = None, k: Optional[int] = None,
                     seed: Optional[int] = None, threads: int = 0, progress: bool = False) -> pd.DataFrame:
    """Shortest-path betweenness of every edge of the collapsed network.

    For edge e: the sum over ordered pairs (s, t) of the share of shortest
    s-t paths that use e, exactly networkx's ``edge_betweenness_centrality``:
    ``normalized=True`` divides by n(n - 1); otherwise undirected values are
    halved (unordered pairs).  Parallel edges (of any type) are merged first,
    keeping the shortest, so each row is one pair of adjacent nodes;
    self-loops get 0.  ``weight``, ``k`` and ``seed`` as in
    :func:`betweenness` (with k sampled sources the values are multiplied by
    n / k before normalising, as networkx).

    Returns a DataFrame with columns ``source``, ``target`` (node ids; for
    undirected networks in the collapsed network's orientation) and
    ``betweenness``.  Complexity as :func:`betweenness`.

    Reference: Girvan, M. and Newman, M. E. J. (2002). Community structure in
    social and biological networks. PNAS 99(12):7821-7826; Brandes (2008).

    >>> rl.centrality.edge_betweenness(net).nlargest(5, "betweenness")   # doctest: +SKIP
    """
    kk = sample_count(k, len(net))
    s = _seed(seed) if kk else 0
    src, dst, values = run("edge betweenness", progress, _core.edge_betweenness, core_of(net), bool(normalized),
                           column(weight), kk, s, check_threads(threads))
    ids = net.node_index
    out = pd.DataFrame({"source": ids[np.asarray(src)], "target": ids[np.asarray(dst)],
                        "betweenness": np.asarray(values, dtype=np.float64)})
    if kk:
        out.attrs["sources"] = list(ids[_core.sample_sources(len(net), kk, s)])
        out.attrs["seed"] = s
    return out


def closeness(net, weight: Optional[str] = None, wf_improved: bool = True, threads: int = 0,
              progress: bool = False) -> pd.Series:
    """Closeness centrality (networkx's ``closeness_centrality``).

    .. math:: C(u) = \\frac{r(u) - 1}{\\sum_{v} d(v, u)} \\cdot \\frac{r(u) - 1}{n - 1}

    where the sum runs over the r(u) nodes that can reach u (u included) and
    d(v, u) is the shortest-path distance *to* u: for directed networks
    incoming paths, as networkx (use ``net`` reversed for outgoing distance).
    The second factor (``wf_improved=True``, Wasserman & Faust's improved
    formula) scales by the share of nodes that reach u, so nodes in small
    components do not get a high score; ``wf_improved=False`` drops it
    (Lin's closeness inside the reachable set).  A node reached by no other
    node gets 0; with n <= 1, 0.

    ``weight``: None counts hops; otherwise an edge column read as a
    distance (the shortest parallel edge is kept).  Negative or NaN distances
    raise ValueError (see :func:`ringleader.distance_from_strength`).
    Complexity O(n m) unweighted, O(n m log n) weighted; parallel over nodes.
    Unweighted searches run 64 nodes at once (bit-parallel multi-source BFS,
    Then et al. 2014, PVLDB 8(4):449-460), with the same values as one BFS
    per node.

    Reference: Freeman, L. C. (1979). Centrality in social networks:
    conceptual clarification. Social Networks 1:215-239; Wasserman, S. and
    Faust, K. (1994). Social Network Analysis, Cambridge University Press.

    >>> rl.centrality.closeness(net).nlargest(5)   # doctest: +SKIP
    """
    values = run("closeness", progress, _core.closeness, core_of(net), bool(wf_improved), column(weight),
                 check_threads(threads))
    return node_series(net, values, "closeness")


def harmonic(net, weight: Optional[str] = None, k: Optional[int] = None, seed: Optional[int] = None,
             threads: int = 0, progress: bool = False) -> pd.Series:
    """Harmonic centrality (networkx's ``harmonic_centrality``).

    .. math:: H(u) = \\sum_{v \\ne u} 1 / d(v, u)

    where 1/d = 0 for nodes that cannot reach u, and d(v, u) is the distance
    *to* u (incoming paths on directed networks, as networkx).  Pairs at
    distance zero (zero-distance edges) contribute nothing, as in networkx.
    Not normalised (divide by n - 1 for a value in [0, 1] on unweighted
    networks).  Unlike closeness it needs no correction for disconnected
    networks.

    ``weight``: None counts hops; otherwise an edge column read as a
    distance (see :func:`closeness`).  Complexity O(n m) unweighted,
    O(n m log n) weighted; parallel over nodes.  Exact unweighted runs
    search 64 nodes at once (bit-parallel BFS, as :func:`closeness`).

    ``k``: estimate from k sources sampled uniformly without replacement (as
    :func:`betweenness` samples them, from ``seed``): H(u) is estimated by
    (n / k) times the sum of 1 / d(v, u) over the sampled v != u, which is
    unbiased (Eppstein and Wang 2004 for closeness); k = n is exact.  Cost
    O(k m).  The result's ``attrs`` hold ``sources`` and ``seed``.  Partial
    sums are added per thread, so the estimate is the same for any thread
    count up to rounding.

    Reference: Marchiori, M. and Latora, V. (2000). Harmony in the
    small-world. Physica A 285:539-546; Boldi, P. and Vigna, S. (2014).
    Axioms for centrality. Internet Mathematics 10(3-4):222-262; Eppstein, D.
    and Wang, J. (2004). Fast approximation of centrality. Journal of Graph
    Algorithms and Applications 8(1):39-45.

    >>> rl.centrality.harmonic(net).nlargest(5)   # doctest: +SKIP
    """
    kk = sample_count(k, len(net))
    s = _seed(seed) if kk else 0
    values = run("harmonic", progress, _core.harmonic, core_of(net), column(weight), kk, s, check_threads(threads))
    out = node_series(net, values, "harmonic")
    if kk:
        out.attrs["sources"] = list(net.node_index[_core.sample_sources(len(net), kk, s)])
        out.attrs["seed"] = s
    return out


def local_reaching(net, threads: int = 0, progress: bool = False) -> pd.Series:
    """Local reaching centrality: how much of the network a node reaches
    (networkx's ``local_reaching_centrality``, unweighted).

    On a directed network, the share of the other nodes reachable from v
    along the edges, so the top of a chain of command (or the first account
    of a money trail) scores highest:

    .. math:: L(v) = \\frac{|R(v)|}{n - 1}

    On an undirected network everyone reaches their whole component, so
    networkx weighs each node reached by 1 / its hop distance d(v, u), which
    is harmonic centrality over n - 1:

    .. math:: L(v) = \\frac{1}{n - 1} \\sum_{u \\in R(v)} \\frac{1}{d(v, u)}

    Parallel edges, their types, weights and self-loops change nothing.  With
    n <= 1, and on a network without edges (where networkx raises), every
    node gets 0.  Weighted reaching is not provided: networkx's ``weight=``
    variant averages edge weights along one shortest path and so depends on
    how ties between shortest paths are broken.

    Complexity: a breadth-first search from every node, O(n m), parallel over
    nodes (``progress`` and Ctrl-C as :func:`closeness`).

    Reference: Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure
    for complex networks. PLoS ONE 7(3):e33799.

    >>> import pandas as pd, ringleader as rl
    >>> edges = pd.DataFrame({"source": ["boss", "boss", "lt"], "target": ["lt", "c1", "c2"]})
    >>> net = rl.Network.from_pandas(edges, directed=True)
    >>> rl.centrality.local_reaching(net).round(3).to_dict()
    {'boss': 1.0, 'lt': 0.333, 'c1': 0.0, 'c2': 0.0}
    """
    values = run("local reaching", progress, _core.local_reaching, core_of(net), check_threads(threads))
    return node_series(net, values, "local_reaching")


def global_reaching(net, threads: int = 0, progress: bool = False) -> float:
    """Global reaching centrality: how hierarchical the network is
    (networkx's ``global_reaching_centrality``, unweighted).

    .. math:: G = \\frac{1}{n - 1} \\sum_v \\left(\\max_u L(u) - L(v)\\right)

    with L the :func:`local_reaching` centrality: 0 when every node scores
    the same (a directed cycle, a complete network), 1 for a directed star
    whose centre alone reaches everyone.  0 with n <= 1 and
    without edges (networkx raises).  Complexity as :func:`local_reaching`.

    Reference: Mones, E., Vicsek, L. and Vicsek, T. (2012). Hierarchy measure
    for complex networks. PLoS ONE 7(3):e33799.

    >>> import pandas as pd, ringleader as rl
    >>> edges = pd.DataFrame({"source": ["boss", "boss", "lt"], "target": ["lt", "c1", "c2"]})
    >>> round(rl.centrality.global_reaching(rl.Network.from_pandas(edges, directed=True)), 3)
    0.889
    """
    return float(_core.global_reaching(local_reaching(net, threads, progress).to_numpy()))
