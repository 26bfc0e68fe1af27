"""Gould & Fernandez brokerage: hand-computed counts, undirected
convention, and a brute-force check on random directed graphs."""
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ringleader as rl

ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]


def test_hand_computed():
    arcs = [("a1", "b1"), ("c1", "b1"), ("x", "b1"), ("b1", "a2"), ("b1", "c2"), ("b1", "c1"), ("a1", "c1")]
    net = rl.Network.from_pandas(pd.DataFrame(arcs, columns=["source", "target"]), directed=True)
    groups = {"a1": "A", "a2": "A", "b1": "A", "c1": "B", "c2": "B", "x": "C"}
    b = rl.criminal.brokerage(net, groups)
    # b1's open two-paths: a1-a2 coordinator; a1-c2 representative (a1-c1 is closed);
    # c1-a2, x-a2 gatekeeper; c1-c2 itinerant; x-c2, x-c1 liaison
    assert b.loc["b1", ROLES].tolist() == [1, 1, 1, 2, 2]
    assert b.loc["b1", "total"] == 7
    assert b.drop("b1").total.sum() == 0
    # a node attribute works as the partition
    net2 = rl.Network.from_pandas(pd.DataFrame(arcs, columns=["source", "target"]),
                                  nodes=pd.DataFrame({"id": list(groups), "org": list(groups.values())}),
                                  directed=True)
    assert rl.criminal.brokerage(net2, "org").loc[b.index].equals(b)
    with pytest.raises(ValueError, match="no node attribute"):
        rl.criminal.brokerage(net2, "nope")


def test_undirected_counts_both_directions():
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))
    b = rl.criminal.brokerage(net, {"a": 0, "b": 0, "c": 1})
    assert b.loc["b", ROLES].tolist() == [0, 0, 1, 1, 0]
    tri = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "c", "a"]}))
    assert rl.criminal.brokerage(tri, {"a": 0, "b": 1, "c": 2}).total.sum() == 0


@pytest.mark.parametrize("seed", range(15))
def test_brute_force(seed):
    G = nx.gnp_random_graph(25, 0.15, seed=seed, directed=True)
    rng = random.Random(seed)
    groups = {v: rng.randrange(3) for v in G}
    b = rl.criminal.brokerage(rl.from_networkx(G), groups)
    for v in G:
        cnt = dict.fromkeys(ROLES, 0)
        for a in G.predecessors(v):
            for c in G.successors(v):
                if a == c or a == v or c == v or G.has_edge(a, c):
                    continue
                ga, gb, gc = groups[a], groups[v], groups[c]
                role = ("coordinator" if ga == gb == gc else "representative" if ga == gb else
                        "gatekeeper" if gb == gc else "itinerant" if ga == gc else "liaison")
                cnt[role] += 1
        assert b.loc[v, ROLES].tolist() == [cnt[r] for r in ROLES]
