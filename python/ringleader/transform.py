"""Conversions between the ways edge weights are read."""
from __future__ import annotations

import numpy as np

from .network import Network, core_of, derive

__all__ = ["distance_from_strength"]

_METHODS = ("inverse", "max_ratio")


def distance_from_strength(net: Network, weight: str = "weight", method: str = "inverse",
                           name: str = "distance") -> Network:
    """A copy of ``net`` with an edge column ``name`` holding distances made
    from the strengths in column ``weight``, for path-based measures
    (betweenness, closeness, harmonic, shortest paths), which read weights as
    distances.

    In criminal data a weight is usually a strength — number of calls, amount
    of money — where a larger value means a closer tie.  Path measures need
    the opposite, so convert explicitly (ringleader never guesses):

    - ``"inverse"``: ``d = 1 / w`` (Newman 2001; Opsahl et al. 2010);
    - ``"max_ratio"``: ``d = max(w) / w``, so the strongest tie has distance 1.

    Strengths must be positive and finite: zero, negative or missing values
    raise ``ValueError`` (drop or fill those edges first).  Parallel edges are
    converted one by one; measures then keep the shortest.

    >>> d = rl.distance_from_strength(net, "weight")                    # doctest: +SKIP
    >>> rl.centrality.betweenness(d, weight="distance")                  # doctest: +SKIP

    Reference: Opsahl, T., Agneessens, F., Skvoretz, J. (2010). Node
    centrality in weighted networks. Social Networks 32(3):245-251.
    """
    if method not in _METHODS:
        raise ValueError(f"method must be one of {_METHODS}, not {method!r}")
    w = np.asarray(core_of(net).edge_numbers(str(weight)), dtype=np.float64)
    bad = ~(np.isfinite(w) & (w > 0))
    if bad.any():
        i = int(np.argmax(bad))
        e = net.edges.iloc[i]
        raise ValueError(f"edge {i} ({e['source']} -> {e['target']}) has strength {w[i]!r} in column "
                         f"{weight!r}: strengths must be positive and finite to become distances; "
                         "drop or fill such edges first")
    d = 1.0 / w if method == "inverse" else (w.max() / w if len(w) else w)
    return derive(net, core_of(net).with_edge_numbers(str(name), d))
