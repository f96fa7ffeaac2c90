#!/bin/bash
# chamber-firewall against chamberd's own configuration parser: the ruleset for a few
# configurations (shipped defaults, video on, firewall off), a malformed configuration that
# loads nothing, and - as root, in a network namespace of its own so the machine's firewall is
# untouched - the real nft loading, replacing and removing the table, and packets over a veth
# pair between two namespaces: chamberd's port answers, another port is dropped.
#   test_firewall.sh CHAMBERD FIRMWARE_CONFIG_SERVER_DIR
set -euo pipefail

chamberd=$1
dir=$2
firewall=$dir/chamber-firewall
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# The accept rules for ports, in order, from a ruleset.
holes() {
    grep -E '^ +(tcp|udp) dport ' <<<"$1" | sed 's/^ *//' || true
}

# Shipped defaults: chamberd's port and nothing else; everything else dropped.
rules=$("$firewall" --chamberd "$chamberd" --config "$dir/chamberd.conf" --print)
[ "$(holes "$rules")" = "tcp dport 8443 accept" ] || fail "defaults open: $(holes "$rules")"
grep -q 'policy drop;' <<<"$rules" || fail "no drop policy"
grep -q 'iif "lo" accept' <<<"$rules" || fail "loopback not accepted"
grep -q 'udp sport 67 udp dport 68 accept' <<<"$rules" || fail "no DHCP replies"
echo "ok: shipped chamberd.conf opens tcp 8443 only"

# Video on, another port, an SSH hole.
cat >"$work/video.conf" <<'CONF'
[server]
listen = 0.0.0.0:9443
[media]
enabled = true
ice-ports = 40000-40099
[firewall]
also-open = tcp/22
CONF
rules=$("$firewall" --chamberd "$chamberd" --config "$work/video.conf" --print)
expected=$'tcp dport 9443 accept\nudp dport 40000-40099 accept\ntcp dport 22 accept'
[ "$(holes "$rules")" = "$expected" ] || fail "video on opens: $(holes "$rules")"
echo "ok: video on opens tcp 9443, udp 40000-40099 and tcp 22"

# Firewall off: only the removal of the table.
printf '[firewall]\nenabled = false\n' >"$work/off.conf"
rules=$("$firewall" --chamberd "$chamberd" --config "$work/off.conf" --print)
! grep -q 'chain input' <<<"$rules" || fail "firewall off still filters"
grep -qx 'delete table inet chamber' <<<"$rules" || fail "firewall off does not remove the table"
echo "ok: [firewall] enabled = false removes the table"

# A malformed configuration: a clear error naming file and line, and nft never called.
printf '[media]\nice-ports = 60000-50000\n' >"$work/bad.conf"
mkdir "$work/bin"
printf '#!/bin/sh\necho called >>"%s/nft-called"\n' "$work" >"$work/bin/nft"
chmod 755 "$work/bin/nft"
if PATH="$work/bin:$PATH" "$firewall" --chamberd "$chamberd" --config "$work/bad.conf" \
    2>"$work/bad.err"; then
    fail "a malformed configuration was accepted"
fi
grep -q "bad.conf:2: ice-ports" "$work/bad.err" || fail "unclear error: $(cat "$work/bad.err")"
[ ! -e "$work/nft-called" ] || fail "nft was run for a malformed configuration"
echo "ok: malformed configuration refused, nothing loaded: $(tail -n 1 "$work/bad.err")"

# The real nft, as root in a private network namespace.
if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null || ! command -v nft >/dev/null; then
    echo "SKIP: loading with nft needs root, unshare -n and nft (the text checks above passed)"
    exit 0
fi
export chamberd dir firewall work
# shellcheck disable=SC2016 # expanded by the inner bash, from the exported variables
unshare -n bash -euo pipefail -c '
    fail() { echo "FAIL: $*" >&2; exit 1; }
    "$firewall" --chamberd "$chamberd" --config "$work/video.conf" >/dev/null
    loaded=$(nft list table inet chamber)
    grep -q "udp dport 40000-40099 accept" <<<"$loaded" || fail "video ruleset not loaded"
    grep -q "policy drop" <<<"$loaded" || fail "loaded without drop policy"
    # Replaced in one transaction by the defaults: the video holes are gone.
    "$firewall" --chamberd "$chamberd" --config "$dir/chamberd.conf" >/dev/null
    loaded=$(nft list table inet chamber)
    grep -q "tcp dport 8443 accept" <<<"$loaded" || fail "defaults not loaded"
    ! grep -q "udp dport 40000-40099" <<<"$loaded" || fail "video holes stayed"
    # A malformed configuration leaves the rules in force exactly as they were.
    if "$firewall" --chamberd "$chamberd" --config "$work/bad.conf" 2>/dev/null; then
        fail "malformed configuration accepted"
    fi
    [ "$(nft list table inet chamber)" = "$loaded" ] || fail "rules changed by a malformed configuration"
    "$firewall" --chamberd "$chamberd" --config "$dir/chamberd.conf" --check || fail "nft -c refused"
    # Off, then stop: no table left (and --stop on no table is fine).
    "$firewall" --chamberd "$chamberd" --config "$work/off.conf" >/dev/null
    ! nft list table inet chamber >/dev/null 2>&1 || fail "table left with the firewall off"
    "$firewall" --stop
'
echo "ok: nft loaded, replaced, kept on a bad configuration and removed the table (private netns)"

# Packets, not just rules: two network namespaces joined by a veth pair, chamberd serving in
# one behind the firewall, a client in the other. Its port answers; another port, which
# without the firewall would refuse at once (RST), now gets no answer at all.
server_ns=chamberfw-server-$$
client_ns=chamberfw-client-$$
cleanup_namespaces() {
    [ -z "${chamberd_pid:-}" ] || kill "$chamberd_pid" 2>/dev/null || true
    ip netns delete "$server_ns" 2>/dev/null || true
    ip netns delete "$client_ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup_namespaces EXIT
if ! ip netns add "$server_ns" 2>/dev/null || ! ip netns add "$client_ns"; then
    echo "SKIP: packet check needs ip netns (the rule checks above passed)"
    exit 0
fi
ip link add chfw-s$$ netns "$server_ns" type veth peer name chfw-c$$ netns "$client_ns"
ip -n "$server_ns" address add 10.213.0.1/24 dev chfw-s$$
ip -n "$client_ns" address add 10.213.0.2/24 dev chfw-c$$
for namespace in "$server_ns" "$client_ns"; do
    ip -n "$namespace" link set lo up
done
ip -n "$server_ns" link set chfw-s$$ up
ip -n "$client_ns" link set chfw-c$$ up

# connect NS PORT: "open", "refused" or "no answer" (nothing within 3 s: dropped).
connect() {
    local result=0
    ip netns exec "$1" timeout 3 bash -c "exec 3<>/dev/tcp/10.213.0.1/$2" 2>/dev/null || result=$?
    case $result in
        0) echo open ;;
        124) echo "no answer" ;;
        *) echo refused ;;
    esac
}

mkdir "$work/data"
ip netns exec "$server_ns" "$chamberd" --data "$work/data" --listen 10.213.0.1:8443 \
    --log-format json 2>"$work/chamberd.log" &
chamberd_pid=$!
for _ in $(seq 1 100); do
    grep -q '"msg":"listening"' "$work/chamberd.log" && break
    sleep 0.2
done
grep -q '"msg":"listening"' "$work/chamberd.log" || fail "chamberd did not start: $(cat "$work/chamberd.log")"
[ "$(connect "$client_ns" 8444)" = refused ] || fail "without the firewall a closed port should refuse"
ip netns exec "$server_ns" "$firewall" --chamberd "$chamberd" --config "$dir/chamberd.conf" >/dev/null
[ "$(connect "$client_ns" 8443)" = open ] || fail "chamberd's port is not reachable behind the firewall"
[ "$(connect "$client_ns" 8444)" = "no answer" ] || fail "another port is not dropped"
echo "ok: behind the firewall tcp 8443 answers, tcp 8444 is dropped (refused without it)"
