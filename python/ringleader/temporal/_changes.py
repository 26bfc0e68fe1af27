"""What changed between consecutive time windows, for
:func:`ringleader.temporal.changes` (defined here, re-exported there): the
nodes that rose or fell most in rank in a
:func:`ringleader.temporal.measure` result, and the groups of a
:func:`ringleader.temporal.partitions` result that continued, merged,
split, appeared or vanished."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["Changes", "changes"]

@dataclass
class Changes:
    """What changed between consecutive windows (see :func:`changes`).

    ``ranks``: the top risers and fallers in rank per window pair;
    ``groups``: the group events per window pair."""
    ranks: pd.DataFrame
    groups: pd.DataFrame


_RANK_COLUMNS = ["window_before", "window_after", "node", "direction", "rank_before", "rank_after", "change",
                 "value_before", "value_after"]
_GROUP_COLUMNS = ["window_before", "window_after", "event", "before", "after", "size_before", "size_after"]
_EVENTS = ("continued", "merged", "split", "appeared", "vanished")


def _check_frame(df, what: str) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"{what} must be a DataFrame window x node (from rl.temporal."
                         f"{'measure' if what == 'values' else 'partitions'}), not {type(df).__name__}")
    return df


def _rank_changes(values: pd.DataFrame, top: int, within: Optional[int], absent: str) -> pd.DataFrame:
    v = values.to_numpy(dtype=np.float64, na_value=np.nan)
    ranks = values.rank(axis=1, ascending=False, method="min").to_numpy(dtype=np.float64, na_value=np.nan)
    nodes = values.columns
    rows = []
    for i in range(len(values) - 1):
        r0, r1 = ranks[i].copy(), ranks[i + 1].copy()
        seen0, seen1 = ~np.isnan(r0), ~np.isnan(r1)
        if not seen0.any() or not seen1.any():
            continue  # nothing to compare with an empty window
        if absent == "last":
            keep = seen0 | seen1
            r0[~seen0], r1[~seen1] = seen0.sum() + 1, seen1.sum() + 1
        else:
            keep = seen0 & seen1
        if within is not None:
            keep &= np.minimum(r0, r1) <= within
        idx = np.flatnonzero(keep)
        change = r0[idx] - r1[idx]
        rose = idx[change > 0][np.lexsort((r1[idx][change > 0], -change[change > 0]))][:top]
        fell = idx[change < 0][np.lexsort((r0[idx][change < 0], change[change < 0]))][:top]
        for direction, sel in (("rose", rose), ("fell", fell)):
            for j in sel:
                rows.append((values.index[i], values.index[i + 1], nodes[j], direction, int(r0[j]), int(r1[j]),
                             int(r0[j] - r1[j]), v[i, j], v[i + 1, j]))
    return pd.DataFrame(rows, columns=_RANK_COLUMNS)


def _group_events(groups: pd.DataFrame, min_share: float) -> pd.DataFrame:
    g = groups.to_numpy(dtype=np.float64, na_value=np.nan)
    present = ~np.isnan(g)
    if (g[present] != np.round(g[present])).any():
        raise ValueError("groups must hold integer group numbers (NA where a node is absent), as "
                         "rl.temporal.partitions returns")
    lab = np.where(present, g, -1).astype(np.int64)
    rows = []
    for i in range(len(groups) - 1):
        a, b = lab[i], lab[i + 1]
        size_a = pd.Series(a[a >= 0]).value_counts()
        size_b = pd.Series(b[b >= 0]).value_counts()
        both = (a >= 0) & (b >= 0)
        flow = pd.DataFrame({"p": a[both], "c": b[both]}).value_counts().rename("n").reset_index()
        flow["share"] = flow["n"] / flow.groupby("p")["n"].transform("sum")  # of p's surviving members
        events = []
        # merged: at least half of each of >= 2 previous groups' surviving members end up in one group
        for c, f in flow[flow["share"] >= 0.5].groupby("c"):
            if len(f) >= 2:
                events.append(("merged", tuple(sorted(f["p"])), (c,)))
        # split: at least min_share of one previous group's surviving members go to each of >= 2 groups
        for p, f in flow[flow["share"] >= min_share].groupby("p"):
            if len(f) >= 2:
                events.append(("split", (p,), tuple(sorted(f["c"]))))
        involved_a = {x for e in events for x in e[1]}
        involved_b = {x for e in events for x in e[2]}
        events += [("continued", (x,), (x,)) for x in size_a.index.intersection(size_b.index)]
        events += [("appeared", (), (x,)) for x in size_b.index.difference(size_a.index) if x not in involved_b]
        events += [("vanished", (x,), ()) for x in size_a.index.difference(size_b.index) if x not in involved_a]
        events.sort(key=lambda e: (_EVENTS.index(e[0]), e[1], e[2]))
        for event, before, after in events:
            before, after = tuple(int(x) for x in before), tuple(int(x) for x in after)
            rows.append((groups.index[i], groups.index[i + 1], event, before, after,
                         int(size_a.reindex(before).sum()), int(size_b.reindex(after).sum())))
    return pd.DataFrame(rows, columns=_GROUP_COLUMNS)


def changes(values: Optional[pd.DataFrame] = None, groups: Optional[pd.DataFrame] = None, top: int = 5,
            within: Optional[int] = None, absent: str = "last", min_share: float = 0.3) -> Changes:
    """Who rose or fell most in rank, and which groups appeared, merged,
    split or vanished, between consecutive windows.

    Defaults: ``values=None``, ``groups=None`` (give at least one),
    ``top=5``, ``within=None``, ``absent="last"``, ``min_share=0.3``.

    ``values`` is a :func:`measure` DataFrame (window x node).  In each
    window nodes are ranked by value, rank 1 = highest (ties share the best
    rank: 1, 2, 2, 4).  ``absent="last"``: a node absent (NaN) in one of the
    two windows ranks just below that window's last present node, so
    arrivals count as rises and departures as falls; ``absent="exclude"``:
    only nodes present in both windows are compared; a pair of windows one
    of which has no value at all is skipped.  ``within=k`` keeps the
    nodes ranked k or better in either window (rank changes at the bottom
    of a large ranking are otherwise the largest).  ``.ranks`` lists, per
    consecutive pair of windows, the ``top`` nodes that rose most (largest
    ``change`` = rank_before - rank_after, ties: better rank_after first)
    then the ``top`` that fell most: columns ``window_before``,
    ``window_after``, ``node``, ``direction`` (``"rose"``/``"fell"``),
    ``rank_before``, ``rank_after``, ``change``, ``value_before``,
    ``value_after`` (NaN when absent).

    ``groups`` is a :func:`partitions` DataFrame (integer group numbers, NA
    = absent).  Between two windows, only members present in both move;
    each previous group's *surviving* members are its members present in the
    next window.  ``.groups`` lists per pair the events: ``"continued"``
    (the number is in both windows), ``"merged"`` (at least half of the
    surviving members of each of two or more previous groups are in one
    group), ``"split"`` (at least ``min_share`` of one previous group's
    surviving members are in each of two or more groups), ``"appeared"`` (a
    new number that no merge or split explains), ``"vanished"`` (a number
    gone, not part of a merge or split).  A group can continue and take part
    in a merge or split (the part that kept its number).  Columns
    ``window_before``, ``window_after``, ``event``, ``before`` and ``after``
    (tuples of group numbers), ``size_before``/``size_after`` (their
    members in each window).

    >>> ch = rl.temporal.changes(values, groups, top=3)                   # doctest: +SKIP
    >>> ch.ranks[ch.ranks.direction == "rose"]; ch.groups.event.value_counts()   # doctest: +SKIP
    """
    if values is None and groups is None:
        raise ValueError("give values (from rl.temporal.measure) and/or groups (from rl.temporal.partitions)")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise ValueError(f"top must be a positive int, not {top!r}")
    if within is not None and (isinstance(within, bool) or not isinstance(within, (int, np.integer))
                               or within < 1):
        raise ValueError(f"within must be None or a positive int, not {within!r}")
    if absent not in ("last", "exclude"):
        raise ValueError(f"absent must be 'last' or 'exclude', not {absent!r}")
    min_share = float(min_share)
    if not 0.0 < min_share <= 0.5:
        raise ValueError(f"min_share must be in (0, 0.5] (a group can split into parts of at least this "
                         f"share), not {min_share}")
    ranks = (_rank_changes(_check_frame(values, "values"), int(top), within, absent) if values is not None
             else pd.DataFrame(columns=_RANK_COLUMNS))
    events = (_group_events(_check_frame(groups, "groups"), min_share) if groups is not None
              else pd.DataFrame(columns=_GROUP_COLUMNS))
    return Changes(ranks=ranks, groups=events)
