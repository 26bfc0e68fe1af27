"""`ringleader report --resolve` end to end on a generated network with
broken subscriber data (rl.generate.fraud_compound + identity_noise), the
report's identity-resolution section in every output, merges.csv and the
edit-and-rerun undo, hostile ids, the option errors, and rl.leaders on a
resolved network."""
import csv
import json
import warnings

import pandas as pd
import pytest

import ringleader as rl
from ringleader import cli
from ringleader.network import NetworkTables
from ringleader.resolve import ResolveWarning

SCRIPT = '<script>alert("x")</script>'
FORMULA = "=cmd|' /C calc'!A0"


def _noisy():
    net, truth = rl.generate.fraud_compound(size=30, seed=5)
    return rl.generate.identity_noise(net, truth, seed=5)[0]


def _run(args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        return cli.main(args)


def _report(folder, *extra, inputs=None):
    inputs = inputs or [str(folder / "edges.csv"), "--nodes", str(folder / "nodes.csv"), "--directed"]
    out = folder / ("out" + "".join(x.strip("-")[:12] for x in extra))
    return _run(["report", *inputs, "-o", str(out), "--seed", "1", "--no-progress", *extra]), out


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    folder = tmp_path_factory.mktemp("resolve_case")
    net = _noisy()
    net.write_csv(folder / "edges.csv", nodes=folder / "nodes.csv")
    code, resolved = _report(folder, "--resolve")
    assert code == 0
    code, plain = _report(folder)
    assert code == 0
    return folder, net, resolved, plain


def _json(out):
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_the_report_lists_the_merges_in_every_output(case):
    folder, net, out, _ = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(rl.read_csv(folder / "edges.csv", nodes=folder / "nodes.csv",
                                                         directed=True))
    merges = mapping.attrs["merges"]
    assert len(mapping) > 0 and (merges["status"] == "merged").any()
    doc = _json(out)
    r = doc["resolution"]
    own = mapping.attrs["own_numbers"]
    assert len(own) and r["own_numbers"] == len(own) and all(mapping[i] == f"person~{i}" for i in own)
    own_persons = set(mapping[own])
    mapping = mapping.drop(own)   # the report lists the merged and attached groups
    assert r["identifiers"] == len(mapping) and r["persons"] == mapping.nunique() and r["pairs"] == len(merges)
    groups = {g["person"]: g for g in r["groups"]}
    assert set(groups) == set(mapping.unique())
    for person, ids in mapping.groupby(mapping.to_numpy()):
        assert groups[person]["identifiers"] == sorted(ids.index)
        assert groups[person]["inferred"] == person.startswith("person~")
        rows = mapping.attrs["persons"].query("person == @person")
        assert groups[person]["chosen"] == "; ".join(sorted(set(rows["chosen"])))
        assert ((rows["chosen"] == "inferred") == ~rows["attached"]).all()
    first = r["merges"][0]
    assert (first["a"], first["b"], first["status"]) == (merges["a"][0], merges["b"][0], merges["status"][0])
    assert first["evidence"] and all(v > 0 for v in first["evidence"].values())
    attached = [m for m in r["merges"] if m["status"] == "attached"]      # identifiers attached to a person
    assert attached and all(set(m["evidence"]) <= {"identity", "handset_holder"} and m["person"] == m["b"]
                            for m in attached)
    assert {e for m in attached for e in m["evidence"]} == {"identity", "handset_holder"}
    # leaders: inferred flag and identifiers
    for x in doc["leaders"]:   # a phone's person of its own lists that phone
        mine = [x["id"][len("person~"):]] if x["id"] in own_persons else []
        assert x["identifiers"] == (groups[x["id"]]["identifiers"] if x["id"] in groups else mine)
        assert x["inferred"] == (x["id"].startswith("person~"))
    assert any(x["identifiers"] for x in doc["leaders"])
    # Markdown and HTML: the section, the persons table, the pairs with their evidence
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Identity resolution" in md and "| Person | Kind | Identifiers |" in md and "| Identifiers |" in md
    evidence, score = next(iter(first["evidence"].items()))
    assert f"{evidence} {score:.2f}" in md
    assert all(f"registered ({g['chosen']})" in md for g in r["groups"] if not g["inferred"])
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="resolution"' in html and "Identity resolution" in html and "Records taken for false" in html
    # CSV: merges.csv is the accepted pairs; leaders.csv has inferred and identifiers
    table = pd.read_csv(out / "merges.csv", dtype={"a": str, "b": str, "person": str})
    assert list(table["a"]) == list(merges["a"]) and list(table["status"]) == list(merges["status"])
    assert list(table.columns[:4]) == ["pair", "a", "b", "type"] and "score" in table and "person" in table
    leaders = pd.read_csv(out / "leaders.csv", dtype={"id": str}, keep_default_na=False).set_index("id")
    assert {"inferred", "identifiers"} <= set(leaders.columns)
    for person, g in groups.items():
        if person in leaders.index:
            assert leaders.loc[person, "identifiers"].split(" ") == g["identifiers"]
    # the network reported on is the resolved one
    assert doc["data"]["nodes"] == resolved.number_of_nodes() and doc["data"]["edges"] == resolved.number_of_edges()


def test_report_json_matches_its_schema(case):
    jsonschema = pytest.importorskip("jsonschema")
    _, _, out, plain = case
    jsonschema.Draft202012Validator(rl.report.SCHEMA).validate(_json(out))
    jsonschema.Draft202012Validator(rl.report.SCHEMA).validate(_json(plain))


def test_without_resolve_nothing_changes(case, tmp_path):
    folder, net, _, plain = case
    doc = _json(plain)
    assert doc["resolution"] is None
    assert all("inferred" not in x and "identifiers" not in x for x in doc["leaders"])
    assert not (plain / "merges.csv").exists()
    assert "Identity resolution" not in (plain / "report.md").read_text(encoding="utf-8")
    header = (plain / "leaders.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "inferred" not in header and "identifiers" not in header
    # the same files as the library call without a resolution
    paths = rl.report.write(rl.read_csv(folder / "edges.csv", nodes=folder / "nodes.csv", directed=True),
                            tmp_path, seed=1, sources={"edges": folder / "edges.csv", "nodes": folder / "nodes.csv"})
    for name in ("leaders.csv", "communities.csv", "report.json"):
        assert (plain / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_editing_merges_csv_and_merging_again_undoes_a_merge(case):
    folder, _, out, _ = case
    rows = list(csv.DictReader((out / "merges.csv").open(encoding="utf-8", newline="")))
    merged = [r for r in rows if r["status"] == "merged"]
    undone = merged[0]["person"]
    members = {r[k] for r in rows if r["person"] == undone for k in ("a", "b")}
    # undo the person: drop every pair naming one of its identifiers (a pair
    # refused by the size cap would otherwise be accepted once room is made)
    kept = [r for r in rows if r["a"] not in members and r["b"] not in members]
    edited = folder / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(kept)
    code, again = _report(folder, "--resolve", "--resolve-pairs", str(edited))
    assert code == 0
    r = _json(again)["resolution"]
    assert r["pairs"] == len(kept)
    assert [x["role"] for x in _json(again)["inputs"]] == ["edges", "nodes", "resolve-pairs"]
    before = {g["person"]: g["identifiers"] for g in _json(out)["resolution"]["groups"]}
    after = {g["person"]: g["identifiers"] for g in r["groups"]}
    assert undone not in after and {p: i for p, i in before.items() if p != undone} == after
    # the unchanged file reproduces the run
    code, same = _report(folder, "--resolve", "--resolve-pairs", str(out / "merges.csv"))
    assert code == 0 and _json(same)["resolution"] == _json(out)["resolution"]


def test_resolve_threshold(case):
    folder, _, out, _ = case
    code, strict = _report(folder, "--resolve", "--resolve-threshold", "0.99")
    assert code == 0
    r, default = _json(strict)["resolution"], _json(out)["resolution"]
    assert all(m["score"] >= 0.99 for m in r["merges"]) and r["pairs"] <= default["pairs"]
    assert r["pairs"] == sum(m["score"] >= 0.99 for m in default["merges"])


def test_pseudonymized_resolve_names_no_identifier(case):
    folder, net, out, _ = case
    code, shared = _report(folder, "--resolve", "--pseudonymize")
    assert code == 0
    doc = _json(shared)
    assert doc["resolution"]["merges"] == [] and doc["resolution"]["groups"] == []
    assert doc["resolution"]["identifiers"] == _json(out)["resolution"]["identifiers"]
    assert not (shared / "merges.csv").exists()
    text = "".join((shared / n).read_text(encoding="utf-8") for n in ("report.md", "report.json", "leaders.csv"))
    ids = [g["identifiers"][0] for g in _json(out)["resolution"]["groups"]]
    assert not any(f"{i}," in text or f" {i} " in text or f'"{i}"' in text for i in ids)


def test_case_file_input(case, tmp_path):
    """A case file (rl.read_case): calls with the handset's IMEI, subscriber
    and holder tables, transfers; the report resolves it the same way."""
    net = case[1]
    e = net.edges
    device = e[e["type"] == "in_device"].drop_duplicates("source").set_index("source")["target"]
    calls = e[e["type"] == "call"]
    pd.DataFrame({"caller": calls["source"], "callee": calls["target"], "time": calls["timestamp"],
                  "imei": calls["source"].map(device)}).to_csv(tmp_path / "calls.csv", index=False)
    for kind in ("uses", "owns"):
        sel = e[e["type"] == kind]
        pd.DataFrame({"person": sel["source"], "id": sel["target"]}).to_csv(tmp_path / f"{kind}.csv", index=False)
    tr = e[e["type"] == "transfer"]
    pd.DataFrame({"source": tr["source"], "target": tr["target"], "amount": tr["amount"],
                  "time": tr["timestamp"]}).to_csv(tmp_path / "transfers.csv", index=False)
    (tmp_path / "case.toml").write_text(
        '[case]\ndirected = true\n\n'
        '[[tables]]\nfile = "calls.csv"\nkind = "calls"\nsource = "caller"\ntarget = "callee"\ntime = "time"\n'
        'imei = "imei"\n\n'
        '[[tables]]\nfile = "uses.csv"\nkind = "uses"\nperson = "person"\nphone = "id"\n\n'
        '[[tables]]\nfile = "owns.csv"\nkind = "owns"\nperson = "person"\naccount = "id"\n\n'
        '[[tables]]\nfile = "transfers.csv"\nkind = "transfers"\nsource = "source"\ntarget = "target"\n'
        'amount = "amount"\ntime = "time"\n', encoding="utf-8")
    assert rl.read_case(tmp_path / "case.toml").node_types().get("device", 0) > 0
    code, out = _report(tmp_path, "--resolve", inputs=[str(tmp_path / "case.toml")])
    assert code == 0
    r = _json(out)["resolution"]
    assert r["pairs"] > 0 and r["groups"] and r["merges"][0]["evidence"]


def _hostile(case_folder, merges, tmp_path):
    """The case with the two identifiers of the first merged pair renamed
    to a script and a spreadsheet formula."""
    rows = list(csv.DictReader(merges.open(encoding="utf-8", newline="")))
    first = next(r for r in rows if r["status"] == "merged")
    net = rl.read_csv(case_folder / "edges.csv", nodes=case_folder / "nodes.csv", directed=True)
    nodes, edges = net.to_pandas()
    rename = {first["a"]: SCRIPT, first["b"]: FORMULA}
    nodes = nodes.rename(index=rename)
    edges["source"] = edges["source"].replace(rename)
    edges["target"] = edges["target"].replace(rename)
    rl.Network.from_pandas(NetworkTables(nodes, edges), directed=True).write_csv(
        tmp_path / "edges.csv", nodes=tmp_path / "nodes.csv")
    return first


def test_hostile_ids_are_escaped(case, tmp_path):
    _hostile(case[0], case[2] / "merges.csv", tmp_path)
    code, out = _report(tmp_path, "--resolve")
    assert code == 0
    doc = _json(out)
    ids = {i for g in doc["resolution"]["groups"] for i in g["identifiers"]}
    assert {SCRIPT, FORMULA} <= ids     # report.json keeps them exactly
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md
    merges = (out / "merges.csv").read_text(encoding="utf-8")
    assert "'" + FORMULA.replace('"', '""') in merges or "'=cmd" in merges
    assert not any(line.split(",")[1].startswith("=") for line in merges.splitlines()[1:] if "," in line)
    # merges.csv, formula-safe, reads back as the same pairs
    code, again = _report(tmp_path, "--resolve", "--resolve-pairs", str(out / "merges.csv"))
    assert code == 0 and _json(again)["resolution"] == doc["resolution"]


@pytest.mark.parametrize("extra, message", [
    (["--resolve-threshold", "0.9"], "--resolve-threshold goes with --resolve"),
    (["--resolve-pairs", "pairs.csv"], "--resolve-pairs goes with --resolve"),
    (["--resolve", "--resolve-pairs", "missing.csv"], "cannot read it"),
    (["--resolve", "--resolve-pairs", "nocol.csv"], "no column 'a'"),
    (["--resolve", "--resolve-pairs", "unknown.csv"], "nocol.csv:2: 'zz' is not a node of the network"),
    (["--resolve", "--resolve-pairs", "badscore.csv"], "badscore.csv:3: score 'high' is not a number from 0 to 1"),
    (["--resolve", "--resolve-pairs", "empty.csv"], "empty.csv:2: empty b"),
    (["--resolve", "--resolve-pairs", "noscore.csv", "--resolve-threshold", "0.5"],
     "--resolve-threshold needs a score column"),
])
def test_bad_options_give_clear_errors(case, tmp_path, monkeypatch, capsys, extra, message):
    folder = case[0]
    monkeypatch.chdir(tmp_path)
    rows = list(csv.DictReader((case[2] / "merges.csv").open(encoding="utf-8", newline="")))
    a, b = rows[0]["a"], rows[0]["b"]
    (tmp_path / "nocol.csv").write_text(f"x,b\n{a},{b}\n", encoding="utf-8")
    (tmp_path / "unknown.csv").write_text(f"a,b\n{a},zz\n", encoding="utf-8")
    (tmp_path / "badscore.csv").write_text(f"a,b,score\n{a},{b},0.9\n{a},{b},high\n", encoding="utf-8")
    (tmp_path / "empty.csv").write_text(f"a,b\n{a},\n", encoding="utf-8")
    (tmp_path / "noscore.csv").write_text(f"a,b\n{a},{b}\n", encoding="utf-8")
    message = message.replace("nocol.csv:2", "unknown.csv:2")
    code = _run(["report", str(folder / "edges.csv"), "--nodes", str(folder / "nodes.csv"), "--directed",
                 "-o", str(tmp_path / "out"), "--no-progress", *extra])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1, err


@pytest.mark.parametrize("value", ["2", "-0.1", "x", "nan"])
def test_threshold_out_of_range_is_a_usage_error(case, capsys, value):
    folder = case[0]
    with pytest.raises(SystemExit) as exit:
        cli.main(["report", str(folder / "edges.csv"), "-o", str(folder / "never"), "--resolve",
                  "--resolve-threshold", value])
    assert exit.value.code == 2
    assert f"wants a number from 0 to 1, not {value!r}" in capsys.readouterr().err


def test_leaders_ranks_inferred_persons_on_the_resolved_network():
    net = _noisy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        resolved, mapping = rl.resolve.merge(net)
    inferred = [p for p in mapping.unique() if p not in net.node_index]
    assert inferred, "the generated network should need inferred persons"
    ranking = rl.leaders(resolved, seed=1)
    persons = resolved.nodes.index[resolved.nodes["type"] == "person"]
    assert set(inferred) <= set(ranking.index) <= set(persons)
    assert ranking.index.is_unique and (ranking["rank"] >= 1).all() and ranking["score"].notna().all()
    assert (resolved.nodes.loc[inferred, "inferred"] == 1).all()
    # an inferred person is linked to its identifiers and ranked from what they did
    e = resolved.edges
    for p in inferred:
        linked = set(e.loc[(e["source"] == p) & e["type"].isin(["uses", "owns"]), "target"])
        assert linked == set(mapping.index[mapping == p])
    assert rl.leaders(resolved, seed=1).equals(ranking)


def test_cli_leaders_resolve(case, tmp_path, capsys):
    folder, _, out, _ = case
    code = _run(["leaders", str(folder / "edges.csv"), "--nodes", str(folder / "nodes.csv"), "--directed",
                 "--seed", "1", "--no-progress", "--resolve", "--format", "csv", "-o", str(tmp_path / "l.csv")])
    assert code == 0 and "resolved:" in capsys.readouterr().err
    table = pd.read_csv(tmp_path / "l.csv", dtype={"id": str}, keep_default_na=False).set_index("id")
    report = pd.read_csv(out / "leaders.csv", dtype={"id": str}, keep_default_na=False).set_index("id")
    assert list(table.index) == list(report.index)
    assert (table["identifiers"] == report["identifiers"]).all() and (table["inferred"] == report["inferred"]).all()
    code = _run(["leaders", str(folder / "edges.csv"), "--nodes", str(folder / "nodes.csv"), "--directed",
                 "--seed", "1", "--no-progress", "--format", "csv", "-o", str(tmp_path / "plain.csv")])
    assert code == 0 and "identifiers" not in (tmp_path / "plain.csv").read_text(encoding="utf-8").splitlines()[0]


def test_cli_export_resolve(case, tmp_path):
    folder = case[0]
    code = _run(["export", str(folder / "edges.csv"), "--nodes", str(folder / "nodes.csv"), "--directed",
                 "--resolve", "--to", "csv", "-o", str(tmp_path / "x")])
    assert code == 0
    nodes = pd.read_csv(tmp_path / "x" / "nodes.csv", dtype={"id": str}).set_index("id")
    groups = _json(case[2])["resolution"]["groups"]
    assert {g["person"] for g in groups} <= set(nodes.index)
    assert any(g["inferred"] for g in groups)
    assert (nodes.loc[[g["person"] for g in groups if g["inferred"]], "inferred"] == 1).all()
