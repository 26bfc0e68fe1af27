"""The repository checks run by `make test` (scripts/check_sizes.py,
scripts/check_layers.py) catch what they are meant to catch, and the tree
passes them."""
from __future__ import annotations

import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_check_sizes_counts_code_lines_only(tmp_path):
    sizes = load("check_sizes")
    body = "\n".join(f"    x{i} = {i}  # c" for i in range(81))
    (tmp_path / "long.py").write_text(f'def f():\n    """Doc.\n\n    More doc.\n    """\n\n    # a comment\n{body}\n')
    (tmp_path / "ok.py").write_text('def g():\n    """' + "\n" * 100 + '"""\n' + "\n".join(
        f"    y{i} = {i}" for i in range(79)) + "\n")
    (tmp_path / "why.py").write_text('def h():\n    """Doc.\n\n    Long: one table.\n    """\n' + body + "\n")
    (tmp_path / "big.py").write_text("x = 1\n" * 501)
    got = sizes.check_file(tmp_path / "long.py", 500, 80)
    assert len(got) == 1 and "function f has 82 lines of code" in got[0]
    assert sizes.check_file(tmp_path / "ok.py", 500, 80) == []
    assert sizes.check_file(tmp_path / "why.py", 500, 80) == []
    assert "501 lines" in sizes.check_file(tmp_path / "big.py", 500, 80)[0]


def test_check_layers_finds_each_rule(tmp_path):
    layers = load("check_layers")
    inc = tmp_path / "include" / "ringleader"
    for d in ("core", "graph", "centrality", "io"):
        (inc / d).mkdir(parents=True)
    (tmp_path / "src").mkdir()
    (inc / "core" / "a.hpp").write_text('#include "ringleader/graph/csr.hpp"\n#include <vector>\n')
    (inc / "graph" / "b.hpp").write_text('#include "ringleader/core/a.hpp"\n')
    (inc / "centrality" / "c.hpp").write_text('#include "ringleader/io/csv.hpp"\n'
                                              '#include "ringleader/community/detail/q.hpp"\n'
                                              '#include "ringleader/centrality/detail/own.hpp"\n'
                                              '#include "ringleader/stats/basic.hpp"\n')
    (inc / "io" / "d.hpp").write_text("#include <pybind11/pybind11.h>\n")
    (tmp_path / "src" / "e.cpp").write_text('#include "ringleader/io/csv.hpp"\n#include "ringleader/core/a.hpp"\n')
    out = [line.split(": ", 1)[0] + " " + line.rsplit("(", 1)[-1] for f in
           sorted(inc.rglob("*.hpp")) + [tmp_path / "src" / "e.cpp"] for line in layers.problems_of(f, tmp_path)]
    assert sorted(out) == sorted([
        "include/ringleader/centrality/c.hpp:1 rule 4)",
        "include/ringleader/centrality/c.hpp:2 rule 5): move what is shared to core/ or graph/",
        "include/ringleader/core/a.hpp:1 rules 1-3)",
        "include/ringleader/io/d.hpp:1 rule 6)",
    ]), out


def test_check_layers_rule_7_private_names(tmp_path):
    layers = load("check_layers")
    pkg = tmp_path / "python" / "ringleader"
    pkg.mkdir(parents=True)
    (pkg / "_times.py").write_text("def _hidden():\n    pass\n")
    (pkg / "network.py").write_text(
        "class Network:\n"
        "    def __init__(self):\n"
        "        self._net = None\n"
        "\n"
        "\n"
        "def core_of(net):\n"
        "    return net._net\n")
    (pkg / "stats.py").write_text(
        "from . import _times\n"
        "from ._times import _hidden\n"
        "from .network import core_of\n"
        "\n"
        "\n"
        "def density(net, other):\n"
        "    _times._hidden()\n"
        "    return core_of(net), other._net, other.view()._net\n")
    out = [line.split(": ")[0] + " " + line.split(": ")[1].split(" of ")[0]
           for line in layers.python_problems(pkg, tmp_path)]
    assert sorted(out) == sorted([
        "python/ringleader/stats.py:2 imports private _hidden from _times (rule 7)",
        "python/ringleader/stats.py:7 reads private _times._hidden (rule 7)",
        "python/ringleader/stats.py:8 uses private other._net",
        "python/ringleader/stats.py:8 uses private other.view()._net",
    ]), out


def test_the_tree_passes_both():
    assert load("check_layers").main([str(ROOT)]) == 0
    assert load("check_sizes").main([str(ROOT / "python" / "ringleader")]) == 0


def test_architecture_worked_example_names_real_files():
    """docs/architecture.md's worked example (adding reaching centrality)
    names files that exist, and the functions it describes are public."""
    import re

    import ringleader as rl

    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = doc[doc.index("### Files the example touched"):doc.index("### Checklist for the next measure")]
    files = re.findall(r"`([\w./-]+\.(?:hpp|cpp|py|pyi|md))`", section)
    assert len(files) >= 12, files
    missing = [f for f in files if not (ROOT / f).is_file()]
    assert not missing, missing
    assert "local_reaching" in rl.centrality.__all__ and "global_reaching" in rl.centrality.__all__
    assert "reaching" in (ROOT / "include" / "ringleader" / "ringleader.hpp").read_text()


def test_readme_states_the_bad_input_catalogue_count():
    """README's count of the catalogue's rows (docs/bad-input.md) is the real
    count, and every row names a test."""
    import re

    rows = [line for line in (ROOT / "docs" / "bad-input.md").read_text().splitlines()
            if re.match(r"\| [a-z0-9][a-z0-9-]+ \|", line)]
    stated = re.search(r"catalogue of bad input \((\d+)\s+kinds", (ROOT / "README.md").read_text())
    assert stated and int(stated.group(1)) == len(rows)
    assert all(re.search(r"`[A-Za-z_\[][^`]*`\s*\|\s*$", line) or "test" in line.split("|")[-2] for line in rows)
