#!/bin/bash
# Checks images/build.sh's validation of the site file (seconds, no root, nothing built): the
# shipped site.conf passes, and each broken copy is refused with the line and key it names.
#   images/test-site.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

"$here/build.sh" --check-site >/dev/null 2>&1 || { echo "FAIL: the shipped site.conf is refused"; failures=$((failures + 1)); }

# expect EDIT MESSAGE: site.conf changed by the sed expression EDIT must be refused with MESSAGE.
expect() {
    local edit=$1 message=$2 output
    sed "$edit" "$here/site.conf" >"$work/site.conf"
    cmp -s "$here/site.conf" "$work/site.conf" && { echo "FAIL: '$edit' changes nothing"; failures=$((failures + 1)); return; }
    if output=$("$here/build.sh" --site "$work/site.conf" --check-site 2>&1); then
        echo "FAIL: accepted: $edit"
        failures=$((failures + 1))
    elif [[ $output != *"$message"* ]]; then
        echo "FAIL: $edit: expected '$message', got: $output"
        failures=$((failures + 1))
    else
        echo "ok: $edit -> ${output##*$'\n'}"
    fi
}

line_of() { grep -n "^$1 =" "$here/site.conf" | cut -d: -f1; }

expect 's/^kiosk-rotation = 0/kiosk-rotation = 45/' "site.conf:$(line_of kiosk-rotation): kiosk-rotation = '45'"
expect 's/^kiosk-language = vi/kiosk-language = fr/' "kiosk-language = 'fr': vi or en"
expect 's/^server-port = 8443/server-port = 70000/' "server-port = '70000': a TCP port"
expect 's/^server-hostname = .*/server-hostname = -bad-/' "server-hostname = '-bad-'"
expect 's/^server-hostname = .*/hostname = chamber/' "site.conf:$(line_of server-hostname): unknown key 'hostname'"
expect 's/^timezone = .*/timezone = Mars\/Olympus/' "timezone = 'Mars/Olympus': not a time zone"
expect 's/^video = off/video = maybe/' "video = 'maybe': on or off"
expect 's/^network = dhcp/network = static/' "network = static needs server-address"
expect 's/^gateway = ""/gateway = 10.0.0.1/' "gateway is set but network = dhcp"
expect 's/^dns = ""/dns = "1.1.1.1 8.8.8.999"/' "'8.8.8.999' is not one"
expect 's|^server-address = ""|server-address = 192.168.10.2/33|' "server-address = '192.168.10.2/33': an IPv4 address with its prefix length"
expect 's/^kiosk-hostname = .*/kiosk-hostname = chamber-server/' "kiosk-hostname is the same as server-hostname"
# shellcheck disable=SC2016 # sed's $a (append), not a variable
expect '$a video = on' "video is set twice (first on line $(line_of video))"
# shellcheck disable=SC2016
expect '$a just words' "expected 'key = value'"
# A static network with every key given is accepted.
sed -e 's/^network = dhcp/network = static/' -e 's|^server-address = ""|server-address = 192.168.10.2/24|' \
    -e 's|^kiosk-address = ""|kiosk-address = 192.168.10.3/24|' -e 's/^gateway = ""/gateway = 192.168.10.1/' \
    -e 's/^dns = ""/dns = "192.168.10.1 1.1.1.1"/' "$here/site.conf" >"$work/static.conf"
"$here/build.sh" --site "$work/static.conf" --check-site >/dev/null 2>&1 ||
    { echo "FAIL: a complete static network is refused"; failures=$((failures + 1)); }

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
echo "site file validation: all checks passed"
