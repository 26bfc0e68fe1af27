"""The mafia-clan family: an 'Ndrangheta-type organisation of several clans
(locali) whose leaders coordinate face to face, at clan meetings and
inter-clan summits, and seldom on the (wiretapped) phone."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from ._common import Builder, pick, start

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

_MONTH = 30.0  # days


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
    ``_common.finish`` (``noise`` misattributes that
    share of calls, transfers and ``meets``, ``missing_edges`` drops edges,
    ``missing_persons`` drops persons, kept in the truth with
    ``observed=False``, ``spurious_edges`` adds false interactions, default
    ``noise``), ``seed`` and ``params`` (fixes some of the structural
    parameters in ``RANGES``, otherwise each drawn per seed; the drawn
    values and the number of clans ``n_clans`` are in
    ``truth.attrs["params"]``; ``truth.attrs["summits"]`` lists the ids of
    the inter-clan summits among the meetings still attended after the
    missing-data model).

    >>> net, truth = rl.generate.mafia_clan(size=80, seed=1)
    >>> truth.attrs["leader_roles"]
    ('boss', 'financier', 'manager')

    References: Calderoni (2014); Grassi, Calderoni, Bianchi & Torriero
    (2019); Calderoni & Superchi (2019); Agreste et al. (2016) (full
    citations in ``REFERENCE``).
    """
    d = start(size, noise, missing_edges, missing_persons, spurious_edges, seed, params, RANGES, 3)
    build = _MafiaClans(d.rng, d.params, d.size)
    build.add_relatives_and_victims()
    build.add_phones()
    build.add_member_calls()
    build.add_clan_meetings()
    summits = build.add_summits()
    build.add_ceremonies()
    build.add_facilitator_meetings()
    build.add_accounts()
    build.add_victim_money()
    build.add_clan_money()
    net, truth = build.b.finish_design(d, "mafia_clan", FAMILY_LEADER_ROLES)
    truth.attrs["summits"] = _summit_ids(net, summits)
    return net, truth


def _summit_ids(net, summits: list) -> tuple:
    """The summits' ids after finish's shuffle, found by their day (every
    meeting has its own; ``summits`` holds the days, None for a summit
    that was not held)."""
    e = net.edges
    mt = e["type"].eq("attends").to_numpy()
    day = ((e["timestamp"] - pd.Timestamp("2024-01-01", tz="UTC")) / pd.Timedelta(days=1)).to_numpy()
    ids, mday = e["target"].to_numpy()[mt], day[mt]
    sday = np.array([d for d in summits if d is not None])
    hit = (np.abs(mday[:, None] - sday[None, :]) < 1e-6).any(axis=1) if len(sday) else np.zeros(len(ids), bool)
    return tuple(sorted(set(ids[hit])))


class _MafiaClans:
    """One mafia organisation under construction, phase by phase (the
    calls of :func:`mafia_clan`, in that order: every phase draws from the
    one generator, so the order fixes the network)."""

    def __init__(self, rng: np.random.Generator, p: dict, size: int):
        """The sizes (clans, officers, affiliates) and the members."""
        self.rng, self.p = rng, p
        self.b = b = Builder(rng)
        self.days = b.days
        self.thing_first = p["ownership_direction"] == "thing->person"
        officers_mean = (1 + p["officers_per_clan"]) / 2
        fixed = 1 + 1 + officers_mean + p["youth_head_share"] + p["facilitators_per_clan"]  # boss, contabile, ...
        per_clan = fixed + p["affiliates_per_clan"]
        n_clans = max(1, int(round(size / per_clan)))
        coordinators = int(p["coordinators"]) if n_clans >= 3 else 0
        self.n_clans = n_clans = max(1, int(round((size - coordinators) / per_clan)))
        p["n_clans"] = n_clans
        p["coordinators"] = coordinators
        n_off = rng.integers(1, p["officers_per_clan"] + 1, size=n_clans)
        has_youth = rng.random(n_clans) < p["youth_head_share"]
        n_fac = rng.poisson(p["facilitators_per_clan"], size=n_clans)
        n_aff_total = max(2 * n_clans, int(round(size - coordinators - (2 + n_off + has_youth + n_fac).sum())))
        w = rng.gamma(2.0, 1.0, size=n_clans)
        n_aff = 2 + rng.multinomial(n_aff_total - 2 * n_clans, w / w.sum())
        self.clans = []
        for c in range(n_clans):
            boss = b.person("boss", c, -1)
            officers = [b.person("manager", c, -1) for _ in range(n_off[c])]
            contabile = b.person("financier", c, -1)
            youth = b.person("team_leader", c, 2 * c + 1) if has_youth[c] else None
            minor = rng.random(n_aff[c]) < (0.4 if youth else 0.0)
            affiliates = [b.person("operator", c, 2 * c + int(m)) for m in minor]
            facs = [b.person("facilitator", c, -1) for _ in range(n_fac[c])]
            self.clans.append({"boss": boss, "officers": officers, "fin": contabile, "youth": youth,
                               "aff": affiliates, "fac": facs,
                               "high": [boss] + officers + [contabile] + ([youth] if youth else [])})
        self.coords = [b.person("boss", -1, -1) for _ in range(coordinators)]
        self.members = b.persons()
        self.role_of = b.roles()
        self.clan_of = b.groups()

    def own(self, person, thing, etype):
        self.b.hold(person, thing, etype, self.thing_first)

    def add_relatives_and_victims(self) -> None:
        """The members' relatives, and the extortion and usury victims, each
        with a collector of its clan."""
        rng, p, b = self.rng, self.p, self.b
        self.relatives = {}
        self.outsiders = []
        for m in self.members:
            for _ in range(rng.poisson(p["outsiders_per_member"])):
                o = b.person("outsider", -1, -1)
                self.relatives.setdefault(m, []).append(o)
                self.outsiders.append(o)
        self.victims = []  # (victim, clan, collector, usury)
        for c, cl in enumerate(self.clans):
            collectors = cl["aff"] + ([cl["youth"]] if cl["youth"] else []) + cl["officers"][:1]
            wts = np.array([1.0] * len(cl["aff"]) + [0.5] * (len(collectors) - len(cl["aff"])))
            for _ in range(p["victims_per_clan"]):
                v = b.person("victim", -1, -1)
                col = collectors[int(rng.choice(len(collectors), p=wts / wts.sum()))]
                self.victims.append((v, c, col, bool(rng.random() < p["usury_share"])))

    def add_phones(self) -> None:
        """Intercepted phones: bosses (and, less often, officers and
        contabili) may have none; relatives and victims mostly one."""
        rng, p, b = self.rng, self.p, self.b
        self.phones = phones = {}
        for pid in self.members:
            r = self.role_of[pid]
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
                self.own(pid, ph, "uses")
        for o in self.outsiders:
            phones[o] = [b.node("phone")] if rng.random() < 0.8 else []
            for ph in phones[o]:
                self.own(o, ph, "uses")
        for v, _, _, _ in self.victims:
            phones[v] = [b.node("phone")] if rng.random() < 0.7 else []
            for ph in phones[v]:
                self.own(v, ph, "uses")

    def call(self, a, c, day=None):
        self.b.call_persons(self.phones, a, c, day=day)

    def add_member_calls(self) -> None:
        """Calls among members (mostly inside the clan, by activity;
        coordinators call the capi locale and officers), then family calls."""
        rng, p, role_of, clan_of = self.rng, self.p, self.role_of, self.clan_of
        rate = {"boss": p["leader_call_rate"], "manager": p["officer_call_rate"],
                "financier": 0.6 * p["officer_call_rate"], "team_leader": 1.2, "operator": 1.0, "facilitator": 0.4}
        act = {m: (rate[role_of[m]] * (0.5 if clan_of[m] < 0 else 1.0)
                   * rng.gamma(p["activity_shape"], 1.0 / p["activity_shape"])) if self.phones[m] else 0.0
               for m in self.members}
        by_clan = [[m for m in cl["high"] + cl["aff"] + cl["fac"] if act[m] > 0] for cl in self.clans]
        everyone = [m for m in self.members if act[m] > 0]
        w_all = np.array([act[m] for m in everyone])
        heads = [m for cl in self.clans for m in [cl["boss"]] + cl["officers"] if act[m] > 0]
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
                            self.call(m, pl[i])
        for m, rel in self.relatives.items():  # family calls (both ways)
            for o in rel:
                for _ in range(1 + rng.poisson(1.5)):
                    if rng.random() < 0.5:
                        self.call(m, o)
                    else:
                        self.call(o, m)

    def add_clan_meetings(self) -> None:
        """The venues (each clan's bars and clubs with their regulars, summit
        and ceremony venues), then each clan's meetings."""
        rng, p, b = self.rng, self.p, self.b
        self.clan_venues = [[b.node("venue") for _ in range(int(rng.integers(1, 4)))] for _ in range(self.n_clans)]
        for c, cl in enumerate(self.clans):
            for m in cl["high"] + cl["aff"]:
                if rng.random() < p["venue_regulars"]:
                    b.edge(m, self.clan_venues[c][int(rng.integers(len(self.clan_venues[c])))], "located_at")
        self.n_summits = max(1, int(round(p["summit_rate"] * self.n_clans)))
        self.n_cerem = max(1, int(round(p["ceremony_rate"] * self.n_clans)))
        self.summit_venues = [b.node("venue") for _ in range(max(1, self.n_summits // 2))]
        self.cerem_venues = [b.node("venue") for _ in range(max(1, self.n_cerem // 2))]
        for c, cl in enumerate(self.clans):
            self._meetings_of(c, cl)

    def _meetings_of(self, c: int, cl: dict) -> None:
        """Clan ``c``'s riunioni, affiliation rituals and operational meetings."""
        rng, p, b = self.rng, self.p, self.b
        venues = self.clan_venues[c]

        def at():
            return venues[int(rng.integers(len(venues)))]
        officers_etc = cl["officers"] + [cl["fin"]] + ([cl["youth"]] if cl["youth"] else [])
        for _ in range(p["clan_meetings"]):
            b.meeting(pick(rng, [cl["boss"]], p["boss_attendance"]) + pick(rng, officers_etc, p["officer_attendance"])
                      + pick(rng, cl["aff"], p["affiliate_attendance"]), at())
        for _ in range(p["rituals"]):
            new = [cl["aff"][i] for i in rng.choice(len(cl["aff"]), min(len(cl["aff"]), int(rng.integers(1, 3))),
                                                     replace=False)]
            guest = []
            if self.n_clans > 1 and rng.random() < 0.3:
                other = int(rng.integers(self.n_clans - 1))
                guest = [self.clans[other + (other >= c)]["boss"]]
            b.meeting([cl["boss"]] + pick(rng, officers_etc, max(0.5, p["officer_attendance"])) + new + guest, at())
        for _ in range(p["operational_meetings"]):
            if cl["fac"] and rng.random() < 0.2:  # business with a corrupt professional
                fac = cl["fac"][int(rng.integers(len(cl["fac"])))]
                lead = cl["boss"] if rng.random() < 0.5 else officers_etc[int(rng.integers(len(officers_etc)))]
                b.meeting([lead, fac], at())
                continue
            heads_ = cl["officers"] + ([cl["youth"]] if cl["youth"] else [])
            lead = [heads_[int(rng.integers(len(heads_)))]] if rng.random() < 0.6 else []
            k = min(len(cl["aff"]), int(rng.integers(1, 4)))
            b.meeting(lead + [cl["aff"][i] for i in rng.choice(len(cl["aff"]), k, replace=False)], at())

    def _invited(self, lo: int, hi: int) -> list:
        """A host clan and the clans it invites (``lo``-``hi`` in all)."""
        rng, n_clans = self.rng, self.n_clans
        host = int(rng.integers(n_clans))
        k = min(n_clans, int(rng.integers(lo, hi + 1)))
        return [host] + [c for c in rng.permutation(n_clans)[:k] if c != host][:k - 1]

    def add_summits(self) -> list:
        """The inter-clan summits; returns their days (None: not held)."""
        rng, p = self.rng, self.p
        summits = []
        for _ in range(self.n_summits):
            invited = self._invited(3, 10)
            host = invited[0]
            att = pick(rng, self.coords, 0.85)
            for c in invited:
                cl = self.clans[c]
                bosses = [cl["boss"]] if (c == host or rng.random() < p["summit_boss_attendance"]) else []
                att += bosses + pick(rng, cl["officers"] + [cl["fin"]], p["summit_officer_attendance"])
                if bosses and rng.random() < p["escort_share"]:
                    att.append(cl["aff"][int(rng.integers(len(cl["aff"])))])
            summits.append(self.b.meeting(att, self.summit_venues[int(rng.integers(len(self.summit_venues)))]))
        return summits

    def add_ceremonies(self) -> None:
        """Weddings and funerals: members of the invited clans, and the host
        family's relatives."""
        rng, relatives = self.rng, self.relatives
        for _ in range(self.n_cerem):
            invited = self._invited(2, 6)
            host = invited[0]
            pa = self.p["ceremony_attendance"]
            att = pick(rng, self.coords, 0.5 + 0.5 * pa)
            for c in invited:
                cl = self.clans[c]
                att += pick(rng, [cl["boss"]], 0.5 + 0.5 * pa) + pick(rng, cl["high"][1:] + cl["aff"], pa)
                att += pick(rng, cl["fac"], 0.5 * pa)
                if c == host:  # the family whose wedding or funeral it is, and other relatives
                    fam = [m for m in cl["high"] + cl["aff"] if m in relatives]
                    if fam:
                        att += relatives[fam[int(rng.integers(len(fam)))]]
                    att += pick(rng, [o for m in cl["high"] + cl["aff"] for o in relatives.get(m, [])], pa)
            self.b.meeting(att, self.cerem_venues[int(rng.integers(len(self.cerem_venues)))])

    def add_facilitator_meetings(self) -> None:
        """Facilitators meet the boss or officers face to face."""
        rng, b = self.rng, self.b
        for c, cl in enumerate(self.clans):
            for f in cl["fac"]:
                for _ in range(int(rng.integers(1, 4))):
                    t = cl["boss"] if rng.random() < 0.5 else cl["officers"][int(rng.integers(len(cl["officers"])))]
                    b.edge(f, t, "meets") if rng.random() < 0.5 else b.edge(t, f, "meets")

    def account(self, pid):
        return self.b.account(pid, self.thing_first)

    def add_accounts(self) -> None:
        """Accounts of the contabili and some members, and the front
        companies (owned by the boss or a figurehead relative) with theirs."""
        rng, b = self.rng, self.b
        self.company_acc = {}
        for c, cl in enumerate(self.clans):
            self.account(cl["fin"])
            if rng.random() < 0.6:
                self.account(cl["boss"])
            for m in cl["officers"] + cl["aff"]:
                if rng.random() < 0.4:
                    self.account(m)
            if rng.random() < self.p["front_company_share"]:
                co = b.node("company")
                figurehead = cl["boss"]
                if rng.random() < 0.6:
                    rel = [o for m in cl["high"] for o in self.relatives.get(m, [])]
                    figurehead = rel[int(rng.integers(len(rel)))] if rel else cl["boss"]
                self.own(figurehead, co, "owns")
                acc = b.node("account")
                if self.thing_first:
                    b.edge(acc, co, "owns", day=float(rng.uniform(0, self.days)))
                else:
                    b.edge(co, acc, "owns", day=float(rng.uniform(0, self.days)))
                self.company_acc[c] = acc

    def add_victim_money(self) -> None:
        """Collection visits and calls; usury loans and repayments; extortion
        billed as invoices to the front company."""
        rng, b, days, account = self.rng, self.b, self.days, self.account
        for v, c, col, usury in self.victims:
            cl = self.clans[c]
            for _ in range(int(rng.integers(1, 4))):  # collection visits and calls
                b.edge(col, v, "meets")
            if rng.random() < 0.5:
                self.call(col, v)
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
                           amount=float(np.round(loan * (1 + rng.uniform(0.1, 0.25) * (d - d0) / _MONTH) / k, -1)))
            elif c in self.company_acc and rng.random() < 0.7:
                d = float(rng.uniform(0, days * 0.3))
                while d < days:
                    b.edge(account(v), self.company_acc[c], "transfer", day=d,
                           amount=float(np.round(rng.lognormal(np.log(1500), 0.5), -1)))
                    d += float(rng.uniform(25, 35))

    def add_clan_money(self) -> None:
        """Monthly: the front company pays the contabile, who pays the boss,
        stipends (mesata) to affiliates and to families of detained members."""
        rng, b, accounts = self.rng, self.b, self.b.accounts
        for c, cl in enumerate(self.clans):
            fin = self.account(cl["fin"])
            for m0 in range(int(self.days // _MONTH)):
                d = m0 * _MONTH + float(rng.uniform(0, 10))
                if c in self.company_acc:
                    b.edge(self.company_acc[c], fin, "transfer", day=d,
                           amount=float(np.round(rng.lognormal(np.log(6000), 0.5), -1)))
                d += float(rng.uniform(1, 5))
                if cl["boss"] in accounts and rng.random() < 0.7:
                    b.edge(fin, accounts[cl["boss"]], "transfer", day=d,
                           amount=float(np.round(rng.lognormal(np.log(3000), 0.4), -1)))
                paid = [m for m in cl["aff"] if m in accounts and rng.random() < 0.5]
                paid += [o for m in cl["aff"] for o in self.relatives.get(m, [])[:1] if rng.random() < 0.05]
                for m in paid:
                    b.edge(fin, self.account(m), "transfer", day=d + float(rng.uniform(0, 5)),
                           amount=float(np.round(rng.lognormal(np.log(800), 0.3), -1)))

