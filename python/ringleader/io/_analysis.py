"""The analysis written onto exported networks, shared by the GEXF, GraphML
and i2 Analyst's Notebook writers: the ranking of :func:`ringleader.leaders`
and a community partition as node columns, and Gephi's visual attributes
(position, colour, size) computed from them."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._colors import community_rgba
from ..network import Network

#: The columns of the ranking written onto the nodes, in this order.
RANKING_COLUMNS = ("rank", "score", "role", "community")


def analysis_columns(net, ranking=None, partition=None) -> pd.DataFrame:
    """The node columns ``rank``, ``score``, ``role``, ``community`` from a
    ranking (the :func:`ringleader.leaders` DataFrame) and a partition (a
    Series node -> community, which replaces the ranking's); indexed by node
    id, empty (no columns) when neither is given.  ValueError for a wrong
    type or a node not in the network."""
    extra = pd.DataFrame(index=pd.Index([], name=net.node_index.name))
    if ranking is not None:
        if not isinstance(ranking, pd.DataFrame) or not {"rank", "score"} <= set(ranking.columns):
            raise ValueError("ranking must be the DataFrame of rl.leaders (columns rank, score, ...)")
        extra = ranking[[c for c in RANKING_COLUMNS if c in ranking.columns]].copy()
    if partition is not None:
        if not isinstance(partition, pd.Series):
            raise ValueError("partition must be a Series node -> community (e.g. rl.community.leiden(net))")
        extra = extra.drop(columns=["community"], errors="ignore").join(partition.rename("community"), how="outer")
    unknown = extra.index.difference(net.node_index)
    if len(unknown):
        raise ValueError(f"the ranking or partition names nodes not in the network, e.g. {list(unknown[:3])!r}")
    return extra


def with_columns(net, extra: pd.DataFrame, fmt: str):
    """``net`` with the node columns of ``extra`` (indexed by node id; nodes
    it does not name get missing values); ``fmt`` names the format in the
    error for a column the network already has."""
    if not len(extra.columns):
        return net
    clash = [c for c in extra.columns if c in net.nodes.columns]
    if clash:
        raise ValueError(f"the network already has node columns {clash}: rename them before writing the ranking "
                         f"to {fmt}")
    nodes, edges = net.to_pandas()
    nodes = nodes.join(extra, how="left")
    return Network.from_pandas(edges, nodes=nodes, directed=net.directed)


def colours(net, community: pd.Series) -> np.ndarray:
    """0xRRGGBB per node: communities coloured by decreasing size as in
    rl.plot.network, nodes without one grey."""
    labels = community.reindex(net.node_index)
    sizes = labels.value_counts(sort=True)
    order = {c: i for i, c in enumerate(sizes.index)}
    rgba = community_rgba(len(order) + 1)
    grey = len(order)
    codes = np.array([order.get(c, grey) if pd.notna(c) else grey for c in labels], dtype=np.int64)
    rgb = np.rint(rgba[codes, :3] * 255).astype(np.uint32)
    if len(codes):
        rgb[codes == grey] = 184   # (0.72 * 255) grey for nodes outside the communities
    return (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]


def viz(out, extra: pd.DataFrame, ranking, pos, seed: int) -> dict:
    """Gephi's visual attributes of the nodes of ``out`` (a network holding
    the columns of ``extra``): ``color`` (0xRRGGBB, with a community),
    ``size`` (4 + 20 x score, with a ranking; 4 for unranked nodes) and
    ``x``, ``y`` (with ``pos``: a layout DataFrame, or True for ForceAtlas2
    from ``seed``); each an array in node order, absent when not asked."""
    n = out.number_of_nodes()
    result = {}
    if "community" in extra.columns:
        result["color"] = colours(out, extra["community"])
    if ranking is not None:
        score = ranking["score"].reindex(out.node_index).to_numpy(dtype=np.float64, na_value=np.nan)
        result["size"] = np.where(np.isnan(score), 4.0, 4.0 + 20.0 * np.clip(score, 0.0, 1.0))
    if pos is not None and pos is not False:
        from .. import layout

        layout_df = layout.force_atlas2(out, seed=seed) if pos is True else pos
        x, y = layout.aligned_positions(out, layout_df)
        if n and (np.isnan(x).any() or np.isnan(y).any()):
            raise ValueError("pos has no position for some nodes: pass a layout of this network "
                             "(rl.layout.force_atlas2(net)) or pos=True")
        result["x"], result["y"] = x, y
    return result
