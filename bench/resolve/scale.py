"""Speed and peak memory of the rl.resolve kernels at national scale.

    python3 bench/resolve/scale.py --phones 1000000 --calls 10000000 [--threads 0] [--network]

Builds a synthetic call record directly as arrays (numpy, seeded): persons
with 1-3 phones each used in turn (rotation), ~10 contacts per person,
calls uniform over 180 days from the phone active at the time, a
located_at sighting per call (the caller's home cell, 20 % elsewhere),
handsets (60 % of persons keep all SIMs in one) and SIM boxes of 16 SIMs
(2 % of phones).  Times each kernel as rl.resolve.candidates runs it
(shared handset, succession, co-location) and the clustering of merge,
and the peak resident memory (ru_maxrss).  With --network it also builds a
Network of the same data and times rl.resolve.candidates and merge end to
end (needs much more memory: use smaller sizes).
"""
import argparse
import resource
import time

import numpy as np
import pandas as pd

import ringleader as rl
from ringleader import _core

DAY = 86400 * 10**9


def synth(phones: int, calls: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    per = rng.integers(1, 4, size=phones // 2)
    per = per[np.cumsum(per) <= phones]
    P = len(per)
    n_ph = int(per.sum())
    owner = np.repeat(np.arange(P), per)                       # phone -> person
    first = np.concatenate([[0], np.cumsum(per)[:-1]])          # first phone of each person
    n_cells = max(10, n_ph // 200)
    n_dev = n_ph
    # vertices: phones 0..n_ph-1, cells, devices
    cell0, dev0 = n_ph, n_ph + n_cells
    n = dev0 + n_dev
    contacts = rng.integers(0, P, size=(P, 10))
    caller = rng.integers(0, P, size=calls)
    callee = contacts[caller, rng.integers(0, 10, size=calls)]
    t = rng.integers(0, 180 * DAY, size=calls, dtype=np.int64)
    slot = np.minimum((t // (180 * DAY // per[caller])), per[caller] - 1)   # the phone in use at t
    src = (first[caller] + slot).astype(np.uint32)
    slot2 = np.minimum((t // (180 * DAY // per[callee])), per[callee] - 1)
    dst = (first[callee] + slot2).astype(np.uint32)
    home = rng.integers(0, n_cells, size=P)
    cell = np.where(rng.random(calls) < 0.8, home[caller], rng.integers(0, n_cells, size=calls)) + cell0
    one = rng.random(P) < 0.6
    dev = np.where(one[owner], first[owner], np.arange(n_ph)) + dev0
    boxed = rng.random(n_ph) < 0.02
    nb = max(1, int(boxed.sum()) // 16)
    dev[boxed] = dev0 + rng.integers(0, nb, size=int(boxed.sum()))  # SIM boxes: shared device slots
    return dict(n=n, n_ph=n_ph, owner=owner, src=src, dst=dst, t=t, cell=cell.astype(np.uint32),
                dev=dev.astype(np.uint32))


def peak_gb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--phones", type=int, default=1_000_000)
    ap.add_argument("--calls", type=int, default=10_000_000)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--network", action="store_true")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    d = synth(a.phones, a.calls)
    print(f"synthetic: {d['n_ph']} phones, {len(d['src'])} calls, {time.perf_counter() - t0:.1f}s, "
          f"peak {peak_gb():.2f} GB", flush=True)
    n, n_ph = d["n"], d["n_ph"]
    is_ph = np.zeros(n, dtype=np.uint8)
    is_ph[:n_ph] = 1
    times = {}
    t = time.perf_counter()
    h = _core.resolve_shared_key(np.arange(n_ph, dtype=np.uint32), d["dev"].astype(np.uint64), 4, a.threads)
    times["handset"] = time.perf_counter() - t
    t = time.perf_counter()
    s = _core.resolve_succession(n, is_ph, d["src"], d["dst"], d["t"], 14 * DAY, DAY, 3, 1000, True, a.threads)
    times["succession"] = time.perf_counter() - t
    t = time.perf_counter()
    c = _core.resolve_colocation(n, d["src"], d["cell"], d["t"], d["src"], d["dst"], 3600 * 10**9, 50, 3, a.threads)
    times["colocation"] = time.perf_counter() - t
    pa = np.concatenate([h["a"], s["a"], c["a"]])
    pb = np.concatenate([h["b"], s["b"], c["b"]])
    sc = np.concatenate([np.full(len(h["a"]), 0.95), 0.9 * np.asarray(s["value"]), 0.6 * np.asarray(c["value"])])
    t = time.perf_counter()
    keep = sc >= rl.resolve.THRESHOLD
    off = np.zeros(n + 1, dtype=np.uint64)
    _core.resolve_cluster(n, pa[keep], pb[keep], sc[keep], off, np.empty(0, np.uint64), 10)
    times["cluster"] = time.perf_counter() - t
    counts = {"handset": len(h["a"]), "succession": len(s["a"]), "colocation": len(c["a"]), "accepted": int(keep.sum())}
    same = d["owner"][pa[keep]] == d["owner"][pb[keep]] if keep.any() else np.array([True])
    print(f"pairs: {counts}; accepted pairs of one synthetic owner: {same.mean():.3f}")
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in times.items()) + f"; total {sum(times.values()):.1f}")
    print(f"peak resident memory {peak_gb():.2f} GB", flush=True)
    if a.network:
        ids = np.array([f"ph{i}" for i in range(n_ph)] + [f"cell{i}" for i in range(n - n_ph - n_ph)]
                       + [f"dev{i}" for i in range(n_ph)], dtype=object)
        types = np.array(["phone"] * n_ph + ["cell"] * (n - 2 * n_ph) + ["device"] * n_ph, dtype=object)
        m = len(d["src"])
        edges = pd.DataFrame({
            "source": np.concatenate([ids[d["src"]], ids[d["src"]], ids[:n_ph]]),
            "target": np.concatenate([ids[d["dst"]], ids[d["cell"]], ids[d["dev"]]]),
            "type": np.repeat(np.array(["call", "located_at", "in_device"], dtype=object), [m, m, n_ph]),
            "timestamp": pd.to_datetime(np.concatenate([d["t"], d["t"], np.full(n_ph, np.datetime64("NaT").astype(
                np.int64))]), utc=True)})
        t = time.perf_counter()
        net = rl.Network.from_pandas(edges, pd.DataFrame({"id": ids, "type": types}), directed=True)
        del edges
        print(f"network built in {time.perf_counter() - t:.1f}s", flush=True)
        t = time.perf_counter()
        cand = rl.resolve.candidates(net, threads=a.threads)
        tc = time.perf_counter() - t
        t = time.perf_counter()
        _, mapping = rl.resolve.merge(net, cand)
        print(f"candidates {tc:.1f}s ({len(cand)} pairs), merge {time.perf_counter() - t:.1f}s "
              f"({mapping.nunique()} persons); peak {peak_gb():.2f} GB")


if __name__ == "__main__":
    main()
