"""The mafia-clan and cell-network generator families keep their structural
promises: roles, >= 3 leaders, parameters within their ranges, ownership
direction, summits attended mostly by leaders, cells sparsely linked."""
import collections
import importlib

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

mafia_mod = importlib.import_module("ringleader.generate.mafia_clan")
cell_mod = importlib.import_module("ringleader.generate.cell_network")

FAMILIES = [("mafia_clan", rl.generate.mafia_clan, mafia_mod.RANGES),
            ("cell_network", rl.generate.cell_network, cell_mod.RANGES)]
IDS = [f[0] for f in FAMILIES]
SEEDS = range(8)


def _owner(net, truth, etype):
    """thing id -> person id through `uses` / `owns` edges, either direction."""
    e = net.edges[net.edges["type"] == etype]
    persons = set(truth.index)
    out = {}
    for s, t in zip(e["source"], e["target"]):
        if s in persons:
            out[t] = s
        elif t in persons:
            out[s] = t
    return out


def _person_links(net, truth):
    """Undirected person pairs linked by a call (through phones) or a meeting of two."""
    phone = _owner(net, truth, "uses")
    e = net.edges
    pairs = set()
    calls = e[e["type"] == "call"]
    for a, b in zip(calls["source"].map(phone), calls["target"].map(phone)):
        if isinstance(a, str) and isinstance(b, str) and a != b:
            pairs.add(frozenset((a, b)))
    meets = e[e["type"] == "meets"]
    for a, b in zip(meets["source"], meets["target"]):
        pairs.add(frozenset((a, b)))
    return pairs


def _members(truth):
    return truth[~truth["role"].isin(["victim", "outsider"])]


# ---- both families -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,f,ranges", FAMILIES, ids=IDS)
def test_same_seed_same_network(name, f, ranges):
    a, ta = f(size=60, seed=5, noise=0.1, missing_edges=0.1, missing_persons=0.05)
    b, tb = f(size=60, seed=5, noise=0.1, missing_edges=0.1, missing_persons=0.05)
    pd.testing.assert_frame_equal(a.edges, b.edges)
    pd.testing.assert_frame_equal(a.nodes, b.nodes)
    pd.testing.assert_frame_equal(ta, tb)
    assert ta.attrs == tb.attrs
    c, _ = f(size=60, seed=6)
    assert not a.edges.equals(c.edges)
    _, td = f(size=20)
    assert isinstance(td.attrs["seed"], int)
    assert td.attrs["family"] == name


@pytest.mark.parametrize("name,f,ranges", FAMILIES, ids=IDS)
def test_bad_arguments(name, f, ranges):
    for size in (9, 0, -5, 10.0, True, "100", None):
        with pytest.raises(ValueError):
            f(size=size, seed=1)
    with pytest.raises(ValueError):
        f(size=30, seed=1, params={"no_such_parameter": 1})
    for kw in ({"noise": 1.5}, {"missing_edges": -0.1}, {"missing_persons": 2.0}):
        with pytest.raises(ValueError):
            f(size=30, seed=1, **kw)


@pytest.mark.parametrize("name,f,ranges", FAMILIES, ids=IDS)
def test_listed_with_constants(name, f, ranges):
    fam = rl.generate.families()
    assert name in fam.index
    row = fam.loc[name]
    assert row["leader_roles"] == ("boss", "financier", "manager")
    assert row["form"] and "(" in row["reference"]
    assert row["ranges"] == ranges
    assert ranges["ownership_direction"] == ["person->thing", "thing->person"]
    assert f.__doc__ and ">>>" in f.__doc__


@pytest.mark.parametrize("name,f,ranges", FAMILIES, ids=IDS)
def test_parameters_within_ranges(name, f, ranges):
    seen = collections.defaultdict(set)
    for seed in SEEDS:
        _, truth = f(size=50, seed=seed)
        params = truth.attrs["params"]
        for key, r in ranges.items():
            v = params[key]
            seen[key].add(v)
            if key == "coordinators":  # only with >= 3 clans, else 0
                assert v == 0 or r[0] <= v <= r[1]
            elif isinstance(r, list):
                assert v in r, key
            else:
                assert r[0] <= v <= r[1], key
    # parameters vary per seed
    assert all(len(v) > 1 for k, v in seen.items() if k not in ("coordinators",)), seen
    _, truth = f(size=50, seed=1, params={"ownership_direction": "thing->person"})
    assert truth.attrs["params"]["ownership_direction"] == "thing->person"


@pytest.mark.parametrize("name,f,ranges", FAMILIES, ids=IDS)
@pytest.mark.parametrize("size", [10, 40, 100, 400])
def test_size_and_leaders(name, f, ranges, size):
    for seed in range(4):
        _, truth = f(size=size, seed=seed)
        members = _members(truth)
        assert 0.7 * size - 3 <= len(members) <= 1.3 * size + 3, (seed, len(members))
        leaders = truth["role"].isin(truth.attrs["leader_roles"]).sum()
        assert leaders >= 3
        assert leaders <= 0.45 * len(members) + 3  # leaders are a minority
        assert (truth["role"] == "operator").sum() >= 0.3 * len(members)
        assert set(truth["role"]) <= set(rl.generate.ROLES)
        assert (truth["observed"]).all()


@pytest.mark.parametrize("name,f,ranges", FAMILIES, ids=IDS)
@pytest.mark.parametrize("direction", ["person->thing", "thing->person"])
def test_edge_types_and_ownership_direction(name, f, ranges, direction):
    net, truth = f(size=80, seed=3, params={"ownership_direction": direction})
    ntype = net.nodes["type"]
    e = net.edges
    st, tt = e["source"].map(ntype), e["target"].map(ntype)
    assert set(ntype) == {"person", "phone", "account", "venue", "meeting", "company"}
    assert set(e["type"]) == {"uses", "owns", "call", "transfer", "meets", "attends", "located_at"}

    def kinds(etype):
        m = e["type"] == etype
        return set(zip(st[m], tt[m]))

    assert kinds("call") == {("phone", "phone")}
    assert kinds("transfer") == {("account", "account")}
    assert kinds("meets") == {("person", "person")}
    assert kinds("attends") == {("person", "meeting")}
    assert kinds("located_at") <= {("person", "venue"), ("meeting", "venue")}
    if direction == "person->thing":
        assert kinds("uses") == {("person", "phone")}
        assert kinds("owns") <= {("person", "account"), ("person", "company"), ("company", "account")}
    else:
        assert kinds("uses") == {("phone", "person")}
        assert kinds("owns") <= {("account", "person"), ("company", "person"), ("account", "company")}
    tr = e[e["type"] == "transfer"]
    assert (tr["amount"] > 0).all()
    assert e.loc[e["type"] != "transfer", "amount"].isna().all()
    days = (e["timestamp"] - e["timestamp"].min()) / pd.Timedelta(days=1)
    assert days.max() <= 181
    # every phone has one user, every account one holder
    for etype, thing in (("uses", "phone"), ("owns", "account")):
        m = e["type"] == etype
        things = np.where(st[m] == thing, e.loc[m, "source"], e.loc[m, "target"])
        assert len(set(things)) == len(things)


@pytest.mark.parametrize("name,f,ranges", FAMILIES, ids=IDS)
def test_missing_data_model(name, f, ranges):
    net0, truth0 = f(size=100, seed=2)
    net, truth = f(size=100, seed=2, missing_persons=0.1, missing_edges=0.2)
    assert truth.attrs["params"] == truth0.attrs["params"]
    assert abs((~truth["observed"]).sum() - round(0.1 * len(truth))) <= 1
    gone = set(truth.index[~truth["observed"]])
    assert not gone & set(net.nodes.index)
    assert len(net.edges) < 0.85 * len(net0.edges)
    net2, truth2 = f(size=100, seed=2, noise=0.2)
    assert truth2.attrs["missing"]["spurious_edges"] == 0.2
    assert len(net2.edges) > len(net0.edges)


# ---- mafia clans -------------------------------------------------------------------------------------------
def test_mafia_clan_offices():
    for seed in SEEDS:
        _, truth = rl.generate.mafia_clan(size=120, seed=seed)
        p = truth.attrs["params"]
        clans = truth[truth["group"] >= 0]
        assert set(clans["group"]) == set(range(p["n_clans"]))
        by = clans.groupby("group")["role"]
        assert by.apply(lambda r: (r == "boss").sum()).eq(1).all()  # one capo locale
        assert by.apply(lambda r: (r == "financier").sum()).eq(1).all()  # one contabile
        n_off = by.apply(lambda r: (r == "manager").sum())
        assert n_off.between(1, p["officers_per_clan"]).all()
        assert by.apply(lambda r: (r == "team_leader").sum()).le(1).all()
        assert by.apply(lambda r: (r == "operator").sum()).ge(2).all()
        coord = truth[(truth["role"] == "boss") & (truth["group"] < 0)]
        assert len(coord) == p["coordinators"]
        assert p["coordinators"] == 0 or p["n_clans"] >= 3
        assert (truth.loc[truth["role"].isin(["victim", "outsider"]), "group"] == -1).all()
        assert (truth["role"] == "victim").sum() == p["victims_per_clan"] * p["n_clans"]


def test_mafia_summits_attended_mostly_by_leaders():
    leader_share, boss_att, op_att = [], [], []
    for seed in SEEDS:
        net, truth = rl.generate.mafia_clan(size=150, seed=seed)
        e = net.edges
        att = e[e["type"] == "attends"]
        summits = truth.attrs["summits"]
        assert len(summits) >= 1 and set(summits) <= set(net.nodes.index[net.nodes["type"] == "meeting"])
        roles = att["source"].map(truth["role"])
        lead = roles.isin(truth.attrs["leader_roles"])
        in_summit = att["target"].isin(summits)
        for mt, share in lead[in_summit].groupby(att.loc[in_summit, "target"]).mean().items():
            assert share >= 0.5, (seed, mt)  # every summit: mostly bosses and officers
        assert not roles[in_summit].isin(["victim", "outsider", "facilitator"]).any()
        leader_share.append(lead[in_summit].mean())
        # summits bring together several clans
        groups = att.loc[in_summit, "source"].map(truth["group"])
        if truth.attrs["params"]["n_clans"] >= 3:
            assert groups.groupby(att.loc[in_summit, "target"]).nunique().max() >= 2
        # bosses attend more meetings than affiliates
        per = att.groupby("source").size().reindex(truth.index).fillna(0)
        boss_att.append(per[truth["role"] == "boss"].mean())
        op_att.append(per[truth["role"] == "operator"].mean())
        # the other meetings: some large ones (ceremonies) with relatives
        assert roles.eq("outsider").any()
    assert np.mean(leader_share) >= 0.7
    assert np.mean(boss_att) > 1.5 * np.mean(op_att)


def test_mafia_leaders_use_phones_less():
    boss_calls, op_calls, phoneless = [], [], 0
    for seed in SEEDS:
        net, truth = rl.generate.mafia_clan(size=150, seed=seed)
        phone = _owner(net, truth, "uses")
        c = net.edges[net.edges["type"] == "call"]
        n = pd.concat([c["source"].map(phone), c["target"].map(phone)]).value_counts()
        n = n.reindex(truth.index).fillna(0)
        boss_calls.append(n[truth["role"] == "boss"].mean())
        op_calls.append(n[truth["role"] == "operator"].mean())
        users = set(phone.values())
        phoneless += sum(1 for pid in truth.index[truth["role"] == "boss"] if pid not in users)
        assert all(pid in users for pid in truth.index[truth["role"] == "operator"])
    assert np.mean(boss_calls) < 0.7 * np.mean(op_calls)
    assert phoneless > 0
    # with every boss on the phone at an affiliate's rate they are no longer scarce
    net, truth = rl.generate.mafia_clan(size=150, seed=1, params={"leader_phoneless": 0.0, "leader_call_rate": 0.6})
    users = set(_owner(net, truth, "uses").values())
    assert all(pid in users for pid in truth.index[(truth["role"] == "boss") & (truth["group"] >= 0)])


def test_mafia_victims_and_money():
    for seed in range(4):
        net, truth = rl.generate.mafia_clan(size=120, seed=seed, params={"usury_share": 0.5})
        e = net.edges
        victims = set(truth.index[truth["role"] == "victim"])
        met = e[(e["type"] == "meets") & e["target"].isin(victims)]
        assert set(met["target"]) == victims  # every victim visited by a collector
        assert met["source"].map(truth["role"]).isin(["operator", "team_leader", "manager"]).all()
        acct = _owner(net, truth, "owns")
        tr = e[e["type"] == "transfer"]
        src, dst = tr["source"].map(acct), tr["target"].map(acct)
        loans = tr[src.map(truth["role"]).eq("financier") & dst.isin(victims)]
        assert len(loans)
        for v, d in zip(dst[loans.index], loans["timestamp"]):  # repayments after the loan
            rep = tr[(src == v) & dst.map(truth["role"]).eq("financier")]
            assert (rep["timestamp"] > d).all()


# ---- cells -------------------------------------------------------------------------------------------------
def test_cell_structure():
    for seed in SEEDS:
        _, truth = rl.generate.cell_network(size=120, seed=seed)
        p = truth.attrs["params"]
        cells = truth[truth["group"] >= 0]
        assert set(cells["group"]) == set(range(p["n_cells"]))
        assert set(cells["role"]) <= {"manager", "operator"}
        assert cells.groupby("group")["role"].apply(lambda r: (r == "manager").sum()).eq(1).all()
        assert cells.groupby("group").size().ge(2).all()
        assert (truth["role"] == "boss").sum() == p["n_commanders"]
        assert (truth["role"] == "financier").sum() == p["n_financiers"]
        assert (truth.loc[~truth["role"].isin(["manager", "operator"]), "group"] == -1).all()
        assert "victim" not in set(truth["role"])
        # each cell answers to one commander: its team
        assert cells.groupby("group")["team"].nunique().eq(1).all()
        assert set(truth.loc[truth["role"] == "boss", "team"]) == set(cells["team"])


def test_cells_sparsely_linked_and_bridged_by_leaders():
    within, between = [], []
    for seed in SEEDS:
        net, truth = rl.generate.cell_network(size=150, seed=seed)
        pairs = _person_links(net, truth)
        cell = truth.loc[truth["group"] >= 0, "group"]
        sizes = cell.value_counts()
        n_in, n_out = 0, 0
        for pr in pairs:
            a, b = tuple(pr)
            if a in cell.index and b in cell.index:
                if cell[a] == cell[b]:
                    n_in += 1
                else:
                    n_out += 1
        possible_in = (sizes * (sizes - 1) / 2).sum()
        possible_out = len(cell) * (len(cell) - 1) / 2 - possible_in
        within.append(n_in / possible_in)
        between.append(n_out / possible_out)
        assert n_in > 2 * n_out  # cells are kept apart: few member ties leave a cell
        # every cell leader is linked to the commander of his section
        boss_of = dict(zip(truth.loc[truth["role"] == "boss", "team"], truth.index[truth["role"] == "boss"]))
        for pid, row in truth[truth["role"] == "manager"].iterrows():
            assert frozenset((pid, boss_of[row["team"]])) in pairs
        # the leadership links different cells; operatives mostly stay in theirs
        reach = collections.defaultdict(set)
        for pr in pairs:
            a, b = tuple(pr)
            if b in cell.index:
                reach[a].add(cell[b])
            if a in cell.index:
                reach[b].add(cell[a])
        bosses = truth.index[truth["role"] == "boss"]
        ops = truth.index[truth["role"] == "operator"]
        assert np.mean([len(reach[x]) for x in bosses]) > 1.5 * np.mean([len(reach[x]) for x in ops])
    assert np.mean(between) < 0.1 * np.mean(within)


def test_cell_meetings_are_shortcuts():
    for seed in range(4):
        net, truth = rl.generate.cell_network(size=120, seed=seed, params={"shortcut_meetings": 0.6})
        att = net.edges[net.edges["type"] == "attends"]
        g = att["source"].map(truth["group"])
        spans = g[g >= 0].groupby(att.loc[g >= 0, "target"]).nunique()
        assert (spans >= 2).any()  # meetings that join members of several cells
        assert (spans == 1).sum() > (spans >= 2).sum() / 2  # most meetings still within a cell
        assert not att["source"].map(truth["role"]).eq("outsider").any()


def test_cell_money_flows_down_then_back():
    for seed in range(4):
        net, truth = rl.generate.cell_network(size=120, seed=seed)
        e = net.edges
        acct = _owner(net, truth, "owns")
        tr = e[e["type"] == "transfer"]
        src, dst = tr["source"].map(acct), tr["target"].map(acct)
        rs, rd = src.map(truth["role"]), dst.map(truth["role"])
        funding = tr[(rs == "financier") & rd.isin(["manager", "operator"])]
        assert len(funding)
        inflow = tr[(rs == "financier") & (rd == "financier")]  # abroad -> local, same holder
        assert len(inflow) and funding["timestamp"].min() > inflow["timestamp"].min()
        back = tr[(rs == "manager") & (rd == "financier")]
        if len(back):
            assert back["timestamp"].min() > funding["timestamp"].min()
        # cells fund nobody outside: payments go to cell members, merchants or back to financiers
        out = tr[rs.isin(["manager", "operator"])]
        assert out["target"].map(acct).map(truth["role"]).fillna("merchant").isin(
            ["manager", "operator", "financier", "merchant"]).all()
