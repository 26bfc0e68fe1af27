"""Leader ranking (``rl.leaders``): who organises, who brokers, who matters.

The ranking fuses several pieces of evidence, each computed by a C++ kernel,
into one score by their log ranks; see :func:`leaders` for the method and the
reasoning behind its defaults.
"""
from __future__ import annotations

import math
import warnings
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ._kernel import seed_of
from ._leader_measures import direct_contacts
from ._person_network import undirected

__all__ = ["leaders", "DEFAULT_WEIGHTS", "MEASURES"]

#: The measures and how explanations name them.
MEASURES = {"degree": "contacts", "betweenness": "betweenness", "harmonic": "closeness", "eigenvector": "eigenvector",
            "flow": "flow", "money": "money held", "contact": "direct contacts"}

#: Default weights: the four position measures share one unit; each kind of
#: evidence from the raw typed data (flow, money, direct contact) has one.
DEFAULT_WEIGHTS = {"degree": 0.25, "betweenness": 0.25, "harmonic": 0.25, "eigenvector": 0.25,
                   "flow": 1.0, "money": 1.0, "contact": 1.0}


def _tie_safe(v: pd.Series) -> pd.Series:
    """Values rounded to 12 digits relative to the largest, so that equal
    values computed in a different order (parallel sums: thread counts differ
    by rounding) tie in the ranking instead of ranking by their last bits."""
    scale = float(v.abs().max()) if len(v) else 0.0
    if not np.isfinite(scale) or scale == 0.0:
        return v
    return (v / scale).round(12)


def _persons(net, person_type, via, max_hub):
    """(person ids, person-person network, multi-mode?)"""
    types = net.node_types()
    if person_type is None or (person_type not in types and len(types) <= 1):
        return net.node_index, net, False
    if person_type not in types:
        raise ValueError(f"no node has type {person_type!r}; node types are {sorted(types)}: pass "
                         "person_type= one of them (or None to rank every node)")
    if len(types) == 1:
        return net.node_index, net, False
    via = [t for t in types if t != person_type] if via is None else ([via] if isinstance(via, str) else list(via))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        proj = net.project(person_type, via=via, weight="count", max_hub=max_hub)
    for w in caught:  # say which call skipped hubs
        warnings.warn(f"rl.leaders: {w.message}", stacklevel=4)
    return proj.node_index, proj, True


def _money(net, ids, transfer_type, owns_type):
    """Money held by each person: amounts into minus amounts out of the
    accounts it owns; None when the network has no owned accounts with
    transfer amounts."""
    e = net.edges
    if "amount" not in e.columns:
        return None
    tr = e[(e["type"] == transfer_type) & e["amount"].notna()]
    own = e[e["type"] == owns_type]
    if tr.empty or own.empty:
        return None
    owner = own.drop_duplicates("target").set_index("target")["source"]
    inflow = tr.groupby(tr["target"].map(owner))["amount"].sum()
    outflow = tr.groupby(tr["source"].map(owner))["amount"].sum()
    held = inflow.sub(outflow, fill_value=0.0).reindex(ids).fillna(0.0)
    return held if held.any() else None


def _ordinal(r: float) -> str:
    r = int(r)
    suffix = "th" if 10 <= r % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(r % 10, "th")
    return f"{r}{suffix}"


def leaders(net, person_type: Optional[str] = "person", seed: Optional[int] = None, *,
            weights: Optional[Mapping[str, float]] = None, via=None, community=None, max_hub: Optional[int] = 50,
            exact_below: int = 5000, samples: int = 256, leader_share: float = 0.05, key_share: float = 0.10,
            transfer_type: str = "transfer", owns_type: str = "owns", threads: int = 0,
            progress: bool = False) -> pd.DataFrame:
    """Rank the persons of a network as leaders, brokers, key members.

    Returns a DataFrame indexed by person id and sorted by ``rank`` (1 = top)
    with ``score`` (0..1), ``rank``, ``community``, ``community_rank``,
    ``role`` (``"leader"``, ``"broker"``, ``"key member"``, ``"peripheral"``),
    ``explanation`` (one line: which measures put the person high), then
    ``rank_<measure>`` for every measure used.

    Persons
        Nodes of ``person_type``.  On a multi-mode network (several node
        types) the person-person network is ``net.project(person_type,
        via=...)`` (default ``via``: every other node type; hubs attached to
        more than ``max_hub`` persons are skipped with a warning).  On a
        one-mode network (one node type, or ``person_type=None``) every node
        is a person and the network itself is used.

    Measures (each one ranks the persons; ties share the average rank)
        - position in the person network, direction and weights ignored
          (a tie counts once): ``degree``
          (distinct contacts), ``betweenness`` (Brandes; shortest paths the
          person lies on: brokerage), ``harmonic`` (harmonic closeness: near
          everyone) and ``eigenvector`` (tied to people who are themselves
          well tied).  Above ``exact_below`` persons, betweenness and
          harmonic closeness are estimated from ``samples`` sampled sources
          drawn from ``seed``.
        - ``flow``: PageRank of the whole network as given (directed when it
          is; every node type): where calls, transfers and other ties point
          to, and from whom.  Reports go up a hierarchy and money flows to
          organisers, so this sees leaders who have few contacts.
        - ``money`` (when there are ``transfer_type`` edges with amounts and
          ``owns_type`` edges): money held, i.e. amounts into minus amounts
          out of the accounts a person owns.  Layering accounts pass money
          on; the organisers keep it.
        - ``contact`` (multi-mode networks with person-person edges): number
          of persons met directly (e.g. ``meets``); organisers steer lieutenants
          face to face and keep phones away from the operation.

    Score
        With r_m the rank of a person by measure m among N persons and w_m
        the measure's weight, ``score = sum_m w_m (1 - ln r_m / ln N) /
        sum_m w_m``: a weighted geometric mean of ranks on a 0..1 scale (1 =
        first by every measure).  Log ranks reward being near the top of a
        few measures (the insulated boss first by money and flow, 40th by
        degree) more than being middling on all; a mean of percentiles would
        let the callers' many contacts outweigh it.  Default ``weights``
        (:data:`DEFAULT_WEIGHTS`): the four position measures 0.25 each (one
        unit together: they largely agree), ``flow``, ``money`` and
        ``contact`` 1 each.  Pass ``weights={...}`` to change them (0 drops a
        measure; measures the data cannot support are dropped and the rest
        renormalised); ``result.attrs["weights"]`` holds the ones used.

    Why these defaults: on covert networks with one tie type (9/11, Bali,
    CAVIAR, the Florentine families) organisers are central by every
    position measure, so any fusion ranks them first; on a telecom-fraud
    operation the callers have by far the most contacts and the organisers
    are insulated, visible in where money and reports go and in whom they
    meet.  On the synthetic networks of :func:`rl.generate.fraud_network`
    (750 to 98,000 persons, noise up to 30%) this fusion finds the leaders
    with precision at k 0.67-1.00 (0.97-1.00 from 12,000 persons up), while the
    best single measure of the person network reaches 0.16-0.62, except one
    noise-free case where closeness is perfect too (bench/leaders.py).

    Communities and roles
        ``community``: Leiden (modularity, seed ``seed``) on the person
        network with its link weights, or a partition you pass (Series or
        dict person -> group, or the name of a node attribute).
        ``community_rank`` ranks the persons of each community by score.
        Roles, in this order: ``leader`` = first of a community of at least
        3 persons and among the top ``leader_share`` (5%) overall (the
        overall first is always a leader); ``broker`` = among the top
        ``leader_share`` by betweenness with contacts in at least two other
        communities; ``key member`` = among the top ``key_share`` (10%)
        overall; everyone else ``peripheral``.

    ``seed``: for Leiden and the samples (``seed=None``: random, stored in
    ``attrs["seed"]``; pass it back to reproduce).  Cost: the projection
    O(input + output), betweenness and closeness O(N M) exact or O(samples
    M) sampled, the rest linear; 100,000 persons take seconds (bench/leaders.py).

    References: Borgatti, S. P. (2005). Centrality and network flow. Social
    Networks 27:55-71; Morselli, C. (2009). Inside Criminal Networks.
    Springer; Duijn, P., Kashirin, V. and Sloot, P. (2014). The relative
    ineffectiveness of criminal network disruption. Scientific Reports 4:4238.

    >>> ranking = rl.leaders(net)                                   # doctest: +SKIP
    >>> ranking.head(10)[["rank", "role", "explanation"]]           # doctest: +SKIP
    >>> rl.leaders(net, weights={"money": 2.0, "contact": 0.0})       # doctest: +SKIP
    """
    from . import centrality, community as comm
    from ._core import ConvergenceError

    w = dict(DEFAULT_WEIGHTS)
    if weights is not None:
        unknown = set(weights) - set(MEASURES)
        if unknown:
            raise ValueError(f"unknown measures in weights: {sorted(unknown)}; known: {list(MEASURES)}")
        for k, v in weights.items():
            if not (isinstance(v, (int, float, np.integer, np.floating)) and math.isfinite(v) and v >= 0):
                raise ValueError(f"weights[{k!r}] must be a finite number >= 0, not {v!r}")
            w[k] = float(v)
    for name, share in (("leader_share", leader_share), ("key_share", key_share)):
        if not 0 <= share <= 1:
            raise ValueError(f"{name} must be between 0 and 1, not {share}")
    seed = seed_of(seed)
    ids, proj, multimode = _persons(net, person_type, via, max_hub)
    n = len(ids)
    cols = ["score", "rank", "community", "community_rank", "role", "explanation"]
    if n == 0:
        out = pd.DataFrame({c: pd.Series(dtype=float) for c in cols}, index=pd.Index([], name="id"))
        out.attrs.update(weights={}, seed=seed)
        return out
    und = undirected(proj)
    sampled = n > exact_below
    k = min(samples, n) if sampled else None
    values = {}

    def want(m):
        return w.get(m, 0) > 0

    if want("degree"):
        values["degree"] = centrality.degree(und, threads=threads)
    if want("betweenness"):
        values["betweenness"] = centrality.betweenness(und, k=k, seed=seed, threads=threads, progress=progress)
    if want("harmonic"):
        values["harmonic"] = centrality.harmonic(und, k=k, seed=seed, threads=threads, progress=progress)
    if want("eigenvector"):
        try:
            values["eigenvector"] = centrality.eigenvector(und, max_iter=1000, threads=threads)
        except ConvergenceError:
            warnings.warn("rl.leaders: eigenvector centrality did not converge; left out", stacklevel=2)
    if want("flow"):
        values["flow"] = centrality.pagerank(net, max_iter=1000, threads=threads).reindex(ids)
    if want("money") and multimode:
        m = _money(net, ids, transfer_type, owns_type)
        if m is not None:
            values["money"] = m
    if want("contact") and multimode:
        c = direct_contacts(net, ids)
        if c is not None:
            values["contact"] = c
    used = {m: w[m] for m in values}
    total = sum(used.values())
    if total == 0:
        raise ValueError("every measure has weight 0 or is unavailable: give at least one measure a positive weight")
    ranks = pd.DataFrame({m: _tie_safe(v.reindex(ids)).rank(ascending=False, method="average")
                          for m, v in values.items()}, index=ids)
    log_n = math.log(n) if n > 1 else 1.0
    score = sum(used[m] * (1.0 - np.log(ranks[m]) / log_n) for m in used) / total
    score = score.clip(0.0, 1.0)
    rank = score.rank(ascending=False, method="min").astype(np.int64)

    # communities
    if community is None:
        wcol = "weight" if "weight" in und.edges.columns else None
        part = comm.leiden(und, weight=wcol, seed=seed) if und.number_of_edges() else \
            pd.Series(np.arange(n), index=ids, name="community")
    elif isinstance(community, str):
        if community not in net.nodes.columns:
            raise ValueError(f"community={community!r} is not a node attribute; attributes: {list(net.nodes.columns)}")
        part = net.nodes[community].reindex(ids)
    else:
        part = pd.Series(community)
        missing = ids.difference(part.index)
        if len(missing):
            raise ValueError(f"the community partition lacks {len(missing)} persons, e.g. {list(missing[:3])}")
        part = part.reindex(ids)
    part = part.rename("community")
    crank = score.groupby(part, dropna=False).rank(ascending=False, method="min").astype(np.int64)
    csize = part.map(part.value_counts(dropna=False))

    # roles
    top_leader = max(1, math.ceil(leader_share * n))
    top_key = max(1, math.ceil(key_share * n))
    role = pd.Series("peripheral", index=ids, dtype=object)
    role[rank <= top_key] = "key member"
    if "betweenness" in ranks:
        e = und.edges
        if len(e):
            pc = pd.DataFrame({"a": np.concatenate([e["source"].to_numpy(), e["target"].to_numpy()]),
                               "b": np.concatenate([e["target"].to_numpy(), e["source"].to_numpy()])})
            pc["cb"] = pc["b"].map(part).to_numpy()
            pc = pc[pc["cb"].to_numpy() != pc["a"].map(part).to_numpy()]
            other = pc.drop_duplicates(["a", "cb"]).groupby("a").size().reindex(ids).fillna(0)
        else:
            other = pd.Series(0, index=ids)
        role[(ranks["betweenness"] <= top_leader) & (other >= 2)] = "broker"
    else:
        other = pd.Series(0, index=ids)
    role[((crank == 1) & (csize >= 3) & (rank <= top_leader)) | (rank == 1)] = "leader"

    # explanations: the (at most three) measures that rank the person best,
    # those within the top 10% (or the best one), grouped by rank
    names = list(used)
    shown = pd.DataFrame({m: _tie_safe(values[m].reindex(ids)).rank(ascending=False, method="min") for m in names},
                         index=ids)
    rk = shown.to_numpy()
    expl = []
    for i in range(n):
        order = np.argsort(rk[i], kind="stable")
        good = [j for j in order if rk[i, j] <= max(3, 0.1 * n)][:3] or [order[0]]
        groups = {}
        for j in good:
            groups.setdefault(rk[i, j], []).append(MEASURES[names[j]])
        text = "; ".join(f"{_ordinal(r)} by " + (" and ".join(g) if len(g) < 3 else ", ".join(g[:-1]) + " and " + g[-1])
                         for r, g in groups.items())
        r = role.iat[i]
        if r == "leader":
            text += f"; first of {csize.iat[i]} in community {part.iat[i]}"
        elif r == "broker":
            text += f"; links {int(other.iat[i])} other communities"
        expl.append(text)
    out = pd.DataFrame({"score": score, "rank": rank, "community": part, "community_rank": crank, "role": role,
                        "explanation": expl}, index=ids)
    for m in names:
        out[f"rank_{m}"] = shown[m].to_numpy().astype(np.int64)
    out.index.name = "id"
    out = out.iloc[np.lexsort((np.arange(n), out["rank"].to_numpy()))]
    out.attrs.update(weights=used, seed=seed, persons=n, projected=multimode, sampled=k)
    return out
