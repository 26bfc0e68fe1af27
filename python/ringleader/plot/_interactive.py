"""rl.plot.interactive: the report's interactive network view (search,
hover card, zoom, community and role filters, the core drawn one by one and
the periphery collapsed) in a Jupyter notebook, or saved as one
self-contained HTML file.

The data comes from the report's own builder (ringleader/report/_view.py:
``build``) and is drawn by the report's ``view.js`` and ``view.css``; the
page is the report's, Content-Security-Policy included, and the notebook
shows it in an ``<iframe sandbox="allow-scripts" srcdoc="...">``, so the
view's script runs apart from the notebook's page (no access to it, to
cookies or to the kernel) and the page's policy applies.  Nothing is loaded
from the network.
"""
from __future__ import annotations

import html
import pathlib
from typing import Optional

import numpy as np
import pandas as pd

from .._kernel import seed_of

__all__ = ["InteractiveView", "interactive"]

LEADER_COLUMNS = ("score", "rank", "community", "community_rank", "role", "explanation")
CHROME = 260   # pixels of the frame above and below the drawing (title, search bar, legend)


class InteractiveView:
    """What :func:`interactive` returns: Jupyter shows it as the interactive
    view (``_repr_html_``); ``save(path)`` writes it as a standalone HTML file.
    ``page``: that file's text; ``data``: the embedded view data (persons in
    rank order, ties, communities); ``height``: the frame's height in
    pixels."""

    def __init__(self, page: str, data: dict, height: int, title: str):
        self.page, self.data, self.height, self.title = page, data, int(height), title

    def _repr_html_(self) -> str:
        # srcdoc is an attribute: the whole page escaped (quotes included) so nothing in it ends the attribute
        return (f'<iframe sandbox="allow-scripts" srcdoc="{html.escape(self.page, quote=True)}" '
                f'title="{html.escape(self.title, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #dde1e6"></iframe>')

    def save(self, path):
        """Write the view as one self-contained HTML file (opens offline in
        any browser); returns the path."""
        path = pathlib.Path(path)
        path.write_text(self.page, encoding="utf-8")
        return path

    def __repr__(self) -> str:
        d = self.data
        return (f"<InteractiveView: {d['shown']:,} of {d['persons']:,} persons, {d['links']:,} links, "
                f"{len(d['communities']):,} communities; shown in Jupyter, .save(path) writes the page>")


def _persons_of(net, person_type: Optional[str]) -> bool:
    return person_type is not None and net.node_types().get(person_type, 0) > 0


def _default_ranking(net, person_type, seed):
    """rl.leaders when the network has persons, degree centrality otherwise."""
    from ..centrality import degree
    from ..criminal import leaders

    if _persons_of(net, person_type):
        return leaders(net, person_type, seed=seed)
    return degree(net).rename("degree")


def _communities(ids: pd.Index, partition, persons, seed) -> pd.Series:
    """Community numbers 0, 1, ... (largest first) of ``ids``: from
    ``partition`` (id -> community, any labels) or Leiden's."""
    from ..community import leiden

    part = leiden(persons, weight="weight", seed=seed) if partition is None else pd.Series(partition)
    missing = ids.difference(part.index)
    if len(missing):
        raise ValueError(f"partition: no community for {len(missing)} ranked node(s), e.g. "
                         f"{list(missing[:3])!r}; give one for every node of the ranking")
    part = part.reindex(ids)
    sizes = part.value_counts(sort=True)
    return part.map(pd.Series(np.arange(len(sizes)), index=sizes.index)).astype(np.int64)


def _scores(ranking) -> pd.Series:
    """A ranking without roles as a numeric score Series."""
    if isinstance(ranking, pd.DataFrame):
        if "score" not in ranking.columns:
            raise ValueError("ranking: a DataFrame needs rl.leaders' columns or a 'score' column; "
                             f"it has {list(ranking.columns)}")
        ranking = ranking["score"]
    if not isinstance(ranking, pd.Series):
        raise ValueError(f"ranking must be rl.leaders' DataFrame or a Series of scores by node, "
                         f"not {type(ranking).__name__}")
    if not pd.api.types.is_numeric_dtype(ranking):
        raise ValueError(f"ranking: the scores must be numbers, not {ranking.dtype}")
    return ranking.astype(np.float64)


def _generic_table(score: pd.Series, part: pd.Series, top: int) -> pd.DataFrame:
    """A ranking without roles in rl.leaders' layout: the ``top`` highest are
    key members, the others peripheral; the explanation names the measure."""
    name = str(score.name) if score.name is not None else "score"
    rank = score.rank(ascending=False, method="min", na_option="bottom").astype(np.int64)
    crank = score.groupby(part).rank(ascending=False, method="min", na_option="bottom").astype(np.int64)
    role = np.where(rank.to_numpy() <= top, "key member", "peripheral")
    table = pd.DataFrame({"score": score.fillna(0.0), "rank": rank, "community": part, "community_rank": crank,
                          "role": role, "explanation": [f"rank {r} by {name}" for r in rank]}, index=score.index)
    table[f"rank_{name}"] = rank
    return table


def _prepare(net, ranking, partition, person_type, top, seed) -> tuple:
    """(table in rl.leaders' layout, rank order; undirected person network)."""
    from ..criminal import person_network
    from ..criminal._person_network import undirected
    from ..report._analysis import LEADER_DEFAULTS

    is_leaders = isinstance(ranking, pd.DataFrame) and all(c in ranking.columns for c in LEADER_COLUMNS)
    ids = pd.Index(ranking.index)
    unknown = ids.difference(net.node_index)
    if len(unknown):
        raise ValueError(f"ranking: {len(unknown)} id(s) are not nodes of the network, e.g. {list(unknown[:3])!r}")
    if is_leaders and _persons_of(net, person_type):
        persons = person_network(net, person_type, max_hub=LEADER_DEFAULTS["max_hub"],
                                 min_evidence=LEADER_DEFAULTS["min_evidence"]).net
    else:
        persons = undirected(net)
    if persons.number_of_nodes() != len(ids) or not persons.node_index.isin(ids).all():
        persons = persons.subgraph(nodes=list(ids))
    if is_leaders:
        table = ranking.copy()
        if partition is not None:
            table["community"] = _communities(ids, partition, persons, seed)
            table["community_rank"] = table["score"].groupby(table["community"]).rank(
                ascending=False, method="min").astype(np.int64)
    else:
        score = _scores(ranking)
        table = _generic_table(score, _communities(ids, partition, persons, seed), top)
    order = np.lexsort((np.arange(len(table)), table["rank"].to_numpy()))
    return table.iloc[order], persons


def _method(ranking, net, person_type) -> str:
    """One line on how the ranking was made (rl.leaders' attrs), shown above the view."""
    attrs = getattr(ranking, "attrs", {}) or {}
    if "method" in attrs:
        weights = ", ".join(f"{k} {v:g}" for k, v in attrs.get("weights", {}).items())
        dropped = "; left out: " + ", ".join(attrs["dropped"]) if attrs.get("dropped") else ""
        return (f"Ranking: rl.leaders, {attrs['method']} (weights: {weights}{dropped}); seed {attrs.get('seed')}; "
                f"{attrs.get('persons', len(ranking)):,} persons.")
    name = getattr(ranking, "name", None) or "score"
    where = "" if _persons_of(net, person_type) else f" (no '{person_type}' nodes: every node is shown)"
    return f"Ranking: {name}{where}; {len(ranking):,} nodes."


def _fallback(table: pd.DataFrame, label) -> str:
    """The top ten as an escaped table, shown when scripts are off."""
    rows = "".join(f"<tr><td>{int(r['rank'])}</td><td>{html.escape(str(v))}</td>"
                   f"<td>{html.escape(str(label(v) or ''))}</td><td>{html.escape(str(r['role']))}</td></tr>"
                   for v, r in table.head(10).iterrows())
    return ("<p>The interactive view needs JavaScript; the ten highest-ranked:</p><table><thead><tr><th>rank</th>"
            f"<th>id</th><th>label</th><th>role</th></tr></thead><tbody>{rows}</tbody></table>")


def interactive(net, ranking=None, *, partition=None, top: int = 25, seed: Optional[int] = None,
                height: int = 640, person_type: Optional[str] = "person",
                title: str = "Network view") -> InteractiveView:
    """The report's interactive network view, for a notebook or a file.

    ``ranking``: :func:`ringleader.leaders`' table (roles, explanations and
    evidence shown in the hover card), or any score Series by node (e.g. a
    centrality: the ``top`` highest are drawn as key members, the others
    peripheral); None ranks with :func:`ringleader.leaders` when ``net`` has
    ``person_type`` nodes, else by degree centrality over every node.  The
    network drawn: for an rl.leaders ranking, the person network it ranks
    (:func:`ringleader.criminal.person_network` with rl.leaders' defaults);
    otherwise ``net`` itself, undirected, restricted to the ranked nodes.
    ``partition``: id -> community (any labels; default: rl.leaders'
    communities, or Leiden's for a score Series).  ``top``: ranks always
    drawn one by one (the ten highest are labelled); ``seed``: the layout
    (ForceAtlas2), Leiden and rl.leaders (None draws one); ``height``: the
    drawing's height in pixels; ``title``: shown above it.

    Returns an :class:`InteractiveView`: Jupyter displays it in a sandboxed
    frame; ``.save("view.html")`` writes a standalone page.  Offline: the
    script and the data are in the page, names are escaped, and the page's
    Content-Security-Policy allows no script but the view's.  At most 2,000
    persons (the highest-ranked) are embedded, the others are counted in
    their community's disc.  ValueError for an empty ranking, ids that are
    not nodes, or a partition that misses ranked nodes.

    >>> view = rl.plot.interactive(net, rl.leaders(net, seed=1), seed=1)   # doctest: +SKIP
    >>> view                        # in Jupyter: the view  # doctest: +SKIP
    >>> view.save("network.html")   # doctest: +SKIP
    """
    from ..network import Network
    from ..report import _html, _view

    if not isinstance(net, Network):
        raise ValueError(f"net must be a ringleader Network, not {type(net).__name__}")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 0:
        raise ValueError(f"top must be a non-negative integer, not {top!r}")
    if isinstance(height, bool) or not isinstance(height, (int, np.integer)) or not 100 <= height <= 5000:
        raise ValueError(f"height must be an integer number of pixels from 100 to 5000, not {height!r}")
    seed = seed_of(seed)
    if ranking is None:
        ranking = _default_ranking(net, person_type, seed)
    if not len(ranking):
        raise ValueError("ranking is empty: nothing to show")
    table, persons = _prepare(net, ranking, partition, person_type, top, seed)
    labels = net.nodes["label"] if "label" in net.nodes.columns else pd.Series(dtype=object)

    def label(v):
        x = labels.get(v)
        return None if x is None or pd.isna(x) else str(x)

    pos = _view.layout(persons, table, seed)
    view = _view.packed(_view.build(table, persons, pos, top, label=label))
    page = _html.standalone_html(title, view, _method(ranking, net, person_type), _fallback(table, label), height)
    return InteractiveView(page, view.data, height + CHROME, title)
