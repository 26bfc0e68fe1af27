"""Sphinx extension of the ringleader docs.

- ``.. ringleader-module:: ringleader.centrality`` writes a module's page:
  its docstring, a table of its public names, then every name it exports
  (``api_inventory.public_names``): described in full (autodoc) on the page
  of its home module, and as a short entry pointing there on the others, so
  that both ``ringleader.read_csv`` and ``ringleader.io.read_csv`` resolve.
- ``.. ringleader-cpp-headers::`` writes the C++ API: one section per
  family (directory of include/ringleader), one subsection per public header
  with its top comment and its public declarations and ``///`` comments
  (``cpp_headers.py``).
- Math is shown as its LaTeX source (``<code class="math">``): MathJax
  would be loaded from outside the repository, and LaTeX for imgmath is
  not a dependency.
- At the end of the build every public name must have been described, or
  the build warns (and fails, with -W).
"""
from __future__ import annotations

import html
import importlib
import inspect
import pathlib
import pkgutil

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

import api_inventory
import cpp_headers

logger = logging.getLogger(__name__)
ROOT = pathlib.Path(__file__).resolve().parents[2]


def _summary(obj) -> str:
    doc = inspect.getdoc(obj) or ""
    first = doc.strip().split("\n\n", 1)[0].replace("\n", " ").strip()
    return first


def _plain_signature(obj) -> str:
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(...)"
    params = [p.replace(annotation=inspect.Parameter.empty) for p in sig.parameters.values()]
    return str(sig.replace(parameters=params, return_annotation=inspect.Signature.empty))


ROLE = {"function": "func", "class": "class", "exception": "exc", "data": "data", "module": "mod"}
AUTO = {"function": "autofunction", "class": "autoclass", "exception": "autoexception"}


def _attribute_doc(module: str, name: str) -> list:
    """The ``#:`` comment above ``name = ...`` in ``module`` or in one of
    its private submodules (autodata would show the docstring of the
    value's type instead, e.g. dict's)."""
    from sphinx.pycode import ModuleAnalyzer

    mod = importlib.import_module(module)
    candidates = [module]
    if hasattr(mod, "__path__"):
        candidates += [f"{module}.{info.name}" for info in pkgutil.iter_modules(mod.__path__)
                       if info.name.startswith("_") and not info.name.startswith("__")]
    for candidate in candidates:
        try:
            docs = ModuleAnalyzer.for_module(candidate).find_attr_docs()
        except Exception:  # noqa: BLE001 - a module without source: no comment
            continue
        if ("", name) in docs:
            return [line for line in docs[("", name)] if line is not None]
    return []


def _data_entry(module: str, name: str, obj) -> list:
    lines = [f".. py:data:: {name}", f"   :module: {module}"]
    text = repr(obj)
    if len(text) <= 120 and "\n" not in text:
        lines.append(f"   :value: {text}")
    lines.append("")
    lines += [f"   {line}".rstrip() for line in _attribute_doc(module, name)] + [""]
    return lines


def _resolve_short_names(app, env, node, contnode):
    """Docstrings name ringleader's objects as the reader would
    (``Network.save``, ``rl.leaders``): such a reference that does not
    resolve in its module is looked up as ``ringleader.<name>``."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    for prefix, replacement in (("rl.", "ringleader."), ("", "ringleader.")):
        if target.startswith(prefix) and not target.startswith("ringleader."):
            full = replacement + target[len(prefix):]
            domain = env.get_domain("py")
            found = domain.find_obj(env, "", "", full, node["reftype"], 0)
            if found:
                return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], full,
                                           node, contnode)
    return None


class ModuleDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self):
        module = self.arguments[0]
        mod = importlib.import_module(module)
        names = api_inventory.public_names(module)
        lines = [f".. automodule:: {module}", "   :no-members:", ""]
        rows = []
        body = []
        for name in names:
            obj = getattr(mod, name)
            kind = api_inventory.kind_of(obj)
            home = api_inventory.home_module(module, name)
            target = obj.__name__ if kind == "module" else f"{home}.{name}"
            summary = _summary(obj) if kind != "data" else " ".join(_attribute_doc(home, name)).strip()
            if kind == "data" and not summary and len(repr(obj)) <= 60:
                summary = f"``{obj!r}``"
            rows.append((f":{ROLE[kind]}:`{name} <{target}>`", summary))
            if kind == "module":
                continue
            if home == module and kind == "data":
                body += _data_entry(module, name, obj)
            elif home == module:
                body += [f".. {AUTO[kind]}:: {module}.{name}", ""]
            else:
                sig = _plain_signature(obj) if kind != "data" else ""
                body += [f".. py:{kind}:: {name}{sig}", f"   :module: {module}", "   :no-contents-entry:", "",
                         f"   The same as :{ROLE[kind]}:`{home}.{name}`.", ""]
        if rows:
            lines += [".. list-table::", "   :widths: 30 70", ""]
            for ref, summary in rows:
                lines += [f"   * - {ref}", f"     - {summary}"]
            lines += [""]
        lines += body
        container = nodes.section()
        container.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source=f"<ringleader-module {module}>"), container)
        return container.children


class CppHeadersDirective(SphinxDirective):
    has_content = False

    def run(self):
        out = []
        for family, headers in cpp_headers.families(ROOT / "include"):
            title = "ringleader/ (top level)" if family == "ringleader" else f"ringleader/{family}/"
            section = nodes.section(ids=[nodes.make_id(f"cpp-{family}")], names=[nodes.fully_normalize_name(title)])
            section += nodes.title(text=title)
            for header in headers:
                self.env.note_dependency(str(header.path))
                section += self._header(header)
            out.append(section)
        return out

    def _header(self, header):
        sec = nodes.section(ids=[nodes.make_id(f"cpp-{header.name}")], names=[nodes.fully_normalize_name(header.name)])
        sec += nodes.title(text=header.name)
        for kind, text in cpp_headers.blocks(header.comment):
            sec += _text_block(kind, text)
        for decl in header.declarations:
            for kind, text in cpp_headers.blocks(decl.doc):
                sec += _text_block(kind, text)
            block = nodes.literal_block(decl.code, decl.code)
            block["language"] = "cpp"
            sec += block
        return sec


def _text_block(kind, text):
    if kind == "pre":
        return nodes.literal_block(text, text)
    return nodes.paragraph(text, text)


def _visit_math_inline(self, node):
    self.body.append(f'<code class="math">{html.escape(node.astext())}</code>')
    raise nodes.SkipNode


def _visit_math_block(self, node):
    self.body.append(f'<pre class="math">{html.escape(node.astext())}</pre>')
    raise nodes.SkipNode


def _check_everything_described(app, exception):
    if exception is not None or app.builder.name not in ("html", "dirhtml"):
        return
    wanted = {f"{m}.{n}" for m in api_inventory.public_modules()
              if m not in api_inventory.NOT_PAGES for n in api_inventory.public_names(m)}
    described = set(app.env.get_domain("py").objects)
    missing = sorted(wanted - described)
    if missing:
        logger.warning("public names not in the API reference (add their module to docs/reference): %s",
                       ", ".join(missing))
    unknown = [m for m in api_inventory.public_modules()
               if m not in api_inventory.NOT_PAGES and m not in dict(api_inventory.PAGES)]
    if unknown:
        logger.warning("public modules with neither a page nor a reason in NOT_PAGES (docs/_ext/api_inventory.py): %s",
                       ", ".join(unknown))


def setup(app):
    app.add_directive("ringleader-module", ModuleDirective)
    app.add_directive("ringleader-cpp-headers", CppHeadersDirective)
    app.add_html_math_renderer("source", (_visit_math_inline, None), (_visit_math_block, None))
    app.connect("build-finished", _check_everything_described)
    app.connect("missing-reference", _resolve_short_names)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
