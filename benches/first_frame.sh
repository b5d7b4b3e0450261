#!/usr/bin/env bash
# Time to the first frame of the TUI on the bundled data (empty HOME, 80x24), release binary.
#
#   benches/first_frame.sh [RUNS]       # 20 starts by default
#
# 1. The pty harness (the ignored test `first_frame_time`, tests/pty/first_frame.rs, built in
#    debug mode: it only reads the pty) starts target/release/relais RUNS times and prints the
#    median, min and max of the wall time from the spawn to the whole first frame, and of
#    relais' CPU time (all its threads) from the fork to that frame.
# 2. If valgrind and tmux are installed: the instructions relais executes until its first frame
#    (callgrind), stable on a loaded machine. relais runs in a detached tmux session at 80x24
#    with RELAIS_BENCH_QUIT_AFTER_FIRST_FRAME=1, which makes it quit right after drawing its
#    first frame (that variable is for this bench only; see BENCHMARKS.md). Each thread is
#    counted apart; on the bundled data no other thread starts before the first frame (the
#    rest of the compiled form is decoded after it), so both counts are the path to the frame.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
cargo build --release --quiet --bin relais
bin="$PWD/target/release/relais"
RELAIS_FIRST_FRAME_BIN="$bin" RELAIS_FIRST_FRAME_RUNS="$runs" \
    cargo test --quiet --test pty -- --ignored --nocapture --exact first_frame::first_frame_time 2>&1 \
    | grep -E "^first frame|^  |panicked|error"

if command -v valgrind >/dev/null && command -v tmux >/dev/null; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    mkdir "$work/home"
    session="relais-first-frame-$$"
    tmux new-session -d -s "$session" -x 80 -y 24 \
        "env -u RELAIS_DATA -u NO_COLOR HOME='$work/home' TERM=xterm-256color \
         RELAIS_BENCH_QUIT_AFTER_FIRST_FRAME=1 \
         valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file='$work/callgrind.out' '$bin' \
         2>'$work/valgrind.log'"
    for _ in $(seq 600); do
        tmux has-session -t "$session" 2>/dev/null || break
        sleep 0.1
    done
    tmux kill-session -t "$session" 2>/dev/null || true
    main="$(grep -E '^(summary|totals):' "$work/callgrind.out-01" | head -1 | awk '{print $2}')"
    total="$(cat "$work"/callgrind.out-* | grep -E '^summary:' | awk '{s += $2} END {print s}')"
    echo "instructions until the first frame (callgrind, 80x24): main thread $main, all threads $total"
fi
