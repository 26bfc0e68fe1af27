"""Security cases of the bad-input catalogue (docs/bad-input.md, section
"Security"): inputs an adversary can plant in file names and data."""
import pathlib

import pandas as pd
import pytest

import ringleader as rl

NUL = "\x00/../escaped"


@pytest.fixture
def net():
    return rl.Network.from_pandas(pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))


@pytest.mark.parametrize("write", ["write_graphml", "write_gexf", "write_csv", "save"])
def test_writers_refuse_a_path_with_a_nul_byte(tmp_path, net, write):
    target = tmp_path / "x.out"
    with pytest.raises(ValueError, match="NUL|null byte"):
        getattr(net, write)(str(target) + NUL)
    assert list(tmp_path.iterdir()) == []     # nothing written under the name before the NUL


@pytest.mark.parametrize("read", ["read_csv", "read_graphml", "read_edgelist", "read_pajek", "read_matrix",
                                  "read_ucinet_dl", "load"])
def test_readers_refuse_a_path_with_a_nul_byte(tmp_path, read):
    ok = tmp_path / "ok.csv"
    ok.write_text("source,target\na,b\n")
    with pytest.raises(ValueError, match="NUL|null byte"):
        getattr(rl, read)(str(ok) + NUL)


def test_read_csv_nodes_path_with_a_nul_byte(tmp_path):
    ok = tmp_path / "ok.csv"
    ok.write_text("source,target\na,b\n")
    nodes = tmp_path / "n.csv"
    nodes.write_text("id\na\nb\n")
    with pytest.raises(ValueError, match="NUL|null byte"):
        rl.read_csv(ok, nodes=str(nodes) + NUL)


def test_nul_message_shows_the_nul_escaped(tmp_path, net):
    with pytest.raises(ValueError) as e:
        net.write_graphml(str(tmp_path / "x.graphml") + NUL)
    assert "\x00" not in str(e.value) and "\\0" in str(e.value)


@pytest.mark.parametrize("write", ["write_graphml", "write_gexf"])
def test_xml_writers_refuse_control_characters_readers_reject(tmp_path, write):
    hostile = "\x1b]0;PWNED\x07\x1b[2J"
    net = rl.Network.from_pandas(pd.DataFrame({"source": [hostile, "b"], "target": ["b", "c"]}))
    with pytest.raises(ValueError, match="cannot hold the control character U\\+001B") as e:
        getattr(net, write)(tmp_path / "x.xml")
    assert "\x1b" not in str(e.value) and "\\x1B]0;PWNED\\x07" in str(e.value)
    assert not (tmp_path / "x.xml").exists()
    # tab, LF and CR are XML 1.0 characters: written, and networkx reads them back
    nx = pytest.importorskip("networkx")
    ok = rl.Network.from_pandas(pd.DataFrame({"source": ["a\tb\nc\rd"], "target": ["e"]}))
    ok.write_graphml(tmp_path / "ok.graphml")
    assert "a\tb\nc\rd" in nx.read_graphml(tmp_path / "ok.graphml")
    back = rl.read_graphml(tmp_path / "ok.graphml")
    assert list(back.node_index) == ["a\tb\nc\rd", "e"]


HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"


def test_cpp_error_messages_show_control_characters_escaped(tmp_path):
    edges = tmp_path / "e.csv"
    edges.write_text(f"source,target\n{HOSTILE},b\n", encoding="utf-8")
    nodes = tmp_path / "n.csv"
    nodes.write_text("id\nb\n", encoding="utf-8")
    with pytest.raises(rl.ParseError) as e:
        rl.read_csv(edges, nodes=nodes)
    assert "\x1b" not in str(e.value) and "\x07" not in str(e.value) and "\\x1B]0;PWNED\\x07" in str(e.value)
    assert "\x1b" not in e.value.message


def test_cli_errors_show_control_characters_escaped(tmp_path, capsys):
    from ringleader import cli
    edges = tmp_path / "e.csv"
    edges.write_text(f"source,target\n{HOSTILE},b\n", encoding="utf-8")
    nodes = tmp_path / "n.csv"
    nodes.write_text("id\nb\n", encoding="utf-8")
    assert cli.main(["info", str(edges), "--nodes", str(nodes)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ringleader: error:") and "\x1b" not in err and "\x07" not in err
    assert "\\x1B]0;PWNED\\x07" in err
    assert cli.printable("a\x9bb\nc\x00") == "a\\x9Bb c\\x00"
