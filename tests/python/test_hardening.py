"""Regression tests for input edge cases found in review."""
import warnings

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

READERS = [rl.read_csv, rl.read_edgelist, rl.read_graphml, rl.read_pajek, rl.read_matrix, rl.read_ucinet_dl]


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.__name__)
def test_directory_is_a_parse_error(tmp_path, reader):
    with pytest.raises(rl.ParseError, match="is a directory") as info:
        reader(tmp_path)
    assert info.value.file == str(tmp_path)


def test_lone_cr_line_ends(tmp_path):
    p = tmp_path / "e.csv"
    p.write_bytes(b"source,target,x\ra,b,1\rb,c,2\r")
    net = rl.read_csv(p)
    assert net.number_of_edges() == 2 and net.edges["x"].tolist() == [1.0, 2.0]
    p.write_bytes(b"source,target\ra,b\rc\r")
    with pytest.raises(rl.ParseError) as info:
        rl.read_csv(p)
    assert info.value.line == 3
    e = tmp_path / "e.txt"
    e.write_bytes(b"# c\ra b\rb c\r")
    assert rl.read_edgelist(e).number_of_edges() == 2
    pj = tmp_path / "p.net"
    pj.write_bytes(b"*Vertices 2\r1 \"a\"\r2 \"b\"\r*Edges\r1 2\r")
    net = rl.read_pajek(pj)
    assert list(net.nodes.index) == ["a", "b"] and net.number_of_edges() == 1
    g = tmp_path / "g.graphml"
    g.write_bytes(b'<graphml>\r<graph edgedefault="undirected">\r<node id="a"/>\r<node id="a"/>\r</graph></graphml>')
    with pytest.raises(rl.ParseError) as info:
        rl.read_graphml(g)
    assert info.value.line == 4


def test_unix_seconds_out_of_range():
    e = pd.DataFrame({"source": ["a"], "target": ["b"], "timestamp": [10**11]})
    with pytest.raises(ValueError, match="row 0"):
        rl.Network.from_pandas(e)
    e["timestamp"] = [1e11]
    with pytest.raises(ValueError, match="row 0"):
        rl.Network.from_pandas(e)
    e["timestamp"] = [1_700_000_000]
    assert rl.Network.from_pandas(e).edges["timestamp"].iloc[0] == pd.Timestamp(1_700_000_000, unit="s", tz="UTC")


def test_from_networkx_edge_attribute_named_source_and_tuple_ids():
    nx = pytest.importorskip("networkx")
    G = nx.Graph()
    G.add_edge("a", "b", source="wiretap")
    G.add_edge("c", "d")
    with pytest.warns(UserWarning, match="renamed"):
        net = rl.from_networkx(G)
    e = net.edges
    assert e[["source", "target"]].values.tolist() == [["a", "b"], ["c", "d"]]
    assert e["source_"].tolist()[0] == "wiretap"
    grid = rl.from_networkx(nx.grid_2d_graph(2, 3))
    assert grid.number_of_nodes() == 6 and (0, 0) in grid.node_index
    assert list(grid.largest_component().node_index) == list(nx.grid_2d_graph(2, 3).nodes)


def test_to_networkx_reserved_attribute_names():
    nx = pytest.importorskip("networkx")
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "a"], "target": ["b", "b"], "key": ["k", "k"],
                                               "u_of_edge": [1, 2]}),
                                 pd.DataFrame({"node_for_adding": [1, 2]}, index=["a", "b"]))
    G = net.to_networkx()
    assert isinstance(G, nx.MultiGraph) and G.number_of_edges() == 2
    assert G.nodes["a"]["node_for_adding"] == 1


def test_attribute_names_are_checked():
    base = {"source": ["a"], "target": ["b"]}
    with pytest.raises(ValueError, match="empty name"):
        rl.Network.from_pandas(pd.DataFrame({**base, "": [1]}))
    with pytest.raises(ValueError, match="unique"):
        rl.Network.from_pandas(pd.DataFrame([["a", "b", 1, 2]], columns=["source", "target", 1, "1"]))
    with pytest.raises(ValueError, match="would be lost"):
        rl.Network.from_pandas(pd.DataFrame({"u": ["a"], "v": ["b"], "source": ["x"]}), source="u", target="v")


def test_nul_cannot_go_to_csv(tmp_path):
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"], "note": ["x\x00y"]}))
    with pytest.raises(ValueError, match="NUL"):
        net.write_csv(tmp_path / "e.csv")
    # XML 1.0 cannot hold it either (networkx and most readers reject &#0;):
    # refused (docs/bad-input.md, xml-control-character); the binary format keeps it
    with pytest.raises(ValueError, match="control character U\\+0000 in 'x\\\\x00y'"):
        net.write_graphml(tmp_path / "g.graphml")
    net.save(tmp_path / "g.rlnet")
    assert rl.load(tmp_path / "g.rlnet").edges["note"].iloc[0] == "x\x00y"


def test_subgraph_bounds_as_unix_seconds():
    e = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "timestamp": [100, 200]})
    net = rl.Network.from_pandas(e)
    assert net.subgraph(start=150).number_of_edges() == 1
    assert net.subgraph(start="150").number_of_edges() == 1
    assert net.subgraph(end=np.int64(150)).number_of_edges() == 1
    assert net.subgraph(start="1970-01-01T00:02:30Z").number_of_edges() == 1
