"""Report templates: :func:`render_template` writes report.html through a
Jinja2 template that an agency supplies (its header, classification
marking, language), with autoescaping on; :func:`check_template` fails
early, before the analysis, when Jinja2 or the file is missing.

Jinja2 is optional (``pip install 'ringleader[report]'``): the default
page does not need it.  ``templates/report.html`` (package data; its path is
:data:`DEFAULT_TEMPLATE`) is the default page as a template, a starting
point to copy: rendered, it gives the same page as the built-in renderer.
The variables are listed in :mod:`ringleader.report`.
"""
from __future__ import annotations

import os
import pathlib
from importlib import resources

from . import _html

__all__ = ["render_template", "check_template", "context", "DEFAULT_TEMPLATE", "INSTALL_HINT"]

INSTALL_HINT = "pip install 'ringleader[report]'"
DEFAULT_TEMPLATE = str(resources.files(__package__).joinpath("templates").joinpath("report.html"))


def _jinja2():
    try:
        import jinja2
        import jinja2.sandbox
    except ImportError as exc:
        raise ImportError(f"report templates need Jinja2: {INSTALL_HINT} (or pip install Jinja2)") from exc
    return jinja2


def _environment(path: pathlib.Path):
    """A sandboxed Jinja2 environment for the templates beside ``path``:
    autoescaping on for every file name, undefined variables an error, the
    ``name`` filter."""
    jinja2 = _jinja2()
    from markupsafe import Markup

    env = jinja2.sandbox.SandboxedEnvironment(loader=jinja2.FileSystemLoader(str(path.parent)), autoescape=True,
                                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["name"] = lambda s: Markup(_html.name_html(s))
    return env


def _load(path: pathlib.Path):
    """The compiled template; ValueError naming the file and line when it is
    not valid Jinja2."""
    jinja2 = _jinja2()
    try:
        return _environment(path).get_template(path.name)
    except jinja2.TemplateSyntaxError as exc:
        raise ValueError(f"report template {str(path)!r}, line {exc.lineno}: {exc.message}") from exc


def check_template(template) -> pathlib.Path:
    """The template's path, once it compiles: ImportError without Jinja2,
    FileNotFoundError when there is no such file, ValueError when it is not
    valid Jinja2 (so a report fails before its analysis, not after)."""
    _jinja2()
    path = pathlib.Path(os.fspath(template))
    if not path.is_file():
        raise FileNotFoundError(f"report template {str(path)!r} is not a file")
    _load(path)
    return path


def context(title: str, sections: list, view, doc: dict) -> dict:
    """The variables a template gets (see :mod:`ringleader.report`); HTML
    pieces are marked safe, everything else is escaped where it is written."""
    from markupsafe import Markup

    p = _html.page(title, sections, view)
    sections = [{"anchor": s.anchor, "title": s.title, "html": Markup(s.html)} for s in p["sections"]]
    return {"title": title, "head": Markup(p["head"]), "csp": p["csp"], "style": Markup(p["style"]),
            "heading": Markup(p["heading"]), "nav": Markup(p["nav"]), "sections": sections,
            "view": Markup(p["view"]), "leaders": doc["leaders"], "doc": doc,
            "ringleader_version": doc["ringleader_version"]}


def render_template(template, title: str, sections: list, view, doc: dict) -> str:
    """report.html through the Jinja2 ``template`` (a path; templates beside
    it can be extended or included): sandboxed, autoescaping on for every
    file name, an undefined variable a ValueError, the ``name`` filter (a
    name shown as the report shows names: escaped, isolated, shortened,
    whole in a tooltip).

    >>> render_template("agency.html", "Case 7", sections, view, doc)[:15]   # doctest: +SKIP
    '<!DOCTYPE html>'
    """
    jinja2 = _jinja2()
    path = pathlib.Path(os.fspath(template))
    try:
        return _load(path).render(context(title, sections, view, doc))
    except jinja2.UndefinedError as exc:
        raise ValueError(f"report template {str(path)!r}: {exc.message} (the variables are listed in "
                         "help(ringleader.report))") from exc
