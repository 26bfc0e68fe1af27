"""The CSV pair reader :func:`read_csv`: the C++ parser when the files are
the standard CSV pair (header ``source,target,...``, UTF-8, ISO 8601 times,
decimal points), otherwise the files are read as text
(:func:`ringleader._values.read_text_table`) and converted as
:meth:`ringleader.Network.from_pandas` converts DataFrames
(:func:`read_csv_python`), with the same rules, so both give the same
network for the same data."""
from __future__ import annotations

import codecs
import gzip
import os
import zlib
from typing import Optional

from .. import _core
from .._columns import Reading
from .._pandas_io import from_pandas_frames
from .._values import Where, check_options, check_regular, parse_error, read_text_table, where_of
from ..network import Network, wrap


def _path(p) -> str:
    if p is None:
        return ""
    return os.fspath(p)


def _plain_utf8(path: str) -> bool:
    """False when the file's first bytes show UTF-16 (a BOM, or NUL bytes as
    UTF-16 without BOM has): then only the Python path reads it (or says
    what to pass).  A FIFO or device is refused here, before it is opened."""
    check_regular(path)
    try:
        with open(path, "rb") as f:
            head = f.read(64)
        if head[:2] == b"\x1f\x8b":
            with gzip.open(path, "rb") as f:
                head = f.read(64)
    except (OSError, EOFError, zlib.error):
        return True  # the C++ reader reports it
    return not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and head.count(b"\0") * 4 < len(head)


def _cpp_reads(paths, encoding: Optional[str], reading: Reading) -> bool:
    """True when the C++ parser reads the files as they are."""
    if not reading.standard():
        return False
    if encoding is not None and codecs.lookup(encoding).name not in ("utf-8", "utf-8-sig"):
        return False
    return all(_plain_utf8(p) for p in paths if p)


def _with_hint(e):
    """The C++ reader's error, with the arguments that read the file when it
    is another encoding or names its columns otherwise."""
    if "missing required column 'id'" in e.message:
        hint = "; if the file names it otherwise, pass id_column= (e.g. id_column='msisdn')"
    elif "missing required column" in e.message:
        hint = ("; if the file names them otherwise, pass source= and target= (e.g. source='caller_msisdn', "
                "target='callee_msisdn')")
    elif "invalid UTF-8" in e.message:
        hint = ", or pass its encoding (encoding='cp1252' for Excel on Windows, 'latin-1', 'utf-16')"
    else:
        return e
    return parse_error(e.file, e.line, e.message + hint, e.column)


def read_csv_python(edges, nodes, directed: bool, node_type: str, create_missing: bool, edge_type: str,
                    delimiter: str, encoding: Optional[str], reading: Reading) -> Network:
    """:func:`read_csv` through pandas: the files read as text, then
    converted by the code behind :meth:`Network.from_pandas` (errors name
    file, line and column); ``reading`` has ``text=True``."""
    edges, nodes = _path(edges), _path(nodes)
    e_table = read_text_table(edges, delimiter=delimiter, encoding=encoding)
    n_table = read_text_table(nodes, delimiter=delimiter, encoding=encoding) if nodes else None
    core, _ = from_pandas_frames(e_table, n_table, directed, node_type, edge_type, create_missing, reading,
                                 where_of(e_table, edges), where_of(n_table, nodes) if nodes else Where("nodes"))
    return wrap(core)


def read_csv(edges, nodes=None, directed: bool = False, node_type: str = "unknown", create_missing: bool = False,
             edge_type: str = "edge", delimiter: str = ",", source=None, target=None, type=None, weight=None,
             timestamp=None, amount=None, dayfirst: bool = False, time_format: Optional[str] = None,
             tz: Optional[str] = None, decimal: str = ".", encoding: Optional[str] = None, id_column=None,
             node_type_column=None, label_column=None) -> Network:
    """Read an edge table (and optionally a node table) from CSV files.

    The standard pair is ``edges.csv`` with the header
    ``source,target[,type,weight,timestamp,amount,...]`` and ``nodes.csv``
    with ``id[,type,label,...]``.  Exports with other headers are read by
    naming their columns (``source="caller_msisdn"``), with their own
    delimiter, decimal comma, day-first or formatted local times and
    encoding.  RFC 4180 quoting (fields holding delimiters, quotes and
    newlines), LF, CRLF or CR line ends, blank lines skipped; ``.gz`` files
    are decompressed.  Extra columns become attributes, typed as number when
    every non-empty value is a number, as time when every non-empty value is
    an ISO 8601 date (UTC when naive), and as string otherwise ("" is
    missing).  Ids are kept exactly as written: ``+4915112345678``,
    ``004915112345678`` and ``015112345678`` are three different ids.

    Parameters
    ----------
    edges, nodes : path-like
        The files; ``nodes=None`` (default) gives every id ``node_type``.
    directed : bool, default False
    node_type : str, default "unknown"
        Type of nodes without one (all nodes when there is no nodes file).
    create_missing : bool, default False
        With a nodes file, an edge naming an id missing from it is an error
        (naming the line and the id) unless this is True; such nodes then get
        ``node_type``.
    edge_type : str, default "edge"
        Type of edges when there is no type column or the field is empty.
    delimiter : str, default ","
        The field separator, one character, ASCII or not (``";"`` for German Excel
        exports, ``"\\t"``).
    source, target : str or None, default None
        The edges file's columns holding the ids of the edge's ends; None =
        ``source`` and ``target``.
    type, weight, timestamp, amount : str or None, default None
        The columns holding the edge type, weight (empty = 1; must be finite;
        negative weights are kept), time and amount (finite or empty); None =
        the column of that name, if the file has it.
    dayfirst : bool, default False
        Times may be day-first dates: ``09.03.2024``, ``9/3/2024``, each
        optionally with ``14:05[:30]``.  Without it a time must be ISO 8601
        or Unix seconds, and a day-first date is an error saying to pass
        ``dayfirst=True`` (it is never guessed as month-first).
    time_format : str or None, default None
        The times' strftime format (``"%d.%m.%Y %H:%M"``, ``"%m/%d/%Y %I:%M %p"``);
        every non-empty time must match it (``dayfirst`` is then not used;
        with ``%z`` the times carry their offset).
    tz : str or None, default None
        IANA time zone of times without an offset (``"Europe/Berlin"``):
        they are local times there, converted to UTC.  None: they are UTC.
        Times with an offset or ``Z`` and Unix seconds are instants.  A local
        time that does not exist (skipped when daylight saving time begins)
        or happens twice (when it ends) is an error naming file, line and
        column: export such data in UTC or with offsets.
    decimal : str, default "."
        Decimal mark of weights and amounts: ``","`` reads ``1.234,56`` as
        1234.56 ('.' then separates thousands, in groups of three).
        Attribute columns are typed with the decimal point.
    encoding : str or None, default None
        None: UTF-8 with or without BOM, or UTF-16 with BOM (as Excel's
        "Unicode text").  Otherwise a Python codec: ``"cp1252"`` (Excel on
        Windows in Western Europe), ``"cp1250"`` (Central Europe),
        ``"latin-1"``, ``"utf-16"``.
    id_column, node_type_column, label_column : str or None, default None
        The nodes file's columns holding the id, type and label; None =
        ``id``, ``type`` and ``label``.

    Every error is a :class:`ringleader.ParseError` (a ``ValueError``) naming
    the file, the line (header = line 1), the column and what to pass; a
    column name the file lacks lists the columns it has.  Nothing is skipped
    silently and no partial network is returned.  The standard pair (no
    renamed columns, UTF-8, the default value rules) is parsed in C++ with
    the GIL released; other files are read as text and converted as
    :meth:`Network.from_pandas` converts DataFrames, with the same result for
    the same data.

    Examples
    --------
    >>> net = rl.read_csv("edges.csv", nodes="nodes.csv", directed=True)  # doctest: +SKIP

    A call-detail-record export and a subscriber table:

    >>> net = rl.read_csv("cdr.csv", nodes="subscribers.csv", directed=True, edge_type="call",
    ...                   source="caller_msisdn", target="callee_msisdn", timestamp="start_time",
    ...                   dayfirst=True, tz="Europe/Berlin", id_column="msisdn",
    ...                   label_column="subscriber_name", node_type="phone")  # doctest: +SKIP

    A bank export from German Excel:

    >>> net = rl.read_csv("bank.csv", delimiter=";", decimal=",", encoding="cp1252",
    ...                   source="from_iban", target="to_iban", amount="amount_eur",
    ...                   timestamp="booking_date", dayfirst=True, edge_type="transfer")  # doctest: +SKIP
    """
    reading = Reading(source=source, target=target, type=type, weight=weight, timestamp=timestamp,
                      amount=amount, id_column=id_column, node_type_column=node_type_column,
                      label_column=label_column, dayfirst=dayfirst, time_format=time_format, tz=tz,
                      decimal=decimal, text=True)
    reading.check()
    check_options(delimiter=delimiter, encoding=encoding)
    if not _cpp_reads((_path(edges), _path(nodes)), encoding, reading) or len(delimiter.encode("utf-8")) != 1:
        # the C++ reader splits on one byte: the Python reader takes any one character ('§', '¦')
        return read_csv_python(edges, nodes, directed, node_type, create_missing, edge_type, delimiter, encoding,
                               reading)
    try:
        return wrap(_core.read_csv(_path(edges), _path(nodes), directed, node_type, edge_type, create_missing,
                                   delimiter))
    except _core.ParseError as e:
        raise _with_hint(e) from None
