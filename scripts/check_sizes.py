#!/usr/bin/env python3
"""Keeps the Python package readable in one sitting (run by .ci/run).

    python3 scripts/check_sizes.py [--max-file 500] [--max-function 80] [ROOT]

Fails (exit 1, one line per offence) when a ``.py`` file below ROOT
(default ``python/ringleader``) has more than ``--max-file`` lines, or a
function or method has more than ``--max-function`` lines of code: lines that
are not blank, not only a comment and not part of its docstring (nested
functions count towards the function that holds them, and also on their own).

A function may be longer when its docstring says why, in a paragraph that
starts with ``Long:`` (e.g. ``Long: one table of CLI options, read top to
bottom``).  Nothing else is exempt.
"""
from __future__ import annotations

import argparse
import ast
import io
import sys
import tokenize
from pathlib import Path


def code_lines(source: str) -> set[int]:
    """Line numbers holding a token other than comments, newlines and indentation."""
    lines = set()
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER, tokenize.ENCODING}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type not in skip:
            lines.update(range(tok.start[0], tok.end[0] + 1))
    return lines


def docstring_lines(node) -> set[int]:
    if not isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
        return set()
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        return set(range(body[0].lineno, body[0].end_lineno + 1))
    return set()


def exempt(node) -> bool:
    doc = ast.get_docstring(node) or ""
    return any(p.strip().startswith("Long:") for p in doc.split("\n\n"))


def check_file(path: Path, max_file: int, max_function: int) -> list[str]:
    source = path.read_text(encoding="utf-8")
    out = []
    n = source.count("\n") + (0 if source.endswith("\n") or not source else 1)
    if n > max_file:
        out.append(f"{path}: {n} lines (at most {max_file}): split it by job")
    code = code_lines(source)
    docs = set()
    tree = ast.parse(source, filename=str(path))
    for node in ast.walk(tree):
        docs |= docstring_lines(node)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            span = set(range(node.lineno, node.end_lineno + 1))
            k = len((span & code) - docs)
            if k > max_function and not exempt(node):
                out.append(f"{path}:{node.lineno}: function {node.name} has {k} lines of code (at most "
                           f"{max_function}): split it, or say why in a docstring paragraph starting 'Long:'")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parent.parent / "python" / "ringleader"))
    ap.add_argument("--max-file", type=int, default=500)
    ap.add_argument("--max-function", type=int, default=80)
    a = ap.parse_args(argv)
    problems = []
    for path in sorted(Path(a.root).rglob("*.py")):
        problems += check_file(path, a.max_file, a.max_function)
    return finish("check_sizes", problems)


def finish(name: str, problems: list, where: str = "") -> int:
    """Prints one line per problem and a count; the exit code (shared with
    scripts/check_layers.py)."""
    for p in problems:
        print(p)
    if problems:
        print(f"{name}: {len(problems)} problem(s){where}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
