# sms-report — the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
DEMO_OUT ?= out/demo
SOURCE_DATE_EPOCH ?= 1762300800

.PHONY: setup templates build release dist deb package-test demo demo-fetch demo-run demo-cluster test unit integration fuzz golden screenshot samples bench clean

setup:
	@scripts/setup.sh

## Copies templates/ into the tool's bundled templates (Sources/SMSRender/Templates/BundledTemplates.swift).
templates:
	@scripts/embed-templates.py

build: setup templates
	$(SWIFT) build

release: setup templates
	$(SWIFT) build -c release --product sms-report

## The binary to ship (docs/install.md): the Swift runtime linked in (--static-swift-stdlib),
## stripped, as $(DIST_DIR)/sms-report; fails if it links more than the system's C libraries.
## DIST_CONFIG=debug relinks the debug build instead of a release build (under a minute once
## `swift build` has run: what CI can afford).
DIST_CONFIG ?= release
DIST_DIR ?= dist
dist: setup templates
	SWIFT=$(SWIFT) scripts/dist.sh $(DIST_CONFIG) $(DIST_DIR)

## The Debian package $(DIST_DIR)/sms-report_<VERSION>_<arch>.deb from `make dist`'s binary. The
## man page comes from swift-argument-parser's generate-manual tool, built as a product of
## the dependency in the project's own debug build (seconds: its ArgumentParser is already
## built; the manual plugin would build sms-report a second time).
deb: dist
	$(SWIFT) build --product generate-manual
	scripts/build-deb.sh $(DIST_DIR)/sms-report "$$($(SWIFT) build --show-bin-path)/generate-manual" $(DIST_DIR)

## Installs the package with apt in a fresh debootstrapped Debian bookworm root and runs the
## nightly job's commands there, against the debug API simulator and an SMTP server on the
## host's loopback (root only; Tests/package). The pristine root is cached in
## PACKAGE_TEST_CACHE, outside the clone: the first run debootstraps it (about 3 minutes).
PACKAGE_TEST_CACHE ?= /var/cache/sms-report-test
package-test: deb
	$(SWIFT) build --product sms-api-sim
	SMS_REPORT_DEB="$$(ls $(DIST_DIR)/sms-report_$$(cat VERSION)_*.deb)" PACKAGE_TEST_CACHE=$(PACKAGE_TEST_CACHE) \
	  python3 -m pytest -q Tests/package

## Starts the API simulator, fetches from it and reports: the whole pipeline live.
demo-fetch: setup templates
	$(SWIFT) build -c release --product sms-report
	$(SWIFT) build -c release --product sms-api-sim
	scripts/demo-fetch.sh

## The nightly job live: two simulated accounts, `sms-report run`, emails written as .eml files.
demo-run: setup templates
	$(SWIFT) build -c release --product sms-report
	$(SWIFT) build -c release --product sms-api-sim
	scripts/demo-run.sh

## Three shards of one nightly run side by side on the PostgreSQL test server; one is
## killed with SIGKILL and resumed (contract §11).
demo-cluster: setup templates
	$(SWIFT) build -c release --product sms-report
	$(SWIFT) build -c release --product sms-api-sim
	scripts/demo-cluster.sh

## Runs the report on the bundled rich sample, keeping its days in a history store, and
## shows its summary and the stored days as a `history` table.
demo: release
	rm -rf $(DEMO_OUT)
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) .build/release/sms-report report --snapshot samples/rich --out $(DEMO_OUT) \
	  --store $(DEMO_OUT)/history.sqlite --account demo ; \
	  status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ] || exit $$status
	@echo; cat $(DEMO_OUT)/report.txt
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) .build/release/sms-report history --store $(DEMO_OUT)/history.sqlite \
	  --account demo --out $(DEMO_OUT)/history
	@echo; cut -d, -f1,2,3,11,16,20,21 $(DEMO_OUT)/history/history.csv | tr , "\t"
	@echo; echo "open $(DEMO_OUT)/report.html and $(DEMO_OUT)/history/history.html in a browser for the charts"

## Runs every test: Swift unit and golden tests, the CLI tests read back with Python, the
## fuzzers, then the Debian package on a clean root. The fuzz package (its own sanitizer build
## of the parsing modules and their dependencies, no network modules: about 2 minutes) builds
## in the background while the integration tests run, which wait on servers and subprocesses
## much of the time. The package test relinks the
## debug build (DIST_CONFIG=debug, into .build/dist-test): a release build from cold takes 14
## to 28 minutes here and would not fit CI's 30; `make package-test` tests the release package.
test: setup unit
	scripts/fuzz.sh --build-only & fuzz_build=$$!; \
	  $(MAKE) integration; integration=$$?; \
	  wait $$fuzz_build; fuzz_build=$$?; \
	  [ $$integration -eq 0 ] && [ $$fuzz_build -eq 0 ]
	$(MAKE) fuzz
	$(MAKE) package-test DIST_CONFIG=debug DIST_DIR=.build/dist-test

## The history store's PostgreSQL cases run against scripts/postgres-test-server.sh on 127.0.0.1:54329.
unit:
	$(SWIFT) build
	scripts/postgres-test-server.sh start
	eval "$$(scripts/postgres-test-server.sh env)" && $(SWIFT) test

integration:
	$(SWIFT) build
	python3 -m pytest -q --durations=15 Tests/integration

## Builds the libFuzzer targets (Fuzz/, into .build-fuzz) and runs each for FUZZ_SECONDS; fails on a crash or a hang.
FUZZ_SECONDS ?= 30
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

## Rewrites the golden files under Tests/Golden from the current code, the email's chart PNGs included (deliberately only).
golden: setup templates
	UPDATE_GOLDEN=1 $(SWIFT) test --filter Golden

## Rewrites docs/report-screenshot.png and docs/email-screenshot.png from the browser tests (deliberately only).
screenshot: setup templates
	$(SWIFT) build
	UPDATE_SCREENSHOT=1 python3 -m pytest -q Tests/integration/test_report_html.py -k rich_sample
	UPDATE_SCREENSHOT=1 python3 -m pytest -q Tests/integration/test_email_charts.py -k chromium_draws_it

## Regenerates the bundled rich sample and its ground truth.
samples:
	$(SWIFT) build -c release --product sms-sample
	rm -rf samples/rich
	.build/release/sms-sample --out samples/rich --deliveries 300 --days 7 --seed 7 --truth samples/rich-truth.csv

## The benchmarks: 1M-delivery report (wall, CPU, RSS) and fetch from the simulator.
bench: setup
	benchmarks/report_benchmark.py
	benchmarks/fetch_benchmark.py --no-build
	benchmarks/store_benchmark.py --no-build

clean:
	rm -rf .build .build-fuzz out dist
