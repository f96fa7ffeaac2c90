#!/usr/bin/env bash
# Runs the benchmarks on an optimised build. Not part of ctest: the figures go to stdout (last
# line of each benchmark is one JSON object) and into build/release/bench-results.jsonl.
#
#   sudo ./tests/bench/run.sh                 # all, with default sizes
#   sudo ./tests/bench/run.sh --clients 200   # options are passed to bench_broadcast
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}"
build release bench_broadcast bench_echo_server chamberd
raise_file_limit

results="$CHAMBER_ROOT/build/release/bench-results.jsonl"
log "bench_broadcast"
"$CHAMBER_ROOT/build/release/tests/bench/bench_broadcast" "$@" | tee /dev/stderr | tail -n 1 >>"$results"
log "results appended to $results"
