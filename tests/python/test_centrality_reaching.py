"""Local and global reaching centrality compared live with networkx on the
shared test graphs (multigraphs, self-loops, directed, disconnected, n <= 2),
plus the conventions where networkx raises."""
import math

import pandas as pd
import pytest

import ringleader as rl

nx = pytest.importorskip("networkx")
from _graphs import CASES, IDS, unweighted  # noqa: E402


def nx_local(S):
    """networkx's local reaching centrality of every node (0 where it raises:
    n <= 1 or no edges, ringleader's documented convention)."""
    if len(S) <= 1 or S.number_of_edges() == 0:
        return {v: 0.0 for v in S}
    paths = dict(nx.shortest_path(S))
    return {v: nx.local_reaching_centrality(S, v, paths=paths[v]) for v in S}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_local_and_global_reaching_match_networkx(case):
    name, G, S = case
    net = rl.from_networkx(G)
    got = rl.centrality.local_reaching(net)
    assert got.name == "local_reaching"
    ref = nx_local(unweighted(S))
    assert set(got.index) == set(ref)
    for v, x in ref.items():
        assert math.isclose(got[v], x, rel_tol=1e-12, abs_tol=1e-15), (name, v, got[v], x)
    U = unweighted(S)
    if len(U) > 1 and U.number_of_edges() > 0:
        want = nx.global_reaching_centrality(U)
    else:
        want = 0.0
    assert math.isclose(rl.centrality.global_reaching(net), want, rel_tol=1e-12, abs_tol=1e-15), name


def test_reaching_follows_the_chain_of_command():
    edges = pd.DataFrame({"source": ["boss", "boss", "lt"], "target": ["lt", "c1", "c2"]})
    net = rl.Network.from_pandas(edges, directed=True)
    assert rl.centrality.local_reaching(net).round(3).to_dict() == {"boss": 1.0, "lt": 0.333, "c1": 0.0, "c2": 0.0}
    assert round(rl.centrality.global_reaching(net), 3) == 0.889
    # Undirected, everyone reaches the whole component: networkx weighs each
    # node reached by 1 / distance, which is harmonic centrality / (n - 1).
    flat = rl.Network.from_pandas(edges, directed=False)
    harmonic = rl.centrality.harmonic(flat) / 3
    pd.testing.assert_series_equal(rl.centrality.local_reaching(flat), harmonic.rename("local_reaching"))


def test_reaching_ignores_types_weights_and_parallel_edges():
    edges = pd.DataFrame({"source": ["a", "a", "b", "c"], "target": ["b", "b", "c", "c"],
                          "type": ["call", "meet", "transfer", "call"], "weight": [1.0, 9.0, 100.0, 2.0]})
    net = rl.Network.from_pandas(edges, directed=True)
    assert rl.centrality.local_reaching(net).tolist() == [1.0, 0.5, 0.0]
    single = rl.Network.from_pandas(edges.iloc[[0, 2]], directed=True)
    pd.testing.assert_series_equal(rl.centrality.local_reaching(net), rl.centrality.local_reaching(single))


def test_reaching_threads_and_progress_agree():
    G = nx.gnp_random_graph(300, 0.01, seed=3, directed=True)
    net = rl.from_networkx(G)
    one = rl.centrality.local_reaching(net, threads=1)
    pd.testing.assert_series_equal(one, rl.centrality.local_reaching(net, threads=2, progress=True))
    with pytest.raises(ValueError, match="threads"):
        rl.centrality.local_reaching(net, threads=-1)
