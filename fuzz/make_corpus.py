#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target: python3 fuzz/make_corpus.py OUTDIR.

Seeds are the string literals of the parser's tests (tests/cpp/io/test_*.cpp;
adjacent literals joined, escapes decoded), the bundled sample files (cut to a
few kilobytes so libFuzzer's input length stays small) and the checked-in
inputs of fuzz/corpus/<target>/ (hand-made seeds and every input a campaign
found; for the binary format, whose seeds are small .rlnet files only, also
tests/fixtures/binary/).  OUTDIR/<target>/ is created afresh, one file per seed, named by hash.
"""
import hashlib
import pathlib
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "cpp" / "io"
TARGETS = {  # target: test file whose literals seed it
    "csv_edges": "test_csv.cpp",
    "csv_pair": "test_csv.cpp",
    "graphml": "test_graphml.cpp",
    "pajek": "test_pajek.cpp",
    "edgelist": "test_edgelist.cpp",
    "matrix": "test_matrix.cpp",
    "ucinet": "test_ucinet.cpp",
    "binary": None,  # seeds: the files of fuzz/corpus/binary/ (a C++ literal is no .rlnet file)
    "binary_table": None,  # seeds: those files as table NUL payload, and fuzz/corpus/binary_table/
    "case": None,  # the Python target fuzz/fuzz_case.py: seeds in fuzz/corpus/case/
}
SIMPLE = {"n": b"\n", "r": b"\r", "t": b"\t", '"': b'"', "'": b"'", "\\": b"\\", "?": b"?", "a": b"\a",
          "b": b"\b", "f": b"\f", "v": b"\v"}
TOKEN = re.compile(r'R"([^(\s]*)\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"|//[^\n]*|/\*.*?\*/|\'(?:[^\'\\]|\\.)*\'|(\s+)|(.)',
                   re.S)


def decode(body):
    out, i = bytearray(), 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        e = body[i + 1]
        if e in SIMPLE:
            out += SIMPLE[e]
            i += 2
        elif e == "x":
            m = re.match(r"[0-9A-Fa-f]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif e in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            out += e.encode()
            i += 2
    return bytes(out)


def literals(path):
    """Every string literal of a C++ file, adjacent literals joined."""
    found, cur = [], None
    for m in TOKEN.finditer(path.read_text(encoding="utf-8")):
        if m.group(2) is not None or m.group(3) is not None:
            piece = m.group(2).encode() if m.group(2) is not None else decode(m.group(3))
            cur = piece if cur is None else cur + piece
        elif m.group(4) is not None or m.group(0).startswith(("//", "/*")):
            continue  # blanks and comments keep adjacent literals together
        else:
            if cur is not None:
                found.append(cur)
            cur = None
    if cur is not None:
        found.append(cur)
    return [s for s in found if len(s) >= 3 and not s.startswith(b"[")]  # drop Catch2 tags


def head_lines(path, n):
    return b"".join(path.read_bytes().splitlines(keepends=True)[:n])


def sample_pair():
    edges = head_lines(ROOT / "examples" / "sample" / "edges.csv", 40)
    ids = set()
    for line in edges.splitlines()[1:]:
        ids.update(line.split(b",")[:2])
    node_lines = (ROOT / "examples" / "sample" / "nodes.csv").read_bytes().splitlines(keepends=True)
    nodes = node_lines[0] + b"".join(l for l in node_lines[1:] if l.split(b",")[0] in ids)
    return edges, nodes


def split_rlnet(data):
    """A .rlnet file as fuzz_binary_table reads it: section table, NUL, payload."""
    size = int.from_bytes(data[16:24], "little")
    return data[64:64 + size] + b"\0" + data[64 + (size + 63) // 64 * 64:]


def seeds(target):
    lits = literals(TESTS / TARGETS[target]) if TARGETS[target] else []
    out = list(lits)
    if target in ("csv_edges", "csv_pair"):
        edges, nodes = sample_pair()
        out.append(edges)
        if target == "csv_pair":
            out.append(edges + b"\0" + nodes)
            out.append(edges + b"\0+" + nodes)
            # a literal that looks like an edge file followed by one that looks like a node file
            out += [a + b"\0" + b for a, b in zip(lits, lits[1:]) if b.startswith(b"id")]
    if target == "binary":  # and the golden file of the format's tests
        out += [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures" / "binary").glob("*.rlnet"))]
    if target == "binary_table":  # each .rlnet file as its section table, a NUL, its payload
        files = sorted((ROOT / "fuzz" / "corpus" / "binary").iterdir()) + sorted(
            (ROOT / "tests" / "fixtures" / "binary").glob("*.rlnet"))
        out += [split_rlnet(p.read_bytes()) for p in files if p.is_file()]
    if target == "matrix":
        out += [p.read_bytes() for p in sorted((ROOT / "examples" / "data" / "caviar").glob("phase*.csv"))[:3]]
    fixed = ROOT / "fuzz" / "corpus" / target
    if fixed.is_dir():
        out += [p.read_bytes() for p in sorted(fixed.iterdir()) if p.is_file()]
    return out


def main():
    outdir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build/fuzz/corpus")
    for target in (sys.argv[2:] or TARGETS):
        d = outdir / target
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        items = seeds(target)
        for s in items:
            (d / hashlib.sha1(s).hexdigest()).write_bytes(s)
        print(f"{target}: {len(set(items))} seeds in {d}")


if __name__ == "__main__":
    main()
