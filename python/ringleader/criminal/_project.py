"""Multi-mode projection: a person-person network from phones, accounts,
venues and direct contacts (``Network.project``)."""
from __future__ import annotations

import warnings
from typing import Iterable, Optional

from ..network import core_of, derive

_WEIGHTS = ("count", "weight", "amount", "newman")
#: The default via types: those the network lacks are passed over.
_DEFAULT_VIA = ("phone", "account", "venue")


def project(net, person_type: str = "person", via: Iterable[str] = ("phone", "account", "venue"),
            weight: str = "count", max_hub: Optional[int] = 50, max_pairs: int = 200_000_000):
    """The person-person network behind a multi-mode network.

    Two persons (nodes of ``person_type``) are linked when
      - they are attached to the same node of a ``via`` type (share a phone,
        an account, a venue), through an edge of any type and direction:
        relation ``"shared_<type>"``;
      - a via node attached to one has an edge to a via node attached to the
        other (a phone one uses calls a phone the other uses; an account one
        owns transfers to an account the other owns): relation = that edge's
        type (``"call"``, ``"transfer"``);
      - they have a direct edge (e.g. ``meets``): relation = its type.
    In a directed network, call/transfer/direct evidence keeps its direction
    (source person -> target person) and shared nodes link both ways; in an
    undirected one, pairs are unordered.  A person linked to itself is
    dropped.

    ``weight`` aggregates the evidence of a pair: ``"count"`` (number of
    shared nodes, calls, transfers, meetings), ``"weight"`` (sum of the
    edges' weights; 1 per shared node), ``"amount"`` (sum of the transfers'
    amounts, other evidence 0) or ``"newman"`` (a shared node with k persons
    adds 1/(k - 1) to each of their pairs, Newman 2001; edges count 1).  The
    result has the edge ``weight`` plus one column per relation with the
    evidence it contributed (same aggregation), edge type ``"link"``, and
    the persons with their attributes (persons without links included).

    ``via`` types given other than the default (``"phone"``, ``"account"``,
    ``"venue"``, of which those the network lacks are passed over) must be
    node types of the network: an unknown one is a ``ValueError`` naming it
    and the network's node types (as ``subgraph(node_types=...)``).

    Hubs: a via node attached to more than ``max_hub`` persons (a public
    place, a call centre) would link them all; it is skipped with a warning
    (``max_hub=None`` keeps every node).  Before building pairs the number of
    evidence items (shared pairs, calls and transfers mapped to persons) is
    counted; above ``max_pairs`` a ValueError asks for a smaller ``max_hub``.
    Runs in C++ (ringleader/criminal/projection.hpp) with the GIL released;
    cost O(input + evidence log evidence).

    >>> people = net.project("person", via=["phone", "account", "venue"])   # doctest: +SKIP
    """
    from .. import _core

    if weight not in _WEIGHTS:
        raise ValueError(f"weight must be one of {_WEIGHTS}, not {weight!r}")
    via = [via] if isinstance(via, str) else [str(v) for v in via]
    if tuple(via) != _DEFAULT_VIA:
        types = net.node_types()
        unknown = [v for v in via if v not in types]
        if unknown:
            raise ValueError(f"via: no node has type {unknown[0]!r}; the node types are {', '.join(map(repr, types))}: "
                             "pass via= with node types of the network (e.g. via=['phone', 'account'])")
    if max_hub is not None and (isinstance(max_hub, bool) or int(max_hub) < 1):
        raise ValueError(f"max_hub must be a positive int or None, not {max_hub!r}")
    core, skipped = _core.project(core_of(net), str(person_type), via, weight, 0 if max_hub is None else int(max_hub),
                                  int(max_pairs))
    if skipped:
        ids = net.node_index
        names = [ids[h] for h in skipped[:5]]
        warnings.warn(f"{len(skipped)} {'/'.join(via)} nodes are attached to more than max_hub={max_hub} persons "
                      f"and were skipped (largest: {names}); raise max_hub to keep them", stacklevel=3)
    return derive(net, core)
