"""The interactive network view of report.html and of rl.plot.interactive:
:func:`build` turns a ranking, its person network and a layout into plain
data (persons, ties, communities), :func:`view_data` feeds it a report's
:class:`~._analysis.Analysis`, :func:`packed` packs the data with the script
``view.js`` and the style ``view.css`` (package data beside this module)
into a :class:`View` that the HTML renderer (or the notebook's frame) only
places.

What the page shows, at any size: the organisation core (leaders, brokers,
key players, the highest-ranked persons and up to :data:`CORE_LIMIT` key
members) with their ties, and the other persons of each community as one
disc that opens on click; the :data:`LABELLED` highest-ranked persons are
always labelled.  Positions are computed here (:func:`layout`: ForceAtlas2
with the report's seed, the layout of the static picture), so the page only
draws.  At most :data:`VIEW_LIMIT` persons (the highest-ranked) are
embedded; the others are counted in their community's disc.

Safety: the data is embedded as JSON in ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\u003c`` etc.
(:func:`embed_json`), so no name can end the element; names pass through
:func:`~._text.display` (bidi overrides and control characters made
visible); the script sets every name with ``textContent``.  The page's
Content-Security-Policy allows only this script, by its SHA-256 hash
(:attr:`View.csp_source`); the data block is not a script and runs nothing.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import Optional

import numpy as np
import pandas as pd

from .. import layout as _layout
from .._colors import community_rgba
from ..criminal._leaders import LABELS
from ._analysis import Analysis
from ._text import display

__all__ = ["VIEW_LIMIT", "CORE_LIMIT", "LABELLED", "View", "layout", "build", "view_data", "packed", "view",
           "embed_json", "script_hash", "asset"]

VIEW_LIMIT = 2000   # persons embedded (the highest-ranked); the others are counted in their community's disc
CORE_LIMIT = 150    # key members drawn one by one (leaders, brokers, key players and the top ranks always are)
LABELLED = 10       # the highest-ranked persons, always labelled
SPAN = 1000.0       # positions are scaled into [0, SPAN] x [0, SPAN]

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028",
                 0x2029: "\\u2029"}


#: The community colours of the view (the first 20; grey after), as the static picture's.
PALETTE = ["#%02x%02x%02x" % tuple(int(round(255 * v)) for v in rgb[:3]) for rgb in community_rgba(20)]


def embed_json(value) -> str:
    """``value`` as JSON text that is safe inside an HTML ``<script>``
    element: ``<``, ``>``, ``&``, U+2028 and U+2029 are written as JSON
    escapes (they can only occur inside strings), so ``</script>`` or
    ``<!--`` in a name cannot end or change the element and
    ``JSON.parse`` gives the value back exactly.

    >>> embed_json({"id": "</script>"})
    '{"id":"\\\\u003c/script\\\\u003e"}'
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(_JSON_ESCAPES)


def asset(name: str) -> str:
    """The text of a package data file beside this module (``view.js``,
    ``view.css``, ``templates/report.html``)."""
    ref = resources.files(__package__)
    for part in name.split("/"):
        ref = ref.joinpath(part)
    return ref.read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script:
    ``'sha256-<base64 of the SHA-256 of its UTF-8 text>'``."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class View:
    """The interactive view, ready to place: ``data`` (what :func:`view_data`
    returns), ``script`` (view.js) and ``style`` (view.css)."""
    data: dict
    script: str
    style: str

    @property
    def csp_source(self) -> str:
        """The script-src source of the page's Content-Security-Policy."""
        return script_hash(self.script)

    @property
    def html(self) -> str:
        """The view's HTML: an empty container the script fills (hidden until
        it runs, so without scripts the page shows the static picture), the
        data block and the script."""
        return ('<div id="rl-view" class="rl-view" hidden></div>\n'
                f'<script type="application/json" id="rl-view-data">{embed_json(self.data)}</script>\n'
                f"<script>{self.script}</script>")


def layout(persons, ranking: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Positions (DataFrame ``x``, ``y`` by person) of the persons the view
    embeds: rl.layout.force_atlas2 of the person network ``persons`` (the
    highest-ranked :data:`VIEW_LIMIT` persons of ``ranking`` when it has
    more) with ``seed``, as rl.plot.network draws it."""
    if len(ranking) > VIEW_LIMIT or len(ranking) < persons.number_of_nodes():
        persons = persons.subgraph(nodes=list(ranking.index[:VIEW_LIMIT]))
    return _layout.force_atlas2(persons, seed=seed)


def _scaled(pos: pd.DataFrame, ids) -> tuple:
    """x, y of ``ids`` scaled into [0, SPAN] (aspect kept, centred, y up as
    in the static picture), rounded to 0.1."""
    x = pos["x"].reindex(ids).to_numpy(dtype=np.float64)
    y = pos["y"].reindex(ids).to_numpy(dtype=np.float64)
    if not len(x):
        return x, y
    width = max(np.ptp(x), np.ptp(y))
    scale = SPAN / width if width > 0 else 1.0
    x = (x - (x.min() + x.max()) / 2) * scale + SPAN / 2
    y = SPAN / 2 - (y - (y.min() + y.max()) / 2) * scale
    return np.round(x, 1), np.round(y, 1)


def _core(r: pd.DataFrame, key, top: int) -> np.ndarray:
    """Which of the ranked persons ``r`` are drawn one by one (``key``: ids
    always drawn, e.g. the key players)."""
    role = r["role"].to_numpy(dtype=object)
    core = np.isin(role, ["leader", "broker"]) | (r["rank"].to_numpy() <= max(LABELLED, min(top, CORE_LIMIT)))
    key_members = np.flatnonzero(role == "key member")[:CORE_LIMIT]
    core[key_members] = True
    if len(key):
        core |= r.index.isin(list(key))
    return core


def _edges(persons, ids: pd.Index) -> list:
    """[i, j, weight] of the ties between the embedded persons (indices into
    ``ids``, i < j; parallel links summed)."""
    net = persons if len(ids) == persons.number_of_nodes() else persons.subgraph(nodes=list(ids))
    src, dst, w = _layout.edge_arrays(net, "weight")
    where = ids.get_indexer(net.node_index)
    i, j = where[np.asarray(src, dtype=np.int64)], where[np.asarray(dst, dtype=np.int64)]
    i, j = np.minimum(i, j), np.maximum(i, j)
    keep = i != j
    table = pd.DataFrame({"i": i[keep], "j": j[keep], "w": np.asarray(w, dtype=np.float64)[keep]})
    table = table.groupby(["i", "j"], sort=True)["w"].sum().reset_index()
    return [[int(x), int(y), int(v) if float(v).is_integer() else round(float(v), 3)]
            for x, y, v in table.itertuples(index=False)]


def _name(v, label) -> tuple:
    return display(v, None), display(label, None) if label else ""


def _node(k: int, v, row, label, links, measures, x, y, core) -> dict:
    ident, label = _name(v, label)
    return {"id": ident, "label": label, "rank": int(row["rank"]),
            "role": str(row["role"]), "community": int(row["community"]),
            "community_rank": int(row["community_rank"]), "score": round(float(row["score"]), 4),
            "why": str(row["explanation"]), "links": int(links[k]), "ranks": [int(row[c]) for c in measures],
            "x": float(x[k]), "y": float(y[k]), "core": bool(core[k])}


def build(ranking: pd.DataFrame, persons, pos: pd.DataFrame, top: int, *, label=None, key=(),
          sizes: Optional[pd.Series] = None, links: Optional[int] = None) -> Optional[dict]:
    """The view's data (plain JSON values), None without persons: the one
    builder of the report's view and of rl.plot.interactive.

    ``ranking``: rl.leaders' table (rank order; ``rank``, ``role``,
    ``community``, ``community_rank``, ``score``, ``explanation`` and the
    ``rank_<measure>`` columns); ``persons``: the undirected person network
    (its ``weight`` is the tie strength); ``pos``: positions by id
    (:func:`layout`); ``top``: ranks drawn one by one; ``label``: id ->
    label or None; ``key``: ids always drawn one by one (key players);
    ``sizes``: community -> persons, largest first (default: counted in
    ``ranking``); ``links``: ties of the whole person network (default:
    ``persons``' edge count).

    ``nodes``, in rank order (index = position in the list): ``id``,
    ``label`` (shown safely, :func:`~._text.display`), ``rank``, ``role``,
    ``community``, ``community_rank``, ``score``, ``why`` (the ranking's
    explanation), ``links`` (persons tied to), ``ranks`` (rank by each of
    ``measures``), ``x``, ``y`` and ``core`` (drawn one by one; the others
    start inside their community's disc).  ``edges``: [i, j, weight].
    ``communities`` (those with persons embedded, largest first):
    ``community``, ``size`` (persons), ``shown`` (persons embedded).
    ``persons``, ``links``, ``shown``, ``labelled``, ``measures``.
    """
    r = ranking
    if not len(r):
        return None
    shown = r.iloc[:VIEW_LIMIT]
    ids = pd.Index(shown.index)
    x, y = _scaled(pos, ids)
    edges = _edges(persons, ids)
    degree = np.zeros(len(ids), dtype=np.int64)
    for i, j, _ in edges:
        degree[i] += 1
        degree[j] += 1
    measures = [c for c in r.columns if c.startswith("rank_")]
    core = _core(shown, key, top)
    label = label or (lambda v: None)
    nodes = [_node(k, v, row, label(v), degree, measures, x, y, core) for k, (v, row) in enumerate(shown.iterrows())]
    if sizes is None:
        sizes = r["community"].value_counts(sort=True)
    embedded = shown["community"].value_counts()
    communities = [{"community": int(c), "size": int(size), "shown": int(embedded[c])}
                   for c, size in sizes.items() if c in embedded.index]
    return {"persons": len(r), "links": int(persons.number_of_edges() if links is None else links),
            "shown": len(ids), "labelled": LABELLED, "measures": [LABELS.get(c[5:], c[5:]) for c in measures],
            "nodes": nodes, "edges": edges, "communities": communities, "palette": PALETTE}


def view_data(a: Analysis, pos: pd.DataFrame, top: int) -> Optional[dict]:
    """The view's data of a report's analysis (:func:`build` of its
    ranking, person network, labels, key players and communities)."""
    key = a.key_players.nodes if a.key_players is not None else ()
    return build(a.ranking, a.persons, pos, top, label=a.label, key=key, sizes=a.communities["size"],
                 links=a.summary.links)


def packed(data: Optional[dict]) -> Optional[View]:
    """``data`` (:func:`build`) with view.js and view.css, None without data."""
    return None if data is None else View(data, asset("view.js"), asset("view.css"))


def view(a: Analysis, pos: pd.DataFrame, top: int) -> Optional[View]:
    """The :class:`View` of the analysis (None without persons)."""
    return packed(view_data(a, pos, top))
