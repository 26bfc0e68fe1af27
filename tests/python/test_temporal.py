"""Time windows (rl.temporal) and rank trajectories (rl.plot.trajectories):
windows against net.subgraph on random timestamped networks, measures
against the measure on each window, group matching and change events on
hand-built examples, CAVIAR's per-phase degree leaders, bad input."""
import numpy as np
import pandas as pd
import pytest

import ringleader as rl

T0 = pd.Timestamp("2024-01-01 07:30", tz="UTC")


def _random_net(seed, directed, int_ids=False, n=40, m=300, missing=0.1, days=120):
    """Random typed network with attributes; timestamps over `days` days
    except a gap (days 40-75 hold no edge) and a share `missing` without."""
    rng = np.random.default_rng(seed)
    ids = np.arange(n) if int_ids else np.array([f"v{i}" for i in range(n)], dtype=object)
    nodes = pd.DataFrame({"id": ids, "type": rng.choice(["person", "phone"], n), "age": rng.integers(18, 80, n)})
    day = rng.uniform(0, days, m)
    day = np.where((day > 40) & (day < 75), day + 35, day)
    ts = pd.Series(T0 + pd.to_timedelta(np.round(day * 86400), unit="s"))
    ts[rng.random(m) < missing] = pd.NaT
    src, dst = rng.integers(0, n - 5, m), rng.integers(0, n - 5, m)  # the last 5 nodes never have an edge
    edges = pd.DataFrame({"source": ids[src], "target": ids[dst], "type": rng.choice(["call", "meets"], m),
                          "weight": rng.integers(1, 5, m).astype(float), "timestamp": ts,
                          "amount": np.where(rng.random(m) < 0.5, rng.uniform(1, 100, m), np.nan),
                          "note": rng.choice(["x", "y", None], m)})
    return rl.Network.from_pandas(edges, nodes, directed=directed)


def _active(sub):
    """`sub` restricted to the endpoints of its edges (node order kept)."""
    e = sub.edges
    ends = set(e.source) | set(e.target)
    return [v for v in sub.node_index if v in ends]


def _assert_window(w, net, active_only=True):
    sub = net.subgraph(start=w.start, end=w.end)
    pd.testing.assert_frame_equal(w.network.edges, sub.edges)
    assert w.network.directed == net.directed
    keep = _active(sub) if active_only else list(sub.node_index)
    assert list(w.network.node_index) == keep
    if keep:
        pd.testing.assert_frame_equal(w.network.nodes, sub.nodes.loc[keep])
    else:  # empty tables: only the columns are comparable (dtypes of empty columns vary)
        assert w.network.nodes.empty and list(w.network.nodes.columns) == list(sub.nodes.columns)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("int_ids", [False, True])
@pytest.mark.parametrize("seed", range(3))
def test_tumbling_windows_equal_subgraph(seed, directed, int_ids):
    net = _random_net(seed, directed, int_ids)
    ts = net.edges.timestamp.dropna()
    ws = list(rl.temporal.windows(net, "10D"))
    assert ws[0].start == ts.min().floor("D")
    for a, b in zip(ws, ws[1:]):
        assert a.end == b.start
    assert all(w.end - w.start == pd.Timedelta("10D") for w in ws)
    assert ws[-1].start <= ts.max() < ws[-1].end
    assert all(str(w.start.tz) == "UTC" for w in ws)
    empty = [w for w in ws if w.network.number_of_edges() == 0]
    assert empty, "the gap in the timestamps must give empty windows"
    assert all(w.network.number_of_nodes() == 0 for w in empty)
    for w in ws:
        _assert_window(w, net)
    # every timestamped edge is in exactly one tumbling window
    assert sum(w.network.number_of_edges() for w in ws) == len(ts)
    for w in rl.temporal.windows(net, "10D", active_only=False):
        _assert_window(w, net, active_only=False)
        assert w.network.number_of_nodes() == net.number_of_nodes()


@pytest.mark.parametrize("directed", [False, True])
def test_sliding_windows(directed):
    net = _random_net(7, directed)
    ts = net.edges.timestamp.dropna()
    ws = list(rl.temporal.windows(net, "14D", step="5D", start="2024-01-03"))
    assert ws[0].start == pd.Timestamp("2024-01-03", tz="UTC")
    assert [w.start for w in ws] == [ws[0].start + k * pd.Timedelta("5D") for k in range(len(ws))]
    assert all(w.end - w.start == pd.Timedelta("14D") for w in ws)
    # stops at the first window reaching past the last timestamp
    assert ws[-1].end > ts.max() and ws[-2].end <= ts.max()
    for w in ws:
        _assert_window(w, net)
    # an edge at time t is in every window covering t (here 2 or 3 of them)
    counts = sum(w.network.number_of_edges() for w in ws)
    late = ts[ts >= ws[0].start]
    expected = sum(((w.start <= late) & (late < w.end)).sum() for w in ws)
    assert counts == expected and counts > 2 * len(late)


def test_windows_with_end_and_gaps():
    net = _random_net(3, False)
    ws = list(rl.temporal.windows(net, "7D", step="30D", start="2024-01-01", end="2024-03-01"))
    assert [w.start.strftime("%m-%d") for w in ws] == ["01-01", "01-31"]
    for w in ws:
        _assert_window(w, net)


def test_month_windows_do_not_drift():
    net = _random_net(4, True)
    ws = list(rl.temporal.windows(net, pd.DateOffset(months=1), start="2024-01-31"))
    assert [str(w.start.date()) for w in ws[:3]] == ["2024-01-31", "2024-02-29", "2024-03-31"]
    assert ws[0].end == pd.Timestamp("2024-02-29", tz="UTC")


def test_explicit_windows_keep_order_and_accept_several_time_forms():
    net = _random_net(5, True)
    spec = [("2024-02-01", "2024-03-01"), (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-15T12:00Z")),
            (T0.value // 10**9, T0.value // 10**9 + 86400 * 20), ("2024-01-10", "2024-02-10")]
    ws = list(rl.temporal.windows(net, windows=spec))
    assert [w.start for w in ws] == [pd.Timestamp("2024-02-01", tz="UTC"), pd.Timestamp("2024-01-01", tz="UTC"),
                                     T0, pd.Timestamp("2024-01-10", tz="UTC")]
    assert ws[1].end == pd.Timestamp("2024-01-15 12:00", tz="UTC")
    for w in ws:
        _assert_window(w, net)
    again = [w.start for w in rl.temporal.windows(net, windows=rl.temporal.measure(net, spec).index)]
    assert again == [w.start for w in ws]


@pytest.mark.parametrize("name,kwargs", [("degree", {}), ("pagerank", {}), ("betweenness", {"normalized": False}),
                                         ("strength", {"weight": "weight"}), ("closeness", {})])
@pytest.mark.parametrize("directed,int_ids", [(False, False), (True, False), (True, True)])
def test_measure_equals_measure_per_window(name, kwargs, directed, int_ids):
    net = _random_net(11, directed, int_ids)
    df = rl.temporal.measure(net, "15D", measure=name, **kwargs)
    assert isinstance(df.index, pd.IntervalIndex) and df.index.closed == "left" and df.index.name == "window"
    assert list(df.columns) == list(net.node_index)
    assert df.attrs["measure"] == name and df.attrs["kwargs"] == kwargs
    fn = getattr(rl.centrality, name)
    for iv, row in df.iterrows():
        sub = net.subgraph(start=iv.left, end=iv.right)
        keep = _active(sub)
        expected = pd.Series(np.nan, index=net.node_index)
        if keep:
            direct = fn(net.subgraph(start=iv.left, end=iv.right, nodes=keep), **kwargs)
            expected[direct.index] = direct.to_numpy()
        np.testing.assert_allclose(row.to_numpy(dtype=float), expected.to_numpy(dtype=float), rtol=1e-12,
                                   atol=1e-15)
    assert df.isna().all(axis=1).any()  # the empty windows
    assert df.attrs["edges"] == [net.subgraph(start=a, end=b).number_of_edges()
                                 for a, b in zip(df.index.left, df.index.right)]


def test_measure_active_only_false_and_callables():
    net = _random_net(12, False)
    spec = [("2024-01-01", "2024-01-20"), ("2024-01-20", "2024-02-20")]
    full = rl.temporal.measure(net, spec, "degree", active_only=False)
    for (a, b), (_, row) in zip(spec, full.iterrows()):
        direct = rl.centrality.degree(net.subgraph(start=a, end=b))
        pd.testing.assert_series_equal(row, direct, check_names=False)
    counted = rl.temporal.measure(net, spec, lambda g: g.edges.source.value_counts().astype(float))
    for (a, b), (_, row) in zip(spec, counted.iterrows()):
        assert row.dropna().to_dict() == net.subgraph(start=a, end=b).edges.source.value_counts().to_dict()
    # a Series in another order (or of some nodes only) is aligned by node id
    shuffled = rl.temporal.measure(net, "15D", lambda g: rl.centrality.degree(g).sort_values().iloc[1:])
    plain = rl.temporal.measure(net, "15D", "degree")
    for (_, got), (_, exp) in zip(shuffled.iterrows(), plain.iterrows()):
        assert got.dropna().to_dict() == exp.dropna().sort_values().iloc[1:].to_dict()
    hub = rl.temporal.measure(net, spec, lambda g: rl.centrality.hits(g)["hub"])
    assert hub.notna().any().any()


def _clique(members, t):
    return [(u, v, t) for i, u in enumerate(members) for v in members[i + 1:]]


A = [f"a{i}" for i in range(5)]
B = [f"b{i}" for i in range(5)]
C = [f"c{i}" for i in range(4)]
D = [f"d{i}" for i in range(4)]
E = [f"e{i}" for i in range(4)]
F = [f"f{i}" for i in range(6)]


def _groups_net():
    """Window 1: cliques A, B, C, D; window 2: A, B+C merged, E and F new
    (D gone); window 3: A, B and C apart again, E (F gone)."""
    rows = (_clique(A, 1) + _clique(B, 1) + _clique(C, 1) + _clique(D, 1)
            + _clique(A, 2) + _clique(B + C, 2) + _clique(E, 2) + _clique(F, 2)
            + _clique(A, 3) + _clique(B, 3) + _clique(C, 3) + _clique(E, 3))
    edges = pd.DataFrame(rows, columns=["source", "target", "timestamp"])
    return rl.Network.from_pandas(edges, pd.DataFrame({"id": A + B + C + D + E + F}))


SPEC = [(1, 2), (2, 3), (3, 4)]


def _expected(numbers):
    """window -> {member list: group number} as a Series per window."""
    return [pd.Series({v: g for members, g in row for v in members}, dtype="Int64") for row in numbers]


@pytest.mark.parametrize("method", ["leiden", "louvain", "components"])
def test_partitions_keep_numbers(method):
    net = _groups_net()
    p = rl.temporal.partitions(net, SPEC, method=method, seed=1)
    assert list(p.columns) == list(net.node_index) and (p.dtypes == "Int64").all()
    # window 2: B+C matches B (Jaccard 5/9 > 4/9 for C); new groups numbered by size: F (6) then E (4)
    expected = _expected([[(A, 0), (B, 1), (C, 2), (D, 3)],
                          [(A, 0), (B + C, 1), (F, 4), (E, 5)],
                          [(A, 0), (B, 1), (C, 6), (E, 5)]])
    for i, exp in enumerate(expected):
        row = p.iloc[i]
        assert row.dropna().to_dict() == exp.to_dict(), i
        assert row.isna().sum() == len(net.node_index) - len(exp)
    assert len(p.attrs["modularity"]) == 3 and p.attrs["modularity"][0] == pytest.approx(
        rl.community.modularity(net.subgraph(start=1, end=2, nodes=A + B + C + D), [A, B, C, D]))
    assert p.attrs["method"] == method


@pytest.mark.parametrize("directed", [False, True])
def test_partitions_are_the_window_partitions(directed):
    net = _random_net(21, directed, m=400)
    p = rl.temporal.partitions(net, "10D", seed=3)
    assert p.isna().all(axis=1).any()  # the empty windows
    for k, (iv, row) in enumerate(p.iterrows()):
        sub = net.subgraph(start=iv.left, end=iv.right)
        if not sub.number_of_edges():
            assert np.isnan(p.attrs["modularity"][k])
            continue
        direct = rl.community.leiden(net.subgraph(start=iv.left, end=iv.right, nodes=_active(sub)), seed=3)
        got = row.dropna()
        assert list(got.index) == list(direct.index)
        assert rl.community.ari(got.astype(int), direct) == 1.0
        assert p.attrs["modularity"][k] == pytest.approx(direct.attrs["modularity"])
    # numbers never come back once gone
    seen, gone = set(), set()
    for _, row in p.iterrows():
        now = set(row.dropna())
        assert not (now & gone)
        gone |= seen - now
        seen |= now


def test_partitions_min_overlap():
    net = _groups_net()
    # B+C matches B with Jaccard 5/9 < 0.6: it gets a new number, and so do B and C later
    p = rl.temporal.partitions(net, SPEC, seed=1, min_overlap=0.6)
    expected = _expected([[(A, 0), (B, 1), (C, 2), (D, 3)],
                          [(A, 0), (B + C, 4), (F, 5), (E, 6)],
                          [(A, 0), (B, 7), (C, 8), (E, 6)]])
    for i, exp in enumerate(expected):
        assert p.iloc[i].dropna().to_dict() == exp.to_dict(), i
    # "at least": a Jaccard equal to min_overlap matches
    at = rl.temporal.partitions(net, SPEC, seed=1, min_overlap=5 / 9)
    assert at.iloc[1].dropna().to_dict() == {**dict.fromkeys(A, 0), **dict.fromkeys(B + C, 1),
                                             **dict.fromkeys(F, 4), **dict.fromkeys(E, 5)}


def test_changes_group_events_from_partitions():
    net = _groups_net()
    ev = rl.temporal.changes(groups=rl.temporal.partitions(net, SPEC, seed=1)).groups
    got = [(r.window_after.left.value // 10**9, r.event, r.before, r.after, r.size_before, r.size_after)
           for r in ev.itertuples()]
    assert got == [
        (2, "continued", (0,), (0,), 5, 5), (2, "continued", (1,), (1,), 5, 9), (2, "merged", (1, 2), (1,), 9, 9),
        (2, "appeared", (), (4,), 0, 6), (2, "appeared", (), (5,), 0, 4), (2, "vanished", (3,), (), 4, 0),
        (3, "continued", (0,), (0,), 5, 5), (3, "continued", (1,), (1,), 9, 5), (3, "continued", (5,), (5,), 4, 4),
        (3, "split", (1,), (1, 6), 9, 9), (3, "vanished", (4,), (), 6, 0)]


def test_group_events_need_majorities_and_shares():
    nodes = [f"n{i}" for i in range(20)]
    before = [0] * 10 + [1] * 6 + [2] * 4
    # group 0 (10 members): 6 stay in 0, 4 go to 3; group 1: 4 go to 0, 2 leave the network;
    # group 2: 2 go to 0, 2 to 3
    after = [0] * 6 + [3] * 4 + [0] * 4 + [pd.NA] * 2 + [0, 0, 3, 3]
    g = pd.DataFrame([before, after], columns=nodes, dtype="Int64")
    ev = rl.temporal.changes(groups=g).groups
    # merged into 0: 0 (6/10), 1 (4/4) and 2 (2/4) each send at least half of their surviving members;
    # split (parts of at least 0.3): 0 into 0 and 3 (0.6, 0.4), 2 into 0 and 3 (0.5, 0.5);
    # 3 is explained by the splits (not "appeared"), 1 and 2 by the merge (not "vanished")
    assert [(r.event, r.before, r.after, r.size_before, r.size_after) for r in ev.itertuples()] == [
        ("continued", (0,), (0,), 10, 12), ("merged", (0, 1, 2), (0,), 20, 12), ("split", (0,), (0, 3), 10, 18),
        ("split", (2,), (0, 3), 4, 18)]
    strict = rl.temporal.changes(groups=g, min_share=0.45).groups
    assert [(r.event, r.before, r.after) for r in strict.itertuples()] == [
        ("continued", (0,), (0,)), ("merged", (0, 1, 2), (0,)), ("split", (2,), (0, 3))]
    # a group whose members all leave vanishes; a group of newcomers appears
    g2 = pd.DataFrame([[0, 0, 1, 1, pd.NA, pd.NA], [0, 0, pd.NA, pd.NA, 7, 7]], dtype="Int64")
    assert [(r.event, r.before, r.after) for r in rl.temporal.changes(groups=g2).groups.itertuples()] == [
        ("continued", (0,), (0,)), ("appeared", (), (7,)), ("vanished", (1,), ())]


def _values():
    return pd.DataFrame([[5, 4, 3, 2, np.nan], [1, 4, 5, np.nan, 3], [1, 1, 1, 1, 1]], columns=list("pqrst"),
                        index=pd.Index(["w1", "w2", "w3"], name="window"), dtype=float)


def test_changes_ranks():
    r = rl.temporal.changes(_values(), top=5).ranks
    got = [(r_.window_before, r_.node, r_.direction, r_.rank_before, r_.rank_after, r_.change)
           for r_ in r.itertuples()]
    # w1 ranks p1 q2 r3 s4 (t absent -> 5); w2 r1 q2 t3 p4 (s absent -> 5); w3 all tie at 1
    assert got == [("w1", "r", "rose", 3, 1, 2), ("w1", "t", "rose", 5, 3, 2),
                   ("w1", "p", "fell", 1, 4, -3), ("w1", "s", "fell", 4, 5, -1),
                   ("w2", "s", "rose", 5, 1, 4), ("w2", "p", "rose", 4, 1, 3), ("w2", "t", "rose", 3, 1, 2),
                   ("w2", "q", "rose", 2, 1, 1)]
    assert np.isnan(r.value_after[3]) and r.value_before[0] == 3 and r.value_after[0] == 5
    one = rl.temporal.changes(_values(), top=1).ranks
    assert list(zip(one.window_before, one.node)) == [("w1", "r"), ("w1", "p"), ("w2", "s")]
    ex = rl.temporal.changes(_values(), absent="exclude").ranks
    assert list(zip(ex.window_before, ex.node, ex.change)) == [("w1", "r", 2), ("w1", "p", -3), ("w2", "p", 3),
                                                               ("w2", "t", 2), ("w2", "q", 1)]
    within = rl.temporal.changes(_values(), within=2).ranks
    assert list(zip(within.window_before, within.node)) == [("w1", "r"), ("w1", "p"), ("w2", "s"), ("w2", "p"),
                                                            ("w2", "t"), ("w2", "q")]
    assert rl.temporal.changes(_values()).groups.empty
    gap = _values()
    gap.iloc[1] = np.nan  # an empty window: no rank changes into or out of it
    assert rl.temporal.changes(gap).ranks.empty


def test_caviar_phase_degree_leaders(shared_data):
    parts = []
    for p in range(1, 12):
        e = rl.read_matrix(shared_data / "caviar" / "phases" / f"phase{p}.csv", directed=True).edges
        parts.append(e[["source", "target", "weight"]].assign(timestamp=p))
    net = rl.Network.from_pandas(pd.concat(parts, ignore_index=True), directed=True)
    assert net.number_of_nodes() == 107  # ids 57, 60 and 110 never appear
    deg = rl.temporal.measure(net, [(p, p + 1) for p in range(1, 12)], measure="degree")
    assert deg.notna().sum(axis=1).tolist() == [15, 24, 33, 33, 32, 27, 36, 42, 34, 42, 41]  # SOURCE.md
    assert deg.idxmax(axis=1).tolist() == ["1"] * 8 + ["3", "1", "12"]
    assert (deg.max(axis=1) > deg.apply(lambda r: r.nlargest(2).iloc[1], axis=1)).all()  # no ties at the top
    assert deg.attrs["edges"] == [26, 35, 68, 65, 50, 68, 63, 75, 60, 68, 72]
    ch = rl.temporal.changes(deg, top=3, within=3).ranks
    last = ch[ch.window_after == deg.index[-1]].set_index(["direction", "node"])
    assert list(last.loc["rose"].index) == ["41", "12"]  # N12 rises to the top in phase 11 (from 4th) ...
    assert tuple(last.loc[("rose", "12"), ["rank_before", "rank_after"]]) == (4, 1)
    assert tuple(last.loc[("fell", "1"), ["rank_before", "rank_after"]]) == (1, 2)  # ... as N1 declines


def test_trajectories_plot():
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    values = _values().iloc[:2]
    values.attrs["measure"] = "degree"
    ax = rl.plot.trajectories(values, top=3)
    # best ranks: r 1 (mean 2), p 1 (mean 2.5), q 2, t 3, s 4
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["r", "p", "q"]
    assert [list(line.get_ydata()) for line in ax.get_lines()] == [[3, 1], [1, 4], [2, 2]]
    assert ax.yaxis_inverted() and "degree" in ax.get_ylabel()
    ax2 = rl.plot.trajectories(values, by="value", nodes=["t"])
    assert not ax2.yaxis_inverted()
    np.testing.assert_array_equal(ax2.get_lines()[0].get_ydata(), [np.nan, 3])
    net = _random_net(2, True)
    pr = rl.temporal.measure(net, "20D", measure="pagerank")
    ax3 = rl.plot.trajectories(pr, top=4)
    assert len(ax3.get_lines()) == 4
    assert len(ax3.get_lines()[0].get_xdata()) == len(pr)
    import matplotlib.pyplot as plt
    plt.close("all")


def test_bad_input():
    net = _random_net(1, False)
    untimed = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with pytest.raises(ValueError, match="no edge with a timestamp"):
        rl.temporal.windows(untimed, "7D")
    with pytest.raises(ValueError, match="no edge with a timestamp"):
        rl.temporal.measure(untimed)
    with pytest.raises(ValueError, match="give freq"):
        rl.temporal.windows(net)
    with pytest.raises(ValueError, match="not both"):
        rl.temporal.windows(net, "7D", windows=[(1, 2)])
    for bad in ("abc", 30, "-7D", "0D", None):
        with pytest.raises(ValueError):
            rl.temporal.measure(net, bad)
    with pytest.raises(ValueError, match="step"):
        rl.temporal.windows(net, "7D", step="-1D")
    with pytest.raises(ValueError, match="regular windows"):
        rl.temporal.windows(net, windows=[(1, 2)], step="1D")
    with pytest.raises(ValueError, match="must be after start"):
        rl.temporal.windows(net, "7D", start="2024-03-01", end="2024-02-01")
    with pytest.raises(ValueError, match=r"windows\[1\]: end"):
        rl.temporal.windows(net, windows=[(1, 2), ("2024-02-01", "2024-01-01")])
    with pytest.raises(ValueError, match=r"windows\[0\] = 5 is not"):
        rl.temporal.windows(net, windows=[5])
    with pytest.raises(ValueError, match="is empty"):
        rl.temporal.windows(net, windows=[])
    with pytest.raises(ValueError, match="not a date"):
        rl.temporal.windows(net, "7D", start="yesterday-ish")
    with pytest.raises(ValueError, match="rl.centrality"):
        rl.temporal.measure(net, "30D", measure="no_such_measure")
    with pytest.raises(ValueError, match="select one column"):
        rl.temporal.measure(net, "30D", measure="hits")
    with pytest.raises(ValueError, match="not in the network"):
        rl.temporal.measure(net, "30D", measure=lambda g: pd.Series({"zz": 1.0}))
    with pytest.raises(ValueError, match="method"):
        rl.temporal.partitions(net, "30D", method="kmeans")
    with pytest.raises(ValueError, match="min_overlap"):
        rl.temporal.partitions(net, "30D", min_overlap=1.5)
    with pytest.raises(ValueError, match="give values"):
        rl.temporal.changes()
    for kw in ({"top": 0}, {"absent": "first"}, {"within": 0}, {"min_share": 0.7}):
        with pytest.raises(ValueError):
            rl.temporal.changes(_values(), **kw)
    with pytest.raises(ValueError, match="integer group numbers"):
        rl.temporal.changes(groups=_values() + 0.5)
    with pytest.raises(ValueError, match="by must be"):
        rl.plot.trajectories(_values(), by="size")
    with pytest.raises(ValueError, match="must be a ringleader Network"):
        rl.temporal.windows(net.edges, "7D")
