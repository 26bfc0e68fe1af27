"""The investigation report (rl.report.write): content, schema, reproducibility,
escaping of hostile names and pseudonymization."""
import base64
import csv
import hashlib
import html
import html.parser
import json
import re
import sys

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from conftest import SAMPLE
from ringleader import report

try:
    import matplotlib  # noqa: F401
    HAVE_MPL = True
except ImportError:
    HAVE_MPL = False
needs_matplotlib = pytest.mark.skipif(not HAVE_MPL, reason="pictures need matplotlib")

FILES = ("report.html", "report.md", "report.json", "leaders.csv", "communities.csv")

# ids and labels that break naive HTML, Markdown, CSV, JSON, terminals and matplotlib
LONG = "L" + "o" * 497 + "ng"
HOSTILE_IDS = ["<script>alert(1)</script>", "\"quoted\" & 'single' &amp; ;", "\u202eevil\u202c-rtl", LONG,
               "$\\alpha$ | *bold* _it_ [link](http://x.invalid) # h", "multi\nline\r\nid", "esc\x1b[31mred",
               "\u0645\u062d\u0645\u062f 42"]
HOSTILE_LABELS = ["<img src=x onerror=alert(2)>", "label & \"q\" <b>", "\u202elabel-rtl", "M" + "x" * 299,
                  "=HYPERLINK(\"http://x.invalid\")", "| pipe | `code`", "tab\there", "\u05e9\u05dc\u05d5\u05dd"]


def hostile_network():
    """The bundled sample's generator network with its leaders, some accounts
    and a node type renamed by hostile strings, and hostile labels."""
    net, _ = rl.generate.fraud_network(n_groups=2, teams_per_group=2, operators_per_team=4, victims_per_operator=2,
                                       seed=2024)
    nodes, edges = net.to_pandas()
    rename = {f"P{i:06d}": name for i, name in enumerate(HOSTILE_IDS, start=1)}
    rename.update({"A0000001": "acct<\"&'>", "A0000002": "acct\u202e\u2066x"})
    ids = [rename.get(v, v) for v in nodes.index]
    nodes = nodes[["type"]].copy()
    nodes.index = pd.Index(ids, name="id")
    nodes["label"] = None
    nodes.iloc[:len(HOSTILE_LABELS), nodes.columns.get_loc("label")] = HOSTILE_LABELS
    nodes["secret_note"] = "do-not-share-attribute"
    nodes.loc[nodes["type"] == "venue", "type"] = "ven<ue>&"
    edges = edges[["source", "target", "type", "weight", "timestamp", "amount"]].replace(
        {"source": rename, "target": rename})
    return rl.Network.from_pandas(edges, nodes=nodes, directed=True)


def originals(net):
    """Every id and label of a network, as strings."""
    labels = [x for x in net.nodes["label"] if isinstance(x, str) and x]
    return [str(v) for v in net.node_index] + labels


# ---- a small JSON Schema validator (the subset report.SCHEMA uses) -------------
def _is(value, t):
    return {"object": isinstance(value, dict), "array": isinstance(value, list), "string": isinstance(value, str),
            "boolean": isinstance(value, bool), "null": value is None,
            "integer": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool)}[t]


def validate(value, schema, path="$"):
    if "anyOf" in schema:
        problems = []
        for option in schema["anyOf"]:
            try:
                return validate(value, option, path)
            except AssertionError as exc:
                problems.append(str(exc))
        raise AssertionError(f"{path}: matches no option: {problems}")
    if "const" in schema:
        assert value == schema["const"], f"{path}: {value!r} != {schema['const']!r}"
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value!r} not in {schema['enum']}"
    if "type" in schema:
        types = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        assert any(_is(value, t) for t in types), f"{path}: {value!r} is not {types}"
    if "pattern" in schema:
        assert re.search(schema["pattern"], value), f"{path}: {value!r} does not match {schema['pattern']}"
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for k in schema.get("required", []):
            assert k in value, f"{path}: missing {k!r}"
        for k, v in value.items():
            extra = schema.get("additionalProperties", True)
            if k in props:
                validate(v, props[k], f"{path}.{k}")
            else:
                assert extra is not False, f"{path}: unexpected key {k!r}"
                if isinstance(extra, dict):
                    validate(v, extra, f"{path}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            validate(v, schema["items"], f"{path}[{i}]")


class _Page(html.parser.HTMLParser):
    """Tags, text shown (not the contents of script elements) and attributes
    of an HTML page."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.titles, self.scripts, self._in_script = [], [], [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.titles += [v for k, v in attrs if k == "title"]
        if tag == "script":
            self._in_script = True
            self.scripts.append([dict(attrs), ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1][1] += data
        else:
            self.text.append(data)


def check_scripts(text: str) -> dict:
    """The page's only scripts are the interactive view's: its data block
    (JSON, returned) and its code, allowed by the CSP's hash and nothing else."""
    page = _Page(text)
    assert page.tags.count("script") == 2 and text.lower().count("<script") == 2
    assert text.lower().count("</script") == 2
    (data_attrs, data), (code_attrs, code) = page.scripts
    assert data_attrs == {"type": "application/json", "id": "rl-view-data"} and code_attrs == {}
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text).group(1)
    assert csp == ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                   f"script-src 'sha256-{digest}'"), csp
    assert not set(data) & {"<", ">", "&", "\u2028", "\u2029"}
    return json.loads(data)


# ---- fixtures ------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_net():
    return rl.read_csv(SAMPLE / "edges.csv", nodes=SAMPLE / "nodes.csv", directed=True)


@pytest.fixture(scope="module")
def sample_report(sample_net, tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    paths = report.write(sample_net, out, seed=7, sources={"edges": SAMPLE / "edges.csv",
                                                           "nodes": SAMPLE / "nodes.csv"})
    return out, paths


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    net = hostile_network()
    out = tmp_path_factory.mktemp("hostile")
    report.write(net, out, seed=3, top=200)   # every person in the tables
    return net, out


def read(out, name):
    return (out / name).read_text(encoding="utf-8")


# ---- content and schema ----------------------------------------------------------
def test_writes_every_file(sample_report):
    out, paths = sample_report
    assert sorted(p.name for p in paths.values()) == sorted(FILES)
    for name in FILES:
        assert (out / name).stat().st_size > 200, name


def test_json_validates_against_its_schema(sample_report):
    doc = json.loads(read(sample_report[0], "report.json"))
    validate(doc, report.SCHEMA)
    assert doc["schema_version"] == report.SCHEMA_VERSION and doc["ringleader_version"] == rl.__version__
    try:
        import jsonschema
    except ImportError:
        return
    jsonschema.Draft202012Validator(report.SCHEMA).validate(doc)


def test_schema_validator_rejects_wrong_documents(sample_report):
    doc = json.loads(read(sample_report[0], "report.json"))
    for path, value in ((("leaders", 0, "rank"), "1"), (("data", "nodes"), None), (("parameters", "seed"), 1.5),
                        (("leaders", 0, "role"), "boss"), (("inputs", 0, "sha256"), "xyz")):
        bad = json.loads(json.dumps(doc))
        target = bad
        for p in path[:-1]:
            target = target[p]
        target[path[-1]] = value
        with pytest.raises(AssertionError):
            validate(bad, report.SCHEMA)
    bad = dict(doc, extra=1)
    with pytest.raises(AssertionError):
        validate(bad, report.SCHEMA)
    bad = {k: v for k, v in doc.items() if k != "money"}
    with pytest.raises(AssertionError):
        validate(bad, report.SCHEMA)


def test_content_matches_the_analysis(sample_net, sample_report):
    out, _ = sample_report
    doc = json.loads(read(out, "report.json"))
    ranking = rl.leaders(sample_net, seed=7)
    leaders = pd.read_csv(out / "leaders.csv", index_col="id", keep_default_na=False)
    assert list(leaders.index) == list(ranking.index)
    assert (leaders["rank"].to_numpy() == ranking["rank"].to_numpy()).all()
    np.testing.assert_allclose(leaders["score"], ranking["score"], rtol=1e-12)
    assert [x["id"] for x in doc["leaders"]] == list(ranking.index[:25])
    assert doc["data"]["persons"] == 110 and doc["data"]["nodes"] == sample_net.number_of_nodes()
    assert {t["type"]: t["count"] for t in doc["data"]["node_types"]} == sample_net.node_types()
    communities = pd.read_csv(out / "communities.csv", index_col="community", keep_default_na=False)
    assert communities["size"].sum() == 110 and len(communities) == ranking["community"].nunique()
    for c, row in communities.iterrows():   # key1 is the community's first by score
        assert ranking.loc[row["key1"], "community"] == c and ranking.loc[row["key1"], "community_rank"] == 1
    kp = doc["key_players"]
    assert kp["k"] == 5 and 0 < kp["score"] <= 1 and kp["scope"] == 110
    # on the person network rl.leaders uses (places such as venues are not ties)
    assert kp["score"] == pytest.approx(rl.key_players(rl.criminal.person_network(sample_net).net, 5, seed=7).score)
    strategies = {s["strategy"]: s for s in doc["disruption"]["strategies"]}
    assert set(strategies) == {"leader ranking", "degree", "betweenness", "random"}
    assert strategies["leader ranking"]["removed"][1:] == list(ranking.index[:10])
    for s in strategies.values():
        assert s["largest_share"][0] == 1.0 and len(s["largest_share"]) == 11
        assert all(a >= b for a, b in zip(s["largest_share"], s["largest_share"][1:]))
    money = doc["money"]
    assert money["transfers"] == sample_net.edge_types()["transfer"] and money["traced"] > 0
    assert money["holders"][0]["held"] == max(h["held"] for h in money["holders"])
    fz = money["freeze"]
    assert 0 <= fz["stopped"] <= fz["total"] + 1e-6
    # 3 accounts (k=3), fewer only when they already stop all the money
    assert len(fz["accounts"]) == 3 or (1 <= len(fz["accounts"]) < 3 and fz["stopped"] == pytest.approx(fz["total"]))
    assert [x["sha256"] for x in doc["inputs"]] == [
        hashlib.sha256(p.read_bytes()).hexdigest() for p in (SAMPLE / "edges.csv", SAMPLE / "nodes.csv")]
    assert doc["parameters"]["seed"] == 7 and any("seed 7" in n for n in doc["notes"])
    assert not any("read as undirected" in n for n in doc["notes"])


def test_undirected_calls_and_transfers_are_pointed_out(tmp_path):
    net = rl.read_csv(SAMPLE / "edges.csv", nodes=SAMPLE / "nodes.csv")
    report.write(net, tmp_path, seed=1)
    assert any("read as undirected" in n for n in json.loads(read(tmp_path, "report.json"))["notes"])


def test_html_is_self_contained(sample_report):
    text = read(sample_report[0], "report.html")
    page = _Page(text)
    assert "link" not in page.tags and "iframe" not in page.tags
    assert check_scripts(text)["persons"] == 110          # no script but the interactive view's
    links = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", text, re.I)
    assert links and all(x.startswith(("#", "data:")) for x in links), links    # only in-page links
    assert not re.search(r"url\((?!#)|@import", text)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert page.tags.count("svg") >= 2 or not HAVE_MPL    # the network and the disruption curves, inline
    for heading in ("Leaders", "Communities and key members", "Key players", "Disruption", "Money flow", "Data",
                    "Method notes", "Reproducibility"):
        assert f">{heading}</h2>" in text, heading


def test_markdown_has_the_same_tables(sample_report):
    out, _ = sample_report
    md = read(out, "report.md")
    doc = json.loads(read(out, "report.json"))
    for x in doc["leaders"]:
        assert f"| {x['rank']} | {x['id']} |" in md
    assert doc["inputs"][0]["sha256"] in md and "## Method notes" in md


def test_same_seed_same_files(sample_net, sample_report, tmp_path):
    out, _ = sample_report
    report.write(sample_net, tmp_path, seed=7, sources={"edges": SAMPLE / "edges.csv", "nodes": SAMPLE / "nodes.csv"})
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_other_seed_is_recorded(sample_net, tmp_path):
    report.write(sample_net, tmp_path, seed=None)
    seed = json.loads(read(tmp_path, "report.json"))["parameters"]["seed"]
    report.write(sample_net, tmp_path / "again", seed=seed)
    assert read(tmp_path, "leaders.csv") == read(tmp_path / "again", "leaders.csv")


# ---- hostile names -------------------------------------------------------------------
def test_hostile_names_are_escaped_in_html(hostile_report):
    net, out = hostile_report
    text = read(out, "report.html")
    page = _Page(text)
    assert "img" not in page.tags and "b" not in page.tags and "<img" not in text.lower()
    data = check_scripts(text)                            # the view's two script elements, nothing else
    assert {x["id"] for x in data["nodes"]} >= {"<script>alert(1)</script>", "<U+202E>evil<U+202C>-rtl"}
    shown = "".join(page.text)
    assert "<script>alert(1)</script>" in shown           # shown as text
    assert "<img src=x onerror=alert(2)>" in shown and "\"quoted\" & 'single' &amp; ;" in shown
    assert "\u202e" not in text and "<U+202E>evil<U+202C>-rtl" in shown    # overrides made visible
    assert "\x1b" not in text and "<U+001B>[31mred" in shown
    assert LONG not in shown and LONG[:40] in shown        # shortened, full name in the tooltip
    assert LONG in page.titles and "M" + "x" * 299 in page.titles
    assert text.count("<bdi") >= 40
    assert "\u0645\u062d\u0645\u062f 42" in shown          # right-to-left text kept, isolated by <bdi>
    assert "<bdi>\u0645\u062d\u0645\u062f 42</bdi>" in text


def test_hostile_names_are_escaped_in_markdown(hostile_report):
    _, out = hostile_report
    md = read(out, "report.md")
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "\x1b" not in md and "\u202e" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert r"\$\\alpha\$ \| \*bold\* \_it\_ \[link\](http://x.invalid) # h" in md
    assert "\u2068\u0645\u062d\u0645\u062f 42\u2069" in md    # isolated right-to-left name
    table = md.split("## Leaders")[1].split("##")[0]
    rows = [line for line in table.splitlines() if line.startswith("|")]
    columns = len(re.split(r"(?<!\\)\|", rows[0]))
    assert len(rows) == 112 and all(len(re.split(r"(?<!\\)\|", r)) == columns for r in rows)  # pipes escaped
    for line in md.splitlines():
        assert not line.startswith(("<", "#  ", "= ")), line


def test_hostile_names_round_trip_in_csv_and_json(hostile_report):
    net, out = hostile_report
    persons = net.nodes[net.nodes["type"] == "person"]
    with open(out / "leaders.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["id"] for r in rows} == set(persons.index)
    for r in rows:
        label = persons.loc[r["id"], "label"]
        label = label if isinstance(label, str) else ""
        # formula_safe (the default): a leading ' on what a spreadsheet would run
        assert r["label"] == ("'" + label if label.startswith(("=", "+", "-", "@", "\t", "\r")) else label)
    assert "'=HYPERLINK(\"http://x.invalid\")" in {r["label"] for r in rows}
    doc = json.loads(read(out, "report.json"))
    validate(doc, report.SCHEMA)
    by_id = {x["id"]: x for x in doc["leaders"]}
    for name in HOSTILE_IDS:
        if name in by_id:
            assert by_id[name]["label"] == persons.loc[name, "label"]
    assert set(HOSTILE_IDS[:4]) <= set(by_id)
    accounts = {v for h in doc["money"]["paths"] for v in h["path"]} | set(doc["money"]["freeze"]["accounts"])
    assert accounts <= set(net.node_index)


@needs_matplotlib
def test_hostile_labels_in_the_picture_are_escaped(hostile_report):
    _, out = hostile_report
    text = read(out, "report.html")
    svg = text[text.index("<svg"):text.index("</svg>")]
    assert "&lt;img src=x onerror" in svg and "\u202e" not in svg   # the boss (rank 1-5) is labelled


# ---- pseudonyms --------------------------------------------------------------------------
def test_pseudonymized_report_contains_no_original_name(tmp_path):
    net = hostile_network()
    secret = tmp_path / "case-Smith-edges.csv"
    net.write_csv(secret, nodes=tmp_path / "case-Smith-nodes.csv")
    report.write(net, tmp_path / "out", seed=5, pseudonymize=True, sources={"edges": secret})
    names = [x for x in originals(net) if len(x) >= 6] + ["case-Smith", "do-not-share-attribute"]
    assert len(names) > 300
    for file in FILES:
        text = read(tmp_path / "out", file)
        hits = [x for x in names if x in text or html.escape(x) in text or x[:30] in text]
        assert not hits, (file, hits[:3])
    doc = json.loads(read(tmp_path / "out", "report.json"))
    assert doc["parameters"]["pseudonymized"] and all(x["file"] is None for x in doc["inputs"])
    assert all(re.fullmatch(r"person-\d{4}", x["id"]) and x["label"] is None for x in doc["leaders"])


def test_pseudonymized_results_equal_those_of_the_renamed_network(tmp_path):
    net = hostile_network()
    report.write(net, tmp_path / "pseudo", seed=5, pseudonymize=True, pseudonym_key="k")
    renamed = report.pseudonymize_network(net, key="k")
    report.write(renamed, tmp_path / "plain", seed=5)
    for name in ("leaders.csv", "communities.csv"):
        assert read(tmp_path / "pseudo", name) == read(tmp_path / "plain", name)
    plain = json.loads(read(tmp_path / "plain", "report.json"))
    pseudo = json.loads(read(tmp_path / "pseudo", "report.json"))
    assert pseudo["leaders"] == plain["leaders"] and pseudo["communities"] == plain["communities"]


def test_pseudonyms_are_fresh_unless_keyed():
    net = hostile_network()
    a, b = report.pseudonymize_network(net), report.pseudonymize_network(net)
    pairs = [set(zip(x.edges["source"], x.edges["target"])) for x in (a, b)]
    assert list(a.node_index) == list(b.node_index) and pairs[0] != pairs[1]   # person-0001 ..., other ids
    assert a.node_types() == {"account": 98, "person": 110, "phone": 146, "ven<ue>&": 11}
    assert {re.sub(r"-\d+$", "", v) for v in a.node_index} == {"person", "phone", "account", "ven_ue"}
    assert list(a.node_index) == sorted(a.node_index)      # nodes in pseudonym order
    assert sorted(a.edges["weight"]) == sorted(net.edges["weight"]) and a.number_of_edges() == net.number_of_edges()
    assert list(a.nodes.columns) == ["type", "label"] and a.nodes["label"].isna().all()
    with pytest.raises(TypeError, match="no longer takes seed.*key="):
        report.pseudonymize_network(net, seed=1)
    with pytest.raises(ValueError, match="key is empty"):
        report.pseudonymize_network(net, key="")
    k1 = report.pseudonymize_network(net, key="secret")
    assert list(k1.node_index) == list(report.pseudonymize_network(net, key=b"secret").node_index)
    sub = net.subgraph(node_types=["person"])
    k2 = report.pseudonymize_network(sub, key="secret")
    assert set(k2.node_index) <= set(k1.node_index)         # same id and key: same pseudonym in any network
    assert all(re.fullmatch(r"person-[0-9a-f]{12}", p) for p in k2.node_index)
    k3 = report.pseudonymize_network(sub, key="other")
    assert set(k3.node_index).isdisjoint(k2.node_index)


# ---- sizes and special cases --------------------------------------------------------------
def test_limit_restricts_the_simulations_and_says_so(sample_net, tmp_path, monkeypatch):
    monkeypatch.setattr(report._pictures, "PICTURE_LIMIT", 50)
    report.write(sample_net, tmp_path, seed=1, analysis_limit=30)
    doc = json.loads(read(tmp_path, "report.json"))
    assert doc["key_players"]["scope"] == 30 and doc["disruption"]["scope"] == 30
    assert any("30 highest-ranked persons only" in n for n in doc["notes"])
    ranking = pd.read_csv(tmp_path / "leaders.csv", index_col="id")
    top30 = set(ranking.index[:30])
    assert {m["id"] for m in doc["key_players"]["members"]} <= top30
    text = read(tmp_path, "report.html")
    assert "The cores of the largest communities" in text and (text.count("<svg") >= 3 or not HAVE_MPL)


def test_one_mode_network_without_transfers(tmp_path):
    nx = pytest.importorskip("networkx")
    net = rl.from_networkx(nx.karate_club_graph())
    paths = report.write(net, tmp_path, seed=1)
    doc = json.loads(paths["json"].read_text())
    validate(doc, report.SCHEMA)
    assert doc["money"] is None and doc["data"]["persons"] == 34 and not doc["data"]["projected"]
    assert "Money flow" not in paths["html"].read_text() and "Every node is a person" in " ".join(doc["notes"])
    assert {x["id"] for x in doc["leaders"][:2]} == {"0", "33"}   # the two club leaders


def test_tiny_and_edgeless_networks(tmp_path):
    edges = pd.DataFrame({"source": ["a"], "target": ["b"]})
    report.write(rl.Network.from_pandas(edges), tmp_path / "two", seed=1)
    doc = json.loads((tmp_path / "two" / "report.json").read_text())
    validate(doc, report.SCHEMA)
    assert doc["key_players"] is None and doc["data"]["persons"] == 2
    nodes = pd.DataFrame({"type": ["person"] * 3}, index=["x", "y", "z"])
    empty = rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}), nodes=nodes)
    report.write(empty, tmp_path / "none", seed=1)
    doc = json.loads((tmp_path / "none" / "report.json").read_text())
    validate(doc, report.SCHEMA)
    assert doc["disruption"] is None and len(doc["leaders"]) == 3


def test_without_matplotlib_the_report_says_so(sample_net, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    report.write(sample_net, tmp_path, seed=1)
    text = read(tmp_path, "report.html")
    assert "<svg" not in text and "drawing needs matplotlib" in text


def test_money_without_timestamps_falls_back_to_totals(sample_net, tmp_path):
    nodes, edges = sample_net.to_pandas()
    edges["timestamp"] = pd.NaT
    net = rl.Network.from_pandas(edges, nodes=nodes, directed=True)
    report.write(net, tmp_path, seed=1)
    doc = json.loads(read(tmp_path, "report.json"))
    assert doc["money"]["traced"] is None and doc["money"]["holders"][0]["held"] is None
    assert any(n.startswith("Money was not traced") for n in doc["notes"])


def test_money_with_a_transfer_without_amount_is_reported_not_fatal(sample_net, tmp_path):
    nodes, edges = sample_net.to_pandas()
    transfers = edges.index[edges["type"] == "transfer"]
    edges.loc[transfers[0], "amount"] = np.nan
    net = rl.Network.from_pandas(edges, nodes=nodes, directed=True)
    report.write(net, tmp_path, seed=1)
    doc = json.loads(read(tmp_path, "report.json"))
    validate(doc, report.SCHEMA)
    assert doc["money"]["transfers"] == len(transfers) - 1
    assert any(n.startswith("Money was not traced: 1 transfers have a missing") for n in doc["notes"])
    assert doc["money"]["holders"] and doc["money"]["holders"][0]["held"] is None
    # the fallback holders are money.received over the usable transfers
    dropped = rl.Network.from_pandas(edges.drop(index=transfers[0]), nodes=nodes, directed=True)
    want = rl.money.received(dropped)
    for row in doc["money"]["holders"]:
        assert row["received"] == pytest.approx(want[row["id"]])


def test_bad_arguments(sample_net, tmp_path):
    with pytest.raises(ValueError, match="top"):
        report.write(sample_net, tmp_path, top=-1)
    with pytest.raises(ValueError, match="Network"):
        report.write("edges.csv", tmp_path)
    with pytest.raises(ValueError, match="person_type"):
        report.write(sample_net, tmp_path, person_type="suspect")
