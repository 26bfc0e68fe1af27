"""Where values come from (file, column, lines) and the errors that name it;
the checks of the reading options.  Part of :mod:`ringleader._values`."""
from __future__ import annotations

import codecs
import datetime as _dt
from typing import NamedTuple, Optional

import numpy as np

from .. import _core


class Where(NamedTuple):
    """Where a column's values come from, for error messages.

    ``source`` is the file's path (or a name such as ``"edges"`` for a
    DataFrame), ``column`` the column's name, ``lines`` the 1-based line of
    each row in the file (header = line 1), or ``None`` for a DataFrame,
    whose rows are then named by position; ``header_line`` is the header's
    line.  Errors at a file's rows are :class:`ringleader.ParseError`, at a
    DataFrame's rows ``ValueError``.
    """
    source: str
    column: str = ""
    lines: Optional[np.ndarray] = None
    header_line: int = 1

    def of(self, column) -> "Where":
        """The same table, another column."""
        return Where(self.source, str(column), self.lines, self.header_line)

    def error(self, pos: Optional[int], message: str) -> ValueError:
        """The error for row ``pos`` (0-based; ``None`` = the header)."""
        col = f"column {self.column!r}: " if self.column else ""
        if self.lines is None:
            row = "" if pos is None else f"row {pos}, "
            return ValueError(f"{self.source}: {row}{col}{message}")
        line = self.header_line if pos is None else int(self.lines[pos])
        return parse_error(self.source, line, col + message)


def parse_error(file: str, line: int, message: str, column: int = 0) -> ValueError:
    """A :class:`ringleader.ParseError` as the C++ readers raise it: ``.file``,
    ``.line``, ``.column`` (1-based, 0 = unknown) and ``.message``;
    ``str(e)`` is ``file:line[:column]: message``."""
    place = file + (f":{line}" + (f":{column}" if column else "") if line else "")
    e = _core.ParseError(f"{place}: {message}")
    e.file, e.line, e.column, e.message = file, line, column, message
    return e


# ---- arguments -----------------------------------------------------------------
def check_options(delimiter=None, encoding=None, decimal=".", tz=None, time_format=None) -> None:
    """``ValueError`` saying what to pass when an option cannot be used
    (``delimiter=None``: not checked)."""
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1
                                  or delimiter in '"\r\n'):
        raise ValueError(f"delimiter={delimiter!r}: pass one character, e.g. delimiter=';' or delimiter='\\t'")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except (LookupError, TypeError, UnicodeError):  # UnicodeError: a name holding a lone surrogate
            raise ValueError(f"encoding={encoding!r} is not an encoding Python knows: pass e.g. "
                             "encoding='utf-8', 'cp1252' (Excel on Windows) or 'utf-16'") from None
    if decimal not in (".", ","):
        raise ValueError(f"decimal={decimal!r}: pass decimal='.' (1234.56) or decimal=',' (1.234,56)")
    if tz is not None:
        zone(tz)
    if time_format is not None and (not isinstance(time_format, str) or "%" not in time_format):
        raise ValueError(f"time_format={time_format!r} is not a strftime format: pass e.g. "
                         "time_format='%d.%m.%Y %H:%M'")


def delimiter_hint(header) -> str:
    """When a header of one column holds another usual delimiter, the
    advice to pass it (as the C++ reader gives), else ""."""
    header = list(header)
    if len(header) != 1:
        return ""
    for d in (";", "\t", "|", ","):
        if d in str(header[0]):
            shown = "\\t" if d == "\t" else d
            return f" (the header looks separated by '{shown}': pass delimiter='{shown}')"
    return ""


def zone(tz):
    """The time zone ``tz`` (an IANA name such as ``"Europe/Berlin"``, or a
    tzinfo); ``ValueError`` when unknown."""
    if isinstance(tz, _dt.tzinfo):
        return tz
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(str(tz))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"tz={tz!r} is not a time zone: pass an IANA name such as tz='Europe/Berlin' "
                         "or tz='UTC'") from None


