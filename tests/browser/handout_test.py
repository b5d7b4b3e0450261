#!/usr/bin/env python3
"""The printed handouts (`relais export --format html …`) in a real headless Chromium, printed
to PDF and read back page by page (pdf_text.py).

Usage: handout_test.py DECK_HANDOUT CONTACTS_SHEET ONE_PAGE_SHEET

- DECK_HANDOUT (a deck with --contacts): every page carries its number, « k / N »;
- CONTACTS_SHEET (--contacts alone): compact, at least three contacts a page on average, and
  numbered pages;
- ONE_PAGE_SHEET (--contacts --sheet): one page holding every contact's name and a QR code
  each for those with a number or a site.
No request leaves any of them.
"""

import base64
import math
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from app_test import Failure, browser, check_offline  # noqa: E402
import pdf_text  # noqa: E402


def printed(d, path):
    d.open("file://" + os.path.abspath(path))
    d.wait("return document.readyState === 'complete';", f"{path} loaded")
    pdf = base64.b64decode(d.s("POST", "/print", {
        "page": {"width": 21.0, "height": 29.7},
        "margin": {"top": 0, "bottom": 0, "left": 0, "right": 0},
    }))
    check_offline(d, path)
    return pdf_text.pages(pdf)


def squeeze(text):
    """Without spaces, ligatures (ﬁ, ﬀ…) as their letters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def numbered(pages, what):
    n = len(pages)
    for k, text in enumerate(pages, 1):
        if not re.search(rf"(?<!\d){k}\s*/\s*{n}(?!\d)", text):
            raise Failure(f"{what}: page {k} of {n} has no « {k} / {n} »: {text[:120]!r}")


def main():
    _, deck, contacts, sheet = sys.argv
    with browser() as d:
        pages = printed(d, deck)
        numbered(pages, "deck handout")
        print(f"deck handout: {len(pages)} pages, each numbered")

        pages = printed(d, contacts)
        numbered(pages, "contacts sheet")
        cards = open(contacts, encoding="utf-8").read().count('<article class="card"')
        if cards < 2 or len(pages) > math.ceil(cards / 3):
            raise Failure(f"contacts sheet: {cards} contacts on {len(pages)} pages")
        print(f"contacts sheet: {cards} contacts on {len(pages)} pages, numbered")

        pages = printed(d, sheet)
        html = open(sheet, encoding="utf-8").read()
        names = re.findall(r'<div class="cell">.*?<h2>(.*?)</h2>', html)
        qrs = html.count("<svg")
        if len(pages) != 1:
            raise Failure(f"one-page sheet: {len(names)} contacts on {len(pages)} pages")
        text = squeeze(pages[0])
        for name in names:
            name = squeeze(name.replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", '"'))
            if name not in text:
                raise Failure(f"one-page sheet: {name!r} not on the page")
        if len(names) < 2 or qrs < 1:
            raise Failure(f"one-page sheet: {len(names)} contacts, {qrs} QR codes")
        print(f"one-page sheet: {len(names)} contacts, {qrs} QR codes, 1 page")
    print("handout test: ok")


if __name__ == "__main__":
    try:
        main()
    except Failure as err:
        print(f"handout test FAILED: {err}", file=sys.stderr)
        sys.exit(1)
