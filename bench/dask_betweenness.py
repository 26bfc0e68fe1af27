"""Distributed betweenness: 1 vs 2 single-threaded Dask workers, the
per-source cost of exact and sampled betweenness, and the binary format.

    python3 bench/dask_betweenness.py [--edges M] [--big-edges M] [--k K] [--io-edges M] [--repeat R] [--out DIR]

Needs dask and distributed (``pip install dask distributed``).  Every
worker and the single-machine runs are single-threaded (OMP_NUM_THREADS=1,
``threads=1``), so the speed-up measures the distribution alone.

1. **Speed-up.**  A Barabasi-Albert graph (networkx, seed 1, 5 edges per new
   node; ``--edges`` edges, default 100,000, over edges/5 nodes: connected,
   small world) is saved with ``net.save``.  Exact betweenness is timed on
   one machine (``rl.centrality.betweenness``, 1 thread) and with
   ``rl.distributed.betweenness(path, client)`` on a ``LocalCluster`` of 1
   and of 2 worker processes (1 thread each, loopback), 8 blocks per worker;
   the first distributed call also opens the file in each worker, so the
   best of ``--repeat`` later calls is reported beside it, with the CPU
   time of the busiest worker process in that call (on a machine shared
   with other work, wall times include waiting for a core; the busiest
   worker's CPU time is the wall time on free cores).  The distributed
   results are checked against the single-machine one (max relative
   difference).
2. **Per-source cost.**  ``betweenness_partial`` over a block of sources,
   1 thread: exact on the speed-up graph (every source) and sampled (``--k``
   sources, default 200) on a Barabasi-Albert graph of ``--big-edges``
   edges (default 1,000,000): seconds per source and nanoseconds per arc
   and source.
3. **Binary format.**  A call network of ``--io-edges`` calls (default
   10,000,000, over edges/10 phones, ids "0".."n-1", timestamps, numpy from
   a fixed seed) is saved; reported: file size and bytes per edge, and the
   time of ``rl.load`` in a fresh process (page cache warm, as for a file
   just written or read by another worker on the node): ``mmap=True`` with
   and without the checksum, ``mmap=False``, and ``load`` + the collapsed
   compute view a kernel needs (what a worker does before its first
   block), with the process's peak RSS and its RSS once loaded (the
   Python interpreter with numpy, pandas and ringleader: about 130 MB).

Writes OUT/results-distributed.md (default bench/out).
"""
from __future__ import annotations

import argparse
import os
import pathlib
import resource
import subprocess
import sys
import time

os.environ["OMP_NUM_THREADS"] = "1"  # before the OpenMP runtime starts, here and in the workers

import numpy as np  # noqa: E402

import ringleader as rl  # noqa: E402


def ba_network(edges: int) -> rl.Network:
    import networkx as nx

    n = max(edges // 5, 6)
    return rl.from_networkx(nx.relabel_nodes(nx.barabasi_albert_graph(n, 5, seed=1), str))


def call_network(edges: int) -> rl.Network:
    n = max(edges // 10, 2)
    rng = np.random.default_rng(1)
    activity = rng.gamma(0.5, 1.0, n)
    p = activity / activity.sum()
    src = rng.choice(n, edges, p=p).astype(np.uint32)
    dst = rng.choice(n, edges, p=p).astype(np.uint32)
    ts = (np.int64(1_700_000_000) + rng.integers(0, 365 * 86400, edges)) * np.int64(1_000_000_000)
    core = rl._core.from_arrays(False, [str(i) for i in range(n)], np.zeros(n, np.uint16), ["phone"], None, [],
                                src, dst, np.zeros(edges, np.uint16), ["call"], np.ones(edges), ts, None, [])
    return rl.Network._wrap(core)


def timed(f, *args, **kw):
    t = time.perf_counter()
    r = f(*args, **kw)
    return time.perf_counter() - t, r


def rel_diff(a, b) -> float:
    a, b = np.asarray(a), np.asarray(b)
    return float(np.max(np.abs(a - b) / np.maximum(1e-300, np.maximum(np.abs(a), np.abs(b))))) if len(a) else 0.0


def speedup(path: pathlib.Path, net: rl.Network, repeat: int, rows: list) -> dict:
    from distributed import Client, LocalCluster

    net._net.simple_view("shortest", None).build_csr()  # the view the workers keep between calls
    t1, single = timed(rl.centrality.betweenness, net, threads=1)
    t1 = min([t1] + [timed(rl.centrality.betweenness, net, threads=1)[0] for _ in range(repeat - 1)])
    rows.append(["one machine, 1 thread", f"{t1:.2f}", "", "", "1.00", "-"])
    out = {"single": t1}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            first, got = timed(rl.distributed.betweenness, path, client, threads=1, blocks=8 * workers)
            best, cpu = None, None
            for _ in range(repeat):
                before = client.run(time.process_time)
                t, _ = timed(rl.distributed.betweenness, path, client, threads=1, blocks=8 * workers)
                after = client.run(time.process_time)
                if best is None or t < best:
                    best, cpu = t, max(after[w] - before[w] for w in after)
            out[workers] = best
            out[f"cpu{workers}"] = cpu
            rows.append([f"Dask, {workers} worker{'s' if workers > 1 else ''} x 1 thread", f"{best:.2f}",
                         f"{first:.2f}", f"{cpu:.2f}", f"{t1 / best:.2f}", f"{rel_diff(got, single):.1e}"])
    return out


def per_source(net: rl.Network, sources: np.ndarray) -> tuple[float, float]:
    arcs = len(net._net.simple_view("shortest", None).csr_arrays()["out_targets"])
    t, _ = timed(rl._core.betweenness_partial, net._net, sources.astype(np.uint32), False, None, 1, None)
    return t / len(sources), t / len(sources) / arcs * 1e9


_LOAD = """
import resource, sys, time
import ringleader as rl
mode = sys.argv[2]
t = time.perf_counter()
net = rl.load(sys.argv[1], mmap=mode != "read", verify=mode != "noverify")
if mode == "prepare":
    net._net.simple_view("shortest", None).build_csr()
secs = time.perf_counter() - t
import gc, os
gc.collect()
now = int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
print(secs, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, now)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--edges", type=int, default=100_000)
    ap.add_argument("--big-edges", type=int, default=1_000_000)
    ap.add_argument("--k", type=int, default=200)
    ap.add_argument("--io-edges", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", default=str(pathlib.Path(__file__).parent / "out"))
    ap.add_argument("--only", choices=["speedup", "cost", "io"], help="run one part only")
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = [f"# Distributed betweenness (load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)",
             ""]

    net = ba_network(a.edges)
    if a.only in (None, "speedup"):
        lines += speedup_section(net, out, a)
    if a.only in (None, "cost"):
        lines += cost_section(net, a)
    if a.only in (None, "io"):
        lines += io_section(out, a)
    text = "\n".join(lines)
    print(text)
    (out / f"results-distributed{'-' + a.only if a.only else ''}.md").write_text(text)


def speedup_section(net, out, a) -> list:
    path = out / f"ba_{a.edges}.rlnet"
    net.save(path)
    rows: list = []
    times = speedup(path, net, a.repeat, rows)
    lines = [f"## Exact betweenness, {len(net):,} nodes, {net.number_of_edges():,} edges (Barabasi-Albert)", "",
              "| run | best of later calls (s) | first call, opens the file (s) | CPU s of the busiest worker | "
              "speed-up vs one machine | max rel. difference |", "|---|---:|---:|---:|---:|---:|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    lines += ["", f"1 -> 2 workers: **{times[1] / times[2]:.2f}x** wall time; the busiest worker's CPU time "
              f"{times['cpu1'] / times['cpu2']:.2f}x less (the speed-up on two free cores)", ""]
    return lines


def cost_section(net, a) -> list:
    exact = per_source(net, np.arange(len(net)))
    big = ba_network(a.big_edges)
    sampled = per_source(big, rl._core.sample_sources(len(big), min(a.k, len(big)), 1))
    lines = ["## Per-source cost (1 thread)", "", "| graph | sources | s per source | ns per arc and source |",
              "|---|---:|---:|---:|",
              f"| {net.number_of_edges():,} edges (exact) | {len(net):,} | {exact[0]:.2e} | {exact[1]:.2f} |",
              f"| {big.number_of_edges():,} edges (sampled) | {min(a.k, len(big)):,} | {sampled[0]:.2e} | "
              f"{sampled[1]:.2f} |", ""]
    return lines


def io_section(out, a) -> list:
    calls = call_network(a.io_edges)
    io_path = out / f"calls_{a.io_edges}.rlnet"
    t_save, _ = timed(calls.save, io_path)
    size = io_path.stat().st_size
    n_calls, n_phones = calls.number_of_edges(), len(calls)
    del calls
    lines = [f"## Binary format: {n_calls:,} calls between {n_phones:,} phones, with timestamps", "",
              f"file {size / 1e6:.1f} MB = {size / n_calls:.1f} bytes per edge (save {t_save:.2f} s)", "",
              "| open in a fresh process | s | peak RSS (MB) | RSS after (MB) |", "|---|---:|---:|---:|"]
    for mode, label in (("verify", "rl.load(mmap=True) (checksum verified)"),
                        ("noverify", "rl.load(mmap=True, verify=False)"),
                        ("read", "rl.load(mmap=False)"),
                        ("prepare", "rl.load(mmap=True) + collapsed compute view (a worker's first block)")):
        subprocess.run([sys.executable, "-c", _LOAD, str(io_path), mode], capture_output=True)  # warm the cache
        r = subprocess.run([sys.executable, "-c", _LOAD, str(io_path), mode], capture_output=True, text=True,
                           check=True)
        secs, peak, now = r.stdout.split()
        lines.append(f"| {label} | {float(secs):.2f} | {int(peak) / 1e6:.0f} | {int(now) / 1e6:.0f} |")
    lines.append("")
    return lines


if __name__ == "__main__":
    main()
