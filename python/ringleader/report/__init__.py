"""The investigation report: ``rl.report.write(net, "out/")``, or on the
command line ``ringleader report edges.csv --nodes nodes.csv -o out/``.

One call ranks the leaders, finds the communities and their key members, the
key players, simulates disruption, follows the money and writes

- ``report.html``: one self-contained page (no script, no network access:
  pictures are inline SVG) for reading and printing;
- ``report.md``: the same content as Markdown, without pictures;
- ``report.json``: the results for programs (:data:`SCHEMA`, versioned by
  :data:`SCHEMA_VERSION`), with every parameter, the library version and the
  SHA-256 checksums of the input files, so the result can be reproduced;
- ``leaders.csv`` (every person) and ``communities.csv`` (every community).

Names (ids and labels) are data, never markup: they are escaped in HTML and
Markdown, isolated against right-to-left overrides and shortened for display
(in full in a tooltip and in the CSV and JSON files, which keep them exactly).
With ``pseudonymize=True`` the network is renamed before the analysis
(:func:`pseudonymize_network`), so no id, label or attribute value of the
input reaches any output.  Same network, parameters and seed: the same
``leaders.csv``, ``communities.csv`` and ``report.json`` (there is no
timestamp).

One module a job: ``_analysis`` computes the analysis once (a plain
:class:`~._analysis.Analysis` object); ``_document`` renders it as the
report.json document (``_schema``: its layout; ``_notes``: the method
notes), ``_pictures`` as SVG, ``_csv_files`` as the CSV files;
``_sections`` turns the document into the text (``_text``) that ``_html``
and ``_markdown`` render; ``_pseudonyms`` renames a network first.
"""
from __future__ import annotations

import json
import pathlib
from typing import Mapping, Optional, Union

import numpy as np

from .._kernel import seed_of
from . import _analysis, _csv_files, _document, _html, _markdown, _pictures, _sections
from ._pseudonyms import pseudonymize_network
from ._schema import SCHEMA, SCHEMA_VERSION

__all__ = ["write", "pseudonymize_network", "SCHEMA", "SCHEMA_VERSION", "DEFAULTS"]

#: Default parameters of :func:`write`.
DEFAULTS = dict(person_type="person", top=25, key_players=5, disruption_steps=10, analysis_limit=1000,
                max_communities=50)


def write(net, out_dir, *, seed: Optional[int] = None, pseudonymize: bool = False,
          pseudonym_key: Optional[Union[str, bytes]] = None, sources=None, progress: bool = False, threads: int = 0,
          title: str = "Network report", person_type: Optional[str] = DEFAULTS["person_type"],
          leader_weights: Optional[Mapping[str, float]] = None, top: int = DEFAULTS["top"],
          key_players: int = DEFAULTS["key_players"], disruption_steps: int = DEFAULTS["disruption_steps"],
          analysis_limit: int = DEFAULTS["analysis_limit"],
          max_communities: int = DEFAULTS["max_communities"]) -> dict:
    """Analyse ``net`` and write the report files into ``out_dir`` (created
    if missing).  Returns ``{"html", "md", "json", "leaders", "communities"}``
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
    communities, ``communities.csv`` all of them.

    ``seed``: every random choice (Leiden, samples, key player restarts,
    random removals, the pseudonym order); ``None`` draws one, written in
    the report.  ``sources``: the input files, a path, a list of paths or a
    dict role -> path (e.g. ``{"edges": ..., "nodes": ...}``), whose sizes
    and SHA-256 checksums go into the report.  ``pseudonymize``: rename
    every node first (:func:`pseudonymize_network`; ``pseudonym_key`` as
    its ``key``), drop labels and attributes and withhold the input file
    names, so the report can be shared outside the investigation.
    ``threads``: 0 = all cores; ``progress``: steps on stderr and
    progress bars (as in :mod:`ringleader`).  Defaults: :data:`DEFAULTS`.
    Results are reproducible for a given seed and thread count.
    leaders.csv and communities.csv keep names exactly; spreadsheet
    programs may read a cell starting with = + - @ as a formula, so open
    them as text when the names are not trusted.

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
    seed = seed_of(seed)
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    step = _analysis.Progress(progress, 6)
    inputs = _document.checksums(sources, hide_names=pseudonymize)
    if pseudonymize:
        net = pseudonymize_network(net, key=pseudonym_key, seed=seed)
    settings = _analysis.Settings.of(
        seed, person_type=person_type, threads=threads, top=top, key_players=key_players,
        disruption_steps=disruption_steps, analysis_limit=analysis_limit, max_communities=max_communities,
        leader_weights=leader_weights, pseudonymize=pseudonymize, pseudonym_key=pseudonym_key)
    a = _analysis.analyse(net, settings, step)
    doc = _document.document(a, settings, inputs, str(title))
    step("pictures")
    figs = _pictures.figures(a, seed)
    step("writing files")
    return _write_files(out, a, doc, _sections.sections(doc, figs))


def _write_files(out: pathlib.Path, a, doc: dict, parts: list) -> dict:
    """Write the five files into ``out``; name -> path."""
    paths = {"html": out / "report.html", "md": out / "report.md", "json": out / "report.json",
             "leaders": out / "leaders.csv", "communities": out / "communities.csv"}
    paths["html"].write_text(_html.render_html(doc["title"], parts), encoding="utf-8")
    paths["md"].write_text(_markdown.render_markdown(doc["title"], parts), encoding="utf-8")
    paths["json"].write_text(json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n",
                             encoding="utf-8")
    _csv_files.write_tables(a, paths["leaders"], paths["communities"])
    return paths
