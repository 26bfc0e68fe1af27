"""The binary network format: net.save(path), rl.load(path, mmap=...):
lossless round trips and a clear error for every kind of damaged file."""
import pathlib
import struct
import zlib

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.io import _binary


def assert_same(a, b):
    assert a.directed == b.directed
    assert len(a) == len(b) and a.number_of_edges() == b.number_of_edges()
    assert a.node_types() == b.node_types() and a.edge_types() == b.edge_types()
    pd.testing.assert_frame_equal(a.nodes, b.nodes)
    pd.testing.assert_frame_equal(a.edges, b.edges)


def rich_network():
    """Labels, unicode ids, number/time/string attributes with missing values,
    timestamps and amounts with gaps, self-loop, parallel edges."""
    nodes = pd.DataFrame({
        "id": ["anna", "bö", "c,d", "e\nf", "gap"],
        "type": ["person", "phone", "account", "venue", "person"],
        "label": ["Anna", "", "acct", "", "x"],
        "age": [31.5, np.nan, 2.0, 0.0, -1.0],
        "seen": pd.to_datetime(["2024-01-01", None, "2023-05-06T01:02:03", None, "1970-01-01"], utc=True, format="ISO8601"),
        "note": ["a", "", "ü", "line\nbreak", ""],
    })
    edges = pd.DataFrame({
        "source": ["anna", "anna", "bö", "c,d", "gap", "anna"],
        "target": ["bö", "bö", "c,d", "c,d", "anna", "e\nf"],
        "type": ["call", "call", "uses", "transfer", "meets", "located_at"],
        "weight": [1.0, 2.5, 0.0, 1e300, -3.0, 7.0],
        "timestamp": pd.to_datetime(["2024-01-01T00:00:00.000000001", None, "2024-02-01", None,
                                     "1999-12-31T23:59:59", "2024-03-01"], utc=True, format="ISO8601"),
        "amount": [np.nan, 10.0, np.nan, 1e-9, 0.0, 5.0],
        "channel": ["sms", "", "voice", "", "x", "y"],
        "score": [0.5, np.nan, 1.0, 2.0, 3.0, 4.0],
    })
    return rl.Network.from_pandas(edges, nodes, directed=True)


@pytest.mark.parametrize("mmap", [True, False])
def test_round_trip_rich_network(tmp_path, mmap):
    net = rich_network()
    p = tmp_path / "rich.rlnet"
    net.save(p)
    back = rl.load(p, mmap=mmap)
    assert_same(net, back)
    assert back.nodes.loc["e\nf", "type"] == "venue"
    # and through bytes, as shipped to Dask workers
    assert_same(net, _binary.loads(_binary.dumps(net)))


def test_round_trip_sample_and_generated(tmp_path, sample_paths):
    edges, nodes = sample_paths
    for net in (rl.read_csv(edges, nodes=nodes, directed=True), rl.generate.fraud_network(seed=3)[0]):
        p = tmp_path / "n.rlnet"
        net.save(p)
        back = rl.load(p)
        assert_same(net, back)
        pd.testing.assert_series_equal(rl.centrality.betweenness(net), rl.centrality.betweenness(back))


@pytest.mark.parametrize("n", [0, 1])
def test_round_trip_tiny(tmp_path, n):
    net = rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}, dtype=str),
                                 pd.DataFrame({"id": ["solo"][:n]}))
    p = tmp_path / "tiny.rlnet"
    net.save(p)
    assert_same(net, rl.load(p))


def test_without_labels_timestamps_amounts(tmp_path):
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))
    p = tmp_path / "plain.rlnet"
    net.save(p)
    back = rl.load(p)
    assert_same(net, back)
    assert back._net.edge_timestamp() is None and back._net.edge_amount() is None
    head = _binary.header(p)
    assert head["nodes"] == 3 and head["edges"] == 2 and not head["directed"]
    assert _binary.node_ids(p) == ["a", "b", "c"]


def test_refuses_networkx_object_ids(tmp_path):
    net = rl.from_networkx(nx.path_graph(3))
    with pytest.raises(ValueError, match="not strings"):
        net.save(tmp_path / "x.rlnet")


@pytest.fixture
def saved(tmp_path):
    p = tmp_path / "net.rlnet"
    rich_network().save(p)
    return p, p.read_bytes()


def damaged(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("mmap", [True, False])
def test_truncated_files(saved, mmap):
    p, data = saved
    for cut in (0, 5, 40, 64, len(data) // 2, len(data) - 1):
        with pytest.raises(rl.ParseError, match="truncated") as e:
            rl.load(damaged(p, data[:cut]), mmap=mmap)
        assert str(p) in str(e.value) and e.value.file == str(p)


@pytest.mark.parametrize("mmap", [True, False])
def test_corrupt_payload_and_table(saved, mmap):
    p, data = saved
    start = 64 + _binary._pad(struct.unpack_from("<Q", data, 16)[0])
    for pos, what in ((start + 3, "payload's checksum"), (len(data) - 70, "payload's checksum"),
                      (70, "section table's checksum")):
        bad = bytearray(data)
        bad[pos] ^= 0x10
        with pytest.raises(rl.ParseError, match=what) as e:
            rl.load(damaged(p, bytes(bad)), mmap=mmap)
        assert str(p) in str(e.value)
    with pytest.raises(rl.ParseError, match="unexpected bytes after the payload"):
        rl.load(damaged(p, data + b"\0"), mmap=mmap)


def test_unverified_load_still_checks_the_table(saved):
    p, data = saved
    bad = bytearray(data)
    bad[70] ^= 1
    with pytest.raises(rl.ParseError, match="section table"):
        rl.load(damaged(p, bytes(bad)), verify=False)


def test_wrong_version_magic_and_byte_order(saved):
    p, data = saved
    with pytest.raises(rl.ParseError, match="format version 2, but this ringleader reads version 1") as e:
        rl.load(damaged(p, data[:8] + struct.pack("<I", 2) + data[12:]))
    assert str(p) in str(e.value)
    with pytest.raises(rl.ParseError, match="other byte order"):
        rl.load(damaged(p, data[:12] + struct.pack(">I", 0x01020304) + data[16:]))
    with pytest.raises(rl.ParseError, match="not a ringleader binary network"):
        rl.load(damaged(p, b"source,target\na,b\n" + data[18:]))
    with pytest.raises(rl.ParseError, match="not a ringleader binary network"):
        rl.load(damaged(p, b"source,target\n"))


def test_checksum_matching_but_inconsistent_content(tmp_path):
    """A payload rewritten with a valid checksum but an edge pointing past the
    last node: refused as corrupt, naming the file."""
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"]}))
    p = tmp_path / "bad.rlnet"
    net.save(p)
    data = bytearray(p.read_bytes())
    start = 64 + _binary._pad(struct.unpack_from("<Q", data, 16)[0])
    target = next(s for s in _binary.header(p)["sections"] if s["name"] == "edge.target")
    struct.pack_into("<I", data, start + target["offset"], 7)
    struct.pack_into("<I", data, 36, zlib.crc32(bytes(data[start:])))
    p.write_bytes(bytes(data))
    with pytest.raises(rl.ParseError, match="corrupt") as e:
        rl.load(p)
    assert str(p) in str(e.value)


GOLDEN = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "binary" / "rich.rlnet"


def test_golden_file_of_the_earlier_python_writer(tmp_path):
    """tests/fixtures/binary/rich.rlnet is rich_network() as saved by the
    pure-Python implementation of this format: the C++ reader reads it, the
    C++ writer writes the same bytes."""
    net = rich_network()
    for mmap in (True, False):
        assert_same(net, rl.load(GOLDEN, mmap=mmap))
    assert _binary.dumps(net) == GOLDEN.read_bytes()
    net.save(tmp_path / "again.rlnet")
    assert (tmp_path / "again.rlnet").read_bytes() == GOLDEN.read_bytes()


def test_files_and_paths(tmp_path):
    with pytest.raises(rl.ParseError, match="cannot open file") as e:
        rl.load(tmp_path / "missing.rlnet")
    assert e.value.file == str(tmp_path / "missing.rlnet")
    with pytest.raises(rl.ParseError, match="is a directory"):
        rl.load(tmp_path)
    with pytest.raises(ValueError, match="NUL"):
        rl.load(str(tmp_path / "a\0b.rlnet"))
    net = rich_network()
    with pytest.raises(ValueError, match="NUL"):
        net.save(str(tmp_path / "a\0b.rlnet"))
    with pytest.raises(rl.RingleaderError, match="cannot write file") as e:
        net.save(tmp_path / "no" / "such" / "dir.rlnet")
    assert str(tmp_path / "no" / "such" / "dir.rlnet") in str(e.value)
    p = tmp_path / "net.rlnet"
    p.write_bytes(b"an older file")
    net.save(p)  # replaced whole, through a temporary file of its own, gone afterwards
    assert_same(net, rl.load(p))
    assert sorted(x.name for x in tmp_path.iterdir()) == ["net.rlnet"]
    assert _binary.header(p)["sections"][0] == {"name": "node.id.offsets", "dtype": "<u8", "offset": 0,
                                                "length": 6}
    assert rl.load(p, verify=False).number_of_edges() == 6
    assert_same(net, _binary.loads(memoryview(bytearray(_binary.dumps(net))), where="buffer"))
