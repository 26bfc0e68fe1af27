"""The networkx backend "ringleader": registration, results equal networkx's
(types included) on random graphs of every kind, declined calls run in
networkx.  networkx's own test suite runs with the backend in `make test-nx`
(.ci/run)."""
import math
import random

import numpy as np
import pytest

nx = pytest.importorskip("networkx")

from ringleader import nx_backend  # noqa: E402

B = "ringleader"


def graphs(kinds=("Graph", "DiGraph", "MultiGraph", "MultiDiGraph"), seeds=range(6), loops=True):
    """Random graphs with weights, isolated nodes, self-loops, parallel edges
    (multigraphs) and mixed node objects."""
    for kind in kinds:
        for seed in seeds:
            rng = random.Random(seed)
            n = rng.choice([0, 1, 2, 5, 12, 30])
            G = getattr(nx, kind)()
            names = [("t", i) if i % 3 == 0 else (f"n{i}" if i % 3 == 1 else i) for i in range(n)]
            rng.shuffle(names)
            G.add_nodes_from(names)
            for _ in range(int(n * rng.choice([0.5, 1.5, 3]))):
                u, v = rng.choice(names), rng.choice(names)
                if u == v and not loops:
                    continue
                G.add_edge(u, v, weight=rng.choice([1, 2, 3, 0.5]), capacity=rng.randint(0, 9))
            yield f"{kind}-{seed}-n{n}", G


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def close(a, b, tol=1e-9):
    assert type(a) is type(b), (type(a), type(b))
    if isinstance(a, dict):
        assert list(a) == list(b) or set(a) == set(b)
        for k in a:
            close(a[k], b[k], tol)
    elif isinstance(a, float):
        assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=tol, abs=tol)
    else:
        assert a == b


def test_registered():
    assert B in nx.utils.backends.backends
    info = nx.utils.backends.backend_info[B]
    assert "betweenness_centrality" in info["functions"]
    assert "ringleader" in nx.betweenness_centrality.backends
    # every family module registers its functions: exactly those _info lists
    assert set(nx_backend.implemented()) == set(info["functions"])


@pytest.mark.parametrize("name,kwargs,kinds,tol", [
    ("degree_centrality", {}, None, 1e-12),
    ("betweenness_centrality", {}, None, 1e-9),
    ("betweenness_centrality", {"weight": "weight", "normalized": False}, None, 1e-9),
    ("betweenness_centrality", {"endpoints": True}, None, 1e-9),
    ("closeness_centrality", {}, None, 1e-9),
    ("closeness_centrality", {"distance": "weight", "wf_improved": False}, None, 1e-9),
    ("harmonic_centrality", {}, None, 1e-9),
    ("harmonic_centrality", {"distance": "weight"}, None, 1e-9),
    ("pagerank", {}, None, 1e-5),
    ("pagerank", {"weight": None, "alpha": 0.7}, None, 1e-5),
    ("katz_centrality", {"alpha": 0.02}, ("Graph", "DiGraph"), 1e-5),
    ("constraint", {}, ("Graph", "DiGraph"), 1e-9),
    ("constraint", {"weight": "weight"}, ("Graph", "DiGraph"), 1e-9),
    ("effective_size", {}, ("Graph",), 1e-9),
])
def test_same_as_networkx(name, kwargs, kinds, tol):
    f = getattr(nx, name)
    ran = 0
    kinds = kinds or ("Graph", "DiGraph", "MultiGraph", "MultiDiGraph")
    for label, G in list(graphs(kinds)) + list(graphs(kinds, seeds=range(6, 12), loops=False)):
        if len(G) == 0 and name in ("pagerank", "katz_centrality", "constraint", "effective_size"):
            with pytest.raises(Exception) if name in ("constraint", "effective_size") else _nothing():
                f(G, **kwargs)
                f(G, backend="networkx", **kwargs)
            continue
        expected = f(G, **kwargs)
        try:
            got = f(G, backend=B, **kwargs)
            ran += 1
        except NotImplementedError:    # declined: networkx runs it (tested below)
            continue
        close(got, expected, tol)
    assert ran >= 8, f"the backend ran only {ran} of the graphs"


@pytest.mark.parametrize("kind", ["Graph", "DiGraph"])
def test_in_out_degree_and_edge_betweenness(kind):
    for label, G in graphs((kind,)):
        if G.is_directed():
            close(nx.in_degree_centrality(G, backend=B), nx.in_degree_centrality(G))
            close(nx.out_degree_centrality(G, backend=B), nx.out_degree_centrality(G))
        for weight in (None, "weight"):
            close(nx.edge_betweenness_centrality(G, weight=weight, backend=B),
                  nx.edge_betweenness_centrality(G, weight=weight))


def test_components_in_networkx_order():
    for label, G in graphs():
        if G.is_directed():
            assert list(nx.strongly_connected_components(G, backend=B)) == list(nx.strongly_connected_components(G))
            assert list(nx.weakly_connected_components(G, backend=B)) == list(nx.weakly_connected_components(G))
        else:
            assert list(nx.connected_components(G, backend=B)) == list(nx.connected_components(G))
            assert nx.number_connected_components(G, backend=B) == nx.number_connected_components(G)


def test_global_reaching_centrality():
    ran = 0
    for label, G in graphs(seeds=range(12)):
        if len(G) < 2 or G.number_of_edges() == 0:
            with pytest.raises(NotImplementedError):    # declined: networkx raises
                nx.global_reaching_centrality(G, backend=B)
            continue
        assert abs(nx.global_reaching_centrality(G, backend=B) - nx.global_reaching_centrality(G)) <= 1e-12, label
        ran += 1
    assert ran >= 16
    with pytest.raises(NotImplementedError):    # declined: weighted reaching
        nx.global_reaching_centrality(nx.DiGraph([(0, 1), (0, 2)]), weight="weight", backend=B)


def test_core_number_and_label_propagation_exact():
    for label, G in graphs(("Graph", "MultiGraph"), seeds=range(12), loops=False):
        if not G.is_multigraph():
            assert nx.core_number(G, backend=B) == nx.core_number(G)
        got = nx.community.label_propagation_communities(G, backend=B)
        expected = nx.community.label_propagation_communities(G)
        assert type(got) is type(expected)
        assert list(got) == list(expected), label
    G = nx.karate_club_graph()
    assert list(nx.community.label_propagation_communities(G, backend=B)) == \
        list(nx.community.label_propagation_communities(G))


def test_louvain_valid_and_modularity_exact():
    G = nx.karate_club_graph()
    parts = nx.community.louvain_communities(G, seed=1, backend=B)
    assert nx.community.is_partition(G, parts)
    assert nx.community.modularity(G, parts) > 0.40
    assert nx.community.louvain_communities(G, seed=1, backend=B) == parts   # reproducible
    for label, G in graphs():
        if G.number_of_edges() == 0:
            continue
        parts = [set(G)] if len(G) < 3 else [set(list(G)[: len(G) // 2]), set(list(G)[len(G) // 2:])]
        for weight in ("weight", None):
            got = nx.community.modularity(G, parts, weight=weight, backend=B)
            assert got == pytest.approx(nx.community.modularity(G, parts, weight=weight), abs=1e-12)


def test_spectral_close_to_networkx():
    G = nx.karate_club_graph()
    close(nx.eigenvector_centrality(G, backend=B), nx.eigenvector_centrality(G), 1e-5)
    close(nx.eigenvector_centrality_numpy(G, backend=B), nx.eigenvector_centrality_numpy(G), 1e-8)
    close(nx.katz_centrality_numpy(G, alpha=0.05, backend=B), nx.katz_centrality_numpy(G, alpha=0.05), 1e-8)
    h1, a1 = nx.hits(nx.DiGraph(nx.gnp_random_graph(40, 0.1, seed=3, directed=True)), backend=B)
    h2, a2 = nx.hits(nx.DiGraph(nx.gnp_random_graph(40, 0.1, seed=3, directed=True)))
    close(h1, h2, 1e-6)
    close(a1, a2, 1e-6)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(nx.path_graph(30), max_iter=2, backend=B)


def test_max_flow_and_min_cut():
    for label, G in graphs(("Graph", "DiGraph"), seeds=range(10), loops=True):
        if len(G) < 2:
            continue
        s, t = list(G)[0], list(G)[-1]
        value = nx.maximum_flow_value(G, s, t, backend=B)
        assert value == nx.maximum_flow_value(G, s, t) and type(value) is int
        cut, (left, right) = nx.minimum_cut(G, s, t, backend=B)
        cut_nx, (left_nx, right_nx) = nx.minimum_cut(G, s, t)
        assert cut == cut_nx and (left, right) == (left_nx, right_nx), label
    G = nx.DiGraph([(0, 1), (1, 2)])          # no capacity: infinite
    with pytest.raises(nx.NetworkXUnbounded):
        nx.maximum_flow_value(G, 0, 2, backend=B)
    G.add_edge(1, 2, capacity=5)      # (add_edge clears networkx's conversion cache)
    assert nx.maximum_flow_value(G, 0, 2, backend=B) == 5


def test_declined_calls_run_in_networkx():
    G = nx.karate_club_graph()
    # explicit backend: the declined call is refused (networkx names the backend)
    with pytest.raises(NotImplementedError):
        nx.betweenness_centrality(G, weight=lambda u, v, d: 1.0, backend=B)
    G.add_edge(0, 1, weight=-1.0)
    with pytest.raises(NotImplementedError):
        nx.closeness_centrality(G, distance="weight", backend=B)    # negative distances
    # priority + fallback: networkx runs the declined call and the answer is networkx's
    old = (list(nx.config.backend_priority.algos), nx.config.fallback_to_nx)
    try:
        nx.config.backend_priority.algos = [B]
        nx.config.fallback_to_nx = True
        H = nx.karate_club_graph()
        assert nx.edge_betweenness_centrality(H, k=5, seed=3) == nx.edge_betweenness_centrality(
            H, k=5, seed=3, backend="networkx")                                 # declined: sampled edge betweenness
        # sampled betweenness runs on ringleader's partial kernel: networkx's sample, equal to rounding
        close(nx.betweenness_centrality(H, k=5, seed=3), nx.betweenness_centrality(H, k=5, seed=3, backend="networkx"))
        assert nx.minimum_cut(nx.DiGraph([(0, 1, {"capacity": 0.5})]), 0, 1)[0] == 0.5   # non-integer: networkx
        close(nx.betweenness_centrality(H), nx.betweenness_centrality(H, backend="networkx"))
        D = nx.DiGraph(nx.gnp_random_graph(30, 0.1, seed=2, directed=True))
        close(nx.effective_size(D), nx.effective_size(D, backend="networkx"))     # declined: scipy path
        close(nx.effective_size(D, nodes=list(D)), nx.effective_size(D, nodes=list(D), backend="networkx"))
    finally:
        nx.config.backend_priority.algos, nx.config.fallback_to_nx = old


def test_conversion_round_trip():
    G = nx.MultiDiGraph()
    G.add_edge(("a", 1), "b", key="k", weight=2.5, capacity=3)
    G.add_edge("b", "b", weight=1)
    G.add_node(7)
    R = nx_backend.convert_from_nx(G, preserve_edge_attrs=True)
    assert R.__networkx_backend__ == B and len(R) == 3 and R.number_of_edges() == 2
    H = nx_backend.convert_to_nx(R)
    assert list(H.nodes) == list(G.nodes)
    assert sorted(H.edges(keys=True, data=True), key=str) == sorted(G.edges(keys=True, data=True), key=str)
    R2 = nx_backend.convert_from_nx(G, edge_attrs={"weight": 1})
    assert np.allclose(R2.column("weight"), [2.5, 1.0])
    Gs = nx.Graph([(1, 2, {"weight": "heavy"})])
    with pytest.raises(NotImplementedError, match="not numeric"):
        nx_backend.convert_from_nx(Gs, edge_attrs={"weight": 1}).column("weight")


def test_leiden_for_networkx_users():
    # networkx has no Leiden of its own: the backend provides it
    G = nx.karate_club_graph()
    parts = nx.community.leiden_communities(G, seed=3, backend=B)
    assert nx.community.is_partition(G, parts) and nx.community.modularity(G, parts) > 0.41
    levels = list(nx.community.leiden_partitions(G, seed=3, backend=B))
    assert levels[-1] == parts
    for i, level in enumerate(levels, 1):
        assert nx.community.leiden_communities(G, seed=3, max_level=i, backend=B) == level
    with pytest.raises(ValueError, match="positive integer"):
        nx.community.leiden_communities(G, max_level=0, backend=B)


def test_docs_list_every_function_and_exact_seeded_test():
    from pathlib import Path
    from ringleader.nx_backend._info import FUNCTIONS
    from ringleader.nx_backend._tests import EXACT_SEEDED
    doc = (Path(__file__).resolve().parents[2] / "docs" / "networkx-backend.md").read_text()
    for name in FUNCTIONS:
        assert f"`{name}`" in doc, name
    for test in EXACT_SEEDED:
        assert test.split("::")[-1] in doc, test
