"""Building blocks of the hand-written families: an organisation under
construction (persons with phones and accounts, calls, meetings, money),
its money-mule crews, core meetings, relatives and friends."""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from ._common import Builder


class Org:
    """Small helper over :class:`Builder`: phones, accounts and companies of
    persons (``uses`` / ``owns`` in the drawn direction) and the interactions
    between persons through them.  Shared with the laundering family."""

    def __init__(self, b: Builder, rng: np.random.Generator, direction: str, days: float = 180.0):
        if direction not in ("person->thing", "thing->person"):
            raise ValueError(f"ownership_direction must be 'person->thing' or 'thing->person', not {direction!r}")
        self.b, self.rng, self.days = b, rng, float(days)
        self.forward = direction == "person->thing"
        self.phones: dict = {}
        self.accounts: dict = {}

    def draw_int(self, lo: int, hi: int) -> int:
        """An integer drawn uniformly from ``lo``-``hi`` (both included)."""
        return int(self.rng.integers(lo, hi + 1))

    def member(self, role: str, n_phones: int, n_accounts: int, group: int = -1, team: int = -1) -> str:
        """A new person with ``n_phones`` phones and ``n_accounts`` accounts; returns it."""
        pid = self.b.person(role, group=group, team=team)
        self.give_phones(pid, n_phones)
        self.give_accounts(pid, n_accounts)
        return pid

    def staff(self, role: str, k: int, n_phones: Callable[[], int], n_accounts: Callable[[], int]) -> list:
        """``k`` new persons of ``role``, created first, then each given
        ``n_phones()`` phones and ``n_accounts()`` accounts (drawn per
        person, in that order); returns them."""
        people = [self.b.person(role) for _ in range(int(k))]
        for x in people:
            self.give_phones(x, n_phones())
            self.give_accounts(x, n_accounts())
        return people

    def attach(self, owner: str, thing: str, etype: str) -> None:
        if self.forward:
            self.b.edge(owner, thing, etype, day=0.0)
        else:
            self.b.edge(thing, owner, etype, day=0.0)

    def give_phones(self, pid: str, k: int) -> list:
        """``k`` new phones used by ``pid``; returns them."""
        new = [self.b.node("phone") for _ in range(int(k))]
        for ph in new:
            self.attach(pid, ph, "uses")
        self.phones.setdefault(pid, []).extend(new)
        return new

    def give_accounts(self, owner: str, k: int) -> list:
        """``k`` new accounts owned by ``owner`` (a person or company); returns them."""
        new = [self.b.node("account") for _ in range(int(k))]
        for ac in new:
            self.attach(owner, ac, "owns")
        self.accounts.setdefault(owner, []).extend(new)
        return new

    def company(self, owner: str, n_accounts: int = 1) -> str:
        co = self.b.node("company")
        self.attach(owner, co, "owns")
        self.give_accounts(co, n_accounts)
        return co

    def days_of(self, n: int, lo: float = 0.0, hi: Optional[float] = None) -> np.ndarray:
        return self.rng.uniform(lo, self.days if hi is None else hi, int(n))

    def call(self, a: str, b: str, n: int, lo: float = 0.0, hi: Optional[float] = None) -> int:
        """``n`` calls from a phone of ``a`` to a phone of ``b`` (none when
        either has no phone); returns the number made."""
        pa, pb = self.phones.get(a), self.phones.get(b)
        n = int(n)
        if not pa or not pb or n <= 0:
            return 0
        ia = self.rng.integers(len(pa), size=n)
        ib = self.rng.integers(len(pb), size=n)
        for i, j, d in zip(ia, ib, self.days_of(n, lo, hi)):
            self.b.edge(pa[i], pb[j], "call", day=d)
        return n

    def meet(self, a: str, b: str, n: int, lo: float = 0.0, hi: Optional[float] = None) -> None:
        for d in self.days_of(n, lo, hi):
            self.b.edge(a, b, "meets", day=d)

    def contact(self, a: str, b: str, n: int, channel: str, reply: float = 0.3) -> None:
        """``n`` interactions between ``a`` (usually the subordinate) and ``b``
        through ``channel`` (``"phone"``, ``"meetings"`` or ``"both"``: each
        interaction a call or a meeting with even odds); a share ``reply`` of
        the calls goes the other way."""
        n = int(n)
        if n <= 0:
            return
        if channel == "phone":
            n_call = n
        elif channel == "meetings":
            n_call = 0
        else:
            n_call = int(self.rng.binomial(n, 0.5))
        n_back = int(self.rng.binomial(n_call, reply))
        made = self.call(a, b, n_call - n_back) + self.call(b, a, n_back)
        self.meet(a, b, n - n_call + (n_call - made))  # no phone: they meet instead

    def transfer(self, src: str, dst: str, day: float, amount: float) -> None:
        self.b.edge(src, dst, "transfer", day=float(day), amount=float(round(amount, 2)))


def add_outsiders(org: Org, members: list, per_member: float, shared: float = 0.1) -> None:
    """Family members and legitimate contacts: about ``per_member`` per
    member (Poisson), each with a phone, called (or met) a few times; a share
    ``shared`` of them is also in touch with a second member (kin and friends
    inside the organisation, Leukfeldt's social ties)."""
    rng, b = org.rng, org.b
    counts = rng.poisson(per_member, len(members))
    made = []
    for m, k in zip(members, counts):
        for _ in range(int(k)):
            o = b.person("outsider")
            org.give_phones(o, 1)
            n = 1 + int(rng.poisson(3.0))
            if org.phones.get(m) and rng.random() < 0.8:
                org.call(m, o, n - n // 2)
                org.call(o, m, n // 2)
            else:
                org.meet(m, o, n)
            made.append(o)
    if made and len(members) > 1:
        for o in made:
            if rng.random() < shared:
                m = members[int(rng.integers(len(members)))]
                org.contact(o, m, 1 + int(rng.poisson(1.5)), "both", reply=0.5)


def add_social_ties(org: Org, people: list, rate: float) -> None:
    """Friendship and kin ties among the rank and file, across cells: each
    person about ``rate`` ties (Poisson) to others chosen at random, a few
    calls or meetings each (the offline social networks through which these
    groups grow and recruit, Leukfeldt 2014; Malm & Bichler 2013)."""
    rng = org.rng
    if len(people) < 2 or rate <= 0:
        return
    for a, n in zip(people, rng.poisson(rate, len(people))):
        for j in rng.integers(len(people), size=int(n)):
            if people[j] != a:
                org.contact(a, people[j], 1 + int(rng.poisson(2)), "both", reply=0.5)


#: Every role of an organisation's members (not victims, not outsiders).
MEMBER_ROLES = ("boss", "financier", "manager", "team_leader", "operator", "recruiter", "facilitator", "mule")


def recruit_mules(org: Org, manager: str, group: int, team: int, n_mules: int, channel: str,
                  mule_accounts: Callable[[], int]) -> tuple:
    """A money-mule recruiter of ``manager``'s ``group`` (1-2 phones, an
    account, in touch with the manager through ``channel``) and his
    ``n_mules`` mules (crew ``team``): most have a phone, each lends
    ``mule_accounts()`` accounts, is recruited face to face (social ties)
    and called by the recruiter now and then.  Returns ``(recruiter,
    mules)``."""
    rng, b = org.rng, org.b
    r = org.member("recruiter", org.draw_int(1, 2), 1, group=group)
    org.contact(r, manager, org.draw_int(4, 14), channel)
    mules = []
    for _ in range(n_mules):
        mu = b.person("mule", group=group, team=team)
        if rng.random() < 0.85:
            org.give_phones(mu, 1)
        org.give_accounts(mu, mule_accounts())
        org.meet(mu, r, 1 + int(rng.poisson(1)))      # recruited face to face (social ties)
        org.call(r, mu, int(rng.poisson(2)))
        mules.append(mu)
    return r, mules


def core_meetings(org: Org, venues: list, always: list, sometimes) -> None:
    """3-10 meetings of the core at its ``venues``: ``always`` attend, each
    of ``sometimes`` (``(people, probability)`` pairs) with that
    probability."""
    rng, b = org.rng, org.b
    for _ in range(org.draw_int(3, 10)):
        mt = b.node("meeting")
        day = float(rng.uniform(0, 180))
        b.edge(mt, venues[int(rng.integers(len(venues)))], "located_at", day=day)
        present = list(always)
        for people, prob in sometimes:
            present += [x for x in people if rng.random() < prob]
        for x in present:
            b.edge(x, mt, "attends", day=day)


def frequent(org: Org, people: list, venues: list) -> None:
    """Each of ``people`` recorded at one of ``venues`` (``located_at``)."""
    for x in people:
        org.b.edge(x, venues[int(org.rng.integers(len(venues)))], "located_at", day=0.0)


def add_contacts(org: Org, p: dict, rank_and_file) -> None:
    """Social ties among the ``rank_and_file`` roles (``p["social_ties"]``,
    see :func:`add_social_ties`), then family and legitimate contacts of
    every member (``p["outsiders_per_member"]``, see :func:`add_outsiders`)."""
    members = org.b.persons(MEMBER_ROLES)
    add_social_ties(org, org.b.persons(rank_and_file), float(p["social_ties"]))
    add_outsiders(org, members, float(p["outsiders_per_member"]))
