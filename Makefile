# Gongkai (公开): build, run and test on Debian 12 with Swift installed.
#
#   make run          build (release) and open the window on the built-in dataset
#   make test         build and run all tests under Xvfb and a private D-Bus session
#   make bench        build (release) and run `gongkai bench`
#   make fuzz         fuzz the survey loader and the list importer for GONGKAI_FUZZ_SECONDS (300)
#   make screenshots  render every section of the window to docs/screenshots/zh and /en
#   make deps         install the Debian packages the build and the tests need
#   make install      install under PREFIX (default /usr/local), staged under DESTDIR if set
#   make uninstall    remove what `make install` installed (same PREFIX and DESTDIR)
#   make deb          build a Debian package (build/deb/gongkai_VERSION_ARCH.deb) with dpkg-deb
#   make pot          extract the messages into resources/po/gongkai.pot and POTFILES, check zh_CN.po
#
# Missing Debian packages are installed with apt-get (through sudo unless run as root).
# SWIFT_FLAGS passes extra options to every swift invocation, e.g.
# `make test SWIFT_FLAGS="--scratch-path .build-mine"`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

SWIFT ?= swift
SWIFT_FLAGS ?=
DEB_PACKAGES := libgtk-4-dev libepoxy-dev xvfb xauth dbus-x11 fonts-noto-cjk libxlsxwriter-dev poppler-utils xdotool \
  desktop-file-utils appstream shared-mime-info dpkg-dev gettext \
  python3-docx libreoffice-writer-nogui libreoffice-calc-nogui at-spi2-core python3-pyatspi
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
# A virtual screen and a private session bus: works as root in CI without a terminal or DISPLAY.
HEADLESS := env GSETTINGS_BACKEND=memory dbus-run-session -- scripts/headless.sh
SCREENSHOT_DIR ?= docs/screenshots

.PHONY: all deps build release run test bench bench-startup fuzz screenshots clean install uninstall deb deb-check pot

all: build

## Install the Debian packages that `dpkg -s` does not report as installed. `apt-get update` runs
## only when apt does not know a missing package yet, or when installing from the current lists fails.
deps:
	@missing=""; \
	for pkg in $(DEB_PACKAGES); do \
	  status=$$(dpkg -s "$$pkg" 2>/dev/null | sed -n 's/^Status: //p' || true); \
	  [ "$$status" = "install ok installed" ] || missing="$$missing $$pkg"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "Installing Debian packages:$$missing"; \
	updated=no; \
	for pkg in $$missing; do \
	  if ! apt-cache show "$$pkg" >/dev/null 2>&1; then $(APT_GET) update; updated=yes; break; fi; \
	done; \
	if ! $(APT_GET) install -y --no-install-recommends $$missing; then \
	  if [ "$$updated" = yes ]; then exit 1; fi; \
	  $(APT_GET) update; \
	  $(APT_GET) install -y --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

## The release binary's folder (the resources bundle sits beside the executable).
RELEASE_BIN = $$($(SWIFT) build -c release --show-bin-path $(SWIFT_FLAGS))

run: release
	"$(RELEASE_BIN)/gongkai"

## Runs swift test's own output straight through (summary lines included) and exits with its status.
## The tests get their own XDG data, config and state folders (drafts, recent files, settings),
## made fresh for each run and removed afterwards: a test never touches the real home folder.
test: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	xdg=$$(mktemp -d -t gongkai-test-XXXXXX); trap 'rm -rf "$$xdg"' EXIT; \
	mkdir -p "$$xdg/data" "$$xdg/config" "$$xdg/state" "$$xdg/cache"; \
	XDG_DATA_HOME="$$xdg/data" XDG_CONFIG_HOME="$$xdg/config" XDG_STATE_HOME="$$xdg/state" XDG_CACHE_HOME="$$xdg/cache" \
	  $(HEADLESS) $(SWIFT) test --skip-build --disable-swift-testing $(SWIFT_FLAGS)
	$(MAKE) --no-print-directory deb-check

bench: release
	$(HEADLESS) "$(RELEASE_BIN)/gongkai" bench

## Cold start to first frame, gongkai (built-in dataset) beside GNOME Text Editor (installed with apt
## when missing), each started 10 times in turn on one private X server.
bench-startup: release
	scripts/startup-bench.sh 10 "$(RELEASE_BIN)/gongkai"

## The fuzz pass of `make test` (Tests/ModelTests/FuzzTests.swift), for GONGKAI_FUZZ_SECONDS in all
## (default 300), a new seed each round. Each round runs in a child process: an input that makes it
## trap (or fail) is kept in Tests/Fuzz/corpus/{survey,csv}/ as found-*; inputs with outcomes the
## corpus lacks are added as new-*. The corpus is part of the repository: commit what is worth keeping.
FUZZ_ROUND ?= 60
fuzz: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	end=$$(( $$(date +%s) + $${GONGKAI_FUZZ_SECONDS:-300} )); seed=$${GONGKAI_FUZZ_SEED:-$$(date +%s)}; \
	current=$$(mktemp -t gongkai-fuzz-XXXXXX); trap 'rm -f "$$current"' EXIT; \
	while [ "$$(date +%s)" -lt "$$end" ]; do \
	  for target in survey:FuzzSurveyLoader csv:FuzzListImporter; do \
	    left=$$(( end - $$(date +%s) )); [ "$$left" -gt 0 ] || break; \
	    round=$$(( left < $(FUZZ_ROUND) ? left : $(FUZZ_ROUND) )); : > "$$current"; \
	    echo "fuzz $${target%%:*}: seed $$seed, $$round s"; \
	    if ! GONGKAI_FUZZ_SECONDS=$$round GONGKAI_FUZZ_SEED=$$seed GONGKAI_FUZZ_CURRENT="$$current" GONGKAI_FUZZ_SAVE=1 \
	         $(SWIFT) test --skip-build --disable-swift-testing $(SWIFT_FLAGS) --filter "FuzzTests/test$${target#*:}$$" >/dev/null 2>&1; then \
	      if [ -s "$$current" ]; then \
	        kept="Tests/Fuzz/corpus/$${target%%:*}/found-$$(sha1sum < "$$current" | cut -c1-12)"; cp "$$current" "$$kept"; \
	        echo "  the process failed or trapped on an input: kept as $$kept"; \
	      fi; \
	    fi; \
	    seed=$$(( seed + 1 )); \
	  done; \
	done

screenshots: release
	mkdir -p $(SCREENSHOT_DIR)/zh $(SCREENSHOT_DIR)/en
	LANG=zh_CN.UTF-8 $(HEADLESS) "$(RELEASE_BIN)/gongkai" --screenshot $(SCREENSHOT_DIR)/zh
	LANG=en_US.UTF-8 $(HEADLESS) "$(RELEASE_BIN)/gongkai" --screenshot $(SCREENSHOT_DIR)/en

clean:
	$(SWIFT) package clean $(SWIFT_FLAGS)

## ---- Install, package, translate (see packaging/README.md) ----

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share
APP_ID := io.github.gongkai.Gongkai
## The binary `install` copies; `make install GONGKAI_BIN=path` installs another build.
GONGKAI_BIN ?= $(RELEASE_BIN)/gongkai
DEB_DIR ?= build/deb

## Everything under $(DESTDIR)$(PREFIX): the binary, its data folder (share/gongkai: dataset,
## translations, icons), desktop integration, the man page and shell completions (the last two
## generated by the binary being installed).
install: $(if $(filter command line,$(origin GONGKAI_BIN)),,release)
	GONGKAI_BIN="$(GONGKAI_BIN)" DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" packaging/install.sh install

uninstall:
	DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" packaging/install.sh uninstall

## The release binary links the Swift runtime statically, so the package depends only on Debian's
## libraries, which dpkg-shlibdeps computes.
DEB_SWIFT_FLAGS ?= --static-swift-stdlib --scratch-path .build-deb
deb: deps
	$(SWIFT) build -c release $(DEB_SWIFT_FLAGS)
	packaging/make-deb.sh "$$($(SWIFT) build -c release --show-bin-path $(DEB_SWIFT_FLAGS))/gongkai" "$(DEB_DIR)"

## Run by `make test`: packages the debug build (no release build needed), extracts the package into
## a scratch root and runs the installed `gongkai check`, `--version`, the man page and the
## desktop files' validators there.
deb-check:
	packaging/check-deb.sh "$$($(SWIFT) build --show-bin-path $(SWIFT_FLAGS))/gongkai"

pot:
	packaging/update-pot.sh
