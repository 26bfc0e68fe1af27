"""GEXF and GraphML for Gephi with the analysis on it:
:meth:`ringleader.Network.write_gexf` and :meth:`ringleader.Network.write_graphml`
add the ranking and the communities as node attributes and the position,
colour and size (GEXF's ``viz``; GraphML's ``x``, ``y``, ``r``, ``g``, ``b``,
``size`` node attributes, the names Gephi's GraphML importer reads).  The
files are written by include/ringleader/io/gexf.hpp and graphml.hpp."""
from __future__ import annotations

import os

import numpy as np
import pandas as pd

from .. import _core
from ..network import core_of
from ._analysis import analysis_columns, viz, with_columns

__all__ = ["write_gexf", "write_graphml"]

#: GraphML node attributes Gephi reads as the visualisation.
GRAPHML_VIZ = ("x", "y", "size", "r", "g", "b")


def write_gexf(net, path, ranking=None, partition=None, pos=None, seed: int = 0) -> None:
    """See :meth:`ringleader.Network.write_gexf`."""
    extra = analysis_columns(net, ranking, partition)
    out = with_columns(net, extra, "GEXF")
    _core.write_gexf(core_of(out), os.fspath(path), **viz(out, extra, ranking, pos, seed))


def write_graphml(net, path, ranking=None, partition=None, pos=None, seed: int = 0) -> None:
    """See :meth:`ringleader.Network.write_graphml`."""
    path = os.fspath(path)
    if ranking is None and partition is None and (pos is None or pos is False):
        _core.write_graphml(core_of(net), path)
        return
    extra = analysis_columns(net, ranking, partition)
    placed = with_columns(net, extra, "GraphML")
    shown = viz(placed, extra, ranking, pos, seed)
    columns = {}
    for key in ("x", "y", "size"):
        if key in shown:
            columns[key] = shown[key]
    if "color" in shown:
        rgb = shown["color"].astype(np.int64)
        columns.update(r=(rgb >> 16) & 255, g=(rgb >> 8) & 255, b=rgb & 255)
    drawn = pd.DataFrame(columns, index=placed.node_index)
    out = with_columns(placed, drawn, "GraphML")
    _core.write_graphml(core_of(out), path)
