"""Plots of ringleader results (matplotlib, imported when a plot is drawn):
``network`` (communities coloured, leaders labelled; a community-level
picture for large networks), ``disruption`` (curves of
:func:`ringleader.criminal.disruption`) and ``trajectories`` (ranks over
time windows).  All of ringleader's plotting lives in this package, one
module per picture; the report draws its figures with these functions.

Every function draws on ``ax`` (a new figure when ``ax=None``) and returns
the matplotlib Axes, so a plot can be adjusted, combined or saved:
``ax.figure.savefig("ranks.png")``.
"""
from __future__ import annotations

from ._disruption import disruption
from ._network import COMMUNITY_ABOVE, network
from ._trajectories import trajectories

__all__ = ["trajectories", "network", "disruption", "COMMUNITY_ABOVE"]
