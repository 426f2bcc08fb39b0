#!/bin/sh
# Checks the desktop metadata the package installs: the AppStream file and the .desktop file
# validate, and the one version (project(VERSION) in CMakeLists.txt) is the newest AppStream
# release and what `fermata --version` says. Used by ctest (packaging_metadata) and by
# run-package-test.sh on the files inside the built package.
# Usage: tests/package/check-metadata.sh METAINFO DESKTOP_FILE FERMATA VERSION
set -eu
metainfo=$1 desktop=$2 fermata=$3 version=$4
failed=0
fail() { echo "check-metadata: $*" >&2; failed=1; }

appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate failed on $metainfo"
desktop-file-validate "$desktop" || fail "desktop-file-validate failed on $desktop"

newest=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" | head -n 1)
[ "$newest" = "$version" ] ||
    fail "the newest <release> in $metainfo is '$newest', not $version: add a release entry for $version"
grep -q '<project_license>GPL-3.0-or-later</project_license>' "$metainfo" ||
    fail "$metainfo names no project_license GPL-3.0-or-later"

said=$("$fermata" --version)
first=$(printf '%s\n' "$said" | head -n 1)
[ "$first" = "fermata $version" ] || fail "'fermata --version' starts '$first', expected 'fermata $version'"
printf '%s\n' "$said" | grep -q 'GPL-3.0-or-later' || fail "'fermata --version' does not name the licence"

[ "$failed" -eq 0 ] && echo "check-metadata: AppStream, .desktop, version $version and licence are consistent"
exit "$failed"
