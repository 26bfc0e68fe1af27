"""Leader precision at k before and after rl.resolve (issue 23's acceptance:
where broken subscriber data cost >= 0.1 precision, resolution should win
back at least half).

    python3 bench/resolve/leaders.py [--families fraud_compound,cell_network] [--seeds 10] [--first-seed 300]

Per family, rate and seed (size 300): rl.leaders on identity_noise with every
subscriber record kept (``intact``), with a share ``rate`` of records missing
and half that share false (``broken``), and on rl.resolve.merge of the broken
network at its defaults, scored with rl.evaluate.resolved_leaders
(``resolved``); ``no identity``: the same without the identity evidence (the
pairs of rl.resolve.candidates minus its account-person rows).  ``loss`` =
intact - broken, ``won back`` = (resolved - broken) / loss where loss >= 0.1
(the acceptance's cases).  ``resolved, keep``: merge with
``unheld_phones="keep"`` (no person of its own for a phone without holder);
``broken, own``: the broken network with only those persons (merge with no
pairs), and ``won back, own`` = (resolved - broken, own) / (intact -
broken, own): what the links win over the persons of their own alone.  Precision at k, k = number of true leaders (boss,
financier, manager), mean over the seeds with its standard error.  Nothing
here was tuned on these seeds: rl.resolve's defaults come from the tuning
networks of bench/resolve/quality.py (seeds 100..).
"""
import argparse
import sys
import warnings

import numpy as np
import pandas as pd

import ringleader as rl


def one(fam, seed, rate):
    net, truth = getattr(rl.generate, fam)(size=300, seed=seed)
    s = seed - 300
    n2, t2 = rl.generate.identity_noise(net, truth, false_subscribers=0, missing_subscribers=0, seed=s)
    n3, t3 = rl.generate.identity_noise(net, truth, missing_subscribers=rate, false_subscribers=rate / 2, seed=s)
    row = {"family": fam, "rate": rate, "seed": seed,
           "intact": rl.evaluate.leaders(rl.leaders(n2, seed=s), t2).precision,
           "broken": rl.evaluate.leaders(rl.leaders(n3, seed=s), t3).precision}
    cand = rl.resolve.candidates(n3)
    for name, pairs, unheld in (("resolved", cand, "person"), ("no identity", cand[~(cand["identity"] > 0)], "person"),
                                ("resolved, keep", cand, "keep"), ("broken, own", cand.iloc[:0], "person")):
        res, mapping = rl.resolve.merge(n3, pairs, unheld_phones=unheld)
        row[name] = rl.evaluate.resolved_leaders(rl.leaders(res, seed=s), mapping, t3).precision
    return row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--families", default="fraud_compound,cell_network,mafia_clan,laundering_network")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--first-seed", type=int, default=300)
    a = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    rows = []
    for fam in a.families.split(","):
        for rate in (0.3, 0.5):
            for seed in range(a.first_seed, a.first_seed + a.seeds):
                rows.append(one(fam, seed, rate))
            print(f"  {fam} {rate} done", file=sys.stderr, flush=True)
    df = pd.DataFrame(rows)
    cols = ["intact", "broken", "resolved", "no identity", "resolved, keep", "broken, own"]
    g = df.groupby(["family", "rate"], sort=False)
    out = g[cols].mean()
    se = g[cols].sem()
    out["loss"] = out["intact"] - out["broken"]
    out["won back"] = np.where(out["loss"] >= 0.1, (out["resolved"] - out["broken"]) / out["loss"], np.nan)
    own = out["intact"] - out["broken, own"]
    out["won back, own"] = np.where(out["loss"] >= 0.1, (out["resolved"] - out["broken, own"]) / own, np.nan)
    table = out.round(3).astype(object)
    for c in cols:
        table[c] = [f"{m:.3f} ± {e:.3f}" for m, e in zip(out[c], se[c])]
    print(table.to_markdown())
    return df


if __name__ == "__main__":
    main()
