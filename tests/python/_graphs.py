"""Test graphs shared by the spectral and stats comparisons with networkx.

Each case is (name, G, S): G is given to ringleader (possibly a multigraph
with parallel edges), S is the simple graph networkx is run on (parallel
edges merged with summed weights)."""
import random

import networkx as nx


def simple_of(G):
    S = nx.DiGraph() if G.is_directed() else nx.Graph()
    S.add_nodes_from(G.nodes())
    for u, v, d in G.edges(data=True):
        w = d.get("weight", 1.0)
        if S.has_edge(u, v):
            S[u][v]["weight"] += w
        else:
            S.add_edge(u, v, weight=w)
    return S


def _weights(G, seed):
    rng = random.Random(seed)
    for u, v, d in G.edges(data=True):
        d["weight"] = rng.uniform(0.5, 3.0)
    return G


def _loops(G, seed, k=3):
    rng = random.Random(seed)
    nodes = list(G.nodes())
    for _ in range(k):
        v = rng.choice(nodes)
        G.add_edge(v, v, weight=rng.uniform(0.5, 3.0))
    return G


def _parallel(G, seed):
    rng = random.Random(seed)
    M = nx.MultiDiGraph() if G.is_directed() else nx.MultiGraph()
    M.add_nodes_from(G.nodes())
    for u, v, d in G.edges(data=True):
        w = d.get("weight", 1.0)
        M.add_edge(u, v, weight=w)
        if rng.random() < 0.3:
            M.add_edge(u, v, weight=rng.uniform(0.5, 3.0))
        if not G.is_directed() and rng.random() < 0.2:
            M.add_edge(v, u, weight=1.0)
    return M


def cases():
    out = []
    k = nx.karate_club_graph()
    out.append(("karate", k))
    out.append(("florentine", nx.florentine_families_graph()))
    davis = nx.davis_southern_women_graph()
    women = [n for n, d in davis.nodes(data=True) if d["bipartite"] == 0]
    out.append(("davis", nx.bipartite.weighted_projected_graph(davis, women)))
    for s in range(5):
        out.append((f"gnp{s}", _weights(nx.gnp_random_graph(40, 0.12, seed=s), s)))
        out.append((f"gnp_dir{s}", _weights(nx.gnp_random_graph(40, 0.08, seed=s, directed=True), s)))
    for s in range(3):
        out.append((f"ba{s}", _weights(nx.barabasi_albert_graph(60, 2, seed=s), s)))
        out.append((f"loops{s}", _loops(_weights(nx.gnp_random_graph(30, 0.15, seed=10 + s), s), s)))
        out.append((f"loops_dir{s}", _loops(_weights(nx.gnp_random_graph(30, 0.1, seed=20 + s, directed=True), s), s)))
        out.append((f"multi{s}", _parallel(_weights(nx.gnp_random_graph(30, 0.15, seed=30 + s), s), s)))
        out.append((f"multi_dir{s}", _parallel(_weights(nx.gnp_random_graph(30, 0.1, seed=40 + s, directed=True), s), s)))
    for s in range(2):
        a = nx.gnp_random_graph(20, 0.2, seed=50 + s)
        b = nx.relabel_nodes(nx.gnp_random_graph(15, 0.3, seed=60 + s), lambda x: x + 100)
        g = nx.union(a, b)
        g.add_nodes_from([500, 501])  # isolated
        out.append((f"disconnected{s}", _weights(g, s)))
        d = nx.union(nx.gnp_random_graph(20, 0.15, seed=70 + s, directed=True),
                     nx.relabel_nodes(nx.gnp_random_graph(10, 0.3, seed=80 + s, directed=True), lambda x: x + 100))
        d.add_node(999)
        out.append((f"disconnected_dir{s}", _weights(d, s)))
    out.append(("n0", nx.Graph()))
    out.append(("n0_dir", nx.DiGraph()))
    g1 = nx.Graph()
    g1.add_node("a")
    out.append(("n1", g1))
    out.append(("n2_edge", nx.Graph([("a", "b")])))
    out.append(("n2_dir", nx.DiGraph([("a", "b")])))
    g2 = nx.Graph()
    g2.add_nodes_from(["a", "b"])
    out.append(("n2_empty", g2))
    out.append(("n2_loop", nx.Graph([("a", "b"), ("a", "a")])))
    return [(name, G, simple_of(G)) for name, G in out]


CASES = cases()
IDS = [c[0] for c in CASES]


def unweighted(S):
    U = S.__class__()
    U.add_nodes_from(S.nodes())
    U.add_edges_from(S.edges())
    return U
