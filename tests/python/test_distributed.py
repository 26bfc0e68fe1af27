"""rl.distributed on a LocalCluster of two worker processes on loopback:
results equal the single-machine kernels on several kinds of graphs, from a
network (scattered) or a file (shared storage); a worker killed mid-run does
not change the result.

Dask is optional for ringleader, but these tests fail under CI (``CI`` set)
when it is missing, and are skipped otherwise."""
import os
import signal
import time

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

try:
    import distributed
except ImportError:  # pragma: no cover - depends on the machine
    distributed = None
    if os.environ.get("CI"):
        pytest.fail("dask/distributed are missing: scripts/install-deps.sh installs them for CI",
                    pytrace=False)
    pytest.skip("dask/distributed not installed (pip install dask distributed)", allow_module_level=True)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, worker_dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def random_net(seed, n, m, directed, weighted=False, loops=True):
    """Random multigraph with self-loops, parallel edges and isolated nodes."""
    rng = np.random.default_rng(seed)
    src = rng.integers(0, n - 2, m)
    dst = rng.integers(0, n - 2, m)
    if loops:
        dst[::11] = src[::11]
    edges = pd.DataFrame({"source": [f"v{i}" for i in src], "target": [f"v{i}" for i in dst]})
    edges = pd.concat([edges, edges.iloc[:5]], ignore_index=True)  # parallel edges
    if weighted:
        edges["distance"] = rng.integers(1, 5, len(edges)).astype(float)
    nodes = pd.DataFrame({"id": [f"v{i}" for i in range(n)]})
    return rl.Network.from_pandas(edges, nodes, directed=directed)


def graphs():
    two = pd.DataFrame({"source": ["a", "c"], "target": ["b", "d"]})  # disconnected
    return {
        "undirected": (random_net(1, 60, 150, False), None),
        "directed": (random_net(2, 50, 160, True), None),
        "weighted": (random_net(3, 40, 100, True, weighted=True), "distance"),
        "weighted-undirected": (random_net(4, 45, 90, False, weighted=True), "distance"),
        "disconnected": (rl.Network.from_pandas(two), None),
        "fraud": (rl.generate.fraud_network(seed=5)[0], None),
        "empty": (rl.Network(), None),
        "single": (rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}, dtype=str),
                                          pd.DataFrame({"id": ["solo"]})), None),
    }


def assert_close(dist, single):
    assert dist.name == single.name
    assert list(dist.index) == list(single.index)
    np.testing.assert_allclose(dist.to_numpy(), single.to_numpy(), rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("name", list(graphs()))
def test_equal_to_single_machine(client, tmp_path, name):
    net, weight = graphs()[name]
    path = tmp_path / f"{name}.rlnet"
    net.save(path)
    for source in (net, path):
        for normalized, endpoints in ((True, False), (False, True)):
            assert_close(rl.distributed.betweenness(source, client, normalized=normalized, endpoints=endpoints,
                                                    weight=weight, blocks=3, threads=1),
                         rl.centrality.betweenness(net, normalized=normalized, endpoints=endpoints, weight=weight))
        for wf in (True, False):
            d = rl.distributed.closeness(source, client, weight=weight, wf_improved=wf, threads=1)
            s = rl.centrality.closeness(net, weight=weight, wf_improved=wf)
            pd.testing.assert_series_equal(d, s)  # each value computed once: exact
        assert_close(rl.distributed.harmonic(source, client, weight=weight, blocks=5),
                     rl.centrality.harmonic(net, weight=weight))


@pytest.mark.parametrize("name", ["undirected", "directed", "weighted", "fraud"])
def test_sampled_same_seed_same_result(client, name):
    net, weight = graphs()[name]
    k = max(1, len(net) // 3)
    for endpoints in (False, True):
        d = rl.distributed.betweenness(net, client, k=k, seed=42, endpoints=endpoints, weight=weight, blocks=4)
        s = rl.centrality.betweenness(net, k=k, seed=42, endpoints=endpoints, weight=weight)
        assert_close(d, s)
        assert d.attrs["sources"] == s.attrs["sources"] and d.attrs["seed"] == s.attrs["seed"] == 42
    d = rl.distributed.harmonic(net, client, k=k, seed=7, weight=weight)
    s = rl.centrality.harmonic(net, k=k, seed=7, weight=weight)
    assert_close(d, s)
    assert d.attrs["sources"] == s.attrs["sources"]


@pytest.mark.parametrize("name", ["undirected", "directed", "disconnected", "single"])
def test_key_players_and_disruption(client, tmp_path, name):
    net, _ = graphs()[name]
    path = tmp_path / f"{name}.rlnet"
    net.save(path)
    k = min(3, len(net))
    for source, objective in ((net, "fragmentation"), (path, "distance_reach")):
        d = rl.distributed.key_players(source, client, k, objective=objective, seed=11, restarts=5, blocks=3,
                                       threads=1)
        s = rl.key_players(net, k, objective=objective, seed=11, restarts=5, threads=1)
        assert d == s  # the same set, score, greedy score, seed
    for source in (net, path):
        d = rl.distributed.disruption(source, client, steps=4, repeats=7, seed=3, blocks=3, threads=1)
        s = rl.criminal.disruption(net, "random", steps=4, repeats=7, seed=3, threads=1)
        pd.testing.assert_frame_equal(d, s, rtol=1e-12, atol=1e-15)


def test_key_players_and_disruption_arguments(client):
    net, _ = graphs()["undirected"]
    with pytest.raises(ValueError, match="k must be between 1"):  # raised by the kernel on a worker
        rl.distributed.key_players(net, client, len(net) + 1, seed=1)
    with pytest.raises(ValueError, match="restarts"):
        rl.distributed.key_players(net, client, 2, restarts=-1)
    with pytest.raises(ValueError, match="objective"):
        rl.distributed.key_players(net, client, 2, objective="nope", seed=1)
    with pytest.raises(ValueError, match="repeats"):
        rl.distributed.disruption(net, client, repeats=0)
    with pytest.raises(ValueError, match="steps"):
        rl.distributed.disruption(net, client, steps=-1)


def test_more_blocks_than_sources_and_progress(client, capsys):
    net, _ = graphs()["disconnected"]
    d = rl.distributed.betweenness(net, client, blocks=50, progress=True)
    assert_close(d, rl.centrality.betweenness(net))
    assert "betweenness (Dask, 4 blocks)" in capsys.readouterr().err


def test_each_worker_opens_a_file_once(client, tmp_path):
    net, _ = graphs()["directed"]
    path = tmp_path / "once.rlnet"
    net.save(path)
    for _ in range(3):
        rl.distributed.betweenness(path, client, blocks=4)
    opened = client.run(lambda: [k for k in __import__("ringleader.distributed").distributed._OPEN
                                 if k[0] == "path" and k[1] == str(path)])
    assert all(len(keys) <= 1 for keys in opened.values())
    assert sum(len(keys) for keys in opened.values()) >= 1


def test_bad_arguments(client, tmp_path):
    net, _ = graphs()["undirected"]
    with pytest.raises(ValueError, match="Network or the path"):
        rl.distributed.betweenness(42, client)
    with pytest.raises(ValueError, match="blocks"):
        rl.distributed.betweenness(net, client, blocks=0)
    with pytest.raises(ValueError, match="k must be"):
        rl.distributed.betweenness(net, client, k=10 ** 6)
    with pytest.raises(rl.ParseError, match="truncated"):
        (tmp_path / "bad.rlnet").write_bytes(b"RLNETBIN")
        rl.distributed.betweenness(tmp_path / "bad.rlnet", client)
    with pytest.raises(ValueError, match="no numeric edge column"):  # raised on a worker, re-raised here
        rl.distributed.closeness(net, client, weight="no-such-column")


def test_killed_worker_does_not_change_the_result(client, tmp_path):
    """One of the two worker processes is killed (SIGKILL) while blocks run:
    Dask recomputes its blocks and the result equals the single-machine one."""
    from concurrent.futures import ThreadPoolExecutor

    net = random_net(9, 5000, 20000, False, loops=False)
    path = tmp_path / "kill.rlnet"
    net.save(path)
    expected = rl.centrality.betweenness(net)
    victim = sorted(client.run(os.getpid).values())[0]

    def blocks_in_memory(dask_scheduler):
        return sum(1 for ts in dask_scheduler.tasks.values()
                   if str(ts.key).startswith("rl-betweenness-block") and ts.state == "memory")

    with ThreadPoolExecutor(1) as pool:
        run = pool.submit(rl.distributed.betweenness, path, client, blocks=24, threads=1)
        deadline = time.monotonic() + 60
        done_at_kill = None
        while not run.done() and time.monotonic() < deadline:
            done = client.run_on_scheduler(blocks_in_memory)
            if done >= 1:
                os.kill(victim, signal.SIGKILL)
                done_at_kill = done
                break
            time.sleep(0.01)
        got = run.result(timeout=120)
    assert done_at_kill is not None and done_at_kill < 24, "the run ended before a worker could be killed"
    assert victim not in client.run(os.getpid).values()
    assert_close(got, expected)
