"""A national-scale call network in the shared schema (persons, phones,
``uses`` subscriber edges, timestamped ``call`` edges), generated with numpy
from a seed and written straight to CSV files, chunk by chunk, so that 10
million phones and 100 million calls take a few minutes and little memory.

    python3 bench/national_gen.py OUT_DIR --calls 100000000 --seed 1

Model (every step vectorised; only the few organisations are looped over):

* ``n_phones = calls // calls_per_phone`` (default 10) phones and
  ``n_persons = round(n_phones / phones_per_person)`` (default 1.15) persons.
  Phone i < n_persons is person i's first phone; every further phone goes to a
  person drawn uniformly, so most persons have one phone and some several.
  Every person is a registered subscriber (``uses`` edge person -> phone,
  node attribute ``registered`` = 1).
* Call degrees are heavy tailed: each phone has an activity weight drawn from
  a Pareto law (tail exponent ``alpha``, default 2.1, capped at
  sqrt(calls)); a call's caller is drawn in proportion to the weights.
  The callee is drawn in proportion to the weights too, with probability
  ``p_local`` (default 0.8) inside the caller's *town* (blocks of
  ``town_size`` phones, default 2000, in an order hidden by the id
  shuffle), otherwise nationally.  Self-calls move to the next phone.
* ``n_orgs = max(3, n_persons // 200_000)`` criminal organisations of 20-80
  members drawn from the population: one boss, 2-4 managers, teams (2-6)
  each with a team leader and operators.  Boss <-> managers, managers <->
  managers, manager <-> the team leaders of its teams, team leader <->
  operators and operators inside a team call each other Poisson(15, 10, 10,
  8, 3) times over the period (on each member's first phone), on top of
  their ordinary calls.  Leaders (``truth.attrs["leader_roles"]``) are the
  bosses and managers.
* Timestamps: Unix seconds uniform over ``days`` (default 180) from
  2024-01-01 UTC.  Ids are fixed width (``p0000042``, ``ph00000042``) and
  phone ids are a random permutation of the phone indices.

Files written: ``edges.csv`` (``source,target,type,timestamp``: the ``uses``
rows then the calls), ``nodes.csv`` (``id,type,registered``),
``truth.parquet`` (persons: ``role``, ``group``, ``team``, ``observed``, index
``id``) and ``identifiers.parquet`` (the contract's
``truth.attrs["identifiers"]``: index phone id, ``user``, ``type``, ``start``,
``end``), ``truth.json`` (the truth's attrs).  :func:`read_truth` gives the
truth back in the shared form (``truth.attrs["identifiers"]`` set).
Reproducible: the same seed and sizes give the same bytes (each chunk of
calls has its own generator seeded from (seed, chunk)).
"""
from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np
import pandas as pd

START = 1704067200  # 2024-01-01T00:00:00Z
CHUNK = 5_000_000
LEADER_ROLES = ("boss", "manager")
ROLE_CALLS = {"boss-manager": 15, "manager-manager": 10, "manager-team_leader": 10, "team_leader-operator": 8,
              "operator-operator": 3}


_TABLE = np.array([list(f"{i:04d}".encode()) for i in range(10000)], dtype=np.uint8)  # i -> 4 ASCII digits


def _digits(x: np.ndarray, width: int) -> np.ndarray:
    """Non-negative integers as zero-padded ASCII, an (n, width) uint8 array
    (four digits per table look-up)."""
    out = np.empty((len(x), width), dtype=np.uint8)
    x = x.astype(np.int64, copy=True)
    end = width
    while end > 0:
        k = min(4, end)
        out[:, end - k:end] = _TABLE[x % 10000][:, 4 - k:]
        x //= 10000
        end -= k
    return out


def _rows(*cols) -> bytes:
    """Fixed-width CSV rows: each item an (n, w) uint8 array or a bytes constant."""
    n = next(len(c) for c in cols if isinstance(c, np.ndarray))
    parts = [c if isinstance(c, np.ndarray) else np.broadcast_to(np.frombuffer(c, np.uint8), (n, len(c)))
             for c in cols]
    return np.hstack(parts).tobytes()


class Population:
    """Sizes, phone owners, activity weights and organisations (everything
    but the calls), from the seed."""

    def __init__(self, calls: int, seed: int = 1, calls_per_phone: float = 10.0, phones_per_person: float = 1.15,
                 alpha: float = 2.1, p_local: float = 0.8, town_size: int = 2000, days: int = 180):
        if calls < 1000:
            raise ValueError(f"calls must be at least 1000, not {calls}")
        self.calls, self.seed, self.days = int(calls), int(seed), int(days)
        self.p_local, self.town_size, self.alpha = float(p_local), int(town_size), float(alpha)
        self.n_phones = max(100, int(calls // calls_per_phone))
        self.n_persons = max(50, int(round(self.n_phones / phones_per_person)))
        rng = np.random.default_rng([self.seed, 0])
        extra = rng.integers(0, self.n_persons, self.n_phones - self.n_persons)
        self.owner = np.concatenate([np.arange(self.n_persons), extra]).astype(np.int64)
        w = (1.0 - rng.random(self.n_phones)) ** (-1.0 / (alpha - 1.0))
        w = np.minimum(w, np.sqrt(calls))
        self.cum = np.cumsum(w)
        self.phone_perm = rng.permutation(self.n_phones)  # phone index -> id number
        self.pw = len(str(self.n_phones - 1))
        self.qw = len(str(self.n_persons - 1))
        self._organisations(rng)
        self.params = dict(calls=self.calls, calls_per_phone=calls_per_phone, phones_per_person=phones_per_person,
                           alpha=alpha, p_local=p_local, town_size=town_size, days=days,
                           n_phones=self.n_phones, n_persons=self.n_persons, n_orgs=self.n_orgs)

    def _organisations(self, rng):
        self.n_orgs = max(3, self.n_persons // 200_000)
        sizes = rng.integers(20, 81, self.n_orgs)
        members = rng.choice(self.n_persons, int(sizes.sum()), replace=False)
        self.role = np.full(self.n_persons, "outsider", dtype=object)
        self.group = np.full(self.n_persons, -1, dtype=np.int64)
        self.team = np.full(self.n_persons, -1, dtype=np.int64)
        pairs, kinds = [], []
        at = 0
        for g, size in enumerate(sizes):
            m = members[at:at + size]
            at += size
            n_man = int(rng.integers(2, 5))
            n_team = int(rng.integers(2, 7))
            boss, man, rest = m[0], m[1:1 + n_man], m[1 + n_man:]
            team_of = np.arange(len(rest)) % n_team
            leaders = rest[:n_team]  # first of each team
            self.role[boss], self.role[man] = "boss", "manager"
            self.role[rest] = "operator"
            self.role[leaders] = "team_leader"
            self.group[m] = g
            self.team[rest] = team_of
            pairs += [(boss, x, "boss-manager") for x in man]
            pairs += [(a, b, "manager-manager") for i, a in enumerate(man) for b in man[i + 1:]]
            pairs += [(man[t % n_man], leaders[t], "manager-team_leader") for t in range(n_team)]
            for t in range(n_team):
                ops = rest[n_team:][team_of[n_team:] == t]
                pairs += [(leaders[t], o, "team_leader-operator") for o in ops]
                pairs += [(a, b, "operator-operator") for i, a in enumerate(ops) for b in ops[i + 1:]]
        a = np.array([p[0] for p in pairs], dtype=np.int64)
        b = np.array([p[1] for p in pairs], dtype=np.int64)
        lam = np.array([ROLE_CALLS[p[2]] for p in pairs], dtype=float)
        k = rng.poisson(lam)
        a, b = np.repeat(a, k), np.repeat(b, k)
        flip = rng.random(len(a)) < 0.5
        self.org_src = np.where(flip, b, a)  # person indices -> their first phone = same index
        self.org_tgt = np.where(flip, a, b)

    def plan(self, n: int, rng) -> tuple:
        """The callers of n background calls (phone indices, in phone order),
        which calls stay in the caller's town (probability p_local) and the
        national callees (in random order).  Callers and national callees
        are multinomial counts over the phones' weights, drawn once for all
        chunks: no random-order search in the weight table (on a loaded
        machine that misses the cache at every step)."""
        p = np.diff(self.cum, prepend=0.0) / self.cum[-1]
        idx = np.arange(self.n_phones, dtype=np.int32)
        src = np.repeat(idx, rng.multinomial(n, p))
        local = rng.random(n) < self.p_local
        nat = rng.permutation(np.repeat(idx, rng.multinomial(n - int(local.sum()), p)))
        return src, local, nat

    def draw_calls(self, src: np.ndarray, local: np.ndarray, nat: np.ndarray, rng) -> tuple:
        """Callees of one chunk of calls (see :meth:`plan`): town callees by
        weight inside the caller's town (searched in caller order, so each
        search stays in its town's part of the table), the others from
        `nat`; then the chunk's rows are shuffled."""
        n = len(src)
        s = src[local].astype(np.int64)
        town = s // self.town_size
        lo = np.where(town > 0, self.cum[np.maximum(town * self.town_size - 1, 0)], 0.0)
        hi = self.cum[np.minimum((town + 1) * self.town_size, self.n_phones) - 1]
        tgt = np.empty(n, dtype=np.int64)
        tgt[local] = np.searchsorted(self.cum, lo + rng.random(len(s)) * (hi - lo), side="right")
        tgt[~local] = nat
        np.minimum(tgt, self.n_phones - 1, out=tgt)
        src = src.astype(np.int64)
        same = src == tgt
        tgt[same] = (tgt[same] + 1) % self.n_phones
        order = rng.permutation(n)
        return src[order], tgt[order]

    def times(self, n: int, rng) -> np.ndarray:
        return START + rng.integers(0, self.days * 86400, n)

    def phone_id_digits(self, idx):
        return _digits(self.phone_perm[idx], self.pw)

    def person_ids(self, idx) -> np.ndarray:
        return np.char.add("p", np.char.zfill(np.asarray(idx).astype(str), self.qw)).astype(object)

    def phone_ids(self, idx) -> np.ndarray:
        return np.char.add("ph", np.char.zfill(self.phone_perm[idx].astype(str), self.pw)).astype(object)


def write(out: str, calls: int, seed: int = 1, **options) -> dict:
    """Writes the network and its truth to folder `out`; returns a summary
    (sizes, seconds, bytes)."""
    t0, c0 = time.perf_counter(), time.process_time()
    os.makedirs(out, exist_ok=True)
    pop = Population(calls, seed, **options)
    n_bg = calls - len(pop.org_src)
    with open(os.path.join(out, "edges.csv.tmp"), "wb") as f:
        f.write(b"source,target,type,timestamp\n")
        rng = np.random.default_rng([pop.seed, 1])
        for s in range(0, pop.n_phones, CHUNK):
            idx = np.arange(s, min(s + CHUNK, pop.n_phones))
            f.write(_rows(b"p", _digits(pop.owner[idx], pop.qw), b",ph", pop.phone_id_digits(idx), b",uses,",
                          _digits(pop.times(len(idx), rng), 10), b"\n"))
        rng = np.random.default_rng([pop.seed, 2])
        f.write(_rows(b"ph", pop.phone_id_digits(pop.org_src), b",ph", pop.phone_id_digits(pop.org_tgt), b",call,",
                      _digits(pop.times(len(pop.org_src), rng), 10), b"\n"))
        src, local, nat = pop.plan(n_bg, np.random.default_rng([pop.seed, 3]))
        at = 0
        for c, s in enumerate(range(0, n_bg, CHUNK)):
            rng = np.random.default_rng([pop.seed, 4, c])
            e = min(s + CHUNK, n_bg)
            k = int((~local[s:e]).sum())
            a, b = pop.draw_calls(src[s:e], local[s:e], nat[at:at + k], rng)
            at += k
            f.write(_rows(b"ph", pop.phone_id_digits(a), b",ph", pop.phone_id_digits(b), b",call,",
                          _digits(pop.times(len(a), rng), 10), b"\n"))
        del src, local, nat
    os.replace(os.path.join(out, "edges.csv.tmp"), os.path.join(out, "edges.csv"))
    with open(os.path.join(out, "nodes.csv"), "wb") as f:
        f.write(b"id,type,registered\n")
        for s in range(0, pop.n_persons, CHUNK):
            idx = np.arange(s, min(s + CHUNK, pop.n_persons))
            f.write(_rows(b"p", _digits(idx, pop.qw), b",person,1\n"))
        for s in range(0, pop.n_phones, CHUNK):  # in id order, which says nothing of the call order
            f.write(_rows(b"ph", _digits(np.arange(s, min(s + CHUNK, pop.n_phones)), pop.pw), b",phone,\n"))
    _write_truth(out, pop)
    summary = {"calls": calls, "uses": pop.n_phones, "edges": calls + pop.n_phones, "phones": pop.n_phones,
            "persons": pop.n_persons, "orgs": pop.n_orgs, "org_calls": int(len(pop.org_src)),
            "seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
            "csv_bytes": sum(os.path.getsize(os.path.join(out, f)) for f in ("edges.csv", "nodes.csv"))}
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f)
    return summary


def _write_truth(out: str, pop: Population) -> None:
    idx = np.arange(pop.n_persons)
    truth = pd.DataFrame({"role": pop.role, "group": pop.group, "team": pop.team, "observed": True},
                         index=pd.Index(pop.person_ids(idx), name="id"))
    truth.to_parquet(os.path.join(out, "truth.parquet"))
    ph = np.arange(pop.n_phones)
    t0, t1 = pd.Timestamp(START, unit="s", tz="UTC"), pd.Timestamp(START + pop.days * 86400, unit="s", tz="UTC")
    ident = pd.DataFrame({"user": pop.person_ids(pop.owner), "type": "phone", "start": t0, "end": t1},
                         index=pd.Index(pop.phone_ids(ph), name="id"))
    ident.to_parquet(os.path.join(out, "identifiers.parquet"))
    attrs = {"seed": pop.seed, "family": "national", "leader_roles": list(LEADER_ROLES), "params": pop.params,
             "missing": {"noise": 0.0, "missing_edges": 0.0, "missing_persons": 0.0, "spurious_edges": 0.0},
             "identity": {"rotation": 0.0, "shared_handsets": 0.0, "sim_boxes": 0.0, "false_subscribers": 0.0,
                          "missing_subscribers": 0.0}}
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(attrs, f, indent=1)


def read_truth(out: str) -> pd.DataFrame:
    """The truth written by :func:`write`, in the shared form: persons indexed
    by id with ``role``, ``group``, ``team``, ``observed``; ``attrs`` with
    ``leader_roles``, ``params``, ``identity`` and ``identifiers``."""
    truth = pd.read_parquet(os.path.join(out, "truth.parquet"))
    with open(os.path.join(out, "truth.json")) as f:
        attrs = json.load(f)
    attrs["leader_roles"] = tuple(attrs["leader_roles"])
    truth.attrs.update(attrs)
    truth.attrs["identifiers"] = pd.read_parquet(os.path.join(out, "identifiers.parquet"))
    return truth


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--calls", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    print(json.dumps(write(a.out, a.calls, a.seed)))


if __name__ == "__main__":
    main()
