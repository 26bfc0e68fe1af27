"""Path-based centralities compared live with networkx (1e-9 relative)."""
import math
import random

import numpy as np
import pytest

import ringleader as rl

nx = pytest.importorskip("networkx")
from networkx.algorithms.centrality.betweenness import (  # noqa: E402
    _accumulate_basic, _accumulate_endpoints, _accumulate_edges, _rescale,
    _single_source_dijkstra_path_basic, _single_source_shortest_path_basic)

REL = 1e-9


def close(a, b):
    if isinstance(b, float) and math.isnan(b):
        return isinstance(a, float) and math.isnan(a)
    return abs(a - b) <= REL * max(1.0, abs(a), abs(b))


def same(series, ref):
    assert set(series.index) == set(ref)
    bad = {k: (series[k], ref[k]) for k in ref if not close(float(series[k]), float(ref[k]))}
    assert not bad, list(bad.items())[:5]


def max_rel(series, ref):
    return max([abs(series[k] - ref[k]) / max(1.0, abs(ref[k])) for k in ref] or [0.0])


def simple(G, weight="weight"):
    """The simple graph of a multigraph, keeping the shortest parallel edge."""
    if not G.is_multigraph():
        return G
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        w = d.get(weight, 1.0)
        if not H.has_edge(u, v) or w < H[u][v][weight]:
            H.add_edge(u, v, **{weight: w})
    return H


def generated_graphs():
    """>= 30 generated graphs: ER, BA, weighted, directed, disconnected,
    isolated nodes, self-loops, parallel edges, n = 0, 1, 2."""
    out = []
    rng = random.Random(12345)
    out.append(("empty", nx.Graph(), False))
    g1 = nx.Graph(); g1.add_node("a"); out.append(("n1", g1, False))
    g2 = nx.Graph(); g2.add_edge("a", "b", weight=2.0); out.append(("n2", g2, True))
    d2 = nx.DiGraph(); d2.add_edge(0, 1, weight=1.5); out.append(("n2 directed", d2, True))
    g2i = nx.Graph(); g2i.add_nodes_from([0, 1]); out.append(("n2 isolated", g2i, False))
    for i in range(8):
        n = rng.randint(3, 60)
        directed = i % 2 == 1
        G = nx.gnp_random_graph(n, rng.uniform(0.02, 0.2), seed=rng.randint(0, 10**6), directed=directed)
        out.append((f"gnp {i}", G, False))
    for i in range(5):
        G = nx.barabasi_albert_graph(rng.randint(10, 80), rng.randint(1, 4), seed=rng.randint(0, 10**6))
        out.append((f"ba {i}", G, False))
    for i in range(8):
        n = rng.randint(5, 50)
        directed = i % 2 == 0
        G = nx.gnp_random_graph(n, rng.uniform(0.05, 0.25), seed=rng.randint(0, 10**6), directed=directed)
        for u, v in G.edges():
            # integer weights give many equal-length paths; reals give unique ones
            G[u][v]["weight"] = float(rng.randint(1, 3)) if i % 4 < 2 else rng.uniform(0.1, 10.0)
        G.add_nodes_from([f"iso{j}" for j in range(rng.randint(0, 3))])  # isolated nodes
        out.append((f"weighted {i}", G, True))
    for i in range(6):  # disconnected, self-loops, parallel edges
        n = rng.randint(6, 40)
        directed = i % 2 == 1
        G = nx.MultiDiGraph() if directed else nx.MultiGraph()
        G.add_nodes_from(range(n))
        for _ in range(rng.randint(n, 3 * n)):
            u = rng.randrange(n)
            v = u if rng.random() < 0.1 else rng.randrange(n // 2) + (n // 2 if u >= n // 2 else 0)
            G.add_edge(u, v, weight=float(rng.randint(1, 4)))
            if rng.random() < 0.3:
                G.add_edge(u, v, weight=float(rng.randint(1, 4)))  # parallel
        out.append((f"multi {i}", G, True))
    return out


CASES = [("karate", nx.karate_club_graph(), True), ("florentine", nx.florentine_families_graph(), False)]
CASES += generated_graphs()
assert len(CASES) >= 32


@pytest.mark.parametrize("name,G,weighted", CASES, ids=[c[0] for c in CASES])
def test_node_measures_match_networkx(name, G, weighted):
    net = rl.from_networkx(G)
    H = simple(G)
    for weight in (None, "weight") if weighted else (None,):
        for normalized in (True, False):
            for endpoints in (False, True):
                ref = nx.betweenness_centrality(H, normalized=normalized, weight=weight, endpoints=endpoints)
                same(rl.centrality.betweenness(net, normalized=normalized, weight=weight, endpoints=endpoints), ref)
        same(rl.centrality.closeness(net, weight=weight), nx.closeness_centrality(H, distance=weight))
        same(rl.centrality.closeness(net, weight=weight, wf_improved=False),
             nx.closeness_centrality(H, distance=weight, wf_improved=False))
        same(rl.centrality.harmonic(net, weight=weight), nx.harmonic_centrality(H, distance=weight))
        eb = rl.centrality.edge_betweenness(net, weight=weight)
        for normalized in (True, False):
            eb = rl.centrality.edge_betweenness(net, weight=weight, normalized=normalized)
            ref = nx.edge_betweenness_centrality(H, weight=weight, normalized=normalized)
            assert list(eb.columns) == ["source", "target", "betweenness"]
            assert len(eb) == H.number_of_edges()
            for row in eb.itertuples():
                key = (row.source, row.target)
                if key not in ref and not H.is_directed():
                    key = (row.target, row.source)
                assert close(row.betweenness, ref[key]), (key, row.betweenness, ref[key])


def nx_sampled(G, sources, weight=None, normalized=True, endpoints=False, edges=False):
    """networkx's betweenness_centrality / edge_betweenness_centrality loop,
    given the sampled sources."""
    b = dict.fromkeys(G, 0.0)
    if edges:
        b.update(dict.fromkeys(G.edges(), 0.0))
    for s in sources:
        if weight is None:
            S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
        else:
            S, P, sigma, _ = _single_source_dijkstra_path_basic(G, s, weight)
        if edges:
            b = _accumulate_edges(b, S, P, sigma, s)
        elif endpoints:
            b, _ = _accumulate_endpoints(b, S, P, sigma, s)
        else:
            b, _ = _accumulate_basic(b, S, P, sigma, s)
    if edges:
        for n in G:
            del b[n]
        return _rescale(b, len(G), normalized=normalized, directed=G.is_directed(), sampled_nodes=sources)
    if len(sources) == len(G):
        sources = None
    return _rescale(b, len(G), normalized=normalized, directed=G.is_directed(), endpoints=endpoints,
                    sampled_nodes=sources)


@pytest.mark.parametrize("name,G,weighted", [c for c in CASES if len(c[1]) >= 3][:12],
                         ids=[c[0] for c in CASES if len(c[1]) >= 3][:12])
def test_sampled_sources_match_networkx_formula(name, G, weighted):
    net = rl.from_networkx(G)
    H = simple(G)
    weight = "weight" if weighted else None
    for k in sorted({1, 2, len(G) // 2, len(G)}):
        for normalized in (True, False):
            for endpoints in (False, True):
                b = rl.centrality.betweenness(net, normalized=normalized, weight=weight, endpoints=endpoints,
                                              k=k, seed=7)
                src = b.attrs["sources"]
                assert len(set(src)) == k
                same(b, nx_sampled(H, src, weight, normalized, endpoints))
        eb = rl.centrality.edge_betweenness(net, weight=weight, k=k, seed=3)
        ref = nx_sampled(H, eb.attrs["sources"], weight, True, edges=True)
        for row in eb.itertuples():
            key = (row.source, row.target)
            if key not in ref:
                key = (row.target, row.source)
            assert close(row.betweenness, ref[key])
    # reproducible from the seed whatever the thread count
    a = rl.centrality.betweenness(net, k=2, seed=11, threads=1)
    b = rl.centrality.betweenness(net, k=2, seed=11, threads=2)
    assert a.attrs["sources"] == b.attrs["sources"]
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-12, equal_nan=True)


@pytest.mark.parametrize("name,G,weighted", [c for c in CASES if len(c[1]) >= 3][:12],
                         ids=[c[0] for c in CASES if len(c[1]) >= 3][:12])
def test_sampled_harmonic_is_the_estimator_on_its_sources(name, G, weighted):
    """k sampled sources: (n / k) * sum over the sampled v != u of 1 / d(v, u),
    recomputed with networkx's distances from the same sources; k = n is
    networkx's harmonic_centrality."""
    net = rl.from_networkx(G)
    H = simple(G)
    weight = "weight" if weighted else None
    n = len(G)
    for k in sorted({1, 2, n // 2, n}):
        h = rl.centrality.harmonic(net, weight=weight, k=k, seed=5)
        src = h.attrs["sources"]
        assert len(set(src)) == k
        ref = dict.fromkeys(G, 0.0)
        for v in src:
            dist = nx.single_source_dijkstra_path_length(H, v, weight=weight) if weighted else \
                nx.single_source_shortest_path_length(H, v)
            for u, d in dist.items():
                if u != v and d != 0:
                    ref[u] += 1.0 / d
        same(h, {u: x * n / k for u, x in ref.items()})
    same(rl.centrality.harmonic(net, weight=weight, k=n, seed=1), nx.harmonic_centrality(H, distance=weight))


def test_sampled_harmonic_is_unbiased_and_reproducible():
    G = nx.barabasi_albert_graph(300, 2, seed=2)
    net = rl.from_networkx(G)
    exact = rl.centrality.harmonic(net)
    mean = np.mean([rl.centrality.harmonic(net, k=30, seed=s).to_numpy() for s in range(200)], axis=0)
    assert np.max(np.abs(mean - exact.to_numpy()) / exact.to_numpy()) < 0.05
    a = rl.centrality.harmonic(net, k=40, seed=9, threads=1)
    b = rl.centrality.harmonic(net, k=40, seed=9, threads=2)
    assert a.attrs == b.attrs
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-12)
    with pytest.raises(ValueError, match="k must be between 1"):
        rl.centrality.harmonic(net, k=301)


def test_thread_counts_agree():
    G = nx.barabasi_albert_graph(400, 3, seed=1)
    net = rl.from_networkx(G)
    for f in (rl.centrality.betweenness, rl.centrality.closeness, rl.centrality.harmonic):
        np.testing.assert_allclose(f(net, threads=1).to_numpy(), f(net, threads=2).to_numpy(), rtol=1e-12)
    a = rl.centrality.betweenness_approx(net, epsilon=0.05, seed=3, threads=1)
    b = rl.centrality.betweenness_approx(net, epsilon=0.05, seed=3, threads=2)
    np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-12)
    big = rl.from_networkx(nx.barabasi_albert_graph(3000, 2, seed=1))
    a = rl.centrality.betweenness_approx(big, epsilon=0.05, seed=3, threads=1)
    b = rl.centrality.betweenness_approx(big, epsilon=0.05, seed=3, threads=2)
    assert not a.attrs["exact"]
    assert (a.to_numpy() == b.to_numpy()).all()  # integer counts: bitwise equal


def test_approximation_guarantee():
    """Over 50 seeds, the share of runs whose largest error exceeds epsilon
    stays below delta."""
    G = nx.barabasi_albert_graph(1500, 2, seed=4)
    net = rl.from_networkx(G)
    exact = rl.centrality.betweenness(net)
    ref = nx.betweenness_centrality(G, k=None) if len(G) <= 300 else None  # (exact checked elsewhere)
    assert ref is None
    eps, delta = 0.05, 0.1
    failures = 0
    for seed in range(50):
        a = rl.centrality.betweenness_approx(net, epsilon=eps, delta=delta, seed=seed)
        assert not a.attrs["exact"] and 0 < a.attrs["samples"] < len(G)
        assert a.name == "betweenness"
        failures += float((a - exact).abs().max()) > eps
    assert failures / 50 < delta
    # directed and weighted networks too (fewer runs)
    D = nx.gnp_random_graph(1500, 0.003, seed=5, directed=True)
    for u, v in D.edges():
        D[u][v]["weight"] = float(1 + (u * v) % 3)
    dnet = rl.from_networkx(D)
    for weight in (None, "weight"):
        exact = rl.centrality.betweenness(dnet, weight=weight)
        failures = 0
        for seed in range(10):
            a = rl.centrality.betweenness_approx(dnet, epsilon=eps, delta=delta, weight=weight, seed=seed)
            failures += float((a - exact).abs().max()) > eps
        assert failures <= 1
    # small networks: exact values (fewer searches than samples)
    K = nx.karate_club_graph()
    a = rl.centrality.betweenness_approx(rl.from_networkx(K), seed=1)
    assert a.attrs["exact"]
    same(a, nx.betweenness_centrality(K))


def test_bad_weights_raise_value_error():
    G = nx.path_graph(4)
    for u, v in G.edges():
        G[u][v]["dist"] = 1.0
        G[u][v]["weight"] = 1.0
    G[1][2]["dist"] = -2.0
    G[2][3]["weight"] = -1.0
    net = rl.from_networkx(G)
    for f in (rl.centrality.betweenness, rl.centrality.closeness, rl.centrality.harmonic,
              rl.centrality.edge_betweenness, rl.centrality.betweenness_approx):
        for w in ("dist", "weight"):
            with pytest.raises(ValueError, match="distance_from_strength"):
                f(net, weight=w)
        f(net)  # unweighted ignores the weights
    G[1][2]["dist"] = float("nan")
    with pytest.raises(ValueError):
        rl.centrality.betweenness(rl.from_networkx(G), weight="dist")
    with pytest.raises(ValueError):
        rl.centrality.betweenness(net, k=10)
    with pytest.raises(ValueError):
        rl.centrality.betweenness_approx(net, epsilon=0)


def test_zero_distances():
    """Zero distances are allowed; closeness and harmonic agree with networkx
    (a zero distance adds nothing to harmonic)."""
    G = nx.Graph()
    G.add_weighted_edges_from([(0, 1, 0.0), (1, 2, 1.0), (2, 3, 2.0), (0, 4, 1.0), (4, 3, 0.0)])
    net = rl.from_networkx(G)
    same(rl.centrality.closeness(net, weight="weight"), nx.closeness_centrality(G, distance="weight"))
    same(rl.centrality.harmonic(net, weight="weight"), nx.harmonic_centrality(G, distance="weight"))
    b = rl.centrality.betweenness(net, weight="weight")
    assert b.notna().all() and (b >= 0).all()


def test_results_are_named_series():
    net = rl.from_networkx(nx.florentine_families_graph())
    assert rl.centrality.betweenness(net).name == "betweenness"
    assert rl.centrality.closeness(net).name == "closeness"
    assert rl.centrality.harmonic(net).name == "harmonic"
    assert rl.centrality.betweenness(net).dtype == np.float64
    for name in ("betweenness", "betweenness_approx", "edge_betweenness", "closeness", "harmonic"):
        assert name in rl.centrality.__all__
