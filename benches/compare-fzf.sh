#!/usr/bin/env bash
# Compares relais with fzf (Debian's package) on the same corpus: whole-process time of one
# query (`relais search QUERY` vs `fzf --filter QUERY` on the corpus exported one document per
# line) with hyperfine, at the bundled size and on generated knowledge bases of 1,000 and
# 10,000 entries; then the top 3 of each on a few queries over the bundled data.
#
# Usage: bash benches/compare-fzf.sh [OUTDIR]   (needs fzf and hyperfine: apt-get install -y fzf hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/compare-fzf}"
mkdir -p "$out"
for tool in fzf hyperfine; do
    command -v "$tool" >/dev/null || { echo "$tool manque : apt-get install -y $tool" >&2; exit 2; }
done

cargo build --release --quiet --bin relais --example gen_kb
relais="$PWD/target/release/relais"
gen="$PWD/target/release/examples/gen_kb"

# Corpora: the bundled data (relais reads it from its binary), and generated ones. The 10,000
# entries are written as a data folder of 1,000-entry files.
"$gen" bundled-lines > "$out/bundled.txt"
"$gen" 1000 yaml > "$out/kb-1000.yaml"
"$gen" 1000 lines > "$out/kb-1000.txt"
rm -rf "$out/kb-10000" && "$gen" 10000 dir "$out/kb-10000"
"$gen" 10000 lines > "$out/kb-10000.txt"

queries=("hebergeur" "aide medicale urgente" "herbergement voiture")
sizes=("bundled::$out/bundled.txt" "1000:$out/kb-1000.yaml:$out/kb-1000.txt" "10000:$out/kb-10000:$out/kb-10000.txt")

{
    echo "# relais vs fzf — $(date -u +%Y-%m-%d)"
    echo
    echo "$(nproc) cœurs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(fzf --version), $(hyperfine --version)"
} > "$out/report.md"

for size in "${sizes[@]}"; do
    IFS=: read -r name data lines <<< "$size"
    data_flag=""
    [ -n "$data" ] && data_flag="--data $data"
    for q in "${queries[@]}"; do
        echo; echo "== $name : « $q »"
        hyperfine --warmup 3 --min-runs 20 -i --style basic \
            --export-markdown "$out/$name-${q// /_}.md" \
            -n relais "$relais $data_flag search '$q' --limit 10 > /dev/null" \
            -n fzf "fzf --filter '$q' < '$lines' > /dev/null"
        { echo; echo "## $name — « $q »"; echo; cat "$out/$name-${q// /_}.md"; } >> "$out/report.md"
    done
done

{
    echo; echo "## Rangs sur les données intégrées (3 premiers)"; echo
    for q in "hebergeur" "herbergeur droits" "loger un migrant chez moi" "aide medicale urgente" "flic controle papiers" "centre ferme"; do
        echo "- « $q »"
        echo "  - relais : $("$relais" search "$q" --limit 3 --json | grep '"id"' | sed 's/.*: "\(.*\)",/\1/' | paste -sd ' ')"
        echo "  - fzf : $(fzf --filter "$q" < "$out/bundled.txt" | head -3 | cut -f1 | paste -sd ' ')"
    done
} >> "$out/report.md"
echo; echo "Rapport : $out/report.md"
