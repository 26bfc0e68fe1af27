"""rl.resolve.merge: accepted pairs -> inferred persons, a new network and
the mapping."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._edit import edited
from . import _evidence as ev
from . import _holders as holders
from ._candidates import (EVIDENCE, MAX_CONCURRENT_SIMS, MAX_OVERLAPPING_SIMS, MAX_SIMS_PER_DEVICE, THRESHOLD,
                          candidates)
from ._evidence import IDENTIFIER_TYPES

#: Prefix of the id of an inferred person (then its smallest member id).
PREFIX = "person~"


def _vertices(x, ids, what: str) -> np.ndarray:
    pos = x.ids.get_indexer(list(ids))
    if (pos < 0).any():
        bad = [i for i, p in zip(ids, pos) if p < 0][:3]
        raise ValueError(f"pairs name {what} ids that are not nodes of the network, e.g. {bad}")
    return pos.astype(np.int64)


def _accepted(net, x, pairs, threshold, options) -> pd.DataFrame:
    if pairs is None:
        pairs = candidates(net, **options)
    elif options:
        raise ValueError(f"candidate options {sorted(options)} apply only when merge computes the pairs "
                         "(pairs=None); pass them to rl.resolve.candidates instead")
    if not isinstance(pairs, pd.DataFrame) or not {"a", "b"} <= set(pairs.columns):
        raise ValueError("pairs must be a DataFrame with columns 'a' and 'b' (as rl.resolve.candidates returns)")
    if "score" in pairs.columns:
        t = THRESHOLD if threshold is None else float(threshold)
        if not 0.0 <= t <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], not {threshold}")
        pairs = pairs[pairs["score"].to_numpy(dtype=np.float64) >= t]
    elif threshold is not None:
        raise ValueError("threshold needs a 'score' column in pairs; without one every pair given is merged")
    pairs = pairs.reset_index(drop=True)
    a, b = _vertices(x, pairs["a"], "a"), _vertices(x, pairs["b"], "b")
    ta, tb = x.node_type[a], x.node_type[b]
    cross = np.flatnonzero((ta != tb) & ~((tb == "person") & np.isin(ta, IDENTIFIER_TYPES)))
    if len(cross):
        i = int(cross[0])
        raise ValueError(f"cannot merge {ta[i]} {pairs['a'][i]} with {tb[i]} {pairs['b'][i]}: merges never cross "
                         f"node types ({len(cross)} such pairs); drop them (a pair identifier, person attaches the "
                         "identifier to that person)")
    other = np.flatnonzero(~np.isin(ta, IDENTIFIER_TYPES))
    if len(other):
        i = int(other[0])
        raise ValueError(f"cannot merge {pairs['a'][i]} and {pairs['b'][i]} of type {ta[i]}: only identifiers "
                         f"({', '.join(IDENTIFIER_TYPES)}) are merged")
    same = np.flatnonzero(a == b)
    if len(same):
        raise ValueError(f"pair {int(same[0])} merges {pairs['a'][int(same[0])]} with itself: drop it")
    out = pairs.copy()
    out["_a"], out["_b"] = a, b
    if "score" not in out.columns:
        out["score"] = 1.0
    return out


def _hubs(x, max_sims: int, max_concurrent: int, max_overlapping: int):
    """CSR (offsets, hub ids) of the SIM boxes (see _evidence.sim_boxes) of
    every vertex."""
    is_id = np.isin(x.node_type, IDENTIFIER_TYPES)
    offsets = np.zeros(x.n + 1, dtype=np.uint64)
    hub, _ = ev.sim_boxes(x, is_id, max_sims, max_concurrent, max_overlapping)
    if len(hub) == 0:
        return offsets, np.empty(0, np.uint64)
    ident, dev = ev.device_records(x, is_id)
    inhub = np.isin(dev, hub)
    who, hid = ident[inhub], dev[inhub]
    order = np.lexsort((hid, who))
    who, hid = who[order], hid[order]
    np.add.at(offsets, who + 1, 1)
    return np.cumsum(offsets).astype(np.uint64), hid.astype(np.uint64)


def _unheld_phones(x, members: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The phones in no group (``members``), held by no one (no ``uses``
    edge from a non-identifier: person, company) and in no SIM box (no row
    in the CSR ``offsets`` of :func:`_hubs`)."""
    is_id = np.isin(x.node_type, IDENTIFIER_TYPES)
    ident, other, _ = ev.oriented(x, x.edges(holders.LINK_TYPE["phone"]), is_id)
    lone = x.is_type("phone")
    lone[ident[~is_id[other]]] = False
    lone[np.diff(offsets.astype(np.int64)) > 0] = False
    lone[members] = False
    return np.flatnonzero(lone)


def merge(net, pairs: Optional[pd.DataFrame] = None, threshold: Optional[float] = None, *, max_size: int = 10,
          max_sims_per_device: int = MAX_SIMS_PER_DEVICE, max_concurrent_sims: int = MAX_CONCURRENT_SIMS,
          max_overlapping_sims: int = MAX_OVERLAPPING_SIMS, unheld_phones: str = "person",
          edge_evidence: bool = True, **options):
    """Put the identifiers linked by accepted pairs under one person each.

    Parameters
    ----------
    net : Network
        Never changed: a new network is returned.
    pairs : DataFrame or None, default None
        Pairs ``a``, ``b`` to merge, e.g. :func:`candidates` edited by hand
        (drop a row to undo a merge, then merge again); with a ``score``
        column only the pairs scoring at least ``threshold`` are merged,
        without one all of them.  None = ``candidates(net, **options)``.
        A pair whose ``b`` is a person (the identity evidence, or an
        analyst's "this phone is his") *attaches* the identifier ``a``, with
        its group, to that person: when no registered person holds the
        group by its records (status ``attached``; ``implied`` when that
        person does already), or when the person is known beyond its
        records (a meeting, a venue, a transfer) and the group's holders of
        record are not (names on subscriber records only: taken for bought
        or stolen identities); never against the record of a person the
        case knows (``refused: registered to another person``: the record
        holder keeps it, the pair stays listed) nor when a group's pairs
        name several persons (``refused: several persons``) - unless
        exactly one of them is known beyond its records, which then takes
        the group.
    threshold : float or None, default None
        None = :data:`THRESHOLD`.
    max_size : int, default 10
        Most identifiers under one inferred person.  Pairs are merged
        strongest first (union-find); a pair whose merge would exceed the
        cap is refused (a guard against chaining: a few wrong links would
        otherwise join a whole crew into one "person").
    max_sims_per_device, max_concurrent_sims, max_overlapping_sims : int, default 32, 2, 2
        A device with more identifiers, or with more than
        ``max_concurrent_sims`` of them active at one time, or with one
        active alongside more than ``max_overlapping_sims`` others (activity
        periods from call times: one person's SIMs in a handset follow each
        other, each overlapping at most the one before and the one after; a
        SIM box runs many side by side), is a SIM box: no two of its identifiers are ever put under one person,
        whatever other evidence links them.
    unheld_phones : {"person", "keep"}, default "person"
        A phone that after the merge has no holder - no subscriber record
        (``uses`` from a person or company) and in no accepted pair - and
        is not in a SIM box: ``"person"`` gives it an inferred person of its
        own (the unknown user of that number, id ``"person~"`` + the phone's
        id; the phones are listed in ``mapping.attrs["own_numbers"]``),
        so that its calls count in the person network as those of one
        person (as a group of two such phones makes an inferred person, so
        does one); ``"keep"`` leaves it without a person, as on the input,
        where rl.leaders leaves its calls out.  Accounts without a holder
        are left as they are: on the tuning networks of
        bench/resolve/leaders.py (seeds 100..119, rates 0.3 and 0.5) persons
        of their own for phones raised leader precision at k by 0.014-0.026
        on fraud_compound and laundering_network and changed it by -0.011
        to -0.002 on cell_network and mafia_clan, while persons of their own
        for accounts too (mule accounts without a holder become persons
        that money passes through) lowered laundering_network's by 0.006-0.010
        against phones only (bench/results/resolve_leaders.md).
    edge_evidence : bool, default True
        Give the new edges the columns ``evidence`` and ``score`` too.  Each
        is a column over every edge of the network: at 200 million edges
        they take about 8 GiB (``evidence`` holds a string per edge), so
        ``False`` lets a national call record fit where they would not.
    options
        Passed to :func:`candidates` when ``pairs`` is None.

    Returns
    -------
    (Network, Series)
        The resolved network and ``mapping``: identifier id -> person id for
        every identifier in a merged group and every phone given a person
        of its own (``unheld_phones``); other identifiers in no accepted
        pair are left as they are and are not listed.  The person of a group:

        * when the group holds the records of several registered persons
          (subscribers of record: a ``person`` joined to identifiers by
          ``uses``/``owns`` in the input) and exactly one of them is known
          beyond its records (an end of any other edge: a meeting, a venue,
          a transfer), that one: the others are taken for identities
          bought or stolen in its name (a name on a SIM registration
          against a person the case knows);
        * else the registered person holding strictly
          more of the group's identifiers than any other registered person,
          unless its records fall in several groups (a bought identity
          registered for SIMs of different users);

          the group is attached to the person chosen (``uses``/``owns``
          edges to the members it lacks, ``inferred=1``);
        * else (no registered person, or a tie) a new node of type
          ``person`` with ``inferred=1``, id ``"person~"`` + the group's
          smallest member id (stable: the same group gets the same id).

        The subscriber records of the group's members held by other
        registered persons are removed from the resolved network (they are
        taken for false records: stolen or bought identities); those persons
        stay as nodes, so that rl.leaders sees one person per user as far as
        the evidence allows.  New edges carry ``inferred=1``, ``evidence``
        (the evidences of the merged pairs touching the member, e.g.
        ``handset+succession``) and ``score`` (their best score); with
        ``edge_evidence=False`` only ``inferred`` (the evidence stays in
        ``mapping.attrs["merges"]``).

        ``mapping.attrs["merges"]``: one row per accepted pair: ``a``,
        ``b``, the evidence columns, ``score``, ``status`` (``merged``,
        ``implied`` - already in one group through other pairs, or already
        that person's -, ``refused: size cap``, ``refused: SIM box``, and
        for attachments ``attached``, ``refused: registered to another
        person``, ``refused: several persons``) and ``person``.
        ``mapping.attrs["persons"]``: one row per group: ``person``,
        ``members``, ``attached`` (True: a registered person), ``chosen``
        (why that person: ``known beyond its records``, ``most of the
        records``, ``named by a pair`` - an attachment - or ``inferred``)
        and ``replaced`` (the registered persons whose records were
        removed).  ``mapping.attrs["own_numbers"]``: the phones given a
        person of their own (``unheld_phones``), in no group.

    Raises
    ------
    ValueError
        Pairs across node types, of non-identifiers, of unknown ids.
    MemoryLimitError
        The resolved network would not fit in memory (it is a copy of the
        network's tables plus three edge columns, ``evidence`` a string per
        edge): raised before it is built.

    Notes
    -----
    The resolved network is built in the compiled core (a copy of the
    tables with the records dropped and the persons and edges appended), in
    O(n + m); bench/resolve/scale.py measures it (bench/results/resolve_scale.md).
    """
    if isinstance(max_size, bool) or not isinstance(max_size, (int, np.integer)) or max_size < 2:
        raise ValueError(f"max_size must be an integer >= 2, not {max_size!r}")
    if not isinstance(edge_evidence, (bool, np.bool_)):
        raise ValueError(f"edge_evidence must be True or False, not {edge_evidence!r}")
    if unheld_phones not in ("person", "keep"):
        raise ValueError(f"unheld_phones must be 'person' or 'keep', not {unheld_phones!r}")
    x = ev.arrays(net)
    if pairs is None:
        options.update(max_sims_per_device=max_sims_per_device, max_concurrent_sims=max_concurrent_sims,
                       max_overlapping_sims=max_overlapping_sims)
    acc = _accepted(net, x, pairs, threshold, options)
    offsets, hub_ids = _hubs(x, int(max_sims_per_device), int(max_concurrent_sims), int(max_overlapping_sims))
    link = x.node_type[acc["_b"].to_numpy(np.int64)] != "person"   # else an attachment: identifier, person
    pl = acc[link]
    label, st = _core.resolve_cluster(x.n, pl["_a"].to_numpy(np.uint32), pl["_b"].to_numpy(np.uint32),
                                      pl["score"].to_numpy(np.float64), offsets, hub_ids, int(max_size))
    label = np.asarray(label, dtype=np.int64)
    status = np.full(len(acc), _IMPLIED, dtype=np.int64)
    status[link] = np.asarray(st)
    ids = _Ids(x.ids)
    reg_id, reg_person, reg_edge = holders.records(x)
    # groups: vertices in a merged pair, and identifiers attached to a person on their own
    done = status[link] == 0
    members = np.unique(np.concatenate([pl["_a"].to_numpy()[done], pl["_b"].to_numpy()[done]]))
    known = holders.known_persons(x, reg_edge)
    forced, alone, status[~link] = _attachments(acc[~link], label, members, reg_id, reg_person, known)
    members = np.union1d(members, alone)
    roots = label[members]
    group = pd.DataFrame({"v": members, "root": roots, "key": ids.keys(members)})
    person_of_root, persons_rows, drop_edges, new_nodes, outcome = _persons(ids, group, reg_id, reg_person, reg_edge,
                                                                            forced, known)
    forced_rows = np.flatnonzero(~link & (status == _FORCED))
    status[forced_rows] = outcome.reindex(label[acc["_a"].to_numpy(np.int64)[forced_rows]]).to_numpy(np.int64)
    mapping = pd.Series(person_of_root["person"].reindex(roots).to_numpy(), index=pd.Index(ids.of(members), name="id"),
                        name="person", dtype=object)
    # the merges table
    merges = acc.drop(columns=["_a", "_b"]).copy()
    merges["status"] = np.array(STATUS, dtype=object)[status]
    person = person_of_root["person"].reindex(label[acc["_a"].to_numpy(np.int64)]).to_numpy()
    ok = np.isin(status, (0, _IMPLIED, _ATTACHED))
    merges["person"] = np.where(ok, person, None)
    lone = _unheld_phones(x, members, offsets) if unheld_phones == "person" else np.empty(0, np.int64)
    own, own_of = _own_names(ids, lone, new_nodes), pd.Index(ids.of(lone), name="id", dtype=object)
    if len(lone):
        mapping = pd.concat([mapping, pd.Series(own, index=own_of, name="person", dtype=object)])
    mapping.attrs["merges"] = merges.reset_index(drop=True)
    mapping.attrs["persons"] = persons_rows
    mapping.attrs["own_numbers"] = own_of
    try:
        resolved = _resolved(net, x, acc, ok, label, group, person_of_root, new_nodes, drop_edges, reg_id, reg_person,
                             bool(edge_evidence), lone, own)
    except _core.MemoryLimitError as err:   # say what merge can leave out
        less = ([] if not edge_evidence else ["edge_evidence=False (no evidence and score column over every edge)"]) \
            + ([] if not len(lone) else [f"unheld_phones='keep' (no person of its own for each of the {len(lone):,} "
                                          "phones without holder)"])
        if not less:
            raise
        raise _core.MemoryLimitError(f"{err}; rl.resolve.merge needs less with " + " or ".join(less)) from None
    return resolved, mapping


def _free_ids(ids, names: np.ndarray, taken=()) -> np.ndarray:
    """``names`` (an object array of new node ids) with ``"~"`` appended to
    each while it is taken - by a node of ``ids``, by ``taken`` or by an
    earlier name, in order (stable: the same names get the same ids)."""
    names = np.asarray(names, dtype=object).copy()
    if len(names) and (ids.index.isin(names).any() or pd.Index(names).isin(list(taken)).any()
                       or pd.Index(names).duplicated().any()):
        existing = set(ids.keys(np.arange(len(ids.index)))) | set(taken)
        for i in range(len(names)):
            while names[i] in existing:
                names[i] += "~"
            existing.add(names[i])
    return names


def _own_names(ids, lone: np.ndarray, new_nodes: list) -> np.ndarray:
    """The ids of the persons of their own of the phones ``lone``:
    ``"person~"`` + the phone's id, made free of the nodes' ids, the groups'
    new persons ``new_nodes`` and each other (:func:`_free_ids`)."""
    return _free_ids(ids, PREFIX + ids.keys(lone) if len(lone) else np.empty(0, dtype=object), taken=new_nodes)


def _resolved(net, x, acc, ok, label, group, person_of_root, new_nodes, drop_edges, reg_id, reg_person,
              edge_evidence, lone, own):
    # the edge from each group member to its person, unless the input has it
    n = x.n
    members = group["v"].to_numpy(np.int64)
    of = person_of_root.reindex(group["root"].to_numpy())
    pv = of["pv"].to_numpy(np.int64)
    slot = pd.Index(new_nodes, dtype=object).get_indexer(of["person"].to_numpy(object))
    person_v = np.where(pv >= 0, pv, np.where(slot >= 0, n + slot, -1))
    has = holders.held(members, pv, reg_id, reg_person, n) & (pv >= 0)
    # the phones' persons of their own come after the groups' new persons
    members = np.concatenate([members[~has], lone])
    person_v = np.concatenate([person_v[~has], n + len(new_nodes) + np.arange(len(lone), dtype=np.int64)])
    new_nodes = list(new_nodes) + list(own)
    edge_attrs = [("inferred", "number", np.ones(len(members)))]
    if edge_evidence:
        edge_attrs += _edge_evidence(acc, ok, members)
    node_attrs = [("inferred", "number", np.ones(len(new_nodes)))]
    link = pd.Series(x.node_type[members], dtype=object).map(holders.LINK_TYPE).to_numpy(object)
    return edited(net, np.asarray(drop_edges, dtype=np.uint64), new_nodes, ["person"] * len(new_nodes), node_attrs,
                  person_v, members, link, edge_attrs)


def _edge_evidence(acc, ok, members):
    """The columns ``evidence`` (the evidences of the accepted pairs touching
    each member, joined by ``+``) and ``score`` (their best score) of the new
    edges from ``members``."""
    ev_cols = sorted(c for c in EVIDENCE if c in acc.columns)
    v = np.concatenate([acc["_a"].to_numpy(np.int64)[ok], acc["_b"].to_numpy(np.int64)[ok]])
    score = np.tile(acc["score"].to_numpy(np.float64)[ok], 2)
    flags = {c: np.tile(acc[c].to_numpy(np.float64)[ok], 2) > 0 for c in ev_cols}  # NaN > 0 is False
    per = pd.DataFrame({"v": v, "score": score, **flags}).groupby("v").max()
    per["mask"] = sum((per[c].to_numpy(np.int64) << i) for i, c in enumerate(ev_cols)) if ev_cols else 0
    masks = per["mask"].reindex(members).fillna(0).to_numpy(np.int64)
    names = {m: "+".join(c for i, c in enumerate(ev_cols) if m >> i & 1) for m in np.unique(masks).tolist()}
    return [("evidence", "string", [names[m] for m in masks.tolist()]),
            ("score", "number", per["score"].reindex(members).to_numpy(np.float64))]


#: Status of each accepted pair in mapping.attrs["merges"], by code (0-3 from cluster.hpp).
STATUS = ("merged", "implied", "refused: size cap", "refused: SIM box", "attached",
          "refused: registered to another person", "refused: several persons", "forced")
_IMPLIED, _ATTACHED, _OTHER, _SEVERAL, _FORCED = 1, 4, 5, 6, 7


def _attachments(att: pd.DataFrame, label, members, reg_id, reg_person, known):
    """The accepted pairs (identifier, person): ``(forced, alone, status)``.
    ``forced``: group root -> person vertex to attach the group to (decided
    in :func:`_persons` against its registered persons: status _FORCED
    until then); ``alone``: identifiers in no group that are attached on
    their own; ``status`` per pair: _IMPLIED (its registered person
    already), _OTHER (registered to another person whom the case knows
    beyond its records, or the pair's person is not known so), _SEVERAL
    (the group's pairs name several persons, and this pair's is not the
    only one known beyond its records) or _FORCED."""
    v = att["_a"].to_numpy(np.int64)
    p = att["_b"].to_numpy(np.int64)
    root = label[v]
    status = np.full(len(att), _FORCED, dtype=np.int64)
    if len(att) == 0:
        return pd.Series(dtype=np.int64), np.empty(0, np.int64), status
    # several persons named for one group: the one known beyond its records when it is the only one so
    several, sole = holders.sole_known(root, p, known)
    status[np.isin(root, several) & (sole.reindex(root).to_numpy() != p)] = _SEVERAL
    grouped = np.isin(v, members)
    # an identifier on its own: its registered holders decide
    has_holder = np.isin(v, reg_id)
    same = holders.held(v, p, reg_id, reg_person, len(label))
    lone = ~grouped & (status == _FORCED)
    status[lone & same] = _IMPLIED
    # a person the case knows beyond its records outranks holders of record it does not
    over = known[p] & ~np.isin(v, reg_id[known[reg_person]])
    status[lone & has_holder & ~same & ~over] = _OTHER
    go = status == _FORCED
    forced = pd.Series(p[go], index=root[go]).groupby(level=0).first()
    return forced, np.unique(v[go & ~grouped]), status


def _force(chosen: pd.Series, forced: pd.Series):
    """The registered person chosen per root, with the attachments
    (``forced``) applied where no registered person was chosen; the outcome
    code per forced root (_ATTACHED, _IMPLIED or _OTHER)."""
    if len(forced) == 0:
        return chosen, pd.Series(dtype=np.int64)
    have = chosen.reindex(forced.index)
    outcome = pd.Series(np.where(have.isna(), _ATTACHED, np.where(have.to_numpy() == forced.to_numpy(), _IMPLIED,
                                                                    _OTHER)), index=forced.index)
    add = forced[have.isna().to_numpy()]
    return pd.concat([chosen, add]), outcome


class _Ids:
    """The ids (``of``) and their strings (``keys``) of some vertices: never
    all of them at once (at 10M phones an array of every id string is GBs)."""

    def __init__(self, index: pd.Index):
        self.index = index

    def of(self, v) -> np.ndarray:
        return np.asarray(self.index[np.asarray(v, dtype=np.int64)], dtype=object)

    def keys(self, v) -> np.ndarray:
        return np.array([str(i) for i in self.of(v)], dtype=object)


def _persons(ids: _Ids, group: pd.DataFrame, reg_id, reg_person, reg_edge, forced: pd.Series, known: np.ndarray):
    """The person of every group (DataFrame indexed by root: ``person`` id,
    ``pv`` its registered vertex or -1), the rows of
    mapping.attrs["persons"], the subscriber-record edges to drop and the new
    inferred persons (see merge)."""
    root_of = pd.Series(group["root"].to_numpy(), index=group["v"].to_numpy())
    inside = np.isin(reg_id, group["v"].to_numpy())
    reg = pd.DataFrame({"root": root_of.reindex(reg_id[inside]).to_numpy(), "person": reg_person[inside],
                        "edge": reg_edge[inside]})
    # a registered person whose records fall in several groups (a bought
    # identity registered for SIMs of different users) takes none of them
    spread = reg.groupby("person")["root"].nunique()
    shared = spread.index[spread.to_numpy() > 1]
    n = reg.groupby(["root", "person"]).size().rename("n").reset_index()
    n = n.sort_values(["root", "n", "person"], ascending=[True, False, True], kind="stable")
    second = n.groupby("root")["n"].nth(1)
    top = n.drop_duplicates("root").set_index("root")
    top["second"] = pd.Series(second.to_numpy(), index=n.loc[second.index, "root"].to_numpy()).reindex(top.index)
    ok = (top["second"].isna() | (top["n"] > top["second"])) & ~top["person"].isin(shared)
    chosen = top.loc[ok.to_numpy(), "person"]
    # several registered persons, one of them known beyond its records: that
    # one (the others are taken for identities bought or stolen in its name)
    alias = holders.sole_known(n["root"].to_numpy(), n["person"].to_numpy(), known)[1]
    chosen = pd.concat([chosen.drop(alias.index, errors="ignore"), alias])
    if len(forced):   # an attachment to a known person outranks a holder of record the case does not know
        have = chosen.reindex(forced.index)
        over = have.notna().to_numpy() & (have.to_numpy() != forced.to_numpy()) & known[forced.to_numpy()] & \
            ~known[have.fillna(0).to_numpy(np.int64)]
        chosen = chosen.drop(forced.index[over])
    by_records = chosen.index
    chosen, outcome = _force(chosen, forced)
    sizes = group.groupby("root").size()
    roots = sizes.index.to_numpy()
    pv = chosen.reindex(roots).fillna(-1).to_numpy(np.int64)
    # new persons: "person~" + the group's smallest member id, "~" appended
    # while that id is taken (by a node or an earlier group, in root order)
    smallest = group.groupby("root")["key"].min().reindex(roots).to_numpy()
    names = np.where(pv >= 0, None, PREFIX + smallest.astype(object))
    new = pv < 0
    names[new] = _free_ids(ids, names[new])
    person = np.where(new, names, ids.of(np.maximum(pv, 0)) if len(ids.index) else names)
    person_of_root = pd.DataFrame({"person": person.astype(object), "pv": pv}, index=roots)
    # the registered persons whose records in each group were removed
    pv_of = person_of_root["pv"].reindex(reg["root"].to_numpy()).to_numpy(np.int64)
    gone = reg.loc[reg["person"].to_numpy() != pv_of, ["root", "person"]]
    gone = gone.assign(k=ids.keys(gone["person"].to_numpy())).drop_duplicates(["root", "k"]).sort_values(["root", "k"])
    replaced = gone.groupby("root")["k"].agg(list).reindex(roots)
    why = np.where(pv < 0, "inferred", np.where(np.isin(roots, alias.index), "known beyond its records",
                                                 np.where(np.isin(roots, by_records), "most of the records",
                                                          "named by a pair")))
    rows = pd.DataFrame({"person": person_of_root["person"].to_numpy(), "members": sizes.to_numpy().astype(int),
                         "attached": pv >= 0, "chosen": why.astype(object),
                         "replaced": [r if isinstance(r, list) else [] for r in replaced.tolist()]})
    drop = reg.loc[reg["person"].to_numpy() != pv_of, "edge"].tolist()
    return person_of_root, rows, drop, names[new].tolist(), outcome
