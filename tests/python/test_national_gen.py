"""bench/national_gen.py (the national-scale call network of bench/national.py)
writes the shared schema, is reproducible from its seed and returns the truth
in the contract's form."""
import hashlib
import importlib.util

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("national_gen", ROOT / "bench" / "national_gen.py")
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    summary = gen.write(str(out), 60_000, seed=3)
    net = rl.read_csv(out / "edges.csv", nodes=out / "nodes.csv", directed=True)
    return out, summary, net, gen.read_truth(str(out))


def _digest(folder):
    return [hashlib.sha256((folder / f).read_bytes()).hexdigest() for f in ("edges.csv", "nodes.csv")]


def test_same_seed_same_bytes_other_seed_other_bytes(written, tmp_path):
    out = written[0]
    gen.write(str(tmp_path / "a"), 60_000, seed=3)
    gen.write(str(tmp_path / "b"), 60_000, seed=4)
    assert _digest(tmp_path / "a") == _digest(out)
    assert _digest(tmp_path / "b") != _digest(out)


def test_schema_and_sizes(written):
    _, s, net, truth = written
    assert net.number_of_edges() == s["calls"] + s["phones"] == 66_000
    assert net.node_types() == {"person": s["persons"], "phone": s["phones"]}
    e = net.edges
    assert set(e["type"]) == {"uses", "call"}
    types = net.nodes["type"]
    uses, calls = e[e["type"] == "uses"], e[e["type"] == "call"]
    assert (types[uses["source"]].to_numpy() == "person").all() and (types[uses["target"]].to_numpy() == "phone").all()
    assert (types[calls["source"]].to_numpy() == "phone").all() and (types[calls["target"]].to_numpy() == "phone").all()
    assert (calls["source"] != calls["target"]).all()
    assert e["timestamp"].notna().all() and e["timestamp"].min() >= pd.Timestamp("2024-01-01", tz="UTC")
    assert (net.nodes.loc[net.nodes["type"] == "person", "registered"] == 1).all()
    # every phone has one subscriber; some persons have several phones
    assert uses["target"].is_unique and len(uses) == s["phones"]
    per_person = uses["source"].value_counts()
    assert len(per_person) == s["persons"] and per_person.max() >= 3


def test_call_degrees_heavy_tailed(written):
    calls = written[2].edges.query("type == 'call'")
    deg = np.bincount(np.unique(calls["source"], return_inverse=True)[1])
    assert deg.max() > 20 * np.median(deg)


def test_truth_in_the_shared_form(written):
    _, s, net, truth = written
    assert truth.index.name == "id" and set(truth.index) == set(net.nodes.index[net.nodes["type"] == "person"])
    assert set(truth["role"]) == {"boss", "manager", "team_leader", "operator", "outsider"}
    assert (truth["role"] == "boss").sum() == s["orgs"] == truth.loc[truth["group"] >= 0, "group"].nunique()
    assert truth.attrs["leader_roles"] == ("boss", "manager") and truth.attrs["seed"] == 3
    ident = truth.attrs["identifiers"]
    assert set(ident.columns) >= {"user", "type", "start", "end"} and (ident["type"] == "phone").all()
    uses = net.edges.query("type == 'uses'")
    assert dict(zip(uses["target"], uses["source"])) == ident["user"].to_dict()
    assert set(ident["user"]) <= set(truth.index)


def test_leaders_of_an_organisation_call_their_managers(written):
    _, _, net, truth = written
    ident = truth.attrs["identifiers"]
    boss = truth.index[truth["role"] == "boss"][0]
    managers = set(truth.index[(truth["role"] == "manager") & (truth["group"] == truth.at[boss, "group"])])
    phones = set(ident.index[ident["user"] == boss])
    calls = net.edges.query("type == 'call'")
    mine = calls[calls["source"].isin(phones) | calls["target"].isin(phones)]
    other = np.where(mine["source"].isin(phones), mine["target"], mine["source"])
    assert managers <= set(ident.loc[other, "user"])


def test_too_small_is_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 1000"):
        gen.write(str(tmp_path), 10)
