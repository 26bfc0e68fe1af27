"""The case file (TOML, or YAML with PyYAML) and the tables it names
(:func:`ringleader.read_case`): where each file
is (paths outside the case's folder refused), and CSV/text, Excel sheets and
Parquet files read as DataFrames of the values as stored, indexed by row
(the line of a text file, header = 1; the sheet's row number; the 1-based
record of a Parquet file), with the :class:`~ringleader._values.Where` that
names table, row and column in errors."""
from __future__ import annotations

import os
import re
import zipfile
from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._values import Where, check_regular, parse_error, read_text_table, where_of

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")


# ---- the case file -------------------------------------------------------------
def _load_toml(path: str) -> dict:
    import tomllib

    check_regular(path)
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise parse_error(path, 0, f"cannot open the case file: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"at line (\d+), column (\d+)", str(e))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        raise parse_error(path, line, f"not a valid TOML case file: {str(e).split(' (at line')[0]}", col) from None


def _load_yaml(path: str) -> dict:
    """The case file in YAML, read with ``yaml.safe_load`` rules (plain data,
    no Python objects); a key given twice in one mapping is refused."""
    try:
        import yaml
    except ImportError:
        raise ImportError("reading a YAML case file needs PyYAML: pip install 'ringleader[yaml]'") from None

    class Loader(yaml.SafeLoader):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(None, None, f"key {key!r} given twice",
                                                            key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    try:
        with open(path, "rb") as f:
            return yaml.load(f, Loader=Loader)
    except OSError as e:
        raise parse_error(path, 0, f"cannot open the case file: {e.strerror or e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        what = getattr(e, "problem", None) or str(e)
        raise parse_error(path, line, f"not a valid YAML case file: {what}", col) from None


def load_case_file(path: str) -> dict:
    """The case file: YAML for ``.yaml``/``.yml``, TOML otherwise."""
    if path.lower().endswith((".yaml", ".yml")):
        return _load_yaml(path)
    return _load_toml(path)


# ---- the tables ------------------------------------------------------------------
def table_path(folder: str, file, allow_outside: bool, table: str) -> str:
    """The path of ``file`` (relative to ``folder``); ``ValueError`` when it
    leads outside ``folder`` (``../x.csv``, an absolute path, a link) unless
    ``allow_outside``."""
    if not isinstance(file, (str, os.PathLike)) or not os.fspath(file):
        raise ValueError(f"table {table}: file = {file!r}: give the table's file, relative to the case file's folder")
    file = os.fspath(file)
    path = os.path.join(folder, file)
    if not allow_outside:
        root = os.path.realpath(folder)
        real = os.path.realpath(path)
        if os.path.isabs(file) or os.path.commonpath([root, real]) != root:
            raise ValueError(f"table {table}: file {file!r} is outside the case file's folder {root}: move it "
                             "into that folder, or pass allow_outside=True (--allow-outside) if you trust the case file")
    return path


#: A workbook member may expand at most this many times its compressed size
#: (a zip bomb expands a thousand times and more; XML sheets of real exports
#: stay far below).
MAX_ZIP_RATIO = 200
#: Bytes a cell of a sheet takes while read (the row tuple, the column array).
CELL_BYTES = 32


def _check_workbook(path: str, shown: str) -> None:
    """Refuses, before openpyxl opens it, a workbook whose zip members declare
    more bytes than the memory limit or expand more than MAX_ZIP_RATIO times
    (zipfile never inflates a member past its declared size)."""
    if not os.path.exists(path):
        raise parse_error(shown, 0, "cannot open file: no such file")
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise parse_error(shown, 0, f"cannot read the workbook: not an .xlsx (zip) file ({e})") from None
    for m in members:
        if m.file_size > 1 << 20 and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
            raise parse_error(shown, 0, f"the workbook's member {m.filename!r} expands from {m.compress_size} to "
                              f"{m.file_size} bytes, more than {MAX_ZIP_RATIO} times (a zip bomb?): save the "
                              "sheet again from the spreadsheet program, or export it as CSV")
    _core.reserve_check(sum(m.file_size for m in members), f"{shown}: the workbook's unpacked contents")


def _sheet_rows(ws, shown: str, sheet_name: str) -> list:
    """The non-blank rows of ``ws`` as ``(row number, values)``.  The cells
    read so far, blank ones included, are checked against the memory limit
    every 65,536 cells: openpyxl pads every row to the sheet's declared
    width, or to its rightmost cell, so a sheet of a few kilobytes can expand
    to a thousand rows of 16,384 columns each."""
    rows, cells, check_at = [], 0, 1 << 16
    for i, r in enumerate(ws.iter_rows(values_only=True), start=1):
        cells += len(r)
        if cells >= check_at:
            _core.reserve_check(CELL_BYTES * cells, f"{shown}: sheet {sheet_name!r}: {cells} cells by row {i} "
                                f"(blank ones included: rows are {len(r)} columns wide)")
            check_at = cells + (1 << 16)
        if any(v is not None and str(v).strip() != "" for v in r):
            rows.append((i, r))
    return rows


def _excel(path: str, sheet: Optional[str], shown: str) -> pd.DataFrame:
    try:
        import openpyxl
    except ImportError:
        raise ImportError(f"{shown}: reading .xlsx needs openpyxl: pip install 'ringleader[excel]'  "
                          "(or pip install openpyxl)") from None
    _check_workbook(path, shown)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise parse_error(shown, 0, f"cannot read the workbook: {e}") from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise ValueError(f"{shown}: no sheet {sheet!r} in the workbook; its sheets: {', '.join(book.sheetnames)}")
        rows = _sheet_rows(ws, shown, ws.title)
    finally:
        book.close()
    if not rows:
        raise parse_error(shown, 1, "empty sheet: expected a header row")
    header_row, header = rows[0]
    names = [("" if v is None else str(v)).strip() for v in header]
    while names and not names[-1]:
        names.pop()
    for i, n in enumerate(names):
        if not n:
            raise parse_error(shown, header_row, f"empty column name in the header (column {i + 1})")
        if n in names[:i]:
            raise parse_error(shown, header_row, f"column '{n}' appears twice in the header")
    body = rows[1:]
    data = {n: np.array([(r[j] if j < len(r) else None) for _, r in body] + [None], dtype=object)[:-1]
            for j, n in enumerate(names)}
    table = pd.DataFrame(data, index=pd.Index(np.array([i for i, _ in body], dtype=np.int64), name="line"),
                         columns=names, dtype=object)
    table.attrs["header_line"] = header_row
    return table


def _parquet(path: str, shown: str) -> pd.DataFrame:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError(f"{shown}: reading Parquet needs pyarrow: pip install 'ringleader[parquet]'  "
                          "(or pip install pyarrow)") from None
    try:
        table = pq.read_table(path).to_pandas()
    except Exception as e:  # pyarrow's ArrowInvalid, OSError, ...
        raise parse_error(shown, 0, f"cannot read the Parquet file: {e}") from None
    table = table.reset_index(drop=True)
    table.columns = [str(c) for c in table.columns]
    table.index = pd.Index(np.arange(1, len(table) + 1, dtype=np.int64), name="line")
    table.attrs["header_line"] = 0
    return table


def read_table(path: str, shown: str, sheet: Optional[str], delimiter: str, encoding: Optional[str]):
    """``(DataFrame, Where)`` of one table: the values as stored (text from
    text files; numbers, dates and text from workbooks and Parquet), the
    index the row of each record; ``shown`` names the table in errors."""
    low = path.lower()
    check_regular(path, shown)  # a FIFO or device would never end (or block)
    if low.endswith(EXCEL_SUFFIXES):
        table = _excel(path, sheet, shown)
    elif sheet is not None:
        raise ValueError(f"{shown}: sheet = {sheet!r} goes with an .xlsx workbook, not this file")
    elif low.endswith(PARQUET_SUFFIXES):
        if not os.path.exists(path):
            raise parse_error(shown, 0, "cannot open file: no such file")
        table = _parquet(path, shown)
    else:
        try:
            table = read_text_table(path, delimiter=delimiter, encoding=encoding)
        except ValueError as e:
            if getattr(e, "file", None) == path and shown != path:
                raise parse_error(shown, e.line, e.message, e.column) from None
            raise
    return table, where_of(table, shown)


def is_blank(v) -> bool:
    """True for a missing or blank value."""
    if v is None or v is pd.NaT or v is pd.NA:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    return isinstance(v, str) and v.strip() == ""


def id_text(v) -> Optional[str]:
    """An id as text (None when blank): text as written, whole numbers
    without ``.0`` (workbooks store 4915112345678 as a number)."""
    if is_blank(v):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    if isinstance(v, (pd.Timestamp,)):
        return v.isoformat()
    return str(v)


def ids_of(values: pd.Series) -> np.ndarray:
    """A column of ids as an object array of text, None where blank."""
    return np.array([id_text(v) for v in values.tolist()] + [None], dtype=object)[:-1]


def where_rows(where: Where, keep: np.ndarray) -> Where:
    """``where`` for the rows ``keep`` (a boolean mask)."""
    return Where(where.source, where.column, where.lines[keep] if where.lines is not None else None,
                 where.header_line)
