"""networkx's structural holes (Burt's constraint and effective size) on
ringleader's kernel (include/ringleader/criminal/structural_holes.hpp), with
the checks that decline where networkx's two formulations differ."""
from __future__ import annotations

import numpy as np

from ..criminal import structural_holes
from ._convert import node_values, weight_name
from ._dispatch import first_reason, implements, multigraph_declined, nonempty, weight_ok

__all__ = ["constraint", "effective_size"]


def _check_holes(G, nodes, weight):
    return first_reason(nonempty(G), multigraph_declined(G), weight_ok(weight))


def _self_loop_only(G):
    """Nodes whose every edge is a self-loop."""
    loops = set(G.src[G.src == G.dst].tolist())
    other = set(G.src[G.src != G.dst].tolist()) | set(G.dst[G.src != G.dst].tolist())
    return loops - other


def _decline_every_node(G, weight, what):
    """NotImplementedError where networkx's scipy formulation (every node,
    nodes=None) differs from its per-node one (the one ringleader implements)."""
    if _self_loop_only(G):
        raise NotImplementedError("a node whose only tie is a self-loop (networkx's scipy formulation "
                                  "gives NaN or a value depending on the loop's weight)")
    if what == "effective_size" and (G.directed or weight is not None):
        raise NotImplementedError("effective size of every node of a directed or weighted graph "
                                  "(networkx's scipy formulation differs from its per-node one)")
    if what == "constraint" and G.directed:
        n = len(G)
        out = np.bincount(G.src[G.src != G.dst], minlength=n)
        inn = np.bincount(G.dst[G.src != G.dst], minlength=n)
        if ((out == 0) & (inn > 0)).any():
            raise NotImplementedError("constraint of nodes with incoming ties only (networkx's scipy "
                                      "formulation gives a value, its per-node one NaN)")


def _holes(G, nodes, weight, what):
    """networkx computes all nodes (nodes=None) with a scipy formulation that
    differs from its per-node one (the one ringleader implements) for
    effective size on directed or weighted graphs and for the constraint of
    directed nodes with in-ties only: networkx runs those calls."""
    if nodes is None:
        _decline_every_node(G, weight, what)
    df = structural_holes(G.network(weight), weight=weight_name(weight))
    values = df[what].to_numpy(dtype=np.float64)
    if nodes is None:
        return node_values(G, values)
    out = {}
    loop_only = _self_loop_only(G)
    for v in nodes:
        if v not in G:
            raise NotImplementedError("nodes names a node that is not in the graph (networkx raises)")
        if G.index[v] in loop_only:
            raise NotImplementedError("a node whose only tie is a self-loop: networkx's nodes= path "
                                      "differs from its default path; networkx decides")
        out[v] = float(values[G.index[v]])
    return out


@implements(_check_holes)
def constraint(G, nodes=None, weight=None):
    return _holes(G, nodes, weight, "constraint")


@implements(_check_holes)
def effective_size(G, nodes=None, weight=None):
    return _holes(G, nodes, weight, "effective_size")
