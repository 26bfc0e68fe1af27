"""Broken subscriber data on top of any family: :func:`identity_noise`.

A transform, not a family: it takes the ``(net, truth)`` of any family and
returns a new pair in which persons rotate numbers, keep SIMs in handsets
(``device`` nodes) or SIM boxes, are seen at cells, and in which subscriber
records are missing or false, with the truth of who really uses every phone
and account (``truth.attrs["identifiers"]``).  The pieces (rotation, handsets,
cells, records, holder attributes) are in ``_identity_parts``.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .._kernel import seed_of
from ._common import check_share
from ._identity_parts import (HOLDING, NON_MEMBERS, account_devices, account_holders, cells_of_calls, corrupt,
                              devices, fresh_ids, isin, person_identities, rotate, sim_boxes_of)

__all__ = ["identity_noise", "IDENTITY_DEFAULTS"]

#: Default rates and ranges of :func:`identity_noise` (modelling assumptions, see its docstring).
IDENTITY_DEFAULTS = {"rotation": 0.3, "shared_handsets": 0.6, "sim_boxes": 0.2, "false_subscribers": 0.1,
                     "missing_subscribers": 0.2, "rotation_days": (14.0, 42.0), "second_handset": 0.25,
                     "sim_box_size": (8, 32), "account_devices_share": 0.8, "cells": True}


def _range(x, name, low, integer=False):
    try:
        a, b = x
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair (low, high), not {x!r}") from None
    if integer and not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in (a, b)):
        raise ValueError(f"{name} must be a pair of integers, not {x!r}")
    a, b = (int(a), int(b)) if integer else (float(a), float(b))
    if not (low <= a <= b and np.isfinite(b)):
        raise ValueError(f"{name} must be a pair low <= high with low >= {low}, not {x!r}")
    return a, b


def identity_noise(net, truth: pd.DataFrame, *, rotation: float = 0.3, shared_handsets: float = 0.6,
                   sim_boxes: float = 0.2, false_subscribers: float = 0.1, missing_subscribers: float = 0.2,
                   rotation_days=(14.0, 42.0), second_handset: float = 0.25, sim_box_size=(8, 32),
                   account_devices_share: float = 0.8, cells: bool = True, seed: Optional[int] = None):
    """One person, many phones: the ground truth for identity resolution.

    Takes the ``(net, truth)`` of any family (``families()``; persons,
    phones held through ``uses``, accounts through ``owns``, timestamped
    ``call`` edges) and returns a new ``(net, truth)``; the input is not
    changed.  In this order, each from one generator seeded by ``seed``:

    1. **Rotation**: ``rotation`` is the share of the organisation members
       (every role but victim and outsider, observed, with a phone that
       calls or is called) who rotate numbers.  Each phone of such a member
       is replaced every L days (L uniform in ``rotation_days``, per phone;
       the first switch after a uniform share of L): the calls made or
       received after a switch go to a new number, so the old number stops
       and the new one starts with the next call (a short gap) and calls the
       same contacts.  The new number gets the old one's subscriber record
       (then step 4 may lose or falsify it).
    2. **SIM boxes**: ``sim_boxes`` is the share of the callers' phones
       (role ``operator``; members when a family has no operator), drawn per
       original number (its successors follow), that sit in a SIM box
       instead of a handset.  The boxed SIMs of one group (compound) are
       shuffled and cut into boxes of ``sim_box_size`` input numbers
       (uniform integer; a remainder below the minimum joins the last box;
       successors join their origin's box); every box holds the SIMs
       of at least two users (a box that would hold one user's SIMs is
       joined to another; with one user in all, his SIMs go to handsets).
       A SIM box never belongs to one person.
    3. **Handsets** (``device`` nodes, ``phone -in_device-> device``): a
       share ``shared_handsets`` of the phone users keep their SIMs in one
       handset (two, with probability ``second_handset``, when they have two
       or more SIMs: each SIM in one of them) — the shared-handset evidence;
       the others use a new handset for every SIM (burner discipline).
       Accounts of a user with a handset are logged into from one of his
       handsets (``account -in_device-> device``) with probability
       ``account_devices_share``.
    4. **Subscriber records**: every phone and account held directly by a
       person (step 1's new numbers included) keeps its ``uses``/``owns``
       record, loses it (``missing_subscribers``) or has it replaced by a
       fake registered person (``false_subscribers``; a stolen or bought
       identity: one per user, a second with probability 0.3; the SIMs of a
       SIM box are registered in bulk to one identity per box).  Persons
       with a record get the node attribute ``registered`` 1.0 (True: a
       network stores booleans as numbers), the others 0.0; other nodes NaN.
    5. **Cells** (``cells=True``): every call gives ``phone -located_at->
       cell`` at the call time (the caller's cell, as call records give
       it).  Each user has a home, a work and a third cell (members of a
       group work at their group's site with probability 0.8): on weekdays
       08:00-19:00 (UTC) a call is made at work with probability 0.7, at
       home 0.15, at the third cell 0.1, anywhere 0.05; otherwise at home
       0.7, at work 0.1, third 0.15, anywhere 0.05.  A SIM box stays at its
       group's site.  There are max(8, callers / 8) cells.
    6. **Holder attributes** of accounts: ``holder_name`` and ``birth_date``
       (``YYYY-MM-DD``) node attributes from the account's holder of record
       (the true user, or the fake identity for a false record; a
       company's name for a company's account), with small variations (a
       letter dropped, doubled or swapped: 15 %; day and month swapped or
       one day off: 5 %).

    7. **Persons' identities**: every person node gets ``name`` and
       ``birth_date`` (the subscriber tables' and the case file's): a
       person holding accounts the identity on them (before variations), a
       fake identity its own, others a new one.  Real persons' names are
       all known here (an assumption: in a case file some are not).

    Money passed on at once is not added: the families' flows already pass
    money on through mules and layering accounts.

    Returns ``(net, truth)``.  ``net``: the input's nodes and edges with the
    calls rewired, new ``phone``, ``device``, ``cell`` and fake ``person``
    nodes, and the new records and edges.  ``truth``: the input's truth plus
    a ``fake`` column (False for every real person) and one row per fake
    identity (``role="fake"``, group and team -1, ``observed=True``,
    ``fake=True``): a false subscriber is in ``truth`` only so that a
    ranking placing it high is scored as a miss, never as anyone's user.
    ``truth.attrs["identifiers"]``: a DataFrame indexed by every phone and
    account of ``net`` with ``user`` (the real person using it; None when
    the input does not say, e.g. the phone of a person dropped as missing
    data; a SIM in a SIM box: the caller using it), ``type``, ``start`` and
    ``end`` (its first and last call or transfer; NaT without any),
    ``record`` (``"kept"``, ``"missing"``, ``"false"``, or ``"none"`` when
    the input had none), ``sim_box`` (bool) and ``origin`` (the input phone
    it succeeds, itself when it is an input node).
    ``truth.attrs["identity"]``: the rates and ranges used and the seed.

    Rates and defaults are modelling assumptions, not fitted to data: the
    mechanisms follow descriptions of telecom-fraud compounds and of
    investigations of them — SIM cards registered with bought or stolen
    identities and bulk-registered SIM-box cards (UNODC 2023, the report the
    fraud family is written from; Europol IOCTA 2023 on SIM-box fraud and
    SIM farms), and burner phones rotated every few weeks to defeat
    interception.  Measure resolution across rates, not at the defaults
    only.

    Cost: O(edges + identifiers) vectorised steps; a 50,000-person family
    takes a few seconds.

    >>> net, truth = rl.generate.fraud_compound(size=80, seed=1)
    >>> net2, truth2 = rl.generate.identity_noise(net, truth, seed=2)
    >>> sorted(truth2.attrs["identifiers"]["type"].unique())
    ['account', 'phone']
    """
    rates = {"rotation": check_share(rotation, "rotation"), "shared_handsets": check_share(shared_handsets,
             "shared_handsets"), "sim_boxes": check_share(sim_boxes, "sim_boxes"),
             "false_subscribers": check_share(false_subscribers, "false_subscribers"),
             "missing_subscribers": check_share(missing_subscribers, "missing_subscribers")}
    if rates["false_subscribers"] + rates["missing_subscribers"] > 1.0:
        raise ValueError("false_subscribers + missing_subscribers must be at most 1, not "
                         f"{rates['false_subscribers'] + rates['missing_subscribers']}")
    second_handset = check_share(second_handset, "second_handset")
    account_devices_share = check_share(account_devices_share, "account_devices_share")
    rotation_days = _range(rotation_days, "rotation_days", 1e-9)
    sim_box_size = _range(sim_box_size, "sim_box_size", 2, integer=True)
    nodes, e, ntype = _check(net, truth)
    s = seed_of(seed)
    rng = np.random.default_rng([s, 23])

    direct, user = _holdings(net, e, ntype, truth)
    observed = truth["observed"].astype(bool) if "observed" in truth.columns else pd.Series(True, truth.index)
    members = truth.index[~truth["role"].isin(NON_MEMBERS) & observed.to_numpy()]

    # 1. rotation
    existing = nodes.index.append(truth.index)
    e, new_phones, origin, user = rotate(e, user, members, rates["rotation"], rotation_days, rng, existing)
    # the new numbers' records copy the old ones' (added to e by rotate)
    if len(new_phones):
        direct = direct.append(new_phones[origin.reindex(new_phones).isin(direct).to_numpy()])
    phones = pd.Index(list(ntype.index[ntype == "phone"]) + list(new_phones))
    accounts = ntype.index[ntype == "account"]
    group = truth["group"] if "group" in truth.columns else pd.Series(-1, truth.index)
    # 2. SIM boxes and 3. handsets
    box = sim_boxes_of(phones, origin, user, truth, members, rates["sim_boxes"], sim_box_size, group, rng)
    dev = devices(phones, box, user, rates["shared_handsets"], second_handset, rng)
    acc_dev = account_devices(accounts, user, dev[~dev["box"]], account_devices_share, rng)
    dev_ids = fresh_ids(existing, "d", len(pd.unique(dev["key"])), rng)
    key_id = dict(zip(pd.unique(dev["key"]), dev_ids))
    dev["device"] = dev["key"].map(key_id)
    acc_dev["device"] = acc_dev["key"].map(key_id)
    # 4. records
    e, record, fakes, fake_of = corrupt(e, direct, user, box, rates["false_subscribers"],
                                        rates["missing_subscribers"], existing, truth.index, rng)
    # 5. cells
    extra = [pd.DataFrame({"source": dev.index.to_numpy(object), "target": dev["device"].to_numpy(object),
                           "type": "in_device"}),
             pd.DataFrame({"source": acc_dev.index.to_numpy(object), "target": acc_dev["device"].to_numpy(object),
                           "type": "in_device"})]
    cell_ids = []
    if cells:
        loc, cell_ids = cells_of_calls(e, user, box, group, existing, rng)
        extra.append(loc)
    e = pd.concat([e] + [x for x in extra if len(x)], ignore_index=True)
    if "weight" in e.columns:
        e["weight"] = e["weight"].fillna(1.0)

    holders, canon = account_holders(accounts, user, record, fake_of, e, ntype, truth.index, rng)
    out_nodes = _nodes(nodes, e, [("phone", new_phones), ("device", dev_ids), ("cell", cell_ids),
                                  ("person", fakes)], holders)
    # 7. the persons' own identities, from a generator of their own (the steps above draw as before)
    persons = out_nodes.index[(out_nodes["type"] == "person").to_numpy()]
    who = person_identities(persons, fakes, canon, np.random.default_rng([s, 23, 7]))
    out_nodes["name"] = who["name"].reindex(out_nodes.index)
    out_nodes["birth_date"] = out_nodes["birth_date"].where(out_nodes["birth_date"].notna(),
                                                            who["birth_date"].reindex(out_nodes.index))
    from ..network import Network

    out = Network.from_pandas(e, nodes=out_nodes, directed=net.directed)

    t2 = _truth(truth, e, phones, accounts, user, record, box, origin, fakes)
    t2.attrs = dict(truth.attrs, identifiers=t2.attrs["identifiers"])
    t2.attrs["identity"] = dict(rates, rotation_days=rotation_days, second_handset=second_handset,
                                sim_box_size=sim_box_size, account_devices_share=account_devices_share,
                                cells=bool(cells), seed=s)
    return out, t2


def _check(net, truth):
    """``(nodes, edges, node types)`` of ``net`` after checking both inputs."""
    if not isinstance(truth, pd.DataFrame) or "role" not in truth.columns:
        raise ValueError("truth must be a family's truth: a DataFrame indexed by person id with a 'role' column")
    if not hasattr(net, "edges") or not hasattr(net, "nodes"):
        raise ValueError(f"net must be a ringleader Network, not {type(net).__name__}")
    nodes = net.nodes.copy()
    e = net.edges.copy()
    for col in ("source", "target", "type", "timestamp"):
        if col not in e.columns:
            raise ValueError(f"net has no edge column {col!r}")
    ntype = nodes["type"]
    if not (ntype == "person").any() or not (ntype == "phone").any():
        raise ValueError("net needs person and phone nodes (a family's network)")
    calls = (e["type"] == "call").to_numpy()
    if calls.any() and e.loc[calls, "timestamp"].isna().any():
        raise ValueError("every call needs a timestamp (identity_noise splits phones in time)")
    in_net = ntype.index[(ntype == "person").to_numpy()]
    unknown = in_net[~isin(in_net, truth.index)]
    if len(unknown):
        raise ValueError(f"truth lacks {len(unknown)} persons of net, e.g. {sorted(unknown)[:3]}: pass the truth "
                         "returned with this network")
    return nodes, e, ntype


def _holdings(net, e, ntype, truth):
    """``(identifiers held directly by a person, identifier -> user)``: who
    holds what in the input (the user through companies too)."""
    h = e[isin(e["type"], HOLDING)]
    st, tt = h["source"].map(ntype), h["target"].map(ntype)
    ident = ("phone", "account")
    fwd = (st == "person").to_numpy() & isin(tt, ident)
    bwd = (tt == "person").to_numpy() & isin(st, ident)
    direct = pd.Index(pd.unique(np.where(fwd, h["target"], h["source"])[fwd | bwd]), dtype=object)
    from ..criminal._person_network import owners

    user = owners(net)
    user = user[user.isin(truth.index) & user.index.isin(ntype.index[ntype.isin(ident)])]
    user = user[~user.index.duplicated()]
    return direct, user


def _nodes(nodes, e, added, names):
    """The output's nodes: the input's, the ``added`` ``(type, ids)``,
    ``registered`` on persons and the accounts' holder attributes."""
    ids = [x for _, xs in added for x in xs]
    add = pd.DataFrame({"type": [t for t, xs in added for _ in xs]}, index=pd.Index(ids, dtype=object))
    out_nodes = pd.concat([nodes, add])
    out_nodes.index.name = "id"
    if "label" in out_nodes.columns and out_nodes["label"].isna().all():
        out_nodes = out_nodes.drop(columns="label")
    h = isin(e["type"], HOLDING)
    holders_now = np.concatenate([e["source"].to_numpy(object)[h], e["target"].to_numpy(object)[h]])
    is_person = (out_nodes["type"] == "person").to_numpy()
    out_nodes["registered"] = np.where(is_person, isin(out_nodes.index, holders_now), np.nan)
    out_nodes["holder_name"] = names["holder_name"].reindex(out_nodes.index)
    out_nodes["birth_date"] = names["birth_date"].reindex(out_nodes.index)
    return out_nodes


def _truth(truth, e, phones, accounts, user, record, box, origin, fakes):
    """The output truth: the input's with ``fake`` and the fake identities,
    and the identifiers' table (``attrs`` set by the caller)."""
    ids = pd.Index(list(phones) + list(accounts), name="id")
    ts = e["timestamp"]
    inter = isin(e["type"], ("call", "transfer"))
    both = pd.DataFrame({"id": np.concatenate([e["source"].to_numpy(object)[inter],
                                               e["target"].to_numpy(object)[inter]]),
                         "t": pd.concat([ts[inter], ts[inter]], ignore_index=True).array})
    span = both.groupby("id")["t"].agg(["min", "max"]).reindex(ids)
    table = pd.DataFrame({"user": user.reindex(ids).astype(object).where(user.reindex(ids).notna(), None),
                          "type": np.array(["phone"] * len(phones) + ["account"] * len(accounts), dtype=object),
                          "start": span["min"].array, "end": span["max"].array,
                          "record": record.reindex(ids).fillna("none").to_numpy(object),
                          "sim_box": box.reindex(ids).notna().to_numpy(),
                          "origin": origin.reindex(ids).fillna(pd.Series(ids, index=ids)).to_numpy(object)},
                         index=ids)
    t2 = truth.copy()
    t2["fake"] = False
    if len(fakes):
        fk = pd.DataFrame({c: (-1 if pd.api.types.is_integer_dtype(t2[c]) else None) for c in t2.columns
                           if c != "fake"},
                          index=pd.Index(fakes, name=truth.index.name))
        fk["role"] = "fake"
        if "observed" in fk.columns:
            fk["observed"] = True
        fk["fake"] = True
        t2 = pd.concat([t2, fk[t2.columns]])
        for c in ("group", "team"):
            if c in t2.columns:
                t2[c] = t2[c].astype(np.int64)
    t2.attrs = {"identifiers": table}
    return t2
