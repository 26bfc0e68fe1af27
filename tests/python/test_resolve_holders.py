"""rl.resolve: the persons a case knows beyond its subscriber records - the
handset_holder evidence (a phone in the handset its person's accounts are
used from) and attachments that outrank names on records only."""
import warnings

import pandas as pd
import pytest

import ringleader as rl
from ringleader.resolve import ResolveWarning

T0 = pd.Timestamp("2024-01-01", tz="UTC")


def net_of(rows, types):
    e = pd.DataFrame(rows, columns=["source", "target", "type", "timestamp"])
    n = pd.DataFrame({"id": list(types), "type": list(types.values())})
    return rl.Network.from_pandas(e, n, directed=True)


def handset_case(known=True, other_known_account=False, fake_record=False, fake_known=False, box=False):
    """Phone ph (no record, or registered to Fake) sits in handset h with
    account ac, which U holds on record; U meets W when ``known``."""
    rows = [("ph", "h", "in_device", pd.NaT), ("ac", "h", "in_device", pd.NaT), ("U", "ac", "owns", pd.NaT),
            ("ph", "k", "call", T0), ("ph", "k", "call", T0 + pd.Timedelta(days=1))]
    types = {"ph": "phone", "k": "phone", "h": "device", "ac": "account", "U": "person", "W": "person"}
    if known:
        rows.append(("U", "W", "meets", pd.NaT))
    if other_known_account:
        rows += [("ac2", "h", "in_device", pd.NaT), ("V", "ac2", "owns", pd.NaT), ("V", "W", "meets", pd.NaT)]
        types.update(ac2="account", V="person")
    if fake_record:
        rows.append(("Fake", "ph", "uses", pd.NaT))
        types["Fake"] = "person"
        if fake_known:
            rows.append(("Fake", "W", "meets", pd.NaT))
    if box:   # fourteen more SIMs in the device: a SIM box
        for i in range(14):
            rows += [(f"s{i}", "h", "in_device", pd.NaT), (f"s{i}", "k", "call", T0 + pd.Timedelta(hours=i))]
            types[f"s{i}"] = "phone"
    return net_of(rows, types)


def resolve(net):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        cand = rl.resolve.candidates(net)
        return cand, *rl.resolve.merge(net, cand, unheld_phones="keep")


def test_a_phone_goes_to_the_known_person_whose_accounts_share_its_handset():
    cand, resolved, mapping = resolve(handset_case())
    row = cand[cand["handset_holder"] > 0]
    assert list(zip(row.a, row.b)) == [("ph", "U")] and row["type"].tolist() == ["phone"]
    assert row["score"].iloc[0] == pytest.approx(rl.resolve.RELIABILITY["handset_holder"])
    assert mapping.to_dict() == {"ph": "U"}
    assert list(mapping.attrs["merges"]["status"]) == ["attached"]
    new = resolved.edges[(resolved.edges.type == "uses") & (resolved.edges.inferred == 1)]
    assert list(zip(new.source, new.target, new.evidence)) == [("U", "ph", "handset_holder")]


@pytest.mark.parametrize("case", [dict(known=False), dict(other_known_account=True), dict(box=True)])
def test_no_handset_holder_for_a_name_on_records_two_persons_or_a_sim_box(case):
    cand, _, mapping = resolve(handset_case(**case))
    assert not (cand["handset_holder"] > 0).any() and "ph" not in mapping.index


def test_a_known_person_outranks_a_name_on_records_only():
    # ph is registered to Fake, who is nothing but that record: the known U takes it, Fake's record goes
    cand, resolved, mapping = resolve(handset_case(fake_record=True))
    assert mapping.to_dict() == {"ph": "U"}
    assert list(mapping.attrs["merges"]["status"]) == ["attached"]
    assert mapping.attrs["persons"]["replaced"].tolist() == [["Fake"]]
    assert mapping.attrs["persons"]["chosen"].tolist() == ["named by a pair"]
    assert set(resolved.edges[resolved.edges.type == "uses"].source) == {"U"} and "Fake" in resolved.node_index
    # a holder of record the case knows keeps it: the handset names two known persons (no evidence), and an
    # analyst's pair (ph, U) is refused
    net = handset_case(fake_record=True, fake_known=True)
    cand, resolved, mapping = resolve(net)
    assert not (cand["handset_holder"] > 0).any() and len(mapping) == 0
    resolved, mapping = rl.resolve.merge(net, pd.DataFrame({"a": ["ph"], "b": ["U"]}), unheld_phones="keep")
    assert list(mapping.attrs["merges"]["status"]) == ["refused: registered to another person"]
    assert len(mapping) == 0 and set(resolved.edges[resolved.edges.type == "uses"].source) == {"Fake"}


def test_handset_holder_named_without_its_data_is_an_error():
    net = net_of([("a", "b", "call", T0)], {"a": "phone", "b": "phone"})
    with pytest.raises(ValueError, match="handset_holder"):
        rl.resolve.candidates(net, evidence=["handset_holder"])


def test_an_account_goes_to_the_known_person_whose_phone_shares_its_handset():
    # U (known) uses ph on record; acM has no record, acF is registered to a name on records only (Fake)
    rows = [("ph", "h", "in_device", pd.NaT), ("acM", "h", "in_device", pd.NaT), ("acF", "h", "in_device", pd.NaT),
            ("U", "ph", "uses", pd.NaT), ("Fake", "acF", "owns", pd.NaT), ("U", "W", "meets", pd.NaT),
            ("ph", "k", "call", T0)]
    types = {"ph": "phone", "k": "phone", "h": "device", "acM": "account", "acF": "account", "U": "person",
             "W": "person", "Fake": "person"}
    cand, resolved, mapping = resolve(net_of(rows, types))
    hh = cand[cand["handset_holder"] > 0]
    assert set(zip(hh.a, hh.b, hh["type"])) == {("acM", "U", "account"), ("acF", "U", "account")}
    assert mapping.to_dict() == {"acF": "U", "acM": "U"}
    owns = resolved.edges[resolved.edges.type == "owns"]
    assert set(zip(owns.source, owns.target)) == {("U", "acF"), ("U", "acM")}   # Fake's record is gone
