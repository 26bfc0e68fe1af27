"""k-core (core number): ringleader against NetworKit and igraph in one run.

    python3 bench/kcore.py [--threads 2] [--repeat 7] [--quick] [--out bench/results/kcore.md]

Erdős–Rényi 200k nodes / 2M edges and Barabási–Albert 200k nodes / 5 edges per
node (about 1M), generated with numpy from fixed seeds (bench/_graphs_small.py)
and loaded into every library (untimed).  Timed: the call only, on a graph
already built; ringleader's compute view is built by one untimed warm-up call.
Each library runs once untimed, then --repeat times, the libraries taking turns
(so a change of machine load hits them alike); the table gives the median and
the minimum.  Every result is checked equal to ringleader's serial peeling.

- ringleader `centrality.core_number(net, threads=T)` (parallel level-synchronous
  peeling, the default) and `parallel=False` (serial Batagelj-Zaversnik);
- NetworKit `centrality.CoreDecomposition(G).run()` (defaults; OpenMP, T threads
  via `setNumberOfThreads`);
- igraph `Graph.coreness()` (serial).
"""
import argparse
import pathlib
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _graphs_small import each_graph, kernel_arguments, result_header  # noqa: E402

NOTES = """Level-synchronous peeling runs one parallel loop (a barrier) per level.
On a loaded machine a barrier waits for the slowest thread to be scheduled,
and libgomp's default spin-waiting makes that worse (`OMP_WAIT_POLICY=passive`
helps, for NetworKit too): there the serial peeling can be faster than the
parallel one, as in the table above when the load average is high.  The
parallel kernel runs a level serially below 16,384 remaining nodes (fixed from
the cost of starting a parallel loop, not tuned on these graphs)."""


def runs(fns, repeat):
    """{name: [seconds]}: one untimed call of each, then `repeat` rounds of one call each."""
    out = {k: [] for k in fns}
    vals = {}
    for k, f in fns.items():
        vals[k] = f()
    for _ in range(repeat):
        for k, f in fns.items():
            t = time.perf_counter()
            f()
            out[k].append(time.perf_counter() - t)
    return out, vals


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    a = kernel_arguments(ap, "--repeat", 7, "kcore.md")
    import networkit as nk
    import ringleader as rl
    T = a.threads
    rows = []
    for title, nn, src, dst, net, g, ig_g in each_graph(a.quick, T):
        rl.centrality.core_number(net, threads=T)  # builds the compute view (untimed)
        fns = {
            "ringleader (parallel)": lambda: rl.centrality.core_number(net, threads=T).to_numpy(),
            "ringleader (serial)": lambda: rl.centrality.core_number(net, threads=T, parallel=False).to_numpy(),
            "networkit CoreDecomposition": lambda: np.asarray(nk.centrality.CoreDecomposition(g).run().scores()),
            "igraph coreness": lambda: np.asarray(ig_g.coreness(), dtype=float),
        }
        times, vals = runs(fns, a.repeat)
        want = vals["ringleader (serial)"]
        base = statistics.median(times["ringleader (parallel)"])
        for k in fns:
            same = np.array_equal(vals[k], want)
            med = statistics.median(times[k])
            rows.append((title, f"{g.numberOfEdges():,}", k, med, min(times[k]), med / base, same))
            print(f"{title:38s} {k:30s} median {med:.4f} s  min {min(times[k]):.4f} s  "
                  f"x{med / base:.2f}  same={same}", flush=True)
    lines = result_header("k-core (core number): ringleader, NetworKit, igraph", T, a.repeat,
                          f"python3 bench/kcore.py --threads {T} --repeat {a.repeat}", "libraries")
    lines += ["| graph | edges | implementation | median (s) | min (s) | median / ringleader parallel | "
              "same core numbers |", "|---|---:|---|---:|---:|---:|---|"]
    for title, m, k, med, mn, ratio, same in rows:
        lines.append(f"| {title} | {m} | {k} | {med:.4f} | {mn:.4f} | {ratio:.2f} | {'yes' if same else 'NO'} |")
    lines += ["", __doc__.split("\n\n", 2)[2].strip(), "", NOTES, ""]
    if not a.quick:
        pathlib.Path(a.out).write_text("\n".join(lines))
        print("wrote", a.out)


if __name__ == "__main__":
    main()
