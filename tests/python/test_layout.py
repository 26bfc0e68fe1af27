"""Layouts (rl.layout) and network pictures (ringleader.plot._network, shown as rl.plot.network)."""
import itertools
import signal
import threading
import time

import numpy as np
import pandas as pd
import pytest

import ringleader as rl
from ringleader.plot import _network as _draw


def network(edges, nodes=None, directed=False, **cols):
    df = pd.DataFrame(edges, columns=["source", "target"]).astype(str)
    for k, v in cols.items():
        df[k] = v
    nodes = None if nodes is None else pd.DataFrame({"id": [str(v) for v in nodes]})
    return rl.Network.from_pandas(df, nodes=nodes, directed=directed, create_missing=True)


def cliques(k=10, count=2):
    """``count`` k-cliques joined in a chain by one edge each."""
    edges = [(c * k + a, c * k + b) for c in range(count) for a, b in itertools.combinations(range(k), 2)]
    return network(edges + [(c * k, (c + 1) * k) for c in range(count - 1)])


def random_net(n, m, seed=1, directed=False):
    rng = np.random.default_rng(seed)
    return network(rng.integers(0, n, (m, 2)), nodes=range(n), directed=directed)


def dist(pos, a, b):
    return float(np.hypot(*(pos.loc[a, ["x", "y"]].to_numpy() - pos.loc[b, ["x", "y"]].to_numpy())))


def test_force_atlas2_is_reproducible_for_any_thread_count():
    net = random_net(1500, 4000)  # above barnes_hut_above: the quadtree
    a = rl.layout.force_atlas2(net, seed=3, iterations=30, threads=1)
    b = rl.layout.force_atlas2(net, seed=3, iterations=30, threads=2)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == ["x", "y"] and a.index.equals(net.node_index)
    assert a.attrs["seed"] == 3 and np.isfinite(a.to_numpy()).all()
    c = rl.layout.force_atlas2(net, iterations=30)
    pd.testing.assert_frame_equal(c, rl.layout.force_atlas2(net, iterations=30, seed=c.attrs["seed"]))
    assert not c.equals(a)


def test_force_atlas2_separates_cliques():
    net = cliques(10)
    pos = rl.layout.force_atlas2(net, seed=1, iterations=300)
    same = [dist(pos, str(a), str(b)) for a, b in itertools.combinations(range(20), 2) if (a < 10) == (b < 10)]
    other = [dist(pos, str(a), str(b)) for a in range(10) for b in range(10, 20)]
    assert np.mean(other) > 2.5 * np.mean(same)


def test_force_atlas2_weights_and_options():
    net = network([(0, 1), (0, 2), (1, 2)], strength=[50.0, 1.0, 1.0])
    plain = rl.layout.force_atlas2(net, seed=1, iterations=200)
    heavy = rl.layout.force_atlas2(net, seed=1, iterations=200, weight="strength")
    assert dist(heavy, "0", "1") < 0.5 * dist(plain, "0", "1")
    for options in (dict(linlog=True), dict(strong_gravity=True), dict(dissuade_hubs=True),
                    dict(prevent_overlap=True, node_size={"0": 3.0})):
        assert np.isfinite(rl.layout.force_atlas2(net, seed=1, **options).to_numpy()).all()
    # continuing a layout: zero iterations return the start positions
    again = rl.layout.force_atlas2(net, iterations=0, pos=heavy)
    np.testing.assert_array_equal(again.to_numpy(), heavy.to_numpy())


def test_degenerate_networks():
    empty = rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}))
    assert rl.layout.force_atlas2(empty, seed=1).empty
    assert rl.layout.circular(empty).empty
    one = network([("a", "a")])  # one node, a self-loop
    assert np.isfinite(rl.layout.force_atlas2(one, seed=1).to_numpy()).all()
    multi = network([(0, 1), (0, 1), (1, 0), (1, 1), (0, 2)], directed=True)
    pos = rl.layout.force_atlas2(multi, seed=1)
    assert np.isfinite(pos.to_numpy()).all()
    # disconnected: isolated nodes and small components stay together with gravity
    apart = network([(0, 1), (2, 3), (4, 5)], nodes=range(100))
    short = rl.layout.force_atlas2(apart, seed=1, iterations=200)
    long = rl.layout.force_atlas2(apart, seed=1, iterations=400)
    radius = lambda p: np.hypot(p.x, p.y).max()  # noqa: E731
    assert radius(long) < 1.2 * radius(short) < 1000


def test_circular_and_by_community():
    net = cliques(8, count=4)
    part = rl.community.leiden(net, seed=1)
    circle = rl.layout.circular(net, part)
    np.testing.assert_allclose(np.hypot(circle.x, circle.y), 1.0)
    pos = rl.layout.by_community(net, part, seed=2)
    assert pos.index.equals(net.node_index) and pos.attrs["seed"] == 2
    centres = pos.groupby(part).mean()
    spread = pos.groupby(part).apply(lambda g: np.hypot(g.x - g.x.mean(), g.y - g.y.mean()).max())
    for a, b in itertools.combinations(centres.index, 2):  # member discs do not overlap
        assert np.hypot(*(centres.loc[a] - centres.loc[b])) > spread[a] + spread[b] - 1e-9
    pd.testing.assert_frame_equal(pos, rl.layout.by_community(net, part, seed=2))
    as_sets = [set(part.index[part == c]) for c in range(part.max() + 1)]
    assert np.isfinite(rl.layout.by_community(net, as_sets, seed=2).to_numpy()).all()
    # isolated nodes ring the communities; no two nodes share a position
    lonely = network([(a, b) for a, b in itertools.combinations(range(6), 2)], nodes=range(50))
    pos = rl.layout.by_community(lonely, rl.community.components(lonely), seed=1)
    assert not pos.duplicated().any()
    r = np.hypot(pos.x, pos.y)
    assert r.iloc[6:].min() > r.iloc[:6].max()


@pytest.mark.parametrize("kwargs, text", [
    (dict(iterations=-1), "iterations"), (dict(iterations=2.5), "iterations"), (dict(scaling=0), "scaling"),
    (dict(gravity=-1), "gravity"), (dict(threads=-1), "threads"), (dict(seed="x"), "seed"),
    (dict(pos=[1, 2]), "pos"), (dict(node_size=[1.0]), "node_size"), (dict(weight="w"), "weight"),
])
def test_bad_layout_arguments(kwargs, text):
    net = network([(0, 1), (1, 2)], w=[1.0, -1.0])
    with pytest.raises(ValueError, match=text):
        rl.layout.force_atlas2(net, **kwargs)


# ---- drawing ---------------------------------------------------------------------------------

@pytest.fixture
def plt():
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    yield plt
    plt.close("all")


glyphs = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
HOSTILE = ["<script>alert(1)</script>", "&amp; &", "'quote'", '"dq"', "$x^$", "$$", "a\\b", "\n", "李 🙂"]


def hostile_net():
    edges = [(a, b) for a, b in itertools.combinations(HOSTILE, 2)] + [(HOSTILE[0], "x")]
    return network(edges)


@glyphs
def test_network_picture(plt, tmp_path):
    from matplotlib.axes import Axes
    net = hostile_net()
    part = rl.community.leiden(net, seed=1)
    for kwargs in (dict(), dict(partition=part, highlight=HOSTILE[:3], seed=1), dict(labels=True, node_size=5),
                   dict(labels={h: h + " $" for h in HOSTILE}, node_size=rl.centrality.pagerank(net)),
                   dict(pos=rl.layout.circular(net), labels=False, title="$ <b>title</b> &")):
        ax = _draw.network(net, **kwargs)
        assert isinstance(ax, Axes)
        ax.figure.savefig(tmp_path / "net.svg")  # renders every label: no mathtext errors
        ax.figure.savefig(tmp_path / "net.png")
    _, ax = plt.subplots()
    assert _draw.network(net, ax=ax, seed=1) is ax


@glyphs
def test_community_level_picture(plt, tmp_path):
    from matplotlib.axes import Axes
    net, truth = rl.generate.fraud_network(n_groups=8, seed=2)
    assert net.number_of_nodes() > _draw.COMMUNITY_ABOVE
    leaders = truth.index[truth.role == "boss"]
    ax = _draw.network(net, highlight=leaders, seed=1, labels=True)
    assert isinstance(ax, Axes) and "communities" in ax.get_title()
    ax.figure.savefig(tmp_path / "big.png")
    small = hostile_net()
    for pos in (None, rl.layout.force_atlas2(small, seed=1)):
        ax = _draw.network(small, pos=pos, highlight=HOSTILE[-1], community_above=3, labels=True, seed=1)
        ax.figure.savefig(tmp_path / "small.svg")


@pytest.mark.parametrize("kwargs, text", [
    (dict(highlight=["nobody"]), "not in the network"), (dict(max_labels=-1), "max_labels"),
    (dict(labels="yes"), "labels"), (dict(node_size=-1), "node_size"), (dict(node_size=[1]), "node_size"),
    (dict(pos={"x": (0, 0)}), "pos has no position"), (dict(pos="spring"), "layout DataFrame"),
    (dict(partition={"x": 0}), "community"), (dict(community_above=-5), "community_above"),
])
def test_bad_picture_arguments(plt, kwargs, text):
    with pytest.raises(ValueError, match=text):
        _draw.network(network([("x", "y"), ("y", "z")]), **kwargs)


def test_disruption_is_the_criminal_plot():
    assert rl.plot.disruption is rl.criminal.plot_disruption


def test_ctrl_c_stops_the_layout(capsys):
    net = random_net(20000, 60000)
    timer = threading.Timer(0.3, lambda: signal.raise_signal(signal.SIGINT))
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        rl.layout.force_atlas2(net, iterations=100000, seed=1)
    timer.join()
    assert time.monotonic() - start < 0.3 + 1.5
    rl.layout.force_atlas2(net, iterations=2, seed=1, progress=True)  # still usable
    assert "force atlas 2" in capsys.readouterr().err
