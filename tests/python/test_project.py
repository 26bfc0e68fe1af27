"""Multi-mode projection: a hand-built case, hubs, weights, directions, and
an independent loop-based check on a generated fraud network."""
import collections
import warnings

import pandas as pd
import pytest

import ringleader as rl


def _case(directed=False):
    nodes = pd.DataFrame({"id": ["P1", "P2", "P3", "T1", "T2", "T3", "A1", "A2", "V1"],
                          "type": ["person"] * 3 + ["phone"] * 3 + ["account"] * 2 + ["venue"]})
    e = [("P1", "T1", "uses", None), ("P2", "T2", "uses", None), ("P2", "T3", "uses", None),
         ("P3", "T3", "uses", None), ("T1", "T2", "call", None), ("T1", "T2", "call", None),
         ("P1", "A1", "owns", None), ("P3", "A2", "owns", None), ("A1", "A2", "transfer", 100.0),
         ("P1", "V1", "located_at", None), ("P2", "V1", "located_at", None), ("P3", "V1", "located_at", None),
         ("P1", "P3", "meets", None)]
    edges = pd.DataFrame(e, columns=["source", "target", "type", "amount"])
    return rl.Network.from_pandas(edges, nodes=nodes, directed=directed)


def _weights(p):
    e = p.edges
    return {frozenset((s, t)) if not p.directed else (s, t): w for s, t, w in zip(e.source, e.target, e.weight)}


def test_hand_built_projection():
    net = _case()
    p = net.project("person")
    assert set(p.nodes.index) == {"P1", "P2", "P3"}
    w = _weights(p)
    assert w == {frozenset(("P1", "P2")): 3, frozenset(("P2", "P3")): 2, frozenset(("P1", "P3")): 3}
    e = p.edges.set_index(["source", "target"])
    row = e.loc[[i for i in e.index if set(i) == {"P1", "P3"}][0]]
    assert (row["transfer"], row["meets"], row["shared_venue"]) == (1, 1, 1)
    with pytest.warns(UserWarning, match="max_hub"):
        q = net.project("person", max_hub=2)
    assert _weights(q)[frozenset(("P2", "P3"))] == 1  # the venue of three is skipped
    n = _weights(net.project("person", weight="newman"))
    assert n[frozenset(("P2", "P3"))] == pytest.approx(1 + 0.5)
    a = _weights(net.project("person", weight="amount"))
    assert a[frozenset(("P1", "P3"))] == pytest.approx(100.0)


def test_directed_projection_keeps_direction():
    p = _case(directed=True).project("person")
    w = _weights(p)
    assert w[("P1", "P2")] == 2 + 1 and w[("P2", "P1")] == 1  # calls one way, the venue both ways
    assert w[("P1", "P3")] == 1 + 1 + 1 and w[("P3", "P1")] == 1
    with pytest.raises(ValueError, match="no node has type"):
        _case().project("suspect")


def test_fraud_network_projection_matches_loops():
    net, truth = rl.generate.fraud_network(n_groups=2, teams_per_group=2, operators_per_team=3,
                                           victims_per_operator=2, seed=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p = net.project("person", max_hub=None)
    nodes = net.nodes
    kind = nodes["type"].to_dict()
    e = net.edges
    attach = collections.defaultdict(set)
    for s, t in zip(e.source, e.target):
        if kind[s] == "person" and kind[t] != "person":
            attach[t].add(s)
        elif kind[t] == "person" and kind[s] != "person":
            attach[s].add(t)
    ref = collections.Counter()
    for h, ps in attach.items():
        ps = sorted(ps)
        for i in range(len(ps)):
            for j in range(i + 1, len(ps)):
                ref[frozenset((ps[i], ps[j]))] += 1
    for s, t in zip(e.source, e.target):
        if kind[s] != "person" and kind[t] != "person":
            for a in attach[s]:
                for b in attach[t]:
                    if a != b:
                        ref[frozenset((a, b))] += 1
        elif kind[s] == "person" and kind[t] == "person" and s != t:
            ref[frozenset((s, t))] += 1
    # the generated network is directed: shared nodes link both ways, so
    # compare the sum over both directions with shared evidence counted twice
    got = collections.Counter()
    for s, t, w, *shared in zip(p.edges.source, p.edges.target, p.edges.weight,
                                *(p.edges[c] for c in p.edges.columns if c.startswith("shared_"))):
        got[frozenset((s, t))] += w - sum(shared) / 2
    assert {k: v for k, v in got.items()} == pytest.approx(dict(ref))
    assert (p.nodes["type"] == "person").all() and len(p.nodes) == len(truth)
