"""Helpers shared by the stand-alone benchmarks (money.py, temporal.py)."""
import resource
from pathlib import Path


def rss_mb():
    """Peak resident set size of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write(out, name, text):
    """Write ``text`` to OUT/name (creating OUT) and print it."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_text(text)
    print(text)
