#!/bin/bash
# The appliance images' smoke test: boots build/images/chamber-server.img and chamber-kiosk.img
# in qemu (TCG, no KVM needed) with OVMF, each on a qcow2 overlay so the built image stays as it
# was, and checks what a site would see:
#   server: chamberd answers GET /api/v1/health through a forwarded port; after a clean shutdown
#           and a second boot (the data partition keeps the keys made on the first) chamberctl,
#           with the token and certificate read from the overlay's data partition, talks to it;
#   kiosk:  the screen (virtio-vga, QMP screendump) shows chamber-kiosk under cage; the
#           screenshot is kept as PNG.
# Prints image sizes and boot-to-healthy / boot-to-kiosk times; the last line is JSON.
#
#   images/smoke.sh [--out DIR] [--only server|kiosk] [--timeout SECONDS] [--chamberctl PROGRAM]
#
# Not part of ctest: it takes minutes (a boot under TCG is about a minute or two).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
out=$repo/build/images
kinds=(server kiosk)
timeout=900
chamberctl=""
while (($#)); do
    case $1 in
    --out) out=$(realpath "${2:?}"); shift 2 ;;
    --only)
        [[ ${2:-} =~ ^(server|kiosk)$ ]] || { echo "smoke.sh: --only takes server or kiosk" >&2; exit 2; }
        kinds=("$2"); shift 2 ;;
    --timeout) timeout=${2:?}; shift 2 ;;
    --chamberctl) chamberctl=$(realpath "${2:?}"); shift 2 ;;
    -h | --help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "smoke.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

log() { printf '[smoke %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { echo "smoke.sh: $*" >&2; exit 1; }

ovmf_code=/usr/share/OVMF/OVMF_CODE_4M.fd
ovmf_vars=/usr/share/OVMF/OVMF_VARS_4M.fd
for tool in qemu-system-x86_64 qemu-img curl debugfs sfdisk python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (packaging/packages/images.list)"
done
[[ -f $ovmf_code ]] || die "$ovmf_code is missing: apt-get install ovmf"

run=$out/smoke
rm -rf "$run" && mkdir -p "$run"
qemu_pid=""
stop_qemu() {
    if [[ -n $qemu_pid ]] && kill -0 "$qemu_pid" 2>/dev/null; then
        kill "$qemu_pid" 2>/dev/null || true
        wait "$qemu_pid" 2>/dev/null || true
    fi
    qemu_pid=""
}
trap stop_qemu EXIT
trap "exit 130" INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts qemu on DIR's overlay; extra qemu options follow. Sets qemu_pid, boot_started.
start_qemu() {
    local dir=$1
    shift
    cp "$ovmf_vars" "$dir/OVMF_VARS.fd"
    boots=$((boots + 1))
    rm -f "$dir/qmp.sock"
    qemu-system-x86_64 -machine q35 -accel tcg -cpu max -smp 2 -m 2048 \
        -drive if=pflash,format=raw,readonly=on,file="$ovmf_code" \
        -drive if=pflash,format=raw,file="$dir/OVMF_VARS.fd" \
        -drive if=virtio,format=qcow2,file="$dir/overlay.qcow2" \
        -serial "file:$dir/serial-$boots.log" -qmp "unix:$dir/qmp.sock,server=on,wait=off" \
        -display none -no-reboot "$@" >"$dir/qemu.log" 2>&1 &
    qemu_pid=$!
    boot_started=$SECONDS
}

# Waits for a clean power-off after the ACPI power button.
power_down() {
    local dir=$1 deadline=$((SECONDS + 180))
    python3 "$here/qmp.py" "$dir/qmp.sock" powerdown
    while kill -0 "$qemu_pid" 2>/dev/null; do
        ((SECONDS < deadline)) || { log "no power-off after 180 s: stopping qemu"; stop_qemu; return 1; }
        sleep 2
    done
    wait "$qemu_pid" 2>/dev/null || true
    qemu_pid=""
}

qemu_alive() {
    kill -0 "$qemu_pid" 2>/dev/null || {
        tail -n 30 "$1"/serial-*.log >&2 || true
        cat "$1/qemu.log" >&2
        die "qemu ended before the check passed (serial logs in $1)"
    }
}

declare -A result=()
boots=0

image_of() {
    local image=$out/chamber-$1.img
    [[ -f $image ]] || die "$image is missing: build it with images/build.sh"
    echo "$image"
}

size_of() { stat -c %s "$1"; }
allocated_of() { echo $(($(stat -c %b "$1") * $(stat -c %B "$1"))); }

# Copies partition NAME of the raw disk DISK out as a file debugfs can read; prints its size in
# sectors.
copy_partition() {
    local disk=$1 name=$2 to=$3 start size
    read -r start size < <(sfdisk -J "$disk" |
        python3 -c 'import json, sys
for p in json.load(sys.stdin)["partitiontable"]["partitions"]:
    if p.get("name") == sys.argv[1]: print(p["start"], p["size"])' "$name")
    [[ -n ${start:-} ]] || die "no $name partition in $disk"
    dd if="$disk" of="$to" bs=512 skip="$start" count="$size" conv=sparse status=none
    echo "$size"
}

# Nothing secret or stateful in the built image: the data partition holds only lost+found and
# /etc/machine-id is empty (keys are made on first boot, never baked in).
check_pristine() {
    local kind=$1 image=$2 dir=$3 entries
    copy_partition "$image" chamber-data "$dir/image-data.ext4" >/dev/null
    entries=$(debugfs -R 'ls -p /' "$dir/image-data.ext4" 2>/dev/null | awk -F/ '{ print $6 }' |
        grep -vx -e '' -e . -e .. -e lost+found || true)
    [[ -z $entries ]] || die "$kind: the image's data partition is not empty: $entries"
    copy_partition "$image" chamber-root "$dir/image-root.ext4" >/dev/null
    [[ $(debugfs -R 'cat /etc/machine-id' "$dir/image-root.ext4" 2>/dev/null | wc -c) == 0 ]] ||
        die "$kind: the image has a machine id"
    rm -f "$dir/image-data.ext4" "$dir/image-root.ext4"
    result[${kind}_image_pristine]=ok
    log "$kind: image pristine (empty data partition, empty /etc/machine-id)"
}

# The data partition of an overlay after the guest shut down, as $dir/data.ext4.
data_partition() {
    local dir=$1 size
    qemu-img convert -O raw "$dir/overlay.qcow2" "$dir/disk.raw"
    size=$(copy_partition "$dir/disk.raw" chamber-data "$dir/data.ext4")
    rm -f "$dir/disk.raw"
    local blocks block_size
    blocks=$(debugfs -R stats "$dir/data.ext4" 2>/dev/null | sed -n 's/^Block count: *//p')
    block_size=$(debugfs -R stats "$dir/data.ext4" 2>/dev/null | sed -n 's/^Block size: *//p')
    result[server_data_partition_mib]=$((size / 2048))
    result[server_data_filesystem_mib]=$((blocks * block_size / 1048576))
}

smoke_server() {
    local dir=$run/server image port guest_port healthy
    image=$(image_of server)
    mkdir -p "$dir"
    check_pristine server "$image" "$dir"
    # 2 GiB more disk than the image: the first boot grows the data partition into it.
    qemu-img create -q -f qcow2 -F raw -b "$image" "$dir/overlay.qcow2" $(($(size_of "$image") + 2 * 1024 ** 3))
    port=$(free_port)
    # The port the image was built with (build.sh records the site's values beside the image).
    guest_port=$(sed -n 's/^server-port = //p' "$out/chamber-server.site" 2>/dev/null)
    guest_port=${guest_port:-8443}
    # shellcheck disable=SC2054 # the commas belong to qemu options
    local forward=(-netdev "user,id=net0,hostfwd=tcp:127.0.0.1:$port-:$guest_port" -device virtio-net-pci,netdev=net0)
    local health=https://127.0.0.1:$port/api/v1/health

    # First boot: chamberd makes its keys on the empty data partition.
    log "server: first boot ($image, health on $health)"
    start_qemu "$dir" "${forward[@]}"
    until curl -ksf --max-time 10 "$health" >"$dir/health.json" 2>/dev/null; do
        qemu_alive "$dir"
        ((SECONDS - boot_started < timeout)) || die "server: not healthy after $timeout s (serial log $dir/serial-$boots.log)"
        sleep 3
    done
    healthy=$((SECONDS - boot_started))
    result[server_first_boot_to_healthy_s]=$healthy
    log "server: healthy $healthy s after power-on: $(cat "$dir/health.json")"
    power_down "$dir"

    # What the first boot left on the data partition: chamberd's keys, made there and only there.
    data_partition "$dir"
    debugfs -R 'ls -p /' "$dir/data.ext4" 2>/dev/null | awk -F/ 'NF > 5 && $6 != "" && $6 != "." && $6 != ".." { print $6 }' |
        sort | tr '\n' ' ' | sed 's/^/[smoke] data partition after first boot: /; s/$/\n/' >&2
    local creds=$dir/credentials
    mkdir -p "$creds/tls"
    chmod 700 "$creds"
    debugfs -R "dump /admin.token $creds/admin.token" "$dir/data.ext4" 2>/dev/null
    debugfs -R "dump /tls/cert.pem $creds/tls/cert.pem" "$dir/data.ext4" 2>/dev/null
    [[ -s $creds/admin.token && -s $creds/tls/cert.pem ]] || die "server: no admin.token or tls/cert.pem on the data partition after the first boot"
    rm -f "$dir/data.ext4"

    # Second boot: the same keys (chamberctl pins the certificate of the first boot).
    log "server: second boot"
    start_qemu "$dir" "${forward[@]}"
    until curl -ksf --max-time 10 "$health" >/dev/null 2>&1; do
        qemu_alive "$dir"
        ((SECONDS - boot_started < timeout)) || die "server: not healthy after $timeout s on the second boot"
        sleep 3
    done
    result[server_second_boot_to_healthy_s]=$((SECONDS - boot_started))
    log "server: healthy again after $((SECONDS - boot_started)) s"

    local ctl=(env -u CHAMBER_TOKEN -u CHAMBER_PIN "$chamberctl" --server "https://127.0.0.1:$port" --data "$creds")
    "${ctl[@]}" health | tee "$dir/chamberctl-health.txt" >&2
    "${ctl[@]}" meeting create --title "Smoke test meeting" | tee "$dir/chamberctl-create.txt" >&2
    "${ctl[@]}" meeting list | tee "$dir/chamberctl-list.txt" >&2
    grep -q "Smoke test meeting" "$dir/chamberctl-list.txt" || die "server: chamberctl meeting list does not show the meeting it created"
    result[server_chamberctl]=ok
    power_down "$dir"
    result[server_image_bytes]=$(size_of "$image")
    result[server_image_allocated_bytes]=$(allocated_of "$image")
}

smoke_kiosk() {
    local dir=$run/kiosk image shot lit=0 size
    image=$(image_of kiosk)
    mkdir -p "$dir"
    check_pristine kiosk "$image" "$dir"
    qemu-img create -q -f qcow2 -F raw -b "$image" "$dir/overlay.qcow2"
    log "kiosk: boot ($image), waiting for the kiosk on the screen"
    # virtio-vga: cage's DRM backend needs it (-vga std fails with "PRIME import not supported").
    start_qemu "$dir" -vga none -device virtio-vga -nic none
    shot=$dir/screen.png
    # The text console is mostly black; chamber-kiosk fills the screen with its light pages.
    # Seen twice in a row, so a half-drawn frame does not count.
    local seen=0
    while ((seen < 2)); do
        qemu_alive "$dir"
        ((SECONDS - boot_started < timeout)) || die "kiosk: no kiosk on the screen after $timeout s (last screen $shot, serial $dir/serial-$boots.log)"
        sleep 5
        read -r size lit < <(python3 "$here/qmp.py" "$dir/qmp.sock" screendump "$shot" 2>/dev/null || echo "0x0 lit=0")
        lit=${lit#lit=}
        if python3 -c "import sys; sys.exit(0 if float('$lit') > 0.5 else 1)"; then
            seen=$((seen + 1))
        else
            seen=0
        fi
    done
    result[kiosk_boot_to_kiosk_s]=$((SECONDS - boot_started))
    result[kiosk_screen]=$size
    result[kiosk_screenshot]=$shot
    log "kiosk: on the screen $((SECONDS - boot_started)) s after power-on ($size, $lit of it lit): $shot"
    # Leave it a few seconds more to finish drawing, then keep the final picture.
    sleep 10
    python3 "$here/qmp.py" "$dir/qmp.sock" screendump "$shot" >/dev/null
    power_down "$dir" || true
    result[kiosk_image_bytes]=$(size_of "$image")
    result[kiosk_image_allocated_bytes]=$(allocated_of "$image")
}

if [[ " ${kinds[*]} " == *" server "* ]]; then
    if [[ -z $chamberctl ]]; then
        # The chamberctl the server package ships, else the build tree's.
        deb=$(find "$repo/build/debs" -maxdepth 1 -name 'chamber-server_*_amd64.deb' 2>/dev/null | sort -V | tail -1)
        if [[ -n $deb ]]; then
            dpkg-deb -x "$deb" "$run/server-deb"
            chamberctl=$run/server-deb/usr/bin/chamberctl
        else
            chamberctl=$repo/build/ci/bin/chamberctl
        fi
    fi
    [[ -x $chamberctl ]] || die "no chamberctl ($chamberctl): pass --chamberctl PROGRAM"
fi

started=$SECONDS
for kind in "${kinds[@]}"; do "smoke_$kind"; done
result[total_s]=$((SECONDS - started))

for kind in "${kinds[@]}"; do
    image=$out/chamber-$kind.img
    printf '%-20s %6d MiB (allocated %d MiB)\n' "chamber-$kind.img" \
        $(($(size_of "$image") / 1048576)) $(($(allocated_of "$image") / 1048576))
done
for key in $(printf '%s\n' "${!result[@]}" | sort); do
    printf '%s=%s\n' "$key" "${result[$key]}"
done
# The last line: everything above as one JSON object.
for key in "${!result[@]}"; do printf '%s\t%s\n' "$key" "${result[$key]}"; done |
    python3 -c 'import json, sys
r = {}
for line in sys.stdin:
    k, v = line.rstrip("\n").split("\t", 1)
    r[k] = int(v) if v.isdigit() else v
print(json.dumps(dict(sorted(r.items()))))'
