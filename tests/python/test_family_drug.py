"""The drug-distribution family (Natarajan 2000, 2006) keeps its structural
promises: a corporate hierarchy of bosses, money handlers, managers and
crews; sellers with few contacts inside the organisation; customers with
one or two contacts; leaders who rely on the telephone; cash collected by
transfers or couriers, each money hop later than the one before."""
import collections
import functools
import importlib
import time

import numpy as np
import pytest

import ringleader as rl
mod = importlib.import_module("ringleader.generate.drug_chain")  # the attribute is the function

ORG = ("boss", "financier", "manager", "team_leader", "operator", "facilitator")


@functools.lru_cache(maxsize=None)
def gen(size=100, seed=0, **fixed):
    return rl.generate.drug_chain(size=size, seed=seed, params=fixed or None)


def owners(net):
    """phone/account id -> person id, whatever the direction of uses/owns."""
    e = net.edges[net.edges["type"].isin(["uses", "owns"])]
    ntype = net.nodes["type"]
    out = {}
    for s, t in zip(e["source"], e["target"]):
        if ntype[s] == "person":
            out[t] = s
        else:
            out[s] = t
    return out


def person_ties(net, types=("call", "meets")):
    """Counter of (person, person) interactions (calls mapped to the phones' users)."""
    own = owners(net)
    e = net.edges[net.edges["type"].isin(types)]
    ties = collections.Counter()
    for s, t in zip(e["source"], e["target"]):
        a, b = own.get(s, s), own.get(t, t)
        ties[(a, b)] += 1
    return ties


def contacts(net, truth, types=("call", "meets")):
    nb = collections.defaultdict(set)
    for (a, b) in person_ties(net, types):
        if a in truth.index and b in truth.index and a != b:
            nb[a].add(b)
            nb[b].add(a)
    return nb


def test_module_constants():
    assert mod.FAMILY_LEADER_ROLES == ("boss", "financier", "manager")
    assert "Natarajan" in mod.REFERENCE and "2006" in mod.REFERENCE and "Johnson" in mod.REFERENCE
    assert mod.RANGES["cash_collection"] == ["transfer", "courier"]
    assert mod.RANGES["ownership_direction"] == ["person->thing", "thing->person"]
    assert rl.generate.families().loc["drug_chain", "function"] is rl.generate.drug_chain


@pytest.mark.parametrize("size", [10, 60, 150, 500])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_hierarchy_and_size(size, seed):
    net, truth = gen(size, seed)
    p = truth.attrs["params"]
    counts = truth["role"].value_counts()
    assert set(counts.index) <= set(ORG + ("victim", "outsider"))
    assert counts["boss"] == p["bosses"] and counts["financier"] == p["financiers"]
    assert counts["manager"] == p["n_divisions"] and counts["team_leader"] == p["n_crews"]
    assert p["n_divisions"] <= p["n_crews"] <= p["n_divisions"] * p["crews_per_manager"]
    members = truth["role"].isin(ORG).sum()
    assert abs(members - size) <= max(4, 0.1 * size)
    assert counts["boss"] + counts["financier"] + counts["manager"] >= 3
    # groups: a division per manager, crews numbered across the organisation
    tl = truth[truth.role == "team_leader"]
    ops = truth[truth.role == "operator"]
    assert sorted(tl.team) == list(range(p["n_crews"]))
    assert set(ops.team) == set(tl.team)  # every crew has sellers
    tl_group = dict(zip(tl.team, tl.group))
    assert (ops.group == ops.team.map(tl_group)).all()
    mg = truth[truth.role == "manager"]
    assert sorted(mg.group) == list(range(p["n_divisions"])) and (mg.team == -1).all()
    top = truth[truth.role.isin(["boss", "financier", "victim", "outsider"])]
    assert (top.group == -1).all() and (top.team == -1).all()
    assert set(net.node_types()) <= {"person", "phone", "account", "venue"}


def test_sellers_have_few_organisation_contacts_customers_one_or_two():
    for seed in range(4):
        net, truth = gen(150, seed)
        nb = contacts(net, truth)
        role = truth["role"]
        org = set(truth.index[role.isin(ORG)])
        ops = truth.index[role == "operator"]
        org_deg = np.array([len(nb[x] & org) for x in ops])
        # field workers: their crew chief and perhaps a few crew mates
        p = truth.attrs["params"]
        assert np.median(org_deg) <= 2 + p["crew_mutual_calls"] * 2 * p["sellers_per_crew"]
        lead = truth.index[role.isin(["boss", "manager"])]
        assert np.mean([len(nb[x] & org) for x in lead]) > np.mean(org_deg)
        for v in truth.index[role == "victim"]:
            assert 1 <= len(nb[v]) <= 2
            assert nb[v] <= set(truth.index[role.isin(["operator", "boss", "manager"])])


def test_bosses_rarely_talk_to_sellers():
    net, truth = gen(150, 3, boss_to_seller=0.0, boss_to_team_leader=0.0)
    nb = contacts(net, truth)
    low = set(truth.index[truth.role.isin(["operator", "team_leader"])])
    for b in truth.index[truth.role == "boss"]:
        assert not nb[b] & low
    shares = []
    for seed in range(5):
        net, truth = gen(150, seed)
        nb = contacts(net, truth)
        bosses = set(truth.index[truth.role == "boss"])
        ops = truth.index[truth.role == "operator"]
        shares.append(np.mean([bool(nb[x] & bosses) for x in ops]))
    assert max(shares) <= 0.1


def test_leaders_rely_on_the_telephone():
    for seed in range(4):
        net, truth = gen(150, seed)
        own = owners(net)
        calls = net.edges[net.edges.type == "call"]
        per = collections.Counter(own[s] for s in calls.source) + collections.Counter(own[t] for t in calls.target)
        org_calls = lambda r: np.mean([per[x] for x in truth.index[truth.role == r]])  # noqa: E731
        assert org_calls("boss") > org_calls("operator")
        assert org_calls("manager") > org_calls("operator")
        # several phones at most leader_phones for leaders, none for some sellers when phone share < 1
        nph = collections.Counter(own[x] for x in own if x.startswith("ph"))
        lp = truth.attrs["params"]["leader_phones"]
        for x in truth.index[truth.role.isin(["boss", "financier", "manager"])]:
            assert 1 <= nph[x] <= lp


@pytest.mark.parametrize("mode", ["transfer", "courier"])
def test_cash_collection(mode):
    net, truth = gen(150, 5, cash_collection=mode)
    own = owners(net)
    role = truth["role"]
    tr = net.edges[net.edges.type == "transfer"]
    pay = list(zip(tr.source.map(own).map(role), tr.target.map(own).map(role), tr.timestamp))
    kinds = collections.Counter((a, b) for a, b, _ in pay)
    assert kinds[("financier", "boss")] > 0 and kinds[("financier", "facilitator")] > 0
    assert (tr["amount"] > 0).all()
    if mode == "transfer":
        assert kinds[("team_leader", "manager")] > 0 and kinds[("manager", "financier")] > 0
        first_in = min(t for a, b, t in pay if b == "manager")
        assert min(t for a, b, t in pay if a == "manager") > first_in
    else:
        assert kinds[("team_leader", "manager")] == 0
        couriers = set(truth.index[(role == "facilitator") & (truth.group >= 0)])
        meets = net.edges[net.edges.type == "meets"]
        m = meets[meets.source.isin(couriers)]
        assert set(m.target.map(role)) >= {"team_leader", "financier"}
    # money hops: the first payment to a boss comes after the first collection
    first_boss = min(t for a, b, t in pay if b == "boss")
    first_fin_out = min(t for a, b, t in pay if a == "financier")
    assert first_boss >= first_fin_out


@pytest.mark.parametrize("direction", ["person->thing", "thing->person"])
def test_ownership_direction(direction):
    net, truth = gen(60, 1, ownership_direction=direction)
    e = net.edges[net.edges.type.isin(["uses", "owns"])]
    ntype = net.nodes["type"]
    src_person = (e.source.map(ntype) == "person")
    assert src_person.all() if direction == "person->thing" else (~src_person).all()
    assert len(e) > 0


def test_speed():
    t = time.perf_counter()
    net, truth = rl.generate.drug_chain(size=150, seed=9)
    assert time.perf_counter() - t < 1.0
    t = time.perf_counter()
    net, truth = rl.generate.drug_chain(size=2000, seed=9)
    assert time.perf_counter() - t < 5.0
    assert abs(truth.role.isin(ORG).sum() - 2000) <= 200
