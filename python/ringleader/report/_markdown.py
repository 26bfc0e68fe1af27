"""report.md: :func:`render_markdown` writes the sections as Markdown,
without pictures.  Names show literally: Markdown and HTML syntax escaped,
right-to-left text isolated, long names shortened."""
from __future__ import annotations

import re
import unicodedata

from ._text import NAME_WIDTH, Bullets, Figure, Name, Num, Paragraph, Text, display

__all__ = ["render_markdown"]

_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPE = set("\\`*_[]|~$!")
_RTL = {"R", "AL", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


def _escape(s: str) -> str:
    """Inline Markdown text that shows ``s`` literally: HTML-significant
    characters as entities, inline syntax backslash-escaped, a leading
    block marker (#, -, +, >, 1.) escaped."""
    s = re.sub(r"\r\n|[\r\n]", " ", s)
    s = "".join(_ENTITY.get(c) or ("\\" + c if c in _ESCAPE else c) for c in s)
    return re.sub(r"^(\s*)([#+\-=]|\d+(?=[.)]))", r"\1\\\2", s)


def _text(x) -> str:
    if isinstance(x, list):
        return "".join(_text(y) for y in x)
    if isinstance(x, Name):
        shown = _escape(display(x, NAME_WIDTH))
        # first-strong isolate: right-to-left text stays inside the name
        return f"\u2068{shown}\u2069" if any(unicodedata.bidirectional(c) in _RTL for c in shown) else shown
    return _escape(x) if isinstance(x, Text) else str(x)


def _block(b) -> list:
    if isinstance(b, Paragraph):
        return [_text(b.text), ""]
    if isinstance(b, Bullets):
        return [f"- {_text(x)}" for x in b.items] + [""]
    if isinstance(b, Figure):
        return [f"*Picture in report.html: {b.caption}*", ""]
    t = b.shown()
    return (["| " + " | ".join(t.head) + " |",
             "|" + "|".join("---:" if t.rows and isinstance(t.rows[0][i], Num) else "---"
                            for i in range(len(t.head))) + "|"]
            + ["| " + " | ".join(_text(c) for c in row) + " |" for row in t.rows] + [""])


def render_markdown(title: str, sections: list) -> str:
    """The Markdown of ``sections`` (:class:`~._text.Section`) under ``title``.

    >>> render_markdown("Case *7*", [])
    '# Case \\\\*7\\\\*\\n'
    """
    lines = [f"# {_text(Name(title))}", ""]
    for s in sections:
        lines += [f"## {s.title}", ""]
        for b in s.blocks:
            lines += _block(b)
    return "\n".join(lines)
