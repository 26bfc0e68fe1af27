"""Scores of leader rankings and partitions against a ground truth (such as
the one :func:`ringleader.generate.fraud_network` returns)."""
from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
import pandas as pd

from . import community as _community
from .generate import LEADER_ROLES

__all__ = ["leaders", "partition", "Score"]


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
            persons_only: bool = True) -> Score:
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
    order = _order(ranking)
    if persons_only:
        known = truth.index
        order = [x for x in order if x in known]
    if len(set(order)) != len(order):
        raise ValueError("the ranking lists some id twice")
    if k is None:
        k = len(relevant)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k must be a positive integer, not {k!r}")
    k = int(k)
    hit = np.array([x in relevant for x in order], dtype=bool)
    hits = int(hit[:k].sum())
    ranks = np.flatnonzero(hit) + 1
    ap = float(np.sum(np.arange(1, len(ranks) + 1) / ranks) / len(relevant)) if len(ranks) else 0.0
    return Score(precision=hits / k, average_precision=ap, k=k, hits=hits, relevant=len(relevant))


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
