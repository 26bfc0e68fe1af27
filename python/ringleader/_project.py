"""Multi-mode projection: a person-person network from phones, accounts,
venues and direct contacts (``Network.project``)."""
from __future__ import annotations

import warnings
from typing import Iterable, Optional

import numpy as np
import pandas as pd

_WEIGHTS = ("count", "weight", "amount", "newman")


def project(net, person_type: str = "person", via: Iterable[str] = ("phone", "account", "venue"),
            weight: str = "count", max_hub: Optional[int] = 50, max_pairs: int = 200_000_000):
    """The person-person network behind a multi-mode network.

    Two persons (nodes of ``person_type``) are linked when
      - they are attached to the same node of a ``via`` type (share a phone,
        an account, a venue), through an edge of any type and direction:
        relation ``"shared_<type>"``;
      - a via node attached to one has an edge to a via node attached to the
        other (a phone one uses calls a phone the other uses; an account one
        owns transfers to an account the other owns): relation = that edge's
        type (``"call"``, ``"transfer"``);
      - they have a direct edge (e.g. ``meets``): relation = its type.
    In a directed network, call/transfer/direct evidence keeps its direction
    (source person -> target person) and shared nodes link both ways; in an
    undirected one, pairs are unordered.  A person linked to itself is
    dropped.

    ``weight`` aggregates the evidence of a pair: ``"count"`` (number of
    shared nodes, calls, transfers, meetings), ``"weight"`` (sum of the
    edges' weights; 1 per shared node), ``"amount"`` (sum of the transfers'
    amounts, other evidence 0) or ``"newman"`` (a shared node with k persons
    adds 1/(k - 1) to each of their pairs, Newman 2001; edges count 1).  The
    result has the edge ``weight`` plus one column per relation with the
    evidence it contributed (same aggregation), edge type ``"link"``, and
    the persons with their attributes (persons without links included).

    Hubs: a via node attached to more than ``max_hub`` persons (a public
    place, a call centre) would link them all; it is skipped with a warning
    (``max_hub=None`` keeps every node).  Before building pairs the number of
    shared-node pairs is computed; above ``max_pairs`` a ValueError asks for
    a smaller ``max_hub``.  Cost O(input + output).

    >>> people = net.project("person", via=["phone", "account", "venue"])   # doctest: +SKIP
    """
    from .network import Network

    if weight not in _WEIGHTS:
        raise ValueError(f"weight must be one of {_WEIGHTS}, not {weight!r}")
    via = [via] if isinstance(via, str) else list(via)
    nodes = net.nodes
    ntype = nodes["type"].to_numpy()
    ids = nodes.index
    is_person = ntype == person_type
    if not is_person.any():
        raise ValueError(f"no node has type {person_type!r}; node types: {list(net.node_types())}")
    is_via = np.isin(ntype, via)
    core = net._net
    src = np.asarray(core.edge_source(), dtype=np.int64)
    dst = np.asarray(core.edge_target(), dtype=np.int64)
    etype = np.asarray(core.edge_type_names(), dtype=object)[np.asarray(core.edge_type_codes())] \
        if len(src) else np.empty(0, dtype=object)
    ew = np.asarray(core.edge_weight(), dtype=np.float64)
    am = core.edge_amount()
    am = np.zeros(len(src)) if am is None else np.nan_to_num(np.asarray(am, dtype=np.float64))

    def value(mask):  # the evidence of edges: 1 each for "count" and "newman"
        if weight == "weight":
            return ew[mask]
        if weight == "amount":
            return am[mask]
        return np.ones(int(mask.sum()))

    # attachments person <-> via node (any edge type, either direction)
    a1 = is_person[src] & is_via[dst]
    a2 = is_via[src] & is_person[dst]
    attach = pd.DataFrame({"person": np.concatenate([src[a1], dst[a2]]),
                           "hub": np.concatenate([dst[a1], src[a2]])}).drop_duplicates()
    size = attach.groupby("hub").size()
    hubs = size[size > max_hub] if max_hub is not None else size.iloc[:0]
    if len(hubs):
        names = [ids[h] for h in hubs.sort_values(ascending=False).index[:5]]
        warnings.warn(f"{len(hubs)} {'/'.join(via)} nodes are attached to more than max_hub={max_hub} persons "
                      f"and were skipped (largest: {names}); raise max_hub to keep them", stacklevel=3)
        attach_shared = attach[~attach.hub.isin(hubs.index)]
    else:
        attach_shared = attach
    k = attach_shared.groupby("hub").size()
    n_pairs = int((k * (k - 1) // 2).sum())
    if n_pairs > max_pairs:
        raise ValueError(f"shared nodes would create {n_pairs:,} person pairs (more than max_pairs={max_pairs:,}): "
                         "lower max_hub")
    parts = []
    # shared via nodes
    pairs = attach_shared.merge(attach_shared, on="hub")
    pairs = pairs[pairs.person_x < pairs.person_y]
    if len(pairs):
        kk = pairs.hub.map(k).to_numpy()
        val = 1.0 / (kk - 1) if weight == "newman" else (np.zeros(len(pairs)) if weight == "amount"
                                                          else np.ones(len(pairs)))
        rel = "shared_" + pd.Series(ntype[pairs.hub.to_numpy()], dtype=object)
        both = pd.DataFrame({"p": pairs.person_x.to_numpy(), "q": pairs.person_y.to_numpy(), "rel": rel.to_numpy(),
                             "v": val})
        if net.directed:  # shared evidence links both ways
            both = pd.concat([both, both.rename(columns={"p": "q", "q": "p"})], ignore_index=True)
        parts.append(both)
    # edges between via nodes, mapped to the persons attached to each end
    m = is_via[src] & is_via[dst]
    if m.any():
        e = pd.DataFrame({"u": src[m], "w": dst[m], "rel": etype[m], "v": value(m)})
        e = e.merge(attach.rename(columns={"hub": "u", "person": "p"}), on="u")
        e = e.merge(attach.rename(columns={"hub": "w", "person": "q"}), on="w")
        parts.append(e[["p", "q", "rel", "v"]])
    # direct person-person edges
    d = is_person[src] & is_person[dst]
    if d.any():
        parts.append(pd.DataFrame({"p": src[d], "q": dst[d], "rel": etype[d], "v": value(d)}))
    ev = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["p", "q", "rel", "v"])
    ev = ev[ev.p != ev.q]
    if not net.directed and len(ev):
        lo, hi = np.minimum(ev.p, ev.q), np.maximum(ev.p, ev.q)
        ev = ev.assign(p=lo, q=hi)
    table = ev.pivot_table(index=["p", "q"], columns="rel", values="v", aggfunc="sum", fill_value=0.0) \
        if len(ev) else pd.DataFrame()
    person_nodes = nodes[is_person].reset_index()  # net.nodes is indexed by "id"
    if len(table):
        table.columns = [str(c) for c in table.columns]
        edges = table.reset_index()
        rels = [c for c in edges.columns if c not in ("p", "q")]
        edges.insert(2, "weight", edges[rels].sum(axis=1))
        edges["p"] = ids[edges["p"].to_numpy()]
        edges["q"] = ids[edges["q"].to_numpy()]
        edges = edges.rename(columns={"p": "source", "q": "target"})
        edges.insert(2, "type", "link")
    else:
        edges = pd.DataFrame({"source": pd.Series(dtype=object), "target": pd.Series(dtype=object),
                              "type": pd.Series(dtype=object), "weight": pd.Series(dtype=float)})
    return Network.from_pandas(edges, nodes=person_nodes, directed=net.directed)
