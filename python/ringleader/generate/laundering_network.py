"""The money-laundering network (family 6): proceeds placed through mules and
cash couriers, layered through chains of accounts and front companies and
integrated into accounts the organisers control, coordinated by
professional launderers (FATF 2018; Malm & Bichler 2013; Soudijn 2014)."""
from __future__ import annotations

from typing import Optional

import numpy as np

from ._common import Builder, start
from ._org import Org, add_contacts, core_meetings, frequent, recruit_mules

__all__ = ["laundering_network"]

FORM = ("money-laundering network: placement through mules and cash couriers, layering chains through mule, "
        "offshore and front-company accounts, integration into the organisers' accounts; professional launderers "
        "coordinate, mule herders recruit")
REFERENCE = ("FATF (2018). Professional Money Laundering. FATF, Paris; Malm, A. & Bichler, G. (2013). Using friends "
             "for money: the positional importance of money-launderers in organized crime. Trends in Organized Crime "
             "16(4), 365-381; Soudijn, M. R. J. (2014). Using strangers for money: a discussion on money-launderers "
             "in organized crime. Trends in Organized Crime 17(3), 199-217")
FAMILY_LEADER_ROLES = ("boss", "financier", "manager")
#: Structural parameters and the ranges each seed draws them from.
RANGES = {
    "owners": (1, 3),                   # beneficial owners (boss)
    "financiers": (1, 2),               # money controllers
    "launderers": (1, 3),               # professional money launderers (facilitator), one more per 8 cells
    "recruiters_per_cell": (1, 2),      # mule herders
    "mules_per_recruiter": (3, 10),
    "layering_mule_share": (0.2, 0.5),  # share of a cell's mules whose accounts serve layering, not placement
    "couriers_per_cell": (0, 3),        # cash couriers (mule role)
    "earners_per_cell": (2, 8),         # predicate offenders handing in proceeds (operator role)
    "victims_per_cell": (0, 30),        # fraud victims paying into the cell's mule accounts
    "cash_share": (0.3, 0.9),           # share of predicate proceeds handed over in cash
    "chain_length": (1, 4),             # layering hops (each cell within one of it)
    "fan_in": (1, 4),                   # accounts pooling into one account of the next layer
    "fan_out": (1, 3),                  # accounts one account may split its money over
    "front_companies_per_cell": (0, 3),  # layering companies held by nominees (0: no company layer)
    "holding_companies": (0, 3),        # the organisers' own companies receiving the integrated money
    "offshore_share": (0.0, 0.3),       # share of layering accounts with no known owner
    "leader_channel": ["phone", "meetings", "both"],
    "ownership_direction": ["person->thing", "thing->person"],
    "outsiders_per_member": (0.3, 1.5),
    "social_ties": (0.0, 0.6),          # friendship / kin ties per rank-and-file member, across cells
}


def laundering_network(size: int = 100, noise: float = 0.0, missing_edges: float = 0.0, missing_persons: float = 0.0,
                       spurious_edges: Optional[float] = None, seed: Optional[int] = None, *, params=None):
    """The money-laundering network: the proceeds of crime are placed
    through money mules and cash couriers, layered through chains of
    accounts and front companies and integrated into accounts controlled by
    the organisers, after the functions of professional money-laundering
    networks in FATF (2018) and the launderers' positions described by Malm &
    Bichler (2013) and Soudijn (2014).

    Roles: ``boss`` (the beneficial owners, 1-3), ``financier`` (money
    controllers: receive part of the integrated money, pay the cells) and
    ``manager`` (one coordinator per cell of mules) are the leaders
    (``FAMILY_LEADER_ROLES``); ``facilitator`` (professional launderers:
    coordinate with the financiers and cell managers, set up front companies
    with nominees, take fees), ``recruiter`` (mule herders), ``mule`` (account
    mules, cash couriers and nominee directors of front companies),
    ``operator`` (predicate offenders handing in proceeds, in cash to a
    courier or by transfer), ``victim`` (fraud victims paying into mule
    accounts) and ``outsider`` (family and legitimate contacts).  ``group`` =
    the cell (-1 for owners, financiers, launderers, victims, outsiders);
    ``team`` = the recruiter's crew of mules (-1 otherwise).

    Money: victims' and predicate offenders' transfers and couriers' cash
    deposits enter the cell's placement accounts; each account pools what it
    received into batches and passes them on (minus a cut, sometimes split
    over ``fan_out`` accounts) through ``chain_length`` (+-1 per cell) layers
    of accounts (layering mules, the cell's front companies, owner-less
    offshore accounts; ``fan_in`` accounts pool into one of the next layer),
    the last layer paying the organisers' holding companies or the owners'
    and financiers' own accounts.  Launderers take fees from the layering,
    financiers pay the managers.  Every hop is later than the money's arrival.
    Communication (calls, ``meets``, and core ``meeting`` events at a venue
    when the channel allows): owners with financiers, financiers with
    launderers and managers, launderers with managers and nominees, managers
    with herders and couriers, herders with their mules, couriers with the
    predicate offenders whose cash they collect; the leaders talk through
    ``leader_channel`` (phone only, meetings only, or both); herders, mules
    and predicate offenders also have friendship and kin ties across cells
    (``social_ties`` per person), everyone family and legitimate contacts
    (``outsiders_per_member``).

    Structural parameters are drawn per seed from ``RANGES`` (``params=``
    fixes some); the number of cells follows from ``size`` (organisation
    members: all roles but victim and outsider).  Then the common
    missing-data model (``_common.finish``: ``noise``
    misattributes that share of calls, transfers and meetings,
    ``missing_edges`` drops edges, ``missing_persons`` drops persons, kept in
    the truth with ``observed=False``, ``spurious_edges`` adds false
    interactions, default ``noise``).

    >>> net, truth = rl.generate.laundering_network(size=60, seed=1)
    >>> truth.attrs["leader_roles"]
    ('boss', 'financier', 'manager')

    References: FATF (2018), Professional Money Laundering; Malm & Bichler
    (2013), Trends in Organized Crime 16:365-381; Soudijn (2014), Trends in
    Organized Crime 17:199-217 (see ``REFERENCE``).
    """
    d = start(size, noise, missing_edges, missing_persons, spurious_edges, seed, params, RANGES, 6)
    build = _Laundering(d.rng, d.params, d.size)
    build.add_organisers()
    for c in range(build.n_cells):
        build.add_cell(c)
    build.add_layering()
    build.add_salaries()
    if build.talk_meet:
        core_meetings(build.org, build.venues, build.owners,
                      [(build.fins, 0.8), (build.pmls, 0.3), (build.managers, 0.3)])
        frequent(build.org, build.owners + build.fins, build.venues)
    add_contacts(build.org, d.params, ("recruiter", "mule", "operator"))
    return build.b.finish_design(d, "laundering_network", FAMILY_LEADER_ROLES)


class _Laundering:
    """One laundering network under construction, phase by phase (the
    calls of :func:`laundering_network`, in that order: every phase draws
    from the one generator, so the order fixes the network).  Money is
    followed as ``received`` (account -> (day, amount) arriving) along
    ``edges_out`` (layering account -> the accounts it pays)."""

    def __init__(self, rng: np.random.Generator, p: dict, size: int):
        """The channels and sizes: the cell composition and the number of cells."""
        self.rng, self.p = rng, p
        self.b = Builder(rng)
        self.org = Org(self.b, rng, p["ownership_direction"])
        self.ch = p["leader_channel"]
        self.talk_meet = self.ch in ("meetings", "both")
        self.n_own, self.n_fin = int(p["owners"]), int(p["financiers"])
        R, mpr, n_cour = int(p["recruiters_per_cell"]), int(p["mules_per_recruiter"]), int(p["couriers_per_cell"])
        n_earn, n_fc = int(p["earners_per_cell"]), int(p["front_companies_per_cell"])
        n_nom = (n_fc + 1) // 2
        per_cell = 1 + R * (1 + mpr) + n_cour + n_nom + n_earn
        top = self.n_own + self.n_fin + int(p["launderers"])
        self.n_cells = max(1, int(round((size - top) / per_cell)))
        self.n_pml = int(p["launderers"]) + self.n_cells // 8
        p["n_cells"] = self.n_cells
        self.managers = []
        self.crew_no = 0
        self.fee_to = {}
        self.received = {}          # account -> list of (day, amount) arriving
        self.edges_out = {}         # layering account -> its fan-out (accounts of the next layer or integration)
        self.firsts = []            # (cell, layers) for the flow

    def add_organisers(self) -> None:
        """The owners (and their holding companies), money controllers and
        professional launderers, their contacts, the core's venues, and the
        integration accounts with their weights."""
        rng, org, ch, k, n_own, n_fin = self.rng, self.org, self.ch, self.org.draw_int, self.n_own, self.n_fin
        self.owners = owners = org.staff("boss", n_own, lambda: k(1, 2), lambda: k(1, 2))
        holdings = [org.company(owners[0] if i == 0 else owners[int(rng.integers(n_own))], k(1, 2))
                    for i in range(int(self.p["holding_companies"]))]
        self.fins = fins = org.staff("financier", n_fin, lambda: k(1, 2), lambda: k(1, 3))
        self.pmls = pmls = org.staff("facilitator", self.n_pml, lambda: k(1, 2), lambda: 1)
        for i, o in enumerate(owners):
            org.contact(fins[i % n_fin], o, k(8, 25), ch)
            for o2 in owners[i + 1:]:
                org.contact(o2, o, k(3, 12), ch)
        if n_fin > 1:
            org.contact(fins[1], fins[0], k(5, 15), ch)
        for f in pmls:
            org.contact(f, fins[int(rng.integers(n_fin))], k(4, 12), ch)
            if rng.random() < 0.5:  # the launderer meets a client now and then
                org.contact(f, owners[int(rng.integers(n_own))], k(1, 4), ch)
        self.venues = [self.b.node("venue") for _ in range(k(1, 2))] if self.talk_meet else []
        self.integration = ([a for co in holdings for a in org.accounts[co]]
                            + [a for o in owners for a in org.accounts[o]] + [a for f in fins for a in org.accounts[f]])
        # the holding companies take most, then the owners' and financiers' own accounts
        w_int = np.array([4.0 if i < sum(len(org.accounts[c]) for c in holdings) else 1.0
                          for i in range(len(self.integration))])
        self.w_int = w_int / w_int.sum()

    def add_cell(self, c: int) -> None:
        """Cell ``c``: its manager, mule crews, cash couriers and nominee
        directors with their front companies, its layering chain, and the
        placement of the proceeds."""
        rng, p, org, ch, k, b = self.rng, self.p, self.org, self.ch, self.org.draw_int, self.b
        m = org.member("manager", k(1, 3), 1, group=c)
        self.managers.append(m)
        fin = self.fins[int(rng.integers(self.n_fin))]
        org.contact(m, fin, k(4, 12), ch)
        pml = self.pmls[int(rng.integers(self.n_pml))]
        org.contact(pml, m, k(3, 10), ch)
        self.fee_to[c] = org.accounts[pml][0]
        mules = []
        for _ in range(int(p["recruiters_per_cell"])):
            mules += recruit_mules(org, m, c, self.crew_no, int(p["mules_per_recruiter"]), ch, lambda: k(1, 3))[1]
            self.crew_no += 1
        couriers = []
        for _ in range(int(p["couriers_per_cell"])):
            cu = org.member("mule", k(1, 2), 1, group=c)
            org.contact(cu, m, k(3, 10), ch)
            couriers.append(cu)
        companies = []
        n_fc = int(p["front_companies_per_cell"])
        for i in range((n_fc + 1) // 2):
            nom = b.person("mule", group=c)                        # nominee director
            if rng.random() < 0.5:
                org.give_phones(nom, 1)
            org.meet(nom, pml, k(1, 3))
            for _ in range(2 if 2 * i + 1 < n_fc else n_fc - 2 * i):
                companies.append(org.company(nom, k(1, 3)))
        n_lay = int(round(p["layering_mule_share"] * len(mules)))
        order = rng.permutation(len(mules))
        lay_mules = [mules[i] for i in order[:n_lay]]
        place_mules = [mules[i] for i in order[n_lay:]] or [mules[0]]
        placement = [a for mu in place_mules for a in org.accounts[mu]] + [org.accounts[cu][0] for cu in couriers]
        self._chain(c, placement, lay_mules, companies)
        self._victims(placement)
        self._earners(c, m, couriers, place_mules, placement)

    def _chain(self, c: int, placement: list, lay_mules: list, companies: list) -> None:
        """Cell ``c``'s layering chain: layers of layering mules', front
        companies' and offshore accounts from ``placement`` to integration,
        each account paying its fan-out in the next layer."""
        rng, p, org, k = self.rng, self.p, self.org, self.org.draw_int
        depth = max(1, int(p["chain_length"]) + int(rng.integers(-1, 2)))
        cand = [a for mu in lay_mules for a in org.accounts[mu]] + [a for co in companies for a in org.accounts[co]]
        rng.shuffle(cand)
        layers, prev = [placement], len(placement)
        for _ in range(depth):
            n_l = max(1, int(np.ceil(prev / p["fan_in"])))
            level = []
            for _ in range(n_l):
                if rng.random() < p["offshore_share"] or not (cand or lay_mules or companies):
                    level.append(self.b.node("account"))                  # foreign account, owner unknown
                elif cand:
                    level.append(cand.pop())
                else:                                                # a new account of a layering mule or company
                    holders = lay_mules + companies
                    level.extend(org.give_accounts(holders[int(rng.integers(len(holders)))], 1))
            layers.append(level)
            prev = n_l
        layers.append(self.integration)
        edges_out = self.edges_out
        for l in range(len(layers) - 1):
            a_l, nxt = layers[l], layers[l + 1]
            for i, a in enumerate(a_l):
                if l == len(layers) - 2:   # last layer: one or two integration accounts
                    edges_out[a] = list(rng.choice(len(nxt), size=min(len(nxt), k(1, 2)), replace=False,
                                                   p=self.w_int))
                else:
                    base = int(i * len(nxt) / len(a_l))
                    edges_out[a] = sorted({(base + j) % len(nxt) for j in range(int(p["fan_out"]))})
                edges_out[a] = [nxt[j] for j in edges_out[a]]
        self.firsts.append((c, layers))

    def _victims(self, placement: list) -> None:
        """Fraud victims paying into the cell's placement accounts."""
        rng, org = self.rng, self.org
        for _ in range(int(rng.poisson(self.p["victims_per_cell"]))):
            v = self.b.person("victim")
            org.give_phones(v, 1)
            (va,) = org.give_accounts(v, 1)
            for _ in range(1 + int(rng.random() < 0.3)):
                d, amt = float(rng.uniform(0, 140)), float(rng.lognormal(7.5, 0.8))
                dst = placement[int(rng.integers(len(placement)))]
                org.transfer(va, dst, d, amt)
                self.received.setdefault(dst, []).append((d, amt))

    def _earners(self, c: int, m: str, couriers: list, place_mules: list, placement: list) -> None:
        """The predicate offenders of cell ``c`` handing in proceeds: cash to
        a courier (deposited, or smurfed through a mule), a transfer from
        their own account, or cash collected by a mule."""
        rng, org = self.rng, self.org
        for _ in range(int(self.p["earners_per_cell"])):
            e = self.b.person("operator", group=c)
            org.give_phones(e, org.draw_int(1, 2))
            own = org.give_accounts(e, int(rng.random() < 0.6))
            if rng.random() < 0.5:
                org.contact(e, m, org.draw_int(1, 6), self.ch)
            busy = float(rng.gamma(1.5, 1 / 1.5))
            for _ in range(1 + int(rng.poisson(4 * busy))):
                d, amt = float(rng.uniform(0, 140)), float(rng.lognormal(9.0, 0.9))
                if couriers and (rng.random() < self.p["cash_share"] or not own):
                    cu = couriers[int(rng.integers(len(couriers)))]
                    org.call(e, cu, 1, max(0.0, d - 1), d)
                    org.meet(e, cu, 1, d, d)                         # cash handed to the courier ...
                    if rng.random() < 0.5:                           # ... deposited on the courier's account
                        dst, d = org.accounts[cu][0], d + float(rng.uniform(0.1, 2))
                    else:                                            # ... or on a mule's, smurfing
                        mu = place_mules[int(rng.integers(len(place_mules)))]
                        d += float(rng.uniform(0.1, 2))
                        org.meet(cu, mu, 1, d, d)
                        dst = org.accounts[mu][int(rng.integers(len(org.accounts[mu])))]
                        d += float(rng.uniform(0.1, 1))
                elif own:
                    dst = placement[int(rng.integers(len(placement)))]
                    org.transfer(own[0], dst, d, amt)
                else:                                                # no courier, no account: a mule collects
                    mu = place_mules[int(rng.integers(len(place_mules)))]
                    org.meet(e, mu, 1, d, d)
                    dst = org.accounts[mu][0]
                    d += float(rng.uniform(0.1, 2))
                self.received.setdefault(dst, []).append((d, amt))

    def add_layering(self) -> None:
        """Each account pools what it received into batches and passes them
        on, layer by layer (sometimes split; the launderer takes a fee near
        the end); ``integrated`` records when money arrives."""
        rng, org, received = self.rng, self.org, self.received
        self.integrated = integrated = {}
        for c, layers in self.firsts:
            for l in range(len(layers) - 1):
                last = l == len(layers) - 2
                for a in layers[l]:
                    got = sorted(received.pop(a, []))
                    i = 0
                    while i < len(got):
                        n_b = org.draw_int(1, 4)
                        batch = got[i:i + n_b]
                        i += n_b
                        day = batch[-1][0] + float(rng.uniform(0.2, 3.0))
                        amt = sum(x for _, x in batch) * float(rng.uniform(0.9, 0.99))   # the holder's cut
                        targets = self.edges_out[a]
                        if len(targets) > 1 and rng.random() < 0.3:               # structuring: split
                            parts = rng.dirichlet(np.ones(len(targets)))
                            outs = list(zip(targets, parts))
                        else:
                            outs = [(targets[int(rng.integers(len(targets)))], 1.0)]
                        for t, share in outs:
                            dd = day + float(rng.uniform(0, 0.5))
                            org.transfer(a, t, dd, amt * share)
                            if last:
                                integrated.setdefault(t, []).append(dd)
                            else:
                                received.setdefault(t, []).append((dd, amt * share))
                        if l == len(layers) - 3 and rng.random() < 0.25:         # the launderer's fee
                            org.transfer(a, self.fee_to[c], day + float(rng.uniform(0.5, 2)), amt * 0.05)

    def add_salaries(self) -> None:
        """The money controllers pay the cell managers, after money came in."""
        rng, org = self.rng, self.org
        for f in self.fins:
            first = {a: min(self.integrated[a]) for a in org.accounts[f] if self.integrated.get(a)}
            if not first:
                continue
            accs = sorted(first)
            for m in self.managers:
                for month in range(6):
                    src = accs[int(rng.integers(len(accs)))]
                    if 30 * (month + 1) > first[src] and rng.random() < 0.5 / self.n_fin:
                        d = max(30.0 * month, first[src]) + float(rng.uniform(0.5, 5))
                        org.transfer(src, org.accounts[m][0], d, rng.lognormal(8.5, 0.5))
