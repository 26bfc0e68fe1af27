"""The drug-distribution family: a "corporate" organisation run by phone
from the top, with street crews whose sellers have few contacts inside the
organisation and many customers with one or two contacts each (Natarajan
2000, 2006; Johnson & Natarajan 1995; Johnson, Dunlap & Tourigny 2000)."""
from __future__ import annotations

from typing import Optional

import numpy as np

from ._common import Builder, start

__all__ = ["drug_chain"]

FORM = ("corporate drug-distribution organisation: a boss (or partners) and money handlers run managers by "
        "phone, managers supervise street crews through crew chiefs, sellers serve customers with one or two "
        "contacts each")
REFERENCE = ("Natarajan, M. (2000). Understanding the structure of a drug trafficking organization: a "
             "conversational analysis. In M. Natarajan & M. Hough (eds.), Illegal Drug Markets: From Research to "
             "Prevention Policy, Crime Prevention Studies 11, 273-298. Monsey, NY: Criminal Justice Press; "
             "Natarajan, M. (2006). Understanding the structure of a large heroin distribution network: a "
             "quantitative analysis of qualitative data. Journal of Quantitative Criminology 22(2), 171-192; "
             "Johnson, B. D. & Natarajan, M. (1995). Strategies to avoid arrest: crack sellers' response to "
             "intensified policing. American Journal of Police 14(3/4), 49-69; Johnson, B. D., Dunlap, E. & "
             "Tourigny, S. C. (2000). Crack distribution and abuse in New York. Crime Prevention Studies 11, 19-57")
FAMILY_LEADER_ROLES = ("boss", "financier", "manager")
#: Structural parameters and the ranges each seed draws them from.
RANGES = {
    "bosses": (1, 2),                      # the boss, or two partners at the top
    "financiers": (1, 2),                  # money handlers: collect the crews' cash, pay suppliers, launder
    "suppliers": (1, 3),                   # wholesale suppliers' contacts (importers' people)
    "crews_per_manager": (2, 5),
    "sellers_per_crew": (3, 10),           # mean; crew sizes vary around it
    "crew_size_spread": (0.0, 1.0),        # 0: equal crews; 1: very unequal crews
    "drivers_per_manager": (0, 2),         # couriers / drivers moving drugs from the stash to the crews
    "customers_per_seller": (2, 10),       # mean; sellers' busyness varies around it
    "seller_activity_spread": (0.3, 1.0),  # log-normal sigma of the sellers' busyness
    "second_seller_share": (0.0, 0.4),     # customers who buy from two sellers
    "wholesale_buyers": (0, 6),            # mean outside dealers buying wholesale from each boss and manager
    "seller_phone_share": (0.6, 1.0),      # sellers with a phone; the others sell face to face only
    "crew_mutual_calls": (0.0, 0.3),       # chance two sellers of a crew call each other
    "boss_to_team_leader": (0.0, 0.3),     # chance a boss calls a crew chief directly
    "boss_to_seller": (0.0, 0.03),         # chance a boss talks to a street seller directly (rare)
    "manager_cross_talk": (0.2, 1.0),      # chance two managers call each other
    "leader_phones": (1, 3),               # most phones a leader uses (burners)
    "leader_call_rate": (3.0, 15.0),       # mean calls per tie among the people running the organisation
    "crew_call_rate": (1.0, 6.0),          # mean calls per tie inside a crew
    "customer_call_rate": (1.0, 4.0),      # mean calls (purchases) per customer-seller tie
    "leader_meet_share": (0.0, 0.4),       # share of leader ties also met face to face
    "cash_collection": ["transfer", "courier"],
    "collection_days": (3, 14),            # days between cash collections
    "outsiders_per_member": (0.3, 1.5),    # family and legitimate contacts per member
    "ownership_direction": ["person->thing", "thing->person"],
}


def drug_chain(size: int = 100, noise: float = 0.0, missing_edges: float = 0.0, missing_persons: float = 0.0,
               spurious_edges: Optional[float] = None, seed: Optional[int] = None, *, params=None):
    """A drug-distribution organisation of the "corporate" type.

    The form (Natarajan 2000; 2006; Johnson & Natarajan 1995): the people
    running the organisation coordinate it by telephone, heavily; the field
    workers (street sellers) have few contacts inside the organisation and
    could not name those above their crew chief; most people in the wiretaps
    have one or two contacts.  Here: ``bosses`` (one, or two partners) and
    ``financiers`` (the money handlers who receive the crews' cash, pay the
    suppliers and pass the profit to the bosses) at the top; managers, each
    over ``crews_per_manager`` street crews; a crew is a crew chief (street
    supervisor) and about ``sellers_per_crew`` sellers at one selling spot;
    ``drivers_per_manager`` couriers move the drugs from the manager's stash
    to the crews; ``suppliers`` wholesale contacts deal with the bosses (and
    some managers); customers buy from one seller, some (``second_seller_share``)
    from two; family members and other legitimate contacts.

    Roles: ``boss``, ``financier``, ``manager`` (the leaders,
    ``FAMILY_LEADER_ROLES``), ``team_leader`` (crew chiefs),
    ``operator`` (street sellers), ``facilitator`` (drivers, cash couriers,
    suppliers' contacts), ``victim`` (customers), ``outsider`` (family,
    neighbours).  ``group`` is the manager's division, ``team`` the crew
    (numbered across the organisation); -1 for people outside them.

    Channels: calls between phones (leaders use 1 to ``leader_phones``
    phones, a share of sellers none: they and their customers meet face to
    face), meetings (crew chiefs meet their sellers; ``leader_meet_share`` of
    the leader ties are also met), selling spots and stash houses
    (``located_at``).  Calls per tie are Poisson with the role's rate
    (``leader_call_rate``, ``crew_call_rate``, ``customer_call_rate``).  A
    boss rarely talks to sellers directly (``boss_to_seller``), sometimes to
    crew chiefs (``boss_to_team_leader``).  Cash is collected every
    ``collection_days``: by ``cash_collection="transfer"`` crew chief ->
    manager -> financier accounts; by ``"courier"`` a courier per division
    meets the crew chiefs and then a financier.  The financier then pays a
    supplier and the bosses (transfers, each hop later than the one before).

    ``size`` is the approximate number of members (every role but customers
    and outsiders; at least 10); the number of divisions and crews follows
    (``params["n_divisions"]``, ``params["n_crews"]``).  Structural
    parameters are drawn per seed from ``RANGES`` (``params=`` fixes
    some), including ``ownership_direction``.  Then the common missing-data
    model, ``_common.finish`` (``noise``
    misattributes that share of calls, transfers and meetings,
    ``missing_edges`` drops edges, ``missing_persons`` drops persons, kept in
    the truth with ``observed=False``, ``spurious_edges`` adds false
    interactions, default ``noise``).

    >>> net, truth = rl.generate.drug_chain(size=60, seed=1)
    >>> truth.attrs["leader_roles"]
    ('boss', 'financier', 'manager')

    References: Natarajan (2000), Crime Prevention Studies 11:273-298;
    Natarajan (2006), Journal of Quantitative Criminology 22:171-192;
    Johnson & Natarajan (1995), American Journal of Police 14:49-69;
    Johnson, Dunlap & Tourigny (2000), Crime Prevention Studies 11:19-57.
    """
    d = start(size, noise, missing_edges, missing_persons, spurious_edges, seed, params, RANGES, 4)
    build = _DrugChain(d.rng, d.params, d.size)
    build.add_people()
    build.add_ties()
    build.add_money()
    return build.b.finish_design(d, "drug_chain", FAMILY_LEADER_ROLES)


class _DrugChain:
    """One drug-distribution organisation under construction, phase by
    phase (the calls of :func:`drug_chain`, in that order: every phase
    draws from the one generator, so the order fixes the network).  Persons
    are numbered in the Builder's order (``role``, ``pid``); ties are
    collected as ``(A, B, R)``: the two persons and the mean call count."""

    def __init__(self, rng: np.random.Generator, p: dict, size: int):
        """The sizes: divisions (one per manager), crews and their sellers."""
        self.rng, self.p = rng, p
        self.thing_first = p["ownership_direction"] == "thing->person"
        self.courier_mode = courier_mode = p["cash_collection"] == "courier"
        top = p["bosses"] + p["financiers"] + p["suppliers"]
        per_div = (1 + p["drivers_per_manager"] + (1 if courier_mode else 0)
                   + p["crews_per_manager"] * (1 + p["sellers_per_crew"]))  # members per division
        self.n_div = n_div = max(1, int(round((size - top) / per_div)))
        staff = 1 + p["drivers_per_manager"] + (1 if courier_mode else 0)  # per division, besides the crews
        # a small organisation has fewer crews (a crew chief and at least one seller each)
        self.n_crews = n_crews = max(n_div, min(n_div * p["crews_per_manager"], (size - top - n_div * staff) // 2))
        n_sellers = max(n_crews, int(round(size - top - n_div * staff - n_crews)))
        p["n_divisions"], p["n_crews"] = n_div, n_crews
        # crew sizes: every crew at least one seller, the rest by Dirichlet weights (spread 0: equal)
        alpha = 1.0 / max(p["crew_size_spread"], 1e-3) ** 2
        w = rng.dirichlet(np.full(n_crews, alpha))
        self.crew_n = 1 + rng.multinomial(n_sellers - n_crews, w)
        self.b = Builder(rng)
        self.role = []  # by person index (the Builder's order)
        self.A, self.B, self.R = [], [], []

    def add_people(self) -> None:
        """The organisation, its clients and their phones."""
        self.add_organisation()
        self.add_clients()
        self.add_phones()

    def add_ties(self) -> None:
        """Who deals with whom, then the calls, meetings and places that record it."""
        self.add_organisation_ties()
        self.add_client_ties()
        self.add_calls()
        self.add_meets()
        self.add_places()

    def add_money(self) -> None:
        """Accounts and the money collected up the chain."""
        self.add_accounts()
        self.add_collections()

    def add(self, r, g=-1, t=-1):
        self.b.person(r, g, t)
        self.role.append(r)
        return len(self.role) - 1

    def add_organisation(self) -> None:
        """The members: bosses, financiers, suppliers' contacts, and per
        division a manager, drivers, a courier (courier mode) and the crews
        (a crew chief and sellers)."""
        p, add = self.p, self.add
        self.bosses = [add("boss") for _ in range(p["bosses"])]
        self.fins = [add("financier") for _ in range(p["financiers"])]
        self.sups = [add("facilitator") for _ in range(p["suppliers"])]
        self.managers, self.drivers, self.couriers, self.tls, sellers = [], [], [], [], []
        crew_of_seller, self.div_of_crew = [], []
        crews_in = np.bincount(np.arange(self.n_crews) % self.n_div, minlength=self.n_div)
        c = 0
        for g in range(self.n_div):
            self.managers.append(add("manager", g))
            self.drivers.append([add("facilitator", g) for _ in range(p["drivers_per_manager"])])
            self.couriers.append(add("facilitator", g) if self.courier_mode else None)
            for _ in range(crews_in[g]):
                self.tls.append(add("team_leader", g, c))
                self.div_of_crew.append(g)
                for _ in range(self.crew_n[c]):
                    sellers.append(add("operator", g, c))
                    crew_of_seller.append(c)
                c += 1
        self.members = list(range(len(self.role)))
        self.sellers = sellers
        self.sellers_a = np.asarray(sellers, dtype=np.int64)
        self.crew_of_seller = np.asarray(crew_of_seller, dtype=np.int64)

    def add_clients(self) -> None:
        """Customers (by each seller's busyness, log-normal with mean 1),
        wholesale buyers of the bosses and managers, and the members'
        family and legitimate contacts."""
        rng, p, add = self.rng, self.p, self.add
        sig = p["seller_activity_spread"]
        act = rng.lognormal(-sig * sig / 2, sig, len(self.sellers))
        self.n_cust = rng.poisson(p["customers_per_seller"] * act)
        self.cust_first = np.repeat(self.sellers_a, self.n_cust)
        self.customers = [add("victim") for _ in range(len(self.cust_first))]
        top_sellers = np.asarray(self.bosses + self.managers, dtype=np.int64)
        self.buyer_of = np.repeat(top_sellers, rng.poisson(p["wholesale_buyers"], len(top_sellers)))
        self.buyers = [add("victim") for _ in range(len(self.buyer_of))]
        n_out = rng.poisson(p["outsiders_per_member"], len(self.members))
        self.out_of = np.repeat(np.asarray(self.members, dtype=np.int64), n_out)
        self.outsiders = [add("outsider") for _ in range(len(self.out_of))]
        self.pid = self.b.persons()
        self.role_a = np.asarray(self.role, dtype=object)

    def own(self, person, thing, etype):
        day = self.rng.uniform(0, 30)
        if self.thing_first:
            self.b.edge(thing, self.pid[person], etype, day)
        else:
            self.b.edge(self.pid[person], thing, etype, day)

    def add_phones(self) -> None:
        """Phones: leaders several (burners), crew chiefs one or two, sellers
        none to two, most customers one."""
        rng, p = self.rng, self.p
        n_ph = np.ones(len(self.role), dtype=np.int64)
        lead = np.asarray(self.bosses + self.fins + self.managers, dtype=np.int64)
        n_ph[lead] = rng.integers(1, p["leader_phones"] + 1, len(lead))
        tl_a = np.asarray(self.tls, dtype=np.int64)
        n_ph[tl_a] = rng.integers(1, 3, len(tl_a))
        sellers_a = self.sellers_a
        n_ph[sellers_a] = (rng.random(len(sellers_a)) < p["seller_phone_share"]) * rng.integers(1, 3, len(sellers_a))
        self.cust_a = cust_a = np.asarray(self.customers, dtype=np.int64)
        n_ph[cust_a] = rng.random(len(cust_a)) < 0.9
        n_ph[np.asarray(self.buyers, dtype=np.int64)] = 1
        self.n_ph = n_ph
        self.ph_start = np.concatenate([[0], np.cumsum(n_ph)[:-1]])
        self.phones = [self.b.node("phone") for _ in range(int(n_ph.sum()))]
        for i in range(len(self.role)):
            for k in range(n_ph[i]):
                self.own(i, self.phones[self.ph_start[i] + k], "uses")

    def tie(self, a, c_, rate):
        self.A.append(a)
        self.B.append(c_)
        self.R.append(rate)

    def add_organisation_ties(self) -> None:
        """The ties among members: the top, managers, drivers, couriers,
        crew chiefs and their sellers (``n_lead_ties`` of them)."""
        rng, p, tie = self.rng, self.p, self.tie
        bosses, fins, managers, drivers, couriers = self.bosses, self.fins, self.managers, self.drivers, self.couriers
        L, C = p["leader_call_rate"], p["crew_call_rate"]
        for i, x in enumerate(bosses):
            for y in bosses[i + 1:]:
                tie(x, y, L)
            for y in fins:
                tie(x, y, L)
            for g, y in enumerate(managers):  # each manager answers to one boss, often to both partners
                if g % len(bosses) == i or rng.random() < 0.5:
                    tie(x, y, L)
        for i, x in enumerate(fins):
            for y in fins[i + 1:]:
                tie(x, y, L)
        for k, x in enumerate(self.sups):
            tie(bosses[k % len(bosses)], x, L / 2)
            for y in managers:
                if rng.random() < 0.25:
                    tie(y, x, C)
            tie(fins[int(rng.integers(len(fins)))], x, C / 2)
        for i, x in enumerate(managers):
            for y in managers[i + 1:]:
                if rng.random() < p["manager_cross_talk"]:
                    tie(x, y, L / 2)
            if not self.courier_mode or rng.random() < 0.5:
                tie(x, fins[int(rng.integers(len(fins)))], L / 2)
            for y in drivers[i]:
                tie(x, y, 2 * C)
            if self.courier_mode:
                tie(x, couriers[i], C)
                tie(couriers[i], fins[int(rng.integers(len(fins)))], C)
        for c_, x in enumerate(self.tls):
            self._crew_ties(c_, x, L, C)
        for y in bosses:
            for x in self.sellers_a[rng.random(len(self.sellers_a)) < p["boss_to_seller"]]:
                tie(y, int(x), 1.0)
        self.n_lead_ties = len(self.A)

    def _crew_ties(self, c_: int, x: int, L: float, C: float) -> None:
        """The ties of crew ``c_``'s chief ``x``: to his manager, drivers,
        courier and (rarely) bosses, to his sellers, and among the sellers."""
        rng, p, tie = self.rng, self.p, self.tie
        g = self.div_of_crew[c_]
        tie(self.managers[g], x, L)
        for y in self.drivers[g]:
            if rng.random() < 0.6:
                tie(y, x, C)
        if self.courier_mode:
            tie(self.couriers[g], x, C)
        for y in self.bosses:
            if rng.random() < p["boss_to_team_leader"]:
                tie(y, x, C)
        crew = self.sellers_a[self.crew_of_seller == c_]
        for y in crew:
            tie(x, int(y), C)
        pairs = np.triu_indices(len(crew), 1)
        for u, v in zip(crew[pairs[0]], crew[pairs[1]]):
            if rng.random() < p["crew_mutual_calls"]:
                tie(int(u), int(v), C / 2)

    def add_client_ties(self) -> None:
        """Customers' ties to a first seller and some to a second (mostly in
        the same crew), wholesale buyers' and family ties."""
        rng, p, A, B, R = self.rng, self.p, self.A, self.B, self.R
        U, cust_a, sellers_a, cust_first = p["customer_call_rate"], self.cust_a, self.sellers_a, self.cust_first
        second = rng.random(len(cust_a)) < p["second_seller_share"]
        same = rng.random(len(cust_a)) < 0.7
        other = sellers_a[rng.integers(len(sellers_a), size=len(cust_a))]
        self.by_crew = by_crew = [sellers_a[self.crew_of_seller == k] for k in range(self.n_crews)]
        seller_crew = dict(zip(self.sellers, self.crew_of_seller))
        A.extend(cust_a.tolist())
        B.extend(cust_first.tolist())
        R.extend([U] * len(cust_a))
        for j in np.flatnonzero(second):
            pool = by_crew[seller_crew[int(cust_first[j])]] if same[j] else None
            y = int(pool[rng.integers(len(pool))]) if pool is not None else int(other[j])
            if y != cust_first[j]:
                self.tie(int(cust_a[j]), y, U / 2)
        A.extend(self.buyer_of.tolist())
        B.extend(self.buyers)
        R.extend([U] * len(self.buyers))
        A.extend(self.out_of.tolist())  # family
        B.extend(self.outsiders)
        R.extend(rng.uniform(1.0, 5.0, len(self.outsiders)).tolist())

    def add_calls(self) -> None:
        """Every tie turned into calls (Poisson, at least one; who calls whom
        leans per tie), ``meets`` when an end has no phone."""
        rng, b, n_ph, ph_start, pid = self.rng, self.b, self.n_ph, self.ph_start, self.pid
        self.A, self.B = A, B = np.asarray(self.A, dtype=np.int64), np.asarray(self.B, dtype=np.int64)
        R = np.asarray(self.R, dtype=float)
        cnt = np.maximum(1, rng.poisson(R))
        rep = np.repeat(np.arange(len(A)), cnt)
        lean = rng.uniform(0.2, 0.8, len(A))[rep]  # who calls whom, per tie
        flip = rng.random(len(rep)) < lean
        src = np.where(flip, A[rep], B[rep])
        dst = np.where(flip, B[rep], A[rep])
        days = rng.uniform(0, b.days, len(rep))
        has = (n_ph[src] > 0) & (n_ph[dst] > 0)
        sp = ph_start[src] + (rng.random(len(rep)) * np.maximum(n_ph[src], 1)).astype(np.int64)
        dp = ph_start[dst] + (rng.random(len(rep)) * np.maximum(n_ph[dst], 1)).astype(np.int64)
        for h, u, v, sp_, dp_, d in zip(has, src, dst, sp, dp, days):
            if h:
                b.edge(self.phones[sp_], self.phones[dp_], "call", d)
            else:
                b.edge(pid[u], pid[v], "meets", d)

    def add_meets(self) -> None:
        """Face to face: leader ties also met, crew chiefs meet their sellers,
        drivers deliver to the crews."""
        rng, b, pid, role_a = self.rng, self.b, self.pid, self.role_a
        driver_set = {y for d in self.drivers for y in d}
        for a, c_ in zip(self.A[:self.n_lead_ties], self.B[:self.n_lead_ties]):
            ra, rc = role_a[a], role_a[c_]
            if ra in FAMILY_LEADER_ROLES and rc in FAMILY_LEADER_ROLES + ("team_leader",):
                if rng.random() < self.p["leader_meet_share"]:
                    for _ in range(1 + rng.poisson(1.5)):
                        b.edge(pid[a], pid[c_], "meets")
            elif ra == "team_leader" and rc == "operator":
                for _ in range(1 + rng.poisson(2.0)):
                    b.edge(pid[a], pid[c_], "meets")
            elif rc == "team_leader" and a in driver_set:
                for _ in range(1 + rng.poisson(1.0)):
                    b.edge(pid[a], pid[c_], "meets")

    def add_places(self) -> None:
        """A selling spot per crew, a stash house per division, an office for the top (sometimes)."""
        b, pid = self.b, self.pid
        for c_, x in enumerate(self.tls):
            v = b.node("venue")
            for y in [x] + self.by_crew[c_].tolist():
                b.edge(pid[y], v, "located_at")
        for g, x in enumerate(self.managers):
            v = b.node("venue")
            for y in [x] + self.drivers[g]:
                b.edge(pid[y], v, "located_at")
        if self.rng.random() < 0.5:
            v = b.node("venue")
            for y in self.bosses + self.fins:
                b.edge(pid[y], v, "located_at")

    def add_accounts(self) -> None:
        """Accounts of the top (one or two), suppliers and, when cash is
        transferred rather than carried, managers and crew chiefs."""
        rng, b, bosses, fins = self.rng, self.b, self.bosses, self.fins
        self.acc = {}
        holders = bosses + fins + self.sups + (self.managers + self.tls if not self.courier_mode else [])
        for x in holders:
            k = int(rng.integers(1, 3)) if x in bosses or x in fins else 1
            self.acc[x] = [b.node("account") for _ in range(k)]
            for a in self.acc[x]:
                self.own(x, a, "owns")

    def pay(self, x, y, day, amount):
        acc, rng = self.acc, self.rng
        self.b.edge(acc[x][int(rng.integers(len(acc[x])))], acc[y][int(rng.integers(len(acc[y])))], "transfer",
                    day, round(float(amount), 2))

    def add_collections(self) -> None:
        """Every ``collection_days``: each crew's cash to its manager (by
        transfer, or met by the courier), on to a financier, who pays a
        supplier and a boss."""
        rng, b, pid, pay = self.rng, self.b, self.pid, self.pay
        cd = self.p["collection_days"]
        crew_cust = np.bincount(self.crew_of_seller, weights=self.n_cust, minlength=self.n_crews) + 1
        crews_of_div = [[k for k in range(self.n_crews) if self.div_of_crew[k] == g] for g in range(self.n_div)]
        t0 = float(rng.uniform(0, cd))
        while t0 < b.days - 6:
            for g, m in enumerate(self.managers):
                f = self.fins[int(rng.integers(len(self.fins)))]
                total, t_in = 0.0, t0
                for c_ in crews_of_div[g]:
                    cash = crew_cust[c_] * rng.uniform(15, 40) * cd * 0.6  # the crew keeps its pay
                    total += cash
                    t = t0 + rng.uniform(0, 1)
                    if self.courier_mode:
                        b.edge(pid[self.couriers[g]], pid[self.tls[c_]], "meets", t)
                    else:
                        pay(self.tls[c_], m, t, cash)
                    t_in = max(t_in, t)
                t_f = t_in + rng.uniform(0.2, 1.5)
                if self.courier_mode:
                    b.edge(pid[self.couriers[g]], pid[f], "meets", t_f)
                else:
                    pay(m, f, t_f, total * 0.85)
                t_s = t_f + rng.uniform(0.2, 2.0)
                pay(f, self.sups[int(rng.integers(len(self.sups)))], t_s, total * 0.5)
                pay(f, self.bosses[int(rng.integers(len(self.bosses)))], t_s + rng.uniform(0.2, 2.0), total * 0.25)
            t0 += cd
