"""Headless Chromium driven over the DevTools protocol, for the report tests:
:class:`Chromium` starts one browser (``--remote-debugging-port=0``, a
fresh profile, no network) and opens pages; :class:`Page` loads a file,
evaluates JavaScript, moves the mouse, takes screenshots and keeps every
console message, exception, log entry and CSP violation.

Needs the ``websocket-client`` package (the test extra) and Chromium.
"""
from __future__ import annotations

import base64
import itertools
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-extensions", "--disable-sync", "--disable-component-update", "--mute-audio", "--hide-scrollbars",
         "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1280,900"]

# in every page, before its own scripts (DevTools scripts are not subject to the page's CSP)
_WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});"""


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Chromium:
    """One headless browser; ``close()`` ends it (and only it)."""

    def __init__(self, path: str):
        self.profile = tempfile.mkdtemp(prefix="rl-chromium-")
        self.proc = subprocess.Popen([path, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        port = None
        while port is None:
            line = self.proc.stderr.readline()
            if not line and (self.proc.poll() is not None or time.monotonic() > deadline):
                self.close()
                raise RuntimeError("chromium did not start its DevTools server")
            m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if m:
                port = int(m.group(1))
        self.port = port
        # keep reading stderr so the browser never blocks on a full pipe
        import threading
        threading.Thread(target=lambda: [None for _ in self.proc.stderr], daemon=True).start()

    def page(self, width: int = 1280, height: int = 900, scripts: bool = True) -> "Page":
        """A new tab (its own websocket), sized, with JavaScript on or off."""
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/new?about:blank", method="PUT")
        with urllib.request.urlopen(req, timeout=30) as r:
            target = json.loads(r.read())
        return Page(target["webSocketDebuggerUrl"], width, height, scripts)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """A tab: ``open(path)``, ``js(expr)``, ``mouse(x, y)``, ``screenshot(path)``;
    ``problems()`` lists console errors, exceptions, log errors and CSP violations."""

    def __init__(self, url: str, width: int, height: int, scripts: bool):
        import websocket

        self.ws = websocket.create_connection(url, timeout=60, suppress_origin=True, max_size=None)
        self.ids = itertools.count(1)
        self.events = []
        for method in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.call(method)
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)
        self.call("Page.addScriptToEvaluateOnNewDocument", source=_WATCH)
        if not scripts:
            self.call("Emulation.setScriptExecutionDisabled", value=True)

    def call(self, method: str, **params):
        ident = next(self.ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == ident:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def open(self, path: pathlib.Path, timeout: float = 60):
        """Load a file and wait for its load event."""
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.call("Page.navigate", url=pathlib.Path(path).resolve().as_uri())
        deadline = time.monotonic() + timeout
        while not any(e["method"] == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} did not load")
            self.call("Runtime.evaluate", expression="0")
            time.sleep(0.05)

    def js(self, expression: str):
        """The value of a JavaScript expression (JSON-able), awaited if a promise."""
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression[:80]}: {r['exceptionDetails'].get('exception', {}).get('description')}")
        return r["result"].get("value")

    def wait(self, expression: str, timeout: float = 20):
        deadline = time.monotonic() + timeout
        while not self.js(expression):
            if time.monotonic() > deadline:
                raise TimeoutError(expression)
            time.sleep(0.05)

    def mouse(self, x: float, y: float, kind: str = "mouseMoved", button: str = "none", clicks: int = 0):
        self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button=button, clickCount=clicks)

    def click(self, x: float, y: float):
        self.mouse(x, y)
        self.mouse(x, y, "mousePressed", "left", 1)
        self.mouse(x, y, "mouseReleased", "left", 1)

    def screenshot(self, path: pathlib.Path, full: bool = True) -> pathlib.Path:
        params = {"format": "png", "captureBeyondViewport": full}
        if full:
            size = self.js("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 16000), "scale": 1}
        data = self.call("Page.captureScreenshot", **params)["data"]
        path = pathlib.Path(path)
        path.write_bytes(base64.b64decode(data))
        return path

    def problems(self) -> list:
        """Console messages of level warning or error, uncaught exceptions,
        browser log entries (blocked loads, CSP reports) and CSP violations."""
        out = []
        for e in self.events:
            m, p = e["method"], e.get("params", {})
            if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
            elif m == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out.append("exception: " + str(d.get("exception", {}).get("description", d.get("text"))))
            elif m == "Log.entryAdded":
                entry = p["entry"]
                out.append(f"log ({entry.get('source')}, {entry.get('level')}): {entry.get('text')}")
        try:
            out += [f"CSP violation: {v}" for v in (self.js("window.__violations || []") or [])]
        except RuntimeError:
            pass
        return out

    def close(self):
        try:
            self.ws.close()
        except OSError:
            pass


def ci_or_skip(pytest, what: str):
    """Fail under CI (``CI`` set), else skip."""
    if os.environ.get("CI"):
        pytest.fail(f"{what}: CI must run the browser checks")
    pytest.skip(what)


def start_chromium(pytest) -> Chromium:
    """A headless Chromium to drive, or a skip (a failure under CI) naming
    what to install when Chromium or websocket-client is missing."""
    path = find_chromium()
    if path is None:
        ci_or_skip(pytest, "chromium is not installed (apt-get install chromium)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        ci_or_skip(pytest, "websocket-client is not installed (pip install websocket-client)")
    return Chromium(path)
