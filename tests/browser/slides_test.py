#!/usr/bin/env python3
"""The HTML slides (`relais export --format slides --deck D`) in a real headless Chromium.

Usage: slides_test.py FIXTURE_SLIDES BUNDLED_SLIDES SHOT_PNG

On the slides of the presentation fixture (tests/fixtures/present, deck seance-essai): one
slide shown at a time, the title slide first; the clicker keys (PgDn, PgUp, arrows, Space,
Backspace, Home, End) move one slide at a time and stop at both ends; `b` blanks the screen
and any key brings the same slide back; `n` shows the speaker notes; `f` goes full screen; no
slide's content overflows its screen (1280x720) or its printed page; a screenshot of the first
entry's slide is saved to SHOT_PNG; printed to PDF, one landscape page per slide. On the
slides of the bundled data's first deck: no overflow, one printed page per slide. On both: no
request left the page and nothing was logged as an error.

Reuses the WebDriver client of app_test.py (same folder, standard library only).
"""

import base64
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from app_test import Failure, browser, check_offline  # noqa: E402

KEYS = {
    "PageDown": "\ue00f",
    "PageUp": "\ue00e",
    "ArrowRight": "\ue014",
    "ArrowLeft": "\ue012",
    "ArrowDown": "\ue015",
    "Backspace": "\ue003",
    "Home": "\ue011",
    "End": "\ue010",
    "Space": " ",
    "Enter": "\ue007",
}


def press(d, key):
    value = KEYS.get(key, key)
    d.s("POST", "/actions", {"actions": [{
        "type": "key", "id": "keyboard",
        "actions": [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}],
    }]})
    d.s("DELETE", "/actions")


def current(d):
    return d.js("return window.relaisSlides.current();")


def visible(d):
    """Indexes of the slides on screen (exactly one expected)."""
    return d.js(
        "return Array.from(document.querySelectorAll('section.slide'))"
        ".map((s, i) => [i, getComputedStyle(s).display]).filter(x => x[1] !== 'none')"
        ".map(x => x[0]);"
    )


def overflowing(d):
    """Slides whose content is taller or wider than the slide (it would be cut off)."""
    return d.js(
        "var out = [];"
        "document.querySelectorAll('section.slide').forEach(function (s, i) {"
        "  var was = s.classList.contains('current'); s.classList.add('current');"
        "  var box = s.getBoundingClientRect();"
        "  var over = Array.from(s.querySelectorAll('h1,h2,p,li,.contact,footer'))"
        "    .filter(e => getComputedStyle(e).display !== 'none' && !e.closest('.notes'))"
        "    .some(e => { var r = e.getBoundingClientRect();"
        "                 return r.bottom > box.bottom + 1 || r.right > box.right + 1; });"
        "  if (!was) s.classList.remove('current');"
        "  if (over || s.scrollHeight > s.clientHeight + 1) out.push(i);"
        "});"
        "return out;"
    )


def print_pages(d):
    pdf = base64.b64decode(d.s("POST", "/print", {
        "orientation": "landscape",
        "page": {"width": 21.0, "height": 29.7},
        "margin": {"top": 0, "bottom": 0, "left": 0, "right": 0},
        "background": True,
    }))
    if not pdf.startswith(b"%PDF"):
        raise Failure("print did not return a PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    return pages, pdf


def as_print(d, on):
    d.s("POST", "/goog/cdp/execute", {
        "cmd": "Emulation.setEmulatedMedia", "params": {"media": "print" if on else ""}})


def layout_checks(d, page):
    count = d.js("return window.relaisSlides.count;")
    sections = d.js("return document.querySelectorAll('section.slide').length;")
    if count != sections or count < 1:
        raise Failure(f"{page}: {count} slides for {sections} sections")
    over = overflowing(d)
    if over:
        raise Failure(f"{page}: slides {over} overflow a 1280x720 screen")
    as_print(d, True)
    over = overflowing(d)
    as_print(d, False)
    if over:
        raise Failure(f"{page}: slides {over} overflow their printed page")
    pages, _ = print_pages(d)
    if pages != count:
        raise Failure(f"{page}: printed {pages} pages for {count} slides")
    print(f"{page}: {count} slides, {pages} printed pages, no overflow")
    return count


def fixture_checks(d, url, shot):
    d.open(url)
    d.wait("return !!window.relaisSlides;", "the slides")
    count = layout_checks(d, "fixture slides")
    if count != 7:
        raise Failure(f"fixture: {count} slides, expected 7 (title, agenda, 4 entries, closing)")
    if visible(d) != [0] or "Séance d'essai" not in d.js("return document.querySelector('section.current h1').textContent;"):
        raise Failure(f"fixture: the title slide is not alone on screen: {visible(d)}")
    steps = [
        ("PageDown", 1), ("ArrowRight", 2), ("Space", 3), ("Backspace", 2), ("PageUp", 1),
        ("ArrowLeft", 0), ("ArrowLeft", 0), ("Enter", 1), ("ArrowDown", 2), ("End", 6),
        ("PageDown", 6), ("Home", 0), ("PageDown", 1), ("PageDown", 2),
    ]
    for key, want in steps:
        press(d, key)
        got = d.wait("return window.relaisSlides.current() === arguments[0] ? 'ok' : null;",
                     f"slide {want} after {key}", want)
        if got != "ok" or visible(d) != [want]:
            raise Failure(f"fixture: after {key} slide {current(d)}, shown {visible(d)}, expected {want}")
    text = d.js("return document.querySelector('section.current').innerText;")
    for needle in ["Que faut-il dire", "Troisième point, plus court que les autres.", "3 / 7"]:
        if needle not in text.replace("\u00a0", " "):
            raise Failure(f"fixture: slide 3 lacks {needle!r}: {text!r}")
    if "Note de l'orateur" in d.js("return document.querySelector('section.current').innerText;"):
        raise Failure("fixture: notes shown before n")
    d.s("POST", "/window/rect", {"width": 1280, "height": 720})
    png = base64.b64decode(d.s("GET", "/screenshot"))
    os.makedirs(os.path.dirname(os.path.abspath(shot)), exist_ok=True)
    with open(shot, "wb") as f:
        f.write(png)
    print(f"screenshot of slide 3: {shot} ({len(png)} bytes)")
    press(d, "n")
    d.wait("var n = document.querySelector('section.current .notes');"
           "return n && getComputedStyle(n).display !== 'none' && n.innerText.includes(\"Note de l'orateur\");",
           "the notes after n")
    press(d, "n")
    d.wait("return getComputedStyle(document.querySelector('section.current .notes')).display === 'none';",
           "the notes hidden again")
    press(d, "b")
    d.wait("return document.body.classList.contains('blank')"
           " && getComputedStyle(document.getElementById('blank')).display === 'block';", "a black screen")
    press(d, "x")
    d.wait("return !document.body.classList.contains('blank');", "the slide again")
    if current(d) != 2:
        raise Failure(f"fixture: unblanking moved to slide {current(d)}")
    press(d, "f")
    d.wait("return document.fullscreenElement !== null;", "full screen after f")
    press(d, "f")
    d.wait("return document.fullscreenElement === null;", "full screen left after f")
    check_offline(d, "fixture slides")


def main():
    _, fixture, bundled, shot = sys.argv
    with browser() as d:
        d.s("POST", "/window/rect", {"width": 1280, "height": 720})
        fixture_checks(d, "file://" + os.path.abspath(fixture), shot)
        d.open("file://" + os.path.abspath(bundled))
        d.wait("return !!window.relaisSlides;", "the bundled slides")
        layout_checks(d, "bundled slides")
        check_offline(d, "bundled slides")
    print("slides test: ok")


if __name__ == "__main__":
    try:
        main()
    except Failure as err:
        print(f"slides test FAILED: {err}", file=sys.stderr)
        sys.exit(1)
