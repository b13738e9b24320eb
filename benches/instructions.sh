#!/usr/bin/env bash
# Instructions per iteration of each runtime case (valgrind's callgrind), errcat beside the
# hand-written code. Instruction counts do not depend on the machine's load, so they complement
# criterion's wall-clock medians on a noisy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p errcat-benches --example decode_loop
binary=target/release/examples/decode_loop
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$1" "$2" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
iterations=${ITERATIONS:-20000}
printf '| case | instructions per iteration |\n|---|---|\n'
for case in errcat untyped handwritten floor large_errcat large_handwritten large_floor render_errcat render_handwritten display_errcat display_handwritten integer_errcat integer_handwritten list_errcat list_handwritten message_errcat message_handwritten from_wire_hit from_wire_miss strum_hit strum_miss; do
    base=$(count "$case" 0)
    full=$(count "$case" "$iterations")
    printf '| %s | %d |\n' "$case" $(((full - base) / iterations))
done
