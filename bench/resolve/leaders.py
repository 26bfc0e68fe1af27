"""Leader precision at k before and after rl.resolve (issue 23's acceptance:
where broken subscriber data cost >= 0.1 precision, resolution should win
back at least half).

    python3 bench/resolve/leaders.py FAMILIES SEEDS    e.g. fraud_compound,cell_network,mafia_clan 2

Per family and seed (size 300, seeds 300..): rl.leaders on identity_noise
with every subscriber record kept (``intact``), with a share of records
missing and half that share false (``broken``), and on rl.resolve.merge of
the broken network scored with rl.evaluate.resolved_leaders (``resolved``).
Needs rl.generate.identity_noise (branch calls).
"""
import sys
import warnings

import pandas as pd

import ringleader as rl

warnings.simplefilter("ignore")
rows = []
for fam in sys.argv[1].split(","):
    for s in range(int(sys.argv[2])):
        net, truth = getattr(rl.generate, fam)(size=300, seed=300 + s)
        for rate in (0.3, 0.5):
            n3, t3 = rl.generate.identity_noise(net, truth, missing_subscribers=rate, false_subscribers=rate / 2, seed=s)
            n2, t2 = rl.generate.identity_noise(net, truth, false_subscribers=0, missing_subscribers=0, seed=s)
            intact = rl.evaluate.leaders(rl.leaders(n2, seed=s), t2).precision
            broken = rl.evaluate.leaders(rl.leaders(n3, seed=s), t3).precision
            res, mp = rl.resolve.merge(n3)
            resolved = rl.evaluate.resolved_leaders(rl.leaders(res, seed=s), mp, t3).precision
            rows.append(dict(family=fam, seed=s, rate=rate, intact=intact, broken=broken, resolved=resolved))
            print(rows[-1], flush=True)
df = pd.DataFrame(rows)
print(df.groupby(["family", "rate"])[["intact", "broken", "resolved"]].mean().round(3).to_markdown())
