"""The ringleader command line: help, subcommands, formats, exit codes and
one-line errors (run as `python3 -m ringleader`, as a user would)."""
import argparse
import csv
import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

import ringleader as rl
from ringleader import cli

SUBCOMMANDS = ("info", "centrality", "communities", "leaders", "report", "export", "generate")


def ringleader(*args, env=None, check=True):
    r = subprocess.run([sys.executable, "-m", "ringleader", *map(str, args)], capture_output=True, text=True,
                       env=None if env is None else {**os.environ, **env}, timeout=600)
    if check:
        assert r.returncode == 0, r.stderr
    return r


def assert_one_line_error(r, *words):
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert r.stderr.startswith("ringleader: error: ") and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    for w in words:
        assert w in r.stderr, (w, r.stderr)


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    """A generated case: edges.csv, nodes.csv, truth.csv."""
    out = tmp_path_factory.mktemp("case")
    ringleader("generate", out, "--groups", 2, "--teams", 2, "--operators", 4, "--victims", 2, "--seed", 2024,
               "--force")
    return out


def options(parser):
    """Option strings and positional names of a parser."""
    out = []
    for a in parser._actions:
        if isinstance(a, argparse._SubParsersAction):
            continue
        out += list(a.option_strings) or [a.metavar or a.dest]
    return out


# ---- help -----------------------------------------------------------------------------
def test_help_mentions_every_subcommand_and_option():
    p = cli.parser()
    top = ringleader("--help").stdout
    for name in SUBCOMMANDS:
        assert f"\n    {name}" in top
    assert "examples:" in top and "ringleader report" in top
    subparsers = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    assert sorted(subparsers.choices) == sorted(SUBCOMMANDS)
    for name, sub in subparsers.choices.items():
        text = ringleader(name, "--help").stdout
        assert text.startswith(f"usage: ringleader {name}") and "examples:" in text
        for option in options(sub):
            assert option in text, (name, option)
        for a in sub._actions:
            if a.option_strings and a.dest != "help":
                assert a.help and len(a.help) > 10, (name, a.dest)


def test_version():
    assert ringleader("--version").stdout.strip() == f"ringleader {rl.__version__}"


# ---- errors -----------------------------------------------------------------------------
def test_usage_errors_are_one_line(tmp_path):
    assert_one_line_error(ringleader("report", "x.csv", "-o", tmp_path, "--frobnicate", check=False),
                          "--frobnicate", "ringleader report --help")
    assert_one_line_error(ringleader("leaders", check=False), "EDGES")
    assert_one_line_error(ringleader("explode", check=False), "explode")
    assert_one_line_error(ringleader(check=False), "COMMAND")
    assert_one_line_error(ringleader("leaders", "x.csv", "--seed", "-3", check=False), "--seed")
    assert_one_line_error(ringleader("leaders", "x.csv", "--format", "xml", check=False), "xml")


def test_bad_files_are_one_line(tmp_path):
    assert_one_line_error(ringleader("leaders", tmp_path / "missing.csv", check=False), "missing.csv",
                          "cannot open")
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target,weight\na,b,1\nc,d,heavy\n")
    assert_one_line_error(ringleader("report", bad, "-o", tmp_path / "out", check=False), "bad.csv:3:", "heavy")
    assert not (tmp_path / "out" / "report.html").exists()
    nodes = tmp_path / "nodes.csv"
    nodes.write_text("id,type\na,person\nb,person\n")
    assert_one_line_error(ringleader("info", bad, "--nodes", nodes, check=False), "--create-missing")
    assert_one_line_error(ringleader("info", tmp_path / "g.graphml", "--nodes", nodes, check=False), "--nodes")


def test_debug_shows_the_traceback(tmp_path):
    for args in (("--debug", "info", tmp_path / "missing.csv"), ("info", tmp_path / "missing.csv", "--debug")):
        r = ringleader(*args, check=False)
        assert r.returncode != 0 and "Traceback" in r.stderr and "ParseError" in r.stderr


def test_wrong_person_type_says_what_to_do(case):
    assert_one_line_error(ringleader("leaders", case / "edges.csv", "--nodes", case / "nodes.csv",
                                     "--person-type", "suspect", check=False), "--person-type", "'person'")


def test_unexpected_errors_ask_for_debug(monkeypatch, capsys, case):
    def broken(args):
        raise KeyError("oops")
    monkeypatch.setattr(cli, "_info", broken)
    assert cli.main(["info", str(case / "edges.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error" in err and "--debug" in err


def test_ctrl_c_exits_130(monkeypatch, capsys, case):
    def interrupted(args):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "_leaders", interrupted)
    assert cli.main(["leaders", str(case / "edges.csv")]) == 130
    assert capsys.readouterr().err == "ringleader: interrupted\n"


# ---- subcommands --------------------------------------------------------------------------
def test_generate(case, tmp_path):
    truth = pd.read_csv(case / "truth.csv", index_col="id")
    net = rl.read_csv(case / "edges.csv", nodes=case / "nodes.csv")
    assert len(truth) == net.node_types()["person"] == 110
    again = ringleader("generate", case, "--seed", 1, check=False)      # no overwrite without --force
    assert_one_line_error(again, "--force")
    r = ringleader("generate", tmp_path / "new", "--seed", 5)
    assert "ringleader report" in r.stdout and (tmp_path / "new" / "truth.csv").exists()


def test_info_formats(case, tmp_path):
    e, n = case / "edges.csv", case / "nodes.csv"
    table = ringleader("info", e, "--nodes", n).stdout
    assert "365 nodes" in table and "transfer" in table
    rows = list(csv.reader(io.StringIO(ringleader("info", e, "--nodes", n, "--format", "csv").stdout)))
    assert rows[0] == ["kind", "type", "count"] and ["node", "person", "110"] in rows
    ringleader("info", e, "--nodes", n, "--format", "json", "-o", tmp_path / "info.json")
    assert json.loads((tmp_path / "info.json").read_text())["edge_types"]["transfer"] > 0


def test_leaders(case):
    e, n = case / "edges.csv", case / "nodes.csv"
    net = rl.read_csv(e, nodes=n, directed=True)
    expected = rl.leaders(net, seed=4)
    rows = json.loads(ringleader("leaders", e, "--nodes", n, "--directed", "--seed", 4, "--format", "json").stdout)
    assert [r["id"] for r in rows] == list(expected.index) and rows[0]["role"] == "leader"
    table = ringleader("leaders", e, "--nodes", n, "--directed", "--seed", 4, "--top", 3).stdout
    assert expected.index[0] in table and expected.index[3] not in table and "explanation" in table
    got = pd.read_csv(io.StringIO(ringleader("leaders", e, "--nodes", n, "--directed", "--seed", 4, "--format",
                                             "csv", "--weights", "money=2,contact=0").stdout), index_col="id")
    assert list(got.index) == list(rl.leaders(net, seed=4, weights={"money": 2, "contact": 0}).index)
    assert "rank_contact" not in got.columns
    assert_one_line_error(ringleader("leaders", e, "--weights", "money", check=False), "--weights")
    # --confidence and --known
    conf = pd.read_csv(io.StringIO(ringleader("leaders", e, "--nodes", n, "--directed", "--seed", 4, "--format",
                                              "csv", "--confidence", 3).stdout), index_col="id")
    assert {"p_top", "rank_low", "rank_high"} <= set(conf.columns)
    top2 = list(expected.index[:2])
    known = case / "known.csv"
    known.write_text("id,known\n" + "".join(f"{p},true\n" for p in top2) + f"{expected.index[-1]},operator\n")
    with_known = pd.read_csv(io.StringIO(ringleader("leaders", e, "--nodes", n, "--directed", "--seed", 4,
                                                    "--format", "csv", "--known", known).stdout), index_col="id")
    assert "rank_near_known" in with_known.columns
    bad = case / "bad_known.csv"
    bad.write_text("person,leader\nx,true\n")
    assert_one_line_error(ringleader("leaders", e, "--known", bad, check=False), "id,known")


def test_centrality(case):
    e, n = case / "edges.csv", case / "nodes.csv"
    r = ringleader("centrality", e, "--nodes", n, "--project", "person", "--measures", "betweenness,degree",
                   "--format", "csv")
    got = pd.read_csv(io.StringIO(r.stdout), index_col="id")
    net = rl.read_csv(e, nodes=n).project("person", via=["phone", "account", "venue"])
    expected = rl.centrality.betweenness(net)
    assert list(got.columns) == ["type", "betweenness", "degree"] and len(got) == 110
    assert got["betweenness"].is_monotonic_decreasing
    pd.testing.assert_series_equal(got["betweenness"].sort_index(), expected.sort_index(), check_names=False,
                                   check_index_type=False)
    top = ringleader("centrality", e, "--nodes", n, "--node-type", "account", "--top", 4, "--format", "json")
    rows = json.loads(top.stdout)
    assert len(rows) == 4 and all(x["type"] == "account" for x in rows)
    assert_one_line_error(ringleader("centrality", e, "--measures", "fame", check=False), "fame", "pagerank")


def test_communities(case):
    e, n = case / "edges.csv", case / "nodes.csv"
    r = ringleader("communities", e, "--nodes", n, "--project", "person", "--seed", 3, "--format", "csv")
    got = pd.read_csv(io.StringIO(r.stdout), index_col="id")["community"]
    net = rl.read_csv(e, nodes=n).project("person", via=["phone", "account", "venue"])
    assert rl.community.nmi(got, rl.community.leiden(net, seed=3)) == pytest.approx(1.0)
    summary = ringleader("communities", e, "--nodes", n, "--project", "person", "--seed", 3, "--summary").stdout
    assert summary.startswith(f"{got.nunique()} communities (leiden), modularity") and "conductance" in summary
    comps = json.loads(ringleader("communities", e, "--method", "components", "--format", "json").stdout)
    assert {x["community"] for x in comps} == {0}


def test_other_input_formats(tmp_path):
    nx = pytest.importorskip("networkx")
    g = nx.karate_club_graph()
    nx.write_edgelist(g, tmp_path / "karate.txt", data=False)
    nx.write_pajek(g, tmp_path / "karate.net")
    rl.from_networkx(g).write_graphml(tmp_path / "karate.graphml")
    for f in ("karate.txt", "karate.net", "karate.graphml"):
        info = json.loads(ringleader("info", tmp_path / f, "--format", "json").stdout)
        assert (info["nodes"], info["edges"]) == (34, 78), f
        top = json.loads(ringleader("leaders", tmp_path / f, "--seed", 1, "--format", "json", "--top", 2).stdout)
        assert {x["id"] for x in top} == {"0", "33"}, f


def test_table_output_shows_control_characters(tmp_path):
    edges, nodes = tmp_path / "e.csv", tmp_path / "n.csv"
    pd.DataFrame({"source": ["evil\x1b[2J", "b"], "target": ["b", "c"]}).to_csv(edges, index=False)
    pd.DataFrame({"id": ["evil\x1b[2J", "b", "c"], "type": ["person", "person\x1b[5m", "person"],
                  "label": ["\x1b]0;title\x07x", "\u202eb", None]}).to_csv(nodes, index=False)
    out = ringleader("centrality", edges, "--nodes", nodes, "--measures", "degree").stdout
    assert "\x1b" not in out and "evil<U+001B>[2J" in out and "person<U+001B>[5m" in out
    out = ringleader("leaders", edges, "--nodes", nodes, "--all-nodes").stdout
    assert "\x1b" not in out and "\u202e" not in out and "<U+001B>]0;title<U+0007>x" in out
    rows = json.loads(ringleader("centrality", edges, "--measures", "degree", "--format", "json").stdout)
    assert "evil\x1b[2J" in {x["id"] for x in rows}                  # exact in json


# ---- report ------------------------------------------------------------------------------------
def test_report(case, tmp_path):
    out = tmp_path / "report"
    r = ringleader("report", case / "edges.csv", "--nodes", case / "nodes.csv", "--directed", "-o", out,
                   "--seed", 9, "--no-progress")
    assert "report.html" in r.stdout and r.stderr == ""
    doc = json.loads((out / "report.json").read_text())
    assert doc["parameters"]["seed"] == 9 and [x["role"] for x in doc["inputs"]] == ["edges", "nodes"]
    assert doc["inputs"][0]["file"] == "edges.csv" and doc["data"]["directed"]
    leaders = pd.read_csv(out / "leaders.csv", index_col="id")
    net = rl.read_csv(case / "edges.csv", nodes=case / "nodes.csv", directed=True)
    assert list(leaders.index) == list(rl.leaders(net, seed=9).index)
    progress = ringleader("report", case / "edges.csv", "--nodes", case / "nodes.csv", "-o", tmp_path / "p",
                          "--seed", 9, "--progress", "--key-players", 3, "--steps", 4, "--top", 5)
    assert "[1/6] ranking leaders" in progress.stderr
    doc = json.loads((tmp_path / "p" / "report.json").read_text())
    assert (doc["key_players"]["k"], doc["disruption"]["steps"], len(doc["leaders"])) == (3, 4, 5)


def test_report_pseudonymized_with_key(case, tmp_path):
    args = ("report", case / "edges.csv", "--nodes", case / "nodes.csv", "--seed", 9, "--pseudonymize")
    ringleader(*args, "-o", tmp_path / "a", env={"RINGLEADER_PSEUDONYM_KEY": "s3cret"})
    ringleader(*args, "-o", tmp_path / "b", "--pseudonym-key", "s3cret")
    a = (tmp_path / "a" / "leaders.csv").read_text()
    assert a == (tmp_path / "b" / "leaders.csv").read_text() and "P0000" not in a
    assert "s3cret" not in (tmp_path / "a" / "report.json").read_text()
    assert_one_line_error(ringleader("report", case / "edges.csv", "-o", tmp_path / "c", "--pseudonym-key", "k",
                                     check=False), "--pseudonymize")
