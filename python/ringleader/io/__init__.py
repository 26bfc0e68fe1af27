"""Readers for the formats investigators and researchers use, and the
export for i2 Analyst's Notebook (:func:`write_i2`).

:func:`read_csv` also reads exports with their own column names, delimiter,
decimal comma, day-first or local times and encoding (see its docstring).
Every reader returns a :class:`ringleader.Network` or raises
:class:`ringleader.ParseError` (a ``ValueError``) naming the file, the line and
the problem; no partial network is ever returned.  Files ending in ``.gz`` (or
starting with the gzip magic bytes) are decompressed transparently.  The GIL is
released while parsing.

Before loading, identifiers spelled differently in merged exports can be
brought to one form, and duplicate records found (``_identifiers.py``):

- :func:`normalize_phones`: phone numbers as E.164 (``+4915112345678``),
  with the optional ``phonenumbers`` package (``pip install 'ringleader[ids]'``);
- :func:`normalize_ibans`: IBANs upper case without spaces, length and
  ISO 13616 check digits validated;
- :func:`duplicates`: records equal after normalisation (the same call
  exported twice), with their line numbers and a summary, never dropped.

Invalid identifiers raise ``ValueError`` (``errors="raise"``) or stay as
written (``errors="keep"``); ``result.attrs["invalid"]`` lists them.
"""
from __future__ import annotations

import os
from typing import Optional

from .. import _core
from ..network import Network, wrap
from ._csv import read_csv
from ._identifiers import duplicates, normalize_ibans, normalize_phones
from ._case import DuplicateRecordWarning, SkippedRowWarning, read_case
from ._i2 import I2_ENTITY_TYPES, I2_LINK_TYPES, write_i2

__all__ = ["read_csv", "read_edgelist", "read_graphml", "read_pajek", "read_matrix", "read_ucinet_dl",
           "normalize_phones", "normalize_ibans", "duplicates", "read_case", "DuplicateRecordWarning",
           "SkippedRowWarning", "write_i2", "I2_ENTITY_TYPES", "I2_LINK_TYPES"]


def _path(p) -> str:
    if p is None:
        return ""
    return os.fspath(p)


def read_edgelist(path, directed: bool = False, node_type: str = "unknown", comments: str = "#",
                  edge_type: str = "edge") -> Network:
    """Read a whitespace-separated edge list (SNAP style): ``source target [weight]``.

    Lines starting with ``comments`` and blank lines are skipped; LF or CRLF.
    Every id gets ``node_type``.  Each line is one edge: SNAP files that list an
    undirected edge in both directions give two parallel edges when read
    undirected (use ``directed=True``, or ``collapse()``).
    """
    return wrap(_core.read_edgelist(_path(path), directed, node_type, edge_type, comments))


def read_graphml(path, node_type: str = "unknown", edge_type: str = "edge") -> Network:
    """Read GraphML (as written by ringleader, networkx, igraph, Gephi, yEd).

    Node keys ``type``/``label`` and edge keys ``type``/``weight``/``timestamp``/
    ``amount`` map onto the model; other keys become attributes (numeric
    GraphML types as numbers, strings as strings).  Lossless with
    :meth:`Network.write_graphml`.
    """
    return wrap(_core.read_graphml(_path(path), node_type, edge_type))


def read_pajek(path, node_type: str = "unknown", edge_type: str = "edge") -> Network:
    """Read a Pajek ``.net`` file (``*Vertices``, ``*Arcs``, ``*Edges``,
    ``*Arcslist``, ``*Edgeslist``, mixed sections).  Vertex labels become node ids."""
    return wrap(_core.read_pajek(_path(path), node_type, edge_type))


def _one_byte(delimiter) -> None:
    """ValueError unless ``delimiter`` is one ASCII character (the C++ readers split on one byte)."""
    if not isinstance(delimiter, str) or len(delimiter.encode("utf-8", "surrogatepass")) != 1 \
            or delimiter in '"\r\n':
        raise ValueError(f"delimiter={delimiter!r}: read_matrix splits on one byte, so pass one ASCII character "
                         "other than a quote or line end, e.g. delimiter=';', '\\t' or '|'")


def read_matrix(path, mode: str = "auto", directed: Optional[bool] = None, node_type: str = "unknown",
                row_type: str = "person", column_type: str = "event", edge_type: str = "edge",
                delimiter: str = ",") -> Network:
    """Read an adjacency (one-mode) or incidence (two-mode) matrix from CSV.

    The first row holds column ids, the first column row ids; each non-zero
    cell is an edge weighted by the cell.  ``mode="auto"`` reads a matrix whose
    row ids equal its column ids as one-mode, otherwise two-mode (rows typed
    ``row_type``, columns ``column_type``); a square matrix whose row and
    column ids differ at a few positions (as in some exported sheets) is still
    one-mode, its nodes named by the row ids.  ``directed=None`` makes a
    symmetric one-mode matrix undirected and an asymmetric one directed.
    ``delimiter`` is one ASCII character (one byte: ``","``, ``";"``,
    ``"\\t"``, ``"|"``); another is a ``ValueError`` naming it.
    """
    _one_byte(delimiter)
    return wrap(_core.read_matrix(_path(path), mode, directed, node_type, row_type, column_type,
                                  edge_type, delimiter))


def read_ucinet_dl(path, directed: bool = False, node_type: str = "unknown", row_type: str = "person",
                   column_type: str = "event", edge_type: str = "edge") -> Network:
    """Read a UCINET DL file (fullmatrix, edgelist1, nodelist1, two-mode
    fullmatrix/edgelist2, several matrices as edge types)."""
    return wrap(_core.read_ucinet_dl(_path(path), directed, node_type, row_type, column_type,
                                     edge_type))
