# OutletSim: the two README commands are `make run` and `make test`.
SWIFT ?= swift
CONFIG := -c release
OUTLETSIM := .build/release/outletsim

.PHONY: deps build run test bench bench-peers clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build $(CONFIG) --product outletsim

# The main job. Until the outlet engine lands it proves the event kernel:
# simulated Erlang C, M/M/c/K, Erlang A, priority and M/D/1 values beside theory.
run: build
	$(OUTLETSIM) theory

# Every test, built with optimisation (the statistical tests simulate millions
# of customers and stay fast only in release mode).
test: deps
	$(SWIFT) test $(CONFIG)

# Kernel throughput and memory with ordo-one/benchmark (separate package).
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark --target KernelBenchmarks

# Ours against SimPy and Ciw on the same M/M/10 model, with ratios.
bench-peers: deps
	Benchmarks/peers/compare.sh

clean:
	rm -rf .build Benchmarks/.build
