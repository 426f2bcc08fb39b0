#!/bin/sh
# Runs the whole suite through ctest with every service the tests need started here:
# a private runtime folder, a private D-Bus session bus, and the offscreen Qt platform.
# Usage: tests/run-tests.sh BUILD_DIR [ctest arguments...]
set -eu
build_dir=$1; shift

runtime=$(mktemp -d "${TMPDIR:-/tmp}/fermata-test-runtime.XXXXXX")
chmod 700 "$runtime"
trap 'rm -rf "$runtime"' EXIT INT TERM
export XDG_RUNTIME_DIR="$runtime"
export QT_QPA_PLATFORM=offscreen
# Tests write their own temp folders; keep stray settings out of the user's home.
export XDG_CONFIG_HOME="$runtime/config" XDG_DATA_HOME="$runtime/data" XDG_CACHE_HOME="$runtime/cache"

# Notification daemons on the private bus (dunst is activatable) must not reach a real display.
unset DISPLAY WAYLAND_DISPLAY
jobs=$(nproc 2>/dev/null || echo 2)
exec dbus-run-session -- ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@"
