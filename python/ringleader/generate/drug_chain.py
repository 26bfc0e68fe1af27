"""The drug-distribution family: a "corporate" organisation run by phone
from the top, with street crews whose sellers have few contacts inside the
organisation and many customers with one or two contacts each (Natarajan
2000, 2006; Johnson & Natarajan 1995; Johnson, Dunlap & Tourigny 2000)."""
from __future__ import annotations

from typing import Optional

import numpy as np

from .._kernel import seed_of
from ._common import Builder, check_missing, check_size, draw

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
    :data:`FAMILY_LEADER_ROLES`), ``team_leader`` (crew chiefs),
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
    parameters are drawn per seed from :data:`RANGES` (``params=`` fixes
    some), including ``ownership_direction``.  Then the common missing-data
    model, :func:`ringleader.generate._common.finish` (``noise``
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
    s = seed_of(seed)
    rng = np.random.default_rng([s, 4])
    p = draw(rng, RANGES, params)
    size = check_size(size)
    check_missing(noise, missing_edges, missing_persons, spurious_edges)

    courier_mode = p["cash_collection"] == "courier"
    top = p["bosses"] + p["financiers"] + p["suppliers"]
    per_div = (1 + p["drivers_per_manager"] + (1 if courier_mode else 0)
               + p["crews_per_manager"] * (1 + p["sellers_per_crew"]))  # members per division
    n_div = max(1, int(round((size - top) / per_div)))
    staff = 1 + p["drivers_per_manager"] + (1 if courier_mode else 0)  # per division, besides the crews
    # a small organisation has fewer crews (a crew chief and at least one seller each)
    n_crews = max(n_div, min(n_div * p["crews_per_manager"], (size - top - n_div * staff) // 2))
    n_sellers = max(n_crews, int(round(size - top - n_div * staff - n_crews)))
    p["n_divisions"], p["n_crews"] = n_div, n_crews
    # crew sizes: every crew at least one seller, the rest by Dirichlet weights (spread 0: equal)
    alpha = 1.0 / max(p["crew_size_spread"], 1e-3) ** 2
    w = rng.dirichlet(np.full(n_crews, alpha))
    crew_n = 1 + rng.multinomial(n_sellers - n_crews, w)

    b = Builder(rng)
    role = []  # by person index (the Builder's order)

    def add(r, g=-1, t=-1):
        b.person(r, g, t)
        role.append(r)
        return len(role) - 1

    bosses = [add("boss") for _ in range(p["bosses"])]
    fins = [add("financier") for _ in range(p["financiers"])]
    sups = [add("facilitator") for _ in range(p["suppliers"])]
    managers, drivers, couriers, tls, sellers = [], [], [], [], []
    crew_of_seller, div_of_crew = [], []
    crews_in = np.bincount(np.arange(n_crews) % n_div, minlength=n_div)
    c = 0
    for g in range(n_div):
        managers.append(add("manager", g))
        drivers.append([add("facilitator", g) for _ in range(p["drivers_per_manager"])])
        couriers.append(add("facilitator", g) if courier_mode else None)
        for _ in range(crews_in[g]):
            tls.append(add("team_leader", g, c))
            div_of_crew.append(g)
            for _ in range(crew_n[c]):
                sellers.append(add("operator", g, c))
                crew_of_seller.append(c)
            c += 1
    members = list(range(len(role)))
    sellers_a = np.asarray(sellers, dtype=np.int64)
    crew_of_seller = np.asarray(crew_of_seller, dtype=np.int64)

    # customers: busyness per seller (log-normal, mean 1)
    sig = p["seller_activity_spread"]
    act = rng.lognormal(-sig * sig / 2, sig, len(sellers))
    n_cust = rng.poisson(p["customers_per_seller"] * act)
    cust_first = np.repeat(sellers_a, n_cust)
    customers = [add("victim") for _ in range(len(cust_first))]
    # wholesale buyers (other dealers) of the bosses and managers, by phone
    top_sellers = np.asarray(bosses + managers, dtype=np.int64)
    buyer_of = np.repeat(top_sellers, rng.poisson(p["wholesale_buyers"], len(top_sellers)))
    buyers = [add("victim") for _ in range(len(buyer_of))]
    # family and legitimate contacts of members
    n_out = rng.poisson(p["outsiders_per_member"], len(members))
    out_of = np.repeat(np.asarray(members, dtype=np.int64), n_out)
    outsiders = [add("outsider") for _ in range(len(out_of))]
    n_persons = len(role)
    pid = b.persons()
    role_a = np.asarray(role, dtype=object)

    # phones
    lp = p["leader_phones"]
    n_ph = np.ones(n_persons, dtype=np.int64)
    lead = np.asarray(bosses + fins + managers, dtype=np.int64)
    n_ph[lead] = rng.integers(1, lp + 1, len(lead))
    tl_a = np.asarray(tls, dtype=np.int64)
    n_ph[tl_a] = rng.integers(1, 3, len(tl_a))
    n_ph[sellers_a] = (rng.random(len(sellers_a)) < p["seller_phone_share"]) * rng.integers(1, 3, len(sellers_a))
    cust_a = np.asarray(customers, dtype=np.int64)
    n_ph[cust_a] = rng.random(len(cust_a)) < 0.9
    n_ph[np.asarray(buyers, dtype=np.int64)] = 1
    ph_start = np.concatenate([[0], np.cumsum(n_ph)[:-1]])
    phones = [b.node("phone") for _ in range(int(n_ph.sum()))]
    thing_first = p["ownership_direction"] == "thing->person"

    def own(person, thing, etype):
        day = rng.uniform(0, 30)
        if thing_first:
            b.edge(thing, pid[person], etype, day)
        else:
            b.edge(pid[person], thing, etype, day)

    for i in range(n_persons):
        for k in range(n_ph[i]):
            own(i, phones[ph_start[i] + k], "uses")

    # ties: (a, b, mean count), turned into calls (meets when an end has no phone)
    A, B, R = [], [], []

    def tie(a, c_, rate):
        A.append(a)
        B.append(c_)
        R.append(rate)

    L, C, U = p["leader_call_rate"], p["crew_call_rate"], p["customer_call_rate"]
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
    for k, x in enumerate(sups):
        tie(bosses[k % len(bosses)], x, L / 2)
        for y in managers:
            if rng.random() < 0.25:
                tie(y, x, C)
        tie(fins[int(rng.integers(len(fins)))], x, C / 2)
    for i, x in enumerate(managers):
        for y in managers[i + 1:]:
            if rng.random() < p["manager_cross_talk"]:
                tie(x, y, L / 2)
        if not courier_mode or rng.random() < 0.5:
            tie(x, fins[int(rng.integers(len(fins)))], L / 2)
        for y in drivers[i]:
            tie(x, y, 2 * C)
        if courier_mode:
            tie(x, couriers[i], C)
            tie(couriers[i], fins[int(rng.integers(len(fins)))], C)
    for c_, x in enumerate(tls):
        g = div_of_crew[c_]
        tie(managers[g], x, L)
        for y in drivers[g]:
            if rng.random() < 0.6:
                tie(y, x, C)
        if courier_mode:
            tie(couriers[g], x, C)
        for y in bosses:
            if rng.random() < p["boss_to_team_leader"]:
                tie(y, x, C)
        crew = sellers_a[crew_of_seller == c_]
        for y in crew:
            tie(x, int(y), C)
        pairs = np.triu_indices(len(crew), 1)
        for u, v in zip(crew[pairs[0]], crew[pairs[1]]):
            if rng.random() < p["crew_mutual_calls"]:
                tie(int(u), int(v), C / 2)
    for y in bosses:
        for x in sellers_a[rng.random(len(sellers_a)) < p["boss_to_seller"]]:
            tie(y, int(x), 1.0)
    n_lead_ties = len(A)
    # customers: a first seller, some a second one (mostly in the same crew)
    second = rng.random(len(cust_a)) < p["second_seller_share"]
    same = rng.random(len(cust_a)) < 0.7
    other = sellers_a[rng.integers(len(sellers_a), size=len(cust_a))]
    by_crew = [sellers_a[crew_of_seller == k] for k in range(n_crews)]
    seller_crew = dict(zip(sellers, crew_of_seller))
    A.extend(cust_a.tolist())
    B.extend(cust_first.tolist())
    R.extend([U] * len(cust_a))
    for j in np.flatnonzero(second):
        pool = by_crew[seller_crew[int(cust_first[j])]] if same[j] else None
        y = int(pool[rng.integers(len(pool))]) if pool is not None else int(other[j])
        if y != cust_first[j]:
            tie(int(cust_a[j]), y, U / 2)
    A.extend(buyer_of.tolist())
    B.extend(buyers)
    R.extend([U] * len(buyers))
    # family
    A.extend(out_of.tolist())
    B.extend(outsiders)
    R.extend(rng.uniform(1.0, 5.0, len(outsiders)).tolist())

    A, B, R = np.asarray(A, dtype=np.int64), np.asarray(B, dtype=np.int64), np.asarray(R, dtype=float)
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
            b.edge(phones[sp_], phones[dp_], "call", d)
        else:
            b.edge(pid[u], pid[v], "meets", d)
    # face-to-face: leader ties also met, crew chiefs meet their sellers, drivers deliver to crews
    driver_set = {y for d in drivers for y in d}
    for a, c_ in zip(A[:n_lead_ties], B[:n_lead_ties]):
        ra, rc = role_a[a], role_a[c_]
        if ra in FAMILY_LEADER_ROLES and rc in FAMILY_LEADER_ROLES + ("team_leader",):
            if rng.random() < p["leader_meet_share"]:
                for _ in range(1 + rng.poisson(1.5)):
                    b.edge(pid[a], pid[c_], "meets")
        elif ra == "team_leader" and rc == "operator":
            for _ in range(1 + rng.poisson(2.0)):
                b.edge(pid[a], pid[c_], "meets")
        elif rc == "team_leader" and a in driver_set:
            for _ in range(1 + rng.poisson(1.0)):
                b.edge(pid[a], pid[c_], "meets")

    # places: a selling spot per crew, a stash house per division, an office for the top (sometimes)
    for c_, x in enumerate(tls):
        v = b.node("venue")
        for y in [x] + by_crew[c_].tolist():
            b.edge(pid[y], v, "located_at")
    for g, x in enumerate(managers):
        v = b.node("venue")
        for y in [x] + drivers[g]:
            b.edge(pid[y], v, "located_at")
    if rng.random() < 0.5:
        v = b.node("venue")
        for y in bosses + fins:
            b.edge(pid[y], v, "located_at")

    # accounts and money
    acc = {}
    holders = bosses + fins + sups + (managers + tls if not courier_mode else [])
    for x in holders:
        k = int(rng.integers(1, 3)) if x in bosses or x in fins else 1
        acc[x] = [b.node("account") for _ in range(k)]
        for a in acc[x]:
            own(x, a, "owns")

    def pay(x, y, day, amount):
        b.edge(acc[x][int(rng.integers(len(acc[x])))], acc[y][int(rng.integers(len(acc[y])))], "transfer", day,
               round(float(amount), 2))

    cd = p["collection_days"]
    crew_cust = np.bincount(crew_of_seller, weights=n_cust, minlength=n_crews) + 1
    crews_of_div = [[k for k in range(n_crews) if div_of_crew[k] == g] for g in range(n_div)]
    t0 = float(rng.uniform(0, cd))
    while t0 < b.days - 6:
        for g, m in enumerate(managers):
            f = fins[int(rng.integers(len(fins)))]
            total, t_in = 0.0, t0
            for c_ in crews_of_div[g]:
                cash = crew_cust[c_] * rng.uniform(15, 40) * cd * 0.6  # the crew keeps its pay
                total += cash
                t = t0 + rng.uniform(0, 1)
                if courier_mode:
                    b.edge(pid[couriers[g]], pid[tls[c_]], "meets", t)
                else:
                    pay(tls[c_], m, t, cash)
                t_in = max(t_in, t)
            t_f = t_in + rng.uniform(0.2, 1.5)
            if courier_mode:
                b.edge(pid[couriers[g]], pid[f], "meets", t_f)
            else:
                pay(m, f, t_f, total * 0.85)
            t_s = t_f + rng.uniform(0.2, 2.0)
            pay(f, sups[int(rng.integers(len(sups)))], t_s, total * 0.5)
            pay(f, bosses[int(rng.integers(len(bosses)))], t_s + rng.uniform(0.2, 2.0), total * 0.25)
        t0 += cd

    return b.finish(family="drug_chain", leader_roles=FAMILY_LEADER_ROLES, params=p, seed=s, noise=noise,
                    missing_edges=missing_edges, missing_persons=missing_persons, spurious_edges=spurious_edges)
