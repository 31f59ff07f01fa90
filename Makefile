# kroniek — two commands for a new user:
#   make run    install what is missing, analyse examples/ into kroniek.duckdb, print a summary,
#               the documents and the first events, then serve the dashboard on it (Ctrl-C stops)
#   make test   install what is missing, run lint, type checks and the test suite
# Both are idempotent: the second time they only check and run.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .make-stamps
DB ?= kroniek.duckdb
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := frog frogdata

.PHONY: run test lint typecheck unit slow bench record screenshots setup system-deps browser-deps clean help

help:
	@echo "make run    analyse examples/ into $(DB), print a summary, serve the dashboard"
	@echo "make test   lint, type-check and run the test suite (real Frog included)"
	@echo "make bench  speed benchmark against Frog alone"
	@echo "make slow   the slow test suites"
	@echo "make record re-record the Frog analyses the unit tests replay (after a Frog upgrade)"

setup: system-deps $(STAMPS)/venv node_modules/.package-lock.json

# Frog comes from Debian; nothing is downloaded at run time.
system-deps: $(STAMPS)/system
$(STAMPS)/system:
	@mkdir -p $(STAMPS)
	@if ! command -v frog >/dev/null || [ ! -f /usr/share/frog/nld/frog.cfg ]; then \
		echo "Installing Debian packages: $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi
	@if ! $(PYTHON) -c 'import venv, ensurepip' 2>/dev/null; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv; \
	fi
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "kroniek needs Python 3.11 or newer")'
	@touch $@

# Debian's Chromium, which the dashboard's browser tests drive through Playwright.
# Playwright never downloads a browser here ('playwright install' is not used).
browser-deps: $(STAMPS)/chromium
$(STAMPS)/chromium: $(STAMPS)/system
	@mkdir -p $(STAMPS)
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian package: chromium"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; \
	fi
	@touch $@

# The dashboard's JavaScript libraries and map data, from the npm registry, as locked.
# npm writes node_modules/.package-lock.json, so deleting node_modules reinstalls them.
node_modules/.package-lock.json: package.json package-lock.json $(STAMPS)/system
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMPS)/venv: pyproject.toml $(STAMPS)/system
	@mkdir -p $(STAMPS)
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

run: setup
	$(BIN)/kroniek run examples/ --db $(DB) --workers 2
	$(BIN)/kroniek docs --db $(DB)
	$(BIN)/kroniek events --db $(DB) --limit 15
	$(BIN)/kroniek serve --db $(DB) --port $(PORT)

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: setup
	$(BIN)/mypy --strict src

test: lint typecheck browser-deps
	$(BIN)/pytest

slow: setup
	$(BIN)/pytest -m slow

# Tests replay Frog answers recorded in tests/data/recorded/; this asks real Frog for every
# sentence the tests send and rewrites the recordings with exactly the lines they use.
record: setup
	$(BIN)/python tests/record_frog.py
	KRONIEK_RECORD=1 $(BIN)/pytest -q -m "not frog and not browser"

# The tests without Frog, ../shared or a browser: what changes to the coder need first.
unit: setup
	$(BIN)/pytest -q -m "not frog and not browser"

# docs/img: every dashboard view of $(DB), photographed in Debian's Chromium.
screenshots: setup browser-deps
	$(BIN)/python -m tests.browser --db $(DB) --out docs/img

bench: setup
	$(BIN)/python bench/bench_analyse.py

clean:
	rm -rf $(VENV) $(STAMPS) node_modules *.egg-info src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
