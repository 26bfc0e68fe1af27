"""Key players: our objective values equal an independent networkx
computation, the optimiser reaches the brute-force optimum on at least 95%
of small random graphs and is never worse than greedy."""
import itertools

import networkx as nx
import pytest

import ringleader as rl

OBJECTIVES = ["fragmentation", "distance_fragmentation", "reach", "distance_reach"]


def score(G, S, objective, m=1):
    S = set(S)
    rest = [v for v in G if v not in S]
    r = len(rest)
    if objective in ("fragmentation", "distance_fragmentation"):
        if r < 2:
            return 1.0
        H = G.subgraph(rest)
        if objective == "fragmentation":
            return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(H)) / (r * (r - 1))
        tot = sum(1 / d for s, dd in nx.all_pairs_shortest_path_length(H) for t, d in dd.items() if d > 0)
        return 1 - tot / (r * (r - 1))
    dist = {}
    for s in S:
        for t, d in nx.single_source_shortest_path_length(G, s).items():
            dist[t] = min(d, dist.get(t, d))
    if objective == "reach":
        return sum(1 for v in rest if v in dist and dist[v] <= m) / r
    return sum(1 / dist[v] for v in rest if v in dist) / r


def test_optimum_on_small_random_graphs():
    cases = hits = 0
    for seed in range(40):
        G = nx.gnp_random_graph(11, 0.25, seed=seed)
        net = rl.from_networkx(G)
        for objective in OBJECTIVES:
            for k in (2, 3):
                kp = rl.key_players(net, k, objective=objective, seed=seed)
                assert kp.score >= kp.greedy_score - 1e-12
                assert score(G, kp.nodes, objective) == pytest.approx(kp.score, abs=1e-12)
                best = max(score(G, S, objective) for S in itertools.combinations(G, k))
                cases += 1
                hits += kp.score >= best - 1e-12
    assert hits / cases >= 0.95, (hits, cases)


def test_reach_steps_and_errors():
    G = nx.path_graph(7)
    net = rl.from_networkx(G)
    kp = rl.key_players(net, 1, objective="reach", m=3, seed=0)
    assert kp.nodes == [3] and kp.score == pytest.approx(1.0)
    assert rl.key_players(net, 1, objective="fragmentation", seed=0).nodes == [3]
    with pytest.raises(ValueError, match="k must be"):
        rl.key_players(net, 0)
    with pytest.raises(ValueError, match="objective"):
        rl.key_players(net, 1, objective="betweenness")
    a = rl.key_players(rl.from_networkx(nx.karate_club_graph()), 3, seed=4, threads=1)
    b = rl.key_players(rl.from_networkx(nx.karate_club_graph()), 3, seed=4, threads=2)
    assert a == b
