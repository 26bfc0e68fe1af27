"""Network statistics compared live with networkx."""
import math
import pathlib
import sys

import numpy as np
import pytest

import ringleader as rl

nx = pytest.importorskip("networkx")
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _graphs import CASES, IDS, unweighted  # noqa: E402

EXACT = 1e-9


def same(a, b, rtol=EXACT):
    if isinstance(b, float) and math.isnan(b):
        return math.isnan(a)
    return abs(a - b) <= rtol * abs(b) + 1e-12


def no_loops(S):
    T = S.copy()
    T.remove_edges_from(list(nx.selfloop_edges(T)))
    return T


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_density_reciprocity(name, G, S):
    net = rl.from_networkx(G)
    assert same(rl.stats.density(net), nx.density(S))
    if S.is_directed():
        if S.number_of_edges():
            assert same(rl.stats.reciprocity(net), nx.overall_reciprocity(S))
        else:
            with pytest.raises(ValueError):
                rl.stats.reciprocity(net)
    else:
        with pytest.raises(ValueError):
            rl.stats.reciprocity(net)


@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_clustering(name, G, S, weight):
    net = rl.from_networkx(G)
    R = S if weight else unweighted(S)
    ref = nx.clustering(R, weight=weight)
    got = rl.stats.clustering(net, weight=weight)
    assert got.name == "clustering"
    for v, c in ref.items():
        assert same(got[v], float(c)), (v, got[v], c)
    if len(S):
        assert same(rl.stats.average_clustering(net, weight=weight), nx.average_clustering(R, weight=weight))
        assert same(rl.stats.average_clustering(net, weight=weight, count_zeros=False),
                    nx.average_clustering(R, weight=weight, count_zeros=False)) if any(ref.values()) else True


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_transitivity(name, G, S):
    net = rl.from_networkx(G)
    U = unweighted(S).to_undirected() if S.is_directed() else unweighted(S)
    assert same(rl.stats.transitivity(net), nx.transitivity(U))


@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_degree_assortativity(name, G, S, weight):
    net = rl.from_networkx(G)
    if S.number_of_edges() == 0:
        assert math.isnan(rl.stats.degree_assortativity(net, weight=weight))
        return
    with np.errstate(all="ignore"):
        ref = float(nx.degree_assortativity_coefficient(S if weight else unweighted(S), weight=weight))
    got = rl.stats.degree_assortativity(net, weight=weight)
    if math.isnan(ref):
        assert math.isnan(got) or abs(got) < 1e-6
    else:
        assert abs(got - ref) <= 1e-9 * max(abs(ref), 1e-3), (got, ref)
    if S.is_directed():
        with np.errstate(all="ignore"):
            ref = float(nx.degree_assortativity_coefficient(unweighted(S), x="in", y="out"))
        got = rl.stats.degree_assortativity(net, x="in", y="out")
        assert (math.isnan(ref) and math.isnan(got)) or abs(got - ref) <= 1e-9 * max(abs(ref), 1e-3)


def _connected(S):
    if len(S) == 0:
        return False
    return nx.is_strongly_connected(S) if S.is_directed() else nx.is_connected(S)


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_distances(name, G, S):
    net = rl.from_networkx(G)
    if len(S) == 0:
        with pytest.raises(ValueError):
            rl.stats.diameter(net)
        return
    if not _connected(S):
        with pytest.raises(ValueError, match="largest_component"):
            rl.stats.diameter(net)
        with pytest.raises(ValueError, match="largest_component"):
            rl.stats.average_shortest_path_length(net)
        return
    U = unweighted(S)
    d = rl.stats.diameter(net)
    assert d.exact and d == nx.diameter(U)
    assert same(rl.stats.average_shortest_path_length(net), nx.average_shortest_path_length(U))


@pytest.mark.parametrize("directed", [False, True])
def test_distance_estimates_hold_their_bounds(directed):
    G = nx.gnp_random_graph(600, 0.02 if not directed else 0.03, seed=3, directed=directed)
    assert _connected(G)
    net = rl.from_networkx(G)
    exact_d = nx.diameter(G)
    exact_a = nx.average_shortest_path_length(G)
    d = rl.stats.diameter(net, estimate=True, samples=50, seed=1)
    assert not d.exact and d.lower <= exact_d <= d.upper and float(d) == d.lower
    a = rl.stats.average_shortest_path_length(net, estimate=True, samples=50, seed=1)
    assert not a.exact and a.lower <= exact_a <= a.upper
    assert abs(a - exact_a) < 0.1
    assert rl.stats.average_shortest_path_length(net, estimate=True, samples=50, seed=1) == a


def _freeman(values, denom):
    v = np.array(list(values.values()), dtype=float)
    return float((v.max() - v).sum() / denom)


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_degree_centralization(name, G, S):
    net = rl.from_networkx(G)
    n = len(S)
    got = rl.stats.centralization(net, "degree")
    if n < 3:
        assert math.isnan(got)
        return
    if S.is_directed():
        assert same(got, _freeman(nx.degree_centrality(S), 2 * (n - 2)))
        assert same(rl.stats.centralization(net, "degree", mode="in"), _freeman(nx.in_degree_centrality(S), n - 1))
    else:
        assert same(got, _freeman(nx.degree_centrality(S), n - 2))


def test_star_is_maximally_centralized():
    net = rl.from_networkx(nx.star_graph(6))
    assert same(rl.stats.centralization(net, "degree"), 1.0)
    for m in ("betweenness", "closeness"):
        if hasattr(rl.centrality, m):
            assert same(rl.stats.centralization(net, m), 1.0)


@pytest.mark.parametrize("measure", ["betweenness", "closeness"])
@pytest.mark.parametrize("name,G,S", CASES[:8], ids=IDS[:8])
def test_path_centralization(name, G, S, measure):
    if not hasattr(rl.centrality, measure):
        pytest.skip(f"rl.centrality.{measure} not implemented yet")
    net = rl.from_networkx(G)
    n = len(S)
    U = unweighted(S)
    ref = nx.betweenness_centrality(U) if measure == "betweenness" else nx.closeness_centrality(U)
    denom = (n - 1) if measure == "betweenness" else (n - 1) * (n - 2) / (2 * n - 3)
    assert same(rl.stats.centralization(net, measure), _freeman(ref, denom))


def test_stats_threads_agree():
    G = nx.gnm_random_graph(8000, 40000, seed=2, directed=True)
    net = rl.from_networkx(G)
    for w in (None, "weight"):
        a = rl.stats.clustering(net, weight=w, threads=1).to_numpy()
        b = rl.stats.clustering(net, weight=w, threads=2).to_numpy()
        assert np.array_equal(a, b)
    assert rl.stats.degree_assortativity(net, threads=1) == rl.stats.degree_assortativity(net, threads=2)
    assert rl.stats.transitivity(net, threads=1) == rl.stats.transitivity(net, threads=2)
