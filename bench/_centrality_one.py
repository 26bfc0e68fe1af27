"""One centrality measurement of bench/run.py, in a fresh interpreter.

    python3 bench/_centrality_one.py LIB MEASURE GRAPH_PATH OPTIONS_JSON

Reads GRAPH_PATH (a SNAP-style edge list whose ids are 0..n-1) as a simple
undirected graph with LIB (untimed), resets the peak-RSS counter, times
MEASURE and prints one JSON line: the measured time, the extrapolation
factor (1 for a full run), how the run was made, node and edge counts, and the
peak RSS.  The values, on networkx's scale and indexed by node id (NaN where
not computed), are saved to OPTIONS["values"] (.npy) so the parent can check
them against ringleader's.

OPTIONS: {"values": path, "threads": ringleader's thread count, "sample": k
(networkx/igraph exact measures: time k sources, extrapolate by n/k),
"epsilon", "delta", "seed"}.  MEASURE "pagerank_iteration" (ringleader only)
also measures the machine's memory bandwidth; see bench/README.md.
"""
import gc
import json
import sys
import threading
import time

import numpy as np

from _load_one import _reset_peak, _status_kb

MODULES = {"ringleader": "ringleader", "networkx": "networkx", "igraph": "igraph", "networkit": "networkit",
           "networkit-kadabra": "networkit"}


# ---- reading (untimed): returns (graph, n, m, extras) ---------------------------------------

def read_ringleader(path, o):
    import ringleader as rl
    net = rl.read_edgelist(str(path), directed=False)
    # Warm-up, reported but not timed: collapse parallel edges (Enron lists every edge twice)
    # and build the compute view (CSR) of the collapsed network, which every measure below
    # reuses from the network's cache.  The other libraries build their structures while reading.
    t = time.perf_counter()
    rl.centrality.degree(net, threads=o["threads"])
    prep = time.perf_counter() - t
    ids = np.asarray(net.node_index).astype(np.int64)
    simple = int((rl.centrality.degree(net, normalized=False, threads=o["threads"]).sum()) // 2)
    return (net, ids), len(ids), simple, {"prep_s": prep}


def read_networkx(path, o):
    import networkx as nx
    g = nx.read_edgelist(str(path), nodetype=int)  # nx.Graph: parallel edges merged
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    return g, g.number_of_nodes(), g.number_of_edges(), {}


def read_igraph(path, o):
    import igraph as ig
    with open(path, "rb", buffering=0) as f:  # its C reader does not skip '#' lines
        while True:
            pos = f.tell()
            if not f.readline().startswith(b"#"):
                f.seek(pos)
                break
        g = ig.Graph.Read_Edgelist(f, directed=False)
    g.simplify()
    return g, g.vcount(), g.ecount(), {}


def read_networkit(path, o):
    import networkit as nk
    g = nk.graphio.EdgeListReader("\t", 0, "#", directed=False, continuous=True).read(str(path))
    g.removeMultiEdges()
    g.removeSelfLoops()
    return g, g.numberOfNodes(), g.numberOfEdges(), {"threads": nk.getMaxNumberOfThreads()}


READERS = {"ringleader": read_ringleader, "networkx": read_networkx, "igraph": read_igraph,
           "networkit": read_networkit, "networkit-kadabra": read_networkit}


# ---- measures: fn(graph, n, options) -> (values, factor, how, extras); only the call is timed --

MEASURES = {}


def measure(name, lib):
    def register(fn):
        MEASURES[name, lib] = fn
        return fn
    return register


def _rl_series(g, series):
    net, ids = g
    out = np.full(len(ids), np.nan)
    out[ids] = series.to_numpy()
    return out


def _sample(n, o):
    """The k sampled sources, the same for every library (seeded)."""
    k = min(int(o["sample"]), n)
    return np.sort(np.random.default_rng(o["seed"]).choice(n, k, replace=False)), n / k


def _sampled_how(k, n):
    return f"{k:,} of {n:,} sources, time × {n / k:,.0f}" if k < n else "full"


@measure("betweenness", "ringleader")
def _(g, n, o):
    import ringleader as rl
    return _rl_series(g, rl.centrality.betweenness(g[0], threads=o["threads"])), 1, "full", {}


@measure("betweenness", "networkit")
def _(g, n, o):
    import networkit as nk
    b = nk.centrality.Betweenness(g, normalized=True).run()
    return np.asarray(b.scores()), 1, "full", {}


@measure("betweenness", "igraph")
def _(g, n, o):
    src, factor = _sample(n, o)
    g.betweenness(sources=src.tolist() if factor > 1 else None, directed=False)
    # A partial sum over the sampled sources: timed only, not compared.
    return None, factor, _sampled_how(len(src), n), {}


@measure("betweenness", "networkx")
def _(g, n, o):
    import networkx as nx
    k = min(int(o["sample"]), n)
    nx.betweenness_centrality(g, k=k, seed=o["seed"])  # k BFS/Brandes passes, rescaled by n/k
    return None, n / k, _sampled_how(k, n), {}


@measure("closeness", "ringleader")
def _(g, n, o):
    import ringleader as rl
    return _rl_series(g, rl.centrality.closeness(g[0], threads=o["threads"])), 1, "full", {}


@measure("closeness", "networkit")
def _(g, n, o):
    import networkit as nk
    c = nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED).run()
    return np.asarray(c.scores()), 1, "full", {}


@measure("closeness", "igraph")
def _(g, n, o):
    src, factor = _sample(n, o)
    out = np.full(n, np.nan)
    out[src] = g.closeness(vertices=src.tolist())  # (r-1)/sum of distances to the r reachable
    return out, factor, _sampled_how(len(src), n), {}


@measure("closeness", "networkx")
def _(g, n, o):
    import networkx as nx
    src, factor = _sample(n, o)
    out = np.full(n, np.nan)
    for v in src.tolist():
        out[v] = nx.closeness_centrality(g, u=v, wf_improved=True)
    return out, factor, _sampled_how(len(src), n), {}


@measure("betweenness_approx", "ringleader")
def _(g, n, o):
    import ringleader as rl
    s = rl.centrality.betweenness_approx(g[0], epsilon=o["epsilon"], delta=o["delta"], seed=o["seed"],
                                         threads=o["threads"])
    return _rl_series(g, s), 1, f"{s.attrs['samples']:,} samples", {
        "samples": s.attrs["samples"], "vertex_diameter": s.attrs["vertex_diameter"]}


@measure("betweenness_approx", "networkit")
def _(g, n, o):
    import networkit as nk
    # universalConstant 0.5: Riondato-Kornaropoulos' constant, as ringleader uses (networkit's
    # default 1.0 draws twice the samples).
    a = nk.centrality.ApproxBetweenness(g, o["epsilon"], o["delta"], 0.5).run()
    # networkit normalises by n(n-1), networkx (and ringleader) by (n-1)(n-2).
    return np.asarray(a.scores()) * n / (n - 2), 1, f"{a.numberOfSamples():,} samples", {
        "samples": a.numberOfSamples()}


@measure("betweenness_approx", "networkit-kadabra")
def _(g, n, o):
    import networkit as nk
    nk.engineering.setSeed(o["seed"], True)
    # KADABRA (Borassi & Natale 2016): adaptive sampling, every node within err with
    # probability >= 1 - delta.  On undirected graphs its scores are over unordered pairs,
    # n(n-1)/2 (measured: 2x networkx's on Enron), hence / 2 and n/(n-2).
    k = nk.centrality.KadabraBetweenness(g, o["epsilon"], o["delta"]).run()
    return np.asarray(k.scores()) * n / (n - 2) / 2, 1, f"{k.getNumberOfIterations():,} samples", {
        "samples": k.getNumberOfIterations()}


@measure("pagerank", "ringleader")
def _(g, n, o):
    import ringleader as rl
    s = rl.centrality.pagerank(g[0], threads=o["threads"])
    it = s.attrs.get("iterations")
    return _rl_series(g, s), 1, f"{it} iterations" if it else "full", {}


@measure("pagerank", "networkit")
def _(g, n, o):
    import networkit as nk
    p = nk.centrality.PageRank(g, damp=0.85, tol=n * 1e-6)
    p.norm = nk.centrality.Norm.L1_NORM  # networkx: stop when sum |x' - x| < n * tol
    p.maxIterations = 100
    p.run()
    return np.asarray(p.scores()), 1, f"{p.numberOfIterations()} iterations", {}


@measure("pagerank", "igraph")
def _(g, n, o):
    return np.asarray(g.pagerank(damping=0.85)), 1, "PRPACK (its default)", {}


@measure("pagerank", "networkx")
def _(g, n, o):
    import networkx as nx
    p = nx.pagerank(g, alpha=0.85, tol=1e-6)
    out = np.full(n, np.nan)
    out[list(p)] = list(p.values())
    return out, 1, "full", {}


@measure("core_number", "ringleader")
def _(g, n, o):
    import ringleader as rl
    return _rl_series(g, rl.centrality.core_number(g[0], threads=o["threads"])), 1, "full", {}


@measure("core_number", "networkit")
def _(g, n, o):
    import networkit as nk
    return np.asarray(nk.centrality.CoreDecomposition(g).run().scores()), 1, "full", {}


@measure("core_number", "igraph")
def _(g, n, o):
    return np.asarray(g.coreness(), dtype=float), 1, "full", {}


@measure("core_number", "networkx")
def _(g, n, o):
    import networkx as nx
    c = nx.core_number(g)
    out = np.full(n, np.nan)
    out[list(c)] = list(c.values())
    return out, 1, "full", {}


# ---- one PageRank iteration vs the memory-bandwidth bound ------------------------------------

def _best(fn, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def bandwidth(threads, doubles=80_000_000):
    """Best-of-5 GB/s (10^9 bytes/s) of a numpy copy and of a STREAM-style triad over `doubles`
    float64 (640 MB per array), split over `threads` Python threads (numpy releases the GIL).
    Bytes counted as STREAM does: copy 2 x 8 B per element (read b, write a); triad
    a = b + s*c done in place as multiply(c, s, out=a) then add(a, b, out=a): 5 x 8 B
    (read c, write a, read a, read b, write a).  Write-allocate reads are not counted."""
    a, b, c = np.zeros(doubles), np.ones(doubles), np.full(doubles, 2.0)
    parts = np.array_split(np.arange(doubles), threads)
    bounds = [(p[0], p[-1] + 1) for p in parts]

    def parallel(kernel):
        ts = [threading.Thread(target=kernel, args=lo_hi) for lo_hi in bounds]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    def copy(lo, hi):
        np.copyto(a[lo:hi], b[lo:hi])

    def triad(lo, hi):
        np.multiply(c[lo:hi], 3.0, out=a[lo:hi])
        np.add(a[lo:hi], b[lo:hi], out=a[lo:hi])

    return {"copy": 2 * 8 * doubles / _best(lambda: parallel(copy)) / 1e9,
            "triad": 5 * 8 * doubles / _best(lambda: parallel(triad)) / 1e9}


@measure("pagerank_iteration", "ringleader")
def _(g, n, o):
    import ringleader as rl
    net, ids = g
    arcs = 2 * int(o["edges"])  # undirected, no self-loops: every edge is two in-arcs
    # Time per iteration = (time of K2 iterations - time of K1) / (K2 - K1): setup (1/out-degree,
    # allocation, the Python call) cancels out.  tol is tiny so neither run converges; the
    # ConvergenceError raised after max_iter is the expected end.
    k1, k2 = 5, 25

    def run(k):
        try:
            rl.centrality.pagerank(net, max_iter=k, tol=1e-300, threads=o["threads"])
        except Exception as e:  # noqa: BLE001 - the convergence error is expected
            if "converge" not in str(e):
                raise
    per_iter = (_best(lambda: run(k2), 3) - _best(lambda: run(k1), 3)) / (k2 - k1)
    bw = {t: bandwidth(t) for t in sorted({1, o["threads"]})}
    return None, 1, f"{k2} - {k1} iterations", {
        "per_iter_s": per_iter, "bandwidth": bw, "nodes": n, "arcs": arcs}


def main(lib, name, path, options):
    o = json.loads(options)
    mod = __import__(MODULES[lib])
    g, n, m, extra = READERS[lib](path, o)
    o["edges"] = m
    gc.collect()
    baseline = _status_kb("VmRSS")
    peak_reset = _reset_peak()
    # Calls under a second are repeated (up to 5 calls or 2 s in all) and the best is kept.
    seconds, spent, calls = float("inf"), 0.0, 0
    while calls == 0 or (seconds < 1 and calls < 5 and spent < 2):
        t = time.perf_counter()
        values, factor, how, more = MEASURES[name, lib](g, n, o)
        dt = time.perf_counter() - t
        seconds, spent, calls = min(seconds, dt), spent + dt, calls + 1
    peak = _status_kb("VmHWM")
    if values is not None and o.get("values"):
        np.save(o["values"], np.asarray(values, dtype=np.float64))
    print(json.dumps({"lib": lib, "version": getattr(mod, "__version__", "?"), "seconds": seconds,
                      "factor": factor, "how": how, "baseline_mb": baseline / 1024, "peak_mb": peak / 1024,
                      "peak_reset": peak_reset, "calls": calls, "nodes": n, "edges": m,
                      "values": bool(values is not None and o.get("values")), **extra, **more}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
