#!/usr/bin/env bash
# Fails when the dependency tree of relais (normal dependencies, what ships in the binary)
# contains a network client, an async runtime or a TLS stack: relais works offline and must
# stay unable to phone home. Run from anywhere; prints the offending crates.
set -euo pipefail
cd "$(dirname "$0")/.."

forbidden='reqwest hyper ureq curl isahc surf attohttpc h2 tokio async-std rustls native-tls openssl websocket tungstenite'

tree=$(cargo tree -e normal --target all --prefix none --format '{p}' | awk '{print $1}' | sort -u)
found=''
for name in $forbidden; do
    # Exact crate names, plus their -sys and split crates (curl-sys, tokio-util, rustls-pemfile...).
    hits=$(printf '%s\n' "$tree" | grep -E "^${name}(-[a-z0-9_-]+)?$" || true)
    if [ -n "$hits" ]; then
        found="$found $hits"
    fi
done

if [ -n "$found" ]; then
    echo "no-network: network crates in the dependency tree:$found" >&2
    for crate in $found; do
        cargo tree -e normal -i "$crate" >&2 || true
    done
    exit 1
fi
echo "no-network: $(printf '%s\n' "$tree" | wc -l) crates, no network client"
