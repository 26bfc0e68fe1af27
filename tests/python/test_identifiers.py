"""Identifiers normalised on request and duplicate records found (rl.io,
python/ringleader/io/_identifiers.py; issue 20 part 2).

The phone tests need the optional ``phonenumbers`` package: skipped when it
is missing, a failure under CI (``CI`` set), which installs it
(scripts/install-deps.sh), as conftest.py does for ../shared.
"""
import os
import pathlib
import sys

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.io._identifiers import IBAN_LENGTHS

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def pn():
    """phonenumbers: skipped when missing, a failure under CI."""
    if os.environ.get("CI"):
        try:
            import phonenumbers
        except ImportError:
            pytest.fail("phonenumbers is missing: CI must install it (scripts/install-deps.sh, extra 'ids')")
        return phonenumbers
    return pytest.importorskip("phonenumbers", reason="pip install 'ringleader[ids]'")


# ---- phone numbers ----------------------------------------------------------------
# country, E.164, spellings written in that country's exports (and abroad, with '+')
SPELLINGS = [
    ("DE", "+4915112345678", ["+49 151 1234 5678", "0049151 12345678", "01511-2345678", "+49 (0)151 12345678",
                              "0151/12345678", "+4915112345678"]),
    ("DE", "+4930123456", ["030 123456", "(030) 12 34 56", "+49 30 123456", "0049-30-123456"]),
    ("GB", "+447400123456", ["07400 123456", "07400-123-456", "+44 7400 123456", "0044 7400 123456",
                             "+44 (0) 7400 123456"]),
    ("GB", "+442079460018", ["020 7946 0018", "+44 20 7946 0018"]),
    ("CN", "+8613123456789", ["131 2345 6789", "13123456789", "+86 131 2345 6789", "0086 131 2345 6789",
                              "86 131 2345 6789", "+８６ １３１ ２３４５ ６７８９"]),
    ("CN", "+861012345678", ["010 1234 5678", "+86 10 1234 5678", "+86 (0)10 1234 5678"]),
    ("TH", "+66812345678", ["081 234 5678", "0812345678", "081-234-5678", "+66 81 234 5678", "+66 (0)81 234 5678",
                            "001 66 81 234 5678", "66812345678", "๐๘๑ ๒๓๔ ๕๖๗๘"]),
    ("TH", "+6621234567", ["02 123 4567", "+66 2 123 4567"]),
    ("KH", "+85591234567", ["091 234 567", "091-234-567", "+855 91 234 567", "+855 (0)91 234 567",
                            "001 855 91 234 567", "855 91 234 567"]),
    ("KH", "+85523756789", ["023 756 789", "+855 23 756 789"]),
    ("MM", "+9592123456", ["09 212 3456", "09-2123456", "+95 9 212 3456", "00 95 9 212 3456", "959 212 3456"]),
    ("PH", "+639051234567", ["0905 123 4567", "0905-123-4567", "+63 905 123 4567", "00 63 905 123 4567",
                             "63 905 123 4567", "+63 (0) 905 123 4567"]),
    ("PH", "+63232345678", ["(02) 3234 5678", "+63 2 3234 5678"]),
]


@pytest.mark.parametrize("country,e164,spellings", SPELLINGS, ids=[f"{c}-{e}" for c, e, _ in SPELLINGS])
def test_phone_spellings_give_one_e164(pn, country, e164, spellings):
    got = rl.io.normalize_phones(spellings, country=country)
    assert got.tolist() == [e164] * len(spellings)
    assert got.attrs["invalid"] == []
    assert got.dtype == object
    # with a '+' the country does not matter; E.164 in, the same out
    assert rl.io.normalize_phones([e164], country="DE").tolist() == [e164]
    assert rl.io.normalize_phones([e164]).tolist() == [e164]
    assert rl.io.normalize_phones(got).tolist() == got.tolist()


def test_phones_abroad_and_lowercase_country(pn):
    # a Thai export calling Germany through Thailand's international prefix 001
    got = rl.io.normalize_phones(["001 49 151 12345678", "+49 151 1234 5678", "0812345678"], country="th")
    assert got.tolist() == ["+4915112345678", "+4915112345678", "+66812345678"]


def test_phone_index_name_and_missing_values_kept(pn):
    s = pd.Series(["+49 151 1234 5678", None, np.nan, pd.NA, "", "  ", "0151 12345678"],
                  index=list("abcdefg"), name="caller", dtype=object)
    got = rl.io.normalize_phones(s, country="DE")
    assert got.index.equals(s.index) and got.name == "caller"
    assert got["a"] == got["g"] == "+4915112345678"
    assert got["b"] is None and got["c"] is np.nan and got["d"] is pd.NA
    assert got["e"] == "" and got["f"] == "  "
    assert got.attrs["invalid"] == []
    # pandas' string dtype (missing as NaN), a numpy array, a tuple
    text = pd.Series(["+66 81 234 5678", None], dtype="string")
    assert rl.io.normalize_phones(text).iloc[0] == "+66812345678" and pd.isna(rl.io.normalize_phones(text).iloc[1])
    assert rl.io.normalize_phones(np.array(["+66 81 234 5678"], dtype=object)).tolist() == ["+66812345678"]
    assert rl.io.normalize_phones(("+66 81 234 5678",)).index.equals(pd.RangeIndex(1))
    assert rl.io.normalize_phones([]).tolist() == []


GARBAGE = [
    ("abc", "contains letters"),
    ("0800-FLOWERS", "contains letters"),
    ("+49 151 12345678 ext. 5", "contains letters"),
    ("*123#", "service code"),
    ("110", "short code or service number of DE"),
    ("112", "short code or service number of DE"),
    ("+4912", "read as +4912, not a valid number of DE"),
    ("12", "not a valid number"),
    ("+49 151 1234 5678 9999", "not a valid number of DE"),
    ("+", "not a phone number"),
    ("--", "not a phone number"),
]


def test_garbage_is_kept_unchanged_and_listed(pn):
    values = [v for v, _ in GARBAGE] + ["0151 12345678"]
    got = rl.io.normalize_phones(pd.Series(values, index=[f"r{i}" for i in range(len(values))]),
                                 country="DE", errors="keep")
    assert got.tolist()[:-1] == [v for v, _ in GARBAGE] and got.iloc[-1] == "+4915112345678"
    bad = got.attrs["invalid"]
    assert [b.position for b in bad] == list(range(len(GARBAGE)))
    assert [b.label for b in bad] == [f"r{i}" for i in range(len(GARBAGE))]
    for b, (value, reason) in zip(bad, GARBAGE):
        assert b.value == value and reason in b.reason, (value, b.reason)
    table = pd.DataFrame(bad)
    assert list(table.columns) == ["position", "label", "value", "reason"]


def test_short_codes_in_south_east_asia_are_not_mangled(pn):
    got = rl.io.normalize_phones(["1599", "191", "1818"], country="TH", errors="keep")
    assert got.tolist() == ["1599", "191", "1818"]
    assert len(got.attrs["invalid"]) == 3


def test_leading_zeros_and_plus_kept_as_text(pn):
    values = ["0049 12", "+4912", "007", "00", "+0", "0151 12345678"]
    got = rl.io.normalize_phones(values, errors="keep")      # no country: only '+' numbers can be valid
    assert got.tolist() == values
    assert [b.value for b in got.attrs["invalid"]] == values
    assert "pass country=" in got.attrs["invalid"][0].reason


def test_errors_raise_names_count_positions_and_reasons(pn):
    values = ["+4915112345678", "110", "abc"] + ["x"] * 6
    with pytest.raises(ValueError) as err:
        rl.io.normalize_phones(values, country="DE")
    msg = str(err.value)
    assert msg.startswith("8 of 9 values are not valid phone numbers (errors='keep' keeps them unchanged")
    assert "position 1 '110': a short code" in msg and "position 2 'abc': contains letters" in msg
    assert "and 3 more" in msg and "label" not in msg
    with pytest.raises(ValueError, match=r"position 0 \(label 'k'\) '110'"):
        rl.io.normalize_phones(pd.Series(["110"], index=["k"]), country="DE")


def test_numbers_are_refused(pn):
    for col in (pd.Series([4915112345678, 66812345678]), pd.Series([4915112345678.0, np.nan]),
                np.array([151, 152])):
        for errors in ("raise", "keep"):
            with pytest.raises(ValueError, match="given as numbers .*dtype=str.*leading 0"):
                rl.io.normalize_phones(col, country="DE", errors=errors)
    # a number among text is one invalid value, never converted
    got = rl.io.normalize_phones(pd.Series(["0151 12345678", 4915112345678], dtype=object), country="DE",
                                 errors="keep")
    assert got.tolist() == ["+4915112345678", 4915112345678]
    assert "not text but int" in got.attrs["invalid"][0].reason


def test_international_reads_msisdn(pn):
    cdr = ["4915112345678", "66812345678", "0151 12345678", "+85591234567"]
    assert rl.io.normalize_phones(cdr, country="DE", international=True).tolist() == [
        "+4915112345678", "+66812345678", "+4915112345678", "+85591234567"]
    # without it the digits are a German national number (documented)
    assert rl.io.normalize_phones(cdr[:1], country="DE").tolist() == ["+494915112345678"]
    with pytest.raises(ValueError, match="pass country="):
        rl.io.normalize_phones(["0151 12345678"], international=True)


def test_phone_argument_errors(pn):
    with pytest.raises(ValueError, match="errors must be 'raise' or 'keep'"):
        rl.io.normalize_phones(["+4915112345678"], errors="ignore")
    with pytest.raises(ValueError, match="country='XX' is not a region"):
        rl.io.normalize_phones(["0151 12345678"], country="XX")
    with pytest.raises(ValueError, match="not one str"):
        rl.io.normalize_phones("+4915112345678")


def test_missing_phonenumbers_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "phonenumbers", None)      # import phonenumbers raises ImportError
    with pytest.raises(ImportError, match=r"pip install 'ringleader\[ids\]'"):
        rl.io.normalize_phones(["+4915112345678"])


def test_ids_extra_is_declared_and_installed_by_ci():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    extras = pyproject.split("[project.optional-dependencies]")[1].split("\n[")[0]
    assert 'ids = ["phonenumbers>=8.13"]' in extras.splitlines()
    assert '"phonenumbers>=8.13"' in (ROOT / "scripts" / "install-deps.sh").read_text(encoding="utf-8")


# ---- IBANs ----------------------------------------------------------------------------
VALID_IBANS = ["DE89370400440532013000", "GB82WEST12345698765432", "BE68539007547034", "NL91ABNA0417164300",
               "FR1420041010050500013M02606", "CH9300762011623852957", "NO9386011117947",
               "MT84MALT011000012345MTLCAST001S"]


def test_valid_ibans_in_several_spellings():
    assert rl.io.normalize_ibans(VALID_IBANS).tolist() == VALID_IBANS
    spelled = ["de89 3704 0044 0532 0130 00", "DE89-3704-0044-0532-0130-00", " de89370400440532013000 ",
               "IBAN DE89 3704 0044 0532 0130 00", "iban: DE89370400440532013000",
               "DE89\u00a03704\u00a00044 0532 0130 00", "gb82 west 1234 5698 7654 32"]
    got = rl.io.normalize_ibans(pd.Series(spelled, name="account"))
    assert got.tolist() == ["DE89370400440532013000"] * 6 + ["GB82WEST12345698765432"]
    assert got.name == "account" and got.attrs["invalid"] == []


INVALID_IBANS = [
    ("DE89370400440532013001", "wrong check digits"),
    ("DE89370400440532031000", "wrong check digits"),          # two digits swapped
    ("GB82WEST12345698765433", "wrong check digits"),
    ("de8937040044053201300", "DE IBANs have 22 characters, this one 21"),
    ("DE893704004405320130000", "this one 23"),
    ("XX89370400440532013000", "no IBANs in 'XX'"),
    ("TH89370400440532013000", "no IBANs in 'TH'"),            # Thailand has no IBANs
    ("123-456-7890", "not an IBAN"),
    ("DE8937040044053201300Ä", "not an IBAN"),
    ("DE89 3704 0044 0532 0130 00 / x", "not an IBAN"),
]


def test_invalid_ibans_kept_unchanged_and_listed():
    values = [v for v, _ in INVALID_IBANS] + [None, "", "de89 3704 0044 0532 0130 00"]
    got = rl.io.normalize_ibans(values, errors="keep")
    assert got.tolist() == values[:-1] + ["DE89370400440532013000"]
    bad = got.attrs["invalid"]
    assert [b.position for b in bad] == list(range(len(INVALID_IBANS)))
    for b, (value, reason) in zip(bad, INVALID_IBANS):
        assert b.value == value and reason in b.reason, (value, b.reason)
    with pytest.raises(ValueError, match=r"^10 of 13 values are not valid IBANs .*position 0 "
                                         r"'DE89370400440532013001': wrong check digits"):
        rl.io.normalize_ibans(values)


def check_digits(country: str, bban: str) -> str:
    """ISO 13616 check digits, computed from the definition (the verifier)."""
    digits = "".join(str(int(c, 36)) for c in bban + country) + "00"
    return f"{98 - int(digits) % 97:02d}"


def test_iban_check_digits_never_issued():
    assert check_digits("DE", "370400440532013000") == "89"
    # check digits 98 and 97 have twins 01 and 00 that pass mod 97: never issued, refused
    for want, twin in (("98", "01"), ("97", "00")):
        bban = next(f"{n:018d}" for n in range(10**4) if check_digits("DE", f"{n:018d}") == want)
        assert rl.io.normalize_ibans([f"DE{want}{bban}"]).tolist() == [f"DE{want}{bban}"]
        bad = rl.io.normalize_ibans([f"DE{twin}{bban}"], errors="keep").attrs["invalid"]
        assert len(bad) == 1 and "wrong check digits" in bad[0].reason
    # every other check digit of a valid IBAN is wrong
    for d in range(100):
        iban = f"DE{d:02d}370400440532013000"
        assert (rl.io.normalize_ibans([iban], errors="keep").attrs["invalid"] == []) == (d == 89)


def test_iban_registry_and_numbers_refused():
    assert len(IBAN_LENGTHS) == 89 and IBAN_LENGTHS["DE"] == 22 and IBAN_LENGTHS["NO"] == 15
    assert IBAN_LENGTHS["RU"] == 33 and IBAN_LENGTHS["LC"] == 32
    with pytest.raises(ValueError, match="given as numbers"):
        rl.io.normalize_ibans(pd.Series([1.0, 2.0]))
    with pytest.raises(ValueError, match="errors must be"):
        rl.io.normalize_ibans(VALID_IBANS, errors="coerce")


# ---- duplicate records -----------------------------------------------------------
def calls_table():
    return pd.DataFrame({
        "caller": ["+49 151 1234 5678", "+66 81 234 5678", "0151 12345678", "0049151 12345678", "+85591234567"],
        "callee": ["+66 81 234 5678", "+4915112345678", "+66812345678", "+66 (0)81 234 5678", "+9592123456"],
        "start": ["2024-03-01 10:00:00", "2024-03-01 10:00:00", "2024-03-01T12:00:00+02:00", "1709287200",
                  "2024-03-01 10:00:00"],
        "duration": [61, 60, 60, 59, 10],
    })


def test_calls_exported_twice_are_found_with_lines(pn):
    d = rl.io.duplicates(calls_table(), ["caller", "callee", "start"], phones=["caller", "callee"],
                         country="DE", times=["start"], table="calls")
    assert d.index.tolist() == [0, 2, 3]
    assert d["group"].tolist() == [0, 0, 0] and d["line"].tolist() == [2, 4, 5]
    assert d["repeat"].tolist() == [False, True, True]
    assert list(d.columns) == ["group", "line", "repeat", "caller", "callee", "start"]
    assert d["caller"].tolist() == ["+49 151 1234 5678", "0151 12345678", "0049151 12345678"]  # as in df
    assert d.attrs["summary"] == "2 duplicate records in table calls: lines 2, 4 and 5"
    # compared as written, the spellings differ: no duplicates
    plain = rl.io.duplicates(calls_table(), ["caller", "callee", "start"], table="calls")
    assert plain.empty and list(plain.columns) == ["group", "line", "repeat", "caller", "callee", "start"]
    assert plain.attrs["summary"] == "no duplicate records in table calls"


def transfers_table():
    return pd.DataFrame({
        "from": ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "de89370400440532013000",
                 "DE89370400440532013000", "DE89370400440532013000", "DE89370400440532013000"],
        "to": ["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "GB82WEST12345698765432",
               "GB82WEST12345698765432", "GB82WEST12345698765432", "GB82WEST12345698765432"],
        "amount": [100.0, 100.0, 100.0, 100.0, 250.0, 100.0],
        "date": ["2024-03-01", "2024-03-01", "2024-03-01T23:30:00+07:00", "2024-03-01", "2024-03-01",
                 "2024-03-01"],
        "reference": ["INV 7", "INV 7", "INV 7", "INV 8", "INV 7", None],
    }, index=[f"t{i}" for i in range(6)])


def test_transfers_same_accounts_amount_date_reference():
    t = transfers_table()
    d = rl.io.duplicates(t, ["from", "to", "amount", "date", "reference"], ibans=["from", "to"], dates=["date"],
                         table="transfers")
    # t0 and t2: the same after normalisation (the local date as written, not UTC);
    # t1 reversed, t3 another reference, t4 another amount, t5 no reference
    assert d.index.tolist() == ["t0", "t2"] and d["line"].tolist() == [2, 4]
    assert d.attrs["summary"] == "1 duplicate record in table transfers: lines 2 and 4"
    # missing equals missing, numbers compare as numbers
    t2 = pd.concat([t, t.iloc[[5]].rename(index={"t5": "t6"})])
    t2["amount"] = t2["amount"].astype(object)
    t2.loc["t6", "amount"] = 100
    d2 = rl.io.duplicates(t2, ["from", "to", "amount", "date", "reference"], ibans=["from", "to"], dates=["date"])
    assert d2.index.tolist() == ["t0", "t2", "t5", "t6"] and d2["group"].tolist() == [0, 0, 1, 1]
    assert d2.attrs["summary"] == "2 duplicate records: lines 2 and 4; lines 7 and 8"


def test_times_and_dates_compare_by_their_meaning():
    df = pd.DataFrame({"t": ["2024-03-01 10:00:00", "2024-03-01T10:00:00Z", pd.Timestamp("2024-03-01 10:00"),
                             1709287200, "yesterday", "yesterday", None, np.nan]})
    d = rl.io.duplicates(df, times=["t"], first_line=0)
    assert d["line"].tolist() == [0, 1, 2, 3, 4, 5, 6, 7] and d["group"].tolist() == [0, 0, 0, 0, 1, 1, 2, 2]
    days = pd.DataFrame({"d": ["2024-03-01", "2024-03-01T23:59:00+07:00", pd.Timestamp("2024-03-01 08:00"),
                               "1709287200", "2024-03-02"]})
    assert rl.io.duplicates(days, dates=["d"])["line"].tolist() == [2, 3, 4, 5]


def test_line_numbers_match_the_file(tmp_path):
    rows = ["a,b,2024-03-01", "c,d,2024-03-02", "a,b,2024-03-01", "e,f,2024-03-03", "c,d,2024-03-02",
            "a,b,2024-03-01"]
    path = tmp_path / "calls.csv"
    path.write_text("caller,callee,start\n" + "\n".join(rows) + "\n", encoding="utf-8")
    d = rl.io.duplicates(pd.read_csv(path, dtype=str), table="calls")
    lines = path.read_text(encoding="utf-8").splitlines()
    for group in d.groupby("group"):
        texts = {lines[n - 1] for n in group[1]["line"]}
        assert len(texts) == 1                                   # the lines named hold the same record
    assert d.attrs["summary"] == "3 duplicate records in table calls: lines 2, 4 and 7; lines 3 and 6"


def test_summary_names_ten_groups_at_most():
    df = pd.DataFrame({"x": [str(i % 12) for i in range(24)]})
    d = rl.io.duplicates(df)
    assert d["group"].max() == 11 and d["repeat"].sum() == 12
    assert d.attrs["summary"].startswith("12 duplicate records: lines 2 and 14; lines 3 and 15;")
    assert d.attrs["summary"].endswith("; lines 11 and 23; and 2 more groups")
    assert rl.io.duplicates(df.iloc[:0]).attrs["summary"] == "no duplicate records"


def test_duplicates_argument_errors():
    df = pd.DataFrame({"a": ["1", "1"], "line": ["x", "x"]})
    with pytest.raises(ValueError, match="must be a pandas DataFrame"):
        rl.io.duplicates([["1"]])
    with pytest.raises(ValueError, match="no column 'b'"):
        rl.io.duplicates(df, ["a", "b"])
    with pytest.raises(ValueError, match="no columns to compare"):
        rl.io.duplicates(df, [])
    with pytest.raises(ValueError, match="ibans= names 'line', which is not among the compared columns"):
        rl.io.duplicates(df, "a", ibans=["line"])
    with pytest.raises(ValueError, match="in both times= and dates="):
        rl.io.duplicates(df, "a", times=["a"], dates=["a"])
    with pytest.raises(ValueError, match="would clash with the result's column"):
        rl.io.duplicates(df)
    with pytest.raises(ValueError, match="column 'n': the IBANs are given as numbers"):
        rl.io.duplicates(pd.DataFrame({"n": [1, 1]}), ibans=["n"])
    with pytest.raises(ValueError, match="first_line must be an int >= 0"):
        rl.io.duplicates(df, "a", first_line=-1)
    assert rl.io.duplicates(df, "a")["line"].tolist() == [2, 3]
