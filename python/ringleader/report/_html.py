"""report.html: :func:`render_html` writes the sections as one
self-contained page (no script, no network access, pictures inline SVG)
for reading and printing.  Names are escaped, isolated in ``<bdi>`` and
shortened, in full in a tooltip."""
from __future__ import annotations

import html

from ._text import NAME_WIDTH, Bullets, Figure, Name, Num, Paragraph, Table, display

__all__ = ["render_html"]

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
        return (f"<figure>{b.svg}<figcaption>{caption}</figcaption></figure>" if b.svg else
                f'<p class="note">No picture ({caption}): drawing needs matplotlib (pip install matplotlib).</p>')
    return _table(b)


def render_html(title: str, sections: list) -> str:
    """The page of ``sections`` (:class:`~._text.Section`) under ``title``.

    >>> render_html("Case <7>", [Section("s", "Summary", [Paragraph("Hello")])])[-40:]   # doctest: +SKIP
    """
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             # no script, no network: everything the page shows is in it
             '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
             'style-src \'unsafe-inline\'; img-src data:">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{html.escape(display(title, 120))}</title>", f"<style>{_CSS}</style>", "</head>",
             "<body><main>", f"<h1>{_bdi(title)}</h1>",
             "<nav>" + "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections) + "</nav>"]
    for s in sections:
        parts.append(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>')
        parts += [_block(b) for b in s.blocks]
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)
