"""Quality of community detection against igraph's Leiden (the reference
implementation of Traag et al.): LFR benchmark graphs with planted
communities (tests/fixtures/lfr, made by tests/fixtures/make_lfr.py) and the
Enron e-mail network (../shared)."""
import json
import pathlib

import numpy as np
import pandas as pd
import pytest

import ringleader as rl

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
LFR = FIXTURES / "lfr"
REFERENCE = json.loads((LFR / "reference.json").read_text())
SEEDS = range(20)  # as the igraph reference: 5 graphs x 20 seeds per (n, mu)


def _load(name):
    z = np.load(LFR / f"{name}.npz")
    edges = z["edges"].astype(np.int64)
    truth = z["membership"].astype(np.int64)
    n = len(truth)
    nodes = pd.DataFrame({"id": np.arange(n)})
    net = rl.Network.from_pandas(pd.DataFrame({"source": edges[:, 0], "target": edges[:, 1]}), nodes=nodes)
    return net, pd.Series(truth, index=net.node_index)


@pytest.mark.parametrize("key", sorted(REFERENCE["summary"]))
def test_lfr_nmi_at_least_igraph_leiden(key):
    ref = REFERENCE["summary"][key]
    nmis, qs = [], []
    for name in ref["graphs"]:
        net, truth = _load(name)
        assert len(truth) == REFERENCE["graphs"][name]["n"]
        for seed in SEEDS:
            part = rl.community.leiden(net, seed=seed)
            nmis.append(rl.community.nmi(part, truth))
            qs.append(part.attrs["modularity"])
    ours, theirs = float(np.mean(nmis)), ref["leiden"]["nmi_mean"]
    assert ours >= theirs - 0.01, f"{key}: mean NMI {ours:.4f} vs igraph Leiden {theirs:.4f}"
    assert np.mean(qs) >= ref["leiden"]["modularity_mean"] * (1 - 0.002)


def test_enron_modularity_at_least_igraph_and_networkit(shared_data):
    ref = json.loads((FIXTURES / "enron_community_reference.json").read_text())
    net = rl.read_edgelist(shared_data / "enron_email_snap" / "email-Enron.txt")
    assert net.number_of_nodes() == ref["graph"]["nodes"]
    qs = [rl.community.leiden(net, seed=s).attrs["modularity"] for s in range(30)]
    res = ref["results"]
    ours = float(np.mean(qs))
    # means over seeds (igraph: 50 seeds; the spread between seeds is ~0.003)
    assert ours >= res["leiden"]["modularity_mean"] * (1 - 0.002)
    assert max(qs) >= res["leiden"]["modularity_max"] * (1 - 0.002)
    for other in ("nk_plm", "nk_plm_refine", "nk_parallel_leiden", "multilevel"):
        assert ours >= res[other]["modularity_mean"] * (1 - 0.002), other
    # Louvain against igraph's multilevel and networkit's PLM
    lv = np.mean([rl.community.louvain(net, seed=s).attrs["modularity"] for s in range(10)])
    assert lv >= res["nk_plm"]["modularity_mean"] * (1 - 0.002)


def test_louvain_batches_keep_the_sequential_quality():
    """The classic Louvain (refine=False) decides the vertices of a large graph in parallel batches (here
    6,250 per batch).  Before apply checked a move again against the totals
    of its communities as they are when it is made, the vertices of one batch
    crowded into the same communities on stale totals and Louvain ended 0.001
    below the sequential algorithm on random graphs: 0.1567 here (seeds 1-3:
    0.1564, 0.1572, 0.1564), against 0.1579 now (0.1584, 0.1579, 0.1574).
    References on this graph, measured once (3 runs each): igraph's
    multilevel 0.1569, NetworKit's PLM at 2 threads 0.1585."""
    rng = np.random.default_rng(2026)
    n, m = 200_000, 2_000_000
    a = rng.integers(0, n, size=int(m * 1.05))
    b = rng.integers(0, n, size=len(a))
    keys = np.unique(np.minimum(a, b)[a != b] * n + np.maximum(a, b)[a != b])
    keys = rng.permutation(keys)[:m]
    net = rl.Network.from_pandas(pd.DataFrame({"source": keys // n, "target": keys % n}),
                                 nodes=pd.DataFrame({"id": np.arange(n)}))
    qs = [rl.community.louvain(net, seed=s, refine=False).attrs["modularity"] for s in (1, 2, 3)]
    assert np.mean(qs) >= 0.1574, qs
    # the default refines the result (single nodes moved once more): 0.2035 and 0.2025 here
    refined = [rl.community.louvain(net, seed=s).attrs["modularity"] for s in (1, 2)]
    assert min(refined) >= max(qs) + 0.03, (refined, qs)
