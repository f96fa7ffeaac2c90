#!/usr/bin/env bash
# Command 2 of the README (and all that .ci/run does): install what is missing, build, and run
# the whole test suite: unit, integration and the seed corpora (ci preset), then libFuzzer on
# every parser for a short while (fuzz preset, clang with ASan and UBSan).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}" "${CHAMBER_TEST_PACKAGES[@]}"
raise_file_limit

build ci
log "ctest (ci)"
ctest --preset ci || die "tests failed"

build fuzz fuzz_all
log "ctest (fuzz, ${CHAMBER_FUZZ_SECONDS:-20} s per target)"
cmake -DCHAMBER_FUZZ_SECONDS="${CHAMBER_FUZZ_SECONDS:-20}" build/fuzz >/dev/null
ctest --preset fuzz || die "fuzzing found a problem (reproducer in build/fuzz)"
log "all tests passed"
