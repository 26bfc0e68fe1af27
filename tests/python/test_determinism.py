"""Determinism: every kernel gives the same result for 1 and 2 threads
(exactly for integers, ids and partitions, within 1e-12 relative for floats)
and the same result for the same seed.

A property test on random networks (directed and undirected, weighted, with
self-loops, parallel edges and isolated nodes; a fixed list of seeds).  The
public functions are enumerated from ``__all__`` of each module: a new
function must be added to CALLS (or to EXEMPT with a reason) or
test_every_public_function_is_covered fails.

Exceptions found (documented in the docstrings): none of the kernels differs
between 1 and 2 threads.  Functions without a ``threads`` argument (serial
kernels) are listed in NO_THREADS; they are called twice with the same seed
and must agree.
"""
import dataclasses
import inspect
import math

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

MODULES = {
    "centrality": rl.centrality,
    "stats": rl.stats,
    "community": rl.community,
    "criminal": rl.criminal,
    "money": rl.money,
    "paths": rl.paths,
    "temporal": rl.temporal,
    "layout": rl.layout,
    "generate": rl.generate,
}
SEEDS = [1, 2, 3, 5, 8, 13]
RTOL = 1e-12


# ---- random networks -----------------------------------------------------------
def random_network(seed: int, directed: bool) -> rl.Network:
    """A random typed multigraph: persons and accounts, calls, transfers
    (amounts, timestamps) and ownership, weights, self-loops, parallel edges
    and isolated nodes."""
    rng = np.random.default_rng(seed)
    n_persons, n_accounts, n_isolated = int(rng.integers(25, 50)), int(rng.integers(10, 25)), 3
    persons = [f"p{i}" for i in range(n_persons)]
    accounts = [f"a{i}" for i in range(n_accounts)]
    isolated = [f"x{i}" for i in range(n_isolated)]
    nodes = pd.DataFrame({"id": persons + accounts + isolated,
                          "type": ["person"] * n_persons + ["account"] * n_accounts + ["person"] * n_isolated})
    rows = []
    t0 = pd.Timestamp("2024-01-01", tz="UTC")

    def add(u, v, kind, amount=np.nan):
        rows.append((u, v, kind, float(rng.uniform(0.5, 3.0)),
                     t0 + pd.Timedelta(hours=int(rng.integers(0, 24 * 90))), amount))

    for _ in range(int(rng.integers(2, 4)) * n_persons):  # calls
        u, v = rng.choice(n_persons, 2)
        add(persons[u], persons[v], "call")
    for _ in range(3):  # self-loops
        u = int(rng.integers(n_persons))
        add(persons[u], persons[u], "call")
    for _ in range(int(0.2 * len(rows))):  # parallel edges
        u, v = rows[int(rng.integers(len(rows)))][:2]
        add(u, v, "call")
    for i, a in enumerate(accounts):  # ownership
        add(persons[i % n_persons], a, "owns")
    for _ in range(4 * n_accounts):  # transfers
        u, v = rng.choice(n_accounts, 2, replace=False)
        add(accounts[u], accounts[v], "transfer", float(rng.integers(100, 10000)))
    edges = pd.DataFrame(rows, columns=["source", "target", "type", "weight", "timestamp", "amount"])
    return rl.Network.from_pandas(edges, nodes, directed=directed)


CASES = [(s, d) for s in SEEDS for d in (False, True)]


@pytest.fixture(scope="module", params=CASES, ids=[f"seed{s}-{'di' if d else 'un'}" for s, d in CASES])
def net(request):
    return random_network(*request.param)


# ---- comparison ----------------------------------------------------------------
def assert_same(a, b, path="result"):
    """Exact for integers, strings and partitions; within RTOL (relative to the
    largest magnitude of the array, so sums in another order pass) for floats."""
    assert type(a) is type(b), f"{path}: {type(a)} != {type(b)}"
    if isinstance(a, pd.DataFrame):
        assert list(a.columns) == list(b.columns), path
        assert a.index.equals(b.index), f"{path}: index differs"
        for c in a.columns:
            assert_same(a[c], b[c], f"{path}[{c!r}]")
        assert_same(dict(a.attrs), dict(b.attrs), f"{path}.attrs")
    elif isinstance(a, pd.Series):
        assert a.index.equals(b.index), f"{path}: index differs"
        if a.dtype.kind == "f":
            assert_same(a.to_numpy(), b.to_numpy(), path)
        else:  # exact: integers, ids, timestamps (NaT equals NaT), lists
            pd.testing.assert_series_equal(a, b, check_exact=True, obj=path)
        assert_same(dict(a.attrs), dict(b.attrs), f"{path}.attrs")
    elif isinstance(a, np.ndarray):
        assert a.shape == b.shape, path
        if a.dtype.kind == "f":
            scale = np.nanmax(np.abs(np.where(np.isfinite(a), a, np.nan))) if np.isfinite(a).any() else 0.0
            np.testing.assert_allclose(a, b, rtol=RTOL, atol=RTOL * scale, equal_nan=True, err_msg=path)
        elif a.dtype.kind == "O":
            for i, (x, y) in enumerate(zip(a, b)):
                assert_same(x, y, f"{path}[{i}]")
        else:
            assert np.array_equal(a, b), f"{path}: {a} != {b}"
    elif isinstance(a, float):
        assert (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=RTOL, abs_tol=1e-300), \
            f"{path}: {a!r} != {b!r}"
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            assert_same(a[k], b[k], f"{path}[{k!r}]")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, f"{path}[{i}]")
    elif dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            assert_same(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    elif isinstance(a, rl.Network):
        assert_same(a.nodes, b.nodes, f"{path}.nodes")
        assert_same(a.edges, b.edges, f"{path}.edges")
    elif isinstance(a, (np.floating,)):
        assert_same(float(a), float(b), path)
    elif a is pd.NaT or b is pd.NaT:
        assert a is b, f"{path}: {a!r} != {b!r}"
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"


# ---- the calls -------------------------------------------------------------------
def _partition(net):
    return rl.community.label_propagation(net, seed=1, threads=1)


def _groups(net):
    return pd.Series(np.arange(net.number_of_nodes()) % 3, index=net.node_index)


def _sources(net):
    return ["a0", "a1"]


def _window(net):
    return dict(start="2024-01-01", end="2024-04-01")


# name -> f(net, seed, **threads) -> result; `threads` is passed when the function accepts it
CALLS = {
    "centrality.degree": lambda net, seed, **t: rl.centrality.degree(net, **t),
    "centrality.strength": lambda net, seed, **t: rl.centrality.strength(net, **t),
    "centrality.betweenness": lambda net, seed, **t: (rl.centrality.betweenness(net, **t),
                                                       rl.centrality.betweenness(net, weight="weight", **t),
                                                       rl.centrality.betweenness(net, k=10, seed=seed, **t)),
    "centrality.betweenness_approx": lambda net, seed, **t: rl.centrality.betweenness_approx(
        net, epsilon=0.1, seed=seed, **t),
    "centrality.edge_betweenness": lambda net, seed, **t: (rl.centrality.edge_betweenness(net, **t),
                                                            rl.centrality.edge_betweenness(net, k=10, seed=seed, **t)),
    "centrality.closeness": lambda net, seed, **t: (rl.centrality.closeness(net, **t),
                                                     rl.centrality.closeness(net, weight="weight", **t)),
    "centrality.harmonic": lambda net, seed, **t: (rl.centrality.harmonic(net, weight="weight", **t),
                                                    rl.centrality.harmonic(net, k=10, seed=seed, **t)),
    "centrality.eigenvector": lambda net, seed, **t: _converged(rl.centrality.eigenvector, net, **t),
    "centrality.pagerank": lambda net, seed, **t: (rl.centrality.pagerank(net, **t),
                                                    rl.centrality.pagerank(net, weight="weight", **t)),
    "centrality.katz": lambda net, seed, **t: _converged(rl.centrality.katz, net, alpha=0.01, **t),
    "centrality.hits": lambda net, seed, **t: _converged(rl.centrality.hits, net, **t),
    "centrality.core_number": lambda net, seed, **t: rl.centrality.core_number(net, **t),
    "centrality.local_reaching": lambda net, seed, **t: rl.centrality.local_reaching(net, **t),
    "centrality.global_reaching": lambda net, seed, **t: rl.centrality.global_reaching(net, **t),
    "stats.density": lambda net, seed, **t: rl.stats.density(net),
    "stats.reciprocity": lambda net, seed, **t: _outcome(rl.stats.reciprocity, net, weight="weight", **t),
    "stats.transitivity": lambda net, seed, **t: rl.stats.transitivity(net, **t),
    "stats.clustering": lambda net, seed, **t: (rl.stats.clustering(net, **t),
                                                 rl.stats.clustering(net, weight="weight", **t)),
    "stats.average_clustering": lambda net, seed, **t: rl.stats.average_clustering(net, weight="weight", **t),
    "stats.centralization": lambda net, seed, **t: (rl.stats.centralization(net, "betweenness", **t),
                                                     rl.stats.centralization(net, "degree", **t)),
    "stats.degree_assortativity": lambda net, seed, **t: rl.stats.degree_assortativity(net, **t),
    "stats.diameter": lambda net, seed, **t: (rl.stats.diameter(_connected(net), **t),
                                               rl.stats.diameter(_connected(net), estimate=True, samples=10, seed=seed, **t)),
    "stats.average_shortest_path_length": lambda net, seed, **t: (
        rl.stats.average_shortest_path_length(_connected(net), weight="weight", **t),
        rl.stats.average_shortest_path_length(_connected(net), estimate=True, samples=10,
                                              seed=seed, **t)),
    "community.components": lambda net, seed, **t: (rl.community.components(net),
                                                     rl.community.components(net, strong=True)),
    "community.louvain": lambda net, seed, **t: rl.community.louvain(net, weight="weight", seed=seed, **t),
    "community.leiden": lambda net, seed, **t: (rl.community.leiden(net, seed=seed, **t),
                                                 rl.community.leiden(net, objective="cpm", resolution=0.1,
                                                                     weight="weight", seed=seed, **t)),
    "community.label_propagation": lambda net, seed, **t: rl.community.label_propagation(net, seed=seed, **t),
    "community.modularity": lambda net, seed, **t: rl.community.modularity(net, _partition(net), weight="weight"),
    "community.cpm_quality": lambda net, seed, **t: rl.community.cpm_quality(net, _partition(net), 0.1),
    "community.coverage": lambda net, seed, **t: rl.community.coverage(net, _partition(net)),
    "community.performance": lambda net, seed, **t: rl.community.performance(net, _partition(net)),
    "community.partition_quality": lambda net, seed, **t: rl.community.partition_quality(net, _partition(net)),
    "community.conductance": lambda net, seed, **t: rl.community.conductance(net, _partition(net)),
    "community.summary": lambda net, seed, **t: rl.community.summary(net, _partition(net), weight="weight"),
    "community.nmi": lambda net, seed, **t: rl.community.nmi(_partition(net), _groups(net)),
    "community.ari": lambda net, seed, **t: rl.community.ari(_partition(net), _groups(net)),
    "criminal.structural_holes": lambda net, seed, **t: rl.criminal.structural_holes(net, weight="weight", **t),
    "criminal.constraint": lambda net, seed, **t: rl.criminal.constraint(net, **t),
    "criminal.effective_size": lambda net, seed, **t: rl.criminal.effective_size(net, weight="weight", **t),
    "criminal.efficiency": lambda net, seed, **t: rl.criminal.efficiency(net, **t),
    "criminal.hierarchy": lambda net, seed, **t: rl.criminal.hierarchy(net, weight="weight", **t),
    "criminal.brokerage": lambda net, seed, **t: rl.criminal.brokerage(net, _groups(net), **t),
    "criminal.key_players": lambda net, seed, **t: (
        rl.criminal.key_players(net, 3, seed=seed, restarts=3, **t),
        rl.criminal.key_players(net, 3, objective="reach", m=2, seed=seed, restarts=3, **t)),
    "criminal.disruption": lambda net, seed, **t: (
        rl.criminal.disruption(net, "betweenness", steps=4, repeats=3, seed=seed, **t),
        rl.criminal.disruption(net, "random", steps=4, repeats=3, seed=seed, **t)),
    "criminal.leaders": lambda net, seed, **t: (rl.criminal.leaders(net, seed=seed, **t),
                                                 rl.criminal.leaders(net, person_type=None, seed=seed, samples=8,
                                                                     exact_below=10, **t)),
    "money.trace": lambda net, seed, **t: (rl.money.trace(net, _sources(net)),
                                           rl.money.trace(net, _sources(net), rule="fifo")),
    "money.freeze_plan": lambda net, seed, **t: (rl.money.freeze_plan(net, _sources(net), ["a5", "a7"]),
                                                 rl.money.freeze_plan(net, _sources(net), ["a5", "a7"],
                                                                      cut="accounts", k=2)),
    "money.received": lambda net, seed, **t: rl.money.received(net, _sources(net)),
    "paths.shortest": lambda net, seed, **t: _path_call(rl.paths.shortest, net, weight="weight"),
    "paths.all_shortest": lambda net, seed, **t: _path_call(rl.paths.all_shortest, net),
    "paths.k_shortest": lambda net, seed, **t: _path_call(rl.paths.k_shortest, net, k=4, weight="weight"),
    "paths.earliest_arrival": lambda net, seed, **t: rl.paths.earliest_arrival(net, "p0"),
    "paths.latest_departure": lambda net, seed, **t: rl.paths.latest_departure(net, "p1"),
    "paths.time_respecting": lambda net, seed, **t: _path_call(rl.paths.time_respecting, net),
    "paths.ego": lambda net, seed, **t: rl.paths.ego(net, "p0", radius=2),
    "paths.ego_summary": lambda net, seed, **t: rl.paths.ego_summary(net, "p0", radius=2),
    "temporal.windows": lambda net, seed, **t: [(w.start, w.end, w.network)
                                                for w in rl.temporal.windows(net, "30D", **_window(net))],
    "temporal.measure": lambda net, seed, **t: (
        _no_kwargs(rl.temporal.measure(net, "30D", "betweenness", **_window(net), **t)),
        _no_kwargs(rl.temporal.measure(net, "30D", "pagerank", **_window(net), **t))),
    "temporal.partitions": lambda net, seed, **t: _no_kwargs(
        rl.temporal.partitions(net, "30D", seed=seed, **_window(net), **t)),
    "temporal.changes": lambda net, seed, **t: rl.temporal.changes(
        rl.temporal.measure(net, "30D", "degree", **_window(net), **t),
        rl.temporal.partitions(net, "30D", seed=seed, **_window(net), **t)),
    "layout.force_atlas2": lambda net, seed, **t: (
        rl.layout.force_atlas2(net, iterations=30, seed=seed, **t),
        rl.layout.force_atlas2(net, iterations=30, seed=seed, barnes_hut_above=10, weight="weight", **t)),
    "layout.by_community": lambda net, seed, **t: rl.layout.by_community(net, _partition(net), seed=seed,
                                                                         iterations=30, **t),
    "layout.circular": lambda net, seed, **t: rl.layout.circular(net, _partition(net)),
    "generate.fraud_network": lambda net, seed, **t: rl.generate.fraud_network(n_groups=2, noise=0.1, seed=seed,
                                                                               missing=0.1, false_links=0.1),
    "criminal.leader_measures": lambda net, seed, **t: rl.criminal.leader_measures(net, person_type=None, seed=seed,
                                                                                   min_contacts=1, **t),
    "criminal.person_network": lambda net, seed, **t: (
        lambda pn: (list(pn.core), pn.net.edges))(rl.criminal.person_network(net, person_type=None)),
    "criminal.owners": lambda net, seed, **t: rl.criminal.owners(net),
}
CALLS["generate.identity_noise"] = lambda net, seed, **t: rl.generate.identity_noise(
    *rl.generate.fraud_compound(size=40, seed=3), seed=seed)
for _family in ("fraud_compound", "fraud_insulated", "mafia_clan", "drug_chain", "cell_network", "laundering_network"):
    CALLS[f"generate.{_family}"] = (lambda f: lambda net, seed, **t: getattr(rl.generate, f)(
        size=40, noise=0.1, missing_edges=0.1, missing_persons=0.05, seed=seed))(_family)

# Functions without a `threads` argument: serial kernels, called twice with
# the same seed (temporal.* pass `threads` on to the measure or method).
NO_THREADS = {
    "stats.density", "community.components", "community.modularity", "community.cpm_quality",
    "community.coverage", "community.performance", "community.partition_quality", "community.conductance",
    "community.summary", "community.nmi", "community.ari", "money.trace", "money.freeze_plan", "money.received",
    "paths.shortest", "paths.all_shortest", "paths.k_shortest", "paths.earliest_arrival", "paths.latest_departure",
    "paths.time_respecting", "paths.ego", "paths.ego_summary", "temporal.windows", "temporal.changes", "layout.circular",
    "generate.fraud_network", "criminal.person_network", "criminal.owners", "generate.fraud_compound",
    "generate.fraud_insulated", "generate.mafia_clan", "generate.drug_chain", "generate.cell_network",
    "generate.laundering_network", "generate.identity_noise",
}

# Public names that are not kernels.
EXEMPT = {
    "centrality.ConvergenceError": "an exception class",
    "stats.Estimate": "a result class",
    "stats.EXACT_DISTANCE_LIMIT": "a constant",
    "criminal.KeyPlayers": "a result class",
    "criminal.plot_disruption": "draws the result of disruption (covered) with matplotlib",
    "money.MoneyTrace": "a result class",
    "money.FreezePlan": "a result class",
    "paths.Path": "a result class",
    "paths.EgoSummary": "a result class",
    "temporal.Window": "a result class",
    "temporal.Changes": "a result class",
    "generate.LEADER_ROLES": "a constant",
    "generate.KEY_MEMBER_ROLES": "a constant",
    "generate.ROLES": "a constant",
    "generate.IDENTITY_DEFAULTS": "a constant",
    "generate.families": "lists the families (each one is covered)",
    "criminal.PersonNetwork": "a result class",
}


def _connected(net):
    """The largest strongly connected part (distances are finite there)."""
    part = rl.community.components(net, strong=True)
    return net.subgraph(nodes=list(part.index[part == 0]))


def _outcome(f, net, **kw):
    """The result, or the error (both thread counts must fail alike)."""
    try:
        return f(net, **kw)
    except ValueError as e:
        return (type(e).__name__, str(e))


def _no_kwargs(df):
    """temporal results record their keyword arguments (threads among them)."""
    for c in df.columns:
        df[c].attrs.pop("kwargs", None)
    df.attrs.pop("kwargs", None)
    return df


def _converged(f, net, **kw):
    """Spectral measures may not converge on a random network: then both
    thread counts must fail alike."""
    try:
        return f(net, max_iter=2000, **kw)
    except rl.ConvergenceError as e:
        return ("ConvergenceError", str(e))


def _path_call(f, net, **kw):
    ids = list(net.node_index)
    return [f(net, s, t, **kw) for s, t in [(ids[0], ids[5]), (ids[2], ids[9]), ("a0", "a3")]]


def public_functions():
    out = []
    for mod_name, mod in MODULES.items():
        for name in mod.__all__:
            out.append(f"{mod_name}.{name}")
    return out


def test_every_public_function_is_covered():
    missing = [f for f in public_functions() if f not in CALLS and f not in EXEMPT]
    assert not missing, f"add these public functions to CALLS in test_determinism.py (or EXEMPT, with a reason): {missing}"
    stale = [f for f in list(CALLS) + list(EXEMPT) if f not in public_functions()]
    assert not stale, f"no longer public: {stale}"
    # rl.key_players and rl.leaders are the criminal ones
    assert rl.key_players is rl.criminal.key_players and rl.leaders is rl.criminal.leaders


def test_threads_argument_list_is_current():
    """NO_THREADS lists exactly the covered functions without `threads`."""
    def has_threads(name):
        mod, fn = name.split(".")
        params = inspect.signature(getattr(MODULES[mod], fn)).parameters
        return "threads" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())
    assert {f for f in CALLS if not has_threads(f)} == NO_THREADS


@pytest.mark.parametrize("name", sorted(CALLS))
def test_same_result_for_1_and_2_threads_and_same_seed(net, name):
    call = CALLS[name]
    if name in NO_THREADS:
        a, b = call(net, 7), call(net, 7)
        assert_same(a, b, name)
        return
    one = call(net, 7, threads=1)
    two = call(net, 7, threads=2)
    assert_same(one, two, name)
    assert_same(call(net, 7, threads=2), two, name)  # same seed, same thread count
