#!/usr/bin/env bash
# Builds the Debian packages chamber-server and chamber-kiosk into build/debs/ from the `ci`
# preset's build tree (the one the test suite runs against), then checks them with lintian.
# Run as root on Debian bookworm, like the README commands: it installs what is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

mapfile -t packaging_packages < <(chamber_package_list package)
ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}" "${packaging_packages[@]}"

preset=ci
build "$preset" chamberd chamberctl chamber-media chamber-kiosk
# The build may predate packaging/ or a changed manifest: configure again so CPackConfig.cmake,
# the maintainer scripts and the conffiles list are current.
cmake "build/$preset" >/dev/null || die "cmake configure failed ($preset)"

out="$CHAMBER_ROOT/build/debs"
staging="$CHAMBER_ROOT/build/$preset/cpack"
rm -rf "$staging" "$out"
mkdir -p "$out"
log "packaging (cpack)"
cpack --config "build/$preset/CPackConfig.cmake" -B "$staging" >"$staging.log" 2>&1 \
    || { cat "$staging.log" >&2; die "cpack failed (log: $staging.log)"; }
cp "$staging"/*.deb "$out/"

for deb in "$out"/*.deb; do
    printf '%s  %s KiB\n' "$(basename "$deb")" "$(($(stat -c %s "$deb") / 1024))"
    dpkg-deb --field "$deb" Depends Recommends Suggests | sed 's/^/    /'
done

# lintian's errors fail the packaging; the tags accepted on purpose are overridden, with the
# reason, in packaging/debian/<package>/lintian-overrides.
log "lintian"
lintian --fail-on error --info "$out"/*.deb || die "lintian found errors in the packages"
log "packages in $out"
