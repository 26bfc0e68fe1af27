"""Leader-finding baselines on synthetic telecom-fraud networks.

    python3 bench/leaders.py [--quick] [--seeds K] [--out bench/out]

Generates networks with rl.generate.fraud_network across sizes and noise
levels (noise = share of calls/transfers missing = false calls added, as a
share of the calls), builds the person projection (two persons are linked
when one's phone called the other's, they met, or money moved between their
accounts; weight = number of such interactions, both directions summed), and
ranks persons by single centrality measures (and by PageRank on the whole
directed multi-mode network, where money and reports flow towards leaders).  Each cell is the precision at k
(k = number of leaders: boss, financiers, managers) / the average precision,
averaged over the seeds.  The same single measures also run on rl's own
projection (``net.project("person")``: shared phones, accounts and venues
too, hubs above 50 persons skipped), and rl.leaders on the raw multi-mode
network; "best single" is the best single-measure cell of the row.  Also
times rl.leaders and the projection.  Writes OUT/results-leaders.md.
"""
import argparse
import datetime
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import ringleader as rl

HERE = Path(__file__).resolve().parent

SIZES = {  # name -> fraud_network arguments
    "small": dict(n_groups=3, teams_per_group=4, operators_per_team=8, victims_per_operator=5),
    "medium": dict(n_groups=10, teams_per_group=8, operators_per_team=15, victims_per_operator=8),
    "large": dict(n_groups=22, teams_per_group=10, operators_per_team=20, victims_per_operator=20),
}
NOISE = (0.0, 0.1, 0.3)
EXACT_PATHS_BELOW = 20_000  # persons; above, betweenness is sampled (k=256) and closeness skipped


def person_projection(net):
    """Undirected person-person network of calls, meetings and transfers."""
    e = net.edges
    phone = dict(zip(e.target[e.type == "uses"], e.source[e.type == "uses"]))
    acct = dict(zip(e.target[e.type == "owns"], e.source[e.type == "owns"]))
    parts = []
    calls = e[e.type == "call"]
    parts.append(pd.DataFrame({"source": calls.source.map(phone), "target": calls.target.map(phone)}))
    meets = e[e.type == "meets"]
    parts.append(pd.DataFrame({"source": meets.source, "target": meets.target}))
    tr = e[e.type == "transfer"]
    parts.append(pd.DataFrame({"source": tr.source.map(acct), "target": tr.target.map(acct)}))
    pairs = pd.concat(parts, ignore_index=True).dropna()
    pairs = pairs[pairs.source != pairs.target]
    persons = net.nodes.index[net.nodes["type"] == "person"]
    proj = rl.Network.from_pandas(pairs.assign(type="link"), nodes=pd.DataFrame({"id": persons, "type": "person"}))
    return proj


def single_measures(proj, n_persons, seed, tag=""):
    """The single measures of the issue on one person projection."""
    out = {
        "degree": lambda: rl.centrality.degree(proj),
        "strength": lambda: rl.centrality.strength(proj),
        "pagerank": lambda: rl.centrality.pagerank(proj, weight="weight"),
        "eigenvector": lambda: rl.centrality.eigenvector(proj, max_iter=1000),
    }
    if n_persons < EXACT_PATHS_BELOW:
        out["betweenness"] = lambda: rl.centrality.betweenness(proj)
        out["closeness"] = lambda: rl.centrality.closeness(proj)
    else:
        out["betweenness (k=256)"] = lambda: rl.centrality.betweenness(proj, k=256, seed=seed)
        out["closeness (harmonic, k=256)"] = lambda: rl.centrality.harmonic(proj, k=256, seed=seed)
    return {name + tag: f for name, f in out.items()}


def measures(net, proj, full, n_persons, seed):
    out = {"rl.leaders": lambda: rl.leaders(net, seed=seed)}
    out.update(single_measures(proj, n_persons, seed))
    out.update(single_measures(full, n_persons, seed, " [project]"))
    out["pagerank (whole network)"] = lambda: rl.centrality.pagerank(net)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small and medium only, one seed")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--out", default=str(HERE / "out"))
    a = ap.parse_args(argv)
    sizes = ["small", "medium"] if a.quick else list(SIZES)
    seeds = range(1 if a.quick else a.seeds)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    rows, gen_times, proj_times, leader_times = [], [], [], []
    for size in sizes:
        for noise in NOISE:
            cells, info = {}, {}
            for s in seeds:
                t = time.perf_counter()
                net, truth = rl.generate.fraud_network(**SIZES[size], noise=noise, seed=100 + s)
                gen_times.append((size, len(truth), net.number_of_edges(), time.perf_counter() - t))
                proj = person_projection(net)
                t = time.perf_counter()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    full = net.project("person")  # rl's projection (shared nodes too; hubs > 50 skipped)
                if noise == NOISE[0]:
                    proj_times.append((size, len(truth), net.number_of_edges(), full.number_of_edges(),
                                       time.perf_counter() - t))
                info = dict(persons=len(truth), edges=net.number_of_edges(), leaders=int(
                    truth.role.isin(rl.generate.LEADER_ROLES).sum()))
                for name, f in measures(net, proj, full, len(truth), s).items():
                    t = time.perf_counter()
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        ranking = f()
                    if name == "rl.leaders":
                        leader_times.append((size, len(truth), net.number_of_edges(), time.perf_counter() - t))
                    sc = rl.evaluate.leaders(ranking, truth)
                    cells.setdefault(name, []).append((sc.precision, sc.average_precision))
                print(f"  {size} noise={noise} seed={s} done", file=sys.stderr, flush=True)
            row = {"size": size, "persons": info["persons"], "edges": info["edges"], "leaders": info["leaders"],
                   "noise": noise}
            means = {name: (np.mean([x[0] for x in v]), np.mean([x[1] for x in v])) for name, v in cells.items()}
            single = {k: v for k, v in means.items() if k not in ("rl.leaders", "pagerank (whole network)")}
            best = max(single, key=lambda k: single[k])
            row["rl.leaders"] = "{:.2f} / {:.2f}".format(*means["rl.leaders"])
            row["best single"] = "{:.2f} / {:.2f} ({})".format(*single[best], best)
            for name, (p, avg) in means.items():
                if name != "rl.leaders":
                    row[name] = f"{p:.2f} / {avg:.2f}"
            rows.append(row)
    table = pd.DataFrame(rows).fillna("—")
    md = table.to_markdown(index=False)
    gen = pd.DataFrame(gen_times, columns=["size", "persons", "edges", "seconds"]).groupby("size", sort=False).agg(
        persons=("persons", "first"), edges=("edges", "median"), seconds=("seconds", "median"))
    gen["persons"] = gen["persons"].map("{:,}".format)  # strings: tabulate would print a float column
    gen["edges"] = gen["edges"].map(lambda x: f"{round(x):,}")
    gen["seconds"] = gen["seconds"].map("{:.3f}".format)
    head = (f"# Leader-finding baselines — {datetime.datetime.now():%Y-%m-%d %H:%M}\n\n"
            f"`python3 bench/leaders.py{' --quick' if a.quick else ''}` on {platform.node()}, "
            f"{len(seeds)} seed(s) per row.  Cells: precision at k (k = number of leaders: boss, financiers, "
            "managers) / average precision.  rl.leaders runs on the raw multi-mode network (defaults, seed = "
            "seed index); the single measures rank the persons of the interaction projection (calls, meetings and "
            "transfers between persons; weight = interactions) or, marked [project], of `net.project(\"person\")`; "
            "\"best single\" is the best of them in the row; \"whole network\": PageRank on the "
            "directed multi-mode network, persons kept.  Noise = share of calls and "
            "transfers missing = false calls added (as a share of calls).\n\n")
    proj = pd.DataFrame(proj_times, columns=["size", "persons", "edges", "links", "seconds"]).groupby(
        "size", sort=False).median()
    proj = proj.apply(lambda c: c.map("{:.3f}".format) if c.name == "seconds" else c.map(lambda x: f"{round(x):,}"))
    lt = pd.DataFrame(leader_times, columns=["size", "persons", "edges", "seconds"]).groupby(
        "size", sort=False).agg(persons=("persons", "first"), edges=("edges", "median"), seconds=("seconds", "median"),
                                max_seconds=("seconds", "max"))
    lt = lt.apply(lambda c: c.map("{:.2f}".format) if "seconds" in c.name else c.map(lambda x: f"{round(x):,}"))
    text = head + md + "\n\n`rl.leaders` time (median and max over seeds and noise levels, default options):\n\n" + \
        lt.to_markdown() + "\n\nGeneration time (median over seeds, rl.generate.fraud_network):\n\n" + \
        gen.to_markdown() + "\n\nProjection time (median over seeds, `net.project(\"person\")`, noise 0):\n\n" + \
        proj.to_markdown() + "\n"
    (out / "results-leaders.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
