"""One step of bench/national.py, run in a fresh interpreter so that its peak
memory is its own.

    python3 bench/_national_one.py STEP DIR [--threads 2] [--leiden-iterations N]

STEP is ``csv`` (rl.read_csv of DIR/edges.csv + nodes.csv, the compute view,
then net.save to DIR/national.rlnet), ``binary`` (rl.load + compute view),
``pagerank`` (first call, then a warm second call), ``leiden`` (library
default iterations), ``leiden2`` (n_iterations=2), ``betweenness`` (betweenness_approx, epsilon=0.01)
or ``leaders`` (rl.leaders on the persons, scored against the truth).  Every
step but ``csv`` loads DIR/national.rlnet first (the peak includes the loaded
network); ``binary`` then builds the network's compute view
(net.memory_usage(), timed separately).  The kernel steps do not build that
view: they read the collapsed view (parallel calls merged), which their first
call builds, so a kernel's time is its first call in the process, the
collapse included (PageRank's warm second call shows the kernel alone), and
its peak is what a user's process running that kernel holds.
Prints one JSON line: the timed parts in seconds (wall clock ``_s`` and
CPU time of all the process's threads ``_cpu``) and the peak resident
memory (ru_maxrss, bytes) after each part.
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np


def peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def timed(out, name, fn):
    t, c = time.perf_counter(), time.process_time()
    r = fn()
    out[name + "_s"] = time.perf_counter() - t
    out[name + "_cpu"] = time.process_time() - c  # every thread of the process: unaffected by waiting for a core
    out[name + "_peak"] = peak()
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("step")
    ap.add_argument("dir")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--leiden-iterations", type=int, default=None)
    a = ap.parse_args()
    import ringleader as rl
    out = {"step": a.step, "baseline": peak()}
    binary = os.path.join(a.dir, "national.rlnet")
    if a.step == "csv":
        net = timed(out, "read_csv", lambda: rl.read_csv(os.path.join(a.dir, "edges.csv"),
                                                         nodes=os.path.join(a.dir, "nodes.csv"), directed=True))
        mem = timed(out, "view", net.memory_usage)
        out.update(nodes=net.number_of_nodes(), edges=net.number_of_edges(), memory=mem)
        timed(out, "save", lambda: net.save(binary + ".tmp"))
        os.replace(binary + ".tmp", binary)
        out["binary_bytes"] = os.path.getsize(binary)
    else:
        net = timed(out, "load", lambda: rl.load(binary))
        if a.step == "binary":
            mem = timed(out, "view", net.memory_usage)
            out["memory"] = mem
        out.update(nodes=net.number_of_nodes(), edges=net.number_of_edges())
        if a.step == "pagerank":
            timed(out, "kernel", lambda: rl.centrality.pagerank(net, threads=a.threads))
            timed(out, "warm", lambda: rl.centrality.pagerank(net, threads=a.threads))
        elif a.step in ("leiden", "leiden2"):
            kw = {"n_iterations": 2} if a.step == "leiden2" else {}
            if a.leiden_iterations is not None:
                kw = {"n_iterations": a.leiden_iterations}
            part = timed(out, "kernel", lambda: rl.community.leiden(net, seed=1, threads=a.threads, **kw))
            out["communities"] = int(part.nunique())
            out["n_iterations"] = kw.get("n_iterations", "default")
            try:
                out["modularity"] = float(rl.community.modularity(net, part))
            except Exception as e:  # noqa: BLE001 - reported, not fatal
                out["modularity"] = repr(e)[:200]
        elif a.step == "betweenness":
            b = timed(out, "kernel", lambda: rl.centrality.betweenness_approx(net, epsilon=0.01, seed=1,
                                                                              threads=a.threads))
            out["samples"] = int(b.attrs.get("samples", -1))
            out["vertex_diameter"] = int(b.attrs.get("vertex_diameter", -1))
        elif a.step == "leaders":
            ranking = timed(out, "kernel", lambda: rl.leaders(net, seed=1, threads=a.threads))
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            from national_gen import read_truth
            truth = read_truth(a.dir)
            lead = set(truth.index[truth["role"].isin(truth.attrs["leader_roles"])])
            k = len(lead)
            top = list(ranking.index[:k])
            out.update(persons_ranked=len(ranking), true_leaders=k,
                       precision_at_k=sum(p in lead for p in top) / k,
                       members_in_top_k=int(sum(truth.at[p, "role"] != "outsider" for p in top)),
                       dropped=str(ranking.attrs.get("dropped", ""))[:300])
        elif a.step != "binary":
            raise SystemExit(f"unknown step {a.step}")
    out["peak"] = peak()
    print(json.dumps(out, default=lambda x: x.item() if isinstance(x, np.generic) else str(x)))


if __name__ == "__main__":
    main()
