#!/bin/sh
# Installs the Debian/Ubuntu packages listed in debian-build-deps.txt that are missing.
# Quiet and quick when everything is there, so 'make run' and 'make test' can call it each time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
list="$here/debian-build-deps.txt"

packages=$(grep -vE '^[[:space:]]*(#|$)' "$list")
missing=""
for p in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Fermata needs these packages, but this system has no apt-get:$missing" >&2
    echo "Install them with your package manager, then run make again." >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "Fermata needs these packages:$missing" >&2
        echo "Run as root, or install sudo, then run make again." >&2
        exit 1
    fi
fi
echo "Installing packages Fermata needs:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
