"""Centrality measures: who has many contacts, who sits between groups, who
can reach everyone fast.

Every function returns a float64 pandas Series indexed by node id and named
after the measure.  Conventions follow networkx and are stated in each
docstring.  Measures are defined on the collapsed (simple) network: parallel
edges of any type are merged first — path measures keep the shortest parallel
edge, strength-based measures sum them (the rule of each C++ kernel,
``include/ringleader/graph/view.hpp``, so C++ and Python agree; the merged
view is built once per network and rule).  ``weight=None`` (default) is
unweighted; otherwise the name of a numeric edge column (``"weight"``,
``"amount"`` or an attribute).  Path measures read weights as distances,
spectral measures and strength as strengths: convert with
:func:`ringleader.distance_from_strength` when needed.  The GIL is released
while a kernel runs; ``threads=0`` uses every core.
"""
from __future__ import annotations

from typing import Optional

import pandas as pd

from .. import _core
from .._kernel import check_threads, column
from ..network import core_of, node_series

__all__ = ["degree", "strength"]


def degree(net, normalized: bool = True, mode: str = "all", threads: int = 0) -> pd.Series:
    """Degree centrality.

    The number of neighbours of each node in the collapsed network (a
    self-loop counts twice when undirected, as in networkx); ``mode`` ``"in"``
    or ``"out"`` counts one direction of a directed network, ``"all"`` both.
    ``normalized=True`` divides by n - 1, exactly networkx's
    ``degree_centrality`` (``in_``/``out_degree_centrality`` for the modes);
    with n <= 1 every node gets 1.  Complexity O(n + m).

    Reference: Freeman, L. C. (1979). Centrality in social networks:
    conceptual clarification. Social Networks 1:215-239.

    >>> rl.centrality.degree(net).nlargest(3)   # doctest: +SKIP
    """
    values = _core.degree(core_of(net), mode, bool(normalized), None, check_threads(threads))
    return node_series(net, values, "degree")


def strength(net, weight: str = "weight", mode: str = "all", threads: int = 0) -> pd.Series:
    """Strength: the sum of the weights of each node's edges.

    Parallel edges are summed (so on a call network with weight 1 per call,
    strength counts calls); a self-loop counts twice when undirected (networkx's
    ``G.degree(weight=...)``).  ``weight`` names a numeric edge column read as
    a strength (``None``: every edge of the collapsed network counts 1, the
    unnormalised degree).  Not normalised.  Complexity O(n + m).

    Reference: Barrat, A. et al. (2004). The architecture of complex weighted
    networks. PNAS 101(11):3747-3752.
    """
    values = _core.degree(core_of(net), mode, False, column(weight), check_threads(threads))
    return node_series(net, values, "strength")


# Measures implemented in the subpackage's modules (path-based, spectral), re-exported here.
from ._paths import *  # noqa: E402,F401,F403
from ._paths import __all__ as _paths_all  # noqa: E402
from ._spectral import *  # noqa: E402,F401,F403
from ._spectral import __all__ as _spectral_all  # noqa: E402

__all__ = __all__ + list(_paths_all) + list(_spectral_all)
