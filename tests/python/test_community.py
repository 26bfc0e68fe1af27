"""Community detection against networkx (modularity, quality measures,
components), the Leiden guarantees, the published karate optimum, and the
contract of partition Series."""
import math
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from _graphs import CASES, IDS, unweighted


def _nx_partition(part):
    return [set(g.index) for _, g in part.groupby(part)]


def _random_partition(S, seed, k=4):
    rng = random.Random(seed)
    return {v: rng.randrange(k) for v in S.nodes()}


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_modularity_equals_networkx(name, G, S):
    net = rl.from_networkx(G)
    if S.number_of_edges() == 0:
        assert math.isnan(rl.community.modularity(net, {v: 0 for v in S}))
        return
    U = unweighted(S)
    parts = [_random_partition(S, s) for s in range(3)]
    if len(S) > 0:
        parts.append(rl.community.leiden(net, seed=1))
        parts.append(rl.community.louvain(net, seed=1, weight="weight"))
        parts.append({v: 0 for v in S})
    for p in parts:
        sets = _nx_partition(p) if isinstance(p, pd.Series) else _nx_partition(pd.Series(p))
        for gamma in (1.0, 0.5, 1.7):
            ours = rl.community.modularity(net, p, resolution=gamma)
            ref = nx.community.modularity(U, sets, resolution=gamma, weight=None)
            assert ours == pytest.approx(ref, abs=1e-12, rel=1e-12)
            ours_w = rl.community.modularity(net, p, resolution=gamma, weight="weight")
            ref_w = nx.community.modularity(S, sets, resolution=gamma, weight="weight")
            assert ours_w == pytest.approx(ref_w, abs=1e-12, rel=1e-12)


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_quality_measures_equal_networkx(name, G, S):
    net = rl.from_networkx(G)
    if len(S) < 2 or S.number_of_edges() == 0:
        return
    p = _random_partition(S, 3, k=3)
    sets = _nx_partition(pd.Series(p))
    cov, perf = nx.community.partition_quality(unweighted(S), sets)
    assert rl.community.coverage(net, p) == pytest.approx(cov, abs=1e-12)
    assert rl.community.performance(net, p) == pytest.approx(perf, abs=1e-12)
    cond = rl.community.conductance(net, p, weight="weight")
    for label, value in cond.items():
        members = {v for v, c in p.items() if c == label}
        rest = set(S) - members
        try:
            ref = nx.conductance(S, members, rest, weight="weight")
        except ZeroDivisionError:
            ref = float("nan")
        if math.isnan(ref):
            assert math.isnan(value)
        else:
            assert value == pytest.approx(ref, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_components_equal_networkx(name, G, S):
    net = rl.from_networkx(G)
    if S.is_directed():
        weak = {frozenset(c) for c in nx.weakly_connected_components(S)}
        strong = {frozenset(c) for c in nx.strongly_connected_components(S)}
    else:
        weak = strong = {frozenset(c) for c in nx.connected_components(S)}
    for flag, ref in ((False, weak), (True, strong)):
        comp = rl.community.components(net, strong=flag)
        assert {frozenset(g.index) for _, g in comp.groupby(comp)} == ref
        sizes = comp.value_counts().sort_index().to_numpy()
        assert list(sizes) == sorted(sizes, reverse=True)


def _connected_communities(S, part):
    U = S.to_undirected() if S.is_directed() else S
    for _, group in part.groupby(part):
        if not nx.is_connected(U.subgraph(group.index)):
            return False
    return True


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_leiden_communities_are_connected(name, G, S):
    net = rl.from_networkx(G)
    for seed in range(3):
        for objective, gamma in (("modularity", 1.0), ("modularity", 2.0), ("cpm", 0.1)):
            part = rl.community.leiden(net, objective=objective, resolution=gamma, seed=seed,
                                       weight="weight" if seed % 2 else None)
            assert len(part) == len(S)
            if len(S):
                assert _connected_communities(S, part)


def test_leiden_connected_on_generated_graphs():
    for seed in range(40):
        rng = random.Random(seed)
        sizes = [rng.randint(5, 40) for _ in range(rng.randint(2, 8))]
        p_in, p_out = rng.uniform(0.05, 0.4), rng.uniform(0.005, 0.05)
        G = nx.stochastic_block_model(sizes, [[p_in if i == j else p_out for j in range(len(sizes))]
                                              for i in range(len(sizes))], seed=seed,
                                      directed=seed % 3 == 0)
        net = rl.from_networkx(G)
        for it in (1, 2, -1):
            part = rl.community.leiden(net, seed=seed, n_iterations=it)
            assert _connected_communities(G, part)
        # iterated to convergence: at least as good as the classic Louvain, up to seed noise
        # (on these graphs both average the same as igraph's implementations)
        classic = rl.community.louvain(net, seed=seed, refine=False)
        assert part.attrs["modularity"] >= classic.attrs["modularity"] - 0.01


def test_karate_reaches_the_optimum():
    """Zachary's karate club: the optimum modularity is 0.4198 (Brandes et
    al. 2008); Leiden reaches it for every one of 100 seeds here."""
    net = rl.from_networkx(nx.karate_club_graph())
    # networkx's karate graph has 'weight' attributes: unweighted run
    q = [rl.community.leiden(net, seed=s).attrs["modularity"] for s in range(100)]
    share = sum(x >= 0.4197 for x in q) / len(q)
    assert share >= 0.9, share
    assert max(q) == pytest.approx(0.4197896, abs=1e-6)


def test_partition_contract():
    G = nx.karate_club_graph()
    net = rl.from_networkx(G)
    for part in (rl.community.leiden(net, seed=3), rl.community.louvain(net, seed=3),
                 rl.community.label_propagation(net, seed=3), rl.community.components(net)):
        assert part.name == "community"
        assert part.dtype == np.int64
        assert list(part.index) == list(G.nodes())
        sizes = part.value_counts().sort_index()
        assert list(sizes.index) == list(range(len(sizes)))
        assert list(sizes) == sorted(sizes, reverse=True)
        assert part.attrs["modularity"] == pytest.approx(rl.community.modularity(net, part), abs=1e-14)
        assert part.attrs["n_communities"] == len(sizes)
    lv = rl.community.louvain(net, seed=3)
    levels = lv.attrs["levels"]
    assert isinstance(levels, list) and levels[-1].equals(lv)
    # pandas copies and compares attrs; a list of Series must not break that
    both = pd.concat([lv, lv], axis=1)
    assert both.shape == (34, 2)
    lv.copy()


def test_seed_reproducible_and_recorded():
    net = rl.from_networkx(nx.les_miserables_graph())
    a = rl.community.leiden(net)
    b = rl.community.leiden(net, seed=a.attrs["seed"])
    assert a.equals(b)
    for f in (rl.community.louvain, rl.community.label_propagation):
        x, y = f(net, seed=7), f(net, seed=7)
        assert x.equals(y)


def test_thread_count_does_not_change_results():
    # >= 16,384 nodes so that vertices are decided in parallel batches
    n = 40_000
    rng = np.random.default_rng(1)
    src = np.repeat(np.arange(n), 3)
    block = src // 500
    dst = np.where(rng.random(src.size) < 0.8, block * 500 + rng.integers(0, 500, src.size),
                   rng.integers(0, n, src.size))
    keep = src != dst
    edges = pd.DataFrame({"source": src[keep], "target": dst[keep]})
    net = rl.Network.from_pandas(edges)
    a = rl.community.leiden(net, seed=5, n_iterations=1, threads=1)
    b = rl.community.leiden(net, seed=5, n_iterations=1, threads=2)
    assert a.equals(b)
    c = rl.community.louvain(net, seed=5, threads=1)
    d = rl.community.louvain(net, seed=5, threads=2)
    assert c.equals(d)
    # label propagation shares the batched queue (stale decisions carried to the next batch)
    e = rl.community.label_propagation(net, seed=5, threads=1)
    f = rl.community.label_propagation(net, seed=5, threads=2)
    assert e.equals(f)


def test_cpm_and_resolution():
    G = nx.karate_club_graph()
    net = rl.from_networkx(G)
    fine = rl.community.leiden(net, objective="cpm", resolution=0.5, seed=1)
    coarse = rl.community.leiden(net, objective="cpm", resolution=0.05, seed=1)
    assert fine.attrs["n_communities"] > coarse.attrs["n_communities"]
    assert fine.attrs["quality"] == pytest.approx(rl.community.cpm_quality(net, fine, resolution=0.5))
    high = rl.community.leiden(net, resolution=2.0, seed=1)
    assert high.attrs["n_communities"] > rl.community.leiden(net, seed=1).attrs["n_communities"]


def test_nmi_ari_against_igraph_and_by_hand():
    assert rl.community.nmi([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(0.5158037429793889)
    assert rl.community.ari([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(0.24242424242424246)
    ig = pytest.importorskip("igraph")
    rng = np.random.default_rng(0)
    for _ in range(20):
        a = rng.integers(0, rng.integers(1, 8), 200)
        b = rng.integers(0, rng.integers(1, 8), 200)
        assert rl.community.nmi(a, b) == pytest.approx(ig.compare_communities(a.tolist(), b.tolist(), "nmi"),
                                                       abs=1e-12)
        assert rl.community.ari(a, b) == pytest.approx(
            ig.compare_communities(a.tolist(), b.tolist(), "adjusted_rand"), abs=1e-12)


def test_nmi_aligns_series_by_node():
    a = pd.Series([0, 0, 1, 1], index=list("abcd"))
    b = pd.Series([1, 1, 0, 0], index=list("dcba"))
    assert rl.community.nmi(a, b) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="different elements"):
        rl.community.nmi(a, b.iloc[:3])


def test_bad_partitions_are_refused():
    net = rl.from_networkx(nx.path_graph(4))
    with pytest.raises(ValueError, match="no community"):
        rl.community.modularity(net, {0: 0, 1: 0, 2: 1})
    with pytest.raises(ValueError, match="not in the network"):
        rl.community.modularity(net, {0: 0, 1: 0, 2: 1, 3: 1, 9: 1})
    with pytest.raises(ValueError, match="more than once"):
        rl.community.modularity(net, [{0, 1}, {1, 2, 3}])
    with pytest.raises(ValueError, match="objective"):
        rl.community.leiden(net, objective="surprise")
    neg = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [-1.0]}))
    with pytest.raises(ValueError, match="non-negative"):
        rl.community.leiden(neg, weight="weight")
    with pytest.raises(ValueError, match="resolution"):
        rl.community.louvain(net, resolution=-1)


def test_planted_groups_are_found():
    G = nx.planted_partition_graph(8, 30, 0.4, 0.01, seed=4)
    truth = pd.Series({v: v // 30 for v in G.nodes()})
    net = rl.from_networkx(G)
    for f in (rl.community.leiden, rl.community.louvain):
        assert rl.community.nmi(f(net, seed=1), truth) > 0.97
    assert rl.community.nmi(rl.community.label_propagation(net, seed=1), truth) > 0.9


def test_progress_bar_and_directed(capsys):
    G = nx.gnp_random_graph(300, 0.03, seed=2, directed=True)
    net = rl.from_networkx(G)
    part = rl.community.leiden(net, seed=1, progress=True)
    assert "leiden" in capsys.readouterr().err
    assert _connected_communities(G, part)
    # directed modularity (Leicht-Newman) equals networkx's
    assert part.attrs["modularity"] == pytest.approx(nx.community.modularity(G, _nx_partition(part)), abs=1e-12)


def _noisy_sbm(seed):
    rng = random.Random(seed)
    sizes = [rng.randint(30, 60) for _ in range(12)]
    G = nx.stochastic_block_model(sizes, [[0.12 if i == j else 0.02 for j in range(12)] for i in range(12)], seed=seed)
    return G, rl.from_networkx(G)


def test_leiden_default_iterates_small_graphs_until_nothing_changes():
    """Below 2^22 arcs in all (base arcs x iterations) iterations are free:
    the default is tolerance=0's result, iterating until an iteration changes
    nothing, and that is exactly n_iterations=k for the k it reports."""
    for seed in range(4):
        G, net = _noisy_sbm(seed)
        part = rl.community.leiden(net, seed=seed)
        full = rl.community.leiden(net, seed=seed, tolerance=0.0)
        assert (part == full).all() and part.attrs["n_iterations"] == full.attrs["n_iterations"]
        k = part.attrs["n_iterations"]
        assert 1 <= k <= 100
        assert (rl.community.leiden(net, seed=seed, n_iterations=k) == part).all()
        if k < 100:  # the last iteration changed nothing
            assert (rl.community.leiden(net, seed=seed, n_iterations=k - 1) == part).all()
        assert _connected_communities(G, part)


def test_leiden_tolerance_stops_when_an_iteration_gains_little():
    """A graph above the free budget (2^22 arcs in all after 11 iterations):
    the default stops at the first iteration past the budget that gained
    less than 3% of the quality (the default tolerance), long before
    tolerance=0 would."""
    G = nx.stochastic_block_model([500] * 40, [[0.012 if i == j else 0.0008 for j in range(40)] for i in range(40)],
                                  seed=3)
    net = rl.from_networkx(G)
    arcs = 2 * G.number_of_edges()
    part = rl.community.leiden(net, seed=2, threads=2)
    k = part.attrs["n_iterations"]
    assert k >= -(-(1 << 22) // arcs)
    first = -(-(1 << 22) // arcs)  # the first iteration the tolerance applies to
    q = {i: rl.community.leiden(net, seed=2, n_iterations=i).attrs["quality"] for i in range(max(1, k - 2), k + 1)}
    assert q[k] - q[k - 1] < 3e-2 * abs(q[k])
    if k - 1 >= first:  # the iteration before did not stop the rule: it gained at least the tolerance
        assert q[k - 1] - q[k - 2] >= 3e-2 * abs(q[k - 1])
    assert (rl.community.leiden(net, seed=2, n_iterations=k, threads=1) == part).all()
    assert _connected_communities(G, part)


def test_leiden_default_is_the_same_for_any_thread_count():
    G, net = _noisy_sbm(7)
    a = rl.community.leiden(net, seed=3, threads=1)
    b = rl.community.leiden(net, seed=3, threads=2)
    assert (a == b).all() and a.attrs["n_iterations"] == b.attrs["n_iterations"]


@pytest.mark.parametrize("bad", [-1e-3, float("nan"), float("inf")])
def test_leiden_rejects_a_bad_tolerance(bad):
    net = rl.from_networkx(nx.karate_club_graph())
    with pytest.raises(ValueError, match="tolerance"):
        rl.community.leiden(net, tolerance=bad)
