"""Long computations show progress and stop on Ctrl-C, leaving the network usable."""
import signal
import threading
import time

import pytest

import ringleader as rl


@pytest.fixture(scope="module")
def big():
    nx = pytest.importorskip("networkx")
    return rl.from_networkx(nx.barabasi_albert_graph(6000, 4, seed=1))


def test_ctrl_c_stops_betweenness_within_a_second(big):
    timer = threading.Timer(0.3, lambda: signal.raise_signal(signal.SIGINT))
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        rl.centrality.betweenness(big, threads=2)
    elapsed = time.monotonic() - start
    timer.join()
    assert elapsed < 0.3 + 1.5, f"took {elapsed:.2f}s to stop"
    # the network is still usable and results are complete afterwards
    small = big.subgraph(nodes=list(big.node_index[:200]))
    assert rl.centrality.betweenness(small).notna().all()


def test_progress_bar(capsys):
    nx = pytest.importorskip("networkx")
    net = rl.from_networkx(nx.barabasi_albert_graph(3000, 3, seed=2))
    rl.centrality.closeness(net, progress=True)
    err = capsys.readouterr().err
    assert "closeness" in err and "100.0%" in err
