"""Scores of leader rankings and partitions against a ground truth (such as
the one :func:`ringleader.generate.fraud_network` returns)."""
from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
import pandas as pd

from . import community as _community
from .generate import LEADER_ROLES

__all__ = ["leaders", "resolved_leaders", "resolution", "partition", "Score"]


class Score(dict):
    """A dict of scores whose keys are also attributes (``s.precision``)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self):
        return "Score(" + ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v!r}"
                                    for k, v in self.items()) + ")"


def _order(ranking) -> list:
    """Ids best first: a DataFrame by its ``rank`` column (else its order), a
    Series by decreasing value (ties: its order), any other sequence as given."""
    if isinstance(ranking, pd.DataFrame):
        if "rank" in ranking.columns:
            return list(ranking.sort_values("rank", kind="stable").index)
        return list(ranking.index)
    if isinstance(ranking, pd.Series):
        return list(ranking.sort_values(ascending=False, kind="stable").index)
    return list(ranking)


def leaders(ranking, truth: pd.DataFrame, k: Optional[int] = None, roles: Optional[Iterable[str]] = None,
            persons_only: bool = True, mapping: Optional[pd.Series] = None) -> Score:
    """Precision at k and average precision of a leader ranking.

    ``ranking``: the :func:`ringleader.leaders` DataFrame (ordered by its
    ``rank`` column), a Series of scores (a centrality: higher is more
    important) or an ordered sequence of ids, best first.  ``truth``: a
    DataFrame indexed by person id with a ``role`` column; the relevant ids
    are those whose role is in ``roles`` (default: the truth's
    ``attrs["leader_roles"]`` when it has them, as every generator family
    does, else boss, financier, manager; use
    :data:`ringleader.generate.KEY_MEMBER_ROLES` to include team leaders)
    and, when the truth has an ``observed`` column, that were observed
    (persons dropped as missing data are not in the network and are not
    counted).  With ``persons_only=True`` ids absent from ``truth`` (phones,
    accounts, venues) are dropped from the ranking first.

    ``mapping`` (identifier -> inferred person, as
    ``rl.resolve.merge`` returns it) scores a ranking computed
    on a resolved network: see :func:`resolved_leaders`.  A person of
    ``truth`` marked ``fake`` (a false subscriber of
    :func:`ringleader.generate.identity_noise`) is never relevant.

    Returns a :class:`Score`: ``precision`` (precision at k: the share of the
    top k that are relevant; k defaults to the number of relevant ids, where
    it equals recall, the R-precision), ``average_precision`` (the mean, over
    the relevant ids, of the precision at the rank of each; relevant ids
    missing from the ranking count 0), ``k``, ``hits`` (relevant ids in the
    top k) and ``relevant``.

    >>> net, truth = rl.generate.fraud_network(seed=1)
    >>> rl.evaluate.leaders(truth.index[truth.role == "boss"], truth, k=1).precision
    1.0
    """
    if "role" not in truth.columns:
        raise ValueError("truth needs a 'role' column (as rl.generate.fraud_network returns)")
    if roles is None:
        roles = truth.attrs.get("leader_roles", LEADER_ROLES)
    roles = {roles} if isinstance(roles, str) else set(roles)
    seen = truth["observed"].astype(bool) if "observed" in truth.columns else True
    relevant = set(truth.index[truth["role"].isin(roles) & seen])
    if not relevant:
        raise ValueError(f"no id in truth has a role in {sorted(roles)}")
    if "fake" in truth.columns:
        relevant -= set(truth.index[truth["fake"].astype(bool)])
    order = _order(ranking)
    if len(set(order)) != len(order):
        raise ValueError("the ranking lists some id twice")
    if mapping is not None:
        order = _as_users(order, mapping, truth, persons_only)
    elif persons_only:
        known = truth.index
        order = [x for x in order if x in known]
    if k is None:
        k = len(relevant)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k must be a positive integer, not {k!r}")
    k = int(k)
    seen: set = set()
    hit = np.zeros(len(order), dtype=bool)
    for i, x in enumerate(order):  # a true user counts once, at its best rank
        if x is not None and x in relevant and x not in seen:
            hit[i] = True
            seen.add(x)
    hits = int(hit[:k].sum())
    ranks = np.flatnonzero(hit) + 1
    ap = float(np.sum(np.arange(1, len(ranks) + 1) / ranks) / len(relevant)) if len(ranks) else 0.0
    return Score(precision=hits / k, average_precision=ap, k=k, hits=hits, relevant=len(relevant))


def _identifiers(truth: pd.DataFrame) -> pd.DataFrame:
    table = truth.attrs.get("identifiers")
    if not isinstance(table, pd.DataFrame) or not {"user", "type"} <= set(table.columns):
        raise ValueError("truth has no attrs['identifiers'] table with 'user' and 'type' columns (as "
                         "rl.generate.identity_noise returns)")
    return table


def _check_mapping(mapping) -> pd.Series:
    m = mapping if isinstance(mapping, pd.Series) else pd.Series(mapping, dtype=object)
    if m.index.has_duplicates:
        raise ValueError("the mapping lists some identifier twice")
    if m.isna().any():
        raise ValueError(f"the mapping has no person for {int(m.isna().sum())} identifiers, e.g. "
                         f"{list(m.index[m.isna()][:3])}")
    return m


def inferred_users(mapping, truth: pd.DataFrame) -> pd.Series:
    """Inferred person -> the true user holding most of its identifiers
    (ties: the smallest user id; identifiers whose user the truth does not
    know are not counted; None when it holds none with a known user)."""
    m = _check_mapping(mapping)
    users = _identifiers(truth)["user"].reindex(m.index)
    df = pd.DataFrame({"person": m.to_numpy(object), "user": users.to_numpy(object)})
    persons = pd.unique(df["person"])
    known = df.dropna(subset=["user"])
    if known.empty:
        return pd.Series([None] * len(persons), index=persons, dtype=object)
    n = known.groupby(["person", "user"]).size().rename("n").reset_index()
    n["key"] = n["user"].astype(str)
    best = n.sort_values(["person", "n", "key"], ascending=[True, False, True], kind="stable")
    best = best.drop_duplicates("person").set_index("person")["user"]
    return best.reindex(persons).astype(object).where(best.reindex(persons).notna(), None)


def _as_users(order, mapping, truth, persons_only) -> list:
    """Ranked ids as true users: an inferred person (a value of ``mapping``)
    its majority user, a real person of ``truth`` itself, a fake one None;
    other ids dropped (``persons_only``) or None."""
    user_of = inferred_users(mapping, truth)
    fake = set(truth.index[truth["fake"].astype(bool)]) if "fake" in truth.columns else set()
    out = []
    for x in order:
        if x in user_of.index:
            out.append(user_of[x])
        elif x in truth.index:
            out.append(None if x in fake else x)
        elif not persons_only:
            out.append(None)
    return out


def resolved_leaders(ranking, mapping, truth: pd.DataFrame, k: Optional[int] = None,
                     roles: Optional[Iterable[str]] = None, persons_only: bool = True) -> Score:
    """:func:`leaders` for a ranking computed on a resolved network.

    Each ranked id stands for a true user: an inferred person (a value of
    ``mapping``, identifier -> inferred person id, as
    ``rl.resolve.merge`` returns it) for the true user holding
    most of its identifiers in ``truth.attrs["identifiers"]`` (ties: the
    smallest user id; nobody when none of its identifiers has a known user),
    a registered person of ``truth`` for itself, a fake one (``truth.fake``)
    for nobody; nobody fills a slot as a miss.  A true user counts once, at its best
    rank: a leader split over a registered person and an inferred person, or
    over two inferred persons, fills a second slot that is a miss.  Ids that
    are neither (phones, accounts) are dropped with ``persons_only=True``,
    else misses.  Returns the :class:`Score` of :func:`leaders`.

    >>> rl.evaluate.resolved_leaders(["P1", "p2"], {"ph1": "P1", "ph2": "P1"}, truth, k=1)  # doctest: +SKIP
    """
    return leaders(ranking, truth, k=k, roles=roles, persons_only=persons_only, mapping=mapping)


def _pairs(n) -> int:
    n = np.asarray(n, dtype=np.int64)
    return int((n * (n - 1) // 2).sum())


def resolution(mapping, truth: pd.DataFrame, identifiers=None) -> Score:
    """Link precision, recall, F1 and purity of an identity resolution.

    ``mapping``: identifier id -> inferred person id (a Series or dict, as
    ``rl.resolve.merge`` returns it); ``truth``: the truth of
    :func:`ringleader.generate.identity_noise`, whose
    ``attrs["identifiers"]`` gives each phone's and account's true ``user``.

    Conventions.  A *link* is an unordered pair of identifiers of the same
    type (phone-phone, account-account; pairs across types are never
    counted).  Predicted links: the pairs put under one inferred person.
    True links: the pairs with the same true user.  Both are counted among
    the ``identifiers`` (default: every identifier of the truth whose user
    is known; identifiers of the mapping outside them are left out, so a
    pair with an unknown user is neither right nor wrong).  An identifier
    absent from the mapping is a singleton (it links to nothing).
    ``precision`` = correct / predicted links (1.0 when none is predicted),
    ``recall`` = correct / true links (1.0 when there is none), ``f1`` their
    harmonic mean; ``purity`` = the share of the mapped identifiers that
    belong to their inferred person's majority user (1.0 when none is
    mapped).  Also ``predicted``, ``true``, ``correct`` (link counts),
    ``identifiers`` (mapped and counted) and ``persons`` (inferred persons
    among them).  Pair counts come from group sizes (n(n-1)/2), so the cost
    is linear in the identifiers.

    >>> truth.attrs["identifiers"]                                    # doctest: +SKIP
    >>> rl.evaluate.resolution({"ph1": "P", "ph2": "P"}, truth).precision   # doctest: +SKIP
    """
    m = _check_mapping(mapping)
    table = _identifiers(truth)
    known = table[table["user"].notna()]
    if identifiers is not None:
        known = known[known.index.isin(pd.Index(identifiers))]
    true = _pairs(known.groupby(["user", "type"]).size().to_numpy())
    m = m[m.index.isin(known.index)]
    df = pd.DataFrame({"person": m.to_numpy(object), "user": known["user"].reindex(m.index).to_numpy(object),
                       "type": known["type"].reindex(m.index).to_numpy(object)})
    predicted = _pairs(df.groupby(["person", "type"]).size().to_numpy()) if len(df) else 0
    correct = _pairs(df.groupby(["person", "type", "user"]).size().to_numpy()) if len(df) else 0
    precision = correct / predicted if predicted else 1.0
    recall = correct / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if len(df):
        major = df.groupby(["person", "user"]).size().groupby(level="person").max()
        purity = float(major.sum() / len(df))
    else:
        purity = 1.0
    return Score(precision=float(precision), recall=float(recall), f1=float(f1), purity=purity,
                 predicted=predicted, true=true, correct=correct, identifiers=len(df),
                 persons=int(df["person"].nunique()) if len(df) else 0)


def partition(part, truth: pd.DataFrame, level: str = "group") -> Score:
    """NMI and ARI of a partition against the truth's ``group`` or ``team``.

    Compared on the persons that belong to a group (or team) in the truth
    (``truth[level] >= 0``) and have a community in ``part`` (a partition
    Series, e.g. from :func:`ringleader.community.leiden`, or a dict).
    Returns a :class:`Score` with ``nmi``, ``ari`` and ``n`` (persons
    compared).
    """
    if level not in ("group", "team"):
        raise ValueError(f"level must be 'group' or 'team', not {level!r}")
    labels = part if isinstance(part, pd.Series) else pd.Series(part)
    true = truth[level]
    true = true[true >= 0]
    common = true.index.intersection(labels.index, sort=False)
    if len(common) == 0:
        raise ValueError("the partition and the truth share no person with a group: compare the same network")
    a, b = labels.loc[common], true.loc[common]
    return Score(nmi=_community.nmi(a, b), ari=_community.ari(a, b), n=len(common))
