#!/usr/bin/env bash
# Side-by-side whole-process comparison of relais and fzf, pair by pair, as issue 18 measures
# it: for each size (bundled data; 1,000 and 10,000 generated entries installed with
# `relais data install` in a throw-away HOME), run `relais search QUERY` then
# `fzf --filter QUERY` over the same corpus exported one entry per line, alternately
# (A B A B …), and print the median of the per-pair time ratios relais/fzf. A ratio of 0.5
# means relais takes half of fzf's time. Alternating pairs cancel most of the drift of a
# loaded machine; the median ignores the odd slow run.
#
# Usage: bash benches/compare-fzf-pairs.sh [PAIRS] [QUERY]   (needs fzf: apt-get install -y fzf)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs="${1:-41}"
query="${2:-hebergeur}"
command -v fzf >/dev/null || { echo "fzf manque : apt-get install -y fzf" >&2; exit 2; }
out=target/compare-fzf-pairs
mkdir -p "$out"

cargo build --release --quiet --bin relais --example gen_kb
relais="$PWD/target/release/relais"
gen="$PWD/target/release/examples/gen_kb"

"$gen" bundled-lines > "$out/bundled.txt"
for n in 1000 10000; do
    rm -rf "$out/kb-$n" "$out/home-$n"
    "$gen" "$n" dir "$out/kb-$n"
    "$gen" "$n" lines > "$out/kb-$n.txt"
    mkdir -p "$out/home-$n"
    HOME="$PWD/$out/home-$n" XDG_DATA_HOME="$PWD/$out/home-$n/data" XDG_CONFIG_HOME="$PWD/$out/home-$n/config" \
        "$relais" data install --allow-unsigned "$out/kb-$n" > /dev/null
done

# One whole-process run, in nanoseconds.
run_ns() {
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    t1=$(date +%s%N)
    echo $((t1 - t0))
}

# Median of the relais/fzf ratios of PAIRS alternated runs (3 warm-up pairs discarded).
measure() {
    local home="$1" lines="$2" i a b ratios=()
    for i in $(seq 1 $((pairs + 3))); do
        a=$(HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" run_ns "$relais" search "$query" --limit 10)
        b=$(run_ns fzf --filter "$query" < "$lines")
        [ "$i" -gt 3 ] && ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", a / b }')")
    done
    printf '%s\n' "${ratios[@]}" | sort -g | awk '{ r[NR] = $1 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "%.2f", m }'
}

empty_home="$PWD/$out/home-bundled"
rm -rf "$empty_home" && mkdir -p "$empty_home"
echo "relais/fzf, médiane de $pairs paires alternées, requête « $query » ($(nproc) cœurs, $(fzf --version | cut -d' ' -f1))"
echo "bundled: $(measure "$empty_home" "$out/bundled.txt")"
echo "1000:    $(measure "$PWD/$out/home-1000" "$out/kb-1000.txt")"
echo "10000:   $(measure "$PWD/$out/home-10000" "$out/kb-10000.txt")"
