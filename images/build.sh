#!/bin/bash
# Builds the Chamber appliance disk images: build/images/chamber-server.img and
# build/images/chamber-kiosk.img, bootable x86-64 UEFI disks (GPT: EFI system partition with
# systemd-boot, a read-only ext4 root, an ext4 data partition). See images/README.md.
#
#   images/build.sh [--debs DIR] [--site FILE] [--out DIR] [--only server|kiosk]
#                   [--without-debs] [--check-site]
#
# Runs as root (mmdebstrap's root mode; the root file systems hold files of many owners). Needs
# mmdebstrap, e2fsprogs (mkfs.ext4 -d), dosfstools + mtools (no vfat mount needed),
# systemd-repart and systemd-boot-efi: packaging/packages/images.list.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
debs_dir=$repo/build/debs
site_file=$here/site.conf
out=$repo/build/images
kinds=(server kiosk)
with_debs=true
check_only=false
mirror=${CHAMBER_DEBIAN_MIRROR:-http://deb.debian.org/debian}

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while (($#)); do
    case $1 in
    --debs) debs_dir=$(realpath "${2:?--debs needs a directory}"); shift 2 ;;
    --site) site_file=$(realpath "${2:?--site needs a file}"); shift 2 ;;
    --out) out=$(realpath -m "${2:?--out needs a directory}"); shift 2 ;;
    --only)
        [[ ${2:-} =~ ^(server|kiosk)$ ]] || { echo "build.sh: --only takes server or kiosk" >&2; exit 2; }
        kinds=("$2"); shift 2 ;;
    --without-debs) with_debs=false; shift ;;
    --check-site) check_only=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "build.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

log() { printf '[build %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { echo "build.sh: $*" >&2; exit 1; }

# --- the site file ---------------------------------------------------------------------------
# Every key, its default and the check its value must pass.
declare -A site=(
    [server-hostname]=chamber-server [kiosk-hostname]=chamber-kiosk [timezone]=Etc/UTC
    [network]=dhcp [server-address]="" [kiosk-address]="" [gateway]="" [dns]=""
    [server-port]=8443 [video]=off [kiosk-rotation]=0 [kiosk-language]=vi
)
declare -A site_line=()

is_ipv4() {
    local IFS=. part
    [[ $1 =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || return 1
    for part in $1; do ((10#$part <= 255)) || return 1; done
}

# Prints why VALUE is not acceptable for KEY, nothing when it is.
site_value_problem() {
    local key=$1 value=$2 word
    case $key in
    server-hostname | kiosk-hostname)
        [[ $value =~ ^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$ ]] ||
            echo "a host name is 1 to 63 letters, digits and '-', not starting or ending with '-'" ;;
    timezone)
        [[ $value =~ ^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$ && -f /usr/share/zoneinfo/$value ]] ||
            echo "not a time zone under /usr/share/zoneinfo (e.g. Asia/Ho_Chi_Minh, Etc/UTC)" ;;
    network) [[ $value =~ ^(dhcp|static)$ ]] || echo "dhcp or static" ;;
    server-address | kiosk-address)
        [[ -z $value ]] && return 0
        local address=${value%/*} prefix=${value##*/}
        if [[ ! $value =~ ^[0-9.]+/[0-9]{1,2}$ ]] || ! is_ipv4 "$address" ||
            ((10#$prefix < 1 || 10#$prefix > 32)); then
            echo "an IPv4 address with its prefix length, e.g. 192.168.10.2/24"
        fi ;;
    gateway) [[ -z $value ]] || is_ipv4 "$value" || echo "an IPv4 address, e.g. 192.168.10.1" ;;
    dns)
        for word in $value; do
            is_ipv4 "$word" || { echo "blank-separated IPv4 addresses; '$word' is not one"; return 0; }
        done ;;
    server-port)
        [[ $value =~ ^[0-9]{1,5}$ ]] && ((10#$value >= 1 && 10#$value <= 65535)) ||
            echo "a TCP port, 1 to 65535" ;;
    video) [[ $value =~ ^(on|off)$ ]] || echo "on or off" ;;
    kiosk-rotation) [[ $value =~ ^(0|90|180|270)$ ]] || echo "0, 90, 180 or 270" ;;
    kiosk-language) [[ $value =~ ^(vi|en)$ ]] || echo "vi or en" ;;
    esac
}

read_site() {
    local file=$1 number=0 line key value problem
    [[ -r $file ]] || die "$file: the site file cannot be read"
    while IFS= read -r line || [[ -n $line ]]; do
        number=$((number + 1))
        [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
        [[ $line =~ ^[[:space:]]*([a-z-]+)[[:space:]]*=[[:space:]]*(.*[^[:space:]])?[[:space:]]*$ ]] ||
            die "$file:$number: expected 'key = value', got: $line"
        key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
        [[ $value =~ ^\"(.*)\"$ ]] && value=${BASH_REMATCH[1]}
        [[ -v site[$key] ]] || die "$file:$number: unknown key '$key' (known: $(printf '%s\n' "${!site[@]}" | sort | tr '\n' ' '))"
        [[ -v site_line[$key] ]] && die "$file:$number: $key is set twice (first on line ${site_line[$key]})"
        problem=$(site_value_problem "$key" "$value")
        [[ -z $problem ]] || die "$file:$number: $key = '$value': $problem"
        site[$key]=$value
        site_line[$key]=$number
    done <"$file"
    # Keys that only make sense together.
    where() { echo "$file:${site_line[$1]:-?}"; }
    if [[ ${site[network]} == static ]]; then
        local kind
        for kind in "${kinds[@]}"; do
            [[ -n ${site[$kind-address]} ]] || die "$(where network): network = static needs $kind-address"
        done
        [[ -n ${site[gateway]} ]] || die "$(where network): network = static needs gateway"
        [[ -n ${site[dns]} ]] || die "$(where network): network = static needs dns"
    else
        for key in server-address kiosk-address gateway dns; do
            [[ -z ${site[$key]} ]] || die "$(where "$key"): $key is set but network = ${site[network]} (it is used with network = static only)"
        done
    fi
    [[ ${site[server-hostname]} != "${site[kiosk-hostname]}" ]] ||
        die "$(where kiosk-hostname): kiosk-hostname is the same as server-hostname"
}

read_site "$site_file"
log "site file $site_file is valid"
if $check_only; then
    for key in $(printf '%s\n' "${!site[@]}" | sort); do echo "$key = ${site[$key]}"; done
    exit 0
fi

[[ $(id -u) == 0 ]] || die "run as root (mmdebstrap --mode=root, file ownership in the root file systems)"
for tool in mmdebstrap mkfs.ext4 debugfs mkfs.vfat mmd mcopy systemd-repart sfdisk; do
    command -v "$tool" >/dev/null || die "$tool is missing: apt-get install $(sed -e 's/#.*//' "$repo/packaging/packages/images.list" | tr -s ' \n' ' ')"
done
systemd_boot=/usr/lib/systemd/boot/efi/systemd-bootx64.efi
[[ -f $systemd_boot ]] || die "$systemd_boot is missing: apt-get install systemd-boot-efi"

# --- package sets ----------------------------------------------------------------------------
list() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$repo/packaging/packages/$1.list"; }

# Both images: kernel, init, networking, and what a read-only appliance needs.
base_packages=(linux-image-amd64 initramfs-tools systemd-sysv udev dbus systemd-resolved
    systemd-timesyncd kmod e2fsprogs tzdata ca-certificates procps iproute2 less)

packages_of() {
    case $1 in
    server) printf '%s\n' "${base_packages[@]}"; list server; list server-recommends ;;
    kiosk) printf '%s\n' "${base_packages[@]}"; list kiosk; list kiosk-session ;;
    esac | sort -u
}

deb_of() {
    local name=chamber-$1 found
    found=$(find "$debs_dir" -maxdepth 1 -name "${name}_*_amd64.deb" 2>/dev/null | sort -V | tail -1)
    [[ -n $found ]] || die "no ${name}_*_amd64.deb in $debs_dir (make them with scripts/package.sh, or pass --debs DIR)"
    echo "$found"
}

# --- the root file system (mmdebstrap, cached) -------------------------------------------------
mkdir -p "$out/cache" "$out/apt-archives"

# The Debian packages a .deb depends on and recommends (the first of each set of alternatives,
# without versions): installed by mmdebstrap with the rest, so that the .deb itself goes in
# afterwards with dpkg alone and a new .deb does not cost a new mmdebstrap.
deb_dependencies() {
    dpkg-deb --field "$1" Depends Recommends | sed -e 's/^[A-Za-z-]*: //' | tr ',' '\n' |
        sed -e 's/|.*//' -e 's/(.*)//' -e 's/[[:space:]]//g' -e '/^$/d'
}

# The Debian part of KIND's root as a tarball, made by mmdebstrap once per set of packages.
root_tarball() {
    local kind=$1 packages key
    packages=$( {
        packages_of "$kind"
        if $with_debs; then deb_dependencies "$(deb_of "$kind")"; fi
    } | sort -u | paste -sd, -)
    key=$( {
        echo "$packages"
        sed -n '/^# --- the root file system/,/^# --- end of root/p' "${BASH_SOURCE[0]}"
    } | sha256sum | cut -c1-16)
    local tarball=$out/cache/$kind-$key.tar
    if [[ -f $tarball ]]; then
        log "$kind: Debian root from cache ($(basename "$tarball"))"
        echo "$tarball"
        return
    fi
    log "$kind: mmdebstrap bookworm ($(wc -w <<<"${packages//,/ }") packages)"
    local started=$SECONDS
    # shellcheck disable=SC2016 # the hooks' $1 is the chroot, expanded by mmdebstrap
    mmdebstrap --variant=minbase --mode=root --format=tar --skip=essential/unlink \
        --aptopt='APT::Install-Recommends "false"' \
        --include="$packages" \
        --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
        --setup-hook="sync-in $out/apt-archives /var/cache/apt/archives/" \
        --customize-hook="sync-out /var/cache/apt/archives $out/apt-archives" \
        --customize-hook='rm -f "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*_Packages' \
        bookworm "$tarball.part" "$mirror" >&2
    mv "$tarball.part" "$tarball"
    log "$kind: mmdebstrap took $((SECONDS - started)) s, $(du -h "$tarball" | cut -f1)"
    # Older tarballs of this kind are stale.
    find "$out/cache" -name "$kind-*.tar" ! -name "$(basename "$tarball")" -delete
    echo "$tarball"
}

# Installs the project's .deb into the root with dpkg (its dependencies are there already): its
# maintainer scripts create the users and directories and register the units, as on a machine.
install_deb() {
    local kind=$1 root=$2 deb
    deb=$(deb_of "$kind")
    log "$kind: dpkg -i $(basename "$deb")"
    cp "$deb" "$root/tmp/"
    # systemd-tmpfiles in the postinst needs /proc.
    mount -t proc proc "$root/proc"
    local status=0
    chroot "$root" env DEBIAN_FRONTEND=noninteractive dpkg --install "/tmp/$(basename "$deb")" >&2 || status=$?
    umount "$root/proc"
    ((status == 0)) ||
        die "$kind: $(basename "$deb") does not install into the image (a dependency missing from its control file?)"
    rm -f "$root/tmp/$(basename "$deb")"
}
# --- end of root

# --- what the site and the appliance add to the root -----------------------------------------
data_dir_of() { case $1 in server) echo /var/lib/chamber ;; kiosk) echo /var/lib/chamber-kiosk ;; esac; }

configure_root() {
    local kind=$1 root=$2 data
    data=$(data_dir_of "$kind")

    # Identity: the host name and time zone of the site; a machine id made on every boot (the
    # root is read-only, so it is never written back); no key of any kind.
    echo "${site[$kind-hostname]}" >"$root/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
        "${site[$kind-hostname]}" >"$root/etc/hosts"
    ln -sfn "/usr/share/zoneinfo/${site[timezone]}" "$root/etc/localtime"
    echo "${site[timezone]}" >"$root/etc/timezone"
    : >"$root/etc/machine-id"
    rm -f "$root/var/lib/dbus/machine-id" "$root/var/lib/systemd/random-seed" \
        "$root"/etc/ssh/ssh_host_* "$root"/etc/ssl/private/ssl-cert-snakeoil.key \
        "$root"/etc/ssl/certs/ssl-cert-snakeoil.pem
    ln -sfn /etc/machine-id "$root/var/lib/dbus/machine-id"

    # Network: systemd-networkd on every wired interface, systemd-resolved for names.
    mkdir -p "$root/etc/systemd/network"
    {
        printf '[Match]\nName=en* eth*\n\n[Network]\n'
        if [[ ${site[network]} == static ]]; then
            printf 'Address=%s\nGateway=%s\n' "${site[$kind-address]}" "${site[gateway]}"
            for server in ${site[dns]}; do printf 'DNS=%s\n' "$server"; done
        else
            printf 'DHCP=yes\n'
        fi
    } >"$root/etc/systemd/network/20-wired.network"
    ln -sfn ../run/systemd/resolve/stub-resolv.conf "$root/etc/resolv.conf"
    # A server must come up even with its cable out: wait for any link, not for ever.
    mkdir -p "$root/etc/systemd/system/systemd-networkd-wait-online.service.d"
    printf '[Service]\nExecStart=\nExecStart=/lib/systemd/systemd-networkd-wait-online --any --timeout=30\n' \
        >"$root/etc/systemd/system/systemd-networkd-wait-online.service.d/any.conf"
    systemctl --root="$root" enable systemd-networkd.service systemd-resolved.service \
        systemd-timesyncd.service systemd-networkd-wait-online.service >/dev/null 2>&1

    # Read-only root: only the data partition and tmpfs are written. journald keeps its journal
    # in /run (the serial console and journalctl still show it); timesyncd's clock file and the
    # random seed have nowhere to go and are not needed.
    cat >"$root/etc/fstab" <<EOF
# The root is read-only (the image is replaced, not changed); state lives on the data partition.
UUID=$root_uuid / ext4 ro,noatime,errors=remount-ro 0 1
LABEL=chamber-data $data ext4 rw,noatime,nosuid,nodev,noexec,x-systemd.growfs,x-systemd.after=systemd-repart.service 0 2
tmpfs /tmp tmpfs rw,nosuid,nodev,mode=1777,size=25% 0 0
tmpfs /var/tmp tmpfs rw,nosuid,nodev,mode=1777 0 0
tmpfs /var/log tmpfs rw,nosuid,nodev,mode=0755 0 0
tmpfs /var/lib/systemd tmpfs rw,nosuid,nodev,mode=0755 0 0
EOF
    # First boot on a disk larger than the image: systemd-repart (sysinit) grows the data
    # partition, the last one, to the end of the disk; x-systemd.growfs then grows its file
    # system when it is mounted, which waits for repart. The ESP and root have no free space
    # after them and stay as they are.
    mkdir -p "$root/usr/lib/repart.d"
    printf '[Partition]\nType=esp\n' >"$root/usr/lib/repart.d/10-esp.conf"
    printf '[Partition]\nType=root-x86-64\n' >"$root/usr/lib/repart.d/20-root.conf"
    printf '[Partition]\nType=linux-generic\nLabel=chamber-data\n' >"$root/usr/lib/repart.d/30-data.conf"
    mkdir -p "$root/etc/systemd/journald.conf.d"
    printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=64M\n' >"$root/etc/systemd/journald.conf.d/volatile.conf"
    # The journal also goes to the serial console (not to the screen): with nothing kept across
    # boots, that is where a technician (or the smoke test) reads why a boot went wrong.
    printf '[Journal]\nForwardToConsole=yes\nTTYPath=/dev/ttyS0\nMaxLevelConsole=info\n' \
        >"$root/etc/systemd/journald.conf.d/serial.conf"
    systemctl --root="$root" mask systemd-random-seed.service >/dev/null 2>&1
    # Nothing to update on a read-only root.
    systemctl --root="$root" mask apt-daily.timer apt-daily-upgrade.timer \
        man-db.timer dpkg-db-backup.timer e2scrub_all.timer e2scrub_reap.service >/dev/null 2>&1

    case $kind in
    server)
        if [[ -f $root/etc/chamber/chamberd.conf ]]; then
            sed -i -e "s|^listen = .*|listen = 0.0.0.0:${site[server-port]}|" \
                -e "/^\[media\]/,/^\[/s|^enabled = .*|enabled = $([[ ${site[video]} == on ]] && echo true || echo false)|" \
                "$root/etc/chamber/chamberd.conf"
        fi
        # Every unit the package ships that can be enabled (chamberd, and a firewall unit when the
        # package has one): on the appliance they all run.
        local unit
        while IFS= read -r unit; do
            if grep -q '^\[Install\]' "$root$unit"; then
                systemctl --root="$root" enable "$(basename "$unit")" >/dev/null 2>&1
            fi
        done < <(grep -E '^/lib/systemd/system/[^/]+\.service$' "$root/var/lib/dpkg/info/chamber-server.list" || true) ;;
    kiosk)
        if [[ -f $root/etc/chamber/kiosk.conf ]]; then
            sed -i -e "s|^rotation = .*|rotation = ${site[kiosk-rotation]}|" \
                -e "s|^language = .*|language = ${site[kiosk-language]}|" "$root/etc/chamber/kiosk.conf"
            systemctl --root="$root" enable chamber-kiosk.service seatd.service >/dev/null 2>&1
        fi
        # The screen belongs to the kiosk: no login prompt on tty1, a graphical boot.
        systemctl --root="$root" mask getty@tty1.service >/dev/null 2>&1
        systemctl --root="$root" set-default graphical.target >/dev/null 2>&1 ;;
    esac

    # The data partition is mounted over this directory: the image holds nothing below it.
    mkdir -p "$root$data"
    find "$root$data" -mindepth 1 -delete
    # Logs of the build and apt's cache are no use in an image (/var/log is a tmpfs at run time);
    # fontconfig's cache stays, so that applications find their fonts without a scan each boot.
    rm -rf "$root"/var/log/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
        "$root"/var/tmp/* "$root"/tmp/*
}

# Refuses an image that carries a secret or state: keys are made on first boot, never baked in.
check_no_secrets() {
    local kind=$1 root=$2 found
    found=$( {
        find "$root$(data_dir_of "$kind")" -mindepth 1
        find "$root/etc/ssh" "$root/etc/ssl/private" -type f 2>/dev/null
        find "$root/root" "$root/home" "$root/var/lib" \( -name '*.pem' -o -name '*.key' -o -name '*.token' \) 2>/dev/null
        if [[ -s $root/etc/machine-id ]]; then echo "$root/etc/machine-id is not empty"; fi
    } | sort -u)
    [[ -z $found ]] || die "$kind: the image would carry state or secrets: $found"
}

# --- the disk --------------------------------------------------------------------------------
kernel_options() {
    # consoleblank=0: the kiosk's screen never blanks (the kernel console blanks after 10 min).
    echo "root=UUID=$root_uuid ro rootwait console=tty0 console=ttyS0,115200 consoleblank=0"
}

make_esp() {
    local kind=$1 root=$2 esp=$3 kernel initrd
    kernel=$(find "$root/boot" -maxdepth 1 -name 'vmlinuz-*' | sort -V | tail -1)
    initrd=$(find "$root/boot" -maxdepth 1 -name 'initrd.img-*' | sort -V | tail -1)
    [[ -n $kernel && -n $initrd ]] || die "$kind: no kernel or initrd in /boot of the root"
    local size_kib=$((($(stat -c %s "$kernel") + $(stat -c %s "$initrd")) / 1024 + 40 * 1024))
    rm -f "$esp"
    mkfs.vfat -F 32 -n ESP -C "$esp" "$size_kib" >/dev/null
    mmd -i "$esp" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries ::/chamber
    mcopy -i "$esp" "$systemd_boot" ::/EFI/BOOT/BOOTX64.EFI
    mcopy -i "$esp" "$kernel" ::/chamber/vmlinuz
    mcopy -i "$esp" "$initrd" ::/chamber/initrd.img
    local tmp
    tmp=$(mktemp -d)
    printf 'default chamber.conf\ntimeout 0\neditor no\nconsole-mode keep\n' >"$tmp/loader.conf"
    printf 'title Chamber %s\nlinux /chamber/vmlinuz\ninitrd /chamber/initrd.img\noptions %s\n' \
        "$kind" "$(kernel_options)" >"$tmp/chamber.conf"
    mcopy -i "$esp" "$tmp/loader.conf" ::/loader/loader.conf
    mcopy -i "$esp" "$tmp/chamber.conf" ::/loader/entries/chamber.conf
    rm -rf "$tmp"
}

build_image() {
    local kind=$1 started=$SECONDS tarball work root parts image
    tarball=$(root_tarball "$kind")
    work=$out/$kind
    root=$work/root
    parts=$work/parts
    image=$out/chamber-$kind.img
    rm -rf "$work" && mkdir -p "$root" "$parts"
    tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -xpf "$tarball"
    if $with_debs; then install_deb "$kind" "$root"; fi
    root_uuid=$(cat /proc/sys/kernel/random/uuid)
    configure_root "$kind" "$root"
    check_no_secrets "$kind" "$root"

    # Root: the tree plus a fifth for the journal and metadata, in whole MiB.
    local used_mib root_mib
    used_mib=$(du -sm --apparent-size "$root" | cut -f1)
    root_mib=$((used_mib * 6 / 5 + 64))
    mkfs.ext4 -q -F -L chamber-root -U "$root_uuid" -m 0 -d "$root" "$parts/root.ext4" "${root_mib}M"
    # Data: empty; systemd grows it to the partition (x-systemd.growfs) and the partition to the
    # disk (systemd-repart on first boot) when the image is written to a larger disk.
    local data_mib
    data_mib=$([[ $kind == server ]] && echo 1024 || echo 512)
    mkfs.ext4 -q -F -L chamber-data -m 0 "$parts/data.ext4" "${data_mib}M"
    make_esp "$kind" "$root" "$parts/esp.vfat"

    # systemd-repart lays the three file systems into a GPT disk block by block (CopyBlocks=:
    # nothing is mounted). --root makes the definitions' paths relative to $parts.
    rm -f "$image"
    systemd-repart --empty=create --size=auto --dry-run=no --no-pager \
        --root="$parts" --definitions="$here/repart.d" "$image" >&2
    # repart copied the file systems' empty blocks too: give them back (the image is sparse).
    fallocate --dig-holes "$image"
    # The site's values the image was built with (the smoke test reads the server's port here).
    for key in $(printf '%s\n' "${!site[@]}" | sort); do echo "$key = ${site[$key]}"; done >"$out/chamber-$kind.site"
    log "$kind: $(basename "$image"): $(du -h --apparent-size "$image" | cut -f1), $(du -h "$image" | cut -f1) allocated (root ${root_mib} MiB, data ${data_mib} MiB), built in $((SECONDS - started)) s"
    rm -rf "$root" "$parts/root.ext4"
}

for kind in "${kinds[@]}"; do build_image "$kind"; done
for kind in "${kinds[@]}"; do
    printf '%s\t%s\n' "$out/chamber-$kind.img" "$(du -h --apparent-size "$out/chamber-$kind.img" | cut -f1)"
done
