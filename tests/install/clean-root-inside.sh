#!/bin/bash
# The half of tests/install/clean-root.sh that runs inside the minimal bookworm root (chroot,
# private mount and PID namespaces; "run" also without network). Each check appends one line
# "NAME<TAB>pass|fail<TAB>DETAIL" to /tmp/clean-root/results; the outer script reports them.
# Phases: install (apt-get install of the .debs only), run (chamberd, chamberctl, kiosk
# self-tests), reinstall (the upgrade path), remove (data kept), purge (data gone).
set -euo pipefail

dir=/tmp/clean-root
results=$dir/results
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin

record() { # NAME pass|fail DETAIL
    printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >>"$results"
    printf '  %-4s %s%s\n' "$2" "$1" "${3:+: $3}"
}
# check NAME COMMAND...: pass when COMMAND succeeds; its output's last line is the detail.
check() {
    local name=$1 output
    shift
    if output=$("$@" 2>&1); then
        record "$name" pass "$(printf '%s' "$output" | tail -n 1)"
    else
        printf '%s\n' "$output" | tail -n 20 | sed 's/^/      | /'
        record "$name" fail "$(printf '%s' "$output" | tail -n 1)"
    fi
}

unit_enabled_links() { # the wants/ symlinks of the units a package ships
    local unit
    for unit in $(dpkg -L "$1" 2>/dev/null | grep '^/lib/systemd/system/' || true); do
        find /etc/systemd/system -name "$(basename "$unit")" -path '*.wants/*' 2>/dev/null
    done
}

install_debs() {
    # Only the two .debs; Recommends (LibreOffice, the kiosk session) stay out, so what the
    # programs need has to be in Depends.
    apt-get install -y -q --no-install-recommends "$dir"/debs/chamber-server_*.deb \
        "$dir"/debs/chamber-kiosk_*.deb >"$dir/apt-install.log" 2>&1 \
        || { tail -n 30 "$dir/apt-install.log"; return 1; }
    tail -n 1 "$dir/apt-install.log"
}
state_directory_private() {
    stat -c '%U %a %n' /var/lib/chamber
    [ "$(stat -c '%U %a' /var/lib/chamber)" = "chamber 700" ]
}
chamberd_conffile() {
    dpkg-query -W -f='${Conffiles}\n' chamber-server | grep /etc/chamber/chamberd.conf
}
nothing_under_usr_local() {
    ! dpkg -L chamber-server chamber-kiosk | grep '^/usr/local' && echo none
}
kiosk_session_not_enabled() {
    local units links
    units=$(dpkg -L chamber-kiosk | grep -c '^/lib/systemd/system/.' || true)
    links=$(unit_enabled_links chamber-kiosk)
    echo "kiosk units: $units, enabled: ${links:-none}"
    [ -z "$links" ]
}
installed_count() {
    dpkg-query -W -f='${db:Status-Abbrev}\n' | grep -c '^ii'
}

# counted_install NAME COMMAND...: apt's package lists fetched, then the check, and how many
# packages it added (for the report).
counted_install() {
    apt-get update -q >"$dir/apt-update.log" 2>&1 || { cat "$dir/apt-update.log"; exit 1; }
    local before
    before=$(installed_count)
    check "$@"
    echo "$(($(installed_count) - before))" >"$dir/packages-added"
}

phase_install() {
    counted_install "apt-get install the .debs" install_debs
    check "user chamber created" getent passwd chamber
    check "/var/lib/chamber is chamber's, 0700" state_directory_private
    check "chamberd.service enabled for boot" \
        ls /etc/systemd/system/multi-user.target.wants/chamberd.service
    check "chamberd.conf is a conffile" chamberd_conffile
    check "nothing under /usr/local" nothing_under_usr_local
    check "binaries in /usr/bin" \
        ls /usr/bin/chamberd /usr/bin/chamberctl /usr/bin/chamber-media /usr/bin/chamber-kiosk
    check "kiosk session not enabled" kiosk_session_not_enabled
}

chamberd_pid=""
stop_chamberd() {
    [ -n "$chamberd_pid" ] || return 0
    kill -TERM "$chamberd_pid" 2>/dev/null || true
    local status=0
    wait "$chamberd_pid" || status=$?
    chamberd_pid=""
    return "$status"
}
trap stop_chamberd EXIT

# as_user USER COMMAND...: COMMAND as USER (its groups, no capabilities, a clean environment
# with its HOME).
as_user() {
    local user=$1
    shift
    local home group
    home=$(getent passwd "$user" | cut -d: -f6)
    group=$(id -g "$user")
    setpriv --reuid "$user" --regid "$group" --init-groups --inh-caps=-all \
        env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME="$home" "$@"
}

health() {
    printf 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' \
        | timeout 5 openssl s_client -quiet -connect 127.0.0.1:8443 2>/dev/null | tr -d '\r'
}

wait_healthy() {
    local try answer
    for try in $(seq 1 120); do
        answer=$(health || true)
        if printf '%s' "$answer" | head -n 1 | grep -q '^HTTP/1.1 200'; then
            echo "after ${try} tries (0.5 s apart): $(printf '%s' "$answer" | tail -n 1)"
            return 0
        fi
        kill -0 "$chamberd_pid" 2>/dev/null || { echo "chamberd exited"; tail -n 20 "$dir/chamberd.log"; return 1; }
        sleep 0.5
    done
    echo "no answer in 60 s"
    tail -n 20 "$dir/chamberd.log"
    return 1
}

meeting_list() { # BIN USER DATA
    local meetings
    meetings=$(as_user "$2" "$1/chamberctl" --data "$3" meeting list) || return 1
    printf '%s\n' "$meetings"
    [ -n "$meetings" ]
}

phase_run() {
    # The installed configuration, with the demo meeting and the loopback of this network
    # namespace (command-line options win over the file).
    run_programs /usr/bin chamber /var/lib/chamber --config /etc/chamber/chamberd.conf
}

# run_programs BIN USER DATA [CHAMBERD OPTIONS...]: chamberd from BIN as USER on DATA with the
# demo meeting, chamberctl against it, every kiosk role's self-test, chamberd's clean stop.
run_programs() {
    local bin=$1 user=$2 data=$3
    shift 3
    # exec in the background subshell: $! is chamberd itself (setpriv and env exec too), so
    # SIGTERM reaches it and wait gets its exit status.
    (exec > "$dir/chamberd.log" 2>&1; exec setpriv --reuid "$user" --regid "$(id -g "$user")" \
        --init-groups --inh-caps=-all env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME="$data" \
        "$bin/chamberd" --data "$data" "$@" --listen 127.0.0.1:8443 --demo \
        --log-format text) &
    chamberd_pid=$!
    check "chamberd answers /api/v1/health" wait_healthy
    check "chamberctl health" as_user "$user" "$bin/chamberctl" --data "$data" health
    check "chamberctl meeting list" meeting_list "$bin" "$user" "$data"
    local role
    mkdir -p "$dir/kiosk"
    chown nobody:nogroup "$dir/kiosk"
    chmod 700 "$dir/kiosk" # it is the kiosk's XDG_RUNTIME_DIR too
    for role in delegate chair tally bridge join; do
        check "chamber-kiosk --self-test --role $role" as_user nobody \
            QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$dir/kiosk" \
            "$bin/chamber-kiosk" --self-test --role "$role" --data "$dir/kiosk/$role"
    done
    # Not through check: wait needs chamberd to be a child of this shell, not of a subshell.
    local status=0
    stop_chamberd || status=$?
    if [ "$status" -eq 0 ]; then
        record "chamberd stops cleanly on SIGTERM" pass "exit 0"
    else
        tail -n 20 "$dir/chamberd.log" | sed 's/^/      | /'
        record "chamberd stops cleanly on SIGTERM" fail "exit $status"
    fi
}

apt_get() { # LOG ARGS...
    local log=$dir/$1
    shift
    apt-get -y -q "$@" >"$log" 2>&1 || { tail -n 30 "$log"; return 1; }
    tail -n 1 "$log"
}
absent() {
    local path
    for path in "$@"; do
        if [ -e "$path" ] || [ -L "$path" ]; then
            echo "still there: $path"
            return 1
        fi
    done
    echo "gone: $*"
}
unknown_to_dpkg() {
    ! dpkg-query -W chamber-server chamber-kiosk 2>/dev/null && echo "not installed, no config"
}

reinstall_debs() {
    dpkg -i "$dir"/debs/chamber-server_*.deb "$dir"/debs/chamber-kiosk_*.deb \
        >"$dir/dpkg-reinstall.log" 2>&1 || { tail -n 30 "$dir/dpkg-reinstall.log"; return 1; }
    tail -n 1 "$dir/dpkg-reinstall.log"
}

# The upgrade path of the maintainer scripts (postinst configure with the old version): the
# same packages again over the installed ones, offline.
phase_reinstall() {
    check "dpkg -i over the installed packages" reinstall_debs
    check "reinstall: data kept" ls /var/lib/chamber/chamber.db /var/lib/chamber/admin.token
    check "reinstall: still enabled for boot" \
        ls /etc/systemd/system/multi-user.target.wants/chamberd.service
}

phase_remove() {
    check "apt-get remove" apt_get apt-remove.log remove chamber-server chamber-kiosk
    check "remove: programs gone" absent /usr/bin/chamberd /usr/bin/chamber-kiosk
    check "remove: data kept" ls /var/lib/chamber/chamber.db /var/lib/chamber/admin.token
    check "remove: configuration kept" ls /etc/chamber/chamberd.conf
}

phase_purge() {
    check "apt-get purge" apt_get apt-purge.log purge chamber-server chamber-kiosk
    check "purge: data and configuration gone" absent /var/lib/chamber /etc/chamber
    check "purge: boot symlink gone" \
        absent /etc/systemd/system/multi-user.target.wants/chamberd.service
    check "purge: packages unknown to dpkg" unknown_to_dpkg
}

# --- README command 1 (clean-root.sh --readme) --------------------------------------------------

readme_packages() {
    # shellcheck source=/dev/null # the source tree copied into the root
    (cd "$dir/src" && source scripts/lib.sh && ensure_packages "${CHAMBER_BUILD_PACKAGES[@]}" \
        && echo "${#CHAMBER_BUILD_PACKAGES[@]} packages named by the lists") \
        >"$dir/readme-packages.log" 2>&1 || { tail -n 30 "$dir/readme-packages.log"; return 1; }
    tail -n 1 "$dir/readme-packages.log"
}
configure_source() {
    (cd "$dir/src" && cmake --preset ci) >"$dir/configure.log" 2>&1 \
        || { tail -n 30 "$dir/configure.log"; return 1; }
    tail -n 1 "$dir/configure.log"
}

phase_readme_install() {
    counted_install "README command 1's packages (scripts/lib.sh ensure_packages)" readme_packages
}

phase_readme_run() {
    check "cmake --preset ci configures the source tree" configure_source
    local data=$dir/data
    mkdir -p "$data"
    chown nobody:nogroup "$data"
    chmod 700 "$data"
    run_programs "$dir/bin" nobody "$data"
}

for phase in "$@"; do
    echo "== $phase"
    "phase_$phase"
done
