"""What broken subscriber data costs rl.leaders, and what a perfect resolution
would give back (issue 23's acceptance needs cases losing >= 0.1 precision).

    python3 bench/resolve_truth.py [--families fraud_compound,cell_network] [--seeds 3] [--size 300]

For each family and seed: rl.leaders on the family's network (``clean``); on
the network after :func:`rl.generate.identity_noise` with records intact
(``devices`` : rotation, handsets, SIM boxes, cells, but every record kept);
after identity_noise at each rate of ``--rates`` (``broken``: the same plus
that share of records missing and half that share false); and three oracles
on the broken network: ``oracle-links`` (every identifier whose record is
missing or false put under one inferred person per true user, the fake
subscribers kept, the ranking scored with rl.evaluate.resolved_leaders),
``oracle-all`` (every identifier of a user, whatever its record, under one
inferred person; registered persons keep their records),
``oracle-attach`` (every identifier whose record is missing or false also
held by its true user's person node; false records and fakes kept) and
``oracle-repair`` (records restored to the true users, fakes gone).  Cells:
precision at k (k = number of true leaders) averaged over seeds.  The
oracles bound what rl.resolve can recover; they are not rl.resolve.
"""
import argparse
import sys
import time
import warnings

import numpy as np
import pandas as pd

import ringleader as rl


def _rank(net, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return rl.leaders(net, seed=seed)


def _holding_rows(e, ids):
    h = e["type"].isin(("uses", "owns"))
    return h & (e["source"].isin(ids) | e["target"].isin(ids))


def oracle_links(net, truth, records=("missing", "false")):
    """The identifiers of each true user whose record is in ``records``
    under one inferred person ``I:<user>`` (inferred uses/owns edges added;
    the input's records, false ones included, kept)."""
    ids = truth.attrs["identifiers"]
    bad = ids[ids["record"].isin(records) & ids["user"].notna()]
    mapping = ("I:" + bad["user"].astype(str)).rename("person")
    nodes, edges = net.to_pandas()
    add = pd.DataFrame({"source": mapping.to_numpy(object), "target": mapping.index.to_numpy(object),
                        "type": np.where(bad["type"] == "phone", "uses", "owns"), "inferred": 1.0})
    new_nodes = pd.DataFrame({"type": "person"}, index=pd.Index(pd.unique(mapping), name="id"))
    out = rl.Network.from_pandas(pd.concat([edges, add], ignore_index=True), nodes=pd.concat([nodes, new_nodes]),
                                 directed=net.directed)
    return out, mapping


def oracle_attach(net, truth):
    """Orphaned identifiers (record missing or false) also held by their true
    user's person node (an inferred uses/owns edge); false records and fake
    persons kept."""
    ids = truth.attrs["identifiers"]
    bad = ids[ids["record"].isin(["missing", "false"]) & ids["user"].notna()]
    nodes, edges = net.to_pandas()
    add = pd.DataFrame({"source": bad["user"].to_numpy(object), "target": bad.index.to_numpy(object),
                        "type": np.where(bad["type"] == "phone", "uses", "owns"), "inferred": 1.0})
    return rl.Network.from_pandas(pd.concat([edges, add], ignore_index=True), nodes=nodes, directed=net.directed)


def oracle_repair(net, truth):
    """Records restored: every identifier held by its true user, fakes gone."""
    ids = truth.attrs["identifiers"]
    bad = ids[ids["record"].isin(["missing", "false"]) & ids["user"].notna()]
    nodes, edges = net.to_pandas()
    fakes = truth.index[truth["fake"]]
    edges = edges[~_holding_rows(edges, bad.index)]
    edges = edges[~edges["source"].isin(fakes) & ~edges["target"].isin(fakes)]
    add = pd.DataFrame({"source": bad["user"].to_numpy(object), "target": bad.index.to_numpy(object),
                        "type": np.where(bad["type"] == "phone", "uses", "owns")})
    return rl.Network.from_pandas(pd.concat([edges, add], ignore_index=True), nodes=nodes.drop(fakes),
                                  directed=net.directed)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--families", default="fraud_compound,cell_network,mafia_clan")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--size", type=int, default=300)
    ap.add_argument("--first-seed", type=int, default=100)
    ap.add_argument("--rates", default="0.3,0.5", help="missing-record shares (false = half of it)")
    a = ap.parse_args(argv)
    rates = [float(x) for x in a.rates.split(",")]
    rows = []
    for fam in a.families.split(","):
        f = getattr(rl.generate, fam)
        for s in range(a.seeds):
            t0 = time.perf_counter()
            net, truth = f(size=a.size, seed=a.first_seed + s)
            score = lambda r, t: rl.evaluate.leaders(r, t).precision  # noqa: E731
            row = {"family": fam, "seed": s, "persons": len(truth), "clean": score(_rank(net, s), truth)}
            n2, t2 = rl.generate.identity_noise(net, truth, false_subscribers=0, missing_subscribers=0, seed=s)
            row["devices"] = score(_rank(n2, s), t2)
            for rate in rates:
                n3, t3 = rl.generate.identity_noise(net, truth, missing_subscribers=rate, false_subscribers=rate / 2,
                                                    seed=s)
                row[f"broken {rate}"] = score(_rank(n3, s), t3)
                n4, mapping = oracle_links(n3, t3)
                row[f"oracle-links {rate}"] = rl.evaluate.resolved_leaders(_rank(n4, s), mapping, t3).precision
                n5, mapping5 = oracle_links(n3, t3, records=("kept", "missing", "false"))
                row[f"oracle-all {rate}"] = rl.evaluate.resolved_leaders(_rank(n5, s), mapping5, t3).precision
                row[f"oracle-attach {rate}"] = score(_rank(oracle_attach(n3, t3), s), t3)
                row[f"oracle-repair {rate}"] = score(_rank(oracle_repair(n3, t3), s), t3)
            rows.append(row)
            print(f"  {fam} seed {s}: {time.perf_counter() - t0:.1f}s", file=sys.stderr, flush=True)
    df = pd.DataFrame(rows)
    cols = [c for c in df.columns if c not in ("family", "seed", "persons")]
    mean = df.groupby("family", sort=False)[["persons"] + cols].mean()
    print(mean.round(3).to_markdown())
    return df


if __name__ == "__main__":
    main()
