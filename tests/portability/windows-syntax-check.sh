#!/bin/sh
# A Windows compile check that runs on Linux: every core, ui, app and tests/support source a
# Windows build compiles, parsed (-fsyntax-only, nothing linked) by MinGW-w64's g++ against
# this machine's Qt headers, which pick Q_OS_WIN from the compiler's _WIN32. Headers MSVC does not have
# (<unistd.h>, <sys/socket.h>, <pwd.h> ...) are made to fail with a hint even though MinGW has
# some of them, so an unguarded POSIX include shows here as it would with MSVC. Not a Windows
# build: Qt's Linux configuration (qconfig.h) is what is parsed, and nothing is linked or run.
#
#   tests/portability/windows-syntax-check.sh [BUILD_DIR] [FILE...]
#       BUILD_DIR (default build/dev) lends its generated headers; FILEs limit the check to those.
#       JOBS=N runs N compilers at once (default 2). `make windows-check` runs it all.
#
# Needs the MinGW-w64 compiler (Debian: g++-mingw-w64-x86-64-posix, about 200 MB), which is
# why it is not part of `make test`. Exits non-zero when a file fails; prints each file's result.
set -u
cd "$(dirname "$0")/../.." || exit 2
build_dir=${1:-build/dev}
cxx=${WINDOWS_CXX:-x86_64-w64-mingw32-g++-posix}
qt_include=${QT_INCLUDE_DIR:-/usr/include/x86_64-linux-gnu/qt6}

command -v "$cxx" >/dev/null 2>&1 || {
    echo "windows-syntax-check: $cxx not found. Install it: apt-get install g++-mingw-w64-x86-64-posix" >&2
    exit 2
}
[ -d "$qt_include/QtCore" ] || { echo "windows-syntax-check: no Qt headers in $qt_include" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each POSIX-only header becomes an #error with the fix in it.
for header in unistd.h pwd.h grp.h termios.h poll.h dirent.h syslog.h \
    sys/socket.h sys/un.h sys/wait.h sys/resource.h sys/prctl.h sys/statvfs.h sys/mman.h \
    sys/ioctl.h sys/select.h sys/time.h sys/uio.h netinet/in.h arpa/inet.h; do
    mkdir -p "$work/posix-only/$(dirname "$header")"
    printf '#error "<%s> is POSIX-only (MSVC has none): keep it behind Q_OS_UNIX or in a *_posix.cpp"\n' \
        "$header" > "$work/posix-only/$header"
done

# What CMake compiles on WIN32 instead of the Linux choice (core/attention, core/storage,
# app and ui CMakeLists.txt): the *_win.cpp and windows*.cpp files, not *_posix.cpp, the D-Bus
# adapters, or the Linux and macOS start-at-login and DND files.
[ $# -gt 0 ] && shift
sources=${*:-$(find core app ui tests/support -name '*.cpp' | sort | grep -v -E \
    '(_posix\.cpp|/linux[^/]*\.cpp|/xdg[^/]*\.cpp|/macos[^/]*\.cpp|/noautostart\.cpp|/desktopdnd\.cpp|/dbus[^/]*\.cpp|/keychainsecretstore\.cpp)$')}

qt_modules="QtCore QtGui QtWidgets QtSql QtNetwork QtCharts QtSvg QtConcurrent QtTest"
# shellcheck disable=SC2089,SC2090 # FERMATA_VERSION's quotes are meant for the compiler: "0"
flags="-std=c++20 -fsyntax-only -w -fmax-errors=3
    -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_FOREACH -DQT_NO_KEYWORDS
    -DQT_NO_URL_CAST_FROM_STRING -DQT_USE_QSTRINGBUILDER -DFERMATA_VERSION=\"0\"
    -I$work/posix-only -Icore -Iui -Iapp -Itranslations -Itests/support -I$qt_include"
for module in $qt_modules; do
    [ -d "$qt_include/$module" ] && flags="$flags -I$qt_include/$module"
done
# Third-party headers from their own folders only (never /usr/include itself, whose glibc
# headers would hide MinGW's): libical, CBC (coin), libpq.
mkdir -p "$work/third-party"
[ -d /usr/include/libical ] && ln -s /usr/include/libical "$work/third-party/libical"
flags="$flags -I$work/third-party"
for folder in /usr/include/coin /usr/include/postgresql; do
    [ -d "$folder" ] && flags="$flags -I$folder"
done
# Generated headers (ui_*.h from Designer forms, translations) from the Linux build, if any.
for generated in "$build_dir"/*/*_autogen/include "$build_dir"/translations; do
    [ -d "$generated" ] && flags="$flags -I$generated"
done

# One file per compiler run, JOBS at a time (default 2), each reporting "ok FILE" or "FAIL FILE".
# shellcheck disable=SC2090 # as above
export cxx flags
# shellcheck disable=SC2086,SC2016 # one file per line; $cxx $flags are split by the inner shell
printf '%s\n' $sources | xargs -P "${JOBS:-2}" -I{} sh -c '
    if log=$($cxx $flags "$1" 2>&1); then echo "ok   $1"
    else echo "FAIL $1"; printf "%s\n" "$log" | grep -E ": (fatal )?error:" | head -n 3 | sed "s/^/     /"; fi' sh {} \
    > "$work/results"
grep -v '^ok ' "$work/results"
passed=$(grep -c '^ok ' "$work/results")
failed=$(grep -c '^FAIL ' "$work/results")
echo "windows-syntax-check: $passed passed, $failed failed ($cxx, Qt headers from $qt_include)"
[ "$failed" -eq 0 ]
