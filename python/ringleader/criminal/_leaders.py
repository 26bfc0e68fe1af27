"""Leader ranking (``rl.leaders``): who organises, who brokers, who matters.

The ranking fuses the measures of :func:`ringleader.criminal.leader_measures`
into one score by their log ranks; see :func:`leaders` for the method, how
its defaults were chosen and how well they hold on networks they were not
chosen on.
"""
from __future__ import annotations

import math
import warnings
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from .._kernel import seed_of
from ._leader_confidence import fused_score, resample_ranks
from ._leader_known import fit_known
from ._leader_measures import MEASURES, leader_measures
from ._person_network import HOLDING, person_network

__all__ = ["leaders", "DEFAULT_WEIGHTS", "MEASURES"]

#: Default weights: every measure 1.  This is what the fitting procedure of
#: ``ringleader.criminal._leader_fusion.fit_fusion`` gives on all six generator
#: families (bench/leaders_lofo.py): its inner leave-one-family-out chose no
#: departure from equal weights, because weights fitted on some families
#: lowered precision on the family held out (see :func:`leaders`).
DEFAULT_WEIGHTS = {m: 1.0 for m in MEASURES}

#: How explanations name each measure (``near_known``: with ``known=``).
LABELS = {**MEASURES, "near_known": "closeness to the known leaders"}

ROLE_ORDER = ("peripheral", "key member", "broker", "leader")


def _ordinal(r: float) -> str:
    r = int(r)
    suffix = "th" if 10 <= r % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(r % 10, "th")
    return f"{r}{suffix}"


def _check_weights(weights) -> dict:
    w = dict(DEFAULT_WEIGHTS)
    if weights is None:
        return w
    unknown = set(weights) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measures in weights: {sorted(unknown)}; known: {list(MEASURES)}")
    for k, v in weights.items():
        if isinstance(v, bool) or not (isinstance(v, (int, float, np.integer, np.floating)) and math.isfinite(v)
                                       and v >= 0):
            raise ValueError(f"weights[{k!r}] must be a finite number >= 0, not {v!r}")
        w[k] = float(v)
    if not any(v > 0 for v in w.values()):
        raise ValueError("every measure has weight 0: give at least one measure a positive weight")
    return w


def _partition(net, und, ids, community, seed):
    from .. import community as comm

    if community is None:
        if not und.number_of_edges():
            return pd.Series(np.arange(len(ids)), index=ids, name="community")
        wcol = "weight" if "weight" in und.edges.columns else None
        return comm.leiden(und, weight=wcol, seed=seed).reindex(ids).rename("community")
    if isinstance(community, str):
        if community not in net.nodes.columns:
            raise ValueError(f"community={community!r} is not a node attribute; attributes: {list(net.nodes.columns)}")
        return net.nodes[community].reindex(ids).rename("community")
    part = pd.Series(community)
    missing = ids.difference(part.index)
    if len(missing):
        raise ValueError(f"the community partition lacks {len(missing)} persons, e.g. {list(missing[:3])}")
    return part.reindex(ids).rename("community")


def _other_communities(und, part, ids) -> pd.Series:
    """Number of other communities each person has a tie into."""
    e = und.edges
    if not len(e):
        return pd.Series(0, index=ids)
    pc = pd.DataFrame({"a": np.concatenate([e["source"].to_numpy(), e["target"].to_numpy()]),
                       "b": np.concatenate([e["target"].to_numpy(), e["source"].to_numpy()])})
    pc["cb"] = pc["b"].map(part).to_numpy()
    pc = pc[pc["cb"].to_numpy() != pc["a"].map(part).to_numpy()]
    return pc.drop_duplicates(["a", "cb"]).groupby("a").size().reindex(ids).fillna(0).astype(np.int64)


def _roles(rank, crank, csize, part, shown, other, leader_share, key_share) -> pd.Series:
    n = len(rank)
    top_leader = max(1, math.ceil(leader_share * n))
    role = pd.Series("peripheral", index=rank.index, dtype=object)
    role[rank <= max(1, math.ceil(key_share * n))] = "key member"
    if "betweenness" in shown:
        role[(shown["betweenness"] <= top_leader) & (other >= 2)] = "broker"
    role[((crank == 1) & (csize >= 3) & (rank <= top_leader)) | (rank == 1)] = "leader"
    # the first of a community never has a role below another member's
    level = role.map(ROLE_ORDER.index)
    best = level.groupby(part, dropna=False).transform("max")
    first = crank == 1
    role[first & (level < best)] = best[first & (level < best)].map(lambda i: ROLE_ORDER[i])
    return role


def _explain(shown, role, csize, part, other) -> list:
    """The (at most three) measures that rank the person best, those within
    the top 10% (or the best one), grouped by rank (ties at their lowest
    rank: "1st" only when nobody is above)."""
    n = len(shown)
    names = list(shown.columns)
    rk = shown.to_numpy()
    expl = []
    for i in range(n):
        if not names:
            expl.append("no measure tells the persons apart")
            continue
        order = np.argsort(rk[i], kind="stable")
        good = [j for j in order if rk[i, j] <= max(3, 0.1 * n)][:3] or [order[0]]
        groups: dict = {}
        for j in good:
            groups.setdefault(rk[i, j], []).append(LABELS[names[j]])
        text = "; ".join(f"{_ordinal(r)} by " + (" and ".join(g) if len(g) < 3 else ", ".join(g[:-1]) + " and " + g[-1])
                         for r, g in groups.items())
        r = role.iat[i]
        if r == "leader":
            text += f"; first of {csize.iat[i]} in community {part.iat[i]}"
        elif r == "broker":
            text += f"; links {int(other.iat[i])} other communities"
        expl.append(text)
    return expl


def leaders(net, person_type: Optional[str] = "person", seed: Optional[int] = None, *,
            weights: Optional[Mapping[str, float]] = None, via=None, community=None, max_hub: Optional[int] = 50,
            min_contacts: Optional[int] = None, min_evidence: int = 2, exact_below: int = 5000, samples: int = 256,
            leader_share: float = 0.05, key_share: float = 0.10, transfer_type: str = "transfer",
            holding=HOLDING, call_type: str = "call", known=None, confidence: int = 0, top: Optional[int] = None,
            resample_edges: float = 0.1, resample_persons: float = 0.05, threads: int = 0,
            progress: bool = False) -> pd.DataFrame:
    """Rank the persons of a network as leaders, brokers, key members.

    Returns a DataFrame indexed by person id and sorted by ``rank`` (1 = top)
    with ``score`` (0..1), ``rank``, ``community``, ``community_rank``,
    ``role`` (``"leader"``, ``"broker"``, ``"key member"``, ``"peripheral"``),
    ``explanation`` (one line: which measures put the person high), then
    ``p_top``, ``rank_low``, ``rank_high`` when ``confidence > 0``, then
    ``rank_<measure>`` for every measure used (ties at their lowest rank,
    persons without a value last).

    Persons and measures
        :func:`ringleader.criminal.person_network` builds the person network
        and its organisation core (persons with at least ``min_contacts``
        contacts, default 3 on multi-mode data and everyone on one-mode
        data; places such as venues are not ties; ties with at least
        ``min_evidence`` pieces of evidence on multi-mode data), and
        :func:`ringleader.criminal.leader_measures` computes the measures:
        position in the core (degree, betweenness, harmonic closeness,
        eigenvector, coreness, insulation), strength, flow (PageRank of the
        whole network), money held and received by the accounts a person
        holds (holders found by node type, whichever way ``uses``/``owns``
        point), direct contacts, and SpringRank hierarchies from transfers
        and calls, each kept only when its significance test passes.  A
        measure the data cannot support is left out and
        ``attrs["dropped"]`` says why; one on which every person ties, or
        that did not converge, is also named in a warning.

    Score
        With r_m the rank of a person by measure m among N persons (ties at
        their average rank, no value last) and w_m its weight, ``score =
        sum_m w_m (1 - ln r_m / ln N) / sum_m w_m``: a weighted geometric
        mean of ranks on a 0..1 scale (1 = first by every measure).  Log
        ranks reward being near the top of a few measures (the insulated
        boss first by money and flow, 40th by degree) more than being
        middling on all.  Default ``weights``: every measure 1
        (``DEFAULT_WEIGHTS``); ``weights={...}`` overrides (0 drops a
        measure); ``attrs["weights"]`` holds the ones used.  The fusion is
        the C++ ``ringleader::criminal::leader_fusion``
        (``criminal/leader_fusion.hpp``; a C++ program that ranks leaders
        with it: ``examples/cpp/leaders.cpp``).

    How the defaults were chosen, and how well they generalise
        Six generator families, each written from a published description of
        a different organisational form (:func:`ringleader.generate.families`),
        are scored leave-one-family-out: every choice is made on five
        families and scored on the sixth (bench/leaders_lofo.py, results
        in bench/results/leaders.md).  The fitting procedure
        (``_leader_fusion.fit_fusion``) fits weights by coordinate
        ascent and shrinks them towards equal weights by a factor chosen
        by an inner leave-one-family-out with the one-standard-error
        rule.  Weights fitted on some families did not carry to the
        held-out one, so the procedure keeps equal weights; fitted on
        all six it gives the defaults above.  Precision at k (k = the
        number of true leaders), mean over noise and missing edges
        0-30%:

        ================== ======= ========= ====== =========== ==============
        held-out family    default (a) LOFO  median best single oracle single
        ================== ======= ========= ====== =========== ==============
        fraud_compound     0.61    0.61      0.52   0.43        0.64 (contact)
        fraud_insulated    0.82    0.82      0.73   0.78        0.78
        mafia_clan         0.46    0.46      0.42   0.49        0.55
        drug_chain         0.51    0.51      0.50   0.58        0.58
        cell_network       0.76    0.76      0.76   0.76        0.81
        laundering_network 0.64    0.64      0.61   0.65        0.65
        mean               0.63    0.63      0.59   0.61        0.67
        ================== ======= ========= ====== =========== ==============

        "(a) LOFO": the procedure run on the five other families (it
        kept equal weights each time; before it used the
        one-standard-error rule it chose half-shrunk fitted weights with
        fraud_compound held out, which scored 0.46-0.51 there);
        "default": the shipped weights; "median": equal-weight median
        rank; "oracle": the best single measure chosen on the held-out
        family itself; "best single": the measure best on the other five
        families (harmonic closeness each time).  The previous default,
        hand-weighted on fraud_compound, scored 0.40 on the mean.  On mafia_clan and
        drug_chain harmonic closeness alone does better; no fusion tried
        (fitted weights, logistic regression, SUMMA, grouped or decorrelated
        measures) beat it there without losing more elsewhere.  On real
        covert networks (never used for fitting) the published leaders come
        first: Atta (9/11), the Medici, Samudra (Bali), Noordin Top; CAVIAR's
        Serero and Perlini are the first two.  Where many members are coded
        as leaders it does worse: on the Sicilian Mafia (Montagna) meetings
        precision at k is 0.11 for bosses and underbosses (degree: 0.33),
        on the London gang 0.29 for ranks 1-2 (strength: 0.57).

    Communities and roles
        ``community``: Leiden (modularity, seed ``seed``) on the person
        network with its link weights, or a partition you pass (Series or
        dict person -> group, or the name of a node attribute).
        ``community_rank`` ranks the persons of each community by score.
        Roles: ``leader`` = first of a community of at least 3 persons and
        among the top ``leader_share`` (5%) overall (the overall first is
        always a leader); ``broker`` = among the top ``leader_share`` by
        betweenness with ties into at least two other communities; ``key
        member`` = among the top ``key_share`` (10%) overall; everyone else
        ``peripheral``.  The first of a community is given the highest role
        any of its members has.

    Known roles
        ``known``: Series or dict person -> True/False (leader or not) or a
        role name (``boss``, ``financier``, ``manager`` count as leaders;
        ``team_leader``, ``operator``, ``recruiter``, ``facilitator``,
        ``mule``, ``victim``, ``outsider`` do not).  The weights are then
        fitted within this network to put the known leaders first
        (positive-unlabelled: a person not given is not assumed a
        non-leader; at least 2 known leaders), moved half way from equal
        weights towards them, and one measure is added: ``near_known``,
        personalised PageRank from the known leaders (weight 4).  Those two
        settings were chosen on the generator families by the rule "largest
        worst-family gain over the unsupervised ranking": with half of the
        true leaders given, chosen on five families and scored on the
        sixth, precision at k on the persons not given is never lower than
        without ``known`` and 0.04 higher on the mean
        (bench/results/leaders_step3.md).  ``attrs["known"]`` reports the
        cross-validated precision of the fitted weights on the known leaders
        (``cv_precision``) next to that of equal weights
        (``cv_precision_equal``).  Without ``known`` nothing changes.

    Confidence
        ``confidence=R`` re-ranks under ``R`` resamples of missing data: each
        drops every edge with probability ``resample_edges`` (0.1) and every
        person with ``resample_persons`` (0.05), recomputes the measures and
        fuses them with the same weights (a person dropped from a resample
        counts as not in the top).  ``p_top``: share of resamples with the
        person among the first ``top`` (default: the number of persons with
        role ``leader``); ``rank_low``/``rank_high``: 90% interval of its rank
        (5th and 95th percentiles; dropped = below everyone).  Costs ``R``
        times the measures.  ``attrs["confidence"]`` holds the settings.

    ``seed``: for Leiden, the samples and the hierarchy tests
    (``seed=None``: random, stored in ``attrs["seed"]``).  Above
    ``exact_below`` core persons, betweenness and closeness use ``samples``
    sampled sources.  ``attrs``: ``method``, ``weights``, ``dropped``, ``seed``,
    ``persons``, ``core``, ``projected``, ``sampled``.  Cost: the projection
    O(input + evidence log evidence), betweenness and closeness O(N M)
    exact or O(samples M) sampled, the rest linear.

    References: Borgatti, S. P. (2005). Centrality and network flow. Social
    Networks 27:55-71; Morselli, C. (2009). Inside Criminal Networks.
    Springer; De Bacco, C., Larremore, D. B. and Moore, C. (2018). A
    physical model for efficiently ranking networks. Science Advances
    4:eaar8260.

    >>> ranking = rl.leaders(net)                                   # doctest: +SKIP
    >>> ranking.head(10)[["rank", "role", "explanation"]]           # doctest: +SKIP
    >>> rl.leaders(net, weights={"money": 2.0, "contact": 0.0})       # doctest: +SKIP
    """
    w = _check_weights(weights)
    if isinstance(confidence, bool) or int(confidence) < 0:
        raise ValueError(f"confidence must be an int >= 0 (resamples), not {confidence!r}")
    if top is not None and (isinstance(top, bool) or int(top) < 1):
        raise ValueError(f"top must be an int >= 1, not {top!r}")
    for name, share in (("leader_share", leader_share), ("key_share", key_share)):
        if not 0 <= share <= 1:
            raise ValueError(f"{name} must be between 0 and 1, not {share}")
    seed = seed_of(seed)
    pn = person_network(net, person_type, via=via, max_hub=max_hub, min_contacts=min_contacts,
                        min_evidence=min_evidence)
    ids = pn.persons
    n = len(ids)
    cols = ["score", "rank", "community", "community_rank", "role", "explanation"]
    if n == 0:
        out = pd.DataFrame({c: pd.Series(dtype=float) for c in cols}, index=pd.Index([], name="id"))
        out.attrs.update(weights={}, dropped={}, seed=seed)
        return out
    table = leader_measures(net, person_type, seed, pn=pn, exact_below=exact_below, samples=samples,
                            transfer_type=transfer_type, holding=holding, call_type=call_type, threads=threads,
                            progress=progress)
    dropped = dict(table.attrs["dropped"])
    blank = [m for m, why in dropped.items() if w.get(m, 0) > 0 and (why.startswith("no information")
                                                                      or why == "did not converge")]
    if blank:
        warnings.warn("rl.leaders: left out of the score and the explanations: "
                      + "; ".join(f"{MEASURES[m]} ({m}): {dropped[m]}" for m in blank), stacklevel=2)
    used = {m: w[m] for m in table.columns if w.get(m, 0) > 0}
    if not used and not blank:
        raise ValueError(f"no measure with a positive weight is available on this network (left out: {dropped}); "
                         "give one of the measures it has a positive weight: " + ", ".join(table.columns))
    values = table[list(used)]  # already rounded by leader_measures (tie_safe)
    method = "log-rank fusion, default weights" if weights is None else "log-rank fusion, weights given"
    known_cv = None
    if known is not None:
        used, known_cv, values = fit_known(values, known, used, pn.net)
        method = "log-rank fusion, weights fitted to the known roles"
    score = fused_score(values, used)
    rank = score.rank(ascending=False, method="min").astype(np.int64)

    part = _partition(net, pn.net, ids, community, seed)
    crank = score.groupby(part, dropna=False).rank(ascending=False, method="min").astype(np.int64)
    csize = part.map(part.value_counts(dropna=False))
    shown = values.rank(ascending=False, method="min", na_option="bottom").astype(np.int64)
    other = _other_communities(pn.net, part, ids)
    role = _roles(rank, crank, csize, part, shown, other, leader_share, key_share)
    out = pd.DataFrame({"score": score, "rank": rank, "community": part, "community_rank": crank, "role": role,
                        "explanation": _explain(shown, role, csize, part, other)}, index=ids)
    if confidence:
        conf = resample_ranks(net, dict(person_type=person_type, via=via, max_hub=max_hub, min_contacts=min_contacts,
                                        min_evidence=min_evidence, exact_below=exact_below, samples=samples,
                                        transfer_type=transfer_type, holding=holding, call_type=call_type,
                                        threads=threads),
                              used, ids, int((role == "leader").sum()) if top is None else top, confidence,
                              seed, resample_edges, resample_persons, progress)
        for c in ("p_top", "rank_low", "rank_high"):
            out[c] = conf[c]
    for m in used:
        out[f"rank_{m}"] = shown[m].to_numpy()
    out.index.name = "id"
    out = out.iloc[np.lexsort((np.arange(n), out["rank"].to_numpy()))]
    k = min(samples, len(pn.core)) if len(pn.core) > exact_below else None
    out.attrs.update(method=method, weights=used, dropped=dropped, seed=seed, persons=n, core=len(pn.core),
                     projected=pn.multimode, sampled=k)
    if known_cv is not None:
        out.attrs["known"] = known_cv
    if confidence:
        out.attrs["confidence"] = conf.attrs
    return out
