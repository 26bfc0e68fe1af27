"""The identity-resolution part of the report: the merges of
:func:`ringleader.resolve.merge` that made the network reported on, with
their evidence (report.json's ``resolution``; the section is rendered by
``_sections``)."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from ..resolve._candidates import EVIDENCE  # the evidence columns of rl.resolve.candidates, in report order

__all__ = ["document", "EVIDENCE", "groups", "linked", "merges_table", "persons"]


def _num(x) -> Optional[float]:
    x = float(x)
    return None if np.isnan(x) else x


def linked(mapping) -> pd.Series:
    """``mapping`` without the phones given a person of their own
    (``mapping.attrs["own_numbers"]``, see rl.resolve.merge's
    ``unheld_phones``): the identifiers merged or attached."""
    own = mapping.attrs.get("own_numbers")
    if own is None or not len(own):
        return mapping
    kept = mapping[~mapping.index.isin(own)]
    kept.attrs = dict(mapping.attrs)
    return kept


def groups(mapping, own: bool = False) -> dict:
    """person id -> ``{"inferred", "chosen", "identifiers", "replaced"}``
    for every person of a ``mapping`` from rl.resolve.merge (with ``own``
    also the phones' persons of their own, else only the merged and
    attached groups, :func:`linked`): ``inferred``
    False when the group was attached to a registered person (subscriber of
    record), ``chosen`` why that person (``mapping.attrs["persons"]``, the
    reasons of its groups joined by "; "; "" when the mapping does not
    say), ``identifiers`` the phones and accounts merged under it (sorted
    as text), ``replaced`` the registered persons whose records were taken
    for false.  Empty for None."""
    if mapping is None:
        return {}
    persons = mapping.attrs.get("persons")
    attached = {} if persons is None else dict(zip(persons["person"], persons["attached"]))
    replaced = {} if persons is None else dict(zip(persons["person"], persons["replaced"]))
    chosen = {} if persons is None or "chosen" not in persons else \
        persons.groupby("person", sort=False)["chosen"].agg(lambda v: "; ".join(sorted(set(v)))).to_dict()
    out = {}
    if not own:
        mapping = linked(mapping)
    for person, ids in mapping.groupby(mapping.to_numpy(), sort=False):
        out[person] = {"inferred": not bool(attached.get(person, False)), "chosen": str(chosen.get(person, "")),
                       "identifiers": sorted((str(i) for i in ids.index), key=str),
                       "replaced": [str(r) for r in replaced.get(person, [])]}
    return dict(sorted(out.items(), key=lambda kv: str(kv[0])))


def persons(net, mapping, ids) -> pd.DataFrame:
    """Per person of ``ids`` on the resolved network ``net``: ``inferred``
    (True: a person rl.resolve.merge created, node attribute
    ``inferred``; False: a registered person, with merged identifiers
    attached or not) and ``identifiers`` (the phones and accounts merged
    under it, a list; empty when none)."""
    g = groups(mapping, own=True)
    flag = (net.nodes["inferred"].reindex(ids) == 1).to_numpy() if "inferred" in net.nodes.columns \
        else np.zeros(len(ids), dtype=bool)
    return pd.DataFrame({"inferred": [bool(g[v]["inferred"]) if v in g else bool(f) for v, f in zip(ids, flag)],
                         "identifiers": [list(g[v]["identifiers"]) if v in g else [] for v in ids]},
                        index=pd.Index(ids))


def merges_table(mapping) -> pd.DataFrame:
    """merges.csv: every accepted pair (``a``, ``b``, ``type``, the evidence
    columns, ``score``, ``status``, ``person``) in the order of
    rl.resolve.merge; read back by ``ringleader report --resolve
    --resolve-pairs`` (delete a row there to undo that merge)."""
    merges = mapping.attrs["merges"]
    first = [c for c in ("a", "b", "type") if c in merges.columns]
    tail = [c for c in ("score", "status", "person") if c in merges.columns]
    middle = [c for c in merges.columns if c not in first + tail]
    return merges[first + middle + tail].reset_index(drop=True)


def document(mapping, hide_names: bool) -> Optional[dict]:
    """report.json's ``resolution`` of a ``mapping`` from rl.resolve.merge
    (None without one): counts, and every accepted pair with its evidence
    (values > 0 only), score, status and person; ``identifiers`` and
    ``persons`` count the merged and attached groups, ``own_numbers`` the
    phones given a person of their own.  With ``hide_names``
    (pseudonymized reports) only the counts: the merges name identifiers."""
    if mapping is None:
        return None
    if not isinstance(mapping, pd.Series) or "merges" not in mapping.attrs:
        raise ValueError("resolution must be the mapping returned by rl.resolve.merge (a Series with "
                         "attrs['merges'])")
    merges = mapping.attrs["merges"]
    persons = mapping.attrs.get("persons")
    status = merges["status"].astype(str) if len(merges) else pd.Series([], dtype=str)
    rows = []
    if not hide_names:
        cols = [c for c in EVIDENCE if c in merges.columns]
        for d in merges.to_dict("records"):
            rows.append({"a": str(d["a"]), "b": str(d["b"]), "type": str(d.get("type") or ""),
                         "person": None if d.get("person") is None else str(d["person"]),
                         "score": _num(d["score"]), "status": str(d["status"]),
                         "evidence": {c: float(d[c]) for c in cols if d[c] == d[c] and d[c] > 0}})
    kept = linked(mapping)
    return {"identifiers": int(len(kept)), "persons": int(kept.nunique()), "own_numbers": int(len(mapping) - len(kept)),
            "attached": int(persons["attached"].sum()) if persons is not None and len(persons) else 0,
            "pairs": int(len(merges)), "refused": int(status.str.startswith("refused").sum()),
            "merges": rows,
            "groups": [] if hide_names else [{"person": str(p), **g} for p, g in groups(mapping).items()]}
