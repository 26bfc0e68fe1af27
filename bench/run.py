"""Times ringleader's readers against networkx, igraph and networkit on the same inputs.

    python3 bench/run.py [--quick] [--edges N] [--only NAME[,NAME]] [--repeat K]
                         [--out bench/out] [--skip-networkx-above N]

Every (library, input) measurement runs in a fresh interpreter (bench/_load_one.py),
so peak RSS is that library's own.  Prints one Markdown table per entry and
writes them to OUT/results.md.  See bench/README.md.
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

def measure(lib, fmt, path, repeat):
    """Best time of `repeat` fresh-interpreter loads (and the largest peak among them)."""
    runs = []
    for _ in range(repeat):
        p = subprocess.run([sys.executable, str(CHILD), lib, fmt, str(path)], capture_output=True, text=True)
        if p.returncode != 0:
            return {"lib": lib, "error": (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]}
        runs.append(json.loads(p.stdout.strip().splitlines()[-1]))
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
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edges", type=int, default=None, help="edges of the generated edge list (10,000,000)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 1,000,000 edges unless --edges is given")
    ap.add_argument("--only", default=None,
                    help="comma-separated entry keys (generated, enron, csv) and/or library names")
    ap.add_argument("--repeat", type=int, default=1, help="loads per measurement; the best time is kept")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--skip-networkx-above", type=int, default=None, metavar="N",
                    help="skip networkx on inputs with more than N edges (default: always run it)")
    a = ap.parse_args(argv)
    a.edges = a.edges or (1_000_000 if a.quick else 10_000_000)
    a.csv_edges = max(1000, a.edges // 10)
    only = set(a.only.split(",")) if a.only else None
    a.out.mkdir(parents=True, exist_ok=True)

    started = time.time()
    head = [f"# ringleader load benchmark — {datetime.datetime.now():%Y-%m-%d %H:%M}", "",
            f"`{' '.join(['python3 bench/run.py'] + (argv if argv is not None else sys.argv[1:]))}` on "
            f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"load average at start {os.getloadavg()[0]:.2f}. Time = best of {a.repeat} load(s), each in a fresh "
            "interpreter; ratio = library time / ringleader time (>1: ringleader faster); "
            "load RSS delta = peak RSS during the load − RSS of the interpreter with the library imported.", ""]
    print("\n".join(head), flush=True)
    sections = []
    for entry in ENTRIES:
        if only and entry.key not in only and not only & set(entry.libs):
            continue
        path = entry.inputs(a.out, a)
        if path is None:
            sections.append(f"### {entry.title}\n\nSkipped: {ENRON} is missing.\n")
            print(sections[-1], flush=True)
            continue
        results, skipped = [], []
        for lib in entry.libs:
            if only and lib != "ringleader" and entry.key not in only and lib not in only:
                continue
            if ("networkx" in lib and a.skip_networkx_above is not None
                    and entry.key == "generated" and a.edges > a.skip_networkx_above):
                skipped.append((lib, f"--skip-networkx-above {a.skip_networkx_above:,}"))
                continue
            print(f"  {entry.key}: {lib} ...", file=sys.stderr, flush=True)
            results.append(measure(lib, entry.fmt, path, a.repeat))
        sections.append(table(entry, path, results, skipped))
        print(sections[-1], flush=True)
    tail = f"Total {time.time() - started:.0f} s; load average at end {os.getloadavg()[0]:.2f}.\n"
    print(tail)
    (a.out / "results.md").write_text("\n".join(head + sections + [tail]))


if __name__ == "__main__":
    main()
