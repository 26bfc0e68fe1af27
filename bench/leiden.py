"""Leiden at default settings: ringleader against NetworKit (and igraph) in one run.

    python3 bench/leiden.py [--threads 2] [--seeds 5] [--igraph] [--quick] [--out bench/results/leiden.md]

Erdős–Rényi 200k nodes / 2M edges and Barabási–Albert 200k nodes / 5 edges per
node (about 1M), generated with numpy from fixed seeds (bench/_graphs_small.py)
and loaded into every library (untimed).  Timed: one call on a graph already
built; ringleader's compute view is built by an untimed warm-up call.  For each
seed the libraries take turns (so a change of machine load hits them alike);
the table gives the median and minimum time over the seeds and the mean
modularity, computed for every library by the same function (Newman's
modularity, resolution 1, on the simple graph: `modularity()` in
bench/_community_one.py).

- ringleader `community.leiden(net, seed=s, threads=T)`: defaults (iterations
  stop when one gains less than 3% of the quality, chosen by
  bench/leiden_default.py on other graphs; see the docstring);
- NetworKit `community.ParallelLeiden(G)` (defaults: 3 iterations, randomised;
  `setSeed(s)`, T threads);
- igraph `community_leiden(objective_function="modularity", n_iterations=2)` (serial; its
  default objective is CPM, which at resolution 1 leaves singletons), with
  `--igraph` only, one seed: it takes tens of seconds.

Acceptance (issue 21): ringleader faster than NetworKit at defaults, modularity
no lower than NetworKit's minus 0.002.
"""
import argparse
import pathlib
import random
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _community_one import modularity  # noqa: E402
from _graphs_small import each_graph, kernel_arguments, result_header, write_table  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--igraph", action="store_true", help="also igraph (one seed; slow)")
    a = kernel_arguments(ap, "--seeds", 5, "leiden.md")
    import networkit as nk
    import pandas as pd
    import ringleader as rl
    T = a.threads
    rows = []
    for title, nn, src, dst, net, g, ig_g in each_graph(a.quick, T):
        u, v = np.minimum(src, dst), np.maximum(src, dst)
        rl.community.modularity(net, pd.Series(np.zeros(nn, dtype=np.int64), index=net.node_index))  # view
        ids = np.asarray(net.node_index, dtype=np.int64)

        def ours(s):
            p = rl.community.leiden(net, seed=s, threads=T)
            memb = np.empty(nn, dtype=np.int64)
            memb[ids] = p.to_numpy()
            return memb, p.attrs.get("n_iterations")

        def theirs(s):
            nk.setSeed(s, False)
            alg = nk.community.ParallelLeiden(g)
            alg.run()
            return np.asarray(alg.getPartition().getVector(), dtype=np.int64), 3

        def igraph_(s):
            random.seed(s)
            return np.asarray(ig_g.community_leiden(objective_function="modularity", n_iterations=2).membership), 2

        fns = {"ringleader leiden (defaults)": ours, "networkit ParallelLeiden (defaults)": theirs}
        if a.igraph:
            fns["igraph community_leiden (modularity, 2 iterations)"] = igraph_
        times = {k: [] for k in fns}
        qs = {k: [] for k in fns}
        its = {k: [] for k in fns}
        for k, f in fns.items():  # warm-up, untimed
            f(0)
        for s in range(1, a.seeds + 1):
            for k, f in fns.items():
                if k.startswith("igraph") and s > 1:
                    continue
                t = time.perf_counter()
                memb, it = f(s)
                times[k].append(time.perf_counter() - t)
                qs[k].append(modularity(u, v, memb))
                its[k].append(it)
        base = statistics.median(times["ringleader leiden (defaults)"])
        for k in fns:
            med = statistics.median(times[k])
            q = float(np.mean(qs[k]))
            it = statistics.median([x for x in its[k] if x is not None]) if any(its[k]) else ""
            rows.append((title, f"{len(src):,}", k, med, min(times[k]), med / base, q, it, len(times[k])))
            print(f"{title:38s} {k:50s} median {med:.3f} s  min {min(times[k]):.3f} s  x{med / base:.2f}  "
                  f"Q {q:.4f}  iterations {it}", flush=True)
    lines = result_header("Leiden at default settings: ringleader, NetworKit (igraph)", T, a.seeds,
                          f"python3 bench/leiden.py --threads {T} --seeds {a.seeds}" + (" --igraph" if a.igraph else ""),
                          "libraries (one call per seed)")
    lines += ["| graph | edges | implementation | median (s) | min (s) | median / ringleader | modularity (mean) | "
              "iterations (median) | runs |", "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for title, m, k, med, mn, ratio, q, it, runs in rows:
        lines.append(f"| {title} | {m} | {k} | {med:.3f} | {mn:.3f} | {ratio:.2f} | {q:.4f} | {it} | {runs} |")
    write_table(lines, __doc__, a.out, a.quick)


if __name__ == "__main__":
    main()
