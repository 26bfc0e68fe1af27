"""Closeness and harmonic centrality: ringleader against NetworKit and igraph in one run.

    python3 bench/closeness.py [--threads 2] [--repeat 5] [--nodes 10000,50000] [--out bench/results/closeness.md]

Barabási–Albert graphs (5 edges per node, connected), generated with numpy
from a fixed seed (bench/_graphs_small.py) and loaded into every library
(untimed).  Timed: the call only, on a graph already built; ringleader's
compute view is built by one untimed warm-up call.  Each implementation runs
once untimed, then --repeat times, the implementations taking turns; the table
gives the median and the minimum.  Values: max relative difference from
ringleader's (which the C++ tests check equal, to the bit, to one BFS per
node: tests/cpp/centrality/test_closeness_msbfs.cpp).

- ringleader `centrality.closeness(net, threads=T)` / `centrality.harmonic(net, threads=T)`
  (bit-parallel BFS from 64 nodes at once, the default);
- NetworKit `centrality.Closeness(G, True, ClosenessVariant.STANDARD)` (its defaults;
  networkx's values on a connected graph) and `HarmonicCloseness(G)` (its default
  normalises by n - 1: multiplied back); T threads via `setNumberOfThreads`;
- igraph `Graph.closeness()` and `Graph.harmonic_centrality(normalized=False)` (serial).
"""
import argparse
import pathlib
import statistics
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _graphs_small import barabasi_albert, load_all, result_header  # noqa: E402
from kcore import runs  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--nodes", default="10000")
    ap.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent / "results" / "closeness.md"))
    a = ap.parse_args()
    import networkit as nk
    import ringleader as rl
    T = a.threads
    rows = []
    for n in [int(x) for x in a.nodes.split(",")]:
        src, dst = barabasi_albert(n, 5, seed=3)
        net, g, ig_g = load_all(n, src, dst, T)
        title = f"Barabási–Albert {n:,} / 5 per node"
        C = rl.centrality
        ref = {"closeness": C.closeness(net, threads=T).to_numpy()}
        ref["harmonic"] = C.harmonic(net, threads=T).to_numpy()
        std = nk.centrality.ClosenessVariant.STANDARD
        fns = {"closeness": {
            "ringleader": lambda: C.closeness(net, threads=T).to_numpy(),
            "networkit Closeness": lambda: np.asarray(nk.centrality.Closeness(g, True, std).run().scores()),
            "igraph closeness": lambda: np.asarray(ig_g.closeness(), dtype=float)},
            "harmonic": {
            "ringleader": lambda: C.harmonic(net, threads=T).to_numpy(),
            "networkit HarmonicCloseness": lambda: np.asarray(
                nk.centrality.HarmonicCloseness(g).run().scores()) * (n - 1),
            "igraph harmonic_centrality": lambda: np.asarray(ig_g.harmonic_centrality(normalized=False),
                                                             dtype=float)}}
        for measure, f in fns.items():
            times, vals = runs(f, a.repeat)
            base = statistics.median(times["ringleader"])
            for k in f:
                err = float(np.max(np.abs(vals[k] - ref[measure]) / np.maximum(np.abs(ref[measure]), 1e-300)))
                med = statistics.median(times[k])
                rows.append((title, f"{g.numberOfEdges():,}", measure, k, med, min(times[k]), med / base, err))
                print(f"{title} {measure:9s} {k:30s} median {med:.4f} s  min {min(times[k]):.4f} s  "
                      f"x{med / base:.2f}  max rel diff {err:.1e}", flush=True)
    lines = result_header("Closeness and harmonic centrality: ringleader, NetworKit, igraph", T, a.repeat,
                          f"python3 bench/closeness.py --threads {T} --repeat {a.repeat} --nodes {a.nodes}",
                          "implementations")
    lines += ["| graph | edges | measure | implementation | median (s) | min (s) | median / ringleader | "
              "max rel. diff. |", "|---|---:|---|---|---:|---:|---:|---:|"]
    for title, m, measure, k, med, mn, ratio, err in rows:
        lines.append(f"| {title} | {m} | {measure} | {k} | {med:.4f} | {mn:.4f} | {ratio:.2f} | {err:.1e} |")
    lines += ["", __doc__.split("\n\n", 2)[2].strip(), ""]
    pathlib.Path(a.out).write_text("\n".join(lines))
    print("wrote", a.out)


if __name__ == "__main__":
    main()
