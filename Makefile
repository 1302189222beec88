# Thin wrapper: the real build is CMake + Ninja.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
DB ?= ./data/ordo.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: deps configure build test run bench bench-http format clean

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

run: build
	@./scripts/run.sh $(BUILD_DIR)/ordo $(DB) $(LISTEN)

bench: build
	@$(BUILD_DIR)/bench/ordo_bench_orders --db-dir $(BUILD_DIR)/bench-data

bench-http: build
	@$(BUILD_DIR)/bench/ordo_bench_http --db-dir $(BUILD_DIR)/bench-data

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	@rm -rf $(BUILD_DIR)
