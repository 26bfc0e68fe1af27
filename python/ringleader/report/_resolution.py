"""The identity-resolution part of the report: the merges of
:func:`ringleader.resolve.merge` that made the network reported on, with
their evidence (report.json's ``resolution``; the section is rendered by
``_sections``)."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["document", "EVIDENCE"]

#: The evidence columns of rl.resolve.candidates, in report order.
EVIDENCE = ("handset", "succession", "colocation", "holder", "devices", "passthrough")


def _num(x) -> Optional[float]:
    x = float(x)
    return None if np.isnan(x) else x


def document(mapping, hide_names: bool) -> Optional[dict]:
    """report.json's ``resolution`` of a ``mapping`` from rl.resolve.merge
    (None without one): counts, and every accepted pair with its evidence
    (values > 0 only), score, status and person.  With ``hide_names``
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
    return {"identifiers": int(len(mapping)), "persons": int(mapping.nunique()),
            "attached": int(persons["attached"].sum()) if persons is not None and len(persons) else 0,
            "pairs": int(len(merges)), "refused": int(status.str.startswith("refused").sum()),
            "merges": rows}
