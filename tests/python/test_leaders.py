"""rl.leaders: published leaders of real covert networks, precision on the
generator's networks against every single measure, and the API contract."""
from __future__ import annotations

import pathlib
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

FIX = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIX))
import refcommon  # noqa: E402

COLUMNS = ["score", "rank", "community", "community_rank", "role", "explanation"]
ROLES = {"leader", "broker", "key member", "peripheral"}


def covert(shared, name):
    source = refcommon.read_fixture(FIX / "reference" / f"covert__{name}.json.gz")["source"]
    return refcommon.load_source(rl, source, shared)


def check_contract(L, ids):
    assert list(L.columns[:6]) == COLUMNS
    assert all(c.startswith("rank_") for c in L.columns[6:]) and len(L.columns) > 6
    assert set(L.index) == set(ids) and L.index.is_unique and L.index.name == "id"
    assert L["rank"].is_monotonic_increasing and L["rank"].iloc[0] == 1
    assert L["rank"].dtype == np.int64 and L["community_rank"].dtype == np.int64
    assert ((L["score"] >= 0) & (L["score"] <= 1)).all()
    assert (L["score"].diff().dropna() <= 1e-15).all()  # sorted by score
    assert set(L["role"]) <= ROLES and L["role"].iloc[0] == "leader"
    assert L["explanation"].str.len().min() > 0
    # community ranks are the ranks of the score inside each community
    again = L.groupby("community")["score"].rank(ascending=False, method="min").astype(np.int64)
    assert (again == L["community_rank"]).all()
    for c in L.columns[6:]:
        assert L[c].dtype == np.int64 and L[c].min() == 1


# ---- published leaders of real covert networks (../shared/data) -------------

@pytest.mark.parametrize("name,who", [
    ("krebs_911_62", "Mohamed Atta"),          # Krebs (2002): the ring-leader
    ("florentine_mpx_marriage", "Medici"),     # Padgett & Ansell (1993)
    ("koschade_bali_matrix", "Samudra"),       # Koschade (2006): the field commander
])
def test_published_leader_is_first(shared_data, name, who):
    L = rl.leaders(covert(shared_data, name), seed=1)
    check_contract(L, L.index)
    assert L.index[0] == who and L.loc[who, "role"] == "leader"


def test_caviar_serero_and_perlini_in_top_3(shared_data):
    # Morselli (2009): Daniel Serero (N1), the principal organiser, and Pierre
    # Perlini (N12), his associate; CAVIAR's matrix numbers them 1 and 12.
    net = covert(shared_data, "caviar_full")
    assert net.directed
    L = rl.leaders(net, seed=1)
    assert {"1", "12"} <= set(L.index[:3])


def test_noordin_top_first_on_the_multimode_network(shared_data):
    # Everton (2012): Noordin Mohammed Top is the central figure.  Persons with
    # their organisations, schools, trainings, businesses, operations,
    # religious affiliations, places, functions and meetings, plus the five
    # person-person tie types.
    net = refcommon.load_noordin_multimode(rl, shared_data)
    assert net.node_types()["person"] == 139 and len(net.node_types()) == 10
    L = rl.leaders(net, seed=1)
    check_contract(L, net.nodes.index[net.nodes["type"] == "person"])
    assert len(L) == 139 and L.attrs["projected"]
    assert L.index[0] == "Noordin Mohammed Top"
    assert "rank_contact" in L.columns  # the person-person ties are direct contacts
    # the same ranking whatever the seed (only communities depend on it)
    assert rl.leaders(net, seed=2).index[0] == "Noordin Mohammed Top"


# ---- generator networks: better than every single measure -------------------

def interaction_projection(net):
    """Persons linked by calls between their phones, meetings, transfers
    between their accounts (bench/leaders.py's baseline)."""
    e = net.edges
    phone = dict(zip(e.target[e.type == "uses"], e.source[e.type == "uses"]))
    acct = dict(zip(e.target[e.type == "owns"], e.source[e.type == "owns"]))
    calls, meets, tr = e[e.type == "call"], e[e.type == "meets"], e[e.type == "transfer"]
    pairs = pd.concat([pd.DataFrame({"source": calls.source.map(phone), "target": calls.target.map(phone)}),
                       meets[["source", "target"]],
                       pd.DataFrame({"source": tr.source.map(acct), "target": tr.target.map(acct)})]).dropna()
    pairs = pairs[pairs.source != pairs.target]
    persons = net.nodes.index[net.nodes["type"] == "person"]
    return rl.Network.from_pandas(pairs.assign(type="link"), nodes=pd.DataFrame({"id": persons, "type": "person"}))


def single_measures(proj):
    c = rl.centrality
    return {"degree": c.degree(proj), "strength": c.strength(proj), "betweenness": c.betweenness(proj),
            "closeness": c.closeness(proj), "eigenvector": c.eigenvector(proj, max_iter=1000),
            "pagerank": c.pagerank(proj, weight="weight")}


SIZES = {
    "small": dict(n_groups=3, teams_per_group=4, operators_per_team=8, victims_per_operator=5),
    "larger": dict(n_groups=6, teams_per_group=5, operators_per_team=10, victims_per_operator=4),
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("noise", [0.0, 0.1, 0.3])
def test_beats_every_single_measure_on_generated_networks(size, noise):
    """Precision at k (k = number of leaders), averaged over 3 seeds, is
    higher than that of every single measure on either person projection."""
    ours, single = [], {}
    for seed in range(3):
        net, truth = rl.generate.fraud_network(**SIZES[size], noise=noise, seed=500 + seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # hubs skipped by the projection
            L = rl.leaders(net, seed=seed)
            full = net.project("person")
        ours.append(rl.evaluate.leaders(L, truth).precision)
        for tag, proj in (("interactions", interaction_projection(net)), ("project", full)):
            for name, s in single_measures(proj).items():
                single.setdefault(f"{name} [{tag}]", []).append(rl.evaluate.leaders(s, truth).precision)
    best = max(single, key=lambda k: np.mean(single[k]))
    print(size, noise, np.mean(ours), best, np.mean(single[best]))
    assert np.mean(ours) > np.mean(single[best]), (np.mean(ours), best, np.mean(single[best]))
    assert np.mean(ours) >= 0.6


# ---- contract, options, edge cases -------------------------------------------

@pytest.fixture(scope="module")
def fraud():
    return rl.generate.fraud_network(n_groups=2, teams_per_group=2, operators_per_team=4, victims_per_operator=2,
                                     seed=7)


def test_contract_on_a_multimode_network(fraud):
    net, truth = fraud
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        L = rl.leaders(net, seed=3)
    check_contract(L, truth.index)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = rl.criminal.leader_measures(net, seed=3)
    assert list(L.columns[6:]) == [f"rank_{m}" for m in table.columns]
    assert {"money", "contact", "flow", "harmonic"} <= set(table.columns)
    assert L.attrs["weights"] == {m: 1.0 for m in table.columns} and L.attrs["seed"] == 3
    assert L.attrs["dropped"] == table.attrs["dropped"] and L.attrs["core"] == table.attrs["core"]
    assert L.attrs["sampled"] is None
    # the boss holds the most money
    boss = truth.index[truth.role == "boss"][0]
    assert L.loc[boss, "rank_money"] == 1
    # reproducible, and the same for any thread count
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = rl.leaders(net, seed=3, threads=1)
        b = rl.leaders(net, seed=3, threads=2)
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(L, a, check_exact=False, rtol=1e-12)


def test_score_is_the_weighted_mean_of_log_ranks(fraud):
    net, _ = fraud
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        L = rl.leaders(net, seed=1, weights={"money": 2.0, "contact": 0.0})
    w = L.attrs["weights"]
    assert "contact" not in w and w["money"] == 2.0 and "rank_contact" not in L.columns
    # only money: score = 1 - ln(average rank by money held) / ln(n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        money = rl.criminal.leader_measures(net, seed=1)["money"]
    r = money.rank(ascending=False, method="average")
    only = rl.leaders(net, seed=1, weights={m: 0.0 for m in rl.criminal._leaders.MEASURES} | {"money": 1.0})
    assert list(only.attrs["weights"]) == ["money"]
    np.testing.assert_allclose(only["score"].sort_index(), (1 - np.log(r) / np.log(len(L))).sort_index(), rtol=1e-12)
    # the money held is received minus sent, by hand on one person
    e = net.edges
    owner = e[e.type == "owns"].set_index("target")["source"]
    tr = e[e.type == "transfer"]
    who = money.idxmax()
    mine = owner.index[owner == who]
    assert money[who] == pytest.approx(tr.amount[tr.target.isin(mine)].sum() - tr.amount[tr.source.isin(mine)].sum())


def test_one_mode_networks_and_person_type():
    G = pd.DataFrame({"source": ["a", "a", "a", "b", "c"], "target": ["b", "c", "d", "c", "e"]})
    net = rl.Network.from_pandas(G)  # every node "unknown": ranked as persons
    L = rl.leaders(net, seed=0)
    check_contract(L, list("abcde"))
    assert L.index[0] == "a" and not L.attrs["projected"]
    assert "rank_money" not in L.columns and "rank_contact" not in L.columns
    typed = rl.Network.from_pandas(G, nodes=pd.DataFrame({"id": list("abcde"), "type": ["person"] * 4 + ["phone"]}))
    assert len(rl.leaders(typed, seed=0)) == 4
    assert len(rl.leaders(typed, person_type=None, seed=0)) == 5
    with pytest.raises(ValueError, match="no node has type 'agent'"):
        rl.leaders(typed, person_type="agent")
    with pytest.raises(ValueError, match="unknown measures"):
        rl.leaders(net, weights={"charisma": 1.0})
    with pytest.raises(ValueError, match="finite number >= 0"):
        rl.leaders(net, weights={"degree": -1.0})
    with pytest.raises(ValueError, match="at least one measure"):
        rl.leaders(net, weights={m: 0.0 for m in rl.criminal._leaders.MEASURES})


def test_given_communities():
    G = pd.DataFrame({"source": ["a", "a", "b", "d", "d", "e", "c"], "target": ["b", "c", "c", "e", "f", "f", "d"]})
    nodes = pd.DataFrame({"id": list("abcdef"), "type": "person", "cell": [1, 1, 1, 2, 2, 2]})
    net = rl.Network.from_pandas(G, nodes=nodes)
    L = rl.leaders(net, community="cell", seed=0)
    assert dict(L["community"]) == {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2}
    assert set(L.index[L.community_rank == 1]) == {"c", "d"}
    L2 = rl.leaders(net, community={"a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 1}, seed=0)
    assert (L2["community_rank"] == L["community_rank"]).all()
    with pytest.raises(ValueError, match="lacks 1 persons"):
        rl.leaders(net, community={"a": 0, "b": 0, "c": 0, "d": 1, "e": 1})
    with pytest.raises(ValueError, match="not a node attribute"):
        rl.leaders(net, community="clan")


def test_tiny_networks():
    empty = rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}))
    L = rl.leaders(empty)
    assert len(L) == 0 and list(L.columns) == COLUMNS
    one = rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}),
                                 nodes=pd.DataFrame({"id": ["x"], "type": ["person"]}))
    L = rl.leaders(one, seed=0)
    assert list(L.index) == ["x"] and L["rank"].iloc[0] == 1 and L["role"].iloc[0] == "leader"
    pair = rl.Network.from_pandas(pd.DataFrame({"source": ["x"], "target": ["y"]}))
    assert list(rl.leaders(pair, seed=0)["rank"]) == [1, 1]


def test_large_networks_sample_paths():
    net, truth = rl.generate.fraud_network(n_groups=3, teams_per_group=4, operators_per_team=8,
                                           victims_per_operator=5, seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        L = rl.leaders(net, seed=4, exact_below=100, samples=64)
    assert L.attrs["sampled"] == 64
    assert rl.evaluate.leaders(L, truth).precision >= 0.5
