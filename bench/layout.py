"""Force-directed layout timings.

    python3 bench/layout.py [--sizes 2000,10000,100000] [--iterations 100] [--networkx-max 2000] [--quick]

On planted-partition graphs (groups of 50 nodes, mean degree 8, 80% of the
edges inside groups; numpy, fixed seed) times, on 2 threads:
rl.layout.force_atlas2 (Barnes-Hut), networkx's forceatlas2_layout (exact,
O(n^2) memory: only up to 2,000 nodes) and spring_layout (Fruchterman-Reingold,
up to --networkx-max nodes, default 2,000: 10,000 take about 2 minutes), and
igraph's layout_fruchterman_reingold (grid) when installed, each with its
default iterations except FA2 at --iterations.
Quality column: mean edge length / mean distance between random node pairs
(lower = linked nodes closer; a random layout gives about 1).  Writes
OUT/results-layout.md.
"""
import argparse
import os
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def planted(n, seed=1, group=50, degree=8, inside=0.8):
    rng = np.random.default_rng(seed)
    m = n * degree // 2
    k = int(m * inside)
    a = rng.integers(0, n, m)
    b = np.concatenate([a[:k] // group * group + rng.integers(0, group, k), rng.integers(0, n, m - k)])
    b = np.minimum(b, n - 1)
    keep = a != b
    return a[keep], b[keep]


def quality(xy, a, b, seed=2):
    rng = np.random.default_rng(seed)
    p, q = rng.integers(0, len(xy), 20000), rng.integers(0, len(xy), 20000)
    edge = np.linalg.norm(xy[a] - xy[b], axis=1).mean()
    return edge / np.linalg.norm(xy[p] - xy[q], axis=1).mean()


def entries(n, a, b, iterations, networkx_max):
    import ringleader as rl
    net = rl.Network.from_pandas(pd.DataFrame({"source": a, "target": b}), nodes=pd.DataFrame({"id": np.arange(n)}))
    order = net.node_index.to_numpy().astype(np.int64)  # ids are ints: row of node v

    def ringleader():
        pos = rl.layout.force_atlas2(net, iterations=iterations, seed=1, threads=2)
        xy = np.empty((n, 2))
        xy[order] = pos[["x", "y"]].to_numpy()
        return xy
    yield "ringleader force_atlas2 (Barnes-Hut)", ringleader
    try:
        import networkx as nx
    except ImportError:
        nx = None
    if nx is not None:
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(zip(a.tolist(), b.tolist()))
        as_xy = lambda pos: np.array([pos[v] for v in range(n)])  # noqa: E731
        if n <= 2000 and hasattr(nx, "forceatlas2_layout"):
            yield "networkx forceatlas2_layout", lambda: as_xy(nx.forceatlas2_layout(G, max_iter=iterations, seed=1))
        if n <= networkx_max:
            yield "networkx spring_layout", lambda: as_xy(nx.spring_layout(G, seed=1))
    try:
        import igraph as ig
    except ImportError:
        return
    g = ig.Graph(n=n, edges=list(zip(a.tolist(), b.tolist())))
    yield "igraph layout_fruchterman_reingold", lambda: np.array(g.layout_fruchterman_reingold(grid="auto").coords)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="2000,10000,100000")
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--networkx-max", type=int, default=2000)
    ap.add_argument("--quick", action="store_true", help="sizes 2000,10000")
    ap.add_argument("--out", default=str(HERE / "out"))
    o = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    sizes = [2000, 10000] if o.quick else [int(s) for s in o.sizes.split(",")]
    lines = [f"# Layout ({platform.processor() or platform.machine()}, 2 threads, FA2 {o.iterations} iterations)", "",
             "| nodes | edges | library | seconds | edge / random distance |", "|---:|---:|---|---:|---:|"]
    for n in sizes:
        a, b = planted(n)
        for name, fn in entries(n, a, b, o.iterations, o.networkx_max):
            t = time.perf_counter()
            xy = fn()
            secs = time.perf_counter() - t
            lines.append(f"| {n:,} | {len(a):,} | {name} | {secs:.2f} | {quality(xy, a, b):.3f} |")
            print(lines[-1], flush=True)
    Path(o.out).mkdir(parents=True, exist_ok=True)
    (Path(o.out) / "results-layout.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
