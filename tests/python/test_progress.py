"""progress=True: a tqdm.auto bar when tqdm is installed (widgets in Jupyter),
the text bar on stderr otherwise; phases with new totals reset the bar; the
bar is closed on success, on an error in the reporter and on Ctrl-C.

tqdm is optional for ringleader, but the tqdm tests fail under CI (``CI``
set) when it is missing, and are skipped otherwise."""
import io
import os
import pathlib
import signal
import sys
import threading
import time

import pytest

import ringleader as rl

nx = pytest.importorskip("networkx")


@pytest.fixture(scope="module")
def net():
    return rl.from_networkx(nx.barabasi_albert_graph(3000, 3, seed=2))


class Made(list):
    """The bars made, and their class (``cls``)."""


@pytest.fixture
def bars(monkeypatch):
    """Replaces tqdm.auto.tqdm with a subclass that records every bar (its
    totals, its count when closed) and draws into a StringIO."""
    try:
        import tqdm.auto
    except ImportError:  # pragma: no cover - depends on the machine
        if os.environ.get("CI"):
            pytest.fail("tqdm is missing: scripts/install-deps.sh installs it for CI", pytrace=False)
        pytest.skip("tqdm not installed (pip install tqdm)")
    made = Made()

    class Recording(tqdm.auto.tqdm):
        fail_on = None   # a test sets (done, total) -> raise on that update

        def __init__(self, *args, **kwargs):
            super().__init__(*args, file=io.StringIO(), **kwargs)
            self.totals, self.closed_at = [self.total], None
            made.append(self)

        def reset(self, total=None):
            super().reset(total=total)
            self.totals.append(self.total)

        def update(self, n=1):
            if Recording.fail_on is not None and (self.n + n, self.total) >= Recording.fail_on:
                raise RuntimeError("reporter failed")
            return super().update(n)

        def close(self):
            if self.closed_at is None:
                self.closed_at = (self.n, self.total)
            super().close()

    monkeypatch.setattr(tqdm.auto, "tqdm", Recording)
    made.cls = Recording
    return made


@pytest.fixture
def no_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)


def test_tqdm_bar_reaches_total_and_closes(net, bars, capsys):
    values = rl.centrality.closeness(net, progress=True)
    assert len(bars) == 1
    bar = bars[0]
    assert bar.desc.startswith("closeness") and bar.totals == [3000]
    assert bar.closed_at == (3000, 3000)
    assert "[" not in capsys.readouterr().err   # no text bar besides
    assert values.equals(rl.centrality.closeness(net))


def test_without_tqdm_the_text_bar_prints(net, no_tqdm, capsys):
    rl.centrality.closeness(net, progress=True)
    err = capsys.readouterr().err
    assert err.startswith("\rcloseness: [") and "100.0% (3000/3000)" in err and err.endswith("s\n")
    with pytest.raises(ImportError, match=r"ringleader\[progress\]"):
        rl.centrality.closeness(net, progress="tqdm")


def test_choices(net, bars, capsys):
    rl.centrality.closeness(net, progress="text")
    assert not bars and "100.0%" in capsys.readouterr().err
    rl.centrality.closeness(net, progress="tqdm")
    rl.centrality.closeness(net, progress="auto")
    assert len(bars) == 2 and all(b.closed_at == (3000, 3000) for b in bars)
    rl.centrality.closeness(net, progress=False)
    assert len(bars) == 2 and capsys.readouterr().err == ""
    with pytest.raises(ValueError, match="progress must be"):
        rl.centrality.closeness(net, progress="widget")


@pytest.mark.parametrize("when", ["at once", "at the end"])
def test_an_error_in_the_reporter_cancels_and_is_raised(net, bars, when):
    big = rl.from_networkx(nx.barabasi_albert_graph(6000, 4, seed=1))
    bars.cls.fail_on = (0, 0) if when == "at once" else (3000, 3000)
    start = time.monotonic()
    with pytest.raises(RuntimeError, match="reporter failed"):
        rl.centrality.betweenness(big if when == "at once" else net, threads=2, progress=True)
    assert time.monotonic() - start < 1.5    # all of betweenness(big) takes several seconds
    assert len(bars) == 1 and bars[0].closed_at is not None
    bars.cls.fail_on = None
    assert rl.centrality.closeness(net, progress=True).notna().all()   # usable afterwards


def test_an_error_in_the_text_bar_is_raised(net, no_tqdm, monkeypatch):
    class Broken(io.StringIO):
        def write(self, s):
            raise OSError("stderr closed")

    monkeypatch.setattr(sys, "stderr", Broken())
    with pytest.raises(OSError, match="stderr closed"):
        rl.centrality.closeness(net, progress=True)


def test_phases_with_new_totals_reset_the_bar(net, bars):
    # Louvain starts one phase per level, on fewer (community) nodes each time (refine=False: without
    # the refinement's last phase, which is on every node again)
    rl.community.louvain(net, seed=1, progress=True, refine=False)
    (bar,) = bars
    assert bar.totals[0] == 3000 and len(bar.totals) >= 2 and bar.totals[-1] < 3000
    assert bar.closed_at == (bar.totals[-1], bar.totals[-1])
    # the same total again with a count that goes back is a new phase too
    calls = [(0, 10), (6, 10), (10, 10), (0, 10), (4, 10), (0, 5), (5, 5)]
    from ringleader._kernel import run
    run("phases", True, lambda report: [report(d, t) for d, t in calls])
    assert bars[1].totals == [10, 10, 5] and bars[1].closed_at == (5, 5)


def test_ctrl_c_closes_the_bar_and_leaves_the_network_usable(bars):
    big = rl.from_networkx(nx.barabasi_albert_graph(6000, 4, seed=1))
    timer = threading.Timer(0.3, lambda: signal.raise_signal(signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        rl.centrality.betweenness(big, threads=2, progress=True)
    timer.join()
    (bar,) = bars
    done, total = bar.closed_at
    assert total == 6000 and done < total      # left where it stopped (red in Jupyter)
    small = big.subgraph(nodes=list(big.node_index[:200]))
    assert rl.centrality.betweenness(small, progress=True).notna().all()


def test_python_loops_use_the_same_bar(sample_paths, bars):
    edges, nodes = sample_paths
    net = rl.read_csv(edges, nodes=nodes, directed=True)
    rl.leaders(net, seed=1, confidence=5, progress=True)
    resamples = [b for b in bars if b.desc.startswith("leaders: resamples")]
    assert len(resamples) == 1 and resamples[0].closed_at == (5, 5)
    assert all(b.closed_at is not None for b in bars)


def test_only_kernel_py_draws_bars():
    """Other modules take their bar from _kernel.run or _kernel.progress_bar."""
    pkg = pathlib.Path(rl.__file__).parent
    drawing = [p.relative_to(pkg).as_posix() for p in pkg.rglob("*.py")
               if any(s in p.read_text(encoding="utf-8") for s in ("import tqdm", "ProgressBar", "TqdmBar"))]
    assert drawing == ["_kernel.py"]
