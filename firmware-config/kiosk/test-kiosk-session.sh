#!/bin/bash
# Checks kiosk-session's reading of kiosk.conf without starting anything (--print): the shipped
# file gives the default command, rotations become cage's -r, and bad files are refused with
# exit status 2 (the unit does not restart on it) naming the file, line and key.
#   firmware-config/kiosk/test-kiosk-session.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
session=$here/kiosk-session
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# accepts CONTENT EXPECTED: a kiosk.conf holding CONTENT prints a command containing EXPECTED.
accepts() {
    local output
    printf '%b' "$1" >"$work/kiosk.conf"
    output=$("$session" --config "$work/kiosk.conf" --print 2>&1) || { fail "refused: $1 ($output)"; return; }
    [[ $output == *"$2"* ]] || { fail "$1: expected '$2' in: $output"; return; }
    echo "ok: $(tr '\n' ' ' <<<"$1") -> $output"
}

# refuses CONTENT MESSAGE: exit status 2 and MESSAGE on stderr.
refuses() {
    local output status=0
    printf '%b' "$1" >"$work/kiosk.conf"
    output=$("$session" --config "$work/kiosk.conf" --print 2>&1) || status=$?
    ((status == 2)) || { fail "$1: exit status $status, expected 2 ($output)"; return; }
    [[ $output == *"$2"* ]] || { fail "$1: expected '$2' in: $output"; return; }
    echo "ok: refused $(tr '\n' ' ' <<<"$1") -> $output"
}

shipped=$("$session" --config "$here/kiosk.conf" --print)
[[ $shipped == *"cage -d -m extend -- chamber-kiosk --fullscreen --data /var/lib/chamber-kiosk --lang vi" ]] ||
    fail "the shipped kiosk.conf gives: $shipped"

accepts 'rotation = 90\n' 'cage -d -m extend -r -- '
accepts 'rotation = 180\n' '-r -r -- '
accepts 'rotation = 270\nlanguage = en\n' '-r -r -r -- chamber-kiosk --fullscreen --data /var/lib/chamber-kiosk --lang en'
accepts 'renderer = pixman\n' 'WLR_RENDERER=pixman QT_QUICK_BACKEND=software'
accepts 'renderer = gles2\n' 'WLR_RENDERER=gles2 QT_QUICK_BACKEND= '
accepts 'outputs = last\n' 'cage -d -m last'
accepts 'arguments = "--camera v4l2:/dev/video0"\n' '--lang vi --camera v4l2:/dev/video0'
accepts '# only a comment\n\n   \n' '--lang vi'

refuses 'rotation = 45\n' "kiosk.conf:1: rotation must be 0, 90, 180 or 270, not '45'"
refuses '\nlanguage = fr\n' "kiosk.conf:2: language must be vi or en, not 'fr'"
refuses 'renderer = vulkan\n' 'renderer must be auto, pixman or gles2'
refuses 'colour = red\n' "unknown key 'colour'"
refuses 'rotation = 90\nrotation = 180\n' 'kiosk.conf:2: rotation is set twice (first on line 1)'
refuses 'rotation 90\n' "expected 'key = value'"
refuses 'arguments = "--x; reboot"\n' 'may not hold quotes'

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
echo "kiosk-session: all checks passed"
