"""Pseudonyms: :func:`pseudonymize_network` renames every node of a network
so that a report can be shared outside the investigation.

Both kinds of pseudonym come from HMAC-SHA256 of ``type NUL id``: with the
user's key (reproducible), or with a 32-byte secret drawn for the call
(``secrets.token_bytes``) and never stored or returned, so that neither
the report, nor its seed, nor the original files map a pseudonym back to an
id.  The renamed network lists its nodes and edges sorted by pseudonym, so
no order in it (nor in the analysis run on it) tells the input order."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Optional, Union

import numpy as np
import pandas as pd

__all__ = ["pseudonymize_network"]


def _prefix(node_type) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", str(node_type)).strip("_")[:20].lower() or "node"


def _digests(types: pd.Series, ids: pd.Index, key: bytes) -> list:
    """HMAC-SHA256(key, type NUL id), hex, one per node."""
    return [hmac.new(key, f"{t}\0{v}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
            for t, v in zip(types, ids)]


def _numbered(prefix: pd.Series, digests: list) -> np.ndarray:
    """``type-0001``, ... numbered within each prefix in the order of the
    digests (keyed with a secret nobody keeps: a random order that does not
    depend on the input order)."""
    names = np.empty(len(prefix), dtype=object)
    p = prefix.to_numpy()
    for value in sorted(prefix.unique()):
        where = np.flatnonzero(p == value)
        width = max(4, len(str(len(where))))
        order = where[np.argsort(np.array([digests[i] for i in where]), kind="stable")]
        names[order] = [f"{value}-{i:0{width}d}" for i in range(1, len(where) + 1)]
    return names


def _keyed(prefix: pd.Series, digests: list) -> np.ndarray:
    """``type-`` and 12 hex digits of the digest."""
    names = np.array([f"{p}-{d[:12]}" for p, d in zip(prefix, digests)], dtype=object)
    if len(set(names)) != len(names):  # pragma: no cover - 2^-48 per pair
        raise ValueError("two pseudonyms collide: use another key")
    return names


def _key_bytes(key) -> bytes:
    if isinstance(key, str):
        key = key.encode("utf-8", "surrogatepass")
    if not isinstance(key, (bytes, bytearray)):
        raise TypeError(f"pseudonym key must be str or bytes, not {type(key).__name__}")
    if not key:
        raise ValueError("the pseudonym key is empty: give a secret (a long random string), or None for "
                         "pseudonyms that cannot be reproduced")
    return bytes(key)


def _sorted_edges(edges: pd.DataFrame, rename: pd.Series, position: pd.Series, directed: bool) -> pd.DataFrame:
    """The edges with pseudonyms for ends, sorted by (source, target, type,
    timestamp, weight, amount) in pseudonym order; an undirected edge is
    written from its end that comes first."""
    s = position.reindex(edges["source"]).to_numpy()
    t = position.reindex(edges["target"]).to_numpy()
    if not directed:
        s, t = np.minimum(s, t), np.maximum(s, t)
    e = edges[["type", "weight", "timestamp", "amount"]].reset_index(drop=True)
    e.insert(0, "_s", s)
    e.insert(1, "_t", t)
    e = e.sort_values(["_s", "_t", "type", "timestamp", "weight", "amount"], kind="stable", na_position="last")
    names = rename.to_numpy()
    e.insert(0, "source", names[e["_s"].to_numpy()])
    e.insert(1, "target", names[e["_t"].to_numpy()])
    return e.drop(columns=["_s", "_t"]).reset_index(drop=True)


def pseudonymize_network(net, key: Optional[Union[str, bytes]] = None, seed=None):
    """A copy of ``net`` with every node renamed by a pseudonym of its type.

    Without ``key``: ``person-0001``, ``person-0002``, ... numbered in the
    order of HMAC-SHA256(secret, type NUL id), where ``secret`` is 32 random
    bytes drawn for this call (``secrets.token_bytes``), never written
    or returned: two calls give different pseudonyms, and neither the report,
    its seed nor the original files tell which id a pseudonym stands for.
    Reproducible pseudonyms need ``key`` (a secret string or bytes kept out
    of the report): ``person-3fa92c1b0d4e``, the first 12 hex digits of
    HMAC-SHA256(key, type NUL id); the same id gets the same pseudonym in
    every network and run with that key, so reports shared at different
    times can be linked by whoever receives them, while the ids cannot be
    recovered without the key.

    The copy keeps node types, edges with their type, weight, timestamp and
    amount, and directedness; labels and every node and edge attribute are
    dropped (they may hold names).  Nodes are sorted by pseudonym and edges
    by their ends' pseudonyms (then type, timestamp, weight, amount; an
    undirected edge from its first end), so nothing in the copy, or in
    results computed on it, depends on the order of the input rows: with a
    key, a shuffled input gives the same network.  Results equal those of
    ``net`` up to that reordering (ties and seeded choices such as Leiden's
    may fall differently).

    Pseudonyms hide names, not the structure: whoever holds the original
    edges (or learns a few links) can still recognise people by their
    position in the network (degree, neighbours, transfer amounts and
    times).  Share a pseudonymized report only with people who are allowed
    to know the network's shape.

    ``seed`` is refused: pseudonyms drawn from a seed written in the report
    could be mapped back to the ids.

    >>> shared = rl.report.pseudonymize_network(net)                          # doctest: +SKIP
    >>> shared.node_index[:2].tolist()                                        # doctest: +SKIP
    ['account-0001', 'account-0002']
    >>> rl.report.pseudonymize_network(net, key=os.environ["CASE_KEY"])      # doctest: +SKIP
    """
    from ..network import Network

    if seed is not None:
        raise TypeError("pseudonymize_network no longer takes seed (pseudonyms drawn from a published seed can "
                        "be mapped back to the ids): drop it for pseudonyms that cannot be reproduced, or pass "
                        "key= (a secret) for reproducible ones")
    secret = secrets.token_bytes(32) if key is None else _key_bytes(key)
    nodes, edges = net.to_pandas()
    types = nodes["type"].astype(str)
    prefix = types.map(_prefix)
    digests = _digests(types, nodes.index, secret)
    del secret
    names = _numbered(prefix, digests) if key is None else _keyed(prefix, digests)
    order = np.argsort(names.astype(str), kind="stable")
    rename = pd.Series(names[order], index=nodes.index[order])
    position = pd.Series(np.arange(len(order)), index=rename.index)
    e = _sorted_edges(edges, rename, position, net.directed)
    node_table = pd.DataFrame({"type": types.to_numpy()[order]}, index=pd.Index(rename.to_numpy(), name="id"))
    return Network.from_pandas(e, nodes=node_table, directed=net.directed)
