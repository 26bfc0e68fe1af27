"""Times ringleader's readers, centrality measures and community detection against networkx,
igraph and networkit on the same inputs.

    python3 bench/run.py [--quick] [--edges N] [--csv-edges N] [--only NAME[,NAME]] [--repeat K]
                         [--out bench/out] [--results [bench/results]] [--skip-networkx-above N]
                         [--medium-edges N] [--large-edges N] [--community-edges N]

Every (library, input) measurement runs in a fresh interpreter (bench/_load_one.py for
loads, bench/_centrality_one.py for centrality, bench/_community_one.py for community
detection), so peak RSS is that library's own.  Prints one Markdown table per entry and
writes them to OUT/results.md (loads), OUT/results-centrality.md (centrality) and
OUT/results-community.md (community); with --results, also to the committed
bench/results/loads.md, centrality.md and community.md.  See bench/README.md.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHILD = HERE / "_load_one.py"
ENRON = ROOT.parent / "shared/data/raw/enron_email_snap/email-Enron.txt"
SEED = 20240601


# ---- inputs -------------------------------------------------------------------------------

def _skewed_ids(rng, n, size, exponent=0.7):
    """`size` draws from 0..n-1, the i-th id with probability ∝ (i+1)**-exponent (Chung-Lu weights)."""
    cdf = np.cumsum(np.arange(1, n + 1, dtype=np.float64) ** -exponent)
    return np.minimum(np.searchsorted(cdf, rng.random(size) * cdf[-1]), n - 1)


def _chung_lu(rng, m, n):
    """~m distinct directed pairs over n ids with power-law-ish degrees, shuffled."""
    k = int(m * 1.1)  # oversample: duplicate pairs are dropped below
    ends = rng.permutation(n)[_skewed_ids(rng, n, 2 * k)]  # hubs get random ids, not 0, 1, 2, ...
    pairs = rng.permutation(np.unique(ends[:k] * n + ends[k:]))[:m]  # distinct, shuffled
    # Relabel the ids that occur to 0..n'-1, so every reader sees the same node set.
    _, ids = np.unique(np.concatenate([pairs // n, pairs % n]), return_inverse=True)
    return ids[:len(pairs)], ids[len(pairs):]


def generated_edgelist(out, m):
    path = out / f"chung_lu_{m}.txt"
    if not path.exists():
        rng = np.random.default_rng(SEED)
        src, dst = _chung_lu(rng, m, max(10, m // 10))
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w") as f:
            f.write(f"# Chung-Lu directed graph, seed {SEED}: {len(src)} edges, ids 0..{src.max()}\n"
                    "# FromNodeId\tToNodeId\n")
            pd.DataFrame({"s": src, "t": dst}).to_csv(f, sep="\t", header=False, index=False)
        tmp.rename(path)
    return path


def generated_csv(out, m):
    path = out / f"typed_{m}.csv"
    if not path.exists():
        rng = np.random.default_rng(SEED + 1)
        n = max(10, m // 10)
        # Parallel edges allowed: the same two parties call each other many times.
        src, dst = (rng.permutation(n)[_skewed_ids(rng, n, m)] for _ in range(2))
        t0 = np.datetime64("2024-01-01T00:00:00")
        pd.DataFrame({
            "source": src, "target": dst,
            "type": np.array(["call", "sms", "transfer", "meets"])[rng.integers(0, 4, m)],
            "weight": np.round(rng.exponential(60.0, m), 2),
            "timestamp": np.datetime_as_string(t0 + rng.integers(0, 366 * 86400, m).astype("timedelta64[s]")),
        }).to_csv(path.with_suffix(".tmp"), index=False)
        path.with_suffix(".tmp").rename(path)
    return path


def generated_undirected(out, m):
    """~m distinct undirected edges (u < v, no self-loops) over ~m/10 ids with Chung-Lu degrees,
    ids 0..n-1 all used, written once per edge (SNAP style).  Mean degree ~20."""
    path = out / f"chung_lu_undirected_{m}.txt"
    if not path.exists():
        rng = np.random.default_rng(SEED + 2)
        n = max(10, m // 10)
        k = int(m * 1.25)  # oversample: self-loops and repeated pairs are dropped below
        ends = rng.permutation(n)[_skewed_ids(rng, n, 2 * k)]
        u, v = np.minimum(ends[:k], ends[k:]), np.maximum(ends[:k], ends[k:])
        keep = u != v
        pairs = rng.permutation(np.unique(u[keep] * n + v[keep]))[:m]
        _, ids = np.unique(np.concatenate([pairs // n, pairs % n]), return_inverse=True)
        src, dst = ids[:len(pairs)], ids[len(pairs):]
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w") as f:
            f.write(f"# Chung-Lu undirected graph, seed {SEED + 2}: {len(src)} edges, ids 0..{ids.max()}\n"
                    "# FromNodeId\tToNodeId\n")
            pd.DataFrame({"s": src, "t": dst}).to_csv(f, sep="\t", header=False, index=False)
        tmp.rename(path)
    return path


def _power_law(rng, size, lo, hi, exponent):
    """`size` draws of a continuous power law, density ∝ x**-exponent on [lo, hi] (inverse CDF)."""
    a, b = lo ** (1 - exponent), hi ** (1 - exponent)
    return (a + rng.random(size) * (b - a)) ** (1 / (1 - exponent))


def _planted_partition(rng, m, n, mixing=0.3, sizes=(20, 2000), size_exponent=1.5, degree_exponent=2.5,
                       max_weight=300.0, max_density=0.5):
    """A degree-corrected planted partition (stochastic block model) with ~m distinct undirected edges
    over n nodes: (u, v) pairs with u < v, no self-loops, shuffled, and each node's community.

    Community sizes ~ s**-size_exponent on `sizes`; node weights ~ w**-degree_exponent on
    [1, max_weight] (expected degree ∝ weight, Chung-Lu style), capped so that a node's expected
    internal degree is at most max_density × (its community's size − 1).  A share 1 − mixing of the
    edges joins two nodes of one community (the second end drawn ∝ weight inside the first end's
    community), the rest two nodes drawn ∝ weight from the whole graph.  Repeated pairs are drawn
    again, so the realised mixing is a little above `mixing` (dense small communities lose more
    duplicates)."""
    s = np.round(_power_law(rng, 2 * n // sizes[0] + 10, *sizes, size_exponent)).astype(np.int64)
    s = s[:np.searchsorted(np.cumsum(s), n, side="right")]
    rest = n - int(s.sum())
    if rest >= sizes[0]:
        s = np.append(s, rest)
    else:
        s[np.argmin(s)] += rest
    comm = rng.permutation(np.repeat(np.arange(len(s)), s))  # node i's community
    w = _power_law(rng, n, 1.0, max_weight, degree_exponent)
    for _ in range(4):  # the cap depends on the total weight: a few rounds settle it
        cap = max_density * (s[comm] - 1) / ((1 - mixing) * 2 * m / w.sum())
        w = np.minimum(w, cap)
    order = np.argsort(comm, kind="stable")  # nodes grouped by community
    cw = np.cumsum(w[order])
    ends = np.concatenate([[0.0], cw])
    first = np.concatenate([[0], np.cumsum(s)])
    cstart, cweight = ends[first[:-1]], ends[first[1:]] - ends[first[:-1]]

    def pick(pos):  # the node at cumulative weight `pos`
        return order[np.minimum(np.searchsorted(cw, pos, side="right"), n - 1)]

    keys = np.empty(0, dtype=np.int64)
    while len(keys) < m:
        k = int((m - len(keys)) * 1.15) + 1000
        inside = rng.random(k) >= mixing
        u, v = pick(rng.random(k) * cw[-1]), pick(rng.random(k) * cw[-1])
        c = comm[u[inside]]
        v[inside] = pick(cstart[c] + rng.random(len(c)) * cweight[c])
        keep = u != v
        keys = np.unique(np.concatenate([keys, np.minimum(u, v)[keep] * n + np.maximum(u, v)[keep]]))
    keys = rng.permutation(keys)[:m]
    return keys // n, keys % n, comm


def generated_communities(out, m):
    """The community benchmark graph: a planted partition (see _planted_partition) with m edges over
    m/7 nodes (mean degree ~14), mixing ~0.3, communities of 20..2,000 nodes.  Node ids are shuffled
    (communities are not id ranges) and relabelled to 0..n'-1 over the nodes with an edge; u < v;
    SNAP style, with the planted partition's modularity in the header."""
    path = out / f"planted_partition_{m}.txt"
    if not path.exists():
        rng = np.random.default_rng(SEED + 3)
        n = max(100, m // 7)
        u, v, comm = _planted_partition(rng, m, n)
        perm = rng.permutation(n)
        u, v = perm[u], perm[v]
        planted = np.empty(n, dtype=np.int64)
        planted[perm] = comm
        used, ids = np.unique(np.concatenate([u, v]), return_inverse=True)
        lo, hi = np.minimum(ids[:len(u)], ids[len(u):]), np.maximum(ids[:len(u)], ids[len(u):])
        c = planted[used]
        same = c[lo] == c[hi]
        k = np.bincount(c[lo], minlength=c.max() + 1) + np.bincount(c[hi], minlength=c.max() + 1)
        q = same.sum() / len(lo) - float(np.sum((k / (2.0 * len(lo))) ** 2))
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w") as f:
            f.write(f"# Planted-partition undirected graph, seed {SEED + 3}: {len(lo)} edges, ids 0..{len(used) - 1}\n"
                    f"# planted: {len(np.unique(c))} communities of 20..2000 nodes, mixing {1 - same.mean():.3f}, "
                    f"modularity {q:.4f}\n"
                    "# FromNodeId\tToNodeId\n")
            pd.DataFrame({"s": lo, "t": hi}).to_csv(f, sep="\t", header=False, index=False)
        tmp.rename(path)
    return path


@dataclass
class Entry:
    key: str
    title: str
    fmt: str
    libs: tuple
    inputs: object  # (out, args) -> Path or None
    notes: str


ENTRIES = [
    Entry("generated", "load generated edge list", "edgelist",
          ("ringleader", "networkx", "igraph", "networkit", "networkit-continuous"),
          lambda out, a: generated_edgelist(out, a.edges),
          "Chung-Lu directed graph (numpy, seeded), SNAP style: `#` header, TAB separated, no parallel "
          "arcs, ids 0..n-1 all used. ringleader `read_edgelist(directed=True)` + `memory_usage()` "
          "(CSR build, timed); networkx `read_edgelist(create_using=DiGraph, nodetype=str)` (DiGraph: "
          "no parallel arcs here, so it stores the same arcs as MultiDiGraph); igraph "
          "`Graph.Read_Edgelist(directed=True)` (0-based int ids; its C reader does not skip `#` lines, "
          "so the header is skipped on the file handle first); networkit "
          "`graphio.EdgeListReader('\\t', 0, '#', directed=True, continuous=False)` (ids as labels, like "
          "the others); networkit-continuous: the same with `continuous=True` (ids used directly as "
          "vertex numbers, its fastest path, valid here because the ids are 0..n-1)."),
    Entry("enron", "load SNAP Enron (directed)", "edgelist",
          ("ringleader", "networkx", "igraph", "networkit"),
          lambda out, a: ENRON if ENRON.exists() else None,
          "`../shared/data/raw/enron_email_snap/email-Enron.txt`: CRLF, every undirected edge listed "
          "both ways; expected 36,692 nodes and 367,662 arcs. Readers as above."),
    Entry("csv", "load typed CSV (source,target,type,weight,timestamp)", "csv",
          ("ringleader", "pandas", "pandas+networkx"),
          lambda out, a: generated_csv(out, a.csv_edges),
          "ringleader `read_csv(directed=True)` + `memory_usage()`; pandas `read_csv(parse_dates="
          "['timestamp'])` alone (no graph: nodes blank); pandas+networkx adds `from_pandas_edgelist("
          "edge_attr=[type, weight, timestamp], create_using=MultiDiGraph)` (MultiDiGraph: repeated "
          "pairs are separate edges, as in ringleader)."),
]


# ---- measuring ----------------------------------------------------------------------------

def measure(child, args, repeat, timeout=None):
    """Best time of `repeat` fresh-interpreter runs of `child args` (and the largest peak among them);
    a run longer than `timeout` seconds is stopped and reported as {"lib", "timeout"}."""
    runs = []
    for _ in range(repeat):
        try:
            p = subprocess.run([sys.executable, str(child), *map(str, args)], capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"lib": args[0], "timeout": timeout}
        if p.returncode != 0:
            return {"lib": args[0], "error": (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]}
        runs.append(json.loads(p.stdout.strip().splitlines()[-1]))
        if "unavailable" in runs[-1]:  # the installed library lacks the method
            return runs[-1]
    best = min(runs, key=lambda r: r["seconds"])
    best["peak_mb"] = max(r["peak_mb"] for r in runs)
    return best


def _mb(x):
    return f"{x:,.0f}" if x >= 10 else f"{x:.1f}"


def table(entry, path, results, skipped):
    base = next((r for r in results if r["lib"] == "ringleader" and "error" not in r), None)
    lines = [f"### {entry.title}", "", f"Input: `{path.name}` ({path.stat().st_size / 2**20:,.0f} MiB)", "",
             "| library | time (s) | ratio to ringleader | peak RSS (MB) | load RSS delta (MB) | nodes | edges | check |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['lib']} | error: {r['error'][:80]} | | | | | | |")
            continue
        ratio = f"{r['seconds'] / base['seconds']:.2f}×" if base else "–"
        same = (base is None or r["edges"] == base["edges"]
                and (r["nodes"] is None or r["nodes"] == base["nodes"]))
        nodes = "–" if r["nodes"] is None else f"{r['nodes']:,}"
        lines.append(f"| {r['lib']} {r['version']} | {r['seconds']:.2f} | {ratio} | {_mb(r['peak_mb'])} | "
                     f"{_mb(r['peak_mb'] - r['baseline_mb'])} | {nodes} | {r['edges']:,} | "
                     f"{'ok' if same else '**counts differ from ringleader**'} |")
    for lib, why in skipped:
        lines.append(f"| {lib} | skipped: {why} | | | | | | |")
    lines += ["", f"Notes: {entry.notes}", ""]
    if base:
        cv, tables, arcs, n = base["compute_view"], base["tables"], base["arcs"], base["nodes"]
        per_node = 2 * 8 * (n + 1)  # out and in offsets (uint64)
        delta = (base["peak_mb"] - base["baseline_mb"]) * 2**20
        lines += [f"ringleader: read {base['read_s']:.2f} s + compute view (CSR) {base['csr_s']:.2f} s; "
                  f"tables {tables / 2**20:,.1f} MiB, compute view {cv / 2**20:,.1f} MiB = "
                  f"{cv / arcs:.1f} bytes per stored arc ({arcs:,} arcs), "
                  f"{(cv - per_node) / arcs:.1f} bytes/arc without the per-node offsets "
                  f"(target ≤ 16); load RSS delta / (tables + compute view) = "
                  f"{delta / (tables + cv):.2f} (target ≤ 2.0).", ""]
        if "view_s" in base:
            lines += [f"ringleader collapsed compute view (parallel edges merged: what the kernels read, e.g. "
                      f"built by the first PageRank call; built after the load's peak was read, not in its "
                      f"time): {base['view_s']:.2f} s = {base['view_s'] / base['read_s']:.2f}× the read "
                      f"(target ≤ 1.5); {base['view_edges']:,} edges after merging; CSR arrays "
                      f"{base['view_csr'] / 2**20:,.1f} MiB + collapsed tables (merged edges, plus the node table the view shares with the network: counted in both) "
                      f"{base['view_tables'] / 2**20:,.1f} MiB; peak RSS with the view "
                      f"{_mb(base['view_peak_mb'])} MB.", ""]
    return "\n".join(lines)


# ---- centrality ---------------------------------------------------------------------------

CENTRALITY_CHILD = HERE / "_centrality_one.py"
THREADS = 2  # ringleader's thread count in every centrality entry (the reference machine has 2 cores)


def _graphs(out, a):
    """The centrality inputs: name -> (title, path or None)."""
    return {"medium": (f"generated undirected, {a.medium_edges:,} edges", generated_undirected(out, a.medium_edges)),
            "large": (f"generated undirected, {a.large_edges:,} edges", generated_undirected(out, a.large_edges)),
            "enron": ("SNAP Enron, undirected, collapsed", ENRON if ENRON.exists() else None)}


@dataclass
class Centrality:
    key: str      # --only key (several entries may share one)
    title: str
    measure: str  # a measure of bench/_centrality_one.py
    graphs: tuple  # keys of _graphs(): one table per graph
    libs: dict    # library -> options for the child (e.g. {"sample": k} to time k sources)
    check: str    # "rel": max |Δ| / max |ringleader|; "abs": max |Δ| (approximations)
    notes: str


SAMPLED = ("networkx and igraph are timed on k sources drawn uniformly (seeded; the same for "
           "every library) and the time is multiplied by n/k (marked ≈); every BFS from a node of the "
           "giant component costs about the same, so the extrapolation is close, but it leaves out "
           "per-run overheads that full runs pay once. ")
CENTRALITY = [
    Centrality("betweenness", "exact betweenness (unweighted, normalized)", "betweenness", ("medium",),
               {"ringleader": {}, "networkit": {}, "igraph": {"sample": 500}, "networkx": {"sample": 20}}, "rel",
               SAMPLED + f"ringleader `centrality.betweenness(net, threads={THREADS})`; networkit "
               "`Betweenness(G, normalized=True)` (networkx's scale); igraph `G.betweenness(sources=...)` (a "
               "partial sum: not checked); networkx `betweenness_centrality(G, k=k, seed=...)` (an estimate "
               "from k sources: not checked)."),
    Centrality("closeness", "exact closeness (unweighted, networkx `wf_improved=True`)", "closeness", ("medium",),
               {"ringleader": {}, "networkit": {}, "igraph": {"sample": 2000}, "networkx": {"sample": 50}}, "rel",
               SAMPLED + f"ringleader `centrality.closeness(net, threads={THREADS})`; networkit "
               "`Closeness(G, True, ClosenessVariant.GENERALIZED)` (= networkx's Wasserman-Faust "
               "closeness); igraph `G.closeness(vertices=sample)` ((r-1)/Σd over the r reachable nodes: "
               "equal to networkx's only on connected graphs); networkx `closeness_centrality(G, u=v)` "
               "per sampled node. Sampled values are checked against ringleader's on the sample."),
    Centrality("approx-betweenness", "approximate betweenness (ε = 0.01, δ = 0.1)", "betweenness_approx",
               ("large", "enron"), {"ringleader": {}, "networkit-kadabra": {}, "networkit": {"timeout": 600}},
               "abs",
               f"Riondato-Kornaropoulos sampling in both: ringleader `centrality.betweenness_approx(net, "
               f"epsilon, delta, seed, threads={THREADS})`; networkit `ApproxBetweenness(G, epsilon, delta, "
               "universalConstant=0.5)` (0.5 is the constant of the paper and of ringleader's sample size; "
               "networkit's default 1.0 draws twice the samples; it is stopped after 600 s: most of its time "
               "goes to its vertex-diameter bound); networkit-kadabra `KadabraBetweenness(G, err=epsilon, "
               "delta)` (KADABRA, adaptive sampling with the same guarantee, networkit's fastest; seeded "
               "with `engineering.setSeed(seed, True)`; its scores are over unordered pairs, halved here). Sample counts differ through the stopping rules and "
               "the vertex-diameter bounds. igraph has no approximation with a guarantee (its "
               "`cutoff=` betweenness is a different measure) and networkx's `k=` sampling has none either: "
               "both omitted. check: max |Δ| between the two estimates (each within ε of the exact value "
               "with probability 1-δ, so up to 2ε is expected)."),
    Centrality("pagerank", "PageRank (α = 0.85, tol = 1e-6)", "pagerank", ("large", "enron"),
               {"ringleader": {}, "networkit": {}, "igraph": {}, "networkx": {"max_edges": 1_000_000}}, "rel",
               f"ringleader `centrality.pagerank(net, threads={THREADS})` (power iteration, stops when "
               "Σ|x'-x| < n·tol, networkx's criterion); networkit `PageRank(G, damp=0.85, tol=n·1e-6)` with "
               "`norm = Norm.L1_NORM`, the same criterion (its default is the L2 norm of the change ≤ tol; "
               "it applies `tol` to Σ|x'-x|, hence n·tol); igraph `G.pagerank()` (PRPACK, a direct "
               "Gauss-Seidel solver to ~1e-10, more accurate and more work: its default, no tolerance "
               "parameter); networkx `pagerank(G, tol=1e-6)` (scipy power iteration, same criterion) on "
               "Enron only: on the generated graph it needs >5 GB for the Graph alone (skipped). No dangling "
               "nodes in these graphs."),
    Centrality("kcore", "k-core (core number)", "core_number", ("large", "enron"),
               {"ringleader": {}, "networkit": {}, "igraph": {}, "networkx": {"max_edges": 1_000_000}}, "rel",
               f"ringleader `centrality.core_number(net, threads={THREADS})` (parallel level-synchronous "
               "peeling); networkit `CoreDecomposition(G)`; igraph `G.coreness()`; networkx "
               "`core_number(G)` on Enron only (skipped on the generated graph, as for PageRank)."),
]
BANDWIDTH_GRAPHS = ("large", "enron")


def _check(entry, base_values, r):
    if base_values is None or not r.get("values") or "values_path" not in r:
        return "–"
    v = np.load(r["values_path"])
    if v.shape != base_values.shape:
        return f"**{v.size:,} values for {base_values.size:,} nodes**"
    ok = ~np.isnan(v)
    d = float(np.nanmax(np.abs(v[ok] - base_values[ok]))) if ok.any() else 0.0
    if entry.check == "abs":
        return f"max \\|Δ\\| {d:.4f}"
    scale = float(np.nanmax(np.abs(base_values))) or 1.0
    text = f"max \\|Δ\\|/max {d / scale:.1e}"
    return text + (f" ({ok.sum():,} nodes)" if not ok.all() else "")


def _secs(t):
    return f"{t:,.2f}" if t >= 10 else f"{t:.3g}" if t >= 0.001 else f"{t:.2g}"


def centrality_table(entry, gtitle, path, results, skipped):
    base = next((r for r in results if r["lib"] == "ringleader" and "error" not in r), None)
    base_values = np.load(base["values_path"]) if base and base.get("values") else None
    lines = [f"### {entry.title} — {gtitle}", ""]
    if base:
        lines += [f"Input: `{path.name}`, {base['nodes']:,} nodes, {base['edges']:,} edges (simple).", ""]
    lines += ["| library | time (s) | ratio to ringleader | run | peak RSS (MB) | RSS delta (MB) | check |",
              "|---|---:|---:|---|---:|---:|---|"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['lib']} | error: {r['error'][:100]} | | | | | |")
            continue
        if "timeout" in r:
            ratio = f"> {r['timeout'] / (base['seconds'] * base['factor']):,.0f}×" if base else "–"
            lines.append(f"| {r['lib']} | > {r['timeout']:,} (stopped) | {ratio} | | | | |")
            continue
        t = r["seconds"] * r["factor"]
        est = "≈ " if r["factor"] > 1 else ""
        ratio = f"{est}{t / (base['seconds'] * base['factor']):,.2f}×" if base else "–"
        how = r["how"] + (f" (measured {r['seconds']:.2f} s)" if r["factor"] > 1 else "")
        how += f", best of {r['calls']} calls" if r.get("calls", 1) > 1 else ""
        if r["lib"] == "ringleader":
            how += f", {THREADS} threads"
        elif r["lib"].startswith("networkit"):
            how += f", {r['threads']} thread{'s' if r['threads'] > 1 else ''} (OpenMP)"
        else:
            how += ", 1 thread"
        same = base is None or (r["nodes"], r["edges"]) == (base["nodes"], base["edges"])
        check = _check(entry, base_values, r) if same else "**node/edge counts differ from ringleader**"
        lines.append(f"| {r['lib']} {r['version']} | {est}{_secs(t)} | {ratio} | {how} | {_mb(r['peak_mb'])} | "
                     f"{_mb(r['peak_mb'] - r['baseline_mb'])} | {check} |")
    for lib, why in skipped:
        lines.append(f"| {lib} | skipped: {why} | | | | | |")
    lines += ["", f"Notes: {entry.notes}", ""]
    if base:
        lines += [f"ringleader: collapse + compute view of the collapsed network {base['prep_s']:.2f} s, "
                  "before the timed call and not included (the other libraries build theirs while reading).", ""]
    return "\n".join(lines)


BYTES_MODEL = (
    "Bytes per iteration of ringleader's pull kernel (`include/ringleader/centrality/pagerank.hpp`; "
    "undirected: in-arcs = out-arcs = 2 × edges), counted as STREAM does (each array element read "
    "or written once; write-allocate reads of written lines not counted): per node, read in-offset "
    "(8 B), x (8 B), 1/out-degree (8 B), write x' (8 B) and y' = x'/out-degree (8 B): 40 B; per arc, "
    "read the source (4 B) and y[source] (8 B): 12 B. The gather y[source] is random access: "
    "**gather model** counts it 8 B per arc (no reuse, the brief's bound); **cached model** counts "
    "y once (8 B per node, i.e. y stays in cache), the lower bound when y fits in the last-level "
    "cache. Bound = bytes / bandwidth, with the best bandwidth measured (numpy copy or in-place "
    "triad over 80M doubles, 1 and 2 threads, best of 5). Time per iteration = (time of "
    "`pagerank(max_iter=25)` − time of `max_iter=5`) / 20, best of 3 each, so setup cancels out.")


def bandwidth_table(rows):
    lines = ["### one PageRank iteration vs the memory-bandwidth bound", "",
             "| graph | nodes | arcs | measured ms/iter | gather model MB | bound ms | measured / bound | "
             "cached model MB | bound ms | measured / bound |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    bws = []
    for gtitle, r in rows:
        if "error" in r:
            lines.append(f"| {gtitle} | error: {r['error'][:100]} | | | | | | | | |")
            continue
        n, arcs, it = r["nodes"], r["arcs"], r["per_iter_s"]
        bw = max(max(v.values()) for v in r["bandwidth"].values()) * 1e9
        bws.append(r["bandwidth"])
        gather = 40 * (n + 1) + 12 * arcs
        cached = 40 * (n + 1) + 4 * arcs + 8 * n
        lines.append(f"| {gtitle} | {n:,} | {arcs:,} | {it * 1e3:.2f} | {gather / 1e6:,.0f} | "
                     f"{gather / bw * 1e3:.2f} | {it * bw / gather:.2f}× | {cached / 1e6:,.0f} | "
                     f"{cached / bw * 1e3:.2f} | {it * bw / cached:.2f}× |")
    lines.append("")
    for b in bws[:1]:
        lines.append("Bandwidth (GB/s = 10⁹ B/s): " + "; ".join(
            f"{t} thread{'s' if int(t) > 1 else ''}: copy {v['copy']:.1f}, triad {v['triad']:.1f}"
            for t, v in b.items()) + ". The bound uses the best.")
    lines += ["", f"Notes: {BYTES_MODEL} ringleader runs with {THREADS} threads.", ""]
    return "\n".join(lines)


def run_centrality(a, only):
    """Runs the selected centrality entries; returns their Markdown sections."""
    sections, graphs = [], None
    tmp = a.out / "values"
    tmp.mkdir(exist_ok=True)
    selected = [e for e in CENTRALITY
                if not only or "centrality" in only or e.key in only or only & set(e.libs)]
    for entry in selected:
        for gkey in entry.graphs:
            graphs = graphs or _graphs(a.out, a)
            gtitle, path = graphs[gkey]
            if path is None:
                sections.append(f"### {entry.title} — {gtitle}\n\nSkipped: {ENRON} is missing.\n")
                print(sections[-1], flush=True)
                continue
            results, skipped = [], []
            for lib, opts in entry.libs.items():
                if only and lib != "ringleader" and entry.key not in only and "centrality" not in only \
                        and lib not in only:
                    continue
                edges = a.large_edges if gkey == "large" else a.medium_edges if gkey == "medium" else 0
                if edges > opts.get("max_edges", float("inf")):
                    skipped.append((lib, f"more than {opts['max_edges']:,} edges (see notes)"))
                    continue
                values = tmp / f"{entry.measure}_{gkey}_{lib}.npy"
                o = {"threads": THREADS, "seed": SEED, "epsilon": 0.01, "delta": 0.1, "values": str(values),
                     **{k: v for k, v in opts.items() if k not in ("max_edges", "timeout")}}
                print(f"  {entry.key} {gkey}: {lib} ...", file=sys.stderr, flush=True)
                r = measure(CENTRALITY_CHILD, (lib, entry.measure, path, json.dumps(o)), a.repeat,
                            opts.get("timeout"))
                r["values_path"] = values
                results.append(r)
            sections.append(centrality_table(entry, gtitle, path, results, skipped))
            print(sections[-1], flush=True)
    if not only or "centrality" in only or "bandwidth" in only:
        graphs = graphs or _graphs(a.out, a)
        rows = []
        for gkey in BANDWIDTH_GRAPHS:
            gtitle, path = graphs[gkey]
            if path is not None:
                print(f"  bandwidth {gkey}: ringleader ...", file=sys.stderr, flush=True)
                rows.append((gtitle, measure(CENTRALITY_CHILD, ("ringleader", "pagerank_iteration", path,
                                                                json.dumps({"threads": THREADS})), 1)))
        sections.append(bandwidth_table(rows))
        print(sections[-1], flush=True)
    return sections


# ---- community detection ------------------------------------------------------------------

COMMUNITY_CHILD = HERE / "_community_one.py"


def _community_graphs(out, a):
    """The community inputs: name -> (title, path or None)."""
    return {"planted": (f"generated planted partition, {a.community_edges:,} edges",
                        generated_communities(out, a.community_edges)),
            "enron": ("SNAP Enron, undirected, collapsed", ENRON if ENRON.exists() else None)}


@dataclass
class Row:
    lib: str
    label: str     # the call, as shown in the table
    opts: dict     # options for bench/_community_one.py
    family: str    # the ratio's base: the ringleader row of the same family
    max_edges: int = None  # skipped on larger generated graphs
    timeout: int = None    # seconds for the whole child (every seed)


@dataclass
class Community:
    key: str      # --only key
    title: str
    method: str   # a method of bench/_community_one.py
    rows: tuple
    notes: str


BUSY_CORES = 0.25  # flag a row when other processes used more CPU than this during its calls
NX_LIMIT = 1_000_000  # networkx builds a 5M-edge nx.Graph in > 5 GB and runs for many minutes
COMMUNITY = [
    Community("louvain", "Louvain (modularity)", "louvain", (
        Row("ringleader", f"louvain(threads={THREADS})", {}, "louvain"),
        Row("networkit", "PLM(refine=False)", {"refine": False}, "louvain"),
        Row("networkit", "PLM(refine=True)", {"refine": True}, "louvain"),
        Row("igraph", "community_multilevel()", {}, "louvain"),
        Row("networkx", "louvain_communities(seed)", {}, "louvain", NX_LIMIT, 900)),
        "ringleader `community.louvain(net, seed, threads=2)` (every level, batch-synchronous moves); "
        "networkit `PLM(G, refine)` (parallel Louvain; refine=True adds a second move phase after each "
        "uncoarsening); igraph `community_multilevel()` (its final level); networkx "
        "`louvain_communities(G, seed)` (threshold 1e-7, its default)."),
    Community("leiden", "Leiden (modularity)", "leiden", (
        Row("ringleader", f"leiden(n_iterations=2, threads={THREADS})", {"n_iterations": 2}, "2"),
        Row("ringleader", f"leiden(threads={THREADS}) (defaults: tolerance=3e-2)", {}, "2"),
        Row("ringleader", f"leiden(n_iterations=-1, tolerance=0, threads={THREADS})",
            {"n_iterations": -1, "tolerance": 0.0}, "-1"),
        Row("networkit", "ParallelLeiden()", {}, "2"),
        Row("igraph", 'community_leiden("modularity", n_iterations=2)', {"n_iterations": 2}, "2"),
        Row("igraph", 'community_leiden("modularity", n_iterations=-1)', {"n_iterations": -1}, "-1"),
        Row("networkx", "leiden_communities(seed)", {}, "2", NX_LIMIT, 900)),
        "ringleader `community.leiden(net, seed, n_iterations, threads=2)` (modularity, θ = 0.01); igraph "
        "`community_leiden(objective_function=\"modularity\", n_iterations)` (β = 0.01): 2 iterations (igraph's "
        "default), ringleader's default (stop when an iteration gains less than 3e-2 of the quality) and -1 = "
        "ringleader with tolerance=0: until an iteration changes nothing (at most 100; the iterations taken "
        "are shown), igraph: until an iteration does not improve the quality; networkit "
        "`ParallelLeiden(G)` (its defaults: at most 3 iterations, randomized order); networkx "
        "`leiden_communities` is a dispatch stub that needs a backend (e.g. cugraph). Ratios: 2-iteration "
        "rows and ParallelLeiden against ringleader `n_iterations=2`, `n_iterations=-1` rows against "
        "ringleader `n_iterations=-1, tolerance=0`."),
    Community("lpa", "label propagation", "lpa", (
        Row("ringleader", f"label_propagation(threads={THREADS})", {}, "lpa"),
        Row("networkit", "PLP()", {}, "lpa"),
        Row("igraph", "community_label_propagation()", {}, "lpa"),
        Row("networkx", "asyn_lpa_communities(seed)", {}, "lpa", NX_LIMIT, 900)),
        "ringleader `community.label_propagation(net, seed, threads=2)` (max 100 rounds); networkit "
        "`PLP(G)` (parallel, stops when fewer than n/1e5 nodes change); igraph "
        "`community_label_propagation()`; networkx `asyn_lpa_communities(G, seed)` (consumed into a list "
        "inside the timing)."),
]


def _planted_note(path):
    with open(path) as f:
        for line in f:
            if not line.startswith("#"):
                return None
            if line.startswith("# planted:"):
                return line[len("# planted:"):].strip()


def community_table(entry, gtitle, path, rows, results):
    bases = {}
    for row, r in zip(rows, results):
        if row.lib == "ringleader" and r is not None and "seconds" in r:
            bases.setdefault(row.family, r)
    base = next(iter(bases.values()), None)
    lines = [f"### {entry.title} — {gtitle}", ""]
    if base:
        lines += [f"Input: `{path.name}`, {base['nodes']:,} nodes, {base['edges']:,} edges (simple).", ""]
    lines += ["| library | method | threads | time (s) | ratio to ringleader | modularity (min–max) | communities "
              "| peak RSS (MB) | RSS delta (MB) | check |",
              "|---|---|---:|---:|---:|---|---:|---:|---:|---|"]
    for row, r in zip(rows, results):
        name, label = f"{row.lib} {r.get('version', '')}".strip(), row.label

        def cells(*c):
            return "| " + " | ".join(map(str, (name, label) + c + ("",) * (8 - len(c)))) + " |"

        if "skipped" in r:
            lines.append(cells("", f"skipped: {r['skipped']}"))
            continue
        if "unavailable" in r:
            lines.append(cells("", f"not available: {r['unavailable'][:160]}"))
            continue
        if "error" in r:
            lines.append(cells("", f"error: {r['error'][:110]}"))
            continue
        b = bases.get(row.family)
        if "timeout" in r:
            lines.append(cells("", f"> {r['timeout']:,} (stopped)",
                               f"> {r['timeout'] / b['seconds']:,.0f}×" if b else "–"))
            continue
        threads = THREADS if row.lib == "ringleader" else r.get("threads", 1)
        ratio = "1 (base)" if r is b else f"{r['seconds'] / b['seconds']:,.2f}×" if b else "–"
        qs = r["modularities"]
        own = [q for q in r["own_modularity"] if q is not None]
        problems = []
        if base and (r["nodes"], r["edges"]) != (base["nodes"], base["edges"]):
            problems.append("**node/edge counts differ from ringleader**")
        if r["unassigned"]:
            problems.append(f"**{r['unassigned']:,} nodes without a community**")
        if own and max(abs(q - mine) for q, mine in zip(own, qs)) > 1e-9:
            problems.append("**own modularity differs: " + ", ".join(f"{q:.4f}" for q in own) + "**")
        if r["other_cores"] > BUSY_CORES and r["timed_s"] >= 0.5:  # /proc/stat ticks are 10 ms
            problems.append(f"**busy machine: other processes used {r['other_cores']:.1f} cores during the calls**")
        rounds = [x for x in r.get("rounds", []) if x is not None]
        if rounds and row.lib == "ringleader":
            what = "iterations" if entry.method == "leiden" else "rounds"
            span = f"{min(rounds)}" if min(rounds) == max(rounds) else f"{min(rounds)}–{max(rounds)}"
            label += f": {span} {what}"
        lines.append(cells(threads, _secs(r["seconds"]), ratio,
                           f"{r['modularity']:.4f} ({min(qs):.4f}–{max(qs):.4f})", f"{r['communities']:,.0f}",
                           _mb(r["peak_mb"]), _mb(r["peak_mb"] - r["baseline_mb"]),
                           "; ".join(problems) or ("ok, = own" if own else "ok")))
    lines += ["", f"Notes: {entry.notes}", ""]
    planted = _planted_note(path)
    if planted:
        lines += [f"Planted partition: {planted}.", ""]
    if base:
        lines += [f"ringleader: collapse + compute view of the collapsed network {base['prep_s']:.2f} s (a warm-up "
                  "`community.modularity` call), before the timed calls and not included (the other libraries "
                  "build theirs while reading).", ""]
    return "\n".join(lines)


def run_community(a, only):
    """Runs the selected community entries; returns their Markdown sections."""
    sections, graphs = [], None
    seeds = [SEED + i for i in range(a.seeds)]
    selected = [e for e in COMMUNITY
                if not only or "community" in only or e.key in only or only & {r.lib for r in e.rows}]
    for entry in selected:
        graphs = graphs or _community_graphs(a.out, a)
        for gkey, (gtitle, path) in graphs.items():
            if path is None:
                sections.append(f"### {entry.title} — {gtitle}\n\nSkipped: {ENRON} is missing.\n")
                print(sections[-1], flush=True)
                continue
            edges = a.community_edges if gkey == "planted" else 0
            rows, results = [], []
            for row in entry.rows:
                if only and row.lib != "ringleader" and "community" not in only and entry.key not in only \
                        and row.lib not in only:
                    continue
                rows.append(row)
                if row.max_edges is not None and edges > row.max_edges:
                    results.append({"lib": row.lib, "skipped": f"more than {row.max_edges:,} edges (see notes)"})
                    continue
                if row.lib == "networkx" and a.skip_networkx_above is not None and edges > a.skip_networkx_above:
                    results.append({"lib": row.lib, "skipped": f"--skip-networkx-above {a.skip_networkx_above:,}"})
                    continue
                o = {"seeds": seeds, "threads": THREADS, **row.opts}
                print(f"  {entry.key} {gkey}: {row.lib} {row.label} ...", file=sys.stderr, flush=True)
                results.append(measure(COMMUNITY_CHILD, (row.lib, entry.method, path, json.dumps(o)), 1,
                                       row.timeout))
            sections.append(community_table(entry, gtitle, path, rows, results))
            print(sections[-1], flush=True)
    return sections


def _head(title, a, argv, what):
    return [f"# ringleader {title} — {datetime.datetime.now():%Y-%m-%d %H:%M}", "",
            f"`{' '.join(['python3 bench/run.py'] + (argv if argv is not None else sys.argv[1:]))}` on "
            f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"load average at start {os.getloadavg()[0]:.2f}. Time = best of {a.repeat} {what}, each in a fresh "
            "interpreter; ratio = library time / ringleader time (>1: ringleader faster)", ""]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edges", type=int, default=None, help="edges of the generated edge list (10,000,000)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 1,000,000 load edges, centrality graphs of 50,000 and 500,000 edges, "
                         "community graph of 500,000 edges")
    ap.add_argument("--only", default=None,
                    help="comma-separated groups (loads, centrality, community), entry keys (generated, "
                         "enron, csv, betweenness, closeness, approx-betweenness, pagerank, kcore, bandwidth, "
                         "louvain, leiden, lpa) and/or library names")
    ap.add_argument("--repeat", type=int, default=None,
                    help="runs per measurement; the best time is kept (default 1). Community detection: the "
                         "number of seeds (default 3); the median time is kept")
    ap.add_argument("--csv-edges", type=int, default=None,
                    help="rows of the typed CSV (default: --edges / 10)")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--results", type=Path, nargs="?", const=HERE / "results", default=None, metavar="DIR",
                    help="also write each group's tables to DIR/loads.md, DIR/centrality.md and "
                         "DIR/community.md (default DIR: bench/results, committed)")
    ap.add_argument("--skip-networkx-above", type=int, default=None, metavar="N",
                    help="skip networkx on inputs with more than N edges (default: always run it)")
    ap.add_argument("--medium-edges", type=int, default=None,
                    help="edges of the exact betweenness/closeness graph (500,000)")
    ap.add_argument("--large-edges", type=int, default=None,
                    help="edges of the approximate betweenness/PageRank/k-core graph (5,000,000)")
    ap.add_argument("--community-edges", type=int, default=None,
                    help="edges of the generated community-detection graph (5,000,000)")
    a = ap.parse_args(argv)
    a.seeds = a.repeat or 3
    a.repeat = a.repeat or 1
    a.edges = a.edges or (1_000_000 if a.quick else 10_000_000)
    a.csv_edges = a.csv_edges or max(1000, a.edges // 10)
    a.medium_edges = a.medium_edges or (50_000 if a.quick else 500_000)
    a.large_edges = a.large_edges or (500_000 if a.quick else 5_000_000)
    a.community_edges = a.community_edges or (500_000 if a.quick else 5_000_000)
    only = set(a.only.split(",")) if a.only else None
    a.out.mkdir(parents=True, exist_ok=True)

    load_entries = [e for e in ENTRIES
                    if not only or "loads" in only or e.key in only or only & set(e.libs)]
    if load_entries:
        run_loads(a, only, load_entries, argv)
    if not only or "centrality" in only or only & ({e.key for e in CENTRALITY} | {"bandwidth"}) \
            or only & {lib for e in CENTRALITY for lib in e.libs}:
        started = time.time()
        head = _head("centrality benchmark", a, argv, "run(s)")
        head[2] += "."
        head += [
            f"ringleader runs with {THREADS} threads, networkit with its default (every core), igraph and "
            "networkx with one. Time = the measure's call only, on a graph already read (and, for "
            "ringleader, collapsed: see each table); ≈ marks times extrapolated from a sample of sources. "
            "RSS delta = peak RSS during the call − RSS before it. check = agreement of the values with "
            "ringleader's.", ""]
        print("\n".join(head), flush=True)
        sections = run_centrality(a, only)
        tail = f"Total {time.time() - started:.0f} s; load average at end {os.getloadavg()[0]:.2f}.\n"
        print(tail)
        _write(a, "results-centrality.md", "centrality.md", "\n".join(head + sections + [tail]))
    if not only or "community" in only or only & {e.key for e in COMMUNITY} \
            or only & {r.lib for e in COMMUNITY for r in e.rows}:
        started = time.time()
        head = _head("community-detection benchmark", a, argv, "run(s)")
        head[2] = head[2].split(" Time = ")[0] + (
            f" Each (library, method, graph) runs in one fresh interpreter, which reads the graph (untimed) "
            f"and then makes one call per seed ({a.seeds} seeds); time = the median call, modularity = the "
            "mean (min–max over the seeds), communities = the mean count; ratio = library time / ringleader "
            "time for the same method (>1: ringleader faster).")
        head += [
            f"ringleader and networkit run with {THREADS} threads, igraph and networkx with one. Modularity "
            "(resolution 1, unweighted) of every result is computed by one function "
            "(`bench/_community_one.py: modularity`) on the file's edges as a simple graph, so the values "
            "are comparable; check = the library's own modularity of the same result agrees (`= own`; "
            "networkx reports none) and its node and edge counts match ringleader's. Peak RSS = the largest "
            "over the calls (the counter is reset before each); RSS delta = peak − RSS before the calls.", ""]
        print("\n".join(head), flush=True)
        sections = run_community(a, only)
        tail = f"Total {time.time() - started:.0f} s; load average at end {os.getloadavg()[0]:.2f}.\n"
        print(tail)
        _write(a, "results-community.md", "community.md", "\n".join(head + sections + [tail]))


def run_loads(a, only, entries, argv):
    started = time.time()
    head = _head("load benchmark", a, argv, "load(s)")
    head[2] = head[2] + ("; load RSS delta = peak RSS during the load − RSS of the interpreter with the "
                         "library imported.")
    print("\n".join(head), flush=True)
    sections = []
    for entry in entries:
        path = entry.inputs(a.out, a)
        if path is None:
            sections.append(f"### {entry.title}\n\nSkipped: {ENRON} is missing.\n")
            print(sections[-1], flush=True)
            continue
        results, skipped = [], []
        for lib in entry.libs:
            if only and lib != "ringleader" and "loads" not in only and entry.key not in only and lib not in only:
                continue
            size = {"generated": a.edges, "csv": a.csv_edges}.get(entry.key)
            if ("networkx" in lib and a.skip_networkx_above is not None
                    and size is not None and size > a.skip_networkx_above):
                skipped.append((lib, f"--skip-networkx-above {a.skip_networkx_above:,}"))
                continue
            print(f"  {entry.key}: {lib} ...", file=sys.stderr, flush=True)
            results.append(measure(CHILD, (lib, entry.fmt, path), a.repeat))
        sections.append(table(entry, path, results, skipped))
        print(sections[-1], flush=True)
    tail = f"Total {time.time() - started:.0f} s; load average at end {os.getloadavg()[0]:.2f}.\n"
    print(tail)
    _write(a, "results.md", "loads.md", "\n".join(head + sections + [tail]))


def _write(a, name, results_name, text):
    """Writes a group's tables to OUT/name and, with --results, to RESULTS/results_name."""
    (a.out / name).write_text(text)
    if a.results is not None:
        a.results.mkdir(parents=True, exist_ok=True)
        (a.results / results_name).write_text(text)
        print(f"written to {a.results / results_name}", file=sys.stderr)


if __name__ == "__main__":
    main()
