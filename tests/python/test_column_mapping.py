"""Real exports (issue 20, part 1): columns named by the user, delimiters,
decimal commas, day-first and local times across daylight-saving changes,
encodings, through rl.read_csv, Network.from_pandas and the command line,
which give identical networks.  Errors: test_column_mapping_errors.py."""
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader import cli
from ringleader._columns import Reading
from ringleader.io import _csv

from test_io import random_network

PHONES = ["+4915112345678", "004915112345678", "015112345678"]  # one number three ways: three ids here

CDR = ("caller_msisdn,callee_msisdn,start_time,duration_s,cell_id\n"
       "+4915112345678,015112345678,09.03.2024 14:05,125,26201-4711\n"
       "004915112345678,+4915112345678,31.03.2024 01:59,30,26201-4711\n"
       "015112345678,004915112345678,31.03.2024 03:00,0,26201-0815\n"
       "+4915112345678,004915112345678,27.10.2024 01:59,61,\n"
       "004915112345678,015112345678,27.10.2024 03:00,5,26201-0815\n")
# Europe/Berlin: CET (+1) until 2024-03-31 02:00, then CEST (+2) until 2024-10-27 03:00
CDR_UTC = ["2024-03-09T13:05Z", "2024-03-31T00:59Z", "2024-03-31T01:00Z", "2024-10-26T23:59Z", "2024-10-27T02:00Z"]
SUBSCRIBERS = ("msisdn,subscriber_name,id_number\n"
               "+4915112345678,Jan Müller,L01X00T47\n"
               "004915112345678,Slavoj Žižek,T22000129\n"
               "015112345678,Karel Čapek,0012345\n")
CDR_ARGS = dict(directed=True, source="caller_msisdn", target="callee_msisdn",
                timestamp="start_time", dayfirst=True, tz="Europe/Berlin", id_column="msisdn",
                label_column="subscriber_name")
CDR_FLAGS = ["--directed", "--source-col", "caller_msisdn", "--target-col", "callee_msisdn", "--time-col",
             "start_time", "--dayfirst", "--tz", "Europe/Berlin", "--id-col", "msisdn", "--label-col",
             "subscriber_name"]

BANK = ("from_iban;to_iban;amount_eur;booking_date;reference\n"
        "DE89370400440532013000;DE02120300000000202051;1.234,56;09.03.2024;Miete Müller\n"
        'DE02120300000000202051;AT611904300234573201;-0,50;10.03.2024;"Gebühr; Konto"\n'
        "AT611904300234573201;DE89370400440532013000;12.000,00;27.10.2024;Žižek\n")
BANK_ARGS = dict(directed=True, delimiter=";", decimal=",",
                 encoding="cp1252", source="from_iban", target="to_iban", amount="amount_eur",
                 timestamp="booking_date", dayfirst=True, tz="Europe/Berlin")
BANK_FLAGS = ["--directed", "--delimiter", ";", "--decimal", ",", "--encoding", "cp1252", "--source-col", "from_iban",
              "--target-col", "to_iban", "--amount-col", "amount_eur", "--time-col", "booking_date", "--dayfirst",
              "--tz", "Europe/Berlin"]


def values(column):
    """A column's values, missing as None."""
    return [None if pd.isna(v) else v for v in column]


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def same(a, b):
    """Identical networks: the same node and edge tables, types in the same order."""
    assert a.directed == b.directed
    pd.testing.assert_frame_equal(a.nodes, b.nodes)
    pd.testing.assert_frame_equal(a.edges, b.edges)
    assert a.node_types() == b.node_types() and a.edge_types() == b.edge_types()


def from_cli(*argv):
    """The network the command line reads (the `info` subcommand's input flags)."""
    args = cli.parser().parse_args(["info", *map(str, argv)])
    return cli._load(args)


@pytest.fixture
def cdr(tmp_path):
    return write(tmp_path / "cdr.csv", CDR), write(tmp_path / "subscribers.csv", SUBSCRIBERS)


# ---- the call-detail records ----------------------------------------------------------
def test_cdr_columns_day_first_local_times_across_dst(cdr):
    edges, nodes = cdr
    net = rl.read_csv(edges, nodes=nodes, node_type="phone", edge_type="call", **CDR_ARGS)
    assert list(net.nodes.index) == PHONES and net.node_types() == {"phone": 3}
    assert net.nodes["label"].tolist() == ["Jan Müller", "Slavoj Žižek", "Karel Čapek"]
    assert net.nodes["id_number"].tolist() == ["L01X00T47", "T22000129", "0012345"]
    e = net.edges
    assert e["source"].tolist() == [PHONES[0], PHONES[1], PHONES[2], PHONES[0], PHONES[1]]
    assert e["timestamp"].tolist() == [pd.Timestamp(t) for t in CDR_UTC]
    assert e["type"].eq("call").all() and e["weight"].eq(1.0).all() and e["amount"].isna().all()
    assert e["duration_s"].tolist() == [125.0, 30.0, 0.0, 61.0, 5.0]
    assert values(e["cell_id"]) == ["26201-4711", "26201-4711", "26201-0815", None, "26201-0815"]


def test_cdr_same_through_from_pandas_and_cli(cdr):
    edges, nodes = cdr
    net = rl.read_csv(edges, nodes=nodes, **CDR_ARGS)
    e = pd.read_csv(edges, dtype={"caller_msisdn": str, "callee_msisdn": str, "start_time": str})
    n = pd.read_csv(nodes, dtype=str, keep_default_na=False)
    same(net, rl.Network.from_pandas(e, n, **CDR_ARGS))
    same(net, from_cli(edges, "--nodes", nodes, *CDR_FLAGS))


def test_time_format_and_offsets(tmp_path):
    p = write(tmp_path / "t.csv", "a,b,when\nx,y,03/09/2024 02:05 PM\ny,z,10/27/2024 01:00 AM\n")
    net = rl.read_csv(p, source="a", target="b", timestamp="when", time_format="%m/%d/%Y %I:%M %p",
                      tz="America/New_York")
    assert net.edges["timestamp"].tolist() == [pd.Timestamp("2024-03-09T19:05Z"), pd.Timestamp("2024-10-27T05:00Z")]
    p = write(tmp_path / "z.csv", "source,target,timestamp\nx,y,09.03.2024 14:05 +0100\n")
    net = rl.read_csv(p, time_format="%d.%m.%Y %H:%M %z", tz="Asia/Tokyo")  # the offset wins over tz
    assert net.edges["timestamp"].iloc[0] == pd.Timestamp("2024-03-09T13:05Z")
    # ISO 8601 with an offset and Unix seconds are instants; naive ISO times are local to tz
    p = write(tmp_path / "i.csv", "source,target,timestamp\nx,y,2024-07-01T12:00+02:00\nx,y,1719835200\n"
                                  "x,y,2024-07-01 12:00\nx,y,2024-07-01\n")
    got = rl.read_csv(p, tz="Europe/Berlin").edges["timestamp"].tolist()
    assert got == [pd.Timestamp("2024-07-01T10:00Z"), pd.Timestamp("2024-07-01T12:00Z"),
                   pd.Timestamp("2024-07-01T10:00Z"), pd.Timestamp("2024-06-30T22:00Z")]
    assert rl.read_csv(p).edges["timestamp"].iloc[2] == pd.Timestamp("2024-07-01T12:00Z")  # no tz: UTC


# ---- the bank export ------------------------------------------------------------------
def test_bank_semicolons_decimal_comma_cp1252(tmp_path):
    p = write(tmp_path / "bank.csv", BANK, "cp1252")
    net = rl.read_csv(p, **BANK_ARGS)
    typed = rl.read_csv(p, edge_type="transfer", node_type="account", **BANK_ARGS)
    assert typed.node_types() == {"account": 3} and typed.edge_types() == {"transfer": 3}
    e = net.edges
    assert e["amount"].tolist() == [1234.56, -0.5, 12000.0]
    assert e["reference"].tolist() == ["Miete Müller", "Gebühr; Konto", "Žižek"]
    assert e["timestamp"].tolist() == [pd.Timestamp("2024-03-08T23:00Z"), pd.Timestamp("2024-03-09T23:00Z"),
                                       pd.Timestamp("2024-10-26T22:00Z")]
    frame = pd.read_csv(p, sep=";", dtype=str, keep_default_na=False, encoding="cp1252")
    pandas_args = {k: v for k, v in BANK_ARGS.items() if k not in ("delimiter", "encoding")}
    same(net, rl.Network.from_pandas(frame, **pandas_args))
    same(net, from_cli(p, *BANK_FLAGS))


def test_weight_column_with_decimal_comma(tmp_path):
    p = write(tmp_path / "w.csv", "von;an;dauer\na;b;1,5\nb;c;\nc;a;2.000\n")
    net = rl.read_csv(p, delimiter=";", decimal=",", source="von", target="an", weight="dauer")
    assert net.edges["weight"].tolist() == [1.5, 1.0, 2000.0]  # empty weight = 1, as in the standard file
    same(net, from_cli(p, "--delimiter", ";", "--decimal", ",", "--source-col", "von", "--target-col", "an",
                       "--weight-col", "dauer"))


# ---- encodings ------------------------------------------------------------------------
@pytest.mark.parametrize("encoding,given", [("utf-8", None), ("utf-8-sig", None), ("utf-16", None),
                                            ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
                                            ("utf-8-sig", "utf-8"), ("cp1250", "cp1250")])
def test_encodings_give_the_same_network(tmp_path, cdr, encoding, given):
    edges, nodes = cdr
    expected = rl.read_csv(edges, nodes=nodes, **CDR_ARGS)
    e = write(tmp_path / "e.csv", CDR, encoding)
    n = write(tmp_path / "n.csv", SUBSCRIBERS, encoding)
    same(expected, rl.read_csv(e, nodes=n, encoding=given, **CDR_ARGS))


def test_which_names_cp1252_holds(tmp_path):
    """cp1252 (Excel, Western Europe) has Müller and Žižek but not Čapek: such
    files come as cp1250 (Central Europe) or UTF-16 ("Unicode text")."""
    "Jan Müller, Slavoj Žižek".encode("cp1252")
    with pytest.raises(UnicodeEncodeError):
        "Karel Čapek".encode("cp1252")
    p = write(tmp_path / "n.csv", "id,label\n1,Jan Müller\n2,Slavoj Žižek\n", "cp1252")
    e = write(tmp_path / "e.csv", "source,target\n1,2\n")
    assert rl.read_csv(e, nodes=p, encoding="cp1252").nodes["label"].tolist() == ["Jan Müller", "Slavoj Žižek"]


def test_standard_file_in_utf16_or_gzip(tmp_path):
    text = "source,target,weight\na,b,2\nb,c,\n"
    plain = rl.read_csv(write(tmp_path / "p.csv", text))
    same(plain, rl.read_csv(write(tmp_path / "u.csv", text, "utf-16")))  # detected by its BOM
    import gzip
    (tmp_path / "u.csv.gz").write_bytes(gzip.compress(text.encode("utf-16")))
    same(plain, rl.read_csv(tmp_path / "u.csv.gz"))
    (tmp_path / "r.csv.gz").write_bytes(gzip.compress(text.replace("source", "von").encode()))
    same(plain, rl.read_csv(tmp_path / "r.csv.gz", source="von"))


# ---- the C++ path and the pandas path -------------------------------------------------
def python_path(edges, nodes=None, directed=False, create_missing=False):
    return _csv.read_csv_python(edges, nodes, directed, "unknown", create_missing, "edge", ",", None,
                                Reading(text=True))


@pytest.mark.parametrize("seed", range(0, 60, 3))
def test_pandas_path_equals_cpp_path(tmp_path, seed):
    """Random networks (ids with commas, quotes, newlines, spaces, non-ASCII;
    number, time and string attributes; missing values) written as the
    standard pair read the same through both paths."""
    net = random_network(seed)
    net.write_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    same(rl.read_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv", directed=net.directed),
         python_path(tmp_path / "e.csv", tmp_path / "n.csv", net.directed))
    same(rl.read_csv(tmp_path / "e.csv", directed=net.directed), python_path(tmp_path / "e.csv", None, net.directed))


def test_pandas_path_equals_cpp_path_on_odd_files(tmp_path):
    e = write(tmp_path / "e.csv", "\ufeffsource, target ,type,weight,timestamp,amount,n,t,s,mixed\r\n"
                                  'a,b,call,,2024-03-01,,1,2024-01-01T10:00+01:00, x,1\r\n\r\n'
                                  '"c\nd",a,,2.5,1700000000.5,-3,,,,2024-01-01\r\n'
                                  "0151,+49,meets,-1,,1e3,nan,, ,\r\n")
    n = write(tmp_path / "n.csv", "id,type,label,age\na,person,Anna,\n0151,phone,,017\n")
    for nodes in (None, n):
        a = rl.read_csv(e, nodes=nodes, create_missing=True)
        same(a, python_path(e, nodes, create_missing=True))
    assert a.nodes.index.tolist() == ["a", "0151", "b", "c\nd", "+49"]
    same(rl.read_csv(write(tmp_path / "h.csv", "source,target,x\n")), python_path(tmp_path / "h.csv"))


def test_which_path_reads(tmp_path, monkeypatch):
    """Standard files go to C++; renamed columns and other value rules to pandas."""
    calls = []
    monkeypatch.setattr(_csv, "read_csv_python", lambda *a: calls.append(a) or "pandas")
    std = write(tmp_path / "s.csv", "source,target\na,b\n")
    assert isinstance(rl.read_csv(std, source="source", tz="UTC", encoding="utf-8"), rl.Network) and not calls
    for kwargs in ({"source": "von"}, {"dayfirst": True}, {"tz": "Europe/Berlin"}, {"decimal": ","},
                   {"time_format": "%Y"}, {"encoding": "cp1252"}, {"id_column": "msisdn"}):
        assert rl.read_csv(std, **kwargs) == "pandas", kwargs
    assert rl.read_csv(write(tmp_path / "u.csv", "source,target\na,b\n", "utf-16")) == "pandas"


# ---- from_pandas ----------------------------------------------------------------------
def test_from_pandas_edge_attr_and_node_columns():
    e = pd.DataFrame({"u": ["a", "b"], "v": ["b", "c"], "w": ["1,5", "2"], "note": ["x", None], "k": [1, 2]})
    n = pd.DataFrame({"who": ["a", "b", "c"], "kind": ["person", "phone", ""], "name": ["Anna", None, "C"]})
    kw = dict(source="u", target="v", weight="w", decimal=",", id_column="who", node_type_column="kind",
              label_column="name", node_type="account")
    net = rl.Network.from_pandas(e, n, **kw)
    assert net.edges["weight"].tolist() == [1.5, 2.0]
    assert list(net.edges.columns[6:]) == ["note", "k"]
    assert net.nodes["type"].tolist() == ["person", "phone", "account"]
    assert values(net.nodes["label"]) == ["Anna", None, "C"] and list(net.nodes.columns) == ["type", "label"]
    assert list(rl.Network.from_pandas(e, n, edge_attr=True, **kw).edges.columns[6:]) == ["note", "k"]
    assert list(rl.Network.from_pandas(e, n, edge_attr=False, **kw).edges.columns) == list(net.edges.columns[:6])
    assert list(rl.Network.from_pandas(e, n, edge_attr=["k"], **kw).edges.columns[6:]) == ["k"]
    assert list(rl.Network.from_pandas(e, n, edge_attr="note", **kw).edges.columns[6:]) == ["note"]


def test_from_pandas_naive_datetimes_are_local_to_tz():
    e = pd.DataFrame({"source": ["a", "a"], "target": ["b", "b"],
                      "timestamp": pd.to_datetime(["2024-03-31 01:30", "2024-03-31 03:30"])})
    got = rl.Network.from_pandas(e, tz="Europe/Berlin").edges["timestamp"].tolist()
    assert got == [pd.Timestamp("2024-03-31T00:30Z"), pd.Timestamp("2024-03-31T01:30Z")]
    assert rl.Network.from_pandas(e).edges["timestamp"].iloc[0] == pd.Timestamp("2024-03-31T01:30Z")
    e["timestamp"] = e["timestamp"].dt.tz_localize("Asia/Tokyo")  # aware: an instant, tz not used
    assert rl.Network.from_pandas(e, tz="Europe/Berlin").edges["timestamp"].iloc[0] == \
        pd.Timestamp("2024-03-30T16:30Z")


def test_from_pandas_default_behaviour_kept():
    e = pd.DataFrame({"source": [1, 2], "target": [2, 3], "weight": [np.nan, 2], "timestamp": [1.7e9, None],
                      "amount": ["5", ""], "x": [1.5, np.nan]})
    net = rl.Network.from_pandas(e)
    assert list(net.node_index) == [1, 2, 3] and net.edges["weight"].tolist() == [1.0, 2.0]
    assert net.edges["timestamp"].iloc[0] == pd.Timestamp(1.7e9, unit="s", tz="UTC")
    assert net.edges["amount"].iloc[0] == 5.0 and np.isnan(net.edges["amount"].iloc[1])


# ---- the command line -----------------------------------------------------------------
def test_cli_reads_exports_and_speaks_of_its_flags(tmp_path):
    p = write(tmp_path / "bank.csv", BANK, "cp1252")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "ringleader", *map(str, args)], capture_output=True,
                              text=True, timeout=300)
    r = run("info", p, *BANK_FLAGS, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert '"edges": 3' in r.stdout
    r = run("info", p)
    assert r.returncode == 2 and "--encoding 'cp1252'" in r.stderr and "bank.csv:2" in r.stderr, r.stderr
    r = run("info", p, "--encoding", "cp1252")
    assert "bank.csv:2: this line has 2 fields, the header has 1 (the header looks separated by ';': use " \
        "--delimiter ';')" in r.stderr, r.stderr
    r = run("info", p, "--encoding", "cp1252", "--delimiter", ";")
    assert "bank.csv:1: missing required column 'source': name the column that holds it with --source-col " \
        "(the columns are: from_iban, to_iban," in r.stderr, r.stderr
    flags = [f for f in BANK_FLAGS if f != "--dayfirst"]
    r = run("leaders", p, *flags, "--all-nodes")
    assert "bank.csv:2: column 'booking_date'" in r.stderr and "use --dayfirst" in r.stderr, r.stderr
    r = run("info", p, *BANK_FLAGS, "--amount-col", "betrag")
    assert "no column 'betrag' (--amount-col 'betrag')" in r.stderr and "amount_eur" in r.stderr, r.stderr
    r = run("info", tmp_path / "x.graphml", "--source-col", "a")
    assert "--source-col goes with a CSV edge file" in r.stderr, r.stderr
