"""The telecom-fraud compound: the generator :func:`fraud_network` (C++,
every knob exposed) and the family :func:`fraud_compound` (structural
parameters drawn per seed, the common missing-data model)."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .. import _core
from .._kernel import seed_of
from .._times import to_ns
from ..network import wrap
from ._common import finish, start

__all__ = ["fraud_network", "fraud_compound", "LEADER_ROLES", "KEY_MEMBER_ROLES"]

LEADER_ROLES = ("boss", "financier", "manager")
KEY_MEMBER_ROLES = LEADER_ROLES + ("team_leader",)


def fraud_network(n_groups: int = 3, teams_per_group: int = 4, operators_per_team: int = 8,
                  victims_per_operator: int = 5, noise: float = 0.0, seed: Optional[int] = None, *,
                  insulation: float = 0.8, missing: Optional[float] = None, false_links: Optional[float] = None,
                  overlap: float = 0.05, financiers: int = 2, managers_per_group: int = 1,
                  recruiters_per_group: int = 2, facilitators_per_group: int = 1, mules_per_group: int = 4,
                  layers: int = 2, outsiders_per_member: float = 1.0, start="2024-01-01", days: int = 180):
    """A synthetic cross-border telecom-fraud organisation with ground truth.

    Returns ``(net, truth)``: a directed multi-mode :class:`Network` (node
    types ``person``, ``phone``, ``account``, ``venue``; edge types ``uses``,
    ``owns``, ``located_at``, ``meets``, ``call``, ``transfer``, each with a
    timestamp, transfers with an ``amount``), and a DataFrame indexed by person
    id with ``role``, ``group`` and ``team``.  Roles: ``boss``, ``financier``,
    ``manager`` (the leaders, :data:`LEADER_ROLES`), ``team_leader`` (key
    members with the leaders), ``operator``, ``recruiter``, ``facilitator``,
    ``mule``, ``victim``, ``outsider``.  The boss and financiers, victims and
    outsiders have group -1; teams are numbered across groups
    (group x teams_per_group + t), -1 for people outside a team.

    The organisation: one boss and ``financiers`` financiers; ``n_groups``
    groups, each in its own compound ("industrial park") with
    ``managers_per_group`` managers, ``recruiters_per_group`` recruiters,
    ``facilitators_per_group`` border-crossing facilitators,
    ``mules_per_group`` money mules and ``teams_per_group`` teams (a team
    leader and ``operators_per_team`` callers); ``victims_per_operator``
    victims per operator and about ``outsiders_per_member`` family members or
    neighbours per member.  Operators use 2-4 phones (SIM cards change),
    leaders one.  Calls: operators to victims; reports up the hierarchy
    (operator -> team leader -> manager -> boss, or through a financier with
    probability ``insulation``); recruiters and facilitators to managers;
    family calls.  Money: victims pay into mule accounts, which pass it
    (minus a cut) through ``layers`` layering accounts to the group's
    collection account; monthly the collection account pays 60% to the
    boss's crypto wallets, 30% to the financiers' and 10% as salaries down
    the hierarchy.  Every hop is later than the one before.

    Realism knobs: ``insulation`` (how often managers report through a
    financier instead of to the boss), ``missing`` (share of calls and
    transfers not observed), ``false_links`` (false calls between random
    people, as a share of the observed calls), ``overlap`` (share of
    operators, team leaders and mules also active in a second group).
    ``noise`` sets both ``missing`` and ``false_links`` when they are not
    given.

    Deterministic for a given ``seed`` (``seed=None`` draws one, stored in
    ``truth.attrs["seed"]``).  Linear time: 100,000 persons take well under
    a second.  Persons = 1 + financiers + n_groups x (managers + recruiters +
    facilitators + mules + teams x (1 + operators x (1 + victims))) plus
    about outsiders_per_member x members outsiders.

    >>> net, truth = rl.generate.fraud_network(seed=1)
    >>> truth.role.value_counts()["boss"]
    1
    """
    def count(x, name, low=0):
        if isinstance(x, bool) or not isinstance(x, (int, np.integer)) or int(x) < low:
            raise ValueError(f"{name} must be an integer >= {low}, not {x!r}")
        return int(x)

    noise = float(noise)
    if not 0.0 <= noise <= 1.0:
        raise ValueError(f"noise must be in [0, 1], not {noise}")
    s = seed_of(seed)
    start_ns = to_ns(start, "start")
    r = _core.fraud_network(
        count(n_groups, "n_groups", 1), count(teams_per_group, "teams_per_group", 1),
        count(operators_per_team, "operators_per_team", 1), count(victims_per_operator, "victims_per_operator"),
        count(financiers, "financiers", 1), count(managers_per_group, "managers_per_group", 1),
        count(recruiters_per_group, "recruiters_per_group"), count(facilitators_per_group, "facilitators_per_group"),
        count(mules_per_group, "mules_per_group", 1), count(layers, "layers"), float(outsiders_per_member),
        float(insulation), noise if missing is None else float(missing),
        noise if false_links is None else float(false_links), float(overlap), int(start_ns),
        count(days, "days", 1), s)
    core, person, role, group, team, names = r
    net = wrap(core)
    ids = net.node_index[np.asarray(person, dtype=np.int64)]
    truth = pd.DataFrame({
        "role": np.asarray(list(names), dtype=object)[np.asarray(role, dtype=np.int64)],
        "group": np.asarray(group, dtype=np.int64),
        "team": np.asarray(team, dtype=np.int64),
    }, index=pd.Index(ids, name="id"))
    truth.attrs["seed"] = s
    return net, truth


FORM = ("telecom-fraud compound: groups of caller teams in 'industrial parks' reporting up to managers and a "
        "boss, victims paying into mule accounts layered to the leaders' wallets")
REFERENCE = ("UNODC (2023). Casinos, money laundering, underground banking, and transnational organized crime in "
             "East and Southeast Asia; ringleader's own generator (ringleader/generate/fraud_network.hpp)")
FAMILY_LEADER_ROLES = LEADER_ROLES
#: Structural parameters and the ranges each seed draws them from.
RANGES = {"teams_per_group": (2, 5), "operators_per_team": (4, 10), "victims_per_operator": (2, 8),
          "financiers": (1, 3), "managers_per_group": (1, 2), "recruiters_per_group": (1, 3),
          "facilitators_per_group": (0, 2), "mules_per_group": (2, 6), "layers": (1, 3),
          "insulation": (0.3, 0.95), "overlap": (0.0, 0.1), "outsiders_per_member": (0.5, 1.5)}


def fraud_compound(size: int = 100, noise: float = 0.0, missing_edges: float = 0.0, missing_persons: float = 0.0,
                   spurious_edges: Optional[float] = None, seed: Optional[int] = None, *, params=None):
    """The telecom-fraud compound family: :func:`fraud_network` with its
    structural parameters drawn per seed from ``RANGES`` (``params=``
    fixes some), about ``size`` organisation members (every role but victim
    and outsider; the number of groups follows), then the common
    missing-data model (``_common.finish``: ``noise``
    misattributes that share of calls, transfers and meetings,
    ``missing_edges`` drops edges, ``missing_persons`` drops persons, kept in
    the truth with ``observed=False``, ``spurious_edges`` adds false
    interactions, default ``noise``).  Leaders: boss, financier, manager.

    >>> net, truth = rl.generate.fraud_compound(size=80, seed=1)
    >>> truth.attrs["leader_roles"]
    ('boss', 'financier', 'manager')
    """
    d = start(size, noise, missing_edges, missing_persons, spurious_edges, seed, params, RANGES, 1)
    s, size, rng, p = d.seed, d.size, d.rng, d.params
    per_group = (p["managers_per_group"] + p["recruiters_per_group"] + p["facilitators_per_group"]
                 + p["mules_per_group"] + p["teams_per_group"] * (1 + p["operators_per_team"]))
    groups = max(1, int(round((size - 1 - p["financiers"]) / per_group)))
    p["n_groups"] = groups
    gen = {k: v for k, v in p.items()}
    net, truth = fraud_network(seed=int(rng.integers(2**31)), noise=0.0, **gen)
    nodes, edges = net.nodes, net.edges
    t0 = edges["timestamp"].min()
    day = ((edges["timestamp"] - t0) / pd.Timedelta(days=1)).to_numpy()
    rows = list(zip(truth.index, truth["role"], truth["group"], truth["team"]))
    e = list(zip(edges["source"], edges["target"], edges["type"], day, edges["amount"]))
    return finish(list(nodes.index), list(nodes["type"]), rows, e, rng, family="fraud_compound",
                  leader_roles=LEADER_ROLES, params=p, seed=s, noise=noise, missing_edges=missing_edges,
                  missing_persons=missing_persons, spurious_edges=spurious_edges, start=t0)
