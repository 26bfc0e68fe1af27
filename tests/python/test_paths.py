"""rl.paths: shortest, all shortest and k shortest paths against networkx;
time-respecting paths against a brute-force fixpoint; ego networks."""
from __future__ import annotations

import itertools
import random

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

nx = pytest.importorskip("networkx")
from _graphs import CASES  # noqa: E402

SMALL = [c for c in CASES if 2 <= len(c[1]) <= 60]


def min_simple(G):
    """The simple graph networkx's path functions see: the shortest parallel
    edge, self-loops dropped."""
    S = nx.DiGraph() if G.is_directed() else nx.Graph()
    S.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = d.get("weight", 1.0)
        if not S.has_edge(u, v) or w < S[u][v]["weight"]:
            S.add_edge(u, v, weight=w)
    return S


def pairs(G, k=12, seed=0):
    rng = random.Random(seed)
    nodes = list(G)
    return [(rng.choice(nodes), rng.choice(nodes)) for _ in range(k)]


def check_path(net, p, source, target, weight):
    assert p.nodes[0] == source and p.nodes[-1] == target
    assert len(set(p.nodes)) == len(p.nodes)
    assert len(p.edges) == len(p.nodes) - 1
    for (a, b), row in zip(zip(p.nodes, p.nodes[1:]), p.edges.itertuples()):
        assert {row.source, row.target} == {a, b} if not net.directed else (row.source, row.target) == (a, b)
    length = p.edges["weight"].sum() if weight else len(p.edges)
    assert p.length == pytest.approx(length, rel=1e-12)


@pytest.mark.parametrize("name,G,S", SMALL, ids=[c[0] for c in SMALL])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_shortest_and_all_shortest_equal_networkx(name, G, S, weight):
    net = rl.from_networkx(G)
    H = min_simple(G)
    for a, b in pairs(G):
        p = rl.paths.shortest(net, a, b, weight=weight)
        try:
            ref = nx.shortest_path_length(H, a, b, weight=weight)
        except nx.NetworkXNoPath:
            assert p is None and rl.paths.all_shortest(net, a, b, weight=weight) == []
            continue
        check_path(net, p, a, b, weight)
        assert p.length == pytest.approx(ref, rel=1e-12)
        ours = {tuple(q.nodes) for q in rl.paths.all_shortest(net, a, b, weight=weight)}
        theirs = {tuple(q) for q in nx.all_shortest_paths(H, a, b, weight=weight)}
        assert ours == theirs


@pytest.mark.parametrize("name,G,S", SMALL[:24], ids=[c[0] for c in SMALL[:24]])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_k_shortest_equal_networkx_shortest_simple_paths(name, G, S, weight):
    net = rl.from_networkx(G)
    H = min_simple(G)
    k = 8
    for a, b in pairs(G, 6, seed=1):
        if a == b:
            continue
        ours = rl.paths.k_shortest(net, a, b, k, weight=weight)
        gen = nx.shortest_simple_paths(H, a, b, weight=weight)
        try:
            theirs = list(itertools.islice(gen, k))
        except nx.NetworkXNoPath:
            theirs = []
        assert len(ours) == len(theirs)

        def length(p):
            return nx.path_weight(H, p, weight) if weight else len(p) - 1
        assert [p.length for p in ours] == pytest.approx([length(p) for p in theirs], rel=1e-12)
        for p in ours:
            check_path(net, p, a, b, weight)
        assert len({tuple(p.nodes) for p in ours}) == len(ours)
        if ours:  # the same paths, except among ties at the k-th length
            cut = ours[-1].length * (1 - 1e-12)
            assert {tuple(p.nodes) for p in ours if p.length < cut} == \
                {tuple(p) for p in theirs if length(p) < cut}


def test_k_shortest_lists_every_simple_path():
    G = nx.gnp_random_graph(9, 0.45, seed=3)
    net = rl.from_networkx(G)
    everything = {tuple(p) for p in nx.all_simple_paths(G, 0, 8)}
    ours = rl.paths.k_shortest(net, 0, 8, len(everything) + 5)
    assert {tuple(p.nodes) for p in ours} == everything
    assert [p.length for p in ours] == sorted(p.length for p in ours)


def typed():
    """Two persons linked by a shared phone, by a chain of person contacts,
    and by a transfer between their accounts."""
    e = pd.DataFrame([
        ("alice", "ph1", "uses"), ("bob", "ph1", "uses"),
        ("alice", "carol", "meets"), ("carol", "dave", "meets"), ("dave", "bob", "meets"),
        ("alice", "acc1", "owns"), ("bob", "acc2", "owns"), ("acc1", "acc2", "transfer"),
    ], columns=["source", "target", "type"])
    n = pd.DataFrame({"id": ["alice", "bob", "carol", "dave", "ph1", "acc1", "acc2"],
                      "type": ["person"] * 4 + ["phone", "account", "account"]})
    return rl.Network.from_pandas(e, nodes=n)


def test_filters_by_node_and_edge_type():
    net = typed()
    assert rl.paths.shortest(net, "alice", "bob").nodes == ["alice", "ph1", "bob"]
    assert rl.paths.shortest(net, "alice", "bob", via_types="person").nodes == ["alice", "carol", "dave", "bob"]
    p = rl.paths.shortest(net, "alice", "bob", via_types=["account"])
    assert p.nodes == ["alice", "acc1", "acc2", "bob"] and list(p.edges["type"]) == ["owns", "transfer", "owns"]
    assert rl.paths.shortest(net, "alice", "bob", edge_types=["meets"]).length == 3
    assert rl.paths.shortest(net, "alice", "bob", via_types=["account"],
                             edge_types=["uses", "owns"]) is None
    assert [p.length for p in rl.paths.k_shortest(net, "alice", "bob", 5)] == [2, 3, 3]
    with pytest.raises(ValueError, match="unknown node types"):
        rl.paths.shortest(net, "alice", "bob", via_types=["venue"])
    with pytest.raises(ValueError, match="unknown edge types"):
        rl.paths.shortest(net, "alice", "bob", edge_types=["calls"])
    with pytest.raises(ValueError, match="'zed' is not a node"):
        rl.paths.shortest(net, "alice", "zed")


def test_direction_and_bad_weights():
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "weight": [1.0, -1.0]}),
                                 directed=True)
    assert rl.paths.shortest(net, "c", "a") is None
    assert rl.paths.shortest(net, "c", "a", ignore_direction=True).nodes == ["c", "b", "a"]
    with pytest.raises(ValueError, match="distances"):
        rl.paths.shortest(net, "a", "c", weight="weight")
    assert rl.paths.shortest(net, "a", "a").nodes == ["a"] and rl.paths.k_shortest(net, "a", "a", 3)[0].length == 0


# ---- time-respecting paths ------------------------------------------------------

def temporal_net(seed, directed, n=9, m=26):
    rng = random.Random(seed)
    rows = [(f"v{rng.randrange(n)}", f"v{rng.randrange(n)}", 1_700_000_000 + rng.randrange(6) * 60)
            for _ in range(m)]
    rows.append(("v0", "v1", None))  # no timestamp: never used
    e = pd.DataFrame(rows, columns=["source", "target", "t"])
    e["timestamp"] = pd.to_datetime(e.pop("t"), unit="s", utc=True)
    nodes = pd.DataFrame({"id": [f"v{i}" for i in range(n)], "type": "x"})
    return rl.Network.from_pandas(e, nodes=nodes, directed=directed)


def brute_reach(net, root, forward, start, end, strict, both):
    """Fixpoint of arrival[v] = min over usable edges u -> v at t of t (or the
    mirror for departures), independent of any edge order."""
    e = net.edges.dropna(subset=["timestamp"])
    t = e["timestamp"].astype("int64").to_numpy()
    keep = np.ones(len(e), bool)
    if start is not None:
        keep &= t >= start
    if end is not None:
        keep &= t < end
    arcs = [(s, d, x) for s, d, x, k in zip(e.source, e.target, t, keep) if k and s != d]
    if both:
        arcs += [(d, s, x) for s, d, x in arcs]
    best = {root: (start if start is not None else -np.inf) if forward else (end if end is not None else np.inf)}
    changed = True
    while changed:
        changed = False
        for s, d, x in arcs:
            frm, to = (s, d) if forward else (d, s)
            if frm not in best or to == root:
                continue
            ok = (best[frm] < x if strict else best[frm] <= x) if forward else (x < best[frm] if strict else x <= best[frm])
            if ok and (to not in best or (x < best[to] if forward else x > best[to])):
                best[to] = x
                changed = True
    return best


@pytest.mark.parametrize("seed", range(12))
def test_time_respecting_paths_match_brute_force(seed):
    directed = seed % 2 == 0
    net = temporal_net(seed, directed)
    t0 = 1_700_000_000 * 10**9
    for strict, ignore, (start, end) in itertools.product((False, True), (False, True),
                                                          ((None, None), (t0 + 60 * 10**9, t0 + 240 * 10**9))):
        both = not directed or ignore
        for root in ("v0", "v3"):
            ea = rl.paths.earliest_arrival(net, root, start=None if start is None else pd.Timestamp(start, tz="UTC"),
                                           end=None if end is None else pd.Timestamp(end, tz="UTC"),
                                           strict=strict, ignore_direction=ignore)
            ref = brute_reach(net, root, True, start, end, strict, both)
            assert set(ea.index) == set(ref)
            for v, row in ea.iterrows():
                if v != root:
                    assert row.arrival.value == ref[v]
            ld = rl.paths.latest_departure(net, root, start=None if start is None else pd.Timestamp(start, tz="UTC"),
                                           end=None if end is None else pd.Timestamp(end, tz="UTC"),
                                           strict=strict, ignore_direction=ignore)
            ref = brute_reach(net, root, False, start, end, strict, both)
            assert set(ld.index) == set(ref)
            for v, row in ld.iterrows():
                if v != root:
                    assert row.departure.value == ref[v]
            # the paths: connected, in the window, never back in time, arriving when said
            for target in ea.index:
                if target == root:
                    continue
                for mode in ("earliest_arrival", "latest_departure"):
                    p = rl.paths.time_respecting(net, root, target, start=pd.Timestamp(start, tz="UTC") if start else None,
                                                 end=pd.Timestamp(end, tz="UTC") if end else None, mode=mode,
                                                 strict=strict, ignore_direction=ignore)
                    assert p is not None and p.nodes[0] == root and p.nodes[-1] == target
                    ts = p.edges["timestamp"].astype("int64").to_numpy()
                    assert (np.diff(ts) > 0).all() if strict else (np.diff(ts) >= 0).all()
                    if start is not None:
                        assert ts.min() >= start and ts.max() < end
                    for (a, b), row in zip(zip(p.nodes, p.nodes[1:]), p.edges.itertuples()):
                        assert (row.source, row.target) == (a, b) or (both and (row.source, row.target) == (b, a))
                    if mode == "earliest_arrival":
                        assert ts[-1] == ea.loc[target, "arrival"].value


def test_time_respecting_money_chain():
    e = pd.DataFrame({"source": ["a", "b", "b", "c"], "target": ["b", "c", "d", "d"],
                      "timestamp": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-02", "2024-01-04"], utc=True),
                      "amount": [100.0, 90.0, 5.0, 80.0]})
    net = rl.Network.from_pandas(e, directed=True)
    p = rl.paths.time_respecting(net, "a", "d")
    assert p.nodes == ["a", "b", "d"] and list(p.edges["amount"]) == [100.0, 5.0]
    late = rl.paths.time_respecting(net, "a", "d", mode="latest_departure")
    assert late.nodes == ["a", "b", "c", "d"] or late.nodes == ["a", "b", "d"]
    assert rl.paths.time_respecting(net, "c", "a") is None
    assert rl.paths.time_respecting(net, "a", "d", start="2024-01-02") is None
    ea = rl.paths.earliest_arrival(net, "a")
    assert list(ea.index) == ["a", "b", "d", "c"] and ea.loc["d", "previous"] == "b"
    assert ea.loc["a", "arrival"] is pd.NaT and ea.loc["c", "hops"] == 2
    untimed = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with pytest.raises(ValueError, match="no edge has a timestamp"):
        rl.paths.earliest_arrival(untimed, "a")


# ---- ego networks -----------------------------------------------------------------

@pytest.mark.parametrize("name,G,S", SMALL[:20], ids=[c[0] for c in SMALL[:20]])
def test_ego_equals_networkx(name, G, S):
    net = rl.from_networkx(G)
    for center in list(G)[:3]:
        for radius in (0, 1, 2):
            ref = nx.ego_graph(G, center, radius=radius, undirected=True)
            ego = net.ego(center, radius=radius)
            assert set(ego.node_index) == set(ref)
            assert ego.number_of_edges() == ref.number_of_edges()
            if G.is_directed():
                ref = nx.ego_graph(G, center, radius=radius)
                assert set(net.ego(center, radius=radius, follow_direction=True).node_index) == set(ref)


def test_ego_summary_and_types():
    net = typed()
    assert set(net.ego("alice").node_index) == {"alice", "ph1", "carol", "acc1"}
    assert set(net.ego("alice", radius=2, node_types=["person"]).node_index) == {"alice", "carol", "dave"}
    assert set(net.ego("alice", radius=9, edge_types=["owns", "transfer"]).node_index) == {"alice", "acc1", "acc2",
                                                                                           "bob"}
    s = net.ego_summary("alice", radius=2)
    assert s.center == "alice" and s.members.loc["bob", "distance"] == 2
    assert s.by_type.loc["person", 2] == 2 and s.by_type.loc["phone", 1] == 1  # bob and dave at 2
    assert set(s.ties.index) == {"ph1", "carol", "acc1"} and list(s.ties.columns[:2]) == ["type", "edges"]
    with pytest.raises(ValueError, match="radius"):
        net.ego("alice", radius=-1)
