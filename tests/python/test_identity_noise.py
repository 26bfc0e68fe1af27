"""rl.generate.identity_noise: number rotation, handsets, SIM boxes, cells and
broken subscriber records on top of a family, with the identifiers' truth."""
import numpy as np
import pandas as pd
import pytest

import ringleader as rl


@pytest.fixture(scope="module")
def base():
    return rl.generate.fraud_compound(size=400, seed=5)


@pytest.fixture(scope="module")
def noisy(base):
    net, truth = base
    return rl.generate.identity_noise(net, truth, rotation=0.4, shared_handsets=0.6, sim_boxes=0.3,
                                      false_subscribers=0.15, missing_subscribers=0.25, seed=11)


def _holdings(net):
    e = net.edges
    return e[e["type"].isin(("uses", "owns"))]


def test_truth_maps_every_phone_and_account(noisy):
    net, truth = noisy
    ids = truth.attrs["identifiers"]
    nodes = net.nodes
    want = set(nodes.index[nodes["type"].isin(("phone", "account"))])
    assert set(ids.index) == want
    assert (ids["type"] == nodes["type"].reindex(ids.index)).all()
    known = ids["user"].dropna()
    assert len(known) == len(ids)  # fraud_compound without missing persons: every user is known
    assert known.isin(truth.index[~truth["fake"]]).all()  # users are real persons, never fakes
    assert set(ids["record"]) <= {"kept", "missing", "false", "none"}
    assert {"start", "end", "sim_box", "origin"} <= set(ids.columns)
    assert truth.attrs["identity"]["rotation"] == 0.4 and truth.attrs["identity"]["seed"] == 11


def test_records_follow_the_rates(noisy):
    net, truth = noisy
    ids = truth.attrs["identifiers"]
    rec = ids["record"][ids["record"] != "none"]
    share = rec.value_counts(normalize=True)
    n = len(rec)
    tol = 4 * np.sqrt(0.25 * 0.75 / n)
    assert abs(share["missing"] - 0.25) < tol and abs(share["false"] - 0.15) < tol
    # the network agrees with the record column
    h = _holdings(net)
    ntype = net.nodes["type"]
    thing = np.where(ntype.reindex(h["source"]).to_numpy() == "person", h["target"], h["source"])
    holder = np.where(ntype.reindex(h["source"]).to_numpy() == "person", h["source"], h["target"])
    held = pd.Series(holder, index=thing)
    missing = ids.index[ids["record"] == "missing"]
    assert not held.index.isin(missing).any()
    false = ids.index[ids["record"] == "false"]
    assert truth.loc[held[false].unique(), "fake"].all()
    kept = ids.index[ids["record"] == "kept"]
    g = held[held.index.isin(kept)].groupby(level=0).first()
    assert len(g) == len(kept) and (g.to_numpy() == ids.loc[g.index, "user"].to_numpy()).all()
    # registered = has a record
    persons = net.nodes[ntype == "person"]
    assert (persons["registered"].astype(bool) == persons.index.isin(set(holder))).all()
    fakes = truth.index[truth["fake"]]
    assert len(fakes) and set(fakes) <= set(persons.index) and (truth.loc[fakes, "role"] == "fake").all()


def test_rotation_rate_and_succession(base, noisy):
    net0, truth0 = base
    net, truth = noisy
    ids = truth.attrs["identifiers"]
    phones = ids[ids["type"] == "phone"]
    new = phones[phones["origin"] != phones.index]
    assert len(new) and not new.index.isin(net0.nodes.index).any()
    # rotating members: share of the members with a calling phone
    members = truth0.index[~truth0["role"].isin(("victim", "outsider"))]
    calls = net0.edges[net0.edges["type"] == "call"]
    calling = set(calls["source"]) | set(calls["target"])
    own = rl.criminal.owners(net0)
    cand = set(own[own.index.isin(calling)]) & set(members)
    rotating = set(phones.loc[new.index, "user"])
    share = len(rotating) / len(cand)
    assert abs(share - 0.4) < 4 * np.sqrt(0.24 / len(cand))
    # a successor starts after its predecessor ends, and the user keeps his contacts
    for orig, grp in list(phones[phones["origin"].isin(new["origin"])].groupby("origin"))[:20]:
        chain = grp.sort_values("start")
        assert (chain["start"].to_numpy()[1:] >= chain["end"].to_numpy()[:-1]).all()
        assert chain["user"].nunique() == 1
    # no call lost: as many calls as in the input
    assert (net.edges["type"] == "call").sum() == len(calls)


def test_sim_boxes_hold_sims_of_several_users(noisy):
    net, truth = noisy
    ids = truth.attrs["identifiers"]
    e = net.edges
    dev = e[e["type"] == "in_device"]
    boxed = ids.index[ids["sim_box"]]
    assert len(boxed)
    box_dev = dev[dev["source"].isin(boxed)]
    for d, grp in box_dev.groupby("target"):
        assert ids.loc[grp["source"], "user"].nunique() >= 2, d
        assert not dev[(dev["target"] == d) & ~dev["source"].isin(boxed)].shape[0]
    # every phone is in exactly one device
    ph = dev[dev["source"].isin(ids.index[ids["type"] == "phone"])]
    assert ph["source"].is_unique and set(ph["source"]) == set(ids.index[ids["type"] == "phone"])
    # boxed SIMs with false records are registered in bulk: one identity per box
    h = _holdings(net)
    false_box = set(boxed[ids.loc[boxed, "record"] == "false"])
    holder = h[h["source"].isin(false_box) | h["target"].isin(false_box)]
    if len(holder):
        ph_of = np.where(holder["source"].isin(false_box), holder["source"], holder["target"])
        who = np.where(holder["source"].isin(false_box), holder["target"], holder["source"])
        box_of = dev.set_index("source")["target"]
        per_box = pd.Series(who, index=box_of.reindex(ph_of).to_numpy()).groupby(level=0).nunique()
        assert (per_box == 1).all()


def test_handsets_and_cells(noisy):
    net, truth = noisy
    ids = truth.attrs["identifiers"]
    e = net.edges
    dev = e[(e["type"] == "in_device") & e["source"].isin(ids.index[(ids["type"] == "phone") & ~ids["sim_box"]])]
    users = ids.loc[dev["source"], "user"].to_numpy()
    per_user = pd.DataFrame({"user": users, "dev": dev["target"].to_numpy()})
    # no handset outside a SIM box holds SIMs of two users
    assert (per_user.groupby("dev")["user"].nunique() == 1).all()
    # some users keep several SIMs in one handset, some in several
    sims = per_user.groupby("user").size()
    hs = per_user.groupby("user")["dev"].nunique()
    multi = sims[sims >= 2].index
    assert (hs[multi] < sims[multi]).any() and (hs[multi] == sims[multi]).any()
    # one located_at per call, at cell nodes, at the call's time
    loc = e[e["type"] == "located_at"]
    loc = loc[net.nodes["type"].reindex(loc["target"]).to_numpy() == "cell"]
    calls = e[e["type"] == "call"]
    assert len(loc) == len(calls)
    assert sorted(loc["timestamp"]) == sorted(calls["timestamp"])
    # a user's phones are seen at few cells: his most frequent cell holds about half of his calls
    ph = ids[(ids["type"] == "phone") & ~ids["sim_box"]]
    mine = loc[loc["source"].isin(ph.index)]
    mine = mine.assign(user=ph["user"].reindex(mine["source"]).to_numpy())
    top = mine.groupby(["user", "target"]).size().groupby(level=0).max() / mine.groupby("user").size()
    n_cells = (net.nodes["type"] == "cell").sum()
    assert top.mean() > 0.4 and n_cells > 20
    # accounts: holder attributes; a user's accounts share them (small variations aside)
    acc = net.nodes[net.nodes["type"] == "account"]
    assert acc["holder_name"].notna().all()
    own = ids[(ids["type"] == "account") & ids["record"].isin(["kept", "missing"])].join(acc[["birth_date"]])
    multi = own.groupby("user").filter(lambda x: len(x) >= 2).groupby("user")["birth_date"].nunique()
    assert len(multi) > 10 and (multi == 1).mean() > 0.8
    # persons carry the identity on their records: a user's own accounts name him (small variations aside)
    per = net.nodes[net.nodes["type"] == "person"]
    assert per["name"].notna().all() and per["birth_date"].notna().all()
    own = ids[(ids["type"] == "account") & ids["record"].isin(["kept", "missing"]) & ids["user"].notna()]
    same = acc.loc[own.index, "holder_name"].to_numpy() == per.loc[own["user"], "name"].to_numpy()
    assert len(own) > 20 and same.mean() > 0.8
    fake = ids[(ids["type"] == "account") & (ids["record"] == "false")]
    held = e[(e["type"] == "owns") & e["target"].isin(fake.index)].set_index("target")["source"]
    assert (acc.loc[held.index, "birth_date"].to_numpy() == per.loc[held.to_numpy(), "birth_date"].to_numpy()).mean() \
        > 0.8                                          # a bought identity's accounts carry the bought identity
    # an account is logged into from a handset holding a phone of its user
    adev = e[(e["type"] == "in_device") & e["source"].isin(acc.index)]
    assert len(adev) > 0.5 * len(acc)
    pdev = e[(e["type"] == "in_device") & e["source"].isin(ph.index)]
    dev_user = pd.Series(ids.loc[pdev["source"], "user"].to_numpy(), index=pdev["target"].to_numpy())
    dev_user = dev_user[~dev_user.index.duplicated()]
    assert (dev_user.reindex(adev["target"]).to_numpy() == ids.loc[adev["source"], "user"].to_numpy()).all()


def test_input_unchanged_and_seed_determinism(base):
    net, truth = base
    nodes, edges, t = net.nodes.copy(), net.edges.copy(), truth.copy()
    a = rl.generate.identity_noise(net, truth, seed=3)
    b = rl.generate.identity_noise(net, truth, seed=3)
    c = rl.generate.identity_noise(net, truth, seed=4)
    pd.testing.assert_frame_equal(net.nodes, nodes)
    pd.testing.assert_frame_equal(net.edges, edges)
    pd.testing.assert_frame_equal(truth, t)
    assert "identifiers" not in truth.attrs
    pd.testing.assert_frame_equal(a[0].edges, b[0].edges)
    pd.testing.assert_frame_equal(a[0].nodes, b[0].nodes)
    pd.testing.assert_frame_equal(a[1], b[1])
    pd.testing.assert_frame_equal(a[1].attrs["identifiers"], b[1].attrs["identifiers"])
    assert not a[0].edges.equals(c[0].edges)


def test_zero_rates_keep_records(base):
    net, truth = base
    out, t = rl.generate.identity_noise(net, truth, rotation=0, shared_handsets=0, sim_boxes=0,
                                        false_subscribers=0, missing_subscribers=0, cells=False, seed=1)
    ids = t.attrs["identifiers"]
    assert (ids["record"].isin(["kept", "none"])).all() and not ids["sim_box"].any()
    assert (ids["origin"] == ids.index).all() and not t["fake"].any()
    assert (out.edges["type"] != "located_at").sum() >= net.number_of_edges()
    assert set(out.nodes["type"]) - set(net.nodes["type"]) == {"device"}


@pytest.mark.parametrize("family", ["cell_network", "laundering_network", "mafia_clan", "drug_chain",
                                    "fraud_insulated"])
def test_every_family(family):
    net, truth = getattr(rl.generate, family)(size=60, missing_persons=0.1, seed=2)
    out, t = rl.generate.identity_noise(net, truth, seed=2)
    ids = t.attrs["identifiers"]
    nodes = out.nodes
    assert set(ids.index) == set(nodes.index[nodes["type"].isin(("phone", "account"))])
    assert ids["user"].dropna().isin(t.index[~t["fake"]]).all()


@pytest.mark.parametrize("kw, msg", [
    (dict(rotation=1.5), "rotation must be in"), (dict(sim_boxes=-0.1), "sim_boxes must be in"),
    (dict(false_subscribers=0.6, missing_subscribers=0.6), "at most 1"),
    (dict(shared_handsets=float("nan")), "shared_handsets must be in"),
    (dict(rotation_days=(5, 1)), "rotation_days"), (dict(sim_box_size=(1, 4)), "sim_box_size"),
    (dict(sim_box_size=(2.5, 4)), "sim_box_size"), (dict(seed=1.5), "seed")])
def test_bad_arguments(base, kw, msg):
    net, truth = base
    with pytest.raises(ValueError, match=msg):
        rl.generate.identity_noise(net, truth, **kw)


def test_bad_truth(base):
    net, truth = base
    with pytest.raises(ValueError, match="'role' column"):
        rl.generate.identity_noise(net, truth.drop(columns="role"))
    with pytest.raises(ValueError, match="truth lacks"):
        rl.generate.identity_noise(net, truth.iloc[:10])
    with pytest.raises(ValueError, match="Network"):
        rl.generate.identity_noise(truth, truth)


def test_box_and_handset_rates(base, noisy):
    net0, truth0 = base
    net, truth = noisy
    ids = truth.attrs["identifiers"]
    # SIM boxes: share of the operators' input phones in a box (successors follow their origin)
    own = rl.criminal.owners(net0)
    ops = truth0.index[truth0["role"] == "operator"]
    op_phones = own.index[own.isin(ops) & own.index.isin(net0.nodes.index[net0.nodes["type"] == "phone"])]
    boxed = ids.loc[op_phones, "sim_box"]
    assert abs(boxed.mean() - 0.3) < 4 * np.sqrt(0.21 / len(boxed))
    assert not ids.loc[ids["sim_box"], "user"].isin(truth0.index[truth0["role"] != "operator"]).any()
    # handsets: users with two or more SIMs outside boxes who share a handset among them (0.6 of the users
    # share; a sharer with two handsets may, by chance, put each SIM in its own)
    e = net.edges
    free = ids[(ids["type"] == "phone") & ~ids["sim_box"]]
    dev = e[(e["type"] == "in_device") & e["source"].isin(free.index)]
    per = pd.DataFrame({"user": free.loc[dev["source"], "user"].to_numpy(), "dev": dev["target"].to_numpy()})
    sims, hs = per.groupby("user").size(), per.groupby("user")["dev"].nunique()
    multi = sims[sims >= 2].index
    share = (hs[multi] < sims[multi]).mean()
    assert 0.6 * (1 - 0.25) - 4 * np.sqrt(0.24 / len(multi)) < share < 0.6 + 4 * np.sqrt(0.24 / len(multi))


def test_defaults_constant_matches_the_signature():
    import inspect

    params = inspect.signature(rl.generate.identity_noise).parameters
    assert {k: params[k].default for k in rl.generate.IDENTITY_DEFAULTS} == rl.generate.IDENTITY_DEFAULTS


@pytest.mark.parametrize("family, size", [("fraud_compound", 12), ("cell_network", 12), ("drug_chain", 30)])
def test_every_box_holds_several_users_even_when_all_callers_are_boxed(family, size):
    net, truth = getattr(rl.generate, family)(size=size, seed=4)
    out, t = rl.generate.identity_noise(net, truth, sim_boxes=1.0, sim_box_size=(2, 40), seed=4)
    ids = t.attrs["identifiers"]
    e = out.edges
    dev = e[(e["type"] == "in_device") & e["source"].isin(ids.index[ids["sim_box"]])]
    users = pd.Series(ids.loc[dev["source"], "user"].to_numpy(), index=dev["target"].to_numpy())

