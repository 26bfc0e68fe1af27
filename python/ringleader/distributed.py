"""Path centralities, key-player searches and disruption simulations on a
Dask cluster: the partial kernels mapped over blocks of sources (of
optimisation runs, of random repeats), the partial results reduced on the
client.

Each function takes a network or the path of a binary network file
(:meth:`Network.save`) and a ``distributed.Client``:

* a **path** (on storage every worker sees) is opened once per worker process
  with :func:`ringleader.load` (memory-mapped) and kept for later calls
  (reopened when the file changes); the client reads only the file's header
  and node ids;
* a **Network** is sent once to every worker (``client.scatter`` of its
  binary form, broadcast) and opened there once.

The units of work -- the sources of betweenness (every node, or the ``k``
sampled with ``seed``, drawn once on the client exactly as the
single-machine kernel draws them, then split), the nodes of closeness, the
runs of a key-player search, the repeats of a random disruption -- are cut
into ``blocks`` consecutive blocks; each block is one Dask task running the
same C++ partial kernel as the single-machine function, and the client
merges the partial results in block order and finalises them with the same
C++ code.  Results therefore equal the single-machine results to rounding
(1e-12 relative; closeness, exact harmonic and key players exactly),
whatever the number of workers or blocks.  Tasks are deterministic: a worker lost
mid-run only makes Dask recompute its blocks on another worker, and the
result is unchanged.

Measures read the network as the single-machine functions do: the same C++
kernels merge parallel edges by their family's rule (see
:mod:`ringleader.centrality`), each worker once per network and weight.  Costs and a worked estimate for a
national call network: ``docs/distributed.md``.

Progress shows in Dask's dashboard (tasks named ``rl-<measure>-block``) and,
with ``progress=True``, as the library's progress bar (blocks done of
blocks; ``progress`` as in :mod:`ringleader`).  ``threads`` is the OpenMP
thread count of each task (0 = the worker process's default; set
``OMP_NUM_THREADS`` in the workers or pass ``threads=1`` with one Dask
thread per core).

Dask is optional: ``pip install dask distributed``; nothing else in
ringleader imports it.

>>> from distributed import Client, LocalCluster          # doctest: +SKIP
>>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))   # doctest: +SKIP
>>> net.save("/shared/case.rlnet")                         # doctest: +SKIP
>>> b = rl.distributed.betweenness("/shared/case.rlnet", client)       # doctest: +SKIP
"""
from __future__ import annotations

import os
import uuid
from typing import Optional

import numpy as np
import pandas as pd

from . import _core
from .io import _binary
from .centrality._paths import sample_count
from ._kernel import check_threads, column, progress_bar, seed_of
from ._pandas_io import object_index
from .network import core_of

__all__ = ["betweenness", "closeness", "harmonic", "key_players", "disruption"]


def _require():
    try:
        import distributed  # noqa: F401
    except ImportError as e:
        raise ImportError("ringleader.distributed needs Dask: pip install dask distributed") from e
    return distributed


# ---------------------------------------------------------------------------
# Worker side: networks opened once per worker process.

_OPEN: dict = {}
_KEEP = 4  # networks kept open per worker process


def _network(key: tuple, data):
    """The network of `key` in this process, opened on first use: ("path",
    path, size, mtime_ns) or ("bytes", token) with `data` its bytes."""
    net = _OPEN.get(key)
    if net is None:
        if key[0] == "path":
            net = _binary.load(key[1], mmap=True)
        else:
            net = _binary.loads(data, where="<network scattered by the client>")
        while len(_OPEN) >= _KEEP:
            _OPEN.pop(next(iter(_OPEN)))
        _OPEN[key] = net
    return net


def _block(measure: str, key: tuple, data, units: np.ndarray, params: dict):
    """One task: the partial kernel of `measure` over `units` (sources,
    vertices, key-player runs or disruption repeats)."""
    net = _network(key, data)
    units = np.ascontiguousarray(units, dtype=np.uint32)
    threads = params["threads"]
    g = core_of(net)  # the partial kernels read it as the single-machine kernels do
    if measure in ("betweenness", "closeness", "harmonic"):
        weight = column(params["weight"])
        if measure == "betweenness":
            return _core.betweenness_partial(g, units, params["endpoints"], weight, threads, None)
        if measure == "closeness":
            return _core.closeness_partial(g, units, params["wf_improved"], weight, threads, None)
        return _core.harmonic_partial(g, units, weight, params["k"], params["seed"], threads, None)
    if measure == "key_players":
        return _core.key_players_partial(g, params["k"], params["objective"], params["m"], params["seed"],
                                         params["restarts"], units.tolist(), threads, None)
    if measure == "disruption":
        return _core.disruption_partial(g, params["steps"], params["repeats"], params["seed"], units.tolist(),
                                        threads, None)
    raise ValueError(f"unknown measure {measure!r}")


# ---------------------------------------------------------------------------
# Client side.

class _Source:
    """What the client knows of the network: its size, direction, node ids
    and the key (and scattered data) the workers open it by."""

    def __init__(self, net_or_path, client):
        from .network import Network

        self.data = None
        if isinstance(net_or_path, Network):
            net = net_or_path
            self.n, self.directed, self.index = len(net), net.directed, net.node_index
            from dask.base import tokenize

            blob = _binary.dumps(net)
            self.key = ("bytes", tokenize(blob))
            self.data = client.scatter(blob, broadcast=True, hash=False)
        elif isinstance(net_or_path, (str, os.PathLike)):
            path = os.path.abspath(os.fspath(net_or_path))
            head = _binary.header(path)
            st = os.stat(path)
            self.n, self.directed = int(head["nodes"]), bool(head["directed"])
            self.index = object_index(_binary.node_ids(path))
            self.index.name = "id"
            self.key = ("path", path, st.st_size, st.st_mtime_ns)
        else:
            raise ValueError("give a ringleader Network or the path of a file written by net.save(path), not "
                             f"{type(net_or_path).__name__}")


def _blocks(units: np.ndarray, blocks: Optional[int], client) -> list:
    if blocks is None:
        workers = sum(client.nthreads().values()) or 1
        blocks = 4 * workers
    if isinstance(blocks, bool) or not isinstance(blocks, (int, np.integer)) or blocks < 1:
        raise ValueError(f"blocks must be None or an int >= 1, not {blocks!r}")
    blocks = max(1, min(int(blocks), len(units)))
    return [b for b in np.array_split(units, blocks)]


def _map(measure: str, src: _Source, units: np.ndarray, params: dict, client, blocks, progress: bool) -> list:
    """Submits one task per block of `units`; returns their results in block
    order."""
    distributed = _require()
    from dask.base import tokenize

    parts = _blocks(units, blocks, client)
    # a fresh key per call: Dask must not hand back blocks of an earlier call
    # (a file rewritten within its mtime resolution, a timing run)
    token = tokenize(measure, src.key, units, sorted(params.items()), uuid.uuid4().hex)
    futures = [client.submit(_block, measure, src.key, src.data, part, params,
                             key=f"rl-{measure}-block-{token}-{i}")
               for i, part in enumerate(parts)]
    try:
        with progress_bar(f"{measure} (Dask, {len(futures)} blocks)", progress) as bar:
            if bar is not None:
                bar(0, len(futures))
                for done, _ in enumerate(distributed.as_completed(futures), 1):
                    bar(done, len(futures))
            return client.gather(futures)
    finally:
        for f in futures:
            f.release()


def _map_sum(measure: str, src: _Source, units: np.ndarray, params: dict, client, blocks, progress: bool):
    """The per-node partial results of the blocks summed in block order (the
    same rounding for any number of workers); zeros when there are no units."""
    total = np.zeros(src.n, dtype=np.float64)
    for r in _map(measure, src, units, params, client, blocks, progress):
        total += r
    return total


def _series(src: _Source, values, name: str) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=np.float64), index=src.index, name=name)


def betweenness(net_or_path, client, normalized: bool = True, weight: Optional[str] = None,
                endpoints: bool = False, k: Optional[int] = None, seed: Optional[int] = None,
                blocks: Optional[int] = None, threads: int = 0, progress: bool = False) -> pd.Series:
    """Betweenness centrality on a Dask cluster: equal (to rounding) to
    :func:`ringleader.centrality.betweenness` with the same arguments, whose
    conventions it follows (networkx's, see there).

    ``net_or_path``: a :class:`Network`, or the path of a file written by
    :meth:`Network.save` on storage the workers share.  ``client``: a
    ``distributed.Client``.  ``k``/``seed``: sampled sources, drawn once on
    the client as the single-machine function draws them (same seed, same
    sources, same result), then split into blocks.  ``blocks``: number of
    tasks (default 4 per worker thread).  ``threads``: OpenMP threads per
    task.  ``progress=True``: a progress bar of the blocks (the dashboard
    shows the tasks either way).

    >>> rl.distributed.betweenness("case.rlnet", client, k=1000, seed=1)   # doctest: +SKIP
    """
    src = _Source(net_or_path, client)
    kk = sample_count(k, src.n)
    s = seed_of(seed) if kk else 0
    units = _core.sample_sources(src.n, kk, s) if kk else np.arange(src.n, dtype=np.uint32)
    params = {"weight": weight, "endpoints": bool(endpoints), "threads": check_threads(threads)}
    raw = _map_sum("betweenness", src, units, params, client, blocks, progress)
    values = _core.betweenness_finalize(raw, src.n, src.directed, bool(normalized), bool(endpoints), kk, s)
    out = _series(src, values, "betweenness")
    if kk:
        out.attrs["sources"] = list(src.index[units])
        out.attrs["seed"] = s
    return out


def closeness(net_or_path, client, weight: Optional[str] = None, wf_improved: bool = True,
              blocks: Optional[int] = None, threads: int = 0, progress: bool = False) -> pd.Series:
    """Closeness centrality on a Dask cluster: exactly
    :func:`ringleader.centrality.closeness` (each node's value is computed by
    one task).  Arguments as :func:`betweenness`.

    >>> rl.distributed.closeness(net, client)   # doctest: +SKIP
    """
    src = _Source(net_or_path, client)
    units = np.arange(src.n, dtype=np.uint32)
    params = {"weight": weight, "wf_improved": bool(wf_improved), "threads": check_threads(threads)}
    return _series(src, _map_sum("closeness", src, units, params, client, blocks, progress), "closeness")


def harmonic(net_or_path, client, weight: Optional[str] = None, k: Optional[int] = None,
             seed: Optional[int] = None, blocks: Optional[int] = None, threads: int = 0,
             progress: bool = False) -> pd.Series:
    """Harmonic centrality on a Dask cluster: :func:`ringleader.centrality.harmonic`
    (exactly when exact; to rounding with ``k`` sampled sources, drawn once
    on the client from ``seed``).  Arguments as :func:`betweenness`.

    >>> rl.distributed.harmonic("case.rlnet", client, k=500, seed=1)   # doctest: +SKIP
    """
    src = _Source(net_or_path, client)
    kk = sample_count(k, src.n)
    s = seed_of(seed) if kk else 0
    sampled = 0 < kk < src.n
    units = _core.sample_sources(src.n, kk, s) if sampled else np.arange(src.n, dtype=np.uint32)
    params = {"weight": weight, "k": kk, "seed": s, "threads": check_threads(threads)}
    sums = _map_sum("harmonic", src, units, params, client, blocks, progress)
    out = _series(src, _core.harmonic_finalize(sums, src.n, kk, s), "harmonic")
    if kk:
        out.attrs["sources"] = list(src.index[_core.sample_sources(src.n, kk, s)])
        out.attrs["seed"] = s
    return out


def key_players(net_or_path, client, k: int, objective: str = "fragmentation", m: Optional[int] = None,
                seed: Optional[int] = None, restarts: int = 10, blocks: Optional[int] = None, threads: int = 0,
                progress: bool = False):
    """Borgatti's key players on a Dask cluster: the same set and score as
    :func:`ringleader.key_players` with the same arguments and seed.

    The search is ``restarts + 1`` independent optimisations (run 0: the
    greedy set improved by swaps; runs 1..restarts: random start sets from
    ``seed`` improved by swaps); the runs are split into ``blocks`` tasks and
    the client keeps the greedy set unless a random start scored more (the
    first in run order), exactly as the single-machine search.  Worth it
    when each optimisation is long (thousands of nodes, many restarts).
    Other arguments as :func:`betweenness`; returns a
    :class:`ringleader.criminal.KeyPlayers`.

    >>> rl.distributed.key_players("case.rlnet", client, 5, restarts=50, seed=1)   # doctest: +SKIP
    """
    from .criminal import key_players_result, kpp_steps

    steps = kpp_steps(k, m)
    if isinstance(restarts, bool) or not isinstance(restarts, (int, np.integer)) or restarts < 0:
        raise ValueError(f"restarts must be an integer >= 0, not {restarts!r}")
    src = _Source(net_or_path, client)
    s = seed_of(seed)
    runs = _core.key_players_runs(src.n, int(k), int(restarts))
    params = {"k": int(k), "objective": str(objective), "m": steps, "seed": s, "restarts": int(restarts),
              "threads": check_threads(threads)}
    parts = [r for block in _map("key_players", src, runs, params, client, blocks, progress) for r in block]
    nodes, score, greedy = _core.key_players_merge(parts)
    return key_players_result(src.index, nodes, score, greedy, objective, steps, s)


def disruption(net_or_path, client, steps: int = 10, repeats: int = 20, seed: Optional[int] = None,
               blocks: Optional[int] = None, threads: int = 0, progress: bool = False) -> pd.DataFrame:
    """Random disruption (Duijn et al.) on a Dask cluster: the ``repeats``
    random removal orders (repeat i shuffled from ``seed`` and i, as in
    :func:`ringleader.criminal.disruption` with ``strategy="random"``) are
    split into ``blocks`` tasks, their sums added on the client and averaged;
    equal to the single-machine DataFrame to rounding.  Other arguments as
    :func:`betweenness`.

    >>> rl.distributed.disruption("case.rlnet", client, steps=20, repeats=1000, seed=1)   # doctest: +SKIP
    """
    from .criminal import check_steps, disruption_frame

    check_steps(steps)
    if isinstance(repeats, bool) or not isinstance(repeats, (int, np.integer)) or repeats < 1:
        raise ValueError(f"repeats must be an integer >= 1, not {repeats!r}")
    src = _Source(net_or_path, client)
    s = seed_of(seed)
    params = {"steps": int(steps), "repeats": int(repeats), "seed": s, "threads": check_threads(threads)}
    sums = None
    for rows in _map("disruption", src, np.arange(int(repeats), dtype=np.uint32), params, client, blocks, progress):
        cols = [np.asarray(c, dtype=np.float64) for c in rows[1:]]
        sums = cols if sums is None else [a + b for a, b in zip(sums, cols)]
    return disruption_frame(src.index, _core.disruption_finalize(*sums, int(repeats)))
