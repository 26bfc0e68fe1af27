"""report.html in headless Chromium: it renders without a single console
message (no JavaScript error, no blocked load, no network access: the page's
Content-Security-Policy blocks and logs any), hostile names stay text in the
DOM, and the screenshot is a picture, not a blank page.  The interactive
view is driven in test_report_view.py.

Needs Debian's `chromium` package; skipped when it is missing, a failure
under CI (`CI` set)."""
import os
import pathlib
import shutil
import subprocess
import sys

import numpy as np
import pytest

import ringleader as rl
from ringleader import report

pytest.importorskip("matplotlib")
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from conftest import SAMPLE  # noqa: E402
from test_report import HOSTILE_IDS, hostile_network  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-extensions", "--disable-sync", "--disable-component-update", "--mute-audio", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0"]


@pytest.fixture(scope="module")
def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed (apt-get install chromium): CI must run the browser check")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def render(browser, page: pathlib.Path, tmp: pathlib.Path, *args):
    """Run headless Chromium on a page; (stdout, console messages)."""
    r = subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args, page.as_uri()],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout, [line for line in r.stderr.splitlines() if ":CONSOLE" in line]


def screenshot(browser, page, tmp):
    """(console messages, pixels as an (height, width, 3) array)."""
    from PIL import Image

    png = tmp / "screenshot.png"
    _, console = render(browser, page, tmp, "--window-size=1280,3000", f"--screenshot={png}")
    with Image.open(png) as im:
        return console, np.asarray(im.convert("RGB")).astype(int)


def ink(pixels):
    """Share of pixels that are not near-white (text, lines, pictures)."""
    return (pixels.min(axis=2) < 200).mean()


def test_the_console_check_sees_errors(browser, tmp_path):
    """The check itself: a script error and a blocked load are seen."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" '
                    "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
                    '<script>throw new Error("boom")</script><img src="http://example.invalid/x.png"></body></html>')
    _, console = render(browser, page, tmp_path, "--dump-dom")
    assert any("boom" in line for line in console) and any("example.invalid" in line for line in console)


def test_sample_report_renders(browser, tmp_path):
    net = rl.read_csv(SAMPLE / "edges.csv", nodes=SAMPLE / "nodes.csv", directed=True)
    page = report.write(net, tmp_path / "out", seed=1)["html"]
    dom, console = render(browser, page, tmp_path, "--dump-dom")
    assert console == []
    assert "<h2>Leaders</h2>" in dom and dom.count("<svg") >= 2 and dom.count("<script") == 2   # the view's
    console, pixels = screenshot(browser, page, tmp_path)
    assert console == [] and pixels.shape == (3000, 1280, 3)
    colour = ((pixels.max(axis=2) - pixels.min(axis=2)) > 80).sum()  # community colours, curves
    assert ink(pixels) > 0.01 and colour > 500, (ink(pixels), colour)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 100


def test_hostile_report_renders_names_as_text(browser, tmp_path):
    page = report.write(hostile_network(), tmp_path / "out", seed=3, top=200)["html"]
    dom, console = render(browser, page, tmp_path, "--dump-dom")
    assert console == []
    assert dom.lower().count("<script") == 2 and "<img" not in dom.lower() and "<b>" not in dom.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom and "\u202e" not in dom
    assert HOSTILE_IDS[-1] in dom                                      # right-to-left name shown
    console, pixels = screenshot(browser, page, tmp_path)
    assert console == [] and ink(pixels) > 0.01
