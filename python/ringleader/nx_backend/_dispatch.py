"""Registration and dispatch decisions: the networkx functions the backend
implements (each family module registers its own with :func:`implements`),
networkx's ``can_run`` / ``should_run`` on them, and the reasons to decline
that several families share."""
from __future__ import annotations

import inspect

__all__ = ["implements", "implemented", "can_run", "should_run", "weight_ok", "nonempty", "first_reason",
           "multigraph_declined"]

# name -> (function, check or None)
_REGISTRY = {}
# keywords of networkx's flow functions that reuse their work without changing
# the answer (the residual network is a buffer); the others change the answer
# (``cutoff`` stops at the cutoff) or tune networkx's own algorithm
_HINTS = {"residual"}


def implements(check=None):
    """Registers a backend function; ``check(G, **bound arguments)`` returns
    True or the reason networkx should run the call itself."""
    def deco(f):
        f.__signature_bound__ = inspect.signature(f)
        _REGISTRY[f.__name__] = (f, check)
        return f
    return deco


def implemented() -> dict:
    """name -> function of every registered function."""
    return {name: f for name, (f, _) in _REGISTRY.items()}


def can_run(name, args, kwargs):
    """True, or why networkx runs this call itself (checked before conversion)."""
    if name not in _REGISTRY:
        return f"{name} is not implemented by ringleader"
    f, check = _REGISTRY[name]
    if check is None:
        return True
    try:
        bound = f.__signature_bound__.bind(*args, **kwargs)
    except TypeError as exc:
        return f"networkx handles the arguments ({exc})"
    bound.apply_defaults()
    arguments = dict(bound.arguments)
    kwargs = arguments.pop("kwargs", None) or {}
    extra = set(kwargs) - _HINTS
    if extra:
        return f"ringleader does not take the keyword arguments {sorted(extra)}"
    if kwargs and arguments.get("flow_func", 0) is None:
        return "keyword arguments without a flow_func (networkx raises)"
    G = arguments.pop(next(iter(f.__signature_bound__.parameters)))
    return check(G, **arguments)


def should_run(name, args, kwargs):
    """Always: every accelerated function is faster than networkx's above a
    few dozen nodes, and tiny graphs cost little either way."""
    return True


# ---- reasons shared by the checks ------------------------------------------------
def weight_ok(weight):
    if callable(weight):
        return "weights given as a function"
    return True


def nonempty(G):
    return True if len(G) else "the empty graph (networkx raises or returns its own empty answer)"


def first_reason(*results):
    """True when every check said True, else the first reason to decline."""
    for r in results:
        if r is not True:
            return r
    return True


def multigraph_declined(G):
    if G.is_multigraph():
        return "multigraphs (networkx's loop reads one value per neighbour of a multigraph)"
    return True
