"""Promises every generator family keeps (whatever its organisational
form): determinism, the role list and leader roles, the missing-data model,
parameters drawn from documented ranges, argument checks; and the
missing-data model itself (``ringleader.generate._common.finish``) on a
tiny hand-built network."""
import functools
import time

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.generate._common import INTERACTIONS, ROLES, finish

FAMILIES = rl.generate.families()
NAMES = list(FAMILIES.index)


def fn(name):
    return FAMILIES.loc[name, "function"]


@functools.lru_cache(maxsize=None)
def gen(name, size=60, seed=1, noise=0.0, missing_edges=0.0, missing_persons=0.0, spurious_edges=None):
    """Cached: the tests only read the results."""
    return fn(name)(size=size, noise=noise, missing_edges=missing_edges, missing_persons=missing_persons,
                    spurious_edges=spurious_edges, seed=seed)


def n_inter(net):
    return int(net.edges["type"].isin(INTERACTIONS).sum())


def test_families_table():
    assert {"function", "leader_roles", "form", "reference", "ranges"} <= set(FAMILIES.columns)
    assert "fraud_compound" in NAMES and "drug_chain" in NAMES
    assert FAMILIES.index.is_unique


@pytest.mark.parametrize("name", NAMES)
def test_table_row_and_function_runs(name):
    row = FAMILIES.loc[name]
    assert callable(row["function"])
    assert isinstance(row["leader_roles"], tuple) and row["leader_roles"]
    assert set(row["leader_roles"]) <= set(ROLES) - {"victim", "outsider"}
    assert isinstance(row["form"], str) and row["form"].strip()
    assert isinstance(row["reference"], str) and len(row["reference"]) > 20
    assert isinstance(row["ranges"], dict) and row["ranges"]
    net, truth = row["function"](size=40, seed=0)
    assert truth.attrs["family"] == name
    assert tuple(truth.attrs["leader_roles"]) == tuple(row["leader_roles"])
    assert len(truth) > 0 and len(net.edges) > 0


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_network_different_seed_differs(name):
    a, ta = fn(name)(size=60, seed=11, noise=0.1, missing_edges=0.1, missing_persons=0.1)
    b, tb = fn(name)(size=60, seed=11, noise=0.1, missing_edges=0.1, missing_persons=0.1)
    pd.testing.assert_frame_equal(a.edges, b.edges)
    pd.testing.assert_frame_equal(a.nodes, b.nodes)
    pd.testing.assert_frame_equal(ta, tb)
    assert ta.attrs["params"] == tb.attrs["params"] and ta.attrs["seed"] == 11
    c, tc = fn(name)(size=60, seed=12, noise=0.1, missing_edges=0.1, missing_persons=0.1)
    assert not (a.edges.shape == c.edges.shape and a.edges.equals(c.edges))
    _, td = fn(name)(size=40)  # seed=None draws one and records it
    assert isinstance(td.attrs["seed"], int)


@pytest.mark.parametrize("name", NAMES)
def test_speed(name):
    # size 150 in well under a second, for every seed (the structural draws differ)
    for seed in range(6):
        t = time.perf_counter()
        fn(name)(size=150, seed=seed)
        assert time.perf_counter() - t < 1.5, seed


@pytest.mark.parametrize("name", NAMES)
def test_truth_roles_and_leaders(name):
    for size in (60, 150):
        for seed in (0, 1, 2):
            net, truth = gen(name, size=size, seed=seed)
            assert {"role", "group", "team", "observed"} <= set(truth.columns)
            assert set(truth["role"]) <= set(ROLES)
            lr = truth.attrs["leader_roles"]
            assert set(lr) <= set(ROLES)
            leaders = truth[truth["role"].isin(lr) & truth["observed"]]
            assert len(leaders) >= 3, (size, seed)
            assert truth["observed"].all()
            # size: the members (every role but victim and outsider), roughly
            members = (~truth["role"].isin(["victim", "outsider"])).sum()
            assert 0.5 * size <= members <= 2.0 * size, (size, seed, members)


@pytest.mark.parametrize("name", NAMES)
def test_truth_ids_are_person_nodes(name):
    net, truth = gen(name, missing_persons=0.2)
    types = net.nodes["type"]
    persons = set(types.index[types == "person"])
    observed = set(truth.index[truth["observed"]])
    assert persons == observed
    unobserved = set(truth.index[~truth["observed"]])
    assert unobserved and not unobserved & set(net.nodes.index)
    e = net.edges
    assert not (e["source"].isin(unobserved) | e["target"].isin(unobserved)).any()


@pytest.mark.parametrize("name", NAMES)
def test_missing_persons(name):
    base, tb = gen(name)
    net, truth = gen(name, missing_persons=0.1)
    n = len(truth)
    assert n == len(tb) and truth["role"].value_counts().sort_index().equals(tb["role"].value_counts().sort_index())
    assert (~truth["observed"]).sum() == int(round(0.1 * n))
    gone = set(truth.index[~truth["observed"]])
    e = net.edges
    assert not (e["source"].isin(gone) | e["target"].isin(gone)).any()
    assert not gone & set(net.nodes.index)
    # ids are shuffled, so compare counts: persons go, their phones and accounts stay, and so do the
    # calls and transfers between those; the persons' own edges (uses, owns, meets, ...) go with them
    nt, bt = net.nodes["type"].value_counts(), base.nodes["type"].value_counts()
    assert nt["person"] == bt["person"] - len(gone)
    assert nt.drop("person").sort_index().equals(bt.drop("person").sort_index())
    et, bet = e["type"].value_counts(), base.edges["type"].value_counts()
    for k in ("call", "transfer"):
        assert et.get(k, 0) == bet.get(k, 0), k
    assert len(e) < len(base.edges)
    assert truth.attrs["missing"]["missing_persons"] == 0.1


@pytest.mark.parametrize("name", NAMES)
def test_missing_edges(name):
    base, _ = gen(name)
    net, truth = gen(name, missing_edges=0.3)
    r = len(net.edges) / len(base.edges)
    assert 0.64 <= r <= 0.76, r
    assert set(net.edges["type"]) <= set(base.edges["type"])
    assert len(net.nodes) == len(base.nodes)


@pytest.mark.parametrize("name", NAMES)
def test_spurious_edges(name):
    base, _ = gen(name)
    net, truth = gen(name, spurious_edges=0.2)
    r = n_inter(net) / n_inter(base)
    assert 1.14 <= r <= 1.21, r
    # only interactions are added
    other = ~base.edges["type"].isin(INTERACTIONS)
    assert (~net.edges["type"].isin(INTERACTIONS)).sum() == other.sum()


@pytest.mark.parametrize("name", NAMES)
def test_noise(name):
    base, _ = gen(name)
    net, truth = gen(name, noise=0.2, spurious_edges=0.0)
    assert 0.93 * n_inter(base) <= n_inter(net) <= n_inter(base)  # misattributed, not added (self-loops dropped)
    assert len(net.edges) - n_inter(net) == len(base.edges) - n_inter(base)
    assert not net.edges[["source", "target", "type"]].equals(base.edges[["source", "target", "type"]])
    # spurious_edges defaults to noise
    net2, t2 = gen(name, noise=0.2)
    assert t2.attrs["missing"]["spurious_edges"] == 0.2
    assert n_inter(net2) > n_inter(net)


def _in_range(v, r):
    if isinstance(r, list):
        return v in r
    lo, hi = r
    if all(isinstance(x, (int, np.integer)) and not isinstance(x, bool) for x in r):
        return isinstance(v, (int, np.integer)) and not isinstance(v, bool) and lo <= v <= hi
    return lo <= v <= hi


@pytest.mark.parametrize("name", NAMES)
def test_params_recorded_within_ranges(name):
    ranges = FAMILIES.loc[name, "ranges"]
    assert "ownership_direction" in ranges or name == "fraud_compound"
    for seed in (0, 1, 2):
        _, truth = gen(name, seed=seed)
        p = truth.attrs["params"]
        assert set(ranges) <= set(p)
        for k, r in ranges.items():
            assert _in_range(p[k], r), (k, p[k], r)


@pytest.mark.parametrize("name", NAMES)
def test_params_fix_and_unknown(name):
    ranges = FAMILIES.loc[name, "ranges"]
    k, r = next(iter(ranges.items()))
    v = r[-1] if isinstance(r, list) else r[1]
    _, truth = fn(name)(size=60, seed=4, params={k: v})
    assert truth.attrs["params"][k] == v
    with pytest.raises(ValueError):
        fn(name)(size=60, seed=4, params={"no_such_parameter": 1})


@pytest.mark.parametrize("name", NAMES)
def test_bad_arguments(name):
    f = fn(name)
    for arg in ("noise", "missing_edges", "missing_persons"):
        for bad in (-0.1, 1.5):
            with pytest.raises(ValueError):
                f(size=40, seed=0, **{arg: bad})
    with pytest.raises(ValueError):
        f(size=40, seed=0, spurious_edges=-0.1)
    for bad in (5, 9):
        with pytest.raises(ValueError):
            f(size=bad, seed=0)


# ---- the missing-data model on a hand-built network ------------------------

ROLE_OF = {"p0": "boss", "p1": "manager", "p2": "operator", "p3": "victim"}


def _tiny(n_calls=40):
    """4 persons with a phone each, 2 accounts, calls along a chain, a
    transfer and a meeting."""
    ids = ["p0", "p1", "p2", "p3", "ph0", "ph1", "ph2", "ph3", "ac0", "ac1"]
    types = ["person"] * 4 + ["phone"] * 4 + ["account"] * 2
    truth = [(p, r, -1, -1) for p, r in ROLE_OF.items()]
    edges = [(f"p{i}", f"ph{i}", "uses", 0.0, np.nan) for i in range(4)]
    edges += [("p0", "ac0", "owns", 0.0, np.nan), ("p1", "ac1", "owns", 0.0, np.nan)]
    edges += [(f"ph{i % 3}", f"ph{i % 3 + 1}", "call", float(i % 100), np.nan) for i in range(n_calls)]
    edges += [("ac1", "ac0", "transfer", 5.5, 100.0), ("p1", "p2", "meets", 3.0, np.nan)]
    return ids, types, truth, edges


def _finish(seed=0, n_calls=40, **kw):
    ids, types, truth, edges = _tiny(n_calls)
    return finish(ids, types, truth, edges, np.random.default_rng(seed), family="tiny", leader_roles=("boss",),
                  params={"a": 1}, seed=seed, **kw)


def _back(net, truth):
    """new id -> hand-built id, through the roles and the uses/owns edges."""
    old_of_role = {r: p for p, r in ROLE_OF.items()}
    back = {new: old_of_role[r] for new, r in truth["role"].items()}
    e = net.edges
    for s, t, k in zip(e.source, e.target, e.type):
        if k in ("uses", "owns") and s in back:
            back[t] = ("ph" if k == "uses" else "ac") + back[s][1:]
    return back


def test_finish_without_missing_data_keeps_everything():
    net, truth = _finish()
    ids, types, rows, edges = _tiny()
    assert sorted(net.nodes.index) == sorted(ids)  # the same names, shuffled over the nodes
    assert sorted(net.nodes["type"]) == sorted(types)
    back = _back(net, truth)
    assert sorted(back) == sorted(ids) and sorted(back.values()) == sorted(ids)
    e = net.edges
    t0 = pd.Timestamp("2024-01-01", tz="UTC")
    got = sorted((back[s], back[t], k, (ts - t0) / pd.Timedelta(days=1), -1.0 if np.isnan(a) else a)
                 for s, t, k, ts, a in zip(e.source, e.target, e.type, e.timestamp, e.amount))
    want = sorted((s, t, k, d, -1.0 if np.isnan(a) else a) for s, t, k, d, a in edges)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g[:3] == w[:3] and g[3] == pytest.approx(w[3], abs=1e-6) and g[4] == w[4]
    assert truth["observed"].all() and sorted(truth["role"]) == sorted(ROLE_OF.values())
    assert truth.attrs["family"] == "tiny" and truth.attrs["leader_roles"] == ("boss",)
    assert truth.attrs["params"] == {"a": 1} and truth.attrs["seed"] == 0
    assert truth.attrs["missing"] == {"noise": 0.0, "missing_edges": 0.0, "missing_persons": 0.0,
                                      "spurious_edges": 0.0}


def test_finish_shuffles_ids():
    bosses = {_finish(seed=s)[1].query("role == 'boss'").index[0] for s in range(12)}
    assert len(bosses) > 1  # the boss is not always p0


def test_finish_missing_persons_keep_their_phones():
    net, truth = _finish(missing_persons=0.25)
    gone = list(truth.index[~truth["observed"]])
    assert len(gone) == 1 and len(truth) == 4
    (g,) = gone
    assert g == "p3"  # unobserved persons are numbered after the observed ones
    assert g not in net.nodes.index
    e = net.edges
    assert not ((e.source == g) | (e.target == g)).any()
    # its phone stays, and so do the calls of that phone
    assert (net.nodes["type"] == "phone").sum() == 4 and (net.nodes["type"] == "person").sum() == 3
    assert (e.type == "call").sum() == 40 and (e.type == "transfer").sum() == 1
    assert (e.type == "uses").sum() == 3


def test_finish_noise_misattributes_ends_to_same_type():
    net, truth = _finish(noise=1.0, spurious_edges=0.0)
    e = net.edges
    ntype = net.nodes["type"]
    assert (e.type == "uses").sum() == 4 and (e.type == "owns").sum() == 2  # attachments untouched
    inter = e[e.type.isin(INTERACTIONS)]
    assert 20 <= len(inter) <= 42  # self-loops are dropped
    assert not (inter.source == inter.target).any()
    kinds = {"call": "phone", "transfer": "account", "meets": "person"}
    for s, t, k in zip(inter.source, inter.target, inter.type):
        assert ntype[s] == kinds[k] and ntype[t] == kinds[k]
    back = _back(net, truth)
    calls = {(back[s], back[t]) for s, t in zip(inter.source[inter.type == "call"], inter.target[inter.type == "call"])}
    assert calls - {("ph0", "ph1"), ("ph1", "ph2"), ("ph2", "ph3")}  # some calls now between other phones


def test_finish_missing_edges_drops_that_share():
    net, _ = _finish(missing_edges=1.0)
    assert len(net.edges) == 0 and len(net.nodes) == 10  # nodes stay
    net, _ = _finish(n_calls=2000, missing_edges=0.5)
    assert 0.45 * 2008 <= len(net.edges) <= 0.55 * 2008


def test_finish_spurious_edges_copy_interaction_types():
    base, _ = _finish(n_calls=200)
    net, truth = _finish(n_calls=200, spurious_edges=0.5)
    e = net.edges
    bt, et = base.edges["type"].value_counts(), e["type"].value_counts()
    for k in ("uses", "owns"):
        assert et[k] == bt[k]
    n_add = round(0.5 * 202)
    added = len(e) - len(base.edges)
    assert 0.6 * n_add <= added <= n_add  # pairs that would be self-loops are skipped
    assert et["call"] >= bt["call"] and et.get("transfer", 0) >= 1
    ntype = net.nodes["type"]
    inter = e[e.type.isin(INTERACTIONS)]
    assert (inter.source.map(ntype) == inter.target.map(ntype)).all()
    assert (inter.source != inter.target).all()
    assert truth.attrs["missing"]["spurious_edges"] == 0.5


def test_finish_order_and_checks():
    # persons are dropped before edges are misattributed: nothing points to a dropped person afterwards
    net, truth = _finish(seed=3, missing_persons=0.5, noise=1.0)
    gone = set(truth.index[~truth["observed"]])
    e = net.edges
    assert len(gone) == 2 and not (e.source.isin(gone) | e.target.isin(gone)).any()
    a, ta = _finish(seed=7, noise=0.3, missing_edges=0.2, missing_persons=0.25)
    b, tb = _finish(seed=7, noise=0.3, missing_edges=0.2, missing_persons=0.25)
    pd.testing.assert_frame_equal(a.edges, b.edges)
    pd.testing.assert_frame_equal(a.nodes, b.nodes)
    pd.testing.assert_frame_equal(ta, tb)
    for kw in ({"noise": 1.5}, {"missing_edges": -0.1}, {"missing_persons": 2.0}, {"spurious_edges": 11.0},
               {"spurious_edges": -0.1}):
        with pytest.raises(ValueError):
            _finish(**kw)


def test_same_seed_same_truth_in_another_process():
    """Ids of persons dropped as missing do not depend on the process's
    string hashing (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = ("import ringleader as rl\n"
            "for name, row in rl.generate.families().iterrows():\n"
            "    net, truth = row['function'](size=40, missing_persons=0.1, seed=3)\n"
            "    print(name, truth.to_csv())\n")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(h)}).stdout for h in (1, 2)]
    assert runs[0] == runs[1] and runs[0]
