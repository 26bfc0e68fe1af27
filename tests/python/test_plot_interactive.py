"""rl.plot.interactive (the report's interactive view in a notebook frame and
as a standalone file) and the compact displays of result objects: the
frame is sandboxed and its srcdoc escaped, the page's CSP hash is the inline
script's, hostile ids stay data, the top persons are embedded; one headless
Chromium check that search finds a person in the saved file."""
import base64
import hashlib
import html
import json
import pathlib
import re
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest

import ringleader as rl
from ringleader.report import _view

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _browser import start_chromium  # noqa: E402

HOSTILE = ["</script><script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "line\u2028sep\u2029para",
           "<!--", "&amp;"]


@pytest.fixture(scope="module")
def fraud():
    net, _ = rl.generate.fraud_network(n_groups=2, teams_per_group=1, operators_per_team=3, victims_per_operator=1,
                                       outsiders_per_member=0.3, days=60, seed=7)
    ranking = rl.leaders(net, seed=1)
    return net, ranking, rl.plot.interactive(net, ranking, seed=1)


def hostile_net():
    """A small person network whose ids and labels are hostile strings."""
    people = HOSTILE + [f"p{i}" for i in range(6)]
    edges = pd.DataFrame({"source": people[:-1], "target": people[1:], "type": "call"})
    edges = pd.concat([edges, pd.DataFrame({"source": [people[0]] * 3, "target": people[5:8], "type": "call"})])
    nodes = pd.DataFrame({"type": "person", "label": ["<b>x</b>\u2028", None] * (len(people) // 2) + [None]
                          * (len(people) % 2)}, index=pd.Index(people, name="id"))
    return rl.Network.from_pandas(edges, nodes=nodes, directed=False)


class Tags(HTMLParser):
    """Every start tag of a page, in order."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def frame_of(view):
    """(the frame's attributes, the notebook HTML's start tags)."""
    p = Tags()
    p.feed(view._repr_html_())
    return p.tags[0][1], p.tags


def test_frame_is_sandboxed_and_holds_the_page(fraud):
    _, _, view = fraud
    attrs, tags = frame_of(view)
    assert [t for t, _ in tags] == ["iframe"]              # nothing else reaches the notebook's page
    assert attrs["sandbox"] == "allow-scripts"             # no same-origin: no access to the notebook
    assert attrs["srcdoc"] == view.page                    # the attribute decodes to exactly the page
    assert "<" not in view._repr_html_().split("srcdoc=")[1].split('"')[1]
    assert int(re.search(r"height:(\d+)px", attrs["style"]).group(1)) == view.height > 640
    assert "rl.leaders, log-rank fusion" in view.page      # rl.leaders' attrs: how the ranking was made


def test_csp_allows_exactly_the_inline_script(fraud):
    page = fraud[2].page
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 1 and scripts[0] == _view.asset("view.js")
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert policy == f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page


def test_top_persons_are_embedded_in_rank_order(fraud, tmp_path):
    net, ranking, view = fraud
    data = json.loads(view.page.split('id="rl-view-data">')[1].split("</script>")[0])
    assert [n["id"] for n in data["nodes"][:10]] == [str(v) for v in ranking.index[:10]]
    assert data["nodes"][0]["why"] == ranking["explanation"].iloc[0]
    assert data == view.data and data["persons"] == len(ranking)
    saved = view.save(tmp_path / "view.html")
    assert saved.read_text(encoding="utf-8") == view.page
    assert "persons" in repr(view)


def test_same_builder_as_the_report(fraud, tmp_path):
    net, ranking, view = fraud
    page = rl.report.write(net, tmp_path, seed=1, key_players=0, disruption_steps=0)["html"].read_text("utf-8")
    data = json.loads(page.split('id="rl-view-data">')[1].split("</script>")[0])
    assert [(n["id"], n["rank"], n["role"], n["x"], n["y"]) for n in data["nodes"]] == \
        [(n["id"], n["rank"], n["role"], n["x"], n["y"]) for n in view.data["nodes"]]
    assert data["edges"] == view.data["edges"]


def test_hostile_ids_stay_data():
    net = hostile_net()
    view = rl.plot.interactive(net, seed=3)
    attrs, tags = frame_of(view)
    assert [t for t, _ in tags] == ["iframe"] and attrs["srcdoc"] == view.page
    inner = Tags()
    inner.feed(view.page)
    assert [t for t, _ in inner.tags if t in ("script", "img")] == ["script", "script"]
    assert "\u2028" not in view.page.split('id="rl-view-data">')[1].split("</script>")[0]
    block = view.page.split('id="rl-view-data">')[1].split("</script>")[0]
    ids = {n["id"] for n in json.loads(block)["nodes"]}
    assert {"</script><script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "<!--"} <= ids
    assert "<img src=x" not in view.page                   # the fallback table escapes it too


def test_degree_without_persons_and_a_partition():
    edges = pd.DataFrame({"source": list("abcde") + ["a"], "target": list("bcdea") + ["c"]})
    net = rl.Network.from_pandas(edges, directed=False)
    view = rl.plot.interactive(net, seed=1, top=2)
    ranks = {n["id"]: n for n in view.data["nodes"]}
    assert ranks["a"]["rank"] == 1 and ranks["a"]["role"] == "key member"
    assert ranks["b"]["role"] == "peripheral" and view.data["measures"] == ["contacts"]   # rl.leaders' name of degree
    assert "every node is shown" in view.page
    part = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    view = rl.plot.interactive(net, rl.centrality.betweenness(net).rename("betweenness"), partition=part, seed=1)
    assert {n["id"]: n["community"] for n in view.data["nodes"]} == {"a": 1, "b": 1, "c": 0, "d": 0, "e": 0}


def test_bad_arguments_name_what_to_do():
    net = rl.Network.from_pandas(pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with pytest.raises(ValueError, match="not nodes of the network"):
        rl.plot.interactive(net, pd.Series({"a": 1.0, "zz": 2.0}))
    with pytest.raises(ValueError, match="no community for 1"):
        rl.plot.interactive(net, pd.Series({"a": 1.0, "b": 2.0}), partition={"a": 0})
    with pytest.raises(ValueError, match="height"):
        rl.plot.interactive(net, height=10)
    with pytest.raises(ValueError, match="scores must be numbers"):
        rl.plot.interactive(net, pd.Series({"a": "x", "b": "y"}))


def test_result_objects_display_compactly(fraud):
    net, ranking, _ = fraud
    tr = rl.money.transfer_edges(net)
    origins = sorted(set(tr["source"]) - set(tr["target"]))
    sinks = sorted(set(tr["target"]) - set(tr["source"]))
    assert origins and sinks
    t = rl.money.trace(net, origins)
    plan = rl.money.freeze_plan(net, origins, sinks, cut="accounts", k=2)
    kp = rl.criminal.key_players(net.project("person"), 2, seed=1)
    for obj, name in ((kp, "KeyPlayers"), (t, "MoneyTrace"), (plan, "FreezePlan")):
        text, page = repr(obj), obj._repr_html_()
        assert text.startswith(f"<{name}: ") and len(text.splitlines()) <= 13
        assert page.startswith("<div class='ringleader-result'>") and "<script" not in page
    assert html.escape(str(kp.nodes[0])) in kp._repr_html_()
    hostile = rl.criminal.KeyPlayers(["<script>x</script>"], 1.0, "fragmentation", 1, 1.0, 1)
    assert "<script>x" not in hostile._repr_html_() and "&lt;script&gt;x" in hostile._repr_html_()


# ---- headless Chromium: the saved standalone file ---------------------------------------------
def test_saved_file_search_finds_a_person(fraud, tmp_path):
    _, ranking, view = fraud
    file = view.save(tmp_path / "network.html")
    browser = start_chromium(pytest)
    try:
        page = browser.page(width=1000, height=800)
        page.open(file)
        page.wait("document.getElementById('rl-view').getAttribute('data-ready') === '1'")
        assert page.js("getComputedStyle(document.getElementById('figure-network')).display") == "none"
        person = view.data["nodes"][3]
        page.js("var s = document.querySelector('.rl-find input'); s.value = ''; s.focus()")
        page.call("Input.insertText", text=person["id"])
        hits = page.js("[...document.querySelectorAll('.rl-hits button')].map(b => Number(b.dataset.n))")
        assert hits and hits[0] == 3
        assert page.problems() == []
        page.close()
    finally:
        browser.close()
