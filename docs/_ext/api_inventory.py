"""What the Python API reference documents: the public modules, each
module's public names, and where each object is described in full.

Used by the Sphinx extension (``ringleader_docs.py``) at build time and by
``tests/python/test_docs.py``, so a function added to an ``__all__`` (or a
module added to the package) appears in the reference, or fails the test.
No Sphinx import here: the test runs without Sphinx.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

# The reference pages, in order: (module, page title).  Each page is
# docs/reference/<last part of the module name>.rst ("ringleader" for the top).
PAGES = [
    ("ringleader", "ringleader: the network, readers, errors"),
    ("ringleader.io", "ringleader.io: reading files, identifiers"),
    ("ringleader.centrality", "ringleader.centrality"),
    ("ringleader.community", "ringleader.community"),
    ("ringleader.criminal", "ringleader.criminal: leaders, key players, brokers"),
    ("ringleader.stats", "ringleader.stats"),
    ("ringleader.paths", "ringleader.paths"),
    ("ringleader.temporal", "ringleader.temporal"),
    ("ringleader.money", "ringleader.money"),
    ("ringleader.resolve", "ringleader.resolve"),
    ("ringleader.generate", "ringleader.generate: synthetic networks with ground truth"),
    ("ringleader.evaluate", "ringleader.evaluate"),
    ("ringleader.transform", "ringleader.transform"),
    ("ringleader.layout", "ringleader.layout"),
    ("ringleader.plot", "ringleader.plot"),
    ("ringleader.report", "ringleader.report"),
    ("ringleader.distributed", "ringleader.distributed"),
    ("ringleader.nx_backend", "ringleader.nx_backend: the networkx backend"),
]

# Public (no leading underscore) modules that get no page of their own, and why.
NOT_PAGES = {
    "ringleader.network": "its classes and from_networkx are exported by ringleader; "
                          "its other functions are package-internal (docs/architecture.md, rule 7)",
    "ringleader.cli": "the command line (`ringleader --help`), not a Python API",
    "ringleader.generate.cell_network": "re-exported by ringleader.generate",
    "ringleader.generate.drug_chain": "re-exported by ringleader.generate",
    "ringleader.generate.fraud": "re-exported by ringleader.generate",
    "ringleader.generate.identity": "re-exported by ringleader.generate",
    "ringleader.generate.fraud_insulated": "re-exported by ringleader.generate",
    "ringleader.generate.laundering_network": "re-exported by ringleader.generate",
    "ringleader.generate.mafia_clan": "re-exported by ringleader.generate",
    "ringleader.nx_backend.centrality": "re-exported by ringleader.nx_backend",
    "ringleader.nx_backend.community": "re-exported by ringleader.nx_backend",
    "ringleader.nx_backend.criminal": "re-exported by ringleader.nx_backend",
    "ringleader.nx_backend.paths": "re-exported by ringleader.nx_backend",
}


def page_name(module: str) -> str:
    return module.rsplit(".", 1)[-1]


def public_modules() -> list:
    """Every importable module of the package whose dotted name has no
    component starting with an underscore (the package itself included)."""
    import ringleader

    names = ["ringleader"]
    for info in pkgutil.walk_packages(ringleader.__path__, "ringleader."):
        if not any(part.startswith("_") for part in info.name.split(".")[1:]):
            names.append(info.name)
    return sorted(names)


def public_names(module: str) -> list:
    """The names a module exports: its ``__all__``; without one, the public
    functions and classes defined in it or in its private submodules (so
    that ``ringleader.io`` needs no list kept by hand)."""
    mod = importlib.import_module(module)
    if hasattr(mod, "__all__"):
        return list(mod.__all__)
    out = []
    for name, obj in vars(mod).items():
        if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        home = getattr(obj, "__module__", "") or ""
        if home == module or home.startswith(module + "."):
            out.append(name)
    return out


def kind_of(obj) -> str:
    """The Python-domain directive that describes ``obj``."""
    if inspect.ismodule(obj):
        return "module"
    if inspect.isclass(obj):
        return "exception" if issubclass(obj, BaseException) else "class"
    if callable(obj):
        return "function"
    return "data"


def home_module(module: str, name: str) -> str:
    """The page module where ``module.name`` is described in full: of the
    documented modules exporting the same object, the one whose name is the
    longest prefix of the object's ``__module__`` (``ringleader.leaders`` is
    described in ``ringleader.criminal``, ``ringleader.Network`` in
    ``ringleader``); data (no ``__module__``) where it is first exported."""
    obj = getattr(importlib.import_module(module), name)
    exporters = [m for m, _ in PAGES
                 if name in public_names(m) and getattr(importlib.import_module(m), name) is obj]
    if inspect.ismodule(obj):
        return obj.__name__
    home = getattr(obj, "__module__", None) if kind_of(obj) != "data" else None
    if not home:
        return exporters[0]
    best = max((m for m in exporters if home == m or home.startswith(m + ".")),
               key=len, default=None)
    return best or exporters[0]
