"""What every generator family shares: drawing structural parameters from
documented ranges, collecting persons, other nodes and typed edges, and the
missing-data model (``noise``, ``missing_edges``, ``missing_persons``,
``spurious_edges``) applied the same way to every family."""
from __future__ import annotations

from dataclasses import dataclass

from typing import Mapping, Optional

import numpy as np
import pandas as pd

from .._kernel import seed_of

#: Roles every family maps its own positions onto (API.md's role list).
ROLES = ("boss", "financier", "manager", "team_leader", "operator", "recruiter", "facilitator", "mule", "victim",
         "outsider")

#: Edge types that record an interaction between people (through their
#: phones, accounts or face to face); the others (``uses``, ``owns``,
#: ``located_at``, ``attends``) attach a person to a thing or place.
INTERACTIONS = ("call", "transfer", "meets")

_PREFIX = {"person": "p", "phone": "ph", "account": "ac", "venue": "v", "meeting": "mt", "company": "co"}


def check_share(x, name: str) -> float:
    x = float(x)
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"{name} must be in [0, 1], not {x}")
    return x


def check_size(size) -> int:
    """``size`` (the number of members a family builds) checked: an integer >= 10."""
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 10:
        raise ValueError(f"size must be an integer >= 10, not {size!r}")
    return int(size)


def check_missing(noise, missing_edges, missing_persons, spurious_edges=None) -> tuple:
    """The missing-data arguments checked (shares in [0, 1]; ``spurious_edges``
    in [0, 10], default ``noise``), as floats."""
    noise = check_share(noise, "noise")
    missing_edges = check_share(missing_edges, "missing_edges")
    missing_persons = check_share(missing_persons, "missing_persons")
    spurious_edges = noise if spurious_edges is None else float(spurious_edges)
    if not 0.0 <= spurious_edges <= 10.0:
        raise ValueError(f"spurious_edges must be in [0, 10], not {spurious_edges}")
    return noise, missing_edges, missing_persons, spurious_edges


@dataclass(frozen=True)
class Design:
    """What :func:`start` settled for one network: the seed, the size, the
    family's random generator, its design point and the missing-data
    arguments (passed on to :meth:`Builder.finish_design`)."""
    seed: int
    size: int
    rng: np.random.Generator
    params: dict
    noise: float
    missing_edges: float
    missing_persons: float
    spurious_edges: Optional[float]


def start(size, noise, missing_edges, missing_persons, spurious_edges, seed, params, ranges: Mapping[str, tuple],
          stream: int) -> Design:
    """What every family does first: ``size`` and the missing-data
    arguments checked, the seed (``None``: drawn, see
    :func:`ringleader._kernel.seed_of`), the family's random generator (on
    its own ``stream``) and its design point drawn from ``ranges``
    (``params`` fixes some)."""
    size = check_size(size)
    check_missing(noise, missing_edges, missing_persons, spurious_edges)
    s = seed_of(seed)
    rng = np.random.default_rng([s, stream])
    return Design(s, size, rng, draw(rng, ranges, params), noise, missing_edges, missing_persons, spurious_edges)


def pick(rng: np.random.Generator, people, prob: float) -> list:
    """Each of ``people`` with probability ``prob`` (one uniform draw each, in order)."""
    people = list(people)
    return [x for x, u in zip(people, rng.random(len(people))) if u < prob]


def draw(rng: np.random.Generator, ranges: Mapping[str, tuple], fixed: Optional[Mapping] = None) -> dict:
    """One design point: each parameter drawn from its documented range
    (``(low, high)`` of ints: uniform integer, both ends included; of floats:
    uniform; a list: one of its items), unless ``fixed`` gives it."""
    fixed = dict(fixed or {})
    unknown = set(fixed) - set(ranges)
    if unknown:
        raise ValueError(f"unknown structural parameters {sorted(unknown)}; this family has {sorted(ranges)}")
    out = {}
    for name, r in ranges.items():  # always draw, so a fixed value does not shift the others
        if isinstance(r, list):
            v = r[int(rng.integers(len(r)))]
        elif all(isinstance(x, (int, np.integer)) and not isinstance(x, bool) for x in r):
            v = int(rng.integers(r[0], r[1] + 1))
        else:
            v = float(rng.uniform(r[0], r[1]))
        out[name] = fixed.get(name, v)
    return out


class Builder:
    """Collects one synthetic network: persons with their truth, other
    nodes, and typed, timestamped edges (times in days from ``start``)."""

    def __init__(self, rng: np.random.Generator, prefix: str = "", days: int = 180):
        self.rng = rng
        self.days = days
        self._ids: list = []
        self._types: list = []
        self._truth: list = []
        self._count: dict = {}
        self._edges: list = []
        self.accounts: dict = {}  # holder -> account, see account()

    def node(self, ntype: str) -> str:
        k = self._count.get(ntype, 0)
        self._count[ntype] = k + 1
        nid = f"{_PREFIX.get(ntype, ntype[:3] + '_')}{k}"
        self._ids.append(nid)
        self._types.append(ntype)
        return nid

    def person(self, role: str, group: int = -1, team: int = -1) -> str:
        if role not in ROLES:
            raise AssertionError(f"unknown role {role!r}")
        pid = self.node("person")
        self._truth.append((pid, role, int(group), int(team)))
        return pid

    def edge(self, s: str, t: str, etype: str, day: Optional[float] = None, amount: float = np.nan) -> None:
        if day is None:
            day = self.rng.uniform(0, self.days)
        self._edges.append((s, t, etype, float(day), float(amount)))

    def hold(self, holder: str, thing: str, etype: str, thing_first: bool = False) -> None:
        """A ``uses``/``owns`` edge between a holder and its phone, account or
        company, pointing from the thing to the holder when ``thing_first``
        (the drawn ``ownership_direction``); its day is drawn."""
        day = float(self.rng.uniform(0, self.days))
        if thing_first:
            self.edge(thing, holder, etype, day=day)
        else:
            self.edge(holder, thing, etype, day=day)

    def account(self, holder: str, thing_first: bool = False) -> str:
        """The holder's account in :attr:`accounts`, created (with its
        ``owns`` edge, see :meth:`hold`) on first use."""
        if holder not in self.accounts:
            self.accounts[holder] = self.node("account")
            self.hold(holder, self.accounts[holder], "owns", thing_first)
        return self.accounts[holder]

    def call(self, phones_a, phones_b, day: Optional[float] = None) -> None:
        """A call from one of ``phones_a`` (drawn) to one of ``phones_b``."""
        pa = phones_a[int(self.rng.integers(len(phones_a)))]
        self.edge(pa, phones_b[int(self.rng.integers(len(phones_b)))], "call", day=day)

    def call_persons(self, phones: Mapping[str, list], a: str, b: str, day: Optional[float] = None) -> None:
        """A call from a phone of ``a`` to a phone of ``b`` (see :meth:`call`),
        their phones looked up in ``phones``; none when either has no phone."""
        if phones.get(a) and phones.get(b):
            self.call(phones[a], phones[b], day=day)

    def meeting(self, attendees, venue: str, day: Optional[float] = None) -> Optional[float]:
        """A ``meeting`` node at ``venue`` (``located_at``) attended by
        ``attendees`` (``attends``; repeats dropped) on ``day`` (drawn when
        None); none with fewer than two attendees.  Returns its day, or None."""
        att = list(dict.fromkeys(attendees))
        if len(att) < 2:
            return None
        day = float(self.rng.uniform(0, self.days)) if day is None else day
        mt = self.node("meeting")
        self.edge(mt, venue, "located_at", day=day)
        for a in att:
            self.edge(a, mt, "attends", day=day)
        return day

    def roles(self) -> dict:
        """Each person's role, in creation order."""
        return {pid: r for pid, r, _, _ in self._truth}

    def groups(self) -> dict:
        """Each person's group, in creation order."""
        return {pid: g for pid, _, g, _ in self._truth}

    def persons(self, role=None) -> list:
        return [p for p, r, _, _ in self._truth if role is None or r == role or (not isinstance(role, str) and r in role)]

    def finish_design(self, design: Design, family: str, leader_roles):
        """:meth:`finish` with the seed, design point and missing-data
        arguments of ``design``."""
        return self.finish(family=family, leader_roles=leader_roles, params=design.params, seed=design.seed,
                           noise=design.noise, missing_edges=design.missing_edges,
                           missing_persons=design.missing_persons, spurious_edges=design.spurious_edges)

    def finish(self, *, family: str, leader_roles, params: dict, seed: int, noise: float = 0.0,
               missing_edges: float = 0.0, missing_persons: float = 0.0, spurious_edges: Optional[float] = None,
               start="2024-01-01"):
        """The network and its truth after the missing-data model."""
        return finish(self._ids, self._types, self._truth, self._edges, self.rng, family=family,
                      leader_roles=leader_roles, params=params, seed=seed, noise=noise, missing_edges=missing_edges,
                      missing_persons=missing_persons, spurious_edges=spurious_edges, start=start)


def finish(ids, types, truth_rows, edges, rng, *, family, leader_roles, params, seed, noise=0.0, missing_edges=0.0,
           missing_persons=0.0, spurious_edges=None, start="2024-01-01"):
    """Apply the missing-data model and build ``(net, truth)``.

    In this order, each from ``rng``:
      1. ``missing_persons``: that share of the persons (any role) is not
         observed: the person and its edges are removed (its phones and
         accounts stay: their calls and transfers are still recorded, the
         owner is unknown); the truth keeps it with ``observed=False``.
      2. ``noise``: that share of the interaction edges (call, transfer,
         meets) is misattributed: one end, chosen at random, is replaced by
         a random node of the same type (a wrong number, a wrong account).
      3. ``missing_edges``: that share of all remaining edges is removed.
      4. ``spurious_edges`` (default ``noise``): false interaction edges are
         added, as many as that share of the interaction edges: each copies
         the type and end node types of a random interaction edge, between
         random nodes of those types.
      5. ids, node order and edge order are shuffled (ids are ``p<k>``,
         ``ph<k>``, ``ac<k>``, ... in random order), so nothing but the
         structure tells a leader from anyone else.
    """
    from .._times import to_ns
    from ..network import Network

    noise, missing_edges, missing_persons, spurious_edges = check_missing(noise, missing_edges, missing_persons,
                                                                         spurious_edges)
    ids = np.asarray(ids, dtype=object)
    types = np.asarray(types, dtype=object)
    truth = pd.DataFrame(truth_rows, columns=["id", "role", "group", "team"]).set_index("id")
    e = pd.DataFrame(edges, columns=["source", "target", "type", "day", "amount"])
    # 1. missing persons
    n_p = len(truth)
    n_drop = int(round(missing_persons * n_p))
    dropped = set(truth.index[rng.choice(n_p, n_drop, replace=False)]) if n_drop else set()
    truth["observed"] = ~truth.index.isin(dropped)
    keep_node = ~pd.Index(ids).isin(dropped)
    ids, types = ids[keep_node], types[keep_node]
    e = e[~(e["source"].isin(dropped) | e["target"].isin(dropped))].reset_index(drop=True)
    by_type = {t: ids[types == t] for t in np.unique(types)} if len(ids) else {}
    node_type = dict(zip(ids, types))
    inter = e["type"].isin(INTERACTIONS).to_numpy()
    # 2. misattribution
    if noise > 0 and inter.any():
        rows = np.flatnonzero(inter & (rng.random(len(e)) < noise))
        src, dst = e["source"].to_numpy(dtype=object).copy(), e["target"].to_numpy(dtype=object).copy()
        for i in rows:
            end = src if rng.random() < 0.5 else dst
            pool = by_type[node_type[end[i]]]
            end[i] = pool[int(rng.integers(len(pool)))]
        e["source"], e["target"] = src, dst
        e = e[e["source"] != e["target"]].reset_index(drop=True)
        inter = e["type"].isin(INTERACTIONS).to_numpy()
    # 3. missing edges
    if missing_edges > 0 and len(e):
        keep = rng.random(len(e)) >= missing_edges
        e, inter = e[keep].reset_index(drop=True), inter[keep]
    # 4. spurious edges
    n_add = int(round(spurious_edges * inter.sum()))
    if n_add:
        tmpl = e[inter].iloc[rng.integers(inter.sum(), size=n_add)]
        add = []
        for s, t, et, amt in zip(tmpl["source"], tmpl["target"], tmpl["type"], tmpl["amount"]):
            ps, pt = by_type[node_type[s]], by_type[node_type[t]]
            a, b = ps[int(rng.integers(len(ps)))], pt[int(rng.integers(len(pt)))]
            if a != b:
                add.append((a, b, et, float(rng.uniform(0, e["day"].max() if len(e) else 1.0)), amt))
        e = pd.concat([e, pd.DataFrame(add, columns=e.columns)], ignore_index=True)
    # 5. shuffle: ids, node order and edge order say nothing of roles (the
    #    builders create leaders first; a method breaking ties by input order
    #    must not profit from it)
    perm = rng.permutation(len(ids))
    ids, types = ids[perm], types[perm]
    rename = {}
    for t in np.unique(types) if len(types) else []:
        members = ids[types == t]
        prefix = _PREFIX.get(t, str(t)[:3] + "_")
        rename.update(zip(members, [f"{prefix}{i}" for i in rng.permutation(len(members))]))
    gone = list(truth.index[~truth["observed"]])  # truth order, then shuffled (a set's order varies by process)
    gone = [gone[i] for i in rng.permutation(len(gone))] if gone else []
    n_kept = int((types == "person").sum())
    rename.update((p, f"p{n_kept + i}") for i, p in enumerate(gone))
    ids = np.array([rename[i] for i in ids], dtype=object)
    e = e.iloc[rng.permutation(len(e))].reset_index(drop=True)
    e["source"], e["target"] = e["source"].map(rename), e["target"].map(rename)
    truth = truth.rename(index=rename)
    truth = truth.iloc[rng.permutation(len(truth))]
    base = to_ns(start, "start")
    ts = pd.to_datetime(base + np.round(e["day"].to_numpy() * 86400e9).astype(np.int64), utc=True)
    edges = pd.DataFrame({"source": e["source"].to_numpy(dtype=object), "target": e["target"].to_numpy(dtype=object),
                          "type": e["type"].to_numpy(dtype=object), "timestamp": ts,
                          "amount": e["amount"].to_numpy(dtype=float)})
    nodes = pd.DataFrame({"type": types}, index=pd.Index(ids, name="id"))
    net = Network.from_pandas(edges, nodes=nodes, directed=True)
    truth.index.name = "id"
    truth.attrs.update(seed=int(seed), family=family, leader_roles=tuple(leader_roles), params=dict(params),
                       missing={"noise": noise, "missing_edges": missing_edges, "missing_persons": missing_persons,
                                "spurious_edges": spurious_edges})
    return net, truth
