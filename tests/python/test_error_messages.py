"""Errors that used to mislead (issue 22, item 14; docs/bad-input.md, "Files"
and "API calls"): each is now a ValueError, TypeError or ParseError that
names the argument, file, line or value and says what is wrong."""
import pandas as pd
import pytest

import ringleader as rl


@pytest.fixture(scope="module")
def net():
    return rl.Network.from_pandas(
        pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "timestamp": ["2024-01-01", "2024-01-02"]}),
        pd.DataFrame({"type": ["person", "phone", "person"]}, index=["a", "b", "c"]))


RANGE = r"is outside the times that can be held \(int64 nanoseconds since 1970: 1677-09-21T00:12:43.145224193Z " \
        r"to 2262-04-11T23:47:16.854775807Z\)"


@pytest.mark.parametrize("value", ["2262-04-11T23:47:17Z", "1677-01-01", "99999999999"])
def test_timestamp_out_of_range_is_called_so(tmp_path, value):
    path = tmp_path / "e.csv"
    path.write_text(f"source,target,timestamp\na,b,{value}\n")
    with pytest.raises(rl.ParseError, match=rf"e.csv:2:5: timestamp '{value}' {RANGE}"):
        rl.read_csv(path)
    renamed = tmp_path / "r.csv"
    renamed.write_text(f"from,to,time\na,b,{value}\n")
    with pytest.raises(rl.ParseError, match=rf"r.csv:2: column 'time': '{value}' {RANGE}"):
        rl.read_csv(renamed, source="from", target="to", timestamp="time")   # the Python reader
    with pytest.raises(ValueError, match=rf"column 'timestamp': '{value}' {RANGE}"):
        rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"], "timestamp": [value]}))
    graphml = tmp_path / "t.graphml"
    graphml.write_text('<graphml><key id="t" for="edge" attr.name="timestamp" attr.type="string"/>'
                       '<graph edgedefault="undirected"><node id="a"/><node id="b"/>\n'
                       f'<edge source="a" target="b"><data key="t">{value}</data></edge></graph></graphml>')
    with pytest.raises(rl.ParseError, match=rf"t.graphml:2: '{value}' {RANGE}"):
        rl.read_graphml(graphml)
    # a wrong date is still called so
    path.write_text("source,target,timestamp\na,b,2024-13-01\n")
    with pytest.raises(rl.ParseError, match="is neither ISO 8601"):
        rl.read_csv(path)


def test_time_bound_out_of_range_names_the_argument(net):
    with pytest.raises(ValueError, match=rf"start='2262-04-11T23:47:17Z' {RANGE}"):
        net.subgraph(start="2262-04-11T23:47:17Z")
    with pytest.raises(ValueError, match=r"start: 1e\+30 Unix seconds is outside the representable range"):
        net.subgraph(start=1e30)
    with pytest.raises(ValueError, match="start: inf Unix seconds is outside the representable range"):
        net.subgraph(start=10**30)
    with pytest.raises(ValueError, match=rf"end=Timestamp\('3000-01-01 00:00:00'\) {RANGE}"):
        net.subgraph(end=pd.Timestamp("3000-01-01"))


def test_duplicate_dl_label_is_reported_where_it_is(tmp_path):
    path = tmp_path / "x.dl"
    path.write_text("dl n=3\nlabels:\na,b,a\ndata:\n0 1 0\n1 0 0\n0 0 0\n")
    with pytest.raises(rl.ParseError, match=r"x.dl:3:5: duplicate label 'a' \(first on line 3\): labels are node ids "
                                            "and must be unique"):
        rl.read_ucinet_dl(path)
    path.write_text("dl nr=2 nc=2\nrow labels:\na b\ncolumn labels:\nc\na\ndata:\n1 0\n0 1\n")
    with pytest.raises(rl.ParseError, match=r"x.dl:6:1: column label 'a' \(first on line 3\) is also a row label"):
        rl.read_ucinet_dl(path)


def test_delimiter_is_one_character_or_one_byte(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("source§target\na§b\n", encoding="utf-8")
    net = rl.read_csv(path, delimiter="§")   # read by the Python reader, which takes any one character
    assert list(net.node_index) == ["a", "b"]
    with pytest.raises(ValueError, match="delimiter='§': read_matrix splits on one byte, so pass one ASCII "
                                         "character"):
        rl.read_matrix(path, delimiter="§")
    with pytest.raises(ValueError, match="delimiter='ab': pass one character"):
        rl.read_csv(path, delimiter="ab")


def test_project_refuses_an_unknown_via_type(net):
    with pytest.raises(ValueError, match=r"via: no node has type 'nonexistent'; the node types are 'person', "
                                         r"'phone': pass via= with node types of the network"):
        net.project("person", via=["nonexistent"])
    with pytest.raises(ValueError, match="no node has type 'sim'"):
        net.project("person", via=["phone", "sim"])
    assert net.project("person").number_of_nodes() == 2            # the default via: types it lacks are passed over
    assert net.project("person", via=["phone"]).number_of_edges() == 1


@pytest.mark.parametrize("call,error,match", [
    pytest.param(lambda net: rl.centrality.betweenness(None), TypeError,
                 "net must be a ringleader Network, not NoneType: read one", id="betweenness-none"),
    pytest.param(lambda net: rl.centrality.pagerank("net.csv"), TypeError,
                 "net must be a ringleader Network, not str", id="pagerank-path"),
    pytest.param(lambda net: rl.layout.force_atlas2(net, iterations=10**12), ValueError,
                 "iterations=1000000000000 is more than 2,147,483,647, the largest it can be", id="fa2-iterations"),
    pytest.param(lambda net: rl.Network.from_pandas(pd.DataFrame({"source": ["a\ud800"], "target": ["b"]}, dtype=object)),
                 ValueError, r"a node id \('a\\ud800', value 0\) holds '\\ud800', a lone surrogate that is not a "
                             "character: text must be valid Unicode", id="surrogate-id"),
    pytest.param(lambda net: rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"],
                                                                  "note": ["ok\udc80"]}, dtype=object)),
                 ValueError, r"edge attribute 'note' \('ok\\udc80', value 0\) holds '\\udc80'", id="surrogate-attr"),
    pytest.param(lambda net: rl.load("."), rl.ParseError, r"^\.: is a directory, not a file", id="load-directory"),
])
def test_internal_exception_types_do_not_leak(net, call, error, match):
    with pytest.raises(error, match=match) as info:
        call(net)
    assert type(info.value) is error or isinstance(info.value, rl.ParseError)
