#!/usr/bin/env bash
# End-to-end time of one search from the command line: start-up, loading and validating the
# bundled data, building the index, the query and the output. Release build, measured with
# hyperfine; prints the median.
#
#   benches/cli.sh [QUERY]        default query: hébergeur
#
# Needs hyperfine (apt-get install -y hyperfine). Runs with an empty HOME so that data installed
# for the user never replaces the bundled data.
set -euo pipefail
cd "$(dirname "$0")/.."

query="${1:-hébergeur}"

if ! command -v hyperfine >/dev/null 2>&1; then
    echo "hyperfine est introuvable : apt-get install -y hyperfine" >&2
    exit 2
fi

cargo build --release --quiet
bin="$PWD/target/release/relais"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/share"
unset RELAIS_DATA NO_COLOR

# The command must succeed (exit 0: something found) before it is worth timing.
"$bin" search "$query" >/dev/null

hyperfine --shell=none --warmup 10 --min-runs 100 \
    --export-json "$tmp/result.json" \
    "$bin search $query"

median="$(sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$tmp/result.json" | head -n 1)"
awk -v m="$median" -v q="$query" \
    'BEGIN { printf "médiane : %.2f ms (relais search %s, données intégrées, build release)\n", m * 1000, q }'
