"""Safe file writing shared by every Python writer (the report, the command
line): :func:`safe_open` writes a new file created exclusively under a unique
name in the target's folder, flushes it to disk and renames it over the
target, as the C++ writers do (``ringleader/io/output.hpp``)."""
from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat

__all__ = ["safe_open", "write_text", "write_table", "formula_safe", "formula_safe_text", "FORMULA_START"]

#: First characters a spreadsheet program reads as the start of a formula
#: (OWASP's CSV injection rule): = + - @, tab and CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A plain signed number (an E.164 phone number, a negative amount): a
#: spreadsheet reads it as a number, never as a formula, so it stays as written
#: (the C++ writer's rule too, ``src/io/csv.cpp``).
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _temporary(path: str) -> tuple:
    """A new file ``.NAME.<random>.tmp`` next to ``path``, created
    exclusively (a link planted there is never followed): (fd, name)."""
    folder, name = os.path.split(path)
    for _ in range(100):
        tmp = os.path.join(folder, f".{name[:200]}.{secrets.token_hex(8)}.tmp")
        try:
            return os.open(tmp, _FLAGS, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as e:   # named by the file asked for, not the temporary one
            raise type(e)(e.errno, f"{e.strerror} (writing a temporary file next to it)", path) from None
    raise FileExistsError(f"{path}: no unused temporary name in its folder")


@contextlib.contextmanager
def safe_open(path, mode: str = "w", encoding: str = "utf-8", newline=None):
    """Open ``path`` for writing without following links; a context manager
    giving the file object.

    The data goes to a temporary file created exclusively (``O_CREAT |
    O_EXCL | O_NOFOLLOW``) under an unpredictable name in the folder of
    ``path``; on leaving the block it is flushed to disk (fsync) and renamed
    over ``path`` (``os.replace``), so a symbolic link planted at
    ``path`` is replaced by the new regular file, never followed, and
    readers never see a half-written file.  On an error in the block the
    temporary file is removed and ``path`` is left as it was.  A device or
    FIFO at ``path`` (``/dev/null``, ``/dev/stdout``) is written directly.
    ``mode``: ``"w"`` (text, ``encoding``, ``newline``) or ``"wb"``.

    >>> with safe_open("out/report.md") as f:                  # doctest: +SKIP
    ...     f.write(text)
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    path = os.fspath(path)
    text = dict(encoding=encoding, newline=newline) if mode == "w" else {}
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISLNK(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(f"{path}: is a directory: give the path of a file to write")
        with open(path, mode, **text) as f:   # a device or FIFO: nothing to rename
            yield f
        return
    fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, mode, **text) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def formula_safe_text(value: str) -> str:
    """``value`` with a ``'`` in front when a spreadsheet could read it as a
    formula: it starts with = + - @, tab or CR and is not a plain signed
    number (``+4915112345678`` and ``-12.5`` stay as written)."""
    if value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _neutral(x):
    return formula_safe_text(x) if isinstance(x, str) else x


def formula_safe(df):
    """A copy of the DataFrame ``df`` for files meant for a spreadsheet
    program: every text cell, index value and column name starting with
    = + - @, tab or CR (:data:`FORMULA_START`) and not a plain signed number
    gets a leading ``'`` (OWASP's rule against CSV formula injection;
    :func:`formula_safe_text`), so a name such as
    ``=cmd|' /C calc'!A0`` is shown, not run.  Number, boolean and time
    columns are never changed (``-1.5`` stays a number); missing values stay
    missing.

    >>> formula_safe(pd.DataFrame({"id": ["=1+1", "a"], "x": [-1, 2]})).to_dict("list")   # doctest: +SKIP
    {'id': ["'=1+1", 'a'], 'x': [-1, 2]}
    """
    import pandas as pd

    out = df.copy()
    for i, name in enumerate(df.columns):
        column = df.iloc[:, i]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)
                or isinstance(column.dtype, pd.DatetimeTZDtype)):
            out.isetitem(i, column.map(_neutral).astype(object))
    if not pd.api.types.is_numeric_dtype(out.index):
        out.index = pd.Index([_neutral(x) for x in out.index], name=_neutral(out.index.name))
    out.columns = [_neutral(c) for c in out.columns]
    return out


def _holds_cr(df) -> bool:
    import pandas as pd

    cells = [df.index.to_series(), pd.Series([str(c) for c in df.columns], dtype=object)]
    cells += [df.iloc[:, i] for i in range(df.shape[1]) if not pd.api.types.is_numeric_dtype(df.iloc[:, i])]
    return any(c.map(lambda x: isinstance(x, str) and "\r" in x).any() for c in cells)


def write_table(f, df, index_label: str, safe: bool) -> None:
    """Write the DataFrame ``df`` as CSV to the open text file ``f``
    (opened with ``newline=""``), through :func:`formula_safe` when
    ``safe``.  Line ends are ``\n``; a table holding a carriage return in a
    text cell is written with ``\r\n`` line ends (RFC 4180) instead, the
    one way Python's csv module quotes such a cell, so the row stays whole.

    >>> with safe_open("leaders.csv", newline="") as f:          # doctest: +SKIP
    ...     write_table(f, leaders, "id", safe=True)
    """
    end = "\r\n" if _holds_cr(df) else "\n"
    (formula_safe(df) if safe else df).to_csv(f, index_label=index_label, lineterminator=end)


def write_text(path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` through :func:`safe_open`."""
    with safe_open(path, newline="") as f:
        f.write(text)
