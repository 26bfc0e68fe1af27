"""Community colours shared by the pictures (rl.plot), the report's view and
the Gephi export: matplotlib's ``tab20`` (dark shades first, so the 10
largest communities get the most distinct colours), grey from the 21st."""
from __future__ import annotations

import numpy as np

__all__ = ["community_rgba", "GREY"]

# matplotlib's tab20 in its own order (pairs of dark and light shades).
_TAB20 = ("1f77b4", "aec7e8", "ff7f0e", "ffbb78", "2ca02c", "98df8a", "d62728", "ff9896", "9467bd", "c5b0d5",
          "8c564b", "c49c94", "e377c2", "f7b6d2", "7f7f7f", "c7c7c7", "bcbd22", "dbdb8d", "17becf", "9edae5")
_ORDER = list(range(0, 20, 2)) + list(range(1, 20, 2))
GREY = (0.72, 0.72, 0.72, 1.0)


def community_rgba(k: int) -> np.ndarray:
    """RGBA in [0, 1] of communities 0..k-1 (0 = largest), shape (k, 4)."""
    tab = [tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)) for h in _TAB20]
    colours = [(*tab[i], 1.0) for i in _ORDER]
    return np.array([colours[c] if c < 20 else GREY for c in range(k)], dtype=np.float64).reshape(k, 4)
