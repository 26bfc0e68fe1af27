"""leaders.csv and communities.csv: every person and every community, names
kept exactly (:func:`leaders_table`, :func:`communities_table`) but for a
leading ``'`` on those a spreadsheet would run as a formula (unless asked)."""
from __future__ import annotations

import pandas as pd

from .._files import safe_open, write_table
from . import _resolution
from ._analysis import Analysis

__all__ = ["leaders_table", "communities_table", "write_tables"]


def leaders_table(a: Analysis) -> pd.DataFrame:
    """leaders.csv: the ranking with each person's label, main columns first."""
    r = a.ranking
    labels = a.net.nodes["label"].reindex(r.index)
    out = r.copy()
    out.insert(0, "label", labels.to_numpy())
    cols = ["label", "rank", "score", "role", "community", "community_rank", "explanation"]
    out = out[cols + [c for c in r.columns if c not in cols]]
    if a.resolution is not None:   # a resolved network: who is inferred, and from which identifiers
        who = _resolution.persons(a.net, a.resolution, out.index)
        out["inferred"] = who["inferred"].to_numpy()
        out["identifiers"] = [" ".join(x) for x in who["identifiers"]]
    return out


def communities_table(a: Analysis) -> pd.DataFrame:
    """communities.csv: size, weights, conductance and the three
    highest-ranked members (id and label) of every community, largest first."""
    r, c = a.ranking, a.communities
    labels = a.net.nodes["label"]
    out = c[["size", "internal_weight", "cut", "conductance"]].copy()
    top = r.groupby("community", sort=False).head(3)
    for i in range(3):
        nth = top.groupby("community", sort=False).nth(i)
        ids = pd.Series(nth.index, index=nth["community"].to_numpy())
        out[f"key{i + 1}"] = ids.reindex(out.index).to_numpy()
        out[f"key{i + 1}_label"] = labels.reindex(out[f"key{i + 1}"]).to_numpy()
    return out


def write_tables(a: Analysis, leaders_path, communities_path, safe: bool = True, merges_path=None) -> None:
    """Write both files (and merges.csv, :func:`._resolution.merges_table`,
    to ``merges_path`` on a resolved network) (:func:`ringleader._files.write_table`), each through a temporary file
    renamed over its name (:func:`ringleader._files.safe_open`).  ``safe``:
    text cells that a spreadsheet program would read as a formula get a
    leading ``'`` (:func:`ringleader._files.formula_safe`)."""
    tables = [(leaders_table(a), leaders_path, "id"), (communities_table(a), communities_path, "community")]
    if merges_path is not None and a.resolution is not None:
        tables.append((_resolution.merges_table(a.resolution), merges_path, "pair"))
    for table, path, label in tables:
        with safe_open(path, newline="") as f:
            write_table(f, table, label, safe)
