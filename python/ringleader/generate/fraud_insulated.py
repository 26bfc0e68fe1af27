"""The insulated fraud organisation (family 2): a phishing / telephone-fraud
network whose core members keep away from callers and mules through
intermediaries, face-to-face meetings, cash and front companies rather than
a call-centre hierarchy (Leukfeldt 2014; Leukfeldt, Kleemans & Stol 2017)."""
from __future__ import annotations

from typing import Optional

import numpy as np

from ._common import Builder, start
from ._org import Org, add_contacts, core_meetings, frequent, recruit_mules

__all__ = ["fraud_insulated"]

FORM = ("insulated phishing / telephone-fraud network: core members reach callers and mules only through "
        "intermediaries, recruiters, meetings, cash and front companies")
REFERENCE = ("Leukfeldt, E. R. (2014). Cybercrime and social ties: phishing in Amsterdam. Trends in Organized "
             "Crime 17(4), 231-249; Leukfeldt, E. R., Kleemans, E. R. & Stol, W. P. (2017). Cybercriminal "
             "networks, social ties and online forums: social ties versus digital ties within phishing and malware "
             "networks. British Journal of Criminology 57(3), 704-722; Leukfeldt, E. R. (2017). Organised "
             "cybercrime and social opportunity structures (core members, enablers, money-mule recruiters and "
             "money mules); Leukfeldt, E. R. & Jansen, J. (2015). Cyber criminal networks and money mules. "
             "International Journal of Cyber Criminology 9(2), 173-184")
FAMILY_LEADER_ROLES = ("boss", "financier", "manager")
#: Structural parameters and the ranges each seed draws them from.
RANGES = {
    "leader_channel": ["phone", "meetings", "both"],   # how core members talk to each other and their contacts
    "operator_meeting": (0.0, 0.5),     # probability two callers of one cell meet face to face
    "victims_per_caller": (2, 12),      # mean victims per caller (individual callers vary around it)
    "money_route": ["own_accounts", "front_companies"],  # where the proceeds end up
    "intermediaries": (0, 2),           # levels of handlers between callers and their manager
    "ownership_direction": ["person->thing", "thing->person"],
    "financiers": (1, 2),
    "cells_per_manager": (2, 5),        # caller cells run by one core manager
    "operators_per_cell": (3, 8),
    "recruiters_per_manager": (1, 2),   # money-mule recruiters
    "mules_per_recruiter": (3, 10),
    "facilitators": (1, 4),             # enablers: insiders, forgers, phishing-kit suppliers
    "companies": (1, 3),                # front companies (used with money_route="front_companies")
    "cash_share": (0.2, 0.8),           # share of mule proceeds withdrawn and handed over in cash
    "outsiders_per_member": (0.3, 1.5),  # family and legitimate contacts per member
    "social_ties": (0.0, 0.6),          # friendship / kin ties per rank-and-file member, across cells
}


def fraud_insulated(size: int = 100, noise: float = 0.0, missing_edges: float = 0.0, missing_persons: float = 0.0,
                    spurious_edges: Optional[float] = None, seed: Optional[int] = None, *, params=None):
    """The insulated fraud organisation: a phishing / telephone-fraud
    network whose core members are shielded from the work by intermediaries,
    recruiters, face-to-face meetings, cash and front companies, as in the
    Dutch phishing networks of Leukfeldt (2014) and Leukfeldt, Kleemans &
    Stol (2017), rather than by a call-centre hierarchy.

    Roles: the core members ``boss`` (one), ``financier`` (1-2: handles the
    proceeds) and ``manager`` (one per group: runs caller cells and mule
    recruitment) are the leaders (``FAMILY_LEADER_ROLES``);
    ``team_leader`` (handlers between callers and their manager: one per
    cell, plus a lieutenant per group when ``intermediaries`` = 2),
    ``operator`` (callers posing as bank staff, 1-3 SIM cards each),
    ``recruiter`` (money-mule recruiters), ``mule`` (lend their bank
    accounts), ``facilitator`` (enablers: insiders, forgers, phishing-kit
    suppliers, in touch with the boss or a manager), ``victim`` (called, then
    pay from their account into a mule account) and ``outsider`` (family and
    legitimate contacts).  ``group`` = the manager's group (-1 for boss,
    financiers, facilitators, victims, outsiders); ``team`` = the caller cell
    (numbered across groups) or, for mules, the recruiter's crew.

    Structure drawn per seed from ``RANGES`` (``params=`` fixes some):
    ``leader_channel`` (the core members talk to each other and to their
    direct contacts by phone only, in meetings only, or both; meetings are
    one-to-one ``meets`` edges plus core ``meeting`` events at a venue),
    ``operator_meeting`` (probability two callers of a cell meet and share
    their flat), ``victims_per_caller`` (mean; callers' workloads vary,
    gamma-distributed), ``intermediaries`` (0-2 handler levels between callers
    and manager), ``money_route`` (mule accounts pay the financiers' own
    accounts, or the accounts of ``companies`` front companies owned by the
    boss and financiers, which then pay dividends and salaries), ``cash_share``
    (share of mule proceeds withdrawn and handed over face to face to the
    recruiter, who passes it on to the manager in person, or deposits and
    transfers it when the core only uses the phone), ``social_ties``
    (friendship and kin ties among handlers, callers, recruiters and mules
    across cells), ``outsiders_per_member``, ``ownership_direction`` and the
    group composition.  The number of groups follows from ``size``
    (organisation members, all roles but victim and outsider).  Every money
    hop is later than the one before.

    Then the common missing-data model
    (``_common.finish``): ``noise`` misattributes
    that share of calls, transfers and meetings, ``missing_edges`` drops
    edges, ``missing_persons`` drops persons (kept in the truth with
    ``observed=False``), ``spurious_edges`` adds false interactions (default
    ``noise``).

    >>> net, truth = rl.generate.fraud_insulated(size=60, seed=1)
    >>> truth.attrs["leader_roles"]
    ('boss', 'financier', 'manager')

    References: Leukfeldt (2014), Trends in Organized Crime 17:231-249;
    Leukfeldt, Kleemans & Stol (2017), British Journal of Criminology
    57:704-722 (see ``REFERENCE``).
    """
    d = start(size, noise, missing_edges, missing_persons, spurious_edges, seed, params, RANGES, 2)
    build = _InsulatedFraud(d.rng, d.params, d.size)
    build.add_core()
    for g in range(build.n_groups):
        build.add_group(g)
    build.add_enabler_contacts()
    if build.talk_meet:
        core_meetings(build.org, build.core_venues, [build.boss], [(build.fins, 0.8), (build.managers, 0.5)])
    build.add_proceeds()
    build.add_payouts()
    if build.talk_meet:
        frequent(build.org, [build.boss] + build.fins, build.core_venues)
    add_contacts(build.org, d.params, ("team_leader", "operator", "recruiter", "mule"))
    return build.b.finish_design(d, "fraud_insulated", FAMILY_LEADER_ROLES)


class _InsulatedFraud:
    """One insulated fraud organisation under construction, phase by phase
    (the calls of :func:`fraud_insulated`, in that order: every phase draws
    from the one generator, so the order fixes the network)."""

    def __init__(self, rng: np.random.Generator, p: dict, size: int):
        """The channels and sizes: the group composition and the number of groups."""
        self.rng, self.p = rng, p
        self.b = Builder(rng)
        self.org = Org(self.b, rng, p["ownership_direction"])
        self.ch = ch = p["leader_channel"]
        self.talk_phone = ch in ("phone", "both")
        self.talk_meet = ch in ("meetings", "both")
        self.L = L = int(p["intermediaries"])
        self.n_fin, self.n_fac = n_fin, n_fac = int(p["financiers"]), int(p["facilitators"])
        cells, opc = int(p["cells_per_manager"]), int(p["operators_per_cell"])
        rpm, mpr = int(p["recruiters_per_manager"]), int(p["mules_per_recruiter"])
        per_group = 1 + (L == 2) + cells * ((L >= 1) + opc) + rpm * (1 + mpr)
        self.n_groups = max(1, int(round((size - 1 - n_fin - n_fac) / per_group)))
        p["n_groups"] = self.n_groups
        self.managers, self.groups = [], []
        self.team_no = 0

    def add_core(self) -> None:
        """The core members (boss, financiers), the enablers, the core's
        venues and front companies, and the contacts within the core."""
        rng, p, org, ch, n = self.rng, self.p, self.org, self.ch, self.org.draw_int
        self.boss = boss = org.member("boss", 1 + (self.talk_phone and rng.random() < 0.5), int(rng.integers(1, 3)))
        self.fins = fins = org.staff("financier", self.n_fin, lambda: n(1, 2), lambda: n(1, 3))
        self.facs = org.staff("facilitator", self.n_fac, lambda: 1, lambda: 1)
        self.core_venues = [self.b.node("venue") for _ in range(int(rng.integers(1, 3)))] if self.talk_meet else []
        self.companies = []
        if p["money_route"] == "front_companies":
            owners = [boss] + fins
            for k in range(int(p["companies"])):
                owner = owners[0] if k == 0 else owners[int(rng.integers(len(owners)))]
                self.companies.append(org.company(owner, int(rng.integers(1, 3))))
        for f in fins:
            org.contact(f, boss, n(8, 25), ch)
        if self.n_fin > 1:
            org.contact(fins[1], fins[0], n(5, 15), ch)
        # enablers deal with the boss or with a manager (assigned below)
        self.fac_contact = {f: (boss if rng.random() < 0.5 else None) for f in self.facs}

    def add_group(self, g: int) -> None:
        """Group ``g``: its manager, a lieutenant (``intermediaries`` = 2),
        its caller cells and its money-mule crews."""
        rng, p, org, ch, n = self.rng, self.p, self.org, self.ch, self.org.draw_int
        m = org.member("manager", int(rng.integers(1, 3)) + (self.talk_phone and rng.random() < 0.3), 1, group=g)
        self.managers.append(m)
        org.contact(m, self.boss, n(3, 12), ch)
        org.contact(m, self.fins[int(rng.integers(self.n_fin))], n(3, 12), ch)
        lieutenant = None
        if self.L == 2:
            lieutenant = org.member("team_leader", int(rng.integers(1, 3)), int(rng.random() < 0.7), group=g)
            org.contact(lieutenant, m, n(6, 20), ch)
        ops_of_group = []
        for _ in range(int(p["cells_per_manager"])):
            ops_of_group += self._cell(g, m, lieutenant)
            self.team_no += 1
        crews = []
        for _ in range(int(p["recruiters_per_manager"])):
            crews.append(recruit_mules(org, m, g, self.team_no, int(p["mules_per_recruiter"]), ch,
                                       lambda: 1 + int(rng.random() < 0.3)))
            self.team_no += 1
        self.groups.append({"manager": m, "ops": ops_of_group, "crews": crews})

    def _cell(self, g: int, m: str, lieutenant) -> list:
        """A caller cell of group ``g`` (its handler, when there are
        intermediaries, and its callers, some sharing a flat and meeting);
        returns the callers with their busyness."""
        rng, p, org, b = self.rng, self.p, self.org, self.b
        cell_ops = []
        handler = None
        if self.L >= 1:
            handler = org.member("team_leader", int(rng.integers(1, 3)), int(rng.random() < 0.6), group=g,
                                 team=self.team_no)
            if lieutenant is not None:
                org.contact(handler, lieutenant, org.draw_int(6, 20), "both")
            else:
                org.contact(handler, m, org.draw_int(6, 20), self.ch)
        flat = None  # the flat some callers of the cell share
        for _ in range(int(p["operators_per_cell"])):
            o = org.member("operator", int(rng.integers(1, 4)), int(rng.random() < 0.5), group=g, team=self.team_no)
            busy = float(rng.gamma(1.5, 1 / 1.5))
            boss_of_op = handler if handler is not None else m
            chan = "both" if handler is not None else self.ch
            org.contact(o, boss_of_op, 2 + int(rng.poisson(10 * busy)), chan)
            if rng.random() < p["operator_meeting"]:
                flat = flat or b.node("venue")
                b.edge(o, flat, "located_at", day=0.0)
            cell_ops.append((o, busy))
        # callers of one cell meet each other with probability operator_meeting
        for i in range(len(cell_ops)):
            for j in range(i + 1, len(cell_ops)):
                if rng.random() < p["operator_meeting"]:
                    org.meet(cell_ops[i][0], cell_ops[j][0], 1 + int(rng.poisson(3)))
        return cell_ops

    def add_enabler_contacts(self) -> None:
        """Each enabler in touch with the boss or a manager."""
        for f, c in self.fac_contact.items():
            partner = c if c is not None else self.managers[int(self.rng.integers(len(self.managers)))]
            self.org.contact(f, partner, self.org.draw_int(2, 8), self.ch)

    def add_proceeds(self) -> None:
        """The money in: each caller's victims pay mule accounts; mules pass
        it on (cash through the recruiter, or transfer) to the collection
        accounts (the financiers' or the front companies')."""
        rng, p, org, b = self.rng, self.p, self.org, self.b
        collect = ([a for co in self.companies for a in org.accounts[co]] if self.companies
                   else [a for f in self.fins for a in org.accounts[f]])
        self.inflow = inflow = {a: [] for a in collect}            # days money arrives at each collection account
        vpc = float(p["victims_per_caller"])
        for grp in self.groups:
            m = grp["manager"]
            mule_accts = [(r, mu, a) for r, crew in grp["crews"] for mu in crew for a in org.accounts[mu]]
            for o, busy in grp["ops"]:
                for _ in range(int(rng.poisson(vpc * busy))):
                    v = b.person("victim")
                    org.give_phones(v, 1)
                    (va,) = org.give_accounts(v, 1)
                    d0 = float(rng.uniform(0, 170))
                    org.call(o, v, 1 + int(rng.poisson(0.7)), d0, d0 + 1)
                    r, mu, ma = mule_accts[int(rng.integers(len(mule_accts)))]
                    amount = float(rng.lognormal(7.5, 0.8))
                    d1 = d0 + float(rng.uniform(0.05, 1.0))
                    org.transfer(va, ma, d1, amount)
                    passed = amount * float(rng.uniform(0.8, 0.95))   # the mule keeps a cut
                    d2 = d1 + float(rng.uniform(0.1, 2.0))
                    if rng.random() < p["cash_share"]:
                        org.meet(mu, r, 1, d2, d2)                        # cash handed to the recruiter
                        d3 = d2 + float(rng.uniform(0.2, 4.0))
                        if self.talk_meet and (not self.talk_phone or rng.random() < 0.5):
                            org.meet(r, m, 1, d3, d3)                     # ... and on to the manager
                            continue
                        src = org.accounts[r][0]                          # deposited and transferred
                    else:
                        src, d3 = ma, d2
                    dst = collect[int(rng.integers(len(collect)))]
                    org.transfer(src, dst, d3, passed)
                    inflow[dst].append(d3)

    def add_payouts(self) -> None:
        """Monthly: collection accounts pay the boss (dividends when through
        companies), managers and enablers, each payment after the first
        money arrived in the paying account."""
        rng, org = self.rng, self.org
        boss_acc = org.accounts[self.boss]
        fin_acc = [a for f in self.fins for a in org.accounts[f]]
        first = {a: min(v) for a, v in self.inflow.items() if v}
        for month in range(6):
            end = 30.0 * (month + 1)
            active = [a for a, d in first.items() if d < end - 2]
            if not active:
                continue

            def pay_day(src):
                return max(30.0 * month, first[src]) + float(rng.uniform(0.5, 2.0))

            for src in active:
                if rng.random() < 0.8:
                    org.transfer(src, boss_acc[int(rng.integers(len(boss_acc)))], pay_day(src),
                                 rng.lognormal(9.5, 0.5))
                if self.companies and rng.random() < 0.6:
                    org.transfer(src, fin_acc[int(rng.integers(len(fin_acc)))], pay_day(src), rng.lognormal(9.0, 0.5))
            for x, prob, mu in [(m, 0.7, 8.3) for m in self.managers] + [(f, 0.3, 7.8) for f in self.facs]:
                if rng.random() < prob:
                    src = active[int(rng.integers(len(active)))]
                    org.transfer(src, org.accounts[x][0], pay_day(src), rng.lognormal(mu, 0.5))
