"""report.html: :func:`render_html` writes the sections as one
self-contained page (no network access, pictures inline SVG, no script but
the interactive view's) for reading and printing; :func:`page` gives its
pieces to report templates (``_templates``).  Names are escaped, isolated
in ``<bdi>`` and shortened, in full in a tooltip."""
from __future__ import annotations

import html
from dataclasses import dataclass

from ._text import NAME_WIDTH, Bullets, Figure, Name, Num, Paragraph, Table, display

__all__ = ["render_html", "page", "csp", "name_html", "PageSection", "standalone_html"]

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2329;margin:0;
background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{font-size:24px;margin:8px 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #dde1e6;
padding-bottom:4px}
nav{font-size:13px;margin-bottom:12px}nav a{margin-right:12px;color:#2457a6;text-decoration:none}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
th,td{border-bottom:1px solid #e3e6ea;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f2f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td{max-width:520px}bdi{overflow-wrap:anywhere}
figure{margin:8px 0 16px}figure svg{max-width:100%;height:auto}figcaption{font-size:12px;color:#5a6370}
.note{color:#5a6370;font-style:italic}
bdi[title]{text-decoration:underline dotted}
@media print{body{background:#fff}main{padding:0}nav{display:none}}
"""


def _bdi(s: str) -> str:
    """A name in HTML: isolated (right-to-left text stays inside), shortened
    with the whole name in the tooltip."""
    whole, short = display(s, None), display(s, NAME_WIDTH)
    title = f' title="{html.escape(whole)}"' if short != whole else ""
    return f"<bdi{title}>{html.escape(short)}</bdi>"


def _text(x) -> str:
    if isinstance(x, list):
        return "".join(_text(y) for y in x)
    return _bdi(x) if isinstance(x, Name) else html.escape(str(x))


def _table(t: Table) -> str:
    t = t.shown()
    cells = ["<tr>" + "".join(('<td class="num">' if isinstance(c, Num) else "<td>") + _text(c) + "</td>"
                              for c in row) + "</tr>" for row in t.rows]
    return ("<table><thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in t.head)
            + "</tr></thead><tbody>" + "".join(cells) + "</tbody></table>")


def _block(b) -> str:
    if isinstance(b, Paragraph):
        return f"<p>{_text(b.text)}</p>"
    if isinstance(b, Bullets):
        return "<ul>" + "".join(f"<li>{_text(x)}</li>" for x in b.items) + "</ul>"
    if isinstance(b, Figure):
        caption = html.escape(b.caption)
        ident = f' id="figure-{b.name}"' if b.name else ""
        return (f"<figure{ident}>{b.svg}<figcaption>{caption}</figcaption></figure>" if b.svg else
                f'<p class="note">No picture ({caption}): drawing needs matplotlib (pip install matplotlib).</p>')
    return _table(b)


def csp(view=None) -> str:
    """The page's Content-Security-Policy: nothing from outside, inline
    styles, data: images, and no script but the view's (by its hash)."""
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return policy + (f"; script-src {view.csp_source}" if view is not None else "")


@dataclass(frozen=True)
class PageSection:
    """A section of the page: ``anchor`` (its id), ``title`` and ``html``
    (its paragraphs, tables and pictures, one per line)."""
    anchor: str
    title: str
    html: str


def page(title: str, sections: list, view=None) -> dict:
    """The pieces of report.html, as :func:`render_html` joins them and
    report templates get them (escaped HTML): ``head`` (charset,
    Content-Security-Policy, viewport, ``<title>``, style), ``csp``,
    ``style``, ``heading`` (the ``<h1>``), ``nav``, ``sections``
    (:class:`PageSection`) and ``view`` (the interactive view's HTML, ""
    without one: it goes first in the network section)."""
    style = _CSS + (view.style if view is not None else "")
    policy = csp(view)
    head = "\n".join(['<meta charset="utf-8">',
                      # no network: everything the page shows is in it; no script but the view's
                      f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      f"<title>{html.escape(display(title, 120))}</title>", f"<style>{style}</style>"])
    return {"head": head, "csp": policy, "style": style, "heading": f"<h1>{_bdi(title)}</h1>",
            "nav": "<nav>" + "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections) + "</nav>",
            "sections": [PageSection(s.anchor, s.title, "\n".join(_block(b) for b in s.blocks)) for s in sections],
            "view": view.html if view is not None else ""}


def name_html(s) -> str:
    """A name as the page shows it: escaped, isolated, shortened, whole in
    the tooltip (the ``name`` filter of report templates)."""
    return _bdi(str(s))


def render_html(title: str, sections: list, view=None) -> str:
    """The page of ``sections`` (:class:`~._text.Section`) under ``title``,
    with the interactive ``view`` (:class:`~._view.View`, optional) at the
    top of the network section.

    >>> render_html("Case <7>", [Section("s", "Summary", [Paragraph("Hello")])])[-40:]   # doctest: +SKIP
    """
    p = page(title, sections, view)
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", p["head"], "</head>", "<body><main>", p["heading"],
             p["nav"]]
    for s in p["sections"]:
        parts.append(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>')
        if s.anchor == "network" and p["view"]:
            parts.append(p["view"])
        if s.html:
            parts.append(s.html)
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def standalone_html(title: str, view, intro: str = "", fallback: str = "", height: int = 640) -> str:
    """A page holding only the interactive ``view`` (:class:`~._view.View`)
    under ``title``, with the report's Content-Security-Policy (no network,
    no script but the view's): what rl.plot.interactive shows in a notebook
    frame and saves.  ``intro``: a line of text above the view;
    ``fallback``: HTML shown instead of the view when scripts are off (the
    script hides it); ``height``: the drawing's height in pixels."""
    style = _CSS.replace("max-width:1180px", "max-width:none").replace("padding:24px 32px 64px", "padding:8px 12px") \
        + view.style + f".rl-stage{{height:{int(height)}px}}"
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp(view)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(display(title, 120))}</title>", f"<style>{style}</style>", "</head>",
        "<body><main>", f'<h1 style="font-size:16px;margin:0 0 4px">{_bdi(title)}</h1>',
        f'<p class="note">{html.escape(intro)}</p>' if intro else "",
        f'<div id="figure-network">{fallback}</div>' if fallback else "",
        view.html, "</main></body></html>", ""])
