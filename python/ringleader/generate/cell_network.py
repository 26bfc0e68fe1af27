"""The cell-network family: a covert network of small cells of trusted
prior contacts kept apart, bridged by a small leadership, funded by
financiers, with meetings as temporary shortcuts between cells."""
from __future__ import annotations

from typing import Optional

import numpy as np

from ._common import Builder, pick, start

__all__ = ["cell_network"]

FORM = ("covert cell network: small cells of trusted prior contacts kept apart and sparsely linked, cell leaders "
        "bridged by a small leadership, financiers funding the cells, meetings as temporary shortcuts")
REFERENCE = (
    "Krebs, V. E. (2002). Mapping networks of terrorist cells. Connections 24(3), 43-52; "
    "Baker, W. E. & Faulkner, R. R. (1993). The social organization of conspiracy: illegal networks in the heavy "
    "electrical equipment industry. American Sociological Review 58(6), 837-860; "
    "Morselli, C., Giguere, C. & Petit, K. (2007). The efficiency/security trade-off in criminal networks. "
    "Social Networks 29(1), 143-153")
FAMILY_LEADER_ROLES = ("boss", "financier", "manager")

#: Structural parameters and the ranges each seed draws them from.
RANGES = {
    # organisation
    "cell_size": (4, 9),                  # mean members of a cell, its leader included (cells vary)
    "cells_per_commander": (3, 8),        # cells bridged by one member of the leadership (boss)
    "cells_per_financier": (4, 12),       # cells funded by one financier
    "support_per_cell": (0.2, 1.0),       # support members (facilitators: housing, papers, cash) per cell
    "outsiders_per_member": (0.3, 1.5),   # family, flatmates, instructors and other legitimate contacts
    # ties: trusted prior contacts, kept sparse (secrecy over efficiency)
    "prior_tie_density": (0.05, 0.4),     # chance of a tie between two members of a cell beyond a sparse tree
    "leader_reach": (0.4, 1.0),           # chance a cell leader knows a member of his cell directly
    "commander_reach": (0.0, 0.3),        # chance a commander knows an operative of his cells directly
    "bridges_per_cell": (0.1, 1.2),       # prior-contact ties from a cell to other cells (mean)
    # channels
    "call_share": (0.3, 0.9),             # share of ties kept (also) on the phone
    "calls_per_tie": (1.0, 6.0),          # mean calls on a phone tie
    "meet_share": (0.2, 0.8),             # share of ties with face-to-face meetings of two
    "leader_phone_use": (0.1, 1.0),       # phone use of commanders and financiers relative to the others
    "burner_phones": (1, 3),              # at most this many SIMs per operative and cell leader
    "shared_housing": (0.3, 0.9),         # share of cell members living in the cell's flat(s)
    "training_share": (0.2, 0.8),         # share of members recorded at a training venue (schools, gyms)
    # meetings (shortcuts)
    "cell_meetings": (1, 6),              # meetings of each cell
    "coordination_meetings": (1, 4),      # per commander: the commander with his cell leaders
    "shortcut_meetings": (0.1, 0.6),      # per cell: meetings mixing members of 2-3 cells
    # money
    "direct_funding": (0.0, 0.5),         # share of a cell's funding sent to an operative instead of its leader
    "ownership_direction": ["person->thing", "thing->person"],
}


def cell_network(size: int = 100, noise: float = 0.0, missing_edges: float = 0.0, missing_persons: float = 0.0,
                 spurious_edges: Optional[float] = None, seed: Optional[int] = None, *, params=None):
    """A covert network of cells: trusted prior contacts kept apart.

    The form (Krebs 2002): operatives in small cells built on trusted prior
    contacts (kin, schooling, training, shared flats); cell members are kept
    distant from each other and from other cells, so that the network of
    prior ties is sparse with long paths, and the loss of one member
    exposes little.  The cells' leaders are bridged by the network's
    leadership; meetings (coordination meetings of a commander with his
    cell leaders, and meetings mixing members of several cells) act as
    temporary shortcuts that shorten paths when the work must be
    coordinated.  Support members handle housing, papers and cash;
    financiers move money to the cells.  The covert-network trade-off
    between secrecy and efficiency (Baker & Faulkner 1993; Morselli,
    Giguere & Petit 2007) is set per seed by the sparsity of the ties
    (``prior_tie_density``, ``bridges_per_cell``), how directly leaders
    reach members (``leader_reach``, ``commander_reach``) and how much runs
    on phones rather than face to face (``call_share``, ``meet_share``,
    ``leader_phone_use``).

    Each tie is observed through calls between the two persons' phones
    (operatives and cell leaders use 1-``burner_phones`` SIMs), dyadic
    ``meets``, or both.  Money: each financier receives sponsor money on an
    account abroad, moves it to his local account, then to the cell leaders
    (or, with ``direct_funding``, to an operative) and to support members
    who pass cash on; cells pay schools, rentals and travel (merchant
    companies' accounts) and send unused funds back to the financier near
    the end.  Every hop is later than the one before.

    Roles: commanders (the small leadership) -> ``boss`` (group -1); cell
    leaders -> ``manager``; financiers -> ``financier`` (group -1);
    operatives -> ``operator``; support members -> ``facilitator`` (group
    -1, each serving 1-4 cells); family, flatmates, instructors ->
    ``outsider``.  ``group`` = the cell, ``team`` = the commander's section
    (for bosses too; -1 for financiers, support and outsiders).  Leaders:
    boss, financier, manager (>= 3 in every network: at least one cell
    leader, commander and financier).  No victims.

    Node types ``person``, ``phone``, ``account``, ``venue``, ``meeting``,
    ``company``; edges ``call``, ``meets``, ``attends``, ``located_at``
    (flats, training venues; meetings), ``transfer``, ``uses``, ``owns``
    (direction set by ``ownership_direction``).

    Parameters: ``size`` (about that many members: every role but outsider;
    the number of cells follows), the missing-data model of
    ``_common.finish`` (``noise`` misattributes that
    share of calls, transfers and ``meets``, ``missing_edges`` drops edges,
    ``missing_persons`` drops persons, kept in the truth with
    ``observed=False``, ``spurious_edges`` adds false interactions, default
    ``noise``), ``seed`` and ``params`` (fixes some of the structural
    parameters in ``RANGES``, otherwise each drawn per seed; the drawn
    values and ``n_cells``, ``n_commanders``, ``n_financiers`` are in
    ``truth.attrs["params"]``).

    >>> net, truth = rl.generate.cell_network(size=80, seed=1)
    >>> truth.attrs["leader_roles"]
    ('boss', 'financier', 'manager')

    References: Krebs (2002); Baker & Faulkner (1993); Morselli, Giguere &
    Petit (2007) (full citations in ``REFERENCE``).
    """
    d = start(size, noise, missing_edges, missing_persons, spurious_edges, seed, params, RANGES, 5)
    build = _CellNetwork(d.rng, d.params, d.size)
    build.add_ties()
    build.add_channels()
    build.add_venues()
    build.add_outsiders()
    build.add_meetings()
    build.add_accounts()
    build.add_funding()
    return build.b.finish_design(d, "cell_network", FAMILY_LEADER_ROLES)


class _CellNetwork:
    """One cell network under construction, phase by phase (the calls of
    :func:`cell_network`, in that order: every phase draws from the one
    generator, so the order fixes the network)."""

    def __init__(self, rng: np.random.Generator, p: dict, size: int):
        """The sizes (cells, commanders, financiers, support, each cell's
        members) and the persons."""
        self.rng, self.p = rng, p
        self.b = b = Builder(rng)
        self.days = float(b.days)
        self.thing_first = p["ownership_direction"] == "thing->person"
        per_cell = p["cell_size"] + p["support_per_cell"] + 1 / p["cells_per_commander"] + 1 / p["cells_per_financier"]
        self.n_cells = n_cells = max(1, int(round(size / per_cell)))
        self.n_cmd = n_cmd = max(1, int(round(n_cells / p["cells_per_commander"])))
        self.n_fin = n_fin = max(1, int(round(n_cells / p["cells_per_financier"])))
        self.n_sup = n_sup = int(round(p["support_per_cell"] * n_cells))
        left = size - n_cmd - n_fin - n_sup
        sizes = np.maximum(2, 2 + rng.poisson(max(0.0, p["cell_size"] - 2), size=n_cells))
        sizes = np.maximum(2, np.round(sizes * max(2 * n_cells, left) / sizes.sum())).astype(int)
        p.update(n_cells=n_cells, n_commanders=n_cmd, n_financiers=n_fin)
        self.section = section = rng.permutation(np.arange(n_cells) % n_cmd)  # the commander of each cell
        self.commanders = [b.person("boss", -1, k) for k in range(n_cmd)]
        self.financiers = [b.person("financier", -1, -1) for _ in range(n_fin)]
        self.cells = []
        for c in range(n_cells):
            lead = b.person("manager", c, int(section[c]))
            self.cells.append([lead] + [b.person("operator", c, int(section[c])) for _ in range(sizes[c] - 1)])
        self.support = [b.person("facilitator", -1, -1) for _ in range(n_sup)]
        self.members = b.persons()
        self.role_of = b.roles()
        self.cell_of = {m: c for c, cell in enumerate(self.cells) for m in cell}
        self.fin_of_cell = rng.integers(n_fin, size=n_cells)
        self.ties = set()
        self.sup_cells = {}

    def own(self, holder, thing, etype):
        self.b.hold(holder, thing, etype, self.thing_first)

    def tie(self, a, c):
        if a != c:
            self.ties.add((a, c) if a < c else (c, a))

    def add_ties(self) -> None:
        """The trusted prior contacts: inside each cell, from the leadership
        and financiers to the cells, among commanders, from support members
        to the cells they serve, and a few between cells."""
        rng, p, tie, cells = self.rng, self.p, self.tie, self.cells
        commanders, financiers, n_cmd, n_cells = self.commanders, self.financiers, self.n_cmd, self.n_cells
        for cell in cells:
            order = rng.permutation(len(cell))
            for i in range(1, len(cell)):  # a sparse random tree: every member reached through a trusted contact
                tie(cell[order[i]], cell[order[int(rng.integers(i))]])
            k = len(cell)
            if k > 2:
                iu, ju = np.triu_indices(k, 1)
                for i, j in zip(iu, ju):
                    if rng.random() < p["prior_tie_density"]:
                        tie(cell[i], cell[j])
            for m in cell[1:]:
                if rng.random() < p["leader_reach"]:
                    tie(cell[0], m)
        for c, cell in enumerate(cells):  # the leadership bridges the cells
            cmd = commanders[self.section[c]]
            tie(cmd, cell[0])
            for m in cell[1:]:
                if rng.random() < p["commander_reach"]:
                    tie(cmd, m)
            if rng.random() < 0.5:
                tie(financiers[self.fin_of_cell[c]], cell[0])
        for i in range(n_cmd):  # commanders know each other (a chain plus some more)
            if i:
                tie(commanders[i], commanders[int(rng.integers(i))])
            for j in range(i + 1, n_cmd):
                if rng.random() < 0.3:
                    tie(commanders[i], commanders[j])
        for f in financiers:
            for k in rng.choice(n_cmd, min(n_cmd, int(rng.integers(1, 3))), replace=False):
                tie(f, commanders[k])
        for f in self.support:
            served = rng.choice(n_cells, min(n_cells, int(rng.integers(1, 5))), replace=False)
            self.sup_cells[f] = served
            for c in served:
                tie(f, cells[c][0])
                if rng.random() < 0.3 and len(cells[c]) > 1:
                    tie(f, cells[c][int(rng.integers(1, len(cells[c])))])
            if rng.random() < 0.5:
                tie(f, financiers[int(rng.integers(self.n_fin))])
        if n_cells > 1:  # sparse prior ties between cells
            for _ in range(rng.poisson(p["bridges_per_cell"] * n_cells / 2)):
                c1, c2 = rng.choice(n_cells, 2, replace=False)
                a = cells[c1][0] if rng.random() < 0.4 else cells[c1][int(rng.integers(len(cells[c1])))]
                tie(a, cells[c2][int(rng.integers(len(cells[c2])))])

    def call(self, a, c, day=None):
        self.b.call_persons(self.phones, a, c, day=day)

    def add_channels(self) -> None:
        """The members' phones, then each tie observed as calls, dyadic
        ``meets`` or both."""
        rng, p, b = self.rng, self.p, self.b
        self.phones = {}
        for m in self.members:
            r = self.role_of[m]
            k = int(rng.integers(1, p["burner_phones"] + 1)) if r in ("operator", "manager") else 1
            self.phones[m] = [b.node("phone") for _ in range(k)]
            for ph in self.phones[m]:
                self.own(m, ph, "uses")
        top = {"boss", "financier"}
        activity = {m: rng.gamma(2.0, 0.5) for m in self.members}
        for a, c in sorted(self.ties):
            pc = p["call_share"] * (p["leader_phone_use"] if (self.role_of[a] in top or self.role_of[c] in top)
                                    else 1.0)
            by_phone = rng.random() < pc
            face = rng.random() < p["meet_share"] or not by_phone
            if by_phone:
                for _ in range(1 + rng.poisson(max(0.0, p["calls_per_tie"] * (activity[a] + activity[c]) / 2 - 1))):
                    self.call(a, c) if rng.random() < 0.5 else self.call(c, a)
            if face:
                for _ in range(int(rng.integers(1, 3))):
                    b.edge(a, c, "meets") if rng.random() < 0.5 else b.edge(c, a, "meets")

    def add_venues(self) -> None:
        """Flats (shared by cell members, some rented by support members) and training venues."""
        rng, p, b = self.rng, self.p, self.b
        self.flats = []
        for cell in self.cells:
            fl = [b.node("venue") for _ in range(1 if len(cell) < 5 else int(rng.integers(1, 3)))]
            self.flats.append(fl)
            for m in cell:
                if rng.random() < p["shared_housing"]:
                    b.edge(m, fl[int(rng.integers(len(fl)))], "located_at")
        for f, served in self.sup_cells.items():  # the support member rented the flat
            for c in served:
                if rng.random() < 0.3:
                    b.edge(f, self.flats[c][0], "located_at")
        self.training = [b.node("venue") for _ in range(max(1, self.n_cells // 4))]
        for cell in self.cells:
            for m in cell:
                if rng.random() < p["training_share"] * (1.5 if m == cell[0] else 1.0):
                    b.edge(m, self.training[int(rng.integers(len(self.training)))], "located_at")

    def add_outsiders(self) -> None:
        """Family (phone), flatmates (flat) and instructors (training venue) of the members."""
        rng, b, flats, training = self.rng, self.b, self.flats, self.training
        for m in self.members:
            for _ in range(rng.poisson(self.p["outsiders_per_member"])):
                o = b.person("outsider", -1, -1)
                if rng.random() < 0.8:
                    self.phones[o] = [b.node("phone")]
                    self.own(o, self.phones[o][0], "uses")
                u = rng.random()
                g = self.cell_of.get(m)
                if u < 0.25 and g is not None:
                    b.edge(o, flats[g][int(rng.integers(len(flats[g])))], "located_at")
                elif u < 0.4:
                    b.edge(o, training[int(rng.integers(len(training)))], "located_at")
                for _ in range(1 + rng.poisson(1.5)):
                    self.call(m, o) if rng.random() < 0.5 else self.call(o, m)

    def add_meetings(self) -> None:
        """The shortcuts: cell meetings, coordination meetings of each
        commander with his cell leaders, meetings mixing several cells."""
        rng, p, b, days, cells, n_cells = self.rng, self.p, self.b, self.days, self.cells, self.n_cells
        public = [b.node("venue") for _ in range(max(1, n_cells // 3))]
        for c, cell in enumerate(cells):
            for _ in range(p["cell_meetings"]):
                b.meeting(pick(rng, cell[:1], 0.9) + pick(rng, cell[1:], 0.6), self.flats[c][0],
                          float(rng.uniform(0, days)))
        for k, cmd in enumerate(self.commanders):
            mine = [cells[c][0] for c in range(n_cells) if self.section[c] == k]
            for _ in range(p["coordination_meetings"]):
                b.meeting([cmd] + pick(rng, mine, 0.8) + pick(rng, self.financiers, 0.3 / self.n_fin)
                          + pick(rng, self.support, 0.2 / max(1, self.n_sup)),
                          public[int(rng.integers(len(public)))], float(rng.uniform(days / 2, days)))
        if n_cells > 1:
            for _ in range(rng.poisson(p["shortcut_meetings"] * n_cells)):
                att = []
                for c in rng.choice(n_cells, min(n_cells, int(rng.integers(2, 4))), replace=False):
                    att += pick(rng, cells[c][:1], 0.6)
                    att += [cells[c][i] for i in rng.choice(len(cells[c]), int(rng.integers(0, 3)))]
                    if rng.random() < 0.3:
                        att.append(self.commanders[self.section[c]])
                b.meeting(att, public[int(rng.integers(len(public)))], float(rng.uniform(days / 2, days)))

    def account(self, pid):
        return self.b.account(pid, self.thing_first)

    def amount(self, x, sd=0.4):
        return float(np.round(self.rng.lognormal(np.log(x), sd), -1))

    def add_accounts(self) -> None:
        """The merchants' accounts (schools, rentals, travel) and the
        accounts of cell leaders, some operatives and some commanders."""
        rng, b = self.rng, self.b
        self.merchants = []
        for _ in range(max(2, self.n_cells // 2)):
            co, acc = b.node("company"), b.node("account")
            b.edge(acc, co, "owns", day=0.0) if self.thing_first else b.edge(co, acc, "owns", day=0.0)
            self.merchants.append(acc)
        for cell in self.cells:
            self.account(cell[0])
            for m in cell[1:]:
                if rng.random() < 0.5:
                    self.account(m)
        for cmd in self.commanders:
            if rng.random() < 0.5:
                self.account(cmd)

    def add_funding(self) -> None:
        """The money: sponsor money to each financier's account abroad, on
        to his local account, to his cells (spent at merchants, the unused
        part sent back), and cash through support members."""
        rng, days = self.rng, self.days
        for i, f in enumerate(self.financiers):
            abroad = self.b.node("account")
            self.own(f, abroad, "owns")
            local = self.account(f)
            mine = [c for c in range(self.n_cells) if self.fin_of_cell[c] == i]
            for _ in range(int(rng.integers(1, 4))):
                d = float(rng.uniform(0, days * 0.3))
                self.b.edge(abroad, local, "transfer", day=d, amount=self.amount(20000 * max(1, len(mine)), 0.3))
            for c in mine:
                self._fund_cell(self.cells[c], local)
        for f, served in self.sup_cells.items():  # cash for the cells through support members
            if rng.random() < 0.5:
                fin = self.financiers[self.fin_of_cell[served[0]]]
                d = float(rng.uniform(days * 0.3, days * 0.6))
                self.b.edge(self.account(fin), self.account(f), "transfer", day=d, amount=self.amount(5000))
                for c in served:
                    if rng.random() < 0.6:
                        self.b.edge(self.account(f), self.account(self.cells[c][0]), "transfer",
                                    day=d + float(rng.uniform(1, 20)), amount=self.amount(2000))

    def _fund_cell(self, cell: list, local: str) -> None:
        """One cell's funding from the financier's ``local`` account."""
        rng, p, b, days, accounts, amt = self.rng, self.p, self.b, self.days, self.b.accounts, self.amount
        for _ in range(int(rng.integers(1, 4))):
            d = float(rng.uniform(days * 0.3, days * 0.7))
            to = cell[0]
            if len(cell) > 1 and rng.random() < p["direct_funding"]:
                to = cell[int(rng.integers(1, len(cell)))]
            b.edge(local, self.account(to), "transfer", day=d, amount=amt(8000))
            d2 = d
            for m in cell[1:]:  # the leader passes some on
                if to == cell[0] and m in accounts and rng.random() < 0.4:
                    d2 = d + float(rng.uniform(1, 10))
                    b.edge(accounts[to], accounts[m], "transfer", day=d2, amount=amt(1500))
            for _ in range(int(rng.integers(1, 4))):  # schools, rentals, travel
                payer = [x for x in cell if x in accounts]
                payer = payer[int(rng.integers(len(payer)))]
                b.edge(accounts[payer], self.merchants[int(rng.integers(len(self.merchants)))], "transfer",
                       day=float(rng.uniform(d2 + 1, max(d2 + 2, days * 0.9))), amount=amt(1200, 0.6))
        if rng.random() < 0.6:  # unused funds sent back near the end
            b.edge(accounts[cell[0]], local, "transfer", day=float(rng.uniform(days * 0.92, days)), amount=amt(2000))
