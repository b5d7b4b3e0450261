#!/usr/bin/env python3
"""Translations in a real headless Chromium (issue 17): the phone page's language picker and the
printed bilingual cards.

Usage: lang_test.py PHONE_PAGE CARDS_PAGE SHOTS_DIR

- PHONE_PAGE (bundled data, `export --format html --app`): the picker offers French and the
  languages of the data; choosing Arabic shows the translated card of an entry in a block with
  `lang="ar"` and `dir="rtl"`, under both notices (Arabic and French), with the French answer
  still below; a search typed in Arabic finds the entry in the translations; back to French,
  no translated block is left. A screenshot of the Arabic card goes to SHOTS_DIR/app-ar.png.
- CARDS_PAGE (`export --format html --cards --lang ar,en`): printed to A5 PDF
  (SHOTS_DIR/cards.pdf), one page per card, each with the French notice, the French card
  text and a phone number; the Arabic sides carry `dir="rtl"`.
No request leaves either page, and no script error is logged.
"""

import base64
import os
import re
import sys
from html import unescape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from app_test import Failure, browser, check_offline  # noqa: E402
from handout_test import squeeze  # noqa: E402
import pdf_text  # noqa: E402

ENTRY = "gale"


def choose(d, code):
    d.click(f"select#lang option[value='{code}']")
    d.wait("return document.querySelector('select#lang').value === arguments[0];", f"picker on {code}", code)


def phone_page(d, path, shots):
    d.open("file://" + os.path.abspath(path))
    d.wait("return document.querySelector('#view h3') !== null;", "the home page")
    data = d.js("return JSON.parse(document.getElementById('kb').textContent).kb.translations;")
    card = next(t for t in data["entries"] if t["id"] == ENTRY and t["lang"] == "ar")["card"]
    options = d.js("return Array.from(document.querySelectorAll('select#lang option')).map(o => o.value);")
    if options[0] != "fr" or "ar" not in options or "en" not in options:
        raise Failure(f"phone page: picker offers {options}")
    choose(d, "ar")
    home = d.wait("var s = document.querySelector('#view section.tr');"
                  "return s ? [s.lang, s.dir, s.querySelectorAll('li').length] : null;", "the Arabic home")
    if home[:2] != ["ar", "rtl"] or home[2] < 20:
        raise Failure(f"phone page: Arabic home block {home}")
    d.js("location.hash = '#e/' + arguments[0];", ENTRY)
    shown = d.wait(
        "var s = document.querySelector('#view section.tr');"
        "var a = document.querySelector('#view article.entry h2');"
        "return s && a && location.hash === '#e/' + arguments[0] ? "
        "{lang: s.lang, dir: s.dir, text: s.innerText, french: a.textContent,"
        " notices: Array.from(s.querySelectorAll('.tr-notice p')).map(p => [p.lang, p.dir, p.textContent])} : null;",
        "the Arabic card", ENTRY)
    if shown["lang"] != "ar" or shown["dir"] != "rtl":
        raise Failure(f"phone page: translated block lang={shown['lang']} dir={shown['dir']}")
    first_line = card.splitlines()[0].strip()
    if first_line not in shown["text"]:
        raise Failure(f"phone page: the Arabic card's first line is not shown: {first_line!r}")
    langs = [n[0] for n in shown["notices"]]
    if "ar" not in langs or "fr" not in langs:
        raise Failure(f"phone page: notices {shown['notices']}")
    if not any("la version française fait foi" in n[2] and n[1] == "ltr" for n in shown["notices"]):
        raise Failure("phone page: no French notice, left to right")
    if "gale" not in shown["french"]:
        raise Failure(f"phone page: the French entry is not below: {shown['french']!r}")
    # Every number reads left to right inside the right-to-left text: its first character is
    # drawn left of its last (without isolation, `+32 2 225 43 00` would read `00 43 225 2 32+`).
    order = d.js(
        "var out = [];"
        "document.querySelectorAll('#view section.tr bdi.num').forEach(function (b) {"
        "  var t = b.firstChild; if (!t || t.length < 4 || t.data.indexOf(' ') < 0) return;"
        "  var r = document.createRange(); r.setStart(t, 0); r.setEnd(t, 1);"
        "  var first = r.getBoundingClientRect();"
        "  r.setStart(t, t.length - 1); r.setEnd(t, t.length);"
        "  var last = r.getBoundingClientRect();"
        "  out.push([t.data, first.top === last.top ? first.left < last.left : true]);"
        "});"
        "return out;")
    if not order or not all(ok for _, ok in order):
        raise Failure(f"phone page: numbers not read left to right: {order}")
    png = base64.b64decode(d.s("GET", "/screenshot"))
    shot = os.path.join(shots, "app-ar.png")
    with open(shot, "wb") as f:
        f.write(png)
    print(f"phone page: Arabic card of {ENTRY} shown rtl under both notices, {len(order)} numbers"
          f" left to right; screenshot {shot}")
    # A search typed in Arabic finds the entry among the translations.
    d.type("#q", "الجرب")
    got = d.wait("var a = document.querySelector('#view section.tr ol.results a');"
                 "return a ? a.getAttribute('href') : null;", "Arabic results")
    if got != f"#e/{ENTRY}":
        raise Failure(f"phone page: search « الجرب » -> {got}")
    lawyer = d.js("return window.relaisLangSearch('ar', 'محامي مجاني');")
    if not lawyer or not lawyer[0].startswith("aide-juridique"):
        raise Failure(f"phone page: search « محامي مجاني » -> {lawyer[:3]}")
    print(f"phone page: « الجرب » -> {got}, « محامي مجاني » -> {lawyer[0]}")
    # Back to French: no translated block left, the French entry as before.
    choose(d, "fr")
    d.js("location.hash = '#e/' + arguments[0];", ENTRY)
    left = d.wait("return document.querySelector('#view article.entry') ?"
                  " document.querySelectorAll('#view section.tr[lang=ar]').length + 1 : 0;", "the French entry")
    if left != 1:
        raise Failure("phone page: an Arabic block stays after choosing French")
    check_offline(d, path)


def cards(d, path, shots):
    html = open(path, encoding="utf-8").read()
    n = len(re.findall(r'<section class="card[ a-z]*"', html))
    rtl = len(re.findall(r'<div class="side" lang="ar" dir="rtl">', html))
    if n < 20 or rtl < 10:
        raise Failure(f"cards: {n} cards, {rtl} Arabic sides right to left")
    d.open("file://" + os.path.abspath(path))
    d.wait("return document.readyState === 'complete';", "the cards")
    pdf = base64.b64decode(d.s("POST", "/print", {
        "page": {"width": 14.8, "height": 21.0},
        "margin": {"top": 0, "bottom": 0, "left": 0, "right": 0},
    }))
    out = os.path.join(shots, "cards.pdf")
    with open(out, "wb") as f:
        f.write(pdf)
    check_offline(d, path)
    pages = pdf_text.pages(pdf)
    if len(pages) != n:
        raise Failure(f"cards: {len(pages)} pages for {n} cards (one page each)")
    titles = [unescape(re.sub(r"<[^>]+>", "", t)) for t in re.findall(
        r'<div class="side" lang="fr" dir="ltr">\n<p class="lang">[^<]*</p>\n<h2>(.*?)</h2>', html)]
    for k, (text, title) in enumerate(zip(pages, titles), 1):
        flat = squeeze(text)
        if squeeze("la version française fait foi") not in flat or squeeze(title) not in flat:
            raise Failure(f"cards: page {k} lacks the notice or its French title {title!r}: {text[:200]!r}")
    print(f"cards: {n} cards on {len(pages)} A5 pages, each with its French title and the notice; {out}")


def main():
    _, page, cards_page, shots = sys.argv
    os.makedirs(shots, exist_ok=True)
    with browser() as d:
        phone_page(d, page, shots)
        cards(d, cards_page, shots)
    print("lang_test: OK")


if __name__ == "__main__":
    try:
        main()
    except Failure as err:
        print(f"FAIL lang_test: {err}", file=sys.stderr)
        sys.exit(1)
