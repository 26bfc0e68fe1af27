"""Network pictures with matplotlib (imported when a picture is drawn):
``rl.plot.network``."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .. import layout as _layout
from .._colors import community_rgba
from ._labels import place_labels, text_sizes

__all__ = ["network", "COMMUNITY_ABOVE"]

COMMUNITY_ABOVE = 5000
"""Networks with more nodes are drawn one disc per community."""



def _text(value) -> str:
    """A label matplotlib prints as written (no mathtext), at most 40 characters."""
    s = str(value)
    s = s if len(s) <= 40 else s[:39] + "…"
    return s.replace("$", r"\$")


def _node_list(net, nodes, name: str) -> np.ndarray:
    """Vertex indices of a node id or an iterable of ids (ValueError naming unknown ones)."""
    if nodes is None:
        return np.empty(0, dtype=np.int64)
    if isinstance(nodes, pd.DataFrame):  # e.g. rl.leaders(net).head(5)
        nodes = nodes.index
    elif isinstance(nodes, pd.Series) and nodes.dtype == bool:
        nodes = nodes[nodes].index
    if isinstance(nodes, (str, bytes)) or not hasattr(nodes, "__iter__"):
        nodes = [nodes]
    nodes = list(nodes)
    pos = net.node_index.get_indexer(pd.Index(nodes, dtype=object)) if nodes else np.empty(0, dtype=np.intp)
    if (pos < 0).any():
        missing = [v for v, p in zip(nodes, pos) if p < 0][:5]
        raise ValueError(f"{name} names nodes that are not in the network: {missing!r}")
    return pos.astype(np.int64)


def _labels(net, labels, chosen: np.ndarray) -> dict:
    """Vertex -> text for the chosen vertices: ``labels`` (dict/Series node ->
    text), else the node's label attribute, else its id."""
    custom = labels if hasattr(labels, "keys") else {}
    names = net.nodes["label"].to_numpy(dtype=object)
    ids = net.node_index
    out = {}
    for v in chosen:
        node = ids[v]
        text = custom[node] if node in custom else names[v] if names[v] is not None else node
        out[int(v)] = _text(text)
    return out


def _axes(ax, title):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 9))
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(str(title).replace("$", r"\$"))
    return ax


def _edges(ax, x, y, src, dst, widths, alpha, zorder=1):
    from matplotlib.collections import LineCollection

    segments = np.stack([np.column_stack([x[src], y[src]]), np.column_stack([x[dst], y[dst]])], axis=1)
    ax.add_collection(LineCollection(segments, colors="0.45", linewidths=widths, alpha=alpha, zorder=zorder))


def _annotate(ax, x, y, texts: dict, ringed, area=None):
    """Labels centred on the points, or, with ``area`` (marker areas in
    points^2), beside the markers without overlapping each other or a
    labelled marker (:func:`~._labels.place_labels`, first come first
    placed; a leader line when a label had to move away)."""
    box = dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.75)
    if area is None:
        for v, text in texts.items():
            ax.annotate(text, (x[v], y[v]), fontsize=8, zorder=5, ha="center", va="center",
                        weight="bold" if v in ringed else "normal", bbox=box)
        return
    keys = list(texts)
    if not keys:
        return
    ax.autoscale_view()
    ax.apply_aspect()
    points = ax.transData.transform(np.column_stack([x[keys], y[keys]])) * 72.0 / ax.figure.dpi
    sizes = text_sizes([texts[v] for v in keys], 8, [v in ringed for v in keys], 8 * 0.15 + 0.5)
    spots = place_labels(points, np.sqrt(area[keys]) / 2 + 1, sizes)
    for v, (dx, dy, ha, va, ring) in zip(keys, spots):
        ax.annotate(texts[v], (x[v], y[v]), xytext=(dx, dy), textcoords="offset points", fontsize=8, zorder=5,
                    ha=ha, va=va, weight="bold" if v in ringed else "normal", bbox=box,
                    arrowprops=dict(arrowstyle="-", lw=0.5, color="0.35", shrinkA=0, shrinkB=0) if ring else None)


def network(net, pos=None, partition=None, highlight=None, labels=None, node_size=None, ax=None,
            max_labels: int = 30, seed: Optional[int] = None, title: Optional[str] = None,
            weight: Optional[str] = None, community_above: int = COMMUNITY_ABOVE):
    """Draw a network: nodes coloured by community, leaders ringed and named.

    Defaults: ``pos=None``, ``partition=None``, ``highlight=None``,
    ``labels=None``, ``node_size=None``, ``ax=None`` (a new figure),
    ``max_labels=30``, ``seed=None``, ``title=None`` (sizes and counts),
    ``weight=None``, ``community_above=5000``.

    ``pos``: a layout (DataFrame ``x``, ``y`` from :mod:`ringleader.layout`, or
    dict node -> (x, y)) placing every node; default
    :func:`ringleader.layout.force_atlas2` with ``seed`` and ``weight``.
    ``partition``: Series node -> community (e.g.
    :func:`ringleader.community.leiden`), dict or list of node sets; the 20
    largest communities get distinct colours, smaller ones grey.
    ``highlight``: node ids (e.g. ``rl.leaders(net).index[:5]``; a DataFrame
    gives its index, a boolean Series its True nodes) drawn ringed, on top
    and labelled.  ``labels``: None labels the highlighted
    nodes; True also the largest nodes; False none; a dict/Series node ->
    text labels those nodes with that text.  At most ``max_labels`` labels:
    highlighted nodes first (in the order given), then the biggest, each
    beside its node where it overlaps no other label (placed in that order;
    a thin line joins a label that had to move away); a label
    is the node's ``label`` attribute, else its id (shown verbatim: ``$`` is
    not read as mathematics).  ``node_size``:
    None sizes nodes by degree, a number gives all one size, a dict/Series
    node -> value scales marker areas with the value.  Edges are one
    LineCollection, fainter when there are many.

    Networks of more than ``community_above`` nodes (5,000: beyond that
    single nodes are no longer readable) are drawn at community level: one
    disc per community (``partition``, default
    ``rl.community.leiden(net, seed=seed, weight=weight)``), its area the
    number of members, placed as by :func:`ringleader.layout.by_community`
    or, with ``pos``, at the members' mean position; lines between
    communities wider for more (with ``weight``, heavier) edges; communities
    holding highlighted
    nodes ringed and labelled with those nodes' names (with ``labels=True``
    also the largest communities, "community c (size)").

    Returns the matplotlib Axes (``ax.figure.savefig("net.png")``).
    matplotlib is an optional dependency: ``pip install matplotlib``.

    >>> part = rl.community.leiden(net, seed=1)                            # doctest: +SKIP
    >>> top = rl.leaders(net, seed=1).index[:5]                            # doctest: +SKIP
    >>> ax = rl.plot.network(net, partition=part, highlight=top, seed=1)   # doctest: +SKIP
    """
    max_labels = _layout.check_count(max_labels, "max_labels")
    community_above = _layout.check_count(community_above, "community_above")
    if not (labels is None or isinstance(labels, bool) or hasattr(labels, "keys")):
        raise ValueError("labels must be None, True, False or a dict/Series node -> text")
    ringed = _node_list(net, highlight, "highlight")
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:  # pragma: no cover
        raise ImportError("rl.plot.network needs matplotlib: pip install 'ringleader[plot]' (or matplotlib)") from exc
    n = net.number_of_nodes()
    if n > community_above:
        return _communities(net, pos, partition, ringed, labels, ax, max_labels, seed, title, weight)
    if pos is None:
        pos = _layout.force_atlas2(net, seed=seed, weight=weight)
    x, y = _layout.aligned_positions(net, pos)
    if np.isnan(x).any() or np.isnan(y).any():
        missing = net.node_index[np.isnan(x) | np.isnan(y)][:5].tolist()
        raise ValueError(f"pos has no position for some nodes, e.g. {missing!r}: pass a layout of this network "
                         "(rl.layout.force_atlas2(net))")
    codes = _layout.partition_codes(net, partition) if partition is not None else np.zeros(n, dtype=np.int64)
    colours = community_rgba(int(codes.max()) + 1 if n else 0)[codes] if partition is not None else None
    area = _areas(net, node_size, weight)
    ax = _axes(ax, title or f"{n:,} nodes, {net.number_of_edges():,} edges"
               + (f", {len(np.unique(codes)):,} communities" if partition is not None else ""))
    src, dst, _ = _layout.edge_arrays(net, weight)
    _edges(ax, x, y, src, dst, 0.6, float(np.clip(30 / np.sqrt(len(src) + 1), 0.08, 0.6)))
    rest = np.setdiff1d(np.arange(n), ringed)
    colour = colours if colours is not None else np.array([(0.27, 0.45, 0.7, 1.0)] * n).reshape(n, 4)
    ax.scatter(x[rest], y[rest], s=area[rest], c=colour[rest], linewidths=0.3, edgecolors="white", zorder=2)
    area[ringed] = area[ringed] * 1.8 + 30
    ax.scatter(x[ringed], y[ringed], s=area[ringed], c=colour[ringed], linewidths=2,
               edgecolors="black", zorder=3)
    biggest = np.argsort(-area, kind="stable")
    if labels is False:
        chosen = np.empty(0, dtype=np.int64)
    elif hasattr(labels, "keys"):   # the ringed ones first, in the order given, then by size
        keys = _node_list(net, list(labels.keys()), "labels")
        chosen = np.concatenate([ringed[np.isin(ringed, keys)], biggest[np.isin(biggest, keys)]])
    else:
        chosen = np.concatenate([ringed, biggest if labels is True else []]).astype(np.int64)
    chosen = pd.unique(chosen)[:max_labels]
    _annotate(ax, x, y, _labels(net, labels, chosen), set(ringed.tolist()), area)
    ax.autoscale_view()
    return ax


def _areas(net, node_size, weight) -> np.ndarray:
    """Marker areas (points^2) from a size spec, smaller on larger networks."""
    n = net.number_of_nodes()
    if isinstance(node_size, (int, float, np.integer, np.floating)) and not isinstance(node_size, bool):
        if not node_size > 0:
            raise ValueError(f"node_size must be positive, not {node_size!r}")
        return np.full(n, float(node_size))
    if node_size is None:
        value = _layout.node_degrees(net, weight).astype(np.float64)
    elif hasattr(node_size, "keys"):
        value = pd.Series(node_size, dtype=np.float64).reindex(net.node_index).to_numpy(na_value=np.nan)
        value = np.nan_to_num(np.abs(value))
    else:
        raise ValueError("node_size must be None (degree), a positive number or a dict/Series node -> value")
    top = value.max() if n else 0.0
    scale = min(1.0, np.sqrt(300 / max(n, 1)))
    return (10 + 290 * (np.sqrt(value / top) if top > 0 else np.zeros(n))) * scale


def _community_names(net, partition, codes, k) -> list:
    """The partition's label of each community code (the code itself unless
    the partition is a Series)."""
    if not isinstance(partition, pd.Series):
        return list(range(k))
    values = partition.reindex(net.node_index).to_numpy(dtype=object)
    first = np.full(k, -1)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    return [values[i] for i in first]


def _discs(net, pos, codes, sizes, a, b, w, seed):
    """Centres and radii of the community discs: a community layout, or
    the members' mean position and spread in ``pos``."""
    if pos is None:
        return _layout.community_centres(sizes, a, b, w, _layout.seed_of(seed), 200)
    x, y = _layout.aligned_positions(net, pos)
    ok = ~(np.isnan(x) | np.isnan(y))
    c, k = codes[ok], len(sizes)
    count = np.maximum(np.bincount(c, minlength=k), 1)
    cx = np.bincount(c, weights=x[ok], minlength=k) / count
    cy = np.bincount(c, weights=y[ok], minlength=k) / count
    spread = np.bincount(c, weights=(x[ok] - cx[c]) ** 2 + (y[ok] - cy[c]) ** 2, minlength=k) / count
    return cx, cy, np.maximum(np.sqrt(2 * spread), 1e-3 * (np.ptp(x[ok]) if ok.any() else 1.0))


def _communities(net, pos, partition, ringed, labels, ax, max_labels, seed, title, weight):
    """The community-level picture of a large network (see :func:`network`)."""
    from matplotlib.collections import EllipseCollection

    if partition is None:
        from ..community import leiden
        partition = leiden(net, seed=seed, weight=weight)
    codes = _layout.partition_codes(net, partition)
    sizes, a, b, w = _layout.community_graph(net, codes, weight)
    k = len(sizes)
    cx, cy, radius = _discs(net, pos, codes, sizes, a, b, w, seed)
    marked = np.zeros(k, dtype=bool)
    marked[codes[ringed]] = True
    lone = _layout.isolated_groups(sizes, a, b) & ~marked
    d = np.flatnonzero(~lone)[::-1]  # the discs drawn, largest on top; isolated nodes left out
    ax = _axes(ax, title or f"{net.number_of_nodes():,} nodes in {k:,} communities (one disc per community"
               + (f"; {lone.sum():,} isolated nodes not drawn)" if lone.any() else ")"))
    if len(w):
        _edges(ax, cx, cy, a, b, 0.3 + 5 * np.sqrt(w / w.max()), float(np.clip(10 / np.sqrt(len(w)), 0.03, 0.4)), 0)
    ax.add_collection(EllipseCollection(2 * radius[d], 2 * radius[d], np.zeros(len(d)), units="xy",
                                        offsets=np.column_stack([cx[d], cy[d]]), offset_transform=ax.transData,
                                        facecolors=community_rgba(k)[d], alpha=0.85, zorder=2,
                                        edgecolors=np.where(marked[d, None], [(0, 0, 0, 1)], [(1, 1, 1, 1)]),
                                        linewidths=np.where(marked[d], 2.0, 0.5)))
    if len(d):
        pad = 0.05 * max(np.ptp(cx[d]), np.ptp(cy[d])) + radius[d].max()
        ax.set_xlim((cx[d] - radius[d]).min() - pad, (cx[d] + radius[d]).max() + pad)
        ax.set_ylim((cy[d] - radius[d]).min() - pad, (cy[d] + radius[d]).max() + pad)
    texts = {}
    for v, text in (_labels(net, labels, ringed) if labels is not False else {}).items():
        texts.setdefault(int(codes[v]), []).append(text)
    texts = {c: ", ".join(t[:3]) + (f" +{len(t) - 3}" if len(t) > 3 else "") for c, t in texts.items()}
    if labels is True:
        name = _community_names(net, partition, codes, k)
        for c in range(min(k, max_labels)):
            texts.setdefault(c, _text(f"community {name[c]} ({sizes[c]:,})"))
    _annotate(ax, cx, cy, dict(list(texts.items())[:max_labels]), set(np.flatnonzero(marked).tolist()))
    return ax
