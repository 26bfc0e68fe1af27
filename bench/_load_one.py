"""One measurement of bench/run.py, run in a fresh interpreter so its memory is its own.

    python3 bench/_load_one.py LIB FORMAT PATH

Imports LIB, records the resident memory of the interpreter with LIB imported
(the baseline), resets the kernel's peak-RSS counter, loads PATH with LIB's
reader for FORMAT, and prints one JSON line: time, baseline and peak RSS,
node and edge counts, and extras (ringleader: read/CSR split and
memory_usage()).  For ringleader it then builds, after the peak of the load
is read, the collapsed compute view the kernels read (parallel edges merged:
the view every unweighted kernel shares, e.g. the first PageRank call
builds it) and adds its time, its bytes (CSR arrays and collapsed edge
table) and the peak RSS with it ("view_*").
"""
import gc
import importlib
import json
import sys
import time

MODULES = {"ringleader": "ringleader", "networkx": "networkx", "igraph": "igraph",
           "networkit": "networkit", "networkit-continuous": "networkit", "pandas": "pandas", "pandas+networkx": "networkx"}
LOADERS = {}


def loader(lib, fmt):
    def register(fn):
        LOADERS[lib, fmt] = fn
        return fn
    return register


# Each loader returns (object kept alive until the peak is read, nodes, edges, extras).

def _ringleader(read, path):
    t = time.perf_counter()
    net = read(path)
    read_s = time.perf_counter() - t
    mem = net.memory_usage()  # builds the compute view (CSR): part of the timed load
    csr_s = time.perf_counter() - t - read_s
    m = net.number_of_edges()
    loops = 0 if net.directed else int((net.edges.source == net.edges.target).sum())
    return net, net.number_of_nodes(), m, {
        "read_s": read_s, "csr_s": csr_s, "tables": mem["tables"],
        "compute_view": mem["compute_view"], "arcs": 2 * m - loops}


@loader("ringleader", "edgelist")
def _(path):
    import ringleader as rl
    return _ringleader(lambda p: rl.read_edgelist(p, directed=True), path)


@loader("ringleader", "csv")
def _(path):
    import ringleader as rl
    return _ringleader(lambda p: rl.read_csv(p, directed=True), path)


@loader("networkx", "edgelist")
def _(path):
    import networkx as nx
    # DiGraph: the bench inputs have no parallel arcs, so it holds the same arcs as
    # MultiDiGraph would, and is the cheaper, more common networkx choice.
    g = nx.read_edgelist(path, create_using=nx.DiGraph, nodetype=str)
    return g, g.number_of_nodes(), g.number_of_edges(), {}


@loader("igraph", "edgelist")
def _(path):
    import igraph as ig
    # Read_Edgelist (0-based integer ids, the fast C reader) does not skip '#'
    # comments: skip the leading comment lines on an unbuffered handle first.
    with open(path, "rb", buffering=0) as f:
        while True:
            pos = f.tell()
            if not f.readline().startswith(b"#"):
                f.seek(pos)
                break
        g = ig.Graph.Read_Edgelist(f, directed=True)
    return g, g.vcount(), g.ecount(), {}


def _networkit(path, continuous):
    import networkit as nk
    g = nk.graphio.EdgeListReader("\t", 0, "#", directed=True, continuous=continuous).read(path)
    return g, g.numberOfNodes(), g.numberOfEdges(), {}


@loader("networkit", "edgelist")
def _(path):
    return _networkit(path, continuous=False)


@loader("networkit-continuous", "edgelist")
def _(path):
    # Its fast path: ids taken as 0-based vertex numbers (only valid when the
    # ids are exactly 0..n-1, as in the generated file; not for Enron).
    return _networkit(path, continuous=True)


def _read_typed_csv(path):
    import pandas as pd
    return pd.read_csv(path, parse_dates=["timestamp"])


@loader("pandas", "csv")
def _(path):
    df = _read_typed_csv(path)
    return df, None, len(df), {}


@loader("pandas+networkx", "csv")
def _(path):
    import networkx as nx
    df = _read_typed_csv(path)
    # MultiDiGraph: the typed CSV has repeated (source, target) pairs, kept as edges.
    g = nx.from_pandas_edgelist(df, "source", "target", edge_attr=["type", "weight", "timestamp"],
                                create_using=nx.MultiDiGraph)
    return g, g.number_of_nodes(), g.number_of_edges(), {}


def _ringleader_view(net):
    """Builds the collapsed compute view of `net` (timed) and returns its extras."""
    t = time.perf_counter()
    view = net._net.simple_view("total", None)  # the collapse, cached with the network
    csr = view.build_csr()  # its CSR arrays: what the kernels read
    return {"view_s": time.perf_counter() - t, "view_csr": csr, "view_tables": view.table_bytes(),
            "view_edges": view.number_of_edges()}


AFTER = {"ringleader": _ringleader_view}


def _status_kb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def _reset_peak():
    """Reset VmHWM to the current RSS (Linux >= 4.0); False when not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def main(lib, fmt, path):
    mod = importlib.import_module(MODULES[lib])
    gc.collect()
    baseline = _status_kb("VmRSS")
    peak_reset = _reset_peak()
    t = time.perf_counter()
    obj, nodes, edges, extra = LOADERS[lib, fmt](path)
    seconds = time.perf_counter() - t
    peak = _status_kb("VmHWM")
    if lib in AFTER:  # after the load's peak: timed and measured on its own
        extra.update(AFTER[lib](obj))
        extra["view_peak_mb"] = _status_kb("VmHWM") / 1024
    print(json.dumps({"lib": lib, "version": getattr(mod, "__version__", "?"), "seconds": seconds,
                      "baseline_mb": baseline / 1024, "peak_mb": peak / 1024, "peak_reset": peak_reset,
                      "nodes": nodes, "edges": edges, **extra}))
    del obj


if __name__ == "__main__":
    main(*sys.argv[1:4])
