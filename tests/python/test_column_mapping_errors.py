"""Errors reading real exports (issue 20, part 1): every bad file names the
file, the line (header = line 1) and the column, and says what to pass;
bad arguments are ValueErrors saying what to pass.  The rows are in
docs/bad-input.md."""
import re

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

CDR = "caller,callee,start\n+4915112345678,015112345678,09.03.2024 14:05\n"
CDR_ARGS = {"source": "caller", "target": "callee", "timestamp": "start"}
BANK_HEAD = "von;an;betrag\n"
BANK_ARGS = {"delimiter": ";", "source": "von", "target": "an", "amount": "betrag"}


def cdr_with(time, **extra):
    """(edges, nodes, kwargs) of a CDR whose second call started at ``time``, local in Berlin."""
    return ("caller,callee,start\n+4915112345678,015112345678,09.03.2024 14:05\n"
            f"015112345678,+4915112345678,{time}\n"), None, {**CDR_ARGS, "dayfirst": True, "tz": "Europe/Berlin",
                                                             **extra}


# id, edges file (text or bytes), nodes file (None, text or bytes), read_csv kwargs, message (regex),
# file named ("e" or "n"), line, column named in the message (None: the header or the whole file)
FILE_ERRORS = [
    ("map-unknown-column", "a,b\nx,y\n", None, {"source": "a", "target": "c"},
     r"no column 'c' \(target='c'\); the columns are: a, b", "e", 1, None),
    ("map-required-column-missing", "von,zu\nx,y\n", None, {"source": "von"},
     r"missing required column 'target': name the column that holds it with target= \(the columns are: von, zu\)",
     "e", 1, None),
    ("map-column-beside-renamed", "caller,source,target\nx,y,z\n", None, {"source": "caller"},
     "has a column 'source' besides the source column 'caller': rename it", "e", 1, None),
    ("map-delimiter-hint", "von;an\nx;y\n", None, {"source": "von", "target": "an"},
     "pass delimiter=';'", "e", 1, None),
    ("map-delimiter-hint-rows", "von;an\nx,1;y\n", None, {"source": "von", "target": "an"},
     "2 fields, the header has 1 .*pass delimiter=';'", "e", 2, None),
    ("time-day-first-needs-dayfirst", CDR, None, CDR_ARGS, r"pass dayfirst=True if the day comes first", "e", 2,
     "start"),
    ("time-dst-nonexistent", *cdr_with("31.03.2024 02:30"), r"2024-03-31 02:30:00 does not exist in Europe/Berlin",
     "e", 3, "start"),
    ("time-dst-ambiguous", *cdr_with("27.10.2024 02:30"),
     r"2024-10-27 02:30:00 is ambiguous in Europe/Berlin: .*\+02:00 or .*\+01:00", "e", 3, "start"),
    ("time-invalid-day-first-date", *cdr_with("31.02.2024 10:00"), "not a valid date", "e", 3, "start"),
    ("time-two-digit-year", *cdr_with("09.03.24 10:00"), r"pass time_format='%d\.%m\.%y %H:%M'", "e", 3, "start"),
    ("time-format-mismatch", *cdr_with("2024-03-09 10:00", time_format="%d.%m.%Y %H:%M"),
     r"'2024-03-09 10:00' does not match time_format='%d\.%m\.%Y %H:%M'", "e", 3, "start"),
    ("number-decimal-comma-without-decimal", BANK_HEAD + "a;b;1.234,56\n", None, BANK_ARGS,
     r"'1.234,56' is not a number: pass decimal=','", "e", 2, "betrag"),
    ("number-point-with-decimal-comma", BANK_HEAD + "a;b;1,5\nb;c;1.5\n", None, {**BANK_ARGS, "decimal": ","},
     r"'1.5' is not a number: with decimal=','.* pass decimal='\.'", "e", 3, "betrag"),
    ("number-not-a-number", BANK_HEAD + "a;b;viel\n", None, BANK_ARGS, "'viel' is not a number", "e", 2, "betrag"),
    ("number-infinite-amount", BANK_HEAD + "a;b;1e999\n", None, BANK_ARGS, "amounts must be finite", "e", 2,
     "betrag"),
    ("number-weight-nan", "u,v,w\na,b,nan\n", None, {"source": "u", "target": "v", "weight": "w"},
     "weights must be finite", "e", 2, "w"),
    ("encoding-cp1252-read-as-utf8", "u,v\na,b\nMüller,c\n".encode("cp1252"), None, {"source": "u", "target": "v"},
     r"invalid UTF-8: re-save the file as UTF-8, or pass its encoding \(encoding='cp1252'", "e", 3, None),
    ("encoding-cp1252-read-as-utf8-cpp", "source,target\na,b\nMüller,c\n".encode("cp1252"), None, {},
     r"invalid UTF-8: .*pass its encoding \(encoding='cp1252'", "e", 3, None),
    ("encoding-utf16-without-bom", "source,target\na,b\n".encode("utf-16-le"), None, {},
     r"NUL byte: .*pass encoding='utf-16-le'", "e", 1, None),
    ("encoding-bom-contradicts-encoding", "\ufeffsource,target\na,b\n".encode(), None, {"encoding": "cp1252"},
     "starts with a UTF-8 byte-order mark, so it is not cp1252: leave out encoding=", "e", 1, None),
    ("encoding-byte-invalid-in-encoding", b"source,target\na,b\nc,\x81\n", None, {"encoding": "cp1252"},
     "byte 0x81 is not valid cp1252: check encoding=", "e", 3, None),
    ("ids-empty-source", "u,v\na,b\n,c\n", None, {"source": "u", "target": "v"}, "empty source id", "e", 3, "u"),
    ("ids-not-in-nodes-file", "u,v\na,b\nb,z\n", "msisdn,name\na,A\nb,B\n", {"source": "u", "target": "v",
     "id_column": "msisdn"}, r"node id 'z' is not in the nodes file \(add it there, or pass create_missing=True\)",
     "e", 3, "v"),
    ("ids-listed-twice", "u,v\na,b\n", "msisdn\na\nb\na\n", {"source": "u", "target": "v", "id_column": "msisdn"},
     r"node id 'a' appears again \(first on line 2\)", "n", 4, "msisdn"),
    ("ids-differ-by-spaces", "u,v\na,b\nb, a\n", None, {"source": "u", "target": "v"},
     "node ids ' a' and 'a' differ only by surrounding spaces", "e", 3, "v"),
    ("nodes-without-id-column", "source,target\na,b\n", "name\na\n", {"dayfirst": True},
     r"missing required column 'id': name the column that holds it with id_column=", "n", 1, None),
    ("rows-field-count", "u,v\na,b\nc,d,e\n", None, {"source": "u", "target": "v"},
     "3 fields, the header has 2", "e", 3, None),
    ("rows-unterminated-quote", 'u,v\na,b\n"c,d\ne,f\n', None, {"source": "u", "target": "v"},
     "unterminated quoted field", "e", 3, None),
    ("rows-empty-file", "", None, {"source": "u", "target": "v"}, "empty file", "e", 1, None),
    ("rows-header-twice", "u,v,u\na,b,c\n", None, {"source": "u", "target": "v"}, "column 'u' appears twice", "e",
     1, None),
]


@pytest.mark.parametrize("edges,nodes,kwargs,match,named,line,column",
                         [pytest.param(*row[1:], id=row[0]) for row in FILE_ERRORS])
def test_file_error_names_file_line_column(tmp_path, edges, nodes, kwargs, match, named, line, column):
    paths = {"e": tmp_path / "e.csv", "n": tmp_path / "n.csv"}
    for key, content in (("e", edges), ("n", nodes)):
        if content is not None:
            paths[key].write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(rl.ParseError) as info:
        rl.read_csv(paths["e"], nodes=paths["n"] if nodes is not None else None, **kwargs)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line) == (str(paths[named]), line), str(e)
    assert re.search(match, e.message), e.message
    assert str(e).startswith(f"{paths[named]}:{line}")
    if column is not None:
        assert f"column '{column}': " in e.message, e.message


def test_nothing_is_dropped_without_an_error(tmp_path):
    """A bad value anywhere in a long file stops the read at its line."""
    rows = "".join(f"a{i},b{i},{i % 28 + 1:02d}.01.2024 10:00\n" for i in range(500))
    p = tmp_path / "e.csv"
    p.write_text("u,v,t\n" + rows + "x,y,32.01.2024 10:00\n" + rows)
    with pytest.raises(rl.ParseError, match="'32.01.2024 10:00'") as info:
        rl.read_csv(p, source="u", target="v", timestamp="t", dayfirst=True)
    assert info.value.line == 502
    assert rl.read_csv(p, source="u", target="v").number_of_edges() == 1001  # as text attribute: read


@pytest.mark.parametrize("kwargs,match", [
    pytest.param({"delimiter": "ab"}, r"delimiter='ab': pass one character", id="arg-delimiter"),
    pytest.param({"decimal": ";"}, r"decimal=';': pass decimal='\.' .* or decimal=','", id="arg-decimal"),
    pytest.param({"tz": "Mars/Olympus"}, r"tz='Mars/Olympus' is not a time zone: pass an IANA name such as "
                 r"tz='Europe/Berlin'", id="arg-tz"),
    pytest.param({"encoding": "klingon"}, r"encoding='klingon' is not an encoding Python knows", id="arg-encoding"),
    pytest.param({"time_format": "dd.mm.yyyy"}, r"time_format='dd.mm.yyyy' is not a strftime format",
                 id="arg-time-format"),
    pytest.param({"dayfirst": "yes"}, r"dayfirst='yes': pass True or False", id="arg-dayfirst"),
])
def test_bad_arguments_say_what_to_pass(tmp_path, kwargs, match):
    p = tmp_path / "e.csv"
    p.write_text("source,target\na,b\n")
    with pytest.raises(ValueError, match=match) as info:
        rl.read_csv(p, **kwargs)
    assert not isinstance(info.value, rl.ParseError)


def test_from_pandas_errors_name_row_and_column():
    e = pd.DataFrame({"caller": ["a", "b"], "callee": ["b", "c"], "start": ["09.03.2024 14:05", "31.03.2024 02:30"],
                      "amount_eur": ["1,5", "x"]})
    kw = dict(source="caller", target="callee", timestamp="start", dayfirst=True, tz="Europe/Berlin")
    with pytest.raises(ValueError, match=r"^edges: row 1, column 'start': 2024-03-31 02:30:00 does not exist"):
        rl.Network.from_pandas(e, **kw)
    with pytest.raises(ValueError, match=r"^edges: row 0, column 'start': .* pass dayfirst=True"):
        rl.Network.from_pandas(e, source="caller", target="callee", timestamp="start")
    with pytest.raises(ValueError, match=r"^edges: row 1, column 'amount_eur': 'x' is not a number"):
        rl.Network.from_pandas(e, source="caller", target="callee", amount="amount_eur", decimal=",")
    with pytest.raises(ValueError, match=r"no column 'betrag' \(amount='betrag'\); the columns are: caller, callee"):
        rl.Network.from_pandas(e, source="caller", target="callee", amount="betrag")
    with pytest.raises(ValueError, match=r"no column 'nope' \(edge_attr\); the columns are: caller"):
        rl.Network.from_pandas(e, source="caller", target="callee", edge_attr=["nope"])
    with pytest.raises(ValueError, match="edge_attr lists 'start', which is already a part of the model"):
        rl.Network.from_pandas(e, edge_attr=["start"], **kw)
    with pytest.raises(ValueError, match=r"no column 'msisdn' \(id_column='msisdn'\)"):
        rl.Network.from_pandas(e, pd.DataFrame({"id": ["a"]}), id_column="msisdn", source="caller",
                               target="callee", create_missing=True)
    with pytest.raises(ValueError, match="source and target are both column 'caller'"):
        rl.Network.from_pandas(e, source="caller", target="caller")
    with pytest.raises(ValueError, match=r"\[1.5\] \(list\) is not a number"):
        rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [[1.5]]}))
    assert np.isnan(rl.Network.from_pandas(e.iloc[:1], **kw).edges["amount"].iloc[0])


def test_time_format_year_outside_nanoseconds_is_a_parse_error(tmp_path):
    # found by fuzz/fuzz_case.py: pandas reads year 1 with a format, nanoseconds cannot hold it
    path = tmp_path / "e.csv"
    path.write_text("source,target,timestamp\na,b,0001-01-01\nb,c,2024-01-01\n")
    with pytest.raises(rl.ParseError, match=r"e.csv:2: column 'timestamp': '0001-01-01' is outside the "
                                            r"representable range of times \(years 1678 to 2261\)"):
        rl.read_csv(path, time_format="%Y-%m-%d")
