"""rl.resolve: evidence on hand-made networks (succession, shared handset,
SIM box, co-location, holder, pass-through), merging, registered persons,
guards (SIM box, size cap, node types) and bad input."""
import warnings

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.resolve import ResolveWarning

DAY0 = pd.Timestamp("2024-01-01", tz="UTC")


def T(day, hour=12, minute=0):
    return DAY0 + pd.Timedelta(days=day, hours=hour, minutes=minute)


def build(rows, types, attrs=None):
    e = pd.DataFrame(rows, columns=["source", "target", "type", "timestamp", "amount"][:len(rows[0])])
    n = pd.DataFrame({"id": list(types), "type": list(types.values())})
    for col, values in (attrs or {}).items():
        n[col] = [values.get(i) for i in types]
    return rl.Network.from_pandas(e, n, directed=True)


def phones(*names):
    return {x: "phone" for x in names}


def succession_net():
    """a (registered to P1) stops on day 19, b starts on day 21 calling the
    same contacts; x shares a handset with a; six SIMs sit in a SIM box."""
    rows = []
    for d in range(20):
        rows += [("a", c, "call", T(d)) for c in ("c1", "c2", "c3")]
    for d in range(21, 40):
        rows += [("b", c, "call", T(d)) for c in ("c1", "c2", "c3")]
    rows += [("c1", "c2", "call", T(d, 3)) for d in range(40)]
    rows += [("x", "c9", "call", T(5)), ("a", "dev1", "in_device", pd.NaT), ("x", "dev1", "in_device", pd.NaT)]
    for i in range(6):
        rows += [(f"s{i}", "box", "in_device", pd.NaT)]
        rows += [(f"s{i}", f"v{i}{k}", "call", T(k)) for k in range(5)]
        rows += [(f"s{i}", "cellA", "located_at", T(k)) for k in range(5)]  # all SIMs at one cell, same times
    rows += [("P1", "a", "uses", pd.NaT)]
    types = phones("a", "b", "x", "c1", "c2", "c3", "c9", *[f"s{i}" for i in range(6)],
                   *[f"v{i}{k}" for i in range(6) for k in range(5)])
    types.update(dev1="device", box="device", P1="person", cellA="cell")
    return build(rows, types)


def test_candidates_find_succession_and_handset():
    net = succession_net()
    c = rl.resolve.candidates(net)
    assert list(c.columns[:3]) == ["a", "b", "type"]
    assert {"handset", "succession", "colocation", "holder", "devices", "passthrough", "score"} <= set(c.columns)
    pairs = {(a, b): s for a, b, s in zip(c.a, c.b, c.score)}
    assert pairs[("a", "x")] == pytest.approx(0.95)       # handset, reliability 0.95
    assert pairs[("a", "b")] == pytest.approx(0.6)        # succession, reliability 0.6
    row = c[(c.a == "a") & (c.b == "b")].iloc[0]
    # contact similarity 1, no sightings: the contact-only value, scored 0.6 x similarity
    assert row.succession == pytest.approx(0.6 / 0.95) and row.gap_days == pytest.approx(2.0)  # day 19 -> day 21
    assert (c.a.astype(str) < c.b.astype(str)).all()
    assert c.score.between(0, 1).all() and c.score.is_monotonic_decreasing
    assert c.attrs["hubs"] == {"box": 6}
    assert c.holder.isna().all()                          # account evidence does not apply to phones


def test_merge_attaches_to_the_registered_person_and_keeps_the_input():
    net = succession_net()
    before = net.edges.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        _, mapping = rl.resolve.merge(net, unheld_phones="keep")
        assert mapping.to_dict() == {"a": "P1", "x": "P1"}  # succession alone (0.6) is below the default
        resolved, mapping = rl.resolve.merge(net, threshold=0.5, unheld_phones="keep")
    pd.testing.assert_frame_equal(net.edges, before)     # input unchanged
    assert mapping.to_dict() == {"a": "P1", "b": "P1", "x": "P1"}
    uses = resolved.edges[resolved.edges.type == "uses"]
    new = uses[uses.inferred == 1]
    assert set(zip(new.source, new.target)) == {("P1", "b"), ("P1", "x")}
    assert set(new.evidence) == {"succession", "handset"}
    merges = mapping.attrs["merges"]
    assert set(merges.status) == {"merged"} and set(merges.person) == {"P1"}
    assert mapping.attrs["persons"].to_dict("records") == [
        {"person": "P1", "members": 3, "attached": True, "chosen": "most of the records", "replaced": []}]


def test_sim_box_never_merges_its_sims():
    net = succession_net()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        c = rl.resolve.candidates(net, min_shared_windows=2)
        boxed = c[c.a.str.startswith("s") & c.b.str.startswith("s")]
        assert len(boxed) == 15 and (boxed.colocation == 1).all()  # co-located, never calling: evidence
        assert (boxed.handset == 0).all()                           # but the box gives no handset evidence
        _, mapping = rl.resolve.merge(net, c, threshold=0.0, unheld_phones="keep")
    assert not any(str(k).startswith("s") for k in mapping.index)
    assert set(mapping.attrs["merges"].status[mapping.attrs["merges"].a.str.startswith("s")]) == {"refused: SIM box"}
    # pairs given by hand are refused too
    hand = pd.DataFrame({"a": ["s0", "s1"], "b": ["s1", "s2"]})
    _, mapping = rl.resolve.merge(net, hand, unheld_phones="keep")
    assert len(mapping) == 0
    # a bigger cap makes the box a handset again: then its SIMs merge
    _, mapping = rl.resolve.merge(net, hand, max_concurrent_sims=6, max_overlapping_sims=6, unheld_phones="keep")
    assert mapping.nunique() == 1 and len(mapping) == 3


def test_a_phone_no_one_holds_is_the_unknown_user_of_that_number():
    net = succession_net()   # a is P1's, x joins it by handset; s0-s5 sit in a SIM box; the others have no holder
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(net)
        kept, kept_mapping = rl.resolve.merge(net, unheld_phones="keep")
    own = mapping.attrs["own_numbers"]
    lone = {v for v, t in zip(net.nodes.index, net.nodes["type"]) if t == "phone"} - {"a", "x"} - \
        {f"s{i}" for i in range(6)}
    assert set(own) == lone and len(lone) == 35 and set(mapping.index) == lone | {"a", "x"}
    assert all(mapping[v] == f"person~{v}" for v in lone) and mapping[["a", "x"]].tolist() == ["P1", "P1"]
    assert list(mapping.attrs["persons"]["person"]) == ["P1"]           # one row per group: no phone of its own
    assert resolved.nodes.loc["person~b", "type"] == "person" and resolved.nodes.loc["person~b", "inferred"] == 1
    e = resolved.edges
    assert ((e["source"] == "person~b") & (e["target"] == "b") & (e["type"] == "uses")).sum() == 1
    # "keep": no person of its own, the rest the same
    assert kept_mapping.to_dict() == {"a": "P1", "x": "P1"} and len(kept_mapping.attrs["own_numbers"]) == 0
    assert resolved.number_of_nodes() == kept.number_of_nodes() + 35
    assert resolved.number_of_edges() == kept.number_of_edges() + 35
    # a phone a company holds is held
    co = build([("C", "q", "uses", pd.NaT), ("q", "r", "call", T(0))], {"C": "company", "q": "phone", "r": "phone"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        assert rl.resolve.merge(co)[1].to_dict() == {"r": "person~r"}
        # an id already taken gets "~" appended
        taken = build([("person~r", "q", "call", T(0)), ("q", "r", "call", T(1))],
                      {"person~r": "venue", "q": "phone", "r": "phone"})
        assert rl.resolve.merge(taken)[1].to_dict() == {"q": "person~q", "r": "person~r~"}
    with pytest.raises(ValueError, match="unheld_phones must be 'person' or 'keep'"):
        rl.resolve.merge(net, unheld_phones="yes")


def test_merges_never_cross_node_types():
    rows = [("ph1", "ac1", "edge", T(0)), ("ph1", "ph2", "call", T(1))]
    net = build(rows, {"ph1": "phone", "ph2": "phone", "ac1": "account"})
    with pytest.raises(ValueError, match="never cross node types"):
        rl.resolve.merge(net, pd.DataFrame({"a": ["ph1"], "b": ["ac1"]}), unheld_phones="keep")
    with pytest.raises(ValueError, match="only identifiers"):
        rl.resolve.merge(build([("d1", "d2", "edge", T(0))], {"d1": "device", "d2": "device"}),
                         pd.DataFrame({"a": ["d1"], "b": ["d2"]}), unheld_phones="keep")
    with pytest.raises(ValueError, match="not nodes of the network"):
        rl.resolve.merge(net, pd.DataFrame({"a": ["ph1"], "b": ["nope"]}), unheld_phones="keep")


def test_candidates_of_both_types_stay_within_a_type():
    rows = [("ph1", "dev", "in_device", pd.NaT, np.nan), ("ph2", "dev", "in_device", pd.NaT, np.nan),
            ("ac1", "dev", "in_device", pd.NaT, np.nan), ("ac2", "dev", "in_device", pd.NaT, np.nan),
            ("ph1", "ph2", "call", T(0), np.nan)]
    net = build(rows, {"ph1": "phone", "ph2": "phone", "ac1": "account", "ac2": "account", "dev": "device"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        c = rl.resolve.candidates(net)
        _, mapping = rl.resolve.merge(net, c, unheld_phones="keep")
    assert set(zip(c.a, c.b, c.type)) == {("ph1", "ph2", "phone"), ("ac1", "ac2", "account")}
    assert c.loc[c.type == "account", "handset"].isna().all() and (c.loc[c.type == "account", "devices"] == 1).all()
    assert mapping["ph1"] == mapping["ph2"] != mapping["ac1"] == mapping["ac2"]
    assert mapping["ph1"] == "person~ph1" and mapping["ac1"] == "person~ac1"


def test_accounts_holder_and_passthrough():
    rows = []
    for k in range(3):  # money into acA, out of acB two minutes later, three times
        rows += [("src", "acA", "transfer", T(k), 500.0 + k), ("acB", "dst", "transfer", T(k, 12, 2), 495.0 + k)]
    rows += [("acC", "dst", "transfer", T(9), 10.0), ("acD", "dst", "transfer", T(9), 10.0)]
    types = {x: "account" for x in ("src", "dst", "acA", "acB", "acC", "acD")}
    holder = {"acC": "Jane Roe ", "acD": "jane roe", "src": "Bank", "dst": "Shop"}
    net = build(rows, types, {"holder_name": holder})
    c = rl.resolve.candidates(net)
    got = {(a, b): r for a, b, r in zip(c.a, c.b, c.itertuples())}
    assert got[("acA", "acB")].passthrough == 1.0
    assert got[("acC", "acD")].holder == 1.0
    assert set(got) == {("acA", "acB"), ("acC", "acD")}
    assert c.succession.isna().all()
    # a direct transfer between the two accounts is a chain, not one holder
    net2 = build(rows + [("acA", "acB", "transfer", T(20), 1.0)], types, {"holder_name": holder})
    assert ("acA", "acB") not in set(zip(*[rl.resolve.candidates(net2)[k] for k in "ab"]))
    with pytest.raises(ValueError, match="holder columns"):
        rl.resolve.candidates(net, holder_columns=["nope"])


def test_false_subscriber_records_registered_persons():
    # p1, p2 one user (shared handset); p3 joins them by succession-free handset too
    rows = [(p, "dev", "in_device", pd.NaT) for p in ("p1", "p2", "p3")]
    rows += [("U", "p1", "uses", pd.NaT), ("U", "p2", "uses", pd.NaT), ("Fake", "p3", "uses", pd.NaT),
             ("p1", "q", "call", T(0)), ("p2", "q", "call", T(1)), ("p3", "q", "call", T(2))]
    types = phones("p1", "p2", "p3", "q")
    types.update(dev="device", U="person", Fake="person")
    net = build(rows, types)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(net, unheld_phones="keep")
    assert set(mapping) == {"U"}                             # U holds most of the group
    persons = mapping.attrs["persons"].iloc[0]
    assert persons.attached and persons.replaced == ["Fake"]
    uses = resolved.edges[resolved.edges.type == "uses"]
    assert set(uses.source) == {"U"} and "Fake" in resolved.node_index  # the false record is gone, not the node
    # a tie between registered persons: a new inferred person, stable id
    net = build([r for r in rows if r[:2] != ("U", "p2")], types)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(net, unheld_phones="keep")
    assert set(mapping) == {"person~p1"} and list(mapping.attrs["persons"]["chosen"]) == ["inferred"]
    assert resolved.nodes.loc["person~p1", "inferred"] == 1
    assert set(resolved.edges[resolved.edges.type == "uses"].source) == {"person~p1"}


def identity_net():
    """Persons P (Ann Lee) and Q (Bo Kim), a homonym pair R1/R2; accounts
    with holder attributes: acA Ann's (exact), acB Ann's with a letter
    doubled, acC a homonym's, acD held by Q on record but Ann's by name,
    acE and acF one holder by device, named Ann and Bo."""
    rows = [("Q", "acD", "owns"), ("acE", "dev", "in_device"), ("acF", "dev", "in_device"),
            ("acA", "acB", "transfer")]
    types = {"P": "person", "Q": "person", "R1": "person", "R2": "person", "dev": "device"}
    types.update({a: "account" for a in ("acA", "acB", "acC", "acD", "acE", "acF")})
    name = {"P": "Ann Lee", "Q": "Bo Kim", "R1": "Cy Ng", "R2": "cy ng", "acA": " ann lee", "acB": "Ann Leee",
            "acC": "Cy Ng", "acD": "Ann Lee", "acE": "Ann Lee", "acF": "Bo Kim"}
    born = {"P": "1980-01-02", "Q": "1990-05-06", "R1": "1970-01-01", "R2": "1970-01-01", "acA": "1980-01-02",
            "acB": "1980-01-02", "acC": "1970-01-01", "acD": "1980-01-02", "acE": "1980-01-02", "acF": "1990-05-06"}
    holder = {k: v for k, v in name.items() if k.startswith("ac")}
    person = {k: v for k, v in name.items() if not k.startswith("ac")}
    return build(rows, types, {"holder_name": holder, "name": person, "birth_date": born})


def test_identity_evidence_names_the_person_on_the_account():
    net = identity_net()
    c = rl.resolve.candidates(net)
    ident = c[c["identity"] > 0].set_index("a")
    assert ident["b"].to_dict() == {"acA": "P", "acB": "P", "acD": "P", "acE": "P", "acF": "Q"}  # not acC: homonyms
    assert ident.loc["acA", "identity"] == 1.0 and ident.loc["acB", "identity"] == rl.resolve.FUZZY_NAME
    assert (ident["type"] == "account").all() and c["holder"].notna().all()
    # a birth date a day off or with day and month swapped, the name exact: fuzzy too
    for slip, found in (("1980-01-03", True), ("1980-02-01", True), ("1980-01-04", False)):
        net2 = identity_net()
        nodes, edges = net2.to_pandas()
        nodes.loc["acA", "birth_date"] = slip
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResolveWarning)
            c2 = rl.resolve.candidates(rl.Network.from_pandas(edges, nodes=nodes, directed=True))
        got = c2[(c2["a"] == "acA") & (c2["identity"] > 0)]
        assert (list(got["b"]) == ["P"] and got["identity"].iloc[0] == rl.resolve.FUZZY_NAME) if found else got.empty
    # explicit columns; a column that is not there is named
    c2 = rl.resolve.candidates(net, identity_columns={"holder_name": "name"})
    assert "acC" not in set(c2.loc[c2["identity"] > 0, "a"])          # still two persons named Cy Ng
    with pytest.raises(ValueError, match="identity_columns"):
        rl.resolve.candidates(net, identity_columns={"holder_name": "nope"})


def test_attachments_to_a_person():
    net = identity_net()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(net, unheld_phones="keep")
    m = mapping.attrs["merges"]
    status = {(a, b): st for a, b, st in zip(m["a"], m["b"], m["status"])}
    assert status[("acA", "P")] == "attached" and status[("acB", "P")] == "attached"
    assert status[("acD", "P")] == "refused: registered to another person"     # Q holds it on record
    assert status[("acE", "P")] == status[("acF", "Q")] == "refused: several persons"  # one holder, two names
    assert mapping["acA"] == mapping["acB"] == "P" and "acD" not in mapping.index
    owns = resolved.edges[resolved.edges["type"] == "owns"]
    new = owns[owns["inferred"] == 1]
    assert set(zip(new["source"], new["target"])) == {("P", "acA"), ("P", "acB"), ("person~acE", "acE"),
                                                      ("person~acE", "acF")}   # the device's pair: a new person
    assert set(new.loc[new["source"] == "P", "evidence"]) == {"identity"}
    assert ("Q", "acD") in set(zip(owns["source"], owns["target"]))           # the record stays
    # by hand: a phone attached to a person, then undone by dropping the row
    net2 = build([("ph1", "k", "call", T(0))], {"ph1": "phone", "k": "phone", "P": "person"})
    _, mp = rl.resolve.merge(net2, pd.DataFrame({"a": ["ph1"], "b": ["P"]}), unheld_phones="keep")
    assert mp.to_dict() == {"ph1": "P"} and list(mp.attrs["merges"]["status"]) == ["attached"]
    assert list(mp.attrs["persons"]["chosen"]) == ["named by a pair"]
    _, mp = rl.resolve.merge(net2, pd.DataFrame({"a": ["ph1"], "b": ["P"]}).iloc[:0], unheld_phones="keep")
    assert len(mp) == 0
    with pytest.raises(ValueError, match="identifier, person"):      # the identifier comes first
        rl.resolve.merge(net2, pd.DataFrame({"a": ["P"], "b": ["ph1"]}), unheld_phones="keep")


def test_merge_keeps_the_rest_of_the_network_and_never_reuses_an_id():
    # a node already named like the inferred person: the new one gets "~" appended
    rows = [(p, "dev", "in_device", pd.NaT) for p in ("p1", "p2")]
    rows += [("p1", "q", "call", T(0)), ("p2", "q", "call", T(1)), ("person~p1", "q", "meets", T(2))]
    types = phones("p1", "p2", "q")
    types.update(dev="device", **{"person~p1": "person"})
    net = build(rows, types, attrs={"age": {"person~p1": 40.0}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(net, unheld_phones="keep")
    assert mapping.to_dict() == {"p1": "person~p1~", "p2": "person~p1~"}
    nodes, edges = resolved.to_pandas()
    assert len(nodes) == len(net.nodes) + 1 and nodes.loc["person~p1", "age"] == 40.0
    assert np.isnan(nodes.loc["person~p1~", "age"]) and nodes.loc["person~p1~", "inferred"] == 1
    old = net.edges
    pd.testing.assert_frame_equal(edges.iloc[:len(old)][old.columns], old)  # every input edge, in order
    new = edges.iloc[len(old):]
    assert list(zip(new.source, new.target, new.type)) == [("person~p1~", "p1", "uses"), ("person~p1~", "p2", "uses")]
    assert (new.evidence == "handset").all() and new.timestamp.isna().all() and (new.inferred == 1).all()
    assert net.number_of_nodes() == len(types)  # the input is unchanged


def test_merge_refuses_a_resolved_network_above_the_memory_limit():
    rows = [(p, "dev", "in_device", pd.NaT) for p in ("p1", "p2")] + [("p1", "q", "call", T(0)),
                                                                     ("p2", "q", "call", T(1))]
    net = build(rows, {**phones("p1", "p2", "q"), "dev": "device"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        pairs = rl.resolve.candidates(net)
        rl.set_memory_limit(100)  # bytes: below the copy of even this network
        try:
            with pytest.raises(rl.MemoryLimitError, match="edited network.*needs less with edge_evidence=False"):
                rl.resolve.merge(net, pairs, unheld_phones="keep")
            with pytest.raises(rl.MemoryLimitError, match="edge_evidence=False .* or unheld_phones='keep' .*1 phones"):
                rl.resolve.merge(net, pairs)
            with pytest.raises(rl.MemoryLimitError, match="edited network[^;]*$"):   # nothing left to leave out
                rl.resolve.merge(net, pairs, unheld_phones="keep", edge_evidence=False)
        finally:
            rl.set_memory_limit(None)
        resolved, mapping = rl.resolve.merge(net, pairs, unheld_phones="keep")
        lean, lean_mapping = rl.resolve.merge(net, pairs, edge_evidence=False, unheld_phones="keep")
        with pytest.raises(ValueError, match="edge_evidence must be True or False"):
            rl.resolve.merge(net, pairs, edge_evidence="no", unheld_phones="keep")
    assert mapping.to_dict() == {"p1": "person~p1", "p2": "person~p1"}
    # without the per-edge evidence: the same persons and edges, only `inferred` added; the evidence stays in
    # the merges table
    assert lean_mapping.to_dict() == mapping.to_dict()
    pd.testing.assert_frame_equal(lean_mapping.attrs["merges"], mapping.attrs["merges"])
    full, slim = resolved.edges, lean.edges
    assert {"evidence", "score"} <= set(full.columns) and not {"evidence", "score"} & set(slim.columns)
    pd.testing.assert_frame_equal(slim, full.drop(columns=["evidence", "score"]))


def test_size_cap_guards_against_chaining():
    rows = []
    for i in range(8):  # a chain of handsets: p0-p1 share d0, p1-p2 share d1, ...
        rows += [(f"p{i}", f"d{i}", "in_device", pd.NaT), (f"p{i + 1}", f"d{i}", "in_device", pd.NaT)]
    rows += [(f"p{i}", "k", "call", T(i)) for i in range(9)]
    types = phones(*[f"p{i}" for i in range(9)], "k")
    types.update({f"d{i}": "device" for i in range(8)})
    net = build(rows, types)
    c = rl.resolve.candidates(net, evidence=["handset"])
    _, mapping = rl.resolve.merge(net, c, max_size=4, unheld_phones="keep")
    assert mapping.value_counts().max() <= 4
    assert "refused: size cap" in set(mapping.attrs["merges"].status)
    with pytest.raises(ValueError, match="max_size"):
        rl.resolve.merge(net, c, max_size=1, unheld_phones="keep")


def test_bad_input_is_named():
    net = build([("a", "b", "edge", T(0))], {"a": "person", "b": "venue"})
    with pytest.raises(ValueError, match="no identifiers to resolve"):
        rl.resolve.candidates(net)
    net = succession_net()
    with pytest.raises(ValueError, match="unknown evidence"):
        rl.resolve.candidates(net, evidence=["telepathy"])
    with pytest.raises(ValueError, match="max_gap"):
        rl.resolve.candidates(net, max_gap="soon")
    no_cells = build([("a", "b", "call", T(0))], phones("a", "b"))
    with pytest.raises(ValueError, match="located_at"):
        rl.resolve.candidates(no_cells, evidence=["colocation"])
    untimed = build([("a", "b", "call", pd.NaT), ("a", "c", "call", T(0))], phones("a", "b", "c", "d"))
    with pytest.warns(ResolveWarning, match="no timestamp") as w:
        rl.resolve.candidates(untimed)
    assert any("in no timed call" in str(x.message) and "d" in str(x.message) for x in w)
    with pytest.raises(ValueError, match="threshold"):
        rl.resolve.merge(untimed, pd.DataFrame({"a": ["a"], "b": ["b"]}), threshold=0.5, unheld_phones="keep")
    with pytest.raises(ValueError, match="options"):
        rl.resolve.merge(untimed, pd.DataFrame({"a": ["a"], "b": ["b"]}), max_gap="1D", unheld_phones="keep")


def test_candidates_do_not_depend_on_threads():
    net = succession_net()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        one = rl.resolve.candidates(net, threads=1, min_shared_windows=2)
        two = rl.resolve.candidates(net, threads=3, min_shared_windows=2)
    pd.testing.assert_frame_equal(one, two)


def test_one_persons_sims_in_turn_are_not_a_sim_box():
    # a rotator: five SIMs in one handset, each used for a week after the other
    rows = []
    for i in range(5):
        rows += [(f"r{i}", "hand", "in_device", pd.NaT)]
        rows += [(f"r{i}", "k", "call", T(7 * i + d)) for d in range(5)]
    net = build(rows, {**phones("k", *[f"r{i}" for i in range(5)]), "hand": "device"})
    c = rl.resolve.candidates(net)
    assert c.attrs["hubs"] == {}
    _, mapping = rl.resolve.merge(net, c, unheld_phones="keep")
    assert len(mapping) == 5 and mapping.nunique() == 1


def test_a_year_of_fortnightly_numbers_in_one_handset_is_not_a_sim_box():
    # 26 SIMs in turn (two weeks each, a year): more than the old size limit (12), one person's handset
    rows = []
    for i in range(26):
        rows += [(f"r{i}", "hand", "in_device", pd.NaT)]
        rows += [(f"r{i}", "k", "call", T(14 * i + d)) for d in range(0, 12, 3)]
    # and 20 SIMs side by side for a month: a box whatever the size limit
    for i in range(20):
        rows += [(f"s{i}", "box", "in_device", pd.NaT)] + [(f"s{i}", "k", "call", T(d, 1)) for d in range(30)]
    types = {**phones("k", *[f"r{i}" for i in range(26)], *[f"s{i}" for i in range(20)]),
             "hand": "device", "box": "device"}
    net = build(rows, types)
    c = rl.resolve.candidates(net, evidence=["handset"])
    assert c.attrs["hubs"] == {"box": 20}
    assert len(c) == 26 * 25 // 2 and (c.handset == 1).all() and not c.a.str.startswith("s").any()
    # the size limit still applies when asked for
    assert rl.resolve.candidates(net, evidence=["handset"], max_sims_per_device=12).attrs["hubs"] == {
        "hand": 26, "box": 20}


def test_a_sim_never_active_gets_no_handset_evidence():
    # n0 made no timed call: it cannot be cleared of sitting in a SIM box, so the handset says nothing of it
    rows = [(p, "dev", "in_device", pd.NaT) for p in ("a", "b", "n0")]
    rows += [("a", "k", "call", T(0)), ("b", "k", "call", T(5)), ("n0", "k", "call", pd.NaT)]
    net = build(rows, {**phones("a", "b", "n0", "k"), "dev": "device"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        c = rl.resolve.candidates(net, evidence=["handset"])
    assert set(zip(c["a"], c["b"])) == {("a", "b")}


def test_a_bought_identity_registered_for_two_users_takes_neither():
    rows = [("u1a", "d1", "in_device", pd.NaT), ("u1b", "d1", "in_device", pd.NaT),
            ("u2a", "d2", "in_device", pd.NaT), ("u2b", "d2", "in_device", pd.NaT)]
    rows += [("Fake", p, "uses", pd.NaT) for p in ("u1a", "u1b", "u2a", "u2b")]
    rows += [(p, "k", "call", T(0)) for p in ("u1a", "u1b", "u2a", "u2b")]
    net = build(rows, {**phones("u1a", "u1b", "u2a", "u2b", "k"), "d1": "device", "d2": "device",
                       "Fake": "person"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(net, unheld_phones="keep")
    assert mapping.to_dict() == {"u1a": "person~u1a", "u1b": "person~u1a", "u2a": "person~u2a",
                                 "u2b": "person~u2a"}
    assert "Fake" not in set(resolved.edges.source)


def test_a_sim_box_seen_through_one_busy_sim_is_a_box():
    # one SIM calls all month, three others once each inside that month: a box, not one rotator
    rows = [("L", "box", "in_device", pd.NaT)] + [("L", "k", "call", T(d)) for d in range(30)]
    for i, d in enumerate((5, 10, 15)):
        rows += [(f"o{i}", "box", "in_device", pd.NaT), (f"o{i}", "k", "call", T(d, 3))]
    net = build(rows, {**phones("L", "k", "o0", "o1", "o2"), "box": "device"})
    c = rl.resolve.candidates(net)
    assert c.attrs["hubs"] == {"box": 4} and len(c) == 0
    _, mapping = rl.resolve.merge(net, pd.DataFrame({"a": ["L"], "b": ["o0"]}), unheld_phones="keep")
    assert len(mapping) == 0 and set(mapping.attrs["merges"].status) == {"refused: SIM box"}


def test_the_person_the_case_knows_beats_names_on_sim_registrations():
    # p1-p3 one handset; the case knows U (a meeting), Fake is only a name on the records of p2 and p3
    rows = [(p, "dev", "in_device", pd.NaT) for p in ("p1", "p2", "p3")]
    rows += [("U", "p1", "uses", pd.NaT), ("Fake", "p2", "uses", pd.NaT), ("Fake", "p3", "uses", pd.NaT),
             ("U", "W", "meets", pd.NaT)]
    rows += [(p, "q", "call", T(i)) for i, p in enumerate(("p1", "p2", "p3"))]
    types = {**phones("p1", "p2", "p3", "q"), "dev": "device", "U": "person", "Fake": "person", "W": "person"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(build(rows, types), unheld_phones="keep")
    assert mapping.to_dict() == {"p1": "U", "p2": "U", "p3": "U"}   # not Fake, who holds more of them
    row = mapping.attrs["persons"].iloc[0]
    assert row.replaced == ["Fake"] and row.chosen == "known beyond its records"
    assert set(resolved.edges[resolved.edges.type == "uses"].source) == {"U"}
    # nobody known beyond records, or two known persons: as before (most records; a tie gives a new person)
    for extra, person in (([], "Fake"), ([("Fake", "W", "meets", pd.NaT)], "Fake")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResolveWarning)
            _, mapping = rl.resolve.merge(build([r for r in rows if r[2] != "meets"] + extra
                                                + ([("U", "W", "meets", pd.NaT)] if extra else []), types),
                                          unheld_phones="keep")
        assert set(mapping) == {person}
