"""A network with edges removed and nodes and edges appended, built in the
core (ringleader::edited in graph/edit.hpp): no round trip through pandas."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _core
from ._pandas_io import factorize_types
from .network import core_of, derive


def edited(net, drop_edges, node_ids, node_types, node_attrs, source, target, edge_types, edge_attrs,
           weight=None):
    """Internal to the package: ``net`` with the edges ``drop_edges``
    (indices) removed and nodes and edges appended, built in the core
    (``ringleader::edited``: no round trip through pandas).  ``node_ids``,
    ``node_types``: the new nodes' string ids and type names;
    ``source``/``target``: vertex indices in the result (``net``'s vertices,
    then the new nodes from ``number_of_nodes()``); ``edge_types``: type
    names; ``*_attrs``: ``(name, kind, values)`` with kind ``number``,
    ``string`` or ``time``, joined with ``net``'s columns by name (rows
    without a column hold its missing value)."""
    def codes(names):  # names in order of first appearance, as from_pandas interns them; none for no rows
        if len(names) == 0:
            return [], np.empty(0, dtype=np.uint16)
        c, uniq = pd.factorize(np.asarray(names, dtype=object), sort=False)
        if (c >= 0).all() and all(isinstance(v, str) and v for v in uniq):   # the package's own edits' type names
            return list(uniq), c.astype(np.uint16)
        c, uniq = factorize_types(names, "")
        return uniq, c
    nt_names, nt_codes = codes(node_types)
    et_names, et_codes = codes(edge_types)
    k = len(et_codes)
    w = np.ones(k, dtype=np.float64) if weight is None else np.asarray(weight, dtype=np.float64)
    core = _core.edited(core_of(net), np.asarray(drop_edges, dtype=np.uint64), [str(i) for i in node_ids], nt_codes,
                        nt_names, None, list(node_attrs), np.asarray(source, dtype=np.uint32),
                        np.asarray(target, dtype=np.uint32), et_codes, et_names, w, None, None, list(edge_attrs))
    return derive(net, core)
