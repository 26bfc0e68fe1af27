"""Safe file writing shared by every Python writer (the report, the command
line): :func:`safe_open` writes a new file created exclusively under a unique
name in the target's folder, flushes it to disk and renames it over the
target, as the C++ writers do (``ringleader/io/output.hpp``)."""
from __future__ import annotations

import contextlib
import os
import secrets
import stat

__all__ = ["safe_open", "write_text", "formula_safe", "FORMULA_START"]

#: First characters a spreadsheet program reads as the start of a formula
#: (OWASP's CSV injection rule): = + - @, tab and CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

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
    over ``path`` (:func:`os.replace`), so a symbolic link planted at
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


def _neutral(x):
    return "'" + x if isinstance(x, str) and x.startswith(FORMULA_START) else x


def formula_safe(df):
    """A copy of the DataFrame ``df`` for files meant for a spreadsheet
    program: every text cell, index value and column name starting with
    = + - @, tab or CR (:data:`FORMULA_START`) gets a leading ``'``
    (OWASP's rule against CSV formula injection), so a name such as
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


def write_text(path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` through :func:`safe_open`."""
    with safe_open(path, newline="") as f:
        f.write(text)
