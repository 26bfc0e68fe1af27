"""National-scale call network on one machine (issue 21, items 4 and 5).

    python3 bench/national.py --calls 1000000 10000000      # each scale: generate, then every step
    python3 bench/national.py --calls 100000000 --steps csv binary pagerank
    python3 bench/national.py --report                      # tables + growth plot from bench/out/national-*.json

For each scale (number of calls; the network also has one ``uses`` edge per
phone, so edges = 1.1 x calls) the generator (bench/national_gen.py, seed 1)
writes bench/out/national_<calls>/ once (cached), then every step runs in a
fresh interpreter (bench/_national_one.py) so its peak memory (ru_maxrss of
that process) is its own:

  csv          rl.read_csv(edges.csv, nodes=nodes.csv, directed=True); the
               compute view (net.memory_usage()); net.save(national.rlnet)
  binary       rl.load(national.rlnet) (memory-mapped) and the compute view
  pagerank     rl.centrality.pagerank(net, threads=2)
  leiden       rl.community.leiden(net, seed=1, threads=2) (library default
               iterations unless --leiden-iterations)
  leiden2      the same with n_iterations=2 (igraph's default)
  betweenness  rl.centrality.betweenness_approx(net, epsilon=0.01, seed=1, threads=2)
  leaders      rl.leaders(net, seed=1, threads=2) on the persons; precision at
               k = number of true leaders

The kernel steps load the binary file and build the compute view first
(timed apart; their peak includes the loaded network); a kernel's time is
its first call, which includes any further view it builds (PageRank is also
timed warm, a second call).  Results: one JSON per
scale in bench/out/national-<calls>.json, Markdown tables in
bench/out/national.md and bench/out/growth.md, the plot bench/out/growth.png;
``--commit`` copies the Markdown and the plot to bench/results/.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")
RESULTS = os.path.join(HERE, "results")
STEPS = ("csv", "binary", "pagerank", "leiden", "leiden2", "betweenness", "leaders")
sys.path.insert(0, HERE)


def human(n: int) -> str:
    for div, suf in ((10**9, "G"), (10**6, "M"), (10**3, "k")):
        if n >= div and n % (div // 10) == 0:
            v = n / div
            return f"{v:g}{suf}"
    return str(n)


def run_step(step: str, folder: str, args) -> dict:
    cmd = [sys.executable, os.path.join(HERE, "_national_one.py"), step, folder, "--threads", str(args.threads)]
    if args.leiden_iterations is not None:
        cmd += ["--leiden-iterations", str(args.leiden_iterations)]
    env = dict(os.environ)
    limit = None
    if args.max_memory:
        # the library refuses what it estimates above the cap (rl.MemoryLimitError); the address-space cap
        # stops anything else before the machine's other users are pushed out of memory
        env["RINGLEADER_MEMORY_LIMIT"] = f"{args.max_memory}G"
        limit = int((args.max_memory + 1) * 2**30)

    def cap():
        if limit:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout, env=env, preexec_fn=cap)
    except subprocess.TimeoutExpired:
        return {"step": step, "error": f"timed out after {args.timeout} s", "wall_s": time.perf_counter() - t}
    wall = time.perf_counter() - t
    if p.returncode != 0:
        return {"step": step, "error": (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1][:300],
                "wall_s": wall, "max_memory": args.max_memory}
    r = json.loads(p.stdout.strip().splitlines()[-1])
    r["wall_s"] = wall
    return r


def run_scale(calls: int, args) -> dict:
    import national_gen

    folder = os.path.join(OUT, f"national_{calls}")
    path = os.path.join(OUT, f"national-{calls}.json")
    res = json.load(open(path)) if os.path.exists(path) else {"calls": calls, "steps": {}}
    if not os.path.exists(os.path.join(folder, "truth.json")):
        print(f"generating {calls:,} calls ...", flush=True)
        res["generate"] = national_gen.write(folder, calls, seed=1)
    else:
        res["generate"] = json.load(open(os.path.join(folder, "summary.json")))
    for step in args.steps:
        if step != "csv" and not os.path.exists(os.path.join(folder, "national.rlnet")):
            res["steps"]["csv"] = run_step("csv", folder, args)
        r = run_step(step, folder, args)
        res["steps"][step] = r
        print(f"{human(calls)} {step}: {json.dumps(r)}", flush=True)
        res["when"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        json.dump(res, open(path, "w"), indent=1)
    return res


def gb(x) -> str:
    return "" if x is None else f"{x / 2**30:.2f}"


def step_rows(res: dict) -> list:
    """(step, wall s, CPU s, peak GB, detail) rows of one scale."""
    s, rows = res["steps"], []

    def err(name):
        r = s.get(name)
        if r is not None and "error" in r:
            cap = (f" (with RINGLEADER_MEMORY_LIMIT={r['max_memory']:g}G and the address space capped at "
                   f"{r['max_memory'] + 1:g} GiB)") if r.get("max_memory") else ""
            rows.append((name, "-", "-", "-", "failed: " + r["error"] + cap))
            return True
        return r is None

    def row(label, r, key, peak, detail=""):
        cpu = r.get(key + "_cpu")
        rows.append((label, f"{r[key + '_s']:.1f}", "" if cpu is None else f"{cpu:.1f}", gb(peak), detail))

    gen = res.get("generate", {})
    if "seconds" in gen:
        cpu = gen.get("cpu_seconds")
        rows.append(("generate (numpy, CSV)", f"{gen['seconds']:.1f}", "" if cpu is None else f"{cpu:.1f}", "",
                     f"{gen['phones']:,} phones, {gen['persons']:,} persons, {gen['orgs']} organisations, "
                     f"{gen['csv_bytes'] / 2**30:.2f} GiB of CSV"))
    if not err("csv"):
        r = s["csv"]
        row("load CSV (rl.read_csv)", r, "read_csv", r["read_csv_peak"],
            f"{r['nodes']:,} nodes, {r['edges']:,} edges; tables {gb(r['memory'].get('tables'))} GiB")
        row("compute view after CSV", r, "view", r["view_peak"], f"view {gb(r['memory'].get('compute_view'))} GiB")
        row("save binary (net.save)", r, "save", r["save_peak"], f"{r['binary_bytes'] / 2**30:.2f} GiB file")
    if not err("binary"):
        r = s["binary"]
        row("load binary (rl.load)", r, "load", r["load_peak"], "memory-mapped, CRC checked")
        row("compute view after binary", r, "view", r["view_peak"], "net.memory_usage()")
    for name, label in (("pagerank", "PageRank (first call)"), ("leiden", "Leiden (default iterations)"),
                        ("leiden2", "Leiden (n_iterations=2)"), ("betweenness", "approx. betweenness"),
                        ("leaders", "rl.leaders (persons)")):
        if err(name):
            continue
        r = s[name]
        detail = ""
        if name == "pagerank" and "warm_s" in r:
            detail = f"warm second call {r['warm_s']:.2f} s"
        elif name.startswith("leiden"):
            mod = r.get("modularity")
            detail = (f"n_iterations={r.get('n_iterations')}, {r.get('communities'):,} communities, "
                      f"modularity {mod:.4f}" if isinstance(mod, float) else f"modularity: {mod}")
        elif name == "betweenness":
            detail = f"epsilon 0.01: {r.get('samples'):,} samples, vertex diameter bound {r.get('vertex_diameter'):,}"
        elif name == "leaders":
            detail = (f"{r.get('persons_ranked'):,} persons ranked; precision@{r.get('true_leaders')} "
                      f"{r.get('precision_at_k'):.2f}, organisation members in top {r.get('true_leaders')}: "
                      f"{r.get('members_in_top_k')}")
        row(label, r, "kernel", r["peak"], detail)
    return rows


def total(res: dict) -> tuple:
    """Wall and CPU seconds of the pipeline a user runs (CSV load + view, then the kernels measured among
    PageRank, Leiden with 2 iterations, betweenness and rl.leaders; not generation, save, the binary load
    or Leiden's default) and the names of the parts included."""
    s = res["steps"]
    wall = cpu = 0.0
    parts = []
    if "csv" in s and "read_csv_s" in s["csv"]:
        wall += s["csv"]["read_csv_s"] + s["csv"]["view_s"]
        cpu += s["csv"].get("read_csv_cpu", float("nan")) + s["csv"].get("view_cpu", float("nan"))
        parts.append("CSV load + view")
    for k, label in (("pagerank", "PageRank"), ("leiden2", "Leiden (2 iterations)"),
                     ("betweenness", "betweenness"), ("leaders", "rl.leaders")):
        if k in s and "kernel_s" in s[k]:
            wall += s[k]["kernel_s"]
            cpu += s[k].get("kernel_cpu", float("nan"))
            parts.append(label)
    return wall, cpu, parts


NOTE = ("Machine: 2 cores, 24 GB; the runs of 2026-12-06 from 11:00 UTC had the machine to themselves (the "
        "earlier ones shared it with five compiling helper sessions and were 2-8x slower); single runs. Peak = "
        "maximum resident set size (ru_maxrss) of the fresh process that ran the step: a kernel step holds the "
        "loaded network and the collapsed view its first call builds (not the network's uncollapsed compute "
        "view, which no kernel here reads). threads=2 everywhere.")


def report(commit: bool) -> None:
    results = []
    for f in sorted(os.listdir(OUT)):
        if f.startswith("national-") and f.endswith(".json"):
            res = json.load(open(os.path.join(OUT, f)))
            summary = os.path.join(OUT, f"national_{res['calls']}", "summary.json")
            if os.path.exists(summary):
                res["generate"] = json.load(open(summary))
            results.append(res)
    results.sort(key=lambda r: r["calls"])
    lines = ["# National-scale call network: one machine", "", NOTE, "",
             "Generated by `bench/national_gen.py` (seed 1; persons, phones, `uses` subscriber edges, timestamped "
             "calls, a few criminal organisations with known leaders), run by `make bench-national` "
             "(`bench/national.py`).", ""]
    for res in results:
        lines += [f"## {human(res['calls'])} calls ({res.get('when', '')})", "",
                  "| step | wall (s) | CPU (s) | peak RSS (GiB) | detail |", "|---|---:|---:|---:|---|"]
        lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in step_rows(res)]
        peaks = [v.get("peak", 0) for v in res["steps"].values() if isinstance(v, dict)]
        wall, cpu, parts = total(res)
        lines += ["", f"{' + '.join(parts)}: **{wall:.0f} s** wall clock, {cpu:.0f} s CPU (an idle 2-core machine "
                      f"needs at most the CPU time, I/O aside); largest peak "
                      f"**{gb(max(peaks, default=0))} GiB**.", ""]
        if any("error" in v for v in res["steps"].values() if isinstance(v, dict)):
            lines += ["Failed steps: their linear extrapolation from the largest scale measured is in "
                      "[growth.md](growth.md).", ""]
    md = "\n".join(lines) + "\n"
    open(os.path.join(OUT, "national.md"), "w").write(md)
    growth_md = growth(results)
    print(md)
    print(growth_md)
    if commit:
        os.makedirs(RESULTS, exist_ok=True)
        for f in ("national.md", "growth.md", "growth.png"):
            if os.path.exists(os.path.join(OUT, f)):
                shutil.copy(os.path.join(OUT, f), os.path.join(RESULTS, f))


GROWTH = (("load CSV", "csv", "read_csv_s", "read_csv_peak"), ("load binary", "binary", "load_s", "load_peak"),
          ("compute view", "binary", "view_s", "view_peak"), ("PageRank", "pagerank", "kernel_s", "peak"),
          ("PageRank warm", "pagerank", "warm_s", "peak"), ("Leiden n_iterations=2", "leiden2", "kernel_s", "peak"),
          ("approx. betweenness", "betweenness", "kernel_s", "peak"))


def growth(results: list) -> str:
    pts = {name: [] for name, *_ in GROWTH}
    for res in results:
        edges = res["steps"].get("binary", res["steps"].get("csv", {})).get("edges")
        for name, step, tk, pk in GROWTH:
            r = res["steps"].get(step, {})
            if edges and tk in r:
                pts[name].append((edges, r[tk], r[pk], r.get(tk.replace("_s", "_cpu"))))
    lines = ["# How cost grows with the network", "", NOTE, "",
             "Edges = calls + one `uses` edge per phone. Time per million edges stays flat when growth is linear.",
             "", "| step | edges | wall (s) | CPU (s) | CPU s per M edges | peak RSS (GiB) | bytes per edge |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, p in pts.items():
        for e, t, m, c in p:
            cs = "" if c is None else f"{c:.2f} | {c / e * 1e6:.2f}"
            lines.append(f"| {name} | {e:,} | {t:.2f} | {cs or ' | '} | {gb(m)} | {m / e:.0f} |")
    target = 110_000_000  # 100M calls + 10M uses
    ext = [(name, p[-1]) for name, p in pts.items() if p and p[-1][0] < target]
    if ext:
        lines += ["", f"Not measured at {target:,} edges (100M calls): linear extrapolation from the largest scale "
                      "measured (per-edge CPU time and per-edge peak memory kept):", "",
                  "| step | from edges | CPU (s) at 110M | peak RSS (GiB) at 110M |", "|---|---:|---:|---:|"]
        for name, (e, t, m, c) in ext:
            cs = "" if c is None else f"{c * target / e:.0f}"
            lines.append(f"| {name} | {e:,} | {cs} | {m * target / e / 2**30:.1f} |")
    md = "\n".join(lines) + "\n"
    open(os.path.join(OUT, "growth.md"), "w").write(md)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return md
    fig, ax = plt.subplots(1, 2, figsize=(8, 3.2), dpi=90)
    for name, p in pts.items():
        if p:
            e = [x[0] for x in p]
            c = [(x[0], x[3]) for x in p if x[3] is not None]
            if c:
                ax[0].loglog([x[0] for x in c], [x[1] for x in c], "o-", label=name, ms=4)
            ax[1].loglog(e, [x[2] / 2**30 for x in p], "o-", label=name, ms=4)
    if any(pts.values()):
        lo = min(x[0] for p in pts.values() for x in p)
        hi = max(x[0] for p in pts.values() for x in p)
        for a in ax:
            y0 = a.get_ylim()[0]
            a.loglog([lo, hi], [y0 * 2, y0 * 2 * hi / lo], "k:", lw=1, label="linear")
    ax[1].axhline(12, color="r", ls="--", lw=0.8, label="12 GiB goal")
    ax[1].legend(fontsize=6)
    ax[0].set(xlabel="edges", ylabel="CPU seconds (all threads)", title="time")
    ax[1].set(xlabel="edges", ylabel="GiB (peak RSS)", title="memory")
    ax[0].legend(fontsize=6)
    fig.suptitle("ringleader, national call network (2 cores)", fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "growth.png"))
    return md


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, nargs="*", default=[])
    ap.add_argument("--steps", nargs="*", default=list(STEPS), choices=STEPS)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--leiden-iterations", type=int, default=None)
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--max-memory", type=float, default=None,
                    help="GB: RINGLEADER_MEMORY_LIMIT for every step, address space capped 1 GB above it")
    ap.add_argument("--report", action="store_true", help="only write the tables and plot from the JSON files")
    ap.add_argument("--commit", action="store_true", help="copy tables and plot to bench/results/")
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if not a.report:
        for calls in a.calls:
            run_scale(calls, a)
    report(a.commit)


if __name__ == "__main__":
    main()
