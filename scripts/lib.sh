# Shared by run.sh, test.sh and tests/bench/run.sh: install missing Debian packages, build.
# shellcheck shell=bash

CHAMBER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# What building and running the server needs.
CHAMBER_BUILD_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    libsqlite3-dev sqlite3 libssl-dev openssl ca-certificates libqrencode-dev
    qt6-declarative-dev qt6-declarative-dev-tools qt6-multimedia-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libzxing-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
    qml6-module-qtquick-dialogs qml6-module-qtmultimedia qml6-module-qtcore qml6-module-qttest
    qml6-module-qtqml qml6-module-qtqml-models qt6-pdf-dev qml6-module-qtquick-pdf
    qml6-module-qtquick-shapes
    qt6-qpa-plugins fonts-noto-core
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav gstreamer1.0-tools
    libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
    gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-nice gstreamer1.0-gl
    gstreamer1.0-qt6
)
# What the test suite needs on top: clang and its runtime for the libFuzzer targets, qpdf to
# make encrypted PDFs, LibreOffice (headless, no GUI) to convert office uploads (its Vietnamese
# glyphs come from the fonts fontconfig brings (DejaVu) and fonts-noto-core above), chromium
# for the phone reader's browser test, iproute2 (ip, tc) for the network namespaces of the media
# outage test and of the Janus test and benchmark, janus for the video bridges' scale-out, Xvfb
# for the bridge's video test (qml6glsink needs a display with OpenGL: Mesa's llvmpipe on GLX).
CHAMBER_TEST_PACKAGES=(clang-14 libclang-rt-14-dev qpdf chromium iproute2 janus xvfb
    libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)

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
