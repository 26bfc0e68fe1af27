"""Pseudonyms: :func:`pseudonymize_network` renames every node of a network
so that a report can be shared outside the investigation."""
from __future__ import annotations

import hashlib
import hmac
import re
from typing import Optional, Union

import numpy as np
import pandas as pd

from .._kernel import seed_of

__all__ = ["pseudonymize_network"]


def _prefix(node_type) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", str(node_type)).strip("_")[:20].lower() or "node"


def _numbered(prefix: pd.Series, seed: Optional[int]) -> np.ndarray:
    """``type-0001``, ... numbered within each prefix in an order drawn from ``seed``."""
    names = np.empty(len(prefix), dtype=object)
    rng = np.random.default_rng(seed_of(seed))
    for p in sorted(prefix.unique()):
        where = np.flatnonzero(prefix.to_numpy() == p)
        width = max(4, len(str(len(where))))
        names[rng.permutation(where)] = [f"{p}-{i:0{width}d}" for i in range(1, len(where) + 1)]
    return names


def _keyed(types: pd.Series, ids: pd.Index, prefix: pd.Series, key: Union[str, bytes]) -> np.ndarray:
    """``type-`` and 12 hex digits of HMAC-SHA256(key, type NUL id)."""
    names = np.empty(len(ids), dtype=object)
    k = key.encode() if isinstance(key, str) else bytes(key)
    for i, (t, v, p) in enumerate(zip(types, ids, prefix)):
        digest = hmac.new(k, f"{t}\0{v}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        names[i] = f"{p}-{digest[:12]}"
    if len(set(names)) != len(names):  # pragma: no cover - 2^-48 per pair
        raise ValueError("two pseudonyms collide: use another key")
    return names


def pseudonymize_network(net, key: Optional[Union[str, bytes]] = None, seed: Optional[int] = None):
    """A copy of ``net`` with every node renamed by a pseudonym of its type.

    Without ``key``: ``person-0001``, ``person-0002``, ... numbered in a
    random order drawn from ``seed`` (the same network and seed give the same
    pseudonyms; the numbers say nothing about the ids).  With ``key`` (a
    secret string kept out of the report): ``person-3fa92c1b0d4e``, the first
    12 hex digits of HMAC-SHA256(key, type NUL id): the same id gets the same
    pseudonym in every network and run with that key, so reports shared at
    different times can be linked by whoever receives them, while the ids
    cannot be recovered without the key.

    The copy keeps node types, node order, edges with their type, weight,
    timestamp and amount, and directedness; labels and every node and edge
    attribute are dropped (they may hold names).  Results computed on it
    equal those of ``net`` (same node order, same seed).

    >>> shared = rl.report.pseudonymize_network(net, seed=1)   # the bundled sample   # doctest: +SKIP
    >>> shared.node_index[:2].tolist()                                               # doctest: +SKIP
    ['person-0057', 'person-0003']
    """
    from ..network import Network

    nodes, edges = net.to_pandas()
    types = nodes["type"].astype(str)
    prefix = types.map(_prefix)
    names = _numbered(prefix, seed) if key is None else _keyed(types, nodes.index, prefix, key)
    rename = pd.Series(names, index=nodes.index)
    e = edges[["type", "weight", "timestamp", "amount"]].copy()
    e.insert(0, "source", rename.reindex(edges["source"]).to_numpy())
    e.insert(1, "target", rename.reindex(edges["target"]).to_numpy())
    return Network.from_pandas(e, nodes=pd.DataFrame({"type": types.to_numpy()}, index=pd.Index(names, name="id")),
                               directed=net.directed)
