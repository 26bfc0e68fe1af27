"""The memory limit: large allocations are estimated first and refused above it.

By default the limit is the memory available (``MemAvailable`` in
``/proc/meminfo``).  Set it with :func:`set_memory_limit` or the environment
variable ``RINGLEADER_MEMORY_LIMIT`` (bytes, or with a suffix ``K``, ``M``,
``G``, ``T``; ``none`` = no limit), read before the first check.  An estimate
above the limit raises :class:`ringleader.MemoryLimitError` (a ``MemoryError``)
naming the estimate, the limit and what to do.
"""
import os
import warnings
from typing import Optional, Union

from . import _core

__all__ = ["set_memory_limit", "memory_limit"]


def set_memory_limit(limit: Union[int, str, None]) -> None:
    """Sets the memory limit: bytes (int), a size such as ``"512M"`` or ``"2G"``,
    ``None`` for the default (the memory available) or ``"none"`` for no limit.

    Raises ``ValueError`` for a size that is not positive or not readable.
    """
    if limit is None:
        _core.set_memory_limit(None)
        return
    if isinstance(limit, str):
        if limit.strip().lower() == "none":
            _core.disable_memory_limit()
            return
        limit = _core.parse_memory_size(limit.strip())
        if limit is None:       # "None"
            _core.disable_memory_limit()
            return
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ValueError(f"memory limit {limit!r}: pass bytes (int), a size such as '2G', None or 'none'")
    if limit <= 0 or limit >= 2**64:
        raise ValueError(f"memory limit {limit}: pass a positive number of bytes, None (the default) or 'none'")
    _core.set_memory_limit(int(limit))


def memory_limit() -> Optional[int]:
    """The limit in force, in bytes (``None`` = no limit, or the memory available is unknown)."""
    cap = _core.memory_limit()
    return int(cap) if cap else None


_env = os.environ.get("RINGLEADER_MEMORY_LIMIT")
if _env is not None:
    try:
        set_memory_limit(_env)
    except ValueError as e:
        warnings.warn(f"RINGLEADER_MEMORY_LIMIT={_env!r} is ignored: {e}; the limit stays the memory available "
                      "(set a positive size such as '2G', or 'none')", RuntimeWarning, stacklevel=2)
