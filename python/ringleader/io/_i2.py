"""Export for i2 Analyst's Notebook: :func:`write_i2` writes ``entities.csv``
and ``links.csv`` for the Import wizard (its classic tabular import, which
reads any delimited text with a header row through an import specification).

``links.csv`` is the table the wizard's entity-link-entity design reads:
each row holds end 1 (identity, type, label), the link and end 2, so it
imports alone; ``entities.csv`` adds the nodes without links and the node
attributes (rank, score, role, community, the network's columns) with a
single-entity design.  Notebook merges entities whose identities are equal,
so the two imports meet.  docs/i2-export.md walks through the wizard.
"""
from __future__ import annotations

import csv
import math
import os
import pathlib

import numpy as np
import pandas as pd

from .._files import formula_safe_text, safe_open
from ._analysis import analysis_columns

__all__ = ["write_i2", "I2_ENTITY_TYPES", "I2_LINK_TYPES"]

#: ringleader node type -> i2 entity type (types not named are written as they are).
I2_ENTITY_TYPES = {"person": "Person", "phone": "Telephone", "account": "Account", "venue": "Location",
                   "cell": "Cell Site", "device": "Mobile Handset", "organization": "Organisation",
                   "vehicle": "Vehicle", "event": "Event", "location": "Location"}
#: ringleader edge type -> i2 link type (types not named are written as they are).
I2_LINK_TYPES = {"call": "Telephone Call", "transfer": "Transaction", "owns": "Owner Of", "uses": "User Of",
                 "meets": "Meeting", "located_at": "Located At", "in_device": "In Handset"}

ENTITY_HEADER = ("Identity", "Entity Type", "Label")
RANKING_HEADER = {"rank": "Rank", "score": "Score", "role": "Role", "community": "Community"}
LINK_HEADER = ("From Identity", "From Type", "From Label", "To Identity", "To Type", "To Label", "Link Type",
               "Direction", "Date and Time (UTC)", "Timestamp", "Amount", "Weight")


def _whole(values: np.ndarray) -> bool:
    present = values[~np.isnan(values)]
    return bool(np.all(np.isfinite(present) & (np.abs(present) < 2.0 ** 53) & (present == np.trunc(present))))


def _cells(column: pd.Series) -> list:
    """The column as CSV text: numbers holding only whole values without a
    decimal point (as in GEXF and GraphML), other numbers in full precision
    (``repr``), times as ISO 8601 UTC, missing values empty."""
    if pd.api.types.is_bool_dtype(column):
        return ["" if pd.isna(v) else str(bool(v)).lower() for v in column]
    if pd.api.types.is_numeric_dtype(column):
        values = column.to_numpy(dtype=np.float64, na_value=np.nan)
        if _whole(values):
            return ["" if math.isnan(v) else str(int(v)) for v in values]
        return ["" if math.isnan(v) else repr(float(v)) for v in values]
    if pd.api.types.is_datetime64_any_dtype(column):
        return ["" if pd.isna(v) else v.isoformat().replace("+00:00", "Z") for v in _utc(column)]
    return ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in column]


def _utc(column: pd.Series) -> pd.Series:
    return column.dt.tz_convert("UTC") if column.dt.tz is not None else column.dt.tz_localize("UTC")


def _date_time(column: pd.Series) -> list:
    """``yyyy-MM-dd HH:mm:ss`` (UTC, sub-second parts cut: the exact time is in ``Timestamp``)."""
    return ["" if pd.isna(v) else v.strftime("%Y-%m-%d %H:%M:%S") for v in _utc(column)]


def _types(given, defaults: dict, what: str) -> dict:
    if given is None:
        return dict(defaults)
    if not isinstance(given, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                              for k, v in given.items()):
        raise ValueError(f"{what} must be a dict of ringleader type -> non-empty i2 type name, not {given!r}")
    return {**defaults, **given}


def _extra_columns(table: pd.DataFrame, skip, fixed, what: str) -> list:
    """The attribute columns of ``table`` (those not in ``skip``); ValueError
    when one is called like a column of the export."""
    extra = [c for c in table.columns if c not in skip]
    clash = [c for c in extra if str(c) in fixed]
    if clash:
        raise ValueError(f"the network's {what} columns {clash} have the names of i2 export columns: rename them "
                         "before writing the i2 export")
    return extra


def _write(path: pathlib.Path, header, columns, formula_safe: bool) -> None:
    """Writes one CSV (UTF-8 with BOM, CRLF, csv-module quoting) through
    :func:`ringleader._files.safe_open` (a link planted at ``path`` is
    replaced, never followed)."""
    with safe_open(path, encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow([formula_safe_text(str(h)) if formula_safe else str(h) for h in header])
        for row in zip(*columns):
            w.writerow([formula_safe_text(c) for c in row] if formula_safe else row)


def write_i2(net, folder, *, ranking=None, partition=None, entity_types=None, link_types=None,
             formula_safe: bool = True) -> dict:
    """Write ``entities.csv`` and ``links.csv`` for i2 Analyst's Notebook's
    Import wizard into ``folder`` (created if missing); returns
    ``{"entities": path, "links": path}``.

    ``entities.csv``: one row per node: ``Identity`` (the node id),
    ``Entity Type`` (:data:`I2_ENTITY_TYPES`: person -> Person, phone ->
    Telephone, account -> Account, venue -> Location, cell -> Cell Site,
    device -> Mobile Handset, ...), ``Label`` (the node's label, else its
    id), then ``Rank``, ``Score``, ``Role``, ``Community`` when ``ranking``
    (the :func:`ringleader.leaders` DataFrame) or ``partition`` (a Series
    node -> community, replacing the ranking's) is given, then the node
    attribute columns.

    ``links.csv``: one row per edge, end 1, link, end 2 as the wizard's
    entity-link-entity design reads it: ``From Identity``, ``From Type``,
    ``From Label``, ``To Identity``, ``To Type``, ``To Label``, ``Link
    Type`` (:data:`I2_LINK_TYPES`: call -> Telephone Call, transfer ->
    Transaction, owns -> Owner Of, uses -> User Of, ...), ``Direction``
    (``End 1 to End 2`` in a directed network, ``None`` in an undirected
    one: the wizard's arrow settings), ``Date and Time (UTC)`` as
    ``yyyy-MM-dd HH:mm:ss`` (sub-second parts cut), ``Timestamp`` (the exact
    ISO 8601 UTC time), ``Amount``, ``Weight``, then the edge attribute
    columns (the provenance ``table`` and ``row`` of :func:`read_case`).

    ``entity_types`` / ``link_types``: dicts ringleader type -> i2 type name
    that override or extend the defaults; types named nowhere are written as
    they are.  Numbers holding only whole values are written without a
    decimal point; missing values are empty cells.

    Files are UTF-8 with a byte order mark (what Notebook and Excel on
    Windows expect), CRLF line ends, quoted by the ``csv`` module where a
    value holds a comma, quote or line break.  ``formula_safe=True`` (the
    default) puts a single quote before any cell starting with ``= + - @``,
    a tab or a CR that is not a plain signed number, so a spreadsheet never
    runs an id such as ``=cmd|...`` as a formula (E.164 numbers such as
    ``+4915112345678`` stay as written); ``formula_safe=False`` keeps every
    value exactly.  A column name the export already uses raises
    ValueError, as does a NUL in ``folder``.

    >>> ranking = rl.leaders(net, seed=1)                                  # doctest: +SKIP
    >>> rl.io.write_i2(net, "i2", ranking=ranking)                          # doctest: +SKIP
    """
    folder = os.fspath(folder)
    if "\x00" in str(folder):
        raise ValueError(f"folder {folder!r} holds a NUL character: give a path without one")
    entity_types = _types(entity_types, I2_ENTITY_TYPES, "entity_types")
    link_types = _types(link_types, I2_LINK_TYPES, "link_types")
    extra = analysis_columns(net, ranking, partition)
    nodes, edges = net.to_pandas()
    node_extra = _extra_columns(nodes, ("type", "label"), set(ENTITY_HEADER) | set(RANKING_HEADER.values()), "node")
    edge_extra = _extra_columns(edges, ("source", "target", "type", "weight", "timestamp", "amount"),
                                set(LINK_HEADER), "edge")
    ids = [str(v) for v in nodes.index]
    labels = nodes["label"].fillna("").astype(str).to_numpy() if "label" in nodes.columns else np.full(len(ids), "")
    label_of = dict(zip(ids, [lab if lab else i for lab, i in zip(labels, ids)]))
    type_of = dict(zip(ids, [entity_types.get(t, t) for t in nodes["type"].astype(str)]))
    ranked = extra.reindex(nodes.index)
    entity_cols = [ids, [type_of[i] for i in ids], [label_of[i] for i in ids]]
    entity_cols += [_cells(ranked[c]) for c in ranked.columns] + [_cells(nodes[c]) for c in node_extra]
    out = pathlib.Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"entities": out / "entities.csv", "links": out / "links.csv"}
    _write(paths["entities"], list(ENTITY_HEADER) + [RANKING_HEADER[c] for c in ranked.columns] + node_extra,
           entity_cols, formula_safe)
    src, dst = [str(v) for v in edges["source"]], [str(v) for v in edges["target"]]
    link_cols = [src, [type_of[s] for s in src], [label_of[s] for s in src],
                 dst, [type_of[t] for t in dst], [label_of[t] for t in dst],
                 [link_types.get(t, t) for t in edges["type"].astype(str)],
                 ["End 1 to End 2" if net.directed else "None"] * len(edges),
                 _date_time(edges["timestamp"]), _cells(edges["timestamp"]),
                 _cells(edges["amount"]), _cells(edges["weight"])]
    link_cols += [_cells(edges[c]) for c in edge_extra]
    _write(paths["links"], list(LINK_HEADER) + edge_extra, link_cols, formula_safe)
    return paths
