"""networkx's maximum flow value and minimum cut on ringleader's
Boykov-Kolmogorov max flow (include/ringleader/paths/max_flow.hpp), exact on
integer capacities; networkx runs the others."""
from __future__ import annotations

import math

import numpy as np
import networkx as nx

from .. import _core
from ._dispatch import implements

__all__ = ["maximum_flow_value", "minimum_cut"]


def _flow_funcs():
    from networkx.algorithms import flow
    return {flow.edmonds_karp, flow.preflow_push, flow.shortest_augmenting_path, flow.boykov_kolmogorov,
            flow.dinitz}


def _check_flow(G, _s, _t, capacity, flow_func):
    if G.is_multigraph():
        return "multigraphs (networkx raises)"
    if flow_func is not None and flow_func not in _flow_funcs():
        return "a flow_func of your own"
    if _s not in G or _t not in G or _s == _t:
        return "source or sink missing or equal (networkx raises)"
    return True


def _max_flow(G, s, t, capacity):
    cap = G.column(capacity, math.inf)
    finite = np.isfinite(cap)
    if np.isnan(cap).any() or (cap < 0).any():
        raise NotImplementedError("NaN or negative capacities: networkx decides")
    if not (np.floor(cap[finite]) == cap[finite]).all():
        raise NotImplementedError("non-integer capacities (ringleader's max flow is exact on integers)")
    total = float(cap[finite].sum())
    big = 3 * total or 1.0      # networkx's stand-in for an infinite capacity
    if big >= 2.0 ** 60:
        raise NotImplementedError("capacities too large for exact 64-bit integers")
    c = np.where(finite, cap, big).astype(np.int64)
    src, dst = G.src, G.dst
    if not G.directed:
        src, dst, c = np.concatenate([src, dst]), np.concatenate([dst, src]), np.concatenate([c, c])
    value, source_side, sink_side = _core.max_flow(len(G), src, dst, c, G.index[s], G.index[t])
    if not finite.all() and value >= big:
        raise nx.NetworkXUnbounded("Infinite capacity path, flow unbounded above.")
    value = int(value) if cap.integral else float(value)
    return value, np.asarray(sink_side, dtype=bool)


@implements(_check_flow)
def maximum_flow_value(flowG, _s, _t, capacity="capacity", flow_func=None, **kwargs):
    return _max_flow(flowG, _s, _t, capacity)[0]


@implements(_check_flow)
def minimum_cut(flowG, _s, _t, capacity="capacity", flow_func=None, **kwargs):
    value, sink_side = _max_flow(flowG, _s, _t, capacity)
    nodes = flowG.nodes
    non_reachable = {nodes[i] for i in np.flatnonzero(sink_side).tolist()}
    reachable = {v for v in nodes if v not in non_reachable}
    return value, (reachable, non_reachable)
