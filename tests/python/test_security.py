"""Security cases of the bad-input catalogue (docs/bad-input.md, section
"Security"): inputs an adversary can plant in file names and data."""
import io
import json
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


# ---- pseudonyms (issue 22 item 1) -------------------------------------------------------
@pytest.fixture(scope="module")
def small_case(tmp_path_factory):
    """A small generated case on disk (edges.csv, nodes.csv) and its network."""
    out = tmp_path_factory.mktemp("pseudo")
    net, _ = rl.generate.fraud_network(n_groups=1, teams_per_group=2, operators_per_team=3,
                                       victims_per_operator=2, seed=7)
    net.write_csv(out / "edges.csv", nodes=out / "nodes.csv")
    return out, rl.read_csv(out / "edges.csv", nodes=out / "nodes.csv", directed=True)


@pytest.fixture
def no_pictures(monkeypatch):
    """Reports without the matplotlib pictures (as without matplotlib): faster."""
    monkeypatch.setattr(rl.report._pictures, "svg", lambda *args, **kwargs: None)


QUICK = dict(key_players=0, disruption_steps=0)


def _old_attack(nodes: pd.DataFrame, seed: int) -> dict:
    """The mapping id -> pseudonym the numbered pseudonyms used to have:
    a permutation drawn from the report's seed over the nodes file's order."""
    import numpy as np
    rng = np.random.default_rng(seed)
    out = {}
    for t in sorted(nodes["type"].unique()):
        ids = nodes.index[(nodes["type"] == t).to_numpy()]
        names = np.empty(len(ids), dtype=object)
        names[rng.permutation(len(ids))] = [f"{t}-{i:04d}" for i in range(1, len(ids) + 1)]
        out.update(zip(ids, names))
    return out


def _edge_pairs(net) -> set:
    return set(zip(net.edges["source"], net.edges["target"]))


def test_pseudonyms_cannot_be_mapped_back_with_the_seed_and_the_nodes_file(small_case, tmp_path, no_pictures):
    folder, net = small_case
    runs = [tmp_path / "a", tmp_path / "b"]
    for out in runs:
        rl.report.write(net, out, seed=11, pseudonymize=True, **QUICK)
    docs = [json.loads((out / "report.json").read_text()) for out in runs]
    assert docs[0]["parameters"]["seed"] == docs[1]["parameters"]["seed"] == 11
    assert docs[0]["parameters"]["pseudonyms"] == "numbered"
    ranked = [pd.read_csv(out / "leaders.csv", index_col="id", keep_default_na=False) for out in runs]
    # same seed, same input: the persons get other pseudonyms in each run
    pseudonym_of_score = [dict(zip(r["score"].round(12), r.index)) for r in ranked]
    common = set(pseudonym_of_score[0]) & set(pseudonym_of_score[1])
    assert len(common) > 10 and sum(pseudonym_of_score[0][s] != pseudonym_of_score[1][s] for s in common) > 5
    # the old attack (a permutation from the seed over the nodes file) predicts nothing
    nodes = pd.read_csv(folder / "nodes.csv", index_col="id", keep_default_na=False)
    guess = _old_attack(nodes, 11)
    shared = rl.report.pseudonymize_network(net)
    true_pairs = _edge_pairs(shared)
    guessed = {(guess[s], guess[t]) for s, t in _edge_pairs(net)}
    assert len(guessed & true_pairs) < len(true_pairs) / 4


def test_default_pseudonyms_come_from_a_secret_never_written(small_case, tmp_path, monkeypatch, no_pictures):
    import secrets
    _, net = small_case
    drawn = []

    def fixed(n):
        drawn.append(b"\x5a" * n)
        return drawn[-1]
    monkeypatch.setattr(secrets, "token_bytes", fixed)
    a, b = rl.report.pseudonymize_network(net), rl.report.pseudonymize_network(net)
    assert drawn and len(drawn[0]) == 32
    assert _edge_pairs(a) == _edge_pairs(b)      # the secret alone decides them
    rl.report.write(net, tmp_path, seed=3, pseudonymize=True, **QUICK)
    for f in tmp_path.iterdir():
        data = f.read_bytes()
        assert drawn[0] not in data and drawn[0].hex().encode() not in data and b"5a5a5a5a" not in data.lower()


def test_pseudonymized_outputs_do_not_depend_on_the_input_row_order(small_case, tmp_path, no_pictures):
    folder, net = small_case
    nodes, edges = net.to_pandas()
    shuffled = rl.Network.from_pandas(edges.sample(frac=1, random_state=1).reset_index(drop=True),
                                      nodes=nodes.sample(frac=1, random_state=2), directed=True)
    assert list(shuffled.node_index) != list(net.node_index)
    a = rl.report.pseudonymize_network(net, key="k")
    b = rl.report.pseudonymize_network(shuffled, key="k")
    assert list(a.node_index) == list(b.node_index)
    pd.testing.assert_frame_equal(a.edges, b.edges)
    for n, out in ((net, tmp_path / "a"), (shuffled, tmp_path / "b")):
        rl.report.write(n, out, seed=4, pseudonymize=True, pseudonym_key="k", **QUICK)
    for name in ("leaders.csv", "communities.csv", "report.json", "report.md", "report.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_cli_pseudonym_key_from_environment_or_file(small_case, tmp_path, monkeypatch, capsys, no_pictures):
    from ringleader import cli
    folder, _ = small_case
    base = ["report", str(folder / "edges.csv"), "--nodes", str(folder / "nodes.csv"), "--directed", "--seed", "5",
            "--pseudonymize", "--key-players", "0", "--steps", "0", "-o"]
    keyfile = tmp_path / "key.txt"
    keyfile.write_text("s3cret\n")
    monkeypatch.setenv("RINGLEADER_PSEUDONYM_KEY", "s3cret")
    assert cli.main(base + [str(tmp_path / "env")]) == 0
    monkeypatch.delenv("RINGLEADER_PSEUDONYM_KEY")
    assert cli.main(base + [str(tmp_path / "file"), "--pseudonym-key-file", str(keyfile)]) == 0
    env = (tmp_path / "env" / "leaders.csv").read_text()
    assert env == (tmp_path / "file" / "leaders.csv").read_text() and "person-" in env
    assert "s3cret" not in (tmp_path / "file" / "report.json").read_text()
    capsys.readouterr()
    assert cli.main(base + [str(tmp_path / "x"), "--pseudonym-key-file", str(keyfile), "--pseudonym-key", "k"]) == 2
    assert "keep one" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    assert cli.main(base + [str(tmp_path / "x"), "--pseudonym-key-file", str(empty)]) == 2
    assert "first line is empty" in capsys.readouterr().err


# ---- writing through symlinks (issue 22 item 4) -------------------------------------------
def _plant(path: pathlib.Path, victim: pathlib.Path) -> None:
    """Symbolic links to ``victim`` at ``path`` and at ``path.tmp`` (the name save() used to write)."""
    path.symlink_to(victim)
    pathlib.Path(str(path) + ".tmp").symlink_to(victim)


@pytest.mark.parametrize("write", ["save", "write_csv", "write_graphml", "write_gexf"])
def test_writers_replace_planted_symlinks_never_follow_them(tmp_path, net, write):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = tmp_path / f"out.{write}"
    _plant(target, victim)
    getattr(net, write)(target)
    assert victim.read_text() == "precious"
    assert target.is_file() and not target.is_symlink() and target.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["victim.txt", target.name, target.name + ".tmp"])


def test_report_replaces_planted_symlinks_never_follow_them(tmp_path, small_case, no_pictures):
    _, net = small_case
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    names = ["report.html", "report.md", "report.json", "leaders.csv", "communities.csv"]
    for name in names:
        _plant(out / name, victim)
    paths = rl.report.write(net, out, seed=1, **QUICK)
    assert victim.read_text() == "precious"
    for p in paths.values():
        assert p.is_file() and not p.is_symlink() and p.stat().st_size > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(names + [n + ".tmp" for n in names])


def test_cli_output_replaces_a_planted_symlink(tmp_path, small_case):
    from ringleader import cli
    folder, _ = small_case
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    for i, fmt in enumerate(["csv", "json", "table"]):
        out = tmp_path / f"scores{i}"
        out.symlink_to(victim)
        assert cli.main(["centrality", str(folder / "edges.csv"), "--measures", "degree", "--format", fmt,
                         "-o", str(out)]) == 0
        assert victim.read_text() == "precious" and out.is_file() and not out.is_symlink()
    info = tmp_path / "info.txt"
    info.symlink_to(victim)
    assert cli.main(["info", str(folder / "edges.csv"), "-o", str(info)]) == 0
    assert victim.read_text() == "precious" and "nodes" in info.read_text()


def test_no_temporary_file_left_behind_on_error(tmp_path, net, monkeypatch):
    import resource
    import signal
    from ringleader import _files
    (tmp_path / "keep.rlnet").write_bytes(b"old")
    with pytest.raises(RuntimeError, match="boom"):
        with _files.safe_open(tmp_path / "keep.rlnet", "wb") as f:
            f.write(b"partial")
            raise RuntimeError("boom")
    assert [p.name for p in tmp_path.iterdir()] == ["keep.rlnet"]
    assert (tmp_path / "keep.rlnet").read_bytes() == b"old"
    # a write error half-way in the C++ writers: the file size limit (EFBIG)
    big = rl.Network.from_pandas(pd.DataFrame({"source": [f"s{i}" for i in range(3000)],
                                               "target": [f"t{i}" for i in range(3000)]}))
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, old_limit[1]))
        for write in ("save", "write_csv", "write_graphml"):
            with pytest.raises(rl.RingleaderError, match="cannot write"):
                getattr(big, write)(tmp_path / "keep.rlnet")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.rlnet"]
    assert (tmp_path / "keep.rlnet").read_bytes() == b"old"
    with pytest.raises(IsADirectoryError, match="is a directory"):
        with _files.safe_open(tmp_path):
            pass
    with pytest.raises(FileNotFoundError, match="no/such/x.csv'$"):   # named by the file asked for
        with _files.safe_open(tmp_path / "no" / "such" / "x.csv"):
            pass


# ---- spreadsheet formula injection (issue 22 item 5) ---------------------------------------
FORMULAS = ["=cmd|\" /C calc\"!A0", "+1+1", "-2+3", "@SUM(A1)"]


def _formula_network():
    edges = pd.DataFrame({"source": FORMULAS, "target": ["plain", "plain", FORMULAS[0], "plain"],
                          "amount": [-5.5, 2.0, -0.25, 1.0], "note": ["=1+2", "-x", "ok", "\tt"]})
    nodes = pd.DataFrame({"id": FORMULAS + ["plain"], "type": ["person"] * 4 + ["=t"],
                          "label": ["-label", "\rcr", None, "ok", "@l"], "age": [-3, 4, 5, -6, 7]})
    return rl.Network.from_pandas(edges, nodes=nodes, directed=True)


def test_write_csv_is_exact_by_default_and_formula_safe_on_request(tmp_path):
    net = _formula_network()
    net.write_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    back = rl.read_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv", directed=True)
    assert list(back.node_index) == list(net.node_index)
    assert list(back.edges["note"]) == ["=1+2", "-x", "ok", "\tt"] and list(back.edges["amount"]) == [-5.5, 2, -0.25, 1]
    net.write_csv(tmp_path / "se.csv", nodes=tmp_path / "sn.csv", formula_safe=True)
    e = pd.read_csv(tmp_path / "se.csv", keep_default_na=False)
    n = pd.read_csv(tmp_path / "sn.csv", keep_default_na=False)
    assert list(e["source"]) == ["'" + x for x in FORMULAS]
    assert list(e["note"]) == ["'=1+2", "'-x", "ok", "'\tt"] and list(e["amount"]) == [-5.5, 2, -0.25, 1]
    assert list(n["id"]) == ["'" + x for x in FORMULAS] + ["plain"] and list(n["type"])[-1] == "'=t"
    assert list(n["label"]) == ["'-label", "'\rcr", "", "ok", "'@l"] and list(n["age"]) == [-3, 4, 5, -6, 7]


def test_report_csvs_are_formula_safe(tmp_path, no_pictures):
    nodes, edges = _formula_network().to_pandas()
    nodes.loc[FORMULAS[1], "label"] = "@l2"   # (a bare CR is not quoted by Python's csv module: kept out here)
    net = rl.Network.from_pandas(edges, nodes=nodes, directed=True)
    rl.report.write(net, tmp_path / "a", seed=1, **QUICK)
    leaders = pd.read_csv(tmp_path / "a" / "leaders.csv", keep_default_na=False, dtype=str)
    assert sorted(leaders["id"]) == sorted("'" + x for x in FORMULAS)
    assert set(leaders["label"]) == {"'-label", "'@l2", "", "ok"}
    communities = pd.read_csv(tmp_path / "a" / "communities.csv", keep_default_na=False, dtype=str)
    keys = {x for x in communities["key1"]}
    assert keys and all(k.startswith("'") for k in keys)
    doc = json.loads((tmp_path / "a" / "report.json").read_text())
    assert sorted(x["id"] for x in doc["leaders"]) == sorted(FORMULAS)    # JSON keeps names exactly
    rl.report.write(net, tmp_path / "b", seed=1, formula_safe=False, **QUICK)
    exact = pd.read_csv(tmp_path / "b" / "leaders.csv", keep_default_na=False, dtype=str)
    assert sorted(exact["id"]) == sorted(FORMULAS)


def test_cli_csv_output_is_formula_safe(tmp_path, capsys):
    from ringleader import cli
    net = _formula_network()
    net.write_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    args = ["centrality", str(tmp_path / "e.csv"), "--nodes", str(tmp_path / "n.csv"), "--directed",
            "--measures", "degree", "--format", "csv"]
    assert cli.main(args) == 0
    safe = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False, dtype=str)
    assert set(safe.iloc[:, 0]) == {"'" + x for x in FORMULAS} | {"plain"}
    assert cli.main(args + ["--no-formula-safe"]) == 0
    exact = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False, dtype=str)
    assert set(exact.iloc[:, 0]) == set(FORMULAS) | {"plain"}


def test_formula_safety_leaves_plain_numbers_and_keeps_rows_with_a_cr_whole(tmp_path, no_pictures):
    """One rule in C++ (write_csv) and Python (report, CLI): a plain signed number
    (an E.164 phone number, a negative amount) is not a formula and stays as
    written; a text cell holding a bare CR stays one cell (CRLF line ends)."""
    numbers = ["+4915112345678", "-12.5", "+1e5", "-.5"]
    edges = pd.DataFrame({"source": numbers, "target": ["=1+1", "x", "x", "x"], "note": ["-3", "+x", "1", "2"]})
    nodes = pd.DataFrame({"id": numbers + ["=1+1", "x"], "type": "person",
                          "label": ["a\rb", "-", "+", "1", "2", "3"]})
    net = rl.Network.from_pandas(edges, nodes=nodes, directed=True)
    net.write_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv", formula_safe=True)
    e = pd.read_csv(tmp_path / "e.csv", keep_default_na=False, dtype=str)
    assert list(e["source"]) == numbers and list(e["target"]) == ["'=1+1", "x", "x", "x"]
    assert list(e["note"]) == ["-3", "'+x", "1", "2"]
    n = pd.read_csv(tmp_path / "n.csv", keep_default_na=False, dtype=str)
    assert list(n["label"]) == ["a\rb", "'-", "'+", "1", "2", "3"]
    rl.report.write(net, tmp_path / "r", seed=1, **QUICK)
    leaders = pd.read_csv(tmp_path / "r" / "leaders.csv", keep_default_na=False, dtype=str)
    assert len(leaders) == 6 and set(leaders["id"]) == set(numbers) | {"'=1+1", "x"}
    assert set(leaders["label"]) == {"a\rb", "'-", "'+", "1", "2", "3"}


# ---- workbooks of rl.read_case: zip bombs and sheets that expand ------------------
_XLSX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'
    '"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="calls" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def _sheet_xml(rows, tail: int = 0) -> str:
    """A worksheet of inline strings: rows of (column letters, text); `tail` blanks after it."""
    body = "".join(f'<row r="{i}">' + "".join(f'<c r="{c}{i}" t="inlineStr"><is><t>{v}</t></is></c>' for c, v in r)
                   + "</row>" for i, r in enumerate(rows, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            f'2006/main"><sheetData>{body}</sheetData></worksheet>' + " " * tail)


def _xlsx(path, sheet: str) -> dict:
    """Writes a workbook (built with zipfile, as an attacker would) and returns the read_case dict naming it."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in _XLSX_PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return {"tables": [{"kind": "calls", "file": path.name, "sheet": "calls", "source": "a", "target": "b"}]}


def test_xlsx_zip_bomb_and_huge_sheets_are_refused_before_they_expand(tmp_path):
    pytest.importorskip("openpyxl")
    ok = _xlsx(tmp_path / "ok.xlsx", _sheet_xml([[("A", "a"), ("B", "b")], [("A", "x"), ("B", "y")]]))
    assert rl.read_case(ok, base=tmp_path).number_of_edges() == 1      # the crafted workbook itself is fine
    # 8 MB of blanks after the sheet: 8 KB in the zip, 1000 times that unpacked
    bomb = _xlsx(tmp_path / "bomb.xlsx", _sheet_xml([[("A", "a"), ("B", "b")]], tail=8 << 20))
    assert (tmp_path / "bomb.xlsx").stat().st_size < 64 << 10
    with pytest.raises(rl.ParseError, match=r"member 'xl/worksheets/sheet1.xml' expands from \d+ to 83\d+ bytes, "
                                            r"more than 200 times \(a zip bomb\?\)") as info:
        rl.read_case(bomb, base=tmp_path)
    assert info.value.file.endswith("bomb.xlsx")
    # below the ratio but more than the memory limit, unpacked
    rl.set_memory_limit(1 << 20)
    try:
        big = _xlsx(tmp_path / "big.xlsx", _sheet_xml([[("A", "a"), ("B", "b")]] + [[("A", f"p{i}"), ("B", f"q{i}")]
                                                                                  for i in range(40000)]))
        with pytest.raises(rl.MemoryLimitError, match=r"big\.xlsx.*the workbook's unpacked contents"):
            rl.read_case(big, base=tmp_path)
        # a sheet of 30 KB whose rows reach column XFD: 2,000 rows of 16,384 cells each once read
        wide = _xlsx(tmp_path / "wide.xlsx", _sheet_xml([[("A", "a"), ("B", "b")]] + [[("A", "x"), ("XFD", "y")]] * 2000))
        with pytest.raises(rl.MemoryLimitError, match=r"wide\.xlsx.*sheet 'calls': \d+ cells by row \d+ \(blank ones "
                                                      r"included: rows are 16384 columns wide\)"):
            rl.read_case(wide, base=tmp_path)
    finally:
        rl.set_memory_limit(None)
