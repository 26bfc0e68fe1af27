#!/usr/bin/env python3
"""Fuzz target for the Python case and column-mapping loaders (atheris).

Each input is decoded, byte by byte, into a small text table of messy values
(ids with blanks, quotes, delimiters, control characters and non-ASCII;
numbers with decimal commas, ``nan``, ``inf``, ``1e400``; times day-first,
ISO 8601 with zones, Unix seconds, out of range) and a set of options, then
read one of three ways: ``rl.read_csv`` with column mapping (``source=``,
``timestamp=``, ``dayfirst``, ``decimal``, ``tz``, ``time_format``,
``encoding``, ...), ``rl.read_case`` from a dict naming the table (random
kind, keys and value rules), or ``rl.Network.from_pandas`` through
``read_case``'s dict with a second table.

What counts as a finding: any exception other than the documented ones,
whose exact type must be one of ``rl.ParseError``, ``rl.InvalidArgumentError``,
``ValueError``, ``TypeError``, ``ImportError`` (a missing extra) or
``rl.MemoryLimitError``; a subclass such as ``UnicodeDecodeError``, pandas'
``OutOfBoundsDatetime`` or ``ParserError`` is a raw internal error leaking
and fails the run.  Warnings (skipped rows, duplicate records) are expected.

Run (scripts/fuzz.sh runs it as the target ``case`` with the same seconds
budget as the libFuzzer targets)::

    python3 fuzz/fuzz_case.py CORPUS_DIR -max_total_time=30     # atheris, coverage-guided
    python3 fuzz/fuzz_case.py --random 30 [SEED [PREFIX]]         # no atheris: random inputs

Without atheris (``pip install atheris``; wheels for CPython 3.8-3.11 on
x86-64 Linux) the same harness runs under ``--random``: inputs drawn from a
seeded generator for the given seconds, each checked as above (no coverage
guidance).  A failing input is written to ``PREFIX + crash-<sha1>`` (the
current folder by default; ``-artifact_prefix`` under atheris) and replayed with
``python3 fuzz/fuzz_case.py FILE``.
"""
from __future__ import annotations

import hashlib
import os
import random
import sys
import tempfile
import time
import warnings

try:
    import atheris
except ImportError:  # the --random driver below needs no atheris
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["ringleader"]):
        import ringleader as rl
else:
    import ringleader as rl

ALLOWED = (rl.ParseError, rl.InvalidArgumentError, ValueError, TypeError, ImportError, rl.MemoryLimitError)

IDS = ["a", "b", "c", " a", "a ", "+49 151 1234567", "0049151", "015112345678", "", "   ", '"q,uo""te"',
       "x\x1b[2J", "é", "\u2028", "\U0001F642", "\ud83d", "nan", "None", "1", "1.0", "a;b", "a\tb", "#", "=cmd"]
NUMBERS = ["1", "2.5", "1,5", "1.234,56", "-3", "0", "nan", "inf", "-inf", "1e400", "1e-400", "", " 7 ", "x",
           "1_000", "0x10", "١٢"]
TIMES = ["2024-01-02T03:04:05Z", "2024-01-02 03:04:05+02:00", "13.01.2024 10:00", "01/13/2024", "1700000000",
         "1700000000.5", "2262-04-11T23:47:17Z", "1677-01-01", "9999-12-31", "0", "-1", "", "yesterday",
         "2024-02-30", "2024-03-31 02:30", "1e20"]
HEADERS = ["source", "target", "caller", "callee", "from", "to", "time", "timestamp", "when", "weight", "amount",
           "eur", "type", "duration", "cell", "imei", "person", "phone", "account", "venue", "id", "label",
           "name", "", " ", "source", "x,y", 'q"h', "ü"]
KINDS = ["calls", "transfers", "uses", "owns", "meets", "presence", "persons", "phones", "accounts", "venues",
         "cells", "devices", "cals"]
KEYS = ["source", "target", "person", "phone", "account", "venue", "cell", "time", "duration", "imei", "amount",
        "id", "label", "tz", "dayfirst", "decimal", "encoding", "delimiter", "time_format", "international",
        "country", "normalize", "skip_missing", "attributes", "sheet", "name", "tiem"]
TZS = [None, "UTC", "Europe/Berlin", "Asia/Bangkok", "Mars/Olympus", "+02:00", ""]
FORMATS = [None, "%d.%m.%Y %H:%M", "%Y", "%s", "%Q", ""]
ENCODINGS = [None, "utf-8", "cp1252", "utf-16", "latin-1", "no-such-codec"]
DELIMITERS = [",", ";", "\t", "|", "§", ",,", ""]


class Draw:
    """Choices read from the input's bytes (0 once they run out): the same
    bytes always give the same table and options."""

    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def byte(self) -> int:
        b = self.data[self.at] if self.at < len(self.data) else 0
        self.at += 1
        return b

    def pick(self, items):
        return items[self.byte() % len(items)]

    def flag(self) -> bool:
        return bool(self.byte() & 1)

    def text(self, pool) -> str:
        """A pooled value, or (1 in 8) raw bytes of the input as text."""
        if self.byte() % 8:
            return self.pick(pool)
        n = self.byte() % 12
        raw = bytes(self.byte() for _ in range(n))
        return raw.decode("utf-8", "surrogateescape") if self.flag() else raw.decode("latin-1")


def _cell(v: str, delimiter: str) -> str:
    if any(c in v for c in (delimiter or ",") + '"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def make_table(d: Draw, delimiter: str):
    """Header names and rows of a text table of messy values."""
    ncols = 1 + d.byte() % 5
    header = [d.text(HEADERS) for _ in range(ncols)]
    rows = []
    for _ in range(d.byte() % 6):
        row = []
        for name in header:
            pool = TIMES if name in ("time", "timestamp", "when") else NUMBERS if name in (
                "weight", "amount", "eur", "duration") else IDS
            row.append(d.text(pool))
        if d.byte() % 7 == 0:
            row = row[:-1] if d.flag() else row + ["extra"]
        rows.append(row)
    lines = [delimiter.join(_cell(h, delimiter) for h in header)]
    lines += [delimiter.join(_cell(v, delimiter) for v in r) for r in rows]
    return header, "\n".join(lines) + ("\n" if d.flag() else "")


def write(path: str, text: str, encoding) -> None:
    """Writes `text` in `encoding` (raw input bytes back as they were, lone
    surrogates as their ill-formed UTF-8, characters the codec lacks as ?)."""
    try:
        data = text.encode(encoding or "utf-8", "surrogateescape" if (encoding or "utf-8") == "utf-8" else "replace")
    except LookupError:
        data = text.encode("utf-8", "surrogatepass")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    with open(path, "wb") as f:
        f.write(data)


def via_read_csv(d: Draw, folder: str) -> None:
    delimiter = d.pick(DELIMITERS)
    encoding = d.pick(ENCODINGS)
    header, text = make_table(d, delimiter if len(delimiter) == 1 else ",")
    path = os.path.join(folder, "edges.csv")
    write(path, text, encoding)
    kwargs = {"delimiter": delimiter, "encoding": encoding, "directed": d.flag()}
    for key in ("source", "target", "timestamp", "weight", "amount", "type"):
        if d.byte() % 3 == 0:
            kwargs[key] = d.pick(header + ["nope"])
    if d.flag():
        kwargs["dayfirst"] = d.flag()
    if d.flag():
        kwargs["decimal"] = d.pick([".", ",", "", ".."])
    if d.flag():
        kwargs["tz"] = d.pick(TZS)
    if d.flag():
        kwargs["time_format"] = d.pick(FORMATS)
    rl.read_csv(path, **kwargs)


def via_read_case(d: Draw, folder: str) -> None:
    tables = []
    for i in range(1 + d.byte() % 2):
        delimiter = d.pick([",", ";", "\t"])
        encoding = d.pick(ENCODINGS)
        header, text = make_table(d, delimiter)
        name = f"t{i}.csv"
        write(os.path.join(folder, name), text, encoding)
        spec = {"kind": d.pick(KINDS), "file": name, "delimiter": delimiter}
        if encoding:
            spec["encoding"] = encoding
        for _ in range(d.byte() % 5):
            key = d.pick(KEYS)
            spec[key] = d.pick(header + [True, False, 1, None, "phone", "Europe/Berlin", ",", ["x"]]) \
                if d.flag() else d.pick(header)
        tables.append(spec)
    case = {"tables": tables}
    if d.flag():
        case["case"] = {"directed": d.pick([True, False, "yes"]), "tz": d.pick(TZS), "country": d.pick(
            ["DE", "TH", "", "XX", None]), "dayfirst": d.flag()}
        case["case"] = {k: v for k, v in case["case"].items() if v is not None}
    rl.read_case(case, base=folder)


def check(data: bytes, folder: str) -> None:
    """Runs one input; an exception outside ALLOWED propagates."""
    d = Draw(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            (via_read_case if d.flag() else via_read_csv)(d, folder)
        except ALLOWED as e:
            if type(e) not in ALLOWED:  # a subclass: an internal error leaking
                raise
            str(e)  # the message must be printable


def random_driver(seconds: float, seed: int, folder: str, prefix: str = "") -> int:
    rng = random.Random(seed)
    end, runs = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        data = bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 200)))
        try:
            check(data, folder)
        except Exception:
            name = prefix + "crash-" + hashlib.sha1(data).hexdigest()
            with open(name, "wb") as f:
                f.write(data)
            print(f"fuzz_case: input written to {name}", file=sys.stderr)
            raise
        runs += 1
    print(f"stat::number_of_executed_units: {runs}")
    return 0


def main() -> int:
    folder = tempfile.mkdtemp(prefix="rl_fuzz_case_")
    args = sys.argv[1:]
    if args and args[0] == "--random":
        return random_driver(float(args[1]) if len(args) > 1 else 10.0, int(args[2]) if len(args) > 2 else 1, folder,
                             args[3] if len(args) > 3 else "")
    if args and os.path.isfile(args[0]) and atheris is None:
        with open(args[0], "rb") as f:
            check(f.read(), folder)
        return 0
    if atheris is None:
        print("fuzz_case: atheris is not installed (pip install atheris); use --random SECONDS", file=sys.stderr)
        return 2
    atheris.Setup(sys.argv, lambda data: check(data, folder))
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
