"""Disruption curves: ``rl.plot.disruption`` (also
``rl.criminal.plot_disruption``)."""
from __future__ import annotations

import pandas as pd

__all__ = ["disruption"]


def disruption(results, measure: str = "largest_share", ax=None):
    """Plot disruption curves: ``results`` is one
    :func:`ringleader.criminal.disruption` DataFrame or a dict label ->
    DataFrame (e.g. one per strategy); ``measure`` a column.  Returns the
    matplotlib Axes.

    >>> curves = {s: rl.criminal.disruption(net, s, steps=10) for s in ("degree", "betweenness")}  # doctest: +SKIP
    >>> rl.plot.disruption(curves).figure.savefig("disruption.png")                                # doctest: +SKIP
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover
        raise ImportError("rl.plot.disruption needs matplotlib: pip install 'ringleader[plot]' (or matplotlib)") from exc
    if isinstance(results, pd.DataFrame):
        results = {"": results}
    if ax is None:
        _, ax = plt.subplots()
    for label, df in results.items():
        if measure not in df.columns:
            raise ValueError(f"measure must be a column of the results, not {measure!r}")
        ax.plot(df.index, df[measure], marker="o", label=label or None)
    ax.set_xlabel("nodes removed")
    ax.set_ylabel(measure.replace("_", " "))
    if any(results):
        ax.legend()
    return ax
