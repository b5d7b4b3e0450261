#!/usr/bin/env python3
"""The phone page (`relais export --format html --app`) in a real headless Chromium.

Drives Debian's chromium through chromedriver over WebDriver on localhost, with the Python
standard library only. Usage: app_test.py RELAIS_BINARY FIXTURE_PAGE BUNDLED_PAGE QUERIES_YAML...

On the fixture page (tests/fixtures/export, stable content): types queries without accents,
with an elision, in capitals, with a typo and through a synonym, sees the right entry first,
opens it, follows a link to a contact card (tel: link, QR code), checks the empty-result page.
On the page made from the bundled data: the page's stemmer gives the terminal's stems for every
word of the data, and every query of each set gets the terminal's first result and confidence
(`relais search --json`); precision at 1 and recall at 5 of both are printed, and the page's
precision may not fall more than 0.05 under the terminal's. On both: the page made no network
request (Chromium's network log and the Resource Timing API) and logged no error.
"""

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
# The page runs the terminal's search on the terminal's index (src/search/page.rs): its
# precision at 1 may not fall more than this under the terminal's on any query set.
MAX_GAP = 0.05


class Failure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, port, profile):
        self.base = f"http://127.0.0.1:{port}"
        caps = {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--window-size=412,915",
                    f"--user-data-dir={profile}",
                ],
            },
            "goog:loggingPrefs": {"performance": "ALL", "browser": "ALL"},
        }
        value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})
        self.session = value["sessionId"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return json.loads(resp.read() or b"{}").get("value")
        except urllib.error.HTTPError as err:
            raise Failure(f"WebDriver {method} {path}: {err.read().decode(errors='replace')}")

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def open(self, url):
        self.s("POST", "/url", {"url": url})

    def js(self, script, *args):
        return self.s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css):
        return self.s("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def type(self, css, text):
        el = self.find(css)
        self.s("POST", f"/element/{el}/clear", {})
        self.s("POST", f"/element/{el}/value", {"text": text})

    def click(self, css):
        self.s("POST", f"/element/{self.find(css)}/click", {})

    def wait(self, script, what, *args, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            value = self.js(script, *args)
            if value:
                return value
            time.sleep(0.05)
        raise Failure(f"timed out waiting for {what}")

    def logs(self, kind):
        for path in ("/se/log", "/log"):
            try:
                return self.s("POST", path, {"type": kind}) or []
            except Failure:
                continue
        raise Failure(f"no {kind} log from chromedriver")

    def quit(self):
        try:
            self.s("DELETE", "")
        except Exception:
            pass


def first_result(d, query):
    """Types `query` in the search box and returns the href of the first result."""
    d.type("#q", query)
    return d.wait(
        "var a = document.querySelector('ol.results a');"
        "return a && location.hash === '#q=' + encodeURIComponent(arguments[0])"
        " ? a.getAttribute('href') : null;",
        f"results for {query!r}",
        query,
    )


def check_offline(d, page):
    """No request left the page: only the file itself in the network log, no resource entry,
    no error in the console (a CSP violation or a script error would be one)."""
    resources = d.js("return performance.getEntriesByType('resource').map(e => e.name);")
    if resources:
        raise Failure(f"{page}: resources fetched: {resources}")
    for entry in d.logs("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            params = message["params"]
            url = params.get("request", {}).get("url") or params.get("url", "")
            # Chromium's own pages (the blank tab it starts with) load chrome:// resources;
            # what matters is any request with a network scheme, or any made by our page.
            by_page = params.get("documentURL", "").startswith("file://")
            networked = re.match(r"(https?|wss?|ftp):", url, re.I)
            if networked or (by_page and not url.startswith(("file://", "data:"))):
                raise Failure(f"{page}: network request to {url}")
    errors = [e["message"] for e in d.logs("browser") if e.get("level") == "SEVERE"]
    if errors:
        raise Failure(f"{page}: console errors: {errors}")


def fixture_checks(d, url):
    d.open(url)
    d.wait("return document.querySelector('#view h3') !== null;", "the home page")
    cases = [
        ("hebergeur", "#e/droits-hebergeur"),
        ("l'HEBERGEUR", "#e/droits-hebergeur"),
        ("lhebergeur", "#e/droits-hebergeur"),
        ("hebergeru", "#e/droits-hebergeur"),
        ("medecin gratuit", "#e/medecin-gratuit"),
        ("toubib", "#e/medecin-gratuit"),
        ("numeros d urgence", "#c/urgences"),
    ]
    for query, expected in cases:
        got = first_result(d, query)
        if got != expected:
            raise Failure(f"fixture: {query!r} -> {got}, expected {expected}")
    # A synonym alone is shown, but not as a sure answer; a word of the data is.
    first_result(d, "toubib")
    if not d.js("return document.querySelector('p.not-sure') !== null;"):
        raise Failure("fixture: 'toubib' (a synonym only) is shown as a sure answer")
    first_result(d, "medecin gratuit")
    if d.js("return document.querySelector('p.not-sure') !== null;"):
        raise Failure("fixture: 'medecin gratuit' is not shown as a sure answer")
    # Open the entry from the results, as a reader would.
    first_result(d, "hebergeur")
    d.click("ol.results a")
    title = d.wait(
        "var h = document.querySelector('article.entry h2');"
        "return location.hash === '#e/droits-hebergeur' && h ? h.textContent : null;",
        "the entry page",
    )
    if title != "Quels sont mes droits en tant qu'hébergeur ?":
        raise Failure(f"fixture: entry title {title!r}")
    # From the entry to a contact card: tel: links and a QR code.
    d.click("section.contacts a[href='#c/urgences']")
    card = d.wait(
        "var c = document.querySelector('article.card');"
        "return location.hash === '#c/urgences' && c ? c.innerHTML : null;",
        "the contact card",
    )
    for needle in ('href="tel:112"', 'href="tel:+3225249889"', "<svg"):
        if needle not in card:
            raise Failure(f"fixture: contact card lacks {needle}")
    # Back to the results of the query.
    d.click("a.back")
    d.wait("return location.hash === '#e/droits-hebergeur';", "back to the entry")
    # Nothing found: a correction to click and who to contact.
    d.type("#q", "hbrgeur")
    suggestion = d.wait(
        "var s = document.querySelector('p.suggest a');"
        "return document.querySelector('h2.nothing') !== null"
        " && document.querySelector('#view ul.list a[href=\"#c/cai-namur\"]') !== null"
        " && s ? s.textContent : null;",
        "the empty-result page",
    )
    if suggestion != "hébergeur":
        raise Failure(f"fixture: suggestion {suggestion!r} for 'hbrgeur'")
    # The entry reviewed more than 12 months ago is flagged (dated against today's clock).
    d.js("location.hash = '#e/vieille-entree';")
    d.wait("return document.querySelector('article.entry .stale') !== null;", "the stale flag")
    d.js("location.hash = '#e/droits-aidant';")
    d.wait("return location.hash === '#e/droits-aidant' && !!document.querySelector('article.entry');",
           "a recent entry")
    footer = d.js("return document.querySelector('footer').textContent;")
    if "avis juridique" not in footer or "15/01/2026" not in footer:
        raise Failure(f"fixture: footer lacks the disclaimer or the data date: {footer!r}")
    check_offline(d, "fixture page")


def read_queries(path):
    """The queries of a query file: (`q`, expected ids), the ids empty for `covered: false`."""
    queries, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*-\s*q:\s*(["\'])(.*)\1\s*$', line) or re.match(r"\s*-\s*q:\s*(.*?)\s*$", line)
            if m:
                current = [m.group(m.lastindex).replace('\\"', '"'), []]
                queries.append(current)
                continue
            # A comment may follow the list (a re-mapped query says when it was re-mapped).
            m = re.match(r"\s*expect:\s*\[([^\]]*)\]\s*(#.*)?$", line)
            if m and current is not None:
                current[1] = [x.strip() for x in m.group(1).split(",") if x.strip()]
    return [tuple(q) for q in queries]


def terminal(relais, data_args, query):
    """The terminal's first five ids and its confidence for `query` (`relais search --json`)."""
    out = subprocess.run(
        [relais, *data_args, "search", "--json", "--limit", "5", "--", query],
        capture_output=True, text=True, check=False,
    ).stdout
    found = json.loads(out)
    # One JSON array, best first; the confidence is on every row (none when nothing is found).
    return [h["id"] for h in found], bool(found) and found[0]["confidence"] == "sure"


def precision(ranked, queries):
    covered = [(r, e) for r, (_, e) in zip(ranked, queries) if e]
    n = max(len(covered), 1)
    p1 = sum(1 for r, e in covered if r and r[0] in e) / n
    r5 = sum(1 for r, e in covered if any(i in e for i in r[:5])) / n
    return p1, r5


def quality(d, url, relais, query_sets):
    """Every query of every set through the page and through the terminal: the same first
    result and the same confidence; the page's P@1 at most 0.05 under the terminal's."""
    d.open(url)
    d.wait("return typeof window.relaisSearch === 'function';", "the bundled page")
    bad_stems = d.js("return window.relaisCheckStems();")
    if bad_stems:
        raise Failure(f"the page's stemmer differs from the terminal's on {bad_stems[:10]}")
    for path in query_sets:
        queries = read_queries(path)
        if len(queries) < 5:  # the smallest blind half has 8: fewer means the file was misread
            raise Failure(f"only {len(queries)} queries read from {path}")
        page = d.js(
            "return arguments[0].map(q => [window.relaisSearch(q).slice(0, 5), window.relaisSure(q)]);",
            [q for q, _ in queries],
        )
        term = [terminal(relais, [], q) for q, _ in queries]
        page_p1, page_r5 = precision([p[0] for p in page], queries)
        term_p1, term_r5 = precision([t[0] for t in term], queries)
        # The file as `relais eval` reads it (a YAML parser): the same answered queries and the
        # same first answers, or this script misread the file.
        judged = json.loads(subprocess.run(
            [relais, "eval", "--json", path], capture_output=True, text=True, check=False,
        ).stdout)
        answered = sum(1 for _, e in queries if e)
        if judged["queries"] != answered or abs(judged["p1"] - term_p1) > 1e-9:
            raise Failure(
                f"{path}: read {answered} answered queries, P@1 {term_p1:.3f}; relais eval reads "
                f"{judged['queries']}, P@1 {judged['p1']:.3f}"
            )
        same_first = sum(1 for p, t in zip(page, term) if p[0][:1] == t[0][:1])
        same_sure = sum(1 for p, t in zip(page, term) if p[1] == t[1])
        print(
            f"{path}: {len(queries)} queries; page P@1 {page_p1:.3f} R@5 {page_r5:.3f}, "
            f"terminal P@1 {term_p1:.3f} R@5 {term_r5:.3f}; same first result {same_first}, "
            f"same confidence {same_sure}"
        )
        for (q, _), p, t in zip(queries, page, term):
            if p[0][:1] != t[0][:1] or p[1] != t[1]:
                print(f"  differs: {q!r} page {p[0][:3]} {p[1]}, terminal {t[0][:3]} {t[1]}")
        if page_p1 < term_p1 - MAX_GAP:
            raise Failure(f"{path}: page P@1 {page_p1:.3f} more than {MAX_GAP} under the terminal's")
    check_offline(d, "bundled page")


@contextlib.contextmanager
def browser():
    """chromedriver and a headless Chromium with an empty profile, for one test script; both are
    stopped when the block ends."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="chromedriver-", suffix=".log", delete=False)
    server = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 20
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2).read()
                break
            except OSError:
                if time.time() > deadline:
                    raise Failure("chromedriver did not start")
                time.sleep(0.1)
        with tempfile.TemporaryDirectory(prefix="relais-chromium-") as profile:
            d = Driver(port, profile)
            try:
                yield d
            finally:
                d.quit()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    _, relais, fixture_page, bundled_page, *query_sets = sys.argv
    with browser() as d:
        fixture_checks(d, "file://" + os.path.abspath(fixture_page))
        print("fixture page: search, entry, contact card, empty result, offline: ok")
        quality(d, "file://" + os.path.abspath(bundled_page), relais, query_sets)
    print("phone page test: ok")


if __name__ == "__main__":
    try:
        main()
    except Failure as err:
        print(f"phone page test FAILED: {err}", file=sys.stderr)
        sys.exit(1)
