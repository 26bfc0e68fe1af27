"""Burt's structural holes against networkx's constraint and effective size
on the shared test graphs (weighted, directed, self-loops, parallel edges,
disconnected, tiny), plus efficiency and hierarchy by their definitions."""
import math

import networkx as nx
import numpy as np
import pytest

import ringleader as rl
from _graphs import CASES, IDS, unweighted


def _same(ours, ref):
    for v, x in ref.items():
        y = ours[v]
        if isinstance(x, float) and math.isnan(x):
            assert math.isnan(y), v
        else:
            assert y == pytest.approx(x, rel=1e-9, abs=1e-12), v


@pytest.mark.parametrize("name,G,S", CASES, ids=IDS)
def test_constraint_and_effective_size_equal_networkx(name, G, S):
    net = rl.from_networkx(G)
    for weight, H in ((None, unweighted(S)), ("weight", S)):
        sh = rl.criminal.structural_holes(net, weight=weight)
        # nodes=list(H): networkx's documented formulas (its scipy path, taken
        # for nodes=None, normalises effective size by the wrong row maximum)
        _same(sh["constraint"], nx.constraint(H, nodes=list(H), weight=weight and "weight"))
        try:
            ref = nx.effective_size(H, nodes=list(H), weight=weight and "weight")
        except ZeroDivisionError:  # networkx fails on a node whose only neighbour is itself
            continue
        _same(sh["effective_size"], ref)


def test_efficiency_and_hierarchy_by_definition():
    G = nx.karate_club_graph()
    net = rl.from_networkx(G)
    sh = rl.criminal.structural_holes(net)
    for v in G:
        k = G.degree(v)
        assert sh.efficiency[v] == pytest.approx(sh.effective_size[v] / k)
        local = [nx.local_constraint(G, v, u) for u in G[v]]
        c = sum(local)
        mean = c / k
        h = sum((x / mean) * math.log(x / mean) for x in local) / (k * math.log(k)) if k >= 2 else float("nan")
        if k >= 2:
            assert sh.hierarchy[v] == pytest.approx(h, rel=1e-9, abs=1e-12)
        else:
            assert math.isnan(sh.hierarchy[v])
    # a star's centre brokers between unconnected leaves: low constraint, full efficiency, no hierarchy
    star = rl.from_networkx(nx.star_graph(5))
    s = rl.criminal.structural_holes(star)
    assert s.constraint[0] == pytest.approx(0.2) and s.efficiency[0] == pytest.approx(1.0)
    assert s.hierarchy[0] == pytest.approx(0.0, abs=1e-12)
    assert rl.criminal.constraint(star).name == "constraint"
