"""The documentation site (`make docs`, docs/): every public function and
class is in the Python reference, every public header on the C++ page,
every notebook and guide in the index, and no link leaves the repository.

`make docs` builds the site with warnings as errors and, at the end, warns
about any public name the built reference does not describe
(docs/_ext/ringleader_docs.py); these tests check the same rules on the
sources without Sphinx, in a second."""
from __future__ import annotations

import importlib
import importlib.util
import inspect
import pathlib
import re
import sys
import textwrap

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def load(name):
    spec = importlib.util.spec_from_file_location(f"_docs_{name}", DOCS / "_ext" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


inventory = load("api_inventory")
cpp = load("cpp_headers")
PAGES = [m for m, _ in inventory.PAGES]


# ---- Python reference ---------------------------------------------------------

def test_every_public_module_has_a_page_or_a_reason():
    modules = inventory.public_modules()
    unknown = [m for m in modules if m not in PAGES and m not in inventory.NOT_PAGES]
    assert not unknown, f"add these modules to PAGES in docs/_ext/api_inventory.py (and docs/reference/): {unknown}"
    stale = [m for m in PAGES + list(inventory.NOT_PAGES) if m not in modules]
    assert not stale, stale
    assert not set(PAGES) & set(inventory.NOT_PAGES)


def test_each_page_module_has_its_page_in_the_toctree():
    ref = DOCS / "reference"
    index = (ref / "index.rst").read_text(encoding="utf-8")
    for module in PAGES:
        name = inventory.page_name(module)
        assert f".. ringleader-module:: {module}\n" in (ref / f"{name}.rst").read_text(encoding="utf-8"), module
        assert re.search(rf"^   {name}$", index, re.M), f"docs/reference/index.rst does not list {name}"
    assert sorted(p.stem for p in ref.glob("*.rst")) == sorted(["index"] + [inventory.page_name(m) for m in PAGES])


def test_every_public_name_is_described():
    """The union of every public module's ``__all__`` (ringleader's, each
    subpackage's, the generator families', the backend's): each name is
    listed on a page (the page shows ``public_names`` of its module) as the
    same object, and its home page describes it in full."""
    on_page = {m: inventory.public_names(m) for m in PAGES}
    missing, checked = [], 0
    for module in inventory.public_modules():
        mod = importlib.import_module(module)
        if module in inventory.NOT_PAGES and not hasattr(mod, "__all__"):
            continue  # ringleader.network, ringleader.cli: see NOT_PAGES
        for name in inventory.public_names(module):
            checked += 1
            obj = getattr(mod, name)
            pages = [p for p in PAGES if name in on_page[p] and getattr(importlib.import_module(p), name) is obj]
            if not pages:
                missing.append(f"{module}.{name}")
                continue
            home = inventory.home_module(pages[0], name)
            assert home in PAGES or inspect.ismodule(obj), (module, name, home)
            if not inspect.ismodule(obj):
                assert name in on_page[home], (module, name, home)
    assert not missing, f"public names on no reference page: {missing}"
    assert checked > 150


def test_every_all_name_exists_and_modules_without_all_are_few():
    for module in PAGES:
        mod = importlib.import_module(module)
        assert all(hasattr(mod, n) for n in getattr(mod, "__all__", [])), module
    # only ringleader.io may go without __all__ (its public functions are read instead)
    assert {m for m in PAGES if not hasattr(importlib.import_module(m), "__all__")} <= {"ringleader.io"}
    io_names = inventory.public_names("ringleader.io")
    assert {"read_csv", "read_edgelist", "read_graphml", "read_pajek", "read_matrix", "read_ucinet_dl",
            "normalize_phones", "normalize_ibans", "duplicates"} <= set(io_names)
    assert "Network" not in io_names and "wrap" not in io_names  # imported, documented elsewhere or internal


def test_home_module_picks_the_defining_module():
    assert inventory.home_module("ringleader", "leaders") == "ringleader.criminal"
    assert inventory.home_module("ringleader", "read_csv") == "ringleader.io"
    assert inventory.home_module("ringleader", "Network") == "ringleader"
    assert inventory.home_module("ringleader.centrality", "ConvergenceError") == "ringleader"
    assert inventory.home_module("ringleader.generate", "LEADER_ROLES") == "ringleader.generate"


# ---- C++ page -----------------------------------------------------------------

def test_every_public_header_is_on_the_cpp_page():
    include = ROOT / "include"
    families = cpp.families(include)
    shown = [h.name for _, headers in families for h in headers]
    public = sorted(f"ringleader/{p.relative_to(include / 'ringleader').as_posix()}"
                    for p in (include / "ringleader").rglob("*.hpp") if "detail" not in p.parts)
    assert sorted(shown) == public
    assert len(shown) == len(set(shown))
    names = [f for f, _ in families]
    assert names[:4] == ["ringleader", "core", "graph", "io"] and "centrality" in names
    for _, headers in families:
        for h in headers:
            assert h.comment.strip(), f"{h.name} has no top comment"
            assert h.declarations or h.name == "ringleader/ringleader.hpp", f"{h.name}: no declaration found"


def test_every_doc_comment_is_shown_or_private():
    """Each ``///`` comment of a public header is on the page or was left out
    because it documents a private member or a detail namespace; none is
    lost inside what the scanner took for a function body."""
    for _, headers in cpp.families(ROOT / "include"):
        for h in headers:
            text = h.path.read_text(encoding="utf-8")
            comments = [m.group(1).strip() for m in re.finditer(r"///<?(.*)", text)]
            page = "\n".join([d.doc for d in h.declarations] + [d.code for d in h.declarations])
            reasons = {r for r, _ in h.dropped}
            assert reasons <= {"private", "detail namespace"}, (h.name, h.dropped)
            dropped = [t for _, t in h.dropped]
            lost = [c for c in comments if c and c not in page and c not in dropped]
            assert not lost, (h.name, lost)


SAMPLE = textwrap.dedent('''\
    // ringleader/x/sample.hpp - a sample header: the top comment.
    //
    // Conventions:
    //   directed: forward;
    //   undirected: both ways.
    #pragma once

    #include <vector>

    #define SAMPLE_LIMIT 16
    #define SAMPLE_HELPER(G) \\
      inline int helper(const G&) { return 1; }

    namespace ringleader::x {

    /// Options of f.
    struct FOptions {
      int threads = 0;  ///< 0 = all cores
      std::vector<int> seeds{1, 2};
      /// Skip self-loops.
      bool skip = true;
    };

    enum class Mode { Fast, Exact };  ///< how f computes

    /// The function: documented.
    inline std::vector<double> f(const std::vector<int>& g, const FOptions& opt = {}) {
      /// not a doc comment: inside a body
      std::vector<double> out(g.size(), 0.0);
      for (int i = 0; i < 3; ++i) { out[0] += '{'; }
      return out;
    }

    class Counter {
     public:
      /// Starts at `start`.
      explicit Counter(int start) : n_(start), v_{start, start} {}
      int get() const { return n_; }
     private:
      /// Private: not shown.
      int n_;
      std::vector<int> v_;
    };

    namespace detail {
    /// Internal.
    inline int hidden() { return 0; }
    }  // namespace detail

    SAMPLE_HELPER(Counter)

    }  // namespace ringleader::x
    ''')


def test_scanner_on_a_sample_header(tmp_path):
    path = tmp_path / "sample.hpp"
    path.write_text(SAMPLE, encoding="utf-8")
    h = cpp.read_header(path, "ringleader/x/sample.hpp", "x")
    assert h.comment.startswith("A sample header: the top comment.")
    assert cpp.blocks(h.comment) == [("p", "A sample header: the top comment."),
                                     ("pre", "Conventions:\n  directed: forward;\n  undirected: both ways.")]
    got = [(d.namespace, d.doc, d.code) for d in h.declarations]
    assert got == [
        ("", "", "#define SAMPLE_LIMIT 16"),
        ("ringleader::x", "Options of f.",
         "struct FOptions {\n  int threads = 0;  ///< 0 = all cores\n  std::vector<int> seeds{1, 2};\n"
         "  /// Skip self-loops.\n  bool skip = true;\n};"),
        ("ringleader::x", "", "enum class Mode { Fast, Exact };  ///< how f computes"),
        ("ringleader::x", "The function: documented.",
         "inline std::vector<double> f(const std::vector<int>& g, const FOptions& opt = {});"),
        ("ringleader::x", "", "class Counter {\n public:\n  /// Starts at `start`.\n"
                              "  explicit Counter(int start);\n  int get() const;\n};"),
        ("ringleader::x", "", "SAMPLE_HELPER(Counter)"),
    ]
    assert sorted(h.dropped) == [("detail namespace", "Internal."), ("function body", "not a doc comment: inside a body"),
                                 ("private", "Private: not shown.")]


# ---- site sources, links, build -------------------------------------------------

def toctree_entries():
    text = (DOCS / "index.rst").read_text(encoding="utf-8")
    return re.findall(r"^   (\S+)$", text, re.M)


def test_index_lists_every_notebook_and_page():
    entries = toctree_entries()
    notebooks = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks and all(f"notebooks/{n}" in entries for n in notebooks)
    assert (DOCS / "notebooks").is_symlink() and (DOCS / "notebooks").resolve() == (ROOT / "notebooks")
    pages = sorted(p.stem for p in DOCS.glob("*.md"))
    assert {"architecture", "bad-input", "distributed", "generate-families", "networkx-backend"} <= set(pages)
    assert all(p in entries for p in pages)
    assert "reference/index" in entries and "cpp" in entries
    for entry in entries:
        assert any((DOCS / f"{entry}{ext}").exists() for ext in (".rst", ".md", ".ipynb")), entry


LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("name", ["README.md"] + sorted(f"docs/{p.name}" for p in DOCS.glob("*.md")))
def test_links_stay_in_the_repository(name):
    path = ROOT / name
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # code blocks hold code, not links
    for target in LINK.findall(text):
        assert not re.match(r"[a-z][a-z0-9+.-]*:", target), f"{name} links outside the repository: {target}"
        if target.startswith("#"):
            continue
        dest = (path.parent / target.split("#")[0]).resolve()
        assert dest.exists(), f"{name}: broken link {target}"
        assert ROOT in dest.parents or dest == ROOT, f"{name} links outside the repository: {target}"


def test_docs_build_is_wired_into_make_test_and_ci_installs_sphinx():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^docs:.*\n\t(.*)$", make, re.M).group(1)
    assert all(flag in rule.split() for flag in ("-W", "-n", "--keep-going", "-E"))
    assert "docs" in re.search(r"^test:(.*)$", make, re.M).group(1).split()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    extras = pyproject.split("[project.optional-dependencies]")[1].split("\n[")[0]
    assert re.search(r'^docs = \[.*"sphinx>=7', extras, re.M)
    deps = (ROOT / "scripts" / "install-deps.sh").read_text(encoding="utf-8")
    assert re.search(r'^"\$PYTHON" -m pip install .*"sphinx>=7.*"myst-nb', deps, re.M)
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert "sphinx.ext.intersphinx" not in conf and "mathjax_path" not in conf  # the build reads nothing outside the repository
