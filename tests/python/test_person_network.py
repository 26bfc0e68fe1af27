"""rl.criminal.person_network, owners, leader_measures and the SpringRank
solver behind the hierarchy measures."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.criminal._springrank import springrank, springrank_test


def dense_springrank(src, dst, n, w, alpha):
    a = np.zeros((n, n))
    np.add.at(a, (src, dst), w)
    lap = np.diag(a.sum(1) + a.sum(0)) - a - a.T + alpha * np.eye(n)
    return np.linalg.solve(lap, a.sum(1) - a.sum(0))


@pytest.mark.parametrize("seed", range(6))
def test_springrank_equals_the_dense_solution(seed):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(2, 40)), int(rng.integers(1, 120))
    src, dst = rng.integers(n, size=m), rng.integers(n, size=m)
    w = rng.uniform(0.5, 3, size=m)
    for alpha in (0.1, 1.0):
        np.testing.assert_allclose(springrank(src, dst, n, w, alpha), dense_springrank(src, dst, n, w, alpha),
                                   atol=1e-7)


def test_springrank_orders_levels_and_tests_hierarchy():
    # five levels of six; each node is above three nodes of the next level:
    # mean rank falls level by level, and the directions are significant
    # (no random re-direction of the same ties has a lower energy); the same
    # ties with random directions are not
    rng = np.random.default_rng(3)
    src = np.repeat(np.arange(24), 3)
    dst = np.array([6 * (i // 6 + 1) + j for i in range(24) for j in rng.choice(6, 3, replace=False)])
    s, p = springrank_test(src, dst, 30, repeats=19, seed=1)
    assert np.all(np.diff(s.reshape(5, 6).mean(1)) < 0) and p == pytest.approx(0.05)
    flip = rng.random(len(src)) < 0.5
    _, p_rand = springrank_test(np.where(flip, dst, src), np.where(flip, src, dst), 30, repeats=19, seed=1)
    assert p_rand > 0.05


def case(direction="person->thing"):
    """Two people with phones and accounts; money and calls between them;
    a venue everyone visits; a company holding an account."""
    nodes = pd.DataFrame({"type": ["person"] * 4 + ["phone"] * 2 + ["account"] * 3 + ["venue", "company"]},
                         index=["a", "b", "c", "d", "ph1", "ph2", "ac1", "ac2", "ac3", "bar", "co"])
    hold = [("a", "ph1", "uses"), ("b", "ph2", "uses"), ("a", "ac1", "owns"), ("b", "ac2", "owns"),
            ("c", "co", "owns"), ("co", "ac3", "owns")]
    if direction != "person->thing":
        hold = [(t, s, k) for s, t, k in hold]
    rows = hold + [("ph1", "ph2", "call"), ("ac1", "ac2", "transfer"), ("ac2", "ac3", "transfer"),
                   ("a", "bar", "located_at"), ("b", "bar", "located_at"), ("c", "bar", "located_at"),
                   ("d", "bar", "located_at"), ("c", "d", "meets")]
    e = pd.DataFrame(rows, columns=["source", "target", "type"])
    e["amount"] = np.where(e["type"] == "transfer", [0, 0, 0, 0, 0, 0, 0, 100.0, 60.0, 0, 0, 0, 0, 0][:len(e)],
                           np.nan)
    return rl.Network.from_pandas(e, nodes=nodes, directed=True)


@pytest.mark.parametrize("direction", ["person->thing", "thing->person"])
def test_owners_by_node_type_not_direction(direction):
    own = rl.criminal.owners(case(direction))
    assert own.to_dict() == {"ph1": "a", "ph2": "b", "ac1": "a", "ac2": "b", "co": "c", "ac3": "c"}


def test_person_network_leaves_places_out_and_cuts_the_core():
    pn = rl.criminal.person_network(case(), min_contacts=1)
    pairs = {tuple(sorted(p)) for p in zip(pn.net.edges["source"], pn.net.edges["target"])}
    # call a-b, transfers a-b and b-c (through the company's account), meeting c-d; the bar links nobody
    assert pairs == {("a", "b"), ("b", "c"), ("c", "d")}
    assert list(pn.core) == ["a", "b", "c", "d"] and pn.multimode
    assert list(rl.criminal.person_network(case(), min_contacts=2).core) == ["b", "c"]
    with_bar = rl.criminal.person_network(case(), places=(), min_contacts=1)
    assert with_bar.net.number_of_edges() > pn.net.number_of_edges()


def test_person_network_of_a_one_mode_network():
    g = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b", "c", "c"], "target": ["b", "c", "a", "d"]}))
    pn = rl.criminal.person_network(g)
    # one-mode: every node is a member of the core unless min_contacts says otherwise,
    # and every tie counts (one piece of evidence each)
    assert not pn.multimode and list(pn.core) == ["a", "b", "c", "d"] and len(pn.persons) == 4
    assert pn.core_network().number_of_edges() == 4
    assert list(rl.criminal.person_network(g, min_contacts=3).core) == ["c"]
    assert list(rl.criminal.person_network(g, min_contacts=2).core) == ["a", "b", "c"]


@pytest.mark.parametrize("direction", ["person->thing", "thing->person"])
def test_leader_measures_money_does_not_depend_on_ownership_direction(direction):
    m = rl.criminal.leader_measures(case(direction), seed=1, min_contacts=1)
    assert m.loc["c", "money"] == 60.0 and m.loc["b", "money"] == 40.0 and m.loc["a", "money"] == -100.0
    assert m.loc["b", "money_in"] == 100.0
    assert set(m.columns) <= set(rl.criminal.leader_measures.__globals__["MEASURES"])
    assert "calls_up" in m.attrs["dropped"]  # one call is no hierarchy


def test_leader_measures_position_only_in_the_core():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net, truth = rl.generate.fraud_compound(size=60, seed=4)
        m = rl.criminal.leader_measures(net, seed=1)
        pn = rl.criminal.person_network(net)
    outside = m.index.difference(pn.core)
    assert len(outside) and m.loc[outside, "degree"].isna().all() and m.loc[pn.core, "degree"].notna().all()
    assert m["flow"].notna().all()
    assert m.attrs["core"] == len(pn.core)


def test_evaluate_uses_the_truths_leader_roles_and_observed_persons():
    truth = pd.DataFrame({"role": ["boss", "operator", "manager", "boss"], "observed": [True, True, True, False]},
                         index=["a", "b", "c", "d"])
    truth.attrs["leader_roles"] = ("boss",)
    s = rl.evaluate.leaders(["a", "b", "c"], truth)
    assert s.relevant == 1 and s.k == 1 and s.precision == 1.0
    assert rl.evaluate.leaders(["b", "c", "a"], truth, roles=("boss", "manager")).relevant == 2


def test_core_network_keeps_repeated_ties():
    # a-b: a call and a transfer (2 pieces of evidence); b-c and c-d: one each
    pn = rl.criminal.person_network(case(), min_contacts=1)
    assert pn.min_evidence == 2
    kept = pn.core_network()
    assert kept.number_of_nodes() == 4
    assert {tuple(sorted(p)) for p in zip(kept.edges["source"], kept.edges["target"])} == {("a", "b")}
    every = rl.criminal.person_network(case(), min_contacts=1, min_evidence=1).core_network()
    assert every.number_of_edges() == 3
    with pytest.raises(ValueError, match="min_evidence"):
        rl.criminal.person_network(case(), min_evidence=0)
