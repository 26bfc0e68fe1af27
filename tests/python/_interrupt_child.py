"""The child process of test_interrupt.py: runs long kernels one after another;
before each it prints "ready <name>", the parent sends SIGINT about a second
later, the child prints "interrupted <name>" when KeyboardInterrupt arrives,
then makes a second, small call on the same network and prints "usable
<name>".  A kernel that finishes prints "finished <name> <seconds>" instead.

    python _interrupt_child.py [name ...]

Each network is built to keep its kernel busy for well over five seconds on
one or two cores.  Not here: label propagation, which converges in 0.4 s at a
million edges (it would need tens of millions to run five seconds; it checks
for cancellation between batches of vertices like Louvain and Leiden)."""
import functools
import sys
import time

import numpy as np
import pandas as pd

import ringleader as rl


@functools.lru_cache(maxsize=None)
def random_net(n: int, m: int, directed: bool = False, seed: int = 1) -> rl.Network:
    """n nodes, m random edges with weights (a sparse random graph)."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"v{i}" for i in range(n)], dtype=object)
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    edges = pd.DataFrame({"source": ids[src], "target": ids[dst], "weight": rng.uniform(0.5, 3.0, m)})
    return rl.Network.from_pandas(edges, pd.DataFrame({"id": ids}), directed=directed)


@functools.lru_cache(maxsize=None)
def cycle(n: int) -> rl.Network:
    """One directed cycle of n nodes: power iteration on it never converges
    (the spectral gap of A + I is about (2 pi / n)^2)."""
    ids = np.array([f"v{i}" for i in range(n)], dtype=object)
    edges = pd.DataFrame({"source": ids, "target": np.roll(ids, -1)})
    return rl.Network.from_pandas(edges, pd.DataFrame({"id": ids}), directed=True)


@functools.lru_cache(maxsize=None)
def transfers(n: int, m: int, seed: int = 1) -> rl.Network:
    """n accounts and m timestamped transfers, account a0 the source, a1 the sink."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"a{i}" for i in range(n)], dtype=object)
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    edges = pd.DataFrame({"source": ids[src], "target": ids[dst], "type": "transfer",
                          "amount": rng.integers(1, 10_000, m).astype(float),
                          "timestamp": pd.to_datetime(rng.integers(1.6e18, 1.7e18, m), utc=True)})
    return rl.Network.from_pandas(edges, pd.DataFrame({"id": ids, "type": "account"}), directed=True)


@functools.lru_cache(maxsize=None)
def fraud(n_groups: int) -> rl.Network:
    return rl.generate.fraud_network(n_groups=n_groups, teams_per_group=8, operators_per_team=10, seed=1)[0]


def _small(net):
    return net.subgraph(nodes=list(net.node_index[:300]))


def _small_trace(net):
    sub = net.subgraph(nodes=list(net.node_index[:3000]))
    return rl.money.trace(sub, [sub.edges["source"].iloc[0]])


T = dict(threads=2)
# name -> (build the network, the long call, a short call on the same network)
KERNELS = {
    "betweenness": (lambda: random_net(40_000, 160_000), lambda net: rl.centrality.betweenness(net, **T),
                    lambda net: rl.centrality.betweenness(_small(net))),
    "closeness": (lambda: random_net(40_000, 160_000), lambda net: rl.centrality.closeness(net, **T),
                  lambda net: rl.centrality.closeness(_small(net))),
    "harmonic": (lambda: random_net(40_000, 160_000), lambda net: rl.centrality.harmonic(net, weight="weight", **T),
                 lambda net: rl.centrality.harmonic(_small(net))),
    "pagerank": (lambda: random_net(200_000, 1_000_000, True),
                 lambda net: rl.centrality.pagerank(net, alpha=0.9999, tol=1e-300, max_iter=10**7, **T),
                 lambda net: rl.centrality.pagerank(_small(net))),
    "eigenvector": (lambda: cycle(1_000_000),
                    lambda net: rl.centrality.eigenvector(net, tol=1e-300, max_iter=10**7, **T),
                    lambda net: rl.centrality.degree(_small(net))),
    "katz": (lambda: random_net(200_000, 1_000_000, True),
             lambda net: rl.centrality.katz(net, alpha=0.198, tol=1e-300, max_iter=10**7, **T),
             lambda net: rl.centrality.katz(_small(net), alpha=0.01)),
    # tolerance=0: iterate until nothing changes (the default finished in 0.9 s, before the signal, in one CI run)
    "leiden": (lambda: random_net(200_000, 1_000_000), lambda net: rl.community.leiden(net, seed=1, tolerance=0, **T),
               lambda net: rl.community.leiden(_small(net), seed=1)),
    "louvain": (lambda: random_net(600_000, 3_000_000), lambda net: rl.community.louvain(net, seed=1, **T),
                lambda net: rl.community.louvain(_small(net), seed=1)),
    "key_players": (lambda: random_net(20_000, 40_000), lambda net: rl.key_players(net, 20, seed=1, **T),
                    lambda net: rl.key_players(_small(net), 2, seed=1)),
    "disruption": (lambda: random_net(20_000, 80_000),
                   lambda net: rl.criminal.disruption(net, "betweenness", steps=50, repeats=1, seed=1, **T),
                   lambda net: rl.criminal.disruption(_small(net), "degree", steps=2, repeats=1, seed=1)),
    "structural_holes": (lambda: random_net(20_000, 4_000_000),
                         lambda net: rl.criminal.structural_holes(net, **T),
                         lambda net: rl.criminal.structural_holes(_small(net))),
    "money_trace": (lambda: transfers(1_000_000, 8_000_000), lambda net: rl.money.trace(net, ["a0"]),
                    _small_trace),
    "k_shortest": (lambda: random_net(40_000, 160_000, True),
                   lambda net: rl.paths.k_shortest(net, "v0", "v1", k=100_000, weight="weight"),
                   lambda net: rl.paths.k_shortest(net, "v0", "v1", k=2)),
    "force_atlas2": (lambda: random_net(200_000, 800_000),
                     lambda net: rl.layout.force_atlas2(net, iterations=10**6, seed=1, **T),
                     lambda net: rl.layout.force_atlas2(_small(net), iterations=5, seed=1)),
    "temporal_measure": (lambda: fraud(60),
                         lambda net: rl.temporal.measure(net, "30D", "betweenness", step="1D", **T),
                         lambda net: rl.temporal.measure(net, "90D", "degree")),
    "leaders": (lambda: fraud(60), lambda net: rl.leaders(net, seed=1, exact_below=10**9, **T),
                lambda net: rl.leaders(_small(net), person_type=None, seed=1)),
}


def main(names):
    nets = {name: KERNELS[name][0]() for name in names}  # build everything first
    for name in names:
        _, call, small = KERNELS[name]
        net = nets[name]
        print(f"ready {name}", flush=True)
        start = time.monotonic()
        try:
            call(net)
        except KeyboardInterrupt:
            print(f"interrupted {name} {time.monotonic() - start:.3f}", flush=True)
        else:
            print(f"finished {name} {time.monotonic() - start:.3f}", flush=True)
            continue
        small(net)
        print(f"usable {name}", flush=True)
    print("ready last", flush=True)  # the last one is not caught: the child exits with KeyboardInterrupt
    call, net = KERNELS[names[0]][1], nets[names[0]]
    call(net)


if __name__ == "__main__":
    main(sys.argv[1:] or list(KERNELS))
