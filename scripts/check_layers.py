#!/usr/bin/env python3
"""Checks the include rules of docs/architecture.md (run by ``make test``).

    python3 scripts/check_layers.py [REPO]

Rules, for every ``#include`` in include/ringleader and src/:

1. ``core/`` includes only ``core/``;
2. ``graph/`` includes ``core/`` and ``graph/``;
3. ``io/`` includes ``core/``, ``graph/`` and ``io/``;
4. a kernel family (every other folder) includes ``core/``, ``graph/``,
   itself and other families' public headers, never ``io/``;
5. a family's ``detail/`` headers are included only by that family;
6. nothing in include/ or src/ includes pybind11, ``Python.h`` or python/;
7. in python/ringleader, no module imports another module's private name
   (``from .x import _y`` where ``_y`` is not itself a module) or reads one
   (``x._y`` on an imported ringleader module), and no module uses a private
   attribute of an object other than ``self``/``cls`` (``net._net``,
   ``f()._y``) unless it defines that name itself (as a class attribute or
   method, or by assigning ``self._y``): network.py may read another
   Network's ``_net``, the other modules call ``core_of(net)``.  The
   package's modules may be private, the names they share are not
   (``from ._times import time_index``).

Exit 1 with one line per broken rule (file:line: what and which rule).
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_sizes import finish  # noqa: E402

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
BASE = {"core": {"core"}, "graph": {"core", "graph"}, "io": {"core", "graph", "io"}}


def folder_of(path: Path, root: Path) -> str:
    """The layer folder of a header below include/ringleader (or "src")."""
    rel = path.relative_to(root)
    if rel.parts[0] == "src":
        return "src"
    parts = rel.parts[2:]  # include/ringleader/<folder>/...
    return parts[0] if len(parts) > 1 else "umbrella"


def problems_of(path: Path, root: Path) -> list[str]:
    me = folder_of(path, root)
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = INCLUDE.match(line)
        if not m:
            continue
        inc = m.group(1)
        where = f"{path.relative_to(root)}:{no}: includes {inc}"
        if inc.startswith(("pybind11/", "Python.h")) or inc.startswith("python/"):
            out.append(f"{where}: include/ and src/ never use Python (rule 6)")
            continue
        if not inc.startswith("ringleader/"):
            continue
        parts = inc.split("/")[1:]
        if len(parts) < 2:
            continue  # the umbrella header or version.hpp
        target = parts[0]
        if "detail" in parts[1:-1] and target != me:
            out.append(f"{where}: another family's detail/ (rule 5): move what is shared to core/ or graph/")
        if me in ("umbrella", "src"):
            continue
        if me in BASE:
            if target not in BASE[me]:
                out.append(f"{where}: {me}/ may include only {', '.join(sorted(BASE[me]))} (rules 1-3)")
        elif target == "io":
            out.append(f"{where}: kernels never include io/ (rule 4)")
    return out


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def own_privates(tree) -> set:
    """The private names a module defines: in a class body (methods,
    attributes) or by assigning ``self._y``."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names.add(item.name)
                for target in getattr(item, "targets", []) + [getattr(item, "target", None)]:
                    if isinstance(target, ast.Name):
                        names.add(target.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) \
                and isinstance(node.value, ast.Name) and node.value.id == "self":
            names.add(node.attr)
    return {n for n in names if private(n)}


def python_problems(pkg: Path, root: Path) -> list[str]:
    """Rule 7 for every module below ``pkg`` (python/ringleader)."""
    out = []
    for path in sorted(pkg.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        here = path.parent
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("ringleader")):
                base = here
                for _ in range(max(node.level - 1, 0)):
                    base = base.parent
                if not node.level:
                    base = pkg.parent
                mod = base.joinpath(*(node.module or "").split(".")) if node.module else base
                for a in node.names:
                    is_module = any((mod / f"{a.name}{ext}").exists() for ext in (".py", ".pyi")) \
                        or (mod / a.name / "__init__.py").exists()
                    if is_module:
                        aliases[a.asname or a.name] = a.name
                    elif private(a.name):
                        out.append(f"{path.relative_to(root)}:{node.lineno}: imports private {a.name} from "
                                   f"{node.module or '.'} (rule 7): give it a name without '_' there")
        own = own_privates(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not private(node.attr):
                continue
            on = node.value.id if isinstance(node.value, ast.Name) else None
            if on in aliases:
                out.append(f"{path.relative_to(root)}:{node.lineno}: reads private {on}.{node.attr} (rule 7)")
            elif on not in ("self", "cls") and node.attr not in own:
                out.append(f"{path.relative_to(root)}:{node.lineno}: uses private {ast.unparse(node)} of an object "
                           "this module does not define (rule 7): call a function without '_' of its module")
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0] if argv else Path(__file__).resolve().parent.parent)
    files = sorted((root / "include" / "ringleader").rglob("*.hpp")) + sorted((root / "src").rglob("*.[ch]pp"))
    problems = [p for f in files for p in problems_of(f, root)]
    pkg = root / "python" / "ringleader"
    if pkg.is_dir():
        problems += python_problems(pkg, root)
    return finish("check_layers", problems, " (docs/architecture.md)")


if __name__ == "__main__":
    sys.exit(main())
