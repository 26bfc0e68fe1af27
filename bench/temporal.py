"""Time windows at scale: PageRank in each of 52 weekly windows of a call network.

    python3 bench/temporal.py [--calls M] [--phones N] [--small-calls M] [--small-phones N] [--weeks W]
                              [--repeat K] [--threads T] [--quick] [--out DIR]

Generates a synthetic call network with numpy (default 10,000,000 calls
between 1,000,000 phones over 52 weeks, seeded): each phone has an activity
drawn from a gamma distribution (shape 0.5: a Poisson-gamma mixture, so many
quiet phones and some busy ones) and a few hubs (one per 100,000 phones, at
least 5) have 1,000 times the mean activity; caller and callee are drawn in
proportion to activity (self-calls redrawn), call times uniformly over the
52 weeks.  The network is built from these arrays with the core's
``from_arrays`` (what ``Network.from_pandas`` ends with; factorising 20M
ids is not what this bench measures).  Then, with ringleader on ``--threads``
threads (default 2), it times:

1. ``rl._core.TimeIndex`` alone (the sorted edge index a call builds once);
2. ``rl.temporal.windows(net, "7D")``: the index and the 52 window networks
   cut from it, active nodes only (default) and all nodes;
3. ``rl.temporal.measure(net, "7D", measure="pagerank")``: the index, the
   windows and PageRank per window, active nodes only (the base of the
   ratios) and ``active_only=False``;
4. the naive way: ``net.subgraph(start, end)`` per window (a scan of every
   edge, every node kept) + ``rl.centrality.pagerank``; its values must equal
   ``active_only=False``'s (check column).

On a smaller network (default 1,000,000 calls, 100,000 phones) it times the
same per-window PageRank in rl (measure and naive) and, given the calls
pre-sorted by time (the sort is timed), in networkx (``nx.DiGraph`` of the
window's calls + ``nx.pagerank``), igraph (``Graph`` of the window's active
phones + ``simplify`` + ``pagerank``, PRPACK) and networkit (``Graph`` +
``removeMultiEdges`` + ``PageRank`` with sink distribution and networkx's
stopping rule), each skipped when not installed; the check column is the
largest |difference| from ``rl.temporal.measure`` over all windows and
phones.  Times are wall times, the best of ``--repeat`` runs (default 1),
with the CPU time of the process (both threads) for that run: on a shared
machine OpenMP kernels wait for a core and wall times grow; peak RSS (``getrusage``, the process's peak so far) is
reported after each step.  Writes OUT/results-temporal.md.  ``--quick``:
1,000,000 calls / 100,000 phones and 200,000 / 20,000.
"""
import argparse
import datetime
import os
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

from _report import rss_mb, write

HERE = Path(__file__).resolve().parent
T0 = pd.Timestamp("2024-01-01", tz="UTC")
WEEK = 7 * 86400 * 10**9


def generate(n_phones, n_calls, weeks, seed=1):
    """(source, target, timestamp ns) int arrays of a call network."""
    rng = np.random.default_rng(seed)
    activity = rng.gamma(0.5, 1.0, n_phones)
    hubs = rng.choice(n_phones, max(5, n_phones // 100_000), replace=False)
    activity[hubs] = 1000 * activity.mean()
    p = activity / activity.sum()
    src = rng.choice(n_phones, n_calls, p=p)
    dst = rng.choice(n_phones, n_calls, p=p)
    same = np.flatnonzero(src == dst)
    while len(same):
        dst[same] = rng.choice(n_phones, len(same), p=p)
        same = same[src[same] == dst[same]]
    ts = T0.value + rng.integers(0, weeks * WEEK, n_calls, dtype=np.int64)
    return src, dst, ts


def build(src, dst, ts, n_phones):
    import ringleader as rl
    m = len(src)
    core = rl._core.from_arrays(True, [str(i) for i in range(n_phones)], np.zeros(n_phones, np.uint16), ["phone"],
                                None, [], src.astype(np.uint32), dst.astype(np.uint32), np.zeros(m, np.uint16),
                                ["call"], np.ones(m), ts, None, [])
    return rl.Network._wrap(core)


def bounds(weeks):
    return [(T0 + pd.Timedelta(weeks=k), T0 + pd.Timedelta(weeks=k + 1)) for k in range(weeks)]


class Timer:
    """Table rows [name, seconds (the best of `repeat` runs), its CPU seconds, peak RSS so far, note]."""

    def __init__(self, repeat):
        self.rows, self.repeat = [], max(1, repeat)

    def __call__(self, name, f):
        best = (float("inf"), 0.0)
        for _ in range(self.repeat):
            t, cpu = time.perf_counter(), time.process_time()
            r = f()
            best = min(best, (time.perf_counter() - t, time.process_time() - cpu))
        self.rows.append([name, *best, rss_mb(), ""])
        print(f"  {name}: {best[0]:.2f} s (CPU {best[1]:.2f} s), peak RSS {self.rows[-1][3]:,.0f} MB", flush=True)
        return r

    def note(self, text):
        """Notes the last row."""
        self.rows[-1][4] = text


def naive(net, weeks, threads):
    import ringleader as rl
    out = np.full((weeks, net.number_of_nodes()), np.nan)
    for k, (s, e) in enumerate(bounds(weeks)):
        out[k] = rl.centrality.pagerank(net.subgraph(start=s, end=e), threads=threads).to_numpy()
    return out


def per_window(src, dst, ts, weeks, one):
    """Calls sorted by time, then one(active phone ids, compact sources,
    compact targets) -> PageRank of the active phones, per window."""
    order = np.argsort(ts, kind="stable")
    s_sorted, d_sorted, t_sorted = src[order], dst[order], ts[order]
    cuts = np.searchsorted(t_sorted, [T0.value + k * WEEK for k in range(weeks + 1)])
    out = []
    for k in range(weeks):
        s, d = s_sorted[cuts[k]:cuts[k + 1]], d_sorted[cuts[k]:cuts[k + 1]]
        phones, inv = np.unique(np.concatenate([s, d]), return_inverse=True)
        out.append((phones, one(len(phones), inv[:len(s)], inv[len(s):])))
    return out


def networkx_pagerank(n, s, d):
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(zip(s.tolist(), d.tolist()))
    pr = nx.pagerank(g, alpha=0.85, tol=1e-6)
    return np.array([pr[i] for i in range(n)])


def igraph_pagerank(n, s, d):
    import igraph as ig
    g = ig.Graph(n=n, edges=np.column_stack([s, d]), directed=True)
    g.simplify(multiple=True, loops=False)
    return np.asarray(g.pagerank(damping=0.85))


def networkit_pagerank(n, s, d):
    import networkit as nk
    g = nk.Graph(n, directed=True)
    g.addEdges((s.astype(np.uint64), d.astype(np.uint64)))
    g.removeMultiEdges()
    p = nk.centrality.PageRank(g, damp=0.85, tol=n * 1e-6,
                               distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
    p.norm = nk.centrality.Norm.L1_NORM  # networkx: stop when sum |x' - x| < n * tol
    p.maxIterations = 100
    p.run()
    return np.asarray(p.scores())


def max_diff(values, per_window_result):
    """Largest |difference| between a measure DataFrame (columns "0".."n-1")
    and per-window (phones, values) pairs."""
    base = values.to_numpy()
    worst = 0.0
    for k, (phones, v) in enumerate(per_window_result):
        worst = max(worst, float(np.max(np.abs(base[k, phones] - v))) if len(v) else 0.0)
        if np.isfinite(np.delete(base[k], phones)).any():
            return float("inf")  # rl has values for phones that were not active
    return worst


def large(a, weeks):
    import ringleader as rl
    print(f"large: {a.calls:,} calls, {a.phones:,} phones", flush=True)
    t = time.perf_counter()
    src, dst, ts = generate(a.phones, a.calls, weeks)
    t_gen = time.perf_counter() - t
    t = time.perf_counter()
    net = build(src, dst, ts, a.phones)
    t_build = time.perf_counter() - t
    del src, dst, ts
    rss_built = rss_mb()
    end = T0 + pd.Timedelta(weeks=weeks)
    timer = Timer(a.repeat)
    timer("`TimeIndex` (sorted edge index, built once per call)", lambda: rl._core.TimeIndex(net._net))
    for active in (True, False):
        timer(f"`rl.temporal.windows(net, \"7D\", active_only={active})`: index + {weeks} window networks",
              lambda: [w.network.number_of_edges() for w in rl.temporal.windows(net, "7D", start=T0, end=end,
                                                                                  active_only=active)])
    base = timer(f"**`rl.temporal.measure(net, \"7D\", measure=\"pagerank\")`** (base)",
                 lambda: rl.temporal.measure(net, "7D", measure="pagerank", start=T0, end=end, threads=a.threads))
    assert len(base) == weeks
    timer.note(f"{np.mean(base.attrs['nodes']):,.0f} active phones and {np.mean(base.attrs['edges']):,.0f} calls "
               "per window (mean)")
    full = timer("`rl.temporal.measure(..., active_only=False)`",
                 lambda: rl.temporal.measure(net, "7D", measure="pagerank", start=T0, end=end, active_only=False,
                                             threads=a.threads))
    t_full = timer.rows[-1][1]
    slow = timer("naive: `net.subgraph(start, end)` + `pagerank` per window", lambda: naive(net, weeks, a.threads))
    timer.note(f"{timer.rows[-1][1] / t_full:.2f}x the time of active_only=False, whose values it gives: max abs "
               f"diff {np.nanmax(np.abs(full.to_numpy() - slow)):.1e}")
    info = (f"{net.number_of_nodes():,} phones, {net.number_of_edges():,} calls over {weeks} weeks; generated in "
            f"{t_gen:.1f} s, network built in {t_build:.1f} s (not timed below), peak RSS after the build "
            f"{rss_built:,.0f} MB")
    return timer.rows, info


def small(a, weeks):
    import ringleader as rl
    print(f"small: {a.small_calls:,} calls, {a.small_phones:,} phones", flush=True)
    src, dst, ts = generate(a.small_phones, a.small_calls, weeks, seed=2)
    net = build(src, dst, ts, a.small_phones)
    end = T0 + pd.Timedelta(weeks=weeks)
    timer = Timer(a.repeat)
    base = timer("**`rl.temporal.measure(net, \"7D\", measure=\"pagerank\")`** (base)",
                 lambda: rl.temporal.measure(net, "7D", measure="pagerank", start=T0, end=end, threads=a.threads))
    timer("rl naive: `net.subgraph(start, end)` + `pagerank` per window", lambda: naive(net, weeks, a.threads))
    timer.note("every phone kept (isolated ones too), so other values")
    notes = []
    for name, fn in (("networkx", networkx_pagerank), ("igraph", igraph_pagerank), ("networkit", networkit_pagerank)):
        try:
            mod = __import__(name)
        except ImportError:
            notes.append(f"{name} not installed: skipped")
            continue
        r = timer(f"{name} {mod.__version__}: sorted calls, per window graph + PageRank",
                  lambda: per_window(src, dst, ts, weeks, fn))
        timer.note(f"max abs diff from rl: {max_diff(base, r):.1e}")
    info = f"{net.number_of_nodes():,} phones, {net.number_of_edges():,} calls over {weeks} weeks"
    return timer.rows, info, notes


def table(rows):
    base = next(r[1] for r in rows if "(base)" in r[0])
    lines = ["| step | time (s) | ratio to base | CPU time (s) | peak RSS so far (MB) | check / note |",
             "|---|---:|---:|---:|---:|---|"]
    for name, secs, cpu, rss, note in rows:
        lines.append(f"| {name} | {secs:.2f} | {secs / base:.2f} | {cpu:.2f} | {rss:,.0f} | {note} |")
    return lines


SIZES = {"calls": 10_000_000, "phones": 1_000_000, "small_calls": 1_000_000, "small_phones": 100_000}
QUICK = {"calls": 1_000_000, "phones": 100_000, "small_calls": 200_000, "small_phones": 20_000}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, default in {**SIZES, "weeks": 52, "repeat": 1, "threads": 2}.items():
        ap.add_argument("--" + name.replace("_", "-"), type=int, default=default)
    ap.add_argument("--quick", action="store_true", help=f"sizes {QUICK}")
    ap.add_argument("--out", default=str(HERE / "out"))
    a = ap.parse_args(argv)
    if a.quick:
        vars(a).update(QUICK)
    os.environ.setdefault("OMP_NUM_THREADS", str(a.threads))  # networkit
    load0 = os.getloadavg()[0]
    big_rows, big_info = large(a, a.weeks)
    small_rows, small_info, notes = small(a, a.weeks)
    lines = [f"# Time-window benchmark — {datetime.datetime.now():%Y-%m-%d %H:%M}", "",
             f"`python3 bench/temporal.py{' --quick' if a.quick else ''}` on {platform.node()}, "
             f"{os.cpu_count()} cores, ringleader threads={a.threads}; load average "
             f"{load0:.2f} at start, {os.getloadavg()[0]:.2f} at end.  PageRank: alpha 0.85, tol 1e-6 "
             "(networkx's rule), unweighted, parallel calls merged.", "",
             f"## {a.weeks} weekly windows, large network", "", big_info + ".", ""]
    lines += table(big_rows)
    lines += ["", f"## {a.weeks} weekly windows, small network, other libraries", "", small_info + ".", ""]
    lines += table(small_rows)
    lines += [""] + [f"- {n}" for n in notes] + ["", f"Peak RSS of the process: {rss_mb():,.0f} MB."]
    text = "\n".join(lines) + "\n"
    write(a.out, "results-temporal.md", text)


if __name__ == "__main__":
    main()
