#!/usr/bin/env bash
# Runs one Janus server (Debian package `janus`) for chamber-media's scale-out: writes a config
# dir with only the streaming plugin and the WebSocket transport, then runs `janus -F DIR` in
# the foreground (exec: the caller's pid is Janus's; Ctrl-C or SIGTERM stops it).
#
#   scripts/janus.sh [--dir DIR] [--ws-port 8188] [--address 127.0.0.1] [--public-ip IP]
#                    [--rtp-ports 20000-29999] [--source-ports 30000-30999] [--debug-level 3]
#
# --address: the interface Janus gathers ICE candidates on and its API listens on (127.0.0.1
#   on a loopback-only host; the LAN address of the Janus box otherwise).
# --public-ip: nat_1_1_mapping, when bridges reach Janus through a NAT (1:1).
# --rtp-ports: ports of the WebRTC side (one per bridge, bundled); --source-ports: where the
#   mountpoints chamber-media creates take its RTP (Janus picks them, two per mountpoint).
# Several instances on one host: a different --dir, --ws-port and disjoint port ranges each.
set -euo pipefail

dir=
ws_port=8188
address=127.0.0.1
public_ip=
rtp_ports=20000-29999
source_ports=30000-30999
debug_level=3
while [ $# -gt 0 ]; do
    case $1 in
    --dir) dir=$2; shift 2 ;;
    --ws-port) ws_port=$2; shift 2 ;;
    --address) address=$2; shift 2 ;;
    --public-ip) public_ip=$2; shift 2 ;;
    --rtp-ports) rtp_ports=$2; shift 2 ;;
    --source-ports) source_ports=$2; shift 2 ;;
    --debug-level) debug_level=$2; shift 2 ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "janus.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
command -v janus >/dev/null || { echo "janus.sh: no janus binary (apt-get install janus)" >&2; exit 127; }
number='^[0-9]+$'
range='^[0-9]+-[0-9]+$'
ip='^[0-9a-fA-F:.]+$'
[[ $ws_port =~ $number && $rtp_ports =~ $range && $source_ports =~ $range && $debug_level =~ $number ]] \
    || { echo "janus.sh: ports are numbers, ranges FROM-TO" >&2; exit 2; }
[[ $address =~ $ip && ( -z $public_ip || $public_ip =~ $ip ) ]] \
    || { echo "janus.sh: addresses are IP addresses" >&2; exit 2; }
[ -n "$dir" ] || dir=${XDG_RUNTIME_DIR:-/tmp}/chamber-janus-$ws_port
mkdir -p "$dir"

lib=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/janus
nat_mapping=
[ -n "$public_ip" ] && nat_mapping="nat_1_1_mapping = \"$public_ip\""

cat >"$dir/janus.jcfg" <<CFG
# Written by scripts/janus.sh: Janus for chamber-media (streaming plugin, WebSocket API).
general: {
	configs_folder = "$dir"
	plugins_folder = "$lib/plugins"
	transports_folder = "$lib/transports"
	events_folder = "$lib/events"
	loggers_folder = "$lib/loggers"
	debug_level = $debug_level
	debug_timestamps = true
	debug_colors = false
	# The address put in SDP: bridges connect to this one.
	interface = "$address"
	# chamber-media keeps its session alive every 15 s; a dead client's peers go after 60 s.
	session_timeout = 60
}
media: {
	rtp_port_range = "$rtp_ports"
	# chamber-media's jitter buffer is 100 ms; NACKs older than this are useless anyway.
	min_nack_queue = 300
}
nat: {
	nice_debug = false
	# Candidates are trickled to the bridge as Janus finds them (chamber-media relays them).
	full_trickle = true
	# No mDNS .local candidates to resolve, no STUN: a LAN (or loopback) deployment.
	ignore_mdns = true
	# Only the one address: no candidates on interfaces bridges cannot reach.
	ice_enforce_list = "$address"
	$nat_mapping
}
plugins: {
	disable = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_videoroom.so,libjanus_voicemail.so"
}
transports: {
	disable = "libjanus_http.so,libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so"
}
events: {
	broadcast = false
	disable = "libjanus_gelfevh.so,libjanus_mqttevh.so,libjanus_nanomsgevh.so,libjanus_rabbitmqevh.so,libjanus_sampleevh.so,libjanus_wsevh.so"
}
loggers: {
	disable = "libjanus_jsonlog.so"
}
CFG

cat >"$dir/janus.transport.websockets.jcfg" <<CFG
general: {
	json = "compact"
	ws = true
	ws_port = $ws_port
	ws_ip = "$address"
	wss = false
}
admin: {
	admin_ws = false
}
CFG

# No static mountpoints: chamber-media creates its own through the API at start.
cat >"$dir/janus.plugin.streaming.jcfg" <<CFG
general: {
	rtp_port_range = "$source_ports"
	events = false
}
CFG

exec janus -F "$dir" -C "$dir/janus.jcfg" --disable-colors
