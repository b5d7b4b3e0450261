#!/usr/bin/env bash
# Time to the first frame of the TUI on the bundled data, in a pseudo-terminal: the release
# binary is started 20 times (empty HOME, 80x24), and the time until a screen containing
# "Rechercher" appears is measured; prints the median, min and max. The budget is 30 ms.
#
#   benches/first_frame.sh
#
# The harness is the ignored test `first_frame_time` in tests/pty/tui.rs (expectrl + vt100).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --quiet --test pty -- --ignored --nocapture --exact tui::first_frame_time 2>&1 \
    | grep -E "^first frame|^CPU time|panicked|error"
