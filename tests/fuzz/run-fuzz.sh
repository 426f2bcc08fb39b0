#!/bin/sh
# Builds the iCalendar libFuzzer target with clang in its own build folder (only the target
# and what it needs) and fuzzes the import path over a copy of the seed corpus, so the
# repository stays clean. Fails on a crash, a sanitizer report, a leak or a hang; the input
# that caused it is kept in BUILD_DIR/tests/fuzz/ as crash-*, leak-* or timeout-*.
# Usage: tests/fuzz/run-fuzz.sh [BUILD_DIR] [SECONDS] [extra libFuzzer options...]
set -eu
build_dir=${1:-build/fuzz}
seconds=${2:-60}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
src=$(cd "$(dirname "$0")/../.." && pwd)

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$src" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFERMATA_FUZZ=ON
fi
cmake --build "$build_dir" --target fuzz_icalimport
fuzzer="$build_dir/tests/fuzz/fuzz_icalimport"
if [ ! -x "$fuzzer" ]; then
    echo "fuzz_icalimport was not built: it needs clang and libFuzzer (packages clang, libclang-rt-dev)." >&2
    exit 1
fi

corpus=$(mktemp -d "${TMPDIR:-/tmp}/fermata-fuzz-corpus.XXXXXX")
trap 'rm -rf "$corpus"' EXIT INT TERM
cp "$src"/tests/fuzz/corpus/* "$src"/tests/data/ical/*.ics "$corpus"/
artifacts=$(cd "$build_dir/tests/fuzz" && pwd)/
echo "Fuzzing the iCalendar import for ${seconds} s over $(ls "$corpus" | wc -l) seed files"
# Per-input leak checks are off: Qt's and libical's process-wide caches grow during the
# first inputs and make LeakSanitizer scan after nearly every one (about 25 instead of 180
# inputs a second here). Pass -detect_leaks=1 to turn them on (later options win).
TZ=UTC "$fuzzer" -dict="$src/tests/fuzz/ical.dict" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" \
    -detect_leaks=0 "$@" "$corpus"
