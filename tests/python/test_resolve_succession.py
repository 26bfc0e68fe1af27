"""rl.resolve succession evidence with place profiles: a rotated number seen
at the old one's cells at the same times of day is full evidence (merged at
the default threshold); a hub contact, a contest between two successors and
a missing sighting are not; a SIM box still never merges."""
import pandas as pd
import pytest

import ringleader as rl
from test_resolve import T, build, phones


pytestmark = pytest.mark.filterwarnings("ignore::ringleader.resolve.ResolveWarning")


def rotated(contacts=("c1", "c2", "c3"), new_cell="home", rival=None, extra=()):
    """o (registered to P1) calls `contacts` days 0-19 seen at cell home; n
    calls them days 21-39 seen at `new_cell`; `rival` starts too, calling
    the same contacts fewer times, seen at home."""
    rows = []
    for d in range(20):
        rows += [("o", c, "call", T(d)) for c in contacts] + [("o", "home", "located_at", T(d))]
    for d in range(21, 40):
        rows += [("n", c, "call", T(d)) for c in contacts]
        if new_cell:
            rows += [("n", new_cell, "located_at", T(d))]
        if rival and d % 4 == 0:
            rows += [(rival, contacts[0], "call", T(d))] + [(rival, "home", "located_at", T(d))]
    rows += [("c1", "c2", "call", T(d, 3)) for d in range(40)] + list(extra)
    rows += [("P1", "o", "uses", pd.NaT)]
    types = phones("o", "n", *contacts, "c1", "c2", *([rival] if rival else []),
                   *[r[0] for r in extra if r[2] == "call"], *[r[1] for r in extra if r[2] == "call"])
    types.update(home="cell", away="cell", P1="person")
    return build(rows, types)


def pair(c, a, b):
    return c[(c.a == min(a, b)) & (c.b == max(a, b))].iloc[0]


def test_rotation_at_the_same_places_is_full_evidence_and_merges():
    net = rotated()
    c = rl.resolve.candidates(net)
    assert pair(c, "o", "n").succession == 1.0 and pair(c, "o", "n").score == pytest.approx(0.95)
    _, mapping = rl.resolve.merge(net, unheld_phones="keep")
    assert mapping.to_dict() == {"n": "P1", "o": "P1"}  # attached to the registered person of the old number


def test_other_places_are_no_full_evidence():
    c = rl.resolve.candidates(rotated(new_cell="away"))
    r = pair(c, "o", "n")
    assert r.succession == 0.0 and r.score < rl.resolve.THRESHOLD  # same contacts, never the same places


def test_without_sightings_the_contact_similarity_stays_weak():
    c = rl.resolve.candidates(rotated(new_cell=None))
    assert pair(c, "o", "n").score == pytest.approx(0.6)  # 0.6 x contact similarity 1, below the threshold


def test_a_hub_contact_does_not_make_two_numbers_successors():
    # o and n share only the hotline, which 30 other numbers call too
    extra = [(f"h{i}", "hub", "call", T(i)) for i in range(30)]
    c = rl.resolve.candidates(rotated(contacts=("hub",), extra=extra))
    r = pair(c, "o", "n")
    assert r.succession < 1.0 and r.score < rl.resolve.THRESHOLD


def test_only_the_mutual_best_successor_is_full_evidence():
    c = rl.resolve.candidates(rotated(rival="r"))
    best, rival = pair(c, "o", "n"), pair(c, "o", "r")
    assert best.succession == 1.0 and rival.succession < 0.5 and rival.score < rl.resolve.THRESHOLD


def test_a_sim_box_still_never_merges_its_sims():
    # six boxed SIMs rotate one after another at the box's cell, calling the same contacts
    rows = []
    for i in range(6):
        rows += [(f"s{i}", "box", "in_device", pd.NaT)]
        for d in range(10 * i, 10 * i + 9):
            rows += [(f"s{i}", c, "call", T(d)) for c in ("v1", "v2", "v3")] + [(f"s{i}", "site", "located_at", T(d))]
    types = phones(*[f"s{i}" for i in range(6)], "v1", "v2", "v3")
    types.update(box="device", site="cell")
    net = build(rows, types)
    c = rl.resolve.candidates(net, max_sims_per_device=4)
    assert (c.succession == 1.0).any()  # the succession evidence is there ...
    _, mapping = rl.resolve.merge(net, c, max_sims_per_device=4, threshold=0.0, unheld_phones="keep")
    assert len(mapping) == 0  # ... but a SIM box never puts two of its SIMs under one person
    assert set(mapping.attrs["merges"].status) == {"refused: SIM box"}
