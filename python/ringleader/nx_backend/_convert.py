"""Conversion both ways: a networkx graph to the backend's graph
(:class:`RingleaderGraph`, networkx's ``convert_from_nx``) and back
(``convert_to_nx``), and the small conversions every family shares: the
weight column a kernel reads, results back to node-keyed dicts of Python
floats."""
from __future__ import annotations

import numbers

import numpy as np
import networkx as nx

from .. import _core
from ..network import Network, wrap

__all__ = ["RingleaderGraph", "convert_from_nx", "convert_to_nx", "node_values", "weight_name",
           "weights_as_counts"]


class RingleaderGraph:
    """A networkx graph converted for ringleader: node objects in networkx's
    order, edges as integer arrays (every parallel edge, each undirected edge
    once), numeric edge columns, and the ringleader networks built from them
    (cached per weight column)."""

    __networkx_backend__ = "ringleader"

    def __init__(self, nodes, directed, multigraph, src, dst, keys, columns, edge_dicts, graph):
        self.nodes = nodes
        self.index = {v: i for i, v in enumerate(nodes)}
        self.directed = bool(directed)
        self.multigraph = bool(multigraph)
        self.src = src
        self.dst = dst
        self.keys = keys                # multigraph edge keys (for the way back), else None
        self.columns = columns          # name -> float64 array, or None when not numeric
        self.edge_dicts = edge_dicts    # copies of the edge data when all attributes were kept
        self.graph = graph
        self._nets = {}

    def is_directed(self) -> bool:
        return self.directed

    def is_multigraph(self) -> bool:
        return self.multigraph

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self.src)

    def __len__(self) -> int:
        return len(self.nodes)

    def __iter__(self):
        return iter(self.nodes)

    def __contains__(self, node) -> bool:
        try:
            return node in self.index
        except TypeError:
            return False

    def __repr__(self) -> str:
        kind = ("Multi" if self.multigraph else "") + ("DiGraph" if self.directed else "Graph")
        return f"<ringleader {kind} with {len(self.nodes)} nodes and {len(self.src)} edges>"

    def column(self, name, default=1.0):
        """The numeric edge column ``name`` (missing values ``default``), or
        NotImplementedError when it is not numeric (networkx then runs)."""
        if name in self.columns:
            col = self.columns[name]
        elif self.edge_dicts is not None:
            col = self.columns[name] = _numeric([d.get(name, default) for d in self.edge_dicts])
        else:
            col = None
        if col is None:
            raise NotImplementedError(f"edge attribute {name!r} is not numeric for every edge")
        return col

    def network(self, column=None) -> Network:
        """The ringleader network (node i has id ``str(i)``) with ``column`` as
        its weight (ones without a column)."""
        net = self._nets.get(column)
        if net is None:
            n, m = len(self.nodes), len(self.src)
            w = np.ones(m) if column is None else self.column(column)
            if column is not None and not np.isfinite(w).all():
                raise NotImplementedError(f"edge attribute {column!r} has infinite or NaN values")
            if column is not None and (w < 0).any():
                # ringleader's kernels refuse negative weights; networkx computes something: it runs
                raise NotImplementedError(f"edge attribute {column!r} has negative values")
            core = _core.from_arrays(self.directed, [str(i) for i in range(n)], np.zeros(n, dtype=np.uint16),
                                     ["node"], None, [], self.src, self.dst, np.zeros(m, dtype=np.uint16), ["edge"],
                                     w, None, None, [])
            net = self._nets[column] = wrap(core)
        return net

    def to_networkx(self):
        cls = {(False, False): nx.Graph, (True, False): nx.DiGraph,
               (False, True): nx.MultiGraph, (True, True): nx.MultiDiGraph}[(self.directed, self.multigraph)]
        G = cls()
        G.graph.update(self.graph)
        G.add_nodes_from(self.nodes)
        for e in range(len(self.src)):
            if self.edge_dicts is not None:
                data = dict(self.edge_dicts[e])
            else:
                data = {k: float(c[e]) for k, c in self.columns.items() if c is not None}
            u, v = self.nodes[self.src[e]], self.nodes[self.dst[e]]
            if self.multigraph:
                G.add_edge(u, v, key=self.keys[e], **data)
            else:
                G.add_edge(u, v, **data)
        return G


class _Column(np.ndarray):
    """float64 edge values that remember whether every value was an int."""
    integral = False


def _numeric(values):
    """float64 array of the values, or None when one is not a real number
    (strings such as "3" included: networkx would fail on them)."""
    if not all(type(x) is float or type(x) is int or isinstance(x, numbers.Real) for x in values):
        return None
    col = (np.asarray(values, dtype=np.float64) if values else np.empty(0)).view(_Column)
    col.integral = all(type(x) is int or isinstance(x, numbers.Integral) for x in values)
    return col


def _edge_arrays(G, nodes):
    """Sources, targets (indices into ``nodes``), multigraph keys (else None)
    and edge data dicts of every edge, in ``G.edges()`` order."""
    index = {v: i for i, v in enumerate(nodes)}
    if G.is_multigraph():
        edges = list(G.edges(keys=True, data=True))
        m = len(edges)
        src = np.fromiter((index[e[0]] for e in edges), dtype=np.uint32, count=m)
        dst = np.fromiter((index[e[1]] for e in edges), dtype=np.uint32, count=m)
        return src, dst, [k for _, _, k, _ in edges], [d for _, _, _, d in edges]
    # straight from the adjacency dicts (G.adjacency(), node order), in
    # G.edges() order: every arc of a directed graph; an undirected edge where
    # it is first met (v not before u)
    adj = [nbrs for _, nbrs in G.adjacency()]
    degree = np.fromiter(map(len, adj), dtype=np.int64, count=len(nodes))
    arcs = int(degree.sum())
    src = np.repeat(np.arange(len(nodes), dtype=np.uint32), degree)
    dst = np.fromiter((index[v] for nbrs in adj for v in nbrs), dtype=np.uint32, count=arcs)
    data = [d for nbrs in adj for d in nbrs.values()]
    if not G.is_directed():
        keep = src <= dst
        src, dst = src[keep], dst[keep]
        data = [d for d, k in zip(data, keep.tolist()) if k]
    return src, dst, None, data


def convert_from_nx(G, edge_attrs=None, node_attrs=None, preserve_edge_attrs=False, preserve_node_attrs=False,
                    preserve_graph_attrs=False, name=None, graph_name=None):
    """networkx graph -> :class:`RingleaderGraph` (networkx's backend API).

    ``edge_attrs`` maps the edge attributes to keep to their default for edges
    without them; ``preserve_edge_attrs=True`` keeps every attribute.  Node
    attributes are not used by the accelerated functions.
    """
    if isinstance(G, RingleaderGraph):
        return G
    nodes = list(G)
    src, dst, keys, data = _edge_arrays(G, nodes)
    _core.check_counts(len(nodes), len(src), "graph")
    columns = {}
    edge_dicts = None
    if preserve_edge_attrs:
        edge_dicts = [dict(d) for d in data]
    elif edge_attrs:
        for attr, default in edge_attrs.items():
            columns[attr] = _numeric([d.get(attr, default) for d in data])
    graph = dict(G.graph) if preserve_graph_attrs else {}
    return RingleaderGraph(nodes, G.is_directed(), G.is_multigraph(), src, dst, keys, columns, edge_dicts, graph)


def convert_to_nx(obj, *, name=None):
    """Results are already networkx's types; a backend graph goes back to networkx."""
    if isinstance(obj, RingleaderGraph):
        return obj.to_networkx()
    return obj


# ---- shared by the families ----------------------------------------------------
def weight_name(column):
    """The weight argument of a ringleader function on ``G.network(column)``."""
    return None if column is None else "weight"


def weights_as_counts(G, weight):
    """The network whose weight column is ``weight`` (missing = 1), or 1 per
    edge when weight is None: parallel edges then count once each."""
    if weight is None:
        return G.network(None), "weight"
    w = G.column(weight, 1.0)
    if not np.isfinite(w).all():
        raise NotImplementedError("non-finite weights")
    return G.network(weight), "weight"


def node_values(G, series) -> dict:
    """networkx's result: the node objects to Python floats, in node order."""
    return dict(zip(G.nodes, np.asarray(series, dtype=np.float64).tolist()))
