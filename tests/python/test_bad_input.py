"""The bad-input catalogue (docs/bad-input.md): one test case per row.

Each row is a kind of bad input with its expected outcome: a clear error
(class, message excerpt and, for files, the file and line) or a documented
behaviour.  Nothing may crash or return a partial result.  The row ids are the
names used in the catalogue.
"""
import gzip
import json
import os
import pathlib
import re
import struct
import subprocess
import sys
import zlib

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader import _core
from ringleader.io import _binary

HERE = pathlib.Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "examples" / "sample"

# ---- readers: errors --------------------------------------------------------
_RLNET = _binary.dumps(rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"]})))  # a good .rlnet


def _sealed(table: bytes) -> bytes:
    """A binary network file of header and section table only, checksums right."""
    head = struct.pack("<8sIIQQII24x", b"RLNETBIN", 1, 0x01020304, len(table), 0, zlib.crc32(table), 0)
    return head + table + b"\0" * (-len(table) % 64)


def _rlnet_with(old: bytes, new: bytes, payload_old: bytes = b"", payload_new: bytes = b"") -> bytes:
    """_RLNET (ids a, b; one edge) with `old` replaced by `new` in its section
    table (and `payload_old` by `payload_new` in its payload), both checksums
    right: damage past the checksums, as an attacker writes it."""
    size = struct.unpack_from("<Q", _RLNET, 16)[0]
    table, payload = _RLNET[64:64 + size], _RLNET[64 + size + (-size % 64):]
    assert old in table and payload_old in payload
    table, payload = table.replace(old, new, 1), payload.replace(payload_old, payload_new, 1)
    head = struct.pack("<8sIIQQII24x", b"RLNETBIN", 1, 0x01020304, len(table), len(payload), zlib.crc32(table),
                       zlib.crc32(payload))
    return head + table + b"\0" * (-len(table) % 64) + payload


_DEEP = b"[" * 100000 + b"]" * 100000

# id, reader, file name, content, message excerpt (regex), line (0 = the file as a whole), reader kwargs
E = "source,target\n"
READER_ERRORS = [
    ("csv-semicolon-delimiter", "csv", "e.csv", "source;target\na;b\n", "pass delimiter=';'", 1, {}),
    ("csv-tab-delimiter", "csv", "e.csv", "source\ttarget\na\tb\n", r"pass delimiter='\\t'", 1, {}),
    ("csv-invalid-utf8", "csv", "e.csv", b"source,target\na,b\n\xff\xfe,c\n", "invalid UTF-8", 3, {}),
    ("csv-ids-differ-by-spaces", "csv", "e.csv", E + "a,b\n a ,c\n", "differ only by surrounding spaces", 3, {}),
    ("csv-weight-1e400", "csv", "e.csv", "source,target,weight\na,b,1e400\n", "weights must be finite", 2, {}),
    ("csv-weight-nan", "csv", "e.csv", "source,target,weight\na,b,nan\n", "weights must be finite", 2, {}),
    ("csv-weight-not-a-number", "csv", "e.csv", "source,target,weight\na,b,heavy\n", "'heavy' is not a number", 2,
     {}),
    ("csv-timestamp-unreadable", "csv", "e.csv", "source,target,timestamp\na,b,yesterday\n",
     "neither ISO 8601", 2, {}),
    ("csv-timestamp-month-13", "csv", "e.csv", "source,target,timestamp\na,b,2024-13-01\n", "neither ISO 8601", 2,
     {}),
    ("csv-amount-not-a-number", "csv", "e.csv", "source,target,amount\na,b,ten\n", "'ten' is not a number", 2, {}),
    ("csv-empty-file", "csv", "e.csv", "", "empty file: expected a header", 1, {}),
    ("csv-too-few-fields", "csv", "e.csv", "source,target,weight\na,b,1\nc\n", "1 fields, the header has 3", 3, {}),
    ("csv-too-many-fields", "csv", "e.csv", E + "a,b,1\n", "3 fields, the header has 2", 2, {}),
    ("csv-unterminated-quote", "csv", "e.csv", E + '"a,b\nc,d\n', "unterminated quoted field", 2, {}),
    ("csv-empty-id", "csv", "e.csv", E + "a,\n", "empty target id", 2, {}),
    ("csv-nul-byte", "csv", "e.csv", b"source,target\na\x00x,b\n", "NUL byte", 2, {}),
    ("csv-duplicate-column", "csv", "e.csv", "source,target,x,x\na,b,1,2\n", "'x' appears twice", 1, {}),
    ("csv-corrupt-gzip", "csv", "e.csv.gz", b"\x1f\x8b\x08\x00garbage", "corrupt gzip", 0, {}),
    ("csv-truncated-gzip", "csv", "e.csv.gz", gzip.compress(b"source,target\na,b\n" * 100)[:40], "corrupt gzip", 0,
     {}),
    ("graphml-mismatched-tag", "graphml", "g.graphml",
     '<graphml><graph edgedefault="undirected"><node id="a">\n<node id="b"/></graph>', "mismatched end tag", 2, {}),
    ("graphml-not-xml", "graphml", "g.graphml", E + "a,b\n", "not XML", 1, {}),
    ("graphml-int-attribute-not-a-number", "graphml", "g.graphml",
     '<graphml><key id="k" for="node" attr.name="age" attr.type="int"/><graph edgedefault="undirected">\n'
     '<node id="a"><data key="k">old</data></node></graph></graphml>', "'old' is not a number", 2, {}),
    ("graphml-mixed-directed-edges", "graphml", "g.graphml",
     '<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/>\n'
     '<edge source="a" target="b" directed="true"/>\n<edge source="b" target="a"/></graph></graphml>',
     "mixed graphs are not supported", 3, {}),
    ("graphml-duplicate-node", "graphml", "g.graphml",
     '<graphml><graph edgedefault="undirected">\n<node id="a"/>\n<node id="a"/>\n</graph></graphml>', "'a'", 3, {}),
    ("pajek-vertex-out-of-range", "pajek", "p.net", '*Vertices 2\n1 "a"\n2 "b"\n*Edges\n1 5\n',
     "out of range 1..2", 5, {}),
    ("pajek-vertex-count-not-a-number", "pajek", "p.net", '*Vertices two\n1 "a"\n', "not a non-negative integer",
     1, {}),
    ("edgelist-one-field", "edgelist", "e.txt", "a b\nc\n", "only one field", 2, {}),
    ("edgelist-weight-not-a-number", "edgelist", "e.txt", "a b 1\nc d x\n", "'x' is not a number", 2, {}),
    ("matrix-ragged-row", "matrix", "m.csv", ",a,b\na,0,1\nb,1\n", "expected 2", 3, {}),
    ("matrix-cell-not-a-number", "matrix", "m.csv", ",a,b\na,0,x\nb,1,0\n", "'x' is not a number", 2, {}),
    ("matrix-asymmetric-but-undirected", "matrix", "m.csv", ",a,b\na,0,1\nb,0,0\n", "not symmetric", 2,
     {"directed": False}),
    ("dl-no-size", "dl", "d.dl", "dl\nformat=fullmatrix\ndata:\n0 1\n1 0\n", "needs the size", 1, {}),
    ("dl-data-ends-early", "dl", "d.dl", "dl n=3\nformat=fullmatrix\ndata:\n0 1 0\n1 0\n", "data ends early", 5,
     {}),
    ("dl-unknown-format", "dl", "d.dl", "dl n=2\nformat=weird\ndata:\n0 1\n1 0\n", "unsupported format", 2, {}),
    ("dl-wrong-label-count", "dl", "d.dl", "dl n=3\nlabels:\na,b\ndata:\n0 1 0\n1 0 0\n0 0 0\n",
     "found 2 labels, expected 3", 4, {}),
    ("dl-one-sided-embedded-labels", "dl", "d.dl", "dl n=3 format=edgelist1\nrow labels embedded\ndata:\na 2\n",
     "only row labels are embedded in this one-mode list", 4, {}),
    ("rlnet-foreign-file", "rlnet", "n.rlnet", E + "a,b\n", "not a ringleader binary network", 0, {}),
    ("rlnet-truncated", "rlnet", "n.rlnet", _RLNET[:100], r"truncated: 100 bytes, the header announces \d+", 0, {}),
    ("rlnet-wrong-version", "rlnet", "n.rlnet", _RLNET[:8] + struct.pack("<I", 2) + _RLNET[12:],
     "format version 2, but this ringleader reads version 1", 0, {}),
    ("rlnet-bad-checksum", "rlnet", "n.rlnet", _RLNET[:-1] + b"\1", "the payload's checksum does not match", 0, {}),
    ("rlnet-bad-section-table", "rlnet", "n.rlnet", _sealed(b"{"), "the section table is not valid JSON", 0, {}),
    # crafted section tables with valid checksums (issue 22 item 13): every field typed, every section checked
    ("rlnet-directed-as-string", "rlnet", "n.rlnet", _rlnet_with(b'"directed":false', b'"directed":"false"'),
     "section table's directed is not true or false", 0, {}),
    ("rlnet-count-as-string", "rlnet", "n.rlnet", _rlnet_with(b'"nodes":2', b'"nodes":"2"'),
     "section table's nodes is not a non-negative integer", 0, {}),
    ("rlnet-type-name-not-string", "rlnet", "n.rlnet", _rlnet_with(b'"edge_type_names":[', b'"edge_type_names":[null,'),
     r"section table's edge_type_names\[0\] is not a string", 0, {}),
    ("rlnet-unknown-key", "rlnet", "n.rlnet", _rlnet_with(b'"nodes":2', b'"x":1,"nodes":2'),
     "the section table has the unknown key 'x'", 0, {}),
    ("rlnet-deep-nesting", "rlnet", "n.rlnet", _rlnet_with(b'"nodes":2', b'"x":' + _DEEP + b',"nodes":2'),
     "nests lists or objects deeper than the format's 3 levels", 0, {}),
    ("rlnet-table-not-utf8", "rlnet", "n.rlnet", _rlnet_with(b'"edge_type_names":[', b'"edge_type_names":["\xff",'),
     "the section table is not valid JSON .*UTF-8", 0, {}),
    ("rlnet-section-outside-payload", "rlnet", "n.rlnet", _rlnet_with(b'"offset":0,', b'"offset":99999,'),
     "section 'node.id.offsets' lies outside the payload", 0, {}),
    ("rlnet-unknown-dtype", "rlnet", "n.rlnet", _rlnet_with(b'"dtype":"<u2"', b'"dtype":"int"'),
     "section 'node.type' has the unknown dtype 'int'", 0, {}),
    ("rlnet-unread-section", "rlnet", "n.rlnet",
     _rlnet_with(b'"sections":[', b'"sections":[{"name":"spare","dtype":"|u1","offset":0,"length":0},'),
     "section 'spare' is listed but belongs to no table", 0, {}),
    ("rlnet-id-not-utf8", "rlnet", "n.rlnet", _rlnet_with(b"", b"", b"ab", b"a\xff"),
     "string section 'node.id' is not valid UTF-8", 0, {}),
]

READERS = {"csv": rl.read_csv, "graphml": rl.read_graphml, "pajek": rl.read_pajek, "edgelist": rl.read_edgelist,
           "matrix": rl.read_matrix, "dl": rl.read_ucinet_dl, "rlnet": rl.load}


def write(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    return p


@pytest.mark.parametrize("reader,name,content,match,line,kwargs",
                         [pytest.param(*row[1:], id=row[0]) for row in READER_ERRORS])
def test_reader_error(tmp_path, reader, name, content, match, line, kwargs):
    p = write(tmp_path, name, content)
    with pytest.raises(rl.ParseError, match=match) as info:
        READERS[reader](p, **kwargs)
    e = info.value
    assert (e.file, e.line) == (str(p), line) and re.search(match, e.message)
    assert str(e).startswith(str(p)), "the message names the file"


def test_reader_error_missing_file(tmp_path):
    for reader in READERS.values():
        with pytest.raises(rl.ParseError, match="cannot open file") as info:
            reader(tmp_path / "nope.csv")
        assert info.value.file == str(tmp_path / "nope.csv")


# id, edges.csv, nodes.csv, message excerpt, the file named ("edges" or "nodes"), line
NODES_FILE_ERRORS = [
    ("nodes-duplicate-id", E + "a,b\n", "id,type\na,person\nb,person\na,phone\n", "node id 'a' appears again",
     "nodes", 4),
    ("edge-names-missing-node", E + "a,z\n", "id,type\na,person\n", "create_missing=True", "edges", 2),
    ("nodes-without-id-column", E + "a,b\n", "name,type\na,person\n", "missing required column 'id'", "nodes", 1),
    ("ids-differ-by-spaces-nodes", E + "a,b\n", "id,type\na ,person\na,person\nb,person\n",
     "'a' and 'a ' differ only by surrounding spaces", "nodes", 3),
]


@pytest.mark.parametrize("edges,nodes,match,named,line", [pytest.param(*row[1:], id=row[0])
                                                          for row in NODES_FILE_ERRORS])
def test_nodes_file_error(tmp_path, edges, nodes, match, named, line):
    paths = {"edges": write(tmp_path, "e.csv", edges), "nodes": write(tmp_path, "n.csv", nodes)}
    with pytest.raises(rl.ParseError, match=match) as info:
        rl.read_csv(paths["edges"], nodes=paths["nodes"])
    assert (info.value.file, info.value.line) == (str(paths[named]), line)
    if named == "edges":
        assert rl.read_csv(paths["edges"], nodes=paths["nodes"], create_missing=True).number_of_nodes() == 2


# ---- readers: documented behaviour ------------------------------------------
def test_mixed_line_endings_are_read(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", b"source,target\r\na,b\nb,c\r\nc,d\n"))
    assert net.edges[["source", "target"]].values.tolist() == [["a", "b"], ["b", "c"], ["c", "d"]]


def test_byte_order_mark_is_ignored(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", b"\xef\xbb\xbfsource,target\na,b\n"))
    assert list(net.node_index) == ["a", "b"]


def test_header_only_gives_empty_network(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", E))
    assert (net.number_of_nodes(), net.number_of_edges()) == (0, 0)


def test_timestamps_before_1970(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", "source,target,timestamp\na,b,1969-07-20T20:17:00Z\nb,c,-1\n"))
    assert net.edges["timestamp"].tolist() == [pd.Timestamp("1969-07-20T20:17:00Z"),
                                               pd.Timestamp("1969-12-31T23:59:59Z")]
    net.write_csv(tmp_path / "out.csv", tmp_path / "out_nodes.csv")
    assert rl.read_csv(tmp_path / "out.csv").edges["timestamp"].tolist() == net.edges["timestamp"].tolist()


def test_timestamps_in_other_zones_become_utc(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", "source,target,timestamp\n"
                                               "a,b,2024-01-01T10:00:00+02:00\nb,c,2024-01-01T08:00:00Z\n"
                                               "c,d,2024-01-01T08:00:00\n"))
    assert set(net.edges["timestamp"]) == {pd.Timestamp("2024-01-01T08:00:00Z")}


def test_empty_edge_type_is_the_default_type(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", "source,target,type\na,b,call\nb,c,\n"), edge_type="link")
    assert net.edges["type"].tolist() == ["call", "link"]


def test_padded_id_without_twin_is_kept(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", E + '" a ",b\n'))
    assert list(net.node_index) == [" a ", "b"]


def test_reciprocal_edges_in_undirected_network_are_parallel(tmp_path):
    """directed=False but the data has a->b and b->a: two parallel edges, merged by collapse()."""
    net = rl.read_csv(write(tmp_path, "e.csv", E + "a,b\nb,a\n"), directed=False)
    assert net.number_of_edges() == 2
    assert net.collapse().edges["weight"].tolist() == [2.0]


def test_self_loop_is_kept(tmp_path):
    net = rl.read_csv(write(tmp_path, "e.csv", E + "a,a\n"))
    assert (net.number_of_nodes(), net.number_of_edges()) == (1, 1)


def test_graphml_directed_edges_in_undirected_default(tmp_path):
    """edgedefault says undirected but every edge says directed="true": the edges win."""
    net = rl.read_graphml(write(tmp_path, "g.graphml", '<graphml><graph edgedefault="undirected"><node id="a"/>'
                                                       '<node id="b"/><edge source="a" target="b" directed="true"/>'
                                                       '</graph></graphml>'))
    assert net.is_directed()


def test_graphml_undeclared_node_is_created(tmp_path):
    net = rl.read_graphml(write(tmp_path, "g.graphml", '<graphml><graph edgedefault="undirected"><node id="a"/>'
                                                       '<edge source="a" target="q"/></graph></graphml>'))
    assert list(net.node_index) == ["a", "q"]


def test_matrix_asymmetric_auto_is_directed(tmp_path):
    net = rl.read_matrix(write(tmp_path, "m.csv", ",a,b\na,0,1\nb,0,0\n"))
    assert net.is_directed() and net.number_of_edges() == 1


def test_pajek_arcs_and_edges_mixed(tmp_path):
    """*Arcs and *Edges in one file: directed, each *Edges line stored both ways."""
    net = rl.read_pajek(write(tmp_path, "p.net", '*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n1 2\n*Edges\n2 1\n'))
    assert net.is_directed()
    assert net.edges[["source", "target"]].values.tolist() == [["a", "b"], ["b", "a"], ["a", "b"]]


# ---- API calls ----------------------------------------------------------------
@pytest.fixture(scope="module")
def net():
    return rl.read_csv(SAMPLE / "edges.csv", nodes=SAMPLE / "nodes.csv")


@pytest.fixture(scope="module")
def people(net):
    return net.project("person")


def first(n):
    return list(n.node_index)[0]


# id, call (net, people) -> result, exception class, message excerpt
API_ERRORS = [
    ("partition-missing-nodes", lambda net, p: rl.community.modularity(p, rl.community.leiden(p, seed=1).iloc[:-3]),
     ValueError, "3 nodes have no community"),
    ("partition-unknown-nodes", lambda net, p: rl.community.modularity(
        p, pd.concat([rl.community.leiden(p, seed=1), pd.Series([0], index=["zzz"])])), ValueError,
     "not in the network"),
    ("k-larger-than-network", lambda net, p: rl.key_players(p, p.number_of_nodes() + 1), ValueError,
     "k must be between 1 and the number of nodes"),
    ("k-zero", lambda net, p: rl.key_players(p, 0), ValueError, "k must be between 1"),
    ("leiden-negative-resolution", lambda net, p: rl.community.leiden(p, resolution=-1), ValueError,
     "resolution must be a finite number >= 0"),
    ("louvain-negative-resolution", lambda net, p: rl.community.louvain(p, resolution=-1), ValueError,
     "resolution must be a finite number >= 0"),
    ("personalization-sums-to-zero", lambda net, p: rl.centrality.pagerank(
        p, personalization={n: 0 for n in p.node_index}), ValueError, "sum to zero"),
    ("personalization-negative", lambda net, p: rl.centrality.pagerank(
        p, personalization={first(p): 2, list(p.node_index)[1]: -1}), ValueError, "must be >= 0"),
    ("personalization-unknown-node", lambda net, p: rl.centrality.pagerank(p, personalization={"nobody": 1}),
     ValueError, "not in the network: \\['nobody'\\]"),
    ("pagerank-alpha-above-1", lambda net, p: rl.centrality.pagerank(p, alpha=1.5), ValueError,
     "alpha must be in \\[0, 1\\]"),
    ("unknown-weight-column", lambda net, p: rl.centrality.betweenness(p, weight="nope"), ValueError,
     "no numeric edge column 'nope'"),
    ("negative-distance", lambda net, p: rl.centrality.closeness(
        rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "weight": [-2, 1]})),
        weight="weight"), ValueError, "distance_from_strength"),
    ("katz-alpha-too-large", lambda net, p: rl.centrality.katz(p, alpha=5), rl.ConvergenceError, "lower alpha"),
    ("project-unknown-type", lambda net, p: net.project("alien"), ValueError, "no node has type 'alien'"),
    ("subgraph-unknown-type", lambda net, p: net.subgraph(node_types=["alien"]), ValueError,
     "unknown node type 'alien'"),
    ("subgraph-start-after-end", lambda net, p: net.subgraph(start="2025-01-01", end="2020-01-01"), ValueError,
     "is after end"),
    ("subgraph-unreadable-date", lambda net, p: net.subgraph(start="soon"), ValueError, "is not a date or time"),
    ("subgraph-unknown-node", lambda net, p: net.subgraph(nodes=["nobody"]), ValueError, "unknown node id 'nobody'"),
    ("shortest-unknown-node", lambda net, p: rl.paths.shortest(p, "nobody", first(p)), ValueError,
     "'nobody' is not a node"),
    ("generate-negative-size", lambda net, p: rl.generate.fraud_network(n_groups=-1, seed=1), ValueError,
     "n_groups must be an integer >= 1"),
    ("layout-negative-iterations", lambda net, p: rl.layout.force_atlas2(p, iterations=-1), ValueError,
     "iterations must be an int >= 0"),
    ("money-unknown-source", lambda net, p: rl.money.trace(net, ["nobody"]), ValueError, "unknown source"),
    ("money-no-transfers", lambda net, p: rl.money.trace(p, [first(p)]), ValueError, "transfer_type="),
    ("temporal-bad-frequency", lambda net, p: rl.temporal.windows(net, freq="banana"), ValueError,
     "is not a duration"),
    ("leaders-known-unknown-person", lambda net, p: rl.leaders(net, known={"nobody": True}), ValueError,
     "not persons of the network"),
    ("leaders-negative-confidence", lambda net, p: rl.leaders(net, confidence=-1), ValueError,
     "confidence must be an int >= 0"),
    ("leaders-unknown-person-type", lambda net, p: rl.leaders(net, person_type="alien"), ValueError,
     "pass person_type="),
    ("from-pandas-infinite-weight", lambda net, p: rl.Network.from_pandas(
        pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [np.inf]})), ValueError, "must be finite"),
    ("from-pandas-missing-id", lambda net, p: rl.Network.from_pandas(
        pd.DataFrame({"source": ["a", None], "target": ["b", "c"]})), ValueError, "'source' is missing at row 1"),
    ("from-pandas-ids-differ-by-spaces", lambda net, p: rl.Network.from_pandas(
        pd.DataFrame({"source": ["a", "a "], "target": ["b", "c"]})), ValueError,
     "differ only by surrounding spaces"),
    ("from-pandas-duplicate-node", lambda net, p: rl.Network.from_pandas(
        pd.DataFrame({"source": ["a"], "target": ["b"]}), pd.DataFrame({"type": ["x", "y", "z"]},
                                                                       index=["a", "b", "a"])), ValueError,
     "'a' appears twice"),
    ("too-many-nodes", lambda net, p: _core.check_counts(2**32 - 1, 0, "edges"), ValueError,
     "4294967295 nodes, more than 4294967294 \\(vertex ids are 32-bit\\)"),
    ("too-many-edges", lambda net, p: _core.check_counts(10, 2**32, "edges"), ValueError,
     "4294967296 edges, more than 4294967295"),
]


@pytest.mark.parametrize("call,error,match", [pytest.param(*row[1:], id=row[0]) for row in API_ERRORS])
def test_api_error(net, people, call, error, match):
    with pytest.raises(error, match=match):
        call(net, people)


def _weighted(weights, directed=False) -> rl.Network:
    """Two triangles joined by an edge: a-b-c, d-e-f, c-d; `weights` in that order."""
    edges = pd.DataFrame({"source": list("abcdefc"), "target": list("bcaefdd"), "weight": weights})
    return rl.Network.from_pandas(edges, directed=directed)


_STRENGTH_MEASURES = {
    "eigenvector centrality": lambda n: rl.centrality.eigenvector(n, weight="weight"),
    "pagerank": lambda n: rl.centrality.pagerank(n, weight="weight"),
    "hits": lambda n: rl.centrality.hits(n, weight="weight"),
    "clustering": lambda n: rl.stats.clustering(n, weight="weight"),
    "modularity": lambda n: rl.community.modularity(n, pd.Series([0, 0, 0, 1, 1, 1], index=list("abcdef")),
                                                    weight="weight"),
}


@pytest.mark.parametrize("measure", list(_STRENGTH_MEASURES))
def test_negative_strengths_are_refused(measure):
    """Weights read as tie strengths must be >= 0: each measure refuses a
    negative one naming itself and the column (it returned negative scores,
    or PageRank advised raising max_iter); unweighted, the weights are not read."""
    net = _weighted([1, 2, 3, -1, 2, 1, 0.5])
    with pytest.raises(rl.InvalidArgumentError, match=f"{measure} reads the edge column 'weight' as tie strengths, "
                                                      "which must be finite and >= 0; found -1.0"):
        _STRENGTH_MEASURES[measure](net)
    assert len(rl.centrality.eigenvector(net)) == 6


@pytest.mark.parametrize("directed", [False, True])
def test_strengths_near_overflow_give_the_results_of_ordinary_weights(directed):
    """1e308 made eigenvector all 0, modularity NaN and HITS uniform: the
    kernels rescale by a power of two (exactly), so the results are those of
    the same weights at ordinary size, and those equal networkx's."""
    nx = pytest.importorskip("networkx")
    w = np.array([1, 2, 3, 0.5, 2, 1, 4.0])
    plain, huge, tiny = _weighted(w, directed), _weighted(w * (1.7e308 / 4), directed), _weighted(w * 1e-300, directed)
    for measure, f in _STRENGTH_MEASURES.items():
        want = f(plain)
        for other in (huge, tiny):
            got = f(other)
            assert np.all(np.isfinite(np.asarray(got, dtype=float))), measure
            np.testing.assert_allclose(np.asarray(got, dtype=float), np.asarray(want, dtype=float), rtol=0,
                                       atol=1e-5 if measure == "eigenvector centrality" else 1e-9, err_msg=measure)
    g = plain.to_networkx()
    g = nx.DiGraph(g) if directed else nx.Graph(g)
    ref = nx.pagerank(g, weight="weight")
    got = rl.centrality.pagerank(plain, weight="weight")
    assert max(abs(got[k] - ref[k]) for k in ref) < 1e-6
    ref = nx.eigenvector_centrality(g, weight="weight", max_iter=1000) if not directed else None
    if ref:
        got = rl.centrality.eigenvector(plain, weight="weight", max_iter=1000)
        assert max(abs(got[k] - ref[k]) for k in ref) < 1e-6


def test_parallel_strengths_beyond_the_largest_double():
    """Parallel edges are summed when read as strengths: a sum past 1.8e308 is
    refused naming the column and the two nodes (no inf reaches a kernel)."""
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "a"], "target": ["b", "b"], "weight": [1.5e308] * 2}))
    with pytest.raises(rl.InvalidArgumentError, match="the weights \\(edge column 'weight'\\) of the parallel edges "
                                                      "between 'a' and 'b' sum to more than the largest number"):
        rl.centrality.pagerank(net, weight="weight")


def test_subgraph_empty_window_is_allowed(net):
    """start == end is the empty half-open window: no edges, every node kept."""
    sub = net.subgraph(start="2024-01-01", end="2024-01-01")
    assert sub.number_of_edges() == 0 and sub.number_of_nodes() == net.number_of_nodes()


def test_eigenvector_on_acyclic_directed_network():
    """No cycle, no eigenvector: ConvergenceError naming max_iter (networkx fails to converge too)."""
    dag = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"]}), directed=True)
    with pytest.raises(rl.ConvergenceError, match="max_iter"):
        rl.centrality.eigenvector(dag)


# ---- limits: memory cap ------------------------------------------------------
@pytest.fixture
def tiny_memory_limit():
    rl.set_memory_limit(1000)
    yield
    rl.set_memory_limit(None)


@pytest.mark.parametrize("call", [
    pytest.param(lambda p: p.memory_usage(), id="csr"),
    pytest.param(lambda p: rl.centrality.betweenness(p), id="betweenness"),
    pytest.param(lambda p: rl.community.leiden(p, seed=1), id="community"),
    pytest.param(lambda p: rl.layout.force_atlas2(p, seed=1, iterations=1), id="layout"),
    pytest.param(lambda p: rl.criminal.brokerage(p, {v: i % 2 for i, v in enumerate(p.node_index)}), id="brokerage"),
    pytest.param(lambda p: rl.criminal.key_players(p, 2, seed=1), id="key_players"),
])
def test_memory_limit_refuses(people, tiny_memory_limit, call):
    fresh = people.subgraph()  # no cached compute view
    with pytest.raises(rl.MemoryLimitError, match="more than the memory limit of 1000 bytes") as info:
        call(fresh)
    assert isinstance(info.value, MemoryError) and "set_memory_limit" in str(info.value)


def test_memory_limit_readers(tmp_path):
    import gzip
    text = "source,target\n" + "".join(f"n{i},n{i + 1}\n" for i in range(150))
    plain = tmp_path / "edges.csv"
    plain.write_text(text)
    packed = tmp_path / "edges.csv.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    assert len(text) > 1000
    rl.set_memory_limit(1000)
    try:
        with pytest.raises(rl.MemoryLimitError, match="edges.csv: the file's contents"):
            rl.read_csv(plain)
        rl.set_memory_limit(100_000)    # the gzip reader grows its buffer by 1 MiB steps
        with pytest.raises(rl.MemoryLimitError, match="edges.csv.gz: the decompressed file"):
            rl.read_csv(packed)
    finally:
        rl.set_memory_limit(None)
    assert rl.read_csv(packed).number_of_edges() == 150


def test_memory_limit_projection_and_tables(net, tiny_memory_limit):
    with pytest.raises(rl.MemoryLimitError, match="the network tables"):
        rl.Network.from_pandas(pd.DataFrame({"source": range(100), "target": range(1, 101)}))
    with pytest.raises(rl.MemoryLimitError):
        net.project("person")


def test_memory_limit_settings():
    assert rl.memory_limit() is None or rl.memory_limit() > 0  # default: the memory available
    rl.set_memory_limit("2G")
    try:
        assert rl.memory_limit() == 2 * 1024**3
        rl.set_memory_limit("none")
        assert rl.memory_limit() is None
        for bad in (0, -5, "lots", 1.5):
            with pytest.raises(ValueError, match="memory limit|not a memory size"):
                rl.set_memory_limit(bad)
    finally:
        rl.set_memory_limit(None)
    net = rl.read_csv(SAMPLE / "edges.csv", nodes=SAMPLE / "nodes.csv")
    assert rl.centrality.betweenness(net.project("person")).notna().all()  # normal use is unaffected


@pytest.mark.parametrize("value", ["0", "0.5", "1e-9", "lots"])
def test_invalid_memory_limit_in_environment_keeps_the_cap(value):
    # (the default limit is the memory available, read anew at each call: two calls may differ)
    code = "import ringleader as rl; print(rl.memory_limit() is not None and rl.memory_limit() > 1)"
    env = dict(os.environ, RINGLEADER_MEMORY_LIMIT=value)
    out = subprocess.run([sys.executable, "-W", "always", "-c", code], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"      # the default cap (memory available) stays on
    assert f"RINGLEADER_MEMORY_LIMIT={value!r} is ignored" in out.stderr and "the memory available" in out.stderr


def test_sampled_betweenness_same_sample_any_thread_count():
    import networkx as nx
    net = rl.from_networkx(nx.gnp_random_graph(300, 0.03, seed=4))
    one = rl.centrality.betweenness(net, k=40, seed=9, threads=1)
    two = rl.centrality.betweenness(net, k=40, seed=9, threads=2)
    assert one.attrs["sources"] == two.attrs["sources"]
    assert np.allclose(one.to_numpy(), two.to_numpy(), rtol=1e-12, atol=1e-15)
    again = rl.centrality.betweenness(net, k=40, seed=9, threads=2)
    assert (again.to_numpy() == two.to_numpy()).all()


def test_threads_argument_is_validated():
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))
    many = 8 * (os.cpu_count() or 1) + 1
    for bad in (many, 2**40):
        with pytest.raises(ValueError, match=f"threads={bad} is more than"):
            rl.centrality.betweenness(net, threads=bad)
    for bad in (True, 1.5, "2"):
        with pytest.raises(ValueError, match="threads must be an int"):
            rl.centrality.closeness(net, threads=bad)
    assert rl.centrality.betweenness(net, threads=many - 1).notna().all()


def test_memory_limit_from_environment():
    code = ("import ringleader as rl, pandas as pd\n"
            "print(rl.memory_limit())\n"
            "try:\n"
            "    rl.Network.from_pandas(pd.DataFrame({'source': ['a'] * 100, 'target': ['b'] * 100}))\n"
            "except rl.MemoryLimitError as e:\n"
            "    print('refused', e)\n")
    env = dict(os.environ, RINGLEADER_MEMORY_LIMIT="1K")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "1024" and lines[1].startswith("refused") and "RINGLEADER_MEMORY_LIMIT" in lines[1]


# ---- every public function on the empty, one-node and two-node network --------
def test_every_function_on_tiny_networks():
    """Runs tests/python/_sweep.py in a subprocess: a crash fails this test naming the call."""
    env = dict(os.environ, MPLBACKEND="Agg")
    out = subprocess.run([sys.executable, str(HERE / "_sweep.py")], capture_output=True, text=True, timeout=900,
                         env=env)
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    started = [r for r in rows if r["outcome"] == "start"]
    done = [r for r in rows if r["outcome"] != "start"]
    assert out.returncode == 0 and len(started) == len(done), \
        f"crashed (exit {out.returncode}) in {started[-1] if started else None}: {out.stderr[-2000:]}"
    assert len({r["call"] for r in done}) >= 70, "the sweep reaches every public function"
    bad = [r for r in done if r["outcome"] == "other" and not r["detail"].startswith("ConvergenceError")]
    assert not bad, bad
    unclear = [r for r in done if r["outcome"] == "ValueError" and len(r["detail"]) < 20]
    assert not unclear, unclear
    ok = {(r["call"], r["net"]) for r in done if r["outcome"] == "ok"}
    # documented results on the network without nodes
    for call in ("centrality.degree", "centrality.pagerank", "centrality.betweenness", "community.leiden",
                 "community.louvain", "community.components", "layout.force_atlas2", "leaders", "stats.density"):
        assert (call, "empty") in ok and (call, "one") in ok, call
