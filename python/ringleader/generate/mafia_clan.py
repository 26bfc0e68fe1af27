"""The mafia-clan family: an 'Ndrangheta-type organisation of several clans
(locali) whose leaders coordinate face to face, at clan meetings and
inter-clan summits, and seldom on the (wiretapped) phone."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .._kernel import seed_of
from ._common import Builder, check_missing, check_size, draw

__all__ = ["mafia_clan"]

FORM = ("'Ndrangheta-type mafia: clans (locali) each under a capo locale with officers, leaders coordinating at "
        "clan meetings and inter-clan summits (two-mode person x meeting data) and seldom on wiretapped phones")
REFERENCE = (
    "Calderoni, F. (2014). Identifying mafia bosses from meeting attendance. In A. J. Masys (ed.), Networks and "
    "Network Analysis for Defence and Security, 27-48. Springer; "
    "Grassi, R., Calderoni, F., Bianchi, M. & Torriero, A. (2019). Betweenness to assess leaders in criminal "
    "networks: new evidence using the dual projection approach. Social Networks 56, 23-32; "
    "Calderoni, F. & Superchi, E. (2019). The nature of organized crime leadership: criminal leaders in meeting "
    "and wiretap networks. Crime, Law and Social Change 72(4), 419-444; "
    "Agreste, S., Catanese, S., De Meo, P., Ferrara, E. & Fiumara, G. (2016). Network structure and resilience of "
    "Mafia syndicates. Information Sciences 351, 30-47")
FAMILY_LEADER_ROLES = ("boss", "financier", "manager")

#: Structural parameters and the ranges each seed draws them from.
RANGES = {
    # organisation
    "affiliates_per_clan": (6, 20),        # mean affiliates (operators) per locale; clans differ in size
    "officers_per_clan": (1, 3),           # at most this many officers (capo societa, mastro di giornata, crimine)
    "youth_head_share": (0.0, 1.0),        # share of clans with a societa minore under its own head (team_leader)
    "facilitators_per_clan": (0.0, 2.0),   # mean corrupt professionals / entrepreneurs per clan
    "coordinators": (0, 2),                # heads of the body coordinating the locali (boss, group -1), >= 3 clans
    "victims_per_clan": (2, 10),           # extortion and usury targets per clan
    "usury_share": (0.0, 0.5),             # share of the victims who are usury victims (loans, repayments)
    "front_company_share": (0.2, 0.9),     # share of clans with a front company billing extortion as invoices
    "outsiders_per_member": (0.3, 1.2),    # family members per member
    # meetings (two-mode data)
    "clan_meetings": (2, 8),               # riunioni of each locale
    "rituals": (0, 2),                     # affiliation rituals per clan
    "operational_meetings": (2, 10),       # small working meetings per clan
    "summit_rate": (0.3, 1.2),             # inter-clan summits per clan (at least one)
    "ceremony_rate": (0.1, 0.5),           # weddings and funerals per clan (at least one)
    "boss_attendance": (0.6, 0.95),        # chance a capo locale attends a meeting of his clan
    "officer_attendance": (0.4, 0.9),      # same for officers, the contabile and the youth head
    "affiliate_attendance": (0.1, 0.5),    # same for affiliates
    "summit_boss_attendance": (0.5, 0.95), # chance the capo locale of an invited clan attends a summit
    "summit_officer_attendance": (0.05, 0.35),
    "escort_share": (0.0, 0.4),            # chance an attending boss brings a driver or bodyguard (an affiliate)
    "ceremony_attendance": (0.15, 0.5),    # chance a member (or relative) of an invited clan attends a ceremony
    # phones (wiretaps)
    "calls_per_member": (3, 15),           # mean calls an affiliate places in the period
    "activity_shape": (0.5, 2.0),          # gamma shape of individual call activity (small: very unequal)
    "leader_call_rate": (0.05, 0.6),       # call activity of a boss relative to an affiliate
    "officer_call_rate": (0.5, 2.0),       # same for officers (the mastro di giornata relays orders)
    "leader_phoneless": (0.0, 0.6),        # share of bosses with no intercepted phone (officers: half of it)
    "inter_clan_calls": (0.02, 0.15),      # share of member calls to another clan
    "venue_regulars": (0.1, 0.6),          # share of members recorded at their clan's bar or club
    "ownership_direction": ["person->thing", "thing->person"],
}


def mafia_clan(size: int = 100, noise: float = 0.0, missing_edges: float = 0.0, missing_persons: float = 0.0,
               spurious_edges: Optional[float] = None, seed: Optional[int] = None, *, params=None):
    """An 'Ndrangheta-type mafia: several clans (locali) whose leaders meet.

    The form (Calderoni 2014; Grassi et al. 2019): a mafia-type organisation
    of clans, each a locale with a capo locale, a few officers (cariche) and
    affiliates, whose leaders coordinate face to face: the main evidence is
    two-mode, persons attending meetings recorded by surveillance.  Meeting
    kinds: clan meetings (the capo locale, officers, some affiliates),
    affiliation rituals (the boss, officers, new affiliates, at times a boss
    of another clan as guest), small operational meetings (an officer or the
    youth head with two or three affiliates; at times the boss with a
    facilitator), inter-clan summits attended mostly by the capi locale and a
    few officers (and the coordinators), with an occasional driver, and large
    ceremonies (weddings, funerals) attended by members of several clans and
    their relatives.  Leaders prefer meetings to phones (Calderoni &
    Superchi 2019) and are often absent from, or not central in, the
    wiretap network (Agreste et al. 2016): bosses call at
    ``leader_call_rate`` times an affiliate's rate and ``leader_phoneless``
    of them have no intercepted phone at all.  Extortion victims are visited
    (``meets``) and at times called by a collector; usury victims receive a
    loan from the contabile's account and repay it with interest; clans with
    a front company bill extortion as invoices paid into the company's
    account, which pays the contabile, who pays the boss and monthly
    stipends to affiliates (and to families of detained members).

    Roles (mapping of the positions; ``group`` = the clan, -1 outside
    clans): capo locale -> ``boss``; heads of the coordinating body ->
    ``boss`` (group -1); capo societa, mastro di giornata and crimine ->
    ``manager``; contabile (keeps the common fund) -> ``financier``; head of
    the societa minore (capo giovani) -> ``team_leader``; affiliates ->
    ``operator`` (team = 2 x clan for the societa maggiore, 2 x clan + 1 for
    the minore); corrupt professionals and entrepreneurs serving a clan ->
    ``facilitator``; extortion and usury targets -> ``victim``; relatives ->
    ``outsider``.  Leaders: boss, financier,
    manager (every clan has a capo locale, a contabile and at least one
    officer, so every network has >= 3 leaders).

    Node types ``person``, ``phone``, ``account``, ``venue``, ``meeting``,
    ``company``; edges ``attends`` (person -> meeting), ``located_at``
    (meeting -> venue; regulars -> their clan's bar), ``call``, ``meets``,
    ``transfer``, ``uses``, ``owns`` (direction set by
    ``ownership_direction``).  Note that ``Network.project`` links persons
    through meetings only with ``via`` including ``"meeting"``.

    Parameters: ``size`` (about that many members: every role but victim and
    outsider; the number of clans follows), the missing-data model of
    :func:`ringleader.generate._common.finish` (``noise`` misattributes that
    share of calls, transfers and ``meets``, ``missing_edges`` drops edges,
    ``missing_persons`` drops persons, kept in the truth with
    ``observed=False``, ``spurious_edges`` adds false interactions, default
    ``noise``), ``seed`` and ``params`` (fixes some of the structural
    parameters in :data:`RANGES`, otherwise each drawn per seed; the drawn
    values and the number of clans ``n_clans`` are in
    ``truth.attrs["params"]``; ``truth.attrs["summits"]`` lists the ids of
    the inter-clan summits among the meetings still attended after the
    missing-data model).

    >>> net, truth = rl.generate.mafia_clan(size=80, seed=1)
    >>> truth.attrs["leader_roles"]
    ('boss', 'financier', 'manager')

    References: Calderoni (2014); Grassi, Calderoni, Bianchi & Torriero
    (2019); Calderoni & Superchi (2019); Agreste et al. (2016) (full
    citations in :data:`REFERENCE`).
    """
    s = seed_of(seed)
    size = check_size(size)
    check_missing(noise, missing_edges, missing_persons, spurious_edges)
    rng = np.random.default_rng([s, 3])
    p = draw(rng, RANGES, params)
    b = Builder(rng)
    days = b.days
    thing_first = p["ownership_direction"] == "thing->person"

    def own(person, thing, etype):
        b.hold(person, thing, etype, thing_first)

    # ---- sizes: clans, officers, affiliates ----------------------------------------------------------------
    officers_mean = (1 + p["officers_per_clan"]) / 2
    fixed = 1 + 1 + officers_mean + p["youth_head_share"] + p["facilitators_per_clan"]  # boss, contabile, ...
    per_clan = fixed + p["affiliates_per_clan"]
    n_clans = max(1, int(round(size / per_clan)))
    coordinators = int(p["coordinators"]) if n_clans >= 3 else 0
    n_clans = max(1, int(round((size - coordinators) / per_clan)))
    p["n_clans"] = n_clans
    p["coordinators"] = coordinators
    n_off = rng.integers(1, p["officers_per_clan"] + 1, size=n_clans)
    has_youth = rng.random(n_clans) < p["youth_head_share"]
    n_fac = rng.poisson(p["facilitators_per_clan"], size=n_clans)
    n_aff_total = max(2 * n_clans, int(round(size - coordinators - (2 + n_off + has_youth + n_fac).sum())))
    w = rng.gamma(2.0, 1.0, size=n_clans)
    n_aff = 2 + rng.multinomial(n_aff_total - 2 * n_clans, w / w.sum())

    # ---- persons -------------------------------------------------------------------------------------------
    clans = []
    for c in range(n_clans):
        boss = b.person("boss", c, -1)
        officers = [b.person("manager", c, -1) for _ in range(n_off[c])]
        contabile = b.person("financier", c, -1)
        youth = b.person("team_leader", c, 2 * c + 1) if has_youth[c] else None
        minor = rng.random(n_aff[c]) < (0.4 if youth else 0.0)
        affiliates = [b.person("operator", c, 2 * c + int(m)) for m in minor]
        facs = [b.person("facilitator", c, -1) for _ in range(n_fac[c])]
        clans.append({"boss": boss, "officers": officers, "fin": contabile, "youth": youth,
                      "aff": affiliates, "fac": facs,
                      "high": [boss] + officers + [contabile] + ([youth] if youth else [])})
    coords = [b.person("boss", -1, -1) for _ in range(coordinators)]
    members = b.persons()
    role_of = {pid: r for pid, r, _, _ in b._truth}
    clan_of = {pid: g for pid, _, g, _ in b._truth}

    # relatives
    relatives = {}
    outsiders = []
    for m in members:
        for _ in range(rng.poisson(p["outsiders_per_member"])):
            o = b.person("outsider", -1, -1)
            relatives.setdefault(m, []).append(o)
            outsiders.append(o)

    # victims, each with a collector of its clan
    victims = []  # (victim, clan, collector, usury)
    for c, cl in enumerate(clans):
        collectors = cl["aff"] + ([cl["youth"]] if cl["youth"] else []) + cl["officers"][:1]
        wts = np.array([1.0] * len(cl["aff"]) + [0.5] * (len(collectors) - len(cl["aff"])))
        for _ in range(p["victims_per_clan"]):
            v = b.person("victim", -1, -1)
            col = collectors[int(rng.choice(len(collectors), p=wts / wts.sum()))]
            victims.append((v, c, col, bool(rng.random() < p["usury_share"])))

    # ---- phones --------------------------------------------------------------------------------------------
    phones = {}
    for pid in members:
        r = role_of[pid]
        if r == "boss":
            k = 0 if rng.random() < p["leader_phoneless"] else 1
        elif r in ("manager", "financier"):
            k = 0 if rng.random() < p["leader_phoneless"] / 2 else 1
        elif r == "operator":
            k = 1 + int(rng.random() < 0.3)
        else:
            k = 1
        phones[pid] = [b.node("phone") for _ in range(k)]
        for ph in phones[pid]:
            own(pid, ph, "uses")
    for o in outsiders:
        phones[o] = [b.node("phone")] if rng.random() < 0.8 else []
        for ph in phones[o]:
            own(o, ph, "uses")
    for v, _, _, _ in victims:
        phones[v] = [b.node("phone")] if rng.random() < 0.7 else []
        for ph in phones[v]:
            own(v, ph, "uses")

    def call(a, c, day=None):
        if phones.get(a) and phones.get(c):
            b.call(phones[a], phones[c], day=day)

    # ---- calls among members -------------------------------------------------------------------------------
    rate = {"boss": p["leader_call_rate"], "manager": p["officer_call_rate"],
            "financier": 0.6 * p["officer_call_rate"], "team_leader": 1.2, "operator": 1.0, "facilitator": 0.4}
    act = {m: (rate[role_of[m]] * (0.5 if clan_of[m] < 0 else 1.0)
               * rng.gamma(p["activity_shape"], 1.0 / p["activity_shape"])) if phones[m] else 0.0 for m in members}
    by_clan = [[m for m in cl["high"] + cl["aff"] + cl["fac"] if act[m] > 0] for cl in clans]
    everyone = [m for m in members if act[m] > 0]
    w_all = np.array([act[m] for m in everyone])
    heads = [m for cl in clans for m in [cl["boss"]] + cl["officers"] if act[m] > 0]
    w_heads = np.array([act[m] for m in heads])
    for m in everyone:
        n = rng.poisson(p["calls_per_member"] * act[m])
        if not n:
            continue
        c = clan_of[m]
        if c < 0:  # a coordinator calls the capi locale and officers
            pools = [(heads, w_heads, n)]
        else:
            n_out = rng.binomial(n, p["inter_clan_calls"])
            pool = by_clan[c]
            pools = [(pool, np.array([act[x] for x in pool]), n - n_out), (everyone, w_all, n_out)]
        for pl, ww, k in pools:
            if k and len(pl) > 1:
                for i in rng.choice(len(pl), size=k, p=ww / ww.sum()):
                    if pl[i] != m:
                        call(m, pl[i])

    # family calls (both ways)
    for m, rel in relatives.items():
        for o in rel:
            for _ in range(1 + rng.poisson(1.5)):
                if rng.random() < 0.5:
                    call(m, o)
                else:
                    call(o, m)

    # ---- venues and meetings -------------------------------------------------------------------------------
    clan_venues = [[b.node("venue") for _ in range(int(rng.integers(1, 4)))] for _ in range(n_clans)]
    for c, cl in enumerate(clans):
        for m in cl["high"] + cl["aff"]:
            if rng.random() < p["venue_regulars"]:
                b.edge(m, clan_venues[c][int(rng.integers(len(clan_venues[c])))], "located_at")
    n_summits = max(1, int(round(p["summit_rate"] * n_clans)))
    n_cerem = max(1, int(round(p["ceremony_rate"] * n_clans)))
    summit_venues = [b.node("venue") for _ in range(max(1, n_summits // 2))]
    cerem_venues = [b.node("venue") for _ in range(max(1, n_cerem // 2))]

    def meeting(attendees, venue, day=None):
        att = list(dict.fromkeys(attendees))
        if len(att) < 2:
            return None
        day = float(rng.uniform(0, days)) if day is None else day
        mt = b.node("meeting")
        b.edge(mt, venue, "located_at", day=day)
        for a in att:
            b.edge(a, mt, "attends", day=day)
        return day

    def pick(people, prob):
        people = list(people)
        return [x for x, u in zip(people, rng.random(len(people))) if u < prob]

    for c, cl in enumerate(clans):
        venues = clan_venues[c]

        def at():
            return venues[int(rng.integers(len(venues)))]
        officers_etc = cl["officers"] + [cl["fin"]] + ([cl["youth"]] if cl["youth"] else [])
        for _ in range(p["clan_meetings"]):
            meeting(pick([cl["boss"]], p["boss_attendance"]) + pick(officers_etc, p["officer_attendance"])
                    + pick(cl["aff"], p["affiliate_attendance"]), at())
        for _ in range(p["rituals"]):
            new = [cl["aff"][i] for i in rng.choice(len(cl["aff"]), min(len(cl["aff"]), int(rng.integers(1, 3))),
                                                     replace=False)]
            guest = []
            if n_clans > 1 and rng.random() < 0.3:
                other = int(rng.integers(n_clans - 1))
                guest = [clans[other + (other >= c)]["boss"]]
            meeting([cl["boss"]] + pick(officers_etc, max(0.5, p["officer_attendance"])) + new + guest, at())
        for _ in range(p["operational_meetings"]):
            if cl["fac"] and rng.random() < 0.2:  # business with a corrupt professional
                fac = cl["fac"][int(rng.integers(len(cl["fac"])))]
                lead = cl["boss"] if rng.random() < 0.5 else officers_etc[int(rng.integers(len(officers_etc)))]
                meeting([lead, fac], at())
                continue
            heads_ = cl["officers"] + ([cl["youth"]] if cl["youth"] else [])
            lead = [heads_[int(rng.integers(len(heads_)))]] if rng.random() < 0.6 else []
            k = min(len(cl["aff"]), int(rng.integers(1, 4)))
            meeting(lead + [cl["aff"][i] for i in rng.choice(len(cl["aff"]), k, replace=False)], at())

    summits = []
    for _ in range(n_summits):
        host = int(rng.integers(n_clans))
        k = min(n_clans, int(rng.integers(3, 11)))
        invited = [host] + [c for c in rng.permutation(n_clans)[:k] if c != host][:k - 1]
        att = pick(coords, 0.85)
        for c in invited:
            cl = clans[c]
            bosses = [cl["boss"]] if (c == host or rng.random() < p["summit_boss_attendance"]) else []
            att += bosses + pick(cl["officers"] + [cl["fin"]], p["summit_officer_attendance"])
            if bosses and rng.random() < p["escort_share"]:
                att.append(cl["aff"][int(rng.integers(len(cl["aff"])))])
        summits.append(meeting(att, summit_venues[int(rng.integers(len(summit_venues)))]))

    for _ in range(n_cerem):
        host = int(rng.integers(n_clans))
        k = min(n_clans, int(rng.integers(2, 7)))
        invited = [host] + [c for c in rng.permutation(n_clans)[:k] if c != host][:k - 1]
        pa = p["ceremony_attendance"]
        att = pick(coords, 0.5 + 0.5 * pa)
        for c in invited:
            cl = clans[c]
            att += pick([cl["boss"]], 0.5 + 0.5 * pa) + pick(cl["high"][1:] + cl["aff"], pa)
            att += pick(cl["fac"], 0.5 * pa)
            if c == host:  # the family whose wedding or funeral it is, and other relatives
                fam = [m for m in cl["high"] + cl["aff"] if m in relatives]
                if fam:
                    att += relatives[fam[int(rng.integers(len(fam)))]]
                att += pick([o for m in cl["high"] + cl["aff"] for o in relatives.get(m, [])], pa)
        meeting(att, cerem_venues[int(rng.integers(len(cerem_venues)))])

    # ---- facilitators: face to face with the boss or officers ---------------------------------------------
    for c, cl in enumerate(clans):
        for f in cl["fac"]:
            for _ in range(int(rng.integers(1, 4))):
                t = cl["boss"] if rng.random() < 0.5 else cl["officers"][int(rng.integers(len(cl["officers"])))]
                b.edge(f, t, "meets") if rng.random() < 0.5 else b.edge(t, f, "meets")

    # ---- money ---------------------------------------------------------------------------------------------
    accounts = b.accounts

    def account(pid):
        return b.account(pid, thing_first)

    company_acc = {}
    for c, cl in enumerate(clans):
        account(cl["fin"])
        if rng.random() < 0.6:
            account(cl["boss"])
        for m in cl["officers"] + cl["aff"]:
            if rng.random() < 0.4:
                account(m)
        if rng.random() < p["front_company_share"]:
            co = b.node("company")
            figurehead = cl["boss"]
            if rng.random() < 0.6:
                rel = [o for m in cl["high"] for o in relatives.get(m, [])]
                figurehead = rel[int(rng.integers(len(rel)))] if rel else cl["boss"]
            own(figurehead, co, "owns")
            acc = b.node("account")
            if thing_first:
                b.edge(acc, co, "owns", day=float(rng.uniform(0, days)))
            else:
                b.edge(co, acc, "owns", day=float(rng.uniform(0, days)))
            company_acc[c] = acc

    month = 30.0
    for v, c, col, usury in victims:
        cl = clans[c]
        for _ in range(int(rng.integers(1, 4))):  # collection visits and calls
            b.edge(col, v, "meets")
        if rng.random() < 0.5:
            call(col, v)
        if usury:
            d0 = float(rng.uniform(0, days * 0.5))
            loan = float(np.round(rng.lognormal(np.log(5000), 0.6), -1))
            b.edge(account(cl["fin"]), account(v), "transfer", day=d0, amount=loan)
            d, k = d0, int(rng.integers(1, 4))
            for _ in range(k):
                d = d + float(rng.uniform(10, 45))
                if d >= days:
                    break
                b.edge(account(v), account(cl["fin"]), "transfer", day=d,
                       amount=float(np.round(loan * (1 + rng.uniform(0.1, 0.25) * (d - d0) / month) / k, -1)))
        elif c in company_acc and rng.random() < 0.7:
            d = float(rng.uniform(0, days * 0.3))
            while d < days:
                b.edge(account(v), company_acc[c], "transfer", day=d,
                       amount=float(np.round(rng.lognormal(np.log(1500), 0.5), -1)))
                d += float(rng.uniform(25, 35))

    for c, cl in enumerate(clans):
        fin = account(cl["fin"])
        for m0 in range(int(days // month)):
            d = m0 * month + float(rng.uniform(0, 10))
            if c in company_acc:
                b.edge(company_acc[c], fin, "transfer", day=d,
                       amount=float(np.round(rng.lognormal(np.log(6000), 0.5), -1)))
            d += float(rng.uniform(1, 5))
            if cl["boss"] in accounts and rng.random() < 0.7:
                b.edge(fin, accounts[cl["boss"]], "transfer", day=d,
                       amount=float(np.round(rng.lognormal(np.log(3000), 0.4), -1)))
            # stipends (mesata) to some affiliates and to families of detained members
            paid = [m for m in cl["aff"] if m in accounts and rng.random() < 0.5]
            paid += [o for m in cl["aff"] for o in relatives.get(m, [])[:1] if rng.random() < 0.05]
            for m in paid:
                b.edge(fin, account(m), "transfer", day=d + float(rng.uniform(0, 5)),
                       amount=float(np.round(rng.lognormal(np.log(800), 0.3), -1)))

    net, truth = b.finish(family="mafia_clan", leader_roles=FAMILY_LEADER_ROLES, params=p, seed=s, noise=noise,
                          missing_edges=missing_edges, missing_persons=missing_persons,
                          spurious_edges=spurious_edges)
    # the summits' ids after finish's shuffle: found by their day (every meeting has its own)
    e = net.edges
    mt = e["type"].eq("attends").to_numpy()
    day = ((e["timestamp"] - pd.Timestamp("2024-01-01", tz="UTC")) / pd.Timedelta(days=1)).to_numpy()
    ids, mday = e["target"].to_numpy()[mt], day[mt]
    sday = np.array([d for d in summits if d is not None])
    hit = (np.abs(mday[:, None] - sday[None, :]) < 1e-6).any(axis=1) if len(sday) else np.zeros(len(ids), bool)
    truth.attrs["summits"] = tuple(sorted(set(ids[hit])))
    return net, truth
