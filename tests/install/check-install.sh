#!/usr/bin/env bash
# ctest install_manifest: cmake --install of each package's component into a scratch DESTDIR
# (prefix /usr, as the .debs) puts every line of firmware-config/<package>/install.list at its
# DESTINATION with its MODE and the source's bytes, the programs in /usr/bin, and nothing
# under /usr/local. The .debs are made from the same install rules (packaging/CMakeLists.txt).
# Usage: check-install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

build=$1
source_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    failures=$((failures + 1))
}

check_component() { # COMPONENT MANIFEST_DIR PROGRAM...
    local component=$1 manifest_dir=$2
    shift 2
    local root=$scratch/$component
    DESTDIR=$root cmake --install "$build" --component "$component" --prefix /usr >/dev/null \
        || { fail "cmake --install --component $component failed"; return; }
    local program
    for program in "$@"; do
        [ -x "$root/usr/bin/$program" ] || fail "$component: no executable /usr/bin/$program"
    done
    local lines=0 source destination mode extra
    while read -r source destination mode extra; do
        [ -n "$source" ] || continue
        lines=$((lines + 1))
        [ -z "$extra" ] || fail "$component: more than three fields for $destination"
        if [ ! -f "$root$destination" ]; then
            fail "$component: $destination (from $source) not installed"
            continue
        fi
        local want have
        want=$(printf '%o' "$((8#$mode))")
        have=$(stat -c %a "$root$destination")
        [ "$have" = "$want" ] || fail "$component: $destination has mode $have, not $mode"
        cmp -s "$manifest_dir/$source" "$root$destination" \
            || fail "$component: $destination differs from $source"
    done < <(sed -e 's/#.*//' "$manifest_dir/install.list")
    [ -e "$root/usr/local" ] && fail "$component: files under /usr/local: $(find "$root/usr/local" -type f)"
    [ -f "$root/usr/share/doc/chamber-$component/copyright" ] \
        || fail "$component: no /usr/share/doc/chamber-$component/copyright"
    printf '%s: %s manifest lines, %s files installed\n' "$component" "$lines" \
        "$(find "$root" -type f | wc -l)"
}

check_component server "$source_dir/firmware-config/server" chamberd chamberctl chamber-media
check_component kiosk "$source_dir/firmware-config/kiosk" chamber-kiosk
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "install rules match the manifests"
