# Thin wrapper: the real build is CMake + Ninja.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
DB ?= ./data/ordo.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)
SHELL := /bin/bash

.PHONY: deps configure build test run bench bench-http bench-pricing format clean

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# CTest lists skipped tests after its summary; the summary line is repeated so that it is
# always the last line of the output.
test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) 2>&1 | tee ctest.log; \
	  rc=$${PIPESTATUS[0]}; grep -E '^[0-9]+% tests passed' ctest.log | tail -1; exit $$rc

run: build
	@./scripts/run.sh $(BUILD_DIR)/ordo $(DB) $(LISTEN)

bench: build
	@$(BUILD_DIR)/bench/ordo_bench_orders --db-dir $(BUILD_DIR)/bench-data

bench-http: build
	@$(BUILD_DIR)/bench/ordo_bench_http --db-dir $(BUILD_DIR)/bench-data

bench-pricing: build
	@$(BUILD_DIR)/bench/ordo_bench_pricing --db-dir $(BUILD_DIR)/bench-data

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	@rm -rf $(BUILD_DIR)
