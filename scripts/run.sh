#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and run Chamber with the demo
# meeting. The server keeps its data in $CHAMBER_DATA (default ~/.local/share/chamber); stop it
# with Ctrl-C (SIGTERM works too) and start again: everything is kept.
#
# Options are passed to chamberd, e.g. ./scripts/run.sh --listen 127.0.0.1:9443
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}"
build release chamberd chamberctl
raise_file_limit

data=${CHAMBER_DATA:-$HOME/.local/share/chamber}
bin="$CHAMBER_ROOT/build/release/bin"
log "chamberd with the demo meeting; data in $data"
log "try, in another terminal: $bin/chamberctl --data $data meeting show 1"
exec "$bin/chamberd" --demo --data "$data" "$@"
