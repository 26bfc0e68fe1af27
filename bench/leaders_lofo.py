"""Leader identification across generator families, leave-one-family-out.

    python3 bench/leaders_lofo.py [--quick] [--seeds K] [--size N] [--out bench/results/leaders.md]

For every family of rl.generate.families() and every point of the grid
noise x missing_edges (0, 0.1, 0.3 each; --quick: 0 and 0.1, 2 seeds,
smaller networks) and seed, generates (net, truth), computes every measure
of rl.criminal.leader_measures (the person network and its organisation
core) and the current default rl.leaders ranking.  Scores: precision at k
(k = number of observed true leaders) and average precision, over the
persons observed.

Methods, all on the same measures of the same person network:
  default  rl.leaders as shipped (its weights: the procedure of (a) on all
           six families)
  (a) fit  the fitting procedure (ringleader.criminal._leader_fusion.fit_fusion:
           coordinate-ascent weights shrunk towards equal weights by a
           factor chosen by an inner leave-one-family-out) run on the OTHER
           families, scored on the held-out one
  (b) med  equal-weight median rank of the same measures
  (c) best the single measure best on the other families
  (d) orcl the single measure best on the held-out family itself (oracle)
Writes the Markdown tables to --out and prints them.
"""
from __future__ import annotations

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
from ringleader.criminal import _leader_fusion as fusion
from ringleader.criminal._leader_measures import MEASURES, leader_measures

HERE = Path(__file__).resolve().parent


def examples(family, fn, grid, seeds, size):
    rows = []
    for noise in grid:
        for miss in grid:
            for seed in range(seeds):
                net, truth = fn(size=size, noise=noise, missing_edges=miss, seed=1000 + seed)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    table = leader_measures(net, seed=seed)
                    default = rl.leaders(net, seed=seed)
                obs = truth[truth["observed"]]
                lead = set(obs.index[obs["role"].isin(truth.attrs["leader_roles"])])
                rel = table.index.isin(lead)
                d_rel = default.index.isin(lead)
                d_score = -default["rank"].to_numpy(float)
                rows.append(dict(family=family, noise=noise, missing=miss, seed=seed, table=table,
                                 feats=fusion.log_rank_features(table), rel=rel,
                                 default_p=fusion.precision_at_k(d_score, d_rel),
                                 default_ap=fusion.average_precision(d_score, d_rel)))
    return rows


def score(rows, scorer):
    p, ap = [], []
    for r in rows:
        s = scorer(r)
        p.append(fusion.precision_at_k(s, r["rel"]))
        ap.append(fusion.average_precision(s, r["rel"]))
    return float(np.mean(p)), float(np.mean(ap))


def single(m):
    return lambda r: r["feats"][m].to_numpy() if m in r["feats"] else np.zeros(len(r["feats"]))


def best_single(rows, measures):
    return max(measures, key=lambda m: (score(rows, single(m))[0], score(rows, single(m))[1]))


def lofo(data, measures):
    fams = list(dict.fromkeys(r["family"] for r in data))
    out, weights = [], {}
    for f in fams:
        test = [r for r in data if r["family"] == f]
        train = [r for r in data if r["family"] != f]
        fit = fusion.fit_fusion([(r["feats"], r["rel"], r["family"]) for r in train], measures)
        w = weights[f] = fit["weights"]
        print(f"held out {f}: shrinkage {fit['shrinkage']:g}, inner {fit['inner']}", file=sys.stderr)
        c = best_single(train, measures)
        d = best_single(test, measures)
        res = {"family": f,
               "default": (np.mean([r["default_p"] for r in test]), np.mean([r["default_ap"] for r in test])),
               "fit": score(test, lambda r: fusion.fuse(r["feats"], w).to_numpy()),
               "median": score(test, lambda r: fusion.median_rank(r["table"]).to_numpy()),
               "best": score(test, single(c)), "best_name": c,
               "oracle": score(test, single(d)), "oracle_name": d}
        mid = [r for r in test if r["noise"] == 0.1 and r["missing"] == 0.1]
        if mid:
            res["fit_mid"] = score(mid, lambda r: fusion.fuse(r["feats"], w).to_numpy())[0]
            res["oracle_mid"] = score(mid, single(d))[0]
        out.append(res)
    return out, weights


def upper_bounds(data, measures):
    """Precision at k at noise 0.1 / missing 0.1 of weights fitted *in sample*
    (not held out: ceilings of any weighting of these measures, not
    results): fitted on all six families, and on each family itself."""
    mid = lambda rows: [r for r in rows if r["noise"] == 0.1 and r["missing"] == 0.1]  # noqa: E731
    fams = list(dict.fromkeys(r["family"] for r in data))
    fuse = lambda w: (lambda r: fusion.fuse(r["feats"], w).to_numpy())  # noqa: E731
    w_all = fusion.fit_weights([(r["feats"], r["rel"]) for r in data], measures)
    out = {}
    for f in fams:
        rows = [r for r in data if r["family"] == f]
        w_own = fusion.fit_weights([(r["feats"], r["rel"]) for r in rows], measures)
        out[f] = (score(mid(rows), fuse(w_all))[0], score(mid(rows), fuse(w_own))[0])
    return out


def _matches(weights):
    from ringleader.criminal._leaders import DEFAULT_WEIGHTS

    return all(abs(DEFAULT_WEIGHTS.get(m, 0.0) - w) < 1e-9 for m, w in weights.items())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--seeds", type=int, default=None)
    ap.add_argument("--size", type=int, default=None)
    ap.add_argument("--out", default=str(HERE / "results" / "leaders.md"))
    a = ap.parse_args(argv)
    grid = (0.0, 0.1) if a.quick else (0.0, 0.1, 0.3)
    seeds = a.seeds or (2 if a.quick else 5)
    size = a.size or (60 if a.quick else 100)
    t0 = time.time()
    data = []
    fams = rl.generate.families()
    for name, row in fams.iterrows():
        t = time.time()
        data += examples(name, row["function"], grid, seeds, size)
        print(f"{name}: {time.time() - t:.1f} s", file=sys.stderr)
    measures = [m for m in MEASURES if any(m in r["table"].columns for r in data)]
    res, weights = lofo(data, measures)
    full = fusion.fit_fusion([(r["feats"], r["rel"], r["family"]) for r in data], measures)
    weights["(all six: the shipped default)"] = full["weights"]
    lines = [f"# Leader identification, leave-one-family-out ({'quick' if a.quick else 'full'} grid)", "",
             f"{datetime.date.today()}, {platform.machine()}, ringleader {rl.__version__}; size {size} members, "
             f"noise x missing_edges in {list(grid)}, {seeds} seeds; {len(data)} networks; "
             f"{time.time() - t0:.0f} s.", "",
             "Precision at k / average precision, mean over the grid (k = observed true leaders).", "",
             "- default: `rl.leaders` as shipped: its weights are what the procedure of (a) gives on all six "
             f"families (shrinkage {full['shrinkage']:g}; `DEFAULT_WEIGHTS` "
             f"{'matches' if _matches(full['weights']) else 'DOES NOT match'} it), so each row is partly scored on "
             "what the default was chosen on; (a) is the honest held-out figure.",
             "- (a) the fitting procedure `ringleader.criminal._leader_fusion.fit_fusion` run on the five other families "
             "(log-rank fusion; coordinate-ascent weights shrunk towards equal weights by a factor chosen by an "
             "inner leave-one-family-out), scored on the held-out one.",
             "- (b) equal-weight median rank of the same measures; (c) the single measure best on the other "
             "families; (d) the single measure best on the held-out family itself (oracle).",
             "- All on `rl.criminal.leader_measures` (the person network and its organisation core).", "",
             "| held-out family | default (shipped) | (a) LOFO fit | (b) median rank | (c) best single on others "
             "| (d) oracle single | (a) at noise 0.1, missing 0.1 | (d) there |",
             "|---|---|---|---|---|---|---|---|"]
    for r in res:
        f = lambda x: f"{x[0]:.2f} / {x[1]:.2f}"  # noqa: E731
        lines.append(f"| {r['family']} | {f(r['default'])} | {f(r['fit'])} | {f(r['median'])} | "
                     f"{f(r['best'])} ({r['best_name']}) | {f(r['oracle'])} ({r['oracle_name']}) | "
                     f"{r.get('fit_mid', float('nan')):.2f} | {r.get('oracle_mid', float('nan')):.2f} |")
    mean = lambda k, i=0: np.mean([r[k][i] if isinstance(r[k], tuple) else r[k] for r in res])  # noqa: E731
    lines.append(f"| **mean** | {mean('default'):.2f} / {mean('default', 1):.2f} | {mean('fit'):.2f} / "
                 f"{mean('fit', 1):.2f} | {mean('median'):.2f} / {mean('median', 1):.2f} | {mean('best'):.2f} / "
                 f"{mean('best', 1):.2f} | {mean('oracle'):.2f} / {mean('oracle', 1):.2f} | "
                 f"{np.mean([r.get('fit_mid', np.nan) for r in res]):.2f} | "
                 f"{np.mean([r.get('oracle_mid', np.nan) for r in res]):.2f} |")
    lines += ["", "Single measures (precision at k, mean over the grid):", "",
              "| family | " + " | ".join(measures) + " |", "|---|" + "---|" * len(measures)]
    for f in dict.fromkeys(r["family"] for r in data):
        rows = [r for r in data if r["family"] == f]
        lines.append(f"| {f} | " + " | ".join(f"{score(rows, single(m))[0]:.2f}" for m in measures) + " |")
    lines += ["", "Weights fitted with each family held out (1 everywhere: equal weights kept), and on all six:", "",
              "| held out | " + " | ".join(measures) + " |", "|---|" + "---|" * len(measures)]
    for f, w in weights.items():
        lines.append(f"| {f} | " + " | ".join(f"{w[m]:g}" for m in measures) + " |")
    ub = upper_bounds(data, measures)
    if all(np.isfinite(v[0]) for v in ub.values()):
        lines += ["", "Ceilings at noise 0.1, missing 0.1 (precision at k of weights fitted *in sample*, not held out: "
                  "what a weighting of these measures reaches when fitted, by coordinate ascent, on the networks it "
                  "is scored on; a ceiling for the fusion, not a result):", "",
                  "| family | fitted on all six, scored in sample | fitted on this family itself |", "|---|---|---|"]
        lines += [f"| {f} | {a_:.2f} | {b_:.2f} |" for f, (a_, b_) in ub.items()]
        lines.append(f"| **mean** | {np.mean([v[0] for v in ub.values()]):.2f} | "
                     f"{np.mean([v[1] for v in ub.values()]):.2f} |")
    write(lines, a.out)
    return res


def write(lines, out):
    """Prints the Markdown lines and writes them to ``out``."""
    text = "\n".join(lines) + "\n"
    print(text)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(text)


if __name__ == "__main__":
    main()
