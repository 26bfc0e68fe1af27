"""Sphinx configuration of the ringleader documentation (`make docs`).

Builds offline from the repository alone: no intersphinx, no MathJax (math
is shown as its LaTeX source), no links out of the repository.  The
notebooks (docs/notebooks -> ../notebooks, committed without outputs) are
run during the build by myst-nb, as tests/python/test_notebooks.py runs them.
"""
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "ringleader"
author = "the ringleader developers"
copyright = "the ringleader developers, BSD-3-Clause"
try:
    import ringleader

    release = ringleader.__version__
except ImportError:  # autodoc will report it page by page
    release = ""
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "myst_nb",  # Markdown pages (myst-parser) and notebooks
    "ringleader_docs",  # docs/_ext: reference pages, the C++ page, math as source
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "**.ipynb_checkpoints", "jupyter_execute"]
templates_path = []

html_theme = "alabaster"
html_title = "ringleader"
html_math_renderer = "source"  # ringleader_docs.py: no MathJax from outside the repository
html_show_sourcelink = False
html_show_sphinx = False  # no links out of the repository in the footer
html_theme_options = {"show_powered_by": False, "page_width": "1180px"}
html_copy_source = False

# Python API: numpydoc sections through napoleon.  Parameter and return
# types are written for people ("path-like", "Series indexed by node id"),
# not as cross-references, so they stay text.
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_param = False
napoleon_use_rtype = False
napoleon_use_ivar = True
autodoc_default_options = {"members": True, "member-order": "bysource"}
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
add_module_names = False

# -n (nitpicky): every cross-reference must resolve.  Signatures name
# pandas' and numpy's classes (return annotations), whose documentation is not
# part of this site: no intersphinx, the build reads nothing outside the repository.
nitpick_ignore_regex = [("py:class", r"(pandas|pd)\.(DataFrame|Series|Index)"),
                        ("py:class", r"(numpy|np)\.ndarray")]
# Known references in files another change is editing now (python/ringleader/
# network.py, report/__init__.py): to fix there, then remove from this list.
nitpick_ignore = [
    # Network.nodes: napoleon reads "DataFrame indexed by node id: ..." (the
    # first line of a property's docstring) as the property's type
    ("py:class", "DataFrame indexed by node id"),
    # Network.project points at the private function that implements it
    ("py:func", "ringleader.criminal._project.project"),
    # the report package's docstring names its private analysis class
    ("py:class", "_analysis.Analysis"),
]

# Notebooks: run on every build (they are committed without outputs) in
# their own folder, so that their relative paths to examples/ work; a failing
# cell fails the build.
nb_execution_mode = "force"
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True
# figures as PNG outputs, whatever MPLBACKEND the calling shell sets
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
myst_heading_anchors = 3
