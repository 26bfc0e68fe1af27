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
