"""rl.read_case: one multi-mode network from several tables (issue 20 item 3).

The four-table case of the issue (a CDR export, a bank export with decimal
comma and day-first dates, a subscriber table, an account-holder table
written account-first) read from CSV, one .xlsx workbook, Parquet, a dict
and the CLI gives the same network and the same leaders; cp1252 and UTF-16
files and phones written three ways too.  Errors name table, row and column.
openpyxl, pyarrow and phonenumbers are optional: skipped when missing, a
failure under CI (``CI`` set), which installs them.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.cli import main

pytestmark = pytest.mark.filterwarnings("ignore:rl.leaders:UserWarning")


def _need(module: str, extra: str):
    if os.environ.get("CI"):
        try:
            __import__(module)
        except ImportError:
            pytest.fail(f"{module} is missing: CI must install it (scripts/install-deps.sh, extra '{extra}')")
    return pytest.importorskip(module, reason=f"pip install 'ringleader[{extra}]'")


@pytest.fixture(autouse=True)
def phonenumbers():
    return _need("phonenumbers", "ids")


def _iban(bank: str, account: str) -> str:
    """A German IBAN with valid check digits."""
    bban = bank + account
    digits = "".join(str(int(c, 36)) for c in bban + "DE00")
    return f"DE{98 - int(digits) % 97:02d}{bban}"


ACC = [_iban("37040044", f"{n:010d}") for n in (532013000, 1111, 2222, 3333, 4444, 5555)]
PHONES = [f"+491511234567{i}" for i in range(1, 7)]
PERSONS = ["Jürgen Müller", "Ana Šimon", "Bo Ek", "Chloé Dupont", "Dara Ní Bhriain", "Emil Øst"]
# each phone written three ways across the tables: +49 151 …, 0049151…, 0151…
SPELL = [lambda p: "+49 151 " + p[6:], lambda p: "0049" + p[3:], lambda p: "0" + p[3:]]

CDR = [  # caller, callee, start (Berlin local), duration, cell
    (0, 1, "2024-03-09 14:05:00", "60", "C1"), (0, 2, "2024-03-09 15:00:00", "30", "C1"),
    (0, 3, "2024-03-10 09:30:00", "125", "C2"), (1, 4, "2024-03-11 20:00:00", "5", ""),
    (2, 5, "2024-03-12 08:00:00", "42", "C3"), (3, 0, "2024-03-12 09:00:00", "7", "C2"),
]
BANK = [  # from, to, amount (decimal comma), booking date (day-first), reference
    (0, 1, "1.234,56", "09.03.2024", "inv 1"), (1, 4, "500,00", "10.03.2024", "rent"),
    (2, 5, "99,90", "11.03.2024", ""), (0, 3, "2.000,00", "12.03.2024", "loan"),
]
SUBSCRIBERS = [(i, i, f"ID{i:04d}") for i in range(6)]  # phone, person, id number
HOLDERS = [(i, i) for i in range(6)]  # account, person (account-first)


def _rows():
    cdr = [(SPELL[i % 3](PHONES[a]), SPELL[(i + 1) % 3](PHONES[b]), t, d, c) for i, (a, b, t, d, c) in enumerate(CDR)]
    bank = [(ACC[a][:4] + " " + ACC[a][4:], ACC[b], amt, day, ref) for a, b, amt, day, ref in BANK]
    subs = [(SPELL[(i + 2) % 3](PHONES[p]), PERSONS[q], n) for i, (p, q, n) in enumerate(SUBSCRIBERS)]
    holders = [(ACC[a], PERSONS[q]) for a, q in HOLDERS]
    return {"cdr": (["caller_msisdn", "callee_msisdn", "start_time", "duration_s", "cell_id"], cdr),
            "bank": (["from_iban", "to_iban", "amount_eur", "booking_date", "reference"], bank),
            "subscribers": (["msisdn", "subscriber_name", "id_number"], subs),
            "holders": (["iban", "holder_name"], holders)}


def _tables(files: dict, extra: dict = None) -> list:
    extra = extra or {}
    specs = [
        {"name": "cdr", "kind": "calls", "source": "caller_msisdn", "target": "callee_msisdn", "time": "start_time",
         "duration": "duration_s", "cell": "cell_id", "normalize": "phone"},
        {"name": "bank", "kind": "transfers", "source": "from_iban", "target": "to_iban", "amount": "amount_eur",
         "time": "booking_date", "attributes": ["reference"], "normalize": "iban", "decimal": ",",
         "dayfirst": True, "delimiter": ";"},
        {"name": "subscribers", "kind": "uses", "person": "subscriber_name", "phone": "msisdn",
         "attributes": ["id_number"], "normalize": "phone"},
        {"name": "holders", "kind": "owns", "person": "holder_name", "account": "iban", "normalize": "iban"},
    ]
    return [{**s, **files[s["name"]], **extra.get(s["name"], {})} for s in specs]


def _case(files: dict, extra: dict = None) -> dict:
    return {"case": {"name": "Operation X", "directed": True, "country": "DE", "tz": "Europe/Berlin"},
            "tables": _tables(files, extra)}


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def _write_toml(path, case: dict) -> str:
    lines = ["[case]"] + [f"{k} = {_toml_value(v)}" for k, v in case["case"].items()]
    for t in case["tables"]:
        lines += ["", "[[tables]]"] + [f"{k} = {_toml_value(v)}" for k, v in t.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _write_csv(folder, encoding="utf-8") -> dict:
    files = {}
    for name, (header, rows) in _rows().items():
        sep = ";" if name == "bank" else ","
        text = "\n".join(sep.join(r) for r in [header] + [list(r) for r in rows]) + "\n"
        (folder / f"{name}.csv").write_bytes(text.encode(encoding))
        files[name] = {"file": f"{name}.csv"} if encoding == "utf-8" else {"file": f"{name}.csv", "encoding": encoding}
    return files


def _write_xlsx(folder) -> dict:
    openpyxl = _need("openpyxl", "excel")
    import datetime as dt

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (header, rows) in _rows().items():
        ws = book.create_sheet(name)
        ws.append(header)
        for r in rows:
            r = list(r)
            if name == "cdr":  # numbers and times as Excel stores them
                r[2], r[3] = dt.datetime.fromisoformat(r[2]), int(r[3])
            if name == "bank":
                r[2] = float(r[2].replace(".", "").replace(",", "."))
                r[3] = dt.datetime.strptime(r[3], "%d.%m.%Y")
            ws.append([None if v == "" else v for v in r])
    book.save(folder / "case.xlsx")
    return {name: {"file": "case.xlsx", "sheet": name} for name in _rows()}


def _write_parquet(folder) -> dict:
    _need("pyarrow", "parquet")
    files = {}
    for name, (header, rows) in _rows().items():
        df = pd.DataFrame([list(r) for r in rows], columns=header)
        if name == "bank":
            df["amount_eur"] = [float(v.replace(".", "").replace(",", ".")) for v in df["amount_eur"]]
        df.to_parquet(folder / f"{name}.parquet")
        files[name] = {"file": f"{name}.parquet"}
    return files


def _summary(net) -> dict:
    e = net.edges
    ts = e["timestamp"].dropna().sort_values().astype("int64").tolist()
    return {"nodes": dict(sorted(net.node_types().items())), "edges": e["type"].value_counts().sort_index().to_dict(),
            "amounts": sorted(e["amount"].dropna().round(2).tolist()), "times": ts,
            "ids": sorted(map(str, net.node_index))}


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        net = rl.read_case(_write_toml(folder / "case.toml", _case(_write_csv(folder))))
    return net, _summary(net), rl.leaders(net, seed=1).index.tolist()


def test_the_four_tables_give_the_network_of_the_case(expected):
    net, s, ranking = expected
    assert sorted(ranking) == sorted(PERSONS)
    assert s["nodes"] == {"account": 6, "cell": 3, "person": 6, "phone": 6}
    assert s["edges"] == {"call": 6, "located_at": 5, "owns": 6, "transfer": 4, "uses": 6}
    assert s["amounts"] == [99.9, 500.0, 1234.56, 2000.0]
    assert set(PHONES) <= set(s["ids"]) and set(ACC) <= set(s["ids"])
    e = net.edges
    calls = e[e["type"] == "call"]
    assert calls["timestamp"].iloc[0] == pd.Timestamp("2024-03-09 13:05:00", tz="UTC")  # 14:05 in Berlin
    assert calls["duration"].tolist() == [60, 30, 125, 5, 42, 7]
    assert calls["table"].unique().tolist() == ["cdr"] and calls["row"].tolist() == [2, 3, 4, 5, 6, 7]
    transfers = e[e["type"] == "transfer"]
    assert transfers["timestamp"].iloc[1] == pd.Timestamp("2024-03-09 23:00:00", tz="UTC")  # 10.03. 00:00 in Berlin
    assert transfers["reference"].fillna("").tolist() == ["inv 1", "rent", "", "loan"]
    for kind, other in (("uses", PHONES), ("owns", ACC)):  # person -> phone/account, whatever the column order
        k = e[e["type"] == kind]
        assert set(k["source"]) == set(PERSONS) and set(k["target"]) == set(other)
    assert net.directed


@pytest.mark.parametrize("how", ["xlsx", "parquet", "dict", "cp1252", "utf-16"])
def test_every_format_gives_the_same_network(expected, tmp_path, how):
    _, s, ranking = expected
    writer = {"xlsx": _write_xlsx, "parquet": _write_parquet}.get(how)
    if writer is not None:
        files = writer(tmp_path)
    else:
        files = _write_csv(tmp_path, {"dict": "utf-8"}.get(how, how))
    case = _case(files)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        net = rl.read_case(case, base=tmp_path) if how == "dict" else rl.read_case(_write_toml(tmp_path / "c.toml", case))
    assert _summary(net) == s
    assert rl.leaders(net, seed=1).index.tolist() == ranking


def test_cli_reads_a_case_file(expected, tmp_path, capsys):
    _, s, ranking = expected
    path = _write_toml(tmp_path / "case.toml", _case(_write_csv(tmp_path)))
    assert main(["info", path, "--format", "json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["nodes"] == sum(s["nodes"].values()) and info["edges"] == sum(s["edges"].values())
    assert main(["report", path, "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out").is_dir() and any((tmp_path / "out").iterdir())
    assert main(["leaders", path, "--directed"]) == 2
    assert "directed = true" in capsys.readouterr().err


def test_cells_and_devices_of_calls(tmp_path):
    (tmp_path / "c.csv").write_text("a,b,t,cell,imei\n+4915112345671,+4915112345672,2024-01-01T10:00:00Z,C1,3569\n"
                                    "+4915112345671,+4915112345673,2024-01-01T11:00:00Z,C2,3569\n")
    net = rl.read_case({"tables": [{"file": "c.csv", "kind": "calls", "source": "a", "target": "b", "time": "t",
                                    "cell": "cell", "imei": "imei"}]}, base=tmp_path)
    assert net.node_types() == {"phone": 3, "cell": 2, "device": 1}
    e = net.edges
    assert (e["type"] == "in_device").sum() == 1 and (e["type"] == "located_at").sum() == 2
    assert e.loc[e["type"] == "located_at", "timestamp"].tolist() == [pd.Timestamp("2024-01-01 10:00", tz="UTC"),
                                                                      pd.Timestamp("2024-01-01 11:00", tz="UTC")]


def test_node_tables_and_presence(tmp_path):
    (tmp_path / "p.csv").write_text("name,alias,born\nAnna,The Boss,1970\nBen,,1980\n")
    (tmp_path / "v.csv").write_text("who,where,when\nAnna,Bar Rio,2024-01-01\nBen,Bar Rio,2024-01-02\n")
    net = rl.read_case({"case": {"directed": False}, "tables": [
        {"file": "p.csv", "kind": "persons", "id": "name", "label": "alias", "attributes": ["born"]},
        {"file": "v.csv", "kind": "presence", "person": "who", "venue": "where", "time": "when"}]}, base=tmp_path)
    assert net.node_types() == {"person": 2, "venue": 1}
    assert net.nodes.loc["Anna", "label"] == "The Boss" and net.nodes.loc["Anna", "born"] == "1970"
    assert set(net.edges["type"]) == {"located_at"} and not net.directed


# ---- errors: table, row and column --------------------------------------------------
def _one(tmp_path, text: str, spec: dict, name="t.csv", **kw):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return rl.read_case({"case": {"country": "DE"}, "tables": [{"file": name, **spec}]}, base=tmp_path, **kw)


CALL = {"kind": "calls", "source": "a", "target": "b", "time": "t"}


def test_error_unknown_column(tmp_path):
    with pytest.raises(rl.ParseError, match=r"t\.csv:1: column 'start': no such column \(time = 'start'.*'a', 'b'"):
        _one(tmp_path, "a,b\nx,y\n", {**CALL, "time": "start"})


def test_error_unparseable_date_names_table_row_column(tmp_path):
    with pytest.raises(rl.ParseError, match=r"t\.csv \(table cdr\):3: column 't': .*dayfirst") as e:
        _one(tmp_path, "a,b,t\nx,y,2024-01-01\nx,y,13.01.2024\n", {**CALL, "name": "cdr"})
    assert e.value.line == 3


def test_error_unparseable_amount(tmp_path):
    with pytest.raises(rl.ParseError, match=r"t\.csv:2: column 'eur': '1,5' is not a number.*decimal=','"):
        _one(tmp_path, "a,b,eur\nx,y,\"1,5\"\n", {"kind": "transfers", "source": "a", "target": "b", "amount": "eur"})


def test_error_unplaceable_row_and_skip_missing(tmp_path):
    text = "a,b,t\nx,y,2024-01-01\n,y,2024-01-02\nx,,2024-01-03\n"
    with pytest.raises(rl.ParseError, match=r"t\.csv:3: column 'a': no id \(source\).*skip_missing = true"):
        _one(tmp_path, text, CALL)
    with pytest.warns(rl.io.SkippedRowWarning, match=r"t\.csv: 1 row without an id in column 'a'.*rows 3"):
        with pytest.warns(rl.io.SkippedRowWarning, match=r"column 'b'.*rows 4"):
            net = _one(tmp_path, text, {**CALL, "skip_missing": True})
    assert net.number_of_edges() == 1


def test_error_invalid_phone_names_row(tmp_path):
    with pytest.raises(rl.ParseError, match=r"t\.csv:3: column 'b': '110' is not a valid phone number"):
        _one(tmp_path, "a,b\n0151 12345671,0151 12345672\n0151 12345671,110\n",
             {"kind": "calls", "source": "a", "target": "b", "normalize": "phone"})


def test_owns_with_source_target_is_refused_with_the_keys_to_use(tmp_path):
    with pytest.raises(ValueError, match=r"table t\.csv: unknown key 'source' \(a owns table names its columns "
                                         r"person = \.\.\. and account = \.\.\.: the edge always points person"):
        _one(tmp_path, "iban,name\nX,Anna\n", {"kind": "owns", "source": "iban", "target": "name"})


def test_owns_written_account_first_points_person_to_account(tmp_path):
    net = _one(tmp_path, f"iban,name\n{ACC[0]},Anna\n", {"kind": "owns", "account": "iban", "person": "name"})
    assert net.edges[["source", "target"]].values.tolist() == [["Anna", ACC[0]]]
    assert net.node_types() == {"account": 1, "person": 1}


def test_unknown_attribute_column_and_empty_table(tmp_path):
    with pytest.raises(rl.ParseError, match=r"t\.csv:1: column 'ref': no such column \(attributes = 'ref'"):
        _one(tmp_path, "a,b\nx,y\n", {"kind": "meets", "source": "a", "target": "b", "attributes": ["ref"]})
    assert _one(tmp_path, "a,b\n", {"kind": "meets", "source": "a", "target": "b"}).number_of_edges() == 0


def test_duplicate_node_rows_keep_the_first(tmp_path):
    (tmp_path / "p.csv").write_text("id,label\nAnna,A1\nAnna,A2\n")
    (tmp_path / "m.csv").write_text("a,b\nAnna,Ben\n")
    with pytest.warns(rl.io.DuplicateRecordWarning, match=r"1 duplicate record of kind persons \(the same id\), "
                                                          r"kept: p\.csv row 2 = p\.csv row 3"):
        net = rl.read_case({"tables": [{"file": "p.csv", "kind": "persons", "id": "id", "label": "label"},
                                       {"file": "m.csv", "kind": "meets", "source": "a", "target": "b"}]},
                           base=tmp_path)
    assert net.nodes.loc["Anna", "label"] == "A1" and net.node_types() == {"person": 2}


def test_one_id_two_types_is_an_error(tmp_path):
    (tmp_path / "u.csv").write_text("p,ph\nAnna,+4915112345671\n")
    (tmp_path / "o.csv").write_text("p,acc\n+4915112345671,X1\n")
    with pytest.raises(rl.ParseError, match=r"o\.csv:2: column 'p': '\+4915112345671' is a person here, but a "
                                            r"phone in u\.csv row 2 \(column 'ph'\)"):
        rl.read_case({"tables": [{"file": "u.csv", "kind": "uses", "person": "p", "phone": "ph"},
                                 {"file": "o.csv", "kind": "owns", "person": "p", "account": "acc"}]}, base=tmp_path)


def test_duplicate_records_within_and_across_tables_are_kept_with_a_warning(tmp_path):
    (tmp_path / "c1.csv").write_text("a,b,t\n+49 151 12345671,0151 12345672,2024-01-01T10:00:00Z\n"
                                     "+4915112345671,+4915112345672,2024-01-01T11:00:00+01:00\n")
    (tmp_path / "c2.csv").write_text("a,b,t\n+4915112345673,+4915112345672,2024-01-02\n0049 151 12345671,+4915112345672,2024-01-01 10:00\n")
    spec = {"kind": "calls", "source": "a", "target": "b", "time": "t", "normalize": "phone"}
    with pytest.warns(rl.io.DuplicateRecordWarning, match=r"2 duplicate records of kind calls .*kept: "
                                                          r"c1\.csv row 2 = c1\.csv row 3 = c2\.csv row 3") as w:
        net = rl.read_case({"case": {"country": "DE"}, "tables": [{"file": "c1.csv", **spec},
                                                                   {"file": "c2.csv", **spec}]},
                           base=tmp_path)
    assert net.number_of_edges() == 4
    assert w[0].message.records["row"].tolist() == [2, 3, 3]


def test_paths_outside_the_case_folder_are_refused(tmp_path):
    inner = tmp_path / "case"
    inner.mkdir()
    (tmp_path / "x.csv").write_text("a,b\nx,y\n")
    for file in ("../x.csv", str(tmp_path / "x.csv")):
        case = {"tables": [{"file": file, "kind": "meets", "source": "a", "target": "b"}]}
        with pytest.raises(ValueError, match=r"table .*x\.csv: file .* is outside the case file's folder.*allow_outside"):
            rl.read_case(case, base=inner)
        assert rl.read_case(case, base=inner, allow_outside=True).number_of_edges() == 1
    path = _write_toml(inner / "case.toml", {"case": {}, "tables": [{"file": "../x.csv", "kind": "meets",
                                                                      "source": "a", "target": "b"}]})
    assert main(["info", path]) == 2
    assert main(["info", path, "--allow-outside"]) == 0


def test_case_file_errors(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[case]\nname = \n")
    with pytest.raises(rl.ParseError, match=r"bad\.toml:2:.*not a valid TOML"):
        rl.read_case(bad)
    with pytest.raises(ValueError, match=r"kind = 'cals': pass one of calls"):
        _one(tmp_path, "a,b\nx,y\n", {"kind": "cals", "source": "a", "target": "b"})
    with pytest.raises(ValueError, match=r"unknown key 'tiem'"):
        _one(tmp_path, "a,b\nx,y\n", {**CALL, "tiem": "t"})
    with pytest.raises(ValueError, match=r"sheet = 'x' goes with an \.xlsx"):
        _one(tmp_path, "a,b\nx,y\n", {"kind": "meets", "source": "a", "target": "b", "sheet": "x"})


def test_missing_optional_readers_name_the_extra(tmp_path, monkeypatch):
    import builtins

    real = builtins.__import__

    def fake(name, *a, **k):
        if name.startswith(("openpyxl", "pyarrow")):
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake)
    for file, extra in (("t.xlsx", "excel"), ("t.parquet", "parquet")):
        (tmp_path / file).write_bytes(b"x")
        with pytest.raises(ImportError, match=rf"pip install 'ringleader\[{extra}\]'"):
            rl.read_case({"tables": [{"file": file, "kind": "meets", "source": "a", "target": "b"}]}, base=tmp_path)


def _yaml():
    return _need("yaml", "yaml")


def test_yaml_case_file_gives_the_same_network_as_toml(expected, tmp_path, capsys):
    yaml = _yaml()
    _, s, ranking = expected
    case = _case(_write_csv(tmp_path))
    for name in ("case.yaml", "case.YML"):
        (tmp_path / name).write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            net = rl.read_case(tmp_path / name)
        assert _summary(net) == s
        assert rl.leaders(net, seed=1).index.tolist() == ranking
    text = (tmp_path / "case.yaml").read_text(encoding="utf-8")
    assert "tables:" in text and "[[tables]]" not in text       # really YAML, not TOML
    assert main(["info", str(tmp_path / "case.yaml"), "--format", "json"]) == 0      # the CLI knows .yaml
    info = json.loads(capsys.readouterr().out)
    assert info["nodes"] == sum(s["nodes"].values()) and info["edges"] == sum(s["edges"].values())


def test_yaml_case_file_errors_name_file_and_line(tmp_path):
    _yaml()
    bad = tmp_path / "bad.yaml"
    bad.write_text("case:\n  name: X\ntables:\n  - file: a.csv\n    kind: [calls\n")
    with pytest.raises(rl.ParseError, match=r"bad\.yaml:6:\d+: not a valid YAML case file") as info:
        rl.read_case(bad)
    assert info.value.line == 6
    twice = tmp_path / "twice.yml"
    twice.write_text("case:\n  tz: UTC\n  tz: Europe/Berlin\ntables: []\n")
    with pytest.raises(rl.ParseError, match=r"twice\.yml:3:3: .*key 'tz' given twice"):
        rl.read_case(twice)
    py = tmp_path / "obj.yaml"      # safe_load rules: no Python objects
    py.write_text("case: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(rl.ParseError, match=r"obj\.yaml:1:\d+: not a valid YAML case file"):
        rl.read_case(py)
    (tmp_path / "empty.yaml").write_text("")
    with pytest.raises(ValueError, match="a case is a dict"):
        rl.read_case(tmp_path / "empty.yaml")


def test_yaml_without_pyyaml_names_the_extra(tmp_path, monkeypatch):
    import builtins

    real = builtins.__import__

    def fake(name, *a, **k):
        if name == "yaml" or name.startswith("yaml."):
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake)
    (tmp_path / "c.yaml").write_text("tables: []\n")
    with pytest.raises(ImportError, match=r"reading a YAML case file needs PyYAML: pip install 'ringleader\[yaml\]'"):
        rl.read_case(tmp_path / "c.yaml")


def test_fuzz_findings_are_value_errors(tmp_path):
    """Found by fuzz/fuzz_case.py (inputs in fuzz/corpus/case/): a dict case
    whose id key is None raised a bare KeyError, an encoding name holding a
    lone surrogate a UnicodeEncodeError; both are ValueErrors saying what to pass."""
    (tmp_path / "p.csv").write_text("pid\nanna\n")
    with pytest.raises(ValueError, match=r"table p\.csv: a persons table needs id = \.\.\. \(the column of the "
                                         r"person ids\), not None") as info:
        rl.read_case({"tables": [{"kind": "persons", "file": "p.csv", "id": None}]}, base=tmp_path)
    assert type(info.value) is ValueError
    with pytest.raises(ValueError, match="is not an encoding Python knows") as info:
        rl.read_case({"tables": [{"kind": "persons", "file": "p.csv", "id": "pid", "encoding": "\udc89"}]},
                     base=tmp_path)
    assert type(info.value) is ValueError
