"""The Network model from Python: tables, pandas and networkx conversion, views."""
import numpy as np
import pandas as pd
import pytest

import ringleader as rl


def edges_df():
    return pd.DataFrame({
        "source": ["p1", "p1", "ph1", "ph1", "a1"],
        "target": ["ph1", "a1", "ph2", "ph2", "a2"],
        "type": ["uses", "owns", "call", "call", "transfer"],
        "weight": [1.0, 1.0, 30.0, 60.0, 1.0],
        "timestamp": [None, None, "2024-01-05T10:00:00Z", "2024-02-05T10:00:00+01:00", "2024-03-01"],
        "amount": [np.nan, np.nan, np.nan, np.nan, 5000.0],
        "channel": [None, None, "voice", "sms", None],
    })


def nodes_df():
    return pd.DataFrame({"type": ["person", "phone", "phone", "account", "account"],
                         "label": ["Boss", None, None, "Mule 1", None],
                         "age": [51, np.nan, np.nan, np.nan, np.nan]},
                        index=pd.Index(["p1", "ph1", "ph2", "a1", "a2"], name="id"))


def test_from_pandas_tables():
    net = rl.Network.from_pandas(edges_df(), nodes_df(), directed=True)
    assert net.number_of_nodes() == 5 and net.number_of_edges() == 5
    assert net.node_types() == {"person": 1, "phone": 2, "account": 2}
    assert net.edge_types() == {"uses": 1, "owns": 1, "call": 2, "transfer": 1}
    nodes, edges = net.to_pandas()
    assert list(nodes.index) == ["p1", "ph1", "ph2", "a1", "a2"]
    assert list(nodes.columns[:2]) == ["type", "label"]
    assert nodes.loc["p1", "label"] == "Boss" and pd.isna(nodes.loc["ph1", "label"])
    assert nodes["age"].dtype == np.float64
    assert list(edges.columns[:6]) == ["source", "target", "type", "weight", "timestamp", "amount"]
    assert str(edges["timestamp"].dtype) == "datetime64[ns, UTC]"
    assert edges["timestamp"].iloc[3] == pd.Timestamp("2024-02-05T09:00:00Z")
    assert pd.isna(edges["timestamp"].iloc[0])
    assert edges["amount"].iloc[4] == 5000.0
    assert edges["channel"].isna().tolist() == [True, True, False, False, True]
    assert edges["channel"].iloc[2:4].tolist() == ["voice", "sms"]


def test_to_pandas_is_a_named_tuple_that_from_pandas_takes_back():
    net = rl.Network.from_pandas(edges_df(), nodes_df(), directed=True)
    tables = net.to_pandas()
    assert isinstance(tables, rl.NetworkTables) and tables.nodes.equals(net.nodes) and tables.edges.equals(net.edges)
    nodes, edges = tables   # still unpacks as before
    assert nodes.equals(tables.nodes)
    back = rl.Network.from_pandas(tables, directed=True)
    pd.testing.assert_frame_equal(back.nodes, net.nodes)
    pd.testing.assert_frame_equal(back.edges, net.edges)
    with pytest.raises(ValueError, match="one or the other"):
        rl.Network.from_pandas(tables, nodes_df())
    with pytest.raises(ValueError, match="plain tuple"):
        rl.Network.from_pandas(tuple(tables))


def test_tables_are_not_shared_state():
    net = rl.Network.from_pandas(edges_df())
    df = net.edges
    df["extra"] = 1
    assert "extra" not in net.edges.columns


def test_default_types_and_missing_nodes():
    e = pd.DataFrame({"source": ["a"], "target": ["b"]})
    net = rl.Network.from_pandas(e, node_type="phone")
    assert net.node_types() == {"phone": 2} and net.edge_types() == {"edge": 1}
    nodes = pd.DataFrame({"type": ["person"]}, index=["a"])
    with pytest.raises(ValueError, match="create_missing"):
        rl.Network.from_pandas(e, nodes)
    net = rl.Network.from_pandas(e, nodes, create_missing=True)
    assert net.nodes["type"].tolist() == ["person", "unknown"]


def test_from_pandas_rejects_bad_weights_and_duplicates():
    e = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "weight": [1.0, np.inf]})
    with pytest.raises(ValueError, match="row 1"):
        rl.Network.from_pandas(e)
    nodes = pd.DataFrame({"type": ["person", "phone"]}, index=["a", "a"])
    with pytest.raises(ValueError, match="twice"):
        rl.Network.from_pandas(e.iloc[:1], nodes)


def test_subgraph_and_window():
    net = rl.Network.from_pandas(edges_df(), nodes_df(), directed=True)
    phones = net.subgraph(node_types=["phone"])
    assert phones.number_of_nodes() == 2 and phones.number_of_edges() == 2
    jan = net.subgraph(start="2024-01-01", end=pd.Timestamp("2024-02-01"))
    assert jan.number_of_edges() == 1 and jan.number_of_nodes() == 5
    assert net.subgraph(edge_types="call").edge_types() == {"call": 2}
    two = net.subgraph(nodes=["p1", "a1"])
    assert list(two.nodes.index) == ["p1", "a1"] and two.number_of_edges() == 1
    with pytest.raises(ValueError, match="unknown edge type"):
        net.subgraph(edge_types=["email"])
    with pytest.raises(ValueError, match="unknown node id"):
        net.subgraph(nodes=["nobody"])


def test_collapse_and_largest_component():
    net = rl.Network.from_pandas(edges_df(), directed=False)
    c = net.collapse()
    e = c.edges
    calls = e[e["type"] == "call"]
    assert len(calls) == 1 and calls["weight"].iloc[0] == 90.0 and calls["count"].iloc[0] == 2
    assert calls["first_timestamp"].iloc[0] == pd.Timestamp("2024-01-05T10:00Z")
    assert calls["last_timestamp"].iloc[0] == pd.Timestamp("2024-02-05T09:00Z")
    assert net.collapse(weight="max").edges.query("type == 'call'")["weight"].iloc[0] == 60.0
    assert net.collapse(weight="count", by_type=False).number_of_edges() == 4
    with pytest.raises(ValueError):
        net.collapse(weight="mean")
    e2 = pd.DataFrame({"source": ["a", "b", "x"], "target": ["b", "c", "y"]})
    lc = rl.Network.from_pandas(e2).largest_component()
    assert list(lc.nodes.index) == ["a", "b", "c"]


def test_networkx_round_trip_keeps_objects():
    nx = pytest.importorskip("networkx")
    G = nx.MultiDiGraph()
    G.add_node(1, type="person", label="Boss", age=50)
    G.add_node((2, "x"), type="phone")
    G.add_node("3", type="account")
    G.add_edge(1, (2, "x"), type="uses")
    G.add_edge(1, (2, "x"), type="call", weight=3.0, timestamp=pd.Timestamp("2024-01-01", tz="UTC"))
    G.add_edge("3", "3", type="owns", amount=10.0)
    net = rl.from_networkx(G)
    assert list(net.nodes.index) == [1, (2, "x"), "3"]
    assert net.number_of_edges() == 3 and net.directed
    H = net.to_networkx()
    assert isinstance(H, nx.MultiDiGraph)
    assert list(H.nodes) == list(G.nodes)
    assert H.nodes[1] == {"type": "person", "label": "Boss", "age": 50.0}
    assert [(u, v, d["type"]) for u, v, d in H.edges(data=True)] == \
        [(u, v, d["type"]) for u, v, d in G.edges(data=True)]
    assert H.edges[1, (2, "x"), 1]["timestamp"] == pd.Timestamp("2024-01-01", tz="UTC")
    assert H.edges["3", "3", 0]["amount"] == 10.0
    sub = net.subgraph(nodes=[1, (2, "x")])
    assert list(sub.nodes.index) == [1, (2, "x")]


def test_networkx_karate_counts():
    nx = pytest.importorskip("networkx")
    G = nx.karate_club_graph()
    net = rl.from_networkx(G)
    assert net.number_of_nodes() == 34 and net.number_of_edges() == 78
    H = net.to_networkx()
    assert type(H) is nx.Graph
    assert nx.utils.graphs_equal(nx.Graph(G.edges()), nx.Graph(H.edges()))
    w = {(min(u, v), max(u, v)): d["weight"] for u, v, d in G.edges(data=True)}
    assert all(w[(min(u, v), max(u, v))] == d["weight"] for u, v, d in H.edges(data=True))


def test_empty_and_single_node():
    net = rl.Network()
    assert net.number_of_nodes() == 0 and net.nodes.empty and net.edges.empty
    assert net.largest_component().number_of_nodes() == 0
    one = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["a"]}))
    assert one.number_of_nodes() == 1 and one.number_of_edges() == 1


def test_memory_usage_is_16_bytes_per_arc(sample_paths):
    e, n = sample_paths
    net = rl.read_csv(e, nodes=n)
    mem = net.memory_usage()
    arcs = 2 * net.number_of_edges() - int((net.edges["source"] == net.edges["target"]).sum())
    per_node = (net.number_of_nodes() + 1) * 8
    assert mem["compute_view"] <= 16 * arcs + per_node


def test_errors_hierarchy():
    assert issubclass(rl.ParseError, rl.RingleaderError)
    assert issubclass(rl.ParseError, ValueError)
    assert issubclass(rl.InvalidArgumentError, ValueError)


def test_jupyter_display_summarises_and_escapes():
    edges = pd.DataFrame({"source": ["<script>alert(1)</script>", "b"], "target": ["b", "c&d"],
                          "type": ["call", "<b>transfer</b>"], "timestamp": ["2024-01-01T00:00:00Z", None],
                          "note\"": ["x", "y"]})
    net = rl.Network.from_pandas(edges, directed=True)
    page = net._repr_html_()
    assert "3 nodes, 2 edges" in page and "directed" in page
    assert "<script" not in page and "<b>transfer" not in page
    assert "&lt;b&gt;transfer&lt;/b&gt;" in page and "note&quot;" in page
    assert "time span 2024-01-01" in page and "(1 of 2 edges timestamped)" in page
    empty = rl.Network()
    assert "0 nodes, 0 edges" in empty._repr_html_() and "none" in empty._repr_html_()
