"""Label placement of network pictures (ringleader.plot._labels, used by
rl.plot.network): no two labels overlap, none covers a labelled node, a
label stays beside its node when there is room, and on a 750-person
hairball every label asked for is drawn, apart from the others."""
import numpy as np
import pytest

import ringleader as rl
from ringleader.plot._labels import DIRECTIONS, place_labels


def boxes(xy, sizes, spots):
    """(x0, y0, x1, y1) of each placed label, from place_labels' answer."""
    out = []
    for (x, y), (w, h), (dx, dy, ha, va, _) in zip(xy, sizes, spots):
        x0 = x + dx - {"left": 0, "right": w, "center": w / 2}[ha]
        y0 = y + dy - {"bottom": 0, "top": h, "center": h / 2}[va]
        out.append((x0, y0, x0 + w, y0 + h))
    return out


def overlapping(a, b, slack=0.0):
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def test_labels_never_overlap_on_crowded_points():
    rng = np.random.default_rng(7)
    for n, spread in ((10, 5.0), (40, 60.0), (120, 300.0)):
        xy = rng.normal(0, spread, (n, 2))
        radius = rng.uniform(2, 8, n)
        sizes = np.column_stack([rng.uniform(20, 90, n), np.full(n, 11.0)])
        spots = place_labels(xy, radius, sizes)
        placed = boxes(xy, sizes, spots)
        for i in range(n):
            for j in range(i + 1, n):
                assert not overlapping(placed[i], placed[j]), (n, i, j)
            for j in range(n):   # and no label covers a labelled node (its own: not even its disc)
                disc = (xy[j, 0] - radius[j], xy[j, 1] - radius[j], xy[j, 0] + radius[j], xy[j, 1] + radius[j])
                if j != i:
                    assert not overlapping(placed[i], disc), (n, i, j)
            x0, y0, x1, y1 = placed[i]
            nearest = np.hypot(np.clip(xy[i, 0], x0, x1) - xy[i, 0], np.clip(xy[i, 1], y0, y1) - xy[i, 1])
            assert nearest >= radius[i], (n, i)


def test_a_label_stays_beside_its_node_when_there_is_room():
    spots = place_labels([(0, 0), (500, 0)], [3, 3], [(40, 10), (40, 10)])
    assert [s[4] for s in spots] == [0, 0]
    assert spots[0][:4] == (5.0, 0.0, "left", "center")
    # a neighbour on the right: the first label goes left (not over the neighbour), the second right
    spots = place_labels([(0, 0), (30, 0)], [3, 3], [(40, 10), (40, 10)])
    assert [s[2] for s in spots] == ["right", "left"] and [s[4] for s in spots] == [0, 0]
    assert len(DIRECTIONS) == 8


def test_network_picture_labels_apart_on_a_hairball(tmp_path):
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt

    net, _ = rl.generate.fraud_network(n_groups=3, teams_per_group=4, operators_per_team=8, victims_per_operator=5,
                                       seed=1)
    persons = rl.criminal.person_network(net).net
    top = rl.leaders(net, seed=1).index[:40]
    fig, ax = plt.subplots(figsize=(9, 8))
    try:
        rl.plot.network(persons, highlight=top, ax=ax, seed=1, max_labels=40)
        fig.canvas.draw()
        notes = [t for t in ax.texts if t.get_text()]
        assert sorted(t.get_text() for t in notes) == sorted(top)           # every one of the 40, once
        drawn = [t.get_bbox_patch().get_window_extent() for t in notes]
        for i in range(len(drawn)):
            for j in range(i + 1, len(drawn)):
                a, b = drawn[i], drawn[j]
                assert not overlapping((a.x0, a.y0, a.x1, a.y1), (b.x0, b.y0, b.x1, b.y1), slack=0.5), \
                    (notes[i].get_text(), notes[j].get_text())
        fig.savefig(tmp_path / "labels.png")
    finally:
        plt.close(fig)
