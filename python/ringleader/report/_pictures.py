"""The report's pictures as inline SVG: :func:`figures` draws the person
network, the cores of the largest communities (large networks) and the
disruption curves with matplotlib (optional: no picture without it)."""
from __future__ import annotations

import io
import warnings
from typing import Optional

from .. import plot
from ._analysis import Analysis
from ._text import display

__all__ = ["figures", "svg", "PICTURE_LIMIT", "CORE_SIZE"]

PICTURE_LIMIT = 2000   # persons drawn one by one; above, a picture of the communities plus their cores
CORE_SIZE = 15         # persons per community core picture


def svg(draw, name: str, size) -> Optional[str]:
    """``draw(fig)`` on a new matplotlib figure, as inline SVG text (text as
    <text>, reproducible ids, no date); None without matplotlib.

    >>> svg(lambda fig: fig.add_subplot().plot([0, 1]), "line", (3, 2))[:4]   # doctest: +SKIP
    '<svg'
    """
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        return None
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"ringleader-{name}", "font.size": 9}), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs of exotic names
        fig = Figure(figsize=size)
        draw(fig)
        fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg"):]


def _plot_network(net, ax, partition, highlight, labels: dict, seed: int, title=None, pos=None):
    """rl.plot.network on ``ax``: communities coloured, ``highlight`` ringed,
    every one of ``labels`` (node -> text) written, highlighted nodes first;
    one disc per community above PICTURE_LIMIT persons."""
    return plot.network(net, pos=pos, partition=partition, highlight=list(highlight), labels=labels, ax=ax,
                        seed=seed, title=title, community_above=PICTURE_LIMIT, max_labels=len(labels))


def _places_all(pos, ranking) -> bool:
    """Whether the layout ``pos`` places every person (not only the highest-ranked)."""
    return pos is not None and len(pos) == len(ranking) and bool(pos.index.isin(ranking.index).all())


def figures(a: Analysis, seed: int, pos=None) -> dict:
    """name -> inline SVG (or None without matplotlib): ``network``,
    ``cores`` (above PICTURE_LIMIT persons), ``disruption`` (when
    simulated).  Nodes are named by their label, else their id; every
    leader and broker and the five highest-ranked persons are labelled (the
    caption says so).  ``pos``: the layout of the person network
    (default: rl.layout.force_atlas2 with ``seed``), shared with the
    interactive view."""
    r = a.ranking

    def name(v, width):
        return display(a.label(v) or str(v), width)

    figs = {}
    large = len(r) > PICTURE_LIMIT   # brokers would crowd the community discs' labels
    key = r.index[r["role"].isin(["leader"] if large else ["leader", "broker"]) | (r["rank"] <= 5)]
    if len(r):
        labels = {v: name(v, 24) for v in key}
        figs["network"] = svg(lambda fig: _plot_network(a.persons, fig.add_subplot(), r["community"], key, labels,
                                                        seed, pos=pos if _places_all(pos, r) else None), "network", (9, 8))
    if large:
        big = a.communities.index[:6]

        def cores(fig):
            for i, c in enumerate(big):
                members = r.index[r["community"] == c][:CORE_SIZE]
                _plot_network(a.persons.subgraph(nodes=list(members)), fig.add_subplot(2, 3, i + 1),
                              r["community"][members], members.intersection(key),
                              {v: name(v, 18) for v in members}, seed,
                              f"community {c} ({int(a.communities.loc[c, 'size']):,} persons)")
        figs["cores"] = svg(cores, "cores", (13, 9))
    if a.disruption:
        figs["disruption"] = svg(lambda fig: plot.disruption(a.disruption, ax=fig.add_subplot()),
                                 "disruption", (7, 4))
    return figs
