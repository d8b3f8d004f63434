# action-plan-tracker: build, demo and test.
#
#   make pkg     build the npm package into pkg/ (wasm-pack + wasm-opt + src/web/js/)
#   make demo    build pkg/ and the checker's module, copy them into www/ and serve it on http://127.0.0.1:$(PORT)/
#   make checker the checker page's module (spreadsheets in, static page out; a second wasm) into target/checker/
#   make test    everything CI runs, in order, stopping at the first failure
#   make bench   the benchmark (bench/run.mjs): prints a table, writes bench/RESULTS.md; not part of make test
#   make tools   install any missing tool (scripts/ensure-tools.sh); every target does this
#
# See DEVELOPERS.md.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# cargo-installed tools (wasm-pack, wasm-bindgen) and npm ones (wasm-opt from binaryen).
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)

PORT ?= 8000
PKG := pkg
CORE := action_plan_tracker_core
# The element and API modules, its DOM patcher, the Node entry, the npx command line and the types
# (src/web/js/; every file there is copied).
PKG_JS := $(sort $(wildcard src/web/js/*.js src/web/js/*.d.ts))
CLI_JS := action-plan-tracker-cli.js
# The checker page's module (src/web/checker.rs): the same crate without the widget, with calamine.
CHECKER := target/checker

# The features rustc's wasm32-unknown-unknown target emits by default; wasm-opt
# must accept them all or it refuses to read the module.
WASM_OPT_FLAGS := -Os --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue

# wasm-bindgen-test-runner drives Debian's chromium through chromedriver; the
# browser options are in webdriver.json at the repo root.
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: help tools pkg checker demo test test-wasm test-browser test-consumers bench clean

help:
	@sed -n '3,9p' Makefile | sed 's/^# \{0,1\}//'

tools:
	@scripts/ensure-tools.sh

pkg:
	@scripts/ensure-tools.sh rust node
	rm -rf $(PKG)
	wasm-pack --log-level warn build --release --target web --no-typescript --out-dir $(PKG) --out-name $(CORE)
	wasm-opt $(WASM_OPT_FLAGS) -o $(PKG)/$(CORE)_bg.wasm $(PKG)/$(CORE)_bg.wasm
	cp $(PKG_JS) $(PKG)/
	chmod +x $(PKG)/$(CLI_JS)
	node scripts/finish-pkg.mjs $(PKG)
	@echo "pkg/: $$(du -b $(PKG)/$(CORE)_bg.wasm | cut -f1) bytes of wasm (after wasm-opt)"

# Loaded by www/check.html only when a spreadsheet is opened or a page asked for; never part
# of the npm package.
checker:
	@scripts/ensure-tools.sh rust node
	wasm-pack --log-level warn build --release --target web --out-dir $(CHECKER) --out-name checker \
	  --no-typescript -- --no-default-features --features checker
	wasm-opt $(WASM_OPT_FLAGS) -o $(CHECKER)/checker_bg.wasm $(CHECKER)/checker_bg.wasm
	@echo "$(CHECKER)/: $$(du -b $(CHECKER)/checker_bg.wasm | cut -f1) bytes of wasm (after wasm-opt)"

demo: pkg checker
	rm -rf www/pkg www/checker
	cp -r $(PKG) www/pkg
	mkdir -p www/checker
	cp $(CHECKER)/checker.js $(CHECKER)/checker_bg.wasm www/checker/
	node scripts/serve.mjs www $(PORT) --label Demo

test:
	@scripts/ensure-tools.sh
	node scripts/check-links.mjs && node --test tests/links/ tests/scripts/
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features checker -- -D warnings
	cargo test
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory pkg
	$(MAKE) --no-print-directory checker
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory test-consumers

# Runs every #[wasm_bindgen_test] in headless chromium. Skipped, saying so,
# while the crate has none (wasm-pack would only compile for nothing).
test-wasm:
	@scripts/ensure-tools.sh rust browser
	@if grep -rqs 'wasm_bindgen_test' src tests --include='*.rs'; then \
	  echo "wasm-pack test --headless --chrome"; \
	  wasm-pack --log-level warn test --headless --chrome -- --test wasm; \
	else \
	  echo "NOTE: no #[wasm_bindgen_test] under src/ or tests/ yet: wasm tests skipped"; \
	fi

# node:test files in tests/browser/ (playwright-core + axe-core in Debian's chromium).
test-browser:
	@scripts/ensure-tools.sh browser node
	node --test tests/size.test.mjs tests/schema/*.test.mjs tests/browser/*.test.mjs

# The packed tarball in a Vite 7 app, webpack 5, Rollup and esbuild builds, a plain page (CDN
# copy), Node (its entry, a server render, npx against the Rust CLI, which it builds), TypeScript
# 5 and 7, and a GOV.UK Frontend page. Needs pkg/. Installs tests/consumers' own npm dependencies when missing.
test-consumers:
	@scripts/ensure-tools.sh browser node
	node --test tests/consumers/*.test.mjs

clean:
	rm -rf $(PKG) www/pkg www/checker $(CHECKER) test-output

# The benchmark (issue #6): the widget against JSON.parse and DataTables in headless Chromium.
# BENCH_ARGS passes options to bench/run.mjs, e.g. BENCH_ARGS="--sizes 10000 --reps 3".
bench: pkg
	@scripts/ensure-tools.sh browser node
	node bench/run.mjs $(BENCH_ARGS)
