"""Seeded Erdős–Rényi and Barabási–Albert edge arrays for the kernel
benchmarks (bench/kcore.py, bench/closeness.py): the same arrays are loaded
into every library, so every library computes on the same simple graph."""
import numpy as np


def erdos_renyi(n: int, m: int, seed: int = 1):
    """m distinct undirected edges drawn uniformly among n nodes, no self-loops (G(n, m))."""
    rng = np.random.default_rng(seed)
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < m:
        a = rng.integers(0, n, size=2 * (m - len(keys)) + 1000)
        b = rng.integers(0, n, size=len(a))
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        k = (lo * n + hi)[lo != hi]
        keys = np.unique(np.concatenate([keys, k]))
    keys = rng.permutation(keys)[:m]
    return keys // n, keys % n


def barabasi_albert(n: int, per: int, seed: int = 1):
    """Preferential attachment: node v >= per links to `per` distinct earlier nodes drawn with
    probability proportional to their degree (networkx's barabasi_albert_graph rule)."""
    rng = np.random.default_rng(seed)
    ends = np.empty(2 * n * per, dtype=np.int64)
    fill = 0
    src, dst = [], []
    targets = list(range(per))
    for v in range(per, n):
        src.extend([v] * per)
        dst.extend(targets)
        ends[fill:fill + per] = targets
        ends[fill + per:fill + 2 * per] = v
        fill += 2 * per
        chosen = set()
        while len(chosen) < per:
            chosen.update(ends[rng.integers(0, fill, size=per - len(chosen))].tolist())
        targets = list(chosen)
    return np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)


def issue_graphs(quick: bool = False) -> dict:
    """The two graphs of issue 21's table, {title: (n, src, dst)}: Erdős–Rényi n / 10n and
    Barabási–Albert n / 5 per node, n = 200,000 (20,000 with `quick`), fixed seeds."""
    n = 20_000 if quick else 200_000
    return {f"Erdős–Rényi {n:,} / {10 * n:,}": (n, *erdos_renyi(n, 10 * n, seed=1)),
            f"Barabási–Albert {n:,} / 5 per node": (n, *barabasi_albert(n, 5, seed=2))}


def each_graph(quick: bool, threads: int):
    """(title, n, src, dst, ringleader network, networkit graph, igraph graph) of each issue graph."""
    for title, (n, src, dst) in issue_graphs(quick).items():
        yield (title, n, src, dst, *load_all(n, src, dst, threads))


def kernel_arguments(ap, repeat_flag: str, repeat: int, out_name: str):
    """The command line every kernel benchmark shares: --threads, the repeat count, --quick, --out."""
    import pathlib
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument(repeat_flag, type=int, default=repeat)
    ap.add_argument("--quick", action="store_true", help="20k-node graphs, nothing written")
    ap.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent / "results" / out_name))
    return ap.parse_args()


def load_all(n, src, dst, threads):
    """The same undirected graph in ringleader, networkit and igraph (node i = id i)."""
    import igraph as ig
    import networkit as nk
    import pandas as pd
    import ringleader as rl
    nodes = pd.DataFrame({"id": np.arange(n)})
    net = rl.Network.from_pandas(pd.DataFrame({"source": src, "target": dst}), nodes=nodes, id_column="id")
    assert list(net.node_index[:5]) == [0, 1, 2, 3, 4][:min(5, n)]
    nk.setNumberOfThreads(threads)
    g = nk.Graph(n)
    g.addEdges((src.astype(np.uint64), dst.astype(np.uint64)))
    ig_g = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist())
    return net, g, ig_g


def result_header(title: str, threads: int, repeat: int, command: str, turns: str) -> list:
    """The first lines of a committed result table: what ran, where, how (the machine's load included)."""
    import datetime
    import os
    import platform

    import networkit as nk
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [f"# {title}", "",
            f"{now}, {platform.machine()}, {os.cpu_count()} CPUs (load average "
            f"{os.getloadavg()[0]:.1f} at the end, the benchmark's own threads included), "
            f"{threads} threads for ringleader and NetworKit (igraph is serial); NetworKit {nk.__version__}; "
            f"median and minimum of {repeat} warm runs, {turns} taking turns; `{command}`.", ""]


def write_table(lines: list, doc: str, out: str, quick: bool) -> None:
    """Appends the benchmark's description (its docstring after the usage) to a result table and
    writes it to `out`, unless `quick` (smoke runs write nothing)."""
    import pathlib
    lines = lines + ["", doc.split("\n\n", 2)[2].strip(), ""]
    if not quick:
        pathlib.Path(out).write_text("\n".join(lines))
        print("wrote", out)
