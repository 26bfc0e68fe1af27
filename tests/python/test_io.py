"""Readers and writers from Python: round trips, bad input, the shared datasets."""
import gzip
import random
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

PIECES = ["a", "Z", "李", "é", ",", '"', "'", "<", "&", ">", " ", "\n", "x y", "#", ";", "\t", "🙂"]


def rtext(rng):
    return "s" + "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))


def random_network(seed):
    rng = random.Random(seed)
    n = rng.randint(0, 30)
    ids = [f"{rtext(rng)}#{i}" for i in range(n)]
    nodes = pd.DataFrame({
        "type": [rng.choice(["person", "phone", "account", "venue"]) for _ in ids],
        "label": [rtext(rng) if rng.random() < 0.5 else None for _ in ids],
        "age": [float(rng.randint(18, 80)) if rng.random() < 0.6 else np.nan for _ in ids],
        "alias": [rtext(rng) if rng.random() < 0.6 else None for _ in ids],
        "seen": pd.to_datetime([f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T0{rng.randint(0, 9)}:00:00Z"
                                if rng.random() < 0.6 else None for _ in ids], utc=True),
    }, index=pd.Index(ids, dtype=object))
    m = rng.randint(0, 3 * n) if n else 0
    src = [rng.choice(ids) for _ in range(m)]
    dst = [s if rng.random() < 0.15 else rng.choice(ids) for s in src]
    edges = pd.DataFrame({
        "source": pd.Series(src, dtype=object), "target": pd.Series(dst, dtype=object),
        "type": [rng.choice(["call", "transfer", "uses", "owns", "located_at", "meets"]) for _ in range(m)],
        "weight": [rng.choice([1.0, 0.1, 1e-300, 123456.789, -2.5]) for _ in range(m)],
        "timestamp": pd.to_datetime([rng.randint(0, 2_000_000_000) * 10**9 + rng.randint(0, 10**9 - 1)
                                     if rng.random() < 0.7 else None for _ in range(m)], utc=True),
        "amount": [round(rng.uniform(0, 1e6), 2) if rng.random() < 0.5 else np.nan for _ in range(m)],
        "note": [rtext(rng) if rng.random() < 0.5 else None for _ in range(m)],
    })
    return rl.Network.from_pandas(edges, nodes, directed=bool(seed % 2))


def assert_same(a, b):
    assert a.directed == b.directed
    na, nb = a.nodes, b.nodes
    pd.testing.assert_index_equal(na.index, nb.index, check_names=False, exact=False)
    for col in na.columns:
        if na[col].isna().all():
            assert col not in nb.columns or nb[col].isna().all()
            continue
        pd.testing.assert_series_equal(na[col], nb[col], check_names=False, check_dtype=False)
    ea, eb = a.edges, b.edges
    assert len(ea) == len(eb)
    for col in ea.columns:
        if ea[col].isna().all():
            assert col not in eb.columns or eb[col].isna().all()
            continue
        pd.testing.assert_series_equal(ea[col], eb[col], check_names=False, check_dtype=False)


@pytest.mark.parametrize("seed", range(60))
def test_csv_round_trip(tmp_path, seed):
    net = random_network(seed)
    net.write_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    back = rl.read_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv", directed=net.directed)
    assert_same(net, back)


@pytest.mark.parametrize("seed", range(60))
def test_graphml_round_trip(tmp_path, seed):
    net = random_network(seed)
    net.write_graphml(tmp_path / "g.graphml")
    assert_same(net, rl.read_graphml(tmp_path / "g.graphml"))


def test_gzip_transparent(tmp_path, sample_paths):
    e, n = sample_paths
    gz = tmp_path / "edges.csv.gz"
    gz.write_bytes(gzip.compress(e.read_bytes()))
    a = rl.read_csv(e, nodes=n)
    b = rl.read_csv(gz, nodes=n)
    assert_same(a, b)
    a.write_csv(tmp_path / "out.csv.gz")
    assert rl.read_csv(tmp_path / "out.csv.gz").number_of_edges() == a.number_of_edges()


def test_gexf_is_well_formed(tmp_path, sample_paths):
    import xml.etree.ElementTree as ET
    e, n = sample_paths
    net = rl.read_csv(e, nodes=n)
    net.write_gexf(tmp_path / "s.gexf")
    root = ET.parse(tmp_path / "s.gexf").getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    assert len(root.findall(".//g:node", ns)) == net.number_of_nodes()
    assert len(root.findall(".//g:edge", ns)) == net.number_of_edges()


def test_gexf_for_gephi_carries_ranking_communities_and_layout(tmp_path):
    import xml.etree.ElementTree as ET
    net, truth = rl.generate.fraud_network(seed=3)
    ranking = rl.leaders(net, seed=1)
    pos = rl.layout.force_atlas2(net, seed=2, iterations=50)
    net.write_gexf(tmp_path / "g.gexf", ranking=ranking, pos=pos)
    root = ET.parse(tmp_path / "g.gexf").getroot()
    g = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    attrs = {a.get("title"): (a.get("id"), a.get("type")) for a in root.findall(".//g:attributes[@class='node']/g:attribute", g)}
    assert attrs["rank"][1] == "long" and attrs["community"][1] == "long" and attrs["score"][1] == "double"
    nodes = root.findall(".//g:node", g)
    assert len(nodes) == net.number_of_nodes() and len(root.findall(".//g:edge", g)) == net.number_of_edges()
    by_id = {n.get("id"): n for n in nodes}
    top = ranking.index[0]
    values = {v.get("for"): v.get("value") for v in by_id[str(top)].findall(".//g:attvalue", g)}
    assert values[attrs["rank"][0]] == "1" and values[attrs["role"][0]] == ranking.loc[top, "role"]
    p = by_id[str(top)].find("viz:position", g)
    assert float(p.get("x")) == pytest.approx(pos.loc[top, "x"]) and float(p.get("y")) == pytest.approx(pos.loc[top, "y"])
    size_top = float(by_id[str(top)].find("viz:size", g).get("value"))
    phone = next(v for v in net.node_index if net.nodes.loc[v, "type"] == "phone")
    assert size_top > float(by_id[str(phone)].find("viz:size", g).get("value")) == 4.0
    c = by_id[str(phone)].find("viz:color", g)
    assert (c.get("r"), c.get("g"), c.get("b")) == ("184", "184", "184")     # not ranked: grey
    # a partition replaces the ranking's communities; pos=True computes a layout
    part = rl.community.leiden(net, seed=1)
    net.write_gexf(tmp_path / "p.gexf", partition=part, pos=True)
    root = ET.parse(tmp_path / "p.gexf").getroot()
    colours = {tuple(n.find("viz:color", g).attrib.values()) for n in root.findall(".//g:node", g)}
    assert len(colours) == min(part.nunique(), 20) + (part.nunique() > 20)
    with pytest.raises(ValueError, match="rl.leaders"):
        net.write_gexf(tmp_path / "x.gexf", ranking=pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="not in the network"):
        net.write_gexf(tmp_path / "x.gexf", partition=pd.Series({"nobody": 0}))


def test_graphml_interop_with_networkx(tmp_path):
    nx = pytest.importorskip("networkx")
    G = nx.gnm_random_graph(40, 90, seed=3, directed=True)
    for u, v, d in G.edges(data=True):
        d["weight"] = float(u + v) / 3
    for u, d in G.nodes(data=True):
        d["type"] = "person" if u % 2 else "phone"
    nx.write_graphml(G, tmp_path / "nx.graphml")
    net = rl.read_graphml(tmp_path / "nx.graphml")
    assert net.directed and net.number_of_nodes() == 40 and net.number_of_edges() == 90
    assert net.node_types() == {"phone": 20, "person": 20}
    net.write_graphml(tmp_path / "rl.graphml")
    H = nx.read_graphml(tmp_path / "rl.graphml")
    assert H.number_of_edges() == 90
    assert sorted(d["weight"] for _, _, d in H.edges(data=True)) == \
        sorted(d["weight"] for _, _, d in G.edges(data=True))


BAD = [
    ("src,target\na,b\n", 1, "missing required column 'source'"),
    ("source,target,weight\na,b,1\nb,c\n", 3, "fields"),
    ("source,target,weight\na,b,x\n", 2, "not a number"),
    ("source,target,weight\na,b,nan\n", 2, "finite"),
    ("source,target,weight\na,b,inf\n", 2, "finite"),
    ("source,target,timestamp\na,b,2024-02-30\n", 2, "timestamp"),
    ("", 1, "empty file"),
    ('source,target\n"a,b\n', 2, "unterminated"),
    ("source,target\na,b\x00c\n", 2, "NUL"),
]


@pytest.mark.parametrize("text,line,msg", BAD)
def test_bad_csv(tmp_path, text, line, msg):
    p = tmp_path / "edges.csv"
    p.write_bytes(text.encode("utf-8"))
    with pytest.raises(rl.ParseError, match=msg) as info:
        rl.read_csv(p)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.file == str(p) and err.line == line
    assert str(err).startswith(f"{p}:{line}")


def test_bad_nodes_file(tmp_path):
    (tmp_path / "e.csv").write_text("source,target\na,b\n")
    (tmp_path / "n.csv").write_text("id,type\na,person\nb,phone\na,account\n")
    with pytest.raises(rl.ParseError, match="two|again") as info:
        rl.read_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    assert info.value.line == 4
    (tmp_path / "n.csv").write_text("id,type\na,person\n")
    with pytest.raises(rl.ParseError, match="'b'") as info:
        rl.read_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    assert info.value.line == 2 and info.value.file.endswith("e.csv")
    net = rl.read_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv", create_missing=True, node_type="phone")
    assert net.nodes["type"].tolist() == ["person", "phone"]


def test_binary_garbage_everywhere(tmp_path):
    rng = random.Random(5)
    p = tmp_path / "garbage.bin"
    p.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    for reader in (rl.read_csv, rl.read_edgelist, rl.read_graphml, rl.read_pajek, rl.read_matrix,
                   rl.read_ucinet_dl):
        with pytest.raises(rl.ParseError):
            reader(p)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(rl.ParseError, match="cannot open"):
        rl.read_csv(tmp_path / "nope.csv")


def test_sample_summary_cli(sample_paths):
    e, n = sample_paths
    out = subprocess.run([sys.executable, "-m", "ringleader", "info", str(e), "--nodes", str(n)],
                         capture_output=True, text=True, check=True).stdout
    nodes, edges = pd.read_csv(n), pd.read_csv(e)
    assert f"{len(nodes)} nodes, {len(edges)} edges" in out and "transfer" in out and "person" in out
    js = subprocess.run([sys.executable, "-m", "ringleader", "info", str(e), "--nodes", str(n), "--format",
                         "json"], capture_output=True, text=True, check=True).stdout
    import json
    assert json.loads(js)["node_types"]["person"] == (nodes["type"] == "person").sum()
    bad = subprocess.run([sys.executable, "-m", "ringleader", "info", "/nonexistent.csv"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_shared_covert_networks(shared_data):
    enron = rl.read_edgelist(shared_data / "enron_email_snap" / "email-Enron.txt", directed=True)
    assert enron.number_of_nodes() == 36692 and enron.number_of_edges() == 367662
    und = enron.collapse()  # directed: each pair both ways stays 2 arcs
    assert und.number_of_edges() == 367662
    lcc = rl.read_edgelist(shared_data / "enron_email_snap" / "email-Enron.txt").collapse().largest_component()
    assert lcc.number_of_nodes() == 33696 and lcc.number_of_edges() == 180811
    bali = rl.read_matrix(shared_data / "koschade_bali_2002" / "Koschade_Bali_matrix.csv")
    assert bali.number_of_nodes() == 17 and bali.number_of_edges() == 63 and not bali.directed
    davis = rl.read_matrix(shared_data / "davis_southern_women" / "davis.csv")
    assert davis.node_types() == {"person": 18, "event": 14} and davis.number_of_edges() == 89


def test_graphml_whole_number_columns_are_integers(tmp_path):
    import xml.etree.ElementTree as ET
    nx = pytest.importorskip("networkx")
    edges = pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "c", "a"], "weight": [1.0, 2.0, 3.0],
                          "count": [1.0, np.nan, -7.0], "ratio": [0.5, 1.0, 2.0], "huge": [2.0 ** 53, 1.0, 0.0]})
    nodes = pd.DataFrame({"id": ["a", "b", "c"], "type": ["person"] * 3,
                          "age": pd.array([30, None, 41], dtype="Int64"), "height": [1.8, 1.7, 1.9]}).set_index("id")
    net = rl.Network.from_pandas(edges, nodes=nodes, directed=True)
    net.write_graphml(tmp_path / "g.graphml")
    root = ET.parse(tmp_path / "g.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall("g:key", ns)}
    assert types[("node", "age")] == "long" and types[("edge", "count")] == "long"
    assert types[("node", "height")] == "double" and types[("edge", "ratio")] == "double"
    assert types[("edge", "huge")] == "double"                   # 2^53 and above: not exactly an integer
    assert types[("edge", "weight")] == "double"                 # the model's weight and amount stay double
    values = [d.text for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data")]
    assert "30" in values and "-7" in values and "30.0" not in values and "-7.0" not in values
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.nodes["a"]["age"] == 30 and type(H.nodes["a"]["age"]) is int and "age" not in H.nodes["b"]
    assert type(H.nodes["a"]["height"]) is float
    assert sorted(d["count"] for _, _, d in H.edges(data=True) if "count" in d) == [-7, 1]
    assert all(type(d["count"]) is int for _, _, d in H.edges(data=True) if "count" in d)
    back = rl.read_graphml(tmp_path / "g.graphml")
    a, b = net.to_pandas(), back.to_pandas()
    pd.testing.assert_frame_equal(a.nodes, b.nodes)
    pd.testing.assert_frame_equal(a.edges, b.edges)


def test_graphml_carries_ranking_communities_and_layout_for_gephi(tmp_path):
    import xml.etree.ElementTree as ET
    nx = pytest.importorskip("networkx")
    net, _ = rl.generate.fraud_network(n_groups=1, teams_per_group=2, operators_per_team=3, victims_per_operator=2,
                                       seed=3)
    ranking = rl.leaders(net, seed=1)
    pos = rl.layout.force_atlas2(net, seed=2, iterations=50)
    net.write_graphml(tmp_path / "g.graphml", ranking=ranking, pos=pos)
    root = ET.parse(tmp_path / "g.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    types = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key[@for='node']", ns)}
    assert {n: types[n] for n in ("rank", "score", "role", "community", "x", "y", "size", "r", "g", "b")} == {
        "rank": "long", "score": "double", "role": "string", "community": "long", "x": "double", "y": "double",
        "size": "double", "r": "long", "g": "long", "b": "long"}
    H = nx.read_graphml(tmp_path / "g.graphml")
    top = str(ranking.index[0])
    assert H.nodes[top]["rank"] == 1 and H.nodes[top]["role"] == ranking.iloc[0]["role"]
    assert H.nodes[top]["x"] == pytest.approx(pos.loc[ranking.index[0], "x"])
    assert H.nodes[top]["size"] > 4.0
    phone = next(v for v in net.node_index if net.nodes.loc[v, "type"] == "phone")
    assert (H.nodes[str(phone)]["r"], H.nodes[str(phone)]["g"], H.nodes[str(phone)]["b"]) == (184, 184, 184)
    assert "rank" not in H.nodes[str(phone)] and H.nodes[str(phone)]["size"] == 4.0
    back = rl.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_edges() == net.number_of_edges() and back.nodes.loc[ranking.index[0], "rank"] == 1
    with pytest.raises(ValueError, match="already has node columns.*GraphML"):
        back.write_graphml(tmp_path / "again.graphml", ranking=ranking)
    part = rl.community.leiden(net, seed=1)
    net.write_graphml(tmp_path / "p.graphml", partition=part)
    H = nx.read_graphml(tmp_path / "p.graphml")
    assert {d["community"] for _, d in H.nodes(data=True)} == set(part.unique())
    assert "x" not in H.nodes[top] and "size" not in H.nodes[top]
