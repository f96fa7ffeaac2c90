#!/usr/bin/env bash
# Runs the benchmarks on an optimised build. Not part of ctest: each prints its figures and
# the baseline it compares against, and ends with one JSON line, which is also appended to
# build/release/bench-results.jsonl.
#
#   sudo ./tests/bench/run.sh                   # all of them
#   sudo ./tests/bench/run.sh broadcast --clients 200
#   sudo ./tests/bench/run.sh qr_decode | join | voting | media  # one of them (options follow)
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}"
build release chamberd bench_broadcast bench_echo_server bench_qr_decode bench_join bench_voting \
    chamber-media bench_media
raise_file_limit

results="$CHAMBER_ROOT/build/release/bench-results.jsonl"
bench_dir="$CHAMBER_ROOT/build/release/tests/bench"
declare -A programs=(
    [broadcast]="$bench_dir/bench_broadcast"
    [qr_decode]="$bench_dir/qr/bench_qr_decode"
    [join]="$bench_dir/bench_join"
    [voting]="$bench_dir/bench_voting"
    [media]="$bench_dir/bench_media"
)
selected=(broadcast qr_decode join voting media)
if [ $# -gt 0 ] && [ -n "${programs[$1]:-}" ]; then
    selected=("$1")
    shift
fi
output=$(mktemp)
trap 'rm -f "$output"' EXIT
for name in "${selected[@]}"; do
    log "bench $name"
    # Through a file rather than tee /dev/stderr, which clobbers a redirected log.
    QT_QPA_PLATFORM=offscreen "${programs[$name]}" "$@" >"$output"
    cat "$output"
    tail -n 1 "$output" >>"$results"
done
log "results appended to $results"
