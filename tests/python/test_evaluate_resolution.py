"""rl.evaluate.resolution and leader scoring on a resolved network: golden
values on a hand-made truth (pairs counted by hand in the comments)."""
import pandas as pd
import pytest

import ringleader as rl


@pytest.fixture
def truth():
    t = pd.DataFrame({"role": ["boss", "manager", "operator", "fake"], "group": [-1, 0, 0, -1],
                      "team": -1, "fake": [False, False, False, True]},
                     index=pd.Index(["A", "B", "C", "F"], name="id"))
    t.attrs["leader_roles"] = ("boss", "financier", "manager")
    t.attrs["identifiers"] = pd.DataFrame(
        {"user": ["A", "A", "A", "B", "B", "C", None, "A", "A"],
         "type": ["phone"] * 7 + ["account"] * 2},
        index=["ph1", "ph2", "ph3", "ph4", "ph5", "ph6", "ph7", "ac1", "ac2"])
    return t


# X = {ph1, ph2, ph4, ac1}, Y = {ph3, ph7}, Z = {ac2}, W = {ph5, ph6}
MAPPING = {"ph1": "X", "ph2": "X", "ph4": "X", "ac1": "X", "ph3": "Y", "ph7": "Y", "ac2": "Z", "ph5": "W",
           "ph6": "W"}


def test_resolution_golden(truth):
    s = rl.evaluate.resolution(pd.Series(MAPPING), truth)
    # true links: A's phones ph1 ph2 ph3 -> 3, B's ph4 ph5 -> 1, A's accounts ac1 ac2 -> 1: 5
    # predicted: X's phones ph1 ph2 ph4 -> 3 (ac1 alone of its type), W: ph5 ph6 -> 1, Y: ph7 unknown -> 0: 4
    # correct: X (ph1, ph2) -> 1
    assert (s.true, s.predicted, s.correct) == (5, 4, 1)
    assert s.precision == pytest.approx(0.25) and s.recall == pytest.approx(0.2)
    assert s.f1 == pytest.approx(2 * 0.25 * 0.2 / 0.45)
    # purity: X 3 of 4 (A), Y 1 of 1 (ph7 unknown), Z 1 of 1, W 1 of 2 -> 6 / 8
    assert s.purity == pytest.approx(0.75) and s.identifiers == 8 and s.persons == 4


def test_resolution_restricted_and_empty(truth):
    s = rl.evaluate.resolution(MAPPING, truth, identifiers=["ph1", "ph2", "ph4"])
    # true: (ph1, ph2); predicted: X's 3 pairs; correct 1
    assert (s.true, s.predicted, s.correct) == (1, 3, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == 1.0
    e = rl.evaluate.resolution(pd.Series(dtype=object), truth)
    assert (e.precision, e.recall, e.f1, e.purity, e.predicted) == (1.0, 0.0, 0.0, 1.0, 0)
    perfect = rl.evaluate.resolution({"ph1": "P", "ph2": "P", "ph3": "P", "ph4": "Q", "ph5": "Q",
                                      "ac1": "P", "ac2": "P"}, truth)
    assert (perfect.precision, perfect.recall, perfect.purity) == (1.0, 1.0, 1.0)


def test_inferred_users(truth):
    from ringleader.evaluate import inferred_users

    u = inferred_users(MAPPING, truth)
    # W: B and C tie at 1 -> the smallest id, B; Y: ph7 has no known user, ph3 is A's
    assert u.to_dict() == {"X": "A", "Y": "A", "Z": "A", "W": "B"}
    assert inferred_users({"ph7": "V"}, truth).to_dict() == {"V": None}


def test_resolved_leaders_golden(truth):
    ranking = ["W", "F", "X", "A", "C", "Y"]
    s = rl.evaluate.resolved_leaders(ranking, MAPPING, truth)
    # relevant: A (boss), B (manager); k = 2.  W -> B hit at 1, F fake: a miss at 2,
    # X -> A hit at 3, A again at 4 and Y -> A at 6: duplicates, misses
    assert (s.k, s.hits, s.relevant) == (2, 1, 2)
    assert s.precision == 0.5 and s.average_precision == pytest.approx((1 / 1 + 2 / 3) / 2)
    # a leader split in two fills two slots, one a miss
    assert rl.evaluate.resolved_leaders(["X", "Y", "W"], MAPPING, truth, k=2).precision == 0.5
    # the same through leaders(mapping=)
    assert rl.evaluate.leaders(ranking, truth, mapping=MAPPING) == s
    # a phone id in the ranking: dropped, or a miss with persons_only=False
    assert rl.evaluate.resolved_leaders(["ph1", "W", "X"], MAPPING, truth).precision == 1.0
    assert rl.evaluate.resolved_leaders(["ph1", "W", "X"], MAPPING, truth, persons_only=False).precision == 0.5


def test_leaders_counts_fakes_as_misses(truth):
    # unresolved ranking: the fake subscriber F is a person of the truth, never relevant
    s = rl.evaluate.leaders(["F", "A", "B"], truth)
    assert s.precision == 0.5 and s.average_precision == pytest.approx((1 / 2 + 2 / 3) / 2)
    t = truth.copy()
    t.loc["F", "role"] = "boss"  # marked fake: still not relevant
    assert rl.evaluate.leaders(["F", "A", "B"], t).hits == 1


def test_bad_input(truth):
    t = truth.copy()
    t.attrs = {}
    with pytest.raises(ValueError, match="identifiers"):
        rl.evaluate.resolution(MAPPING, t)
    with pytest.raises(ValueError, match="identifiers"):
        rl.evaluate.resolved_leaders(["X"], MAPPING, t)
    with pytest.raises(ValueError, match="no person"):
        rl.evaluate.resolution({"ph1": None}, truth)
    with pytest.raises(ValueError, match="twice"):
        rl.evaluate.resolution(pd.Series(["X", "Y"], index=["ph1", "ph1"]), truth)
    with pytest.raises(ValueError, match="twice"):
        rl.evaluate.resolved_leaders(["X", "X"], MAPPING, truth)


def test_on_generated_truth():
    net, truth = rl.generate.fraud_compound(size=100, seed=3)
    net2, t2 = rl.generate.identity_noise(net, truth, seed=4)
    ids = t2.attrs["identifiers"]
    # the oracle resolution (every identifier under its true user) is perfect
    oracle = ids["user"].dropna().map(lambda u: f"I{u}")
    s = rl.evaluate.resolution(oracle, t2)
    assert (s.precision, s.recall, s.purity) == (1.0, 1.0, 1.0) and s.true > 0
    # the oracle ranking of true leaders scores 1 through the mapping
    leaders = t2.index[t2["role"].isin(t2.attrs["leader_roles"])]
    ranking = [f"I{u}" for u in leaders if u in set(ids["user"])]
    r = rl.evaluate.resolved_leaders(ranking, oracle, t2, k=len(ranking))
    assert r.precision == 1.0
