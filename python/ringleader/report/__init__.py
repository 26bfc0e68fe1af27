"""The investigation report: ``rl.report.write(net, "out/")``, or on the
command line ``ringleader report edges.csv --nodes nodes.csv -o out/``.

One call ranks the leaders, finds the communities and their key members, the
key players, simulates disruption, follows the money and writes

- ``report.html``: one self-contained page (no network access: pictures are
  inline SVG; no script but the interactive view's) for reading and
  printing;
- ``report.md``: the same content as Markdown, without pictures;
- ``report.json``: the results for programs (:data:`SCHEMA`, versioned by
  :data:`SCHEMA_VERSION`), with every parameter, the library version and the
  SHA-256 checksums of the input files, so the result can be reproduced;
- ``leaders.csv`` (every person) and ``communities.csv`` (every community).

Names (ids and labels) are data, never markup: they are escaped in HTML and
Markdown, isolated against right-to-left overrides and shortened for display
(in full in a tooltip and in the CSV and JSON files, which keep them exactly,
but for a leading ``'`` the CSV files add to a name a spreadsheet would read
as a formula: ``formula_safe``).
With ``pseudonymize=True`` the network is renamed before the analysis
(:func:`pseudonymize_network`), so no id, label or attribute value of the
input reaches any output; the pseudonyms come from a secret drawn for the run
and never written (different in every run), or from ``pseudonym_key`` (the
same in every run with that key), never from the seed, and no row order
depends on the order of the input rows.  Pseudonyms hide names, not the
network's shape: whoever holds the original edges can recognise people by
their position.  Same network, parameters and seed: the same
``leaders.csv``, ``communities.csv`` and ``report.json`` (there is no
timestamp; pseudonymized, only with a ``pseudonym_key``).

The interactive network view (report.html's network section): search by
name, id or rank, a card with each person's rank, role, community, score,
explanation and evidence on hover, focus or tap, zoom and pan, filters by
community and role, the organisation core drawn one by one and the other
persons of each community as one disc that opens on click, the ten
highest-ranked persons always labelled.  It is offline and self-contained:
the data is embedded as escaped JSON, the script (``view.js``, package
data) is allowed by the page's Content-Security-Policy through its SHA-256
hash, and positions are computed in Python.  With scripts off the static
picture shows instead; printing shows the static picture.

Templates: ``write(..., template="agency.html")`` (command line:
``--template``) writes report.html through a Jinja2 template of your own,
for a header, a classification marking or another language (``pip install
'ringleader[report]'``; without a template, no Jinja2 is needed and the page
is the built-in one).  Start from a copy of :data:`DEFAULT_TEMPLATE`, which
renders exactly the built-in page.  Autoescaping is on and the environment
is sandboxed; an undefined variable is an error.  The variables:

- ``title``: the report title (text);
- ``head``: the ``<head>`` content: charset, the Content-Security-Policy
  (keep it: it is what lets the view's script run, and nothing else),
  viewport, ``<title>``, the style; or build your own from ``csp`` (the
  policy, text) and ``style`` (the CSS);
- ``heading`` (the ``<h1>``) and ``nav`` (links to the sections), HTML;
- ``sections``: in order, each with ``anchor`` (its HTML id: summary,
  network, leaders, communities, key-players, disruption, money, resolution, data,
  method, reproduce), ``title`` and ``html`` (its paragraphs, tables and
  pictures, ready to place); sections without content are left out;
- ``view``: the interactive network view, HTML (empty without persons); the
  default template places it first in the network section;
- ``leaders``: the ranking rows shown (report.json's ``leaders``: ``rank``,
  ``id``, ``label``, ``role``, ``community``, ``community_rank``,
  ``score``, ``explanation``, ``ranks``);
- ``doc``: the whole report.json document (``data``, ``communities``,
  ``key_players``, ``disruption``, ``money``, ``resolution``, ``notes``, ``parameters``,
  ``inputs``, ...); ``ringleader_version``.

The filter ``|name`` shows a name as the report does (escaped, right-to-left
text isolated, shortened, whole in a tooltip): ``{{ row.id|name }}``.  For
example, a marking above and below the page::

    {% set marking %}<p class="marking">RESTRICTED - case 2024/17</p>{% endset %}
    <!DOCTYPE html><html lang="fr"><head>{{ head }}</head><body><main>
    {{ marking }}{{ heading }}{{ nav }}
    {% for s in sections %}<section id="{{ s.anchor }}"><h2>{{ s.title }}</h2>
    {% if s.anchor == "network" %}{{ view }}{% endif %}{{ s.html }}</section>{% endfor %}
    {{ marking }}</main></body></html>

One module a job: ``_analysis`` computes the analysis once (a plain
:class:`~._analysis.Analysis` object); ``_document`` renders it as the
report.json document (``_schema``: its layout; ``_notes``: the method
notes), ``_pictures`` as SVG, ``_view`` as the interactive view's data
(``view.js`` and ``view.css`` draw it), ``_csv_files`` as the CSV files;
``_sections`` turns the document into the text (``_text``) that ``_html``
and ``_markdown`` render, ``_templates`` through a Jinja2 template;
``_pseudonyms`` renames a network first.
"""
from __future__ import annotations

import json
import pathlib
from typing import Mapping, Optional, Union

import numpy as np

from .._files import write_text
from .._kernel import seed_of
from . import _analysis, _csv_files, _document, _html, _markdown, _pictures, _resolution, _sections, _templates, _view
from ._pseudonyms import pseudonymize_network
from ._schema import SCHEMA, SCHEMA_VERSION

__all__ = ["write", "pseudonymize_network", "SCHEMA", "SCHEMA_VERSION", "DEFAULTS", "DEFAULT_TEMPLATE"]

#: The default report.html as a Jinja2 template, to copy for ``template=``.
DEFAULT_TEMPLATE = _templates.DEFAULT_TEMPLATE

#: Default parameters of :func:`write`.
DEFAULTS = dict(person_type="person", top=25, key_players=5, disruption_steps=10, analysis_limit=1000,
                max_communities=50)


def write(net, out_dir, *, seed: Optional[int] = None, pseudonymize: bool = False,
          pseudonym_key: Optional[Union[str, bytes]] = None, sources=None, progress: bool = False, threads: int = 0,
          title: str = "Network report", person_type: Optional[str] = DEFAULTS["person_type"],
          leader_weights: Optional[Mapping[str, float]] = None, top: int = DEFAULTS["top"],
          key_players: int = DEFAULTS["key_players"], disruption_steps: int = DEFAULTS["disruption_steps"],
          analysis_limit: int = DEFAULTS["analysis_limit"],
          max_communities: int = DEFAULTS["max_communities"], template=None, formula_safe: bool = True,
          resolution=None) -> dict:
    """Analyse ``net`` and write the report files into ``out_dir`` (created
    if missing).  Returns ``{"html", "md", "json", "leaders", "communities"}``
    (and ``"merges"`` with ``resolution``)
    -> path written.

    The analysis: the leader ranking (:func:`ringleader.leaders`, roles,
    explanations, Leiden communities of the person network), the ``top``
    leaders, the three key members of each community, ``key_players``
    persons (Borgatti's fragmentation), disruption curves over
    ``disruption_steps`` removals (leader ranking, degree, betweenness,
    random), the money flow when there are transfers with amounts (traced
    from the accounts that send but never receive, holders, main paths, a
    freeze plan against the leaders' accounts), a data summary by node and
    edge type and method notes giving every parameter.  Key players and
    disruption run on at most ``analysis_limit`` persons: above, on the
    induced network of the highest-ranked ones (the notes say so); the
    network picture shows the communities and their cores above 2000
    persons.  ``report.json`` lists at most ``max_communities``
    communities, ``communities.csv`` all of them.  report.html's interactive
    view embeds at most 2000 persons (the highest-ranked).

    ``seed``: every random choice (Leiden, samples, key player restarts,
    random removals; not the pseudonyms); ``None`` draws one, written in
    the report.  ``sources``: the input files, a path, a list of paths or a
    dict role -> path (e.g. ``{"edges": ..., "nodes": ...}``), whose sizes
    and SHA-256 checksums go into the report.  ``pseudonymize``: rename
    every node first (:func:`pseudonymize_network`; ``pseudonym_key`` as
    its ``key``), drop labels and attributes and withhold the input file
    names, so the report can be shared outside the investigation.  Without
    ``pseudonym_key`` the pseudonyms come from a secret drawn for this run
    and never written: they cannot be mapped back to the ids (not even with
    the seed and the input files) nor reproduced; with it (a secret string
    or bytes, kept out of the report) the same id gets the same pseudonym
    in every run.  Either way the rows do not depend on the input's row
    order.  Pseudonyms do not hide the structure: whoever holds the
    original edges can re-identify people by their links.
    ``template``: a Jinja2 template file for report.html (see the module
    help for its variables; ImportError without Jinja2, ValueError when it
    is not valid, both before the analysis).
    ``threads``: 0 = all cores; ``progress``: steps on stderr and
    progress bars (as in :mod:`ringleader`).  Defaults: :data:`DEFAULTS`.
    Results are reproducible for a given seed and thread count.
    ``formula_safe`` (default True): in leaders.csv and communities.csv,
    a text cell (id, label, role, ...) starting with = + - @, tab or CR
    gets a leading ``'``, so a spreadsheet program shows a name such as
    ``=cmd|' /C calc'!A0`` instead of running it (OWASP's rule against CSV
    injection); numbers are never changed.  False keeps every name exactly
    (for programs; report.json always does).
    ``resolution``: the mapping of :func:`ringleader.resolve.merge` that
    made ``net`` (the resolved network): the report lists the merges it
    used with their evidence (section "Identity resolution", report.json's
    ``resolution``: every accepted pair with its evidence, score and
    status, and every person with its identifiers), marks the leaders that
    are inferred persons (report.json's leaders and leaders.csv gain
    ``inferred`` and ``identifiers``) and writes ``merges.csv`` (returned
    as ``"merges"``), the accepted pairs: delete the rows of wrong merges and
    merge again with it (``rl.resolve.merge(net, pairs)``, ``ringleader
    report --resolve --resolve-pairs merges.csv``) to undo them.
    Pseudonymized, only the counts (the merges name identifiers).

    Cost on top of :func:`ringleader.leaders`: key players and disruption
    O(limit x links of the limited network) each; the bundled sample
    (110 persons) takes about a second.

    >>> rl.report.write(net, "out", seed=1, sources={"edges": "edges.csv"})   # doctest: +SKIP
    """
    from ..network import Network

    if not isinstance(net, Network):
        raise ValueError(f"net must be a ringleader Network, not {type(net).__name__}")
    for name, value in (("top", top), ("key_players", key_players), ("disruption_steps", disruption_steps),
                        ("analysis_limit", analysis_limit), ("max_communities", max_communities)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"{name} must be a non-negative integer, not {value!r}")
    if template is not None:
        template = _templates.check_template(template)   # before the analysis: no Jinja2, no such file
    seed = seed_of(seed)
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    step = _analysis.Progress(progress, 6)
    inputs = _document.checksums(sources, hide_names=pseudonymize)
    resolved = _resolution.document(resolution, hide_names=pseudonymize)  # before the analysis: checks it
    if pseudonymize:
        net = pseudonymize_network(net, key=pseudonym_key)
    settings = _analysis.Settings.of(
        seed, person_type=person_type, threads=threads, top=top, key_players=key_players,
        disruption_steps=disruption_steps, analysis_limit=analysis_limit, max_communities=max_communities,
        leader_weights=leader_weights, pseudonymize=pseudonymize, pseudonym_key=pseudonym_key)
    a = _analysis.analyse(net, settings, step)
    a.resolution = None if pseudonymize else resolution   # pseudonymized: the merges name identifiers
    doc = _document.document(a, settings, inputs, str(title))
    doc["resolution"] = resolved
    step("pictures")
    pos = _view.layout(a.persons, a.ranking, seed) if len(a.ranking) else None
    figs = _pictures.figures(a, seed, pos)
    view = _view.view(a, pos, top) if pos is not None else None
    step("writing files")
    parts = _sections.sections(doc, figs)
    page = (_templates.render_template(template, doc["title"], parts, view, doc) if template is not None
            else _html.render_html(doc["title"], parts, view))
    return _write_files(out, a, doc, parts, page, formula_safe)


def _write_files(out: pathlib.Path, a, doc: dict, parts: list, page: str, formula_safe: bool) -> dict:
    """Write the five files (six on a resolved network: merges.csv) into
    ``out``; name -> path.  Each is written to
    a new temporary file created exclusively in ``out`` and renamed over its
    name (:func:`ringleader._files.safe_open`): a symbolic link planted at
    ``out/report.html`` is replaced, never followed."""
    paths = {"html": out / "report.html", "md": out / "report.md", "json": out / "report.json",
             "leaders": out / "leaders.csv", "communities": out / "communities.csv"}
    if a.resolution is not None:
        paths["merges"] = out / "merges.csv"
    write_text(paths["html"], page)
    write_text(paths["md"], _markdown.render_markdown(doc["title"], parts))
    write_text(paths["json"], json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    _csv_files.write_tables(a, paths["leaders"], paths["communities"], safe=bool(formula_safe),
                            merges_path=paths.get("merges"))
    return paths
