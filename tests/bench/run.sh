#!/usr/bin/env bash
# Runs the benchmarks on an optimised build. Not part of ctest: each prints its figures and
# the baseline it compares against, and ends with one JSON line, which is also appended to
# build/release/bench-results.jsonl.
#
#   sudo ./tests/bench/run.sh                   # all of them
#   sudo ./tests/bench/run.sh broadcast --clients 200
#   sudo ./tests/bench/run.sh qr_decode | join | voting | hostile | joinstorm | documents | reader | viewer | media | media_return | chainstart | workspace | board | minutes  # one (options follow)
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

results="$CHAMBER_ROOT/build/release/bench-results.jsonl"
bench_dir="$CHAMBER_ROOT/build/release/tests/bench"
declare -A programs=(
    [broadcast]="$bench_dir/bench_broadcast"
    [qr_decode]="$bench_dir/qr/bench_qr_decode"
    [join]="$bench_dir/bench_join"
    [voting]="$bench_dir/bench_voting"
    [hostile]="$bench_dir/bench_hostile"
    [joinstorm]="$bench_dir/bench_joinstorm"
    [documents]="$bench_dir/bench_documents"
    [reader]="$bench_dir/bench_reader"
    [viewer]="$bench_dir/bench_viewer"
    [media]="$bench_dir/bench_media"
    [media_return]="$bench_dir/bench_media_return"
    [chainstart]="$bench_dir/bench_chainstart"
    [workspace]="$bench_dir/bench_workspace"
    [board]="$bench_dir/bench_board"
    [minutes]="$bench_dir/bench_minutes"
)
# What each one needs built (only the selected ones are).
declare -A targets=(
    [broadcast]="bench_broadcast bench_echo_server"
    [qr_decode]="bench_qr_decode"
    [join]="bench_join"
    [voting]="bench_voting bench_echo_server"
    [hostile]="bench_hostile"
    [joinstorm]="bench_joinstorm"
    [documents]="bench_documents"
    [reader]="bench_reader"
    [viewer]="bench_viewer"
    [media]="chamber-media bench_media"
    [media_return]="chamber-media bench_media_return"
    [chainstart]="bench_chainstart"
    [workspace]="bench_workspace"
    [board]="bench_board"
    [minutes]="bench_minutes"
)
selected=(broadcast qr_decode join voting hostile joinstorm documents reader viewer media media_return chainstart workspace board minutes)
if [ $# -gt 0 ] && [ -n "${programs[$1]:-}" ]; then
    selected=("$1")
    shift
fi
packages=("${CHAMBER_BUILD_PACKAGES[@]}")
build_targets=(chamberd)
for name in "${selected[@]}"; do
    read -r -a needed <<<"${targets[$name]}"
    build_targets+=("${needed[@]}")
    # nginx is the baseline of the documents benchmark only, not part of the build or tests.
    [ "$name" = documents ] && packages+=(nginx)
    # pdftoppm is the baseline of the viewer benchmark.
    [ "$name" = viewer ] && packages+=(poppler-utils)
    # Janus carries the programme in the media benchmark's scale-out runs.
    [ "$name" = media ] && packages+=(janus iproute2)
    # Headless Chromium loads the workspace in the workspace benchmark.
    [ "$name" = workspace ] && packages+=(chromium)
    [ "$name" = board ] && packages+=(chromium)
done
ensure_packages "${packages[@]}"
build release "${build_targets[@]}"
raise_file_limit
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
