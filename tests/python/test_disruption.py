"""Disruption simulation against a networkx re-implementation."""
import networkx as nx
import pytest

import ringleader as rl


def reference(G, strategy, steps):
    H = G.to_undirected() if G.is_directed() else G.copy()
    H.remove_edges_from(nx.selfloop_edges(H))
    order = list(G.nodes())
    once = None
    if strategy == "betweenness_once":
        once = nx.betweenness_centrality(H)
    rows = []

    def state(removed):
        comps = [len(c) for c in nx.connected_components(H)]
        r = H.number_of_nodes()
        disc = 1 - sum(s * (s - 1) for s in comps) / (r * (r - 1)) if r >= 2 else 0.0
        return dict(removed=removed, largest_component=max(comps, default=0), components=len(comps),
                    efficiency=nx.global_efficiency(H) if r >= 2 else 0.0, disconnected=disc)
    rows.append(state(None))
    for _ in range(steps):
        if strategy == "degree":
            score = dict(H.degree())
        elif strategy == "betweenness":
            score = nx.betweenness_centrality(H)
        else:
            score = {v: once[v] for v in H}
        best = None
        for v in order:
            if v in H and (best is None or score[v] > score[best] + 1e-12):
                best = v
        H.remove_node(best)
        rows.append(state(best))
    return rows


@pytest.mark.parametrize("strategy", ["degree", "betweenness", "betweenness_once"])
@pytest.mark.parametrize("seed", range(4))
def test_against_networkx(strategy, seed):
    G = nx.gnp_random_graph(40, 0.08, seed=seed)
    df = rl.criminal.disruption(rl.from_networkx(G), strategy, steps=6)
    ref = reference(G, strategy, 6)
    assert len(df) == 7
    for i, row in enumerate(ref):
        got = df.iloc[i]
        assert got.removed == row["removed"] or (row["removed"] is None and got.removed is None)
        for col in ("largest_component", "components", "efficiency", "disconnected"):
            assert got[col] == pytest.approx(row[col], rel=1e-9, abs=1e-12), (i, col)


def test_given_order_random_and_key_players():
    G = nx.karate_club_graph()
    net = rl.from_networkx(G)
    df = rl.criminal.disruption(net, [0, 33])
    assert list(df.removed[1:]) == [0, 33] and df.largest_share[0] == 1.0
    a = rl.criminal.disruption(net, "random", steps=4, repeats=5, seed=3)
    assert a.equals(rl.criminal.disruption(net, "random", steps=4, repeats=5, seed=3))
    assert (a.largest_component.diff().dropna() <= 0).all()
    kp = rl.criminal.disruption(net, "key_players", steps=3)
    deg = rl.criminal.disruption(net, "degree", steps=3)
    assert kp.disconnected.iloc[1] >= deg.disconnected.iloc[1] - 1e-12  # greedy fragmentation step
    with pytest.raises(ValueError, match="strategy"):
        rl.criminal.disruption(net, "pagerank")
    with pytest.raises(ValueError, match="unknown nodes"):
        rl.criminal.disruption(net, [999])


def test_plot_helper():
    pytest.importorskip("matplotlib")
    import matplotlib
    matplotlib.use("Agg")
    net = rl.from_networkx(nx.karate_club_graph())
    ax = rl.criminal.plot_disruption({s: rl.criminal.disruption(net, s, steps=3) for s in ("degree", "betweenness")})
    assert len(ax.lines) == 2
