"""rl.report and `ringleader report --resolve` on a resolved network: the
report lists the merges it used with their evidence."""
import json
import warnings

import pytest

import ringleader as rl
from ringleader import cli
from ringleader.resolve import ResolveWarning

from test_resolve import succession_net


@pytest.fixture(scope="module")
def resolved():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        return rl.resolve.merge(succession_net())


def test_report_lists_the_merges_with_evidence(resolved, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    net, mapping = resolved
    paths = rl.report.write(net, tmp_path, seed=1, resolution=mapping)
    doc = json.loads(paths["json"].read_text())
    jsonschema.validate(doc, rl.report.SCHEMA)
    r = doc["resolution"]
    merged = mapping.attrs["merges"]
    own = mapping.attrs["own_numbers"]
    assert r["identifiers"] == len(mapping.drop(own)) == 2 and r["own_numbers"] == len(own) > 0
    assert r["pairs"] == len(merged) and len(r["merges"]) == len(merged)
    first = r["merges"][0]
    assert (first["a"], first["b"], first["person"], first["evidence"]) == ("a", "x", "P1", {"handset": 1.0})
    md = paths["md"].read_text()
    assert "## Identity resolution" in md and "handset 1.00" in md
    assert 'id="resolution"' in paths["html"].read_text()
    # pseudonymized: counts only, no identifier
    paths = rl.report.write(net, tmp_path / "p", seed=1, resolution=mapping, pseudonymize=True)
    doc = json.loads(paths["json"].read_text())
    assert doc["resolution"]["merges"] == [] and doc["resolution"]["identifiers"] == len(mapping.drop(own))
    with pytest.raises(ValueError, match="rl.resolve.merge"):
        rl.report.write(net, tmp_path / "x", resolution={"a": "P1"})


def test_report_without_resolution_has_none(tmp_path):
    net = rl.Network.from_pandas(__import__("pandas").DataFrame({"source": ["a"], "target": ["b"], "type": "call"}))
    doc = json.loads(rl.report.write(net, tmp_path, seed=1)["json"].read_text())
    assert doc["resolution"] is None


def test_cli_report_resolve(tmp_path, capsys):
    net = succession_net()
    net.write_csv(tmp_path / "edges.csv", nodes=tmp_path / "nodes.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResolveWarning)
        code = cli.main(["report", str(tmp_path / "edges.csv"), "--nodes", str(tmp_path / "nodes.csv"), "--directed",
                         "-o", str(tmp_path / "out"), "--seed", "1", "--resolve", "--no-progress"])
    assert code == 0
    assert "resolved:" in capsys.readouterr().out
    doc = json.loads((tmp_path / "out" / "report.json").read_text())
    assert doc["resolution"]["pairs"] >= 1 and doc["resolution"]["merges"][0]["evidence"]
