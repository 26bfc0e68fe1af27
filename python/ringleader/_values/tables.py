"""Delimited text files as DataFrames of strings: gzip, encodings, RFC 4180
records with their line numbers.  Part of :mod:`ringleader._values`."""
from __future__ import annotations

import codecs
import csv
import io
import os
import stat
import zlib
import gzip
from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .where import Where, check_options, delimiter_hint, parse_error


# ---- text tables ----------------------------------------------------------------
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def check_regular(path: str, shown: Optional[str] = None) -> None:
    """ParseError naming the file when it is a directory or not a regular
    file (a FIFO, a device such as /dev/zero, a socket), as the C++ readers
    say it, without opening it (opening a FIFO would wait for a writer); a
    path that cannot be stat'ed passes (opening it reports why).  ``shown``
    names the file in the error (default ``path``)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return
    if stat.S_ISDIR(mode):
        raise parse_error(shown or path, 0, "is a directory, not a file: give the path of the file to read")
    if not stat.S_ISREG(mode):
        kind = next((k for test, k in _KINDS if test(mode)), "not a file")
        raise parse_error(shown or path, 0, f"is not a regular file ({kind}): its size is unknown and it may never end, so "
                                   "it is not read; copy the data into a file and give that file's path")


def read_bytes(path: str) -> bytes:
    """The file's bytes, gzip decompressed (by magic bytes, as the C++ readers);
    only regular files (:func:`check_regular`), their size checked against
    the memory limit before reading and again should the file outgrow it."""
    check_regular(path)
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            _core.reserve_check(size, path + ": the file's contents")
            data = f.read(size) if size else b""
            more = f.read(1 << 20)
            if more:  # it grew (or /proc's size 0): check each step
                buf = bytearray(data)
                while more:
                    _core.reserve_check(len(buf) + len(more), path + ": the file's contents")
                    buf += more
                    more = f.read(1 << 20)
                data = bytes(buf)
    except OSError as e:
        raise parse_error(path, 0, f"cannot open file: {e.strerror or e}") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            raise parse_error(path, 0, "truncated or corrupt gzip file") from None
        _core.reserve_check(len(data), path + ": the decompressed file")
    return data


def _bom_encoding(data: bytes) -> Optional[str]:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode_text(data: bytes, name: str, encoding: Optional[str] = None) -> str:
    """``data`` as text: ``encoding=None`` is UTF-8 with or without BOM, or
    UTF-16 by its BOM; else the encoding given (a leading BOM is dropped).
    A byte that is not valid in the encoding is a ParseError at its line."""
    bom = _bom_encoding(data)
    if encoding is None:
        enc = bom or "utf-8"
    else:
        enc = codecs.lookup(encoding).name
        if bom and not enc.startswith("utf"):
            raise parse_error(name, 1, f"the file starts with a {bom.removesuffix('-sig').upper()} byte-order "
                                       f"mark, so it is not {encoding}: leave out encoding=")
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        line = data[:e.start].decode(enc, errors="replace").count("\n") + 1
        what = "invalid UTF-8" if enc.startswith("utf-8") else f"byte 0x{data[e.start]:02x} is not valid {enc}"
        hint = ("re-save the file as UTF-8, or pass its encoding (encoding='cp1252' for Excel on Windows, "
                "'latin-1', 'utf-16')" if encoding is None else "check encoding=")
        raise parse_error(name, line, f"{what}: {hint}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _check_nul(text: str, name: str) -> None:
    at = text.find("\0")
    if at < 0:
        return
    hint = ""
    if text.count("\0") * 3 > len(text):
        hint = " (or UTF-16 without a byte-order mark: pass encoding='utf-16-le')"
    raise parse_error(name, text.count("\n", 0, at) + 1, "NUL byte: this looks like a binary file, not text" + hint)


def _width_error(name: str, line: int, rec: list, header: list):
    hint = delimiter_hint(header) or " (quote fields that contain the delimiter)"
    return parse_error(name, line, f"this line has {len(rec)} fields, the header has {len(header)}" + hint)


def _split_records(text: str, name: str, delimiter: str):
    """:func:`_records` of a text without quotes: every line end (LF, CRLF,
    CR) ends a record and fields are split at the delimiter, as the C++
    reader does, faster than the csv module."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    all_lines = text.split("\n")
    lines = [i + 1 for i, line in enumerate(all_lines) if line]
    rows = [all_lines[i - 1].split(delimiter) for i in lines]
    if rows and any(len(r) != len(rows[0]) for r in rows):
        k = next(k for k, r in enumerate(rows) if len(r) != len(rows[0]))
        raise _width_error(name, lines[k], rows[k], rows[0])
    return rows, lines


def _records(text: str, name: str, delimiter: str):
    """``(records, first lines)`` of the non-blank records; the field count
    checked against the first record (the header)."""
    if '"' not in text:
        return _split_records(text, name, delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, lines, prev = [], [], 0
    try:
        for rec in reader:
            if rec:
                if rows and len(rec) != len(rows[0]):
                    raise _width_error(name, prev + 1, rec, rows[0])
                rows.append(rec)
                lines.append(prev + 1)
            prev = reader.line_num
    except csv.Error as e:
        what = str(e)
        if "unexpected end of data" in what:
            what = "unterminated quoted field (a '\"' opened here is never closed)"
        elif "expected after" in what:
            what = "unexpected character after a closing quote (quote the whole field and double inner quotes)"
        raise parse_error(name, prev + 1, what) from None
    return rows, lines


def _header(fields: list, name: str, line: int) -> list:
    names = [f.lstrip(" \t").rstrip(" \t\r") for f in fields]
    seen = set()  # O(k) for a header of k columns
    for i, n in enumerate(names):
        if not n:
            raise parse_error(name, line, f"empty column name in the header (field {i + 1})")
        if n in seen:
            raise parse_error(name, line, f"column '{n}' appears twice in the header")
        seen.add(n)
    return names


def read_text_table(path, *, delimiter: str = ",", encoding: Optional[str] = None) -> pd.DataFrame:
    """A delimited text file as a DataFrame of strings, nothing converted.

    Parameters
    ----------
    path : path-like
        The file; gzip (by its magic bytes) is decompressed.
    delimiter : str, default ","
        One character.
    encoding : str or None, default None
        None: UTF-8 with or without BOM, or UTF-16 with BOM; otherwise a
        Python codec name ("cp1252", "utf-16", "latin-1", ...).

    Returns a DataFrame whose columns are the header's names (surrounding
    spaces trimmed) and whose index, named ``line``, is the 1-based line on
    which each record starts (header = line 1), for error messages (see
    :class:`Where`).  Every value is a string as written ("" when empty; ids
    such as ``+49...`` and ``0151...`` stay as they are).  RFC 4180 quoting,
    LF, CRLF or CR line ends, blank lines skipped.  Raises ParseError naming
    file and line: missing file, corrupt gzip, bytes invalid in the encoding
    (with the encodings to try), NUL bytes, an empty file or header name, a
    name twice, a record with another number of fields than the header,
    unterminated quotes.

    >>> calls = read_text_table("calls.csv", delimiter=";", encoding="cp1252")  # doctest: +SKIP
    """
    name = os.fspath(path)
    check_options(delimiter=delimiter, encoding=encoding)
    text = decode_text(read_bytes(name), name, encoding)
    _check_nul(text, name)
    rows, lines = _records(text, name, delimiter)
    if not rows:
        raise parse_error(name, 1, "empty file: expected a header line")
    names = _header(rows[0], name, lines[0])
    body = rows[1:]
    data = {n: np.array([r[j] for r in body], dtype=object) for j, n in enumerate(names)}
    index = pd.Index(np.asarray(lines[1:], dtype=np.int64), name="line")
    table = pd.DataFrame(data, index=index, columns=names, dtype=object)
    table.attrs["header_line"] = lines[0]
    return table


def where_of(table: pd.DataFrame, source: str) -> Where:
    """The :class:`Where` of a table from :func:`read_text_table`."""
    return Where(str(source), "", table.index.to_numpy(), int(table.attrs.get("header_line", 1)))


