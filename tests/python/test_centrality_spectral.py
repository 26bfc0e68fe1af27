"""Spectral centralities and core numbers compared live with networkx."""
import math
import sys
import pathlib

import numpy as np
import pytest

import ringleader as rl

nx = pytest.importorskip("networkx")
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _graphs import CASES, IDS, unweighted  # noqa: E402

RTOL = 1e-6


def close(series, ref: dict, rtol=RTOL, name="", atol=1e-8):
    assert len(series) == len(ref)
    if not ref:
        return 0.0
    scale = max(abs(v) for v in ref.values()) or 1.0
    worst = 0.0
    for node, expected in ref.items():
        got = series[node]
        err = abs(got - expected)
        assert err <= rtol * abs(expected) + atol * scale, (name, node, got, expected)
        if expected != 0:
            worst = max(worst, err / abs(expected))
    return worst


def ref_graph(S, weight):
    return S if weight else unweighted(S)


@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_pagerank(name, G, S, weight):
    net = rl.from_networkx(G)
    ref = nx.pagerank(ref_graph(S, weight), weight="weight")
    close(rl.centrality.pagerank(net, weight=weight), ref, name=name)


@pytest.mark.parametrize("name,G,S", CASES[:12], ids=IDS[:12])
def test_pagerank_options(name, G, S):
    net = rl.from_networkx(G)
    nodes = list(S.nodes())
    pers = {v: (i % 3) + 0.5 for i, v in enumerate(nodes[::2])}
    dang = {v: 1.0 + (i % 2) for i, v in enumerate(nodes[1::3])} or None
    nstart = {v: 1.0 + i for i, v in enumerate(nodes)}
    ref = nx.pagerank(S, alpha=0.7, personalization=pers, weight="weight", nstart=nstart, dangling=dang)
    got = rl.centrality.pagerank(net, alpha=0.7, personalization=pers, weight="weight", nstart=nstart,
                                 dangling=dang)
    close(got, ref, name=name)
    assert got.name == "pagerank"


def _expect_same(fn_rl, fn_nx):
    try:
        ref = fn_nx()
    except nx.PowerIterationFailedConvergence:
        with pytest.raises(rl.centrality.ConvergenceError):
            fn_rl()
        return None
    except nx.NetworkXPointlessConcept:
        assert len(fn_rl()) == 0
        return None
    return ref


@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_eigenvector(name, G, S, weight):
    net = rl.from_networkx(G)
    ref = _expect_same(lambda: rl.centrality.eigenvector(net, weight=weight),
                       lambda: nx.eigenvector_centrality(ref_graph(S, weight), weight="weight"))
    if ref is not None:
        close(rl.centrality.eigenvector(net, weight=weight), ref, name=name)


@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_katz(name, G, S, weight):
    net = rl.from_networkx(G)
    alpha = 0.05
    ref = _expect_same(lambda: rl.centrality.katz(net, alpha=alpha, weight=weight),
                       lambda: nx.katz_centrality(ref_graph(S, weight), alpha=alpha, weight="weight"))
    if ref is not None:
        close(rl.centrality.katz(net, alpha=alpha, weight=weight), ref, name=name)


@pytest.mark.parametrize("name,G,S", CASES[:10], ids=IDS[:10])
def test_katz_beta_and_unnormalized(name, G, S):
    net = rl.from_networkx(G)
    beta = {v: 1.0 + (i % 4) for i, v in enumerate(S.nodes())}
    ref = nx.katz_centrality(unweighted(S), alpha=0.05, beta=beta, normalized=False)
    close(rl.centrality.katz(net, alpha=0.05, beta=beta, normalized=False), ref, name=name)
    with pytest.raises(ValueError):
        rl.centrality.katz(net, beta={list(S.nodes())[0]: 1.0})


def _top_singular_gap(S, weight):
    """(s1 - s2) / s1 of the weight matrix (0 without edges)."""
    A = nx.to_numpy_array(S, weight="weight" if weight else None)
    if A.size == 0 or not A.any():
        return 0.0
    s = np.linalg.svd(A, compute_uv=False)
    return 1.0 if len(s) < 2 else (s[0] - s[1]) / s[0]


@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_hits(name, G, S, weight):
    net = rl.from_networkx(G)
    if len(S) == 0:
        assert len(rl.centrality.hits(net)) == 0
        return
    gap = _top_singular_gap(S, weight)
    if gap < 1e-3:
        pytest.skip("largest singular value not simple: networkx's svds answer is arbitrary")
    # Power iteration needs ~ log(tol) / log((s2/s1)^2) steps: with a gap under 12%
    # (here: two components with close top singular values) the default
    # max_iter=100 is not enough (ConvergenceError says so).
    got = rl.centrality.hits(net, weight=weight)  # exact for small networks, whatever the gap
    power = rl.centrality.hits(net, weight=weight, method="power", max_iter=100000, tol=1e-13)
    np.testing.assert_allclose(power.to_numpy(), got.to_numpy(), rtol=1e-6, atol=1e-9)
    assert list(got.columns) == ["hub", "authority"]
    h, a = nx.hits(ref_graph(S, weight))  # networkx always reads "weight"
    # normwise: 1e-6 of the largest score (entries networkx gives as ~1e-17
    # are ~1e-9 here when a second component decays slowly)
    close(got["hub"], h, name=name, atol=1e-6)
    close(got["authority"], a, name=name, atol=1e-6)


@pytest.mark.parametrize("parallel", [True, False])
@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_core_number(name, G, S, parallel):
    net = rl.from_networkx(G)
    T = S.copy()
    T.remove_edges_from(list(nx.selfloop_edges(T)))
    ref = nx.core_number(T)
    got = rl.centrality.core_number(net, parallel=parallel)
    assert got.name == "core_number" and got.dtype == np.float64
    assert {k: float(v) for k, v in ref.items()} == got.to_dict()


@pytest.mark.parametrize("directed", [False, True])
def test_core_number_parallel_equals_serial(directed):
    # many levels and skewed degrees, parallel edges and self-loops in the network
    G = nx.barabasi_albert_graph(30000, 6, seed=3)
    H = nx.MultiDiGraph(G) if directed else nx.MultiGraph(G)
    H.add_edges_from([(0, 0), (1, 2), (1, 2), (5, 5)])
    net = rl.from_networkx(H)
    serial = rl.centrality.core_number(net, parallel=False).to_numpy()
    for t in (1, 2, 3):
        assert np.array_equal(rl.centrality.core_number(net, threads=t).to_numpy(), serial), t


def test_nonconvergence_is_a_ringleader_error():
    net = rl.from_networkx(nx.karate_club_graph())
    with pytest.raises(rl.RingleaderError, match="max_iter"):
        rl.centrality.pagerank(net, max_iter=2)
    with pytest.raises(rl.centrality.ConvergenceError, match="alpha"):
        rl.centrality.katz(net, alpha=0.9)
    with pytest.raises(rl.centrality.ConvergenceError, match="max_iter"):
        rl.centrality.eigenvector(net, max_iter=3)
    with pytest.raises(rl.centrality.ConvergenceError, match="max_iter"):
        rl.centrality.hits(net, max_iter=2, method="power")


def test_bad_arguments():
    net = rl.from_networkx(nx.karate_club_graph())
    with pytest.raises(ValueError, match="not in the network"):
        rl.centrality.pagerank(net, personalization={"nobody": 1.0})
    with pytest.raises(ValueError, match="sum to zero"):
        rl.centrality.pagerank(net, personalization={0: 0.0})
    with pytest.raises(ValueError):
        rl.centrality.pagerank(net, alpha=1.5)


def test_threads_agree():
    G = nx.gnm_random_graph(20000, 100000, seed=1, directed=True)
    net = rl.from_networkx(G)
    for fn in (rl.centrality.pagerank, rl.centrality.katz, rl.centrality.core_number):
        a, b = fn(net, threads=1), fn(net, threads=2)
        assert np.array_equal(a.to_numpy(), b.to_numpy()), fn.__name__
    a = rl.centrality.hits(net, threads=1, max_iter=2000, tol=1e-6)
    b = rl.centrality.hits(net, threads=2, max_iter=2000, tol=1e-6)
    assert np.array_equal(a.to_numpy(), b.to_numpy())
