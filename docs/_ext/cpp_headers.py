"""The C++ API page, read from the public headers (include/ringleader, not
``detail/``): each header's top comment (which owns the meaning of its
kernels, docs/architecture.md) and its public declarations with their
``///`` and ``///<`` comments.

A small scanner, not a C++ parser: it relies on the project's header style
(a top ``//`` comment, ``///`` before a declaration, no digit separators or
raw strings).  It keeps namespace-scope declarations and the public members
of classes; it drops function bodies (a declaration ends with ``;``),
constructor initialiser lists, private and protected members, namespaces
whose name contains ``detail``, plain ``//`` comments and preprocessor lines
other than object-like ``#define``.  Every ``///`` comment is either shown or
counted in ``Header.dropped`` with the reason (tests/python/test_docs.py).
"""
from __future__ import annotations

import dataclasses
import pathlib
import re
import textwrap

# Families in the order of docs/architecture.md; others follow alphabetically.
ORDER = ["ringleader", "core", "graph", "io", "centrality", "community", "criminal", "money", "paths", "stats",
         "temporal", "layout", "generate"]


@dataclasses.dataclass
class Decl:
    doc: str      # the /// comment before it: prose
    code: str     # the declaration, bodies dropped
    namespace: str


@dataclasses.dataclass
class Header:
    path: pathlib.Path
    name: str     # ringleader/centrality/reaching.hpp
    family: str
    comment: str  # the top comment, without the comment markers
    declarations: list
    dropped: list  # (reason, /// text) of /// comments not shown


def families(include_dir: pathlib.Path) -> list:
    """[(family, [Header, ...]), ...] for every public header."""
    root = pathlib.Path(include_dir) / "ringleader"
    groups = {}
    for path in sorted(root.rglob("*.hpp")):
        rel = path.relative_to(root)
        if "detail" in rel.parts[:-1]:
            continue
        family = rel.parts[0] if len(rel.parts) > 1 else "ringleader"
        groups.setdefault(family, []).append(read_header(path, f"ringleader/{rel.as_posix()}", family))
    known = [f for f in ORDER if f in groups] + sorted(f for f in groups if f not in ORDER)
    return [(f, groups[f]) for f in known]


def read_header(path: pathlib.Path, name: str, family: str) -> Header:
    text = pathlib.Path(path).read_text(encoding="utf-8")
    comment, rest = split_top_comment(text)
    scanner = _Scanner(_preprocess(rest))
    decls = scanner.parse_scope("namespace", "public", "")
    return Header(path, name, family, comment, decls, scanner.dropped)


def split_top_comment(text: str):
    """The leading ``//`` lines (markers stripped; a first line naming the
    file keeps only its description) and the rest of the file."""
    lines = text.split("\n")
    i = 0
    out = []
    while i < len(lines) and lines[i].startswith("//") and not lines[i].startswith("///"):
        out.append(lines[i][3:] if lines[i].startswith("// ") else lines[i][2:])
        i += 1
    if out:
        out[0] = re.sub(r"^ringleader/[\w/]+\.hpp\s+-\s+", "", out[0])
        out[0] = out[0][:1].upper() + out[0][1:]
    return "\n".join(out).strip("\n"), "\n".join(lines[i:])


def blocks(comment: str) -> list:
    """Paragraphs of a comment: ("p", text) for running text, ("pre", text)
    for paragraphs laid out by hand (indented lines, lists, formulas)."""
    out = []
    for para in re.split(r"\n[ \t]*\n", comment.strip("\n")):
        if not para.strip():
            continue
        lines = para.split("\n")
        laid_out = any(re.match(r"\s|[-*] |\d+[.)] ", line) for line in lines) or len(lines) > 1 and any(
            re.match(r"\s", line) for line in lines[1:])
        if laid_out:
            out.append(("pre", textwrap.dedent(para)))
        else:
            out.append(("p", " ".join(line.strip() for line in lines)))
    return out


def _preprocess(text: str) -> str:
    """Drops preprocessor lines (keeping object-like #define as a
    declaration) and ends macro invocations standing alone on a line."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s.startswith("#"):
            if re.match(r"#\s*define\s+\w+\s+\S", s) and not s.endswith("\\"):
                out.append(line.rstrip() + " \x00")  # \x00 ends the statement
            else:
                while lines[i].rstrip().endswith("\\") and i + 1 < len(lines):
                    out.append("")
                    i += 1
                out.append("")
            i += 1
            continue
        if re.fullmatch(r"\s*[A-Z][A-Z0-9_]*\(.*\)\s*", line):
            line = line.rstrip() + " \x00"
        out.append(line)
        i += 1
    return "\n".join(out)


_TYPE_HEAD = re.compile(r"^(template\s*<.*>\s*)?(struct|class|union|enum(\s+(class|struct))?)\b", re.S)
_FUNC_END = re.compile(r"\)\s*(const|noexcept(\s*\([^)]*\))?|override|final|mutable|&&?|\s)*(->.*)?$", re.S)


class _Scanner:
    def __init__(self, text: str):
        self.s = text
        self.i = 0
        self.dropped = []

    # --- low level -----------------------------------------------------------
    def _line_end(self) -> int:
        j = self.s.find("\n", self.i)
        return len(self.s) if j < 0 else j

    def _literal(self) -> str:
        q = self.s[self.i]
        j = self.i + 1
        while j < len(self.s) and self.s[j] != q:
            j += 2 if self.s[j] == "\\" else 1
        text = self.s[self.i:j + 1]
        self.i = j + 1
        return text

    def _balanced(self, reason=None) -> str:
        """From the '{' at self.i to its '}', included; /// comments inside
        are dropped with ``reason``."""
        depth = 0
        start = self.i
        while self.i < len(self.s):
            c = self.s[self.i]
            if self.s.startswith("//", self.i):
                end = self._line_end()
                if reason and self.s.startswith("///", self.i):
                    self.dropped.append((reason, self.s[self.i:end].lstrip("/<").strip()))
                self.i = end
                continue
            if self.s.startswith("/*", self.i):
                self.i = self.s.index("*/", self.i) + 2
                continue
            if c in "\"'":
                self._literal()
                continue
            self.i += 1
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    break
        return self.s[start:self.i]

    # --- scopes ------------------------------------------------------------
    def parse_scope(self, kind: str, access: str, ns: str) -> list:
        """Declarations up to the '}' closing this scope (consumed) or the
        end of the text.  Namespace scope: Decl objects; class scope: public
        members as code lines (their comments included)."""
        entries = []
        stmt = ""
        doc = []
        paren = 0
        while self.i < len(self.s):
            c = self.s[self.i]
            if self.s.startswith("///<", self.i):
                end = self._line_end()
                text = self.s[self.i + 4:end].strip()
                if entries and entries[-1] is not None:
                    entries[-1] = _with_trailing(entries[-1], text)
                else:
                    self.dropped.append(("private", text))
                self.i = end
                continue
            if self.s.startswith("///", self.i):
                end = self._line_end()
                doc.append(re.sub(r"^ ", "", self.s[self.i + 3:end]))
                self.i = end
                continue
            if self.s.startswith("//", self.i):
                self.i = self._line_end()
                continue
            if self.s.startswith("/*", self.i):
                self.i = self.s.index("*/", self.i) + 2
                continue
            if c in "\"'":
                stmt += self._literal()
                continue
            if c == "(":
                paren += 1
            elif c == ")":
                paren -= 1
            if c == "{":
                head = stmt.strip()
                if paren > 0 or self._initialiser(stmt):
                    stmt += self._balanced()
                    continue
                prefix, access = _peel_access(stmt, access)
                head = prefix.strip()
                public = kind == "namespace" or access == "public"
                m = re.match(r"(inline\s+)?namespace\s*([\w:]*)\s*$", head)
                if m:
                    self.i += 1
                    name = m.group(2)
                    if "detail" in name or not name:
                        self.i -= 1
                        self._balanced("detail namespace")
                        self._drop(doc, "detail namespace")
                    else:
                        entries += self.parse_scope("namespace", "public", f"{ns}::{name}" if ns else name)
                    stmt, doc = "", []
                    continue
                if _TYPE_HEAD.match(head) and "(" not in re.sub(r"<.*>|alignas\s*\([^)]*\)", "", head, flags=re.S):
                    code = self._type(prefix, head, public)
                    entries.append(self._entry(kind, doc, code, ns) if public else None)
                    if not public:
                        self._drop(doc, "private")
                    stmt, doc = "", []
                    continue
                # a function body
                self._balanced("function body" if public else "private")
                if public and head:
                    entries.append(self._entry(kind, doc, _strip_init_list(prefix) + ";", ns))
                else:
                    entries.append(None)
                    self._drop(doc, "private")
                stmt, doc = "", []
                continue
            if c == "}":
                self.i += 1
                self._drop(doc, "private" if access != "public" else "function body")
                break
            if (c == ";" and paren == 0) or c == "\x00":
                self.i += 1
                prefix, access = _peel_access(stmt, access)
                public = kind == "namespace" or access == "public"
                text = prefix.rstrip() + (";" if c == ";" else "")
                if not prefix.strip() or prefix.strip().startswith("static_assert"):
                    self._drop(doc, "private" if not public else "function body")
                    entries.append(None)
                elif public:
                    entries.append(self._entry(kind, doc, text, ns))
                else:
                    self._drop(doc, "private")
                    entries.append(None)
                stmt, doc = "", []
                continue
            stmt += c
            self.i += 1
        return [e for e in entries if e is not None]

    def _drop(self, doc, reason):
        for line in doc:
            self.dropped.append((reason, line.strip()))

    def _initialiser(self, stmt: str) -> bool:
        """Whether the '{' at self.i starts a brace initialiser (kept in
        the declaration) rather than a body."""
        head = stmt.strip()
        if not head or re.match(r"(inline\s+)?namespace\b", head) or _TYPE_HEAD.match(_peel_access(stmt, "")[0].strip()):
            return False
        if re.search(r"\)\s*(noexcept\s*)?:(?!:)", head):  # constructor initialiser list
            return bool(re.search(r"[\w>]$", head))
        if re.search(r"(^|[^=!<>])=\s*$", head) or re.search(r"(^|[^=!<>])=[^=]", _outside_parens(head)) \
                and "operator" not in head:
            return True
        return not _FUNC_END.search(head)

    def _type(self, prefix: str, head: str, public: bool) -> str:
        """A class, struct, union or enum from its '{' to its ';'."""
        if re.match(r"(template\s*<.*>\s*)?enum\b", head, re.S):
            body = self._balanced()
            members = None
            is_class = False
        else:
            self.i += 1
            is_class = re.match(r"(template\s*<.*>\s*)?class\b", head, re.S) is not None
            members = self.parse_scope("type", "private" if is_class else "public", "")
            if not public:
                members = []
        tail = ""
        while self.i < len(self.s) and self.s[self.i] != ";":
            tail += self.s[self.i]
            self.i += 1
        self.i += 1
        first = _dedent(prefix)
        if members is None:
            return f"{first} {_dedent_body(body)}{tail.rstrip()};"
        if not members:
            return f"{first} {{}}{tail.rstrip()};"
        inner = "\n".join(textwrap.indent(m, "  ") for m in members)
        label = " public:\n" if is_class else ""
        return f"{first} {{\n{label}{inner}\n}}{tail.rstrip()};"

    def _entry(self, kind, doc, code, ns):
        code = _dedent(code)
        if kind == "namespace":
            return Decl("\n".join(doc).strip(), code, ns)
        return "\n".join([f"/// {d}".rstrip() for d in doc] + [code])


def _with_trailing(entry, text):
    if isinstance(entry, Decl):
        return dataclasses.replace(entry, code=f"{entry.code}  ///< {text}")
    return f"{entry}  ///< {text}"


def _peel_access(stmt: str, access: str):
    """Removes leading ``public:`` / ``private:`` / ``protected:`` labels."""
    while True:
        m = re.match(r"\s*(public|private|protected)\s*:(?!:)", stmt)
        if not m:
            return stmt, access
        access = m.group(1)
        stmt = stmt[m.end():]


def _outside_parens(text: str) -> str:
    out, depth = [], 0
    for c in text:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            out.append(c)
    return "".join(out)


def _strip_init_list(text: str) -> str:
    depth = 0
    for k, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                m = re.match(r"\s*(noexcept\s*)?:(?!:)", text[k + 1:])
                if m:
                    return text[:k + 1] + (" noexcept" if m.group(1) else "")
    return text.rstrip()


def _dedent(text: str) -> str:
    """Removes the indentation the declaration had in its scope."""
    lines = text.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return textwrap.dedent("\n".join(line.rstrip() for line in lines)).strip("\n")


def _dedent_body(body: str) -> str:
    lines = body.split("\n")
    if len(lines) == 1:
        return body.strip()
    rest = textwrap.dedent("\n".join(lines[1:-1]))
    return lines[0].strip() + "\n" + textwrap.indent(rest, "  ") + "\n" + lines[-1].strip()
