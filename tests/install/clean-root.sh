#!/usr/bin/env bash
# The clean-root install test (not in ctest: it takes minutes). On a minimal Debian bookworm
# root made by mmdebstrap --variant=minbase, where nothing of Chamber's build was ever
# installed, it installs only build/debs/chamber-server_*.deb and chamber-kiosk_*.deb with apt,
# then checks inside that root that chamberd starts from the installed configuration and
# answers /api/v1/health, that chamberctl talks to it, that every kiosk role passes
# --self-test offscreen (a QML module missing from the package's Depends fails here), that
# installing the packages again (the upgrade path) keeps data and service, and that
# apt-get remove keeps the data while apt-get purge deletes it.
#
# Run as root after scripts/package.sh. The root is entered with chroot in private mount and
# PID namespaces (the run also without network), so no mount leaks onto this machine and
# everything started inside dies with it. The minbase tarball is cached per day in
# build/clean-root/. CHAMBER_KEEP_ROOT=1 keeps the root directory for a look afterwards.
# Prints each check, the root's size and the time, and a JSON summary as the last line.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

# --readme: instead of the .debs, README command 1's packages (scripts/lib.sh's
# CHAMBER_BUILD_PACKAGES, installed by its own ensure_packages), then `cmake --preset ci`
# configures this source tree there (every build dependency is present) and this tree's
# build/ci programs run there: chamberd, chamberctl and every kiosk role's self-test. Compiling
# in the root is left out (20 minutes on two cores); the programs are bookworm builds either way.
mode=debs
case "${1:-}" in
--readme) mode=readme ;;
"") ;;
*) die "usage: $0 [--readme]" ;;
esac

[ "$(id -u)" -eq 0 ] || die "run as root: it builds a root file system and chroots into it"
mapfile -t needed < <(chamber_package_list package)
ensure_packages "${needed[@]}"

if [ "$mode" = debs ]; then
    debs=("$CHAMBER_ROOT"/build/debs/chamber-server_*.deb "$CHAMBER_ROOT"/build/debs/chamber-kiosk_*.deb)
    for deb in "${debs[@]}"; do
        [ -f "$deb" ] || die "no $(basename "$deb") in build/debs: run scripts/package.sh first"
    done
else
    programs=("$CHAMBER_ROOT"/build/ci/bin/{chamberd,chamberctl,chamber-media,chamber-kiosk})
    for program in "${programs[@]}"; do
        [ -x "$program" ] || die "no $program: build the ci preset first (scripts/test.sh or lib.sh's build ci)"
    done
fi

work=$CHAMBER_ROOT/build/clean-root
root=$work/root
started=$SECONDS
mkdir -p "$work"

# Nothing may be mounted under the root when it is deleted: rm would go through the mount.
remove_root() {
    [ -d "$root" ] || return 0
    if grep -q " $root/" /proc/self/mountinfo; then
        printf 'error: something is still mounted under %s; not deleting it\n' "$root" >&2
        return 1
    fi
    rm -rf --one-file-system "$root"
}
namespace_pid=""
cleanup() {
    if [ -n "$namespace_pid" ]; then
        # The namespace's first process; everything else inside dies with it.
        kill -KILL "$namespace_pid" 2>/dev/null || true
        wait "$namespace_pid" 2>/dev/null || true
    fi
    [ "${CHAMBER_KEEP_ROOT:-0}" = 1 ] || remove_root
}
trap cleanup EXIT

# The Debian sources of this machine (deb.debian.org: bookworm, -updates, -security), else the
# plain mirror.
debian_sources() {
    local file
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] && grep -q 'deb\.debian\.org' "$file" && { echo "$file"; return; }
    done
    echo "deb http://deb.debian.org/debian bookworm main"
}

tarball=$work/bookworm-minbase-$(date -u +%Y%m%d).tar
if [ ! -f "$tarball" ]; then
    log "mmdebstrap --variant=minbase bookworm (cached as $(basename "$tarball"))"
    rm -f "$work"/bookworm-minbase-*.tar
    mmdebstrap --quiet --variant=minbase --mode=root --format=tar bookworm "$tarball.part" "$(debian_sources)" \
        || die "mmdebstrap failed"
    mv "$tarball.part" "$tarball"
fi

remove_root
mkdir -p "$root"
tar --numeric-owner -xpf "$tarball" -C "$root"
minbase_mib=$(du -sm "$root" | cut -f1)
inside=$root/tmp/clean-root
if [ "$mode" = debs ]; then
    mkdir -p "$inside/debs"
    cp "${debs[@]}" "$inside/debs/"
else
    # The source tree as git knows it (tracked files, with their changes), and the programs.
    mkdir -p "$inside/src" "$inside/bin"
    git -C "$CHAMBER_ROOT" ls-files -z | tar -C "$CHAMBER_ROOT" --null -T - -cf - | tar -C "$inside/src" -xf -
    cp "${programs[@]}" "$inside/bin/"
fi
cp "$(dirname "$0")/clean-root-inside.sh" "$inside/"
: >"$inside/results"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# As in any chroot: packages must not start daemons here (ours would not anyway: no systemd
# runs, so its postinst only enables chamberd for the next boot).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

# in_root network|offline PHASE...: runs clean-root-inside.sh in the root, in new mount and
# PID namespaces (offline: and a network namespace with only loopback).
in_root() {
    local network=$1
    shift
    local namespaces=(--mount --propagation private --pid --fork --kill-child)
    [ "$network" = offline ] && namespaces+=(--net)
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare "${namespaces[@]}" bash -c '
        set -euo pipefail
        root=$1 network=$2
        shift 2
        # Only in the new network namespace: the host interfaces are left alone.
        [ "$network" = offline ] && ip link set lo up
        mount -t proc proc "$root/proc"
        mount --rbind /sys "$root/sys"
        mount --rbind /dev "$root/dev"
        mount -t tmpfs -o mode=755 tmpfs "$root/run"
        exec chroot "$root" /bin/bash /tmp/clean-root/clean-root-inside.sh "$@"
    ' bash "$root" "$network" "$@" &
    namespace_pid=$!
    local status=0
    wait "$namespace_pid" || status=$?
    namespace_pid=""
    return "$status"
}

phase_seconds=()
phases_stopped=0
run_phase() { # network|offline PHASE...
    local begin=$SECONDS status=0
    in_root "$@" || status=$?
    phase_seconds+=("$*: $((SECONDS - begin)) s")
    if [ "$status" -ne 0 ]; then
        # A phase that stopped early skipped checks: that fails the test too.
        printf 'error: the phase "%s" stopped with status %s\n' "$*" "$status" >&2
        phases_stopped=$((phases_stopped + 1))
    fi
    return 0
}

if [ "$mode" = debs ]; then
    log "installing the .debs in a clean bookworm root"
    run_phase network install
    installed_mib=$(du -sm --exclude=./tmp/clean-root "$root" | cut -f1)
    log "running chamberd, chamberctl and the kiosk self-tests in it (no network)"
    run_phase offline run reinstall remove purge
else
    log "README command 1's packages in a clean bookworm root"
    run_phase network readme_install
    installed_mib=$(du -sm --exclude=./tmp/clean-root "$root" | cut -f1)
    log "configuring the source tree, running this build's programs in it (no network)"
    run_phase offline readme_run
fi

# --- Report ------------------------------------------------------------------------------------
passed=0
failed=0
checks_json=""
while IFS=$'\t' read -r name result _; do
    if [ "$result" = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    name_json=${name//\\/\\\\}
    name_json=${name_json//\"/\\\"}
    checks_json+="${checks_json:+,}\"$name_json\":\"$result\""
done <"$inside/results"
packages_added=$(cat "$inside/packages-added" 2>/dev/null || echo 0)
seconds=$((SECONDS - started))

printf '\nclean-root install test (%s): %s checks passed, %s failed; %s phases stopped early\n' \
    "$mode" "$passed" "$failed" "$phases_stopped"
printf '  minbase root %s MiB; with the packages and their %s dependencies %s MiB\n' \
    "$minbase_mib" "$packages_added" "$installed_mib"
printf '  %s\n' "${phase_seconds[@]}"
printf '  total %s s\n' "$seconds"
verdict=pass
[ "$failed" -eq 0 ] && [ "$phases_stopped" -eq 0 ] && [ "$passed" -gt 0 ] || verdict=fail
printf '{"test":"clean-root","mode":"%s","result":"%s","passed":%s,"failed":%s,"phases_stopped":%s,"minbase_mib":%s,"installed_mib":%s,"packages_installed":%s,"seconds":%s,"checks":{%s}}\n' \
    "$mode" "$verdict" "$passed" "$failed" "$phases_stopped" "$minbase_mib" "$installed_mib" \
    "$packages_added" "$seconds" "$checks_json"
[ "$verdict" = pass ]
