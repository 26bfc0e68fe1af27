"""distance_from_strength and collapsing by a chosen column."""
import numpy as np
import pandas as pd
import pytest

import ringleader as rl


def net():
    return rl.Network.from_pandas(pd.DataFrame({
        "source": ["a", "a", "b", "c"], "target": ["b", "b", "c", "a"],
        "type": ["call", "call", "transfer", "call"], "weight": [2.0, 3.0, 4.0, 1.0],
        "amount": [np.nan, np.nan, 100.0, np.nan], "calls": [5, 1, 2, 3]}))


def test_inverse_and_max_ratio():
    d = rl.distance_from_strength(net())
    assert d.edges["distance"].tolist() == [0.5, 1 / 3, 0.25, 1.0]
    m = rl.distance_from_strength(net(), "calls", method="max_ratio", name="d")
    assert m.edges["d"].tolist() == [1.0, 5.0, 2.5, 5 / 3]
    assert list(m.nodes.index) == ["a", "b", "c"]


def test_refuses_non_positive_and_missing():
    bad = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [0.0]}))
    with pytest.raises(ValueError, match="positive"):
        rl.distance_from_strength(bad)
    with pytest.raises(ValueError, match="positive"):
        rl.distance_from_strength(net(), "amount")
    with pytest.raises(ValueError, match="no numeric edge column 'nope'"):
        rl.distance_from_strength(net(), "nope")
    with pytest.raises(ValueError, match="method"):
        rl.distance_from_strength(net(), method="log")
    with pytest.raises(ValueError, match="reserved"):
        rl.distance_from_strength(net(), name="weight")


def test_collapse_by_column_and_min():
    c = net().collapse(weight="min", by_type=False)
    assert c.edges["weight"].tolist() == [2.0, 4.0, 1.0]
    s = net().collapse(weight="sum", column="calls")
    assert s.edges["weight"].tolist() == [6.0, 2.0, 3.0]
    with pytest.raises(ValueError, match="missing"):
        net().collapse(column="amount")
