# sms-report — the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
DEMO_OUT ?= out/demo
SOURCE_DATE_EPOCH ?= 1762300800

.PHONY: setup build release demo demo-fetch test unit integration golden samples bench clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product sms-report

## Starts the API simulator, fetches from it and reports: the whole pipeline live.
demo-fetch: setup
	$(SWIFT) build -c release --product sms-report
	$(SWIFT) build -c release --product sms-api-sim
	scripts/demo-fetch.sh

## Runs the report on the bundled rich sample and shows its summary.
demo: release
	rm -rf $(DEMO_OUT)
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) .build/release/sms-report report --snapshot samples/rich --out $(DEMO_OUT) ; \
	  status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ] || exit $$status
	@echo; cat $(DEMO_OUT)/summary.csv; echo; cat $(DEMO_OUT)/by_operator.csv

## Runs every test: Swift unit and golden tests, then the CLI tests read back with Python.
test: setup unit integration

unit:
	$(SWIFT) build
	$(SWIFT) test

integration:
	$(SWIFT) build
	python3 -m pytest -q Tests/integration

## Rewrites the golden files under Tests/Golden from the current code (deliberately only).
golden: setup
	UPDATE_GOLDEN=1 $(SWIFT) test --filter Golden

## Regenerates the bundled rich sample and its ground truth.
samples:
	$(SWIFT) build -c release --product sms-sample
	rm -rf samples/rich
	.build/release/sms-sample --out samples/rich --deliveries 300 --days 7 --seed 7 --truth samples/rich-truth.csv

## The benchmarks: 1M-delivery report (wall, CPU, RSS) and fetch from the simulator.
bench: setup
	benchmarks/report_benchmark.py
	benchmarks/fetch_benchmark.py --no-build

clean:
	rm -rf .build out
