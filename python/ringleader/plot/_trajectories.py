"""Rank trajectories over time windows: ``rl.plot.trajectories``."""
from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
import pandas as pd

__all__ = ["trajectories"]


def trajectories(values: pd.DataFrame, top: int = 10, ax=None, by: str = "rank",
                 nodes: Optional[Iterable] = None):
    """Rank trajectories of the top nodes over time windows.

    Defaults: ``top=10``, ``ax=None`` (a new figure), ``by="rank"``,
    ``nodes=None``.

    ``values`` is a :func:`ringleader.temporal.measure` DataFrame (window x
    node).  In each window nodes are ranked by value, rank 1 = highest
    (ties share the best rank); the ``top`` nodes with the best rank in any
    window are drawn (ties: better mean rank over the windows where the node
    is present, then node order), or the given ``nodes``.  ``by="rank"``
    plots ranks with the axis inverted (rank 1 on top); ``by="value"`` the
    values.  A node absent from a window (NaN) leaves a gap.  The x axis is
    the windows' start times (``values.index.left``) for an IntervalIndex,
    else the index.  Returns the matplotlib Axes.

    >>> values = rl.temporal.measure(net, "30D", measure="pagerank")      # doctest: +SKIP
    >>> ax = rl.plot.trajectories(values, top=5)                           # doctest: +SKIP
    >>> ax.figure.savefig("pagerank-ranks.png")                            # doctest: +SKIP
    """
    if not isinstance(values, pd.DataFrame):
        raise ValueError(f"values must be a DataFrame window x node (rl.temporal.measure), not "
                         f"{type(values).__name__}")
    if by not in ("rank", "value"):
        raise ValueError(f"by must be 'rank' or 'value', not {by!r}")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise ValueError(f"top must be a positive int, not {top!r}")
    ranks = values.rank(axis=1, ascending=False, method="min")
    if nodes is None:
        best = ranks.min(axis=0).to_numpy(dtype=np.float64, na_value=np.nan)
        mean = ranks.mean(axis=0).to_numpy(dtype=np.float64, na_value=np.nan)
        order = np.lexsort((np.arange(len(best)), mean, best))
        chosen = [values.columns[j] for j in order[:top] if not np.isnan(best[j])]
    else:
        chosen = [nodes] if isinstance(nodes, str) else list(nodes)
        missing = [v for v in chosen if v not in values.columns]
        if missing:
            raise ValueError(f"nodes not in values' columns: {missing[:5]!r}")
    try:
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError as exc:  # pragma: no cover
        raise ImportError("rl.plot.trajectories needs matplotlib: pip install 'ringleader[plot]' (or matplotlib)") \
            from exc

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
    x = values.index.left if isinstance(values.index, pd.IntervalIndex) else values.index
    data = ranks if by == "rank" else values
    for node in chosen:
        ax.plot(x, data[node].to_numpy(dtype=np.float64, na_value=np.nan), marker="o", label=str(node))
    name = values.attrs.get("measure", "value")
    if by == "rank":
        ax.invert_yaxis()
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel(f"rank by {name} (1 = highest)")
    else:
        ax.set_ylabel(name)
    ax.set_xlabel("window start" if isinstance(values.index, pd.IntervalIndex) else str(values.index.name or ""))
    ax.set_title(f"{name}: {'top ' + str(len(chosen)) if nodes is None else 'selected'} nodes over time")
    if chosen:
        ax.legend(title="node", fontsize="small", loc="center left", bbox_to_anchor=(1.0, 0.5))
    return ax
