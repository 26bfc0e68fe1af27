"""One community-detection measurement of bench/run.py, in a fresh interpreter.

    python3 bench/_community_one.py LIB METHOD GRAPH_PATH OPTIONS_JSON

Reads GRAPH_PATH (a SNAP-style edge list whose ids are 0..n-1) as a simple
undirected graph with LIB (untimed; ringleader also builds the compute view of
the collapsed network in an untimed, reported warm-up), then, for each seed of
OPTIONS["seeds"], resets the peak-RSS counter and times one METHOD call.  The
membership of every result (by node id) is scored afterwards with the same
function for every library, `modularity()` below, on the file's edges read
with pandas, so the values are comparable; the library's own figure, where
it reports one cheaply, is kept as `own_modularity` to cross-check it.

Prints one JSON line: seconds (median over the seeds), modularity (mean),
communities (mean), the per-seed lists, peak RSS (largest over the seeds), the
RSS before the calls, n and m as the library sees the graph, and other_cores:
the CPU time other processes used during the timed calls / their wall time
(from /proc/stat; a busy machine distorts multi-threaded times badly).  A method the
installed library lacks gives {"unavailable": reason}.

OPTIONS: {"seeds": [...], "threads": 2, plus the METHOD's own options}.
"""
import gc
import json
import os
import random
import statistics
import sys
import time

import numpy as np

from _centrality_one import read_igraph, read_networkx  # the same simple-graph readers
from _load_one import _reset_peak, _status_kb

MODULES = {"ringleader": "ringleader", "networkx": "networkx", "igraph": "igraph", "networkit": "networkit"}


# ---- the common quality function ------------------------------------------------------------

def simple_edges(path):
    """The file's edges as a simple undirected graph: (u, v) with u < v, each pair once, no self-loops."""
    import pandas as pd
    e = pd.read_csv(path, sep="\t", comment="#", header=None, dtype=np.int64, engine="c").to_numpy()
    u, v = np.minimum(e[:, 0], e[:, 1]), np.maximum(e[:, 0], e[:, 1])
    keep = u != v
    n = int(e.max()) + 1
    keys = np.unique(u[keep] * n + v[keep])
    return keys // n, keys % n


def modularity(u, v, membership):
    """Newman's modularity (resolution 1, unweighted) of `membership` (community label by node id) on
    the simple graph u-v: Q = Σ_c [L_c/m − (K_c/2m)²]; networkx's `community.modularity`."""
    _, c = np.unique(np.asarray(membership), return_inverse=True)
    m = len(u)
    cu, cv = c[u], c[v]
    inside = np.count_nonzero(cu == cv)
    k = np.bincount(cu, minlength=c.max() + 1) + np.bincount(cv, minlength=c.max() + 1)
    return inside / m - float(np.sum((k / (2.0 * m)) ** 2))


# ---- reading (untimed): returns (graph, n, m, extras) ---------------------------------------

def read_ringleader(path, o):
    import pandas as pd
    import ringleader as rl
    net = rl.read_edgelist(str(path), directed=False)
    ids = np.asarray(net.node_index).astype(np.int64)
    # Warm-up, reported but not timed: collapse the parallel edges (Enron lists every edge
    # twice) and build the compute view of the collapsed network, which every community
    # method reuses from the network's cache (the other libraries build theirs while reading).
    t = time.perf_counter()
    rl.community.modularity(net, pd.Series(np.zeros(len(ids), dtype=np.int64), index=net.node_index))
    prep = time.perf_counter() - t
    simple = int(rl.centrality.degree(net, normalized=False, threads=o["threads"]).sum()) // 2
    return (net, ids), len(ids), simple, {"prep_s": prep}


def read_networkit(path, o):
    import networkit as nk
    nk.setNumberOfThreads(o["threads"])
    g = nk.graphio.EdgeListReader("\t", 0, "#", directed=False, continuous=True).read(str(path))
    g.removeMultiEdges()
    g.removeSelfLoops()
    return g, g.numberOfNodes(), g.numberOfEdges(), {"threads": nk.getMaxNumberOfThreads()}


READERS = {"ringleader": read_ringleader, "networkx": read_networkx, "igraph": read_igraph,
           "networkit": read_networkit}


# ---- methods: fn(graph, seed, options) -> result; only this call is timed --------------------
# membership(result, graph, n) -> (labels by node id, the library's own modularity or None), untimed.

METHODS = {}


def method(name, lib, available=None):
    def register(fn):
        METHODS[name, lib] = fn
        fn.available = available
        return fn
    return register


def _rl(name):
    def call(g, seed, o):
        import ringleader as rl
        return getattr(rl.community, name)(g[0], seed=seed, threads=o["threads"],
                                           **{k: v for k, v in o.items() if k in ("n_iterations", "tolerance")})
    return call


for _name, _fn in (("louvain", "louvain"), ("leiden", "leiden"), ("lpa", "label_propagation")):
    METHODS[_name, "ringleader"] = _rl(_fn)


@method("louvain", "networkit")
def _(g, seed, o):
    import networkit as nk
    return nk.community.PLM(g, refine=bool(o.get("refine", False))).run().getPartition()


@method("leiden", "networkit")
def _(g, seed, o):
    import networkit as nk
    return nk.community.ParallelLeiden(g).run().getPartition()


@method("lpa", "networkit")
def _(g, seed, o):
    import networkit as nk
    return nk.community.PLP(g).run().getPartition()


@method("louvain", "igraph")
def _(g, seed, o):
    return g.community_multilevel()


@method("leiden", "igraph")
def _(g, seed, o):
    return g.community_leiden(objective_function="modularity", n_iterations=o["n_iterations"])


@method("lpa", "igraph")
def _(g, seed, o):
    return g.community_label_propagation()


@method("louvain", "networkx")
def _(g, seed, o):
    import networkx as nx
    return nx.community.louvain_communities(g, seed=seed)


def _nx_leiden_available():
    """networkx >= 3.4 has leiden_communities as a dispatch stub: it needs a backend (e.g. cugraph)."""
    import networkx as nx
    if not hasattr(nx.community, "leiden_communities"):
        return f"networkx {nx.__version__} has no community.leiden_communities"
    try:
        nx.community.leiden_communities(nx.path_graph(4), seed=1)
    except NotImplementedError as e:
        return f"NotImplementedError: {str(e).split('. ')[0]} (a dispatch stub: needs a backend)"
    return None


@method("leiden", "networkx", available=_nx_leiden_available)
def _(g, seed, o):
    import networkx as nx
    return nx.community.leiden_communities(g, seed=seed)


@method("lpa", "networkx")
def _(g, seed, o):
    import networkx as nx
    return list(nx.community.asyn_lpa_communities(g, seed=seed))  # a generator: consumed in the timing


def _machine_busy_s():
    """CPU seconds all processes have spent on the machine (/proc/stat: everything but idle and iowait)."""
    with open("/proc/stat") as f:
        t = [int(x) for x in f.readline().split()[1:9]]
    return (sum(t) - t[3] - t[4]) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s():
    t = os.times()  # every thread of this process
    return t.user + t.system


def membership(lib, result, g, n):
    if lib == "ringleader":
        out = np.empty(n, dtype=np.int64)
        out[g[1]] = result.to_numpy()
        return out, float(result.attrs["modularity"])
    if lib == "networkit":
        import networkit as nk
        return np.asarray(result.getVector(), dtype=np.int64), nk.community.Modularity().getQuality(result, g)
    if lib == "igraph":
        return np.asarray(result.membership, dtype=np.int64), float(result.modularity)
    out = np.full(n, -1, dtype=np.int64)
    for c, nodes in enumerate(result):
        out[list(nodes)] = c
    return out, None


def main(lib, name, path, options):
    o = json.loads(options)
    # networkit is OpenMP: the thread count is fixed before it loads (and set again after).
    os.environ["OMP_NUM_THREADS"] = str(o["threads"])
    mod = __import__(MODULES[lib])
    version = getattr(mod, "__version__", "?")
    fn = METHODS[name, lib]
    available = getattr(fn, "available", None)
    why = available() if available else None
    if why:
        print(json.dumps({"lib": lib, "version": version, "unavailable": why}))
        return
    g, n, m, extra = READERS[lib](path, o)
    gc.collect()
    baseline = _status_kb("VmRSS")
    times, peaks, results, rounds, peak_reset, others = [], [], [], [], True, 0.0
    for seed in o["seeds"]:
        random.seed(seed)  # igraph's random number generator is Python's
        if lib == "networkit":
            mod.engineering.setSeed(seed, True)
        gc.collect()
        peak_reset = _reset_peak() and peak_reset
        busy, own = _machine_busy_s(), _own_cpu_s()
        t = time.perf_counter()
        result = fn(g, seed, o)
        times.append(time.perf_counter() - t)
        others += (_machine_busy_s() - busy) - (_own_cpu_s() - own)
        peaks.append(_status_kb("VmHWM"))
        results.append(membership(lib, result, g, n))
        if lib == "ringleader":  # Leiden's iterations, label propagation's rounds
            rounds.append(result.attrs.get("n_iterations", result.attrs.get("rounds")))
        del result
    u, v = simple_edges(path)
    quality = [modularity(u, v, labels) for labels, _ in results]
    own = [q for _, q in results]
    counts = [int(np.unique(labels).size) for labels, _ in results]
    print(json.dumps({
        "lib": lib, "version": version, "seconds": statistics.median(times), "modularity": float(np.mean(quality)),
        "communities": float(np.mean(counts)), "times": times, "modularities": quality, "counts": counts,
        "rounds": rounds, "own_modularity": own, "unassigned": int(sum((labels < 0).sum() for labels, _ in results)),
        "other_cores": max(0.0, others) / sum(times), "timed_s": sum(times), "baseline_mb": baseline / 1024,
        "peak_mb": max(peaks) / 1024, "peak_reset": peak_reset, "nodes": n, "edges": m, "simple_edges": len(u),
        **extra}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
