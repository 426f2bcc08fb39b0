# The two commands: 'make run' and 'make test'. Both install what is missing, configure
# and build first; a second call only rebuilds what changed.
PRESET ?= $(if $(filter true,$(CI)),ci,dev)
BUILD_DIR := build/$(PRESET)
FERMATA := $(BUILD_DIR)/app/fermata

.PHONY: all deps configure build run test fuzz bench package package-test windows-check clean help

all: build

help:
	@echo "make run    install what is missing, build, and open Fermata"
	@echo "make test   the same set-up, then the whole test suite"
	@echo "make bench  start-up and planner benchmarks (prints figures)"
	@echo "make fuzz   the iCalendar fuzzer (clang, build/fuzz) for FUZZ_SECONDS (default: 60)"
	@echo "make package       the Debian package, a Release build in build/package"
	@echo "make package-test  that package installed and run in a fresh Debian 12 root (root only)"
	@echo "make windows-check the sources parsed as Windows code by MinGW-w64 (not in 'make test')"
	@echo "PRESET=dev|ci|asan selects the build (default: $(PRESET))"

deps:
	@packaging/linux/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake --preset $(PRESET)

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	cmake --build --preset $(PRESET)

run: build
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ] && [ -z "$${QT_QPA_PLATFORM:-}" ]; then \
		echo "No graphical display found (DISPLAY and WAYLAND_DISPLAY are unset)."; \
		echo "Run 'make run' from a desktop session, or try: xvfb-run make run"; exit 1; fi
	$(FERMATA) $(ARGS)

test: build
	tests/run-tests.sh $(BUILD_DIR)
	tests/fuzz/run-fuzz.sh build/fuzz $(FUZZ_SECONDS)
	tests/package/run-package-test.sh $(BUILD_DIR)

# libFuzzer over the iCalendar import, built with clang in its own folder; 'make test' runs it
# for a minute, 'make fuzz FUZZ_SECONDS=3600' for longer.
FUZZ_SECONDS ?= 60
fuzz: deps
	tests/fuzz/run-fuzz.sh build/fuzz $(FUZZ_SECONDS)

# The .deb (CPack) from its own Release tree, so build/dev is left alone. The package test
# installs it into a fresh Debian 12 root (debootstrap) and runs it there; 'make test' runs
# the same test on the package of the tree it has just built and tested.
package: deps
	@[ -f build/package/CMakeCache.txt ] || cmake --preset package
	nice cmake --build build/package --target package

package-test: deps
	tests/package/run-package-test.sh build/package

# Every source a Windows build compiles, parsed by MinGW-w64's g++ (-fsyntax-only): catches
# unguarded POSIX calls and headers. Not in 'make test': it needs that ~200 MB compiler
# (Debian: g++-mingw-w64-x86-64-posix), which 'make deps' does not install.
windows-check:
	tests/portability/windows-syntax-check.sh $(BUILD_DIR)

bench: build
	cmake --build --preset $(PRESET) --target bench

clean:
	rm -rf build
