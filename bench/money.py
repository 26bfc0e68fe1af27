"""Freeze plans and money tracing at scale.

    python3 bench/money.py [--accounts N] [--transfers M] [--quick]

Generates a layered transfer network (victims -> mules -> layering accounts
-> collection accounts -> wallets, plus ordinary accounts paying each other
at random, lognormal amounts, random timestamps over 180 days; default
1,000,000 accounts and 5,000,000 transfers), then times, on 2 threads:
rl.money.freeze_plan (minimum transfer cut and minimum account cut: max flow
with Boost.Graph's Boykov-Kolmogorov), the greedy k=5 account plan, and
rl.money.trace (proportional rule).  For reference it times igraph's
maximum flow value (push-relabel) on the same aggregated network.  Writes
OUT/results-money.md.
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


def generate(n_accounts, n_transfers, seed=1):
    rng = np.random.default_rng(seed)
    sizes = {"victim": n_accounts // 5, "mule": n_accounts // 20, "layer": n_accounts // 50,
             "collect": max(1, n_accounts // 1000), "wallet": max(1, n_accounts // 10000)}
    start, groups = 0, {}
    for k, s in sizes.items():
        groups[k] = np.arange(start, start + s)
        start += s
    ordinary = np.arange(start, n_accounts)
    share = {("victim", "mule"): 0.08, ("mule", "layer"): 0.16, ("layer", "layer"): 0.08, ("layer", "collect"): 0.04,
             ("collect", "wallet"): 0.002}
    src, dst = [], []
    for (a, b), f in share.items():
        m = int(n_transfers * f)
        src.append(rng.choice(groups[a], m))
        dst.append(rng.choice(groups[b], m))
    rest = n_transfers - sum(len(x) for x in src)
    everyone = np.arange(n_accounts)
    src.append(rng.choice(np.concatenate([ordinary, groups["mule"]]), rest))
    dst.append(rng.choice(everyone, rest))
    src, dst = np.concatenate(src), np.concatenate(dst)
    keep = src != dst
    src, dst = src[keep], dst[keep]
    amount = np.round(rng.lognormal(np.log(2000), 1.0, len(src)), 2)
    ts = pd.Timestamp("2024-01-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 180 * 86400, len(src)), unit="s")
    edges = pd.DataFrame({"source": src.astype(str), "target": dst.astype(str), "type": "transfer",
                          "amount": amount, "timestamp": ts})
    return edges, groups


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--accounts", type=int, default=1_000_000)
    ap.add_argument("--transfers", type=int, default=5_000_000)
    ap.add_argument("--quick", action="store_true", help="100,000 accounts, 500,000 transfers")
    ap.add_argument("--out", default=str(HERE / "out"))
    a = ap.parse_args(argv)
    if a.quick:
        a.accounts, a.transfers = 100_000, 500_000
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    import ringleader as rl
    t = time.perf_counter()
    edges, groups = generate(a.accounts, a.transfers)
    net = rl.Network.from_pandas(edges, directed=True)
    t_build = time.perf_counter() - t
    present = set(net.node_index)
    victims = [v for v in groups["victim"].astype(str) if v in present]
    wallets = [w for w in groups["wallet"].astype(str) if w in present]
    rows = []

    def timed(name, f):
        t0 = time.perf_counter()
        r = f()
        rows.append((name, time.perf_counter() - t0, r))
        print(f"  {name}: {rows[-1][1]:.2f} s", flush=True)
        return r

    p1 = timed("freeze_plan(cut='transfers')", lambda: rl.money.freeze_plan(net, victims, wallets))
    p2 = timed("freeze_plan(cut='accounts')", lambda: rl.money.freeze_plan(net, victims, wallets, cut="accounts"))
    p3 = timed("freeze_plan(cut='accounts', k=5)",
               lambda: rl.money.freeze_plan(net, victims, wallets, cut="accounts", k=5))
    tr = timed("trace(rule='proportional')", lambda: rl.money.trace(net, victims))
    ig_line = "igraph not installed"
    try:
        import igraph as ig
        agg = edges.assign(s=edges.source.astype(np.int64), t=edges.target.astype(np.int64)).groupby(
            ["s", "t"]).amount.sum().reset_index()
        n = a.accounts + 2
        S, T = n - 2, n - 1
        vi, wi = np.asarray(victims, dtype=np.int64), np.asarray(wallets, dtype=np.int64)
        src = np.concatenate([agg.s.to_numpy(), np.full(len(vi), S), wi])
        dst = np.concatenate([agg.t.to_numpy(), vi, np.full(len(wi), T)])
        big = float(agg.amount.sum()) + 1
        cap = np.concatenate([agg.amount.to_numpy(), np.full(len(victims), big), np.full(len(wallets), big)])
        g = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=True)
        t0 = time.perf_counter()
        v = g.maxflow_value(S, T, capacity=cap.tolist())
        ti = time.perf_counter() - t0
        ig_line = (f"igraph {ig.__version__} `maxflow_value` (push-relabel, 1 thread) on the same aggregated network: "
                   f"{ti:.2f} s, value {v:,.2f} (ringleader {p1.total:,.2f}); ratio to ringleader's transfer cut "
                   f"{ti / rows[0][1]:.2f}x")
    except ImportError:
        pass
    lines = [f"# Money benchmark — {datetime.datetime.now():%Y-%m-%d %H:%M}", "",
             f"`python3 bench/money.py{' --quick' if a.quick else ''}` on {platform.node()}, "
             f"{os.cpu_count()} cores.  Transfer network: {net.number_of_nodes():,} accounts, "
             f"{net.number_of_edges():,} transfers ({len(victims):,} victim accounts as sources, "
             f"{len(wallets):,} wallets as sinks); built in {t_build:.1f} s (not timed below).", "",
             "| call | time (s) | result |", "|---|---:|---|"]
    for name, secs, r in rows:
        if hasattr(r, "total"):
            res = (f"total {r.total:,.2f}, stopped {r.stopped:,.2f}, remaining {r.remaining:,.2f}, "
                   f"cut of {len(r.cut):,} items, capacity {r.capacity:,.2f}")
        else:
            res = f"emitted {r.emitted:,.2f}, held by the top account {r.accounts.held.iloc[0]:,.2f}"
        lines.append(f"| `{name}` | {secs:.2f} | {res} |")
    lines += ["", ig_line, "", f"Peak RSS of the process: {rss_mb():,.0f} MB."]
    text = "\n".join(lines) + "\n"
    write(a.out, "results-money.md", text)


if __name__ == "__main__":
    main()
