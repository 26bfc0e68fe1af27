"""Fusing leader measures into one score, and fitting the fusion's weights
on networks with known leaders (used by bench/leaders_lofo.py for the
leave-one-family-out evaluation)."""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["log_rank_features", "fuse", "median_rank", "fit_weights", "precision_at_k", "average_precision"]


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
