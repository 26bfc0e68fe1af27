"""The analysis behind a report, computed once: :func:`analyse` returns an
:class:`Analysis` (the leader ranking, communities, key players, disruption
curves, the money summary and notes) that the renderers read: report.json
(``_document``), the pictures and the CSV files from it directly, the HTML
and Markdown pages through the report.json document.

The report uses rl.leaders' own defaults (:data:`LEADER_DEFAULTS`: the
transfer and call edge types, the hub limit of the person network) rather
than restating them.
"""
from __future__ import annotations

import inspect
import math
import sys
import warnings
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from .. import community, criminal, money
from ..criminal._leaders import DEFAULT_WEIGHTS

__all__ = ["Settings", "Progress", "Analysis", "PersonNetworkSummary", "MoneySummary", "analyse", "money_summary",
           "finite", "LEADER_DEFAULTS"]

#: The defaults of :func:`ringleader.leaders` (``transfer_type``,
#: ``call_type``, ``max_hub``, ``min_evidence``, ...): the report runs with them.
LEADER_DEFAULTS = {name: p.default for name, p in inspect.signature(criminal.leaders).parameters.items()
                   if p.default is not inspect.Parameter.empty}


@dataclass(frozen=True)
class Settings:
    """The parameters of a report, as report.json's ``parameters`` lists them."""
    seed: int
    person_type: Optional[str]
    threads: int
    top: int
    key_players: int
    disruption_steps: int
    analysis_limit: int
    max_communities: int
    leader_weights: dict
    pseudonymized: bool
    pseudonyms: Optional[str]   # "numbered", "keyed" or None

    @classmethod
    def of(cls, seed: int, *, person_type: Optional[str], threads: int, top: int, key_players: int,
           disruption_steps: int, analysis_limit: int, max_communities: int, leader_weights, pseudonymize: bool,
           pseudonym_key) -> "Settings":
        """The settings of :func:`ringleader.report.write`'s arguments:
        integers as int, rl.leaders' default weights overridden by
        ``leader_weights``, how pseudonyms were made."""
        return cls(seed=seed, person_type=person_type, threads=int(threads), top=int(top),
                   key_players=int(key_players), disruption_steps=int(disruption_steps),
                   analysis_limit=int(analysis_limit), max_communities=int(max_communities),
                   leader_weights={**DEFAULT_WEIGHTS, **dict(leader_weights or {})},
                   pseudonymized=bool(pseudonymize),
                   pseudonyms=None if not pseudonymize else "numbered" if pseudonym_key is None else "keyed")


class Progress:
    """'ringleader report: [i/n] what' lines on stderr when ``progress`` is on.

    >>> step = Progress(True, 6)
    >>> step("ranking leaders")          # doctest: +SKIP
    ringleader report: [1/6] ranking leaders
    """

    def __init__(self, progress: bool, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, what: str) -> None:
        self.done += 1
        if self.progress:
            print(f"ringleader report: [{self.done}/{self.total}] {what}", file=sys.stderr, flush=True)


def finite(x) -> Optional[float]:
    """``x`` as a float, None when missing or not finite."""
    return None if x is None or not math.isfinite(float(x)) else float(x)


@dataclass
class PersonNetworkSummary:
    """The person network in numbers."""
    persons: int
    links: int
    projected: bool              # built from a multi-mode network (rl.criminal.person_network)
    communities: int
    modularity: Optional[float]  # None without persons or links


@dataclass
class MoneySummary:
    """The money flow: totals of the transfers with an amount, the money
    traced from the origin accounts (accounts that send but never receive),
    who holds it, its main paths and a freeze plan."""
    transfers: int
    amount: float
    accounts: int
    origin_accounts: int
    traced: Optional[float] = None            # None: not traced (see the notes)
    holders: Optional[pd.DataFrame] = None    # per owner: received, held (NaN when not traced)
    paths: object = field(default_factory=list)   # rl.money.trace's paths
    freeze: object = None                     # rl.money.FreezePlan, None without leaders' accounts


@dataclass
class Analysis:
    """Everything a report shows, computed once by :func:`analyse`."""
    net: object
    persons: object                 # undirected person-person network
    ranking: pd.DataFrame           # rl.leaders
    communities: pd.DataFrame       # per community: size, internal_weight, cut, conductance; largest first
    summary: PersonNetworkSummary
    scope: object = None            # the persons key players and disruption ran on
    key_players: object = None
    disruption: dict = field(default_factory=dict)   # strategy -> DataFrame
    money: Optional[MoneySummary] = None
    notes: list = field(default_factory=list)
    resolution: object = None       # rl.resolve.merge's mapping that made net (None: not resolved, or pseudonymized)

    def label(self, v) -> Optional[str]:
        """The label of node ``v``, None when it has none."""
        nodes = self.net.nodes
        label = nodes["label"].get(v) if v in nodes.index else None
        return None if label is None or pd.isna(label) else str(label)


def _rank(net, s: Settings, progress: bool):
    """(ranking, person network, warnings as notes)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ranking = criminal.leaders(net, s.person_type, s.seed, weights=s.leader_weights, threads=s.threads,
                                   progress=progress)
        persons = criminal.person_network(net, s.person_type, max_hub=LEADER_DEFAULTS["max_hub"],
                                          min_evidence=LEADER_DEFAULTS["min_evidence"]).net
    return ranking, persons, sorted({str(w.message) for w in caught})


def _summarise(persons, ranking) -> tuple:
    """(communities table largest first, PersonNetworkSummary)."""
    part = ranking["community"]
    table = community.summary(persons, part) if len(ranking) else pd.DataFrame(
        columns=["size", "internal_weight", "volume", "cut", "conductance"])
    modularity = None
    if len(ranking) and persons.number_of_edges():
        modularity = finite(community.modularity(persons, part))
    summary = PersonNetworkSummary(len(ranking), persons.number_of_edges(), bool(ranking.attrs.get("projected", False)),
                                   int(part.nunique()), modularity)
    return table.sort_values("size", ascending=False, kind="stable"), summary


def _simulate(a: Analysis, s: Settings, step: Progress) -> None:
    """Key players and disruption curves on at most ``analysis_limit`` persons."""
    ranking, persons = a.ranking, a.persons
    step("key players")
    scope = persons if len(ranking) <= s.analysis_limit else persons.subgraph(
        nodes=list(ranking.index[:s.analysis_limit]))
    a.scope = scope
    k = min(s.key_players, scope.number_of_nodes() - 2)
    if k >= 1 and scope.number_of_edges():
        a.key_players = criminal.key_players(scope, k, objective="fragmentation", seed=s.seed, threads=s.threads,
                                             progress=step.progress)
    step("disruption")
    n = min(s.disruption_steps, scope.number_of_nodes() - 1)
    if n >= 1 and scope.number_of_edges():
        in_scope = ranking.index[ranking.index.isin(scope.node_index)]
        a.disruption = {
            "leader ranking": criminal.disruption(scope, list(in_scope[:n]), threads=s.threads),
            "degree": criminal.disruption(scope, "degree", steps=n, threads=s.threads),
            "betweenness": criminal.disruption(scope, "betweenness", steps=n, threads=s.threads),
            "random": criminal.disruption(scope, "random", steps=n, repeats=20, seed=s.seed, threads=s.threads),
        }


def analyse(net, s: Settings, step: Progress) -> Analysis:
    """Rank the leaders, summarise the communities, simulate key players and
    disruption and follow the money (four steps of ``step``).

    >>> a = analyse(net, settings, Progress(False, 4))     # doctest: +SKIP
    >>> a.ranking.head(3), a.summary.modularity, a.money.traced   # doctest: +SKIP
    """
    step("ranking leaders")
    ranking, persons, notes = _rank(net, s, step.progress)
    communities, summary = _summarise(persons, ranking)
    a = Analysis(net, persons, ranking, communities, summary, notes=notes)
    _simulate(a, s, step)
    step("money flow")
    a.money = money_summary(net, ranking, a.notes)
    return a


def received_by_owner(net, tr: pd.DataFrame) -> pd.Series:
    """Money into each owner's accounts (``owns`` edges, as :func:`ringleader.money.received`
    reads ownership) over the transfers ``tr`` whose amount is finite and not
    negative: the fallback when the money cannot be traced."""
    amount = tr["amount"].to_numpy(dtype=np.float64)
    usable = tr[np.isfinite(amount) & (amount >= 0)]
    inflow = usable.groupby("target", sort=False)["amount"].sum()
    e = net.edges
    owns = e[e["type"] == "owns"]
    into = owns["target"].map(inflow).fillna(0.0)
    by_owner = into.groupby(owns["source"], sort=False).sum()
    return by_owner.reindex(net.node_index, fill_value=0.0).rename("received")


def money_summary(net, ranking: pd.DataFrame, notes: list) -> Optional[MoneySummary]:
    """Totals, traced money from the origin accounts, holders, main paths and
    a freeze plan against the accounts the leaders own; None without
    transfers with amounts.  Appends to ``notes`` why money was not traced."""
    transfer = LEADER_DEFAULTS["transfer_type"]
    tr = money.transfer_edges(net, transfer)
    if tr.empty:
        return None
    origins = pd.Index(tr["source"].unique()).difference(pd.Index(tr["target"].unique()))
    accounts = pd.unique(np.concatenate([tr["source"].to_numpy(), tr["target"].to_numpy()]))
    out = MoneySummary(len(tr), float(tr["amount"].sum()), len(accounts), len(origins))
    try:
        if origins.empty:
            raise ValueError("no account sends transfers without receiving any, so no money can be traced from "
                             "an origin")
        t = money.trace(net, list(origins), transfer_type=transfer)
    except ValueError as exc:
        notes.append(f"Money was not traced: {exc}. Holders are the owners of the accounts receiving the most "
                     "money in the transfers with a usable (finite, non-negative) amount.")
        held = received_by_owner(net, tr)
        held = held[held > 0].sort_values(ascending=False, kind="stable")
        out.holders = pd.DataFrame({"received": held, "held": np.nan})
        return out
    out.traced, out.holders, out.paths = t.emitted, t.persons, t.paths
    # freeze: the accounts of the persons ranked as leaders, as sinks
    leaders = ranking.index[ranking["role"] == "leader"]
    sinks = money.owned_accounts(net, leaders).difference(origins)
    sinks = sinks[sinks.isin(pd.Index(tr["target"]))]
    if len(sinks):
        out.freeze = money.freeze_plan(net, list(origins), list(sinks), cut="accounts", k=3, transfer_type=transfer)
    return out
