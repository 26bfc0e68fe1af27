"""report.html's interactive network view in headless Chromium, driven over
the DevTools protocol (tests/python/_browser.py): search, the hover, focus
and tap card, zoom and pan, filters, community discs, the top ten labels
without overlapping boxes on a 1,000-person case, the static picture with
JavaScript off or without the data, hostile names, and not one console
error or Content-Security-Policy violation.  A screenshot of the view is
saved and its path printed.

Needs Chromium and websocket-client (the test extra): skipped without them,
a failure under CI (`CI` set)."""
import json
import pathlib
import re
import sys

import pytest

import ringleader as rl
from ringleader import report

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _browser import start_chromium  # noqa: E402
from test_report import hostile_network  # noqa: E402

READY = "document.getElementById('rl-view') && document.getElementById('rl-view').getAttribute('data-ready') === '1'"
CENTRE = """(function (sel) {
  var r = document.querySelector(sel).getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
})"""
BOXES = """[...document.querySelectorAll('.rl-label rect')].map(function (r) {
  var b = r.getBoundingClientRect(), g = r.parentNode;
  return {i: Number(g.getAttribute('data-label')), top: g.classList.contains('rl-top'), text: g.textContent,
          x: b.left, y: b.top, w: b.width, h: b.height};
})"""


@pytest.fixture(scope="module")
def browser():
    b = start_chromium(pytest)
    yield b
    b.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A 1,059-person fraud compound's report: (report.html, view data)."""
    net, _ = rl.generate.fraud_compound(size=200, seed=2)
    out = tmp_path_factory.mktemp("view-1000")
    page = report.write(net, out, seed=1, key_players=0, disruption_steps=0)["html"]
    text = page.read_text(encoding="utf-8")
    data = json.loads(text.split('id="rl-view-data">')[1].split("</script>")[0])
    assert data["persons"] >= 1000
    return page, data


@pytest.fixture
def view(browser, big):
    """The 1,000-person page, loaded, the view running and in sight."""
    page = browser.page()
    page.open(big[0])
    page.wait(READY)
    page.js("document.getElementById('network').scrollIntoView()")
    yield page
    problems = page.problems()
    page.close()
    assert problems == [], problems


def centre(page, selector):
    return page.js(f"{CENTRE}({json.dumps(selector)})")


def type_into_search(page, text):
    page.js("var s = document.querySelector('.rl-find input'); s.value = ''; s.focus()")
    page.call("Input.insertText", text=text)


def press(page, key, code=None, vk=13):
    for kind in ("keyDown", "keyUp"):
        page.call("Input.dispatchKeyEvent", type=kind, key=key, code=code or key, windowsVirtualKeyCode=vk)


def assert_no_overlap(boxes):
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            p, q = boxes[a], boxes[b]
            apart = p["x"] + p["w"] <= q["x"] or q["x"] + q["w"] <= p["x"] or \
                p["y"] + p["h"] <= q["y"] or q["y"] + q["h"] <= p["y"]
            assert apart, (p, q)


def test_view_runs_clean_and_replaces_the_static_picture(view, big, tmp_path_factory, capsys):
    page, data = view, big[1]
    assert page.js("document.getElementById('rl-view').hidden") is False
    assert page.js("getComputedStyle(document.getElementById('figure-network')).display") == "none"
    assert page.js("document.scripts.length") == 2
    csp = page.js("document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
    assert re.fullmatch(r"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                        r"script-src 'sha256-[A-Za-z0-9+/]{43}='", csp)
    core = sum(x["core"] for x in data["nodes"])
    assert page.js("document.querySelectorAll('.rl-node').length") == core < len(data["nodes"]) / 4
    assert page.js("document.querySelectorAll('.rl-group').length") >= 5
    folder = tmp_path_factory.mktemp("screenshots")
    page.mouse(*centre(page, '[data-n="0"]'))                     # the card of the first
    shots = [page.screenshot(folder / "report-view-1000.png", full=False)]
    type_into_search(page, data["nodes"][0]["id"])
    press(page, "Enter")
    shots.append(page.screenshot(folder / "report-view-1000-search.png", full=False))
    with capsys.disabled():
        print(f"\nscreenshots of the interactive view (1,059 persons): {shots[0]} and {shots[1].name}")
    assert all(s.stat().st_size > 20000 for s in shots)


def test_search_finds_a_person(view, big):
    page, nodes = view, big[1]["nodes"]
    i = next(k for k, x in enumerate(nodes) if not x["core"])     # in a community disc at first
    person = nodes[i]
    assert page.js(f"document.querySelector('[data-n=\"{i}\"]')") is None
    type_into_search(page, person["id"].upper())                   # case does not matter
    hits = page.js("[...document.querySelectorAll('.rl-hits button')].map(b => Number(b.dataset.n))")
    assert hits and hits[0] == i                                    # the exact match first
    press(page, "Enter")
    assert page.js("document.querySelector('.rl-hit').getAttribute('data-n')") == str(i)
    x, y = centre(page, ".rl-hit")
    sx, sy = centre(page, ".rl-stage")
    assert abs(x - sx) < 1.5 and abs(y - sy) < 1.5                  # centred
    card = page.js("document.querySelector('.rl-card').innerText")
    assert f"Rank {person['rank']} of {len(nodes):,}" in card and person["why"] in card
    assert page.js("document.querySelector('.rl-status').textContent").startswith(f"Found {person['id']}")
    assert any(b["i"] == i for b in page.js(BOXES))                # the found person is labelled
    # a substring, and a rank
    type_into_search(page, person["id"][:-1])
    texts = page.js("[...document.querySelectorAll('.rl-hits button')].map(b => b.textContent)")
    assert 1 <= len(texts) <= 8 and all(person["id"][:-1] in t for t in texts)
    type_into_search(page, "#3")
    assert page.js("document.querySelector('.rl-hits button').textContent").startswith("#3 ")
    type_into_search(page, "nobody-here")
    assert "No person matches" in page.js("document.querySelector('.rl-status').textContent")


def test_card_on_hover_focus_and_tap(view, big):
    page, nodes = view, big[1]["nodes"]
    x, y = centre(page, '[data-n="0"]')
    page.mouse(x, y)                                                # hover
    card = page.js("document.querySelector('.rl-card').innerText")
    first = nodes[0]
    assert page.js("document.querySelector('.rl-card').hidden") is False
    assert f"Rank 1 of {len(nodes):,}" in card and first["role"] in card and f"Community {first['community']}" in card
    assert f"Why: {first['why']}" in card and f"ties to {first['links']:,} persons" in card
    assert f"{first['score']:.3f}" in card
    page.mouse(5, 5)                                                # away, off the picture
    assert page.js("document.querySelector('.rl-card').hidden") is True
    page.js("document.querySelector('[data-n=\"1\"]').focus()")     # keyboard
    assert f"Rank 2 of" in page.js("document.querySelector('.rl-card').innerText")
    page.js("document.activeElement.blur()")
    x, y = centre(page, '[data-n="2"]')
    page.click(x, y)                                                # tap: the card stays
    page.mouse(x + 300, y + 300)
    assert "Rank 3 of" in page.js("document.querySelector('.rl-card').innerText")
    assert page.js("document.querySelector('.rl-card').hidden") is False


def test_community_discs_open_and_close(view):
    page = view
    before = page.js("document.querySelectorAll('.rl-node').length")
    label = page.js("document.querySelector('.rl-group').getAttribute('aria-label')")
    more = int(re.search(r": (\d+) more persons", label).group(1))
    group = page.js("document.querySelector('.rl-group').getAttribute('data-g')")
    page.mouse(*centre(page, f'.rl-group[data-g="{group}"] circle'))
    assert "Click, or press Enter" in page.js("document.querySelector('.rl-card').innerText")
    page.click(*centre(page, f'.rl-group[data-g="{group}"] circle'))
    assert page.js("document.querySelectorAll('.rl-node').length") == before + more
    assert page.js(f"document.querySelector('.rl-group[data-g=\"{group}\"]')") is None
    page.js("document.querySelector('[data-act=collapse]').click()")
    assert page.js("document.querySelectorAll('.rl-node').length") == before
    page.js(f"document.querySelector('.rl-group[data-g=\"{group}\"]').focus()")   # the keyboard way
    press(page, "Enter")
    assert page.js("document.querySelectorAll('.rl-node').length") == before + more


def test_zoom_pan_and_filters(view, big):
    page, nodes = view, big[1]["nodes"]
    scale = "Number(document.querySelector('.rl-world').getAttribute('transform').match(/scale\\(([-\\d.e]+)\\)/)[1])"
    shift = "document.querySelector('.rl-world').getAttribute('transform').match(/translate\\(([^)]*)\\)/)[1]"
    k0 = page.js(scale)
    x, y = centre(page, ".rl-stage")
    page.call("Input.dispatchMouseEvent", type="mouseWheel", x=x, y=y, deltaX=0, deltaY=-400)
    assert page.js(scale) > 1.5 * k0                                # wheel
    page.js("document.querySelector('[data-act=out]').click()")
    page.js("document.querySelector('[data-act=fit]').click()")
    assert page.js(scale) == pytest.approx(k0)                      # buttons
    for kind, gap in (("touchStart", 40), ("touchMove", 80), ("touchMove", 160), ("touchEnd", 160)):
        points = [] if kind == "touchEnd" else [{"x": x - gap, "y": y, "id": 1}, {"x": x + gap, "y": y, "id": 2}]
        page.call("Input.dispatchTouchEvent", type=kind, touchPoints=points)
    assert page.js(scale) == pytest.approx(4 * k0, rel=0.01)        # two fingers, four times as far apart
    page.js("document.querySelector('[data-act=fit]').click()")
    corner = page.js("(function () { var r = document.querySelector('.rl-stage').getBoundingClientRect();"
                     " return [r.left + 4, r.bottom - 4]; })()")
    t0 = page.js(shift)
    page.mouse(*corner)
    page.mouse(*corner, "mousePressed", "left", 1)
    page.mouse(corner[0] + 120, corner[1] - 60, "mouseMoved", "left")
    page.mouse(corner[0] + 120, corner[1] - 60, "mouseReleased", "left", 1)
    page.wait(f"{shift} !== {json.dumps(t0)}")                       # drag
    a, b = (float(v) for v in page.js(shift).split(","))
    c, d = (float(v) for v in t0.split(","))
    assert a - c == pytest.approx(120, abs=1) and b - d == pytest.approx(-60, abs=1)
    community = nodes[0]["community"]
    page.js(f"var s = document.querySelector('.rl-bar select'); s.value = '{community}';"
            "s.dispatchEvent(new Event('change'))")
    shown = page.js("[...document.querySelectorAll('.rl-node')].map(c => Number(c.dataset.n))")
    assert shown and {nodes[i]["community"] for i in shown} == {community}
    page.js("var s = document.querySelector('.rl-bar select'); s.value = 'all'; s.dispatchEvent(new Event('change'))")
    page.click(*centre(page, '.rl-roles input[value="key member"]'))
    roles = page.js("[...document.querySelectorAll('.rl-node')].map(c => c.getAttribute('class'))")
    assert roles and not any("rl-key-member" in r for r in roles)
    assert any("rl-leader" in r for r in roles)


def test_top_ten_labelled_without_overlapping_boxes(view, big):
    page, nodes = view, big[1]["nodes"]
    x, y = centre(page, ".rl-stage")
    for step in ("fit", "zoom in", "zoom out", "all open"):
        if step == "zoom in":
            page.call("Input.dispatchMouseEvent", type="mouseWheel", x=x, y=y, deltaX=0, deltaY=-700)
        elif step == "zoom out":
            page.js("document.querySelector('[data-act=fit]').click();"
                    "document.querySelector('[data-act=out]').click()")
        elif step == "all open":
            page.js("document.querySelector('[data-act=fit]').click()")
            while page.js("document.querySelector('.rl-group') !== null"):
                page.js("document.querySelector('.rl-group').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
        boxes = page.js(BOXES)
        top = sorted(b["i"] for b in boxes if b["top"])
        assert top == list(range(10)), (step, top)
        for b in boxes:
            name = nodes[b["i"]]["label"] or nodes[b["i"]]["id"]
            assert b["text"] == (name if len(name) <= 28 else name[:27] + "\u2026")
            assert b["w"] > 10 and b["h"] > 10
        assert_no_overlap(boxes)
        if step == "fit":   # every top label is inside the stage and beside its node
            stage = page.js("(function () { var r = document.querySelector('.rl-stage').getBoundingClientRect();"
                            " return [r.left, r.top, r.right, r.bottom]; })()")
            for b in boxes:
                if b["top"]:
                    assert stage[0] <= b["x"] and b["x"] + b["w"] <= stage[2] + 0.5
                    assert stage[1] <= b["y"] and b["y"] + b["h"] <= stage[3] + 0.5
    assert page.js("document.querySelectorAll('.rl-node').length") == len(nodes)


def test_without_javascript_the_static_picture_shows(browser, big):
    page = browser.page(scripts=False)
    page.open(big[0])
    assert page.js("document.getElementById('rl-view').offsetHeight") == 0
    assert page.js("document.getElementById('figure-network').offsetHeight") > 300
    assert page.js("document.querySelector('#figure-network svg').getBoundingClientRect().width") > 300
    problems = page.problems()
    page.close()
    assert problems == [], problems


def test_without_the_data_the_static_picture_shows(browser, big, tmp_path):
    text = big[0].read_text(encoding="utf-8")
    broken = tmp_path / "report.html"
    broken.write_text(re.sub(r'<script type="application/json" id="rl-view-data">.*?</script>', "", text,
                             flags=re.S), encoding="utf-8")
    page = browser.page()
    page.open(broken)
    assert page.js("document.getElementById('rl-view').hidden") is True
    assert page.js("document.getElementById('figure-network').offsetHeight") > 300
    problems = page.problems()
    page.close()
    assert problems == [], problems


def test_hostile_names_stay_text(browser, tmp_path):
    out = report.write(hostile_network(), tmp_path, seed=3, top=200, key_players=0, disruption_steps=0)["html"]
    page = browser.page()
    page.open(out)
    page.wait(READY)
    assert page.js("document.scripts.length") == 2
    assert page.js("document.querySelectorAll('img, b, iframe, object, embed').length") == 0
    labels = page.js("[...document.querySelectorAll('.rl-label text')].map(t => t.textContent)")
    assert "<img src=x onerror=alert(2)>" in labels                 # the boss's label, as text
    type_into_search(page, "<script>alert(1)")
    press(page, "Enter")
    card = page.js("document.querySelector('.rl-card h3').textContent")
    assert card == "<img src=x onerror=alert(2)> (<script>alert(1)</script>)"   # label (id), as text
    assert page.js("document.querySelector('.rl-hit') !== null")
    type_into_search(page, "\u202e")                              # overrides were made visible in Python
    assert page.js("document.querySelectorAll('.rl-hits button').length") == 0
    type_into_search(page, "<U+202E>evil")
    assert page.js("document.querySelectorAll('.rl-hits button').length") == 1
    problems = page.problems()
    page.close()
    assert problems == [], problems
