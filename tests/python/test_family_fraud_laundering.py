"""Family-specific structure of the insulated fraud organisation
(fraud_insulated) and the money-laundering network (laundering_network)."""
import collections
import importlib
import time

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
# the package exports the functions under the modules' names: import the modules themselves
fi_mod = importlib.import_module("ringleader.generate.fraud_insulated")
ln_mod = importlib.import_module("ringleader.generate.laundering_network")

FAMILIES = {"fraud_insulated": fi_mod, "laundering_network": ln_mod}
MEMBER_ROLES = ("boss", "financier", "manager", "team_leader", "operator", "recruiter", "facilitator", "mule")
LEADERS = ("boss", "financier", "manager")


def _gen(name, **kw):
    return getattr(FAMILIES[name], name)(**kw)


def _day(e):
    return ((e["timestamp"] - pd.Timestamp("2024-01-01", tz="UTC")) / pd.Timedelta(days=1)).to_numpy()


def _owners(net):
    """thing -> owner (person or company) through `uses` / `owns`, whichever
    way the edges point."""
    types = net.nodes["type"]
    e = net.edges[net.edges["type"].isin(["uses", "owns"])]
    out = {}
    for s, t in zip(e["source"], e["target"]):
        ts, tt = types[s], types[t]
        if ts == "person" or (ts == "company" and tt == "account"):
            out[t] = s
        else:
            out[s] = t
    return out


def _controller(owner, types):
    """thing -> the person controlling it (through a company when owned by one)."""
    def person(x):
        seen = 0
        while x in owner and types[x] != "person" and seen < 3:
            x, seen = owner[x], seen + 1
        return x if types.get(x) == "person" else None
    return person


@pytest.fixture(scope="module", params=list(FAMILIES))
def family(request):
    return request.param


@pytest.fixture(scope="module")
def samples(family):
    return [(_gen(family, size=100, seed=sd)) for sd in range(8)]


def test_listed_with_documentation(family):
    fams = rl.generate.families()
    assert family in fams.index
    row = fams.loc[family]
    assert tuple(row["leader_roles"]) == LEADERS
    assert row["form"] and "20" in row["reference"]
    assert "ownership_direction" in row["ranges"] and "leader_channel" in row["ranges"]
    assert ">>>" in row["function"].__doc__


def test_same_seed_same_network(family):
    a, ta = _gen(family, size=80, seed=5, noise=0.1)
    b, tb = _gen(family, size=80, seed=5, noise=0.1)
    pd.testing.assert_frame_equal(a.edges, b.edges)
    pd.testing.assert_frame_equal(ta, tb)
    c, _ = _gen(family, size=80, seed=6, noise=0.1)
    assert not a.edges.equals(c.edges)
    _, td = _gen(family, size=30)
    assert isinstance(td.attrs["seed"], int)


@pytest.mark.parametrize("bad", [9, 0, -5, 10.0, True, "100"])
def test_bad_size(family, bad):
    with pytest.raises(ValueError):
        _gen(family, size=bad, seed=1)


def test_bad_params(family):
    with pytest.raises(ValueError):
        _gen(family, size=50, seed=1, params={"no_such_thing": 1})
    with pytest.raises(ValueError):
        _gen(family, size=50, seed=1, noise=1.5)


def test_parameters_within_ranges_and_fixed_ones_honoured(family):
    ranges = FAMILIES[family].RANGES
    seen = collections.defaultdict(set)
    for sd in range(30):
        _, truth = _gen(family, size=40, seed=sd)
        p = truth.attrs["params"]
        for k, r in ranges.items():
            v = p[k]
            seen[k].add(v if isinstance(r, list) else None)
            if isinstance(r, list):
                assert v in r, k
            else:
                assert r[0] <= v <= r[1], (k, v)
    for k, r in ranges.items():
        if isinstance(r, list):
            assert seen[k] == set(r), k  # every choice drawn over 30 seeds
    _, truth = _gen(family, size=40, seed=3, params={"leader_channel": "meetings"})
    assert truth.attrs["params"]["leader_channel"] == "meetings"


@pytest.mark.parametrize("size", [40, 100, 400])
def test_role_counts_and_at_least_three_leaders(family, size):
    for sd in range(12):
        net, truth = _gen(family, size=size, seed=sd)
        roles = truth["role"].value_counts()
        members = int(roles[list(set(MEMBER_ROLES) & set(roles.index))].sum())
        assert 0.5 * size <= members <= 1.7 * size + 10, (sd, members)
        assert int(roles.reindex(list(LEADERS)).fillna(0).sum()) >= 3
        assert roles.get("boss", 0) >= 1 and roles.get("financier", 0) >= 1 and roles.get("manager", 0) >= 1
        assert roles.get("mule", 0) >= roles.get("manager", 0)  # every manager has mules
        assert roles.get("recruiter", 0) >= roles.get("manager", 0)
        assert roles.get("outsider", 0) > 0
        # leaders are a minority of the members
        assert roles.reindex(list(LEADERS)).fillna(0).sum() <= 0.25 * members
        # groups: managers each head their own group, the top has none
        mg = truth.loc[truth.role == "manager", "group"]
        assert mg.is_unique and (mg >= 0).all()
        assert (truth.loc[truth.role.isin(["boss", "financier", "victim", "outsider"]), "group"] == -1).all()
        assert set(truth.loc[truth.role.isin(["recruiter", "mule"]), "group"]) <= set(mg)
        assert (net.nodes["type"] == "person").sum() == len(truth)


def test_types_and_edge_ends(samples):
    allowed = {"uses": ({"person"}, {"phone"}), "owns": ({"person", "company"}, {"account", "company"}),
               "call": ({"phone"}, {"phone"}), "transfer": ({"account"}, {"account"}),
               "meets": ({"person"}, {"person"}), "attends": ({"person"}, {"meeting"}),
               "located_at": ({"person", "meeting"}, {"venue"})}
    for net, truth in samples:
        types = net.nodes["type"]
        assert set(types) <= {"person", "phone", "account", "venue", "meeting", "company"}
        forward = truth.attrs["params"]["ownership_direction"] == "person->thing"
        e = net.edges
        assert set(e["type"]) <= set(allowed)
        for et, (src_ok, dst_ok) in allowed.items():
            sub = e[e["type"] == et]
            st, tt = types[sub["source"]].to_numpy(), types[sub["target"]].to_numpy()
            if et in ("uses", "owns") and not forward:
                st, tt = tt, st
            assert set(st) <= src_ok and set(tt) <= dst_ok, et
        tr = e[e["type"] == "transfer"]
        assert (tr["amount"] > 0).all()
        assert (_day(e) >= 0).all()


def test_ownership_direction_honoured(family):
    for direction in ("person->thing", "thing->person"):
        net, truth = _gen(family, size=80, seed=2, params={"ownership_direction": direction})
        types = net.nodes["type"]
        e = net.edges[net.edges["type"].isin(["uses", "owns"])]
        st, tt = types[e["source"]].to_numpy(), types[e["target"]].to_numpy()
        owner_side = st if direction == "person->thing" else tt
        thing_side = tt if direction == "person->thing" else st
        assert set(owner_side) <= {"person", "company"}
        assert set(thing_side) <= {"phone", "account", "company"}
        assert not ((owner_side == "company") & (thing_side != "account")).any()  # persons own companies


def _leader_controlled(net, truth):
    types = net.nodes["type"].to_dict()
    owner = _owners(net)
    ctl = _controller(owner, types)
    leaders = set(truth.index[truth.role.isin(LEADERS)])
    return {a for a, t in types.items() if t == "account" and ctl(a) in leaders}, ctl


def _money_flows_on_time(net, truth):
    """Each account passes money on only after money came in (accounts that
    also take cash deposits, which leave no transfer, excepted: the
    placement accounts receiving from the predicate offenders)."""
    tr = net.edges[net.edges["type"] == "transfer"]
    d = _day(tr)
    first_in = pd.Series(d, index=tr["target"].to_numpy()).groupby(level=0).min()
    first_out = pd.Series(d, index=tr["source"].to_numpy()).groupby(level=0).min()
    both = first_in.index.intersection(first_out.index)
    if truth.attrs["family"] == "laundering_network":
        _, ctl = _leader_controlled(net, truth)
        role = truth["role"].to_dict()
        placed = set(tr.loc[tr["source"].map(lambda a: role.get(ctl(a))).isin(["victim", "operator"]), "target"])
        both = both.difference(placed)
        assert len(both) > 10
    return bool((first_out[both] > first_in[both]).all())


def _reaches_on_time(net, starts, goal):
    """Accounts of ``starts`` from which a time-respecting transfer path
    (each hop not earlier than the one before) reaches ``goal``."""
    tr = net.edges[net.edges["type"] == "transfer"]
    out = collections.defaultdict(list)
    for s, t, d in zip(tr["source"], tr["target"], _day(tr)):
        out[s].append((d, t))
    ok = set()
    for a in starts:
        best = {a: -np.inf}  # earliest day the money can be at each account
        stack = [a]
        while stack:
            x = stack.pop()
            for d, y in out[x]:
                if d >= best[x] and d < best.get(y, np.inf):
                    best[y] = d
                    stack.append(y)
        if goal & set(best):
            ok.add(a)
    return ok


def test_money_hops_in_time_order(samples):
    for net, truth in samples:
        assert _money_flows_on_time(net, truth)


def test_money_ends_at_leader_controlled_accounts(family, samples):
    for net, truth in samples:
        lead_acc, ctl = _leader_controlled(net, truth)
        assert lead_acc
        tr = net.edges[net.edges["type"] == "transfer"]
        role = truth["role"].to_dict()
        src_role = tr["source"].map(lambda a: role.get(ctl(a)))
        # victims' (and predicate offenders') money enters mule accounts ...
        entry = tr[src_role.isin(["victim", "operator"]).to_numpy()]
        assert len(entry)
        assert set(entry["target"].map(lambda a: role.get(ctl(a)))) <= {"mule"}
        # ... and from every such account a time-respecting chain reaches a leader-controlled account
        starts = set(entry["target"])
        reached = _reaches_on_time(net, starts, lead_acc)
        if family == "fraud_insulated":
            # mules pass money on by transfer or in cash; every transfer out of a mule account goes to the core
            out_mule = tr[src_role.eq("mule").to_numpy()]
            assert set(out_mule["target"]) <= lead_acc
            assert reached == starts & set(out_mule["source"])
            cash = truth.attrs["params"]["cash_share"]
            assert len(reached) >= 0.3 * (1 - cash) * len(starts)
        else:
            assert reached == starts
        # most money arriving (from inside the organisation) at accounts that pass nothing on lands with the
        # leaders
        sinks = set(tr["target"]) - set(tr["source"])
        into = tr[tr["target"].isin(sinks).to_numpy() & ~src_role.eq("victim").to_numpy()]
        share = into.loc[into["target"].isin(lead_acc), "amount"].sum() / into["amount"].sum()
        assert share > 0.8


def test_fraud_company_layer_when_drawn():
    for route in ("own_accounts", "front_companies"):
        for sd in range(4):
            net, truth = fi_mod.fraud_insulated(size=80, seed=sd, params={"money_route": route})
            types = net.nodes["type"].to_dict()
            companies = [n for n, t in types.items() if t == "company"]
            if route == "own_accounts":
                assert not companies
                continue
            assert len(companies) == truth.attrs["params"]["companies"]
            owner = _owners(net)
            role = truth["role"].to_dict()
            assert {role[owner[c]] for c in companies} <= {"boss", "financier"}
            assert "boss" in {role[owner[c]] for c in companies}
            co_acc = {a for a, o in owner.items() if o in companies}
            tr = net.edges[net.edges["type"] == "transfer"]
            ctl = _controller(owner, types)
            from_mules = tr[tr["source"].map(lambda a: role.get(ctl(a))).eq("mule")]
            assert len(from_mules) and set(from_mules["target"]) <= co_acc
            # the companies pay the boss's own accounts
            boss = truth.index[truth.role == "boss"][0]
            assert tr["source"].isin(co_acc).any()
            assert tr.loc[tr["source"].isin(co_acc), "target"].map(ctl).eq(boss).any()


def test_laundering_company_layers_when_drawn():
    for fc in (0, 2):
        for hc in (0, 2):
            net, truth = ln_mod.laundering_network(size=100, seed=7, params={"front_companies_per_cell": fc,
                                                                              "holding_companies": hc})
            types = net.nodes["type"].to_dict()
            owner = _owners(net)
            role = truth["role"].to_dict()
            companies = [n for n, t in types.items() if t == "company"]
            by_role = collections.Counter(role[owner[c]] for c in companies)
            assert by_role.get("boss", 0) == hc
            assert by_role.get("mule", 0) == fc * truth.attrs["params"]["n_cells"]   # nominees' front companies
            tr = net.edges[net.edges["type"] == "transfer"]
            acc_of = collections.defaultdict(set)
            for a, o in owner.items():
                acc_of[o].add(a)
            if hc:
                hold = set().union(*(acc_of[c] for c in companies if role[owner[c]] == "boss"))
                assert tr["target"].isin(hold).any()
            if fc:
                front = set().union(*(acc_of[c] for c in companies if role[owner[c]] == "mule"))
                assert tr["target"].isin(front).any() and tr["source"].isin(front).any()


def test_laundering_chain_lengths():
    """Transfers from placement to the leaders take about chain_length
    layering hops (+-1 per cell), one more for the integration."""
    for L in (1, 4):
        net, truth = ln_mod.laundering_network(size=100, seed=11, params={"chain_length": L, "offshore_share": 0.0,
                                                                           "fan_out": 1})
        lead_acc, ctl = _leader_controlled(net, truth)
        role = truth["role"].to_dict()
        tr = net.edges[net.edges["type"] == "transfer"]
        out = collections.defaultdict(set)
        for s, t in zip(tr["source"], tr["target"]):
            out[s].add(t)
        src_role = tr["source"].map(lambda a: role.get(ctl(a)))
        starts = set(tr.loc[src_role.isin(["victim", "operator"]).to_numpy(), "target"])
        hops = []
        for a in starts:
            frontier, seen, n = {a}, {a}, 0
            while frontier and not frontier & lead_acc and n < 10:
                frontier = {y for x in frontier for y in out[x]} - seen
                seen |= frontier
                n += 1
            hops.append(n)
        assert max(1, L - 1) + 1 <= min(hops) and max(hops) <= L + 2


def test_fraud_intermediaries_and_insulation():
    for levels in (0, 1, 2):
        net, truth = fi_mod.fraud_insulated(size=120, seed=4, params={"intermediaries": levels})
        p = truth.attrs["params"]
        tl = truth[truth.role == "team_leader"]
        per_group = p["cells_per_manager"] * (levels >= 1) + (levels == 2)
        assert len(tl) == per_group * p["n_groups"]
        # callers never deal with the boss or the financiers directly
        types = net.nodes["type"].to_dict()
        ctl = _controller(_owners(net), types)
        role = truth["role"].to_dict()
        e = net.edges[net.edges["type"].isin(["call", "meets"])]
        pairs = {(role.get(ctl(s)), role.get(ctl(t))) for s, t in zip(e["source"], e["target"])}
        for top in ("boss", "financier"):
            assert ("operator", top) not in pairs and (top, "operator") not in pairs
            assert ("mule", top) not in pairs and (top, "mule") not in pairs
        touches_manager = ("operator", "manager") in pairs or ("manager", "operator") in pairs
        assert touches_manager == (levels == 0)


@pytest.mark.parametrize("channel", ["phone", "meetings", "both"])
def test_leader_channel_honoured(family, channel):
    net, truth = _gen(family, size=100, seed=9, params={"leader_channel": channel, "social_ties": 0.0})
    types = net.nodes["type"].to_dict()
    ctl = _controller(_owners(net), types)
    leaders = set(truth.index[truth.role.isin(LEADERS)])
    e = net.edges
    calls = e[e["type"] == "call"]
    meets = e[e["type"] == "meets"]
    lcalls = sum(ctl(s) in leaders and ctl(t) in leaders for s, t in zip(calls["source"], calls["target"]))
    lmeets = sum(s in leaders and t in leaders for s, t in zip(meets["source"], meets["target"]))
    meetings = (net.nodes["type"] == "meeting").sum()
    if channel == "phone":
        assert lcalls > 0 and lmeets == 0 and meetings == 0
    elif channel == "meetings":
        assert lcalls == 0 and lmeets > 0 and meetings > 0
    else:
        assert lcalls > 0 and lmeets > 0 and meetings > 0
    if meetings:
        att = e[e["type"] == "attends"]
        assert set(truth.index[truth.role == "boss"]) <= set(att["source"])


def test_operators_meet_each_other_as_drawn():
    for prob in (0.0, 0.5):
        net, truth = fi_mod.fraud_insulated(size=120, seed=1, params={"operator_meeting": prob, "social_ties": 0.0})
        role = truth["role"].to_dict()
        m = net.edges[net.edges["type"] == "meets"]
        opop = sum(role.get(s) == "operator" and role.get(t) == "operator" for s, t in zip(m["source"], m["target"]))
        assert (opop > 0) == (prob > 0)


def test_victims_per_caller():
    for v in (2, 12):
        _, truth = fi_mod.fraud_insulated(size=200, seed=3, params={"victims_per_caller": v})
        r = truth["role"].value_counts()
        assert 0.5 * v <= r["victim"] / r["operator"] <= 1.6 * v


def test_missing_data_model(family):
    net0, t0 = _gen(family, size=100, seed=4)
    net, truth = _gen(family, size=100, seed=4, missing_persons=0.1, missing_edges=0.1, noise=0.05)
    assert abs((~truth["observed"]).mean() - 0.1) < 0.02
    assert (net.nodes["type"] == "person").sum() == truth["observed"].sum()
    assert truth.attrs["missing"]["spurious_edges"] == 0.05
    assert len(truth) == len(t0)


def test_fast_enough(family):
    t = time.perf_counter()
    _gen(family, size=150, seed=1)
    assert time.perf_counter() - t < 2.0
