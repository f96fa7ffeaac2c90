# Shared by run.sh, test.sh and tests/bench/run.sh: install missing Debian packages, build.
# shellcheck shell=bash

CHAMBER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The Debian packages live in packaging/packages/*.list, one per line: the .deb packages'
# Depends/Recommends/Suggests are made from the same files, and the dependency test (tests/deps)
# checks that everything the built programs load at run time is in them.
chamber_package_list() {
    local file
    for file in "$@"; do
        sed -e 's/#.*//' -e '/^[[:space:]]*$/d' -e 's/[[:space:]]//g' \
            "$CHAMBER_ROOT/packaging/packages/$file.list"
    done
}
# Building, and running server and kiosk from the build tree (README command 1).
# shellcheck disable=SC2034 # used by the scripts that source this file
mapfile -t CHAMBER_BUILD_PACKAGES < <(chamber_package_list build server kiosk)
# What the test suite needs on top (README command 2): the server's optional helpers
# (LibreOffice, Janus), the kiosk session's compositor (the dependency test checks it) and the
# test tools. scripts/package.sh and images/build.sh install package.list and images.list.
# shellcheck disable=SC2034
mapfile -t CHAMBER_TEST_PACKAGES < <(chamber_package_list server-recommends server-suggests kiosk-session test)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs whichever of the given Debian packages are missing; apt-get update runs only when
# something is missing.
ensure_packages() {
    local missing=()
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "run as root (or install sudo) to install: ${missing[*]}"
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q || die "apt-get update failed"
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" \
        || die "apt-get install failed"
}

# build PRESET [TARGET...]: configure once, then build (all targets when none are named).
build() {
    local preset=$1
    shift
    cd "$CHAMBER_ROOT" || die "no source tree"
    if [ ! -f "build/$preset/build.ninja" ]; then
        log "configuring ($preset)"
        cmake --preset "$preset" >/dev/null || die "cmake configure failed ($preset)"
    fi
    log "building ($preset${*:+: $*})"
    local targets=()
    local target
    for target in "$@"; do targets+=(--target "$target"); done
    cmake --build "build/$preset" --parallel "$(nproc)" "${targets[@]}" || die "build failed ($preset)"
}

# Many sockets per process: kiosks, benchmarks. Raise the soft limit to the hard one.
raise_file_limit() {
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
}
