"""rl.io.write_i2: entity and link CSVs for i2 Analyst's Notebook's Import
wizard (issue 20 item 4).  Read back with pandas and compared with
net.to_pandas(): counts, ids, types, times, amounts; hostile ids; directed
and undirected; the empty network; formula safety; the CLI."""
import math

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.cli import main

pytestmark = pytest.mark.filterwarnings("ignore:rl.leaders:UserWarning")

HOSTILE = ['a,b', 'say "hi"', "two\nlines", "=cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "+4915112345678",
           "tab\tin", "\tlead", "Jürgen ☎"]


def _read(path) -> pd.DataFrame:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                          # UTF-8 with BOM
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def _net(directed=True):
    edges = pd.DataFrame({
        "source": ["p1", "p1", "ph1", "ph2", "a1"], "target": ["ph1", "a1", "ph2", "c1", "a2"],
        "type": ["uses", "owns", "call", "located_at", "transfer"],
        "timestamp": pd.to_datetime([None, None, "2024-03-09 13:05:00.250", "2024-03-09 13:05:00", "2024-03-10"],
                                    utc=True, format="ISO8601"),
        "amount": [np.nan, np.nan, np.nan, np.nan, 1234.56], "weight": [1.0, 1.0, 2.5, 1.0, 1.0],
        "table": ["subs", "holders", "cdr", "cdr", "bank"], "row": [2.0, 2.0, 3.0, 3.0, 7.0]})
    nodes = pd.DataFrame({"id": ["p1", "ph1", "ph2", "a1", "a2", "c1", "lonely"],
                          "type": ["person", "phone", "phone", "account", "account", "cell", "venue"],
                          "label": ["Jürgen Müller", "", "", "", "", "", "Bar"]}).set_index("id")
    return rl.Network.from_pandas(edges, nodes=nodes, directed=directed)


def test_entities_and_links_read_back_as_the_network(tmp_path):
    net = _net()
    paths = rl.io.write_i2(net, tmp_path / "i2")
    assert paths == {"entities": tmp_path / "i2" / "entities.csv", "links": tmp_path / "i2" / "links.csv"}
    ent, links = _read(paths["entities"]), _read(paths["links"])
    nodes, edges = net.to_pandas()
    assert ent["Identity"].tolist() == [str(v) for v in nodes.index]
    assert dict(zip(ent["Identity"], ent["Entity Type"])) == {
        "p1": "Person", "ph1": "Telephone", "ph2": "Telephone", "a1": "Account", "a2": "Account",
        "c1": "Cell Site", "lonely": "Location"}
    assert ent.set_index("Identity").loc["p1", "Label"] == "Jürgen Müller"
    assert ent.set_index("Identity").loc["ph1", "Label"] == "ph1"            # no label: the id
    assert len(links) == net.number_of_edges()
    assert links["From Identity"].tolist() == edges["source"].tolist()
    assert links["To Identity"].tolist() == edges["target"].tolist()
    assert links["Link Type"].tolist() == ["User Of", "Owner Of", "Telephone Call", "Located At", "Transaction"]
    assert links["From Type"].tolist() == ["Person", "Person", "Telephone", "Telephone", "Account"]
    assert links["To Label"].tolist()[:2] == ["ph1", "a1"] and links["From Label"][0] == "Jürgen Müller"
    assert set(links["Direction"]) == {"End 1 to End 2"}
    assert links["Date and Time (UTC)"].tolist() == ["", "", "2024-03-09 13:05:00", "2024-03-09 13:05:00",
                                                     "2024-03-10 00:00:00"]
    back = pd.to_datetime(links["Timestamp"].replace("", None), utc=True, format="ISO8601")
    assert back.astype("datetime64[ns, UTC]").equals(edges["timestamp"].reset_index(drop=True).rename("Timestamp"))
    assert links["Timestamp"][2] == "2024-03-09T13:05:00.250000Z"             # exact, sub-second too
    amounts = [float(a) if a else math.nan for a in links["Amount"]]
    np.testing.assert_array_equal(amounts, edges["amount"].to_numpy())
    assert links["Weight"].tolist() == ["1.0", "1.0", "2.5", "1.0", "1.0"]       # not all whole: full precision
    assert links["table"].tolist() == edges["table"].tolist() and links["row"].tolist() == ["2", "2", "3", "3", "7"]
    raw = paths["links"].read_bytes()
    assert b"\r\n" in raw and raw.count(b"\r\n") == net.number_of_edges() + 1


def test_undirected_and_type_overrides_and_ranking(tmp_path):
    net = _net(directed=False)
    ranking = rl.leaders(net, seed=1)
    part = pd.Series({"p1": 0, "ph1": 0, "a1": 1})
    rl.io.write_i2(net, tmp_path, ranking=ranking, partition=part, entity_types={"venue": "Bar"},
                   link_types={"call": "Call"})
    ent, links = _read(tmp_path / "entities.csv"), _read(tmp_path / "links.csv")
    assert set(links["Direction"]) == {"None"} and "Call" in set(links["Link Type"])
    assert ent.set_index("Identity").loc["lonely", "Entity Type"] == "Bar"
    assert list(ent.columns[:7]) == ["Identity", "Entity Type", "Label", "Rank", "Score", "Role", "Community"]
    top = ranking.index[0]
    row = ent.set_index("Identity").loc[str(top)]
    assert row["Rank"] == "1" and float(row["Score"]) == ranking.loc[top, "score"]
    assert row["Role"] == ranking.loc[top, "role"]
    assert ent.set_index("Identity")["Community"].to_dict() == {
        "p1": "0", "ph1": "0", "ph2": "", "a1": "1", "a2": "", "c1": "", "lonely": ""}
    with pytest.raises(ValueError, match="entity_types must be a dict"):
        rl.io.write_i2(net, tmp_path, entity_types={"venue": ""})
    with pytest.raises(ValueError, match="not in the network"):
        rl.io.write_i2(net, tmp_path, partition=pd.Series({"nobody": 0}))


def test_hostile_ids_are_quoted_and_formula_safe(tmp_path):
    edges = pd.DataFrame({"source": HOSTILE, "target": HOSTILE[1:] + HOSTILE[:1]})
    net = rl.Network.from_pandas(edges, directed=True, node_type="person")
    net.write_i2(tmp_path / "safe")
    ent = _read(tmp_path / "safe" / "entities.csv")
    expect = {h: ("'" + h if h[0] in "=@\t" or h == "-2+3" else h) for h in HOSTILE}
    assert ent["Identity"].tolist() == [expect[str(v)] for v in net.node_index]
    assert expect["+4915112345678"] == "+4915112345678"           # E.164: a number, not a formula
    links = _read(tmp_path / "safe" / "links.csv")
    assert links["From Identity"].tolist() == [expect[h] for h in HOSTILE]
    rl.io.write_i2(net, tmp_path / "exact", formula_safe=False)
    ent = _read(tmp_path / "exact" / "entities.csv")
    assert ent["Identity"].tolist() == [str(v) for v in net.node_index]       # every value exactly
    links = _read(tmp_path / "exact" / "links.csv")
    assert links["To Identity"].tolist() == HOSTILE[1:] + HOSTILE[:1]


def test_empty_network_and_bad_arguments(tmp_path):
    empty = rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}), directed=True)
    rl.io.write_i2(empty, tmp_path)
    assert _read(tmp_path / "entities.csv").columns.tolist() == ["Identity", "Entity Type", "Label"]
    links = _read(tmp_path / "links.csv")
    assert len(links) == 0 and links.columns[0] == "From Identity"
    with pytest.raises(ValueError, match="NUL"):
        rl.io.write_i2(_net(), str(tmp_path / "x\x00y"))
    clash = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"], "Amount": [1.0]}))
    with pytest.raises(ValueError, match=r"\['Amount'\].*rename"):
        rl.io.write_i2(clash, tmp_path)
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())       # no temporary file left


def test_a_link_planted_at_the_file_is_replaced_not_followed(tmp_path):
    target = tmp_path / "victim.txt"
    target.write_text("keep")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "links.csv").symlink_to(target)
    rl.io.write_i2(_net(), tmp_path / "out")
    assert target.read_text() == "keep" and not (tmp_path / "out" / "links.csv").is_symlink()


def test_cli_export_i2(tmp_path, capsys):
    net = _net()
    net.write_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    assert main(["export", str(tmp_path / "e.csv"), "--nodes", str(tmp_path / "n.csv"), "--directed",
                 "--to", "i2", "--leaders", "-o", str(tmp_path / "i2")]) == 0
    out = capsys.readouterr().out
    assert "entities.csv" in out and "links.csv" in out
    ent = _read(tmp_path / "i2" / "entities.csv")
    assert len(ent) == net.number_of_nodes() and "Rank" in ent.columns
    assert len(_read(tmp_path / "i2" / "links.csv")) == net.number_of_edges()
    assert main(["export", str(tmp_path / "e.csv"), "--nodes", str(tmp_path / "n.csv"), "--directed",
                 "--to", "graphml", "--leaders", "-o", str(tmp_path / "g.graphml")]) == 0
    assert rl.read_graphml(tmp_path / "g.graphml").nodes["rank"].notna().sum() == 1      # the one person
    assert main(["export", str(tmp_path / "e.csv"), "--to", "i2", "--layout", "-o", str(tmp_path / "x")]) == 2
    assert "--layout goes with --to gexf or graphml" in capsys.readouterr().err


def test_cli_export_formula_safety_follows_the_format(tmp_path, capsys):
    """--formula-safe defaults on for i2 and off for csv (an exact round trip);
    either way can be asked for."""
    edges = pd.DataFrame({"source": ["=1+1", "+4915112345678"], "target": ["b", "-12.5"]})
    rl.Network.from_pandas(edges).write_csv(tmp_path / "e.csv")
    src = ["export", str(tmp_path / "e.csv")]
    assert main(src + ["--to", "i2", "-o", str(tmp_path / "a")]) == 0
    assert set(_read(tmp_path / "a" / "entities.csv")["Identity"]) == {"'=1+1", "+4915112345678", "b", "-12.5"}
    assert main(src + ["--to", "i2", "--no-formula-safe", "-o", str(tmp_path / "b")]) == 0
    assert set(_read(tmp_path / "b" / "entities.csv")["Identity"]) == {"=1+1", "+4915112345678", "b", "-12.5"}
    assert main(src + ["--to", "csv", "-o", str(tmp_path / "c")]) == 0
    assert set(rl.read_csv(tmp_path / "c" / "edges.csv").node_index) == {"=1+1", "+4915112345678", "b", "-12.5"}
    assert main(src + ["--to", "csv", "--formula-safe", "-o", str(tmp_path / "d")]) == 0
    assert set(pd.read_csv(tmp_path / "d" / "edges.csv", dtype=str)["source"]) == {"'=1+1", "+4915112345678"}
    capsys.readouterr()
