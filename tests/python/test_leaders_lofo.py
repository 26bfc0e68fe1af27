"""rl.leaders' fusion, scored leave-one-family-out on a reduced grid
(bench/leaders_lofo.py --quick runs the same code): the fitting procedure,
scored on families it was not fitted on, must not fall below the
equal-weight median rank or the best single measure chosen on the other
families; and the shipped default weights are what the procedure gives."""
from __future__ import annotations

import pathlib
import sys

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.criminal import _leader_fusion as fusion

BENCH = pathlib.Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import leaders_lofo  # noqa: E402


@pytest.fixture(scope="module")
def data():
    rows = []
    for name, row in rl.generate.families().iterrows():
        rows += leaders_lofo.examples(name, row["function"], (0.0, 0.1), 2, 60)
    return rows


def test_lofo_fit_not_below_median_rank_or_best_single(data):
    from ringleader.criminal._leader_measures import MEASURES

    measures = [m for m in MEASURES if any(m in r["table"].columns for r in data)]
    res, weights = leaders_lofo.lofo(data, measures)
    assert len(res) == 6
    fit = np.mean([r["fit"][0] for r in res])
    median = np.mean([r["median"][0] for r in res])
    best = np.mean([r["best"][0] for r in res])
    print({r["family"]: (round(r["fit"][0], 2), round(r["median"][0], 2), round(r["best"][0], 2)) for r in res})
    # mean over held-out families of precision at k
    assert fit >= median and fit >= best, (fit, median, best)
    # the shipped default is the procedure's answer on all families
    full = fusion.fit_fusion([(r["feats"], r["rel"], r["family"]) for r in data], measures)
    assert full["shrinkage"] == 0.0
    assert all(w == rl.criminal._leaders.DEFAULT_WEIGHTS[m] for m, w in full["weights"].items())


def test_fit_fusion_recovers_an_informative_measure():
    # two families where only measure "a" marks the leaders: the inner
    # leave-one-family-out keeps the fitted weights (shrinkage > 0)
    rng = np.random.default_rng(0)
    examples = []
    for fam in ("x", "y", "z"):
        for _ in range(4):
            n = 40
            rel = np.zeros(n, dtype=bool)
            rel[:4] = True
            raw = pd.DataFrame({"a": rng.random(n) + 2 * rel, "b": rng.random(n), "c": rng.random(n)})
            examples.append((fusion.log_rank_features(raw), rel, fam))
    got = fusion.fit_fusion(examples, ["a", "b", "c"])
    assert got["shrinkage"] > 0
    assert got["weights"]["a"] > got["weights"]["b"] and got["weights"]["a"] > got["weights"]["c"]
    with pytest.raises(ValueError, match="two families"):
        fusion.fit_fusion([e for e in examples if e[2] == "x"], ["a", "b", "c"])
