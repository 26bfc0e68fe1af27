"""report.json: :func:`document` turns an :class:`~._analysis.Analysis`
into the JSON document of :data:`~._schema.SCHEMA` (plain str, int, float,
bool, None, lists and dicts), which the HTML and Markdown pages also read;
:func:`checksums` describes the input files."""
from __future__ import annotations

import hashlib
import os
import platform
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from .. import __version__
from ._analysis import Analysis, Settings, finite
from . import _resolution
from ._notes import method_notes
from ._schema import SCHEMA, SCHEMA_VERSION

__all__ = ["document", "checksums"]


def checksums(sources, hide_names: bool) -> list:
    """[{role, file, bytes, sha256}] of the input files: ``sources`` is None,
    a path, a list of paths or a dict role -> path; ``hide_names``: file
    None (pseudonymized reports)."""
    if sources is None:
        return []
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    items = sources.items() if isinstance(sources, Mapping) else ((f"input {i + 1}", s) for i, s in enumerate(sources))
    out = []
    for role, path in items:
        if path is None:
            continue
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        out.append({"role": str(role), "file": None if hide_names else os.path.basename(os.fspath(path)),
                    "bytes": os.path.getsize(path), "sha256": h.hexdigest()})
    return out


def _iso(t) -> Optional[str]:
    return None if pd.isna(t) else pd.Timestamp(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def _node(a: Analysis, v) -> dict:
    return {"id": str(v), "label": a.label(v)}


def _member(a: Analysis, v) -> dict:
    r = a.ranking.loc[v]
    return {**_node(a, v), "rank": int(r["rank"]), "role": str(r["role"])}


def _data(a: Analysis) -> dict:
    net, ps = a.net, a.summary
    nodes, edges = net.nodes, net.edges
    labels = nodes["label"]
    node_types = [{"type": str(t), "count": int(c), "labelled": int(labels[nodes["type"] == t].notna().sum())}
                  for t, c in net.node_types().items()]
    edge_types = []
    for t, c in net.edge_types().items():
        sel = edges[edges["type"] == t]
        amount = sel["amount"].dropna()
        edge_types.append({"type": str(t), "count": int(c), "first": _iso(sel["timestamp"].min()),
                           "last": _iso(sel["timestamp"].max()),
                           "amount": float(amount.sum()) if len(amount) else None})
    return {"directed": bool(net.directed), "nodes": net.number_of_nodes(), "edges": net.number_of_edges(),
            "node_types": node_types, "edge_types": edge_types, "persons": ps.persons, "person_links": ps.links,
            "projected": ps.projected, "communities": ps.communities, "modularity": ps.modularity}


def _leaders(a: Analysis, top: int) -> list:
    ranking = a.ranking
    rank_cols = [c for c in ranking.columns if c.startswith("rank_")]
    head = ranking.head(top)
    # on a resolved network: whether each is an inferred person, and the identifiers merged under it
    resolved = (_resolution.persons(a.net, a.resolution, head.index).to_dict("index") if a.resolution is not None
                else {})
    return [{**_node(a, v), "rank": int(r["rank"]), "score": float(r["score"]), "role": str(r["role"]),
             "community": int(r["community"]), "community_rank": int(r["community_rank"]),
             "explanation": str(r["explanation"]), "ranks": {c[5:]: int(r[c]) for c in rank_cols},
             **resolved.get(v, {})}
            for v, r in head.iterrows()]


def _communities(a: Analysis, most: int) -> list:
    ranking, out = a.ranking, []
    for c, row in a.communities.head(most).iterrows():
        members = ranking.index[ranking["community"] == c][:3]
        out.append({"community": int(c), "size": int(row["size"]), "conductance": finite(row["conductance"]),
                    "key_members": [_member(a, v) for v in members]})
    return out


def _key_players(a: Analysis) -> Optional[dict]:
    kp = a.key_players
    if kp is None:
        return None
    return {"objective": kp.objective, "k": len(kp.nodes), "scope": a.scope.number_of_nodes(),
            "score": float(kp.score), "members": [_member(a, v) for v in kp.nodes]}


def _disruption(a: Analysis) -> Optional[dict]:
    if not a.disruption:
        return None
    strategies = [{"strategy": name, "removed": [None if v is None else str(v) for v in d["removed"]],
                   "largest_share": [float(x) for x in d["largest_share"]],
                   "efficiency": [float(x) for x in d["efficiency"]]} for name, d in a.disruption.items()]
    return {"scope": a.scope.number_of_nodes(), "steps": len(strategies[0]["removed"]) - 1,
            "strategies": strategies}


def _money(a: Analysis) -> Optional[dict]:
    m = a.money
    if m is None:
        return None
    out = {k: getattr(m, k) for k in ("transfers", "amount", "accounts", "origin_accounts", "traced")}
    out["holders"] = [{**_node(a, v), "received": float(r["received"]), "held": finite(r["held"])}
                      for v, r in m.holders.head(10).iterrows()]
    out["paths"] = [{"account": str(r["account"]), "held": float(r["held"]), "amount": float(r["amount"]),
                     "hops": int(r["hops"]), "path": [str(v) for v in r["path"]]}
                    for _, r in pd.DataFrame(m.paths).head(5).iterrows()]
    fz = m.freeze
    out["freeze"] = None if fz is None else {"accounts": [str(v) for v in fz.cut], "stopped": fz.stopped,
                                             "total": fz.total, "remaining": fz.remaining}
    return out


def document(a: Analysis, s: Settings, inputs: list, title: str) -> dict:
    """The report.json document (see :data:`~._schema.SCHEMA`).

    >>> doc = document(analysis, settings, checksums("edges.csv", False), "Case 7")   # doctest: +SKIP
    >>> doc["leaders"][0]["id"], doc["money"]["traced"]                           # doctest: +SKIP
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "title": title,
        "ringleader_version": __version__,
        "environment": {"python": platform.python_version(), "numpy": np.__version__, "pandas": pd.__version__},
        "parameters": {k: getattr(s, k) for k in SCHEMA["properties"]["parameters"]["properties"]},
        "inputs": inputs,
        "data": _data(a),
        "leaders": _leaders(a, s.top),
        "communities": _communities(a, s.max_communities),
        "key_players": _key_players(a),
        "disruption": _disruption(a),
        "money": _money(a),
        "notes": method_notes(a, s),
    }
