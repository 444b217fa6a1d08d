# OutletSim: the two README commands are `make run` and `make test`.
SWIFT ?= swift
CONFIG := -c release
OUTLETSIM := .build/release/outletsim

.PHONY: deps build run test network reference-results bench-network bench bench-peers bench-outlet bench-run bench-memory bench-optimize bench-fit bench-forecast bench-network-plan bench-network-scale bench-speedup bench-studio clean

deps:
	@scripts/install-deps.sh

# Extra flags for `swift build`: `make test` passes its own, so that the
# network step uses the build the tests made instead of rebuilding.
BUILD_FLAGS ?=
build: deps
	$(SWIFT) build $(CONFIG) --product outletsim $(BUILD_FLAGS)

# The main job: check every example scenario, simulate 100 days of the
# weekday bank branch, print its metrics with 95% confidence intervals and
# write results/bank-branch-weekday/ with report.html, then run the theory
# scenarios as users' runs are run and compare every level with theory.
run: build
	$(OUTLETSIM) validate scenarios/*.yaml scenarios/theory/*.yaml
	$(OUTLETSIM) run scenarios/bank-branch-weekday.yaml --replications 100
	$(OUTLETSIM) theory

# One release build serves the tests and the command they run: built
# testable (for @testable imports) with the tests, it is not rebuilt
# without, which cost every module again, SwiftNIO and Hummingbird included.
TESTABLE := -Xswiftc -enable-testing

# Every test, built with optimisation (the statistical tests simulate millions
# of customers and stay fast only in release mode), then the Python suite:
# results files in pandas and the report in headless Chromium; then every
# notebook, executed with small parameters against results made by this
# build; last, the example scenarios' service targets, as CI checks them.
test: deps
	$(SWIFT) build $(CONFIG) --build-tests $(TESTABLE)
	$(SWIFT) test $(CONFIG) --skip-build
	scripts/python-tests.sh
	$(MAKE) network NETWORK_OPTIONS="--days 10 --shard-days 5 --quiet" BUILD_FLAGS="$(TESTABLE)"
	scripts/notebook-tests.sh
	$(OUTLETSIM) check scenarios/*.yaml

# The example network (scenarios/network/, 20 outlets) on a Dask LocalCluster
# with every core: Parquet tables and report.html in results/network-city-network/.
# `make test` runs it with small parameters for the network notebook.
NETWORK_OPTIONS ?=
network: build
	scripts/python-env.sh
	OUTLETSIM=$(OUTLETSIM) .venv-tests/bin/outletsim-network run scenarios/network/city.network.yaml --out results/network-city-network $(NETWORK_OPTIONS)

# The committed reference results folder (docs and test fixture): rerun it
# when the engine or the weekday scenario changes on purpose.
reference-results: build
	$(OUTLETSIM) run scenarios/bank-branch-weekday.yaml --replications 5 --seed 1 --quiet --force --out results/reference/bank-branch-weekday

# Kernel throughput and memory with ordo-one/benchmark (separate package).
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --target KernelBenchmarks

# Ours against hand-written C (GSL taus2 and mt19937), SimPy and Ciw on the
# same M/M/10 model, interleaved, with ratios of medians.
bench-peers: deps
	Benchmarks/peers/compare.sh

# The weekday branch with every mechanism on, one core: customers per second,
# and peak memory after 10 and after 1000 days (it must not grow).
bench-outlet: deps
	cd Benchmarks && $(SWIFT) build -c release --product outlet-throughput
	Benchmarks/.build/release/outlet-throughput scenarios/bank-branch-weekday.yaml --days 10 --repeat 1
	Benchmarks/.build/release/outlet-throughput scenarios/bank-branch-weekday.yaml --days 1000
	Benchmarks/.build/release/outlet-throughput scenarios/bank-branch-weekday-floor-plan.yaml --days 1000

# The weekday branch against BASE (default b4b134d, where issue 30 began),
# both built side by side (BASE once, in Benchmarks/.build) and run
# interleaved: the engine alone, full runs of 1000 replications on one and
# on every core, and the default run; medians, bests and their ratios.
BASE ?= b4b134d
bench-speedup: deps
	python3 Benchmarks/speedup.py --base $(BASE)

# 1000 replications of the weekday branch with all statistics, files and the
# report, on all cores: the target is under 2 seconds.
bench-run: build
	@for jobs in 1 2; do \
		start=$$(date +%s.%N); \
		$(OUTLETSIM) run scenarios/bank-branch-weekday.yaml --replications 1000 --jobs $$jobs --quiet --force --out /tmp/outletsim-bench-run-$$jobs; \
		end=$$(date +%s.%N); \
		echo "1000 replications, --jobs $$jobs: $$(awk "BEGIN { print $$end - $$start }") s"; \
	done
	@cmp /tmp/outletsim-bench-run-1/summary.json /tmp/outletsim-bench-run-2/summary.json && echo "summary.json identical for --jobs 1 and 2"

# Peak memory of run (10, 1000 and 100,000 days), compare (10, 1000 and
# 10,000 days) and optimize (20, 200 and 1000 search and validation days):
# it must not grow with the days once the bounded window of days in flight
# is full.
bench-memory: build
	python3 Benchmarks/peak-memory.py $(OUTLETSIM) scenarios/bank-branch-weekday.yaml

# The weekday branch optimized (windows per half hour in 3 groups, kiosks,
# seats, shifts) on all cores, validation included: the target is under 2 minutes.
bench-optimize: build
	@start=$$(date +%s.%N); \
	$(OUTLETSIM) optimize scenarios/bank-branch-weekday.yaml --pareto --force --out /tmp/outletsim-bench-optimize; \
	end=$$(date +%s.%N); \
	echo "optimize, weekday branch: $$(awk "BEGIN { print $$end - $$start }") s wall clock"

# outletsim fit on a year of a busy branch (target 5 s, validation
# included) and on 2 million rows (targets 60 s and 1 GB), medians of 3.
bench-fit: build
	scripts/python-env.sh
	.venv-tests/bin/python Benchmarks/fit-speed.py $(OUTLETSIM)

# 1,000 outlets x 250 days of check on a LocalCluster, a worker per core
# (issue 30): target under 2 minutes. CI runs it scaled down (Tests/python).
bench-network-scale: build
	scripts/python-env.sh
	OUTLETSIM=$(OUTLETSIM) .venv-tests/bin/python Benchmarks/network-scale.py

# Fitting and backtesting three years of a busy branch (issue 28): target 10 s.
bench-forecast: build
	scripts/python-env.sh
	.venv-tests/bin/python Benchmarks/forecast-speed.py $(OUTLETSIM)

clean:
	rm -rf .build Benchmarks/.build

# 100 outlets x 100 days on a LocalCluster (1 and all workers) against the
# same work in a shell loop: overhead and scaling (docs/network.md).
bench-network: build
	scripts/python-env.sh
	OUTLETSIM=$(OUTLETSIM) .venv-tests/bin/python Benchmarks/network-overhead.py

# Planning 1,000 and 10,000 outlets with outletsim-network plan: seconds for
# the inputs' check and for the plan, and peak memory (linear in outlets × shards).
bench-network-plan: build
	scripts/python-env.sh
	.venv-tests/bin/python Benchmarks/network-plan.py $(OUTLETSIM)

# The studio under load on the loopback: the latency of an edit of the
# weekday branch (200 days) for one client, then for 50 clients sending 4
# different edits each at once (median, p95, most, and every status).
bench-studio: build
	scripts/python-env.sh
	.venv-tests/bin/python Tests/python/studio_load.py $(OUTLETSIM) --clients 50 --edits 4
