"""Who holds what: the subscriber records of a network, the persons the case
knows beyond them, and the ``handset_holder`` evidence that reads both."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from . import _evidence as ev
from ._evidence import IDENTIFIER_TYPES

#: Edge type of a subscriber record joining a person to an identifier of each
#: type (either direction in the input; merge writes person -> identifier).
LINK_TYPE = {"phone": "uses", "account": "owns"}


def records(x: ev.Arrays):
    """(identifier vertex, person vertex, edge row) of the subscriber
    records: uses/owns edges between a person and an identifier, either
    direction."""
    e = x.edges(*LINK_TYPE.values())
    is_id = np.isin(x.node_type, IDENTIFIER_TYPES)
    ident, other, e = ev.oriented(x, e, is_id)
    ok = x.node_type[other] == "person"
    return ident[ok].astype(np.int64), other[ok].astype(np.int64), e[ok]


def known_persons(x: ev.Arrays, record_edges: np.ndarray) -> np.ndarray:
    """Whether each vertex is a person known beyond its subscriber records:
    an end of an edge that is not one of ``record_edges`` (a meeting, a
    venue, a transfer, ...).  A bought or stolen identity is typically a
    name on records only.  O(n + m)."""
    is_person = x.node_type == "person"
    rest = is_person[x.src] | is_person[x.dst]
    rest[record_edges] = False
    known = np.zeros(x.n, dtype=bool)
    known[x.src[rest]] = True
    known[x.dst[rest]] = True
    return known & is_person


def held(v, p, rid, rp, n: int) -> np.ndarray:
    """Whether identifier vertex v[i] is held by person vertex p[i] on record
    (``rid``, ``rp``: the identifier and person vertices of :func:`records`),
    for vertices below n."""
    width = np.int64(n + 1)
    return np.isin(np.asarray(v, dtype=np.int64) * width + np.asarray(p, dtype=np.int64),
                   np.asarray(rid, dtype=np.int64) * width + np.asarray(rp, dtype=np.int64))


def sole_known(root, person, known: np.ndarray):
    """For groups (``root`` per named ``person``) naming several distinct
    persons: (those roots, Series root -> the only one of its persons known
    beyond its records, for the roots that have exactly one such)."""
    d = pd.DataFrame({"root": root, "p": person}).drop_duplicates()
    d["k"] = known[d["p"].to_numpy()]
    per = d.groupby("root").agg(n=("p", "size"), k=("k", "sum"))
    several = per["n"].to_numpy() > 1
    one = per.index[several & (per["k"].to_numpy() == 1)]
    return per.index[several].to_numpy(), d[d["root"].isin(one).to_numpy() & d["k"].to_numpy()].set_index("root")["p"]


def handset_holders(x: ev.Arrays, is_phone: np.ndarray, is_account: np.ndarray, identity: Optional[pd.DataFrame],
                    max_sims: int, max_concurrent: int, max_overlapping: int) -> Optional[pd.DataFrame]:
    """Pairs (identifier ``a``, person ``b``, ``handset_holder`` = 1): the
    identifier (a phone or an account) was used from a handset together
    with identifiers of the other type held by person b - a phone with b's
    accounts, an account with b's phones -, b is known beyond its records,
    and no other such person holds anything used from that handset.  An
    identifier's person is its holder of record or, for an account, the
    person its ``identity`` pairs name (the account-person frame of
    :func:`ringleader.resolve._evidence.identities`, or None).  SIM boxes
    (:func:`ringleader.resolve._evidence.sim_boxes` with the three limits)
    give nothing; identifiers the person already holds on record are left
    out, and so is one that two handsets give to two persons.  The
    condition "known beyond its records" keeps bought identities out: their
    accounts are used from their user's handset too (without it, phone
    pairs were one user in 0.75-0.86 of cases on the tuning networks).
    None when the network has no accounts, persons or handsets.  O(n + m)."""
    if not is_account.any() or not is_phone.any() or not (x.node_type == "person").any():
        return None
    is_id = is_phone | is_account
    ident, dev = ev.device_records(x, is_id)
    if len(dev) == 0:
        return None
    hubs, _ = ev.sim_boxes(x, is_id, max_sims, max_concurrent, max_overlapping)
    ok = ~np.isin(dev, hubs)
    ident, dev = ident[ok], dev[ok]
    rid, rp, re = records(x)
    known = known_persons(x, re)
    owner = pd.DataFrame({"i": rid, "p": rp})
    if identity is not None and len(identity):
        named = identity[identity["identity"].to_numpy() > 0]
        owner = pd.concat([owner, pd.DataFrame({"i": named["a"].to_numpy(np.int64),
                                                "p": named["b"].to_numpy(np.int64)})])
    owner = owner[known[owner["p"].to_numpy()]]
    inside = pd.DataFrame({"i": ident, "d": dev}).merge(owner, on="i")
    per = inside.drop_duplicates(["d", "p"])
    one = per.groupby("d")["p"].agg(["size", "first"])
    one = one[one["size"].to_numpy() == 1]["first"]
    inside["phone"] = is_phone[inside["i"].to_numpy()]
    kinds = inside.groupby("d")["phone"].agg(["min", "max"])
    ph = pd.DataFrame({"a": ident, "d": dev})
    ph["b"] = ph["d"].map(one)
    ph = ph.dropna(subset=["b"]).astype({"b": np.int64})
    # the person is named by an identifier of the other type in the handset
    other = np.where(is_phone[ph["a"].to_numpy()], ~ph["d"].map(kinds["min"]).astype(bool).to_numpy(),
                     ph["d"].map(kinds["max"]).astype(bool).to_numpy())
    ph = ph[other].drop_duplicates(["a", "b"])
    ph = ph[~held(ph["a"].to_numpy(np.int64), ph["b"].to_numpy(np.int64), rid, rp, x.n)]
    # an identifier in two handsets naming two persons: no pair
    ph = ph[~ph["a"].duplicated(keep=False)]
    return pd.DataFrame({"a": ph["a"].to_numpy(np.int64), "b": ph["b"].to_numpy(np.int64),
                         "handset_holder": np.ones(len(ph))})
