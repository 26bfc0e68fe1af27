"""Long computations show progress and stop on Ctrl-C, leaving the network usable."""
import os
import pathlib
import signal
import subprocess
import sys
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
    rl.centrality.closeness(net, progress="text")   # the tqdm bar: test_progress.py
    err = capsys.readouterr().err
    assert "closeness" in err and "100.0%" in err


# ---- Ctrl-C in a child process, kernel after kernel --------------------------------
CHILD = pathlib.Path(__file__).with_name("_interrupt_child.py")
DELAY = 1.0      # SIGINT this long after "ready"
LIMIT = 1.5      # the kernel must stop within this long after the signal


def _interrupt_all(names):
    """Runs the child, interrupts each kernel; returns {name: latency} and the
    child's stderr."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, str(CHILD), *names], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    latency, failures = {}, []
    try:
        for name in [*names, "last"]:
            line = proc.stdout.readline()
            assert line.strip() == f"ready {name}", f"expected 'ready {name}', got {line!r}: {proc.stderr.read()}"
            time.sleep(DELAY)
            proc.send_signal(signal.SIGINT)
            sent = time.monotonic()
            if name == "last":
                break
            line = proc.stdout.readline()
            latency[name] = time.monotonic() - sent
            if not line.startswith(f"interrupted {name}"):
                failures.append(f"{name}: {line.strip() or 'no answer'}")
                if not line.startswith("finished"):
                    break
                continue
            if latency[name] > LIMIT:
                failures.append(f"{name}: stopped {latency[name]:.2f} s after SIGINT")
            line = proc.stdout.readline()
            if line.strip() != f"usable {name}":
                failures.append(f"{name}: the second call failed: {line!r}")
                break
        rc = proc.wait(timeout=LIMIT + 5)
        last = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = proc.stderr.read()
    return latency, failures, rc, last, err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_ctrl_c_stops_every_long_kernel_and_the_network_stays_usable():
    import _interrupt_child as child

    names = os.environ.get("RL_INTERRUPT_KERNELS", "").split() or list(child.KERNELS)  # a subset, to debug
    latency, failures, rc, last, err = _interrupt_all(names)
    print("latency after SIGINT:", {k: round(v, 2) for k, v in latency.items()})
    assert not failures, "\n".join(failures) + "\n" + err[-3000:]
    # the last kernel is not caught: the child exits with KeyboardInterrupt
    assert rc != 0 and "KeyboardInterrupt" in err, err[-3000:]
    assert last < LIMIT + 1.0, f"the child took {last:.2f} s to exit after SIGINT"
