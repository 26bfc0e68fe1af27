"""The evidence ``rl.leaders`` fuses: one column per measure, one row per
person (``rl.criminal.leader_measures``)."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._kernel import seed_of
from ._person_network import HOLDING, owners, person_network
from ._springrank import springrank_test
from ..money import transfer_edges

__all__ = ["leader_measures", "MEASURES", "tie_safe"]

#: Every measure, with the words explanations use for it.
MEASURES = {
    "degree": "contacts", "betweenness": "betweenness", "harmonic": "closeness", "eigenvector": "eigenvector",
    "coreness": "core position", "strength": "interactions", "insulation": "closeness beyond contacts", "flow": "flow",
    "money": "money held", "money_in": "money received", "contact": "direct contacts",
    "calls_up": "calls received from below", "calls_down": "calls made downwards", "money_up": "money hierarchy",
}
POSITION = ("degree", "betweenness", "harmonic", "eigenvector", "coreness", "insulation")


def tie_safe(v: pd.Series) -> pd.Series:
    """Values rounded to 12 digits relative to the largest finite magnitude
    (NaN and infinities kept), so that equal values computed in a different
    order (parallel sums: thread counts differ by rounding) tie in a ranking
    instead of ranking by their last bits.  The C++ fusion rounds with the
    same function (``criminal::tie_safe``, criminal/leader_fusion.hpp)."""
    return pd.Series(_core.tie_safe(v.to_numpy(dtype=np.float64), 12), index=v.index, name=v.name)


def _pct(v: pd.Series) -> pd.Series:
    return tie_safe(v).rank(pct=True, method="average")


def _money(net, ids, transfer_type, holding, person_type):
    """(held, received) by each person's accounts, or (None, None)."""
    tr = transfer_edges(net, transfer_type)
    if tr.empty:
        return None, None
    owner = owners(net, person_type or "person", holding)
    if owner.empty:
        return None, None
    inflow = tr.groupby(tr["target"].map(owner))["amount"].sum()
    outflow = tr.groupby(tr["source"].map(owner))["amount"].sum()
    held = inflow.sub(outflow, fill_value=0.0).reindex(ids).fillna(0.0)
    received = inflow.reindex(ids).fillna(0.0)
    return held, received


def direct_contacts(net, ids):
    """Distinct persons each person has a direct person-person edge with."""
    e = net.edges
    person = pd.Index(ids)
    d = e[e["source"].isin(person) & e["target"].isin(person)]
    d = d[d["source"] != d["target"]]
    if d.empty:
        return None
    pairs = pd.DataFrame({"a": np.concatenate([d["source"].to_numpy(object), d["target"].to_numpy(object)]),
                          "b": np.concatenate([d["target"].to_numpy(object), d["source"].to_numpy(object)])})
    return pairs.drop_duplicates().groupby("a").size().reindex(person).fillna(0).astype(float)


def _hierarchy(pn, relation, seed, repeats, level):
    """SpringRank of the core persons from one relation's directed evidence
    (i -> j read as "j is above i"), and its p-value; None without evidence."""
    d = pn.directed
    if d is None or relation not in d.edges.columns:
        return None, None
    e = d.edges
    e = e[(e[relation] > 0) & e["source"].isin(pn.core) & e["target"].isin(pn.core)]
    if len(e) < 3:
        return None, None
    pos = pd.Series(np.arange(len(pn.core)), index=pn.core)
    # A_ij = "i above j": the target of the evidence is above its source
    s, p = springrank_test(e["target"].map(pos).to_numpy(), e["source"].map(pos).to_numpy(), len(pn.core),
                           e[relation].to_numpy(float), repeats=repeats, seed=seed % (2**32), stop_above=level)
    return pd.Series(s, index=pn.core), p


def leader_measures(net, person_type: Optional[str] = "person", seed: Optional[int] = None, *, via=None,
                    max_hub: Optional[int] = 50, min_contacts: Optional[int] = None, min_evidence: int = 2,
                    exact_below: int = 5000, samples: int = 256,
                    transfer_type: str = "transfer", holding=HOLDING, call_type: str = "call",
                    hierarchy_p: float = 0.05, hierarchy_repeats: int = 19, hierarchies=None, pn=None,
                    threads: int = 0,
                    progress: bool = False) -> pd.DataFrame:
    """Every measure ``rl.leaders`` can fuse, one column each, one row per person.

    Position in the organisation core, on its repeated ties
    (:func:`person_network`, ``min_evidence``; persons outside the core get
    NaN, ranked last): ``degree`` (distinct contacts),
    ``betweenness`` (Brandes), ``harmonic`` (harmonic closeness),
    ``eigenvector``, ``coreness`` (k-core number), ``insulation`` (percentile
    of closeness minus percentile of degree: near everyone through few
    contacts, Morselli 2010, Calderoni 2011).  Above ``exact_below`` core
    persons betweenness and closeness use ``samples`` sources drawn from
    ``seed``.

    From the typed data (every person): ``strength`` (pieces of evidence
    linking the person to others in the person network), ``flow`` (PageRank of the whole
    network as given, every node type), ``money`` (amounts into minus out
    of the accounts a person holds) and ``money_in`` (amounts in), holders
    found by node type (:func:`ringleader.criminal.owners`), ``contact``
    (distinct persons met directly).

    Hierarchy where direction means rank (core persons; SpringRank, De
    Bacco, Larremore & Moore 2018): ``money_up`` from transfers (the payee
    above the payer), ``calls_up`` from calls (the callee above the caller:
    reports go up) and ``calls_down`` (the caller above: orders go down).
    Each is kept only when its significance test (random directions,
    ``hierarchy_repeats`` of them, stopped as soon as the answer is no)
    gives p <= ``hierarchy_p``.  ``hierarchies``: the names of the hierarchy
    measures to compute without the test (the others are left out); used
    by ``rl.leaders(confidence=...)`` to keep, in every resample, the ones
    the full data showed.

    ``pn``: a :class:`PersonNetwork` already built for ``net`` (then
    ``via``, ``max_hub``, ``min_contacts`` and ``min_evidence`` are not
    used).  Values are rounded to 12 significant digits relative to the
    column's largest, so that the same answer computed with another number
    of threads ties the same way.  ``attrs``: ``dropped`` (measures left out, with the reason: no
    data, no hierarchy, every person ties), ``seed`` and ``core`` (the
    number of persons in the organisation core).

    Defaults: ``min_contacts`` (3 on multi-mode data) and ``min_evidence=2`` were set by
    reasoning, not fitted, but chosen after seeing the generator benchmark
    (bench/leaders_lofo.py); ``hierarchy_p=0.05`` with 19 repeats is the
    smallest p-value the test can give.

    >>> m = rl.criminal.leader_measures(net, seed=1)      # doctest: +SKIP
    """
    from .. import centrality
    from .._core import ConvergenceError

    seed = seed_of(seed)
    if pn is None:
        pn = person_network(net, person_type, via=via, max_hub=max_hub, min_contacts=min_contacts,
                            min_evidence=min_evidence)
    ids, core = pn.persons, pn.core
    values: dict = {}
    dropped: dict = {}
    if len(core) >= 2:
        cn = pn.core_network()
        k = min(samples, len(core)) if len(core) > exact_below else None
        values["degree"] = centrality.degree(cn, threads=threads)
        values["betweenness"] = centrality.betweenness(cn, k=k, seed=seed, threads=threads, progress=progress)
        values["harmonic"] = centrality.harmonic(cn, k=k, seed=seed, threads=threads, progress=progress)
        try:
            values["eigenvector"] = centrality.eigenvector(cn, max_iter=1000, threads=threads)
        except ConvergenceError:
            dropped["eigenvector"] = "did not converge"
        values["coreness"] = centrality.core_number(cn, threads=threads).astype(float)
        values["insulation"] = _pct(values["harmonic"]) - _pct(values["degree"])
    else:
        for m in POSITION:
            dropped[m] = "fewer than 2 persons in the organisation core"
    values["strength"] = centrality.strength(pn.net, weight="weight", threads=threads).reindex(ids)
    values["flow"] = centrality.pagerank(net, max_iter=1000, threads=threads).reindex(ids)
    if pn.multimode:
        held, received = _money(net, ids, transfer_type, holding, person_type)
        if held is None:
            dropped["money"] = dropped["money_in"] = f"no {transfer_type!r} amounts between held accounts"
        else:
            values["money"], values["money_in"] = held, received
        c = direct_contacts(net, ids)
        if c is None:
            dropped["contact"] = "no direct person-person edges"
        else:
            values["contact"] = c
        tested: dict = {}
        for name, rel, sign in (("money_up", transfer_type, 1.0), ("calls_up", call_type, 1.0),
                                ("calls_down", call_type, -1.0)):
            if hierarchies is not None and name not in hierarchies:
                dropped[name] = "not asked for"
                continue
            if rel not in tested:  # calls_up and calls_down share one test
                tested[rel] = _hierarchy(pn, rel, seed, 0 if hierarchies is not None else hierarchy_repeats,
                                         hierarchy_p)
            s, p = tested[rel]
            if s is None:
                dropped[name] = f"no directed {rel!r} evidence among core persons"
            elif hierarchies is None and p > hierarchy_p:
                dropped[name] = f"no hierarchy in {rel!r} directions (p >= {p:.2f})"
            else:
                values[name] = sign * s
    else:
        for m in ("money", "money_in", "contact", "money_up", "calls_up", "calls_down"):
            dropped[m] = "one-mode network"
    out = pd.DataFrame({m: tie_safe(values[m].reindex(ids).astype(float)) for m in MEASURES if m in values},
                       index=ids)
    for m in list(out.columns):
        col = out[m].dropna()
        if len(col) and col.nunique() <= 1 and len(ids) > 1:
            dropped[m] = "no information: every person ties"
            out = out.drop(columns=m)
    out.index.name = "id"
    out.attrs.update(dropped=dropped, seed=seed, core=len(core))
    return out
