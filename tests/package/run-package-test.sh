#!/bin/sh
# The install test for the Debian package: builds the .deb with CPack from BUILD_DIR, checks
# what is in it (lintian without errors, AppStream and .desktop valid, icons, man page,
# completions, copyright), then installs it with apt into a fresh Debian 12 root made by
# debootstrap, so a dependency the package forgot shows up, and runs `fermata --version`,
# `fermata check` and `fermata notify` there as an ordinary user. Needs root (debootstrap,
# chroot, mount) and deb.debian.org. Mounts are undone and the root removed on any exit.
# Usage: tests/package/run-package-test.sh [BUILD_DIR]   (default build/package, a Release tree)
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${1:-build/package}
mirror=${FERMATA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
started=$(date +%s)
phase_started=$started
phase() { now=$(date +%s); echo "== $1 (previous step: $((now - phase_started)) s)"; phase_started=$now; }
fail() { echo "run-package-test: FAILED: $*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
    echo "run-package-test: needs root for debootstrap, chroot and mount; run it as root (CI does)." >&2
    exit 1
fi
for tool in debootstrap lintian appstreamcli desktop-file-validate dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 ||
        fail "'$tool' is missing; 'make deps' installs it (packaging/linux/debian-build-deps.txt)"
done

# --- build the package -----------------------------------------------------------------
phase "building the package in $build_dir"
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    if [ "$build_dir" = build/package ]; then (cd "$src" && cmake --preset package)
    else cmake -S "$src" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFERMATA_BUILD_TESTS=OFF; fi
fi
rm -f "$build_dir"/fermata_*.deb
nice cmake --build "$build_dir" --target package
set -- "$build_dir"/fermata_*.deb
[ -f "$1" ] || fail "CPack made no fermata_*.deb in $build_dir"
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
version=$(dpkg-deb -f "$deb" Version)
upstream=${version%-*}
echo "$deb: version $version"
dpkg-deb -f "$deb" Depends Recommends

work=$(mktemp -d "${TMPDIR:-/tmp}/fermata-package-test.XXXXXX")
root="$work/root"
unmount_all() {
    for m in "$root/proc" "$root/dev/pts" "$root/dev"; do
        if mountpoint -q "$m" 2>/dev/null; then umount "$m" || umount -l "$m" || true; fi
    done
}
cleanup() {
    unmount_all
    # Never delete through a mount that is still there (it would reach the host's /dev).
    if grep -q " $root/" /proc/mounts 2>/dev/null; then
        echo "run-package-test: $root still has mounts; left in place, remove it by hand" >&2
    else
        rm -rf --one-file-system "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- what is in the package --------------------------------------------------------------
phase "checking the package's contents"
contents="$work/contents"
dpkg-deb -x "$deb" "$contents"
for f in usr/bin/fermata usr/share/applications/fermata.desktop \
         usr/share/metainfo/io.fermata.Fermata.metainfo.xml usr/lib/systemd/user/fermata-serve.service \
         usr/share/icons/hicolor/scalable/apps/fermata.svg usr/share/man/man1/fermata.1.gz \
         usr/share/bash-completion/completions/fermata usr/share/zsh/vendor-completions/_fermata \
         usr/share/fish/vendor_completions.d/fermata.fish usr/share/doc/fermata/copyright \
         usr/share/doc/fermata/changelog.Debian.gz; do
    [ -s "$contents/$f" ] || fail "the package has no $f"
done
for size in 16 22 24 32 48 64 128 256; do
    png="$contents/usr/share/icons/hicolor/${size}x${size}/apps/fermata.png"
    [ -s "$png" ] || fail "the package has no ${size}x${size} icon"
    file "$png" | grep -q "PNG image data, $size x $size," || fail "$png is not a ${size}x${size} PNG: $(file -b "$png")"
done
sh "$src/tests/package/check-metadata.sh" "$contents/usr/share/metainfo/io.fermata.Fermata.metainfo.xml" \
    "$contents/usr/share/applications/fermata.desktop" "$contents/usr/bin/fermata" "$upstream"
zcat "$contents/usr/share/man/man1/fermata.1.gz" | grep -q '^\.SS notify' || fail "the man page has no notify command"
# The bash completion completes a command and an option (zsh and fish: syntax only, when present).
completion="$contents/usr/share/bash-completion/completions/fermata"
got=$(bash -c '. "$1"; COMP_WORDS=(fermata noti); COMP_CWORD=1; _fermata; echo "${COMPREPLY[*]}"' _ "$completion")
[ "$got" = notify ] || fail "bash completion of 'fermata noti' gave '$got', not 'notify'"
got=$(bash -c '. "$1"; COMP_WORDS=(fermata notify --sou); COMP_CWORD=2; _fermata; echo "${COMPREPLY[*]}"' _ "$completion")
[ "$got" = --source ] || fail "bash completion of 'fermata notify --sou' gave '$got', not '--source'"
if command -v zsh >/dev/null 2>&1; then zsh -n "$contents/usr/share/zsh/vendor-completions/_fermata"; fi
if command -v fish >/dev/null 2>&1; then fish -n "$contents/usr/share/fish/vendor_completions.d/fermata.fish"; fi

phase "lintian"
# Errors fail the test; warnings and notes are printed for the record.
lintian --fail-on error --display-info "$deb" || fail "lintian reports errors (above)"

# --- install into a fresh Debian 12 ------------------------------------------------------
phase "debootstrap bookworm (minbase) from $mirror"
# Downloaded .debs are kept (checked against the signed Release file on every use) so a
# second run on this machine does not fetch them again; CI's clean clone starts without.
cache="$src/build/debootstrap-cache"
mkdir -p "$cache"
debootstrap --variant=minbase --cache-dir="$cache" bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 30 "$work/debootstrap.log" >&2; fail "debootstrap failed (log above)"; }
# As on an installed Debian 12: the point release's updates and security updates too (the
# build machine links against those).
security=${FERMATA_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
    "$mirror" "$mirror" "$security" >"$root/etc/apt/sources.list"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"

phase "apt-get install ./$(basename "$deb") in the fresh root"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
in_root apt-get update -q >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update in the fresh root"; }
# Without Recommends: what Depends names must be enough for the commands below.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "/tmp/$(basename "$deb")" >>"$work/apt.log" 2>&1 ||
    { tail -n 40 "$work/apt.log" >&2; fail "apt-get could not install the package (log above)"; }
in_root dpkg-query -W -f='${Package} ${Version} installed, ${Installed-Size} KiB\n' fermata
missing=$(in_root ldd /usr/bin/fermata | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries the package does not pull in: $missing"

phase "running fermata in the fresh root as an ordinary user"
in_root useradd --create-home --uid 4242 --user-group ada
in_root install -d -m 0700 -o 4242 -g 4242 /run/user/4242
as_ada() {
    chroot --userspec=4242:4242 --groups=4242 "$root" env -i PATH=/usr/bin:/bin HOME=/home/ada USER=ada \
        LANG=C.UTF-8 TZ=UTC XDG_RUNTIME_DIR=/run/user/4242 "$@"
}
out=$(as_ada fermata --version) || fail "fermata --version exited $?"
echo "$out"
[ "$(echo "$out" | head -n 1)" = "fermata $upstream" ] || fail "fermata --version said '$out'"
echo "$out" | grep -q 'GPL-3.0-or-later' || fail "fermata --version names no licence"

out=$(as_ada fermata check) || fail "fermata check exited $?: $out"
echo "$out"
echo "$out" | grep -q '^Database: /home/ada/.local/share/fermata/fermata.sqlite' || fail "fermata check did not name the database"
echo "$out" | grep -q 'Integrity: ok' || fail "fermata check did not report integrity ok"

# No window and no `fermata serve` run here, so notify stores the notification in the database
# itself. The root has no session bus and no notification daemon. faketime (installed after
# the package, so it cannot hide a missing dependency) pins the clock to both sides of the
# default check-in windows (09:00, 13:00 and 16:30, 20 minutes each, in the user's zone):
# outside one the notification is held; inside one it is released, and showing it on the
# desktop fails quietly without a daemon: notify still stores it and exits 0.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends faketime \
    >>"$work/apt.log" 2>&1 || { tail -n 20 "$work/apt.log" >&2; fail "apt-get could not install faketime"; }
# The library itself: the faketime wrapper needs a shared-memory folder this root does not have.
libfaketime=$(in_root dpkg -L libfaketime | grep '/libfaketime\.so\.1$' | head -n 1)
at() { when=$1; shift; as_ada env LD_PRELOAD="$libfaketime" FAKETIME="@$when" "$@"; }
out=$(at '2026-12-06 03:00:00' fermata notify --source package-test --title "Held at night") ||
    fail "fermata notify (outside a window) exited $?: $out"
echo "$out"
echo "$out" | grep -Eq '^Held notification [0-9]+$' || fail "fermata notify outside a window said '$out'"
out=$(at '2026-12-07 13:05:00' fermata notify --source package-test --title "Released at midday") ||
    fail "fermata notify (inside a window, no notification daemon) exited $?: $out"
echo "$out"
echo "$out" | grep -Eq '^Delivered notification [0-9]+$' || fail "fermata notify inside a window said '$out'"
out=$(as_ada fermata inbox) || fail "fermata inbox exited $?: $out"
echo "$out"
echo "$out" | grep -q 'Held at night' && echo "$out" | grep -q 'Released at midday' ||
    fail "fermata inbox does not list both notifications"

phase "cleaning up"
cleanup
trap - EXIT
echo "run-package-test: passed in $(($(date +%s) - started)) s: $(basename "$deb") installs into a fresh Debian 12 and runs"
