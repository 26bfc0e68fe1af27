"""Speed and peak memory of the rl.resolve kernels at national scale.

    python3 bench/resolve/scale.py --phones 1000000 --calls 10000000 [--threads 0] [--network] [--multi 0.1]
    python3 bench/resolve/scale.py --phones 10000000 --calls 100000000 --multi 0.1 --network-only \
        [--no-sightings] [--no-edge-evidence]

Builds a synthetic call record directly as arrays (numpy, seeded): persons
with 1-3 phones each used in turn (rotation), ~10 contacts per person,
calls uniform over 180 days from the phone active at the time, a
located_at sighting per call (the caller's home cell, 20 % elsewhere),
handsets (60 % of persons keep all SIMs in one) and SIM boxes of 16 SIMs
(2 % of phones).  Times each kernel as rl.resolve.candidates runs it
(shared handset, succession, co-location) and the clustering of merge,
and the peak resident memory (ru_maxrss).  With --network it also builds a
Network of the same data (from arrays, in the core), saves it to
bench/out/resolve_<phones>.rlnet and, in a fresh process that loads it
(rl.load), times rl.resolve.candidates and merge end to end: that
process's peak is theirs plus the loaded network's.
"""
import argparse
import os
import resource
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd

import ringleader as rl
from ringleader import _core
from ringleader.network import wrap  # internal: a Network over a core one built from arrays

DAY = 86400 * 10**9
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "out")


def synth(phones: int, calls: int, seed: int = 1, multi=None):
    rng = np.random.default_rng(seed)
    if multi is None:   # 1-3 phones per person, uniform (heavy rotation: 2 in 3 persons switch numbers)
        per = rng.integers(1, 4, size=phones // 2)
    else:               # a share `multi` of persons with 2-3 phones, the others one
        per = np.where(rng.random(phones) < multi, rng.integers(2, 4, size=phones), 1)
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
    """This process's peak resident memory in GiB: VmHWM (reset by exec, unlike ru_maxrss, which a child
    started by subprocess inherits from its parent), else ru_maxrss."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--phones", type=int, default=1_000_000)
    ap.add_argument("--calls", type=int, default=10_000_000)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--network", action="store_true")
    ap.add_argument("--multi", type=float, default=None,
                    help="share of persons with 2-3 phones used in turn, the others one (default: 1-3 phones, "
                         "uniform); 0.1 gives bench/national_gen.py's 1.15 phones per person")
    ap.add_argument("--network-only", action="store_true", help="skip the kernels-alone timing")
    ap.add_argument("--no-sightings", action="store_true",
                    help="the Network without the located_at sightings (calls and handsets only)")
    ap.add_argument("--no-edge-evidence", action="store_true",
                    help="merge(edge_evidence=False): the new edges get `inferred` only, not `evidence` and `score`")
    ap.add_argument("--resolve", metavar="RLNET", help=argparse.SUPPRESS)  # the child process of --network
    a = ap.parse_args(argv)
    if a.resolve:
        return resolve(a.resolve, a.threads, not a.no_edge_evidence)
    t0 = time.perf_counter()
    d = synth(a.phones, a.calls, multi=a.multi)
    print(f"synthetic: {d['n_ph']} phones, {len(d['src'])} calls, {time.perf_counter() - t0:.1f}s, "
          f"peak {peak_gb():.2f} GB", flush=True)
    if not a.network_only:
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
        del h, s, c, pa, pb, sc, keep
    if a.network or a.network_only:
        network_end_to_end(d, a.threads, sightings=not a.no_sightings, edge_evidence=not a.no_edge_evidence)


def network_end_to_end(d: dict, threads: int, sightings: bool = True, edge_evidence: bool = True) -> None:
    """Builds a Network of the synthetic records (calls, located_at
    sightings, in_device edges) from arrays in the core - at 100M calls the
    pandas constructor would take far longer than what is measured - then
    times rl.resolve.candidates and rl.resolve.merge on it."""
    n, n_ph = d["n"], d["n_ph"]
    n_cells = n - 2 * n_ph
    ids = [f"ph{i}" for i in range(n_ph)] + [f"cell{i}" for i in range(n_cells)] + [f"dev{i}" for i in range(n_ph)]
    types = np.repeat(np.arange(3, dtype=np.uint16), [n_ph, n_cells, n_ph])
    m = len(d["src"])
    ms = m if sightings else 0
    src = np.concatenate([d["src"], d["src"][:ms], np.arange(n_ph, dtype=np.uint32)])
    dst = np.concatenate([d["dst"], d["cell"][:ms], d["dev"]])
    etype = np.repeat(np.arange(3, dtype=np.uint16), [m, ms, n_ph])
    ts = np.concatenate([d["t"], d["t"][:ms], np.full(n_ph, np.iinfo(np.int64).min, dtype=np.int64)])
    for k in ("src", "dst", "cell", "dev", "t"):
        del d[k]
    t = time.perf_counter()
    core = _core.from_arrays(True, ids, types, ["phone", "cell", "device"], None, [], src, dst, etype,
                             ["call", "located_at", "in_device"], np.ones(len(src)), ts, None, [])
    del ids, src, dst, etype, ts
    net = wrap(core)
    print(f"network built from arrays in {time.perf_counter() - t:.1f}s: {net.number_of_nodes():,} nodes, "
          f"{net.number_of_edges():,} edges; peak {peak_gb():.2f} GB", flush=True)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f"resolve_{n_ph}{'' if sightings else '_calls'}.rlnet")
    net.save(path)
    del net, core
    # candidates and merge in a fresh process, so that its peak is their own (plus the loaded network)
    subprocess.run([sys.executable, os.path.abspath(__file__), "--resolve", path, "--threads", str(threads)]
                   + ([] if edge_evidence else ["--no-edge-evidence"]), check=True)


def resolve(path: str, threads: int, edge_evidence: bool = True) -> None:
    """rl.load(path) (memory-mapped), then rl.resolve.candidates and merge,
    each timed, with the process's peak resident memory after each."""
    t = time.perf_counter()
    net = rl.load(path)
    print(f"loaded {net.number_of_nodes():,} nodes, {net.number_of_edges():,} edges in "
          f"{time.perf_counter() - t:.1f}s; peak {peak_gb():.2f} GB", flush=True)
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rl.resolve.ResolveWarning)
        cand = rl.resolve.candidates(net, threads=threads)
    tc = time.perf_counter() - t
    print(f"candidates {tc:.1f}s ({len(cand):,} pairs); peak {peak_gb():.2f} GB", flush=True)
    t = time.perf_counter()
    resolved, mapping = rl.resolve.merge(net, cand, edge_evidence=edge_evidence)
    tm = time.perf_counter() - t
    own = len(mapping.attrs["own_numbers"])
    print(f"merge {tm:.1f}s ({mapping.nunique() - own:,} persons formed by merges, {own:,} phones' persons of "
          f"their own, {resolved.number_of_edges():,} edges); "
          f"candidates + merge {tc + tm:.1f}s; peak {peak_gb():.2f} GB", flush=True)


if __name__ == "__main__":
    main()
