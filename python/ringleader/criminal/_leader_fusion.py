"""Fusing leader measures into one score, and fitting the fusion's weights
on networks with known leaders (used by bench/leaders_lofo.py for the
leave-one-family-out evaluation and by the test that re-runs it).

The procedure that chose ``rl.leaders``' default weights is
:func:`fit_fusion`: weights fitted by coordinate ascent
(:func:`fit_weights`), shrunk towards equal weights by a factor chosen by an
inner leave-one-family-out."""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["log_rank_features", "fuse", "median_rank", "fit_weights", "fit_fusion", "precision_at_k",
           "average_precision"]


def log_rank_features(table: pd.DataFrame) -> pd.DataFrame:
    """Each measure as 1 - ln r / ln N (r: the person's rank by that measure,
    1 = highest, ties at their average rank; NaN ranked last): 1 for the
    first, 0 for the last, and most of the scale spent on the top ranks."""
    n = len(table)
    if n <= 1:
        return pd.DataFrame(1.0, index=table.index, columns=table.columns)
    r = table.rank(ascending=False, method="average", na_option="bottom")
    return 1.0 - np.log(r) / math.log(n)


def fuse(features: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """The weighted mean of the features of the measures with a positive
    weight present in ``features`` (0..1)."""
    used = {m: float(w) for m, w in weights.items() if w > 0 and m in features.columns}
    total = sum(used.values())
    if total == 0:
        return pd.Series(0.0, index=features.index)
    return sum(w * features[m] for m, w in used.items()) / total


def median_rank(table: pd.DataFrame) -> pd.Series:
    """Equal-weight baseline: minus the median rank over the measures."""
    r = table.rank(ascending=False, method="average", na_option="bottom")
    return -r.median(axis=1)


def _hits(score: np.ndarray, relevant: np.ndarray, k: int) -> float:
    order = np.lexsort((np.arange(len(score)), -score))  # stable: ties by input order
    return float(relevant[order[:k]].sum()) / k


def precision_at_k(score, relevant) -> float:
    relevant = np.asarray(relevant, dtype=bool)
    k = int(relevant.sum())
    return _hits(np.asarray(score, dtype=float), relevant, k) if k else float("nan")


def average_precision(score, relevant) -> float:
    relevant = np.asarray(relevant, dtype=bool)
    score = np.asarray(score, dtype=float)
    order = np.lexsort((np.arange(len(score)), -score))
    hit = relevant[order]
    ranks = np.flatnonzero(hit) + 1
    return float(np.sum(np.arange(1, len(ranks) + 1) / ranks) / relevant.sum()) if len(ranks) else 0.0


GRID = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0)


def fit_weights(examples: Sequence[tuple], measures: Sequence[str], passes: int = 3, grid=GRID) -> dict:
    """Weights (>= 0) of the log-rank fusion that maximise the mean of
    precision at k and average precision over ``examples`` (pairs of a
    feature DataFrame from :func:`log_rank_features` and a boolean array of
    the true leaders).  Coordinate ascent from equal weights over ``grid``,
    ``passes`` times; a measure missing from a network counts 0 there.
    Deterministic."""
    mats = []
    for feats, rel in examples:
        x = np.column_stack([feats[m].to_numpy(float) if m in feats.columns else np.zeros(len(feats))
                             for m in measures])
        mats.append((x, np.asarray(rel, dtype=bool)))

    def objective(w):
        if w.sum() == 0:
            return -1.0
        tot = 0.0
        for x, rel in mats:
            s = x @ w
            tot += precision_at_k(s, rel) + average_precision(s, rel)
        return tot / (2 * len(mats))

    w = np.ones(len(measures))
    best = objective(w)
    for _ in range(passes):
        changed = False
        for j in range(len(measures)):
            for g in grid:
                if g == w[j]:
                    continue
                trial = w.copy()
                trial[j] = g
                v = objective(trial)
                if v > best + 1e-12:
                    best, w, changed = v, trial, True
        if not changed:
            break
    return {m: float(x) for m, x in zip(measures, w)}


SHRINKAGES = (0.0, 0.25, 0.5, 1.0)


def shrink(weights: Mapping[str, float], factor: float) -> dict:
    """``1 + factor (w / mean(w) - 1)`` for each weight: 0 gives equal
    weights, 1 the weights themselves (rescaled to mean 1)."""
    mean = float(np.mean(list(weights.values()))) or 1.0
    return {m: 1.0 + factor * (w / mean - 1.0) for m, w in weights.items()}


def _score(examples, weights) -> float:
    """Mean over families of the mean of precision at k and average precision."""
    per: dict = {}
    for feats, rel, family in examples:
        s = fuse(feats, weights).to_numpy()
        per.setdefault(family, []).append(precision_at_k(s, rel) + average_precision(s, rel))
    return float(np.mean([np.mean(v) / 2 for v in per.values()]))


def fit_fusion(examples: Sequence[tuple], measures: Sequence[str], shrinkages=SHRINKAGES) -> dict:
    """The fitting procedure behind ``rl.leaders``' default weights.

    ``examples``: triples (features from :func:`log_rank_features`, boolean
    array of the true leaders, family name), from at least two families.
    For each shrinkage factor, an inner leave-one-family-out fits weights
    on all families but one (:func:`fit_weights`), shrinks them
    (:func:`shrink`) and scores them on the family left out; the smallest
    factor whose mean is within one standard error (over the held-out
    families) of the best mean is then applied to weights fitted on every
    family (the one-standard-error rule: Breiman et al. 1984, Hastie et al.
    2009 section 7.10; with five or six families the differences between
    factors are mostly noise).  Returns ``{"weights", "shrinkage",
    "inner"}`` (``inner``: factor -> mean held-out score).
    Deterministic."""
    families = list(dict.fromkeys(f for _, _, f in examples))
    if len(families) < 2:
        raise ValueError("fit_fusion needs examples from at least two families")
    inner = {float(c): [] for c in shrinkages}
    for held in families:
        train = [(x, r) for x, r, f in examples if f != held]
        test = [e for e in examples if e[2] == held]
        w = fit_weights(train, measures)
        for c in inner:
            inner[c].append(_score(test, shrink(w, c)))
    mean = {c: float(np.mean(v)) for c, v in inner.items()}
    top = max(mean, key=lambda c: (round(mean[c], 12), -c))
    se = float(np.std(inner[top], ddof=1) / math.sqrt(len(inner[top]))) if len(inner[top]) > 1 else 0.0
    # one-standard-error rule: the least departure from equal weights whose
    # held-out score is within one standard error of the best
    best = min(c for c in mean if mean[c] >= mean[top] - se - 1e-12)
    w = fit_weights([(x, r) for x, r, _ in examples], measures) if best else {m: 1.0 for m in measures}
    return {"weights": shrink(w, best), "shrinkage": best, "inner": mean}
