"""How sure a leader ranking is: the fused score, and ranks under resampled
missing data (``rl.leaders(..., confidence=R)``)."""
from __future__ import annotations

import warnings
from typing import Mapping

import numpy as np
import pandas as pd

from .._kernel import progress_bar

__all__ = ["fused_score", "resample_ranks"]


def fused_score(values: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """``sum_m w_m (1 - ln r_m / ln N) / sum_m w_m`` over the measures with a
    positive weight (r_m: rank by measure m, ties at their average rank, no
    value last); 1 for everyone when no measure is left.  Computed by the
    C++ ``criminal::leader_fusion`` (criminal/leader_fusion.hpp)."""
    from .._core import leader_fusion

    used = {m: float(w) for m, w in weights.items() if w > 0 and m in values.columns}
    if not used or len(values) == 0:
        return pd.Series(1.0, index=values.index)
    cols = [values[m].to_numpy(dtype=float) for m in used]
    score, _ = leader_fusion(cols, list(used.values()))
    return pd.Series(np.asarray(score), index=values.index)


def resample_ranks(net, options: dict, weights: Mapping[str, float], ids: pd.Index, top: int, repeats: int,
                   seed: int, edge_rate: float, person_rate: float, progress: bool = False) -> pd.DataFrame:
    """Ranks of ``ids`` over ``repeats`` resamples of ``net`` with missing data.

    Each resample drops every edge with probability ``edge_rate`` and every
    person (with its edges) with probability ``person_rate``, independently,
    from a generator seeded by ``seed``; the measures of
    :func:`ringleader.criminal.leader_measures` are recomputed on it and fused
    with ``weights``.  A person dropped from a resample ranks below everyone
    in it (so not in the top).  Returns ``p_top`` (share of resamples with
    the person's rank <= ``top``), ``rank_low`` and ``rank_high`` (the 5th
    and 95th percentiles of its rank: a 90% interval; ``rank_low`` is the
    better rank).  ``attrs``: ``repeats``, ``top``, ``edge_rate``,
    ``person_rate``, ``seed``.  The hierarchy measures in ``weights`` (those
    the full data showed) are recomputed without their significance test.
    Cost: ``repeats`` times the measures."""
    from ._leader_measures import leader_measures
    from ..network import Network

    for name, rate in (("resample_edges", edge_rate), ("resample_persons", person_rate)):
        if not (isinstance(rate, (int, float)) and 0 <= rate < 1):
            raise ValueError(f"{name} must be a share in [0, 1), not {rate!r}")
    nodes, edges = net.to_pandas()
    person_type = options.get("person_type")
    is_person = nodes.index.isin(ids)
    if person_type is not None and "type" in nodes.columns and (nodes["type"] == person_type).any():
        is_person &= (nodes["type"] == person_type).to_numpy()
    rng = np.random.default_rng(np.random.SeedSequence(seed))
    n = len(ids)
    ranks = np.empty((repeats, n), dtype=np.int64)
    pos = pd.Series(np.arange(n), index=ids)
    opts = {k: v for k, v in options.items() if k != "person_type"}
    # the hierarchies the full data showed are kept, untested, in every resample
    hierarchies = [m for m in ("money_up", "calls_up", "calls_down") if weights.get(m, 0) > 0]
    with progress_bar("leaders: resamples", progress) as bar:
        for r in range(repeats):
            drop = is_person & (rng.random(len(nodes)) < person_rate)
            gone = nodes.index[drop]
            keep = (rng.random(len(edges)) >= edge_rate) & ~edges["source"].isin(gone).to_numpy() \
                & ~edges["target"].isin(gone).to_numpy()
            sub = Network.from_pandas(edges[keep], nodes=nodes[~drop], directed=net.directed)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # hubs skipped, as in the full run
                table = leader_measures(sub, person_type, seed + r + 1, hierarchies=hierarchies, **opts)
            score = fused_score(table, weights)
            rk = np.full(n, n + 1, dtype=np.int64)
            here = pos.reindex(score.index).dropna().astype(np.int64)
            rk[here.to_numpy()] = score.rank(ascending=False, method="min").reindex(here.index).to_numpy(np.int64)
            ranks[r] = rk
            if bar is not None:
                bar(r + 1, repeats)
    out = pd.DataFrame({"p_top": (ranks <= top).mean(axis=0),
                        "rank_low": np.percentile(ranks, 5, axis=0, method="lower").astype(np.int64),
                        "rank_high": np.percentile(ranks, 95, axis=0, method="higher").astype(np.int64)},
                       index=ids)
    out.attrs.update(repeats=int(repeats), top=int(top), edge_rate=float(edge_rate),
                     person_rate=float(person_rate), seed=int(seed))
    return out
