"""``ringleader report --resolve``: identity resolution before the report
(:func:`ringleader.resolve.merge`), with ``--resolve-threshold`` and
``--resolve-pairs FILE`` (an accepted-pairs CSV such as the report's
merges.csv, edited: dropping a row undoes that merge)."""
from __future__ import annotations

import argparse
import sys

__all__ = ["share", "resolved", "read_pairs", "identifiers"]

#: Columns of merges.csv that describe a past run (and its row number), not a pair to merge.
_OUTCOME = ("status", "person", "pair")
#: First characters after which the CSV writers put a ``'`` (formula safety).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def share(text: str) -> float:
    """An option value that is a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"wants a number from 0 to 1, not {text!r}")
    return value


def _node(value: str, nodes) -> str:
    """``value`` as a node id: a leading ``'`` that formula safety added
    (merges.csv written with --formula-safe) is taken off again."""
    if value not in nodes and value.startswith("'") and value[1:].startswith(_FORMULA) and value[1:] in nodes:
        return value[1:]
    return value


def read_pairs(path: str, net, threshold):
    """The accepted pairs of ``--resolve-pairs FILE``: columns ``a``, ``b``
    (identifier ids) and optionally ``score`` and evidence columns; the
    ``status`` and ``person`` columns of a previous merges.csv are ignored.
    Clear errors name the file and line."""
    import pandas as pd

    flag = f"--resolve-pairs {path}"
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as e:
        raise ValueError(f"{flag}: cannot read it ({getattr(e, 'strerror', None) or e})") from None
    missing = [c for c in ("a", "b") if c not in table.columns]
    if missing:
        raise ValueError(f"{flag}: no column {missing[0]!r}; the header must name 'a' and 'b' (and may name "
                         f"'score'), as the report's merges.csv does, not {','.join(map(str, table.columns))!r}")
    nodes = net.node_index
    for col in ("a", "b"):
        for line, v in enumerate(table[col], start=2):
            if v == "":
                raise ValueError(f"{flag}:{line}: empty {col}: every row names two identifiers (or an "
                                 "identifier and its person)")
        table[col] = [_node(v, nodes) for v in table[col]]
        unknown = ~table[col].isin(nodes)
        if unknown.any():
            line = int(unknown.to_numpy().argmax()) + 2
            raise ValueError(f"{flag}:{line}: {table[col][line - 2]!r} is not a node of the network: the pairs "
                             "must come from this input (e.g. its report's merges.csv)")
    table = table.drop(columns=[c for c in _OUTCOME if c in table.columns])
    for col in table.columns:
        if col in ("a", "b", "type"):
            continue
        text = table[col].str.strip()
        numbers = pd.to_numeric(text.where(text != ""), errors="coerce")
        if col == "score":
            bad = numbers.isna() | ~numbers.between(0.0, 1.0)
            if bad.any():
                line = int(bad.to_numpy().argmax()) + 2
                raise ValueError(f"{flag}:{line}: score {table[col][line - 2]!r} is not a number from 0 to 1 "
                                 "(or drop the score column to merge every pair listed)")
        table[col] = numbers
    if threshold is not None and "score" not in table.columns:
        raise ValueError(f"--resolve-threshold needs a score column in {flag}; without one every pair listed is "
                         "merged: leave out --resolve-threshold")
    return table


def resolved(net, args, out=None):
    """``(network, mapping)``: the network to run on and the mapping of
    :func:`ringleader.resolve.merge` (None without ``--resolve``); one line
    on what was merged to ``out`` (default stdout)."""
    extra = [f for f, v in (("--resolve-threshold", args.resolve_threshold),
                            ("--resolve-pairs", args.resolve_pairs)) if v is not None]
    if not args.resolve:
        if extra:
            raise ValueError(f"{extra[0]} goes with --resolve: add --resolve (or leave it out)")
        return net, None
    from . import resolve

    pairs = None if args.resolve_pairs is None else read_pairs(args.resolve_pairs, net, args.resolve_threshold)
    net, mapping = resolve.merge(net, pairs, threshold=args.resolve_threshold)
    merges = mapping.attrs["merges"]
    refused = int(merges["status"].astype(str).str.startswith("refused").sum()) if len(merges) else 0
    from .report._resolution import linked

    kept = linked(mapping)
    print(f"resolved: {len(kept)} phones and accounts under {kept.nunique()} persons from {len(merges)} "
          f"accepted pairs ({refused} refused); {len(mapping) - len(kept)} phones without holder are persons of "
          "their own", file=out or sys.stdout)
    return net, mapping


def identifiers(ranking, net, mapping):
    """``ranking`` with the columns ``inferred`` and ``identifiers`` (the
    ids merged under each person, space-separated) on a resolved network."""
    from .report._resolution import persons

    who = persons(net, mapping, ranking.index)
    ranking = ranking.copy()
    ranking["inferred"] = who["inferred"].to_numpy()
    ranking["identifiers"] = [" ".join(x) for x in who["identifiers"]]
    return ranking
