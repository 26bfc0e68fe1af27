"""The tables of a case file (:func:`ringleader.read_case`): where each file
is (paths outside the case's folder refused), and CSV/text, Excel sheets and
Parquet files read as DataFrames of the values as stored, indexed by row
(the line of a text file, header = 1; the sheet's row number; the 1-based
record of a Parquet file), with the :class:`~ringleader._values.Where` that
names table, row and column in errors."""
from __future__ import annotations

import os
from typing import Optional

import numpy as np
import pandas as pd

from .._values import Where, check_regular, parse_error, read_text_table, where_of

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")


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


def _excel(path: str, sheet: Optional[str], shown: str) -> pd.DataFrame:
    try:
        import openpyxl
    except ImportError:
        raise ImportError(f"{shown}: reading .xlsx needs openpyxl: pip install 'ringleader[excel]'  "
                          "(or pip install openpyxl)") from None
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
        rows = [(i, r) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)
                if any(v is not None and str(v).strip() != "" for v in r)]
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
