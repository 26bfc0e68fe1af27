"""Label placement for network pictures: :func:`place_labels` puts each
label beside its node where it overlaps no label placed before and no
labelled node (greedy, in priority order, moving out ring by ring, with a
leader line when it had to move), :func:`text_sizes` measures the labels
as matplotlib will draw them.  The report's interactive view (report/view.js)
places its labels by the same rule."""
from __future__ import annotations

import numpy as np

__all__ = ["place_labels", "text_sizes", "DIRECTIONS"]

#: Where a label may go around its node, in order: right, left, above, below, then the corners.
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1))


def _box(p, r, size, direction, gap):
    """(x0, y0, x1, y1) of a label of ``size`` in ``direction`` at ``gap``
    from a node at ``p`` (y up), and its (dx, dy, ha, va)."""
    (sx, sy), (w, h) = direction, size
    gap = gap * (0.7 if sx and sy else 1.0)
    dx, dy = sx * gap, sy * gap
    x0 = p[0] + dx if sx > 0 else p[0] + dx - w if sx < 0 else p[0] - w / 2
    y0 = p[1] + dy if sy > 0 else p[1] + dy - h if sy < 0 else p[1] - h / 2
    ha = "left" if sx > 0 else "right" if sx < 0 else "center"
    va = "bottom" if sy > 0 else "top" if sy < 0 else "center"
    return (x0, y0, x0 + w, y0 + h), (dx, dy, ha, va)


def _free(box, taken, own: int) -> bool:
    x0, y0, x1, y1 = box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1
    for k, (a0, b0, a1, b1) in taken:
        if k != own and x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
            return False
    return True


def place_labels(xy, radius, sizes, step: float = 8.0, rings: int = 200) -> list:
    """Where to write each label, in priority order: ``xy`` node positions,
    ``radius`` marker radii and ``sizes`` label (width, height), all in the
    same unit (points), y up.  Returns one ``(dx, dy, ha, va, ring)`` per
    label: the offset of the label's anchor from its node with matplotlib's
    alignment, ``ring`` 0 beside the node (more: moved out, draw a leader
    line).  No two label boxes overlap, nor does a label cover a labelled
    node.

    >>> place_labels([(0, 0), (1, 0)], [2, 2], [(30, 10), (30, 10)])[0][:4]
    (4.0, 0.0, 'left', 'center')
    """
    xy, radius, sizes = np.asarray(xy, float).reshape(-1, 2), np.asarray(radius, float), np.asarray(sizes, float)
    taken = [(k, (x - r, y - r, x + r, y + r)) for k, ((x, y), r) in enumerate(zip(xy, radius))]
    out = []
    for k in range(len(xy)):
        found = None
        for ring in range(rings):
            for d in DIRECTIONS:
                box, how = _box(xy[k], radius[k], sizes[k], d, radius[k] + 2 + ring * step)
                if _free(box, taken, k):
                    found = (*how, ring)
                    break
            if found:
                break
        if found is None:   # nowhere free within reach: beside the node, overlapping
            box, how = _box(xy[k], radius[k], sizes[k], DIRECTIONS[0], radius[k] + 2)
            found = (*how, rings)
        taken.append((-1, box))
        out.append((float(found[0]), float(found[1]), found[2], found[3], found[4]))
    return out


def text_sizes(texts, fontsize: float, bold, pad: float) -> np.ndarray:
    """(width, height) in points of each text as matplotlib draws it (font
    size ``fontsize``, bold where ``bold``, one line per line break), plus
    ``pad`` points around."""
    import warnings

    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(10, 10, 72)   # 72 dots per inch: pixels are points
    out = np.zeros((len(texts), 2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # missing glyphs: matplotlib says so when it draws them
        for i, (text, b) in enumerate(zip(texts, bold)):
            font = FontProperties(size=fontsize, weight="bold" if b else "normal")
            lines = str(text).split("\n")
            w = max(renderer.get_text_width_height_descent(line, font, ismath=False)[0] for line in lines)
            out[i] = (w + 2 * pad, fontsize * 1.2 * len(lines) + 2 * pad)
    return out
