#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and run Chamber with the demo
# meeting: chamberd, and where a display exists, a chamber-kiosk joined as the chair console.
# The server keeps its data in $CHAMBER_DATA (default ~/.local/share/chamber); stop with
# Ctrl-C (SIGTERM works too) and start again: everything is kept.
#
# Options are passed to chamberd, e.g. ./scripts/run.sh --listen 127.0.0.1:9443
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}"
build release chamberd chamberctl chamber-kiosk chamber-media
raise_file_limit

data=${CHAMBER_DATA:-$HOME/.local/share/chamber}
bin="$CHAMBER_ROOT/build/release/bin"
port=8443
for argument in "$@"; do
    case "$argument" in *:[0-9]*) port=${argument##*:} ;; esac
done

# Video bridges on: chamber-media with this machine's camera and microphone when it has them,
# test sources (a moving ball and a tone) otherwise. A --config of your own replaces this.
case " $* " in
*" --config "* | *" --config="*) ;;
*)
    mkdir -p "$data"
    video=test audio=test
    [ -e /dev/video0 ] && video=v4l2:/dev/video0
    compgen -G '/dev/snd/pcmC*c' >/dev/null && audio=alsa
    cat >"$data/run-demo.conf" <<CONF
# Written by scripts/run.sh at every start.
[media]
enabled = true
program = $bin/chamber-media
arguments = --video $video --audio $audio --ice-address 127.0.0.1
CONF
    set -- --config "$data/run-demo.conf" "$@"
    log "video bridges on: chamber-media --video $video --audio $audio"
    ;;
esac

log "chamberd with the demo meeting; data in $data"
"$bin/chamberd" --demo --data "$data" "$@" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null' EXIT INT TERM
ctl=("$bin/chamberctl" --data "$data" --server "https://127.0.0.1:$port")
for _ in $(seq 50); do "${ctl[@]}" health >/dev/null 2>&1 && break; sleep 0.2; done

# The secretary's workspace needs a named account. chamberd itself never makes one (no default
# password); the demo makes one secretary with a random password, kept only in a 0600 file of
# its data directory, so a fresh machine can log in at once.
demo_account="$data/demo-account.txt"
if "${ctl[@]}" account list 2>/dev/null | grep -q '^no accounts'; then
    password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
    (umask 077 && printf 'name: thuky\npassword: %s\n' "$password" >"$demo_account")
    printf '%s\n' "$password" | "${ctl[@]}" account add thuky --role secretary \
        --display-name "Thư ký kỳ họp (demo)" --password-stdin >/dev/null
fi
[ -f "$demo_account" ] &&
    log "the workspace: https://127.0.0.1:$port/ (log in with $demo_account)"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    log "no display: the kiosk is not started (Ctrl-C stops chamberd)"
    log "try, in another terminal: $bin/chamberctl --data $data meeting show 1"
    wait $server
    exit
fi

# A kiosk of its own, joined as the chair console with a fresh join code. Its identity is kept,
# so later runs reconnect without a code.
kiosk_data="$data/kiosk-chair"
join=()
if [ ! -f "$kiosk_data/device.json" ]; then
    url=$("${ctl[@]}" qr 1 --role chair --label "Bàn chủ tọa (demo)" | tail -n 1)
    join=(--join "$url")
fi
log "chamber-kiosk as the chair console (close its window to stop both)"
"$bin/chamber-kiosk" --data "$kiosk_data" "${join[@]}"
