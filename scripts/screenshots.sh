#!/usr/bin/env bash
# Screenshots of every kiosk screen, in Vietnamese and English, on a 10" tablet (1280x800,
# landscape and portrait) and a 1920x1080 display, with the demo meeting. Headless: uses the
# offscreen platform. Output: build/screenshots/<role>-<lang>-<size>.png, and for the voting
# speaking and presenting scenes (see kiosk/app/selftest/demo-state.json) <role>-<scene>-<lang>-<size>.png
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}"
build release chamber-kiosk

out="$CHAMBER_ROOT/build/screenshots"
mkdir -p "$out"
kiosk="$CHAMBER_ROOT/build/release/bin/chamber-kiosk"
for role in delegate chair tally bridge join; do
    for lang in vi en; do
        for size in 1280x800 800x1280 1920x1080; do
            QT_QPA_PLATFORM=offscreen "$kiosk" --self-test --role "$role" --lang "$lang" \
                --size "$size" --screenshot "$out/$role-$lang-$size.png" 2>/dev/null \
                || die "the $role screen ($lang, $size) failed its self-test"
        done
    done
done
for scene in speech vote voted election result present site; do
    for role in delegate chair tally bridge; do
        for lang in vi en; do
            for size in 1280x800 800x1280 1920x1080; do
                QT_QPA_PLATFORM=offscreen "$kiosk" --self-test --role "$role" --lang "$lang" \
                    --size "$size" --demo-scene "$scene" \
                    --screenshot "$out/$role-$scene-$lang-$size.png" 2>/dev/null \
                    || die "the $role screen ($scene, $lang, $size) failed its self-test"
            done
        done
    done
done
log "screenshots in $out"
