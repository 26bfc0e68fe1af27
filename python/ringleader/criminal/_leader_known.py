"""Leader ranking with some roles known (``rl.leaders(..., known=...)``):
the fusion's weights fitted within the network to the persons known to be
leaders (positive-unlabelled: a person not given is not taken to be a
non-leader)."""
from __future__ import annotations

import warnings
from typing import Mapping

import numpy as np
import pandas as pd

from ._leader_fusion import SHRINKAGES, average_precision, fit_weights, log_rank_features, precision_at_k, shrink

__all__ = ["fit_known", "LEADER_ROLES", "ROLE_NAMES"]

#: Roles (API.md's role list) that count as leaders, and every role name.
LEADER_ROLES = ("boss", "financier", "manager")
ROLE_NAMES = ("boss", "financier", "manager", "team_leader", "operator", "recruiter", "facilitator", "mule", "victim",
              "outsider")


def known_labels(known, ids: pd.Index) -> pd.Series:
    """``known`` (Series or dict person -> True/False or a role name) as a
    boolean Series over the persons given."""
    k = pd.Series(known, dtype=object) if not isinstance(known, pd.Series) else known.astype(object)
    if k.index.has_duplicates:
        raise ValueError(f"known= names a person twice: {list(k.index[k.index.duplicated()][:3])}")
    missing = k.index.difference(ids)
    if len(missing):
        raise ValueError(f"known= names {len(missing)} persons that are not persons of the network, e.g. "
                         f"{list(missing[:3])}")
    out = {}
    for who, v in k.items():
        if isinstance(v, (bool, np.bool_)):
            out[who] = bool(v)
        elif isinstance(v, str) and v in ROLE_NAMES:
            out[who] = v in LEADER_ROLES
        else:
            raise ValueError(f"known[{who!r}] must be True/False or a role name ({', '.join(ROLE_NAMES)}), "
                             f"not {v!r}")
    return pd.Series(out, dtype=bool)


def near(person_net, seeds, ids) -> pd.Series:
    """Personalised PageRank from ``seeds`` on the person network (links
    weighted by their evidence): how close each person is to the known
    leaders (leaders deal with each other)."""
    from ..centrality import pagerank

    if not len(seeds) or not person_net.number_of_edges():
        return pd.Series(0.0, index=ids)
    w = "weight" if "weight" in person_net.edges.columns else None
    pr = pagerank(person_net, personalization={p: 1.0 for p in seeds}, weight=w, max_iter=1000)
    return pr.reindex(ids).fillna(0.0)


#: The known-roles fusion's two settings: how far the fitted weights move
#: from equal weights (``shrink``: 0 keeps equal weights, 1 the fitted ones)
#: and the weight of ``near_known``.  Chosen by :func:`choose_setting` on all
#: six generator families by bench/leaders_step3.py, which also reports
#: them chosen leave-one-family-out.
KNOWN_SHRINKAGE = 0.5
KNOWN_NEAR = 4.0
GRID = tuple((c, b) for c in SHRINKAGES for b in (0.0, 1.0, 2.0, 4.0, 8.0))


def setting_name(shrinkage: float, near_weight: float) -> str:
    return f"{shrinkage:g}/{near_weight:g}"


def choose_setting(per_family: pd.DataFrame, default: pd.Series) -> str:
    """The setting (a column of ``per_family``: families x settings, mean
    precision at k on the persons not given) whose worst gain over the
    unsupervised ``default`` (per family) is largest; ties (to 0.005) go to
    the larger mean gain.  Giving roles must not make the ranking worse on
    any kind of organisation, so the worst family decides, not the mean."""
    gain = per_family.sub(default.reindex(per_family.index), axis=0)
    worst = gain.min().round(3)
    top = worst[worst >= worst.max() - 0.005].index
    return str(gain[top].mean().idxmax())


def known_score(values, person_net, pos, measures, shrinkage=KNOWN_SHRINKAGE, near_weight=KNOWN_NEAR,
                fitted=None):
    """(score array, weights, near_known Series) of the known-roles fusion
    built from the leaders marked in ``pos``: log-rank weights fitted to put
    them first (:func:`fit_weights`), shrunk by ``shrinkage``, plus
    ``near_known`` with weight ``near_weight``."""
    feats = log_rank_features(values[measures])
    w = shrink(fitted if fitted is not None else fit_weights([(feats, pos)], measures), shrinkage)
    nk = near(person_net, values.index[pos], values.index)
    nkf = log_rank_features(nk.to_frame("near_known"))["near_known"].to_numpy()
    wv = np.array([w[m] for m in measures])
    s = (feats[measures].to_numpy() @ wv + near_weight * nkf) / (wv.sum() + near_weight)
    return s, w, nk


def _cv(values, person_net, pos: np.ndarray, measures, folds: int):
    """Held-out (precision at k, average precision) of the known-roles
    fusion and of equal weights: the known leaders are split into
    ``folds``; the fusion is built from the others and the held-out leaders
    are ranked among the persons not used to build it."""
    where = np.flatnonzero(pos)
    got, equal = [], []
    feats = log_rank_features(values[measures]).to_numpy().mean(axis=1)
    for i in range(folds):
        held = where[i::folds]
        train = pos.copy()
        train[held] = False
        pool = ~train
        rel = np.zeros(len(pos), dtype=bool)
        rel[held] = True
        s = known_score(values, person_net, train, measures)[0]
        got.append((precision_at_k(s[pool], rel[pool]), average_precision(s[pool], rel[pool])))
        equal.append((precision_at_k(feats[pool], rel[pool]), average_precision(feats[pool], rel[pool])))
    return tuple(np.mean(got, axis=0)), tuple(np.mean(equal, axis=0))


def fit_known(values: pd.DataFrame, known, weights: Mapping[str, float], person_net):
    """Weights fitted to the known leaders of this network, and what
    cross-validation on them says.

    The measures' weights are fitted by coordinate ascent to put the known
    leaders first and moved from equal weights by ``KNOWN_SHRINKAGE`` (0.5); one
    measure is added, ``near_known`` (personalised PageRank from the known
    leaders on the person network, :func:`near`: leaders deal with each
    other), with weight ``KNOWN_NEAR`` (4).  While fitting, every other person
    (given as a non-leader or not given) counts as not a leader: with
    leaders labelled at random among leaders, ranking by the chance of
    being labelled is ranking by the chance of being a leader (Elkan & Noto
    2008).  Returns ``(weights, info, values)``: ``values`` gains the
    ``near_known`` column; ``info`` has ``leaders`` and ``non_leaders``
    (counts given), ``cv_precision`` and ``cv_average_precision`` (folds
    over the known leaders: the fusion built without them, the held-out
    ones ranked among the persons not used) and ``cv_precision_equal``
    (equal weights, same folds).  With fewer than 2 known leaders nothing is
    fitted (a warning; the figures are NaN)."""
    labels = known_labels(known, values.index)
    measures = [m for m in weights if m in values.columns]
    pos = values.index.isin(labels.index[labels]).astype(bool)
    n_pos = int(pos.sum())
    info = {"leaders": n_pos, "non_leaders": int((~labels).sum())}
    if n_pos < 2:
        warnings.warn(f"rl.leaders: known= gives {n_pos} leader(s); at least 2 are needed to fit weights and "
                      "cross-validate them, so the default weights are kept", stacklevel=3)
        return dict(weights), info | {"cv_precision": float("nan"), "cv_average_precision": float("nan"),
                                      "cv_precision_equal": float("nan")}, values
    got, equal = _cv(values, person_net, pos, measures, folds=min(5, n_pos))
    info |= {"cv_precision": float(got[0]), "cv_average_precision": float(got[1]),
             "cv_precision_equal": float(equal[0])}
    _, w, nk = known_score(values, person_net, pos, measures)
    w = {m: max(0.0, float(x)) for m, x in w.items()}
    if KNOWN_NEAR > 0:
        values = values.assign(near_known=nk)
        w["near_known"] = KNOWN_NEAR
    return w, info, values
