"""Follow the money: where victims' money went, which accounts hold it, and
which transfers or accounts to freeze.

Transfers are the edges of type ``"transfer"`` (``transfer_type=``) between
accounts, with an ``amount`` (required: finite, >= 0) and, for tracing, a
``timestamp``.  Sources and sinks may be accounts or their owners: a node
that owns accounts (``"owns"`` edges, ``owns_type=``) stands for all the
accounts it owns.  Results are indexed by node id.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

import numpy as np
import pandas as pd

from . import _core
from ._display import result_html, result_text
from ._times import NAT
from .network import core_of

__all__ = ["trace", "freeze_plan", "received", "MoneyTrace", "FreezePlan"]



@dataclass
class _Transfers:
    n: int
    edge: np.ndarray    # edge rows of the transfers in net.edges
    src: np.ndarray
    dst: np.ndarray
    amount: np.ndarray
    time: Optional[np.ndarray]


def _transfers(net, transfer_type: str, need_time: bool) -> _Transfers:
    core = core_of(net)
    names = list(core.edge_type_names())
    if transfer_type not in names:
        raise ValueError(f"the network has no '{transfer_type}' edges (edge types: {names}); "
                         "name the transfer type with transfer_type=")
    mask = np.asarray(core.edge_type_codes()) == names.index(transfer_type)
    edge = np.flatnonzero(mask)
    src = np.asarray(core.edge_source())[mask].astype(np.uint32)
    dst = np.asarray(core.edge_target())[mask].astype(np.uint32)
    ids = net.node_index
    amount = core.edge_amount()
    if amount is None:
        raise ValueError(f"the '{transfer_type}' edges have no amount: give transfers an 'amount' column")
    amount = np.asarray(amount)[mask]
    bad = ~np.isfinite(amount) | (amount < 0)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{int(bad.sum())} transfers have a missing, negative or infinite amount, e.g. "
                         f"{ids[src[i]]} -> {ids[dst[i]]} (amount {amount[i]}): fix or drop them")
    time = None
    if need_time:
        ts = core.edge_timestamp()
        time = np.full(len(edge), NAT, dtype=np.int64) if ts is None else np.asarray(ts)[mask]
        missing = time == NAT
        if missing.any():
            i = int(np.flatnonzero(missing)[0])
            raise ValueError(f"{int(missing.sum())} transfers have no timestamp, e.g. {ids[src[i]]} -> {ids[dst[i]]}: "
                             "tracing follows money forward in time; give them timestamps or drop them")
    return _Transfers(net.number_of_nodes(), edge, src, dst, amount.astype(np.float64), time)


def _owners(net, owns_type: str):
    """(owner vertex, account vertex) arrays of the ownership edges."""
    core = core_of(net)
    names = list(core.edge_type_names())
    if owns_type not in names:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    mask = np.asarray(core.edge_type_codes()) == names.index(owns_type)
    return np.asarray(core.edge_source())[mask].astype(np.int64), np.asarray(core.edge_target())[mask].astype(np.int64)


def transfer_edges(net, transfer_type: str = "transfer") -> pd.DataFrame:
    """The rows of ``net.edges`` that are transfers with an amount:
    ``transfer_type`` edges whose ``amount`` is not missing.  The one
    definition the money measures of :func:`ringleader.leaders` and the
    report count (not in ``__all__``: a helper of the package).

    >>> transfer_edges(rl.generate.fraud_network(seed=1)[0])["amount"].gt(0).all()   # doctest: +SKIP
    True
    """
    e = net.edges
    if "amount" not in e.columns:
        return e.iloc[:0]
    return e[(e["type"] == transfer_type) & e["amount"].notna()]


def owned_accounts(net, owners, owns_type: str = "owns") -> pd.Index:
    """Ids of the nodes that ``owners`` own: the targets of the
    ``owns_type`` edges whose source is one of ``owners``, as :func:`trace`,
    :func:`received` and :func:`freeze_plan` read ownership (not in
    ``__all__``: a helper of the package).  Sorted by node order.

    >>> owned_accounts(net, ["P000001"])   # the bundled sample   # doctest: +SKIP
    Index(['A0000001', 'A0000072', 'A0000073'], dtype='object', name='id')
    """
    owner, account = _owners(net, owns_type)
    pos = net.node_index.get_indexer(list(owners))
    return net.node_index[np.unique(account[np.isin(owner, pos[pos >= 0])])]


def _accounts_of(net, ids, what: str, t: _Transfers, owns_type: str) -> np.ndarray:
    """Vertices of the accounts named by `ids` (accounts, or owners standing
    for the accounts they own)."""
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Iterable):
        ids = [ids]
    ids = list(ids)
    if not ids:
        raise ValueError(f"give at least one {what}")
    index = net.node_index
    pos = index.get_indexer(ids)
    if (pos < 0).any():
        unknown = [x for x, p in zip(ids, pos) if p < 0][:5]
        raise ValueError(f"unknown {what}: {unknown} are not nodes of the network")
    owner, account = _owners(net, owns_type)
    active = np.zeros(t.n, dtype=bool)
    active[t.src] = True
    active[t.dst] = True
    pos = pos.astype(np.int64)
    has_accounts = np.isin(pos, owner)
    bad = ~has_accounts & ~active[pos]
    if bad.any():
        raise ValueError(f"{what} {ids[int(np.flatnonzero(bad)[0])]!r} neither sends nor receives transfers nor owns "
                         f"accounts ({int(bad.sum())} such)")
    out = np.concatenate([account[np.isin(owner, pos)], pos[active[pos]]])
    return np.unique(out).astype(np.uint32)


@dataclass(repr=False)
class MoneyTrace:
    """Result of :func:`trace`.

    ``accounts``: DataFrame indexed by account id (every node that sends or
    receives a transfer) with ``received`` (traced money credited),
    ``passed_on`` (traced money sent on; 0 for sources) and ``held`` (=
    received - passed_on), sorted by ``held``, largest first.  ``persons``:
    the same summed over the accounts each node owns, indexed by owner id.
    ``paths``: the main paths, one per top holding account: ``account``,
    ``amount`` (the bottleneck: traced money that moved along every hop),
    ``hops`` and ``path`` (ids, source first).  ``transfers``: every
    transfer with the traced money it carried (``traced``).  ``emitted``:
    money the sources sent.  ``rule``: the allocation rule.
    """
    accounts: pd.DataFrame
    persons: pd.DataFrame
    paths: pd.DataFrame
    transfers: pd.DataFrame
    emitted: float
    rule: str
    sources: list = field(default_factory=list)

    def _parts(self) -> tuple:
        fields = {"emitted": self.emitted, "rule": self.rule, "sources": len(self.sources),
                  "accounts": len(self.accounts), "paths": len(self.paths)}
        return "MoneyTrace", fields, self.persons, "who holds the traced money (persons)"

    def __repr__(self) -> str:
        return result_text(*self._parts())

    def _repr_html_(self) -> str:
        return result_html(*self._parts())


def trace(net, sources, rule: str = "proportional", n_paths: int = 10, transfer_type: str = "transfer",
          owns_type: str = "owns") -> MoneyTrace:
    """How much money from ``sources`` reached every account and person.

    Follows transfers forward in time: a transfer passes on traced money only
    if it arrived strictly before the transfer (transfers at the same instant
    are simultaneous).  All money a source account sends is traced; traced
    money returning to a source stays there; money an account sends beyond its
    balance is untraced (its own funds).  ``rule`` says which money a transfer
    carries: ``"proportional"`` (mixed: the traced share of the balance, the
    "haircut" rule) or ``"fifo"`` (first in, first out).  Money is conserved:
    ``emitted == accounts.held.sum()``.

    ``sources``: account ids, or owners (e.g. victims) standing for their
    accounts.  Main paths: for the ``n_paths`` accounts holding the most
    traced money, the widest path (largest bottleneck of traced money per
    account pair) from the sources; paths ignore time order.  Complexity
    O(m log m).

    >>> net, truth = rl.generate.fraud_network(seed=1)
    >>> victims = truth.index[truth.role == "victim"]
    >>> t = rl.money.trace(net, victims)
    >>> t.persons.loc[truth.index[truth.role == "boss"], "received"]   # doctest: +SKIP
    """
    if rule not in ("proportional", "fifo"):
        raise ValueError(f"rule must be 'proportional' or 'fifo', not {rule!r}")
    t = _transfers(net, transfer_type, need_time=True)
    src = _accounts_of(net, sources, "source", t, owns_type)
    r = _core.money_trace(t.n, t.src, t.dst, t.amount, t.time, src, rule)
    ids = net.node_index
    active = np.zeros(t.n, dtype=bool)
    active[t.src] = True
    active[t.dst] = True
    active[src] = True
    cols = {k: np.asarray(r[k]) for k in ("received", "passed_on", "held")}
    accounts = pd.DataFrame({k: v[active] for k, v in cols.items()}, index=ids[active])
    accounts = accounts.sort_values("held", ascending=False, kind="stable")
    owner, account = _owners(net, owns_type)
    keep = active[account] if len(account) else np.zeros(0, dtype=bool)
    per = pd.DataFrame({k: v[account[keep]] for k, v in cols.items()})
    per["owner"] = ids[owner[keep]]
    persons = per.groupby("owner", sort=False).sum()
    persons.index.name = None
    persons = persons.sort_values("held", ascending=False, kind="stable")
    traced = np.asarray(r["traced"])
    edges = net.edges.iloc[t.edge][["source", "target", "timestamp", "amount"]].copy()
    edges["traced"] = traced
    width, pred = _core.widest_paths(t.n, t.src, t.dst, traced, src)
    width, pred = np.asarray(width), np.asarray(pred)
    is_src = np.zeros(t.n, dtype=bool)
    is_src[src] = True
    rows = []
    held = cols["held"]
    for v in np.argsort(-held, kind="stable"):
        if len(rows) >= n_paths or held[v] <= 0:
            break
        if is_src[v] or width[v] <= 0:
            continue
        path, x = [int(v)], int(v)
        while not is_src[x] and pred[x] != np.iinfo(np.uint32).max and len(path) <= t.n:
            x = int(pred[x])
            path.append(x)
        path.reverse()
        rows.append({"account": ids[v], "held": float(held[v]), "amount": float(width[v]), "hops": len(path) - 1,
                     "path": [ids[p] for p in path]})
    paths = pd.DataFrame(rows, columns=["account", "held", "amount", "hops", "path"])
    return MoneyTrace(accounts, persons, paths, edges.reset_index(drop=True), float(r["emitted"]), rule,
                      [ids[s] for s in src])


@dataclass(repr=False)
class FreezePlan:
    """Result of :func:`freeze_plan`: ``cut`` (DataFrame of account pairs
    ``source``, ``target``, ``capacity``, ``transfers`` for a transfer cut;
    list of account ids for an account cut), ``capacity`` (the cut's total:
    money of the frozen transfers, or throughput of the frozen accounts),
    ``total`` (the most money the transfers can carry from sources to sinks,
    the maximum flow), ``stopped`` (what the freeze stops: total -
    remaining) and ``remaining`` (the maximum flow left after the freeze)."""
    cut: object
    capacity: float
    total: float
    stopped: float
    remaining: float
    kind: str

    def _parts(self) -> tuple:
        fields = {"cut": self.kind, "capacity": self.capacity, "total": self.total, "stopped": self.stopped,
                  "remaining": self.remaining}
        return "FreezePlan", fields, self.cut, "what to freeze"

    def __repr__(self) -> str:
        return result_text(*self._parts())

    def _repr_html_(self) -> str:
        return result_html(*self._parts())


def freeze_plan(net, sources, sinks, capacity: str = "amount", cut: str = "transfers", k: Optional[int] = None,
                transfer_type: str = "transfer", owns_type: str = "owns") -> FreezePlan:
    """Which transfers or accounts to freeze to cut the money from
    ``sources`` (e.g. victims) to ``sinks`` (e.g. the leaders' wallets).

    The transfers of each ordered account pair are merged into one arc whose
    capacity is their total amount (``capacity="amount"``, in exact cents) or
    their number (``"count"``); time is ignored (the most money the observed
    transfers could carry).  ``cut="transfers"``: the minimum cut, the
    account pairs of least total capacity whose freezing separates the
    sources from the sinks (it equals the maximum flow, by the max-flow
    min-cut theorem).  ``cut="accounts"``: the accounts of least total
    throughput (money received) whose freezing separates them (sources are
    never frozen; sinks may be).  With ``k``: the best ``k`` items by a
    greedy method: k times, freeze the item carrying the most money in the
    current maximum flow, then recompute (``remaining`` may then be > 0).
    Sources and sinks may be accounts or their owners.

    Maximum flow: Boost.Graph's Boykov-Kolmogorov algorithm.  Complexity:
    in practice near-linear on transfer networks; k greedy rounds cost k
    flows.

    >>> net, truth = rl.generate.fraud_network(seed=1)
    >>> plan = rl.money.freeze_plan(net, truth.index[truth.role == "victim"],
    ...                             truth.index[truth.role.isin(["boss", "financier"])])
    >>> plan.stopped == plan.total
    True
    """
    if capacity not in ("amount", "count"):
        raise ValueError(f"capacity must be 'amount' or 'count', not {capacity!r}")
    if cut not in ("transfers", "accounts"):
        raise ValueError(f"cut must be 'transfers' or 'accounts', not {cut!r}")
    if k is not None and (isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1):
        raise ValueError(f"k must be None or a positive integer, not {k!r}")
    t = _transfers(net, transfer_type, need_time=False)
    src = _accounts_of(net, sources, "source", t, owns_type)
    dst = _accounts_of(net, sinks, "sink", t, owns_type)
    both = np.intersect1d(src, dst)
    if len(both):
        raise ValueError(f"accounts {net.node_index[both[:5]].tolist()} are both sources and sinks: keep them apart")
    r = _core.freeze_plan(t.n, t.src, t.dst, t.amount, src, dst, cut, capacity == "count", int(k or 0))
    ids = net.node_index
    if cut == "transfers":
        cs, ct = np.asarray(r["cut_source"], dtype=np.int64), np.asarray(r["cut_target"], dtype=np.int64)
        result = pd.DataFrame({"source": ids[cs], "target": ids[ct], "capacity": np.asarray(r["cut_capacity"]),
                               "transfers": np.asarray(r["cut_transfers"], dtype=np.int64)})
        result = result.sort_values("capacity", ascending=False, kind="stable").reset_index(drop=True)
    else:
        result = list(ids[np.asarray(r["cut_accounts"], dtype=np.int64)])
    return FreezePlan(result, float(r["capacity"]), float(r["total"]), float(r["stopped"]), float(r["remaining"]),
                      cut)


def received(net, sources=None, rule: str = "proportional", transfer_type: str = "transfer",
             owns_type: str = "owns") -> pd.Series:
    """Money received per owner (person) through the accounts it owns: money
    evidence for leader ranking.

    Without ``sources``: the total amount of the transfers into each owner's
    accounts (from anyone).  With ``sources`` (e.g. the victims): the traced
    money from them (:func:`trace`).  Float64 Series indexed by node id
    (every node; 0 for nodes without accounts), named ``"received"``.
    """
    ids = net.node_index
    out = np.zeros(net.number_of_nodes())
    if sources is None:
        t = _transfers(net, transfer_type, need_time=False)
        inflow = np.bincount(t.dst, weights=t.amount, minlength=t.n)
        owner, account = _owners(net, owns_type)
        np.add.at(out, owner, inflow[account])
    else:
        tr = trace(net, sources, rule=rule, n_paths=0, transfer_type=transfer_type, owns_type=owns_type)
        s = tr.persons["received"]
        out[ids.get_indexer(s.index)] = s.to_numpy()
    return pd.Series(out, index=ids, name="received")
