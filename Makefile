# The two commands of a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev postgresql chromium pkg-config libxml2-utils curl python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
REPORT := .build/release/report

.PHONY: demo test lint deps release conformance bench example-report examples fixtures eval format clean

## Install the system packages that are missing (Debian/Ubuntu).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

release: deps
	$(SWIFT) build -c release

## Build and run `report build examples/logs`.
demo: release
	$(REPORT) build examples/logs
	@echo "open reports/latest/report.html, or read reports/latest/report.md"

## Unit tests and CLI tests (the real binary on real fixtures). The project's own targets are
## built with warnings as errors (REPORT_STRICT=1, see Package.swift); the sources must pass
## `swift format lint` (NeverForceUnwrap included).
test: deps lint
	REPORT_STRICT=1 $(SWIFT) build --build-tests
	REPORT_STRICT=1 $(SWIFT) test

## The project's format rules (.swift-format) on its sources.
lint:
	$(SWIFT) format lint --strict --recursive Sources Package.swift

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
## Re-run the labeled evaluation set (real pytest, node:test and curl against a loopback stand-in).
eval:
	eval/make_eval.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
