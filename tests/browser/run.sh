#!/usr/bin/env bash
# The phone page (relais export --format html --app), the HTML slides (relais export
# --format slides) and the printed handouts in a real headless Chromium, without network: see
# app_test.py, slides_test.py and handout_test.py. Needs Debian's chromium and chromium-driver
# (apt-get install -y chromium chromium-driver) and python3; skips, saying so, when chromium
# is absent. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "SKIP tests/browser: chromium or chromedriver not installed" \
        "(apt-get install -y chromium chromium-driver)"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "tests/browser: python3 is needed to drive chromedriver" >&2
    exit 1
fi

# The binary to test: the first argument (CI passes the one it already built), else a fresh
# release build; the query sets to compare the page with it on: the other arguments.
relais=${1:-}
if [ -z "$relais" ]; then
    cargo build --quiet --release
    relais=target/release/relais
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# An empty home, so that installed data or RELAIS_DATA cannot change what is exported.
export HOME="$work/home" XDG_DATA_HOME="$work/home/share"
unset RELAIS_DATA
"$relais" --data tests/fixtures/export export --format html --app -o "$work/fixture.html"
"$relais" export --format html --app -o "$work/bundled.html"

# The query sets: the arguments after the binary, else every query file (tuned on, blind tune
# and held-out halves, French and English) and the public sample: the page must rank like the
# terminal on all of them.
shift || true
sets=("$@")
if [ ${#sets[@]} -eq 0 ]; then
    sets=(tests/queries.yaml tests/queries-tune*.yaml tests/queries-heldout*.yaml
          tests/queries-en.yaml tests/queries-en-tune*.yaml tests/queries-en-heldout*.yaml)
    [ -f ../shared/queries/public.yaml ] && sets+=(../shared/queries/public.yaml)
fi
python3 tests/browser/app_test.py "$relais" "$work/fixture.html" "$work/bundled.html" "${sets[@]}"

"$relais" --data tests/fixtures/present/kb.yaml export --format slides --deck seance-essai \
    -o "$work/fixture-slides.html"
first_deck=$("$relais" decks --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
"$relais" export --format slides --deck "$first_deck" -o "$work/bundled-slides.html"
# The screenshot of a slide goes to RELAIS_SHOTS (a folder) when set, else is thrown away.
python3 tests/browser/slides_test.py "$work/fixture-slides.html" "$work/bundled-slides.html" \
    "${RELAIS_SHOTS:-$work}/slide.png"

"$relais" export --format html --deck "$first_deck" --contacts -o "$work/deck-handout.html"
"$relais" export --format html --contacts -o "$work/contacts.html"
# The one-page sheet is for a selection (the bundled data has more contacts than a page holds):
# the contacts of the first deck, as a trainer hands them out after a session.
"$relais" export --format html --deck "$first_deck" --contacts --sheet -o "$work/sheet.html"
python3 tests/browser/handout_test.py "$work/deck-handout.html" "$work/contacts.html" \
    "$work/sheet.html"

# Translations (issue 17): the phone page in Arabic and the bilingual printed cards. The
# screenshot of the Arabic card and the cards' PDF go to RELAIS_SHOTS when set.
"$relais" export --format html --cards --lang ar,en -o "$work/cards.html"
python3 tests/browser/lang_test.py "$work/bundled.html" "$work/cards.html" "${RELAIS_SHOTS:-$work}"
