"""The report's text as data, before HTML or Markdown: names shown safely
(:func:`display`), the kinds of text the renderers treat differently
(:class:`Name`, :class:`Text`, :class:`Num`) and the blocks of a
:class:`Section` (:class:`Paragraph`, :class:`Table`, :class:`Figure`,
:class:`Bullets`).

A text is a str (prose written by the report), a Name, Text or Num, or a
list of them; the HTML and Markdown renderers escape each kind in their own
way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import numpy as np

__all__ = ["display", "Name", "Text", "Num", "number", "names", "NAME_WIDTH", "Section", "Paragraph", "Table",
           "Figure", "Bullets"]

NAME_WIDTH = 60   # characters of a name shown in tables
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def display(s, width: Optional[int]) -> str:
    """A name for display: control and bidi override characters shown as
    <U+XXXX>, line breaks as spaces, cut to ``width`` characters (None: no
    limit) with an ellipsis.

    >>> display("multi\\nline\\u202e", None)
    'multi line<U+202E>'
    >>> display("abcdef", 4)
    'abc\u2026'
    """
    s = _CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", re.sub(r"\r\n|[\r\n]", " ", str(s)))
    return s if width is None or len(s) <= width else s[:width - 1] + "\u2026"


class Name(str):
    """A name from the data (id, label, type, file): escaped, isolated against
    right-to-left text and shortened for display."""


class Text(str):
    """Other text from the data (explanations, notes): escaped."""


class Num(str):
    """A number, right-aligned in tables."""


def number(x, digits: int = 3) -> Num:
    """``x`` with thousands separators (``digits`` decimals unless an
    integer); empty for None.

    >>> number(1234), number(0.5), number(None)
    ('1,234', '0.500', '')
    """
    if x is None:
        return Num("")
    if isinstance(x, (int, np.integer)):
        return Num(f"{x:,}")
    return Num(f"{x:,.{digits}f}")


def names(items, sep="; ") -> list:
    """The items as Names separated by ``sep`` (text for a paragraph or cell)."""
    out = []
    for i, x in enumerate(items):
        out += ([sep] if i else []) + [Name(x)]
    return out


@dataclass
class Paragraph:
    text: object


@dataclass
class Bullets:
    items: list


@dataclass
class Figure:
    svg: Optional[str]   # None: not drawn (no matplotlib)
    caption: str
    name: str = ""       # HTML id "figure-<name>" ("network": the picture the interactive view replaces on screen)


@dataclass
class Table:
    head: list    # column titles (prose)
    rows: list    # lists of texts; a column of Nums is right-aligned

    def shown(self) -> "Table":
        """The table without its "Label" column when no row has a label."""
        head, rows = self.head, self.rows
        if "Label" not in head:
            return self
        j = head.index("Label")
        if any(row[j] for row in rows):
            return self
        return Table(head[:j] + head[j + 1:], [row[:j] + row[j + 1:] for row in rows])


@dataclass
class Section:
    anchor: str     # HTML id
    title: str
    blocks: list    # Paragraph, Table, Figure, Bullets
