"""Plots of ringleader results (matplotlib, imported when a plot is drawn):
``network`` (communities coloured, leaders labelled; a community-level
picture for large networks), ``disruption`` (curves of
:func:`ringleader.criminal.disruption`), ``trajectories`` (ranks over
time windows) and ``interactive`` (the report's interactive network view in
a notebook or a standalone HTML file; no matplotlib needed).  All of ringleader's plotting lives in this package, one
module per picture; the report draws its figures with these functions.

Every matplotlib function draws on ``ax`` (a new figure when ``ax=None``) and returns
the matplotlib Axes, so a plot can be adjusted, combined or saved:
``ax.figure.savefig("ranks.png")``.
"""
from __future__ import annotations

from ._disruption import disruption
from ._interactive import InteractiveView, interactive
from ._network import COMMUNITY_ABOVE, network
from ._trajectories import trajectories

__all__ = ["trajectories", "network", "disruption", "interactive", "InteractiveView", "COMMUNITY_ABOVE"]
