# The two commands of a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev postgresql chromium pkg-config libxml2-utils curl python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
REPORT := .build/release/report
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
# On Linux the installed binary carries the Swift runtime (it runs on an image without Swift);
# macOS ships the runtime with the OS.
STATIC := $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)

.PHONY: demo test lint deps test-deps release install uninstall fuzz conformance bench example-report examples fixtures ctrf-fixtures eval eval-thirdparty format clean

## Install the system packages that are missing (Debian/Ubuntu; on macOS: check Homebrew's).
deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	  pkg-config --exists libcmark-gfm libcmark-gfm-extensions 2>/dev/null || \
	    { echo "libcmark-gfm not found: brew install cmark-gfm pkg-config (or your system's package)"; exit 1; }; \
	else \
	  missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	fi

## What the tests need besides: a real browser for the page checks (Chromium, driven by
## Playwright for Python; no browser download: Debian's chromium is used).
TEST_APT_PACKAGES := chromium
test-deps:
	@command -v dpkg >/dev/null 2>&1 || exit 0; \
	missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@python3 -c "import playwright" 2>/dev/null || python3 -m pip install -q playwright
	@# The tests check the ctrf.json they write against ../shared/ctrf's schema with jsonschema.
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema

## The binary `make install` ships: on Linux with the Swift runtime linked in, which also makes
## it ~6% faster on the bench inputs (runtime calls such as swift_retain are direct, not through
## a shared library's indirection) and starts ~8 ms sooner.
release: deps
	$(SWIFT) build -c release $(STATIC)

## Put the binary in $(BINDIR) (`make install PREFIX=$$HOME/.local`); the templates are built in.
install: deps
	$(SWIFT) build -c release $(STATIC)
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 0755 "$$($(SWIFT) build -c release $(STATIC) --show-bin-path)/report" "$(DESTDIR)$(BINDIR)/report"
	@echo "installed $(DESTDIR)$(BINDIR)/report"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/report"

## Build and run `report build examples/logs`.
demo: release
	$(REPORT) build examples/logs
	@echo "open reports/latest/report.html, or read reports/latest/report.md"

## Unit tests and CLI tests (the real binary on real fixtures). The project's own targets are
## built with warnings as errors (REPORT_STRICT=1, see Package.swift); the sources must pass
## `swift format lint` (NeverForceUnwrap included).
test: deps test-deps lint
	REPORT_STRICT=1 $(SWIFT) build --build-tests
	REPORT_STRICT=1 REPORT_REQUIRE_BROWSER=1 $(SWIFT) test

## The project's format rules (.swift-format) on its sources.
lint:
	$(SWIFT) format lint --strict --recursive Sources Package.swift

## libFuzzer on each input reader (junit, pytest, curl, ctrf), FUZZ_SECONDS each (default 60),
## seeded from the fixtures; a crash fails it and is saved under .build-fuzz/.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## Every artifact of ../shared/corpus against its expected counts (skipped when it is absent).
conformance: release
	python3 scripts/conformance.py --report $(REPORT)

## Wall time and peak memory on ../shared/bench inputs, next to xmllint and grep; then what the
## history costs (a 1M build with and without it, report weekly on 1,000 runs of 10,000 tests).
bench: release
	scripts/bench.sh
	scripts/bench_history.sh

## Refresh reports/example/ and reports/example-compare/, the committed outputs for examples/logs
## (the second against examples/baseline), and reports/example-weekly/, the weekly review of
## eight builds of the two (scripts/example_weekly.sh). Tests fail when they are stale.
example-report: release
	$(REPORT) build examples/logs --out reports --run-id example --now 2026-01-01T00:00:00Z --no-history
	$(REPORT) build examples/logs --baseline examples/baseline --out reports --run-id example-compare --now 2026-01-01T00:00:00Z --no-history
	scripts/example_weekly.sh $(REPORT) reports/example-weekly

## Re-run the real tools that made examples/logs and Tests/Fixtures.
examples:
	examples/make_logs.sh
	examples/make_baseline.sh
fixtures:
	scripts/make_fixtures.sh
	scripts/make_ctrf_fixtures.sh
## Only the CTRF fixtures (pytest-json-ctrf over the loopback staging suite).
ctrf-fixtures:
	scripts/make_ctrf_fixtures.sh
## Re-run the generated evaluation set (real pytest, node:test and curl against a loopback
## stand-in), then score it with the third-party set and the corpus: accuracy per category and
## suite, precision per confidence level (the evaluation test fails when a target slips).
eval:
	eval/make_eval.sh
	bash -o pipefail -c "$(SWIFT) test --filter EvalTests 2>&1 | grep -vE '(started|passed after)'"
## Rebuild the third-party evaluation logs from the pinned sdists (root, about 40 minutes, loopback
## only: every suite runs in a network namespace), then label what changed (eval/thirdparty/README.md).
eval-thirdparty:
	eval/thirdparty/make_thirdparty.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
