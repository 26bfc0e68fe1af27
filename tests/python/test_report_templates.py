"""report.html's interactive view data and report templates, without a
browser: the embedded JSON cannot end its element whatever the names (the
default page and a custom Jinja2 template), the data matches the ranking,
the default template renders the built-in page, Jinja2 is optional, template
errors are clear, the static picture labels whom its caption names, and the
view's files ship in the package.  The view itself runs in
test_report_view.py (headless Chromium)."""
import html
import json
import pathlib
import re
import sys

import pandas as pd
import pytest

import ringleader as rl
from ringleader import report
from ringleader.report import _templates, _view
from ringleader.report._text import display

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from test_report import HOSTILE_IDS, _Page, check_scripts, hostile_network  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = pathlib.Path(report.__file__).parent
# more names that try to leave a script element or a JSON string
EXTRA_IDS = ["</script><script>alert(3)</script>", "line\u2028sep\u2029para", "<!--<script>", "\u200fRTL\u200e mark",
             "a&b<c>d'e\"f</SCRIPT >"]
ALL_IDS = HOSTILE_IDS + EXTRA_IDS

jinja2 = pytest.importorskip("jinja2")

AGENCY = """<!DOCTYPE html>
<html lang="fr"><head>{{ head }}</head><body><main>
<header class="marking">DIFFUSION RESTREINTE {{ title }}</header>
{{ heading }}{{ nav }}
<ol class="ranking">{% for r in leaders %}<li data-id="{{ r.id }}">{{ r.id }} | {{ r.id|name }} | {{ r.label or "" }} | {{ r.explanation }}</li>{% endfor %}</ol>
{% for s in sections %}<section id="{{ s.anchor }}"><h2>{{ s.title }}</h2>
{% if s.anchor == "network" %}{{ view }}{% endif %}{{ s.html }}</section>
{% endfor %}<footer>{{ doc.data.persons }} persons, ringleader {{ ringleader_version }}</footer>
</main></body></html>
"""


def hostile_plus():
    """hostile_network with five more persons renamed by EXTRA_IDS."""
    nodes, edges = hostile_network().to_pandas()
    rename = {f"P{i:06d}": name for i, name in enumerate(EXTRA_IDS, start=len(HOSTILE_IDS) + 1)}
    nodes.index = pd.Index([rename.get(v, v) for v in nodes.index], name="id")
    edges = edges.replace({"source": rename, "target": rename})
    return rl.Network.from_pandas(edges, nodes=nodes, directed=True)


def small_network():
    return rl.generate.fraud_network(n_groups=1, teams_per_group=2, operators_per_team=3, victims_per_operator=1,
                                     seed=4)[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(net, default page, page through AGENCY, page through DEFAULT_TEMPLATE)"""
    net = hostile_plus()
    out = tmp_path_factory.mktemp("hostile-view")
    (out / "agency.html").write_text(AGENCY, encoding="utf-8")
    title = "Case </title><script>alert(4)</script>"
    pages = []
    for name, template in (("default", None), ("agency", out / "agency.html"), ("copy", report.DEFAULT_TEMPLATE)):
        paths = report.write(net, out / name, seed=3, top=200, title=title, key_players=0, disruption_steps=0,
                             template=template)
        pages.append(paths["html"].read_text(encoding="utf-8"))
    return (net, *pages)


# ---- the embedded data -------------------------------------------------------------------
def test_embed_json_escapes_what_could_end_the_element():
    for name in ALL_IDS + ["</script>", "]]>", "\u2028\u2029", "&lt;", "<\u0000>"]:
        value = {"id": name, "list": [name, {"k": name}]}
        text = _view.embed_json(value)
        assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}, text
        assert json.loads(text) == value
    assert _view.embed_json({"a": "</script>"}) == '{"a":"\\u003c/script\\u003e"}'
    with pytest.raises(ValueError):
        _view.embed_json({"x": float("nan")})


def test_hostile_ids_in_the_default_page(hostile):
    net, page, _, _ = hostile
    data = check_scripts(page)          # exactly two script elements, the code allowed by its hash
    ids = {x["id"] for x in data["nodes"]}
    assert {display(x, None) for x in ALL_IDS} <= ids   # every hostile id, shown safely
    block = page.split('id="rl-view-data">')[1].split("</script>")[0]
    assert "line\u2028sep\u2029para" in ids and "\u2028" not in block and "\\u2028" in block
    assert "\u202e" not in page and "\x1b" not in page
    labels = {x["label"] for x in data["nodes"]}
    assert "<img src=x onerror=alert(2)>" in labels and "<U+202E>label-rtl" in labels
    shown = "".join(_Page(page).text)
    assert "</script><script>alert(3)</script>" in shown and "<img" not in page.lower()


def test_hostile_ids_through_a_custom_template(hostile):
    net, default, page, _ = hostile
    assert check_scripts(page) == check_scripts(default)   # the same view, the same escaping
    parsed = _Page(page)
    assert "img" not in parsed.tags and "b" not in parsed.tags and page.count("<li data-id=") == 110
    shown = "".join(parsed.text)
    assert "DIFFUSION RESTREINTE Case </title><script>alert(4)</script>" in shown
    for name in ("</script><script>alert(3)</script>", "<script>alert(1)</script>", "a&b<c>d'e\"f</SCRIPT >"):
        assert name in shown
    ids = re.findall(r'<li data-id="([^"]*)"', page)
    # attribute values exact (read_text turned \r\n into \n)
    assert len(ids) == 110 and {x.replace("\r\n", "\n") for x in ALL_IDS} <= {html.unescape(x) for x in ids}
    assert '<html lang="fr">' in page and "110 persons, ringleader" in shown
    assert "<bdi>\u0645\u062d\u0645\u062f 42</bdi>" in page                          # the |name filter


def test_default_template_renders_the_built_in_page(hostile):
    _, default, _, copy = hostile
    assert copy == default
    assert pathlib.Path(report.DEFAULT_TEMPLATE).is_file()


def test_view_data_follows_the_ranking(hostile, tmp_path):
    net, page, _, _ = hostile
    data = check_scripts(page)
    out = tmp_path / "again"
    report.write(net, out, seed=3, top=200, key_players=0, disruption_steps=0)
    leaders = pd.read_csv(out / "leaders.csv", keep_default_na=False)
    nodes = data["nodes"]
    assert data["persons"] == data["shown"] == len(nodes) == len(leaders) and data["labelled"] == 10
    assert [x["rank"] for x in nodes] == list(range(1, len(nodes) + 1))
    assert [x["id"] for x in nodes] == [display(v, None) for v in leaders["id"]]
    assert [x["why"] for x in nodes] == list(leaders["explanation"])
    assert [x["role"] for x in nodes] == list(leaders["role"])
    assert all(x["core"] for x in nodes if x["role"] in ("leader", "broker") or x["rank"] <= 10)
    assert all(0 <= x["x"] <= 1000 and 0 <= x["y"] <= 1000 for x in nodes)
    degree = [0] * len(nodes)
    for i, j, w in data["edges"]:
        assert 0 <= i < j < len(nodes) and w > 0
        degree[i] += 1
        degree[j] += 1
    assert degree == [x["links"] for x in nodes]
    assert sum(c["size"] for c in data["communities"]) == len(nodes)
    assert len(data["measures"]) == len(nodes[0]["ranks"])
    assert report.write(net, tmp_path / "same", seed=3, top=200, key_players=0, disruption_steps=0)["html"] \
        .read_text(encoding="utf-8") == (out / "report.html").read_text(encoding="utf-8")


def test_view_embeds_at_most_the_limit(monkeypatch, tmp_path):
    monkeypatch.setattr(_view, "VIEW_LIMIT", 20)
    net = small_network()
    page = report.write(net, tmp_path, seed=1, key_players=0, disruption_steps=0)["html"].read_text()
    data = check_scripts(page)
    assert data["shown"] == len(data["nodes"]) == 20 < data["persons"]
    assert sum(c["shown"] for c in data["communities"]) == 20 and all(c["shown"] for c in data["communities"])
    assert sum(c["size"] for c in data["communities"]) <= data["persons"]
    assert '<figure id="figure-network"><svg' in page or "drawing needs matplotlib" in page


def test_tiny_networks_have_a_view(tmp_path):
    edges = pd.DataFrame({"source": ["a"], "target": ["b"]})
    data = check_scripts(report.write(rl.Network.from_pandas(edges), tmp_path / "two", seed=1)["html"].read_text())
    assert [x["id"] for x in data["nodes"]] == ["a", "b"] or [x["id"] for x in data["nodes"]] == ["b", "a"]
    assert data["edges"] == [[0, 1, 1]] and all(0 <= x["x"] <= 1000 for x in data["nodes"])
    nodes = pd.DataFrame({"type": ["person"] * 3}, index=["x", "y", "z"])
    empty = rl.Network.from_pandas(pd.DataFrame({"source": [], "target": []}), nodes=nodes)
    data = check_scripts(report.write(empty, tmp_path / "none", seed=1)["html"].read_text())
    assert len(data["nodes"]) == 3 and data["edges"] == [] and data["links"] == 0


# ---- templates ------------------------------------------------------------------------------
def test_without_jinja2_the_default_page_is_unchanged_and_templates_say_what_to_install(monkeypatch, tmp_path):
    net = small_network()
    fast = dict(seed=2, key_players=0, disruption_steps=0)
    before = report.write(net, tmp_path / "with", **fast)["html"].read_text()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    monkeypatch.setitem(sys.modules, "jinja2.sandbox", None)
    assert report.write(net, tmp_path / "without", **fast)["html"].read_text() == before
    template = tmp_path / "t.html"
    template.write_text("{{ head }}")
    with pytest.raises(ImportError, match=re.escape("pip install 'ringleader[report]'")):
        report.write(net, tmp_path / "none", seed=2, template=template)
    assert not (tmp_path / "none").exists()          # before any work


def test_template_errors_are_clear(tmp_path):
    net = small_network()
    with pytest.raises(FileNotFoundError, match="missing.html"):
        report.write(net, tmp_path / "a", template=tmp_path / "missing.html")
    bad = tmp_path / "bad.html"
    bad.write_text("<p>\n{% for s in sections %}\n{{ s.title }\n")
    with pytest.raises(ValueError, match=r"bad.html', line 3"):
        report.write(net, tmp_path / "b", template=bad)
    assert not (tmp_path / "b").exists()
    typo = tmp_path / "typo.html"
    typo.write_text("{{ head }}{{ secton }}")
    with pytest.raises(ValueError, match="'secton' is undefined.*help"):
        report.write(net, tmp_path / "c", seed=1, key_players=0, disruption_steps=0, template=typo)
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text("{{ doc.__class__.__mro__ }}")       # the sandbox refuses
    with pytest.raises(Exception, match="unsafe|not safely|access"):
        report.write(net, tmp_path / "d", seed=1, key_players=0, disruption_steps=0, template=unsafe)


def test_cli_template(tmp_path, capsys):
    from ringleader import cli

    net = small_network()
    net.write_csv(tmp_path / "e.csv", nodes=tmp_path / "n.csv")
    template = tmp_path / "agency.html"
    template.write_text(AGENCY, encoding="utf-8")
    assert cli.main(["report", str(tmp_path / "e.csv"), "--nodes", str(tmp_path / "n.csv"), "--directed",
                     "-o", str(tmp_path / "out"), "--seed", "1", "--key-players", "0", "--steps", "0",
                     "--template", str(template)]) == 0
    page = (tmp_path / "out" / "report.html").read_text()
    assert "DIFFUSION RESTREINTE Network report" in page and check_scripts(page)["persons"] > 0
    assert cli.main(["report", str(tmp_path / "e.csv"), "-o", str(tmp_path / "x"), "--template",
                     str(tmp_path / "nope.html")]) == 2
    assert "nope.html' is not a file" in capsys.readouterr().err


# ---- the static picture and the package -------------------------------------------------------
def test_static_picture_labels_everyone_the_caption_names(tmp_path):
    """A 743-person case with 39 leaders and brokers (more than rl.plot.network's
    30 labels by default): every leader, broker and top-5 person is labelled."""
    pytest.importorskip("matplotlib")
    net, _ = rl.generate.mafia_clan(size=320, seed=1)
    paths = report.write(net, tmp_path, seed=1, key_players=0, disruption_steps=0)
    page = paths["html"].read_text()
    leaders = pd.read_csv(paths["leaders"], index_col="id", keep_default_na=False)
    promised = leaders[leaders["role"].isin(["leader", "broker"]) | (leaders["rank"] <= 5)]
    assert len(promised) > 30
    picture = page[page.index('<figure id="figure-network">'):]
    picture = picture[:picture.index("</figure>")]
    texts = {html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", picture)}
    missing = [v for v, row in promised.iterrows() if (row["label"] or v) not in texts]
    assert not missing, missing
    assert "leaders, brokers and the five highest-ranked persons are ringed and labelled" in page
    # the view draws the core one by one: leaders, brokers, the top ranks, at most 150 key members
    nodes = check_scripts(page)["nodes"]
    core = [x for x in nodes if x["core"]]
    assert {x["rank"] for x in core} >= set(promised["rank"]) and len(core) <= len(promised) + 150 < len(nodes)


def test_view_files_ship_in_the_package():
    for name in ("view.js", "view.css", "templates/report.html"):
        assert (PACKAGE / name).is_file(), name
        assert _view.asset(name)
    script = _view.asset("view.js")
    assert script.isascii()                                  # the CSP hash is of these exact bytes
    assert not any(s in script.lower() for s in ("<script", "</script", "<!--"))   # cannot end its element
    assert "innerHTML" not in script and "eval(" not in script and "fetch(" not in script
    assert "XMLHttpRequest" not in script and "https://" not in script
    assert re.findall(r"https?://[^\"]*", script) == ["http://www.w3.org/2000/svg"]   # the SVG namespace only
    assert "url(" not in _view.asset("view.css") and "@import" not in _view.asset("view.css")
    toml = (ROOT / "pyproject.toml").read_text()
    assert 'wheel.packages = ["python/ringleader"]' in toml and "wheel.exclude" not in toml
    assert 'report = ["Jinja2>=3.1"]' in toml
    assert "Jinja2" in (ROOT / "scripts" / "install-deps.sh").read_text()
    assert "websocket-client" in (ROOT / "scripts" / "install-deps.sh").read_text()
