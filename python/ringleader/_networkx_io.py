"""Conversion to and from networkx graphs: :meth:`ringleader.Network.to_networkx`
and :func:`ringleader.from_networkx` (networkx is imported when called)."""
from __future__ import annotations

import warnings
from typing import Optional

import numpy as np
import pandas as pd

from ._pandas_io import is_missing, object_index

__all__ = ["to_networkx", "from_networkx"]


def to_networkx(net, multigraph: Optional[bool] = None):
    """See :meth:`ringleader.Network.to_networkx`."""
    import networkx as nx

    nodes, edges = net.nodes, net.edges
    if multigraph is None:
        u, v = edges["source"].map(str), edges["target"].map(str)
        if not net.directed:
            u, v = np.minimum(u, v), np.maximum(u, v)
        multigraph = bool(pd.DataFrame({"u": u, "v": v}).duplicated().any())
    cls = {(False, False): nx.Graph, (True, False): nx.DiGraph,
           (False, True): nx.MultiGraph, (True, True): nx.MultiDiGraph}[(net.directed, multigraph)]
    G = cls()
    G.add_nodes_from((node, {k: v for k, v in row.items() if not is_missing(v)})
                     for node, row in zip(nodes.index, nodes.to_dict("records")))

    def edge_rows():
        for row in edges.to_dict("records"):
            s, t = row.pop("source"), row.pop("target")
            data = {k: v for k, v in row.items() if not is_missing(v)}
            yield (s, t, None, data) if multigraph else (s, t, data)
    G.add_edges_from(edge_rows())
    return G


def from_networkx(G, node_type: str = "unknown", edge_type: str = "edge"):
    """Convert a networkx graph (any of the four classes).

    Node attributes ``type`` and ``label`` and edge attributes ``type``,
    ``weight``, ``timestamp`` and ``amount`` map onto the model; other
    attributes become columns.  Node objects that are not strings are kept as
    the original objects (their ``str()`` must be unique).

    >>> import networkx as nx, ringleader as rl
    >>> net = rl.from_networkx(nx.karate_club_graph())
    >>> net.number_of_nodes(), net.number_of_edges()
    (34, 78)
    """
    node_rows = [dict(data) for _, data in G.nodes(data=True)]
    nodes = pd.DataFrame(node_rows, index=object_index(G.nodes()))
    if "id" in nodes.columns:
        warnings.warn("node attribute 'id' renamed to 'id_' (the node id is the networkx node)", stacklevel=2)
        nodes = nodes.rename(columns={"id": "id_"})
    edge_rows = []
    renamed = set()
    for u, v, data in G.edges(data=True):
        row = {}
        for k, val in data.items():
            if k in ("source", "target"):
                renamed.add(k)
                k = k + "_"
            row[k] = val
        row["source"], row["target"] = u, v
        edge_rows.append(row)
    for k in sorted(renamed):
        warnings.warn(f"edge attribute {k!r} renamed to {k + '_'!r} (it names the edge's endpoint)",
                      stacklevel=2)
    edges = pd.DataFrame(edge_rows, columns=None if edge_rows else ["source", "target"])
    if len(edges.columns) and not edge_rows:
        edges = pd.DataFrame({"source": pd.Series([], dtype=object), "target": pd.Series([], dtype=object)})
    from .network import Network

    return Network.from_pandas(edges, nodes, directed=G.is_directed(), node_type=node_type,
                               edge_type=edge_type)
