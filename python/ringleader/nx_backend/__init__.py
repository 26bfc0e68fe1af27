"""networkx backend "ringleader": networkx code runs on ringleader's kernels.

Installed with ringleader (entry points ``networkx.backends`` and
``networkx.backend_info``).  Use it per call, or for every call::

    >>> import networkx as nx
    >>> G = nx.karate_club_graph()
    >>> bc = nx.betweenness_centrality(G, backend="ringleader")    # doctest: +SKIP
    >>> nx.config.backend_priority.algos = ["ringleader"]          # doctest: +SKIP
    >>> nx.config.fallback_to_nx = True     # unsupported calls run in networkx

or from the shell: ``NETWORKX_BACKEND_PRIORITY=ringleader
NETWORKX_FALLBACK_TO_NX=True python script.py``.

Results have exactly networkx's types: dicts keyed by the original node
objects with Python floats, sets of nodes for components and communities.
Every parameter networkx accepts is either supported with networkx's
meaning or *declined*: :func:`can_run` (before conversion) or the function
(after conversion, for properties of the data such as negative weights)
says no, and networkx runs its own implementation when fallback is on (with
``backend="ringleader"`` you get a NotImplementedError naming the reason).
What is declined is listed in ``docs/networkx-backend.md`` and in each
function's networkx docstring (the "ringleader" section).

networkx converts a graph on every call unless it caches it
(``nx.config.cache_converted_graphs``, on by default): a second call on an
unchanged graph reuses the conversion.

This module is the backend interface object networkx loads: conversion
(``_convert``), dispatch decisions (``_dispatch``), networkx's test-suite
hook (``_tests``) and every accelerated function, one module per family of
ringleader's kernels as in include/ringleader/<family>/: ``centrality``,
``community`` (components included), ``criminal`` (structural holes) and
``paths`` (flows).  ``_info`` is the ``networkx.backend_info`` entry point.
"""
from __future__ import annotations

from ._convert import RingleaderGraph, convert_from_nx, convert_to_nx  # noqa: F401
from ._dispatch import can_run, implemented, should_run  # noqa: F401
from ._info import FUNCTIONS
from ._tests import on_start_tests  # noqa: F401
from .centrality import *  # noqa: F401,F403
from .community import *  # noqa: F401,F403
from .criminal import *  # noqa: F401,F403
from .paths import *  # noqa: F401,F403

__all__ = ["RingleaderGraph", "convert_from_nx", "convert_to_nx", "can_run", "should_run"] + sorted(FUNCTIONS)
